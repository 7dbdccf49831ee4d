use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::SectionKind;
use crate::roles::Role;

/// A duty the taxonomy says the role is not for.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutOfRoleDuty;

const KIND: &str = "out-of-role";
/// How sentences open that are not the hire's duties: the company speaking,
/// or what the hire must bring.
const NOT_DUTIES: [&str; 14] = [
    "we ",
    "we'",
    "our ",
    "experience ",
    "you have",
    "you bring",
    "familiarity",
    "knowledge of",
    "strong understanding",
    "understanding of",
    "proficiency",
    "proven ",
    "hands on experience",
    "ability to",
];

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
design. Negated sentences (\"you will not be on call\") do not count.",
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
        for (hit, entry) in ctx.live_hits(KIND) {
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
            // The company's voice ("we build LLM products") and what the
            // hire brings ("experience with on-call") are not the hire's duties.
            let said = doc
                .sentence_at(hit.span.start)
                .map_or("", |s| doc.slice(s.span))
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            if NOT_DUTIES.iter().any(|lead| said.starts_with(lead)) {
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
