use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};

/// Perks that stand in for benefits.
#[derive(Debug, Clone, Copy, Default)]
pub struct HollowPerks;

const MAX_LABELS: usize = 5;

static META: RuleMeta = RuleMeta {
    id: "hollow-perks",
    category: Category::Inclusion,
    default_severity: Severity::Info,
    summary: "Office perks stand in for real benefits.",
    docs: RuleDocs {
        what_it_does: "Flags office perks (beer on tap, ping pong, foosball, free snacks, happy \
hours) when the posting names no real benefit (health insurance, retirement plan, paid leave, \
parental leave, equity, learning budget; `lints/wording.toml`). Perks next to real benefits are \
left alone, and \"talent pool\" is not a pool table.",
        why_it_matters: "Perks in place of benefits read as a young, single, in-office culture, \
and say nothing about what candidates with families, health needs or a commute weigh.",
        example: "```text\nData Engineer\n\nPerks\n- Beer on tap and a ping pong table\n- Free snacks\n```",
        how_to_fix: "List the real benefits: health cover, leave, retirement, equity, learning \
budget, flexibility. Keep the perks after them, if at all.",
    },
};

impl Rule for HollowPerks {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let perks = ctx.live_hits(ctx.kinds().hollow_perk);
        let Some((first, _)) = perks.first() else {
            return;
        };
        if !ctx.live_hits(ctx.kinds().real_benefit).is_empty() {
            return;
        }
        let mut diagnostic = Diagnostic::new(
            META.id,
            first.span,
            format!(
                "\"{}\" is a perk, and the posting names no real benefit",
                ctx.document.slice(first.span)
            ),
        );
        for (hit, _) in perks.iter().skip(1).take(MAX_LABELS) {
            diagnostic = diagnostic.with_label(hit.span, "perk");
        }
        diagnostics.push(diagnostic.with_help(
            "list the real benefits: health cover, paid and parental leave, retirement, equity, learning budget",
        ));
    }
}
