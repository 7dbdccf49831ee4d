//! Lint packs and one-pass phrase matching.
//!
//! Every phrase of every loaded [`Pack`] compiles into ONE Aho-Corasick
//! automaton. A document is scanned once; each match is kept only when it sits
//! on word boundaries (so `rag` never matches inside `leverage`), and where
//! matches of the same pack overlap, the leftmost-longest one wins. Packs with
//! different names never shadow each other: a heading phrase and a role phrase
//! can both match the same words.
//!
//! The automaton reads the text as if lowercased, with a mark byte before
//! every word, and phrases are compiled with the same marks. A phrase can then
//! only begin at the start of a word, by construction, and inside a word the
//! automaton falls back to its start state instead of walking the prefixes of
//! thousands of phrases: the scan stays in a few hot states. The text is never
//! rewritten: one walk over its bytes normalizes each byte on the fly and
//! feeds the mark before each word, so a match ends where the walk is in the
//! text. The automaton is a contiguous NFA with dense rows near its start
//! (under 1 MB for the built-in packs; the equivalent DFA takes 4 times as
//! long to build and is several times larger).
//!
//! Compiling packs is done by a `Compiler` that takes them one at a time:
//! phrases become entries, their normalized and marked forms the automaton's
//! patterns. For the built-in packs all of that is done ahead of time, by the
//! same code, and kept as static tables; building a linter starts from them,
//! adds the other packs and builds the automaton, which aho-corasick can only
//! build at run time (over nine tenths of the cost).
//!
//! ```
//! use jdlint::lexicon::{Lexicon, Pack};
//! let pack = Pack::from_toml("demo", r#"
//! [pack]
//! name = "demo"
//! [[group]]
//! kind = "competency"
//! role = "ai-engineer"
//! phrases = ["rag", "rag pipeline(s)", "real time"]
//! "#).unwrap();
//! let lexicon = Lexicon::new(vec![pack]).unwrap();
//! let text = "Leverage RAG pipelines in real-time.";
//! let found: Vec<&str> = lexicon.find(text).iter().map(|hit| &text[hit.span.start..hit.span.end]).collect();
//! assert_eq!(found, ["RAG pipelines", "real-time"]);
//! ```

mod builtin;
mod compile;
mod kinds;
mod pack;
mod plurals;

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::Anchored;
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;

pub use self::builtin::BUILTIN_PACKS;
use self::builtin::builtin_packs;
pub(crate) use self::builtin::builtin_technologies;
use self::compile::Compiler;
pub(crate) use self::kinds::Kinds;
pub(crate) use self::pack::line_of;
pub use self::pack::{Anchor, Case, Group, Pack};
pub(crate) use self::plurals::expand_plurals;
use crate::error::{Error, Result};
use crate::facts::TechnologyTable;
use crate::span::Span;

/// Index of a phrase entry in a [`Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(u32);

/// A group `kind`, interned when the lexicon is built, so rules compare
/// integers, not strings, per hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KindId(u32);

