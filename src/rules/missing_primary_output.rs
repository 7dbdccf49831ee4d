use rustc_hash::FxHashSet as HashSet;

use super::{
    Category, LintContext, Rule, RuleDocs, RuleMeta, ends_with_caseless, is_one_of_caseless,
};
use crate::diagnostic::{Diagnostic, Origin, Severity};
use crate::document::{BlockKind, Document, SectionKind, trim_span};
use crate::lexicon::KindId;
use crate::roles::{DUTY_KIND, OTHER_ROLE_KIND, OUTPUT_KIND};
use crate::span::Span;

/// No sentence says what the hire delivers or owns.
#[derive(Debug, Clone, Copy, Default)]
pub struct MissingPrimaryOutput;

/// Evidence kinds that name something the hire produces (the work of another
/// role is still a stated output: a data engineer's pipelines).
const DELIVERABLE_KINDS: &[&str] = &[DUTY_KIND, OUTPUT_KIND, OTHER_ROLE_KIND];
/// Two roles whose scores are this close claim the output evenly.
const EVEN_SHARE_GAP: f32 = 0.15;
/// Role evidence of kind `output` at least this heavy is a concrete output by
/// itself ("actionable insights", "models in production", "LLM-powered
/// features"); lighter ones ("ML models at scale") are not.
const STRONG_OUTPUT_WEIGHT: f32 = 2.5;
/// A label before a colon at the start of a duty line ("Model Training:
/// train and evaluate ...") is at most this many bytes long.
const LINE_LABEL_MAX: usize = 60;
/// An introductory phrase ("in close collaboration with ...") ends with a
/// comma at most this many bytes after it.
const INTRO_MAX: usize = 120;
/// At most this many generic duty lines are pointed at.
const MAX_LABELS: usize = 3;
/// Tag of the `output-head` group of heads whose kind a word of machine
/// learning or AI says ("our ML platforms", "the AI infrastructure"):
/// platforms and infrastructure (`lints/outputs.toml`).
const INFRA_TAG: &str = "infra";
/// Tag of the `output-head-generic` group of the words of machine learning
/// and AI ("ML", "machine learning", "generative AI"): generic modifiers of
/// any head but those tagged [`INFRA_TAG`], whose kind they say
/// (`lints/outputs.toml`).
const ML_KIND_TAG: &str = "ml-kind";

/// An AI maker and a product noun at most this many bytes apart name an AI
/// product ("AI-driven platform capabilities", "tools powered by NLP").
const AI_PRODUCT_GAP: usize = 24;

static META: RuleMeta = RuleMeta {
    id: "missing-primary-output",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "No sentence says what the hire will deliver or own.",
    docs: RuleDocs {
        what_it_does: "Reads the role summary and responsibilities line by line, and each line \
clause by clause (split at semicolons). A duty clause (it starts with a duty verb or a noun of \
making such as \"Creation of\", follows an opener such as \"Tasks include\" or \"you'll get to\", or \
says \"you will\", \"The Analyst will\" or \"The Analyst prepares\" with the title's noun, or \"you\" \
before a duty verb) states \
an output \
when it names something concrete the hire produces (reports, dashboards, data pipelines, APIs, an \
assistant; models in production, LLM-powered features; a built thing whose kind or purpose is said, \
as in \"monitor model pipelines\", \"build infrastructure for model training\", not \"build \
scalable systems\"), says who or what the output is for (\"used by the supply team\", \"fraud\", \
\"our customers\"), has the hire own or ship role work, or states the central result (\"in your \
first six months\", \"your main goal\"). Flags the posting when no line does: a list of skills, or \
duties that are only generic activities (\"develop machine learning models\", \"collaborate with \
cross-functional teams\", \"stay up to date\"). A line among the qualifications that opens with a \
duty verb in the present, or \"you will\" before one (\"Build demand forecasts used by the supply team\" \
under \"What you'll bring\", after a pay line that opened a pay section, or a bullet run into the employer's \
blurb, there only when it names the thing) states an output too; a generic one there is no duty line. A line about \
the team's work states one when it names the thing (\"the squad is charged with building all data \
pipelines\"), not only whom it is for. Deliverables of any job count, not only the three roles' \
(test plans, toolchains, compilers, configured surveys, analysis results, review reports, a ported code \
base, a center of excellence, training datasets, whitepapers; prototypes whose purpose is said). A duty may be named by coordinated nouns of making (\"Installation, configuration and bring-up of the \
lab's GPU hardware\"); data, analytics and cloud say what kind a built thing is (\"implement analytics \
systems\"), and machine learning or AI what kind a platform or infrastructure is (\"enhance our ML \
platforms\", \"build scalable AI infrastructure\"; \"build ML systems\" names none), and a complement after an adjective of need says what for (\"the tooling necessary for fast \
model release\"). A model counts as a built thing only when what it is for \
is said (\"work on our demand forecasting models\", \"the models for our search engine\", not \"develop \
machine learning models for various use cases\"; \"ML models for harbour crane applications\" and \"our \
scoring models for Compliance\" say it too), and owning models (\"own the ML models of our bidding \
system\") is ownership; \"work on\" and \"contribute to\" are read from their object as \"support\" is. A built \
thing the work is turned into counts (\"translate business rules into practical software applications\"), \
and so does a part of one (\"implement elements of our document parsing pipeline\"); \"The ML/CV will \
design ...\" names the hire by a word of the title; \"will be\" or \"will also\" before the verb is read past (\"The \
engineer will be working on ...\"), and \"looking for an engineer who will build ...\" reads from \"build ...\". A domain that only modifies a noun of no thing of its \
own (\"innovative healthcare solutions\", \"our e-commerce growth agenda\") says whom nothing is for; a \
platform's name (\"AWS services\") says no kind; what the hire receives (\"you will receive training\") \
is no duty. A line that starts with a vague activity or says the \
company is looking for someone is read from its purpose clause (\"work with the claims team to build \
...\"); one that starts with \"support\", \"participate in\" or \"play a key role in\" counts only when its object names the \
thing itself (\"support the migration of our feature store\", \"play a key role in designing our trading frameworks\"; \
not \"play a vital role in this mission\"), and so does \"help us <verb>\"; \
\"we are hiring someone to help us build ...\" reads from \"build ...\" (but \"join us on our mission to build ...\" states the employer's aim); \"own the creation of X\" is ownership; an AI-powered product (\"AI-driven \
scheduling tools\") and role work put into production count too. Whom the work is for counts only in \
a clause with a duty verb (\"your work will impact millions of patients\" states an impact, not an output); \
\"we need a data scientist to build ...\" reads from \"build ...\", and \"your day-to-day will include\" \
speaks of the hire's work. A relative or purpose clause after a \
built thing says what it is for (\"write tools to assist in comparing test runs\", \"build services that \
reconcile sensor readings\", \"architect systems that will ingest, store, and expose telemetry\"), unless it only acts on data (\"scripts to process structured data\") or names a generic aim (\"to solve \
complex problems and drive innovation\"); such a clause names a model too (\"the models that estimate \
courier arrival times\"), and names things joined in one phrase (\"simulation and database applications \
to support exercise planning\", \"the infrastructure and tools necessary for model release\"); \
things joined after the head are named by a relative clause that says what they do (\"build tools and \
capabilities that assist with data ingestion\", not \"tools and interfaces for interactive ML\"). Every \
line of a list of responsibilities is the hire's duty, whatever its first word: one that owns a named thing \
(\"Become the owner of our scanning data pipelines\") states the output. Bullets or sentences a scrape ran into one line \
(\"..., * Design the ...\", \"... hosted LLMs.Experience with ...\") are read one by one; a duties heading a scrape ran into the text with no break \
(\"Key Responsibilities Build the churn models ...\") is read past, and so is an introductory phrase before \"own\" \
(\"In collaboration with the revenue team, own the pricing model\"); \"assist in\" is read from its object as \"support\" is. Also flags the posting when the outputs of several roles are claimed \
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
            if !lines.generic.is_empty() {
                "no duty line names a deliverable: the labelled duties are activities, not what \
                 the hire produces or for whom"
                    .to_owned()
            } else if has_duties_section(doc) {
                "no sentence says what the hire will deliver or own: the responsibilities read as \
                 requirements or generic aims, not deliverables"
                    .to_owned()
            } else {
                "no sentence says what the hire will deliver or own: the posting lists skills, not duties"
                    .to_owned()
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
        // The title names the role whose output is missing; without one,
        // the start of the role's own description, not the employer's blurb.
        let (span, origin) = ctx
            .whole_title_span()
            .filter(|(span, _)| !span.is_empty())
            .unwrap_or_else(|| (role_description_start(doc), Origin::Text));
        let mut diagnostic = Diagnostic::new(META.id, span, message).with_origin(origin);
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
    let present = ctx.presence.present_roles();
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
        .spans_of(ctx.kinds().ownership)
        .filter_map(|span| doc.sentence_index_at(span.start))
        .any(|sentence| deliverables.contains(&sentence));
    if owned {
        return None;
    }
    let names: Vec<&str> = present.iter().map(|r| r.title()).collect();
    Some(names.join(" and "))
}

/// Endings of a word that opens a qualification but is no duty verb in the
/// present: a past tense ("Established"), or a noun or adjective that a duty
/// verb's pattern also matches ("Visualization", "Generative").
const NOT_A_PRESENT_VERB: &[&str] = &["ed", "ion", "ions", "ive", "ity", "al"];

/// The first block of the role's own description: the first non-heading
/// block of the role summary or responsibilities, else the first block of
/// the text.
fn role_description_start(doc: &Document<'_>) -> Span {
    let blocks = doc.blocks();
    blocks
        .iter()
        .find(|block| {
            matches!(
                block.section,
                SectionKind::Summary | SectionKind::Responsibilities
            ) && !matches!(block.kind, BlockKind::Heading | BlockKind::Title)
        })
        .or_else(|| blocks.first())
        .map_or(Span::empty(0), |block| block.span)
}

/// Whether the posting has a responsibilities section with text under its
/// heading.
fn has_duties_section(doc: &Document<'_>) -> bool {
    doc.sentences().iter().any(|sentence| {
        sentence.section == SectionKind::Responsibilities
            && !matches!(
                doc.blocks()[sentence.block].kind,
                BlockKind::Heading | BlockKind::Title
            )
    })
}

/// Sections whose lines may state the hire's duties.
fn in_duties(section: SectionKind) -> bool {
    matches!(
        section,
        SectionKind::Summary | SectionKind::Responsibilities | SectionKind::Other
    )
}

/// The spans of the hits of one group kind (or of a few, merged), in
/// order: a run of the one buffer of [`SpanLists`].
#[derive(Clone, Copy)]
struct Spans<'b>(&'b [Span]);

/// The span lists the rule reads, kept in one buffer: one allocation per
/// posting, not one per list.
struct SpanLists {
    spans: Vec<Span>,
    ends: Vec<usize>,
}

impl SpanLists {
    /// Appends the spans of the hits of `kinds` as the next list, sorted by
    /// start when there are several kinds.
    fn push(&mut self, ctx: &LintContext<'_>, kinds: &[Option<KindId>]) {
        let from = self.spans.len();
        for &kind in kinds {
            self.spans.extend(ctx.spans_of(kind));
        }
        if kinds.len() > 1 {
            self.spans[from..].sort_unstable_by_key(|span| span.start);
        }
        self.ends.push(self.spans.len());
    }

    /// Appends the spans of the hits of `kind` whose group carries `tag` as
    /// the next list.
    fn push_tagged(&mut self, ctx: &LintContext<'_>, kind: Option<KindId>, tag: &str) {
        self.spans.extend(
            ctx.hits_of(kind)
                .filter(|(_, entry)| entry.group.has_tag(tag))
                .map(|(hit, _)| hit.span),
        );
        self.ends.push(self.spans.len());
    }

    /// The `n`-th list.
    fn get(&self, n: usize) -> Spans<'_> {
        let from = n.checked_sub(1).map_or(0, |before| self.ends[before]);
        Spans(&self.spans[from..self.ends[n]])
    }
}

