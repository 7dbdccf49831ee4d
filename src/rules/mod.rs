//! Rules: one file per rule, each a small struct implementing [`Rule`].
//!
//! A rule reads the [`LintContext`] (the analysed document, its lexicon hits
//! and the role profile) and pushes [`Diagnostic`]s. It never rescans the
//! text: everything it needs was matched once, by the one automaton.
//!
//! To add a built-in rule: write `src/rules/<rule_id>.rs` with a unit struct,
//! its [`RuleMeta`] (id, category, default severity, docs) and `check`; list
//! it in [`builtin`]; add fixtures in `tests/fixtures/<rule-id>/`.

mod ambiguous_role_title;
mod exclusionary_wording;
mod experience_exceeds_technology_age;
mod gender_coded_wording;
mod hollow_perks;
mod hype_job_title;
mod missing_primary_output;
mod missing_salary_range;
mod mixed_role_responsibilities;
mod out_of_role_duty;
mod pressure_wording;
mod requirement_overload;
mod role_lifecycle_gap;
mod seniority_contradiction;
mod thresholds;
mod title_role_mismatch;
mod wrong_role_competencies;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use self::ambiguous_role_title::AmbiguousRoleTitle;
pub use self::exclusionary_wording::ExclusionaryWording;
pub use self::experience_exceeds_technology_age::ExperienceExceedsTechnologyAge;
pub use self::gender_coded_wording::GenderCodedWording;
pub use self::hollow_perks::HollowPerks;
pub use self::hype_job_title::HypeJobTitle;
pub use self::missing_primary_output::MissingPrimaryOutput;
pub use self::missing_salary_range::MissingSalaryRange;
pub use self::mixed_role_responsibilities::MixedRoleResponsibilities;
pub use self::out_of_role_duty::OutOfRoleDuty;
pub use self::pressure_wording::PressureWording;
pub use self::requirement_overload::RequirementOverload;
pub use self::role_lifecycle_gap::RoleLifecycleGap;
pub use self::seniority_contradiction::SeniorityContradiction;
pub use self::thresholds::Thresholds;
pub use self::title_role_mismatch::TitleRoleMismatch;
pub use self::wrong_role_competencies::WrongRoleCompetencies;
use crate::diagnostic::{Diagnostic, Origin, Severity};
use crate::document::Document;
use crate::facts::experience::YearsAsked;
use crate::facts::{PostingDate, TechnologyTable};
use crate::lexicon::{Entry, Group, Hit, KindId, Kinds, Lexicon};
pub use crate::roles::HitIndex;
use crate::roles::{Evidence, Presence, Role, RoleProfile, TitleRole};
use crate::span::Span;

/// What family a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Category {
    /// Which role the posting is for: titles, mixed duties, primary output.
    Role,
    /// Whether a reader can tell what the job is.
    Clarity,
    /// Claims that cannot be true (years of a technology older than it).
    Accuracy,
    /// Wording that turns candidates away.
    Inclusion,
    /// Rules added by an embedder.
    Custom,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 5] = [
        Category::Role,
        Category::Clarity,
        Category::Accuracy,
        Category::Inclusion,
        Category::Custom,
    ];

    /// The kebab-case name used in configuration.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Role => "role",
            Category::Clarity => "clarity",
            Category::Accuracy => "accuracy",
            Category::Inclusion => "inclusion",
            Category::Custom => "custom",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's documentation, in the sections `jdlint explain` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleDocs {
    /// What it does.
    pub what_it_does: &'static str,
    /// Why it matters.
    pub why_it_matters: &'static str,
    /// A posting (or part of one) that it flags.
    pub example: &'static str,
    /// How to fix what it flags.
    pub how_to_fix: &'static str,
}

/// A rule's fixed description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// Kebab-case id naming the problem (`ambiguous-role-title`).
    pub id: &'static str,
    /// The family it belongs to.
    pub category: Category,
    /// Severity when the configuration says nothing.
    pub default_severity: Severity,
    /// One line: what it flags.
    pub summary: &'static str,
    /// The long documentation.
    pub docs: RuleDocs,
}

impl RuleMeta {
    /// The docs as Markdown, the way `jdlint explain` prints them.
    #[must_use]
    pub fn explain(&self) -> String {
        format!(
            "# {id}\n\n{summary}\n\nCategory: {category}. Default severity: {severity}.\n\n\
             ## What it does\n{what}\n\n## Why it matters\n{why}\n\n## Example\n{example}\n\n## How to fix\n{fix}\n",
            id = self.id,
            summary = self.summary,
            category = self.category,
            severity = self.default_severity,
            what = self.docs.what_it_does.trim(),
            why = self.docs.why_it_matters.trim(),
            example = self.docs.example.trim(),
            fix = self.docs.how_to_fix.trim(),
        )
    }
}

/// Where the title came from, so rules can point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource<'a> {
    /// The first line of the text, at this span.
    Line(Span),
    /// Given apart from the text.
    Explicit(&'a str),
    /// There is no title.
    None,
}