impl KindId {
    /// The index, from 0 to [`Lexicon::kind_count`].
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Index of a group in a [`Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupId(u32);

/// One match of a phrase in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The matched bytes of the original text.
    pub span: Span,
    /// Which phrase matched.
    pub entry: EntryId,
}

/// A phrase as the lexicon knows it.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The phrase as written in its pack.
    pub phrase: &'a str,
    /// The group the phrase belongs to.
    pub group: &'a Group,
    /// The group's id.
    pub group_id: GroupId,
    /// The name of the pack the phrase comes from.
    pub pack: &'a str,
    /// The group's kind, interned.
    pub kind: KindId,
}

#[derive(Debug, Clone, PartialEq)]
struct EntryData {
    group: u32,
    /// The group's kind and the group whose context the entry is, copied
    /// here: every hit asks for them, and a group's record is far bigger.
    kind: KindId,
    context_of: Option<u32>,
}

/// A phrase entry's text, apart from [`EntryData`]: only diagnostics and
/// evidence read it, while every hit reads the entry.
#[derive(Debug, Clone)]
struct Phrase {
    /// Borrowed from the static tables for the built-in packs.
    text: Cow<'static, str>,
    /// The copy that evidence quoting the phrase shares (no copy per hit),
    /// made on first use: most phrases are never quoted, and making 8,000
    /// of them was a sixth of building a linter.
    shared: OnceLock<Arc<str>>,
}

#[derive(Debug, Clone, PartialEq)]
struct GroupData {
    group: Group,
    /// Index into `namespaces`: packs with the same name share one.
    namespace: u32,
    /// For the hidden group holding another group's `context` phrases, that
    /// group's index.
    context_of: Option<u32>,
    /// For a group with a `context`, the group whose context phrases stand
    /// for it: itself, or the first group of its pack that listed the same
    /// context (the phrases are matched once for all of them).
    context_key: Option<u32>,
    kind: KindId,
}

/// Compiled phrases of a set of packs.
#[derive(Debug, Clone)]
pub struct Lexicon {
    namespaces: Vec<String>,
    /// Group kinds, interned: `KindId` is the value.
    kinds: HashMap<String, KindId>,
    /// The name of each kind, by [`KindId::index`].
    kind_names: Vec<Arc<str>>,
    /// The kinds the built-in code reads, resolved once.
    kind_ids: Kinds,
    groups: Vec<GroupData>,
    entries: Vec<EntryData>,
    /// The text of each entry.
    phrases: Vec<Phrase>,
    /// For each automaton pattern, what a match of it needs and means.
    patterns: Vec<PatternInfo>,
    /// The entries of the patterns, each pattern's in one run: what `find`
    /// needs of them, next to each other in memory.
    slots: Vec<Slot>,
    automaton: NFA,
    /// The automaton's unanchored start state.
    start: StateID,
    /// `from_start[in_word][b]`: the state the ASCII byte `b`, read after
    /// a word byte (`in_word`) or not, leads to from the start state, the
    /// word mark included. In the start state the walk reads this row
    /// instead of stepping the automaton (see [`Lexicon::walk`]). Counted
    /// over the corpus (session 11), only 18% of the bytes are read there:
    /// nearly every word begins some pattern's path, and the walk leaves
    /// the start state at almost every word (82% of the bytes go through
    /// the automaton's own step, 1.3 M of them through failure links).
    from_start: [[StateID; 128]; 2],
}

/// An automaton pattern, with its first entry inline: a match reads one
/// record (one cache miss) for the common pattern of one entry.
#[derive(Debug, Clone)]
struct PatternInfo {
    /// Length in the text (marks not counted).
    len: u32,
    /// Whether it must end on a word boundary (its start is one by
    /// construction: see [`WORD_START`]).
    end_edge: bool,
    /// Whether it is a stem, whose match runs to the end of the word.
    stem: bool,
    /// Its first entry.
    slot: Slot,
    /// Its other entries: `slots[more..more + more_count]`.
    more: u32,
    more_count: u32,
}

/// One entry of a pattern, with what `find` reads of its group.
#[derive(Debug, Clone, Copy)]
struct Slot {
    entry: u32,
    namespace: u32,
    anchor: Anchor,
}

/// The suffix that makes a phrase a stem: `compet*` matches every word that
/// begins with `compet`.
pub const STEM: char = '*';

/// Kind of the hidden groups that hold other groups' `context` phrases.
pub const CONTEXT_KIND: &str = "context";

/// Lowercases, maps `-` and whitespace runs to one space, curly apostrophes to
/// straight ones, and trims: the form phrases are compared in.
#[must_use]
pub fn normalize_phrase(phrase: &str) -> String {
    if phrase.is_ascii() {
        // Packs are mostly ASCII: bytes, no char decoding.
        let mut out = Vec::with_capacity(phrase.len());
        for &b in phrase.as_bytes() {
            let b = match b {
                b'-' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => b' ',
                b => b.to_ascii_lowercase(),
            };
            if b == b' ' && out.last().is_none_or(|&last| last == b' ') {
                continue;
            }
            out.push(b);
        }
        if out.last() == Some(&b' ') {
            out.pop();
        }
        // Only ASCII bytes were pushed.
        return String::from_utf8(out).unwrap_or_default();
    }
    let mut out = String::with_capacity(phrase.len());
    for c in phrase.chars() {
        let c = match c {
            '-' => ' ',
            '\u{2019}' | '\u{2018}' => '\'',
            c if c.is_whitespace() => ' ',
            c => c.to_ascii_lowercase(),
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Marks the start of every word, in the text as the automaton reads it and
/// in the patterns: a pattern that begins with a word char begins with this
/// byte, so the automaton can only match it from the start of a word, and
/// inside a word it falls back to its start state instead of walking prefixes
/// of patterns.
const WORD_START: u8 = 0x01;

/// The longest text scanned in one piece: candidates keep 32-bit offsets.
/// [`Lexicon::find`] splits longer texts after a line break.
pub const MAX_SCAN: usize = (u32::MAX / 2) as usize;

/// For each ASCII byte: the byte the automaton reads (lowercased; `-` and
/// ASCII whitespace as a space; the text's own [`WORD_START`] byte as NUL, so
/// the automaton never takes it for a mark), and whether it is a word byte
/// (`[A-Za-z0-9_]`).
const ASCII: [(u8, bool); 128] = {
    let mut table = [(0, false); 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let read = match c {
            b'-' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => b' ',
            WORD_START => 0,
            c => c.to_ascii_lowercase(),
        };
        table[b] = (read, c.is_ascii_alphanumeric() || c == b'_');
        b += 1;
    }
    table
};

/// `text` as the automaton reads it: each ASCII byte as [`ASCII`] maps it,
/// other bytes as they are, and a [`WORD_START`] before each word. What
/// [`Lexicon::walk`] feeds the automaton, written out; patterns are compiled
/// in this form.
fn marked(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4 + 1);
    let mut in_word = false;
    if text.is_ascii() {
        for &b in text.as_bytes() {
            let (read, word) = ASCII[usize::from(b)];
            if word && !in_word {
                out.push(WORD_START);
            }
            in_word = word;
            out.push(read);
        }
        return out;
    }
    for c in text.chars() {
        let word = is_word_char(c);
        if word && !in_word {
            out.push(WORD_START);
        }
        in_word = word;
        if c.is_ascii() {
            out.push(ASCII[c as usize].0);
        } else {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
    out
}

/// The automaton's unanchored start state, and for each ASCII byte, read
/// inside a word or not, the state it leads to from there
/// ([`Lexicon::from_start`](Lexicon)). Asked of the automaton itself, so a
/// pack whose phrase begins with punctuation (`.net`, `#`) is still read.
fn start_row(automaton: &NFA, namespaces: &[String]) -> Result<(StateID, [[StateID; 128]; 2])> {
    let start = automaton
        .start_state(Anchored::No)
        .map_err(|err| Error::Pack {
            pack: namespaces.join(", "),
            line: 0,
            message: format!("the phrases could not be compiled: {err}"),
        })?;
    let mut row = [[start; 128]; 2];
    for (in_word, row) in row.iter_mut().enumerate() {
        for (b, next) in row.iter_mut().enumerate() {
            let (read, word) = ASCII[b];
            let mut state = start;
            if word && in_word == 0 {
                state = automaton.next_state(Anchored::No, state, WORD_START);
            }
            *next = automaton.next_state(Anchored::No, state, read);
        }
    }
    Ok((start, row))
}

/// True when only list markers, `#`, `*`, digits and at most one word stand
/// between the start of the line and `at` ("The Benefits", "2. Requirements").
fn near_line_start(text: &str, at: usize) -> bool {
    const LOOK_BACK: usize = 32;
    let from = at.saturating_sub(LOOK_BACK);
    // Backwards from `at`, stopping at the second word: most matches sit
    // mid-sentence, a few bytes after two words.
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes()[from..at].iter().rev() {
        if b == b'\n' || b == b'\r' {
            return true;
        }
        let word_byte = b.is_ascii_alphabetic() || b >= 0x80;
        if word_byte && !in_word {
            words += 1;
            if words > 1 {
                return false;
            }
        }
        in_word = word_byte;
    }
    from == 0
}

/// Whether `span` ends on a char boundary and, when `end_edge`, before a
/// char that is not a word char. (A pattern made of ASCII bytes never ends
/// inside a multi-byte char of the text, but be strict.) The byte after a
/// match is nearly always ASCII: it is read by table, and only a multi-byte
/// char is decoded.
fn ends_on_word_boundary(text: &str, span: Span, end_edge: bool) -> bool {
    match text.as_bytes().get(span.end) {
        None => true,
        Some(&b) if b < 0x80 => !end_edge || !ASCII[usize::from(b)].1,
        Some(_) => {
            text.is_char_boundary(span.end)
                && (!end_edge
                    || text[span.end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !is_word_char(c)))
        }
    }
}

/// The length of the word chars that begin at `at` (a char boundary): the
/// rest of a stem's word. ASCII by table; from the first multi-byte char on,
/// by decoding chars.
fn word_len_at(text: &str, at: usize) -> usize {
    let rest = &text.as_bytes()[at..];
    let ascii = rest
        .iter()
        .position(|&b| b >= 0x80 || !ASCII[usize::from(b)].1)
        .unwrap_or(rest.len());
    if rest.get(ascii).is_some_and(|&b| b >= 0x80) {
        let from = at + ascii;
        ascii
            + text[from..]
                .find(|c: char| !is_word_char(c))
                .unwrap_or(text.len() - from)
    } else {
        ascii
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return ASCII[c as usize].1;
    }
    // Postings' commonest other chars are general punctuation (bullets,
    // curly quotes, dashes, ellipses, invisible marks: 94% of the corpus's
    // non-ASCII chars), none of them alphanumeric: they are answered
    // without Unicode's tables (two searches of some 250 instructions each).
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

/// The Unicode block of general punctuation, which has no letter or digit.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206f}';

/// Pushes the patterns of the match `state`, which the walk reached with
/// byte `end - 1`, to `raw`. Out of line: see [`Lexicon::walk`].
#[inline(never)]
fn record(automaton: &NFA, state: StateID, end: usize, raw: &mut Vec<(u32, u32)>) {
    // The count and the first pattern (most states have one) are read
    // before anything is pushed: with no store between them, the state's
    // header is decoded once for both.
    let count = automaton.match_len(state);
    let first = automaton.match_pattern(state, 0);
    raw.push((end as u32, first.as_u32()));
    for k in 1..count {
        raw.push((end as u32, automaton.match_pattern(state, k).as_u32()));
    }
}

/// A match before overlaps are resolved, with its order packed in two keys:
/// start, then longest first; then a whole phrase before a stem, a longer
/// stem before a shorter one, then the entry.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// Start, then the end reversed (longest first): spans fit in 32 bits,
    /// pieces being at most [`MAX_SCAN`] bytes.
    position: u64,
    rank: u64,
    namespace: u32,
}

/// Pattern lengths sort in 31 bits of [`Candidate::rank`].
const MAX_PATTERN_LEN: u64 = (1 << 31) - 1;

/// Buffers that [`Lexicon::find`] reuses from one text to the next on a
/// thread: allocating them afresh for every posting cost more than the
/// overlap resolution.
#[derive(Default)]
struct Scratch {
    candidates: Vec<Candidate>,
    /// The automaton's matches: end and pattern.
    raw: Vec<(u32, u32)>,
}

impl Scratch {
    /// Buffers above this size (a posting of several MB) are dropped after
    /// use.
    const KEEP_BYTES: usize = 6 << 20;

    fn bytes(&self) -> usize {
        self.candidates.capacity() * std::mem::size_of::<Candidate>()
            + self.raw.capacity() * std::mem::size_of::<(u32, u32)>()
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Pushes `candidate` into `candidates`, which are in [`Candidate::key`]
/// order, keeping the order.
///
/// Matches arrive in order of their end, so a candidate only moves back past
/// the candidates that end inside its own match: at most the longest
/// pattern's length times the patterns that can end at one byte, a bound of
/// the lexicon, not of the text. Cheaper than sorting at the end, which costs
/// `log n` per candidate.
fn insert_in_order(candidates: &mut Vec<Candidate>, candidate: Candidate) {
    let key = candidate.key();
    // The common case: it goes last.
    if candidates.last().is_none_or(|last| last.key() <= key) {
        candidates.push(candidate);
        return;
    }
    let mut at = candidates.len();
    candidates.push(candidate);
    while at > 0 && candidates[at - 1].key() > key {
        candidates[at] = candidates[at - 1];
        at -= 1;
    }
    candidates[at] = candidate;
}

impl Candidate {
    fn new(span: Span, stem: bool, len: usize, entry: u32, namespace: u32) -> Candidate {
        Candidate {
            position: (span.start as u64) << 32 | u64::from(u32::MAX - span.end as u32),
            rank: u64::from(stem) << 63
                | (MAX_PATTERN_LEN - (len as u64).min(MAX_PATTERN_LEN)) << 32
                | u64::from(entry),
            namespace,
        }
    }

    fn key(&self) -> (u64, u64) {
        (self.position, self.rank)
    }

    fn span(&self) -> Span {
        Span::new(
            (self.position >> 32) as usize,
            (u32::MAX - self.position as u32) as usize,
        )
    }

    fn is_stem(&self) -> bool {
        self.rank >> 63 == 1
    }

    fn entry(&self) -> u32 {
        self.rank as u32
    }
}

impl Lexicon {
    /// Compiles the phrases of `packs` into one automaton.
    ///
    /// Fails when one pack name lists the same phrase twice (after
    /// normalization), naming the pack and both lines.
    pub fn new(packs: impl IntoIterator<Item = Pack>) -> Result<Lexicon> {
        let mut compiler = Compiler::new();
        compiler.add_packs(packs)?;
        compiler.finish()
    }

    /// [`new`](Lexicon::new) with the built-in packs and the pack of
    /// `technologies` (`None`: the built-in table) before `packs`. With the
    /// built-in table, the built-in part of the work comes precomputed (see
    /// [`compile`]); another table's pack is compiled here with the built-in
    /// packs (slower, the same lexicon).
    pub(crate) fn with_builtin(
        technologies: Option<&TechnologyTable>,
        packs: impl IntoIterator<Item = Pack>,
    ) -> Result<Lexicon> {
        let mut compiler = match technologies {
            None => builtin::compiler()?,
            Some(table) => builtin::compile(builtin_packs()?, table)?,
        };
        compiler.add_packs(packs)?;
        compiler.finish()
    }

    /// Every phrase match in `text`: on word boundaries, leftmost-longest
    /// within each pack name, sorted by start (then longest first).
    #[must_use]
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_in_pieces(text, MAX_SCAN)
    }

    /// [`find`](Lexicon::find), scanning texts longer than `max` bytes in
    /// pieces that end after a line break (a phrase never spans one: the
    /// cost of 32-bit offsets, paid only past 2 GiB).
    fn find_in_pieces(&self, text: &str, max: usize) -> Vec<Hit> {
        let first_line_end = {
            let start = text.len() - text.trim_start().len();
            text[start..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| start + i)
        };
        if text.len() <= max {
            return self.find_piece(text, first_line_end);
        }
        let mut hits = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let mut end = (start + max.max(4)).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            if end < text.len()
                && let Some(line_break) = text[start..end].rfind('\n')
                && line_break > 0
            {
                end = start + line_break + 1;
            }
            let piece = &text[start..end];
            hits.extend(
                self.find_piece(piece, first_line_end.saturating_sub(start))
                    .into_iter()
                    .map(|hit| Hit {
                        span: Span::new(hit.span.start + start, hit.span.end + start),
                        entry: hit.entry,
                    }),
            );
            start = end;
        }
        hits
    }

    /// The hits of one piece of at most [`MAX_SCAN`] bytes.
    fn find_piece(&self, text: &str, first_line_end: usize) -> Vec<Hit> {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => {
                let hits = self.find_piece_with(text, first_line_end, &mut scratch);
                // A huge posting must not keep its buffers alive in the thread.
                if scratch.bytes() > Scratch::KEEP_BYTES {
                    *scratch = Scratch::default();
                }
                hits
            }
            Err(_) => self.find_piece_with(text, first_line_end, &mut Scratch::default()),
        })
    }

