//! Facts a posting states, read from its lexicon hits: the years of
//! experience it asks for, the pay it offers, the date it was posted, and the
//! technologies it names ([`TechnologyTable`]).
//!
//! Each reader looks only at a short window around the hits of its own pack
//! groups: no reader scans the whole text again.

pub mod date;
pub mod experience;
pub mod pay;
pub mod technology;

pub use self::date::Date;
pub use self::technology::{Technology, TechnologyTable};

use crate::document::Document;
use crate::lexicon::Lexicon;

/// Kind of the pack group of cues that introduce the posting's date
/// ("Posted on", "Date posted").
pub const DATE_CUE_KIND: &str = "date-cue";

/// The date the posting says it was posted, from the first date cue followed
/// by a date.
///
/// ```
/// use jdlint::{Linter, document::Document, facts::{Date, stated_date}};
/// let linter = Linter::new();
/// let doc = Document::parse("Data Scientist\nPosted on: May 3, 2024\n\nAnalyse data.", linter.lexicon());
/// assert_eq!(stated_date(&doc, linter.lexicon()), Date::new(2024, 5, 3));
/// ```
#[must_use]
pub fn stated_date(document: &Document<'_>, lexicon: &Lexicon) -> Option<Date> {
    let text = document.text();
    document
        .hits_of_kind(lexicon.kinds().date_cue)
        .find_map(|(_, hit)| date::date_at_start(&text[hit.span.end..]))
}

/// Where the posting date a rule uses came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// The configuration or the `--posting-date` flag.
    Configured,
    /// The posting's metadata (a feed's `date_posted`) or its text.
    Posting,
    /// Nothing said: today.
    Today,
}

/// The date the posting is read as of, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PostingDate {
    /// The date.
    pub date: Date,
    /// Where it came from.
    pub source: DateSource,
}

impl PostingDate {
    /// How a message names it: "2024-05-01, the posting date".
    #[must_use]
    pub fn describe(&self) -> String {
        match self.source {
            DateSource::Configured => format!("{}, the configured posting date", self.date),
            DateSource::Posting => format!("{}, the date the posting was posted", self.date),
            DateSource::Today => format!("{}, today", self.date),
        }
    }
}
