//! Evidence per role and the posting's role profile.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};

use super::{HitIndex, Role, TitleAnalysis, TitleRole};
use crate::document::{Document, JOB_NOUNS, SectionKind, is_one_of_caseless};
use crate::lexicon::{GroupId, KindId, Lexicon};
use crate::span::Span;

/// Tag of the data-engineering phrases (`lints/roles.toml`): "data
/// pipelines", "ETL".
const DATA_ENGINEER_TAG: &str = "data-engineer";
/// An ML Engineer verb is the verb of a data pipeline at most this many
/// words before it ("deploy and maintain automated data pipelines").
const MAX_OBJECT_GAP_WORDS: usize = 4;
/// Tag of the Data Scientist's statistics phrases (`lints/roles.toml`,
/// `lints/roles-coverage.toml`): "statistical modeling", "statistical
/// techniques".
pub(crate) const STATISTICS_TAG: &str = "statistics";
/// Group kind of the duties of a role (`lints/roles.toml`).
pub(crate) const DUTY_KIND: &str = "duty";
/// Group kind of the competencies of a role (`lints/roles.toml`).
pub(crate) const COMPETENCY_KIND: &str = "competency";
/// Group kind of the tools of a role (`lints/roles.toml`).
pub(crate) const TOOL_KIND: &str = "tool";
/// Group kind of the outputs of a role (`lints/roles.toml`): what the role
/// delivers ("actionable insights", "models in production").
pub(crate) const OUTPUT_KIND: &str = "output";
/// Group kind of the work of other jobs (`lints/roles.toml`: the data
/// engineer's, the research scientist's, ...).
pub(crate) const OTHER_ROLE_KIND: &str = "other-role";
/// Group kinds that are role evidence.
pub(crate) const EVIDENCE_KINDS: &[&str] = &[
    DUTY_KIND,
    COMPETENCY_KIND,
    TOOL_KIND,
    OUTPUT_KIND,
    "workplace",
    "failure-mode",
    OTHER_ROLE_KIND,
];

/// How much a section's evidence counts.
#[must_use]
pub fn section_weight(section: SectionKind) -> f32 {
    match section {
        SectionKind::Summary | SectionKind::Responsibilities => 1.0,
        SectionKind::Requirements | SectionKind::Other => 0.7,
        SectionKind::Preferred | SectionKind::Team => 0.4,
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
    pub kind: Arc<str>,
    /// The phrase as written in the pack (an acronym the posting defines,
    /// "Retrieval-Augmented Generation (RAG)", reads as its expansion).
    pub phrase: Arc<str>,
    /// Where it is.
    pub span: Span,
    /// The section it is in.
    pub section: SectionKind,
    /// The phrase's weight in its pack: how strongly it signals the role.
    pub phrase_weight: f32,
    /// What it adds to the role's score after section weight, negation,
    /// repeat damping and same-sentence damping (0 when it counts for nothing).
    pub weight: f32,
    /// True for a verb counted only because its sentence names the role's
    /// subject (a `context` group: "deploy" next to "models"). The forms of
    /// one such verb are one duty when the role's presence is counted.
    #[serde(default)]
    pub contextual: bool,
    /// True for a contextual verb that is not the verb of its context
    /// phrase: the LLM is named elsewhere in the sentence ("partner with
    /// Product Design teams ... LLMs"); or for an ML Engineer verb of a later
    /// stage of the model's life in a sentence whose first verb is counted
    /// ("deploy" in "train the models and deploy them"). It counts toward the
    /// score, never as a duty of its own when a role's presence is counted.
    #[serde(skip)]
    pub loose: bool,
    /// True when a negation in the same sentence cancels it ("no LLM
    /// experience needed"), or the sentence hands the work to another team
    /// ("ML engineers own deployment"; working with them, "partner with ML
    /// engineers to deploy the models", hands nothing over).
    pub negated: bool,
    /// The sentence it is in (`None` outside any sentence): two phrases of
    /// one sentence are one statement when a role's presence is counted.
    #[serde(skip)]
    pub sentence: Option<u32>,
    /// True for a Data Scientist's statistics (a phrase of a group tagged
    /// `statistics`) asked for beside machine learning or another
    /// neutral discipline (a hit of kind `neutral-discipline`) in the
    /// requirements of a body whose primary role is another one ("machine
    /// learning algorithms and statistical techniques"): the fundamentals of
    /// that role's own work. A competency asked for still, but it does not
    /// make the Data Scientist present in the body.
    #[serde(skip)]
    pub fundamental: bool,
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
    /// Score and share per role: the sum of the evidence weights, with a
    /// defining phrase required for full weight, plus a small prior for the
    /// role the title names (so the title decides only close calls).
    pub scores: Scores,
    /// How sure the primary role is, from 0 to 1.
    pub confidence: f32,
    /// The title's analysis: which words name which role.
    pub title: TitleAnalysis,
    /// Every piece of evidence, in text order.
    pub evidence: Vec<Evidence>,
}

/// A phrase at least this strong (pack weight) is a duty or competency of
/// substance; weaker ones are hints that never make a role present alone.
pub const SUBSTANTIAL_WEIGHT: f32 = 1.5;
/// The weakest phrase [`RoleProfile::is_nearly_present`] counts: the
/// rubric's competencies that another role shares ("feature engineering",
/// "model validation") weigh this much in the packs; lighter phrases are
/// hints, not work.
const WEAK_WORK_WEIGHT: f32 = 0.75;
/// Forms of one contextual verb share their first letters ("maintain",
/// "maintaining", "maintenance"): they are one duty.
const VERB_STEM: usize = 4;
/// Up to this many duties kept, [`RoleProfile::substantial_evidence`]
/// compares a phrase's hash with each kept one's instead of keeping a map.
const FEW_DUTIES: usize = 32;
/// A role is present in a posting with at least this many distinct
/// substantial phrases (the rubric's "at least two distinct duties or
/// competencies specific to it").
pub const PRESENCE_MIN_PHRASES: usize = 2;

impl RoleProfile {
    /// The distinct substantial phrases that count for `role`, first
    /// occurrence of each, in text order. The forms of one contextual verb
    /// ("maintain" and "maintaining" in sentences about models) are one
    /// phrase: the same generic verb twice is not two duties.
    #[must_use]
    pub fn substantial_evidence(&self, role: Role) -> Vec<&Evidence> {
        let mut out: Vec<&Evidence> = Vec::new();
        // The hash of each duty kept, by its index in `out`. A phrase is
        // compared with the kept ones of its hash only: found by a look
        // along `hashes` while few are kept (most postings keep a handful,
        // and a map costs an allocation per duty), by the map past that (a
        // long posting keeps thousands).
        let mut hashes: Vec<u64> = Vec::new();
        let mut kept: HashMap<u64, Vec<u32>> = HashMap::default();
        for evidence in self.evidence_for(role) {
            if evidence.phrase_weight < SUBSTANTIAL_WEIGHT || evidence.loose {
                continue;
            }
            let hash = duty_hash(evidence);
            let seen = if out.len() < FEW_DUTIES {
                hashes
                    .iter()
                    .zip(&out)
                    .any(|(&h, kept)| h == hash && same_duty(kept, evidence))
            } else {
                if kept.is_empty() {
                    for (i, &h) in hashes.iter().enumerate() {
                        kept.entry(h).or_default().push(i as u32);
                    }
                }
                let same = kept.entry(hash).or_default();
                let seen = same.iter().any(|&i| same_duty(out[i as usize], evidence));
                if !seen {
                    same.push(out.len() as u32);
                }
                seen
            };
            if !seen {
                hashes.push(hash);
                out.push(evidence);
            }
        }
        out
    }

    /// Whether `role` has substantial presence: at least two distinct
    /// substantial phrases. The AI Engineer's building verbs ("develop",
    /// "build", "design") count only because their sentence names LLMs or
    /// generative AI: next to another AI Engineer phrase of the same sentence
    /// they are that phrase's verb ("design ... vector databases", "build
    /// ... generative AI applications"), one duty, not a second one. The ML
    /// Engineer's lifecycle verbs ("deploy", "monitor", "train") are duties
    /// of their own and still count beside a phrase. In the role summary the
    /// pair still counts twice: a duty stated as central is enough alone.
    /// The phrases of one nice-to-have sentence are one item, and so are the
    /// duties of one responsibility sentence (a duty with its purpose:
    /// "conduct exploratory data analysis to gain insights").
    #[must_use]
    pub fn is_present(&self, role: Role) -> bool {
        present_in(&self.substantial_evidence(role))
    }

    /// Whether `role` has a substantial phrase and, in a sentence with none
    /// of them, outside the nice-to-haves, a weaker phrase of its own: a competency,
    /// duty or output the pack keeps below [`SUBSTANTIAL_WEIGHT`] because
    /// another role shares it ("model validation", "AI-powered
    /// solutions"), not a tool and not a verb counted from its sentence's
    /// subject. Short of presence, it is still work of the role's own that
    /// a body whose primary role it clearly is describes.
    #[must_use]
    pub fn is_nearly_present(&self, role: Role) -> bool {
        nearly_present_in(self, role, &self.substantial_evidence(role))
    }

    /// The roles among the three with substantial presence, strongest first.
    #[must_use]
    pub fn present_roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = Role::THREE
            .into_iter()
            .filter(|&role| self.is_present(role))
            .collect();
        self.strongest_first(&mut roles);
        roles
    }

    fn strongest_first(&self, roles: &mut [Role]) {
        roles.sort_by(|a, b| {
            self.scores
                .get(*b)
                .score
                .total_cmp(&self.scores.get(*a).score)
        });
    }

    /// Whether the body's primary role clearly differs from `role`: it is
    /// another role, and either `role` has too little evidence to be the
    /// body's role at all, or the primary role outweighs it by at least
    /// [`MIN_LEAD`]. A body whose two strongest roles are nearly even (the
    /// title's among them) is split between them, which is a mixed posting,
    /// not one whose duties describe another role.
    #[must_use]
    pub fn clearly_differs_from(&self, role: Role) -> bool {
        if self.primary_role == role {
            return false;
        }
        let named = self.scores.get(role).score;
        named < MIN_ROLE_SCORE || self.scores.get(self.primary_role).score >= named * MIN_LEAD
    }

    /// What the body alone says for `role`: the sum of its evidence weights,
    /// without the title's prior and before a role with no defining phrase
    /// is halved ([`RoleProfile::scores`] holds both).
    #[must_use]
    pub fn body_score(&self, role: Role) -> f32 {
        self.evidence_for(role).map(|e| e.weight).sum()
    }

    /// Evidence that counts (weight above zero) for `role`.
    pub fn evidence_for(&self, role: Role) -> impl Iterator<Item = &Evidence> {
        self.evidence
            .iter()
            .filter(move |e| e.role == role && e.weight > 0.0)
    }
}

