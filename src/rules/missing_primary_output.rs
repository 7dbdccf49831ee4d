use rustc_hash::FxHashSet as HashSet;

use super::{Category, LintContext, Rule, RuleDocs, RuleMeta, TitleSource};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document, SectionKind};
use crate::span::Span;

/// No sentence says what the hire delivers or owns.
#[derive(Debug, Clone, Copy, Default)]
pub struct MissingPrimaryOutput;

/// Group kind of ownership cues (`lints/cues.toml`).
const OWNERSHIP_KIND: &str = "ownership";
/// Evidence kinds that name something the hire produces (the work of another
/// role is still a stated output: a data engineer's pipelines).
const DELIVERABLE_KINDS: &[&str] = &["duty", "output", "other-role"];
/// Two roles whose scores are this close claim the output evenly.
const EVEN_SHARE_GAP: f32 = 0.15;
/// Role evidence of kind `output` at least this heavy is a concrete output by
/// itself ("actionable insights", "models in production", "LLM-powered
/// features"); lighter ones ("ML models at scale") are not.
const STRONG_OUTPUT_WEIGHT: f32 = 2.5;
/// A label before a colon at the start of a duty line ("Model Training:
/// train and evaluate ...") is at most this many bytes long.
const LINE_LABEL_MAX: usize = 60;
/// At most this many generic duty lines are pointed at.
const MAX_LABELS: usize = 3;

/// Group kinds of `lints/outputs.toml`.
mod kinds {
    /// Verbs that start a duty line.
    pub const LEAD: &str = "output-lead";
    /// "you will", "this role": the line speaks of the hire's work.
    pub const HIRE: &str = "output-hire";
    /// A line that starts like a requirement ("Experience with ...").
    pub const SKILL: &str = "output-skill-lead";
    /// A line that courts the candidate ("passionate about ...").
    pub const APPEAL: &str = "output-appeal";
    /// The company looks for the hire ("we are seeking a").
    pub const SEARCH: &str = "output-search";
    /// A duty line that starts with a vague activity ("support the team").
    pub const VAGUE: &str = "output-vague-lead";
    /// Owning or shipping a thing.
    pub const OWNS: &str = "output-owns";
    /// The central result ("in your first six months", "your main goal").
    pub const CENTRAL: &str = "output-central";
    /// A concrete artifact ("dashboards", "data pipelines", "APIs").
    pub const ARTIFACT: &str = "output-artifact";
    /// Who or what the output is for ("used by", "fraud", "our customers").
    pub const SPECIFIC: &str = "output-specific";
    /// What makes a product an AI product ("AI-powered", "powered by LLMs").
    pub const AI_MADE: &str = "output-ai-made";
    /// What an AI maker makes ("features", "tools", "applications").
    pub const PRODUCT_NOUN: &str = "output-product-noun";
    /// Role work put into production ("into production", "production systems").
    pub const PRODUCTION: &str = "output-production";
}

/// An AI maker and a product noun at most this many bytes apart name an AI
/// product ("AI-driven platform capabilities", "tools powered by NLP").
const AI_PRODUCT_GAP: usize = 24;

static META: RuleMeta = RuleMeta {
    id: "missing-primary-output",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "No sentence says what the hire will deliver or own.",
    docs: RuleDocs {
        what_it_does: "Reads the role summary and responsibilities line by line. A duty line (it \
starts with a duty verb, or says \"you will\") states an output when it names something concrete \
the hire produces (reports, dashboards, data pipelines, APIs, an assistant; models in production, \
LLM-powered features), says who or what the output is for (\"used by the supply team\", \"fraud\", \
\"our customers\"), has the hire own or ship role work, or states the central result (\"in your \
first six months\", \"your main goal\"). Flags the posting when no line does: a list of skills, or \
duties that are only generic activities (\"develop machine learning models\", \"collaborate with \
cross-functional teams\", \"stay up to date\"). A line that starts with a vague activity or says the \
company is looking for someone is read from its purpose clause (\"work with the claims team to build \
...\"); an AI-powered product (\"AI-driven scheduling tools\"), role work put into production and a \
clause after a semicolon count too. Also flags the posting when the outputs of several roles are claimed \
so evenly that no primary one can be named and no sentence says which the hire owns.",
        why_it_matters: "The primary output decides the role: what the hire delivers is what the \
interview should test and what candidates need to judge the job. A list of skills says neither.",
        example: "```text\nMachine Learning Engineer\n\nRequirements\n- 5+ years of Python\n- PyTorch, Kubernetes, SQL\n\
- Strong communication skills\n```",
        how_to_fix: "Write down three specific things the hire will own in the first six months \
(\"own the fraud model in production\", \"deliver the pricing experiment readouts that set next \
year's prices\", \"ship the support assistant to all customers\"), and put them first.",
    },
};

