use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::SectionKind;

/// Masculine-coded wording outweighs feminine-coded wording.
#[derive(Debug, Clone, Copy, Default)]
pub struct GenderCodedWording;

const MASCULINE: &str = "masculine-coded";
const FEMININE: &str = "feminine-coded";
const MAX_LABELS: usize = 12;

static META: RuleMeta = RuleMeta {
    id: "gender-coded-wording",
    category: Category::Inclusion,
    default_severity: Severity::Warning,
    summary: "Masculine-coded words outweigh feminine-coded ones.",
    docs: RuleDocs {
        what_it_does: "Counts the gender-coded words of Gaucher, Friesen & Kay (2011), the word \
stems Gender Decoder uses (`lints/wording.toml`), outside legal boilerplate, and flags the \
posting when masculine-coded words outnumber feminine-coded ones by `gender-coded-margin` \
(`lints/thresholds.toml`) or more. It reports the balance and labels each coded word. Unlike \
word-list tools, it leaves the vocabulary of the trade alone: \"analytics\", \"decision trees\", \
\"lead data scientist\", \"competitive salary\" and \"individual contributor\" are not coded.",
        why_it_matters: "In the study, job ads with more masculine-coded wording were rated less \
appealing by women, who also felt they belonged less in the job, while the wording did not \
change how men rated the ads. The effect is on who applies, not on who can do the job.",
        example: "```text\nML Engineer\n\nWe want a competitive, assertive, self-reliant engineer who is driven to dominate the market.\n```",
        how_to_fix: "Describe the work instead of the temperament: \"you will own\", \"you will \
work with\", \"we support\". Balance is enough; removing every coded word is not the goal.",
    },
};

impl Rule for GenderCodedWording {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let counted = |kind| {
            ctx.live_hits(kind)
                .into_iter()
                .map(|(hit, _)| hit)
                .filter(|hit| !matches!(doc.section_at(hit.span.start), SectionKind::Legal))
                .collect::<Vec<_>>()
        };
        let masculine = counted(MASCULINE);
        let feminine = counted(FEMININE);
        if masculine.len() < feminine.len() + ctx.thresholds.gender_coded_margin as usize {
            return;
        }
        let mut words: Vec<String> = masculine
            .iter()
            .map(|hit| doc.slice(hit.span).to_ascii_lowercase())
            .collect();
        words.dedup();
        words.truncate(6);
        let mut diagnostic = Diagnostic::new(
            META.id,
            masculine[0].span,
            format!(
                "masculine-coded wording outweighs feminine-coded: {} words to {} ({})",
                masculine.len(),
                feminine.len(),
                words.join(", ")
            ),
        );
        for hit in masculine.iter().skip(1).take(MAX_LABELS) {
            diagnostic = diagnostic.with_label(hit.span, "masculine-coded");
        }
        for hit in feminine.iter().take(MAX_LABELS / 2) {
            diagnostic = diagnostic.with_label(hit.span, "feminine-coded");
        }
        diagnostics.push(diagnostic.with_help(
            "describe the work rather than the temperament; coded words per Gaucher, Friesen & Kay (2011)",
        ));
    }
}