impl<'b> Spans<'b> {
    /// The hits that start inside `line`.
    fn within(&self, line: Span) -> &'b [Span] {
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
/// output and those that name only an activity. Read up to the first line
/// that names its output: past it the rule finds nothing (`named > 0`), so
/// the counts stop there.
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
        let text = doc.text();
        // Each list's kinds (`lints/outputs.toml`, `lints/cues.toml`), in the
        // order of the lists below.
        let kinds = ctx.kinds();
        let lists_of_kinds: [&[Option<KindId>]; 23] = [
            &[kinds.output_making],
            // "Creation of ..." starts a duty line as "Create ..." does (the
            // longer phrase shadows the verb's).
            &[kinds.output_lead, kinds.output_making],
            &[kinds.output_hire],
            &[kinds.output_intro],
            &[kinds.output_skill_lead],
            &[kinds.output_perk],
            &[kinds.output_appeal],
            &[kinds.output_vague_lead],
            &[kinds.output_object_lead],
            &[kinds.output_search],
            &[kinds.output_owns],
            &[kinds.output_run_in_heading],
            &[kinds.output_central],
            &[kinds.output_artifact],
            &[kinds.output_ai_made],
            &[kinds.output_product_noun],
            &[kinds.output_production],
            &[kinds.output_head],
            &[kinds.output_model_head],
            &[kinds.output_specific],
            &[kinds.output_head_generic],
            // "Development and implementation of geospatial algorithms":
            // the making, named as a noun, is the verb.
            &[
                kinds.output_build,
                kinds.ownership,
                kinds.output_into,
                kinds.output_making,
            ],
            &[kinds.output_vague_head],
        ];
        let mut lists = SpanLists {
            // Room for every hit once: the lists hold a subset of them (the
            // verbs of making three times, platforms and the words of machine
            // learning twice, which rarely regrows it).
            spans: Vec::with_capacity(doc.hits().len()),
            ends: Vec::with_capacity(lists_of_kinds.len()),
        };
        for kinds in lists_of_kinds {
            lists.push(ctx, kinds);
        }
        // The heads whose kind a word of machine learning says, and those
        // words: the hits of a kind whose group carries a tag.
        lists.push_tagged(ctx, kinds.output_head, INFRA_TAG);
        lists.push_tagged(ctx, kinds.output_head_generic, ML_KIND_TAG);
        let [
            making,
            lead,
            hire,
            intro,
            skill,
            perk,
            appeal,
            vague,
            object_lead,
            search,
            owns,
            run_in_heading,
            central,
            artifact,
            ai_made,
            product_noun,
            production,
            head,
            models,
            specific,
            generic,
            verbs,
            vague_head,
            infra,
            ml_kind,
        ] = std::array::from_fn(|n| lists.get(n));
        let built = BuiltThings {
            head,
            models,
            specific,
            generic,
            verbs,
            infra,
            ml_kind,
        };
        let title = ctx.title_text();
        let title_noun = title.and_then(title_noun);
        // A domain or audience that only modifies a noun of no thing
        // ("innovative automotive solutions") says whom nothing is for.
        let for_whom = |scope: Span| {
            built
                .specific
                .within(scope)
                .iter()
                .any(|hit| !modifies_vague_head(text, *hit, scope, &vague_head))
        };
        // Role evidence that counts, by start: (start, strong output, deliverable).
        let mut evidence: Vec<(usize, bool, bool)> = ctx
            .profile
            .evidence
            .iter()
            .filter(|e| e.weight > 0.0)
            .map(|e| {
                let strong = &*e.kind == OUTPUT_KIND && e.phrase_weight >= STRONG_OUTPUT_WEIGHT;
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
        // Buffers reused from one sentence, line and clause to the next.
        let (mut lines, mut clauses, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        for (index, sentence) in doc.sentences().iter().enumerate() {
            // A list of what the candidate brings can still hold a duty
            // that names its output ("Build demand forecasts used by the
            // supply team" under "What you'll bring"): such a line counts,
            // a generic one there is no duty line.
            let duties = in_duties(sentence.section);
            // The team's own work ("the team is charged with building all
            // data pipelines") is the hire's work too.
            let team = sentence.section == SectionKind::Team;
            // So can duty lines read into the pay section when a pay line
            // comes first ("Pay range $55/hr" and then "- Design and deploy
            // the cash-flow forecasting solution"), or into the employer's
            // blurb when the bullets ran into its paragraph ("... a blueprint
            // for the future., * Design and develop the front-end components
            // of our products"): read as the qualifications are, only a line
            // that opens with a duty verb (or "you will" before one) is a duty.
            let qualifications = matches!(
                sentence.section,
                SectionKind::Requirements
                    | SectionKind::Preferred
                    | SectionKind::Compensation
                    | SectionKind::Company
            );
            if !(duties || team || qualifications)
                || matches!(
                    doc.blocks()[sentence.block].kind,
                    BlockKind::Heading | BlockKind::Title
                )
                || ctx.index.is_negated(Some(index))
            {
                continue;
            }
            lines_of(doc, sentence.span, &mut lines);
            'lines: for &line in &lines {
                clauses_of(text, line, &mut clauses);
                // What the line's clauses state: a duty at all, a concrete
                // output, one that names the thing itself.
                let (mut duty, mut concrete, mut named_any) = (false, false, false);
                for (nth, &clause) in clauses.iter().enumerate() {
                    let first = nth == 0;
                    let subject = clause_starts(
                        doc,
                        clause,
                        first,
                        &Starters {
                            hire: &hire,
                            lead: &lead,
                            intro: &intro,
                            owns: &owns,
                            run_in_heading: &run_in_heading,
                            making: &making,
                            title_noun,
                            title,
                        },
                        &mut starts,
                    );
                    let starts_with =
                        |spans: &Spans<'_>| starts.iter().any(|&at| spans.at(at).is_some());
                    // Every line of a list of responsibilities is the
                    // hire's duty, whatever its first word: one that owns a
                    // named thing ("Become a key owner of our data
                    // pipelines") states the output.
                    if sentence.section == SectionKind::Responsibilities
                        && !starts.is_empty()
                        && !starts_with(&skill)
                        && !starts_with(&perk)
                        && !appeal.any_in(line)
                        && owns.within(clause).iter().any(|own| {
                            let rest = Span::new(own.start, clause.end);
                            artifact.any_in(rest) || built.any_in(text, rest, None)
                        })
                    {
                        duty = true;
                        concrete = true;
                        named_any = true;
                        continue;
                    }
                    // A line that starts like a requirement is none of the
                    // hire's duties; a later clause that does ("...;
                    // experience with X") is only that clause.
                    if starts.is_empty() || starts_with(&skill) || starts_with(&perk) {
                        if first {
                            continue 'lines;
                        }
                        continue;
                    }
                    // A line that courts the candidate is no duty; the
                    // central result ("your main goal is ...") never courts.
                    if first && appeal.any_in(line) && !starts_with(&central) {
                        continue 'lines;
                    }
                    // A clause that looks for the hire or starts with a vague
                    // activity can still go on to the duty in a purpose
                    // clause: "we are seeking a data scientist to build ...",
                    // "work with the supply team to build ...". One that
                    // starts with "support" or "participate
                    // in" is read from its object, which must name the thing
                    // itself ("participate in the design of our feature store").
                    let opener = search
                        .within(clause)
                        .first()
                        .copied()
                        .filter(|_| !starts_with(&central))
                        .or_else(|| {
                            starts
                                .iter()
                                .find_map(|&at| vague.at(at).or_else(|| object_lead.at(at)))
                        });
                    // An opener read from its object is the verb of a
                    // built thing ("work on our forecasting models").
                    let mut opener_verb = None;
                    let mut object_only = false;
                    // "help us shape ...": counts only when what is shaped is
                    // the thing itself ("help us shape our data warehouses",
                    // not "help monitor production models").
                    let mut helped = false;
                    let scope = match opener {
                        Some(opener) => match purpose_clause(text, opener.end, clause, &lead)
                            .or_else(|| {
                                let verb = help_verb(text, opener, clause, &lead).or_else(|| {
                                    object_lead
                                        .at(opener.start)
                                        .and_then(|_| gerund_object(text, opener, clause, &lead))
                                });
                                helped = verb.is_some();
                                verb
                            }) {
                            Some(at) => Span::new(at, clause.end),
                            None if object_lead.at(opener.start).is_some() => {
                                object_only = true;
                                opener_verb = Some(opener);
                                Span::new(opener.end, object_end(text, opener.end, clause, &lead))
                            }
                            None if vague.at(opener.start).is_some() => {
                                duty = true;
                                continue;
                            }
                            None => continue,
                        },
                        None => clause,
                    };
                    // A longer phrase of the pack can shadow the verb that
                    // starts the line ("deliver insights", "you will own").
                    let is_duty = scope != clause
                        || subject
                        || hire.any_in(clause)
                        || central.any_in(clause)
                        || starts_with(&lead)
                        || starts_with(&owns)
                        || starts_with(&artifact);
                    // Among the candidate's qualifications, only a line that
                    // opens with a duty verb in the present ("Build ...",
                    // not "Established ..." or "Publication record") is a
                    // duty.
                    // So is one that says "you will" or "you" before one
                    // ("You'll architect the software stack ...").
                    let present = |at: usize| {
                        let word = word_at(text, at, clause.end);
                        lead.at(at).is_some()
                            && !NOT_A_PRESENT_VERB
                                .iter()
                                .any(|end| ends_with_caseless(word, end))
                    };
                    let is_duty = is_duty
                        && (duties
                            || team
                            || starts.first().is_some_and(|&at| {
                                present(at)
                                    || (subject || hire.at(at).is_some())
                                        && starts[1..].iter().any(|&verb| present(verb))
                            }));
                    if !is_duty {
                        continue;
                    }
                    duty = true;
                    let role_work = evidence_in(scope);
                    let delivers = role_work.iter().any(|&(.., d)| d);
                    let thing = artifact.any_in(scope)
                        || ai_product(scope, &ai_made, &product_noun, &built.head)
                        || built.any_in(text, scope, opener_verb);
                    let named = thing
                        || !helped
                            && (role_work.iter().any(|&(_, strong, _)| strong)
                                || central.any_in(scope)
                                || ((owns.any_in(scope) || production.any_in(scope)) && delivers)
                                // "own the ML models of our bidding system":
                                // owned models are the hire's output.
                                || (owns.any_in(scope) && built.models.any_in(scope))
                                || owned_making(text, scope, &owns, &making));
                    named_any |= named;
                    // The team's work counts only when it names the thing
                    // ("builds all streaming data pipelines"), not for whom
                    // ("transforms programs in line with regulatory aims");
                    // so does a line in the employer's blurb (a slogan such
                    // as "Transform healthcare logistics with us" names none).
                    // Whom the work is for counts only with work done for
                    // them: a clause with no duty verb ("your work will
                    // impact millions of patients") states an impact, not
                    // an output.
                    let acts = scope != clause || lead.any_in(scope);
                    let blurb = team || sentence.section == SectionKind::Company;
                    concrete |=
                        named || (!blurb && !object_only && !helped && acts && for_whom(scope));
                }
                if concrete {
                    out.concrete += 1;
                    out.named += usize::from(named_any);
                    // A line that names its output settles the rule: it
                    // finds nothing, whatever the other lines say.
                    if named_any {
                        return out;
                    }
                } else if duty && duties {
                    out.generic.push(line);
                }
            }
        }
        out
    }
}

/// The head nouns of built things and what may come before them.
struct BuiltThings<'b> {
    /// Head nouns ("pipelines", "platform", "tooling").
    head: Spans<'b>,
    /// Models as head nouns: only a modifier that says what for
    /// (`specific`) names one ("the churn model", not "complex models").
    models: Spans<'b>,
    /// Who or what an output is for ("fraud", "forecasting", "our customers").
    specific: Spans<'b>,
    /// Modifiers that say nothing of the kind ("scalable", "new", "ML").
    generic: Spans<'b>,
    /// Verbs that build, run or own a thing ("build", "monitor", "deliver").
    verbs: Spans<'b>,
    /// The heads whose kind a word of machine learning or AI says
    /// ("platforms", "infrastructure": [`INFRA_TAG`]), among `head`.
    infra: Spans<'b>,
    /// The words of machine learning and AI ("ML", "generative AI":
    /// [`ML_KIND_TAG`]), among `generic`.
    ml_kind: Spans<'b>,
}

