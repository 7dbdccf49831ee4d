use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};

/// Bro-culture and age-coded wording.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExclusionaryWording;

static META: RuleMeta = RuleMeta {
    id: "exclusionary-wording",
    category: Category::Inclusion,
    default_severity: Severity::Warning,
    summary: "Bro-culture or age-coded wording.",
    docs: RuleDocs {
        what_it_does: "Flags bro-culture wording (\"brogrammer\", \"crush it\", \"beast mode\", \
\"work with the guys\") and age-coded wording (\"young and energetic team\", \"digital natives\", \
\"recent graduates\" as a requirement) from `lints/wording.toml`.",
        why_it_matters: "Such words tell whole groups of candidates they will not fit; age-coded \
wording can also break employment law (in the US, the Age Discrimination in Employment Act; in \
the UK and EU, equality law).",
        example: "```text\nData Scientist\n\nJoin our young, energetic team of brogrammers and crush it every sprint.\n```",
        how_to_fix: "Describe how the team works (pairing, reviews, on-call, hours) instead of \
who is on it.",
    },
};

impl Rule for ExclusionaryWording {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let mut found: Vec<_> = ctx
            .live_hits(ctx.kinds().exclusive_culture)
            .into_iter()
            .map(|(hit, _)| (hit, "bro-culture"))
            .chain(
                ctx.live_hits(ctx.kinds().age_coded)
                    .into_iter()
                    .map(|(hit, _)| (hit, "age-coded")),
            )
            .collect();
        found.sort_by_key(|(hit, _)| hit.span.start);
        for (hit, family) in found {
            diagnostics.push(
                Diagnostic::new(
                    META.id,
                    hit.span,
                    format!("\"{}\" is {family} wording", ctx.document.slice(hit.span)),
                )
                .with_help("describe how the team works instead of who is on it"),
            );
        }
    }
}
