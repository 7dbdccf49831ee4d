//! Blocks, sentences and sections from lines, tokens and heading hits.

use super::lines::LineIndex;
use super::tokens::is_word_byte;
use super::{Block, BlockKind, Section, SectionKind, Sentence};
use crate::lexicon::{Hit, Lexicon};
use crate::span::Span;

/// A boilerplate phrase re-labels its whole block when the block is at most
/// this long; in longer blocks (run-together postings) only its sentence.
const BOILERPLATE_BLOCK_LIMIT: usize = 1500;
/// Longest line that can be a heading, in bytes.
const HEADING_MAX_BYTES: usize = 90;
/// Most words a heading can have.
const HEADING_MAX_WORDS: usize = 10;

pub(super) struct Structure {
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub sections: Vec<Section>,
    pub title: Option<Span>,
}

/// How a heading line says what follows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum HeadingStrength {
    /// `# Heading`, ALL CAPS, or `Title Case:` — starts a section even when
    /// the words are unknown.
    Strong,
    /// A short Title Case line, or a sentence ending in `:` — a sub-heading
    /// unless its words name a section.
    Weak,
}

struct PendingHeading {
    block: usize,
    section: Option<SectionKind>,
    strength: HeadingStrength,
}

/// Heading phrases found in the text, by start: the first (longest) at each.
pub(super) struct HeadingHits(Vec<(Span, SectionKind)>);

impl HeadingHits {
    fn get(&self, start: usize) -> Option<(Span, SectionKind)> {
        self.first_from(start)
            .filter(|(span, _)| span.start == start)
    }

    /// The first heading phrase that starts at or after `start`.
    fn first_from(&self, start: usize) -> Option<(Span, SectionKind)> {
        let i = self.0.partition_point(|(span, _)| span.start < start);
        self.0.get(i).copied()
    }
}

/// The indexes in `hits` of the hits of the kinds the structure reads, each
/// in order.
pub(super) struct StructureHits<'h> {
    pub headings: &'h [u32],
    pub boilerplate: &'h [u32],
    pub job_board: &'h [u32],
    pub job_cues: &'h [u32],
    pub hire_address: &'h [u32],
    pub duty_verbs: &'h [u32],
    pub company_cues: &'h [u32],
}

pub(super) fn analyse(
    text: &str,
    lines: &LineIndex,
    hits: &[Hit],
    kinds: &StructureHits<'_>,
    lexicon: &Lexicon,
    detect_title: bool,
) -> Structure {
    let section_of = |&i: &u32| {
        let hit = hits[i as usize];
        lexicon
            .entry(hit.entry)
            .group
            .section
            .map(|s| (hit.span, s))
    };
    let mut heading_hits: Vec<(Span, SectionKind)> =
        kinds.headings.iter().filter_map(section_of).collect();
    heading_hits.dedup_by_key(|(span, _)| span.start);
    let heading_hits = HeadingHits(heading_hits);
    let boilerplate_hits: Vec<(Span, SectionKind)> =
        kinds.boilerplate.iter().filter_map(section_of).collect();

    // A block per line at most, but for the rare "Heading: text" line that
    // is two: sized once, where growing it block by block copied it again
    // and again.
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    let mut headings: Vec<PendingHeading> = Vec::new();
    let mut title = None;
    let mut seen_content = false;
    let mut previous_blank = true;
    // Each line is trimmed once: the next line's trimmed span is peeked.
    let mut trimmed_lines = lines.spans().map(|line| trim(text, line)).peekable();
    while let Some(trimmed) = trimmed_lines.next() {
        if trimmed.is_empty() {
            previous_blank = true;
            continue;
        }
        let next_blank = trimmed_lines.peek().is_none_or(|next| next.is_empty());
        let first = !seen_content;
        seen_content = true;
        let raw = &text[trimmed.start..trimmed.end];

        if first && detect_title {
            // `# Senior Data Scientist` (Markdown, or HTML's <h1>) is a title too.
            let candidate = markdown_heading(text, trimmed).unwrap_or(trimmed);
            if looks_like_title(&text[candidate.start..candidate.end])
                && known_heading(text, &heading_hits, candidate).is_none()
            {
                title = Some(candidate);
                blocks.push(block(BlockKind::Title, trimmed, candidate));
                previous_blank = false;
                continue;
            }
        }

        if let Some(content) = markdown_heading(text, trimmed) {
            let section = known_heading(text, &heading_hits, content).map(|(_, s)| s);
            headings.push(PendingHeading {
                block: blocks.len(),
                section,
                strength: HeadingStrength::Strong,
            });
            blocks.push(block(BlockKind::Heading, trimmed, content));
        } else if let Some(content_start) = bullet_content(raw) {
            let content = Span::new(trimmed.start + content_start, trimmed.end);
            // "* What will you be doing in this role?" over more items: a
            // heading a scrape turned into a list item.
            let items_follow = trimmed_lines
                .peek()
                .is_some_and(|next| bullet_content(&text[next.start..next.end]).is_some());
            match items_follow
                .then(|| bullet_heading(text, content, &heading_hits))
                .flatten()
            {
                Some((heading, section)) => {
                    headings.push(PendingHeading {
                        block: blocks.len(),
                        section: Some(section),
                        strength: HeadingStrength::Strong,
                    });
                    blocks.push(block(BlockKind::Heading, trimmed, heading));
                }
                None => blocks.push(block(BlockKind::Bullet, trimmed, content)),
            }
        } else if let Some((content, strength)) =
            heading_line(text, trimmed, &heading_hits, previous_blank, next_blank)
        {
            let section = known_heading(text, &heading_hits, content)
                .map(|(_, s)| s)
                .or_else(|| employer_question(&text[content.start..content.end]));
            headings.push(PendingHeading {
                block: blocks.len(),
                section,
                strength,
            });
            blocks.push(block(BlockKind::Heading, trimmed, content));
        } else if let Some((heading, rest)) = inline_heading(text, trimmed, &heading_hits) {
            let section = known_heading(text, &heading_hits, heading).map(|(_, s)| s);
            headings.push(PendingHeading {
                block: blocks.len(),
                section,
                strength: HeadingStrength::Strong,
            });
            let heading_span = Span::new(trimmed.start, rest.start);
            blocks.push(block(BlockKind::Heading, trim(text, heading_span), heading));
            blocks.push(block(BlockKind::Paragraph, rest, rest));
        } else {
            match blocks.last_mut() {
                Some(last) if last.kind == BlockKind::Paragraph && !previous_blank => {
                    last.span.end = trimmed.end;
                    last.content.end = trimmed.end;
                }
                _ => blocks.push(block(BlockKind::Paragraph, trimmed, trimmed)),
            }
        }
        previous_blank = false;
    }

    let sections = assign_sections(text, &mut blocks, &headings);
    let mut sentences = split_sentences(text, &blocks);
    mark_company_paragraphs(
        text,
        (&mut blocks, &mut sentences),
        hits,
        (kinds.job_cues, kinds.company_cues),
        (kinds.hire_address, kinds.duty_verbs),
        &boilerplate_hits,
    );
    apply_boilerplate(&mut blocks, &mut sentences, &boilerplate_hits);
    if let Some(&first) = kinds.job_board.first() {
        mark_job_board(&mut blocks, &mut sentences, hits[first as usize].span);
    }
    Structure {
        blocks,
        sentences,
        sections,
        title,
    }
}

fn block(kind: BlockKind, span: Span, content: Span) -> Block {
    Block {
        kind,
        span,
        content,
        section: if kind == BlockKind::Title {
            SectionKind::Title
        } else {
            SectionKind::Summary
        },
    }
}

