//! Add a rule written in Rust: flag postings that never state pay.
//!
//! The rule reads the document's section model (built once, shared by all
//! rules); it does not scan the text itself.
//!
//! Run: `cargo run --example custom_rule`

use jdlint::document::SectionKind;
use jdlint::rules::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use jdlint::{Diagnostic, Linter, Severity, Span};

struct MissingCompensation;

static META: RuleMeta = RuleMeta {
    id: "missing-compensation",
    category: Category::Custom,
    default_severity: Severity::Info,
    summary: "The posting has no compensation section or pay range.",
    docs: RuleDocs {
        what_it_does: "Flags postings with no compensation section.",
        why_it_matters: "Candidates skip postings without pay; several states require a range.",
        example: "A posting with responsibilities and benefits but no salary.",
        how_to_fix: "Add a `Compensation` section with the pay range.",
    },
};

impl Rule for MissingCompensation {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let has_pay = doc
            .sections()
            .iter()
            .any(|s| s.kind == SectionKind::Compensation)
            || doc
                .sentences()
                .iter()
                .any(|s| s.section == SectionKind::Compensation);
        if !has_pay {
            let span = doc.title().unwrap_or(Span::empty(0));
            diagnostics.push(
                Diagnostic::new(META.id, span, "the posting does not state pay")
                    .with_help("add a compensation section with the range"),
            );
        }
    }
}

pub fn main() {
    let linter = Linter::builder()
        .rule(MissingCompensation)
        .build()
        .expect("the rule id is kebab-case and unique");
    let without_pay = "Data Scientist\n\nWhat you'll do\n- Design pricing experiments\n";
    let with_pay = "Data Scientist\n\nWhat you'll do\n- Design pricing experiments\n\nCompensation\n- $150,000 to $180,000\n";
    let flagged = linter
        .lint(without_pay)
        .by_rule("missing-compensation")
        .count();
    let clean = linter
        .lint(with_pay)
        .by_rule("missing-compensation")
        .count();
    println!("without pay: {flagged} diagnostic(s); with pay: {clean}");
    assert_eq!((flagged, clean), (1, 0));
}
