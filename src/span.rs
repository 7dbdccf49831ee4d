//! Byte spans and line/column positions.

use serde::{Deserialize, Serialize};

/// A byte range `start..end` (end-exclusive) into a text.
///
/// Every span jdlint hands out lies on `char` boundaries of the text it was
/// made for, so `&text[span.start..span.end]` never panics.
///
/// ```
/// use jdlint::Span;
/// let text = "Senior AI/ML Engineer";
/// let span = Span::new(7, 12);
/// assert_eq!(span.text(text), Some("AI/ML"));
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end-exclusive).
    ///
    /// ```
    /// assert_eq!(jdlint::Span::new(2, 5).len(), 3);
    /// ```
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// An empty span at `offset`.
    #[must_use]
    pub const fn empty(offset: usize) -> Self {
        Self::new(offset, offset)
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    ///
    /// ```
    /// use jdlint::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 4)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text the span covers, or `None` when it is out of bounds or not on
    /// `char` boundaries of `text`.
    #[must_use]
    pub fn text(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// The smallest span that covers both `self` and `other`.
    ///
    /// ```
    /// use jdlint::Span;
    /// assert_eq!(Span::new(2, 4).cover(Span::new(6, 9)), Span::new(2, 9));
    /// ```
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Self::new(range.start, range.end)
    }
}

impl From<Span> for std::ops::Range<usize> {
    fn from(span: Span) -> Self {
        span.start..span.end
    }
}

/// A 1-based line and column; the column counts `char`s, not bytes.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column in `char`s, starting at 1.
    pub column: usize,
}