/// The span without leading/trailing whitespace (Unicode, including NBSP).
/// ASCII whitespace is skipped by byte; only a non-ASCII byte at either end
/// goes through `str::trim_start` / `str::trim_end`.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let mut start = span.start;
    while start < span.end && is_ascii_space(bytes[start]) {
        start += 1;
    }
    if start < span.end && !bytes[start].is_ascii() {
        let slice = &text[start..span.end];
        start += slice.len() - slice.trim_start().len();
    }
    let mut end = span.end;
    while end > start && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    if end > start && !bytes[end - 1].is_ascii() {
        let slice = &text[start..end];
        end -= slice.len() - slice.trim_end().len();
    }
    Span::new(start, end.max(start))
}

/// The ASCII bytes that are `char::is_whitespace` (`\t` to `\r` and space;
/// unlike `u8::is_ascii_whitespace`, vertical tab included).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    // `Sr. AI Engineer` is a title; `We are hiring. Join us` is not.
    let sentence_break = line.match_indices(". ").any(|(at, _)| {
        let word = line[..at]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        word.chars().count() > 3
    });
    !line.is_empty()
        && line.len() <= 150
        && words <= 16
        // `Machine Learning Engineer - Join a Scaleup!` is still a title.
        && !line.ends_with(['.', '?', ',', ';'])
        && !sentence_break
        && !line.contains("? ")
        && !line.contains("! ")
}

/// `# Heading` → the heading's content span.
fn markdown_heading(text: &str, trimmed: Span) -> Option<Span> {
    let raw = &text[trimmed.start..trimmed.end];
    let hashes = raw.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &raw[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let inner = trim(text, Span::new(trimmed.start + hashes, trimmed.end));
    Some(strip_decoration(text, inner))
}

/// Strips `**`, `__` and a trailing `:` from a heading's content.
fn strip_decoration(text: &str, span: Span) -> Span {
    let raw = &text[span.start..span.end];
    let start_trim = raw.len() - raw.trim_start_matches(['*', '_']).len();
    let inner = raw
        .trim_start_matches(['*', '_'])
        .trim_end_matches(['*', '_', ':', ' ', '\t']);
    let start = span.start + start_trim;
    trim(text, Span::new(start, start + inner.len()))
}

const BULLET_CHARS: &[char] = &[
    '•', '·', '◦', '▪', '▫', '‣', '○', '●', '■', '□', '➢', '➤', '►', '▶', '✓', '✔', '❖', '⁃', '–',
    '—', '→',
];

/// Byte offset of a list item's content inside the trimmed line, or `None`
/// when the line is not a list item.
fn bullet_content(raw: &str) -> Option<usize> {
    let mut chars = raw.char_indices();
    let (_, first) = chars.next()?;
    let after = |i: usize| raw[i..].len() - raw[i..].trim_start().len() + i;
    if BULLET_CHARS.contains(&first) {
        let i = first.len_utf8();
        return (i < raw.len()).then(|| after(i));
    }
    if matches!(first, '-' | '*' | '+') {
        // `- item`, `* item`; not `**bold**` or `-based`.
        return raw[1..].starts_with([' ', '\t']).then(|| after(1));
    }
    if first == 'o' && raw[1..].starts_with(' ') && raw[2..].starts_with(char::is_uppercase) {
        return Some(after(1));
    }
    // `1.`, `12)`, `a)` followed by a space.
    let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if digits > 0 && digits <= 3 {
        digits
    } else if raw.as_bytes()[0].is_ascii_lowercase() && raw.as_bytes().get(1) == Some(&b')') {
        1
    } else {
        return None;
    };
    match raw.as_bytes().get(marker) {
        Some(b'.' | b')') if raw[marker + 1..].starts_with([' ', '\t']) => Some(after(marker + 1)),
        _ => None,
    }
}

/// Words in a short span (a heading line), joiners kept inside words;
/// counting stops past `most` (a line with more words is no heading).
fn count_words(text: &str, span: Span, most: usize) -> usize {
    // A heading phrase may reach past the content (into a stripped `:`).
    let Some(inside) = text.get(span.start..span.end.max(span.start)) else {
        return 0;
    };
    let bytes = inside.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut at = 0;
    while at < bytes.len() && count <= most {
        let b = bytes[at];
        // An ASCII byte is its own char: no decoding but for other chars.
        let (c, word) = if b.is_ascii() {
            at += 1;
            (char::from(b), is_word_byte(b))
        } else {
            let c = inside[at..].chars().next().unwrap_or_default();
            at += c.len_utf8();
            (c, is_word_char(c))
        };
        if word {
            count += usize::from(!in_word);
            in_word = true;
        } else {
            let joiner = matches!(c, '\'' | '.' | '\u{2019}')
                && in_word
                && word_char_at(inside, at).is_some_and(|(_, _, word)| word);
            in_word = joiner;
        }
    }
    count
}

/// The char that starts at byte `at` of `text`, its length in bytes and
/// whether it is a word char ([`is_word_char`]); an ASCII byte is classified
/// without decoding.
fn word_char_at(text: &str, at: usize) -> Option<(char, usize, bool)> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some((char::from(b), 1, is_word_byte(b))),
        _ => text[at..]
            .chars()
            .next()
            .map(|c| (c, c.len_utf8(), is_word_char(c))),
    }
}

const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "you",
    "your", "we", "our", "us", "is", "are", "be", "will",
];

/// Whether `word` (any case) is in [`ABBREVIATIONS`]. A word longer than
/// the longest abbreviation is none, without a comparison.
fn is_abbreviation(word: &str) -> bool {
    word.len() <= ABBREVIATION_MAX_LEN
        && ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
}

/// The length in bytes of the longest of [`ABBREVIATIONS`].
const ABBREVIATION_MAX_LEN: usize = {
    let mut most = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > most {
            most = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    most
};

fn is_title_case(raw: &str) -> bool {
    let mut any = false;
    for word in raw.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let Some(first) = word.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() {
            continue;
        }
        any = true;
        if first.is_lowercase()
            && !MINOR_WORDS
                .iter()
                .any(|minor| minor.eq_ignore_ascii_case(word))
        {
            return false;
        }
    }
    any
}

fn is_all_caps(raw: &str) -> bool {
    if raw.is_ascii() {
        // One pass over the bytes: no lowercase letter, two letters or more.
        let mut letters = 0;
        for &b in raw.as_bytes() {
            if b.is_ascii_lowercase() {
                return false;
            }
            letters += usize::from(b.is_ascii_uppercase());
        }
        return letters >= 2;
    }
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !raw.chars().any(char::is_lowercase)
}

/// A whole line that is a heading → its content span and strength.
fn heading_line(
    text: &str,
    trimmed: Span,
    heading_hits: &HeadingHits,
    previous_blank: bool,
    next_blank: bool,
) -> Option<(Span, HeadingStrength)> {
    let raw = &text[trimmed.start..trimmed.end];
    if raw.len() > HEADING_MAX_BYTES {
        return None;
    }
    let content = strip_decoration(text, trimmed);
    if content.is_empty() {
        return None;
    }
    let inner = &text[content.start..content.end];
    // A line that ends like a sentence is no heading, known phrase or not:
    // decided before its words are counted.
    if inner.ends_with(['.', '!', ',', ';']) {
        return None;
    }
    let ends_colon = raw.trim_end_matches(['*', '_']).ends_with(':');
    let known = known_heading(text, heading_hits, content);
    // Each way below to be a heading needs one of these: a line with none
    // is a plain line, and its words need no counting.
    let may_be_heading = known.is_some()
        || ends_colon
        || inner.ends_with('?')
        || (previous_blank && !next_blank)
        || is_all_caps(inner);
    if !may_be_heading {
        return None;
    }
    // "Python/R\nSQL\nApache Airflow": an acronym alone between two lines
    // is an item of a list without markers, not an ALL CAPS heading.
    if known.is_none()
        && !previous_blank
        && !next_blank
        && inner.len() <= 4
        && !inner.ends_with([':', '?'])
        && !inner.contains(char::is_whitespace)
    {
        return None;
    }
    let words = count_words(text, content, HEADING_MAX_WORDS);
    if words == 0 || words > HEADING_MAX_WORDS {
        return None;
    }
    if let Some((hit, _)) = known {
        // A known heading phrase with at most a few words around it.
        let extra = count_words(text, Span::new(hit.end, content.end), 3);
        if extra <= 3 || ends_colon {
            return Some((content, HeadingStrength::Strong));
        }
    }
    if is_all_caps(inner) || inner.ends_with('?') {
        // A short line of its own that asks a question is a heading: "What
        // Is the Opportunity?", "What does the day-to-day look like?".
        return Some((content, HeadingStrength::Strong));
    }
    if ends_colon {
        let strength = if is_title_case(inner) {
            HeadingStrength::Strong
        } else {
            HeadingStrength::Weak
        };
        return Some((content, strength));
    }
    if words <= 6 && is_title_case(inner) && previous_blank && !next_blank {
        return Some((content, HeadingStrength::Weak));
    }
    None
}