/// How much the primary role must outweigh another role (with the title's
/// prior counted) for the body to differ from it clearly: 15% more.
pub const MIN_LEAD: f32 = 1.15;
/// Below this much evidence for its best role, a body describes none of the
/// three: the primary role is `other`.
const MIN_ROLE_SCORE: f32 = 1.0;
/// In one sentence, evidence for a role after the strongest counts this much:
/// a sentence is one duty or competency, however many tools it lists.
const SAME_SENTENCE_FACTOR: f32 = 0.5;
/// Another job's phrase in the requirements counts this much of its weight
/// (see [`listed_factor`]).
const OTHER_LISTED_FACTOR: f32 = 0.5;
/// What the title's role adds to that role's score.
const TITLE_PRIOR: f32 = 1.5;
/// Evidence of a group at least this heavy is defining for its role.
const DEFINING_WEIGHT: f32 = 2.5;
/// A role with no defining evidence counts this much (an analyst posting
/// that "presents insights" is not a Data Scientist's without statistics).
const UNANCHORED_FACTOR: f32 = 0.5;
/// This many distinct substantial phrases of an engineering role anchor it
/// as well as one defining phrase does: "train and evaluate models",
/// "deploy the models", "scale the models" are an ML Engineer's work though
/// none of them is defining alone.
const ANCHOR_MIN_PHRASES: usize = 3;
/// The roles [`ANCHOR_MIN_PHRASES`] anchors. Not the Data Scientist: an
/// analyst's posting lists many analysis duties, and what makes them a Data
/// Scientist's is the statistics (a defining phrase), not their number.
const ANCHOR_BY_COUNT: [Role; 2] = [Role::MlEngineer, Role::AiEngineer];

