use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document, SectionKind, is_question, opens_with_name_and_verb};
use crate::roles::Role;

/// A duty the taxonomy says the role is not for.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutOfRoleDuty;

/// How sentences open that are not the hire's duties: the company speaking,
/// or what the hire must bring.
const NOT_DUTIES: [&str; 25] = [
    "we ",
    "we'",
    "our ",
    // The reader as the company's customer ("you might have already used our
    // app, or chatted with our AI-powered chatbot"), not the hire's work.
    "you might have",
    "you may have",
    "you might already",
    "you may already",
    "you might know",
    "you may know",
    "experience ",
    "you have",
    "you bring",
    "you should",
    "you must",
    "you possess",
    "background in",
    "expertise in",
    "familiarity",
    "knowledge of",
    "strong understanding",
    "understanding of",
    "proficiency",
    "proven ",
    "hands on experience",
    "ability to",
];
/// A sentence with one of these words among its first few says what the hire
/// must have ("5+ years of experience deploying models", "ML tools experience
/// such as ..."), not what they will do.
const REQUIREMENT_WORDS: [&str; 7] = [
    "experience",
    "experienced",
    "year",
    "years",
    // Misspellings postings do carry ("Expereince in deploying ML models").
    "experince",
    "expereince",
    "experiance",
];
/// Words that, shortly before a phrase in the same clause, make it something
/// the hire has done ("seeking an engineer with a proven track record in
/// designing and deploying ML models"), not a duty.
const TRACK_RECORD: [&str; 5] = [
    "track record",
    "history of",
    "background in",
    "who have",
    "who has",
];
/// How many bytes before the phrase [`TRACK_RECORD`] is looked for.
const TRACK_RECORD_WINDOW: usize = 60;
/// A company's name runs to at most this many capitalized words.
const MAX_NAME_WORDS: usize = 3;
/// How many words from the start [`REQUIREMENT_WORDS`] are looked for.
const REQUIREMENT_LEAD_WORDS: usize = 5;
/// A run of at least this many short comma-separated items around a phrase
/// is a list of skills or keywords ("Deep Learning, LLM, LangChain, Prompt
/// engineering, ..."), not a duty. Lists of verbs ("design, build, deploy and
/// monitor models") stay shorter.
const MIN_LIST_RUN: usize = 7;
const MAX_LIST_LOOKBACK: usize = 24;
/// Each item of such a list has at most this many words; a duty has a verb
/// and an object, and runs longer.
const MAX_LIST_ITEM_WORDS: usize = 4;

/// Whether the phrase at byte `at` of `sentence` is not a duty of the hire:
/// the company speaking ("we build ..."), what the hire must bring
/// ("experience with ...", "3+ years deploying ..."), a question ("are you passionate about ...?"), or
/// an item of a list of skills or keywords.
pub(crate) fn is_not_duty(sentence: &str, at: usize) -> bool {
    let said = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    NOT_DUTIES.iter().any(|lead| opens_with(said, lead))
        || leads_with_requirement(said)
        || is_question(sentence)
        || in_term_list(sentence, at)
        || after_track_record(sentence, at)
        || company_speaks(sentence)
        || we_speak_last(sentence, at)
}

/// Whether the phrase at byte `at` of the document is not one of the hire's
/// duties: its sentence is not ([`is_not_duty`]), or it is an item of a list
/// whose lead-in asks for a record ([`list_lead_not_duty`]).
pub(crate) fn not_duty_at(doc: &Document<'_>, at: usize) -> bool {
    doc.sentence_at(at)
        .is_some_and(|s| is_not_duty(doc.slice(s.span), at - s.span.start))
        || list_lead_not_duty(doc, at)
}

