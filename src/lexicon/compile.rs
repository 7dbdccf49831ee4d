//! Compiling packs into a [`Lexicon`]: phrases to entries, entries to
//! automaton patterns, patterns to the automaton.
//!
//! A [`Compiler`] takes packs one at a time and [`finish`](Compiler::finish)es
//! into a lexicon. Everything it does before `finish` is a pure function of
//! the packs, so for the built-in packs and technology table its state is
//! computed ahead of time and kept as static tables (`builtin/generated.rs`,
//! made by this same code): a linter starts from that state
//! (`builtin::compiler`) and only adds the user's packs the slow way, then
//! builds the automaton, which aho-corasick can only build at run time.

use std::borrow::Cow;
use std::collections::hash_map::Entry as MapEntry;
use std::sync::{Arc, OnceLock};

use aho_corasick::MatchKind;
use rustc_hash::FxHashMap as HashMap;

use super::{
    Anchor, CONTEXT_KIND, EntryData, Group, GroupData, KindId, Kinds, Lexicon, Pack, PatternInfo,
    Phrase, STEM, Slot, is_word_char, marked, normalize_phrase, start_row,
};
use crate::error::{Error, Result};

/// The state of compiling packs, before the automaton is built.
#[derive(Debug, Clone, Default)]
pub(super) struct Compiler {
    pub(super) namespaces: Vec<String>,
    /// Group kinds, interned: `KindId` is the value.
    pub(super) kinds: HashMap<String, KindId>,
    pub(super) groups: Vec<GroupData>,
    pub(super) entries: Vec<EntryData>,
    /// The text of each entry.
    pub(super) phrases: Vec<Cow<'static, str>>,
    /// Each pattern as it is keyed: the normalized phrase, a stem with its
    /// `*` (so it never shares a pattern with the exact word).
    pub(super) keys: Vec<Cow<'static, str>>,
    /// Each pattern as the automaton reads it (see [`marked`]), a stem
    /// without its `*`.
    pub(super) marked: Vec<Cow<'static, [u8]>>,
    /// (pattern, entry) in the order entries were added.
    pub(super) pattern_entries: Vec<(u32, u32)>,
    /// The ids of the static patterns (the first `static_index.len()`),
    /// sorted by key: looked up by binary search, so starting from the
    /// static state builds no map of them.
    pub(super) static_index: &'static [u32],
    /// The ids of the other patterns, by key.
    pub(super) by_key: HashMap<String, u32>,
    /// (namespace, pattern of the normalized phrase) -> line of the group
    /// that listed it, and whether that group has a context.
    pub(super) seen: HashMap<(u32, u32), (usize, bool)>,
    /// (namespace, normalized context phrases, sorted) -> the first group
    /// that listed them.
    pub(super) contexts: HashMap<(u32, Vec<String>), u32>,
    /// The namespaces that came from the static state whose phrases and
    /// contexts are not in `seen` and `contexts` yet: they are put there
    /// only when a later pack joins the namespace (rare: a user pack named
    /// like a built-in one), so starting from the static state fills no map.
    pub(super) unindexed: Vec<bool>,
}

impl Compiler {
    /// The id of the pattern keyed `key`, if any.
    fn pattern(&self, key: &str) -> Option<u32> {
        if let Some(&id) = self.by_key.get(key) {
            return Some(id);
        }
        self.static_index
            .binary_search_by(|&id| self.keys[id as usize].as_ref().cmp(key))
            .ok()
            .map(|at| self.static_index[at])
    }

    /// Adds an entry for `phrase` (normalized: `normalized`) to `group`;
    /// returns the pattern of its normalized form.
    fn add_entry(&mut self, phrase: Cow<'static, str>, normalized: String, group: u32) -> u32 {
        let entry = self.entries.len() as u32;
        self.phrases.push(phrase);
        self.entries.push(EntryData {
            group,
            // Set once the group is known (`finish`).
            kind: KindId(0),
            context_of: None,
        });
        // The text's apostrophe may be curly: a phrase with one gets a
        // second pattern.
        let curly = normalized
            .contains('\'')
            .then(|| normalized.replace('\'', "\u{2019}"));
        let mut first = None;
        for variant in std::iter::once(normalized).chain(curly) {
            let pattern = match self.pattern(&variant) {
                Some(known) => known,
                None => {
                    let next = self.keys.len() as u32;
                    let read = marked(variant.strip_suffix(STEM).unwrap_or(&variant));
                    self.marked.push(Cow::Owned(read));
                    self.keys.push(Cow::Owned(variant.clone()));
                    self.by_key.insert(variant, next);
                    next
                }
            };
            self.pattern_entries.push((pattern, entry));
            first.get_or_insert(pattern);
        }
        first.expect("a phrase has at least its own form")
    }

