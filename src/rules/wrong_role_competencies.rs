use super::{Category, LintContext, Rule, RuleDocs, RuleMeta, is_one_of_caseless};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, SectionKind};
use crate::roles::{COMPETENCY_KIND, DistinctItems, Evidence, OUTPUT_KIND, Role};

/// The title names one role and the competencies asked for belong to another.
#[derive(Debug, Clone, Copy, Default)]
pub struct WrongRoleCompetencies;

const MAX_LABELS: usize = 6;

/// The competencies among `found` that are asked of the hire: not the company
/// speaking of itself ("Acme is the contract review AI agent", "we partner
/// with a startup tackling RAG"), not verbs in a sentence on training people
/// ("maintain a training curriculum on machine learning"), not a Data
/// Scientist's statistics or metrics applied to the hire's own models
/// ("define success metrics for our models": how an ML engineer improves a
/// model), not a Data Scientist's statistics named as one item of a list of
/// machine-learning techniques, alone of its role in its sentence ("machine
/// learning algorithms, deep learning, and statistical modeling": the
/// modelling every ML practitioner knows), and a verb
/// counted from its sentence's subject only when nothing else of the role is
/// named in that sentence ("design and deploy large-scale ML algorithms" is
/// one duty).
fn asked_of_hire<'p>(ctx: &LintContext<'_>, found: Vec<&'p Evidence>) -> Vec<&'p Evidence> {
    let doc = ctx.document;
    let sentence_of = |e: &Evidence| e.sentence.map(|s| s as usize);
    let kinds = ctx.kinds();
    let teaching = ctx.sentences_of(kinds.people_training);
    let improving = ctx.sentences_of(kinds.model_improvement);
    let techniques = ctx.sentences_of(kinds.ml_technique);
    // The sentences with two or more phrases of the Data Scientist that are
    // no contextual verb: a list of statistics, not one item among
    // techniques.
    let mut statistics: Vec<Option<usize>> = found
        .iter()
        .filter(|e| e.role == Role::DataScientist && !e.contextual)
        .map(|e| sentence_of(e))
        .collect();
    statistics.sort_unstable();
    let several_statistics = |sentence: &Option<usize>| {
        let from = statistics.partition_point(|s| s < sentence);
        statistics.get(from + 1) == Some(sentence)
    };
    let kept: Vec<&Evidence> = found
        .into_iter()
        .filter(|e| {
            let Some(sentence) = doc.sentence_at(e.span.start) else {
                return true;
            };
            let text = doc.slice(sentence.span);
            let at = e.span.start - sentence.span.start;
            let about_people = e.contextual && teaching.binary_search(&sentence_of(e)).is_ok();
            let modelling = e.role == Role::MlEngineer
                && has_tag(ctx, e, ML_PIPELINE)
                && modelling_pipeline(ctx, e, &sentence_of(e));
            let model_statistics =
                e.role == Role::DataScientist && improving.binary_search(&sentence_of(e)).is_ok();
            let listed_technique = e.role == Role::DataScientist
                && &*e.kind == COMPETENCY_KIND
                && techniques.binary_search(&sentence_of(e)).is_ok()
                && !several_statistics(&sentence_of(e));
            !(about_people
                || modelling
                || model_statistics
                || listed_technique
                || super::out_of_role_duty::company_voice(text, at)
                || team_voice(e.section, text)
                || profession_voice(doc, sentence.span.start, text))
        })
        .collect();
    let asked: Vec<&Evidence> = kept
        .iter()
        .filter(|e| {
            !e.contextual
                || !kept
                    .iter()
                    .any(|o| !o.contextual && o.span != e.span && sentence_of(o) == sentence_of(e))
        })
        .copied()
        .collect();
    // One nice-to-have bullet is one competency, however many tools it
    // lists ("LangChain and LLMOps stack"), and one responsibility sentence
    // one duty with its purpose: counted as role presence counts them.
    let mut distinct = DistinctItems::default();
    one_per_competency(asked.into_iter().filter(|e| distinct.is_new(e)))
}

/// `items` with one competency named in a shorter and a longer form
/// ("forecasting models" ... "forecasting", "demand forecasting") kept
/// once, at its first mention: one phrase holds the other as whole words.
/// Contextual verbs are all kept. Used by title-role-mismatch too, so both
/// rules count a role's competencies alike.
pub(crate) fn one_per_competency<'p>(
    items: impl IntoIterator<Item = &'p Evidence>,
) -> Vec<&'p Evidence> {
    let one = |a: &str, b: &str| holds_words(a, b) || holds_words(b, a);
    let mut out: Vec<&Evidence> = Vec::new();
    for e in items {
        if e.contextual
            || !out
                .iter()
                .any(|o| !o.contextual && one(&o.phrase, &e.phrase))
        {
            out.push(e);
        }
    }
    out
}