impl Rule for MissingPrimaryOutput {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let lines = DutyLines::new(ctx);
        let message = if lines.concrete == 0 {
            if lines.generic.is_empty() {
                "no sentence says what the hire will deliver or own: the posting lists skills, not duties"
                    .to_owned()
            } else {
                format!(
                    "none of the {} duty lines names a deliverable: they are activities \
                     (\"develop models\", \"collaborate with teams\"), not what the hire produces or for whom",
                    lines.generic.len()
                )
            }
        } else if lines.named == 0
            && let Some(names) = evenly_claimed(ctx)
        {
            format!(
                "the outputs of {names} are claimed evenly, and no sentence says which the hire owns"
            )
        } else {
            return;
        };
        let span = match ctx.title {
            TitleSource::Line(line) => line,
            _ => doc
                .blocks()
                .first()
                .map_or(Span::empty(0), |block| block.span),
        };
        let mut diagnostic = Diagnostic::new(META.id, span, message);
        if lines.concrete == 0 {
            for &line in lines.generic.iter().take(MAX_LABELS) {
                diagnostic =
                    diagnostic.with_label(line, "an activity: what does it produce, and for whom?");
            }
        }
        diagnostics.push(diagnostic.with_help(
            "write down three specific things the hire will own in the first six months, and put them first",
        ));
    }
}

/// The names of the roles whose outputs are claimed evenly, when no sentence
/// with role work has an ownership cue.
fn evenly_claimed(ctx: &LintContext<'_>) -> Option<String> {
    let doc = ctx.document;
    let profile = ctx.profile;
    let present = profile.present_roles();
    if present.len() < 2 {
        return None;
    }
    let first = profile.scores.get(present[0]).share;
    let second = profile.scores.get(present[1]).share;
    if first - second >= EVEN_SHARE_GAP {
        return None;
    }
    let deliverables: HashSet<usize> = profile
        .evidence
        .iter()
        .filter(|e| e.weight > 0.0 && in_duties(e.section))
        .filter(|e| DELIVERABLE_KINDS.contains(&&*e.kind))
        .filter_map(|e| doc.sentence_index_at(e.span.start))
        .collect();
    let owned = ctx
        .hits_of(OWNERSHIP_KIND)
        .filter_map(|(hit, _)| doc.sentence_index_at(hit.span.start))
        .any(|sentence| deliverables.contains(&sentence));
    if owned {
        return None;
    }
    let names: Vec<&str> = present.iter().map(|r| r.title()).collect();
    Some(names.join(" and "))
}

/// Sections whose lines may state the hire's duties.
fn in_duties(section: SectionKind) -> bool {
    matches!(
        section,
        SectionKind::Summary | SectionKind::Responsibilities | SectionKind::Other
    )
}

/// The spans of the hits of one group kind, in order.
struct Spans(Vec<Span>);

impl Spans {
    fn of(ctx: &LintContext<'_>, kind: &str) -> Self {
        Spans(ctx.hits_of(kind).map(|(hit, _)| hit.span).collect())
    }

    /// The hits that start inside `line`.
    fn within(&self, line: Span) -> &[Span] {
        let from = self.0.partition_point(|s| s.start < line.start);
        let to = self.0.partition_point(|s| s.start < line.end);
        &self.0[from..to]
    }

    fn any_in(&self, line: Span) -> bool {
        !self.within(line).is_empty()
    }

    /// The hit that starts exactly at `at`, if any.
    fn at(&self, at: usize) -> Option<Span> {
        let i = self.0.partition_point(|s| s.start < at);
        self.0.get(i).copied().filter(|s| s.start == at)
    }
}

/// The duty lines of a posting, sorted into those that state a concrete
/// output and those that name only an activity.
struct DutyLines {
    /// How many lines state a concrete output.
    concrete: usize,
    /// How many of those name the thing itself (an artifact, a strong output,
    /// the central result, owned role work), not only whom it is for: a
    /// posting with one has a primary output however evenly its role
    /// evidence is split.
    named: usize,
    /// The duty lines that state none, in order.
    generic: Vec<Span>,
}