    fn find_piece_with(
        &self,
        text: &str,
        first_line_end: usize,
        scratch: &mut Scratch,
    ) -> Vec<Hit> {
        let Scratch { candidates, raw } = scratch;
        candidates.clear();
        raw.clear();
        self.walk(text, raw);
        candidates.reserve(raw.len());
        self.collect(text, first_line_end, raw, candidates);
        self.resolve(candidates)
    }

    /// The candidates of the automaton's `raw` matches: those that end on a
    /// word boundary and sit where their group's anchor allows, one per entry
    /// of the pattern, in [`Candidate::key`] order.
    fn collect(
        &self,
        text: &str,
        first_line_end: usize,
        raw: &[(u32, u32)],
        candidates: &mut Vec<Candidate>,
    ) {
        for &(end, pattern) in raw.iter() {
            let end = end as usize;
            let pattern = &self.patterns[pattern as usize];
            let len = pattern.len as usize;
            let mut span = Span::new(end - len, end);
            if !ends_on_word_boundary(text, span, pattern.end_edge) {
                continue;
            }
            if pattern.stem {
                span.end += word_len_at(text, span.end);
            }
            // Most patterns have one entry, placed anywhere.
            if pattern.more_count == 0 && pattern.slot.anchor == Anchor::Anywhere {
                let slot = &pattern.slot;
                insert_in_order(
                    candidates,
                    Candidate::new(span, pattern.stem, len, slot.entry, slot.namespace),
                );
                continue;
            }
            let others = &self.slots[pattern.more as usize..][..pattern.more_count as usize];
            for slot in std::iter::once(&pattern.slot).chain(others) {
                let anchored = match slot.anchor {
                    Anchor::Anywhere => true,
                    Anchor::LineStart => near_line_start(text, span.start),
                    Anchor::FirstLine => span.end <= first_line_end,
                };
                if anchored {
                    insert_in_order(
                        candidates,
                        Candidate::new(span, pattern.stem, len, slot.entry, slot.namespace),
                    );
                }
            }
        }
    }

