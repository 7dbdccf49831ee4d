//! Invariants every report must keep, checked inside each fuzz target.

use jdlint::document::LineIndex;
use jdlint::{Origin, Report};

pub fn check(input: &str, title: Option<&str>, report: &Report) {
    let lines = LineIndex::new(input);
    for d in &report.diagnostics {
        let source = match (d.origin, title) {
            (Origin::Title, Some(title)) => title,
            _ => input,
        };
        assert!(d.span.text(source).is_some(), "diagnostic span {:?} off the input", d.span);
        for label in &d.labels {
            assert!(label.span.text(source).is_some(), "label span {:?} off the input", label.span);
        }
        if d.origin == Origin::Text {
            assert_eq!(d.start, lines.line_col(input, d.span.start), "start line/column");
            assert_eq!(d.end, lines.line_col(input, d.span.end), "end line/column");
        }
    }
    for evidence in &report.profile.evidence {
        assert!(evidence.span.text(input).is_some(), "evidence span {:?} off the input", evidence.span);
    }
}
