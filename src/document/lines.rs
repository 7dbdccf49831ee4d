//! Lines and the byte → line/column index.

use crate::span::{LineCol, Span};

/// Where each line starts, for turning byte offsets into 1-based line and
/// column numbers. Lines end at `\n`, `\r\n` or a lone `\r`.
///
/// ```
/// use jdlint::document::LineIndex;
/// use jdlint::LineCol;
/// let text = "Title\r\n\nnaïve line\rlast";
/// let index = LineIndex::new(text);
/// assert_eq!(index.len(), 4);
/// assert_eq!(index.line_col(text, text.find("line").unwrap()), LineCol { line: 3, column: 7 });
/// assert_eq!(index.line_col(text, text.find("last").unwrap()), LineCol { line: 4, column: 1 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// `starts[i]` is the byte where line `i` (0-based) starts.
    starts: Vec<usize>,
    /// `ends[i]` is the byte where line `i`'s content ends (before its terminator).
    ends: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        let mut ends = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(0);
        // Most texts end their lines with `\n` alone: one byte to look for.
        if memchr::memchr(b'\r', bytes).is_none() {
            for i in memchr::memchr_iter(b'\n', bytes) {
                ends.push(i);
                starts.push(i + 1);
            }
            ends.push(bytes.len());
            return Self { starts, ends };
        }
        let mut skip_lf_at = usize::MAX;
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if i == skip_lf_at {
                continue;
            }
            ends.push(i);
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                skip_lf_at = i + 1;
                starts.push(i + 2);
            } else {
                starts.push(i + 1);
            }
        }
        ends.push(bytes.len());
        Self { starts, ends }
    }

    /// Number of lines (a text always has at least one, possibly empty).
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Always false: even an empty text has one (empty) line.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The content of line `index` (0-based), without its terminator.
    #[must_use]
    pub fn line(&self, index: usize) -> Option<Span> {
        Some(Span::new(*self.starts.get(index)?, *self.ends.get(index)?))
    }

    /// Every line's content span, in order.
    pub fn spans(&self) -> impl ExactSizeIterator<Item = Span> + '_ {
        self.starts
            .iter()
            .zip(&self.ends)
            .map(|(&start, &end)| Span::new(start, end))
    }

    /// The 0-based index of the line holding byte `offset`.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// 1-based line and column (in chars) of byte `offset` in `text`, the text
    /// this index was built for. An offset inside a char counts as that char;
    /// an offset past the end is clamped to the end.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = text.as_bytes()[start..offset]
            .iter()
            .filter(|&&b| !is_utf8_continuation(b))
            .count();
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }
}

fn is_utf8_continuation(byte: u8) -> bool {
    byte & 0b1100_0000 == 0b1000_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_terminator_kind_ends_a_line() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        let lines: Vec<&str> = index.spans().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(lines, ["a", "b", "c", "d"]);
    }

    #[test]
    fn trailing_newline_gives_an_empty_last_line() {
        let index = LineIndex::new("a\n");
        assert_eq!(index.len(), 2);
        assert_eq!(index.line(1), Some(Span::new(2, 2)));
    }

    #[test]
    fn columns_count_chars() {
        let text = "é🚀x";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, text.find('x').unwrap()).column, 3);
        assert_eq!(index.line_col(text, text.len()).column, 4);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
    }
}
