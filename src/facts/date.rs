//! Calendar dates: the posting date and technology release dates.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar.
///
/// ```
/// use jdlint::facts::Date;
/// let released: Date = "2022-10-17".parse().unwrap();
/// let posted = Date::new(2024, 6, 1).unwrap();
/// assert!((posted.years_since(released) - 1.62).abs() < 0.01);
/// assert_eq!(released.to_string(), "2022-10-17");
/// assert!("2024-02-30".parse::<Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date of the form YYYY-MM-DD")]
pub struct DateError(pub String);

const DAYS_PER_YEAR: f64 = 365.2425;

impl Date {
    /// The date, when it exists (`2024-02-30` does not).
    #[must_use]
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    #[must_use]
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Today, in UTC, from the system clock.
    #[must_use]
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((seconds / 86_400) as i64)
    }

    /// Days since 1970-01-01 (negative before).
    #[must_use]
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Years (of 365.2425 days) from `earlier` to this date; negative when
    /// `earlier` is later.
    #[must_use]
    pub fn years_since(self, earlier: Date) -> f64 {
        (self.days() - earlier.days()) as f64 / DAYS_PER_YEAR
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let error = || DateError(s.to_owned());
        let bytes = s.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(error());
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        match (year, month, day) {
            (Some(y), Some(m), Some(d)) => Date::new(y as i32, m, d).ok_or_else(error),
            _ => Err(error()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The first date written at the start of `text`, after spaces and `:`:
/// `2024-05-01`, `May 1, 2024`, `1 May 2024`, `05/01/2024` (US order).
/// Used to read the date after "Posted on" and similar cues.
///
/// ```
/// use jdlint::facts::{Date, date::date_at_start};
/// assert_eq!(date_at_start(": March 3, 2025 (updated)"), Date::new(2025, 3, 3));
/// assert_eq!(date_at_start(" 2024-05-01"), Date::new(2024, 5, 1));
/// assert_eq!(date_at_start(" 3 Mar 2025"), Date::new(2025, 3, 3));
/// assert_eq!(date_at_start(" 12/31/2023"), Date::new(2023, 12, 31));
/// assert_eq!(date_at_start(" yesterday"), None);
/// ```
#[must_use]
pub fn date_at_start(text: &str) -> Option<Date> {
    let text = text.trim_start_matches([' ', '\t', ':', '-', '\u{a0}']);
    let head: String = text.chars().take(24).collect();
    let words: Vec<&str> = head
        .split([' ', ',', '.', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
        .collect();
    let month_of = |word: &str| {
        let lower = word.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|m| lower.starts_with(m))
            .map(|i| i as u32 + 1)
    };
    let number = |word: &str| -> Option<u32> {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let first = *words.first()?;
    if first.len() >= 10
        && let Ok(date) = first[..10].parse()
    {
        return Some(date);
    }
    if let [m, d, y] = first.split('/').collect::<Vec<_>>()[..] {
        return Date::new(number(y)? as i32, number(m)?, number(d)?);
    }
    match words.as_slice() {
        [m, d, y, ..] if month_of(m).is_some() => {
            Date::new(number(y)? as i32, month_of(m)?, number(d)?)
        }
        [d, m, y, ..] if month_of(m).is_some() => {
            Date::new(number(y)? as i32, month_of(m)?, number(d)?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_over_four_centuries() {
        for days in (-150_000..150_000).step_by(37) {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days(), 11_017);
    }

    #[test]
    fn parsing_rejects_what_is_not_a_day() {
        for bad in [
            "2024-13-01",
            "2023-02-29",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "",
            "2024-01-01x",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert_eq!("2024-02-29".parse(), Ok(Date::new(2024, 2, 29).unwrap()));
    }

    #[test]
    fn today_is_a_plausible_day() {
        assert!(Date::today().year() >= 2025);
    }
}