/// Whether the sentence, up to byte `at`, is the company speaking of itself:
/// a name followed by a company verb ("Acme is the contract review agent"),
/// or "we" as the last person named with no hire in between ("we partner with
/// a startup tackling RAG"); "we are looking for someone with RAG experience"
/// asks it of the hire.
pub(crate) fn company_voice(sentence: &str, at: usize) -> bool {
    let before = sentence[..at.min(sentence.len())].to_ascii_lowercase();
    if HIRE_WORDS.iter().any(|word| before.contains(word)) {
        return false;
    }
    let lead = before.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first_end = lead
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(lead.len());
    let first = &lead[..first_end];
    // A duty ("Improving how we use ...", "Designs, builds, trains ...")
    // opens with a verb, not a name.
    if first.ends_with("ing") || lead[first_end..].starts_with(',') {
        return false;
    }
    // "We are ...", "Should have ..." and "Typically has ..." are not a name
    // and its verb.
    let named = !matches!(
        first,
        "we" | "we're" | "our" | "should" | "must" | "will" | "can" | "may" | "would" | "could"
    ) && !first.ends_with("ly");
    (named && company_speaks(sentence)) || we_speak_last(sentence, at)
}

/// Words that, before a phrase, make the phrase asked of the hire.
const HIRE_WORDS: [&str; 17] = [
    "look",
    "seek",
    "hiring",
    "hire",
    "need",
    "want",
    "expect",
    "requir",
    "ideal",
    "candidate",
    "someone",
    "person",
    "who will",
    "join",
    "experience",
    "years",
    "interested",
];

/// Whether the list item holding byte `at` hangs from a lead-in that is not
/// a duty: the nearest line ending in `:` before it, over the list items
/// between ("AI trailblazers who have:" or "Required experience with, more
/// specifically:" and then a bulleted list). Looks back at most
/// [`MAX_LIST_LOOKBACK`] blocks, so a rule stays linear in its hits.
pub(crate) fn list_lead_not_duty(doc: &Document<'_>, at: usize) -> bool {
    let blocks = doc.blocks();
    let here = blocks.partition_point(|b| b.span.start <= at);
    let Some(here) = here.checked_sub(1) else {
        return false;
    };
    if blocks[here].kind != BlockKind::Bullet {
        return false;
    }
    for block in blocks[..here].iter().rev().take(MAX_LIST_LOOKBACK) {
        let text = doc.slice(block.span).trim_end();
        if let Some(lead) = text.strip_suffix(':') {
            let lead = lead.trim_end();
            return asks_for_record(lead, block.kind != BlockKind::Heading);
        }
        if block.kind != BlockKind::Bullet {
            return false;
        }
    }
    false
}

/// Whether a list's lead-in asks for what the hire brings or has done: it
/// opens with a requirement ("you should have:", "knowledge of:"), ends on a
/// track record ("engineers who have:"), or (`count_words`: not for
/// headings, where "Experience & responsibilities" names a section) says
/// "experience" or "years" early. The company's voice does not count here:
/// "We are looking for people to join us, focusing on:" lists duties.
fn asks_for_record(lead: &str, count_words: bool) -> bool {
    let said = lead.trim_start_matches(|c: char| !c.is_alphanumeric());
    NOT_DUTIES
        .iter()
        .filter(|lead| !lead.starts_with("we") && !lead.starts_with("our"))
        .any(|lead| opens_with(said, lead))
        || (count_words && leads_with_requirement(said))
        || after_track_record(lead, lead.len())
}

/// Whether `said` opens with `lead` when read in ASCII lowercase with
/// hyphens as spaces ("Hands-on experience" opens with "hands on"):
/// compared byte by byte, with no lowercase copy of the text.
fn opens_with(said: &str, lead: &str) -> bool {
    let fold = |b: u8| {
        if b == b'-' {
            b' '
        } else {
            b.to_ascii_lowercase()
        }
    };
    said.len() >= lead.len() && said.bytes().zip(lead.bytes()).all(|(s, l)| fold(s) == l)
}

