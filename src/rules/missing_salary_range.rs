use super::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::SectionKind;
use crate::facts::pay::{self, PayStated};

/// No pay range, or pay described only as "competitive".
#[derive(Debug, Clone, Copy, Default)]
pub struct MissingSalaryRange;

/// A range whose top is more than this many times its bottom is not a pay
/// range ("$10 to $100 million").
const MAX_RANGE_RATIO: f64 = 4.0;
const VAGUE_WINDOW: usize = 24;

static META: RuleMeta = RuleMeta {
    id: "missing-salary-range",
    category: Category::Clarity,
    default_severity: Severity::Warning,
    summary: "The posting states no pay range.",
    docs: RuleDocs {
        what_it_does: "Looks for pay: two amounts joined as a range (\"$120,000 - $150,000\", \
\"€60k–€80k\", \"55 to 65 USD per hour\"), or an amount next to a pay word (\"Salary: 95,000\") \
or in a compensation section, or shortly after \"competitive salary\" and its kin on the same line \
(\"competitive salary of up to $165,000 a year\"). When there is none, it flags the posting, pointing at \"competitive \
salary\" and its kin when that is all the posting says about pay. Amounts that are not pay \
(\"$50M Series B\", years, a 401(k)) do not count.",
        why_it_matters: "Pay is the first thing candidates filter on; postings without it draw \
fewer and less suitable applicants, and several jurisdictions require a range in the posting: \
Colorado, California, Washington, New York State and City, Illinois, Maryland, Massachusetts, \
Hawaii, Minnesota, Vermont, New Jersey, British Columbia, and the EU under the Pay Transparency \
Directive (2023/970, applicable from June 2026).",
        example: "```text\nData Scientist\n\nWhat we offer\n- A competitive salary and great benefits\n```",
        how_to_fix: "State the base pay range you will really pay for this role, with currency \
and period (\"$140,000 - $170,000 a year\"), and what else is part of pay (bonus, equity).",
    },
};

const LAWS: &str = "state the base pay range; Colorado, California, Washington, New York, Illinois, the EU (Directive 2023/970) and other jurisdictions require one in postings";

impl Rule for MissingSalaryRange {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
        let doc = ctx.document;
        let stated = pay::pay_stated(doc, ctx.lexicon);
        // Sorted, so each amount looks its sentence up by binary search.
        let mut pay_sentences: Vec<usize> = ctx
            .spans_of(ctx.kinds().pay)
            .filter_map(|span| doc.sentence_index_at(span.start))
            .collect();
        pay_sentences.sort_unstable();
        pay_sentences.dedup();
        // "Competitive salary up to $180,000 a year": an amount shortly after
        // a vague pay phrase, on its line, is pay as much as after "salary".
        // Not the whole sentence: a perks list run together ("Competitive
        // pay and benefits ... $200/month wellness perk") names other money.
        let mut vague_ends: Vec<usize> = ctx
            .spans_of(ctx.kinds().pay_vague)
            .map(|span| span.end)
            .collect();
        vague_ends.sort_unstable();
        let text = doc.text();
        // The nearest vague phrase ending before an amount is the one that
        // can name it.
        let vague_names = |at: usize| {
            let before = vague_ends.partition_point(|&end| end <= at);
            before.checked_sub(1).is_some_and(|i| {
                let end = vague_ends[i];
                at - end <= VAGUE_WINDOW && !text[end..at].contains('\n')
            })
        };
        let is_pay = |p: &PayStated| {
            let sentence = doc.sentence_index_at(p.span.start);
            let about_pay = doc.section_at(p.span.start) == SectionKind::Compensation
                || sentence.is_some_and(|s| pay_sentences.binary_search(&s).is_ok())
                || vague_names(p.span.start);
            match p.high {
                Some(high) => about_pay || high / p.low <= MAX_RANGE_RATIO,
                None => about_pay,
            }
        };
        if stated.iter().any(is_pay) {
            return;
        }
        // "Data Scientist (Remote) - $100,000/year": pay in a title given
        // apart from the text.
        if let super::TitleSource::Explicit(title) = ctx.title
            && !pay::pay_in(title, ctx.title_hits, ctx.lexicon).is_empty()
        {
            return;
        }
        let vague = ctx.live_hits(ctx.kinds().pay_vague);
        let diagnostic = match vague.first() {
            Some((hit, _)) => {
                let mut d = Diagnostic::new(
                    META.id,
                    hit.span,
                    format!(
                        "pay is described only as \"{}\", with no range",
                        doc.slice(hit.span)
                    ),
                );
                for (other, _) in vague.iter().skip(1).take(3) {
                    d = d.with_label(other.span, "no figure here either");
                }
                d
            }
            None => Diagnostic::new(
                META.id,
                ctx.posting_span(),
                "the posting states no pay range",
            ),
        };
        diagnostics.push(diagnostic.with_help(LAWS));
    }
}
