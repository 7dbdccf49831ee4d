//! The document model: tokens, lines, blocks, sentences and sections of a
//! posting, all as byte spans into the text.
//!
//! A [`Document`] is built in one pass over the text plus one pass of the
//! lexicon's automaton ([`Lexicon::find`]); the section model reads the heading
//! and boilerplate phrases among those hits, so nothing is scanned twice.
//!
//! ```
//! use jdlint::document::{BlockKind, Document, SectionKind};
//! use jdlint::lexicon::Lexicon;
//! let text = "Data Scientist\n\nWhat you'll do:\n- Design pricing experiments\n\nBenefits\n- Health insurance\n";
//! let lexicon = jdlint::Linter::new().lexicon().clone();
//! let doc = Document::parse(text, &lexicon);
//! assert_eq!(doc.title_text(), Some("Data Scientist"));
//! let kinds: Vec<SectionKind> = doc.sections().iter().map(|s| s.kind).collect();
//! assert_eq!(kinds, [SectionKind::Responsibilities, SectionKind::Benefits]);
//! let experiments = text.find("pricing").unwrap();
//! assert_eq!(doc.section_at(experiments), SectionKind::Responsibilities);
//! assert_eq!(doc.block_at(experiments).unwrap().kind, BlockKind::Bullet);
//! ```

mod lines;
mod structure;
pub(crate) use structure::trim as trim_span;
mod tokens;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use self::lines::LineIndex;
pub(crate) use self::structure::{JOB_NOUNS, opens_with_name_and_verb};
#[doc(hidden)]
pub(crate) use self::tokens::is_one_of_caseless;

/// Whether a sentence's text is a question put to the reader ("Are you
/// passionate about ...?"): the pitch of a posting, not a duty it lists.
pub(crate) fn is_question(sentence: &str) -> bool {
    sentence.trim_end().ends_with('?')
}
pub use self::tokens::tokenize_unicode;
pub use self::tokens::{Token, TokenKind, tokenize};
use crate::lexicon::{Hit, KindId, Lexicon};
use crate::span::{LineCol, Span};

/// What part of a posting a stretch of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// The posting's title line.
    Title,
    /// The role summary: text before the first heading, "About the role".
    Summary,
    /// What the hire will do.
    Responsibilities,
    /// What the hire must have.
    Requirements,
    /// Nice to have.
    Preferred,
    /// About the company: who the employer is, its mission and culture.
    Company,
    /// About the team the hire joins ("About the team", "Team description"):
    /// the team's work is the job's context, so it counts, but less than the
    /// hire's own duties.
    Team,
    /// Benefits and perks.
    Benefits,
    /// Pay and equity.
    Compensation,
    /// Equal opportunity, accommodation, privacy and other legal text.
    Legal,
    /// A heading jdlint does not recognise.
    Other,
}

impl SectionKind {
    /// Every kind, in declaration order.
    pub const ALL: [SectionKind; 11] = [
        SectionKind::Title,
        SectionKind::Summary,
        SectionKind::Responsibilities,
        SectionKind::Requirements,
        SectionKind::Preferred,
        SectionKind::Company,
        SectionKind::Team,
        SectionKind::Benefits,
        SectionKind::Compensation,
        SectionKind::Legal,
        SectionKind::Other,
    ];

    /// The lowercase name used in packs and JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SectionKind::Title => "title",
            SectionKind::Summary => "summary",
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::Requirements => "requirements",
            SectionKind::Preferred => "preferred",
            SectionKind::Company => "company",
            SectionKind::Team => "team",
            SectionKind::Benefits => "benefits",
            SectionKind::Compensation => "compensation",
            SectionKind::Legal => "legal",
            SectionKind::Other => "other",
        }
    }

    /// True for sections that describe the employer rather than the job:
    /// company blurbs, benefits, compensation and legal text.
    #[must_use]
    pub const fn is_boilerplate(self) -> bool {
        matches!(
            self,
            SectionKind::Company
                | SectionKind::Benefits
                | SectionKind::Compensation
                | SectionKind::Legal
        )
    }
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The posting's title line.
    Title,
    /// A heading line (or the heading part of `Heading: text`).
    Heading,
    /// A list item.
    Bullet,
    /// One or more consecutive lines of prose.
    Paragraph,
}

