use super::{Category, LintContext, Rule, RuleDocs, RuleMeta, join_names};
use crate::diagnostic::{Diagnostic, Edit, Severity, Suggestion};
use crate::roles::{Role, TitleRole};
use crate::span::Span;

/// A title that joins two of the three roles, or names none while the body
/// asks for one.
#[derive(Debug, Clone, Copy, Default)]
pub struct AmbiguousRoleTitle;

/// The body must show at least this much evidence for its primary role before
/// a role-less title is flagged.
const MIN_BODY_SCORE: f32 = 3.0;
/// ... and at least this share of all evidence.
const MIN_BODY_SHARE: f32 = 0.5;

static META: RuleMeta = RuleMeta {
    id: "ambiguous-role-title",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "The title joins two of the three roles, or names no role while the body asks for one.",
    docs: RuleDocs {
        what_it_does: "Reads the title and flags it when it names two or three of Data Scientist, \
ML Engineer and AI Engineer (`AI/ML Engineer`, `Data Scientist / ML Engineer`, `Gen AI ML Engineer`), \
or when it names no role at all (`AI Ninja`, `Data Guru`, `Machine Learning Specialist`) while the \
body clearly asks for one of the three. A specialty of one role is not a second role: \
`Senior AI Data Scientist` and `Data/ML Engineer` pass.",
        why_it_matters: "The title is what candidates search for and what recruiters screen \
against. A title that joins roles draws candidates of both and promises a job no single hire does \
well; a title that names no role is invisible to the people who search for the role the body \
describes.",
        example: "```text\nAI/ML Engineer\n\nYou will build RAG pipelines and train ranking models ...\n```",
        how_to_fix: "Pick the role by its primary output: analyses and decisions → Data Scientist; \
trained, deployed, operating models → ML Engineer; product features built on pre-trained \
foundation models → AI Engineer. Name that role in the title; if you truly need two, write two \
postings.",
    },
};

impl Rule for AmbiguousRoleTitle {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let profile = ctx.profile;
        let Some(title) = ctx.title_text() else {
            return;
        };
        let Some((whole, origin)) = ctx.whole_title_span() else {
            return;
        };
        let body = profile.primary_role;
        let body_score = profile.scores.get(body);

        match profile.title_role {
            TitleRole::Ambiguous => {
                let mentions = &profile.title.mentions;
                let names: Vec<&str> = mentions.iter().map(|m| m.role.title()).collect();
                let mut diagnostic = Diagnostic::new(
                    META.id,
                    whole,
                    format!(
                        "the title `{title}` names {} roles: {}",
                        names.len(),
                        join_names(&names)
                    ),
                )
                .with_origin(origin);
                for mention in mentions {
                    let (span, _) = ctx.title_span(mention.span);
                    diagnostic = diagnostic
                        .with_label(span, format!("names the {} role", mention.role.title()));
                }
                let mut help = String::from(
                    "a posting hires one role: pick it by its primary output (analyses and decisions: \
Data Scientist; trained, deployed models: ML Engineer; AI-powered product features: AI Engineer)",
                );
                let body_is_mentioned = mentions.iter().any(|m| m.role == body);
                if body_is_mentioned && body_score.share >= MIN_BODY_SHARE {
                    help.push_str(&format!(
                        "; the duties read most like the {} role",
                        body.title()
                    ));
                    let cover = mentions
                        .iter()
                        .map(|m| m.span)
                        .reduce(Span::cover)
                        .unwrap_or_default();
                    let (span, _) = ctx.title_span(cover);
                    diagnostic = diagnostic.with_suggestion(Suggestion {
                        message: format!("name one role: `{}`", body.title()),
                        edits: vec![Edit {
                            span,
                            replacement: body.title().to_owned(),
                        }],
                    });
                }
                diagnostics.push(diagnostic.with_help(help));
            }
            TitleRole::Other => {
                let Some(vague) = profile.title.vague else {
                    return;
                };
                if body == Role::Other
                    || body_score.score < MIN_BODY_SCORE
                    || body_score.share < MIN_BODY_SHARE
                {
                    return;
                }
                let (span, _) = ctx.title_span(vague);
                let word = &title[vague.start..vague.end];
                diagnostics.push(
                    Diagnostic::new(
                        META.id,
                        whole,
                        format!(
                            "the title `{title}` names no role, but the duties are those of the {} role",
                            body.title()
                        ),
                    )
                    .with_origin(origin)
                    .with_label(span, format!("`{word}` names no role"))
                    .with_help(format!(
                        "name the role the duties describe, by its primary output ({}): `{}`",
                        body.primary_output(),
                        body.title()
                    )),
                );
            }
            _ => {}
        }
    }
}
