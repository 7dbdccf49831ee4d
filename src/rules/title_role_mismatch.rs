use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Severity, Suggestion};
use crate::roles::Role;

/// The title names one role and the body's primary output is another's.
#[derive(Debug, Clone, Copy, Default)]
pub struct TitleRoleMismatch;

const MAX_LABELS: usize = 4;

static META: RuleMeta = RuleMeta {
    id: "title-role-mismatch",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "The title names one role, but the duties describe another role's primary output.",
    docs: RuleDocs {
        what_it_does: "Compares the role the title names (Data Scientist, ML Engineer or AI \
Engineer) with the primary role of the body, read from its duties and competencies by their \
primary output. Flags the posting when the body's role clearly outweighs the title's (by 15%, or \
the title's role is barely there) and, when it is one of the three, has at least two duties or \
competencies of its own (one \"prompt engineering\" line is not another role's job), and suggests \
the title that fits the body. A body split \
nearly evenly, or with substantial work of all three roles, is a mixed posting \
(`mixed-role-responsibilities`), not a mismatched one. A body too thin to name any role's \
work, another job's included, does not contradict its title.",
        why_it_matters: "An \"AI Engineer\" whose duties are training and deploying classic ML \
models draws LLM application builders who will not do that job well, and misses the ML engineers \
who would. The title decides who applies.",
        example: "```text\nAI Engineer\n\nWhat you'll do\n- Build feature pipelines and train gradient-boosted models\n\
- Deploy models to production and monitor drift and retraining\n```",
        how_to_fix: "Retitle the posting for the role the duties describe, or rewrite the duties \
for the role the title names.",
    },
};

impl Rule for TitleRoleMismatch {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let profile = ctx.profile;
        let Some(title_role) = profile.title_role.role() else {
            return;
        };
        let body = profile.primary_role;
        if !profile.clearly_differs_from(title_role) {
            return;
        }
        // A body that names no other job's work either (a few generic model
        // duties, a teaser) gives no ground for "the duties are another
        // role's": it says too little to contradict the title.
        if body == Role::Other && profile.scores.get(Role::Other).score <= 0.0 {
            return;
        }
        // One duty or competency of another of the three roles (a single
        // "prompt engineering" line beside a thin body) is too little to
        // say the duties describe that role: it must be present.
        if body != Role::Other && !ctx.presence.is_present(body) {
            return;
        }
        // A body with substantial work of all three roles is mixed, not the
        // description of another one: mixed-role-responsibilities says so.
        if ctx.presence.present_roles().len() == Role::THREE.len() {
            return;
        }
        let Some((span, origin)) = ctx.whole_title_span() else {
            return;
        };
        let title = ctx.title_text().unwrap_or_default();
        let message = if body == Role::Other {
            format!(
                "the title names the {} role, but the duties are not those of a Data Scientist, ML Engineer or AI Engineer",
                title_role.title()
            )
        } else {
            format!(
                "the title names the {} role, but the duties describe the {} role",
                title_role.title(),
                body.title()
            )
        };
        let mut diagnostic = Diagnostic::new(META.id, span, message).with_origin(origin);
        if origin == crate::diagnostic::Origin::Text {
            let mut strongest: Vec<_> = profile.evidence_for(body).collect();
            strongest.sort_by(|a, b| b.weight.total_cmp(&a.weight));
            for evidence in strongest.into_iter().take(MAX_LABELS) {
                diagnostic = diagnostic.with_label(evidence.span, format!("{} duty", body.title()));
            }
        }
        if body == Role::Other {
            diagnostics.push(diagnostic.with_help(
                "name the role the duties describe (data analyst, data engineer, software engineer, researcher ...), \
or rewrite the duties for the role the title names",
            ));
            return;
        }
        let mention = profile.title.mentions.iter().find(|m| m.role == title_role);
        if let Some(mention) = mention {
            let (noun, _) = ctx.title_span(mention.span);
            let fixed = format!(
                "{}{}{}",
                &title[..mention.span.start],
                body.title(),
                &title[mention.span.end..]
            );
            diagnostic = diagnostic.with_suggestion(Suggestion {
                message: format!("retitle the posting: `{fixed}`"),
                edits: vec![Edit {
                    span: noun,
                    replacement: body.title().to_owned(),
                }],
            });
        }
        diagnostics.push(diagnostic.with_help(format!(
            "the duties describe {}: title the posting for the {}, or rewrite the duties",
            body.primary_output(),
            body.title()
        )));
    }
}
