use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, SectionKind};
use crate::facts::technology::TECHNOLOGY_KIND;
use crate::lexicon::{GroupId, Hit};
use crate::span::Span;

/// More must-haves than a hire can meet.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequirementOverload;

const PREFERRED_CUE: &str = "preferred-cue";
const ALTERNATIVES: &str = "alternatives-marker";
const MAX_LABELS: usize = 5;

static META: RuleMeta = RuleMeta {
    id: "requirement-overload",
    category: Category::Clarity,
    default_severity: Severity::Info,
    summary: "The must-have requirements are more than one hire can meet.",
    docs: RuleDocs {
        what_it_does: "Counts the must-have requirement items and the distinct competency \
clusters they ask for (technology families, role competency groups) and flags a posting over \
the limits in `lints/thresholds.toml` (`max-required-items`, `max-competency-clusters`). Also \
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
        let limits = ctx.thresholds;
        let preferred_sentences: HashSet<usize> = ctx
            .live_hits(PREFERRED_CUE)
            .iter()
            .filter_map(|(hit, _)| doc.sentence_index_at(hit.span.start))
            .collect();
        let alternative_sentences: HashSet<usize> = ctx
            .live_hits(ALTERNATIVES)
            .iter()
            .filter_map(|(hit, _)| doc.sentence_index_at(hit.span.start))
            .collect();
        let required = |at: usize| {
            doc.section_at(at) == SectionKind::Requirements
                && doc
                    .sentence_index_at(at)
                    .is_none_or(|s| !preferred_sentences.contains(&s))
        };
        let preferred = |at: usize| {
            doc.section_at(at) == SectionKind::Preferred
                || doc
                    .sentence_index_at(at)
                    .is_some_and(|s| preferred_sentences.contains(&s))
        };

        // Skills: technologies by name, role competencies by phrase.
        let mut skills: Vec<Skill<'_>> = Vec::new();
        for (hit, entry) in ctx.hits_of(TECHNOLOGY_KIND) {
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
            });
        }
        for (hit, entry) in ctx.hits_of("competency") {
            if entry.group.role.is_some() {
                let cluster = Cluster::Competency(entry.group_id);
                skills.push(Skill {
                    hit,
                    name: entry.phrase,
                    cluster,
                });
            }
        }
        skills.sort_by_key(|skill| skill.hit.span.start);

        // 1. Too many must-haves.
        let items: Vec<Span> = doc
            .blocks()
            .iter()
            .filter(|b| b.kind == BlockKind::Bullet && required(b.content.start))
            .map(|b| b.content)
            .collect();
        // Scraped postings repeat whole lists: count each item's text once.
        let mut seen_items = HashSet::default();
        let items: Vec<Span> = items
            .into_iter()
            .filter(|span| seen_items.insert(doc.slice(*span).trim().to_ascii_lowercase()))
            .collect();
        // Tools given as examples ("such as X, Y, Z") are one cluster.
        let clusters: HashSet<(Option<usize>, Cluster<'_>)> = skills
            .iter()
            .filter(|skill| required(skill.hit.span.start))
            .map(|skill| match doc.sentence_index_at(skill.hit.span.start) {
                Some(s) if alternative_sentences.contains(&s) => (Some(s), Cluster::Stack),
                _ => (None, skill.cluster),
            })
            .collect();
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
        for &Skill { hit, name, .. } in &skills {
            let example = doc
                .sentence_index_at(hit.span.start)
                .is_some_and(|s| alternative_sentences.contains(&s));
            if required(hit.span.start) && !example {
                first_required.entry(name).or_insert(hit.span);
            }
        }
        let mut reported = HashSet::default();
        for &Skill { hit, name, cluster } in &skills {
            // Named tools only, listed for themselves: "PyTorch" as a bullet
            // of its own, not "deep expertise in PyTorch internals".
            let is_tool = !matches!(cluster, Cluster::Competency(_));
            if !is_tool || !preferred(hit.span.start) || !bare_mention(doc, hit.span) {
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
        for &Skill { hit, name, cluster } in &skills {
            let (Cluster::Family(family), Some(sentence)) =
                (cluster, doc.sentence_index_at(hit.span.start))
            else {
                continue;
            };
            if !required(hit.span.start) || alternative_sentences.contains(&sentence) {
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
            let list = text[tools[0].0.start..after].to_ascii_lowercase();
            let last_two = &text[tools[tools.len() - 2].0.end..last.start];
            // "cloud platforms (AWS, Azure, GCP)": examples in parentheses.
            let in_parentheses = text[..tools[0].0.start].trim_end().ends_with('(');
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

/// Words that make a preferred mention ask for more than the required one.
const DEPTH: [&str; 8] = [
    "in-depth",
    "in depth",
    "deep",
    "advanced",
    "expert",
    "extensive",
    "complex",
    "administration",
];

/// Whether the block around `span` is little more than the skill's name.
fn bare_mention(doc: &crate::document::Document<'_>, span: Span) -> bool {
    let Some(block) = doc.block_at(span.start) else {
        return false;
    };
    let line = doc.slice(block.content).to_ascii_lowercase();
    let words = line.split_whitespace().count();
    words <= 8 && !DEPTH.iter().any(|d| line.contains(d))
}

/// A skill the posting names: a technology or a role competency.
#[derive(Clone, Copy)]
struct Skill<'a> {
    hit: Hit,
    /// The technology's name, or the competency's phrase.
    name: &'a str,
    cluster: Cluster<'a>,
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