/// A heading, a list item or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// The block's bytes, trimmed, including any list marker or `#`s.
    pub span: Span,
    /// The block's text without its list marker, `#`s or trailing `:`.
    pub content: Span,
    /// The section the block belongs to.
    pub section: SectionKind,
}

/// A sentence (or a list item without sentence punctuation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's bytes.
    pub span: Span,
    /// Index of its block in [`Document::blocks`].
    pub block: usize,
    /// The section it belongs to (a boilerplate sentence inside another
    /// section, such as an equal-opportunity statement, has its own).
    pub section: SectionKind,
}

/// A run of blocks under one heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// What the heading says the section is.
    pub kind: SectionKind,
    /// The heading's content, or `None` for the text before the first heading.
    pub heading: Option<Span>,
    /// From the heading (or the first block) to the start of the next section.
    pub span: Span,
}

/// A posting, analysed: tokens, lines, blocks, sentences, sections and the
/// phrase hits of the lexicon it was parsed with.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: &'a str,
    /// Built on first use: the structure reads the text directly, and most
    /// rules never need tokens.
    tokens: OnceLock<Vec<Token>>,
    lines: LineIndex,
    hits: Vec<Hit>,
    /// The indices in `hits` of the hits of each group kind, kind after
    /// kind: those of kind `k` are `by_kind[kind_starts[k]..kind_starts[k + 1]]`.
    by_kind: Vec<u32>,
    kind_starts: Vec<u32>,
    blocks: Vec<Block>,
    sentences: Vec<Sentence>,
    sections: Vec<Section>,
    title: Option<Span>,
}

impl<'a> Document<'a> {
    /// Analyses a posting whose first line is its title when it looks like
    /// one (short, no sentence punctuation, not a section heading).
    #[must_use]
    pub fn parse(text: &'a str, lexicon: &Lexicon) -> Self {
        Self::build(text, lexicon, true)
    }

    /// Analyses a posting body whose title is given elsewhere: the first line
    /// is never taken as a title.
    #[must_use]
    pub fn parse_body(text: &'a str, lexicon: &Lexicon) -> Self {
        Self::build(text, lexicon, false)
    }

    fn build(text: &'a str, lexicon: &Lexicon, detect_title: bool) -> Self {
        let lines = LineIndex::new(text);
        let hits = lexicon.find(text);
        // A counting sort of the hits by kind: two allocations, not one
        // growing vector per kind.
        let kinds: Vec<u32> = hits
            .iter()
            .map(|hit| lexicon.kind_of(hit.entry).index() as u32)
            .collect();
        let mut kind_starts = vec![0u32; lexicon.kind_count() + 1];
        for &kind in &kinds {
            kind_starts[kind as usize + 1] += 1;
        }
        for k in 1..kind_starts.len() {
            kind_starts[k] += kind_starts[k - 1];
        }
        let mut by_kind = vec![0u32; hits.len()];
        let mut next = kind_starts.clone();
        for (i, &kind) in kinds.iter().enumerate() {
            by_kind[next[kind as usize] as usize] = i as u32;
            next[kind as usize] += 1;
        }
        let of_kind = |kind: Option<KindId>| {
            kind.map_or(&[][..], |k| {
                &by_kind[kind_starts[k.index()] as usize..kind_starts[k.index() + 1] as usize]
            })
        };
        let kinds = lexicon.kinds();
        let structure = structure::analyse(
            text,
            &lines,
            &hits,
            &structure::StructureHits {
                headings: of_kind(kinds.heading),
                boilerplate: of_kind(kinds.boilerplate),
                job_board: of_kind(kinds.job_board),
                job_cues: of_kind(kinds.job_cue),
                hire_address: of_kind(kinds.hire_address),
                duty_verbs: of_kind(kinds.output_build),
                company_cues: of_kind(kinds.company_cue),
            },
            lexicon,
            detect_title,
        );
        Self {
            text,
            tokens: OnceLock::new(),
            lines,
            hits,
            by_kind,
            kind_starts,
            blocks: structure.blocks,
            sentences: structure.sentences,
            sections: structure.sections,
            title: structure.title,
        }
    }

    /// The text as given.
    #[must_use]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// All tokens, covering the text in order.
    #[must_use]
    pub fn tokens(&self) -> &[Token] {
        self.tokens.get_or_init(|| tokenize(self.text))
    }