/// Everything a rule may read about one posting.
#[derive(Debug, Clone, Copy)]
pub struct LintContext<'a> {
    /// The analysed posting.
    pub document: &'a Document<'a>,
    /// The lexicon the document was matched with.
    pub lexicon: &'a Lexicon,
    /// The role profile.
    pub profile: &'a RoleProfile,
    /// The title and where it is.
    pub title: TitleSource<'a>,
    /// Lexicon hits inside the title, with spans relative to the title text.
    pub title_hits: &'a [Hit],
    /// The date the posting is read as of.
    pub posting_date: PostingDate,
    /// Technologies and their release dates.
    pub technologies: &'a TechnologyTable,
    /// The limits rules compare counts with.
    pub thresholds: &'a Thresholds,
    /// The years of experience the posting asks for.
    pub years: &'a [YearsAsked],
    /// The hits by kind, read once for all rules.
    pub index: &'a HitIndex,
    /// Which roles the posting asks for and on what evidence, worked out
    /// once for all rules (read it rather than the profile's methods).
    pub presence: &'a Presence<'a>,
}

impl<'a> LintContext<'a> {
    /// The title's text, if there is one.
    #[must_use]
    pub fn title_text(&self) -> Option<&'a str> {
        match self.title {
            TitleSource::Line(span) => span.text(self.document.text()),
            TitleSource::Explicit(title) => Some(title),
            TitleSource::None => None,
        }
    }

    /// Maps a span relative to the title text to a span a diagnostic can
    /// carry, and the origin that goes with it.
    #[must_use]
    pub fn title_span(&self, relative: Span) -> (Span, Origin) {
        match self.title {
            TitleSource::Line(line) => (
                Span::new(line.start + relative.start, line.start + relative.end),
                Origin::Text,
            ),
            TitleSource::Explicit(_) => (relative, Origin::Title),
            TitleSource::None => (Span::empty(0), Origin::Text),
        }
    }

    /// The whole title as a diagnostic span, with its origin.
    #[must_use]
    pub fn whole_title_span(&self) -> Option<(Span, Origin)> {
        let len = self.title_text()?.len();
        Some(self.title_span(Span::new(0, len)))
    }
}

/// A lint rule.
///
/// ```
/// use jdlint::rules::{Category, LintContext, Rule, RuleDocs, RuleMeta};
/// use jdlint::{Diagnostic, Severity, Span};
///
/// struct NoExclamations;
///
/// static META: RuleMeta = RuleMeta {
///     id: "no-exclamations",
///     category: Category::Custom,
///     default_severity: Severity::Info,
///     summary: "Flags exclamation marks.",
///     docs: RuleDocs {
///         what_it_does: "Flags `!`.",
///         why_it_matters: "Shouting reads as hype.",
///         example: "We are hiring!",
///         how_to_fix: "Use a full stop.",
///     },
/// };
///
/// impl Rule for NoExclamations {
///     fn meta(&self) -> &RuleMeta {
///         &META
///     }
///     fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
///         let text = ctx.document.text();
///         for (at, _) in text.match_indices('!') {
///             out.push(Diagnostic::new(META.id, Span::new(at, at + 1), "exclamation mark"));
///         }
///     }
/// }
///
/// let linter = jdlint::Linter::builder().rule(NoExclamations).build().unwrap();
/// let report = linter.lint("Data Scientist\n\nWe are hiring!");
/// assert_eq!(report.by_rule("no-exclamations").count(), 1);
/// ```
pub trait Rule: Send + Sync {
    /// The rule's fixed description.
    fn meta(&self) -> &RuleMeta;

    /// Looks at one posting and pushes what it finds. Severity and positions
    /// are set by the linter afterwards.
    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>);
}

/// The built-in rules, in a stable order.
#[must_use]
pub fn builtin() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(AmbiguousRoleTitle),
        Box::new(TitleRoleMismatch),
        Box::new(MixedRoleResponsibilities),
        Box::new(WrongRoleCompetencies),
        Box::new(MissingPrimaryOutput),
        Box::new(OutOfRoleDuty),
        Box::new(RoleLifecycleGap),
        Box::new(ExperienceExceedsTechnologyAge),
        Box::new(RequirementOverload),
        Box::new(SeniorityContradiction),
        Box::new(MissingSalaryRange),
        Box::new(GenderCodedWording),
        Box::new(HypeJobTitle),
        Box::new(ExclusionaryWording),
        Box::new(HollowPerks),
        Box::new(PressureWording),
    ]
}