/// A list item that is a whole heading ("* Responsibilities", "* What will
/// you be doing in this role?") → its content and section: a known heading
/// phrase alone, or with at most three words after it when the item ends in
/// `?` or `:`. "* Requirements gathering with stakeholders" is a duty.
fn bullet_heading(
    text: &str,
    content: Span,
    heading_hits: &HeadingHits,
) -> Option<(Span, SectionKind)> {
    let raw = &text[content.start..content.end];
    if raw.len() > HEADING_MAX_BYTES {
        return None;
    }
    let heading = strip_decoration(text, content);
    if text[heading.start..heading.end].ends_with(['.', '!', ',', ';']) {
        return None;
    }
    let (hit, section) = known_heading(text, heading_hits, heading)?;
    // One word alone is as often an item ("- Bonus" among benefits), and
    // one word with more after it a quality ("4. Team player:").
    let phrase_words = count_words(text, hit, 1);
    let asks = raw.trim_end_matches(['*', '_', ' ']).ends_with(['?', ':']);
    let most = if asks && phrase_words > 1 { 3 } else { 0 };
    let extra = count_words(text, Span::new(hit.end, heading.end), most);
    let words = count_words(text, heading, 1);
    (extra <= most && (asks || words > 1)).then_some((heading, section))
}

/// Words a heading may start with before the words that name its section:
/// "The Benefits", "Your Responsibilities", "Key Qualifications".
const HEADING_LEAD_WORDS: &[&str] = &[
    "the",
    "our",
    "your",
    "key",
    "main",
    "primary",
    "core",
    "general",
    "essential",
    "major",
    "overall",
    "job",
    "position",
    "role",
    "candidate",
    "basic",
    "minimum",
];

/// The heading phrase at the start of `span`, or after one lead word.
fn known_heading(
    text: &str,
    heading_hits: &HeadingHits,
    span: Span,
) -> Option<(Span, SectionKind)> {
    // A heading phrase can start only at the span's start or after its
    // first word and the space after it, so within the span: most lines
    // have no heading phrase there, and need no look at their first word.
    match heading_hits.first_from(span.start) {
        Some(found) if found.0.start == span.start => return Some(found),
        Some((hit, _)) if hit.start <= span.end => {}
        _ => return None,
    }
    let raw = &text[span.start..span.end];
    let first = raw.split(|c: char| !c.is_alphanumeric()).next()?;
    if !HEADING_LEAD_WORDS
        .iter()
        .any(|word| word.eq_ignore_ascii_case(first))
    {
        return None;
    }
    let rest = &raw[first.len()..];
    let skipped = first.len() + (rest.len() - rest.trim_start().len());
    heading_hits.get(span.start + skipped)
}

/// "Why Acme?", "Why join Acme?", "Who is Acme?": a question heading about
/// the employer, which no phrase list can name. Company text.
fn employer_question(heading: &str) -> Option<SectionKind> {
    let lower = heading.trim_end().to_ascii_lowercase();
    let asks = lower.ends_with('?') && (lower.starts_with("why ") || lower.starts_with("who is "));
    asks.then_some(SectionKind::Company)
}

/// `Responsibilities: Build ...` → (heading content, rest of the line).
fn inline_heading(text: &str, trimmed: Span, heading_hits: &HeadingHits) -> Option<(Span, Span)> {
    let (hit, _) = known_heading(text, heading_hits, trimmed)?;
    let after = &text[hit.end..trimmed.end];
    let colon = after.len() - after.trim_start_matches([' ', '*', '_']).len();
    if !after[colon..].starts_with(':') {
        return None;
    }
    let rest = trim(text, Span::new(hit.end + colon + 1, trimmed.end));
    (!rest.is_empty()).then_some((hit, rest))
}

fn assign_sections(text: &str, blocks: &mut [Block], headings: &[PendingHeading]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut heading_iter = headings.iter().peekable();
    let mut current = SectionKind::Summary;
    for (index, block) in blocks.iter_mut().enumerate() {
        if block.kind == BlockKind::Title {
            continue;
        }
        let heading = heading_iter.next_if(|h| h.block == index);
        let starts = match heading {
            Some(PendingHeading {
                section: Some(kind),
                ..
            }) => Some(*kind),
            Some(PendingHeading {
                strength: HeadingStrength::Strong,
                ..
            }) if current != SectionKind::Summary => Some(SectionKind::Other),
            _ => None,
        };
        match starts {
            Some(kind) => {
                current = kind;
                sections.push(Section {
                    kind,
                    heading: Some(block.content),
                    span: Span::new(block.span.start, block.span.end),
                });
            }
            None if sections.is_empty() => sections.push(Section {
                kind: current,
                heading: None,
                span: block.span,
            }),
            None => {}
        }
        block.section = current;
        if let Some(last) = sections.last_mut() {
            last.span.end = block.span.end;
        }
    }
    // Each section runs to the start of the next one; the last to the end.
    for i in 0..sections.len() {
        sections[i].span.end = match sections.get(i + 1) {
            Some(next) => next.span.start,
            None => text.len(),
        };
    }
    sections
}

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "etc", "vs", "sr", "jr", "mr", "ms", "mrs", "dr", "inc", "ltd", "co",
    "corp", "no", "u.s", "approx", "incl", "dept", "st", "ph.d", "m.s", "b.s", "m.sc", "b.sc",
    "fig", "al",
];

