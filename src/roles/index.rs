//! What each sentence of one document says about its hits, worked out once
//! per posting for the role profile and all rules: the sentence of each hit,
//! the sentences that negate or delegate, and the context groups each
//! sentence satisfies. With [`Document::hits_of_kind`], the hits are walked
//! once per posting, not once per rule.

use super::Role;
use crate::document::Document;
use crate::lexicon::{GroupId, Lexicon};

/// A delegation cue that names no role hands over everyone's work.
const ANY_ROLE: u8 = 1 << 7;
/// Tag of the delegation groups that are collaboration (`lints/cues.toml`).
const COLLABORATION_TAG: &str = "collaboration";

/// What each sentence says about the hits in it.
#[derive(Debug, Clone, Default)]
pub struct HitIndex {
    /// The sentence of each hit, [`NO_SENTENCE`] for none.
    sentence: Vec<u32>,
    /// Per sentence: whether a negation cue is in it.
    negated: Vec<bool>,
    /// The lines (0-based, ascending) holding a mark that what they ask is
    /// only preferred ("is a plus", "nice to have").
    preferred_lines: Vec<usize>,
    /// Per sentence: the roles whose work a delegation cue in it hands over,
    /// one bit per [`Role::index`], and [`ANY_ROLE`].
    delegated: Vec<u8>,
    /// The same for the cues of the hire working with another role ("work
    /// closely with ML engineers to deploy"), which hand nothing over.
    collaborating: Vec<u8>,
    /// (sentence, group) for each context phrase found, sorted (a sentence
    /// past `u32::MAX` counts as [`NO_SENTENCE`]).
    context_seen: Vec<(u32, GroupId)>,
}

impl HitIndex {
    /// Indexes the hits of `document`.
    #[must_use]
    pub fn new(document: &Document<'_>, lexicon: &Lexicon) -> Self {
        let kinds = lexicon.kinds();
        let (negation, delegation) = (kinds.negation, kinds.delegation);
        let (preferred, context) = (kinds.preferred_cue, kinds.context);
        let sentences = document.sentences();
        let mut index = HitIndex {
            sentence: Vec::with_capacity(document.hits().len()),
            negated: vec![false; sentences.len()],
            preferred_lines: Vec::new(),
            delegated: vec![0; sentences.len()],
            collaborating: vec![0; sentences.len()],
            // At most one entry per context phrase: reserved once, never
            // regrown.
            context_seen: Vec::with_capacity(document.hits_of_kind(context).size_hint().0),
        };
        // The sentence of every hit: hits are sorted by start and sentences
        // are disjoint and in order, so each sentence takes the run of hits
        // that start inside it, and the hits between sentences are in none.
        // Counted run by run and written with `resize` (a fill), not decided
        // hit by hit.
        let hits = document.hits();
        let mut at = 0;
        for (number, sentence) in sentences.iter().enumerate() {
            let before = at
                + hits[at..]
                    .iter()
                    .take_while(|hit| hit.span.start < sentence.span.start)
                    .count();
            let inside = before
                + hits[before..]
                    .iter()
                    .take_while(|hit| hit.span.start < sentence.span.end)
                    .count();
            index.sentence.resize(before, NO_SENTENCE);
            index
                .sentence
                .resize(inside, u32::try_from(number).unwrap_or(NO_SENTENCE));
            at = inside;
        }
        index.sentence.resize(hits.len(), NO_SENTENCE);
        // Then only the hits of the kinds this index records, kind by kind,
        // each in order: a pass over every hit that compared its kind with
        // four others cost more than the rest of the index.
        // Hits come by start, so `context_seen` fills sentence by sentence:
        // only each sentence's run of groups needs sorting. Only the hidden
        // context groups' phrases have a context owner.
        let mut run_start = 0;
        for (i, hit) in document.hits_of_kind(context) {
            let number = index.sentence[i as usize];
            let Some(owner) = lexicon.context_owner(hit.entry) else {
                continue;
            };
            if number == NO_SENTENCE {
                continue;
            }
            if index.context_seen.last().is_some_and(|&(s, _)| s != number) {
                index.context_seen[run_start..].sort_unstable();
                run_start = index.context_seen.len();
            }
            index.context_seen.push((number, owner));
        }
        // The cues below are few; their sentences are the ones found above.
        for (i, _) in document.hits_of_kind(negation) {
            if let Some(sentence) = index.sentence(i) {
                index.negated[sentence] = true;
            }
        }
        for (i, hit) in document.hits_of_kind(preferred) {
            if index.sentence(i).is_some() {
                let line = document.lines().line_of(hit.span.start);
                if index.preferred_lines.last() != Some(&line) {
                    index.preferred_lines.push(line);
                }
            }
        }
        for (i, hit) in document.hits_of_kind(delegation) {
            if let Some(sentence) = index.sentence(i) {
                let group = lexicon.entry(hit.entry).group;
                let bits = group.role.map_or(ANY_ROLE, role_bit);
                if group.has_tag(COLLABORATION_TAG) {
                    index.collaborating[sentence] |= bits;
                } else {
                    index.delegated[sentence] |= bits;
                }
            }
        }
        index.context_seen[run_start..].sort_unstable();
        index.context_seen.dedup();
        index
    }

