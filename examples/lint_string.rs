//! Lint a posting held in a string and print each diagnostic.
//!
//! Run: `cargo run --example lint_string`

use jdlint::Linter;

const POSTING: &str = "\
AI/ML Engineer

About the role
You will join the search team and own our ranking model in production.

What you'll do
- Train ranking models on click data and deploy them to production
- Monitor model drift and retrain on a schedule
";

pub fn main() {
    let linter = Linter::new();
    let report = linter.lint(POSTING);
    println!(
        "title role: {}, primary role: {} (confidence {:.2})",
        report.profile.title_role, report.profile.primary_role, report.profile.confidence
    );
    for diagnostic in &report.diagnostics {
        println!(
            "{}:{}: {} [{}] {}",
            diagnostic.start.line,
            diagnostic.start.column,
            diagnostic.severity,
            diagnostic.rule,
            diagnostic.message
        );
        for label in &diagnostic.labels {
            println!(
                "    {:?}: {}",
                &POSTING[label.span.start..label.span.end],
                label.message
            );
        }
        if let Some(help) = &diagnostic.help {
            println!("    help: {help}");
        }
    }
    assert!(report.by_rule("ambiguous-role-title").count() == 1);
}