/// Whether the full stop at `dot` ends a sentence that a scrape ran into the
/// next ("... hosted LLMs.Experience with ..."): a letter and a lower-case
/// letter before it ("LLMs.", not "e.g." or "U.S."), a capital and a
/// lower-case letter after it ("Experience", not "node.JS").
fn ran_together(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    bytes.get(dot) == Some(&b'.')
        && dot >= 2
        && bytes[dot - 1].is_ascii_lowercase()
        && bytes[dot - 2].is_ascii_alphabetic()
        && bytes.get(dot + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(dot + 2).is_some_and(u8::is_ascii_lowercase)
}

/// Where the bullets that a scrape ran into one line start (`" * "` after a
/// stop, a comma, a semicolon or a colon, before a capital: "... for the
/// future., * Design the UI"): the offset of the space before each star.
fn run_bullets(slice: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = slice.as_bytes();
    // Found from the stars (memchr: most items have none).
    memchr::memchr_iter(b'*', bytes).filter_map(move |star| {
        let at = star.checked_sub(1)?;
        (bytes[at] == b' '
            && bytes.get(star + 1) == Some(&b' ')
            && slice[..at].ends_with(['.', ',', ';', ':'])
            && slice[star + 2..].starts_with(char::is_uppercase))
        .then_some(at)
    })
}

/// Splits `items` where a scrape ran bullets into one line ("... for the
/// future., * Design the UI"): each piece is an item of its own. (A full
/// stop a scrape ran into the next sentence, "LLMs.Experience", is a
/// sentence end [`split_sentences`] finds with the others: see
/// [`ran_together`].)
fn split_run_bullets(text: &str, items: &mut Vec<Span>) {
    let mut i = 0;
    while i < items.len() {
        let span = items[i];
        let mut cuts = run_bullets(&text[span.start..span.end]).peekable();
        if cuts.peek().is_none() {
            i += 1;
            continue;
        }
        let mut pieces = Vec::new();
        let mut start = span.start;
        for at in cuts {
            pieces.push(Span::new(start, span.start + at));
            start = span.start + at + 3;
        }
        pieces.push(Span::new(start, span.end));
        let added = pieces.len();
        items.splice(i..=i, pieces);
        i += added;
    }
}

fn split_sentences(text: &str, blocks: &[Block]) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(blocks.len() * 2);
    // The items of the block at hand (see [`list_items`]), reused.
    let mut items: Vec<Span> = Vec::new();
    // A text without an ellipsis has only ASCII stops: they are found in one
    // pass over the whole text, read block by block (blocks come in order and
    // do not overlap). Otherwise each block is searched by itself.
    let mut text_stops = (!has_ellipsis(text.as_bytes()))
        .then(|| memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()).peekable());
    // Bullets run into one line are looked for only in a text with a star.
    let has_star = memchr::memchr(b'*', text.as_bytes()).is_some();
    for (index, block) in blocks.iter().enumerate() {
        let span = block.content;
        let mut push = |start: usize, end: usize| {
            let sentence = trim(text, Span::new(start, end));
            if !sentence.is_empty() {
                sentences.push(Sentence {
                    span: sentence,
                    block: index,
                    section: block.section,
                });
            }
        };
        if matches!(block.kind, BlockKind::Title | BlockKind::Heading) {
            push(block.span.start, block.span.end);
            continue;
        }
        // A paragraph's lines are in order: each is split at its stops
        // after the one before.
        items.clear();
        if block.kind == BlockKind::Paragraph {
            list_items(text, span, &mut items);
        } else {
            items.push(span);
        }
        if has_star {
            split_run_bullets(text, &mut items);
        }
        for &span in &items {
            let inside = &text[span.start..span.end];
            let mut start = span.start;
            let stops = match text_stops.as_mut() {
                Some(found) => {
                    while found.next_if(|&at| at < span.start).is_some() {}
                    Stops::Ascii(found, span)
                }
                None => stops(inside),
            };
            for (i, after) in stops {
                // One that a scrape ran into the next sentence ends it
                // ("LLMs.Experience").
                if ran_together(text, span.start + i) {
                    push(start, span.start + after);
                    start = span.start + after;
                    continue;
                }
                // A full stop ends a sentence only before a space (or the end):
                // `3.5`, `node.js` and `e.g.,` go on.
                if word_char_at(inside, after).is_some_and(|(n, _, _)| !n.is_whitespace()) {
                    continue;
                }
                let before = &inside[..i];
                if before.chars().next_back().is_some_and(is_word_char) {
                    let word = last_word(before);
                    if is_abbreviation(word) || word.chars().count() == 1 {
                        continue;
                    }
                }
                // "... e.g. the model" and other stops before a lowercase word
                // are not sentence ends.
                if inside[after..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                {
                    continue;
                }
                push(start, span.start + after);
                start = span.start + after;
            }
            push(start, span.end);
        }
    }
    sentences
}

/// Last words of a line that carry its sentence on to the next line
/// ("... experience with\nPython and SQL").
const CONTINUING_WORDS: &[&str] = &[
    "and",
    "or",
    "of",
    "the",
    "to",
    "with",
    "for",
    "in",
    "a",
    "an",
    "by",
    "on",
    "as",
    "at",
    "from",
    "that",
    "which",
    "our",
    "your",
    "such",
    "including",
    "like",
    "into",
    "is",
    "are",
    "be",
];

/// Pushes onto `items` the items of a paragraph whose lines are a list
/// without markers: a line that ends without sentence punctuation, followed
/// by a line that starts with a capital letter or a digit, ends an item ("Automate model
/// training and deployment\nStay current with new research" are two
/// duties, not one sentence). A line that ends on a comma, a joiner or a
/// word that carries the sentence on ("with", "and"), or a next line that
/// starts in lowercase, is prose wrapped across lines: it goes on.
fn list_items(text: &str, span: Span, items: &mut Vec<Span>) {
    let mut start = span.start;
    let inside = &text[span.start..span.end];
    for at in memchr::memchr_iter(b'\n', inside.as_bytes()) {
        let before = inside[..at].trim_end();
        let after = inside[at + 1..].trim_start();
        let ends_open = before.chars().next_back().is_none_or(|c| {
            matches!(
                c,
                ',' | '-' | '/' | '&' | '(' | '+' | '.' | '!' | '?' | ':' | ';'
            )
        }) || {
            // Found once, not once per continuing word.
            let last = last_word(before);
            CONTINUING_WORDS
                .iter()
                .any(|w| last.eq_ignore_ascii_case(w))
        };
        let starts_item = after
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !ends_open && starts_item {
            items.push(Span::new(start, span.start + at));
            start = span.start + at + 1;
        }
    }
    items.push(Span::new(start, span.end));
}

const ELLIPSIS: &str = "…";

/// Where `.`, `!`, `?` and `…` are in `text`: (start, end) byte offsets of
/// each. Found by byte (memchr), not by decoding chars, unless the text has
/// an ellipsis (looked for only at the bytes that can start one).
fn stops(text: &str) -> Stops<'_, '_> {
    let bytes = text.as_bytes();
    if has_ellipsis(bytes) {
        Stops::Chars(text.char_indices())
    } else {
        Stops::Bytes(memchr::memchr3_iter(b'.', b'!', b'?', bytes))
    }
}

/// Whether `bytes` hold an ellipsis, looked for only at the bytes that can
/// start one.
fn has_ellipsis(bytes: &[u8]) -> bool {
    let ellipsis = ELLIPSIS.as_bytes();
    memchr::memchr_iter(ellipsis[0], bytes).any(|i| bytes[i..].starts_with(ellipsis))
}

/// The iterator of [`stops`].
enum Stops<'a, 'f> {
    /// A text without an ellipsis: its ASCII stops, by byte.
    Bytes(memchr::Memchr3<'a>),
    /// A text with one: every char, filtered.
    Chars(std::str::CharIndices<'a>),
    /// The ASCII stops of a whole text without an ellipsis, from where the
    /// iterator stands up to the end of a span: the span's stops, relative
    /// to its start.
    Ascii(&'f mut std::iter::Peekable<memchr::Memchr3<'a>>, Span),
}

impl Iterator for Stops<'_, '_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            Stops::Bytes(found) => found.next().map(|i| (i, i + 1)),
            Stops::Chars(chars) => chars
                .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '…'))
                .map(|(i, c)| (i, i + c.len_utf8())),
            Stops::Ascii(found, span) => found
                .next_if(|&at| at < span.end)
                .map(|at| (at - span.start, at - span.start + 1)),
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The word that ends `before`, with the joiners a word keeps inside
/// (`e.g`, `U.S`, `you'll`), as the tokenizer sees it. Walks back by byte
/// while the bytes are ASCII; at the first other byte it leaves the walk to
/// [`last_word_unicode`].
fn last_word(before: &str) -> &str {
    let bytes = before.as_bytes();
    let mut start = bytes.len();
    while let Some(&b) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
        if !b.is_ascii() {
            return last_word_unicode(before);
        }
        if !is_word_byte(b) {
            // `'` and `.` join when a word char precedes them.
            let joined = matches!(b, b'\'' | b'.')
                && match start.checked_sub(2).map(|i| bytes[i]) {
                    Some(p) if !p.is_ascii() => return last_word_unicode(before),
                    Some(p) => is_word_byte(p),
                    None => false,
                };
            if !joined {
                break;
            }
        }
        start -= 1;
    }
    &before[start..]
}

