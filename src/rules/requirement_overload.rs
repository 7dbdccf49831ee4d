use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Category, LintContext, Rule, RuleDocs, RuleMeta, ends_with_caseless};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document, SectionKind};
use crate::lexicon::{Entry, GroupId, Hit};
use crate::span::Span;

/// More must-haves than a hire can meet.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequirementOverload;

const MAX_LABELS: usize = 5;

static META: RuleMeta = RuleMeta {
    id: "requirement-overload",
    category: Category::Clarity,
    default_severity: Severity::Info,
    summary: "The must-have requirements are more than one hire can meet.",
    docs: RuleDocs {
        what_it_does: "Counts the must-have requirement items and the distinct competency \
clusters they ask for (technology families, role competency groups) and flags a posting over \
the limits in `lints/thresholds.toml` (`max-required-items`, `max-competency-clusters`). \
Duties written as bullets (\"Build ...\"), bullets naming only soft traits, labels, items marked \
preferred and whatever follows an unheaded lead-in that leaves the list (\"... benefits, \
including:\") are not must-haves; items joined by \"or\" (\"a PhD and two years; or,\" then \
\"a Master's and five years\") count as one. Also \
flags a skill that is both required and preferred, and interchangeable tools all required with \
\"and\" (\"TensorFlow, PyTorch and JAX\": `min-required-alternatives` or more of one family, with \
no \"or\", \"such as\" or \"one of\").",
        why_it_matters: "Long must-have lists are read literally by the candidates you most \
want, who apply only when they meet nearly all of them; the result is fewer and less diverse \
applicants. A skill listed as both required and preferred, or three rival frameworks all \
required, tells them the list was not edited.",
        example: "```text\nML Engineer\n\nRequirements\n- Production experience with TensorFlow, PyTorch and JAX\n\nNice to have\n- PyTorch\n```",
        how_to_fix: "Keep the must-haves to what the hire needs on day one; move the rest to \
nice-to-have. Ask for one of a family of tools (\"PyTorch or JAX\"), and list each skill once.",
    },
};

impl Rule for RequirementOverload {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        // Every check below counts only what a requirements section asks.
        if !doc
            .sections()
            .iter()
            .any(|section| section.kind == SectionKind::Requirements)
        {
            return;
        }
        let limits = ctx.thresholds;
        let sentence_count = doc.sentences().len();
        // Read once, for the sentences here and the blocks in
        // `not_required_blocks`.
        let preferred_cues = ctx.live_hits(ctx.kinds().preferred_cue);
        let alternatives = ctx.live_hits(ctx.kinds().alternatives_marker);
        let mut preferred_sentences = Marks::new(sentence_count);
        for (hit, _) in &preferred_cues {
            if let Some(s) = doc.sentence_index_at(hit.span.start) {
                preferred_sentences.insert(s);
            }
        }
        let mut alternative_sentences = Marks::new(sentence_count);
        for (hit, _) in &alternatives {
            if let Some(s) = doc.sentence_index_at(hit.span.start) {
                alternative_sentences.insert(s);
            }
        }
        let excluded = not_required_blocks(ctx, &preferred_cues, &alternatives);
        // Where a mention is, worked out once per mention: its sentence is
        // searched for once, and its section read from it.
        let place = |at: usize| {
            let sentence = doc.sentence_index_at(at);
            let section =
                sentence.map_or_else(|| doc.section_at(at), |s| doc.sentences()[s].section);
            let in_preferred_sentence = sentence.is_some_and(|s| preferred_sentences.contains(&s));
            Place {
                sentence,
                required: section == SectionKind::Requirements
                    && !in_preferred_sentence
                    && block_index_at(doc, at).is_none_or(|b| !excluded.contains(&b)),
                preferred: section == SectionKind::Preferred || in_preferred_sentence,
            }
        };

