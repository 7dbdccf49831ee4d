//! Evidence per role and the posting's role profile.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Role, TitleAnalysis, TitleRole};
use crate::document::{Document, SectionKind};
use crate::lexicon::Lexicon;
use crate::span::Span;

/// Group kind of negation cues in the roles pack.
pub(crate) const NEGATION_KIND: &str = "negation";
/// Group kinds that are role evidence.
const EVIDENCE_KINDS: &[&str] = &[
    "duty",
    "competency",
    "tool",
    "output",
    "workplace",
    "failure-mode",
    "other-role",
];

/// How much a section's evidence counts.
#[must_use]
pub fn section_weight(section: SectionKind) -> f32 {
    match section {
        SectionKind::Summary | SectionKind::Responsibilities => 1.0,
        SectionKind::Requirements | SectionKind::Other => 0.7,
        SectionKind::Preferred => 0.4,
        SectionKind::Title
        | SectionKind::Company
        | SectionKind::Benefits
        | SectionKind::Compensation
        | SectionKind::Legal => 0.0,
    }
}

/// One phrase of the taxonomy found in the posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The role it signals.
    pub role: Role,
    /// What it is: duty, competency, tool, output, workplace, failure-mode, other-role.
    pub kind: String,
    /// The phrase as written in the pack.
    pub phrase: String,
    /// Where it is.
    pub span: Span,
    /// The section it is in.
    pub section: SectionKind,
    /// What it adds to the role's score after section weight, negation and
    /// repeat damping (0 when it counts for nothing).
    pub weight: f32,
    /// True when a negation in the same sentence cancels it.
    pub negated: bool,
}

/// A role's score and its share of all scores.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct RoleScore {
    /// Sum of evidence weights.
    pub score: f32,
    /// `score` divided by the sum of all roles' scores (0 when there is none).
    pub share: f32,
}

/// Scores of all four roles, keyed like [`Role::as_str`] in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Scores {
    /// Data Scientist.
    pub data_scientist: RoleScore,
    /// ML Engineer.
    pub ml_engineer: RoleScore,
    /// AI Engineer.
    pub ai_engineer: RoleScore,
    /// Other roles.
    pub other: RoleScore,
}

impl Scores {
    /// The score of one role.
    #[must_use]
    pub fn get(&self, role: Role) -> RoleScore {
        match role {
            Role::DataScientist => self.data_scientist,
            Role::MlEngineer => self.ml_engineer,
            Role::AiEngineer => self.ai_engineer,
            Role::Other => self.other,
        }
    }

    fn from_array(scores: [f32; 4]) -> Self {
        let total: f32 = scores.iter().sum();
        let score = |i: usize| RoleScore {
            score: scores[i],
            share: if total > 0.0 { scores[i] / total } else { 0.0 },
        };
        Scores {
            data_scientist: score(0),
            ml_engineer: score(1),
            ai_engineer: score(2),
            other: score(3),
        }
    }

    /// The sum of all scores.
    #[must_use]
    pub fn total(&self) -> f32 {
        Role::ALL.iter().map(|&r| self.get(r).score).sum()
    }
}

/// Which role a posting describes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RoleProfile {
    /// The role the title names.
    pub title_role: TitleRole,
    /// The role whose primary output the body describes most.
    pub primary_role: Role,
    /// Score and share per role.
    pub scores: Scores,
    /// How sure the primary role is, from 0 to 1.
    pub confidence: f32,
    /// The title's analysis: which words name which role.
    pub title: TitleAnalysis,
    /// Every piece of evidence, in text order.
    pub evidence: Vec<Evidence>,
}

impl RoleProfile {
    /// Evidence that counts (weight above zero) for `role`.
    pub fn evidence_for(&self, role: Role) -> impl Iterator<Item = &Evidence> {
        self.evidence
            .iter()
            .filter(move |e| e.role == role && e.weight > 0.0)
    }
}

/// Below this much evidence the body says too little to name a role.
const MIN_EVIDENCE: f32 = 1.0;

pub(crate) fn build(doc: &Document<'_>, lexicon: &Lexicon, title: TitleAnalysis) -> RoleProfile {
    let negated_sentences: Vec<usize> = doc
        .hits()
        .iter()
        .filter(|hit| lexicon.entry(hit.entry).group.kind == NEGATION_KIND)
        .filter_map(|hit| doc.sentence_index_at(hit.span.start))
        .collect();
    let mut repeats: HashMap<_, u32> = HashMap::new();
    let mut evidence = Vec::new();
    let mut scores = [0.0f32; 4];
    for hit in doc.hits() {
        let entry = lexicon.entry(hit.entry);
        let group = entry.group;
        let Some(role) = group.role else { continue };
        if !EVIDENCE_KINDS.contains(&group.kind.as_str()) {
            continue;
        }
        let section = doc.section_at(hit.span.start);
        let negated = doc
            .sentence_index_at(hit.span.start)
            .is_some_and(|s| negated_sentences.contains(&s));
        let seen = repeats.entry(hit.entry).or_insert(0);
        let damping = 0.5f32.powi(*seen as i32);
        let weight = if negated {
            0.0
        } else {
            group.weight * section_weight(section) * damping
        };
        if weight > 0.0 {
            *seen += 1;
        }
        scores[role.index()] += weight;
        evidence.push(Evidence {
            role,
            kind: group.kind.clone(),
            phrase: entry.phrase.to_owned(),
            span: hit.span,
            section,
            weight,
            negated,
        });
    }
    let scores = Scores::from_array(scores);
    let total = scores.total();
    let best = Role::ALL
        .into_iter()
        .max_by(|a, b| {
            scores
                .get(*a)
                .score
                .total_cmp(&scores.get(*b).score)
                .then(b.cmp(a))
        })
        .unwrap_or(Role::Other);
    let (primary_role, confidence) = if total < MIN_EVIDENCE {
        (title.role.role().unwrap_or(Role::Other), 0.0)
    } else {
        let saturation = 1.0 - (-total / 4.0).exp();
        (best, scores.get(best).share * saturation)
    };
    RoleProfile {
        title_role: title.role,
        primary_role,
        scores,
        confidence,
        title,
        evidence,
    }
}