/// [`last_word`] by chars, for a word with non-ASCII chars in or before it.
fn last_word_unicode(before: &str) -> &str {
    let mut start = before.len();
    let mut chars = before.char_indices().rev().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = matches!(c, '\'' | '.' | '\u{2019}')
            && start == i + c.len_utf8()
            && chars.peek().is_some_and(|&(_, p)| is_word_char(p));
        if !is_word_char(c) && !joiner {
            break;
        }
        start = i;
    }
    &before[start..]
}

/// Words that open a sentence but never name an employer.
const NOT_EMPLOYERS: &[&str] = &[
    "should",
    "must",
    "will",
    "would",
    "may",
    "could",
    "experience",
    "knowledge",
    "ability",
    "strong",
    "excellent",
    "proven",
    "familiarity",
    "degree",
    "bachelor",
    "master",
    "phd",
    "candidate",
    "candidates",
    "applicants",
    "ideally",
    "preferred",
    "required",
    "also",
    "plus",
    "data",
    "machine",
    "ml",
    "ai",
    "artificial",
    "deep",
    "analytics",
    "science",
    "engineering",
    "the",
    "this",
    "that",
    "these",
    "those",
    "as",
    "at",
    "in",
    "if",
    "it",
    "is",
    "are",
    "do",
    "does",
    "can",
    "join",
    "job",
    "position",
    "role",
    "location",
    "when",
    "what",
    "who",
    "why",
    "how",
    "with",
    "for",
    "please",
    "note",
    "key",
    "title",
    "summary",
    "overview",
    "description",
    "work",
    "all",
    "each",
    "every",
    "here",
    "there",
    "today",
    "now",
    "you",
    "your",
];

/// Job nouns: the head of a job's name ("Machine Learning Engineer", "ML
/// platform engineers", "Solutions Architect"). The role profile reads a
/// role's phrase right before one as part of a job's name, not work the
/// hire does ("MLOps Engineer"); in a name that opens a paragraph, one makes
/// the name a role, not the employer ("The Machine Learning Engineer is
/// ..."), as the nouns of [`MORE_ROLE_NOUNS`] do.
pub(crate) const JOB_NOUNS: &[&str] = &[
    "engineer",
    "engineers",
    "scientist",
    "scientists",
    "developer",
    "developers",
    "architect",
    "architects",
];

/// Words besides [`JOB_NOUNS`] in a name that make it a role, not an
/// employer: "Data Analysts are ...", "The Research Lead is ...".
///
/// They are no job nouns of the role profile: there a role's phrase before
/// one still counts ("Insights Analyst", "MLOps Lead", "Machine Learning
/// Engineering Lead" name the work the hire analyses or leads). Read as job
/// nouns, they zero such evidence in 13 postings of the corpus and turn
/// one's primary role from ML Engineer to another job.
const MORE_ROLE_NOUNS: &[&str] = &[
    "analyst",
    "analysts",
    "researcher",
    "researchers",
    "manager",
    "lead",
    "intern",
];

/// Verbs that follow an employer's name as the subject of a company blurb:
/// "Acme is a ...", "Acme builds ...", "Acme invented ...".
const EMPLOYER_VERBS: &[&str] = &[
    "is",
    "are",
    "was",
    "has",
    "have",
    "builds",
    "provides",
    "helps",
    "enables",
    "invented",
    "develops",
    "offers",
    "powers",
    "makes",
    "creates",
    "delivers",
    "operates",
    "serves",
    "aggregates",
    "specializes",
    "specialises",
    "combines",
    "uses",
    "leverages",
    "believes",
    "exists",
    "brings",
    "transforms",
    "empowers",
    "designs",
    "connects",
    "unlocks",
    "partners",
    "pioneered",
    "pioneers",
    "solves",
    "gives",
    "turns",
    "allows",
    "supports",
    "grew",
    "started",
    "began",
    "became",
];

/// Whether a paragraph opens with the employer as its subject: "We ...",
/// "Our ..." (not "Our data team ..."), "At Acme, we ...", or a name of up
/// to four capitalised words followed by a verb ("Acme Labs is a ...").
/// Under a team heading "we" and "our" are the team: only a name counts
/// (`we_is_team`).
fn opens_with_employer(paragraph: &str, we_is_team: bool) -> bool {
    let mut words = paragraph.split_whitespace().take(8);
    let Some(first) = words.next() else {
        return false;
    };
    let first_word = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let is = |w: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let we = is(first_word, &["we", "we're", "we’re", "we've", "we’ve"]);
    let (our, at) = (
        first_word.eq_ignore_ascii_case("our"),
        first_word.eq_ignore_ascii_case("at"),
    );
    if we_is_team && (we || our || at) {
        return false;
    }
    if we {
        return true;
    }
    if our {
        // "Our data team builds ..." describes the hire's team, not the company.
        return !names_team(paragraph, 5);
    }
    if at {
        // "At Acme, we ..." / "At Acme, our ...".
        let mut after_comma = false;
        for word in words {
            if after_comma {
                let w = word.trim_matches(|c: char| !c.is_alphanumeric());
                return is(w, &["we", "our"]);
            }
            after_comma = word.ends_with(',');
        }
        return false;
    }
    opens_with_name_and_verb(paragraph, 4)
}

/// Whether `text` opens with a name (up to `most_words` capitalised words,
/// not a pronoun, a plain sentence opener or a role: [`NOT_EMPLOYERS`],
/// [`JOB_NOUNS`], [`MORE_ROLE_NOUNS`]) followed by one of
/// [`EMPLOYER_VERBS`]: the employer as the subject ("Acme Labs is a ...",
/// "Acme builds ...").
pub(crate) fn opens_with_name_and_verb(text: &str, most_words: usize) -> bool {
    let is = |w: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let is_role = |w: &str| is(w, JOB_NOUNS) || is(w, MORE_ROLE_NOUNS);
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    let first_word = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    if is(first_word, NOT_EMPLOYERS)
        || is_role(first_word)
        || !first_word.starts_with(|c: char| c.is_uppercase())
    {
        return false;
    }
    let mut name_words = 1;
    for word in text.split_whitespace().skip(1).take(5) {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if is_role(w) {
            return false;
        }
        if w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            name_words += 1;
            if name_words > most_words {
                return false;
            }
            continue;
        }
        return EMPLOYER_VERBS.contains(&w);
    }
    false
}

/// Whether a team ("team", "teams", or a lower-case "group": "Acme Group"
/// names a company) is among a paragraph's first `words` words.
fn names_team(paragraph: &str, words: usize) -> bool {
    paragraph.split_whitespace().take(words).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.eq_ignore_ascii_case("team") || w.eq_ignore_ascii_case("teams") || w == "group"
    })
}