/// Whether the pack phrase `long` holds `short` as whole words
/// ("demand forecasting" holds "forecasting").
fn holds_words(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.match_indices(short).any(|(at, _)| {
            let before = long[..at].chars().next_back();
            let after = long[at + short.len()..].chars().next();
            before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
        })
}

/// Tag of the ML Engineer's pipeline phrases ("ML pipelines", "training
/// pipelines", `lints/roles.toml`): a pipeline may be a modelling workflow.
const ML_PIPELINE: &str = "ml-pipeline";

/// Whether the pack group of the phrase found at `e` carries `tag`.
fn has_tag(ctx: &LintContext<'_>, e: &Evidence, tag: &str) -> bool {
    ctx.groups_of(e).any(|group| group.has_tag(tag))
}

/// A pipeline whose sentence lists at least this many modelling steps (and
/// no production step) is a modelling workflow.
const MIN_MODELLING_STEPS: usize = 2;

/// Whether the ML pipeline `e` is a workflow of modelling: its sentence lists
/// [`MIN_MODELLING_STEPS`] steps of building a model after it and no step of
/// running one ("end-to-end ML pipelines with real data, including data
/// cleaning, cross-validation and hyper-parameter tuning"). That is the
/// modelling every data scientist does, not a production system.
fn modelling_pipeline(ctx: &LintContext<'_>, e: &Evidence, sentence: &Option<usize>) -> bool {
    let doc = ctx.document;
    let in_sentence = |at: usize| &doc.sentence_index_at(at) == sentence;
    let steps = ctx
        .spans_of(ctx.kinds().modelling_step)
        .filter(|span| span.start >= e.span.end && in_sentence(span.start))
        .count();
    steps >= MIN_MODELLING_STEPS
        && !ctx
            .spans_of(ctx.kinds().production_step)
            .any(|span| in_sentence(span.start))
}

/// Words that name the hire in a sentence.
const HIRE_WORDS: [&str; 6] = ["you", "your", "role", "candidate", "candidates", "hire"];

/// Whether a sentence names the hire ([`HIRE_WORDS`]).
fn names_hire(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| HIRE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

/// Whether the sentence is the team describing itself: a sentence of the
/// team section ("About the team"), or one opening with the team's name ("our
/// team", "the search platform team"), that does not name the hire ("Our team develops generative AI
/// initiatives" is the work the hire joins, not a competency asked of them).
fn team_voice(section: SectionKind, sentence: &str) -> bool {
    // The first words compared caselessly in place, and the whole sentence
    // read for the hire only when the team speaks.
    let mut words = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let opens_with_team = words
        .next()
        .is_some_and(|w| is_one_of_caseless(&["the", "our"], w))
        && words
            .take(TEAM_NAME_WORDS)
            .any(|w| is_one_of_caseless(&["team", "teams", "group"], w));
    (section == SectionKind::Team || opens_with_team) && !names_hire(sentence)
}

/// A team's name runs to at most this many words after "the" or "our" ("The
/// search platform team builds ...").
const TEAM_NAME_WORDS: usize = 4;

/// The plural names of the three professions, which open a sentence
/// describing the profession in general.
const PROFESSIONS: [&str; 8] = [
    "machine learning engineers",
    "ml engineers",
    "data scientists",
    "ai engineers",
    "mlops engineers",
    "llm engineers",
    "generative ai engineers",
    "applied scientists",
];

/// The bytes of a sentence's opening that [`profession_voice`] reads: more
/// than the longest quantifier, the longest name and a char after it.
const PROFESSION_LEAD: usize = 64;
const _: () = assert!(PROFESSION_LEAD >= "these ".len() + "generative ai engineers".len() + 4 + 3);

/// Words that may open a sentence on a profession ("Some machine learning
/// engineers design ...").
const QUANTIFIERS: [&str; 5] = ["some ", "many ", "most ", "all ", "these "];

/// Whether the sentence describes a profession in general, not the hire:
/// it opens with the profession's plural name and does not name the hire
/// ("Machine learning engineers are a bridge between ..."), or it opens with
/// "they" right after such a sentence ("They can develop algorithms that
/// ...").
fn profession_voice(doc: &Document<'_>, start: usize, sentence: &str) -> bool {
    fn opens_with_profession(sentence: &str) -> bool {
        let lead = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
        // Only the opening is compared: a quantifier, a name and the char
        // after it fit in `PROFESSION_LEAD` bytes, so only they are copied
        // and lowercased, not the whole sentence.
        let mut end = lead.len().min(PROFESSION_LEAD);
        while !lead.is_char_boundary(end) {
            end -= 1;
        }
        let lead = lead[..end].to_ascii_lowercase().replace('-', " ");
        PROFESSIONS.iter().any(|name| {
            let lead = QUANTIFIERS
                .iter()
                .find_map(|q| lead.strip_prefix(q))
                .unwrap_or(&lead);
            lead.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
        }) && !names_hire(sentence)
    }
    if opens_with_profession(sentence) {
        return true;
    }
    let lead = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let they = lead
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("they "));
    they && !names_hire(sentence)
        && doc
            .sentence_index_at(start)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| doc.sentences().get(i))
            .is_some_and(|before| opens_with_profession(doc.slice(before.span)))
}