        // Skills: technologies by name, role competencies by phrase.
        let (technologies, competencies) = (
            ctx.hits_of(ctx.kinds().technology),
            ctx.hits_of(ctx.kinds().competency),
        );
        // Sized once: at most one skill per hit.
        let mut skills: Vec<Skill<'_>> =
            Vec::with_capacity(technologies.size_hint().0 + competencies.size_hint().0);
        for (hit, entry) in technologies {
            let Some(tech) = entry
                .group
                .tags
                .first()
                .and_then(|n| ctx.technologies.get(n))
            else {
                continue;
            };
            let cluster = match &tech.family {
                Some(family) => Cluster::Family(family),
                None => Cluster::Stack,
            };
            skills.push(Skill {
                hit,
                name: &tech.name,
                cluster,
                place: place(hit.span.start),
            });
        }
        for (hit, entry) in competencies {
            if entry.group.role.is_some() {
                let cluster = Cluster::Competency(entry.group_id);
                skills.push(Skill {
                    hit,
                    name: entry.phrase,
                    cluster,
                    place: place(hit.span.start),
                });
            }
        }
        skills.sort_by_key(|skill| skill.hit.span.start);

        // 1. Too many must-haves.
        let items: Vec<Span> = doc
            .blocks()
            .iter()
            .filter(|b| b.kind == BlockKind::Bullet && place(b.content.start).required)
            .map(|b| b.content)
            .collect();
        // Scraped postings repeat whole lists: count each item's text once.
        // Sized once for every item: the set never grows item by item.
        let mut seen_items = HashSet::with_capacity_and_hasher(items.len(), Default::default());
        let items: Vec<Span> = items
            .into_iter()
            .filter(|span| seen_items.insert(Caseless(doc.slice(*span).trim())))
            .collect();
        // Alternatives given as items joined by "or" ("a PhD and two years;
        // or," then "a Master's and five years") are one must-have: an item
        // after one that ends in "or", or that opens with "or", is not counted.
        let mut after_or = false;
        let items: Vec<Span> = items
            .into_iter()
            .filter(|span| {
                let text = doc.slice(*span);
                let alternative = after_or || first_word(text).eq_ignore_ascii_case("or");
                after_or = last_word(text).eq_ignore_ascii_case("or");
                !alternative
            })
            .collect();