/// Whether one of the first [`REQUIREMENT_LEAD_WORDS`] words of `said`, in
/// ASCII lowercase, is one of [`REQUIREMENT_WORDS`].
fn leads_with_requirement(said: &str) -> bool {
    said.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(REQUIREMENT_LEAD_WORDS)
        .any(|word| {
            REQUIREMENT_WORDS
                .iter()
                .any(|wanted| word.eq_ignore_ascii_case(wanted))
        })
}

/// Whether the last person named before byte `at` is "we": the company's own
/// work ("... is key to our mission and we are always looking for faster ways
/// to train and deploy models"), not the hire's ("you will join us and deploy").
fn we_speak_last(sentence: &str, at: usize) -> bool {
    let before = &sentence[..at.min(sentence.len())];
    before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .rev()
        .find_map(|word| {
            let is = |forms: &[&str]| forms.iter().any(|form| same_word(word, form));
            if is(&["we", "we're", "we'll", "we've"]) {
                Some(true)
            } else if is(&["you", "you're", "you'll", "you've", "your", "yours"]) {
                Some(false)
            } else {
                None
            }
        })
        .unwrap_or(false)
}

/// Whether `word` is `form` (lowercase, straight apostrophes), ignoring
/// ASCII case and reading a curly apostrophe as a straight one.
fn same_word(word: &str, form: &str) -> bool {
    // Cheap rejections first. Each char of a matching word is the ASCII char
    // of `form` (one byte) or a curly apostrophe (three), so the word has
    // from one to three bytes per byte of `form`; and unless `form` opens
    // with an apostrophe, the word's first byte is its first letter.
    if word.len() < form.len() || word.len() > 3 * form.len() {
        return false;
    }
    if let (Some(&w), Some(&f)) = (word.as_bytes().first(), form.as_bytes().first())
        && f != b'\''
        && w.to_ascii_lowercase() != f
    {
        return false;
    }
    let fold = |c: char| {
        if c == '’' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    };
    word.chars().map(fold).eq(form.chars())
}

/// Whether a [`TRACK_RECORD`] phrase stands shortly before byte `at`, in the
/// same clause (no `.`, `;` or `:` between).
fn after_track_record(sentence: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(TRACK_RECORD_WINDOW);
    while !sentence.is_char_boundary(from) {
        from += 1;
    }
    let before = &sentence[from..at.min(sentence.len())];
    let clause = before
        .rsplit(['.', ';', ':'])
        .next()
        .unwrap_or(before)
        .to_ascii_lowercase();
    TRACK_RECORD.iter().any(|marker| clause.contains(marker))
}

