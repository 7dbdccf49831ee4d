use super::wrong_role_competencies::one_per_competency;
use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Severity, Suggestion};
use crate::document::{SectionKind, is_question};
use crate::lexicon::Group;
use crate::roles::{
    Evidence, Role, RoleProfile, SUBSTANTIAL_WEIGHT, TOOL_KIND, nearly_present_in, present_in,
};

/// The title names one role and the body's primary output is another's.
#[derive(Debug, Clone, Copy, Default)]
pub struct TitleRoleMismatch;

const MAX_LABELS: usize = 4;

static META: RuleMeta = RuleMeta {
    id: "title-role-mismatch",
    category: Category::Role,
    default_severity: Severity::Warning,
    summary: "The title names one role, but the duties describe another role's primary output.",
    docs: RuleDocs {
        what_it_does: "Compares the role the title names (Data Scientist, ML Engineer or AI \
Engineer) with the role of the body, read from its duties and competencies by their primary \
output. Flags the posting in two cases, and suggests the title that fits the body. \
(1) The body's primary role clearly outweighs the title's (by 15%, the title's own prior \
counted) and, when it is one of the three, has at least two duties or competencies of its own, \
or one of substance and other, lighter work of its own in another sentence (one \"prompt \
engineering\" line is not another role's job); this holds when the body mixes all three roles \
too, since a mixed body still has a primary output; a body of another job (data \
analyst, data engineer, software engineer, research scientist, platform engineer ...) is named \
as that job, and against a body with work of the title's role only when that job's work is \
stated in two sentences (one \"push the state of the art\" in the company's pitch beside \
\"reporting skills\" is not a research scientist's job), and as a research scientist's only when one of its \
phrases is of substance (\"novel research\", \"peer-reviewed publications\"), not on the words applied roles \
say too alone (\"conduct research\" on the data, findings shared in \"publications\"). (2) The title's role has no firm evidence in the body (not two distinct duties or \
competencies of its own) while another of the three has (at least two) and weighs more in the \
body read alone: the title's prior decides close calls between roles the body describes, it \
does not stand in for duties the body never lists, so no margin is asked. A single duty of \
another role beside hints of the title's stays a close call. A body split nearly evenly between roles it describes \
is a mixed posting (`mixed-role-responsibilities`), not a mismatched one. A body too thin to name any role's work, another job's included, does \
not contradict its title, nor does one that names another job only among its nice-to-haves. \
Work put to the reader as a question (\"Are you excited to help customers build generative AI \
solutions?\") is the posting's pitch, not its duties, and does not count toward another role's \
work; against a title whose role the body never describes, that role's two duties or \
competencies must be more than tool names (\"PyTorch, JAX\" in a list of frameworks), and one \
competency named in a shorter and a longer form (\"forecasting models\" ... \"ML forecasting\") is one.",
        why_it_matters: "An \"AI Engineer\" whose duties are training and deploying classic ML \
models draws LLM application builders who will not do that job well, and misses the ML engineers \
who would. A \"Data Scientist\" whose duties are data pipelines draws statisticians to a data \
engineer's job. The title decides who applies.",
        example: "```text\nMachine Learning Engineer\n\nWhat you'll do\n\
- Design A/B experiments and analyse their results with causal inference\n\
- Present findings and recommendations to the pricing team\n\
- Help move models toward production\n```\n\n\
The only ML Engineer duty is a vague one; the body is a Data Scientist's: \
`Machine Learning Engineer` reads better as `Data Scientist`.",
        how_to_fix: "Retitle the posting for the role or job the duties describe (the suggested \
title replaces the role noun), or rewrite the duties for the role the title names: state the \
output that role delivers (an analysis that drives a decision, a model running in production, \
an LLM feature shipped to users).",
    },
};

