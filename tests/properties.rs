//! Property tests: whatever the input, tokens cover it in order and every span
//! jdlint hands out lies on char boundaries inside it.

use jdlint::document::{Document, TokenKind, tokenize};
use jdlint::{Linter, Origin};
use proptest::prelude::*;

/// Text that mixes posting vocabulary, structure and hostile characters.
fn posting_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("AI/ML Engineer".to_owned()),
        Just("Data Scientist".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\n\n".to_owned()),
        Just("- ".to_owned()),
        Just("• ".to_owned()),
        Just("## ".to_owned()),
        Just("What you’ll do:".to_owned()),
        Just("Requirements".to_owned()),
        Just("RAG pipelines".to_owned()),
        Just("deploy models to production".to_owned()),
        Just("no prior LLM experience required. ".to_owned()),
        Just("équipe naïve 🚀 ".to_owned()),
        Just("\u{200d}\u{0301}\u{202e}".to_owned()),
        Just("\0\u{7}".to_owned()),
        Just(". ".to_owned()),
        Just(": ".to_owned()),
        "[a-zA-Z ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn assert_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what} {start}..{end} out of bounds"
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} not on char boundaries"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn tokens_cover_the_text_in_order(text in posting_like()) {
        let mut cursor = 0;
        for token in tokenize(&text) {
            prop_assert_eq!(token.span.start, cursor);
            prop_assert!(token.span.end > token.span.start);
            assert_span(&text, token.span.start, token.span.end, "token");
            if token.kind == TokenKind::Word {
                // A word has a letter, digit or `_` (the matcher's word chars).
                prop_assert!(text[token.span.start..token.span.end].chars().any(|c| c.is_alphanumeric() || c == '_'));
            }
            cursor = token.span.end;
        }
        prop_assert_eq!(cursor, text.len());
    }

    #[test]
    fn hits_blocks_and_sentences_lie_on_char_boundaries(text in posting_like()) {
        let linter = Linter::new();
        let doc = Document::parse(&text, linter.lexicon());
        for hit in doc.hits() {
            assert_span(&text, hit.span.start, hit.span.end, "hit");
        }
        for block in doc.blocks() {
            assert_span(&text, block.span.start, block.span.end, "block");
            prop_assert!(block.span.contains(block.content));
        }
        let mut last_end = 0;
        for sentence in doc.sentences() {
            assert_span(&text, sentence.span.start, sentence.span.end, "sentence");
            prop_assert!(sentence.span.start >= last_end, "sentences overlap");
            last_end = sentence.span.end;
        }
        for section in doc.sections() {
            assert_span(&text, section.span.start, section.span.end, "section");
        }
    }

    #[test]
    fn diagnostics_round_trip(text in posting_like(), title in posting_like()) {
        let linter = Linter::new();
        for (report, explicit) in [(linter.lint(&text), false), (linter.lint_posting(&title, &text), true)] {
            for evidence in &report.profile.evidence {
                assert_span(&text, evidence.span.start, evidence.span.end, "evidence");
            }
            for d in &report.diagnostics {
                let source = if explicit && d.origin == Origin::Title { &title } else { &text };
                assert_span(source, d.span.start, d.span.end, "diagnostic");
                for label in &d.labels {
                    assert_span(source, label.span.start, label.span.end, "label");
                }
                let lines = jdlint::document::LineIndex::new(source);
                prop_assert_eq!(d.start, lines.line_col(source, d.span.start));
                prop_assert_eq!(d.end, lines.line_col(source, d.span.end));
            }
        }
    }
}
