use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};

/// "Rockstar", "ninja", "guru" for a job.
#[derive(Debug, Clone, Copy, Default)]
pub struct HypeJobTitle;

static META: RuleMeta = RuleMeta {
    id: "hype-job-title",
    category: Category::Inclusion,
    default_severity: Severity::Warning,
    summary: "The posting calls the hire a rockstar, ninja, guru or the like.",
    docs: RuleDocs {
        what_it_does: "Flags hype nouns for a person (\"rockstar\", \"ninja\", \"guru\", \
\"wizard\", \"unicorn\", \"10x engineer\") in the title and the text, leaving their technical \
senses alone (\"Ninja build\", \"setup wizard\").",
        why_it_matters: "Nobody searches for \"data ninja\", so the posting is not found; those \
who do find it read a culture of heroics and long hours, and many strong candidates, more often \
women, do not see themselves in the word.",
        example: "```text\nData Ninja\n\nWe need a Python guru to crunch our numbers.\n```",
        how_to_fix: "Use the real job title and describe the skills you need.",
    },
};

impl Rule for HypeJobTitle {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let help = "use the real job title and describe the skills you need";
        if let super::TitleSource::Explicit(title) = ctx.title {
            for hit in ctx.title_hits {
                if Some(ctx.lexicon.kind_of(hit.entry)) == ctx.kinds().hype_title {
                    let (span, origin) = ctx.title_span(hit.span);
                    diagnostics.push(
                        Diagnostic::new(
                            META.id,
                            span,
                            format!(
                                "\"{}\" is hype, not a job title",
                                &title[hit.span.start..hit.span.end]
                            ),
                        )
                        .with_origin(origin)
                        .with_help(help),
                    );
                }
            }
        }
        for (hit, _) in ctx.live_hits(ctx.kinds().hype_title) {
            diagnostics.push(
                Diagnostic::new(
                    META.id,
                    hit.span,
                    format!(
                        "\"{}\" is hype, not a job title",
                        ctx.document.slice(hit.span)
                    ),
                )
                .with_help(help),
            );
        }
    }
}
