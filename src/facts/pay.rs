//! Pay a posting states: "$120,000 - $150,000", "€60k–€80k", "USD 55 to 65
//! per hour", "Salary: 95,000".
//!
//! Currency signs and pay words come from the `requirements` pack (kinds
//! [`CURRENCY_KIND`] and [`PAY_KIND`]); only a short window after each is read.

use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::span::Span;

/// Kind of the pack group of currency signs and codes (`$`, `usd`, `€`).
pub const CURRENCY_KIND: &str = "currency";
/// Kind of the pack group of pay words (`salary`, `pay range`).
pub const PAY_KIND: &str = "pay";

/// How far after a currency sign or pay word an amount may start.
const WINDOW: usize = 48;

/// A stated amount of pay, or a range of two.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PayStated {
    /// From the first amount to the last.
    pub span: Span,
    /// The lower (or only) amount, as written (`120k` is 120,000).
    pub low: f64,
    /// The upper amount of a range.
    pub high: Option<f64>,
}

impl PayStated {
    /// True when two amounts bound a range.
    #[must_use]
    pub fn is_range(&self) -> bool {
        self.high.is_some()
    }
}

/// Every pay statement in `document`, in order.
///
/// ```
/// use jdlint::{Linter, facts::pay::pay_stated, document::Document};
/// let linter = Linter::new();
/// let text = "Compensation\nThe base salary range is $120,000 - $150,000 per year.";
/// let doc = Document::parse_body(text, linter.lexicon());
/// let pay = pay_stated(&doc, linter.lexicon());
/// assert_eq!(pay.len(), 1);
/// assert_eq!((pay[0].low, pay[0].high), (120_000.0, Some(150_000.0)));
/// ```
#[must_use]
pub fn pay_stated(document: &Document<'_>, lexicon: &Lexicon) -> Vec<PayStated> {
    let mut cues: Vec<(u32, &Hit)> = document
        .hits_of_kind(lexicon.kinds().currency)
        .chain(document.hits_of_kind(lexicon.kinds().pay))
        .collect();
    cues.sort_unstable_by_key(|&(i, _)| i);
    pay_in(
        document.text(),
        cues.into_iter().map(|(_, hit)| hit),
        lexicon,
    )
}

/// Pay statements in `text`, from its lexicon `hits` (a title's, say).
///
/// ```
/// use jdlint::{Linter, facts::pay::pay_in};
/// let linter = Linter::new();
/// let title = "Data Scientist (Remote) - $100,000/year USD";
/// let hits = linter.lexicon().find(title);
/// assert_eq!(pay_in(title, &hits, linter.lexicon())[0].low, 100_000.0);
/// ```
#[must_use]
pub fn pay_in<'h>(
    text: &str,
    hits: impl IntoIterator<Item = &'h Hit>,
    lexicon: &Lexicon,
) -> Vec<PayStated> {
    let mut found: Vec<PayStated> = Vec::new();
    let (currency, pay_word) = (lexicon.kinds().currency, lexicon.kinds().pay);
    for hit in hits {
        let kind = Some(lexicon.entry(hit.entry).kind);
        if kind != currency && kind != pay_word {
            continue;
        }
        if found
            .last()
            .is_some_and(|last| hit.span.start < last.span.end)
        {
            continue;
        }
        // A code written after its amount ("120,000 USD", "60.000 €")
        // reads back; a sign before it ("$", "£") only forward.
        let sign_first = text[hit.span.start..].starts_with(['$', '\u{a3}', '\u{20b9}'])
            || starts_with_ignore_case(&text[hit.span.start..], "us$");
        let from = if kind == currency && !sign_first {
            back_to_amount(text, hit.span.start)
        } else {
            hit.span.end
        };
        if let Some(stated) = amounts_after(text, from) {
            found.push(stated);
        } else if kind == pay_word
            && let Some(stated) = range_before(text, hit.span.start)
            && found
                .last()
                .is_none_or(|last| last.span.end <= stated.span.start)
        {
            found.push(stated);
        }
    }
    found
}

/// How far before a pay word a range written ahead of it may start.
const BACK_WINDOW: usize = 32;