/// Paragraphs before the first heading, or under a team heading, that speak
/// of the employer and never of the job or the candidate become company
/// text: an "About Acme" blurb, a mission statement or a company history
/// without a heading of its own is not the role summary, and "Founded by
/// ..." under "Team" is not the team's work. A paragraph is about the employer when it has a
/// company cue (mission, customers, founding, funding) or opens with the
/// employer as its subject, and has no job cue ("you", "this role",
/// "looking for", "responsible for"). `job_cues` and `company_cues` index
/// `hits` in order; the blocks are walked once, with no allocation.
fn mark_company_paragraphs(
    text: &str,
    (blocks, sentences): (&mut [Block], &mut [Sentence]),
    hits: &[Hit],
    (job_cues, company_cues): (&[u32], &[u32]),
    (hire_address, duty_verbs): (&[u32], &[u32]),
    boilerplate: &[(Span, SectionKind)],
) {
    let (mut j, mut h, mut c, mut b) = (0, 0, 0, 0);
    let mut verbs = 0;
    let mut before_headings = true;
    for (index, block) in blocks.iter_mut().enumerate() {
        match block.kind {
            BlockKind::Heading => {
                before_headings = false;
                continue;
            }
            BlockKind::Title | BlockKind::Bullet => continue,
            BlockKind::Paragraph => {}
        }
        // Under a heading ("About the role", "Team") "we" may be the team
        // the hire joins; before any heading it is the employer.
        let we_is_team = !before_headings;
        let span = block.span;
        let inside = |cues: &[u32], i: &mut usize| {
            let start = |k: usize| cues.get(k).map(|&h| hits[h as usize].span.start);
            while start(*i).is_some_and(|s| s < span.start) {
                *i += 1;
            }
            start(*i).is_some_and(|s| s < span.end)
        };
        let addresses_hire = inside(hire_address, &mut h);
        // Under a company heading ("About us:"), a paragraph that tells
        // the hire what they will do is the role's summary: "As Senior Data
        // Scientist, you will design, develop and deploy ...", not "at our
        // company you will have a voice".
        if block.section == SectionKind::Company
            && addresses_hire
            && tells_duty(text, hits, span, &hire_address[h..], duty_verbs, &mut verbs)
        {
            set_section(index, block, sentences, SectionKind::Summary);
            continue;
        }
        if !matches!(block.section, SectionKind::Summary | SectionKind::Team)
            || block.span.len() > BOILERPLATE_BLOCK_LIMIT
        {
            continue;
        }
        let paragraph = &text[block.content.start..block.content.end];
        // "The risk team pioneered ..." under a heading describes the team.
        if we_is_team && names_team(paragraph, 10) {
            continue;
        }
        // A paragraph of the role's own that opens the posting may still
        // hold company sentences: those are marked one by one.
        let by_sentence = block.section == SectionKind::Summary && before_headings;
        let mut company_sentences = || {
            if by_sentence {
                mark_company_sentences(
                    text,
                    index,
                    sentences,
                    hits,
                    (job_cues, hire_address, company_cues),
                );
            }
        };
        if addresses_hire || inside(job_cues, &mut j) {
            company_sentences();
            continue;
        }
        while boilerplate
            .get(b)
            .is_some_and(|(s, _)| s.start < span.start)
        {
            b += 1;
        }
        let company_intro = boilerplate[b..]
            .iter()
            .take_while(|(s, _)| s.start < span.end)
            .any(|&(_, kind)| kind == SectionKind::Company);
        if !(company_intro
            || inside(company_cues, &mut c)
            || opens_with_employer(paragraph, we_is_team))
        {
            company_sentences();
            continue;
        }
        set_section(index, block, sentences, SectionKind::Company);
    }
}

/// The sentences of a summary paragraph before the first heading (at
/// `index`) that speak of the employer and not of the job become company
/// text, one by one: in a paragraph that goes on to the role ("We build
/// AI-powered tools for banks. You will deploy ..."), the blurb's sentence
/// is not the hire's work. A sentence is the employer's when it has no job
/// cue or hire address ("We are looking for an ML Engineer", "We need you
/// to ...", "As a Data Scientist you will ...") and it
/// - opens with the employer as "we", "our" (not "our data team") or "at
///   Acme, we" ([`opens_with_employer`]), unless "we are" or "we have" goes
///   on to what the employer is doing ([`says_state`]),
/// - opens with a name that the sentence defines ("Acme is a leading
///   provider of ...", "Acme was one of ...": [`defines_employer`]); a name
///   doing things ("Acme is integrating GenAI into ...") may be the work the
///   hire joins, or
/// - holds a company cue ("our mission", "founded", "backed by").
///
/// Each sentence looks its cues up by binary search, so the pass stays
/// linear in the sentences up to a logarithm.
fn mark_company_sentences(
    text: &str,
    index: usize,
    sentences: &mut [Sentence],
    hits: &[Hit],
    (job_cues, hire_address, company_cues): (&[u32], &[u32], &[u32]),
) {
    let has_cue = |cues: &[u32], span: Span| {
        let k = cues.partition_point(|&h| hits[h as usize].span.start < span.start);
        cues.get(k)
            .is_some_and(|&h| hits[h as usize].span.start < span.end)
    };
    let first = sentences.partition_point(|x| x.block < index);
    let last = sentences.partition_point(|x| x.block <= index);
    for sentence in &mut sentences[first..last] {
        let span = sentence.span;
        if sentence.section != SectionKind::Summary
            || has_cue(job_cues, span)
            || has_cue(hire_address, span)
        {
            continue;
        }
        let said = text[span.start..span.end].trim_start_matches(|c: char| !c.is_alphanumeric());
        let first = said
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let pronoun = matches!(
            first.as_str(),
            "we" | "we're" | "we’re" | "we've" | "we’ve" | "our" | "at"
        );
        let employer = if pronoun {
            opens_with_employer(said, false) && (defines_employer(said) || !says_state(said))
        } else {
            opens_with_name_and_verb(said, 4) && defines_employer(said)
        };
        if employer || has_cue(company_cues, span) {
            sentence.section = SectionKind::Company;
        }
    }
}

/// Whether a sentence that opens with the employer says what it is: "is",
/// "was", "are" or "we're" followed by an article ("Acme is a leading
/// provider of ...", "Acme was one of the first ...", "We are a fintech").
fn defines_employer(said: &str) -> bool {
    let mut words = said.split_whitespace().take(DEFINITION_WORDS);
    while let Some(word) = words.next() {
        if matches!(
            word.to_ascii_lowercase().as_str(),
            "is" | "was" | "are" | "we're" | "we’re"
        ) {
            return words.next().is_some_and(|next| {
                ["a", "an", "the", "one"]
                    .iter()
                    .any(|article| next.eq_ignore_ascii_case(article))
            });
        }
    }
    false
}

/// Whether a sentence opening with "we" goes on with "are" or "have"
/// ("We are at the forefront of ...", "We have shipped ..."): what the
/// employer is doing or has done, often the work the hire joins, unless it
/// defines the employer ([`defines_employer`]: "We are a logistics
/// company"). The company cues still mark such a sentence ("we are
/// building" is one).
fn says_state(said: &str) -> bool {
    let mut words = said.split_whitespace().map(|w| w.to_ascii_lowercase());
    match words.next().as_deref() {
        Some("we're" | "we’re" | "we've" | "we’ve") => true,
        Some("we") => matches!(
            words.next().as_deref(),
            Some("are" | "were" | "have" | "had")
        ),
        _ => false,
    }
}

/// A name of up to four words and its "is": the copula comes within this
/// many words of a sentence's start.
const DEFINITION_WORDS: usize = 6;

/// Whether one of the `hire_address` hits inside `span` ("you will") is
/// followed at once by a duty verb ("design"). Both lists index `hits` in
/// order; `verbs` is the position in `duty_verbs`, kept from one call to
/// the next, so the paragraphs are walked once.
fn tells_duty(
    text: &str,
    hits: &[Hit],
    span: Span,
    hire_address: &[u32],
    duty_verbs: &[u32],
    verbs: &mut usize,
) -> bool {
    for address in hire_address
        .iter()
        .map(|&i| hits[i as usize].span)
        .take_while(|address| address.start < span.end)
    {
        while duty_verbs
            .get(*verbs)
            .is_some_and(|&i| hits[i as usize].span.start < address.end)
        {
            *verbs += 1;
        }
        let Some(&verb) = duty_verbs.get(*verbs) else {
            return false;
        };
        let verb = hits[verb as usize].span;
        if verb.start <= span.end
            && verb.start - address.end <= 2
            && text[address.end..verb.start].bytes().all(|b| b == b' ')
        {
            return true;
        }
    }
    false
}

/// Puts the block at `index` and its sentences in `section`.
fn set_section(index: usize, block: &mut Block, sentences: &mut [Sentence], section: SectionKind) {
    block.section = section;
    let first = sentences.partition_point(|x| x.block < index);
    let last = sentences.partition_point(|x| x.block <= index);
    for sentence in &mut sentences[first..last] {
        sentence.section = section;
    }
}