pub(crate) fn build(
    doc: &Document<'_>,
    lexicon: &Lexicon,
    index: &HitIndex,
    title: TitleAnalysis,
) -> RoleProfile {
    let kinds = lexicon.kinds();
    let evidence_kinds = &kinds.evidence;
    let mut repeats: HashMap<_, u32> = HashMap::default();
    let mut context_counted = HashSet::default();
    let mut verb_stages = HashSet::default();
    // The hits of the evidence kinds only, in text order (repeats are
    // damped in order). Sized once: a collect through `flat_map` regrew it
    // (and copied it) several times per posting.
    let mut hit_indices: Vec<u32> = Vec::with_capacity(
        evidence_kinds
            .iter()
            .map(|&kind| doc.hits_of_kind(Some(kind)).size_hint().0)
            .sum(),
    );
    for &kind in evidence_kinds {
        hit_indices.extend(doc.hits_of_kind(Some(kind)).map(|(i, _)| i));
    }
    hit_indices.sort_unstable();
    // At most one piece of evidence per hit.
    let mut evidence = Vec::with_capacity(hit_indices.len());
    // The neutral disciplines statistics may be listed beside, in order.
    let disciplines = doc.hit_indices_of_kind(kinds.neutral_discipline);
    // What a building verb may be the verb of, in order of start: its
    // group's context phrases (sentence, Some(group), span), and the AI
    // Engineer's own phrases ("AI-powered", "RAG"), objects of any of its
    // building verbs (sentence, None, span).
    // Only the hidden context groups' phrases have a context owner.
    let context_hits = doc.hits_of_kind(kinds.context);
    let mut objects: Vec<VerbObject> = Vec::with_capacity(context_hits.size_hint().0);
    objects.extend(context_hits.filter_map(|(j, hit)| {
        let owner = lexicon.context_owner(hit.entry)?;
        Some((index.sentence(j), Some(owner), hit.span))
    }));
    for &i in &hit_indices {
        let hit = &doc.hits()[i as usize];
        let group = lexicon.entry(hit.entry).group;
        if group.role == Some(Role::AiEngineer) && group.context.is_empty() {
            objects.push((index.sentence(i), None, hit.span));
        }
    }
    objects.sort_unstable_by_key(|&(_, _, span)| span.start);
    for &i in &hit_indices {
        let hit = &doc.hits()[i as usize];
        let entry = lexicon.entry(hit.entry);
        let group = entry.group;
        let Some(role) = group.role else { continue };
        let in_sentence = index.sentence(i);
        let context = lexicon.context_key(entry.group_id);
        if context.is_some_and(|key| !index.has_context(in_sentence, key)) {
            continue;
        }
        // The AI Engineer's building verbs are said of everything: one is a
        // duty only as the verb of the model it is about ("integrate LLMs",
        // "build applications on top of LLMs", "LLM integration"), not
        // through an LLM named elsewhere in its sentence ("partner with
        // Product Design teams ... LLMs", "help enable this integration").
        // It still counts toward the role's score (a hint of the work), but
        // is no duty of its own when a role's presence is counted.
        let loose = role == Role::AiEngineer
            && context.is_some_and(|key| {
                !verb_of_context(doc.text(), hit.span, in_sentence, key, &objects)
            });
        // The context words of a role in one sentence are one duty ("design,
        // build and deploy ... models", "train and serve models and LLMs"):
        // only the first counts, whichever of the role's context groups it is in.
        //
        // The ML Engineer's lifecycle verbs are stages of a model's life, not
        // synonyms: a second one of another stem ("train and deploy models",
        // "deploy and monitor them") is a second stage of the work (the
        // upkeep verbs, "maintain", are too weak to be one). It counts toward
        // the score, damped like a second item of one sentence, but is no
        // duty of its own when a role's presence is counted.
        let mut later_stage = false;
        if !group.context.is_empty() {
            let first = context_counted.insert((in_sentence, role));
            let new_stage = role == Role::MlEngineer
                && group.weight >= SUBSTANTIAL_WEIGHT
                && verb_stages.insert((in_sentence, stems(entry.phrase).next()));
            if !first && !new_stage {
                continue;
            }
            later_stage = !first;
        }
        let loose = loose || later_stage;
        // A requirement that says it is only preferred ("familiarity with
        // LLM APIs is a plus") is a nice-to-have wherever it is listed.
        let section = match doc.section_at(hit.span.start) {
            SectionKind::Requirements
                if index.is_preferred_line(doc.lines().line_of(hit.span.start)) =>
            {
                SectionKind::Preferred
            }
            section => section,
        };
        let negated = index.is_negated(in_sentence)
            || (title.role.role() != Some(role) && index.delegates(in_sentence, role));
        // Statistics listed beside a neutral discipline in the requirements:
        // the fundamentals of the body's role, unless that role is the Data
        // Scientist's (decided once the primary role is known, below).
        let fundamental = role == Role::DataScientist
            && matches!(
                section,
                SectionKind::Requirements | SectionKind::Preferred | SectionKind::Other
            )
            && group.has_tag(STATISTICS_TAG)
            && beside_neutral_discipline(doc, disciplines, hit.span);
        let seen = repeats.entry(hit.entry).or_insert(0);
        let damping = 0.5f32.powi(*seen as i32);
        let weight = if negated {
            0.0
        } else {
            group.weight * section_weight(section) * damping * listed_factor(role, section)
        };
        if weight > 0.0 {
            *seen += 1;
        }
        evidence.push(Evidence {
            role,
            kind: lexicon.shared_kind_name(entry.kind),
            phrase: lexicon.shared_phrase(hit.entry),
            span: hit.span,
            section,
            phrase_weight: group.weight,
            weight,
            contextual: !group.context.is_empty(),
            loose,
            negated,
            sentence: in_sentence.map(|s| s as u32),
            fundamental,
        });
    }

    // The AI Engineer's building verbs ("develop", "build", "create") count
    // only because their sentence names LLMs. When the same sentence holds ML
    // Engineer work and no AI Engineer phrase of its own ("build, train and
    // deploy LLMs", "create LLM infra for training and inference"), what is
    // built is the training or serving of the models: the rubric's ML
    // Engineer work, not a product feature on a pre-trained model.
    // Evidence comes in text order, so these sentence lists are sorted:
    // searched by halves, no hash sets to build.
    let mut mle_sentences = Vec::new();
    let mut aie_specific_sentences = Vec::new();
    for item in &evidence {
        let Some(sentence) = item.sentence.filter(|_| item.weight > 0.0) else {
            continue;
        };
        match item.role {
            Role::MlEngineer => mle_sentences.push(sentence),
            Role::AiEngineer if !item.contextual => aie_specific_sentences.push(sentence),
            _ => {}
        }
    }
    debug_assert!(mle_sentences.is_sorted() && aie_specific_sentences.is_sorted());
    for item in &mut evidence {
        if item.role == Role::AiEngineer
            && item.contextual
            && item.sentence.is_some_and(|sentence| {
                mle_sentences.binary_search(&sentence).is_ok()
                    && aie_specific_sentences.binary_search(&sentence).is_err()
            })
        {
            item.weight = 0.0;
        }
    }
    // A building verb whose object is the model itself ("design, develop and
    // refine large language models", "implement and fine-tune LLMs") builds
    // or trains the model: the rubric's ML Engineer (or research) work, not a
    // product feature on a pre-trained one ("develop LLM-powered features",
    // "implement the use of LLMs").
    let text = doc.text();
    for item in &mut evidence {
        if item.role == Role::AiEngineer
            && item.contextual
            && item.weight > 0.0
            && builds_the_model(&item.phrase, text, item.span.end)
        {
            item.weight = 0.0;
        }
    }
    // A sentence that researches generative models or names the
    // architectures that are trained, not called ("conduct research and
    // development in generative AI", "generative AI technologies such as
    // GANs and diffusion models"), is model research or training: the
    // rubric's ML Engineer or research work. The AI Engineer's building
    // verbs and weak hints in it are not product work on a pre-trained model;
    // its specific phrases (RAG, prompt engineering) still are.
    //
    // A sentence about the hire using AI assistants ("experience using
    // ChatGPT and other AI tools to boost productivity", "AI coding
    // assistants such as Copilot") asks for a user of the products, not a
    // builder of them: the AI Engineer's building verbs, weak hints and
    // tool names in it are not its work.
    // Hits of a kind come in text order: their sentences are sorted.
    let sentences_with = |kind: Option<KindId>| -> Vec<u32> {
        doc.hits_of_kind(kind)
            .filter_map(|(i, _)| index.sentence(i).map(|s| s as u32))
            .collect()
    };
    let research = sentences_with(kinds.model_research);
    let using = sentences_with(kinds.ai_tool_use);
    debug_assert!(research.is_sorted() && using.is_sorted());
    for item in &mut evidence {
        let Some(sentence) = item.sentence else {
            continue;
        };
        let weak = item.contextual || item.phrase_weight < SUBSTANTIAL_WEIGHT;
        if item.role == Role::AiEngineer
            && ((weak && research.binary_search(&sentence).is_ok())
                || ((weak || &*item.kind == TOOL_KIND) && using.binary_search(&sentence).is_ok()))
        {
            item.weight = 0.0;
        }
    }
    // A foundation-model builder names the architecture it trains ("LLM
    // architectures optimized for long context and low inference cost"):
    // the AI Engineer phrases that describe that architecture, later in the
    // same clause (no comma or semicolon between), are properties of the
    // model being built, the rubric's ML Engineer (or research) work. A
    // phrase listed beside the architecture ("RAG, prompt engineering,
    // transformer architecture") is still AI Engineer work.
    // Each architecture with the end of its clause: the next comma or
    // semicolon after it, found once per architecture and never past the
    // next one (whose clause it then shares), so the cost stays linear.
    let mut architectures: Vec<(u32, Span, usize)> = doc
        .hits_of_kind(kinds.model_architecture)
        .filter_map(|(i, hit)| Some((index.sentence(i)? as u32, hit.span, hit.span.end)))
        .collect();
    for i in (0..architectures.len()).rev() {
        let (sentence, span, _) = architectures[i];
        let sentence_end = doc.sentences()[sentence as usize].span.end;
        let next = architectures
            .get(i + 1)
            .filter(|&&(s, next, _)| s == sentence && next.start >= span.end);
        let limit = next.map_or(sentence_end, |&(_, next, _)| next.start);
        let clause_end = match text[span.end..limit].find([',', ';']) {
            Some(at) => span.end + at,
            None => next.map_or(sentence_end, |&(_, _, end)| end),
        };
        architectures[i].2 = clause_end;
    }
    for item in &mut evidence {
        if item.role != Role::AiEngineer {
            continue;
        }
        // The nearest architecture before the phrase in its sentence.
        let before = architectures.partition_point(|&(_, span, _)| span.end <= item.span.start);
        let describes = before.checked_sub(1).is_some_and(|i| {
            let (sentence, _, clause_end) = architectures[i];
            item.sentence == Some(sentence) && item.span.start < clause_end
        });
        if describes {
            item.weight = 0.0;
        }
    }
    // An ML Engineer verb whose object is a data pipeline ("develop, deploy
    // and maintain automated data pipelines", "deploy ETL jobs") is data
    // engineering, even when the sentence names models elsewhere: the verb
    // counts for nothing. A model named first ("deploy models and data
    // pipelines") keeps it.
    // The data-engineering phrases are other-job evidence: read from the
    // evidence kinds' hits (in text order), not from every hit.
    let data_pipelines: Vec<(Option<usize>, Span)> = hit_indices
        .iter()
        .map(|&j| (j, &doc.hits()[j as usize]))
        .filter(|(_, hit)| lexicon.entry(hit.entry).group.has_tag(DATA_ENGINEER_TAG))
        .map(|(j, hit)| (index.sentence(j), hit.span))
        .collect();
    for item in &mut evidence {
        if item.role != Role::MlEngineer || !item.contextual || item.weight == 0.0 {
            continue;
        }
        let sentence = item.sentence.map(|s| s as usize);
        // The first data pipeline after the verb: in its sentence, or none is.
        let next = data_pipelines.partition_point(|&(_, span)| span.start < item.span.end);
        let Some(&(_, target)) = data_pipelines.get(next).filter(|(s, _)| *s == sentence) else {
            continue;
        };
        let between = &text[item.span.end..target.start];
        // Counted with an early stop: a long sentence is not read again
        // for each verb in it.
        let near = between
            .split_whitespace()
            .nth(MAX_OBJECT_GAP_WORDS)
            .is_none()
            && !between.contains([',', ';', '.']);
        if !near {
            continue;
        }
        // The ML Engineer's own subjects ("models", "ML systems"): the
        // context phrases of its evidence groups, not those of the cue
        // groups (verbs such as "maintain").
        let from = objects.partition_point(|&(_, _, span)| span.start < item.span.end);
        let model_first = objects[from..]
            .iter()
            .take_while(|&&(_, _, span)| span.start < target.start)
            .any(|&(s, owner, _)| {
                s == sentence
                    && owner.is_some_and(|g| {
                        lexicon.group(g).role == Some(Role::MlEngineer)
                            && kinds.evidence.contains(&lexicon.group_kind(g))
                    })
            });
        if !model_first {
            item.weight = 0.0;
        }
    }
    // A role's phrase that modifies a job noun ("MLOps Engineer", "GenAI
    // Platform Engineer", "the ML infrastructure engineers") names a job,
    // the hire's own restated or a colleague's, not work the hire does.
    for item in &mut evidence {
        if item.role != Role::Other && item.weight > 0.0 && names_a_job(text, item.span.end) {
            item.weight = 0.0;
        }
    }
    // An acronym and its expansion are one phrase said twice
    // ("Retrieval-Augmented Generation (RAG)", "RAG (retrieval augmented
    // generation)"): the one in parentheses counts for nothing.
    // Elsewhere in the posting the acronym still names the same thing ("RAG"
    // in one bullet, "Retrieval-Augmented Generation (RAG)" in another): it
    // reads as its expansion, one phrase when distinct phrases are counted.
    let mut aliases: Vec<(Arc<str>, Arc<str>)> = Vec::new();
    for i in 1..evidence.len() {
        let (before, after) = evidence.split_at_mut(i);
        let (first, second) = (&before[i - 1], &mut after[0]);
        if first.role == second.role
            && first.weight > 0.0
            && !first.contextual
            && !second.contextual
            && in_parentheses_after(text, first.span, second.span)
        {
            second.weight = 0.0;
            if first.phrase != second.phrase {
                aliases.push((second.phrase.clone(), first.phrase.clone()));
            }
        }
    }
    for item in &mut evidence {
        if let Some((_, expansion)) = aliases
            .iter()
            .find(|(alias, _)| *alias == item.phrase && !item.contextual)
        {
            item.phrase = expansion.clone();
        }
    }

    // Within one sentence, the strongest evidence for a role counts fully
    // and the rest a little.
    let mut order: Vec<usize> = (0..evidence.len()).collect();
    order.sort_by(|&a, &b| {
        (evidence[a].sentence, evidence[a].role)
            .cmp(&(evidence[b].sentence, evidence[b].role))
            .then(evidence[b].weight.total_cmp(&evidence[a].weight))
    });
    // The k-th after the strongest counts SAME_SENTENCE_FACTOR^k: however
    // many tools a sentence lists, it adds at most twice its strongest item.
    let mut factor = 1.0;
    for pair in order.windows(2) {
        let (first, next) = (pair[0], pair[1]);
        if evidence[first].sentence == evidence[next].sentence
            && evidence[next].sentence.is_some()
            && evidence[first].role == evidence[next].role
        {
            factor *= SAME_SENTENCE_FACTOR;
            evidence[next].weight *= factor;
        } else {
            factor = 1.0;
        }
    }

    let mut raw = [0.0f32; 4];
    let mut anchored = [false; 4];
    // Distinct substantial phrases per role (see [`ANCHOR_MIN_PHRASES`]):
    // one set lookup per piece of evidence.
    let mut distinct: HashSet<(Role, &str)> = HashSet::default();
    let mut substantial = [0usize; 4];
    for item in &evidence {
        raw[item.role.index()] += item.weight;
        anchored[item.role.index()] |= item.is_defining();
        if item.weight > 0.0
            && item.phrase_weight >= SUBSTANTIAL_WEIGHT
            && !item.loose
            && distinct.insert((item.role, &item.phrase))
        {
            substantial[item.role.index()] += 1;
        }
    }
    for role in ANCHOR_BY_COUNT {
        anchored[role.index()] |= substantial[role.index()] >= ANCHOR_MIN_PHRASES;
    }
    let mut adjusted = raw;
    // The title is what the employer believes it is hiring: a prior that
    // decides close calls, never a verdict over clear duties.
    let title_prior = TITLE_PRIOR;
    match (title.role.role(), title.other_role) {
        (Some(role), _) => adjusted[role.index()] += title_prior,
        (None, Some(_)) if title.role == TitleRole::Other => {
            adjusted[Role::Other.index()] += title_prior
        }
        _ => {}
    }
    for role in Role::THREE {
        if !anchored[role.index()] {
            adjusted[role.index()] *= UNANCHORED_FACTOR;
        }
    }
    let best_of = |adjusted: &[f32; 4]| best_among(adjusted, Role::ALL).unwrap_or(Role::Other);
    let mut best = best_of(&adjusted);
    // Whether no role reaches MIN_ROLE_SCORE: the body is too thin to
    // describe any of the three (a title alone does not).
    let thin_body = Role::THREE
        .into_iter()
        .all(|role| adjusted[role.index()] < MIN_ROLE_SCORE);
    // The three roles share their weak hints (deployment, experiments,
    // models): another of them that outweighs a title role with no defining
    // phrase of its own does so by hints as weak. Against it, only the
    // title role's body evidence is halved, not the employer's word.
    // Against another job's phrases (a data engineer's, a developer's), or
    // when the body says nothing of the title's role at all, the whole score
    // stays halved: a title is no evidence of its role's work.
    if let Some(role) = title.role.role()
        && !anchored[role.index()]
        && raw[role.index()] > 0.0
        && best != role
        && best != Role::Other
    {
        adjusted[role.index()] = raw[role.index()] * UNANCHORED_FACTOR + title_prior;
        best = best_of(&adjusted);
    }
    let scores = Scores::from_array(adjusted);
    let total = scores.total();
    let describes_none = total <= 0.0 || (best != Role::Other && thin_body);
    // A body that says nothing about any role, not even another one (a
    // teaser, a truncated posting, a list of degrees), leaves the title as
    // the only statement of the job: it names the primary role, with the
    // little confidence the prior alone gives.
    let body_silent = raw.iter().sum::<f32>() <= 0.0;
    // A thin body whose few hints are all of the three roles, the title's
    // the strongest, and none of another job: it asks for what the title
    // names, too briefly to anchor it, and nothing else.
    let thin_without_other_job = thin_body && raw[Role::Other.index()] <= 0.0;
    let thin_but_the_titles = thin_without_other_job && title.role.role() == Some(best);
    // The same under a title that joins two of the roles ("Data Scientist
    // / ML Engineer", "AI/ML Engineer"): a thin body with hints of the
    // title's roles and none of another job asks for the one of them it
    // hints most. A role the title does not name is no candidate (an
    // "AI/ML Engineer" body that "performs exploratory analysis" and
    // "training" is the ML Engineer's, not a Data Scientist's).
    let thin_under_joined_title = (thin_without_other_job && title.role == TitleRole::Ambiguous)
        .then(|| {
            let hinted = title
                .mentions
                .iter()
                .map(|mention| mention.role)
                .filter(|role| raw[role.index()] > 0.0);
            best_among(&adjusted, hinted)
        })
        .flatten();
    let saturation = 1.0 - (-total / 4.0).exp();
    let (primary_role, confidence) =
        if let (true, Some(role)) = (body_silent || thin_but_the_titles, title.role.role()) {
            (role, scores.get(role).share * saturation)
        } else if let Some(role) = thin_under_joined_title {
            (role, scores.get(role).share * saturation)
        } else if describes_none {
            (Role::Other, 0.0)
        } else {
            (best, scores.get(best).share * saturation)
        };
    // A requirement that names statistics beside machine learning or
    // another neutral discipline, as one more area of a practitioner's
    // knowledge ("machine learning algorithms and statistical techniques",
    // "machine learning or statistical modeling tools such as
    // scikit-learn", "image processing, statistical modeling, advanced
    // mathematics"), asks for the fundamentals of the body's own role when
    // that role is another one: it still counts toward the Data Scientist's
    // score, and is still a competency asked for, but does not make the role
    // present in the body. In a Data Scientist's body it is the role's own.
    if primary_role == Role::DataScientist {
        for item in &mut evidence {
            item.fundamental = false;
        }
    }
    RoleProfile {
        title_role: title.role,
        primary_role,
        scores,
        confidence,
        title,
        evidence,
    }
}

