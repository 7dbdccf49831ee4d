use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, SectionKind};
use crate::lexicon::{Entry, Hit};
use crate::span::Span;

/// Masculine-coded wording outweighs feminine-coded wording.
#[derive(Debug, Clone, Copy, Default)]
pub struct GenderCodedWording;

const MAX_LABELS: usize = 12;
/// Most words between a coded adjective and its neutral head noun.
const MAX_GAP_WORDS: usize = 3;
/// Farthest a head noun can start from the coded word, in bytes (three
/// words and their spaces fit well inside it).
const WINDOW_BYTES: usize = 80;
/// Words that end the adjective's reach: a new phrase ("leading a team of
/// scientists", "leading and mentoring scientists").
const GAP_STOPS: [&str; 9] = ["a", "an", "of", "and", "or", "our", "your", "their", "to"];

static META: RuleMeta = RuleMeta {
    id: "gender-coded-wording",
    category: Category::Inclusion,
    default_severity: Severity::Warning,
    summary: "Masculine-coded words outweigh feminine-coded ones.",
    docs: RuleDocs {
        what_it_does: "Counts the gender-coded words of Gaucher, Friesen & Kay (2011), the word \
stems Gender Decoder uses (`lints/wording.toml`), outside legal boilerplate, and flags the \
posting when masculine-coded words outnumber feminine-coded ones by `gender-coded-margin` \
(`lints/thresholds.toml`; 4, Gender Decoder's \"strongly masculine-coded\") or more. A coded \
adjective a few words before a company, thing or pay noun (\"a leading global provider\", \
\"compensation will be competitive\") is not counted, nor is a repeated paragraph. It reports \
the balance and labels each coded word. Unlike \
word-list tools, it leaves the vocabulary of the trade alone: \"analytics\", \"decision trees\", \
\"lead data scientist\", \"competitive salary\" and \"individual contributor\" are not coded, \
nor are the duties of the job (\"lead the design of ...\", \"experience leading projects\"), \
problems (\"complex challenges\") or other people (\"business leaders\"); the traits \
\"leader\" and \"leadership\" still are.",
        why_it_matters: "In the study, job ads with more masculine-coded wording were rated less \
appealing by women, who also felt they belonged less in the job, while the wording did not \
change how men rated the ads. The effect is on who applies, not on who can do the job.",
        example: "```text\nML Engineer\n\nWe want a competitive, assertive, self-reliant engineer who is driven to dominate the market.\n```",
        how_to_fix: "Describe the work instead of the temperament: \"you will own\", \"you will \
work with\", \"we support\". Balance is enough; removing every coded word is not the goal.",
    },
};

impl Rule for GenderCodedWording {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let margin = ctx.thresholds.gender_coded_margin as usize;
        // The filters below only drop words: with fewer masculine-coded
        // words than the margin, nothing can fire (most postings), and the
        // text need not be read again.
        if ctx
            .spans_of(ctx.kinds().masculine_coded)
            .take(margin)
            .count()
            < margin
        {
            return;
        }
        let mut heads = ctx.live_hits(ctx.kinds().neutral_head);
        heads.sort_by_key(|(hit, _)| hit.span.start);
        // Scraped postings repeat whole paragraphs: count each block's text once.
        // Sized once for every block: the set never grows block by block.
        let mut seen_blocks =
            HashSet::with_capacity_and_hasher(doc.blocks().len(), Default::default());
        // The blocks come in order: their starts are sorted, and searched.
        let first_copy: Vec<usize> = doc
            .blocks()
            .iter()
            .filter(|b| seen_blocks.insert(Caseless(doc.slice(b.content).trim())))
            .map(|b| b.content.start)
            .collect();
        // The job title, and its copies in the text (scraped pages repeat
        // it: "... (Technical Leadership) role at ..."), name the job, not a
        // temperament.
        let titles = title_copies(doc.text(), ctx.title_text().unwrap_or_default());
        let counted = |kind| {
            ctx.live_hits(kind)
                .into_iter()
                .map(|(hit, _)| hit)
                .filter(|hit| !in_title_copy(&titles, hit.span))
                .filter(|hit| !matches!(doc.section_at(hit.span.start), SectionKind::Legal))
                .filter(|hit| {
                    doc.block_at(hit.span.start)
                        .is_none_or(|b| first_copy.binary_search(&b.content.start).is_ok())
                })
                .filter(|hit| !person_free(doc, hit.span, &heads))
                .collect::<Vec<_>>()
        };
        let masculine = counted(ctx.kinds().masculine_coded);
        // Fewer than the margin cannot outweigh any number of feminine words.
        if masculine.len() < margin {
            return;
        }
        let feminine = counted(ctx.kinds().feminine_coded);
        if masculine.len() < feminine.len() + margin {
            return;
        }
        let mut words: Vec<String> = masculine
            .iter()
            .map(|hit| doc.slice(hit.span).to_ascii_lowercase())
            .collect();
        let mut unique = HashSet::default();
        words.retain(|w| unique.insert(w.clone()));
        words.truncate(6);
        let mut diagnostic = Diagnostic::new(
            META.id,
            masculine[0].span,
            format!(
                "masculine-coded wording outweighs feminine-coded: {} words to {} ({})",
                masculine.len(),
                feminine.len(),
                words.join(", ")
            ),
        );
        for hit in masculine.iter().skip(1).take(MAX_LABELS) {
            diagnostic = diagnostic.with_label(hit.span, "masculine-coded");
        }
        for hit in feminine.iter().take(MAX_LABELS / 2) {
            diagnostic = diagnostic.with_label(hit.span, "feminine-coded");
        }
        diagnostics.push(diagnostic.with_help(
            "describe the work rather than the temperament; coded words per Gaucher, Friesen & Kay (2011)",
        ));
    }
}