impl DutyLines {
    fn new(ctx: &LintContext<'_>) -> Self {
        let doc = ctx.document;
        let lead = Spans::of(ctx, kinds::LEAD);
        let hire = Spans::of(ctx, kinds::HIRE);
        let skill = Spans::of(ctx, kinds::SKILL);
        let appeal = Spans::of(ctx, kinds::APPEAL);
        let vague = Spans::of(ctx, kinds::VAGUE);
        let search = Spans::of(ctx, kinds::SEARCH);
        let owns = Spans::of(ctx, kinds::OWNS);
        let central = Spans::of(ctx, kinds::CENTRAL);
        let artifact = Spans::of(ctx, kinds::ARTIFACT);
        let specific = Spans::of(ctx, kinds::SPECIFIC);
        let ai_made = Spans::of(ctx, kinds::AI_MADE);
        let product_noun = Spans::of(ctx, kinds::PRODUCT_NOUN);
        let production = Spans::of(ctx, kinds::PRODUCTION);
        // Role evidence that counts, by start: (start, strong output, deliverable).
        let mut evidence: Vec<(usize, bool, bool)> = ctx
            .profile
            .evidence
            .iter()
            .filter(|e| e.weight > 0.0)
            .map(|e| {
                let strong = &*e.kind == "output" && e.phrase_weight >= STRONG_OUTPUT_WEIGHT;
                let deliverable = DELIVERABLE_KINDS.contains(&&*e.kind);
                (e.span.start, strong, deliverable)
            })
            .collect();
        evidence.sort_unstable_by_key(|&(start, ..)| start);
        let evidence_in = |line: Span| {
            let from = evidence.partition_point(|&(s, ..)| s < line.start);
            let to = evidence.partition_point(|&(s, ..)| s < line.end);
            &evidence[from..to]
        };

        let mut out = DutyLines {
            concrete: 0,
            named: 0,
            generic: Vec::new(),
        };
        // Buffers reused from one sentence and line to the next.
        let (mut lines, mut starts) = (Vec::new(), Vec::new());
        for (index, sentence) in doc.sentences().iter().enumerate() {
            if !in_duties(sentence.section)
                || matches!(
                    doc.blocks()[sentence.block].kind,
                    BlockKind::Heading | BlockKind::Title
                )
                || ctx.index.is_negated(Some(index))
            {
                continue;
            }
            lines_of(doc, sentence.span, &mut lines);
            for &line in &lines {
                let main = line_starts(doc, line, &hire, &lead, &mut starts);
                let starts_with = |spans: &Spans| starts.iter().any(|&at| spans.at(at).is_some());
                if starts.is_empty() || starts[..main].iter().any(|&at| skill.at(at).is_some()) {
                    continue;
                }
                // A line that courts the candidate is no duty; the central
                // result ("your main goal is ...") never courts.
                if appeal.any_in(line) && !starts_with(&central) {
                    continue;
                }
                // A line that looks for the hire or starts with a vague
                // activity can still go on to the duty in a purpose clause:
                // "we are seeking a data scientist to build ...", "work with
                // the supply team to build ...".
                let opener = search
                    .within(line)
                    .first()
                    .copied()
                    .filter(|_| !starts_with(&central))
                    .or_else(|| starts.iter().find_map(|&at| vague.at(at)));
                let scope = match opener {
                    Some(opener) => match purpose_clause(doc.text(), opener.end, line, &lead) {
                        Some(at) => Span::new(at, line.end),
                        None if vague.at(opener.start).is_some() => {
                            out.generic.push(line);
                            continue;
                        }
                        None => continue,
                    },
                    None => line,
                };
                // A longer phrase of the pack can shadow the verb that starts
                // the line ("deliver insights", "you will own").
                let is_duty = scope != line
                    || hire.any_in(line)
                    || central.any_in(line)
                    || starts_with(&lead)
                    || starts_with(&owns)
                    || starts_with(&artifact);
                if !is_duty {
                    continue;
                }
                let role_work = evidence_in(scope);
                let delivers = role_work.iter().any(|&(.., d)| d);
                let named = role_work.iter().any(|&(_, strong, _)| strong)
                    || central.any_in(scope)
                    || artifact.any_in(scope)
                    || ((owns.any_in(scope) || production.any_in(scope)) && delivers)
                    || ai_product(scope, &ai_made, &product_noun);
                if named || specific.any_in(scope) {
                    out.concrete += 1;
                    out.named += usize::from(named);
                } else {
                    out.generic.push(line);
                }
            }
        }
        out
    }
}

/// Whether `scope` names an AI-powered product: an AI maker ("AI-driven",
/// "powered by LLMs") next to a product noun ("features", "tools").
fn ai_product(scope: Span, ai_made: &Spans, product_noun: &Spans) -> bool {
    ai_made.within(scope).iter().any(|made| {
        let window = Span::new(
            made.start.saturating_sub(AI_PRODUCT_GAP).max(scope.start),
            (made.end + AI_PRODUCT_GAP).min(scope.end),
        );
        !product_noun.within(window).is_empty()
    })
}

/// Where the purpose clause of a line starts: the first duty verb in its
/// base form after a "to" that is not the first word after the opener
/// ("work with the supply team to build ...", not "contribute to design
/// documents", "from inception to scaling").
fn purpose_clause(text: &str, opener_end: usize, line: Span, lead: &Spans) -> Option<usize> {
    let from = Span::new(opener_end.max(line.start), line.end);
    lead.within(from).iter().find_map(|span| {
        let before = text[opener_end..span.start].trim_end();
        let to = before.len().checked_sub(2)?;
        let word = &text[span.start..span.end];
        // Compared as bytes: `to` is a char boundary only when they are "to".
        let infinitive = before.as_bytes()[to..].eq_ignore_ascii_case(b"to")
            && before[..to].ends_with(|c: char| !c.is_alphanumeric())
            && !before[..to].trim().is_empty()
            && !ends_with_caseless(word, "ing");
        infinitive.then_some(span.start)
    })
}