/// The role of the highest score in `adjusted` among `roles`; on a tie, the
/// first in [`Role`] order. `None` when `roles` is empty.
fn best_among(adjusted: &[f32; 4], roles: impl IntoIterator<Item = Role>) -> Option<Role> {
    roles.into_iter().max_by(|a, b| {
        adjusted[a.index()]
            .total_cmp(&adjusted[b.index()])
            .then(b.cmp(a))
    })
}

/// At most this many words stand between a statistics phrase and a
/// neutral discipline it is listed beside ("machine learning algorithms and
/// statistical techniques").
const BESIDE_DISCIPLINE_WORDS: usize = 2;
/// At most this many bytes stand between a statistics phrase and a neutral
/// discipline it is listed beside: two words and the separators of a list
/// ("ML, algorithms, and statistical modeling": 18) fit many times over,
/// and the gap is read in bounded work whatever the text.
const BESIDE_DISCIPLINE_BYTES: usize = 128;
/// What ends a clause: statistics and a discipline on either side of one are
/// not listed together.
const CLAUSE_END: [char; 4] = ['.', ';', ':', '\n'];

/// Whether the phrase at `span` is listed beside a neutral discipline: a hit
/// among `disciplines` (indices into the document's hits, of
/// `neutral-discipline` kind) that ends at most
/// [`BESIDE_DISCIPLINE_WORDS`] words before it or starts at most that many
/// words after it, with no full stop, semicolon, colon or line end between
/// them or inside the discipline.
///
/// Bounded work: two binary searches, then the nearest discipline on each
/// side only (one nearer would be beside if any farther one is), and at
/// most [`BESIDE_DISCIPLINE_BYTES`] of the gap read.
fn beside_neutral_discipline(doc: &Document<'_>, disciplines: &[u32], span: Span) -> bool {
    let (text, hits) = (doc.text(), doc.hits());
    let at = |k: usize| hits[disciplines[k] as usize].span;
    let one_clause = |d: Span| d.text(text).is_some_and(|s| !s.contains(CLAUSE_END));
    // Hits of one pack never overlap: of the disciplines that start before
    // the phrase, at most the last holds its start; the nearest that ends
    // before it is that one or the one before.
    let starting_before =
        disciplines.partition_point(|&i| hits[i as usize].span.start < span.start);
    let before = (starting_before.saturating_sub(2)..starting_before)
        .rev()
        .map(at)
        .find(|d| d.end <= span.start);
    // Those inside the phrase ("statistical and machine learning") are
    // neither before nor after it.
    let starting_after = disciplines.partition_point(|&i| hits[i as usize].span.start < span.end);
    let after = disciplines.get(starting_after).map(|_| at(starting_after));
    before.is_some_and(|d| one_clause(d) && close(text, d.end, span.start))
        || after.is_some_and(|d| one_clause(d) && close(text, span.end, d.start))
}