/// A range that ends right before byte `at`, with only spaces between: the
/// pay word comes after its figures ("130K - 200K annual compensation").
/// A single amount does not count: "5 years" or "a team of 12" before "pay"
/// would.
fn range_before(text: &str, at: usize) -> Option<PayStated> {
    let bytes = text.as_bytes();
    let mut from = at.saturating_sub(BACK_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if let Some(newline) = text[from..at].rfind('\n') {
        from += newline + 1;
    }
    (from..at)
        .filter(|&i| {
            bytes[i].is_ascii_digit()
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                && !(i > 0 && matches!(bytes[i - 1], b',' | b'.'))
        })
        .find_map(|i| {
            amounts_after(text, i).filter(|stated| {
                stated.span.start == i
                    && stated.is_range()
                    && stated.span.end <= at
                    && text[stated.span.end..at].trim().is_empty()
            })
        })
}

fn back_to_amount(text: &str, at: usize) -> usize {
    let before = &text.as_bytes()[at.saturating_sub(24)..at];
    let trimmed = before.iter().rposition(|&b| b != b' ').map_or(0, |i| i + 1);
    let mut start = trimmed;
    while start > 0 && matches!(before[start - 1], b'0'..=b'9' | b',' | b'.' | b'k' | b'K') {
        start -= 1;
    }
    if start < trimmed && before[start..trimmed].iter().any(u8::is_ascii_digit) {
        at - (before.len() - start)
    } else {
        at
    }
}

/// The first amount within [`WINDOW`] bytes after `from`, and a second one
/// joined to it by a dash or "to".
fn amounts_after(text: &str, from: usize) -> Option<PayStated> {
    let bytes = text.as_bytes();
    let limit = (from + WINDOW).min(bytes.len());
    let mut i = from;
    while i < limit && !bytes[i].is_ascii_digit() {
        if matches!(bytes[i], b'\n' | b'\r' | b';') {
            return None;
        }
        i += 1;
    }
    let (low, low_end) = amount_at(text, i)?;
    let low_end = skip_unit(text, low_end);
    // joiners: spaces, currency signs and codes, dashes, "to", "and"
    let mut j = low_end;
    let mut joined = false;
    while j < bytes.len() && j < low_end + 16 {
        let rest = &text[j..];
        if rest.starts_with(['-', '\u{2013}', '\u{2014}']) {
            joined = true;
            j += rest.chars().next().map_or(1, char::len_utf8);
        } else if starts_with_ignore_case(rest, "to ") {
            joined = true;
            j += 3;
        } else if rest.starts_with([' ', '$', '\u{a3}', '\u{20ac}', '\u{a0}'])
            || starts_with_ignore_case(rest, "usd ")
            || starts_with_ignore_case(rest, "eur ")
        {
            j += if rest.starts_with([' ', '$']) {
                1
            } else if rest.starts_with(['\u{a3}', '\u{a0}']) {
                2
            } else if rest.starts_with('\u{20ac}') {
                3
            } else {
                4
            };
        } else {
            break;
        }
    }
    if joined
        && let Some((high, high_end)) = amount_at(text, j)
        && high != low
    {
        // "$100,000 - $75,000" is a range written backwards; "$150-185k"
        // puts the thousands on the upper end only.
        let (mut low, high) = if high < low { (high, low) } else { (low, high) };
        if low < 1_000.0 && high >= 10_000.0 && low * 1_000.0 <= high {
            low *= 1_000.0;
        }
        return Some(PayStated {
            span: Span::new(i, high_end),
            low,
            high: Some(high),
        });
    }
    Some(PayStated {
        span: Span::new(i, low_end),
        low,
        high: None,
    })
}

/// Skips a pay period glued to an amount: `/yr`, `/hour`, `hr`, `/h`.
fn skip_unit(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let unit_len = PERIODS
        .iter()
        .find(|unit| {
            starts_with_ignore_case(rest, unit)
                && !rest[unit.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
        .map_or(0, |unit| unit.len());
    at + unit_len
}

/// Pay periods that may follow an amount directly.
const PERIODS: [&str; 14] = [
    "/year", "/yr", "/hour", "/hr", "/h", "/month", "/mo", "/annum", "hr", "hrs", "/hrs", "yr",
    "/week", "/day",
];

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// An amount starting at `at`: `120,000`, `120.000`, `95000`, `120k`,
/// `1.2m`, `55.50`. Years (`2024`) and tiny numbers are not pay.
fn amount_at(text: &str, at: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    if at >= bytes.len() || !bytes[at].is_ascii_digit() {
        return None;
    }
    let mut end = at;
    let mut digits = String::new();
    let mut groups_of_three = true;
    let mut last_separator: Option<usize> = None;
    while end < bytes.len() {
        match bytes[end] {
            b'0'..=b'9' => digits.push(bytes[end] as char),
            b',' | b'.' if end + 1 < bytes.len() && bytes[end + 1].is_ascii_digit() => {
                if let Some(previous) = last_separator
                    && end - previous != 4
                {
                    groups_of_three = false;
                }
                last_separator = Some(end);
                digits.push('|');
            }
            _ => break,
        }
        end += 1;
    }
    // "120,000" / "120.000" are thousands; "55.50" is a decimal.
    let value: f64 = match last_separator {
        Some(sep) if end - sep == 4 && groups_of_three => digits.replace('|', "").parse().ok()?,
        Some(_) => digits.replacen('|', ".", 1).replace('|', "").parse().ok()?,
        None => digits.parse().ok()?,
    };
    let (value, end) = match bytes.get(end) {
        // a 401(k) plan, not four hundred thousand
        Some(b'k' | b'K') if digits == "401" => return None,
        Some(b'k' | b'K') => (value * 1_000.0, end + 1),
        Some(b'm' | b'M') if !bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic) => {
            (value * 1_000_000.0, end + 1)
        }
        _ => (value, end),
    };
    let glued_unit = skip_unit(text, end) > end;
    if bytes.get(end).is_some_and(u8::is_ascii_alphabetic)
        && !matches!(bytes[end - 1], b'k' | b'K')
        && !glued_unit
    {
        // "401k" is handled above; "3rd", "5x" are not amounts
        return None;
    }
    if bytes.get(end) == Some(&b'%') {
        // a rate, not pay
        return None;
    }
    let looks_like_year = last_separator.is_none() && (1950.0..=2100.0).contains(&value);
    (value >= 10.0 && !looks_like_year).then_some((value, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stated(text: &str) -> Option<(f64, Option<f64>, &str)> {
        amounts_after(text, 0).map(|p| (p.low, p.high, &text[p.span.start..p.span.end]))
    }

    #[test]
    fn amounts_and_ranges() {
        assert_eq!(
            stated(": $120,000 - $150,000 a year"),
            Some((120_000.0, Some(150_000.0), "120,000 - $150,000"))
        );
        assert_eq!(
            stated(" €60k–€80k"),
            Some((60_000.0, Some(80_000.0), "60k–€80k"))
        );
        assert_eq!(
            stated(" 55 to 65 per hour"),
            Some((55.0, Some(65.0), "55 to 65"))
        );
        assert_eq!(
            stated(" 60.000 - 80.000 EUR"),
            Some((60_000.0, Some(80_000.0), "60.000 - 80.000"))
        );
        assert_eq!(stated(": 95000"), Some((95_000.0, None, "95000")));
        assert_eq!(
            stated(" 150-185k"),
            Some((150_000.0, Some(185_000.0), "150-185k"))
        );
        assert_eq!(
            stated(" 100,000- $75,000"),
            Some((75_000.0, Some(100_000.0), "100,000- $75,000"))
        );
        assert_eq!(stated(" 55hr"), Some((55.0, None, "55hr")));
        assert_eq!(
            stated(" 203K/yr to $250K/yr"),
            Some((203_000.0, Some(250_000.0), "203K/yr to $250K"))
        );
        assert_eq!(stated(" 1.2M"), Some((1_200_000.0, None, "1.2M")));
    }

    #[test]
    fn range_written_before_the_pay_word() {
        let before = |text: &str| {
            let at = text.find("annual").or_else(|| text.find("pay")).unwrap();
            range_before(text, at).map(|p| (p.low, p.high))
        };
        assert_eq!(
            before("* 130K - 200K annual compensation"),
            Some((130_000.0, Some(200_000.0)))
        );
        assert_eq!(before("$90-110k pay"), Some((90_000.0, Some(110_000.0))));
        // one figure, another word between, or another line: not read back
        assert_eq!(before("a team of 12 pay"), None);
        assert_eq!(before("120k - 150k users and annual pay"), None);
        assert_eq!(before("120k - 150k\nannual compensation"), None);
    }

    #[test]
    fn what_is_not_pay() {
        assert_eq!(stated(" since 2015"), None);
        assert_eq!(stated(" 3rd party"), None);
        assert_eq!(stated("\n120,000"), None);
        assert_eq!(stated(" is competitive"), None);
        assert_eq!(stated(": competitive, 401k match"), None);
        assert_eq!(stated(" of 15% a year"), None);
        assert_eq!(stated(" 120 t\u{e9}st"), Some((120.0, None, "120")));
        assert_eq!(stated(" 120 \u{e9}\u{e9}"), Some((120.0, None, "120")));
    }
}
