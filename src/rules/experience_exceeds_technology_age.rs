use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::experience::YearsAsked;
use crate::facts::{DateSource, Technology};
use crate::lexicon::Hit;

/// More years of a technology asked than it has existed.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExperienceExceedsTechnologyAge;

/// How far after the years the first technology may start ("5+ years of
/// hands-on professional experience building with LangChain").
const FIRST_GAP: usize = 80;
/// How far apart the technologies of one list may be ("LangChain, LlamaIndex
/// and vector databases such as Pinecone").
const LIST_GAP: usize = 40;
/// Words between the years and a technology that end what the years are of.
const BREAKS: [&str; 14] = [
    "and experience",
    "libraries",
    "plus",
    "familiar",
    "knowledge",
    "exposure",
    "understanding",
    "nice to have",
    "bonus",
    "preferred",
    "as well as",
    "experience",
    "ideally",
    "including",
];

static META: RuleMeta = RuleMeta {
    id: "experience-exceeds-technology-age",
    category: Category::Accuracy,
    default_severity: Severity::Warning,
    summary: "More years of a technology are asked than it has existed.",
    docs: RuleDocs {
        what_it_does: "Reads each statement of years of experience (\"5+ years\", \"3-5 yrs\", \
\"five years\") and the technologies it is about (\"of LangChain\", \"with PyTorch, JAX and \
Kubernetes\"), and compares the least number of years asked with the time between the \
technology's first public release (`lints/technologies.toml`, with a source for each date) and \
the posting date. The posting date is the configured one (`posting-date` in `jdlint.toml` or \
`--posting-date`), else the date the posting states (a feed's `date_posted`, or \"Posted on ...\" \
in the text), else today.",
        why_it_matters: "Nobody has five years of a framework released two years ago. The \
requirement filters out the honest candidates, invites inflated CVs, and tells experienced \
readers the posting was written without the hiring team.",
        example: "```text\nAI Engineer\n\nRequirements\n- 5+ years of experience with LangChain and vector databases\n```",
        how_to_fix: "Ask for years of the underlying skill (\"3+ years building backend \
services\", \"experience shipping LLM features\"), and for the new tool by name without years.",
    },
};

impl Rule for ExperienceExceedsTechnologyAge {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let text = doc.text();
        let technologies: Vec<(Hit, &Technology)> = ctx
            .hits_of(ctx.kinds().technology)
            .filter_map(|(hit, entry)| {
                Some((hit, ctx.technologies.get(entry.group.tags.first()?)?))
            })
            .collect();
        if technologies.is_empty() {
            return;
        }
        let markers: Vec<Hit> = ctx
            .live_hits(ctx.kinds().alternatives_marker)
            .into_iter()
            .map(|(hit, _)| hit)
            .collect();
        let as_of = ctx.posting_date;
        for (i, years) in ctx.years.iter().enumerate() {
            let next_years = ctx.years.get(i + 1).map_or(usize::MAX, |y| y.span.start);
            let sentence_end = doc
                .sentence_at(years.span.start)
                .map_or(text.len(), |s| s.span.end);
            let limit = sentence_end.min(next_years);
            // "(5+ years)" qualifies what came before it.
            if text[years.span.end..]
                .trim_start_matches(['\'', '\u{2019}', ' '])
                .starts_with(')')
            {
                continue;
            }
            let object = object_of(text, years, &technologies, limit);
            let Some(&(last, _)) = object.last() else {
                continue;
            };
            let count = object.len();
            let too_new: Vec<(Hit, &Technology, f64)> = object
                .into_iter()
                .map(|(hit, tech)| (hit, tech, as_of.date.years_since(tech.released)))
                .filter(|&(_, _, age)| f64::from(years.min) > age)
                .collect();
            // "5 years with Python, R or TensorFlow", "with tools such as
            // LangChain": the years are of any one of them, so only when
            // all are too new is the ask impossible.
            let after_last = text[last.span.end..limit]
                .char_indices()
                .nth(16)
                .map_or(limit, |(i, _)| last.span.end + i);
            let span_text = &text[years.span.end..after_last];
            let choice = span_text.contains('/')
                || span_text.to_ascii_lowercase().contains(" or ")
                || markers[markers.partition_point(|m| m.span.start < years.span.end)..]
                    .iter()
                    .take_while(|m| m.span.start < after_last)
                    .any(|m| m.span.end <= after_last);
            if too_new.len() < count && choice {
                continue;
            }
            let Some(&(_, first, age)) = too_new.first() else {
                continue;
            };
            let asked = doc.slice(years.span);
            let message = if age < 0.0 {
                format!(
                    "asks for {asked} of {}, which was first released on {}, after {}",
                    first.name,
                    first.released,
                    as_of.describe()
                )
            } else {
                format!(
                    "asks for {asked} of {}, first released {}: {} before {}",
                    first.name,
                    first.released,
                    years_phrase(age),
                    as_of.describe()
                )
            };
            let mut diagnostic = Diagnostic::new(META.id, years.span, message);
            for &(hit, tech, age) in &too_new {
                let label = if age < 0.0 {
                    format!("{} was not yet released", tech.name)
                } else {
                    format!(
                        "{} exists since {} ({})",
                        tech.name,
                        tech.released,
                        years_phrase(age)
                    )
                };
                diagnostic = diagnostic.with_label(hit.span, label);
            }
            let help = match as_of.source {
                DateSource::Today => {
                    "ask for years of the underlying skill and name the tool without years; set `posting-date` if the posting is older than today"
                }
                _ => "ask for years of the underlying skill and name the tool without years",
            };
            diagnostics.push(diagnostic.with_help(help));
        }
    }
}

/// The technologies the years are of: the first within [`FIRST_GAP`] bytes
/// after them, then each following one within [`LIST_GAP`], all before
/// `limit` and with nothing between that ends the phrase.
fn object_of<'t>(
    text: &str,
    years: &YearsAsked,
    technologies: &[(Hit, &'t Technology)],
    limit: usize,
) -> Vec<(Hit, &'t Technology)> {
    let mut found = Vec::new();
    let mut end = years.span.end;
    // Technologies are in order of start: those after the years only.
    let first = technologies.partition_point(|(hit, _)| hit.span.start < end);
    for &(hit, tech) in &technologies[first..] {
        if hit.span.end > limit {
            break;
        }
        let gap = if found.is_empty() {
            FIRST_GAP
        } else {
            LIST_GAP
        };
        let between = &text[end..hit.span.start];
        if between.len() > gap || !continues(between, found.is_empty(), years.is_experience) {
            break;
        }
        found.push((hit, tech));
        end = hit.span.end;
    }
    found
}

/// Whether `between` keeps the technology inside what the years are of.
/// "experience" may sit between the years and the first technology only.
fn continues(between: &str, first: bool, is_experience: bool) -> bool {
    if !is_experience || between.contains([';', ':', '.', '\n', '\r', '(', ')']) {
        return false;
    }
    let lower = between.to_ascii_lowercase();
    !BREAKS
        .iter()
        .filter(|&&w| !(first && w == "experience"))
        .any(|w| lower.contains(w))
}

fn years_phrase(age: f64) -> String {
    if age < 1.0 {
        let months = (age * 12.0).floor() as i64;
        format!("{months} month{}", if months == 1 { "" } else { "s" })
    } else {
        format!("{:.1} years", (age * 10.0).floor() / 10.0)
    }
}