/// Whether `text[from..to]` holds at most [`BESIDE_DISCIPLINE_WORDS`] words
/// (runs of letters and digits), no [`CLAUSE_END`] and at most
/// [`BESIDE_DISCIPLINE_BYTES`] bytes.
fn close(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|gap| {
        gap.len() <= BESIDE_DISCIPLINE_BYTES
            && !gap.contains(CLAUSE_END)
            && at_most_words(Some(gap), BESIDE_DISCIPLINE_WORDS)
    })
}

/// A phrase a building verb may be the verb of: its sentence, the verb
/// group whose context it is (`None`: a phrase of the AI Engineer's own, the
/// object of any of its building verbs), and where it is.
type VerbObject = (Option<usize>, Option<GroupId>, Span);

/// At most this many words stand between a building verb and the start of
/// the context phrase it builds ("develop scalable applications powered by
/// LLMs").
const VERB_OBJECT_WORDS: usize = 5;
/// At most this many words stand between a context phrase and the verb
/// after it ("LLM application development").
const SUBJECT_VERB_WORDS: usize = 1;
/// More words than any phrase of a pack has: an object that starts further
/// before a verb than this (plus [`SUBJECT_VERB_WORDS`]) cannot end close
/// enough to it.
const MAX_PHRASE_WORDS: usize = 16;