        // Tools given as examples ("such as X, Y, Z") are one cluster.
        let mut clusters: HashSet<(Option<usize>, Cluster<'_>)> =
            HashSet::with_capacity_and_hasher(skills.len(), Default::default());
        clusters.extend(
            skills
                .iter()
                .filter(|skill| skill.place.required)
                .map(|skill| match skill.place.sentence {
                    Some(s) if alternative_sentences.contains(&s) => (Some(s), Cluster::Stack),
                    _ => (None, skill.cluster),
                }),
        );
        let too_many_items = items.len() > limits.max_required_items as usize;
        let too_many_clusters = clusters.len() > limits.max_competency_clusters as usize;
        if too_many_items || too_many_clusters {
            let span = doc
                .sections()
                .iter()
                .find(|s| s.kind == SectionKind::Requirements)
                .and_then(|s| s.heading)
                .or_else(|| items.first().copied())
                .unwrap_or_else(|| ctx.posting_span());
            let mut parts = Vec::new();
            if too_many_items {
                parts.push(format!(
                    "{} must-have items (limit {})",
                    items.len(),
                    limits.max_required_items
                ));
            }
            if too_many_clusters {
                parts.push(format!(
                    "{} distinct competency clusters (limit {})",
                    clusters.len(),
                    limits.max_competency_clusters
                ));
            }
            diagnostics.push(
                Diagnostic::new(
                    META.id,
                    span,
                    format!("the requirements ask for {}: more than one hire can meet", parts.join(" and ")),
                )
                .with_help("keep the must-haves to what the hire needs on day one and move the rest to nice-to-have"),
            );
        }

        // 2. The same skill required and preferred.
        let mut first_required: HashMap<&str, Span> = HashMap::default();
        for &Skill {
            hit, name, place, ..
        } in &skills
        {
            let example = place
                .sentence
                .is_some_and(|s| alternative_sentences.contains(&s));
            // "GCP or another cloud" does not require GCP.
            if place.required && !example && !either_or(doc, place.sentence, hit.span) {
                first_required.entry(name).or_insert(hit.span);
            }
        }
        let mut reported = HashSet::default();
        // Sorted by start, as `skills` is.
        let tools: Vec<Span> = skills
            .iter()
            .filter(|s| !matches!(s.cluster, Cluster::Competency(_)))
            .map(|s| s.hit.span)
            .collect();
        for &Skill {
            hit,
            name,
            cluster,
            place,
        } in &skills
        {
            // Named tools only, listed for themselves: "PyTorch" as a bullet
            // of its own, not "deep expertise in PyTorch internals".
            let is_tool = !matches!(cluster, Cluster::Competency(_));
            if !is_tool
                || !place.preferred
                || either_or(doc, place.sentence, hit.span)
                || !bare_mention(doc, hit.span, &tools)
            {
                continue;
            }
            if let Some(&req) = first_required.get(name)
                && req != hit.span
                && reported.insert(name)
            {
                diagnostics.push(
                    Diagnostic::new(
                        META.id,
                        hit.span,
                        format!("\"{}\" is both required and preferred", doc.slice(hit.span)),
                    )
                    .with_label(req, "required here")
                    .with_help("list the skill once: as a must-have or as a nice-to-have"),
                );
            }
        }

        // 3. Alternatives all required with "and".
        let mut by_sentence: HashMap<(usize, &str), Vec<(Span, &str)>> = HashMap::default();
        for &Skill {
            hit,
            name,
            cluster,
            place,
        } in &skills
        {
            let (Cluster::Family(family), Some(sentence)) = (cluster, place.sentence) else {
                continue;
            };
            if !place.required || alternative_sentences.contains(&sentence) {
                continue;
            }
            let list = by_sentence.entry((sentence, family)).or_default();
            if !list.iter().any(|&(_, n)| n == name) {
                list.push((hit.span, name));
            }
        }
        let mut lists: Vec<_> = by_sentence.into_iter().collect();
        lists.sort_by_key(|(_, tools)| tools[0].0.start);
        for ((_, family), tools) in lists {
            if tools.len() < limits.min_required_alternatives as usize {
                continue;
            }
            // A list joined by "or" or "/" anywhere, or by more than a
            // comma or "and" at its end, is a choice.
            let text = doc.text();
            let last = tools[tools.len() - 1].0;
            let after = text[last.end..]
                .char_indices()
                .nth(12)
                .map_or(text.len(), |(i, _)| last.end + i);
            // The list and the rest of its sentence: "Python, R, SQL, ... or
            // Jupyter" is a choice even when the last choice is no known tool.
            let sentence_end = doc
                .sentence_at(last.start)
                .map_or(after, |s| s.span.end.max(after))
                .min(floor_boundary(text, after + LOOK_BACK).max(after));
            let list = text[tools[0].0.start..sentence_end].to_ascii_lowercase();
            let last_two = &text[tools[tools.len() - 2].0.end..last.start];
            // "cloud platforms (AWS, Azure, GCP)", "(i.e. TensorFlow, JAX)":
            // examples in parentheses.
            // From the start of the block: "(eg. AWS, GCP)" splits at "eg.".
            let sentence_start = doc
                .block_at(tools[0].0.start)
                .map_or(0, |b| b.content.start.min(tools[0].0.start))
                .max(floor_boundary(
                    text,
                    tools[0].0.start.saturating_sub(LOOK_BACK),
                ));
            let before = &text[sentence_start..tools[0].0.start];
            let in_parentheses = before
                .rfind('(')
                .is_some_and(|open| !before[open..].contains(')'));
            if list.contains('/') || list.contains(" or ") || last_two.len() > 24 || in_parentheses
            {
                continue;
            }
            let names: Vec<&str> = tools.iter().map(|(_, n)| *n).collect();
            let mut d = Diagnostic::new(
                META.id,
                Span::new(tools[0].0.start, tools[tools.len() - 1].0.end),
                format!(
                    "all of {} are required, but they are alternatives ({})",
                    super::join_names(&names),
                    family.replace('-', " ")
                ),
            );
            for (span, _) in tools.iter().take(MAX_LABELS) {
                d = d.with_label(*span, "one of the alternatives");
            }
            diagnostics.push(
                d.with_help("ask for one of them (\"PyTorch or JAX\") and name the one you use"),
            );
        }
    }
}

/// The first word of `text` (letters and digits), or "".
fn first_word(text: &str) -> &str {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or_default()
}

/// The last word of `text` (letters and digits), or "".
fn last_word(text: &str) -> &str {
    text.rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or_default()
}

