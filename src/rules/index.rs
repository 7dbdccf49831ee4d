//! What each sentence of one document says about its hits, worked out once
//! for all rules: the sentences that negate or delegate, and the context
//! groups each sentence satisfies. With [`Document::hits_of_kind`], the hits
//! are walked once per posting, not once per rule.

use std::collections::HashSet;

use crate::document::Document;
use crate::lexicon::{GroupId, Lexicon};
use crate::roles::{DELEGATION_KIND, NEGATION_KIND};

/// What each sentence says about the hits in it.
#[derive(Debug, Clone, Default)]
pub struct HitIndex {
    /// The sentence of each hit.
    sentence: Vec<Option<usize>>,
    negated: HashSet<usize>,
    delegated: HashSet<usize>,
    context_seen: HashSet<(usize, GroupId)>,
}

impl HitIndex {
    /// Indexes the hits of `document`.
    #[must_use]
    pub fn new(document: &Document<'_>, lexicon: &Lexicon) -> Self {
        let negation = lexicon.kind_id(NEGATION_KIND);
        let delegation = lexicon.kind_id(DELEGATION_KIND);
        let mut index = HitIndex {
            sentence: Vec::with_capacity(document.hits().len()),
            ..HitIndex::default()
        };
        let sentences = document.sentences();
        let mut current = 0;
        for hit in document.hits() {
            // Hits are sorted by start: walk the sentences along with them.
            while current < sentences.len() && sentences[current].span.end <= hit.span.start {
                current += 1;
            }
            let sentence = sentences
                .get(current)
                .filter(|s| s.span.start <= hit.span.start)
                .map(|_| current);
            index.sentence.push(sentence);
            let entry = lexicon.entry(hit.entry);
            let Some(sentence) = sentence else { continue };
            if let Some(owner) = lexicon.context_owner(hit.entry) {
                index.context_seen.insert((sentence, owner));
            } else if Some(entry.kind) == negation {
                index.negated.insert(sentence);
            } else if Some(entry.kind) == delegation {
                index.delegated.insert(sentence);
            }
        }
        index
    }

    /// The sentence of the hit at `index`.
    #[must_use]
    pub fn sentence(&self, index: u32) -> Option<usize> {
        self.sentence.get(index as usize).copied().flatten()
    }

    /// Whether a negation cue is in the sentence.
    #[must_use]
    pub fn is_negated(&self, sentence: Option<usize>) -> bool {
        sentence.is_some_and(|s| self.negated.contains(&s))
    }

    /// Whether a delegation cue ("partner with engineers who ...") is in the
    /// sentence.
    #[must_use]
    pub fn is_delegated(&self, sentence: Option<usize>) -> bool {
        sentence.is_some_and(|s| self.delegated.contains(&s))
    }

    /// Whether a phrase of `group`'s context is in the sentence.
    #[must_use]
    pub fn has_context(&self, sentence: Option<usize>, group: GroupId) -> bool {
        sentence.is_some_and(|s| self.context_seen.contains(&(s, group)))
    }
}