/// Whether the contextual verb at `verb` is the verb of one of its group's
/// context phrases (`context`, its [`Lexicon::context_key`]) or of a phrase
/// of its role in its sentence, `objects`:
/// the phrase follows it within
/// [`VERB_OBJECT_WORDS`] words, or precedes it within [`SUBJECT_VERB_WORDS`];
/// and the verb is not a noun's modifier ("Product Design teams").
fn verb_of_context(
    text: &str,
    verb: Span,
    sentence: Option<usize>,
    context: GroupId,
    objects: &[VerbObject],
) -> bool {
    fn words(text: Option<&str>) -> impl Iterator<Item = &str> {
        text.unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    }
    if words(text.get(verb.end..(verb.end + 12).min(text.len())))
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("team") || w.eq_ignore_ascii_case("teams"))
    {
        return false;
    }
    let same = |&(s, g, _): &VerbObject| s == sentence && g.is_none_or(|g| g == context);
    // `objects` are in order of start, so the words between the verb and
    // the objects after it only grow, and so do those between the objects
    // before it and the verb: each side stops at its limit, and a verb costs
    // the few objects near it, not all of the posting's.
    let after = objects.partition_point(|&(_, _, span)| span.start < verb.end);
    for object in &objects[after..] {
        if !at_most_words(text.get(verb.end..object.2.start), VERB_OBJECT_WORDS) {
            break;
        }
        if same(object) {
            return true;
        }
    }
    for object in objects[..after].iter().rev() {
        let span = object.2;
        if span.end <= verb.start
            && same(object)
            && at_most_words(text.get(span.end..verb.start), SUBJECT_VERB_WORDS)
        {
            return true;
        }
        if !at_most_words(
            text.get(span.start..verb.start),
            SUBJECT_VERB_WORDS + MAX_PHRASE_WORDS,
        ) {
            break;
        }
    }
    false
}

/// Whether `text` (`None`: none) holds at most `most` words, runs of
/// alphanumeric chars: read only until one word too many.
fn at_most_words(text: Option<&str>, most: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for c in text.unwrap_or("").chars() {
        let word = c.is_alphanumeric();
        if word && !in_word {
            words += 1;
            if words > most {
                return false;
            }
        }
        in_word = word;
    }
    true
}

/// What another job's phrase counts for in a list of requirements: the
/// taxonomy names a posting's role by the hire's primary output, which the
/// duties state. A data warehouse, a unit test or a front-end framework asked
/// of the candidate is a tool of the trade beside that output, not a job of
/// its own; the same phrase among the duties still counts in full.
fn listed_factor(role: Role, section: SectionKind) -> f32 {
    match (role, section) {
        (Role::Other, SectionKind::Requirements | SectionKind::Preferred) => OTHER_LISTED_FACTOR,
        _ => 1.0,
    }
}

/// Whether the word right after byte `end` of `text` (past spaces and
/// hyphens on the same line) is one of [`JOB_NOUNS`]: a role's phrase right
/// before one ("MLOps Engineer", "ML platform engineers") is part of a job's
/// name.
fn names_a_job(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\t', '-']);
    if rest.len() == text.len() - end {
        return false;
    }
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    is_one_of_caseless(JOB_NOUNS, word)
}

/// Whether `inner` stands alone in parentheses right after `outer`
/// ("Retrieval-Augmented Generation (RAG)").
fn in_parentheses_after(text: &str, outer: Span, inner: Span) -> bool {
    if inner.start < outer.end {
        return false;
    }
    let (Some(between), Some(rest)) = (text.get(outer.end..inner.start), text.get(inner.end..))
    else {
        return false;
    };
    let between = between.trim();
    let rest = rest.trim_start();
    between == "(" && (rest.starts_with(')') || rest.starts_with("s)"))
}

/// Words that may stand between a building verb and its object, the model:
/// other verbs of the list, conjunctions, determiners and the adjectives of
/// a model ("design, develop, and refine large language models", "implement
/// and fine-tune state-of-the-art LLMs").
const MODEL_OBJECT_FILLER: &[&str] = &[
    "and",
    "or",
    "the",
    "our",
    "a",
    "an",
    "new",
    "custom",
    "proprietary",
    "own",
    "state",
    "of",
    "art",
    "cutting",
    "edge",
    "advanced",
    "domain",
    "specific",
    "open",
    "source",
    "in",
    "house",
    "refine",
    "refining",
    "fine",
    "tune",
    "tuning",
    "train",
    "training",
    "pretrain",
    "pre",
    "evaluate",
    "evaluating",
    "test",
    "testing",
    "optimize",
    "optimizing",
    "improve",
    "improving",
    "develop",
    "developing",
    "development",
    "build",
    "building",
    "design",
    "designing",
    "implement",
    "implementing",
    "implementation",
    "create",
    "creating",
    "prototype",
    "prototyping",
    "multimodal",
    "multi",
    "modal",
    "small",
    "efficient",
    "novel",
    "bespoke",
    "specialized",
];

