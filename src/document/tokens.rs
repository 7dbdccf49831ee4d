//! Tokens with byte spans.
//!
//! Lines that are pure ASCII (almost all of a real posting) go through a
//! byte-level fast path; any other line goes through Unicode word boundaries
//! (UAX #29, `unicode-segmentation`). Both produce the same kinds of tokens and
//! the tokens of a text always cover it exactly, in order.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, digits, and the joiners inside a word (`you'll`, `3.5`, `node.js`).
    Word,
    /// Spaces, tabs and line breaks.
    Space,
    /// Any other single symbol.
    Punct,
}

/// One token: a kind and the bytes it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// The bytes of the token.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// True for [`TokenKind::Word`].
    #[must_use]
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Splits `text` into tokens covering it exactly.
///
/// ```
/// use jdlint::document::{tokenize, TokenKind};
/// let text = "You’ll ship RAG features.";
/// let words: Vec<&str> = tokenize(text)
///     .iter()
///     .filter(|t| t.kind == TokenKind::Word)
///     .map(|t| &text[t.span.start..t.span.end])
///     .collect();
/// assert_eq!(words, ["You’ll", "ship", "RAG", "features"]);
/// ```
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 3 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

/// Whether `word` is one of the ASCII `words`, whatever its case: compared
/// in place, with no lowercase copy.
pub(crate) fn is_one_of_caseless(words: &[&str], word: &str) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

pub(crate) fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i + 1);
        let line = &text[line_start..line_end];
        if line.is_ascii() {
            ascii_tokens(line.as_bytes(), line_start, tokens);
        } else if line.chars().all(is_simple) {
            simple_tokens(line, line_start, tokens);
        } else {
            unicode_tokens(line, line_start, tokens);
        }
        line_start = line_end;
    }
}

/// Unicode-aware tokenization through UAX #29 word boundaries, for any text.
/// Exposed for benchmarks and tests that compare it with the fast path.
#[doc(hidden)]
#[must_use]
pub fn tokenize_unicode(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 3 + 1);
    unicode_tokens(text, 0, &mut tokens);
    tokens
}

fn unicode_tokens(line: &str, offset: usize, tokens: &mut Vec<Token>) {
    for (start, segment) in line.split_word_bound_indices() {
        // `_` joins words (`snake_case`) and is a word char, as in the
        // fast paths and the matcher.
        let kind = if segment.chars().any(|c| c.is_alphanumeric() || c == '_') {
            TokenKind::Word
        } else if segment.chars().all(char::is_whitespace) {
            TokenKind::Space
        } else {
            TokenKind::Punct
        };
        let span = Span::new(offset + start, offset + start + segment.len());
        // UAX #29 keeps runs of some symbols together; split punctuation so
        // that both paths agree on "one symbol, one token".
        if kind == TokenKind::Punct && segment.chars().nth(1).is_some() {
            for (i, c) in segment.char_indices() {
                let start = span.start + i;
                tokens.push(Token {
                    span: Span::new(start, start + c.len_utf8()),
                    kind: TokenKind::Punct,
                });
            }
        } else {
            tokens.push(Token { span, kind });
        }
    }
}

/// Chars whose word-boundary behaviour is plain: Latin letters and the
/// typographic punctuation real postings are full of (bullets, curly quotes,
/// dashes, no-break spaces). A line made only of these takes the char-level
/// fast path; anything else (combining marks, joiners, other scripts, emoji)
/// goes through UAX #29.
fn is_simple(c: char) -> bool {
    matches!(c,
        '\0'..='\u{7f}'
        | '\u{a0}'..='\u{2ff}'
        | '\u{1e00}'..='\u{1eff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{20a0}'..='\u{20bf}'
        | '\u{2190}'..='\u{21ff}'
        | '\u{2500}'..='\u{25ff}'
        | '\u{2700}'..='\u{27bf}')
        && !matches!(c, '\u{ad}' | '\u{34f}')
}

fn char_kind(c: char) -> TokenKind {
    if c.is_alphanumeric() || c == '_' {
        TokenKind::Word
    } else if c.is_whitespace() {
        TokenKind::Space
    } else {
        TokenKind::Punct
    }
}