impl Rule for TitleRoleMismatch {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let profile = ctx.profile;
        let Some(title_role) = profile.title_role.role() else {
            return;
        };
        // The job a body of another job's work names, read once: whether it
        // may be named against the title's role, and the message's words.
        let job = if profile.primary_role == Role::Other {
            other_job(ctx)
        } else {
            None
        };
        let Some(reading) =
            outweighing_role(ctx, title_role, job).or_else(|| unsupported_title(ctx, title_role))
        else {
            return;
        };
        let body = reading.role;
        let Some((span, origin)) = ctx.whole_title_span() else {
            return;
        };
        let title = ctx.title_text().unwrap_or_default();
        let job = job.filter(|_| body == Role::Other);
        let message = match (body, job) {
            (Role::Other, Some(job)) => format!(
                "the title names the {} role, but the duties read as {} job ({}), not a Data Scientist's, ML Engineer's or AI Engineer's",
                title_role.title(),
                job.with_article,
                job.work
            ),
            (Role::Other, None) => format!(
                "the title names the {} role, but the duties are not those of a Data Scientist, ML Engineer or AI Engineer",
                title_role.title()
            ),
            _ => format!(
                "the title names the {} role, but the duties describe the {} role",
                title_role.title(),
                body.title()
            ),
        };
        let mut diagnostic = Diagnostic::new(META.id, span, message).with_origin(origin);
        if origin == crate::diagnostic::Origin::Text {
            let mut strongest: Vec<_> = profile.evidence_for(body).collect();
            strongest.sort_by(|a, b| b.weight.total_cmp(&a.weight));
            for evidence in strongest.into_iter().take(MAX_LABELS) {
                let label = if body == Role::Other {
                    job_of(ctx, evidence).map_or_else(
                        || "another job's duty".to_owned(),
                        |job| format!("{} duty", job.name),
                    )
                } else {
                    format!("{} duty", body.title())
                };
                diagnostic = diagnostic.with_label(evidence.span, label);
            }
        }
        if body == Role::Other {
            let help = match job {
                Some(job) => format!(
                    "retitle the posting for the job the duties describe ({}), or rewrite the duties for the {} the title names",
                    job.name,
                    title_role.title()
                ),
                None => "name the role the duties describe (data analyst, data engineer, software engineer, researcher ...), \
or rewrite the duties for the role the title names"
                    .to_owned(),
            };
            diagnostics.push(diagnostic.with_help(help));
            return;
        }
        let mention = profile.title.mentions.iter().find(|m| m.role == title_role);
        if let Some(mention) = mention {
            let (noun, _) = ctx.title_span(mention.span);
            let fixed = format!(
                "{}{}{}",
                &title[..mention.span.start],
                body.title(),
                &title[mention.span.end..]
            );
            diagnostic = diagnostic.with_suggestion(Suggestion {
                message: format!("retitle the posting: `{fixed}`"),
                edits: vec![Edit {
                    span: noun,
                    replacement: body.title().to_owned(),
                }],
            });
        }
        let help = if reading.title_unsupported {
            format!(
                "the duties describe {} and name no firm duty of the {}: title the posting for the {}, or write the {}'s duties",
                body.primary_output(),
                title_role.title(),
                body.title(),
                title_role.title()
            )
        } else {
            format!(
                "the duties describe {}: title the posting for the {}, or rewrite the duties",
                body.primary_output(),
                body.title()
            )
        };
        diagnostics.push(diagnostic.with_help(help));
    }
}

/// The role the body reads as instead of the title's, and on what ground.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// The body's role.
    role: Role,
    /// True when the title's role has no firm evidence in the body (see
    /// [`unsupported_title`]), false when the body's role outweighs it.
    title_unsupported: bool,
}

/// The body's primary role when it clearly outweighs the title's (by
/// [`MIN_LEAD`](crate::roles::MIN_LEAD) with the title's prior counted)
/// and has work of its own, even when the body mixes all three roles.
/// `job` is the job the body's other-role evidence names ([`other_job`]),
/// when the body's primary role is another job's.
fn outweighing_role(
    ctx: &LintContext<'_>,
    title_role: Role,
    job: Option<OtherJob>,
) -> Option<Reading> {
    let profile = ctx.profile;
    let body = profile.primary_role;
    if !profile.clearly_differs_from(title_role) {
        return None;
    }
    // A body that names no other job's work either (a few generic model
    // duties, a teaser) gives no ground for "the duties are another
    // role's": it says too little to contradict the title.
    if body == Role::Other && profile.scores.get(Role::Other).score <= 0.0 {
        return None;
    }
    // Nor does a body that names another job only among its nice-to-haves
    // ("Grafana", "cloud infrastructure experience" desired): what a
    // posting would welcome besides is not the work it hires for.
    if body == Role::Other
        && profile
            .evidence_for(Role::Other)
            .all(|e| e.section == SectionKind::Preferred)
    {
        return None;
    }
    // Against a body with work of the title's role, another job is named
    // only when its own work is stated in two sentences: one phrase ("push
    // the state of the art" in the company's pitch) beside trace words
    // ("reporting skills") is not that job's duties.
    if body == Role::Other
        && profile.body_score(title_role) > 0.0
        && (other_job_sentences(profile) < 2 || named_on_hints_only(ctx, job))
    {
        return None;
    }
    // One duty or competency of another of the three roles (a single
    // "prompt engineering" line beside a thin body) is too little to
    // say the duties describe that role: it must be present, or have one
    // duty of substance and other work of its own elsewhere ("GPT-4 Vision"
    // beside "AI automation systems").
    if body != Role::Other && !stated_apart_from_questions(ctx, body) {
        return None;
    }
    // A body with substantial work of all three roles is mixed, and it
    // still has a primary role: when that role clearly outweighs the
    // title's, the title names the wrong one (mixed-role-responsibilities
    // reports the mix as well).
    Some(Reading {
        role: body,
        title_unsupported: false,
    })
}