impl BuiltThings<'_> {
    /// Whether `scope` names a built thing: a build verb, then at most a few
    /// words and a head noun, with a modifier that says what kind ("model
    /// pipelines", "the MLOps platform") or a complement that says what for
    /// ("infrastructure for model training").
    ///
    /// `opener` is a verb before `scope` that governs it ("work on" before
    /// "our forecasting models"): the verb of a head no build verb precedes.
    fn any_in(&self, text: &str, scope: Span, opener: Option<Span>) -> bool {
        let heads = self.head.within(scope).iter().map(|head| (head, false));
        let models = self.models.within(scope).iter().map(|head| (head, true));
        heads.chain(models).any(|(head, model)| {
            let Some(verb) = self
                .verbs
                .within(Span::new(scope.start, head.start))
                .iter()
                .rev()
                // "high-scale", "well-designed": a verb joined to the word
                // before it is a modifier, not the verb of the head.
                .find(|verb| verb.end <= head.start && !text[..verb.start].ends_with('-'))
                .or(opener.as_ref())
            else {
                return false;
            };
            let between = past_partitive(text, Span::new(verb.end, head.start));
            // "our ML platforms", "the AI infrastructure": a machine-learning
            // modifier says what kind of platform it is (not of a system).
            let infra = self.infra.at(head.start) == Some(*head);
            // "tools and capabilities that assist with data ingestion": things
            // joined after the head are named by a relative clause that says
            // what they do (not by a bare "for <field>", "tools and
            // interfaces for interactive ML", nor an aim, "tools and
            // technologies to meet our client's mission"; a model is named
            // only by what it is for).
            let (after_head, joined) = past_joined(text, head.end, scope.end);
            let joined_named = |at: usize| {
                let rest = &text[at..scope.end];
                let from = scope.end - rest.trim_start().len();
                !model
                    && is_one_of_caseless(&["that", "which"], word_at(text, from, scope.end))
                    && self.relative_complement(text, from, scope.end).is_some()
            };
            // Things joined in one phrase ("software and database
            // applications", "the infrastructure and tools") are named when
            // a clause says what they do or what they are needed for ("...
            // to support wargame design", "... necessary for model
            // deployment").
            let Some(modified) = self.modified(text, between, infra).or_else(|| {
                (!model
                    && coordinated(text, between)
                    && (self.clause_complement(text, head.end, scope.end)
                        || joined && joined_named(after_head)))
                .then_some(true)
            }) else {
                return false;
            };
            let complement = if joined {
                None
            } else {
                self.for_complement(text, after_head, scope.end)
            };
            if model {
                // A model is named only by what it is for: "our demand
                // forecasting models", "the models for our search engine",
                // not "production models for drift".
                let says_for = |span: Span| !self.specific.within(span).is_empty();
                // "ML models for naval weapon applications": a complement
                // whose own head says what kind; "our ML models for Risk":
                // the employer's own models for a stated purpose.
                let names_kind = |span: Span| {
                    self.head.within(span).iter().any(|inner| {
                        self.modified(text, Span::new(span.start, inner.start), false) == Some(true)
                    })
                };
                let ours = text[between.start..between.end]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word.eq_ignore_ascii_case("our"));
                // "the models that estimate delivery times": a relative
                // clause that says what the model does names it.
                let after = &text[head.end..scope.end];
                let from = scope.end - after.trim_start().len();
                let described =
                    is_one_of_caseless(&["that", "which"], word_at(text, from, scope.end))
                        && self.relative_complement(text, from, scope.end).is_some();
                says_for(between)
                    || described
                    || complement.is_some_and(|span| {
                        // "models for predicting outcomes": the purpose
                        // names its aim with the "for" before it.
                        says_for(span) || says_for(with_for(text, span)) || names_kind(span) || ours
                    })
            } else {
                modified || complement.is_some() || joined && joined_named(after_head)
            }
        })
    }

    /// Whether the text after a head noun goes on with "for" and says what
    /// it is for ("tooling for code scanning", "the models for our search
    /// engine"), not only a generic aim ("models for various use cases",
    /// "tools for the team").
    /// Returns the complement after "for" when it does.
    fn for_complement(&self, text: &str, from: usize, end: usize) -> Option<Span> {
        let after = &text[from..end];
        let mut trimmed = after.trim_start();
        // "tools necessary for ...", "the data needed for ...": the
        // complement after an adjective of need.
        let word = word_at(trimmed, 0, trimmed.len());
        if is_one_of_caseless(NEED_ADJECTIVES, word) {
            trimmed = trimmed[word.len()..].trim_start();
        }
        if !(trimmed.len() > 4 && trimmed.as_bytes()[..4].eq_ignore_ascii_case(b"for ")) {
            return self.relative_complement(text, end - trimmed.len(), end);
        }
        let start = from + (after.len() - trimmed.len()) + 4;
        // The complement ends at punctuation.
        let end = text[start..end]
            .find([',', ';', '.', ':', '(', ')', '!', '?'])
            .map_or(end, |at| start + at);
        let generic = self.generic.within(Span::new(start, end));
        for (n, word_start, word) in words_between(text, start, end) {
            if is_one_of_caseless(NP_BREAKERS, word) || n > 2 * HEAD_MODIFIER_WORDS {
                return None;
            }
            let word_end = word_start + word.len();
            let covered =
                is_one_of_caseless(DETERMINERS, word) || covers(generic, word_start, word_end);
            if !covered {
                return Some(Span::new(start, end));
            }
        }
        None
    }

    /// Whether a clause after a head noun says what the thing does or what it
    /// is needed for: a relative or purpose clause ("that reconcile sensor
    /// readings", "to support wargame design") or a complement after an
    /// adjective of need ("necessary for model deployment"), not a bare
    /// "for" and a field ("for AI research").
    fn clause_complement(&self, text: &str, from: usize, end: usize) -> bool {
        let rest = &text[from..end];
        let at = end - rest.trim_start().len();
        let word = word_at(text, at, end);
        if is_one_of_caseless(NEED_ADJECTIVES, word) {
            self.for_complement(text, from, end).is_some()
        } else {
            self.relative_complement(text, at, end).is_some()
        }
    }

    /// A relative or purpose clause after a head noun ("tools that monitor
    /// label quality", "applications to support wargame design"): returns
    /// what its verb acts on when a word of it says something, not only data
    /// and what qualifies it ("scripts to process structured data"), a bare
    /// built thing ("services to build robust systems") or a generic aim.
    fn relative_complement(&self, text: &str, from: usize, end: usize) -> Option<Span> {
        let rest = &text[from..end];
        let first = word_at(rest, 0, rest.len());
        if !is_one_of_caseless(&["that", "which", "to"], first) {
            return None;
        }
        let start = from + first.len();
        // The clause ends at punctuation, but not at the commas of verbs
        // joined before their object ("that will process, store, and
        // expose large volumes of data").
        let stop =
            |from: usize, marks: &[char]| text[from..end].find(marks).map_or(end, |at| from + at);
        let hard = stop(start, &[';', '.', ':', '(', ')', '!', '?']);
        let verbs = |from: usize, to: usize| {
            words_between(text, from, to)
                .filter(|&(_, _, w)| !is_one_of_caseless(AUXILIARIES, w))
                .count()
        };
        let mut end = stop(start, &[',']).min(hard);
        // Counted piece by piece: each comma's piece is read once.
        let mut words = verbs(start, end);
        while end < hard && words <= 1 {
            let next = stop(end + 1, &[',']).min(hard);
            words += verbs(end, next);
            end = next;
        }
        let generic = self.generic.within(Span::new(start, end));
        // Where the clause's object starts: after its verb.
        let mut object = None;
        for (_, word_start, word) in words_between(text, start, end) {
            let Some(object) = object else {
                if is_one_of_caseless(AUXILIARIES, word) {
                    continue;
                }
                if is_one_of_caseless(DETERMINERS, word) {
                    return None;
                }
                object = Some(word_start + word.len());
                continue;
            };
            if is_one_of_caseless(NP_BREAKERS, word) {
                continue;
            }
            let word_end = word_start + word.len();
            // A built thing named bare says no purpose ("services to build
            // robust systems").
            let bare_thing = covers(self.head.0, word_start, word_end)
                || covers(self.models.0, word_start, word_end);
            let covered = is_one_of_caseless(DETERMINERS, word)
                || is_one_of_caseless(AUXILIARIES, word)
                || says_no_purpose(word)
                || bare_thing
                || covers(generic, word_start, word_end);
            if !covered {
                return Some(Span::new(object, end));
            }
        }
        None
    }

    /// Whether the words of `between` (a verb's end to a head noun's start)
    /// hold a modifier that says what kind of thing the head is; `None` when
    /// they are no noun phrase (punctuation, a preposition, too many words).
    /// With `infra` (the head is a platform or infrastructure: [`INFRA_TAG`]),
    /// a word of machine learning or AI (one a hit tagged [`ML_KIND_TAG`]
    /// covers) says the kind though it is a generic modifier.
    fn modified(&self, text: &str, between: Span, infra: bool) -> Option<bool> {
        let slice = &text[between.start..between.end];
        if slice.contains(|c: char| {
            !(c.is_alphanumeric()
                || c == ' '
                || matches!(c, '-' | '/' | '&' | '\'' | '’' | '+' | '.'))
        }) {
            return None;
        }
        let generic = self.generic.within(between);
        let ml_kind = if infra {
            self.ml_kind.within(between)
        } else {
            &[]
        };
        let mut words = 0;
        let mut modified = false;
        let mut at = 0;
        // A hyphenated compound ("real-time", "end-to-end") is one word.
        for word in slice.split(|c: char| !(c.is_alphanumeric() || matches!(c, '+' | '.' | '-'))) {
            let start = between.start + at;
            at += word.len() + 1;
            let word = word.trim_matches(['.', '-']);
            if word.is_empty() {
                continue;
            }
            words += 1;
            if is_one_of_caseless(NP_BREAKERS, word) || words > HEAD_MODIFIER_WORDS {
                return None;
            }
            let end = start + word.len();
            let covered = is_one_of_caseless(DETERMINERS, word)
                || covers(generic, start, end) && !covers(ml_kind, start, end);
            modified |= !covered;
        }
        Some(modified)
    }
}