/// The char-level fast path for lines of [`is_simple`] chars: bytes below
/// 0x80 are classified directly, others are decoded one char at a time.
fn simple_tokens(line: &str, offset: usize, tokens: &mut Vec<Token>) {
    let bytes = line.as_bytes();
    // The char at byte `i` and its length.
    let at = |i: usize| -> (char, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b as char, 1)
        } else {
            let c = line[i..].chars().next().unwrap_or('\u{fffd}');
            (c, c.len_utf8())
        }
    };
    let kind_at = |i: usize| char_kind(at(i).0);
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let (c, len) = at(i);
        let kind = char_kind(c);
        i += len;
        match kind {
            TokenKind::Word => loop {
                while i < bytes.len() && kind_at(i) == TokenKind::Word {
                    i += at(i).1;
                }
                if i >= bytes.len() {
                    break;
                }
                let (joiner, joiner_len) = at(i);
                let next = i + joiner_len;
                let joins = next < bytes.len()
                    && kind_at(next) == TokenKind::Word
                    && match joiner {
                        '\'' | '.' | '\u{2019}' => true,
                        ',' | ';' => bytes[i - 1].is_ascii_digit() && bytes[next].is_ascii_digit(),
                        _ => false,
                    };
                if joins {
                    i = next;
                } else {
                    break;
                }
            },
            TokenKind::Space => {
                if c == '\r' && bytes.get(i) == Some(&b'\n') {
                    i += 1;
                } else if c != '\n' && c != '\r' {
                    while i < bytes.len() {
                        let (n, n_len) = at(i);
                        if !n.is_whitespace() || n == '\n' || n == '\r' {
                            break;
                        }
                        i += n_len;
                    }
                }
            }
            TokenKind::Punct => {}
        }
        tokens.push(Token {
            span: Span::new(offset + start, offset + i),
            kind,
        });
    }
}

/// Whether an ASCII byte is a word byte (`[A-Za-z0-9_]`), as the tokenizer
/// reads it; the structure's byte fast paths read it the same way.
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn ascii_tokens(bytes: &[u8], offset: usize, tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let kind = if is_word_byte(b) {
            i += 1;
            loop {
                while i < bytes.len() && is_word_byte(bytes[i]) {
                    i += 1;
                }
                // Joiners inside a word, as UAX #29 treats them: `you'll`,
                // `e.g`, `3.5`, `1,000`.
                let joins = i + 1 < bytes.len()
                    && is_word_byte(bytes[i + 1])
                    && match bytes[i] {
                        b'\'' | b'.' => true,
                        b',' | b';' => {
                            bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit()
                        }
                        _ => false,
                    };
                if joins {
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else if b.is_ascii_whitespace() {
            // `\r\n` and runs of spaces stay one token; a newline ends a run
            // of spaces, as in UAX #29.
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 2;
            } else if b == b'\n' || b == b'\r' {
                i += 1;
            } else {
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\x0b' | b'\x0c') {
                    i += 1;
                }
            }
            TokenKind::Space
        } else {
            i += 1;
            TokenKind::Punct
        };
        tokens.push(Token {
            span: Span::new(offset + start, offset + i),
            kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .filter(Token::is_word)
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn ascii_words_keep_inner_joiners() {
        assert_eq!(
            words("You'll use node.js, e.g. 3.5 or 1,000 GPUs (A/B)."),
            [
                "You'll", "use", "node.js", "e.g", "3.5", "or", "1,000", "GPUs", "A", "B"
            ]
        );
    }

    #[test]
    fn fast_path_and_unicode_agree_on_words() {
        let text = "Build RAG pipelines; own the model in production. We're hiring 3 ML engineers!\r\n  - Ship LLM-powered features (cost, latency) with feature_flags _ and __init__.";
        let fast: Vec<_> = tokenize(text).into_iter().filter(Token::is_word).collect();
        let slow: Vec<_> = tokenize_unicode(text)
            .into_iter()
            .filter(Token::is_word)
            .collect();
        assert_eq!(fast, slow);
    }

    #[test]
    fn simple_path_and_unicode_agree_on_words() {
        let text = "• You’ll own “résumé” screening – naïve 3.5 café\u{a0}menu…";
        assert!(text.chars().all(is_simple));
        let fast: Vec<_> = tokenize(text).into_iter().filter(Token::is_word).collect();
        let slow: Vec<_> = tokenize_unicode(text)
            .into_iter()
            .filter(Token::is_word)
            .collect();
        assert_eq!(fast, slow);
    }

    #[test]
    fn tokens_cover_text_in_order() {
        let text = "Café – naïve résumé 🚀 ML\u{200d}Ops\r\nnext\rline";
        let tokens = tokenize(text);
        let mut cursor = 0;
        for token in &tokens {
            assert_eq!(token.span.start, cursor);
            assert!(token.span.end > token.span.start);
            cursor = token.span.end;
        }
        assert_eq!(cursor, text.len());
        assert!(words(text).contains(&"résumé"));
    }
}
