//! Years of experience a posting asks for: "5+ years", "3-5 years", "five
//! (5) years of experience", "at least 7 yrs".
//!
//! The words `year(s)`, `yr(s)` come from the `requirements` pack (kind
//! [`YEARS_KIND`]), so this reads only a few bytes around each of those hits,
//! never the whole text again.

use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::span::Span;

/// Kind of the pack group holding the words for years.
pub const YEARS_KIND: &str = "years";

/// The most years anybody asks for; larger numbers are not experience.
const MAX_YEARS: f32 = 40.0;
/// How far after the years to look for "experience" in the same sentence.
const EXPERIENCE_WINDOW: usize = 60;

/// One statement of years asked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearsAsked {
    /// From the number to the unit: `5+ years`, `3-5 years`.
    pub span: Span,
    /// The least the statement asks for (`3` in "3-5 years").
    pub min: f32,
    /// The upper end of a range, if one is given.
    pub max: Option<f32>,
    /// Whether "experience" is named with it, or the years lead straight into
    /// what they are of ("5 years of Python", "3 years with Spark").
    pub is_experience: bool,
}

const WRITTEN: [(&str, f32); 20] = [
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
];

/// Words after the unit that make it a statement of experience without the
/// word "experience" ("5 years of Python", "3 years working with Spark").
const LEAD_INS: [&str; 12] = [
    "of ",
    "with ",
    "in ",
    "using ",
    "working ",
    "building ",
    "developing ",
    "hands on ",
    "professional ",
    "industry ",
    "relevant ",
    "applied ",
];

/// Words after the unit that make it anything but experience asked.
const NOT_EXPERIENCE: [&str; 8] = [
    "ago",
    "old",
    "of age",
    "of history",
    "in business",
    "of operation",
    "of growth",
    "of innovation",
];

/// Every statement of years in `document`, in order.
///
/// ```
/// use jdlint::{Linter, facts::experience::years_asked};
/// let linter = Linter::new();
/// let text = "Requirements\n- 3-5 years of experience with Python\n- Five (5) yrs building APIs";
/// let doc = jdlint::document::Document::parse_body(text, linter.lexicon());
/// let found = years_asked(&doc, linter.lexicon());
/// assert_eq!((found[0].min, found[0].max), (3.0, Some(5.0)));
/// assert_eq!(&text[found[0].span.start..found[0].span.end], "3-5 years");
/// assert_eq!(found[1].min, 5.0);
/// assert!(found.iter().all(|y| y.is_experience));
/// ```
#[must_use]
pub fn years_asked(document: &Document<'_>, lexicon: &Lexicon) -> Vec<YearsAsked> {
    let text = document.text();
    document
        .hits_of_kind(lexicon.kinds().years)
        .filter_map(|(_, hit)| parse_at(text, hit.span))
        .collect()
}

/// Reads the number (or range) just before the unit at `unit`.
fn parse_at(text: &str, unit: Span) -> Option<YearsAsked> {
    let before = &text[..unit.start];
    let mut rest = before.trim_end_matches([' ', '\u{a0}']);
    // "5+ years", "5 plus years", "5 or more years": the least is the number.
    if let Some(stripped) = ["+", " plus", " or more", "or more"]
        .iter()
        .find_map(|suffix| rest.strip_suffix(suffix))
    {
        rest = stripped.trim_end();
    }
    // "five (5) years": the figure in parentheses, then the word before it.
    let (high, start) = if let Some(inner) = rest.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let (value, _) = number_before(&inner[open + 1..])?;
        let word_start = inner[..open].trim_end();
        let start = number_before(word_start).map_or(open, |(_, at)| at);
        (value, start)
    } else {
        let (value, at) = number_before(rest)?;
        (value, at)
    };
    // "3-5 years", "3 - 5", "3–5", "3 to 5"
    let mut min = high;
    let mut max = None;
    let mut from = start;
    let head = text[..start].trim_end();
    for dash in ["-", "\u{2013}", "\u{2014}", " to", "to"] {
        if let Some(left) = head.strip_suffix(dash)
            && let Some((low, at)) = number_before(left.trim_end())
            && low < high
        {
            min = low;
            max = Some(high);
            from = at;
            break;
        }
    }
    if !(min > 0.0 && high <= MAX_YEARS) {
        return None;
    }
    let after = &text[unit.end..];
    let after = after.trim_start_matches(['\'', '\u{2019}', ' ']);
    let window = after
        .char_indices()
        .take_while(|&(i, c)| i < EXPERIENCE_WINDOW && !matches!(c, '.' | ';' | '\n' | '\r'))
        .last()
        .map_or("", |(i, c)| &after[..i + c.len_utf8()])
        .to_ascii_lowercase();
    let excluded = NOT_EXPERIENCE.iter().any(|w| window.starts_with(w));
    let is_experience = !excluded
        && (window.contains("experience")
            || window.starts_with("exp")
            || LEAD_INS.iter().any(|w| window.starts_with(w)));
    Some(YearsAsked {
        span: Span::new(from, unit.end),
        min,
        max,
        is_experience,
    })
}