/// Scope phrases said as duty verbs ("Lead the ...") carry this tag.
const IMPERATIVE: &str = "imperative";
/// Most words a bullet that only labels what follows ("Education:") has.
const LABEL_MAX_WORDS: usize = 5;
/// Most words of a sub-item ("- Data Dictionary") under an item that opens a list.
const SUB_ITEM_MAX_WORDS: usize = 4;
/// How an item that introduces sub-items ends.
const LIST_OPENERS: [&str; 4] = ["including", "such as", "following", "e.g."];

/// The index of the block holding `at`.
fn block_index_at(doc: &Document<'_>, at: usize) -> Option<usize> {
    let blocks = doc.blocks();
    let i = blocks
        .partition_point(|b| b.span.start <= at)
        .checked_sub(1)?;
    (at < blocks[i].span.end.max(blocks[i].span.start + 1)).then_some(i)
}

/// Blocks of requirements sections that are not must-haves: duties written
/// as bullets ("Build ..."), bullets that name only soft traits, labels
/// ("Education:"), and everything after an unheaded lead-in that leaves the
/// list ("... top benefits, including:", "Preferred, but not required").
///
/// `preferred_cues` and `alternatives` are the live hits of
/// the `preferred-cue` and `alternatives-marker` kinds.
fn not_required_blocks(
    ctx: &LintContext<'_>,
    preferred_cues: &[(Hit, Entry<'_>)],
    alternatives: &[(Hit, Entry<'_>)],
) -> Marks {
    let doc = ctx.document;
    let blocks = doc.blocks();
    let mut hard = Marks::new(blocks.len());
    let mut traits = Marks::new(blocks.len());
    let mut preferred = Marks::new(blocks.len());
    // Sorted vectors searched by start, not hash sets: built once, read once
    // per block.
    let mut duty_starts: Vec<usize> = Vec::new();
    let mark = |set: &mut Marks, at: usize| {
        if let Some(b) = block_index_at(doc, at) {
            set.insert(b);
        }
    };
    for span in ctx
        .spans_of(ctx.kinds().technology)
        .chain(ctx.spans_of(ctx.kinds().years))
    {
        mark(&mut hard, span.start);
    }
    for (hit, entry) in ctx.hits_of(ctx.kinds().competency) {
        if entry.group.role.is_some() && entry.group.weight >= 1.0 {
            mark(&mut hard, hit.span.start);
        }
    }
    for span in ctx.spans_of(ctx.kinds().trait_) {
        mark(&mut traits, span.start);
    }
    for (hit, _) in preferred_cues {
        mark(&mut preferred, hit.span.start);
    }
    let alternative_hits = alternatives;
    let mut alternatives = Marks::new(blocks.len());
    for (hit, _) in alternative_hits {
        mark(&mut alternatives, hit.span.start);
    }
    for span in ctx.spans_of(ctx.kinds().duty_verb).chain(
        ctx.hits_of(ctx.kinds().scope)
            .filter(|(_, e)| e.group.has_tag(IMPERATIVE))
            .map(|(hit, _)| hit.span),
    ) {
        duty_starts.push(span.start);
    }
    duty_starts.sort_unstable();
    // (start, end, section) of the heading phrases, the first at each start:
    // hits come by start.
    let mut headings: Vec<(usize, usize, SectionKind)> = ctx
        .hits_of(ctx.kinds().heading)
        .filter_map(|(hit, entry)| {
            entry
                .group
                .section
                .map(|section| (hit.span.start, hit.span.end, section))
        })
        .collect();
    headings.dedup_by_key(|&mut (start, _, _)| start);
    let heading_at = |start: usize| {
        let i = headings.partition_point(|&(s, _, _)| s < start);
        headings
            .get(i)
            .filter(|&&(s, _, _)| s == start)
            .map(|&(_, end, section)| (end, section))
    };
    let mut section_starts: Vec<usize> = doc
        .sections()
        .iter()
        .filter_map(|s| s.heading.map(|h| h.start))
        .collect();
    section_starts.sort_unstable();

    let mut excluded = Marks::new(blocks.len());
    let mut closed = false;
    let mut seen_bullet = false;
    let mut opens_list = false;
    // After "Experience with one or more of the following:", the items are
    // choices: the first stands for the list.
    let mut choices = false;
    let mut choice_counted = false;
    for (i, block) in blocks.iter().enumerate() {
        // A new section (not a boilerplate block inside one) starts afresh.
        if block.kind == BlockKind::Heading
            && section_starts.binary_search(&block.content.start).is_ok()
        {
            closed = false;
            seen_bullet = false;
            opens_list = false;
            choices = alternatives.contains(&i);
            choice_counted = false;
            continue;
        }
        if block.section != SectionKind::Requirements {
            continue;
        }
        let text = doc.slice(block.content);
        // A line the source wrapped: it belongs to the block before.
        let continuation = block.kind != BlockKind::Bullet
            && text
                .chars()
                .next()
                .is_none_or(|c| c.is_lowercase() || c.is_ascii_punctuation());
        if continuation {
            if closed {
                excluded.insert(i);
            }
            continue;
        }
        // Only whether the block is short matters: words are counted up to
        // one past the larger limit, not to the end of a long item.
        let words = text
            .split_whitespace()
            .take(LABEL_MAX_WORDS.max(SUB_ITEM_MAX_WORDS) + 1)
            .count();
        let raw = doc.slice(block.span);
        // A heading phrase that is (nearly) the whole line: "Preferred
        // Qualifications" as a bullet, not "Experience with Spark".
        let heading = heading_at(block.content.start)
            .filter(|&(end, _)| {
                doc.text()[end.min(block.content.end)..block.content.end]
                    .split_whitespace()
                    .nth(1)
                    .is_none()
            })
            .map(|(_, section)| section);
        let label = words <= LABEL_MAX_WORDS
            && (raw.trim_end_matches(['*', '_', ' ']).ends_with(':') || heading.is_some());
        if block.kind == BlockKind::Bullet && !label {
            // "Experience with artifacts such as:" then "- Data Dictionary":
            // short sub-items are parts of the item they follow.
            let sub_item =
                (opens_list && words <= SUB_ITEM_MAX_WORDS) || (choices && choice_counted);
            choice_counted |= choices;
            // "Experience with Spark. (preferred)": the mark covers the item.
            if closed
                || preferred.contains(&i)
                || sub_item
                || duty_starts.binary_search(&block.content.start).is_ok()
                || (traits.contains(&i) && !hard.contains(&i))
            {
                excluded.insert(i);
            }
            if !sub_item {
                let end = raw.trim_end();
                opens_list =
                    end.ends_with(':') || LIST_OPENERS.iter().any(|w| ends_with_caseless(end, w));
            }
            seen_bullet = true;
            continue;
        }
        opens_list = false;
        let lead_in = raw.trim_end_matches(['*', '_', ' ']).ends_with(':');
        choices = alternatives.contains(&i) && (label || lead_in);
        choice_counted = false;
        // A label or a paragraph between the items: it keeps the list open
        // only when it names requirements.
        let leaves = preferred.contains(&i)
            || heading.is_some_and(|s| s != SectionKind::Requirements)
            || (seen_bullet && heading.is_none() && !hard.contains(&i));
        if leaves {
            closed = true;
        }
        if closed || label {
            excluded.insert(i);
        }
    }
    excluded
}

/// Text compared and hashed ignoring ASCII case, as its lowercase copy would
/// be, without making the copy.
#[derive(Clone, Copy, Eq)]
struct Caseless<'a>(&'a str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl std::hash::Hash for Caseless<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.0.len());
        // Eight lowercased bytes at a time: one word hashed, not eight bytes.
        for chunk in self.0.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            word.make_ascii_lowercase();
            state.write_u64(u64::from_le_bytes(word));
        }
    }
}