/// The words of `text[start..end]`, split at chars that are neither
/// alphanumeric nor `+` ("C++"): each with its index among the pieces (empty
/// ones counted, not yielded) and where it starts.
fn words_between(
    text: &str,
    start: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize, &str)> {
    let slice = &text[start..end];
    slice
        .split(|c: char| !(c.is_alphanumeric() || c == '+'))
        .enumerate()
        .filter(|(_, word)| !word.is_empty())
        // Where the word starts, from its address in `slice`: a separator
        // may be several bytes long ("“", "—").
        .map(move |(n, word)| {
            (
                n,
                start + (word.as_ptr() as usize - slice.as_ptr() as usize),
                word,
            )
        })
}

/// Whether one of `spans` covers the word at `start..end`.
fn covers(spans: &[Span], start: usize, end: usize) -> bool {
    spans.iter().any(|s| s.start <= start && end <= s.end)
}

/// Auxiliaries and adverbs before the verb of a relative clause ("that will
/// assign", "to help monitor").
const AUXILIARIES: &[&str] = &[
    "will", "can", "could", "may", "might", "should", "would", "help", "helps", "also", "then",
    "already",
];

/// Whether a word in a relative clause says no purpose: "data" (the rubric's
/// "leverage data" is vague), or a participle or adverb that only qualifies
/// ("structured", "fully").
fn says_no_purpose(word: &str) -> bool {
    word.eq_ignore_ascii_case("data")
        || is_one_of_caseless(AIM_VERBS, word)
        || word.len() > 4 && (ends_with_caseless(word, "ed") || ends_with_caseless(word, "ly"))
}