/// The number that ends `text` and where it starts: digits (`5`, `1.5`) or a
/// written-out number (`five`).
fn number_before(text: &str) -> Option<(f32, usize)> {
    let bytes = text.as_bytes();
    let end = bytes.len();
    let mut start = end;
    while start > 0 && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'.') {
        start -= 1;
    }
    if start < end {
        // a digit run glued to a word ("v5") is not a count of years
        if start > 0 && (bytes[start - 1].is_ascii_alphabetic() || bytes[start - 1] == b'$') {
            return None;
        }
        let digits = text[start..end].trim_start_matches('.');
        let value: f32 = digits.parse().ok()?;
        return Some((value, end - digits.len()));
    }
    let word_start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = text[word_start..].to_ascii_lowercase();
    WRITTEN
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, value)| (value, word_start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(f32, Option<f32>, &str, bool)> {
        let unit = ["years", "year", "yrs", "yr"]
            .iter()
            .find_map(|u| text.find(u).map(|at| Span::new(at, at + u.len())))?;
        parse_at(text, unit).map(|y| {
            (
                y.min,
                y.max,
                &text[y.span.start..y.span.end],
                y.is_experience,
            )
        })
    }

    #[test]
    fn numbers_ranges_and_written_numbers() {
        assert_eq!(
            parse("5+ years of experience"),
            Some((5.0, None, "5+ years", true))
        );
        assert_eq!(
            parse("5 + yrs experience"),
            Some((5.0, None, "5 + yrs", true))
        );
        assert_eq!(
            parse("3-5 years of Python"),
            Some((3.0, Some(5.0), "3-5 years", true))
        );
        assert_eq!(
            parse("3 – 5 years in ML"),
            Some((3.0, Some(5.0), "3 – 5 years", true))
        );
        assert_eq!(
            parse("3 to 5 years with Spark"),
            Some((3.0, Some(5.0), "3 to 5 years", true))
        );
        assert_eq!(
            parse("Five years of LangChain"),
            Some((5.0, None, "Five years", true))
        );
        assert_eq!(
            parse("five (5) years' experience"),
            Some((5.0, None, "five (5) years", true))
        );
        assert_eq!(
            parse("1.5 years using dbt"),
            Some((1.5, None, "1.5 years", true))
        );
        assert_eq!(
            parse("7 or more years of experience"),
            Some((7.0, None, "7 or more years", true))
        );
    }

    #[test]
    fn what_is_not_experience_asked() {
        assert_eq!(
            parse("founded 20 years ago"),
            Some((20.0, None, "20 years", false))
        );
        assert_eq!(
            parse("over 30 years of history"),
            Some((30.0, None, "30 years", false))
        );
        assert_eq!(parse("a 5 year plan"), Some((5.0, None, "5 year", false)));
        assert_eq!(parse("many years of experience"), None);
        assert_eq!(parse("GPT4 years"), None);
        assert_eq!(parse("100 years of experience"), None);
        assert_eq!(parse("0 years of experience"), None);
        assert_eq!(parse("\u{2022}years of experience"), None);
        assert_eq!(
            parse("\u{2022}five years"),
            Some((5.0, None, "five years", false))
        );
    }
}
