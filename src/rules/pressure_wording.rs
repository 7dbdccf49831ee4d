use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};

/// "Hit the ground running", "work hard, play hard", "fast-paced" overload.
#[derive(Debug, Clone, Copy, Default)]
pub struct PressureWording;

const MAX_LABELS: usize = 6;

static META: RuleMeta = RuleMeta {
    id: "pressure-wording",
    category: Category::Inclusion,
    default_severity: Severity::Info,
    summary: "Clichés of pace and pressure.",
    docs: RuleDocs {
        what_it_does: "Flags clichés that are never neutral (\"hit the ground running\", \"work \
hard, play hard\") wherever they appear, and pace words (\"fast-paced\", \"high-pressure\", \
\"wear many hats\", \"hustle\") when the posting uses `min-pressure-phrases` \
(`lints/thresholds.toml`) or more of them. One \"fast-paced\" is fine.",
        why_it_matters: "Piled up, these words promise long hours and no onboarding; careful \
and experienced candidates, and those with caring duties, read them as a warning.",
        example: "```text\nAI Engineer\n\nWe are a fast-paced, high-pressure team. You will hit the ground running and hustle.\n```",
        how_to_fix: "Say what the pace means in practice: release cadence, on-call, hours, how \
onboarding works.",
    },
};

impl Rule for PressureWording {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let help =
            "say what the pace means in practice: release cadence, on-call, hours, onboarding";
        let mut cliches = ctx.live_hits(ctx.kinds().pressure_cliche);
        // A cliché repeated (or a feed that repeats the posting) is told once.
        let mut told = rustc_hash::FxHashSet::default();
        cliches.retain(|(_, entry)| told.insert(entry.phrase));
        for (hit, _) in &cliches {
            diagnostics.push(
                Diagnostic::new(
                    META.id,
                    hit.span,
                    format!(
                        "\"{}\" is a cliché that promises pressure",
                        doc.slice(hit.span)
                    ),
                )
                .with_help(help),
            );
        }
        let pace = ctx.live_hits(ctx.kinds().pressure);
        // Distinct phrases: "fast-paced" three times (or a feed that repeats
        // the posting) is one phrase.
        let distinct: rustc_hash::FxHashSet<String> = pace
            .iter()
            .chain(&cliches)
            .map(|(_, entry)| entry.phrase.to_owned())
            .collect();
        let total = distinct.len();
        if pace.is_empty() || total < ctx.thresholds.min_pressure_phrases as usize {
            return;
        }
        let mut diagnostic = Diagnostic::new(
            META.id,
            pace[0].0.span,
            format!("{total} different phrases of pace and pressure in one posting"),
        );
        for (hit, _) in pace.iter().skip(1).take(MAX_LABELS) {
            diagnostic = diagnostic.with_label(hit.span, "pressure");
        }
        diagnostics.push(diagnostic.with_help(help));
    }
}