    fn intern(&mut self, kind: &str) -> KindId {
        let next = KindId(self.kinds.len() as u32);
        *self.kinds.entry(kind.to_owned()).or_insert(next)
    }

    /// Puts the phrases and contexts of a namespace of the static state in
    /// `seen` and `contexts`, as adding its packs would have.
    fn index_namespace(&mut self, namespace: u32) {
        if !std::mem::take(&mut self.unindexed[namespace as usize]) {
            return;
        }
        for (index, data) in self.groups.iter().enumerate() {
            if data.namespace != namespace || data.context_of.is_some() {
                continue;
            }
            let group = &data.group;
            let has_context = !group.context.is_empty();
            for phrase in &group.phrases {
                let pattern = self
                    .pattern(&normalize_phrase(phrase))
                    .expect("a static phrase has its pattern");
                self.seen
                    .insert((namespace, pattern), (group.line, has_context));
            }
            if has_context {
                let mut key: Vec<String> =
                    group.context.iter().map(|p| normalize_phrase(p)).collect();
                key.sort_unstable();
                self.contexts
                    .entry((namespace, key))
                    .or_insert(index as u32);
            }
        }
    }

    /// Adds the phrases of `pack`.
    ///
    /// Fails when its pack name already lists one of its phrases (after
    /// normalization), naming the pack and both lines.
    pub(super) fn add_pack(&mut self, pack: Pack) -> Result<()> {
        let namespace = match self.namespaces.iter().position(|n| *n == pack.name) {
            Some(i) => i as u32,
            None => {
                self.namespaces.push(pack.name.clone());
                (self.namespaces.len() - 1) as u32
            }
        };
        if self.unindexed.get(namespace as usize) == Some(&true) {
            self.index_namespace(namespace);
        }
        for group in pack.groups {
            let group_index = self.groups.len() as u32;
            let context = group.context.clone();
            let line = group.line;
            for phrase in &group.phrases {
                // A phrase may sit in two groups only when both need a
                // context (`deploy` next to `model` and next to `LLM`).
                let has_context = !context.is_empty();
                let pattern = self.add_entry(phrase.clone(), normalize_phrase(phrase), group_index);
                if let Some((first, first_has_context)) = self
                    .seen
                    .insert((namespace, pattern), (group.line, has_context))
                    && !(has_context && first_has_context)
                {
                    return Err(Error::Pack {
                        pack: pack.name.clone(),
                        line: group.line,
                        message: format!(
                            "phrase {phrase:?} is already listed (group at line {first}); list each phrase once, or give both groups a `context`"
                        ),
                    });
                }
            }
            let kind = self.intern(&group.kind);
            // Groups of one pack that list the same context share its
            // phrases: each is matched once, not once per group. The
            // first group to list them owns them.
            let normalized: Vec<String> = context.iter().map(|p| normalize_phrase(p)).collect();
            let (context_key, owns_context) = if context.is_empty() {
                (None, false)
            } else {
                let mut key = normalized.clone();
                key.sort_unstable();
                match self.contexts.entry((namespace, key)) {
                    MapEntry::Occupied(first) => (Some(*first.get()), false),
                    MapEntry::Vacant(new) => (Some(*new.insert(group_index)), true),
                }
            };
            self.groups.push(GroupData {
                group,
                namespace,
                context_of: None,
                context_key,
                kind,
            });
            if owns_context {
                // Context phrases live in a namespace of their own, so
                // they neither shadow nor are shadowed by evidence.
                self.namespaces
                    .push(format!("{}#context@{line}", pack.name));
                let context_namespace = (self.namespaces.len() - 1) as u32;
                let context_index = self.groups.len() as u32;
                for (phrase, normalized) in context.iter().zip(normalized) {
                    self.add_entry(phrase.clone(), normalized, context_index);
                }
                self.groups.push(GroupData {
                    group: context_group(context, line),
                    namespace: context_namespace,
                    context_of: Some(group_index),
                    context_key: None,
                    kind: KindId(0),
                });
            }
        }
        Ok(())
    }

