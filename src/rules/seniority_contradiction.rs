use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Origin, Severity};
use crate::document::SectionKind;
use crate::lexicon::KindId;

/// A junior posting asking for many years, or a senior one with nothing to own.
#[derive(Debug, Clone, Copy, Default)]
pub struct SeniorityContradiction;

/// Stems in a sentence that make "junior" someone else ("mentor junior
/// analysts", "from junior to senior"), not the hire.
const OTHERS: [&str; 16] = [
    "mentor",
    "coach",
    "manag",
    "lead",
    "guid",
    "supervis",
    "train",
    "team of",
    "motivat",
    "more junior",
    "senior",
    "intermediate",
    "mid level",
    "mid-level",
    "all levels",
    "/",
];

static META: RuleMeta = RuleMeta {
    id: "seniority-contradiction",
    category: Category::Clarity,
    default_severity: Severity::Warning,
    summary: "The seniority named contradicts what the posting asks.",
    docs: RuleDocs {
        what_it_does: "Flags a posting titled or described as junior, entry level or for new \
graduates that asks for more years of experience than `junior-max-years` \
(`lints/thresholds.toml`, 2 by default); and a posting titled senior, staff, principal or lead \
that names nothing the hire would own, lead, mentor or decide.",
        why_it_matters: "A junior role that asks for five years draws nobody it was meant for \
and under-pays whoever applies. A senior title with no scope is a mid-level job with a bigger \
word: senior candidates read the duties, find nothing to own, and move on.",
        example: "```text\nJunior Data Scientist\n\nRequirements\n- 5+ years of experience in statistics\n```",
        how_to_fix: "For a junior role, ask for skills and at most a year or two. For a senior \
role, say what the hire will own: a product area, a system, a roadmap, people to mentor.",
    },
};

impl Rule for SeniorityContradiction {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let in_title = |kind: Option<KindId>| {
            ctx.title_hits
                .iter()
                .find(|hit| Some(ctx.lexicon.kind_of(hit.entry)) == kind)
                .copied()
        };
        // Junior: in the title, or said of the role in the text.
        let junior: Option<(crate::Span, Origin, &str)> = in_title(ctx.kinds().seniority_junior)
            .map(|hit| {
                let title = ctx.title_text().unwrap_or_default();
                let (span, origin) = ctx.title_span(hit.span);
                (span, origin, &title[hit.span.start..hit.span.end])
            })
            .or_else(|| {
                if in_title(ctx.kinds().seniority_senior).is_some() {
                    return None;
                }
                ctx.live_hits(ctx.kinds().seniority_junior)
                    .into_iter()
                    .map(|(hit, _)| hit)
                    .find(|hit| {
                        let section = doc.section_at(hit.span.start);
                        let sentence = doc
                            .sentence_at(hit.span.start)
                            .map_or("", |s| doc.slice(s.span))
                            .to_ascii_lowercase();
                        !matches!(
                            section,
                            SectionKind::Company
                                | SectionKind::Team
                                | SectionKind::Legal
                                | SectionKind::Benefits
                        ) && !OTHERS.iter().any(|w| sentence.contains(w))
                    })
                    .map(|hit| (hit.span, Origin::Text, doc.slice(hit.span)))
            });
        if let Some((junior_span, origin, word)) = junior {
            let limit = ctx.thresholds.junior_max_years as f32;
            if let Some(years) = ctx
                .years
                .iter()
                .filter(|y| y.is_experience && y.min > limit)
                .max_by(|a, b| a.min.total_cmp(&b.min))
            {
                let mut d = Diagnostic::new(
                    META.id,
                    years.span,
                    format!(
                        "asks for {} of experience in a posting for \"{word}\"",
                        doc.slice(years.span),
                    ),
                );
                if origin == Origin::Text {
                    d = d.with_label(junior_span, "the seniority named");
                }
                diagnostics.push(d.with_help(format!(
                    "ask a junior hire for skills and at most {} years, or retitle the role for the experience you need",
                    ctx.thresholds.junior_max_years
                )));
            }
        }
        // Senior: in the title, with nothing to own.
        if let Some(hit) = in_title(ctx.kinds().seniority_senior) {
            let scope = ctx.spans_of(ctx.kinds().scope).any(|span| {
                !matches!(
                    doc.section_at(span.start),
                    SectionKind::Legal | SectionKind::Benefits | SectionKind::Compensation
                )
            });
            // "Staff" is senior in engineering and data titles; a "Staff
            // Scientist" or "Staff Accountant" may be an early-career title.
            let title = ctx.title_text().unwrap_or_default().to_ascii_lowercase();
            let word = title.get(hit.span.start..hit.span.end).unwrap_or_default();
            let senior_title = word != "staff"
                || ["engineer", "data scientist", "machine learning"]
                    .iter()
                    .any(|t| title.contains(t));
            let has_duties = doc.sentences().len() >= 3;
            if !scope && has_duties && senior_title {
                let (span, origin) = ctx.title_span(hit.span);
                let title = ctx.title_text().unwrap_or_default();
                let word = &title[hit.span.start..hit.span.end];
                diagnostics.push(
                    Diagnostic::new(
                        META.id,
                        span,
                        format!("the title says \"{word}\", but the posting names nothing the hire would own, lead or decide"),
                    )
                    .with_origin(origin)
                    .with_help("say what the hire will own: a product area, a system, a roadmap, people to mentor"),
                );
            }
        }
    }
}
