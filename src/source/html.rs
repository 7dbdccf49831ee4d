//! HTML → plain text, with html5gum's tokenizer (byte spans for every tag,
//! text run and comment; character references decoded).

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{Break, Builder, Comment};
use crate::span::Span;

/// Elements whose content is not text a reader sees.
const SKIPPED: &[&[u8]] = &[b"template", b"select", b"svg", b"math", b"object"];

/// Elements whose content the tokenizer reads as raw text up to the end
/// tag, and which a reader does not see. A browser ignores `/>` on them.
const SKIPPED_RAW: &[&[u8]] = &[
    b"script",
    b"style",
    b"title",
    b"noscript",
    b"iframe",
    b"noembed",
    b"noframes",
    b"textarea",
];

/// Elements that stand apart from their neighbours by a blank line.
const BLOCKS: &[&[u8]] = &[
    b"p",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"table",
    b"blockquote",
    b"pre",
    b"section",
    b"article",
    b"header",
    b"footer",
    b"main",
    b"aside",
    b"nav",
    b"figure",
    b"hr",
    b"address",
    b"form",
    b"fieldset",
    b"details",
    b"dl",
    b"hgroup",
];

/// Elements that start a new line.
const LINES: &[&[u8]] = &[
    b"div",
    b"dt",
    b"dd",
    b"tr",
    b"caption",
    b"figcaption",
    b"summary",
    b"legend",
    b"option",
    b"center",
    b"body",
    b"html",
    b"thead",
    b"tbody",
    b"tfoot",
];

/// An open list or list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    List,
    Item,
}

/// Converts the HTML in `builder.input[from..to]` (a whole file, or HTML
/// inside Markdown).
pub(super) fn convert(builder: &mut Builder<'_>, from: usize, to: usize) {
    let Some(html) = builder.input.get(from..to) else {
        return;
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let span_of = |span: html5gum::Span<usize>| {
        let start = from + span.start.min(html.len());
        Span::new(start, (from + span.end.min(html.len())).max(start))
    };
    // The element whose content is being dropped, and how deep in it we are.
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    let mut lists: Vec<Open> = Vec::new();
    let mut pre = 0_usize;
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let span = span_of(tag.span);
                let name: &[u8] = &tag.name;
                if let Some((skipped, depth)) = &mut skipping {
                    if name == skipped.as_slice() && !tag.self_closing {
                        *depth += 1;
                    }
                    continue;
                }
                if SKIPPED.contains(&name) || SKIPPED_RAW.contains(&name) {
                    if !tag.self_closing || SKIPPED_RAW.contains(&name) {
                        skipping = Some((name.to_vec(), 1));
                    }
                    continue;
                }
                let in_item = lists.last() == Some(&Open::Item);
                match name {
                    b"br" => builder.line_break(span),
                    b"ul" | b"ol" | b"menu" => {
                        builder.want(list_break(&lists), None);
                        lists.push(Open::List);
                    }
                    b"li" => {
                        // An open item of the same list ends here.
                        let list = lists.iter().rposition(|&o| o == Open::List);
                        lists.truncate(list.map_or(0, |at| at + 1));
                        lists.push(Open::Item);
                        builder.bullet();
                    }
                    b"td" | b"th" => builder.want(Break::Space, None),
                    _ => {
                        if name == b"pre" {
                            pre += 1;
                        }
                        block_break(builder, name, in_item);
                        if !in_item && matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6")
                        {
                            builder.heading();
                        }
                    }
                }
            }
            Token::EndTag(tag) => {
                let name: &[u8] = &tag.name;
                if let Some((skipped, depth)) = &mut skipping {
                    if name == skipped.as_slice() {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                        }
                    }
                    continue;
                }
                match name {
                    b"br" => builder.line_break(span_of(tag.span)),
                    b"ul" | b"ol" | b"menu" => {
                        if let Some(at) = lists.iter().rposition(|&o| o == Open::List) {
                            lists.truncate(at);
                        }
                        builder.want(list_break(&lists), None);
                    }
                    b"li" => {
                        if let Some(at) = lists.iter().rposition(|&o| o == Open::Item)
                            && !lists[at..].contains(&Open::List)
                        {
                            lists.truncate(at);
                        }
                        builder.want(Break::Newline, None);
                    }
                    b"td" | b"th" => builder.want(Break::Space, None),
                    _ => {
                        if name == b"pre" {
                            pre = pre.saturating_sub(1);
                        }
                        block_break(builder, name, lists.last() == Some(&Open::Item));
                    }
                }
            }
            Token::String(string) if skipping.is_none() => {
                let decoded = String::from_utf8_lossy(&string.value);
                let span = span_of(string.span);
                if pre > 0 {
                    builder.text(&decoded, span);
                } else {
                    builder.collapsed(&decoded, span);
                }
            }
            Token::Comment(comment) => {
                let span = span_of(comment.span);
                if builder.input[span.start..].starts_with("<!--") {
                    builder.comments.push(Comment {
                        span,
                        body: String::from_utf8_lossy(&comment.value).into_owned(),
                    });
                }
            }
            _ => {}
        }
    }
}