/// Whether a piece of evidence is in a question put to the reader ("Are
/// you excited to help customers design and build generative AI
/// solutions?"): the pitch of a posting, not a duty it lists.
fn in_question(ctx: &LintContext<'_>, evidence: &Evidence) -> bool {
    evidence
        .sentence
        .and_then(|s| ctx.document.sentences().get(s as usize))
        .is_some_and(|sentence| is_question(ctx.document.slice(sentence.span)))
}

/// The distinct substantial phrases of `role`, those in questions left out.
fn stated_work<'p>(ctx: &LintContext<'p>, role: Role) -> Vec<&'p Evidence> {
    ctx.presence
        .substantial_evidence(role)
        .iter()
        .copied()
        .filter(|e| !in_question(ctx, e))
        .collect()
}

/// [`stated_work`] without tools, and with one competency named in a
/// shorter and a longer form ("forecasting models" ... "ML forecasting")
/// kept once, as wrong-role-competencies counts it: what a body must state
/// of a role to stand against a title whose role it never describes.
fn stated_duties<'p>(ctx: &LintContext<'p>, role: Role) -> Vec<&'p Evidence> {
    one_per_competency(
        stated_work(ctx, role)
            .into_iter()
            .filter(|e| &*e.kind != TOOL_KIND),
    )
}

/// Whether `role` is present, or nearly present, with the phrases of
/// questions left out: a role whose work is only put to the reader as a
/// question ("Are you excited to build generative AI solutions?") beside
/// one other line is the posting's pitch, not its duties.
fn stated_apart_from_questions(ctx: &LintContext<'_>, role: Role) -> bool {
    let found = stated_work(ctx, role);
    present_in(&found) || nearly_present_in(ctx.profile, role, &found)
}

/// Below this weight, a piece of other-job evidence is a trace word
/// ("reporting" among the skills), not a duty of that job.
const OTHER_JOB_MIN_WEIGHT: f32 = 0.25;

/// Tag of the other-role groups of a job that is named against a body with
/// work of the title's role only on a phrase of substance (the research
/// scientist's, `lints/roles.toml`): its lighter phrases are words applied
/// roles say too.
const NAMED_ON_SUBSTANCE_TAG: &str = "named-on-substance";

/// Whether `job`, the other job the body names, is one named only on
/// substance ([`NAMED_ON_SUBSTANCE_TAG`]) and stated by hints alone: none of
/// its phrases is of substance (pack weight at least [`SUBSTANTIAL_WEIGHT`]:
/// "novel research", "peer-reviewed publications"), only words applied
/// roles say too ("conduct research" on the data, findings shared in
/// "publications").
///
/// Only the research scientist's groups carry the tag: asking every job for
/// a phrase of substance would drop 7 of the corpus's findings, bodies of
/// other jobs stated only in their lighter phrases (a data engineer's "data
/// pipelines" and "data architecture", a software engineer's "front end" or
/// "Spring Boot", a platform engineer's "DevOps" and "Terraform", a data
/// analyst's "business intelligence").
fn named_on_hints_only(ctx: &LintContext<'_>, job: Option<OtherJob>) -> bool {
    let Some(job) = job else {
        return false;
    };
    let mut on_substance_only = false;
    for evidence in ctx.profile.evidence_for(Role::Other) {
        let Some((of, group)) = job_and_group_of(ctx, evidence) else {
            continue;
        };
        if of.name != job.name {
            continue;
        }
        if evidence.phrase_weight >= SUBSTANTIAL_WEIGHT {
            return false;
        }
        on_substance_only |= group.has_tag(NAMED_ON_SUBSTANCE_TAG);
    }
    on_substance_only
}

/// The number of distinct sentences holding other-job evidence of weight.
fn other_job_sentences(profile: &RoleProfile) -> usize {
    let mut sentences: Vec<Option<u32>> = profile
        .evidence_for(Role::Other)
        .filter(|e| e.weight >= OTHER_JOB_MIN_WEIGHT)
        .map(|e| e.sentence)
        .collect();
    sentences.sort_unstable();
    sentences.dedup();
    sentences.len()
}

