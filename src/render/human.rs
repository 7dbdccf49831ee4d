//! rustc-style snippets through `annotate-snippets`.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Origin, Report, Severity};

/// Options for [`human`].
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// Use ANSI colours.
    pub color: bool,
}

/// Renders every diagnostic of `report` rustc-style: the header, `--> path:line:col`,
/// the source line with carets under the span, labels, and `= help:`.
///
/// ```
/// let text = "AI/ML Engineer\n\nTrain and deploy ranking models.";
/// let report = jdlint::Linter::new().lint(text);
/// let out = jdlint::render::human("posting.txt", text, &report, Default::default());
/// assert!(out.contains("--> posting.txt:1:1"));
/// assert!(out.contains("names the ML Engineer role"));
/// ```
#[must_use]
pub fn human(path: &str, text: &str, report: &Report, options: HumanOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        let source = match diagnostic.origin {
            Origin::Text => text,
            Origin::Title => report.title.as_deref().unwrap_or_default(),
        };
        out.push_str(&renderer.render(&one(path, source, diagnostic)));
        out.push_str("\n\n");
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info | Severity::Allow => Level::INFO,
    }
}

fn one<'a>(path: &'a str, source: &'a str, diagnostic: &'a Diagnostic) -> Vec<Group<'a>> {
    let mut snippet = Snippet::source(source).path(path).fold(true).annotation(
        AnnotationKind::Primary
            .span(diagnostic.span.start..diagnostic.span.end)
            .label(None::<&str>),
    );
    for label in &diagnostic.labels {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(label.span.start..label.span.end)
                .label(label.message.as_str()),
        );
    }
    let mut group = level(diagnostic.severity)
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.rule.as_str())
        .element(snippet);
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(suggestion) = &diagnostic.suggestion {
        group = group.element(Level::HELP.message(format!("suggestion: {}", suggestion.message)));
    }
    vec![group]
}