/// Verbs of a generic aim joined later in a relative clause ("to solve
/// complex problems and drive innovation"): they say no purpose by
/// themselves, only their objects may.
const AIM_VERBS: &[&str] = &[
    "drive",
    "drives",
    "enable",
    "enables",
    "unlock",
    "unlocks",
    "accelerate",
    "accelerates",
    "boost",
    "boosts",
    "increase",
    "increases",
    "maximize",
    "maximise",
    "maximizes",
    "add",
    "adds",
    "create",
    "creates",
    "deliver",
    "delivers",
    "enhance",
    "enhances",
    "improve",
    "improves",
];

/// Adjectives of need between a head noun and its "for" complement ("the
/// tools necessary for model deployment").
const NEED_ADJECTIVES: &[&str] = &["necessary", "needed", "required", "essential"];

/// Nouns of a part of a thing: "elements of our NLP pipeline" names the
/// pipeline.
const PARTITIVES: &[&str] = &["elements", "parts", "pieces", "components", "portions"];

/// `between` (a verb's end to a head noun's start) past a partitive and its
/// "of" ("implement elements of our NLP pipeline" is read as "implement our
/// NLP pipeline").
fn past_partitive(text: &str, between: Span) -> Span {
    let slice = &text[between.start..between.end];
    let trimmed = slice.trim_start();
    let word = word_at(trimmed, 0, trimmed.len());
    if !is_one_of_caseless(PARTITIVES, word) {
        return between;
    }
    let rest = &trimmed[word.len()..];
    let after = rest.trim_start();
    if after.len() > 3 && after.as_bytes()[..3].eq_ignore_ascii_case(b"of ") {
        Span::new(between.end - after.len() + 3, between.end)
    } else {
        between
    }
}