/// The job board's text around a scraped posting starts at the sentence of
/// its first phrase (`hit`) and runs to the end: "Referrals increase your
/// chances of interviewing ...", then alerts and a list of similar jobs,
/// whose titles ("Senior Data Scientist, Agentic AI") are no duty of this
/// hire. Those sentences and the blocks after them become legal text. The
/// block that holds the phrase keeps its section: in a run-together posting
/// it is the whole posting.
fn mark_job_board(blocks: &mut [Block], sentences: &mut [Sentence], hit: Span) {
    let from = sentences
        .partition_point(|s| s.span.start <= hit.start)
        .checked_sub(1)
        .filter(|&s| sentences[s].span.contains(hit))
        .map_or(hit.start, |s| sentences[s].span.start);
    for sentence in sentences.iter_mut().filter(|s| s.span.start >= from) {
        sentence.section = SectionKind::Legal;
    }
    for block in blocks.iter_mut().filter(|b| b.span.start >= from) {
        if block.kind != BlockKind::Title {
            block.section = SectionKind::Legal;
        }
    }
}

fn apply_boilerplate(
    blocks: &mut [Block],
    sentences: &mut [Sentence],
    hits: &[(Span, SectionKind)],
) {
    for &(hit, section) in hits {
        let Some(s) = sentences
            .partition_point(|s| s.span.start <= hit.start)
            .checked_sub(1)
        else {
            continue;
        };
        if !sentences[s].span.contains(hit) {
            continue;
        }
        let block_index = sentences[s].block;
        let block = &mut blocks[block_index];
        if block.kind == BlockKind::Title {
            continue;
        }
        // A company-intro cue ("founded in", "a Fortune 500 company") marks
        // its sentence only, and only in the summary or an unknown section:
        // intro sentences open paragraphs that go on to describe the role
        // ("We are a leading bank. You will deploy ..."), and under a duties
        // heading the words are the hire's ("present to Fortune 500 clients").
        if section == SectionKind::Company {
            if matches!(
                sentences[s].section,
                SectionKind::Summary | SectionKind::Other
            ) {
                sentences[s].section = section;
            }
        } else if block.span.len() <= BOILERPLATE_BLOCK_LIMIT {
            block.section = section;
            // A block's sentences are contiguous: find them by search, not
            // by a scan (a scan per hit would be quadratic).
            let first = sentences.partition_point(|x| x.block < block_index);
            let last = sentences.partition_point(|x| x.block <= block_index);
            for sentence in &mut sentences[first..last] {
                sentence.section = section;
            }
        } else {
            sentences[s].section = section;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_of_every_common_style() {
        assert_eq!(bullet_content("- item"), Some(2));
        assert_eq!(bullet_content("* item"), Some(2));
        assert_eq!(bullet_content("•item"), Some(3));
        assert_eq!(bullet_content("• item"), Some(4));
        assert_eq!(bullet_content("12. item"), Some(4));
        assert_eq!(bullet_content("3) item"), Some(3));
        assert_eq!(bullet_content("o Python"), Some(2));
        assert_eq!(bullet_content("**bold**"), None);
        assert_eq!(bullet_content("-based"), None);
        assert_eq!(bullet_content("2024 was"), None);
        assert_eq!(bullet_content("one"), None);
        assert_eq!(bullet_content("•"), None);
    }

    /// The text of each sentence of `text`, parsed with the built-in packs.
    fn sentence_texts(text: &str) -> Vec<&str> {
        let linter = crate::Linter::new();
        let doc = crate::document::Document::parse(text, linter.lexicon());
        doc.sentences()
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn sentences_and_bullets_a_scrape_ran_together_are_split() {
        let text = "ML Engineer\n\nWe build a booking site from scratch., * Design the seat map of our booking site., * Review pull requests.\nUse of hosted LLMs.Experience with evaluation frameworks. Runs on node.js and Vue.JS, e.g.Python too.\n";
        let sentences = sentence_texts(text);
        assert!(sentences.contains(&"We build a booking site from scratch.,"));
        assert!(sentences.contains(&"Design the seat map of our booking site.,"));
        assert!(sentences.contains(&"Review pull requests."));
        assert!(sentences.contains(&"Use of hosted LLMs."));
        assert!(sentences.contains(&"Experience with evaluation frameworks."));
        // No capital and lower-case letter after the stop, or no lower-case
        // letter before it: not a sentence end.
        assert!(sentences.contains(&"Runs on node.js and Vue.JS, e.g.Python too."));
    }

    #[test]
    fn unmarked_list_lines_are_sentences_of_their_own() {
        let text = "Data Scientist\n\nYou will do the following:\nBuild churn models for the retention team\nKeep up with new research\nThis paragraph wraps because it is\nlong, and goes on with\nMore words after a joiner\n";
        let sentences = sentence_texts(text);
        assert!(sentences.contains(&"Build churn models for the retention team"));
        assert!(sentences.contains(&"Keep up with new research"));
        assert!(sentences.contains(
            &"This paragraph wraps because it is\nlong, and goes on with\nMore words after a joiner"
        ));
    }

    #[test]
    fn titles_are_short_and_not_sentences() {
        assert!(looks_like_title(
            "Senior Data Scientist (Remote) - Payments"
        ));
        assert!(!looks_like_title("We are hiring. Join us"));
        assert!(looks_like_title("Sr. AI Engineer"));
        assert!(!looks_like_title("Acme builds tools for data teams."));
        assert!(looks_like_title(
            "Machine Learning Engineer - Join a Scaleup!"
        ));
        assert!(!looks_like_title("We grow fast! Join us"));
    }

    use crate::document::{Token, TokenKind};

    /// The token-based splitter this module used to run, kept as an oracle:
    /// splitting on bytes must give the same sentences.
    /// The oracle's way with what a scrape ran together: the item is cut
    /// into pieces at run-together bullets and full stops before its
    /// sentences are read (the splitter under test finds the stops as
    /// sentence ends instead).
    fn split_run_together(text: &str, items: &mut Vec<Span>) {
        split_run_bullets(text, items);
        let mut split = Vec::with_capacity(items.len());
        for &span in items.iter() {
            let mut start = span.start;
            for dot in span.start..span.end {
                if ran_together(text, dot) {
                    split.push(Span::new(start, dot + 1));
                    start = dot + 1;
                }
            }
            split.push(Span::new(start, span.end));
        }
        *items = split;
    }

    fn split_sentences_by_tokens(text: &str, tokens: &[Token], blocks: &[Block]) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        for (index, block) in blocks.iter().enumerate() {
            let span = block.content;
            let mut push = |start: usize, end: usize| {
                let sentence = trim(text, Span::new(start, end));
                if !sentence.is_empty() {
                    sentences.push(Sentence {
                        span: sentence,
                        block: index,
                        section: block.section,
                    });
                }
            };
            if matches!(block.kind, BlockKind::Title | BlockKind::Heading) {
                push(block.span.start, block.span.end);
                continue;
            }
            let mut items = Vec::new();
            if block.kind == BlockKind::Paragraph {
                list_items(text, span, &mut items);
            } else {
                items.push(span);
            }
            split_run_together(text, &mut items);
            for span in items {
                let first = tokens.partition_point(|t| t.span.start < span.start);
                let inside = &tokens[first..];
                let inside = &inside[..inside.partition_point(|t| t.span.start < span.end)];
                let mut start = span.start;
                for (i, token) in inside.iter().enumerate() {
                    if token.kind != TokenKind::Punct
                        || !matches!(
                            &text[token.span.start..token.span.end],
                            "." | "!" | "?" | "…"
                        )
                    {
                        continue;
                    }
                    let next = inside.get(i + 1);
                    if next.is_some_and(|n| n.kind != TokenKind::Space) {
                        continue;
                    }
                    if let Some(previous) = i.checked_sub(1).map(|p| &inside[p])
                        && previous.kind == TokenKind::Word
                    {
                        let word = &text[previous.span.start..previous.span.end];
                        if is_abbreviation(word) || word.chars().count() == 1 {
                            continue;
                        }
                    }
                    let following = inside[i + 1..].iter().find(|t| t.kind != TokenKind::Space);
                    if following.is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && text[t.span.start..].starts_with(char::is_lowercase)
                    }) {
                        continue;
                    }
                    push(start, token.span.end.min(span.end));
                    start = token.span.end;
                }
                push(start, span.end);
            }
        }
        sentences
    }

    #[test]
    fn byte_splitting_matches_token_splitting() {
        let texts = [
            "Data Scientist\n\nWe build models. You will e.g. own them! Really? Yes... fine.\n- Deploy v2.5 to U.S. users. Then stop.\n",
            "Intro text. lowercase after. Dr. Who joined Acme Inc. in 2020. Ph.D. preferred.\nNext line! Done",
            "Ünïcode wörds. Café… Next. “Quoted.” End",
            "ML Engineer\n\nWe build sites., * Design the map., * Review code.\nUse of hosted LLMs.Experience with evals. On node.js, e.g.Python.Go on etc.Then stop\n",
            "Run together… hosted LLMs.Experience with evals and Dr.Who.Next",
        ];
        let linter = crate::Linter::new();
        for text in texts {
            let doc = crate::document::Document::parse(text, linter.lexicon());
            let tokens = crate::document::tokenize(text);
            let expected = split_sentences_by_tokens(text, &tokens, doc.blocks());
            assert_eq!(split_sentences(text, doc.blocks()), expected, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_splitting_matches_token_splitting_on_any_text(text in "[a-zA-Z .!?…é,'\n-]{0,200}") {
            let linter = crate::Linter::new();
            let doc = crate::document::Document::parse(&text, linter.lexicon());
            let tokens = crate::document::tokenize(&text);
            let expected = split_sentences_by_tokens(&text, &tokens, doc.blocks());
            proptest::prop_assert_eq!(split_sentences(&text, doc.blocks()), expected);
        }
    }

    #[test]
    fn abbreviations_without_dots_do_not_end_sentences() {
        let text = "Data Scientist\n\nKnow a framework, eg. PyTorch or JAX. Own the results, ie. Decisions.\n";
        let linter = crate::Linter::new();
        let doc = crate::document::Document::parse(text, linter.lexicon());
        let sentences: Vec<&str> = doc.sentences().iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(
            sentences,
            [
                "Data Scientist",
                "Know a framework, eg. PyTorch or JAX.",
                "Own the results, ie. Decisions."
            ]
        );
    }

    #[test]
    fn byte_fast_paths_agree_with_char_versions() {
        let texts = [
            " \t\x0bword\u{a0} ",
            "\u{a0} e.g",
            "x U.S",
            "“you'll",
            "café.x",
            "naïve's",
            "'lead",
            "a..b",
            "",
            " \u{2003} ",
        ];
        for text in texts {
            let span = Span::new(0, text.len());
            let std = text.trim();
            let start = text.len() - text.trim_start().len();
            let expected = if std.is_empty() {
                Span::new(text.len(), text.len())
            } else {
                Span::new(start, start + std.len())
            };
            assert_eq!(trim(text, span), expected, "{text:?}");
            assert_eq!(last_word(text), last_word_unicode(text), "{text:?}");
        }
    }

    #[test]
    fn title_case_ignores_minor_words() {
        assert!(is_title_case("What You'll Be Doing"));
        assert!(is_title_case("Skills and Experience"));
        assert!(!is_title_case("Your activities include"));
    }

    /// The section of the sentence that holds `phrase`.
    fn sentence_section(text: &str, phrase: &str) -> SectionKind {
        let lexicon = crate::Linter::new().lexicon().clone();
        let doc = super::super::Document::parse(text, &lexicon);
        let at = text.find(phrase).unwrap();
        doc.sentences()
            .iter()
            .find(|s| s.span.start <= at && at < s.span.end)
            .unwrap()
            .section
    }

    #[test]
    fn employer_sentences_before_headings_are_company_text() {
        let text = "Data Scientist\n\nOrbitlane is a leading provider of AI-powered route \
            planning. We build LLM agents for dispatchers. Our mission is to end late \
            deliveries. We are looking for a Data Scientist who will design pricing \
            experiments. At Orbitlane, we need you to explain results to planners.\n\n\
            Requirements\n- SQL\n";
        for company in ["leading provider", "LLM agents", "end late"] {
            assert_eq!(
                sentence_section(text, company),
                SectionKind::Company,
                "{company}"
            );
        }
        for role in ["pricing experiments", "explain results"] {
            assert_eq!(sentence_section(text, role), SectionKind::Summary, "{role}");
        }
    }

    #[test]
    fn employer_work_in_progress_and_team_voice_stay_summary() {
        // "We have shipped ..." is often the work the hire joins; under a
        // heading "we" is the team.
        let text = "ML Engineer\n\nWe have shipped the forecasting platform to grocers. \
            You will deploy its models.\n\nAbout the role\n\nWe operate the feature \
            store and serve models in real time. You will own retraining.\n";
        assert_eq!(
            sentence_section(text, "forecasting platform"),
            SectionKind::Summary
        );
        assert_ne!(
            sentence_section(text, "feature store"),
            SectionKind::Company
        );
    }

    #[test]
    fn a_list_item_that_is_a_whole_heading_opens_its_section() {
        let text = "Data Scientist\n\nNice to have\n\n* Experience with Rust\n\
            * What will you be doing in this role?\n* Build churn models for the shop\n\
            * Explain results to planners\n* Preferred Qualifications\n* Spark\n";
        assert_eq!(sentence_section(text, "Rust"), SectionKind::Preferred);
        for duty in ["churn models", "Explain results"] {
            assert_eq!(
                sentence_section(text, duty),
                SectionKind::Responsibilities,
                "{duty}"
            );
        }
        assert_eq!(sentence_section(text, "Spark"), SectionKind::Preferred);
    }

    #[test]
    fn list_items_that_only_start_like_headings_stay_items() {
        // A duty that starts with a heading word, one word alone ("- Bonus"
        // among benefits), a quality ("Team player:"), and a heading item
        // with no items after it.
        let text = "Data Scientist\n\nResponsibilities\n\n* Build churn models\n\
            * Requirements gathering with stakeholders\n* Explain results to planners\n\
            * Team player:\n* Share the work\n\nBenefits\n\n- Bonus\n- Health cover\n\
            - Preferred Qualifications\n\nMore text\n";
        for duty in [
            "Requirements gathering",
            "Explain results",
            "Share the work",
        ] {
            assert_eq!(
                sentence_section(text, duty),
                SectionKind::Responsibilities,
                "{duty}"
            );
        }
        assert_eq!(
            sentence_section(text, "Health cover"),
            SectionKind::Benefits
        );
        assert_eq!(sentence_section(text, "More text"), SectionKind::Benefits);
    }

    #[test]
    fn lead_ins_and_acronyms_inside_a_list_keep_its_section() {
        // A sentence ending in ':' introduces more of the same list, and an
        // acronym alone on its line is an item, not an ALL CAPS heading.
        let text = "Data Scientist\n\nRequirements\n\nTwo years of industry work\n\
            You can run the analyses we need:\nPython/R\nSQL\nApache Airflow\n\
            Experience shipping pipelines\n\nNice to have\n\nRust\nAWS\nGo\n";
        for item in ["Python/R", "SQL", "Apache Airflow", "shipping pipelines"] {
            assert_eq!(
                sentence_section(text, item),
                SectionKind::Requirements,
                "{item}"
            );
        }
        assert_eq!(sentence_section(text, "Go"), SectionKind::Preferred);
    }

    #[test]
    fn definitions_and_states_of_the_employer() {
        assert!(defines_employer(
            "Acme is a leading provider of fraud tools"
        ));
        assert!(defines_employer("We are a fast-growing fintech"));
        assert!(!defines_employer(
            "Acme is integrating GenAI into its tools"
        ));
        assert!(says_state("We are building agents"));
        assert!(says_state("We've shipped three products"));
        assert!(!says_state("We build agents for banks"));
        assert!(!says_state("Our platform serves banks"));
    }
}