/// The break before and after a list: a blank line around a top-level list,
/// a line break around a nested one.
fn list_break(lists: &[Open]) -> Break {
    if lists.is_empty() {
        Break::Blank
    } else {
        Break::Newline
    }
}

/// The break a block element asks for; inside a list item, blocks are
/// joined with spaces so the item stays one line.
fn block_break(builder: &mut Builder<'_>, name: &[u8], in_item: bool) {
    let kind = if BLOCKS.contains(&name) {
        Break::Blank
    } else if LINES.contains(&name) {
        Break::Newline
    } else {
        return;
    };
    builder.want(if in_item { Break::Space } else { kind }, None);
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check_invariants, original_of};
    use crate::source::{DirectiveKind, Format, Source};
    use crate::span::Span;

    fn html(input: &str) -> Source {
        let source = Source::new(input, Format::Html);
        check_invariants(input, &source);
        source
    }

    #[test]
    fn headings_stand_alone_and_map_exactly() {
        let input = "<h1>ML Engineer</h1><p>We ship models.</p><h2>Requirements</h2><p>Python.</p>";
        let source = html(input);
        assert_eq!(
            source.text(),
            "# ML Engineer\n\nWe ship models.\n\n# Requirements\n\nPython."
        );
        let at = input.find("Requirements").unwrap();
        assert_eq!(original_of(&source, input, "Requirements"), "Requirements");
        let plain = source.text().find("Requirements").unwrap();
        assert_eq!(
            source.to_original(Span::new(plain, plain + 12)),
            Span::new(at, at + 12)
        );
    }

    #[test]
    fn list_items_become_bullets() {
        let input = "<ul>\n  <li>Deploy models</li>\n  <li>Own <b>MLOps</b>\n    <ul><li>nested item</li></ul>\n  </li>\n</ul>\n<ol><li>first</li></ol>";
        let source = html(input);
        assert_eq!(
            source.text(),
            "- Deploy models\n- Own MLOps\n- nested item\n\n- first"
        );
        assert_eq!(
            original_of(&source, input, "Deploy models"),
            "Deploy models"
        );
        assert_eq!(original_of(&source, input, "nested item"), "nested item");
        // The inserted marker maps to an empty span just before the item text.
        let span = source.to_original(Span::new(0, 2));
        assert_eq!(span, Span::empty(input.find("Deploy").unwrap()));
        // A bullet line maps from its item's text to its end.
        let span = source.to_original(Span::new(0, "- Deploy models".len()));
        assert_eq!(&input[span.start..span.end], "Deploy models");
        let source = html("<ul><li><p><em>Own</em> it</p></li><li></li><li><br>x</li></ul>");
        assert_eq!(source.text(), "- Own it\n- x");
        let span = source.to_original(Span::new(0, 8));
        assert_eq!(span, Span::new(15, 26));
    }

    #[test]
    fn unclosed_items_and_paragraphs_in_items() {
        let source = html("<ul><li>one<li><p>two</p><p>three</p></ul><p>after</p>");
        assert_eq!(source.text(), "- one\n- two three\n\nafter");
    }

    #[test]
    fn entities_are_decoded_and_map_to_the_whole_entity() {
        let input = "<p>Tom &amp; Jerry &lt;3 &#x1F680; caf&eacute;&nbsp;bar</p>";
        let source = html(input);
        assert_eq!(source.text(), "Tom & Jerry <3 🚀 café bar");
        assert_eq!(original_of(&source, input, "&"), "&amp;");
        assert_eq!(original_of(&source, input, "Jerry"), "Jerry");
        assert_eq!(original_of(&source, input, "🚀"), "&#x1F680;");
        assert_eq!(original_of(&source, input, "café"), "caf&eacute;");
        assert_eq!(
            original_of(&source, input, "Tom & Jerry"),
            "Tom &amp; Jerry"
        );
    }

    #[test]
    fn multibyte_text_maps_exactly() {
        let input = "<div>Café résumé 🚀 naïve</div>";
        let source = html(input);
        assert_eq!(source.text(), "Café résumé 🚀 naïve");
        for word in ["Café", "résumé", "🚀", "naïve", "é r"] {
            assert_eq!(original_of(&source, input, word), word);
        }
    }

    #[test]
    fn whitespace_collapses_and_br_breaks_lines() {
        let input = "<p>\n   Strong\r\n   Python   skills<br>and SQL<br/><br>Next</p>";
        let source = html(input);
        assert_eq!(source.text(), "Strong Python skills\nand SQL\n\nNext");
        assert_eq!(original_of(&source, input, "Python"), "Python");
        assert_eq!(
            original_of(&source, input, "Strong Python"),
            "Strong\r\n   Python"
        );
    }

    #[test]
    fn pre_keeps_its_lines() {
        let source = html("<p>a</p><pre>line one\n  line two</pre><p>b</p>");
        assert_eq!(source.text(), "a\n\nline one\n  line two\n\nb");
    }

    #[test]
    fn scripts_styles_comments_and_head_are_dropped() {
        let input = "<!DOCTYPE html><html><head><title>Ignored</title><style>p { color: red }</style>\
            <script>if (a < b) { document.write('<p>x</p>') }</script></head>\
            <body><!-- note --><h1>Data Scientist</h1><noscript>enable JS</noscript>\
            <p>Build <svg><text>chart</text></svg>dashboards<img src=x alt=logo>.</p></body></html>";
        let source = html(input);
        assert_eq!(source.text(), "# Data Scientist\n\nBuild dashboards.");
        let source = html("<p>a<script/>if (x<y) {}</script>b<svg/>c</p>");
        assert_eq!(source.text(), "abc");
    }

    #[test]
    fn bold_paragraphs_are_heading_lines() {
        let input = "<p>Intro.</p><p><strong>Requirements:</strong></p><ul><li>SQL</li></ul>";
        let source = html(input);
        assert_eq!(source.text(), "Intro.\n\nRequirements:\n\n- SQL");
    }

    #[test]
    fn table_cells_share_a_line() {
        let source = html(
            "<table><tr><th>Level</th><th>Pay</th></tr><tr><td>Senior</td><td>$200k</td></tr></table>",
        );
        assert_eq!(source.text(), "Level Pay\nSenior $200k");
    }

    #[test]
    fn directives_in_html() {
        let input = "<p>a</p>\n<!-- jdlint-disable wrong-role-competencies -->\n<ul><li>b</li></ul>\n<!--jdlint-enable-->\n<!-- ordinary -->";
        let source = html(input);
        let d = source.directives();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].kind, DirectiveKind::Disable);
        assert_eq!(d[0].rules, ["wrong-role-competencies"]);
        assert_eq!(d[0].line, 2);
        assert_eq!(
            &input[d[0].span.start..d[0].span.end],
            "<!-- jdlint-disable wrong-role-competencies -->"
        );
        assert_eq!(d[1].kind, DirectiveKind::Enable);
        assert_eq!(d[1].line, 4);
        assert!(!source.text().contains("jdlint"));
    }

    #[test]
    fn malformed_html_does_not_panic() {
        for input in [
            "",
            "<",
            "</",
            "<li",
            "<!--",
            "<!-- x",
            "&",
            "&#",
            "&#x;",
            "<p>&#99999999;</p>",
            "<ul><li><ul><li>deep</ul>",
            "</li></ul></p>",
            "<pre></pre></pre>",
            "<svg><svg></svg>x",
            "<script>never closed",
            "<script/>a</script>b",
            "a\u{0}b",
            "<p>\r\n\r\n</p>",
            "<br><br><br>",
            "<li>",
        ] {
            html(input);
        }
    }
}
