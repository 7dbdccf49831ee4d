//! rustc-style snippets through `annotate-snippets`.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Origin, Report, Severity};
use crate::document::LineIndex;

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
    // The renderer reads all of its source for each snippet: a snippet gets
    // only the lines its spans touch, and spans far apart go to snippets of
    // their own, so a long posting with many findings costs their lines, not
    // its length times their number.
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        let windows = match diagnostic.origin {
            Origin::Text => Window::around(text, &lines, diagnostic),
            Origin::Title => vec![Window::whole(
                report.title.as_deref().unwrap_or_default(),
                diagnostic,
            )],
        };
        out.push_str(&renderer.render(&one(path, windows, diagnostic)));
        out.push_str("\n\n");
    }
    out
}

/// Spans on lines at most this far apart share a snippet (the renderer folds
/// the lines between them); farther apart, each has its own.
const SNIPPET_GAP_LINES: usize = 100;

/// A diagnostic's annotations: its primary span (`None`), then each label
/// by index.
fn annotations(diagnostic: &Diagnostic) -> impl Iterator<Item = Option<usize>> {
    std::iter::once(None).chain((0..diagnostic.labels.len()).map(Some))
}

/// Some lines of a text and the annotations on them: one snippet.
struct Window<'a> {
    /// The lines, without the terminator of the last.
    source: &'a str,
    /// Where they start in the text.
    offset: usize,
    /// The 1-based number of the first.
    line: usize,
    /// The annotations: the primary span (`None`) or a label's index.
    annotations: Vec<Option<usize>>,
}

impl<'a> Window<'a> {
    /// The whole of `source`, with every annotation.
    fn whole(source: &'a str, diagnostic: &Diagnostic) -> Self {
        Window {
            source,
            offset: 0,
            line: 1,
            annotations: annotations(diagnostic).collect(),
        }
    }

    /// The windows of `diagnostic`'s spans in `text`: spans whose lines are
    /// within [`SNIPPET_GAP_LINES`] of each other share one. The primary
    /// span's window comes first, then the others in text order.
    fn around(text: &'a str, lines: &LineIndex, diagnostic: &Diagnostic) -> Vec<Self> {
        let span_of = |a: Option<usize>| a.map_or(diagnostic.span, |i| diagnostic.labels[i].span);
        let line_range = |a: Option<usize>| {
            let span = span_of(a);
            let start = span.start.min(text.len());
            let end = span.end.clamp(start, text.len());
            (lines.line_of(start), lines.line_of(end))
        };
        let mut annotations: Vec<(usize, usize, Option<usize>)> = annotations(diagnostic)
            .map(|a| {
                let (first, last) = line_range(a);
                (first, last, a)
            })
            .collect();
        annotations.sort_by_key(|&(first, last, _)| (first, last));
        let mut windows: Vec<(usize, usize, Vec<Option<usize>>)> = Vec::new();
        for (first, last, a) in annotations {
            match windows.last_mut() {
                Some((_, end, members)) if first <= *end + SNIPPET_GAP_LINES => {
                    *end = (*end).max(last);
                    members.push(a);
                }
                _ => windows.push((first, last, vec![a])),
            }
        }
        if let Some(primary) = windows.iter().position(|(.., m)| m.contains(&None)) {
            let window = windows.remove(primary);
            windows.insert(0, window);
        }
        windows
            .into_iter()
            .map(|(first, last, annotations)| {
                let from = lines.line(first).map_or(0, |line| line.start);
                let to = lines.line(last).map_or(text.len(), |line| line.end);
                // Every span ends inside its last line: `to` is past them all.
                let to = annotations
                    .iter()
                    .map(|&a| span_of(a).end.min(text.len()))
                    .fold(to, usize::max);
                // Line bounds are char boundaries; were they not, the
                // whole text still renders.
                let (source, offset, line) = match text.get(from..to) {
                    Some(source) => (source, from, first + 1),
                    None => (text, 0, 1),
                };
                Window {
                    source,
                    offset,
                    line,
                    annotations,
                }
            })
            .collect()
    }

    /// `span` of the text as a range of `source`.
    fn range(&self, span: crate::Span) -> std::ops::Range<usize> {
        let start = span
            .start
            .saturating_sub(self.offset)
            .min(self.source.len());
        let end = span
            .end
            .saturating_sub(self.offset)
            .clamp(start, self.source.len());
        start..end
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info | Severity::Allow => Level::INFO,
    }
}

fn one<'a>(path: &'a str, windows: Vec<Window<'a>>, diagnostic: &'a Diagnostic) -> Vec<Group<'a>> {
    let snippets = windows.into_iter().map(|window| {
        let mut snippet = Snippet::source(window.source)
            .line_start(window.line)
            .path(path)
            .fold(true);
        for &annotation in &window.annotations {
            snippet = snippet.annotation(match annotation {
                None => AnnotationKind::Primary
                    .span(window.range(diagnostic.span))
                    .label(None::<&str>),
                Some(i) => {
                    let label = &diagnostic.labels[i];
                    AnnotationKind::Context
                        .span(window.range(label.span))
                        .label(label.message.as_str())
                }
            });
        }
        snippet
    });
    let mut group = level(diagnostic.severity)
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.rule.as_str())
        .elements(snippets);
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(suggestion) = &diagnostic.suggestion {
        group = group.element(Level::HELP.message(format!("suggestion: {}", suggestion.message)));
    }
    vec![group]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn render(text: &str, diagnostic: Diagnostic) -> String {
        let report = Report {
            title: None,
            diagnostics: vec![diagnostic],
            profile: Default::default(),
            unused_suppressions: Vec::new(),
        };
        human("p.txt", text, &report, HumanOptions::default())
    }

    #[test]
    fn snippets_show_only_their_lines_with_their_numbers() {
        let text: String = (1..=300).map(|n| format!("line number {n}\n")).collect();
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let near = Diagnostic::new("r", at("line number 250"), "m".to_owned())
            .with_label(at("line number 260"), "close".to_owned());
        let out = render(&text, near);
        assert!(out.contains("--> p.txt:250:1"), "{out}");
        assert!(out.contains("250 | line number 250"), "{out}");
        assert!(out.contains("260 | line number 260"), "{out}");
        assert!(!out.contains("line number 200"), "{out}");
        // A label far from the primary span gets a snippet of its own, after
        // the primary span's.
        let far = Diagnostic::new("r", at("line number 250"), "m".to_owned())
            .with_label(at("line number 3"), "far".to_owned());
        let out = render(&text, far);
        let (primary, label) = (out.find("--> p.txt:250:1"), out.find("::: p.txt:3:1"));
        assert!(
            primary.is_some() && label.is_some() && primary < label,
            "{out}"
        );
        assert!(out.contains("3 | line number 3"), "{out}");
        assert!(!out.contains("line number 100"), "{out}");
    }

    #[test]
    fn spans_at_the_end_and_empty_spans_render() {
        let text = "Title\n\nlast line without newline";
        let end = Diagnostic::new("r", Span::new(text.len(), text.len()), "m".to_owned())
            .with_label(Span::new(0, 5), "title".to_owned());
        let out = render(text, end);
        assert!(out.contains("--> p.txt:3:"), "{out}");
        assert!(out.contains("1 | Title"), "{out}");
    }
}
