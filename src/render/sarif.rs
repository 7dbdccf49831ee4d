//! SARIF 2.1.0 output (through `serde-sarif`), for GitHub code scanning and
//! other SARIF viewers.

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::json::FileReport;
use crate::diagnostic::{Origin, Severity};
use crate::rules::RuleMeta;

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info | Severity::Allow => ResultLevel::Note,
    }
}

/// One SARIF log with one run: the rules as `tool.driver.rules`, every
/// diagnostic as a result with a region carrying start and end line/column
/// (1-based, columns in chars) and the byte offsets.
///
/// ```
/// let text = "AI/ML Engineer\n\nTrain and deploy models.";
/// let report = jdlint::Linter::new().lint(text);
/// let file = jdlint::render::FileReport::new("posting.txt", report);
/// let rules: Vec<_> = jdlint::Linter::new().rules().map(|(meta, _)| *meta).collect();
/// let sarif = jdlint::render::sarif(&[file], &rules);
/// assert!(sarif.contains("\"version\": \"2.1.0\""));
/// ```
#[must_use]
pub fn sarif(files: &[FileReport], rules: &[RuleMeta]) -> String {
    let descriptors: Vec<ReportingDescriptor> = rules
        .iter()
        .map(|meta| {
            ReportingDescriptor::builder()
                .id(meta.id)
                .name(meta.id)
                .short_description(
                    MultiformatMessageString::builder()
                        .text(meta.summary)
                        .build(),
                )
                .full_description(
                    MultiformatMessageString::builder()
                        .text(meta.docs.what_it_does)
                        .build(),
                )
                .help(
                    MultiformatMessageString::builder()
                        .text(meta.docs.how_to_fix)
                        .build(),
                )
                .build()
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        for diagnostic in &file.diagnostics {
            let mut text = diagnostic.message.clone();
            if let Some(help) = &diagnostic.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            // A diagnostic on an explicit title has no place in the file:
            // SARIF gets the file with no region.
            let physical = if diagnostic.origin == Origin::Text {
                PhysicalLocation::builder()
                    .artifact_location(ArtifactLocation::builder().uri(uri(&file.path)).build())
                    .region(
                        Region::builder()
                            .start_line(diagnostic.start.line as i64)
                            .start_column(diagnostic.start.column as i64)
                            .end_line(diagnostic.end.line as i64)
                            .end_column(diagnostic.end.column as i64)
                            .byte_offset(diagnostic.span.start as i64)
                            .byte_length(diagnostic.span.len() as i64)
                            .build(),
                    )
                    .build()
            } else {
                PhysicalLocation::builder()
                    .artifact_location(ArtifactLocation::builder().uri(uri(&file.path)).build())
                    .build()
            };
            let mut result = SarifResult::builder()
                .rule_id(diagnostic.rule.clone())
                .level(level(diagnostic.severity))
                .message(Message::builder().text(text).build())
                .locations(vec![
                    Location::builder().physical_location(physical).build(),
                ])
                .build();
            if let Some(index) = rules.iter().position(|m| m.id == diagnostic.rule) {
                result.rule_index = Some(index as i64);
            }
            results.push(result);
        }
    }
    let run = Run::builder()
        .tool(
            Tool::builder()
                .driver(
                    ToolComponent::builder()
                        .name("jdlint")
                        .version(env!("CARGO_PKG_VERSION"))
                        .information_uri("https://crates.io/crates/jdlint")
                        .rules(descriptors)
                        .build(),
                )
                .build(),
        )
        .results(results)
        .build();
    let log = Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(serde_json::Value::from("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_string_pretty(&log).expect("SARIF serializes")
}

/// A relative path as a URI reference: forward slashes, spaces and `%`
/// escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}