    /// Word tokens only.
    pub fn words(&self) -> impl Iterator<Item = &Token> + '_ {
        self.tokens().iter().filter(|t| t.is_word())
    }

    /// The line index.
    #[must_use]
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// 1-based line and column (in chars) of a byte offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(self.text, offset)
    }

    /// Every lexicon hit, sorted by start.
    #[must_use]
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The hits whose group is of `kind`, with their index in
    /// [`hits`](Document::hits), in order. Indexed when the document is
    /// built, so readers of one kind never walk the others.
    ///
    /// ```
    /// let linter = jdlint::Linter::new();
    /// let lexicon = linter.lexicon();
    /// let doc = jdlint::document::Document::parse("Data Scientist\n\n- 5+ years of SQL", lexicon);
    /// let years: Vec<_> = doc.hits_of_kind(lexicon.kind_id("years")).collect();
    /// assert_eq!(doc.slice(years[0].1.span), "years");
    /// ```
    pub fn hits_of_kind(&self, kind: Option<KindId>) -> impl Iterator<Item = (u32, &Hit)> + '_ {
        self.hit_indices_of_kind(kind)
            .iter()
            .map(|&i| (i, &self.hits[i as usize]))
    }

    /// The indices in [`hits`](Document::hits) of the hits whose group is of
    /// `kind`, in order: what [`hits_of_kind`](Document::hits_of_kind) walks,
    /// as a slice, so a reader can find the hits of a kind near a position by
    /// binary search instead of walking them.
    ///
    /// ```
    /// let linter = jdlint::Linter::new();
    /// let lexicon = linter.lexicon();
    /// let doc = jdlint::document::Document::parse("Data Scientist\n\n- 5+ years of SQL", lexicon);
    /// let years = doc.hit_indices_of_kind(lexicon.kind_id("years"));
    /// assert_eq!(doc.slice(doc.hits()[years[0] as usize].span), "years");
    /// ```
    #[must_use]
    pub fn hit_indices_of_kind(&self, kind: Option<KindId>) -> &[u32] {
        kind.and_then(|k| {
            let from = *self.kind_starts.get(k.index())? as usize;
            let to = *self.kind_starts.get(k.index() + 1)? as usize;
            self.by_kind.get(from..to)
        })
        .unwrap_or_default()
    }

    /// Blocks in order.
    #[must_use]
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Sentences in order.
    #[must_use]
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Sections in order (the title line is in none).
    #[must_use]
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The title line's span, when the first line is a title.
    #[must_use]
    pub fn title(&self) -> Option<Span> {
        self.title
    }

    /// The title line's text.
    #[must_use]
    pub fn title_text(&self) -> Option<&'a str> {
        self.title.and_then(|span| span.text(self.text))
    }

    /// The text of a span of this document (empty when out of bounds).
    #[must_use]
    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text).unwrap_or_default()
    }

    /// The block holding byte `offset`, if any.
    #[must_use]
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let i = self
            .blocks
            .partition_point(|b| b.span.start <= offset)
            .checked_sub(1)?;
        let block = &self.blocks[i];
        (offset < block.span.end.max(block.span.start + 1)).then_some(block)
    }

    /// The sentence holding byte `offset`, if any.
    #[must_use]
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let i = self
            .sentences
            .partition_point(|s| s.span.start <= offset)
            .checked_sub(1)?;
        let sentence = &self.sentences[i];
        (offset < sentence.span.end).then_some(sentence)
    }

    /// Index of the sentence holding byte `offset`, if any.
    #[must_use]
    pub fn sentence_index_at(&self, offset: usize) -> Option<usize> {
        let i = self
            .sentences
            .partition_point(|s| s.span.start <= offset)
            .checked_sub(1)?;
        (offset < self.sentences[i].span.end).then_some(i)
    }

    /// The kind of section byte `offset` lies in: the sentence's own kind
    /// when it has one, otherwise the enclosing section's.
    #[must_use]
    pub fn section_at(&self, offset: usize) -> SectionKind {
        if let Some(sentence) = self.sentence_at(offset) {
            return sentence.section;
        }
        if let Some(block) = self.block_at(offset) {
            return block.section;
        }
        let i = self.sections.partition_point(|s| s.span.start <= offset);
        match i.checked_sub(1) {
            Some(i) => self.sections[i].kind,
            None if self.title.is_some_and(|t| t.contains(Span::empty(offset))) => {
                SectionKind::Title
            }
            None => SectionKind::Summary,
        }
    }
}