/// Whether `word` ends with the ASCII `suffix`, whatever its case.
fn ends_with_caseless(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The non-empty lines of a sentence, trimmed (a paragraph of unpunctuated
/// lines is one sentence; each of its lines is a duty of its own). A line
/// that goes on in lower case continues the one before (hard-wrapped prose).
fn lines_of(doc: &Document<'_>, span: Span, lines: &mut Vec<Span>) {
    let text = doc.text();
    lines.clear();
    let mut start = span.start;
    for i in memchr::memchr_iter(b'\n', &text.as_bytes()[span.start..span.end]) {
        let at = span.start + i;
        if !continues(&text[at + 1..span.end]) {
            push_trimmed(text, Span::new(start, at), lines);
            start = at + 1;
        }
    }
    push_trimmed(text, Span::new(start, span.end), lines);
}

/// Whether the text after a line break continues the line before it: its
/// first visible character is a lower-case letter.
fn continues(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn push_trimmed(text: &str, span: Span, lines: &mut Vec<Span>) {
    let slice = &text[span.start..span.end];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.end - (slice.len() - slice.trim_end().len());
    if start < end {
        lines.push(Span::new(start, end));
    }
}

/// Where a duty line's first word may be: after any list marker; after a
/// short label and its colon ("Model Training: train ..."); after an adverb
/// ("Independently design ..."); after "you will"; after a semicolon. With
/// how many of them come before the semicolon clauses (only those can make
/// the line a requirement). Empty when the line starts with a number that is
/// not a list marker (a requirement: "3+ years of ..."). The starts go into
/// `starts`, cleared first; the count is returned.
fn line_starts(
    doc: &Document<'_>,
    line: Span,
    hire: &Spans,
    lead: &Spans,
    starts: &mut Vec<usize>,
) -> usize {
    starts.clear();
    let text = doc.text();
    let slice = &text[line.start..line.end];
    let Some(first) = slice.find(|c: char| c.is_alphanumeric()) else {
        return 0;
    };
    let mut at = line.start + first;
    if slice[first..].starts_with(|c: char| c.is_ascii_digit()) {
        let rest = slice[first..].trim_start_matches(|c: char| c.is_ascii_digit());
        if !rest.starts_with(['.', ')']) {
            return 0;
        }
        let after = &rest[1..];
        match after.find(|c: char| c.is_alphanumeric()) {
            Some(offset) => at = line.end - after.len() + offset,
            None => return 0,
        }
    }
    starts.push(at);
    let rest = &text[at..line.end];
    let mut label_end = rest.len().min(LINE_LABEL_MAX);
    while !rest.is_char_boundary(label_end) {
        label_end -= 1;
    }
    if let Some(colon) = rest[..label_end].find(':')
        && let Some(offset) = rest[colon + 1..].find(|c: char| c.is_alphanumeric())
    {
        starts.push(at + colon + 1 + offset);
    }
    // "Independently design ...", "Strategically manage ...": the verb
    // follows an adverb (not a verb in -ly: "Apply ...").
    for i in 0..starts.len() {
        let start = starts[i];
        if lead.at(start).is_some() {
            continue;
        }
        let word_len = text[start..line.end]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(line.end - start);
        let word = &text[start..start + word_len];
        // "Specifically, this role ..." is a sentence adverb, not a manner.
        if word.len() > 4
            && ends_with_caseless(word, "ly")
            && text[start + word_len..].starts_with(' ')
            && let Some(offset) =
                text[start + word_len..line.end].find(|c: char| c.is_alphanumeric())
        {
            starts.push(start + word_len + offset);
        }
    }
    for i in 0..starts.len() {
        let start = starts[i];
        if let Some(span) = hire.at(start).filter(|span| span.end <= line.end)
            && let Some(offset) = text[span.end..line.end].find(|c: char| c.is_alphanumeric())
        {
            starts.push(span.end + offset);
        }
    }
    // A clause after a semicolon may be a duty of its own ("Meet customers;
    // develop case studies of ..."), but never makes the line a requirement.
    let main = starts.len();
    let mut from = at;
    while let Some(semicolon) = text[from..line.end].find(';') {
        let after = from + semicolon + 1;
        if let Some(offset) = text[after..line.end].find(|c: char| c.is_alphanumeric()) {
            starts.push(after + offset);
        }
        from = after;
    }
    main
}