/// Whether the sentence opens with a name of one to [`MAX_NAME_WORDS`] words
/// and a company verb ([`opens_with_name_and_verb`], which the structure uses
/// for company paragraphs too): the company speaking of itself without "we". A sentence
/// that goes on to the hire ("Acme is hiring; in this role you would deploy
/// ...") is not only the company's.
fn company_speaks(sentence: &str) -> bool {
    // The opening is read first: it is a few words, and most sentences do
    // not open with a name, so the whole sentence is rarely walked.
    opens_with_name_and_verb(sentence, MAX_NAME_WORDS)
        && !sentence.split(|c: char| !c.is_alphanumeric()).any(|word| {
            ["you", "your", "role"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
        })
}

/// Whether byte `at` lies in a run of [`MIN_LIST_RUN`] or more consecutive
/// comma-separated items of a few words each.
fn in_term_list(sentence: &str, at: usize) -> bool {
    let mut items = Vec::new();
    let mut start = 0;
    for (i, _) in sentence.match_indices([',', ';']) {
        items.push((start, &sentence[start..i]));
        start = i + 1;
    }
    items.push((start, &sentence[start..]));
    let short = |item: &str| item.split_whitespace().count() <= MAX_LIST_ITEM_WORDS;
    let Some(here) = items.iter().rposition(|&(begin, _)| begin <= at) else {
        return false;
    };
    if !short(items[here].1) {
        return false;
    }
    let before = items[..here]
        .iter()
        .rev()
        .take_while(|(_, t)| short(t))
        .count();
    let after = items[here + 1..]
        .iter()
        .take_while(|(_, t)| short(t))
        .count();
    before + 1 + after >= MIN_LIST_RUN
}

static META: RuleMeta = RuleMeta {
    id: "out-of-role-duty",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "A duty is one the role is explicitly not for.",
    docs: RuleDocs {
        what_it_does: "For the role the posting is for (the title's, else the primary role), \
flags each duty in the summary and responsibilities that the role taxonomy says the role is \
NOT for (`lints/duties.toml`, each group citing the taxonomy): a Data Scientist keeping \
systems running at scale or carrying a pager; an AI Engineer training models from scratch or \
building custom training pipelines; an ML Engineer owning user-facing product features or prompt \
design. Only the hire's duties count: not negated sentences (\"you will not be on call\"), \
the company's voice (\"we build LLM products\", \"Acme is the platform for deploying \
models\"), what the hire must bring (\"experience with on-call\", \"3+ years deploying ...\", \
\"a proven track record in deploying ...\"), questions, or runs of short comma-separated keywords; \
and a Data Scientist who puts an LLM to work on an analysis (sentiment, topics) uses a tool.",
        why_it_matters: "These duties are the core of another role. Candidates who are good at \
the titled role are not good at them, and candidates who are good at them apply for the other \
title: the posting attracts neither.",
        example: "```text\nData Scientist\n\nResponsibilities\n- Join the on-call rotation for our production model APIs\n```",
        how_to_fix: "Move the duty to the role that owns it (and say the hire works with that \
role), or retitle the posting if the duty is the job.",
    },
};

impl Rule for OutOfRoleDuty {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let Some(role) = ctx.posting_role() else {
            return;
        };
        let doc = ctx.document;
        let mut last_sentence = None;
        let mut found = Vec::new();
        // Sorted, so each duty looks its sentence up by binary search.
        let mut analysis_use: Vec<Option<usize>> = ctx
            .live_hits(ctx.kinds().analysis_use)
            .into_iter()
            .map(|(hit, _)| doc.sentence_index_at(hit.span.start))
            .collect();
        analysis_use.sort_unstable();
        analysis_use.dedup();
        for (hit, entry) in ctx.live_hits(ctx.kinds().out_of_role) {
            if entry.group.role != Some(role)
                || !matches!(
                    doc.section_at(hit.span.start),
                    SectionKind::Summary | SectionKind::Responsibilities
                )
            {
                continue;
            }
            // Work handed to others ("partner with the engineers who are
            // on call") is not the hire's.
            if ctx.is_delegated(hit.span.start) {
                continue;
            }
            // One finding per sentence.
            let sentence = doc.sentence_index_at(hit.span.start);
            if sentence.is_some() && sentence == last_sentence {
                continue;
            }
            last_sentence = sentence;
            // The company's voice ("we build LLM products"), what the hire
            // brings ("experience with on-call"), questions and tool lists are
            // not the hire's duties.
            if not_duty_at(doc, hit.span.start) {
                continue;
            }
            // A data scientist who puts an LLM to work on the analysis
            // ("extract sentiment from comments with an LLM") uses a tool.
            if role == Role::DataScientist && analysis_use.binary_search(&sentence).is_ok() {
                continue;
            }
            let why = entry.group.note.as_deref().unwrap_or("the role taxonomy");
            found.push(
                Diagnostic::new(
                    META.id,
                    hit.span,
                    format!(
                        "\"{}\" is not {} duty",
                        doc.slice(hit.span),
                        role.with_article()
                    ),
                )
                .with_help(format!(
                    "{}; give the duty to the role that owns it, or retitle the posting",
                    lowercase_first(why.trim_end_matches('.'))
                )),
            );
        }
        // The taxonomy's ML Engineer is not *primarily* on product features:
        // one such duty among many is not out of role; two or more are.
        if role == Role::MlEngineer && found.len() < 2 {
            return;
        }
        diagnostics.extend(found);
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