/// The verbs of training among [`MODEL_OBJECT_FILLER`].
const TRAINING_WORDS: &[&str] = &[
    "refine", "refining", "tune", "tuning", "train", "training", "pretrain",
];

/// The names of a model ("LLMs", "large language models", "foundation
/// models"), as words; the longest first.
const MODEL_NOUNS: &[&[&str]] = &[
    &["large", "language", "models"],
    &["large", "language", "model"],
    &["small", "language", "models"],
    &["language", "models"],
    &["language", "model"],
    &["foundation", "models"],
    &["foundation", "model"],
    &["generative", "ai", "models"],
    &["generative", "ai", "model"],
    &["genai", "models"],
    &["genai", "model"],
    &["generative", "models"],
    &["llms"],
    &["llm"],
    &["slms"],
];

/// Words after a model's name that still leave the model as the object: a
/// preposition, a conjunction, a second name of it ("LLM and GPT-like
/// models"). Any other word makes the name a modifier of what is built
/// ("LLM applications", "LLM-powered features").
const AFTER_MODEL_OBJECT: &[&str] = &[
    "for", "on", "with", "that", "which", "in", "at", "from", "using", "and", "or", "as", "by",
    "across", "models", "model", "like", "llms",
];

/// Whether the building verb `verb`, ending at byte `end` of `text`, has the
/// model itself as its object: after it come only [`MODEL_OBJECT_FILLER`]
/// words, then a model's name, then the end of the sentence or a word of
/// [`AFTER_MODEL_OBJECT`]. Integrating a model is using it, never building it.
fn builds_the_model(verb: &str, text: &str, end: usize) -> bool {
    if verb.starts_with("integrat") || verb.starts_with("productiz") {
        return false;
    }
    // "Implement LLMs to transform documents" applies a model; implementing
    // one builds it only beside a verb of training ("implement, train, and
    // fine-tune LLMs").
    let needs_training_verb = verb.starts_with("implement") || verb.starts_with("prototyp");
    let mut training_verb = false;
    let Some(rest) = text.get(end..) else {
        return false;
    };
    // The rest of the sentence (a rough cut: the first full stop, colon or line end).
    let rest = &rest[..rest.find(['.', ';', '\n', '(', ')']).unwrap_or(rest.len())];
    // The first 16 words, compared caselessly in place (the lists are
    // lowercase ASCII): no lowercase copy of each.
    let mut found = [""; 16];
    let mut count = 0;
    for (slot, word) in found.iter_mut().zip(
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty()),
    ) {
        *slot = word;
        count += 1;
    }
    let words = &found[..count];
    let mut i = 0;
    while i < words.len() {
        if let Some(noun) = MODEL_NOUNS
            .iter()
            .find(|noun| starts_with_words(&words[i..], noun))
        {
            return (training_verb || !needs_training_verb)
                && words
                    .get(i + noun.len())
                    .is_none_or(|next| is_one_of_caseless(AFTER_MODEL_OBJECT, next));
        }
        if !is_one_of_caseless(MODEL_OBJECT_FILLER, words[i]) {
            return false;
        }
        training_verb |= is_one_of_caseless(TRAINING_WORDS, words[i]);
        i += 1;
    }
    false
}

fn starts_with_words(text: &[&str], words: &[&str]) -> bool {
    text.len() >= words.len()
        && text
            .iter()
            .zip(words)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// `phrase` lowercased, char by char.
fn lower(phrase: &str) -> impl Iterator<Item = char> + '_ {
    phrase.chars().flat_map(char::to_lowercase)
}

/// Each word's first letters, lowercased, padded with NUL (no word holds
/// one): compared in place, without allocating per comparison.
fn stems(phrase: &str) -> impl Iterator<Item = [char; VERB_STEM]> + '_ {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
}

/// The first [`VERB_STEM`] chars of `text` lowercased, padded with NUL. A
/// text whose first bytes are ASCII is read by bytes: the chars are those
/// bytes, and lowercasing one is the ASCII mapping (no table search).
fn stem(text: &str) -> [char; VERB_STEM] {
    let mut stem = ['\0'; VERB_STEM];
    let bytes = text.as_bytes();
    let head = &bytes[..bytes.len().min(VERB_STEM)];
    if head.is_ascii() {
        for (slot, &b) in stem.iter_mut().zip(head) {
            *slot = char::from(b.to_ascii_lowercase());
        }
    } else {
        for (slot, c) in stem.iter_mut().zip(lower(text)) {
            *slot = c;
        }
    }
    stem
}

/// A hash of what [`same_duty`] compares: two pieces of evidence that are
/// the same duty have the same hash.
fn duty_hash(e: &Evidence) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    e.contextual.hash(&mut hasher);
    if e.contextual {
        stem(&e.phrase).hash(&mut hasher);
    } else {
        stems(&e.phrase).for_each(|stem| stem.hash(&mut hasher));
    }
    hasher.finish()
}

/// Which of the three roles a posting asks for, and on what evidence:
/// [`RoleProfile::substantial_evidence`] and [`RoleProfile::present_roles`]
/// worked out once per posting for all the rules that read them, as
/// [`HitIndex`] is for the hits.
///
/// ```
/// use jdlint::roles::{Presence, Role};
/// let text = "Data Scientist\n\nWhat you will do\n- Design A/B tests and analyse experiments.\n\
///             - Build causal inference models.\n- Deploy and monitor models in production.\n\
///             - Build ML pipelines and a feature store.\n";
/// let report = jdlint::Linter::new().lint(text);
/// let presence = Presence::new(&report.profile);
/// assert_eq!(presence.present_roles(), report.profile.present_roles());
/// assert!(presence.is_present(Role::MlEngineer));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Presence<'p> {
    /// Per role of [`Role::THREE`], by its index.
    substantial: [Vec<&'p Evidence>; 3],
    present: Vec<Role>,
}

impl<'p> Presence<'p> {
    /// Works out the presence of each role from `profile`.
    #[must_use]
    pub fn new(profile: &'p RoleProfile) -> Self {
        let substantial = Role::THREE.map(|role| profile.substantial_evidence(role));
        let mut present: Vec<Role> = Role::THREE
            .into_iter()
            .zip(&substantial)
            .filter(|(_, found)| present_in(found))
            .map(|(role, _)| role)
            .collect();
        profile.strongest_first(&mut present);
        Presence {
            substantial,
            present,
        }
    }

