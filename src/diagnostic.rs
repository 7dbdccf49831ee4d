//! Diagnostics: what a rule reports, as plain serializable data.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::roles::RoleProfile;
use crate::span::{LineCol, Span};

/// How serious a diagnostic is. `Allow` silences a rule.
///
/// Severities are ordered: `Allow < Info < Warning < Error`.
///
/// ```
/// use jdlint::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!("warning".parse::<Severity>().unwrap(), Severity::Warning);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The rule is off: it reports nothing.
    Allow,
    /// Worth knowing; never fails a check.
    Info,
    /// Should be fixed.
    #[default]
    Warning,
    /// Must be fixed: `jdlint check` exits with 1.
    Error,
}

impl Severity {
    /// One level up (`info` → `warning` → `error`); `allow` and `error` stay.
    #[must_use]
    pub const fn raised(self) -> Severity {
        match self {
            Severity::Info => Severity::Warning,
            Severity::Warning | Severity::Error => Severity::Error,
            Severity::Allow => Severity::Allow,
        }
    }

    /// Every severity, from `allow` to `error`.
    pub const ALL: [Severity; 4] = [
        Severity::Allow,
        Severity::Info,
        Severity::Warning,
        Severity::Error,
    ];

    /// The lowercase name used in configuration and JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Allow => "allow",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        let wanted = match wanted.as_str() {
            "off" | "none" => "allow",
            "warn" => "warning",
            "deny" => "error",
            other => other,
        };
        Severity::ALL
            .into_iter()
            .find(|severity| severity.as_str() == wanted)
            .ok_or_else(|| crate::Error::UnknownSeverity(s.to_owned()))
    }
}

/// Which text a diagnostic's spans point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The posting text given to [`Linter::lint`](crate::Linter::lint).
    #[default]
    Text,
    /// The explicit title given to
    /// [`Linter::lint_posting`](crate::Linter::lint_posting), which is not part
    /// of the text.
    Title,
}

impl Origin {
    fn is_text(&self) -> bool {
        *self == Origin::Text
    }
}

/// A secondary span with a message: the evidence behind a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Byte range of the evidence.
    pub span: Span,
    /// What this piece of evidence shows.
    pub message: String,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// The bytes to replace.
    pub span: Span,
    /// What to put there.
    pub replacement: String,
}

/// A proposed fix: a set of non-overlapping edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// What the fix does, e.g. "rename the title to `ML Engineer`".
    pub message: String,
    /// The edits, in any order; they must not overlap.
    pub edits: Vec<Edit>,
}

impl Suggestion {
    /// Applies the edits to `text` and returns the result, or `None` when an
    /// edit is out of bounds, off a char boundary, or overlaps another.
    ///
    /// ```
    /// use jdlint::{Edit, Span, Suggestion};
    /// let fix = Suggestion {
    ///     message: "name one role".into(),
    ///     edits: vec![Edit { span: Span::new(0, 5), replacement: "ML".into() }],
    /// };
    /// assert_eq!(fix.apply("AI/ML Engineer").as_deref(), Some("ML Engineer"));
    /// ```
    #[must_use]
    pub fn apply(&self, text: &str) -> Option<String> {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        edits.sort_by_key(|edit| edit.span);
        let mut out = String::with_capacity(text.len());
        let mut cursor = 0;
        for edit in edits {
            if edit.span.start < cursor || edit.span.start > edit.span.end {
                return None;
            }
            out.push_str(text.get(cursor..edit.span.start)?);
            text.get(edit.span.start..edit.span.end)?;
            out.push_str(&edit.replacement);
            cursor = edit.span.end;
        }
        out.push_str(text.get(cursor..)?);
        Some(out)
    }
}

/// One finding of one rule.
///
/// Rules build diagnostics with [`Diagnostic::new`] and the builder methods;
/// the linter then sets the configured severity and the line/column positions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule's id, kebab-case (`ambiguous-role-title`).
    pub rule: String,
    /// The configured severity.
    pub severity: Severity,
    /// One sentence: what is wrong.
    pub message: String,
    /// The primary byte range.
    pub span: Span,
    /// Line and column of `span.start`.
    pub start: LineCol,
    /// Line and column of `span.end`.
    pub end: LineCol,
    /// Secondary spans: the evidence.
    pub labels: Vec<Label>,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// An edit that fixes it, when one can be proposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
    /// Which text the spans point into; omitted in JSON when it is the posting text.
    #[serde(default, skip_serializing_if = "Origin::is_text")]
    pub origin: Origin,
    /// Set by a rule when this finding is graver than the rule's usual one
    /// (an even three-way split of duties); the linter then raises the
    /// severity one level, unless the configuration sets the rule's level.
    /// Always `false` in a finished report.
    #[serde(skip)]
    pub escalate: bool,
}

impl Diagnostic {
    /// A diagnostic of `rule` at `span`. Severity and positions are filled in
    /// by the linter.
    ///
    /// ```
    /// use jdlint::{Diagnostic, Span};
    /// let diagnostic = Diagnostic::new("my-rule", Span::new(0, 4), "say what is wrong")
    ///     .with_label(Span::new(0, 2), "this part")
    ///     .with_help("say how to fix it");
    /// assert_eq!(diagnostic.labels.len(), 1);
    /// ```
    #[must_use]
    pub fn new(rule: impl Into<String>, span: Span, message: impl Into<String>) -> Self {
        Self {
            rule: rule.into(),
            severity: Severity::default(),
            message: message.into(),
            span,
            start: LineCol::default(),
            end: LineCol::default(),
            labels: Vec::new(),
            help: None,
            suggestion: None,
            origin: Origin::Text,
            escalate: false,
        }
    }

    /// Marks the finding as graver than usual (see [`Diagnostic::escalate`]).
    #[must_use]
    pub fn escalated(mut self) -> Self {
        self.escalate = true;
        self
    }

    /// Adds a label.
    #[must_use]
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the suggestion.
    #[must_use]
    pub fn with_suggestion(mut self, suggestion: Suggestion) -> Self {
        self.suggestion = Some(suggestion);
        self
    }

    /// Sets which text the spans point into.
    #[must_use]
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

/// The result of linting one posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The posting's title: the explicit one, or the first line when it looks
    /// like a title.
    pub title: Option<String>,
    /// Diagnostics sorted by position (origin, start, end, rule).
    pub diagnostics: Vec<Diagnostic>,
    /// Which role the posting describes, with the evidence.
    pub profile: RoleProfile,
    /// Suppression comments (`<!-- jdlint-disable ... -->`) that suppressed
    /// nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unused_suppressions: Vec<UnusedSuppression>,
}

/// A suppression comment that suppressed nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnusedSuppression {
    /// The comment, in the input.
    pub span: Span,
    /// Its 1-based line.
    pub line: usize,
    /// The rules it names (empty: all).
    pub rules: Vec<String>,
}

impl Report {
    /// The highest severity among the diagnostics, if any.
    #[must_use]
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// Diagnostics of one rule.
    pub fn by_rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a Diagnostic> + 'a {
        self.diagnostics.iter().filter(move |d| d.rule == rule)
    }

    /// True when some diagnostic has severity `error`.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.max_severity() == Some(Severity::Error)
    }
}