/// Another of the three roles, when the title's role has no firm evidence
/// in the body (it is not present: no two distinct duties or competencies
/// of its own) and another of the three is present (two such duties or
/// competencies: the rubric's substantial presence) and outweighs the
/// title role in the body read alone (without the title's prior). A
/// single defining duty of another role ("set up model retraining") beside
/// hints of the title's is not enough: that is a close call the title's
/// prior decides.
///
/// Tool names do not count toward that presence here, nor do phrases of
/// questions put to the reader ([`stated_duties`]): "paths to production"
/// beside "JAX" in a list of frameworks does not name an ML Engineer's job
/// against a title whose work the body never lists either.
///
/// The title's prior decides close calls between roles the body describes;
/// it does not stand in for duties the body never lists. Against a title
/// role with no firm work in the body, no margin is asked.
fn unsupported_title(ctx: &LintContext<'_>, title_role: Role) -> Option<Reading> {
    let profile = ctx.profile;
    if ctx.presence.is_present(title_role) {
        return None;
    }
    let named = profile.body_score(title_role);
    Role::THREE
        .into_iter()
        .filter(|&role| role != title_role)
        .filter(|&role| ctx.presence.is_present(role))
        .filter(|&role| present_in(&stated_duties(ctx, role)))
        .map(|role| (role, profile.body_score(role)))
        .filter(|&(_, score)| score > named)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(role, _)| Reading {
            role,
            title_unsupported: true,
        })
}

/// A job outside the three roles, named by the tag of its phrases in
/// `lints/roles.toml`.
#[derive(Debug, Clone, Copy)]
struct OtherJob {
    /// The job's name ("data engineer").
    name: &'static str,
    /// With its article, possessive ("a data engineer's").
    with_article: &'static str,
    /// Its work, in a few words ("data pipelines and warehouses").
    work: &'static str,
}

/// The jobs of the other-role tags.
const OTHER_JOBS: &[(&str, OtherJob)] = &[
    (
        "data-analyst",
        OtherJob {
            name: "data analyst",
            with_article: "a data analyst's",
            work: "reporting and dashboards",
        },
    ),
    (
        "data-quality",
        OtherJob {
            name: "data analyst",
            with_article: "a data analyst's",
            work: "checking and reconciling data",
        },
    ),
    (
        "data-engineer",
        OtherJob {
            name: "data engineer",
            with_article: "a data engineer's",
            work: "data pipelines and warehouses",
        },
    ),
    (
        "research-scientist",
        OtherJob {
            name: "research scientist",
            with_article: "a research scientist's",
            work: "novel research and papers",
        },
    ),
    (
        "ml-researcher",
        OtherJob {
            name: "research scientist",
            with_article: "a research scientist's",
            work: "novel research and papers",
        },
    ),
    (
        "software-engineer",
        OtherJob {
            name: "software engineer",
            with_article: "a software engineer's",
            work: "application and service code",
        },
    ),
    (
        "performance-engineer",
        OtherJob {
            name: "performance engineer",
            with_article: "a performance engineer's",
            work: "kernels and low-level performance",
        },
    ),
    (
        "platform-engineer",
        OtherJob {
            name: "platform engineer",
            with_article: "a platform engineer's",
            work: "infrastructure and operations",
        },
    ),
    (
        "annotation",
        OtherJob {
            name: "data annotator",
            with_article: "a data annotator's",
            work: "labelling data",
        },
    ),
    (
        "sales-consulting",
        OtherJob {
            name: "sales or consulting",
            with_article: "a sales or consulting",
            work: "client-facing commercial work",
        },
    ),
];

/// The job the body's other-role evidence names most: the tag whose
/// counted phrases weigh most, when it holds at least half of all the
/// other-role evidence (a body of several jobs' phrases names none).
fn other_job(ctx: &LintContext<'_>) -> Option<OtherJob> {
    // Keyed by name: two tags may name one job (research scientist).
    let mut by_job: Vec<(OtherJob, f32)> = Vec::new();
    let mut total = 0.0;
    for evidence in ctx.profile.evidence_for(Role::Other) {
        total += evidence.weight;
        if let Some(job) = job_of(ctx, evidence) {
            match by_job.iter_mut().find(|(known, _)| known.name == job.name) {
                Some(entry) => entry.1 += evidence.weight,
                None => by_job.push((job, evidence.weight)),
            }
        }
    }
    let (job, weight) = by_job.into_iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    (weight * 2.0 >= total).then_some(job)
}

/// The job of one piece of other-role evidence, by the tag of its phrase's
/// group.
fn job_of(ctx: &LintContext<'_>, evidence: &Evidence) -> Option<OtherJob> {
    job_and_group_of(ctx, evidence).map(|(job, _)| job)
}

/// [`job_of`], with the group whose tag names the job.
fn job_and_group_of<'a>(
    ctx: &LintContext<'a>,
    evidence: &Evidence,
) -> Option<(OtherJob, &'a Group)> {
    ctx.groups_of(evidence)
        .filter(|g| g.role == Some(Role::Other))
        .find_map(|g| {
            OTHER_JOBS
                .iter()
                .find(|(tag, _)| g.has_tag(tag))
                .map(|(_, job)| (*job, g))
        })
}