/// Fewest bytes a title needs for its copies in the text to be looked for:
/// a one-word title ("Leader") would hide that word everywhere.
const MIN_TITLE_BYTES: usize = 12;

/// Where `title` occurs in `text`, ignoring ASCII case: the title line
/// itself and its copies. One pass over the text per copy found.
fn title_copies(text: &str, title: &str) -> Vec<Span> {
    let title = title.trim().as_bytes();
    if title.len() < MIN_TITLE_BYTES {
        return Vec::new();
    }
    // Compared in place, ASCII caselessly (as if both were lowercased, which
    // keeps every byte offset), from each place the title's first byte is in
    // either case: no lowercase copy of the text. A match of one UTF-8 text
    // in another starts on a char boundary.
    let bytes = text.as_bytes();
    let first = title[0];
    let mut copies = Vec::new();
    let mut from = 0;
    while let Some(at) = memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &bytes[from..],
    )
    .map(|at| from + at)
    .find(|&at| {
        bytes
            .get(at..at + title.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(title))
    }) {
        copies.push(Span::new(at, at + title.len()));
        from = at + title.len();
    }
    copies
}

/// Whether `span` lies inside one of the title `copies` (sorted, disjoint).
fn in_title_copy(copies: &[Span], span: Span) -> bool {
    let after = copies.partition_point(|c| c.start <= span.start);
    after > 0 && span.end <= copies[after - 1].end
}

/// Whether the coded word at `span` describes a company, a thing or pay: a
/// neutral head noun within a few words on the side its tags name, with no
/// punctuation between ("a leading global provider", "compensation will be
/// competitive").
fn person_free(doc: &Document<'_>, span: Span, heads: &[(Hit, Entry<'_>)]) -> bool {
    let word = doc.slice(span);
    // Whether `tags` holds `side:` and the word in lowercase, compared in
    // place: no lowercase copy, no formatted tag per call.
    let tagged = |tags: &[Cow<'static, str>], side: &str| {
        tags.iter().any(|tag| {
            tag.strip_prefix(side)
                .and_then(|rest| rest.strip_prefix(':'))
                .is_some_and(|tagged| tagged.eq_ignore_ascii_case(word))
        })
    };
    let Some(sentence) = doc.sentence_at(span.start) else {
        return false;
    };
    // Only heads a few words away: the window in bytes, then the words.
    let from = heads.partition_point(|(h, _)| h.span.start + WINDOW_BYTES < span.start);
    let to = heads.partition_point(|(h, _)| h.span.start <= span.end + WINDOW_BYTES);
    heads[from..to.max(from)].iter().any(|(head, entry)| {
        let tags = &entry.group.tags;
        let gap = if head.span.start >= span.end && tagged(tags, "after") {
            Span::new(span.end, head.span.start)
        } else if head.span.end <= span.start && tagged(tags, "before") {
            Span::new(head.span.end, span.start)
        } else {
            return false;
        };
        if gap.start < sentence.span.start || gap.end > sentence.span.end {
            return false;
        }
        let between = doc.slice(gap);
        // The stops are lowercase ASCII: a caseless comparison is the
        // comparison with the word's lowercase copy.
        between.split_whitespace().count() <= MAX_GAP_WORDS
            && !between.contains([',', '.', ';', ':', '(', ')', '!', '?'])
            && !between
                .split_whitespace()
                .any(|w| super::is_one_of_caseless(&GAP_STOPS, w))
    })
}

/// Text compared and hashed without regard to ASCII case, without a
/// lowercased copy.
#[derive(Clone, Copy)]
struct Caseless<'a>(&'a str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

impl std::hash::Hash for Caseless<'_> {
    /// The length and the first and last [`Caseless::HASHED`] bytes,
    /// lowercased: blocks that differ differ there or in length, and hashing
    /// every byte of every block cost more than the rest of the rule. (Equal
    /// texts still hash equal; `eq` compares them whole.)
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let bytes = self.0.as_bytes();
        state.write_usize(bytes.len());
        let head = &bytes[..bytes.len().min(Caseless::HASHED)];
        let tail = &bytes[bytes.len().saturating_sub(Caseless::HASHED)..];
        for chunk in [head, tail] {
            let mut word = [0u8; Caseless::HASHED];
            word[..chunk.len()].copy_from_slice(chunk);
            word.make_ascii_lowercase();
            state.write_u128(u128::from_le_bytes(word));
        }
    }
}

impl Caseless<'_> {
    /// How many bytes at each end of a text [`Hash`](std::hash::Hash) reads.
    const HASHED: usize = 16;
}
