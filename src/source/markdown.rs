//! Markdown → plain text, with pulldown-cmark's offset iterator (a byte
//! range of the input for every event).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Break, Builder, html};
use crate::span::Span;

/// Converts the whole of `builder.input` as CommonMark.
pub(super) fn convert(builder: &mut Builder<'_>) {
    let input = builder.input;
    let mut items = 0_usize;
    let mut quotes = 0_usize;
    let mut images = 0_usize;
    let mut in_html_block = false;
    let mut in_code_block = false;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut metadata = false;
    for (event, range) in Parser::new_ext(input, options).into_offset_iter() {
        let span = Span::new(range.start, range.end.max(range.start));
        if metadata {
            // Front matter is not text of the posting.
            metadata = !matches!(event, Event::End(TagEnd::MetadataBlock(_)));
            continue;
        }
        if images > 0 {
            // An image's alt text is not text of the posting.
            match event {
                Event::Start(Tag::Image { .. }) => images += 1,
                Event::End(TagEnd::Image) => images -= 1,
                _ => {}
            }
            continue;
        }
        // Inside a list item, blocks are joined with spaces so the item
        // stays one line.
        let block = if items > 0 {
            Break::Space
        } else {
            Break::Blank
        };
        let nested = if items > 0 {
            Break::Newline
        } else {
            Break::Blank
        };
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_))
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_))
            | Event::Rule => {
                builder.want(block, None);
                if matches!(event, Event::Start(Tag::Heading { .. })) && items == 0 {
                    builder.heading();
                }
                if matches!(event, Event::Start(Tag::BlockQuote(_))) {
                    quotes += 1;
                } else if matches!(event, Event::End(TagEnd::BlockQuote(_))) {
                    quotes = quotes.saturating_sub(1);
                }
            }
            Event::Start(Tag::CodeBlock(_)) | Event::End(TagEnd::CodeBlock) => {
                builder.want(nested, None);
                in_code_block = matches!(event, Event::Start(_));
            }
            Event::Start(Tag::List(_)) | Event::End(TagEnd::List(_)) => {
                builder.want(nested, None);
            }
            Event::Start(Tag::Item) => {
                items += 1;
                builder.want(Break::Newline, None);
                match marker_len(&input[span.start..]) {
                    Some(len) => builder.text("- ", Span::new(span.start, span.start + len)),
                    None => builder.insert("- ", span.start),
                }
            }
            Event::End(TagEnd::Item) => {
                items = items.saturating_sub(1);
                builder.want(Break::Newline, None);
            }
            Event::Start(Tag::HtmlBlock) => {
                builder.want(block, None);
                // Outside block quotes the block's range is its HTML as
                // written; inside one, its lines carry `>` markers, so each
                // line is read alone.
                if quotes == 0 {
                    html::convert(builder, span.start, span.end);
                    in_html_block = true;
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                in_html_block = false;
                builder.want(block, None);
            }
            Event::Html(_) if in_html_block => {}
            Event::Html(_) | Event::InlineHtml(_) => html::convert(builder, span.start, span.end),
            Event::Start(Tag::Image { .. }) => images = 1,
            Event::Start(Tag::MetadataBlock(_)) => metadata = true,
            Event::Start(Tag::Table(_)) | Event::End(TagEnd::Table) => builder.want(nested, None),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                builder.want(Break::Newline, None);
            }
            Event::Start(Tag::TableCell) => builder.want(Break::Space, None),
            Event::Text(text) if in_code_block => builder.text(&text, span),
            Event::Text(text) => builder.collapsed(&text, span),
            Event::Code(text) => builder.text(&text, span),
            Event::SoftBreak if items > 0 => builder.want(Break::Space, Some(span)),
            Event::SoftBreak | Event::HardBreak => builder.want(Break::Newline, None),
            _ => {}
        }
    }
}