    /// The sentence of the hit at `index`.
    #[must_use]
    pub fn sentence(&self, index: u32) -> Option<usize> {
        self.sentence
            .get(index as usize)
            .filter(|&&s| s != NO_SENTENCE)
            .map(|&s| s as usize)
    }

    /// Whether a negation cue is in the sentence.
    #[must_use]
    pub fn is_negated(&self, sentence: Option<usize>) -> bool {
        sentence.is_some_and(|s| self.negated.get(s).copied().unwrap_or(false))
    }

    /// Whether the line (0-based) marks what it asks as only preferred
    /// ("experience with LLM APIs is a plus"). A line, not a sentence: an
    /// unpunctuated list reads as one sentence, and "PhD preferred" on one
    /// of its lines says nothing of the others.
    #[must_use]
    pub fn is_preferred_line(&self, line: usize) -> bool {
        self.preferred_lines.binary_search(&line).is_ok()
    }

    /// Whether a delegation cue ("hand them off to engineering") or a cue of
    /// working with another role ("partner with engineering to ...") is in
    /// the sentence.
    #[must_use]
    pub fn is_delegated(&self, sentence: Option<usize>) -> bool {
        bits_at(&self.delegated, sentence) | bits_at(&self.collaborating, sentence) != 0
    }

    /// Whether a delegation cue in the sentence hands `role`'s work to
    /// someone else ("ML engineers own deployment", "partner with the ML
    /// engineers who deploy"). Working with engineering in general ("partner
    /// with engineering to deploy the models") is not: no other role is
    /// named to take the work, so the hire still does it.
    #[must_use]
    pub fn delegates(&self, sentence: Option<usize>, role: Role) -> bool {
        bits_at(&self.delegated, sentence) & role_bit(role) != 0
    }

    /// Whether a phrase of a group's context is in the sentence; `key` is the
    /// group's [`Lexicon::context_key`] (groups with the same context share
    /// its phrases).
    #[must_use]
    pub fn has_context(&self, sentence: Option<usize>, key: GroupId) -> bool {
        sentence
            .and_then(|s| u32::try_from(s).ok())
            .is_some_and(|s| self.context_seen.binary_search(&(s, key)).is_ok())
    }
}

/// The sentence of a hit outside every sentence (and, past 4 billion
/// sentences, of a hit in a sentence it cannot number).
const NO_SENTENCE: u32 = u32::MAX;

fn role_bit(role: Role) -> u8 {
    1 << role.index()
}

/// The role bits of `sentence` in a per-sentence list (none for no sentence).
fn bits_at(bits: &[u8], sentence: Option<usize>) -> u8 {
    sentence.map_or(0, |s| bits.get(s).copied().unwrap_or(0))
}