/// Whether a domain or audience `hit` only modifies a noun that names no
/// thing ("automotive solutions", "the eCommerce growth agenda"): a vague
/// head follows it within a few words, with no break of the noun phrase.
fn modifies_vague_head(text: &str, hit: Span, scope: Span, vague_head: &Spans<'_>) -> bool {
    let window = Span::new(hit.end, scope.end);
    let Some(head) = vague_head.within(window).first() else {
        return false;
    };
    let between = &text[hit.end..head.start];
    if between.contains(|c: char| !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '/'))) {
        return false;
    }
    let mut words = between.split([' ', '-', '/']).filter(|w| !w.is_empty());
    words.clone().count() < HEAD_MODIFIER_WORDS
        && !words.any(|w| is_one_of_caseless(NP_BREAKERS, w))
}

/// Where the object of a vague verb ends: at the first comma, or at "and"
/// or "or" before a duty verb ("participate in design reviews and bring
/// ..."), not before a noun of making ("support the design and development
/// of our reports").
fn object_end(text: &str, from: usize, clause: Span, lead: &Spans<'_>) -> usize {
    let object = &text[from..clause.end];
    let mut end = object.find(',').map_or(clause.end, |comma| from + comma);
    for verb in lead.within(Span::new(from, end)) {
        let before = text[from..verb.start].trim_end();
        let joined = [" and", " or", " &"]
            .iter()
            .any(|joint| ends_with_caseless(before, joint));
        // "the design and development of X": a noun of making before "of"
        // goes on with the object, it starts no new duty.
        let word = word_at(text, verb.start, clause.end);
        let rest = &text[verb.start + word.len()..clause.end];
        let noun = rest.len() > 4 && rest.as_bytes()[..4].eq_ignore_ascii_case(b" of ");
        if joined && !noun {
            end = from + before.len();
            break;
        }
    }
    end
}

/// Where the text after a head noun goes on once past things joined to it
/// ("tools and capabilities that ..."): past "and" or "or" and at most a few
/// words of one noun phrase, and past a parenthesis ("workflows (CI/CD,
/// containers) for ..."); `from` itself when neither follows. Also returns
/// whether things were joined.
fn past_joined(text: &str, from: usize, end: usize) -> (usize, bool) {
    let mut at = from;
    let rest = &text[at..end];
    let trimmed = rest.trim_start();
    let joint = word_at(trimmed, 0, trimmed.len());
    if joint.eq_ignore_ascii_case("and") || joint.eq_ignore_ascii_case("or") {
        let start = at + (rest.len() - trimmed.len()) + joint.len();
        let mut last = None;
        for (n, word_start, word) in words_between(text, start, end) {
            // One noun phrase: words apart only by spaces, hyphens, slashes.
            let joined = text[last.unwrap_or(start)..word_start]
                .bytes()
                .all(|b| matches!(b, b' ' | b'-' | b'/'));
            if n > HEAD_MODIFIER_WORDS || !joined || is_one_of_caseless(NP_BREAKERS, word) {
                break;
            }
            last = Some(word_start + word.len());
        }
        match last {
            Some(last) => at = last,
            None => return (from, false),
        }
    }
    let rest = &text[at..end];
    let trimmed = rest.trim_start();
    if trimmed.starts_with('(')
        && let Some(close) = trimmed.find(')')
    {
        at += rest.len() - trimmed.len() + close + 1;
    }
    (
        at,
        at != from && !text[from..at].trim_start().starts_with('('),
    )
}

/// Whether `between` (a verb's end to a head noun's start) is a noun phrase
/// of joined parts ("software and database", "the infrastructure and",
/// "data systems, applications, and"): words, commas and joints only, no
/// other word that breaks a noun phrase, the first word no joint.
fn coordinated(text: &str, between: Span) -> bool {
    let slice = &text[between.start..between.end];
    if slice.contains(|c: char| !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '/' | '&' | ',')))
    {
        return false;
    }
    let words: Vec<&str> = slice
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .collect();
    let joint = |w: &str| w == "&" || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or");
    words.len() <= 2 * HEAD_MODIFIER_WORDS
        && words.first().is_some_and(|w| !joint(w))
        && words.iter().any(|w| joint(w))
        && words
            .iter()
            .all(|w| joint(w) || !is_one_of_caseless(NP_BREAKERS, w))
}

/// Words that end a noun phrase before its head: a head noun after one is
/// not the verb's object ("build models using cloud platforms").
const NP_BREAKERS: &[&str] = &[
    "and",
    "or",
    "to",
    "for",
    "with",
    "in",
    "on",
    "of",
    "using",
    "by",
    "from",
    "that",
    "which",
    "as",
    "at",
    "into",
    "across",
    "such",
    "via",
    "within",
    "through",
    "like",
    "including",
    "while",
    "whether",
    "not",
    "is",
    "are",
    "be",
    "will",
];

/// Words of a noun phrase that say nothing of its kind.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "their", "its", "this", "these", "those", "your", "his", "her", "all",
    "any", "each", "every", "some",
];

/// At most this many words stand between a build verb and its head noun.
const HEAD_MODIFIER_WORDS: usize = 4;

/// The noun the posting's title names its hire by: the last word of the
/// title's first part, before any preposition ("Analyst" in "Senior Data
/// Analyst, Payments" and in "Data Analyst with Security Clearance").
fn title_noun(title: &str) -> Option<&str> {
    let first = title
        .split([',', '(', '|', ':', '–', '—'])
        .next()?
        .split(" - ")
        .next()?;
    let word = first
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take_while(|w| !is_one_of_caseless(TITLE_PREPOSITIONS, w))
        .last()?;
    (word.len() >= 3).then_some(word)
}

/// Words after which a title goes on to the hire's team, place or focus.
const TITLE_PREPOSITIONS: &[&str] = &["with", "for", "at", "in", "on", "to"];

/// What may start a clause as the hire's work.
struct Starters<'s> {
    hire: &'s Spans<'s>,
    lead: &'s Spans<'s>,
    /// Introductory phrases read past, up to their comma.
    intro: &'s Spans<'s>,
    /// Verbs of owning or shipping: after an introductory phrase one
    /// starts a duty as a duty verb does ("In collaboration with the
    /// revenue team, own the pricing model").
    owns: &'s Spans<'s>,
    /// Headings of a list of duties a scrape ran into the text ("Key
    /// Responsibilities Build ...").
    run_in_heading: &'s Spans<'s>,
    /// Nouns of making ("implementation of"): the last of coordinated
    /// ones starts a duty ("Design and implementation of ...").
    making: &'s Spans<'s>,
    /// The title's noun: "The Analyst will ..." speaks of the hire.
    title_noun: Option<&'s str>,
    /// The whole title: "The NLP/ML will design ..." names the hire by a
    /// word of it before a duty verb.
    title: Option<&'s str>,
}

/// Whether `scope` names an AI-powered product: an AI maker ("AI-driven",
/// "powered by LLMs") next to a product noun ("features", "tools").
fn ai_product(
    scope: Span,
    ai_made: &Spans<'_>,
    product_noun: &Spans<'_>,
    head: &Spans<'_>,
) -> bool {
    ai_made.within(scope).iter().any(|made| {
        let window = Span::new(
            made.start.saturating_sub(AI_PRODUCT_GAP).max(scope.start),
            (made.end + AI_PRODUCT_GAP).min(scope.end),
        );
        product_noun.any_in(window) || head.any_in(window)
    })
}

