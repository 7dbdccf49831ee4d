use rustc_hash::FxHashSet as HashSet;

use super::{Category, LintContext, Rule, RuleDocs, RuleMeta, TitleSource};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, SectionKind};
use crate::span::Span;

/// No sentence says what the hire delivers or owns.
#[derive(Debug, Clone, Copy, Default)]
pub struct MissingPrimaryOutput;

/// Group kind of ownership cues (`lints/cues.toml`).
const OWNERSHIP_KIND: &str = "ownership";
/// Evidence kinds that name something the hire produces (the work of another
/// role is still a stated output: a data engineer's pipelines).
const DELIVERABLE_KINDS: &[&str] = &["duty", "output", "other-role"];
/// Group kind of vague-activity cues (`lints/cues.toml`).
const VAGUE_KIND: &str = "vague";
/// A responsibilities section with at least this share of vague lines states
/// no output.
const MOSTLY_VAGUE: f32 = 0.5;
/// Two roles whose scores are this close claim the output evenly.
const EVEN_SHARE_GAP: f32 = 0.15;

static META: RuleMeta = RuleMeta {
    id: "missing-primary-output",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "No sentence says what the hire will deliver or own.",
    docs: RuleDocs {
        what_it_does: "Looks in the role summary and responsibilities for a sentence that names \
something the hire produces: a duty or output of one of the three roles (analyses and decisions; \
models in production; LLM-powered product features), with or without an ownership verb (\"own\", \
\"ship\", \"deliver\", \"be responsible for\", \"in your first six months you will\"). Flags the \
posting when there is none (a posting that is only a list of skills), and when the outputs of \
several roles are claimed so evenly that no primary one can be named and no sentence says which \
the hire owns.",
        why_it_matters: "The primary output decides the role: what the hire delivers is what the \
interview should test and what candidates need to judge the job. A list of skills says neither.",
        example: "```text\nMachine Learning Engineer\n\nRequirements\n- 5+ years of Python\n- PyTorch, Kubernetes, SQL\n\
- Strong communication skills\n```",
        how_to_fix: "Write down three specific things the hire will own in the first six months \
(\"own the fraud model in production\", \"deliver the pricing experiment readouts that set next \
year's prices\", \"ship the support assistant to all customers\"), and put them first.",
    },
};

impl Rule for MissingPrimaryOutput {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let profile = ctx.profile;
        let in_duties = |section: SectionKind| {
            matches!(
                section,
                SectionKind::Summary | SectionKind::Responsibilities | SectionKind::Other
            )
        };
        let deliverables: HashSet<usize> = profile
            .evidence
            .iter()
            .filter(|e| e.weight > 0.0 && in_duties(e.section))
            .filter(|e| DELIVERABLE_KINDS.contains(&e.kind.as_str()))
            .filter_map(|e| doc.sentence_index_at(e.span.start))
            .collect();
        let owned = ctx
            .hits_of(OWNERSHIP_KIND)
            .filter_map(|(hit, _)| doc.sentence_index_at(hit.span.start))
            .any(|sentence| deliverables.contains(&sentence));

        let present = profile.present_roles();
        let even = present.len() >= 2 && {
            let first = profile.scores.get(present[0]).share;
            let second = profile.scores.get(present[1]).share;
            first - second < EVEN_SHARE_GAP
        };
        // Duties the taxonomy does not know (a project manager's, a
        // Salesforce admin's) still state an output: a posting with a
        // responsibilities section of its own is given the benefit of the doubt.
        // Unless its lines are mostly vague activities ("support the team").
        let duty_sentences: Vec<usize> = doc
            .sentences()
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.section == SectionKind::Responsibilities
                    && doc.blocks()[s.block].kind != BlockKind::Heading
            })
            .map(|(i, _)| i)
            .collect();
        let vague: HashSet<usize> = ctx
            .hits_of(VAGUE_KIND)
            .filter_map(|(hit, _)| doc.sentence_index_at(hit.span.start))
            .collect();
        let vague_count = duty_sentences.iter().filter(|i| vague.contains(i)).count();
        let has_duties_section = !duty_sentences.is_empty()
            && (vague_count as f32) < MOSTLY_VAGUE * duty_sentences.len() as f32;
        let message = if deliverables.is_empty() && !has_duties_section {
            "no sentence says what the hire will deliver or own".to_owned()
        } else if even && !owned {
            let names: Vec<&str> = present.iter().map(|r| r.title()).collect();
            format!(
                "the outputs of {} are claimed evenly, and no sentence says which the hire owns",
                names.join(" and ")
            )
        } else {
            return;
        };
        let span = match ctx.title {
            TitleSource::Line(line) => line,
            _ => doc
                .blocks()
                .first()
                .map_or(Span::empty(0), |block| block.span),
        };
        diagnostics.push(Diagnostic::new(META.id, span, message).with_help(
            "write down three specific things the hire will own in the first six months, and put them first",
        ));
    }
}
