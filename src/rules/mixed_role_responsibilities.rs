use super::{Category, LintContext, Rule, RuleDocs, RuleMeta, join_names};
use crate::diagnostic::{Diagnostic, Severity};
use crate::roles::{Evidence, Role, present_in};
use crate::span::Span;

/// The posting asks for substantial work of two or three of the roles.
#[derive(Debug, Clone, Copy, Default)]
pub struct MixedRoleResponsibilities;

/// Labels shown per role: enough evidence to convince, not a dump.
const LABELS_PER_ROLE: usize = 3;
/// When the weakest present role has at least this share of the strongest's
/// score, the split is even and the finding is graver.
const EVEN_SPLIT: f32 = 0.6;

static META: RuleMeta = RuleMeta {
    id: "mixed-role-responsibilities",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "The duties and competencies belong to two or three different roles.",
    docs: RuleDocs {
        what_it_does: "Finds the duties and competencies specific to each of Data Scientist, ML \
Engineer and AI Engineer (from the role taxonomy pack) in the role summary, responsibilities, \
requirements and nice-to-haves, and flags the posting when at least two distinct ones of each of \
two or three roles are asked for (the tools of one nice-to-have bullet are one, and so are \
the duties of one responsibility sentence, a duty with its purpose: \"conduct exploratory data \
analysis to gain insights and identify patterns\"). An ML \
Engineer verb whose object is a data pipeline (\"deploy and maintain automated data pipelines\") is \
data engineering, and the words that describe an architecture being trained (\"LLM architectures \
optimized for low inference cost\") are not AI Engineer work. Statistics asked for beside machine \
learning or another neutral discipline (\"machine learning algorithms and statistical \
techniques\") in the requirements of another role's posting are that role's fundamentals: they do \
not make the Data Scientist present, nor does analysis said of improving the hire's own models \
(\"statistical analysis and model improvement\"). Company blurbs, benefits and legal text never count, nor do \
negated mentions (\"you will not deploy models\"). The finding is an error, not a warning, when \
the work is split evenly.",
        why_it_matters: "No single hire does all of this well. A posting that mixes roles draws \
candidates of each, who are honest about their gaps or not, and the interview then tests too \
many things at once or the wrong ones.",
        example: "```text\nData Scientist\n\nWhat you'll do\n- Design and analyse A/B experiments on pricing\n\
- Use causal inference to measure campaign impact\n- Deploy the recommendation model to production and monitor drift\n\
- Build retrieval-augmented generation features with prompt engineering\n```",
        how_to_fix: "Decide the role by its primary output (analyses and decisions, models in \
production, or LLM-powered product features), keep the duties of that role, and move the rest \
to a second posting or to the team the hire will work with.",
    },
};

impl Rule for MixedRoleResponsibilities {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let profile = ctx.profile;
        let mut present: Vec<Role> = ctx.presence.present_roles().to_vec();
        if present.len() < 2 {
            return;
        }
        if present.contains(&Role::DataScientist) && !statistics_beyond_models(ctx) {
            present.retain(|&r| r != Role::DataScientist);
        }
        if present.len() < 2 {
            return;
        }
        let present = present.as_slice();
        // Point at the first duty of the role that intrudes on the primary one.
        let primary = if present.contains(&profile.primary_role) {
            profile.primary_role
        } else {
            present[0]
        };
        let intruder = present
            .iter()
            .copied()
            .find(|&r| r != primary)
            .unwrap_or(present[1]);
        let span = ctx
            .presence
            .substantial_evidence(intruder)
            .first()
            .map_or(Span::empty(0), |e| e.span);
        let names: Vec<&str> = present.iter().map(|r| r.title()).collect();
        let mut diagnostic = Diagnostic::new(
            META.id,
            span,
            format!(
                "the duties belong to {} roles: {}",
                present.len(),
                join_names(&names)
            ),
        );
        for &role in present {
            for evidence in ctx
                .presence
                .substantial_evidence(role)
                .iter()
                .take(LABELS_PER_ROLE)
            {
                diagnostic = diagnostic.with_label(evidence.span, format!("{} work", role.title()));
            }
        }
        diagnostic.labels.sort_by_key(|label| label.span);
        let help = format!(
            "no single hire does all of this well: split the posting, or choose the role by its \
primary output ({})",
            present
                .iter()
                .map(|r| format!("{}: {}", r.title(), r.primary_output()))
                .collect::<Vec<_>>()
                .join("; ")
        );
        diagnostic = diagnostic.with_help(help);
        let strongest = profile.scores.get(present[0]).score;
        let weakest = present
            .iter()
            .map(|&r| profile.scores.get(r).score)
            .fold(f32::INFINITY, f32::min);
        if strongest > 0.0 && weakest / strongest >= EVEN_SPLIT {
            diagnostic = diagnostic.escalated();
        }
        diagnostics.push(diagnostic);
    }
}

/// Whether the Data Scientist is present on work other than analysis of the
/// hire's own models: a Data Scientist's phrase in a sentence on improving
/// a model ("statistical analysis and model improvement", "exploratory data
/// analysis to refine and strengthen models") is how an ML engineer improves
/// a model, as wrong-role-competencies reads it, not insight for decisions.
fn statistics_beyond_models(ctx: &LintContext<'_>) -> bool {
    // The phrases that apply statistics or metrics to the hire's own models
    // ("model performance", "model improvement": `lints/cues.toml`).
    let improving = ctx.sentences_of(ctx.kinds().model_improvement);
    if improving.is_empty() {
        return true;
    }
    let kept: Vec<&Evidence> = ctx
        .presence
        .substantial_evidence(Role::DataScientist)
        .iter()
        .copied()
        .filter(|e| {
            improving
                .binary_search(&e.sentence.map(|s| s as usize))
                .is_err()
        })
        .collect();
    present_in(&kept)
}
