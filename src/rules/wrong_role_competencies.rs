use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::roles::Role;

/// The title names one role and the competencies asked for belong to another.
#[derive(Debug, Clone, Copy, Default)]
pub struct WrongRoleCompetencies;

const MAX_LABELS: usize = 6;

static META: RuleMeta = RuleMeta {
    id: "wrong-role-competencies",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "The title names one role, but competencies asked for belong to another.",
    docs: RuleDocs {
        what_it_does: "When the title names exactly one of Data Scientist, ML Engineer and AI \
Engineer, collects the competencies the posting asks for (requirements, nice-to-haves, and skills \
named in the summary and responsibilities) and flags it when at least two distinct ones belong to \
one of the other two roles. What a team's products are (\"applications driven by large \
language models\") is an output, not a competency, and does not count here. Each such \
competency is labelled.",
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
            let found: Vec<_> = profile
                .substantial_evidence(other)
                .into_iter()
                .filter(|e| e.kind != "output")
                .collect();
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