/// Length of the list marker at the start of `s` (`-`, `*`, `+`, `1.`,
/// `1)`), with the space after it.
fn marker_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let len = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        _ => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if !(1..=9).contains(&digits) || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
    };
    Some(if bytes.get(len) == Some(&b' ') {
        len + 1
    } else {
        len
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check_invariants, original_of};
    use super::marker_len;
    use crate::source::{DirectiveKind, Format, Source};
    use crate::span::Span;

    fn md(input: &str) -> Source {
        let source = Source::new(input, Format::Markdown);
        check_invariants(input, &source);
        source
    }

    #[test]
    fn markers() {
        assert_eq!(marker_len("- a"), Some(2));
        assert_eq!(marker_len("*a"), Some(1));
        assert_eq!(marker_len("12. a"), Some(4));
        assert_eq!(marker_len("3) a"), Some(3));
        assert_eq!(marker_len("a"), None);
        assert_eq!(marker_len("1234567890. a"), None);
    }

    #[test]
    fn headings_get_one_marker() {
        let input = "# Senior ML Engineer\n## What you'll do\nShip *models* to production.\n\nRequirements\n---\n\n### **Nice to have**:\n";
        let source = md(input);
        assert_eq!(
            source.text(),
            "# Senior ML Engineer\n\n# What you'll do\n\nShip models to production.\n\n# Requirements\n\n# Nice to have:"
        );
        assert_eq!(
            original_of(&source, input, "What you'll do"),
            "What you'll do"
        );
        assert_eq!(original_of(&source, input, "Requirements"), "Requirements");
    }

    #[test]
    fn list_items_become_bullets() {
        let input = "Intro:\n* Deploy models\n  and monitor them\n* Own **MLOps**\n  1. nested item\n\n10. numbered\n";
        let source = md(input);
        assert_eq!(
            source.text(),
            "Intro:\n\n- Deploy models and monitor them\n- Own MLOps\n- nested item\n\n- numbered"
        );
        assert_eq!(
            original_of(&source, input, "Deploy models"),
            "Deploy models"
        );
        assert_eq!(original_of(&source, input, "nested item"), "nested item");
        // The marker maps to the marker as written.
        assert_eq!(original_of(&source, input, "- Deploy"), "* Deploy");
        assert_eq!(original_of(&source, input, "- numbered"), "10. numbered");
    }

    #[test]
    fn loose_items_stay_one_line() {
        let source = md("- one\n\n  more of one\n\n- two\n");
        assert_eq!(source.text(), "- one more of one\n- two");
    }

    #[test]
    fn soft_breaks_stay_line_breaks() {
        let input = "Requirements:\nPython and SQL\nwith **dbt**  \nhard break\n";
        let source = md(input);
        assert_eq!(
            source.text(),
            "Requirements:\nPython and SQL\nwith dbt\nhard break"
        );
    }

    #[test]
    fn bold_paragraphs_stand_alone() {
        let source =
            md("We build things.\n**Requirements**\n- Python\n\n__Benefits__\n\nHealth care.\n");
        assert_eq!(
            source.text(),
            "We build things.\nRequirements\n\n- Python\n\nBenefits\n\nHealth care."
        );
        let source = md("Intro.\n\n**Requirements**\n\n- Python\n");
        assert_eq!(source.text(), "Intro.\n\nRequirements\n\n- Python");
    }

    #[test]
    fn inline_markup_keeps_its_text() {
        let input =
            "Use [LangChain](https://x.dev) and `pgvector`, not \\*escaped\\* ![logo](l.png) text.";
        let source = md(input);
        assert_eq!(
            source.text(),
            "Use LangChain and pgvector, not *escaped* text."
        );
        assert_eq!(original_of(&source, input, "LangChain"), "LangChain");
        assert_eq!(original_of(&source, input, "pgvector"), "pgvector");
    }

    #[test]
    fn entities_and_multibyte_text() {
        let input = "Tom &amp; Jerry, Café résumé 🚀 &copy;\r\nnext\r\n";
        let source = md(input);
        assert_eq!(source.text(), "Tom & Jerry, Café résumé 🚀 ©\nnext");
        assert_eq!(original_of(&source, input, "&"), "&amp;");
        assert_eq!(original_of(&source, input, "©"), "&copy;");
        for word in ["Tom", "Jerry", "Café résumé", "🚀", "next"] {
            assert_eq!(original_of(&source, input, word), word);
        }
    }

    #[test]
    fn html_inside_markdown() {
        let input = "# Title\n\n<ul>\n<li>A &amp; B</li>\n</ul>\n\nText<br>more <!-- jdlint-disable x --> end\n";
        let source = md(input);
        assert_eq!(source.text(), "# Title\n\n- A & B\n\nText\nmore end");
        assert_eq!(original_of(&source, input, "&"), "&amp;");
        assert_eq!(source.directives().len(), 1);
        assert_eq!(source.directives()[0].line, 7);
    }

    #[test]
    fn directives_outside_code_only() {
        let input = "<!-- jdlint-disable -->\n\nText\n\n```\n<!-- jdlint-enable -->\n```\n\n<!-- jdlint-disable-next-line a, b -->\n- item\n";
        let source = md(input);
        let d = source.directives();
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].kind, d[0].line), (DirectiveKind::Disable, 1));
        assert!(d[0].rules.is_empty());
        assert_eq!((d[1].kind, d[1].line), (DirectiveKind::DisableNextLine, 9));
        assert_eq!(d[1].rules, ["a", "b"]);
        assert!(source.text().contains("<!-- jdlint-enable -->"));
    }

    #[test]
    fn tables_tasks_strikethrough_and_front_matter() {
        let input = "---\ntitle: Posting\n---\n\n| Level | Pay |\n|---|---|\n| Senior | $200k |\n\n- [x] ~~old~~ new\n";
        let source = md(input);
        assert_eq!(source.text(), "Level Pay\nSenior $200k\n\n- old new");
        assert_eq!(original_of(&source, input, "Senior"), "Senior");
    }

    #[test]
    fn code_blocks_and_quotes() {
        let source = md("Para\n\n```\nfn main() {}\n```\n\n> quoted\n> text\n\nafter\n");
        assert_eq!(
            source.text(),
            "Para\n\nfn main() {}\n\nquoted\ntext\n\nafter"
        );
    }

    #[test]
    fn empty_and_odd_inputs() {
        for input in [
            "",
            "\n",
            "#",
            "- ",
            "* * *",
            "<",
            "&",
            "\\",
            "> <div>\n> x\n> </div>",
            "[a]: b",
            "1.",
        ] {
            md(input);
        }
        assert_eq!(md("").to_original(Span::new(0, 0)), Span::empty(0));
    }
}
