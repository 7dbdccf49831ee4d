//! GitHub Actions workflow annotations.

use super::json::FileReport;
use crate::diagnostic::{Origin, Severity};

/// One `::error`/`::warning`/`::notice` command per diagnostic, so a GitHub
/// workflow shows each finding on the posting's line.
///
/// ```
/// let report = jdlint::Linter::new().lint("AI/ML Engineer\n\nTrain models.");
/// let out = jdlint::render::github(&[jdlint::render::FileReport::new("p.txt", report)]);
/// assert!(out.starts_with("::warning file=p.txt,line=1,col=1,endLine=1,endColumn=15,title=ambiguous-role-title::"));
/// ```
#[must_use]
pub fn github(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        for d in &file.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Allow => "notice",
            };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            if d.origin == Origin::Text {
                out.push_str(&format!(
                    "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                    property(&file.path),
                    d.start.line,
                    d.start.column,
                    d.end.line,
                    d.end.column,
                    property(&d.rule),
                    data(&message)
                ));
            } else {
                out.push_str(&format!(
                    "::{command} file={},title={}::{}\n",
                    property(&file.path),
                    property(&d.rule),
                    data(&message)
                ));
            }
        }
    }
    out
}

/// Escapes a command's message, as the Actions toolkit does.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