/// Where the object of an opener read from its object starts when it is a
/// duty verb in -ing ("play a key role in designing our trading
/// frameworks", "participate in building the feature store"): the duty is
/// read from that verb, and counts, as after "help us", only when it names
/// the thing itself.
fn gerund_object(text: &str, opener: Span, clause: Span, lead: &Spans<'_>) -> Option<usize> {
    let offset = text[opener.end..clause.end].find(|c: char| !c.is_whitespace())?;
    let start = opener.end + offset;
    lead.at(start)?;
    ends_with_caseless(word_at(text, start, clause.end), "ing").then_some(start)
}

/// Where the verb after a "help" opener starts: "help us shape our data
/// warehouses", "helps build the fraud platform" are read from what is
/// shaped or built ("help with ..." is not: no verb follows).
fn help_verb(text: &str, opener: Span, clause: Span, lead: &Spans<'_>) -> Option<usize> {
    let word = word_at(text, opener.start, clause.end);
    if !["help", "helps", "helping"]
        .iter()
        .any(|h| word.eq_ignore_ascii_case(h))
        || opener.end != opener.start + word.len()
    {
        return None;
    }
    let mut at = opener.end;
    for _ in 0..3 {
        let offset = text[at..clause.end].find(|c: char| !c.is_whitespace())?;
        let start = at + offset;
        if lead.at(start).is_some() {
            let verb = word_at(text, start, clause.end);
            return (!ends_with_caseless(verb, "ing")).then_some(start);
        }
        let word = word_at(text, start, clause.end);
        if !["us", "to", "them", "the", "team"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
        {
            return None;
        }
        at = start + word.len();
    }
    None
}

/// Whether `scope` has the hire own the making of a thing: an ownership cue
/// right before "the creation of", "the development of" ("own the creation
/// of the data measures").
fn owned_making(text: &str, scope: Span, owns: &Spans<'_>, making: &Spans<'_>) -> bool {
    owns.within(scope).iter().any(|own| {
        let rest = &text[own.end..scope.end];
        let rest_trimmed = rest.trim_start();
        let after_the = if rest_trimmed.len() > 4
            && rest_trimmed.as_bytes()[..4].eq_ignore_ascii_case(b"the ")
        {
            &rest_trimmed[4..]
        } else {
            rest_trimmed
        };
        making.at(scope.end - after_the.len()).is_some()
    })
}

/// Where the purpose clause of a line starts: the first duty verb in its
/// base form after a "to" that is not the first word after the opener
/// ("work with the supply team to build ...", not "contribute to design
/// documents", "from inception to scaling").
fn purpose_clause(text: &str, opener_end: usize, line: Span, lead: &Spans<'_>) -> Option<usize> {
    let from = Span::new(opener_end.max(line.start), line.end);
    lead.within(from).iter().find_map(|span| {
        let before = strip_help(text[opener_end..span.start].trim_end());
        let to = before.len().checked_sub(2)?;
        let word = &text[span.start..span.end];
        // Compared as bytes: `to` is a char boundary only when they are "to".
        // "looking for an engineer who will build ..." says it as "to
        // build ..." does.
        let relative = [" who will", " that will", " who can", " that can"]
            .iter()
            .any(|r| ends_with_caseless(before, r));
        let infinitive = (relative
            || before.as_bytes()[to..].eq_ignore_ascii_case(b"to")
                && before[..to].ends_with(|c: char| !c.is_alphanumeric())
                && !before[..to].trim().is_empty()
                // "join us on our mission to build ...": the employer's aim,
                // not the hire's work.
                && !MISSION_NOUNS
                    .iter()
                    .any(|noun| ends_with_caseless(before[..to].trim_end(), noun)))
            && !ends_with_caseless(word, "ing");
        infinitive.then_some(span.start)
    })
}

/// Nouns of the employer's aim: a purpose clause after one ("on a mission to
/// build ...", "our vision to create ...") states the aim, not the hire's work.
const MISSION_NOUNS: &[&str] = &[" mission", " vision", " quest", " journey"];

/// `before` without a trailing "help" or "help us" ("we are hiring someone
/// to help us build ..." reads as "to build ...").
fn strip_help(before: &str) -> &str {
    let rest = if ends_with_caseless(before, " us") {
        before[..before.len() - 3].trim_end()
    } else {
        before
    };
    if ends_with_caseless(rest, " help") {
        rest[..rest.len() - 5].trim_end()
    } else {
        before
    }
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

/// `complement` with the "for " before it when it has one ("models for
/// predicting outcomes": the phrase "for predicting" starts at the "for"),
/// or as it is.
fn with_for(text: &str, complement: Span) -> Span {
    let before = complement.start.saturating_sub(4);
    if text.as_bytes()[before..complement.start].eq_ignore_ascii_case(b"for ") {
        Span::new(before, complement.end)
    } else {
        complement
    }
}

/// Pushes `span` without its surrounding white space, unless nothing is
/// left. (Bullets and sentences a scrape ran together, "..., * Design the
/// UI" and "... LLMs.Experience with ...", are split by the document's
/// sentence splitter: they reach the rule as sentences of their own.)
fn push_trimmed(text: &str, span: Span, lines: &mut Vec<Span>) {
    let trimmed = trim_span(text, span);
    if trimmed.start < trimmed.end {
        lines.push(trimmed);
    }
}

/// The clauses of a line: its text split at semicolons ("Support the
/// project team; prepare the monthly reports"), each a duty of its own.
fn clauses_of(text: &str, line: Span, clauses: &mut Vec<Span>) {
    clauses.clear();
    let mut start = line.start;
    for i in memchr::memchr_iter(b';', &text.as_bytes()[line.start..line.end]) {
        push_trimmed(text, Span::new(start, line.start + i), clauses);
        start = line.start + i + 1;
    }
    push_trimmed(text, Span::new(start, line.end), clauses);
}

/// Where a clause's first word may be: after any list marker (first clause
/// only); after a short label and its colon ("Model Training: train ...");
/// after an adverb ("Independently design ..."); after "you will" or "The
/// Analyst will" (the title's noun), or "you" before a duty verb ("You
/// extract ..."). Empty when the first clause starts with a number that is
/// not a list marker (a requirement: "3+ years of ..."). The starts go into
/// `starts`, cleared first; returns whether the clause names the hire as its
/// subject.
fn clause_starts(
    doc: &Document<'_>,
    clause: Span,
    first: bool,
    starters: &Starters<'_>,
    starts: &mut Vec<usize>,
) -> bool {
    let (hire, lead) = (starters.hire, starters.lead);
    starts.clear();
    let text = doc.text();
    let slice = &text[clause.start..clause.end];
    let Some(first_char) = slice.find(|c: char| c.is_alphanumeric()) else {
        return false;
    };
    let mut at = clause.start + first_char;
    if first && slice[first_char..].starts_with(|c: char| c.is_ascii_digit()) {
        let rest = slice[first_char..].trim_start_matches(|c: char| c.is_ascii_digit());
        if !rest.starts_with(['.', ')']) {
            return false;
        }
        let after = &rest[1..];
        match after.find(|c: char| c.is_alphanumeric()) {
            Some(offset) => at = clause.end - after.len() + offset,
            None => return false,
        }
    }
    starts.push(at);
    let rest = &text[at..clause.end];
    let mut label_end = rest.len().min(LINE_LABEL_MAX);
    while !rest.is_char_boundary(label_end) {
        label_end -= 1;
    }
    if let Some(colon) = rest[..label_end].find(':')
        && let Some(offset) = rest[colon + 1..].find(|c: char| c.is_alphanumeric())
    {
        starts.push(at + colon + 1 + offset);
    }
    // "Responsibilities Enhance device diagnostics ...": a heading a
    // scrape ran into the text, with no line break or colon, before the
    // first duty verb.
    if first
        && let Some(heading) = starters.run_in_heading.at(at)
        && let Some(verb) = past_run_in_heading(text, heading, clause.end)
        && lead.at(verb).is_some()
    {
        starts.push(verb);
    }
    // "Installation, configuration and bring-up of X": the last of
    // coordinated nouns of making starts the duty.
    let window = Span::new(at, (at + LINE_LABEL_MAX).min(clause.end));
    if let Some(making) = starters.making.within(window).first()
        && making.start > at
    {
        let before = text[at..making.start].trim_end();
        let joined = before.ends_with(',')
            || [" and", " or", " &"]
                .iter()
                .any(|joint| ends_with_caseless(before, joint));
        let nouns = before.split([',', ' ']).filter(|w| !w.is_empty()).all(|w| {
            w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&')
                && (!is_one_of_caseless(NP_BREAKERS, w)
                    || w.eq_ignore_ascii_case("and")
                    || w.eq_ignore_ascii_case("or"))
        });
        if joined && nouns {
            starts.push(making.start);
        }
    }
    // "In close collaboration with the CTO, define ...": the verb follows
    // the introductory phrase's comma.
    if let Some(intro) = starters.intro.at(at) {
        let window = Span::new(intro.end, (intro.end + INTRO_MAX).min(clause.end));
        if let Some(comma) = window.text(text).and_then(|w| w.find(','))
            && let Some(offset) =
                text[intro.end + comma + 1..clause.end].find(|c: char| c.is_alphanumeric())
        {
            let verb = intro.end + comma + 1 + offset;
            if lead.at(verb).is_some() || starters.owns.at(verb).is_some() {
                starts.push(verb);
            }
        }
    }
    // "Independently design ...", "Strategically manage ...": the verb
    // follows an adverb (not a verb in -ly: "Apply ...").
    for i in 0..starts.len() {
        let start = starts[i];
        if lead.at(start).is_some() {
            continue;
        }
        let word = word_at(text, start, clause.end);
        // "Specifically, this role ..." is a sentence adverb, not a manner.
        if word.len() > 4
            && ends_with_caseless(word, "ly")
            && text[start + word.len()..].starts_with(' ')
            && let Some(offset) =
                text[start + word.len()..clause.end].find(|c: char| c.is_alphanumeric())
        {
            starts.push(start + word.len() + offset);
        }
    }
    let mut subject = false;
    for i in 0..starts.len() {
        let start = starts[i];
        if let Some(span) = hire.at(start).filter(|span| span.end <= clause.end)
            && let Some(offset) = text[span.end..clause.end].find(|c: char| c.is_alphanumeric())
        {
            let verb = span.end + offset;
            starts.push(verb);
            // "The engineer will be working on ...": the verb after "be".
            let past = past_auxiliary(text, verb, clause.end);
            if past != verb {
                starts.push(past);
            }
        } else if let Some(verb) = hire_subject(text, start, clause.end, starters) {
            subject = true;
            starts.push(past_auxiliary(text, verb, clause.end));
        }
    }
    subject
}

/// Where the word after a run-in `heading` starts ("Key Responsibilities
/// Enhance ..." gives the start of "Enhance"): the heading is followed by
/// one space and a capitalised word, before `end`.
fn past_run_in_heading(text: &str, heading: Span, end: usize) -> Option<usize> {
    let next = heading.end + 1;
    (next < end
        && text[heading.end..end].starts_with(' ')
        && text[next..end].starts_with(|c: char| c.is_uppercase()))
    .then_some(next)
}

/// Where the verb starts after "be" or "also" at `at` ("will be working on
/// ...", "will also build ..."); `at` itself when neither is there.
fn past_auxiliary(text: &str, mut at: usize, end: usize) -> usize {
    for _ in 0..2 {
        // Most verbs start with another letter than "be" and "also".
        if !matches!(first_letter(text, at), b'b' | b'a') {
            break;
        }
        let word = word_at(text, at, end);
        if !(word.eq_ignore_ascii_case("be") || word.eq_ignore_ascii_case("also")) {
            break;
        }
        match text[at + word.len()..end].find(|c: char| c.is_alphanumeric()) {
            Some(offset) => at += word.len() + offset,
            None => break,
        }
    }
    at
}

/// The byte at `at`, lowercased (0 past the end): a word's first letter,
/// when it is ASCII.
fn first_letter(text: &str, at: usize) -> u8 {
    text.as_bytes().get(at).map_or(0, u8::to_ascii_lowercase)
}

/// The alphabetic word that starts at `at` (empty if none).
fn word_at(text: &str, at: usize, end: usize) -> &str {
    let len = text[at..end]
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(end - at);
    &text[at..at + len]
}

/// Where the verb starts after a subject that is the hire: "you" before a
/// duty verb ("You extract ..."), or "the"/"this"/"our" and at most a few
/// words ending in the title's noun, then "will" ("The Data Analyst will
/// prepare ...") or a duty verb ("The Data Scientist designs ...").
fn hire_subject(text: &str, at: usize, end: usize, starters: &Starters<'_>) -> Option<usize> {
    // Every subject read here opens with "you", "the", "this" or "our": a
    // clause that starts with another letter (most start with a duty verb)
    // is not read word by word.
    if !matches!(first_letter(text, at), b'y' | b't' | b'o') {
        return None;
    }
    let next = |from: usize| {
        text[from..end]
            .find(|c: char| c.is_alphanumeric())
            .map(|offset| from + offset)
    };
    let first = word_at(text, at, end);
    if first.eq_ignore_ascii_case("you") {
        let verb = next(at + first.len())?;
        return starters.lead.at(verb).map(|_| verb);
    }
    let noun = starters.title_noun?;
    if !["the", "this", "our"]
        .iter()
        .any(|d| first.eq_ignore_ascii_case(d))
    {
        return None;
    }
    let mut from = at + first.len();
    let mut previous = first;
    for _ in 0..=HEAD_MODIFIER_WORDS {
        let start = next(from)?;
        let word = word_at(text, start, end);
        if word.is_empty() {
            return None;
        }
        if word.eq_ignore_ascii_case("will") {
            let verb = next(start + word.len());
            if previous.eq_ignore_ascii_case(noun) {
                return verb;
            }
            // "The NLP/ML will design ...": a word of the title (or an
            // acronym after one), then a duty verb.
            let of_title = |w: &str| {
                w.len() >= 2
                    && !is_one_of_caseless(DETERMINERS, w)
                    && starters.title.is_some_and(|title| {
                        title
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|t| t.eq_ignore_ascii_case(w))
                    })
            };
            let acronym = previous.len() >= 2 && previous.chars().all(|c| c.is_ascii_uppercase());
            let named = of_title(previous)
                || acronym
                    && text[at + first.len()..start]
                        .split(|c: char| !c.is_alphanumeric())
                        .any(of_title);
            return verb.filter(|&verb| named && starters.lead.at(verb).is_some());
        }
        // "The Data Scientist designs ...": the title's noun, then a duty
        // verb in the present tense.
        if previous.eq_ignore_ascii_case(noun) && starters.lead.at(start).is_some() {
            return Some(start);
        }
        previous = word;
        from = start + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::title_noun;

    #[test]
    fn the_title_noun_is_the_last_word_before_a_preposition_or_qualifier() {
        assert_eq!(title_noun("Senior Data Analyst, Payments"), Some("Analyst"));
        assert_eq!(
            title_noun("Data Analyst with Security Clearance"),
            Some("Analyst")
        );
        assert_eq!(
            title_noun("Machine Learning Engineer - NLP"),
            Some("Engineer")
        );
        assert_eq!(title_noun("ML Engineer (Remote)"), Some("Engineer"));
        assert_eq!(title_noun("AI"), None);
    }
}