static META: RuleMeta = RuleMeta {
    id: "wrong-role-competencies",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "The title names one role, but competencies asked for belong to another.",
    docs: RuleDocs {
        what_it_does: "When the title names exactly one of Data Scientist, ML Engineer and AI \
Engineer, collects the competencies the posting asks for (requirements, nice-to-haves, and skills \
named in the summary and responsibilities) and flags it when at least two distinct ones belong to \
one of the other two roles. Not counted: what a team's products are (\"applications driven by \
large language models\" is an output, not a competency), the company speaking of itself (\"Acme is \
the contract review AI agent\", \"we partner with a startup tackling RAG\"; \"we are looking for \
someone with RAG experience\" still counts), verbs in a sentence on training people (\"a training \
curriculum on machine learning\"), the team describing itself (a sentence of the team section, or \
one opening with the team's name, \"our team\" or \"the platform team\", that does not name the hire), the profession described in general \
(\"Machine learning engineers are a bridge between ...\", and a \"They can ...\" sentence right \
after it), an ML pipeline whose sentence lists only modelling steps (\"end-to-end ML pipelines, \
including data cleaning, cross-validation and hyper-parameter tuning\"), a Data Scientist's \
statistics or metrics said of the hire's own models (\"define success metrics for our models\", \
\"hypothesis testing on model performance\"), a Data Scientist's statistics named as one item of a list \
of machine-learning techniques and alone of its role in that sentence (\"machine learning algorithms, \
deep learning and statistical modeling\"; \"statistical modeling, causal inference and deep learning\" \
still counts twice), and a verb that counts only through its sentence's subject when \
that sentence already names a competency of the role (\"design and deploy large-scale ML \
algorithms\" is one). Distinct means different duties: the same duty said twice (\"develop and \
deploy ML models\" in the summary and again in a bullet) counts once, so does one competency \
named in a shorter and a longer form (\"demand forecasting\" and \"forecasting\"), so do the tools of one \
nice-to-have bullet (\"LangChain, LlamaIndex or Pinecone\"), so do the duties of one \
responsibility sentence outside the role summary (\"conduct exploratory data analysis to gain \
insights and identify patterns\" is one duty with its purpose), and an AI Engineer building \
verb (\"design\", \"integration\") counts only as the verb of its own LLM phrase (\"integrate LLM \
APIs\", not \"work with Product Design teams\"). Each competency counted is labelled.",
        why_it_matters: "Candidates read the title, then the requirements. A Data Scientist who \
reads that RAG, prompt engineering and LLM API integration are required either applies without \
them or does not apply; the interview then tests skills the title never promised.",
        example: "```text\nData Scientist\n\nRequirements\n- Experience building RAG pipelines on a vector database\n\
- Prompt engineering and LLM API integration (OpenAI, Anthropic)\n```",
        how_to_fix: "Either drop the other role's competencies (or mark them as the team's, not \
the hire's), or retitle the posting for the role whose competencies you really need.",
    },
};

impl Rule for WrongRoleCompetencies {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let profile = ctx.profile;
        let Some(title_role) = profile.title_role.role() else {
            return;
        };
        let title_in_text = matches!(ctx.title, super::TitleSource::Line(_));
        for other in Role::THREE.into_iter().filter(|&r| r != title_role) {
            // Competencies asked for, not what the team's products are: an
            // output phrase ("applications driven by large language models")
            // says what is built, and makes a role present in the duties
            // (mixed-role-responsibilities), but is not a skill required.
            let evidence = ctx
                .presence
                .substantial_evidence(other)
                .iter()
                .copied()
                .filter(|e| &*e.kind != OUTPUT_KIND)
                .collect();
            let found = asked_of_hire(ctx, evidence);
            if found.len() < crate::roles::PRESENCE_MIN_PHRASES {
                continue;
            }
            // Point at the title when it is part of the text; otherwise at
            // the first competency, so every span is in the text.
            let span = match ctx.title {
                super::TitleSource::Line(line) => line,
                _ => found[0].span,
            };
            let mut diagnostic = Diagnostic::new(
                META.id,
                span,
                format!(
                    "the title names the {} role, but {} competencies asked for are the {}'s",
                    title_role.title(),
                    found.len(),
                    other.title()
                ),
            );
            let skip = usize::from(!title_in_text);
            for evidence in found.iter().skip(skip).take(MAX_LABELS) {
                diagnostic =
                    diagnostic.with_label(evidence.span, format!("{} competency", other.title()));
            }
            diagnostics.push(diagnostic.with_help(format!(
                "keep the competencies of the {} role, or retitle the posting for the {} if those are what you need",
                title_role.title(),
                other.title()
            )));
        }
    }
}
