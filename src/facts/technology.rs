//! The technology table: named technologies with their first public release,
//! for `experience-exceeds-technology-age` and `requirement-overload`.
//!
//! The table is data (`lints/technologies.toml`). It becomes a lint pack named
//! [`PACK_NAME`], one group of kind [`TECHNOLOGY_KIND`] per technology whose
//! only tag is the technology's name, so its names are found by the same one
//! automaton pass as every other phrase.
//!
//! ```toml
//! [[technology]]
//! name = "LangChain"
//! phrases = ["langchain"]
//! released = "2022-10-17"
//! source = "https://pypi.org/project/langchain/#history: first release on PyPI"
//! family = "llm-framework"   # optional: interchangeable alternatives
//! ```

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

use super::Date;
use crate::error::{Error, Result};
use crate::lexicon::{Anchor, Group, Pack, line_of};

/// Name of the pack the table compiles into.
pub const PACK_NAME: &str = "technologies";
/// Kind of the groups the table compiles into.
pub const TECHNOLOGY_KIND: &str = "technology";

/// The built-in table's TOML text.
pub const BUILTIN: &str = include_str!("../../lints/technologies.toml");

/// A named technology.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technology {
    /// Display name, as its makers write it.
    pub name: String,
    /// How postings write it (pack phrase syntax).
    pub phrases: Vec<String>,
    /// Its first public release.
    pub released: Date,
    /// Where the date comes from.
    pub source: String,
    /// Interchangeable alternatives share a family (`deep-learning-framework`).
    #[serde(default)]
    pub family: Option<String>,
}

/// Technologies by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TechnologyTable {
    technologies: Vec<Technology>,
    by_name: HashMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    technology: Vec<Technology>,
}

impl TechnologyTable {
    /// Parses a table. Errors name `origin` and the line.
    ///
    /// ```
    /// use jdlint::facts::TechnologyTable;
    /// let table = TechnologyTable::from_toml("t.toml", r#"
    /// [[technology]]
    /// name = "Acme DB"
    /// phrases = ["acme db", "acmedb"]
    /// released = "2024-03-01"
    /// source = "https://example.com/acme: launch post"
    /// "#).unwrap();
    /// assert_eq!(table.get("Acme DB").unwrap().released.to_string(), "2024-03-01");
    ///
    /// let err = TechnologyTable::from_toml("t.toml", "[[technology]]\nname = \"X\"\nphrases = [\"x\"]\nreleased = \"2024-02-30\"\nsource = \"s\"\n").unwrap_err();
    /// assert!(err.to_string().contains("line 4"), "{err}");
    /// ```
    pub fn from_toml(origin: &str, text: &str) -> Result<TechnologyTable> {
        let file: TableFile = toml::from_str(text).map_err(|err| Error::Pack {
            pack: origin.to_owned(),
            line: err.span().map_or(1, |span| line_of(text, span.start)),
            message: err.message().trim().to_owned(),
        })?;
        let mut table = TechnologyTable::default();
        for technology in file.technology {
            table.add(technology).map_err(|message| Error::Pack {
                pack: origin.to_owned(),
                line: 0,
                message,
            })?;
        }
        Ok(table)
    }

    /// The built-in table (`lints/technologies.toml`).
    #[must_use]
    pub fn builtin() -> TechnologyTable {
        // Kept as static data beside the built-in packs: parsing its TOML
        // was a twentieth of building a linter.
        crate::lexicon::builtin_technologies().unwrap_or_else(Self::parse_builtin)
    }

    /// The built-in table parsed from its TOML ([`BUILTIN`]), not from the
    /// static tables: what those are generated from and checked against.
    pub(crate) fn parse_builtin() -> TechnologyTable {
        Self::from_toml("technologies.toml", BUILTIN)
            .expect("the built-in technology table is valid (tested)")
    }

    /// Adds a technology, or replaces the one of the same name.
    ///
    /// # Errors
    /// When it has no phrases or an empty name.
    pub fn add(&mut self, technology: Technology) -> std::result::Result<(), String> {
        if technology.name.trim().is_empty() || technology.phrases.is_empty() {
            return Err(format!(
                "technology {:?} needs a name and at least one phrase",
                technology.name
            ));
        }
        match self.by_name.get(&technology.name) {
            Some(&i) => self.technologies[i] = technology,
            None => {
                self.by_name
                    .insert(technology.name.clone(), self.technologies.len());
                self.technologies.push(technology);
            }
        }
        Ok(())
    }

    /// A technology by name.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Technology> {
        self.by_name.get(name).map(|&i| &self.technologies[i])
    }

    /// Every technology, in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Technology> {
        self.technologies.iter()
    }

    /// Number of technologies.
    #[must_use]
    pub fn len(&self) -> usize {
        self.technologies.len()
    }

    /// True when the table is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.technologies.is_empty()
    }

    /// The lint pack of the table's phrases: one group per technology, whose
    /// only tag is its name.
    #[must_use]
    pub fn pack(&self) -> Pack {
        Pack {
            name: PACK_NAME.to_owned(),
            description: "Named technologies and their first public release.".to_owned(),
            groups: self
                .technologies
                .iter()
                .map(|t| {
                    group(
                        Cow::Owned(t.name.clone()),
                        t.phrases
                            .iter()
                            .flat_map(|p| crate::lexicon::expand_plurals(p))
                            .map(Cow::Owned)
                            .collect(),
                    )
                })
                .collect(),
            cases: Vec::new(),
        }
    }
}

/// The group of [`TechnologyTable::pack`] for the technology `name` written
/// `phrases` (expanded): its only tag is the name.
pub(crate) fn group(name: Cow<'static, str>, phrases: Vec<Cow<'static, str>>) -> Group {
    Group {
        kind: Cow::Borrowed(TECHNOLOGY_KIND),
        role: None,
        weight: 1.0,
        section: None,
        note: None,
        tags: vec![name],
        phrases,
        context: Vec::new(),
        anchor: Anchor::Anywhere,
        line: 0,
    }
}