    /// [`RoleProfile::substantial_evidence`]; empty for [`Role::Other`].
    #[must_use]
    pub fn substantial_evidence(&self, role: Role) -> &[&'p Evidence] {
        self.substantial
            .get(role.index())
            .map_or(&[], Vec::as_slice)
    }

    /// [`RoleProfile::is_present`].
    #[must_use]
    pub fn is_present(&self, role: Role) -> bool {
        self.present.contains(&role)
    }

    /// [`RoleProfile::is_nearly_present`] for the `profile` this presence
    /// was worked out from, with its substantial phrases already found.
    #[must_use]
    pub fn is_nearly_present(&self, profile: &RoleProfile, role: Role) -> bool {
        nearly_present_in(profile, role, self.substantial_evidence(role))
    }

    /// [`RoleProfile::present_roles`]: strongest first.
    #[must_use]
    pub fn present_roles(&self) -> &[Role] {
        &self.present
    }
}

/// Whether `role`, with the distinct substantial phrases `found`, is nearly
/// present in `profile`: [`RoleProfile::is_nearly_present`].
pub(crate) fn nearly_present_in(profile: &RoleProfile, role: Role, found: &[&Evidence]) -> bool {
    !found.is_empty()
        && profile.evidence_for(role).any(|e| {
            e.phrase_weight >= WEAK_WORK_WEIGHT
                && e.phrase_weight < SUBSTANTIAL_WEIGHT
                && !e.contextual
                && &*e.kind != TOOL_KIND
                && e.section != SectionKind::Preferred
                && found.iter().all(|f| f.sentence != e.sentence)
        })
}

/// Whether a role with the distinct substantial phrases `found` (in text
/// order) is present: [`RoleProfile::is_present`].
pub(crate) fn present_in(found: &[&Evidence]) -> bool {
    // The sentences that hold a phrase that is no contextual verb: sorted,
    // `found` being in text order.
    let phrase_sentences: Vec<u32> = found
        .iter()
        .filter(|o| !o.contextual)
        .filter_map(|o| o.sentence)
        .collect();
    debug_assert!(phrase_sentences.is_sorted());
    let verb_of_phrase = |e: &Evidence| {
        e.role == Role::AiEngineer
            && e.contextual
            && e.section != SectionKind::Summary
            && e.sentence
                .is_some_and(|s| phrase_sentences.binary_search(&s).is_ok())
    };
    // One nice-to-have bullet is one item, however many tools it lists
    // ("LangChain and LLMOps stack", "prompt engineering, RAG"): a bonus
    // line alone does not make its role present; nor is a duty with its
    // purpose two duties ([`DistinctItems`]).
    let mut distinct = DistinctItems::default();
    let items = found
        .iter()
        .filter(|e| !verb_of_phrase(e) && !e.fundamental)
        .filter(|e| distinct.is_new(e))
        .count();
    items >= PRESENCE_MIN_PHRASES
}

/// Tells the distinct items of a role's evidence the way the rubric counts
/// them, fed in text order: the duty phrases of one responsibility sentence
/// are one duty, with its purpose ("conduct exploratory data analysis to
/// gain insights and identify patterns"; in the role summary each duty is
/// stated as central), and the phrases of one nice-to-have sentence are one
/// item ("LangChain and LLMOps stack"). Competencies, tools and outputs
/// listed in one responsibility sentence stay distinct. Role presence
/// ([`present_in`]) and wrong-role-competencies both count with it.
#[derive(Debug, Default)]
pub(crate) struct DistinctItems {
    duty_sentences: HashSet<u32>,
    last_bonus: Option<u32>,
}

impl DistinctItems {
    /// Whether `e` is a new item, not a later phrase of one already told.
    pub(crate) fn is_new(&mut self, e: &Evidence) -> bool {
        if &*e.kind == DUTY_KIND
            && e.section != SectionKind::Summary
            && e.sentence
                .is_some_and(|sentence| !self.duty_sentences.insert(sentence))
        {
            return false;
        }
        if let (SectionKind::Preferred, Some(sentence)) = (e.section, e.sentence) {
            if self.last_bonus == Some(sentence) {
                return false;
            }
            self.last_bonus = Some(sentence);
        }
        true
    }
}

/// Whether two pieces of evidence are one duty for
/// [`RoleProfile::substantial_evidence`]: two phrases whose words have the
/// same first [`VERB_STEM`] letters, whatever their case ("develop and
/// deploy ML models" and "developing and deploying ML models" are one duty
/// said twice), or two contextual verbs with the same first [`VERB_STEM`]
/// letters.
fn same_duty(a: &Evidence, b: &Evidence) -> bool {
    match (a.contextual, b.contextual) {
        // Padded with NUL, which no phrase holds: equal arrays are equal
        // first letters.
        (true, true) => stem(&a.phrase) == stem(&b.phrase),
        (false, false) => stems(&a.phrase).eq(stems(&b.phrase)),
        _ => false,
    }
}

impl Evidence {
    /// True for counted evidence of a defining phrase of one of the three roles.
    #[must_use]
    pub fn is_defining(&self) -> bool {
        self.role != Role::Other && self.weight > 0.0 && self.phrase_weight >= DEFINING_WEIGHT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the statistics phrase `stats` of `text` is listed beside a
    /// neutral discipline.
    fn beside(text: &str, stats: &str) -> bool {
        let linter = crate::Linter::new();
        let lexicon = linter.lexicon();
        let doc = Document::parse_body(text, lexicon);
        let start = text.find(stats).unwrap();
        let span = Span::new(start, start + stats.len());
        let disciplines = doc.hit_indices_of_kind(lexicon.kinds().neutral_discipline);
        beside_neutral_discipline(&doc, disciplines, span)
    }

    #[test]
    fn statistics_beside_a_neutral_discipline() {
        let techniques = "statistical techniques";
        assert!(beside(
            "Knowledge of machine learning algorithms and statistical techniques",
            techniques
        ));
        assert!(beside(
            "Statistical modeling or NLP",
            "Statistical modeling"
        ));
        assert!(beside(
            "In-depth knowledge of image processing, statistical modeling, advanced mathematics",
            "statistical modeling"
        ));
        assert!(beside("ML's statistical techniques", techniques));
        // Three words apart.
        assert!(!beside(
            "machine learning and also other statistical techniques",
            techniques
        ));
        // Another clause.
        assert!(!beside(
            "Machine learning; statistical techniques",
            techniques
        ));
        assert!(!beside(
            "Machine learning\nstatistical techniques",
            techniques
        ));
        assert!(!beside("statistical techniques: deep learning", techniques));
        assert!(!beside(
            "machine\nlearning statistical techniques",
            techniques
        ));
        // Inside the phrase itself.
        assert!(!beside(
            "statistical and machine learning models",
            "statistical and machine learning"
        ));
        // Whole words only.
        assert!(!beside(
            "an algorithm and statistical techniques",
            techniques
        ));
        // Farther than any list separator.
        let far = format!(
            "ML{}statistical techniques",
            " ".repeat(BESIDE_DISCIPLINE_BYTES + 1)
        );
        assert!(!beside(&far, techniques));
    }
}
