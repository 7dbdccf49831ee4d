use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::SectionKind;
use crate::roles::{PRESENCE_MIN_PHRASES, Role};

use super::out_of_role_duty::not_duty_at;

/// A posting that starts a role's lifecycle and never closes it.
#[derive(Debug, Clone, Copy, Default)]
pub struct RoleLifecycleGap;

const MAX_LABELS: usize = 4;

static META: RuleMeta = RuleMeta {
    id: "role-lifecycle-gap",
    category: Category::Role,
    default_severity: Severity::Info,
    summary: "The posting starts the role's lifecycle but never closes it.",
    docs: RuleDocs {
        what_it_does: "For the role the posting is for (the title's, else the primary role), \
when the body agrees (it is the primary role, with at least two duties or competencies of \
substance), looks for the start of the role's lifecycle in its duties (not in the company's voice, requirements, \
questions, tool lists, the reader as a customer (\"you may have used our chatbot\"), or a list \
under a lead-in that asks for a track record (\"engineers who have:\")) and for its close anywhere in the \
posting (`lints/duties.toml`): an ML Engineer who deploys models but is never asked to monitor, \
retrain or watch model quality in production; an AI Engineer who ships LLM features but never \
hears of evaluation, cost or latency; a Data Scientist who runs experiments and analyses but is \
never told who acts on the results.",
        why_it_matters: "The close of the lifecycle is where the role's seniority shows: \
operating models, measuring LLM quality and spend, turning results into decisions. A posting \
that stops before it attracts people who have only done the first half, and the interview never \
asks about the second.",
        example: "```text\nMachine Learning Engineer\n\nResponsibilities\n- Train models and deploy them to production on Kubernetes\n```",
        how_to_fix: "Say who owns the rest of the lifecycle and how: monitoring, drift and \
retraining for models; evaluation, cost and latency budgets for LLM features; the stakeholders \
and decisions an analysis feeds.",
    },
};

fn wording(role: Role) -> (&'static str, &'static str, &'static str) {
    match role {
        Role::MlEngineer => (
            "deploys models",
            "monitoring, retraining or model quality in production",
            "say who monitors the deployed models for drift and quality, and how they are retrained",
        ),
        Role::AiEngineer => (
            "ships LLM features",
            "evaluation, cost or latency",
            "say how the LLM features are evaluated and what cost and latency they must meet",
        ),
        _ => (
            "runs experiments and analyses",
            "who acts on the results",
            "name the stakeholders and the decisions the analyses feed",
        ),
    }
}

impl Rule for RoleLifecycleGap {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let Some(role) = ctx.posting_role() else {
            return;
        };
        // The role must be clear from the body too: it is the primary role,
        // with duties or competencies of substance. A posting whose body is
        // another role's (or too thin to say) has a bigger problem than a
        // lifecycle stage, and other rules name it.
        let profile = ctx.profile;
        if profile.primary_role != role
            || ctx.presence.substantial_evidence(role).len() < PRESENCE_MIN_PHRASES
        {
            return;
        }
        let doc = ctx.document;
        let starts: Vec<_> = ctx
            .live_hits(ctx.kinds().lifecycle_start)
            .into_iter()
            .filter(|(hit, entry)| {
                entry.group.role == Some(role)
                    && matches!(
                        doc.section_at(hit.span.start),
                        SectionKind::Summary | SectionKind::Responsibilities | SectionKind::Other
                    )
                    // The hire's duties only: not the company's voice, what
                    // the hire must bring, a question, a list of tools, or a
                    // list of what the hire has done ("engineers who have:").
                    && !not_duty_at(doc, hit.span.start)
            })
            .collect();
        // Point at a responsibility when there is one: a summary may say
        // the same in passing.
        let Some((first, _)) = starts
            .iter()
            .find(|(hit, _)| doc.section_at(hit.span.start) == SectionKind::Responsibilities)
            .or(starts.first())
        else {
            return;
        };
        let closed = ctx
            .hits_of(ctx.kinds().lifecycle_close)
            .any(|(hit, entry)| {
                let sentence = doc.sentence_index_at(hit.span.start);
                entry.group.role == Some(role)
                    && !matches!(doc.section_at(hit.span.start), SectionKind::Legal)
                    && ctx
                        .lexicon
                        .context_key(entry.group_id)
                        .is_none_or(|key| ctx.index.has_context(sentence, key))
            });
        if closed {
            return;
        }
        let (starts_with, never, help) = wording(role);
        let mut diagnostic = Diagnostic::new(
            META.id,
            first.span,
            format!(
                "this {} posting {starts_with}, but never mentions {never}",
                role.title()
            ),
        );
        for (hit, _) in starts
            .iter()
            .filter(|(hit, _)| hit.span != first.span)
            .take(MAX_LABELS)
        {
            diagnostic = diagnostic.with_label(hit.span, "starts here too");
        }
        diagnostics.push(diagnostic.with_help(help));
    }
}