    /// Adds the phrases of `packs`, in order (see [`add_pack`](Compiler::add_pack)).
    pub(super) fn add_packs(&mut self, packs: impl IntoIterator<Item = Pack>) -> Result<()> {
        packs.into_iter().try_for_each(|pack| self.add_pack(pack))
    }

    /// A compiler with no packs.
    pub(super) fn new() -> Compiler {
        let mut kinds = HashMap::default();
        kinds.insert(CONTEXT_KIND.to_owned(), KindId(0));
        Compiler {
            kinds,
            ..Compiler::default()
        }
    }

    /// Builds the automaton and the tables `find` reads.
    pub(super) fn finish(self) -> Result<Lexicon> {
        let Compiler {
            namespaces,
            kinds,
            groups,
            mut entries,
            phrases,
            keys,
            marked,
            pattern_entries,
            ..
        } = self;
        // Each pattern's entries, in the order they were added: a counting
        // sort of the pairs by pattern.
        let mut starts = vec![0u32; keys.len() + 1];
        for &(pattern, _) in &pattern_entries {
            starts[pattern as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut by_pattern_order = vec![0u32; pattern_entries.len()];
        let mut next = starts.clone();
        for &(pattern, entry) in &pattern_entries {
            by_pattern_order[next[pattern as usize] as usize] = entry;
            next[pattern as usize] += 1;
        }
        let mut slots = Vec::with_capacity(entries.len());
        let mut infos = Vec::with_capacity(keys.len());
        for (i, key) in keys.iter().enumerate() {
            let pattern_entries = &by_pattern_order[starts[i] as usize..starts[i + 1] as usize];
            let end_edge = key.chars().next_back().is_some_and(is_word_char);
            // Stems keep their `*` in their key; the automaton matches
            // without it.
            let stem = key.ends_with(STEM);
            let slot = |entry: u32| {
                let group: &GroupData = &groups[entries[entry as usize].group as usize];
                Slot {
                    entry,
                    namespace: group.namespace,
                    anchor: group.group.anchor,
                }
            };
            // Every pattern has at least one entry: it was added for one.
            let (&first, others) = pattern_entries
                .split_first()
                .expect("a pattern is added with its entry");
            infos.push(PatternInfo {
                len: (key.len() - usize::from(stem)) as u32,
                end_edge,
                stem,
                slot: slot(first),
                more: slots.len() as u32,
                more_count: others.len() as u32,
            });
            slots.extend(others.iter().map(|&entry| slot(entry)));
        }
        let automaton = aho_corasick::nfa::contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            // The walk never asks for one: it reads every byte anyway.
            .prefilter(false)
            // Dense rows for the states near the start, where the scan
            // spends its time: 4 levels cost under 1 MB.
            .dense_depth(4)
            .build(&marked)
            .map_err(|err| Error::Pack {
                pack: namespaces.join(", "),
                line: 0,
                message: format!("the phrases could not be compiled: {err}"),
            })?;
        for entry in &mut entries {
            let group: &GroupData = &groups[entry.group as usize];
            entry.kind = group.kind;
            entry.context_of = group.context_of;
        }
        let (start, from_start) = start_row(&automaton, &namespaces)?;
        let mut kind_names: Vec<Arc<str>> = vec![Arc::from(""); kinds.len()];
        for (name, id) in &kinds {
            kind_names[id.index()] = Arc::from(name.as_str());
        }
        let kind_ids = Kinds::resolve(|name| kinds.get(name).copied());
        Ok(Lexicon {
            namespaces,
            kinds,
            kind_names,
            kind_ids,
            groups,
            entries,
            phrases: phrases
                .into_iter()
                .map(|text| Phrase {
                    text,
                    shared: OnceLock::new(),
                })
                .collect(),
            patterns: infos,
            slots,
            automaton,
            start,
            from_start,
        })
    }
}

/// The hidden group that holds the `context` phrases of the group at `line`.
pub(super) fn context_group(context: Vec<Cow<'static, str>>, line: usize) -> Group {
    Group {
        kind: Cow::Borrowed(CONTEXT_KIND),
        role: None,
        weight: 0.0,
        section: None,
        note: None,
        tags: Vec::new(),
        phrases: context,
        context: Vec::new(),
        anchor: Anchor::Anywhere,
        line,
    }
}