/// Which of a posting's blocks or sentences are marked, by index.
struct Marks(Vec<bool>);

impl Marks {
    fn new(len: usize) -> Marks {
        Marks(vec![false; len])
    }

    fn insert(&mut self, i: usize) {
        if let Some(mark) = self.0.get_mut(i) {
            *mark = true;
        }
    }

    fn contains(&self, i: &usize) -> bool {
        self.0.get(*i).copied().unwrap_or(false)
    }
}

/// Words a requirement wraps around a tool's name without asking for more
/// than the tool: "Experience with PyTorch", "Strong knowledge of SQL".
const PLAIN_WORDS: [&str; 24] = [
    "experience",
    "with",
    "in",
    "of",
    "using",
    "working",
    "knowledge",
    "familiarity",
    "proficiency",
    "proficient",
    "skills",
    "skill",
    "strong",
    "good",
    "solid",
    "hands",
    "on",
    "the",
    "and",
    "a",
    "an",
    "is",
    "plus",
    "preferred",
];

/// Whether the block around `span` asks for the tool and nothing more: its
/// words are tool names and plain requirement wording. "GCP Certifications"
/// (a credential), "SQL Server" (a product) and "Python big data libraries"
/// (a narrower skill) ask for more.
fn bare_mention(doc: &Document<'_>, span: Span, tools: &[Span]) -> bool {
    let Some(block) = doc.block_at(span.start) else {
        return false;
    };
    let content = block.content;
    if content.len() > BARE_MAX_BYTES {
        return false;
    }
    // Every word between the tools is a plain one.
    let plain = |gap: &str| {
        gap.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                PLAIN_WORDS
                    .iter()
                    .any(|plain| plain.eq_ignore_ascii_case(w))
            })
    };
    let mut at = content.start;
    let first = tools.partition_point(|t| t.start < content.start);
    for tool in tools[first..]
        .iter()
        .take_while(|t| t.start < content.end)
        .filter(|t| t.end <= content.end)
    {
        if tool.start >= at {
            if !plain(&doc.text()[at..tool.start]) {
                return false;
            }
            at = tool.end;
        }
    }
    plain(&doc.text()[at.min(content.end)..content.end])
}

