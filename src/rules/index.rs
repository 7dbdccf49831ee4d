//! The hits of one document, indexed once for all rules: by kind, with the
//! sentences that negate or delegate and the context groups each sentence
//! satisfies. Every rule reads hits through it, so the hits are walked once
//! per posting, not once per rule.

use std::collections::HashSet;

use crate::document::Document;
use crate::lexicon::{GroupId, KindId, Lexicon};
use crate::roles::{DELEGATION_KIND, NEGATION_KIND};

/// Hits by kind, and what each sentence says about them.
#[derive(Debug, Clone, Default)]
pub struct HitIndex {
    /// For each kind, the indices of its hits in `Document::hits`.
    by_kind: Vec<Vec<u32>>,
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
            by_kind: vec![Vec::new(); lexicon.kind_count()],
            sentence: Vec::with_capacity(document.hits().len()),
            ..HitIndex::default()
        };
        let sentences = document.sentences();
        let mut current = 0;
        for (i, hit) in document.hits().iter().enumerate() {
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
            index.by_kind[entry.kind.index()].push(i as u32);
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

    /// Indices (into `Document::hits`) of the hits of `kind`, in order.
    #[must_use]
    pub fn of_kind(&self, kind: Option<KindId>) -> &[u32] {
        kind.and_then(|k| self.by_kind.get(k.index()))
            .map_or(&[], Vec::as_slice)
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