    /// The hits: leftmost-longest among the `candidates` of each namespace.
    fn resolve(&self, candidates: &[Candidate]) -> Vec<Hit> {
        // Leftmost-longest per namespace: in order of start, longest first,
        // keep each candidate that begins after the last one its namespace
        // kept.
        let mut hits = Vec::with_capacity(candidates.len());
        // The last kept span per namespace; an empty span at 0 for none
        // (nothing starts before 0), which saves an `Option`'s tag test.
        let mut last: Vec<Span> = vec![Span::new(0, 0); self.namespaces.len()];
        for &candidate in candidates.iter() {
            let span = candidate.span();
            let stem = candidate.is_stem();
            // Skip what overlaps the last kept match, except the same words
            // listed in another group (context groups share phrases); over
            // the same words, a whole phrase beats a stem, a longer stem a
            // shorter one (`competenc*` over `compet*`), and a stem never
            // counts twice.
            let last = &mut last[candidate.namespace as usize];
            if span.start < last.end && (span != *last || stem) {
                continue;
            }
            *last = span;
            hits.push(Hit {
                span,
                entry: EntryId(candidate.entry()),
            });
        }
        hits
    }

    /// Runs the automaton over `text` as it reads it (see [`marked`]): each
    /// byte normalized on the fly, a [`WORD_START`] fed before every word,
    /// without writing the normalized text anywhere. Pushes the end of each
    /// match in `text` and its pattern to `raw`, in order of end.
    ///
    /// One loop over the whole text, out of line, that hands each match
    /// state to [`record`], itself out of line: the loop keeps its state in
    /// registers (the call only clobbers what `record` uses), and a match
    /// costs a call instead of a return from the loop and a new entry to it
    /// (a walk that returned from its loop at every match state ran 22 M more
    /// instructions per corpus pass, most of them the loop's prologue).
    /// Inlined next to the code that pushes the matches, the loop spilled
    /// its state to the stack on every byte.
    #[inline(never)]
    fn walk(&self, text: &str, raw: &mut Vec<(u32, u32)>) {
        let automaton = &self.automaton;
        let bytes = text.as_bytes();
        let (mut state, mut in_word) = (self.start, false);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if state == self.start && b < 0x80 {
                state = self.from_start[usize::from(in_word)][usize::from(b)];
                in_word = ASCII[usize::from(b)].1;
            } else {
                (state, in_word) = self.step(text, i, b, state, in_word);
            }
            i += 1;
            if automaton.is_match(state) {
                record(automaton, state, i, raw);
            }
        }
    }

    /// One byte of the walk: `b` is `text[i]`; feeds the automaton the
    /// word mark when a word starts here, then the byte as it reads.
    #[inline(always)]
    fn step(
        &self,
        text: &str,
        i: usize,
        b: u8,
        mut state: StateID,
        in_word: bool,
    ) -> (StateID, bool) {
        let automaton = &self.automaton;
        let (read, word) = if b < 0x80 {
            ASCII[b as usize]
        } else if b >= 0xc0 {
            // A char's first byte decides whether it is a word char;
            // its other bytes go through as they are.
            let c = text[i..].chars().next().unwrap_or_default();
            (b, is_word_char(c))
        } else {
            (b, in_word)
        };
        if word && !in_word {
            state = automaton.next_state(Anchored::No, state, WORD_START);
        }
        (automaton.next_state(Anchored::No, state, read), word)
    }

    /// The bare automaton pass over `text`, nothing else: the same walk as
    /// [`find`](Lexicon::find), counting matches, with no boundary checks
    /// or overlap resolution. The limit a one-pass design can reach;
    /// benchmarks compare the full lint with it.
    #[doc(hidden)]
    #[must_use]
    pub fn bare_scan(&self, text: &str) -> usize {
        // Its own loop, with the counting inline: the reference must not
        // pay for the call per match that `walk` makes to keep `find`'s
        // loop in registers.
        let automaton = &self.automaton;
        let mut state = self.start;
        let bytes = text.as_bytes();
        let (mut count, mut in_word) = (0, false);
        for (i, &b) in bytes.iter().enumerate() {
            if state == self.start && b < 0x80 {
                state = self.from_start[usize::from(in_word)][usize::from(b)];
                in_word = ASCII[usize::from(b)].1;
            } else {
                (state, in_word) = self.step(text, i, b, state, in_word);
            }
            if automaton.is_match(state) {
                count += automaton.match_len(state);
            }
        }
        count
    }

    /// The phrase entry a hit refers to.
    #[must_use]
    #[inline]
    pub fn entry(&self, id: EntryId) -> Entry<'_> {
        let data = &self.entries[id.0 as usize];
        let group = &self.groups[data.group as usize];
        Entry {
            phrase: &self.phrases[id.0 as usize].text,
            group: &group.group,
            group_id: GroupId(data.group),
            pack: &self.namespaces[group.namespace as usize],
            kind: group.kind,
        }
    }

    /// The kind of a phrase entry's group: [`Entry::kind`], without the rest.
    #[must_use]
    pub fn kind_of(&self, id: EntryId) -> KindId {
        self.entries[id.0 as usize].kind
    }

    /// The kind of a group, interned: what [`Entry::kind`] is for each of
    /// its phrases.
    #[must_use]
    pub fn group_kind(&self, id: GroupId) -> KindId {
        self.groups[id.0 as usize].kind
    }

    /// A phrase entry's phrase, shared (for evidence that outlives the
    /// lexicon's borrow).
    pub(crate) fn shared_phrase(&self, id: EntryId) -> Arc<str> {
        let phrase = &self.phrases[id.0 as usize];
        Arc::clone(phrase.shared.get_or_init(|| Arc::from(&*phrase.text)))
    }

    /// A kind's name, shared.
    pub(crate) fn shared_kind_name(&self, kind: KindId) -> Arc<str> {
        Arc::clone(&self.kind_names[kind.index()])
    }

    /// The interned id of a group kind, if any group has it.
    #[must_use]
    pub fn kind_id(&self, kind: &str) -> Option<KindId> {
        self.kinds.get(kind).copied()
    }

    /// The ids of the kinds the built-in code reads, resolved when the
    /// lexicon was built (see [`Kinds`]).
    #[must_use]
    pub(crate) fn kinds(&self) -> &Kinds {
        &self.kind_ids
    }

    /// The number of distinct kinds.
    #[must_use]
    pub fn kind_count(&self) -> usize {
        self.kinds.len()
    }

    /// For a phrase of a hidden context group, the group whose context it is.
    #[must_use]
    pub fn context_owner(&self, id: EntryId) -> Option<GroupId> {
        self.entries[id.0 as usize].context_of.map(GroupId)
    }

    /// The group whose context phrases stand for `id`'s context: `id`
    /// itself, or an earlier group of its pack that lists the same context
    /// (whose phrases are matched once for both). The key to look a
    /// group's context up by among the [`context_owner`](Lexicon::context_owner)s
    /// of hits; `None` for a group without a context.
    #[must_use]
    pub fn context_key(&self, id: GroupId) -> Option<GroupId> {
        self.groups[id.0 as usize].context_key.map(GroupId)
    }

    /// A group by id.
    #[must_use]
    pub fn group(&self, id: GroupId) -> &Group {
        &self.groups[id.0 as usize].group
    }

    /// All groups, with their ids.
    pub fn groups(&self) -> impl Iterator<Item = (GroupId, &Group)> {
        self.groups
            .iter()
            .enumerate()
            .map(|(i, data)| (GroupId(i as u32), &data.group))
    }

    /// Number of phrases (after `(s)` expansion).
    #[must_use]
    pub fn phrase_count(&self) -> usize {
        self.entries.len()
    }

    /// Names of the loaded packs.
    pub fn pack_names(&self) -> impl Iterator<Item = &str> {
        self.namespaces
            .iter()
            .map(String::as_str)
            .filter(|name| !name.contains('#'))
    }

    /// Runs the self-test cases of `pack` against this lexicon: in each case's
    /// text, the phrases of that pack that match must be exactly the listed
    /// ones, in order.
    pub fn check_cases(&self, pack: &Pack) -> Result<()> {
        for (i, case) in pack.cases.iter().enumerate() {
            let found: Vec<String> = self
                .find(&case.text)
                .into_iter()
                .map(|hit| self.entry(hit.entry))
                .filter(|entry| entry.pack == pack.name)
                .map(|entry| entry.phrase.to_owned())
                .collect();
            if found != case.hits {
                return Err(Error::PackCase {
                    pack: pack.name.clone(),
                    case: i + 1,
                    expected: case.hits.clone(),
                    found,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The walk feeds the automaton exactly the marked text: its matches
        /// are the crate's own overlapping search over that text, each end
        /// moved back by the marks before it.
        #[test]
        fn the_walk_matches_like_a_search_over_the_marked_text(
            text in "([A-Za-z0-9_ \t\r\n,.;:!?'()/&+@#*-]|[\\x00-\\x7f]|é|ß|\u{2019}|\u{00a0}|中|😀|data|science|machine learning|a/b|c\\+\\+){0,40}"
        ) {
            let lexicon = builtin();
            let mut walked = Vec::new();
            lexicon.walk(&text, &mut walked);
            let mut walked: Vec<(usize, usize)> = walked
                .into_iter()
                .map(|(end, pattern)| (end as usize, pattern as usize))
                .collect();
            let marked = marked(&text);
            let input = aho_corasick::Input::new(&marked);
            let mut searched = Vec::new();
            for found in lexicon.automaton.try_find_overlapping_iter(input).unwrap() {
                let marks = marked[..found.end()].iter().filter(|&&b| b == WORD_START).count();
                searched.push((found.end() - marks, found.pattern().as_usize()));
            }
            // The crate reports the matches ending at one byte in its own
            // order; compare as sets per end.
            walked.sort_unstable();
            searched.sort_unstable();
            prop_assert_eq!(walked, searched);
        }
    }

    fn builtin() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::new(builtin_packs().unwrap()).unwrap())
    }

    fn lexicon(toml: &str) -> Lexicon {
        Lexicon::new(vec![Pack::from_toml("test", toml).unwrap()]).unwrap()
    }

    fn found<'a>(lexicon: &Lexicon, text: &'a str) -> Vec<&'a str> {
        lexicon
            .find(text)
            .iter()
            .map(|hit| &text[hit.span.start..hit.span.end])
            .collect()
    }

    const PACK: &str = r#"