/// Whether the sentence around `span` (the one at index `sentence`, where
/// `span` starts) offers a choice ("GCP, Azure or AWS", "Docker and/or
/// Kubernetes", "Spark or another framework").
fn either_or(doc: &Document<'_>, sentence: Option<usize>, span: Span) -> bool {
    let Some(sentence) = sentence.map(|s| &doc.sentences()[s]) else {
        return false;
    };
    // Near the mention only: a long sentence says many things.
    let all = doc.text();
    let start = floor_boundary(all, span.start.saturating_sub(LOOK_BACK)).max(sentence.span.start);
    let end = floor_boundary(all, (span.end + LOOK_BACK).min(all.len())).min(sentence.span.end);
    // " or " or "/or ", the window's ends counting as spaces: found from
    // each `o` (memchr), not by comparing at every byte.
    let window = &all.as_bytes()[start..end.max(start)];
    let last = window.len().saturating_sub(1);
    memchr::memchr2_iter(b'o', b'O', &window[..last]).any(|i| {
        window[i + 1].eq_ignore_ascii_case(&b'r')
            && (i == 0 || matches!(window[i - 1], b' ' | b'/'))
            && window.get(i + 2).is_none_or(|&b| b == b' ')
    })
}

/// How far around a mention the choice and parenthesis checks look, in bytes.
const LOOK_BACK: usize = 160;
/// Longest block `bare_mention` reads: a bare mention is a short line.
const BARE_MAX_BYTES: usize = 400;

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A skill the posting names: a technology or a role competency.
#[derive(Clone, Copy)]
struct Skill<'a> {
    hit: Hit,
    /// The technology's name, or the competency's phrase.
    name: &'a str,
    cluster: Cluster<'a>,
    /// Where the hit starts.
    place: Place,
}

/// Where a mention is, for the checks that ask it of every skill.
#[derive(Clone, Copy)]
struct Place {
    /// The index of its sentence.
    sentence: Option<usize>,
    /// In a requirements section, not in a sentence marked preferred, nor
    /// in a block that is no must-have ([`not_required_blocks`]).
    required: bool,
    /// In a nice-to-have section, or in a sentence marked preferred.
    preferred: bool,
}

/// What a skill counts toward when clusters are counted.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Cluster<'a> {
    /// Interchangeable tools (`deep-learning-framework`).
    Family(&'a str),
    /// Tools with no family (Docker, SQL): the general stack, one cluster.
    Stack,
    /// A role competency group.
    Competency(GroupId),
}