impl<'a> LintContext<'a> {
    /// The one role the posting is for: the title's when it names one of the
    /// three; the primary role when the title names no job at all ("AI
    /// Specialist", or no title); none when the title joins roles or names
    /// another job ("Data Engineer", "Back End Developer"), since then the
    /// duties are not the three roles'.
    #[must_use]
    pub fn posting_role(&self) -> Option<Role> {
        let profile = self.profile;
        match profile.title_role {
            TitleRole::Ambiguous => None,
            // Only a title that names no job ("AI Specialist", none at all)
            // leaves the role to the duties.
            TitleRole::Other
                if profile.title.vague.is_some() || self.title_text().is_none_or(str::is_empty) =>
            {
                Role::THREE
                    .contains(&profile.primary_role)
                    .then_some(profile.primary_role)
            }
            TitleRole::Other => None,
            named => named.role(),
        }
    }

    /// The pack groups of the phrase found as `evidence`: those of the hits
    /// over exactly its span (a phrase listed in two groups has both).
    pub fn groups_of(&self, evidence: &Evidence) -> impl Iterator<Item = &'a Group> + 'a {
        // Hits are sorted by start: only those starting where it does.
        let (hits, lexicon, span) = (self.document.hits(), self.lexicon, evidence.span);
        let from = hits.partition_point(|hit| hit.span.start < span.start);
        hits[from..]
            .iter()
            .take_while(move |hit| hit.span.start == span.start)
            .filter(move |hit| hit.span == span)
            .map(move |hit| lexicon.entry(hit.entry).group)
    }

    /// The ids of the kinds the built-in rules read, resolved when the
    /// lexicon was built: `ctx.spans_of(ctx.kinds().pay)`. (A custom rule
    /// looks its own up once with [`Lexicon::kind_id`].)
    pub(crate) fn kinds(&self) -> &'a Kinds {
        self.lexicon.kinds()
    }

    /// Every hit of groups of `kind`, with its entry, in order (none for
    /// `None`: a kind no pack defines).
    pub fn hits_of(&self, kind: Option<KindId>) -> impl Iterator<Item = (Hit, Entry<'a>)> + 'a {
        let lexicon = self.lexicon;
        self.document
            .hits_of_kind(kind)
            .map(move |(_, hit)| (*hit, lexicon.entry(hit.entry)))
    }

    /// The spans of the hits of groups of `kind`, in order: [`hits_of`]
    /// without the entries, for a reader that needs only where the hits are
    /// (an entry is a read of the lexicon's tables per hit, most of them
    /// cache misses).
    ///
    /// [`hits_of`]: LintContext::hits_of
    pub fn spans_of(&self, kind: Option<KindId>) -> impl Iterator<Item = Span> + 'a {
        self.document.hits_of_kind(kind).map(|(_, hit)| hit.span)
    }

    /// The sentences that hold a hit of groups of `kind` (`None` for a hit
    /// outside every sentence), sorted and deduplicated for
    /// `binary_search`: "is there a cue of this kind in the sentence of
    /// this evidence".
    #[must_use]
    pub fn sentences_of(&self, kind: Option<KindId>) -> Vec<Option<usize>> {
        let doc = self.document;
        let mut sentences: Vec<Option<usize>> = self
            .spans_of(kind)
            .map(|span| doc.sentence_index_at(span.start))
            .collect();
        sentences.sort_unstable();
        sentences.dedup();
        sentences
    }

    /// The hits of groups of `kind` that count: outside a negated sentence
    /// ("you will not be on call"), and, for a group with a `context`, in a
    /// sentence that holds one of its context phrases. With their entries, in
    /// order.
    #[must_use]
    pub fn live_hits(&self, kind: Option<KindId>) -> Vec<(Hit, Entry<'a>)> {
        let index = self.index;
        let hits = self.document.hits_of_kind(kind);
        // Sized once for every hit of the kind (most are live): a collect
        // through `filter_map` starts small and regrows.
        let mut live = Vec::with_capacity(hits.size_hint().0);
        live.extend(hits.filter_map(|(i, &hit)| {
            let entry = self.lexicon.entry(hit.entry);
            let sentence = index.sentence(i);
            let live = !index.is_negated(sentence)
                && self
                    .lexicon
                    .context_key(entry.group_id)
                    .is_none_or(|key| index.has_context(sentence, key));
            live.then_some((hit, entry))
        }));
        live
    }

    /// Whether the sentence holding `offset` hands work to someone else
    /// ("partner with the engineers who are on call").
    #[must_use]
    pub fn is_delegated(&self, offset: usize) -> bool {
        self.index
            .is_delegated(self.document.sentence_index_at(offset))
    }

    /// The span a finding about the whole posting points at: the title when
    /// it is part of the text, else the start of the text.
    #[must_use]
    pub fn posting_span(&self) -> Span {
        match self.title {
            TitleSource::Line(span) => span,
            _ => Span::empty(0),
        }
    }
}

/// Whether `word` ends with the ASCII `suffix`, whatever its case.
pub(crate) fn ends_with_caseless(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

pub(crate) use crate::document::is_one_of_caseless;

/// "A", "A and B", "A, B and C": names for a message.
pub(crate) fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// True when `id` is lowercase ASCII words joined by single `-`.
#[must_use]
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