[pack]
name = "t"
[[group]]
kind = "k"
phrases = ["rag", "rag pipeline", "what you'll do", "real time", "c++", "ml"]
"#;

    #[test]
    fn general_punctuation_has_no_word_char() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric() && c != '_', "{c:?}");
        }
    }

    #[test]
    fn matches_respect_word_boundaries() {
        let lexicon = lexicon(PACK);
        assert_eq!(
            found(&lexicon, "leverage storage fragments"),
            Vec::<&str>::new()
        );
        assert_eq!(found(&lexicon, "RAG, (rag) rag."), ["RAG", "rag", "rag"]);
        assert_eq!(found(&lexicon, "HTML and ML"), ["ML"]);
        assert_eq!(found(&lexicon, "C++ and c++17"), ["C++", "c++"]);
    }

    #[test]
    fn longest_valid_match_wins_and_falls_back() {
        let lexicon = lexicon(PACK);
        assert_eq!(found(&lexicon, "a rag pipeline here"), ["rag pipeline"]);
        // `rag pipeline` fails its end boundary here; `rag` still matches.
        assert_eq!(found(&lexicon, "rag pipelines"), ["rag"]);
    }

    #[test]
    fn apostrophes_hyphens_and_case_are_normalized() {
        let lexicon = lexicon(PACK);
        assert_eq!(
            found(&lexicon, "WHAT YOU’LL DO: Real-Time\nreal\ttime"),
            ["WHAT YOU’LL DO", "Real-Time", "real\ttime"]
        );
    }

    #[test]
    fn stems_match_word_beginnings_and_longer_phrases_shadow_them() {
        let lexicon = lexicon(
            r#"
[pack]
name = "t"
[[group]]
kind = "coded"
phrases = ["compet*", "lead*"]
[[group]]
kind = "neutral"
phrases = ["competitive salary", "lead data scientist"]
"#,
        );
        assert_eq!(
            found(
                &lexicon,
                "Competitive people, a competitive salary; leaders lead. Lead Data Scientist; incompetent"
            ),
            [
                "Competitive",
                "competitive salary",
                "leaders",
                "lead",
                "Lead Data Scientist"
            ]
        );
        let lexicon_with_longer_stem = self::tests::lexicon(
            r#"
[pack]
name = "t"
[[group]]
kind = "coded"
phrases = ["compet*"]
[[group]]
kind = "neutral"
phrases = ["competenc*"]
"#,
        );
        let hits = lexicon_with_longer_stem.find("core competencies");
        assert_eq!(
            lexicon_with_longer_stem.entry(hits[0].entry).phrase,
            "competenc*"
        );
        let hits = lexicon.find("competes");
        assert_eq!(lexicon.entry(hits[0].entry).phrase, "compet*");
    }

    #[test]
    fn long_texts_scanned_in_pieces_give_the_same_hits() {
        let lexicon = lexicon(PACK);
        let text = "RAG pipeline and real-time\nc++ and ml\n\u{2019}rag\u{2019} \u{e9}ml, rag\n"
            .repeat(20);
        let whole = lexicon.find(&text);
        // Pieces longer than a line end after a line break: nothing is lost.
        for max in [60, 64, 100, 333] {
            assert_eq!(lexicon.find_in_pieces(&text, max), whole, "pieces of {max}");
        }
    }

    #[test]
    fn groups_with_the_same_context_share_its_phrases() {
        let lexicon = lexicon(
            r#"[pack]
name = "test"
[[group]]
kind = "a"
phrases = ["build"]
context = ["model", "LLM"]
[[group]]
kind = "b"
phrases = ["deploy"]
context = ["llm", "models", "model"]
[[group]]
kind = "c"
phrases = ["ship"]
context = ["LLM", "Model"]
"#,
        );
        let group = |phrase: &str| {
            let hits = lexicon.find(phrase);
            lexicon.entry(hits[0].entry).group_id
        };
        let (a, b, c) = (group("build"), group("deploy"), group("ship"));
        // The same phrases, however written, are one list matched once.
        assert_eq!(lexicon.context_key(a), Some(a));
        assert_eq!(lexicon.context_key(c), Some(a));
        assert_eq!(lexicon.context_key(b), Some(b));
        let contexts: Vec<_> = lexicon
            .find("the model")
            .iter()
            .filter_map(|hit| lexicon.context_owner(hit.entry))
            .collect();
        assert_eq!(contexts, [a, b]);
    }

    #[test]
    fn duplicate_phrases_are_an_error_naming_the_line() {
        let text = "[pack]\nname = \"t\"\n[[group]]\nkind = \"a\"\nphrases = [\"x y\"]\n[[group]]\nkind = \"b\"\nphrases = [\"X-Y\"]\n";
        let err = Lexicon::new(vec![Pack::from_toml("t", text).unwrap()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 6") && err.contains("line 3"), "{err}");
    }

    #[test]
    fn packs_with_different_names_do_not_shadow_each_other() {
        let a = Pack::from_toml("a", "[pack]\nname = \"a\"\n[[group]]\nkind = \"k\"\nphrases = [\"machine learning engineer\"]\n").unwrap();
        let b = Pack::from_toml(
            "b",
            "[pack]\nname = \"b\"\n[[group]]\nkind = \"k\"\nphrases = [\"learning\"]\n",
        )
        .unwrap();
        let lexicon = Lexicon::new(vec![a, b]).unwrap();
        assert_eq!(
            found(&lexicon, "machine learning engineer"),
            ["machine learning engineer", "learning"]
        );
    }

    #[test]
    fn builtin_packs_parse_compile_and_pass_their_cases() {
        let packs = builtin_packs().unwrap();
        let lexicon = Lexicon::new(packs.clone()).unwrap();
        for pack in &packs {
            lexicon.check_cases(pack).unwrap();
        }
    }
}
