//! Configuration: rule and category levels, extra packs, the posting date.
//!
//! The same struct is read from `jdlint.toml` by the CLI:
//!
//! ```toml
//! posting-date = "2026-06-01"       # for rules that depend on time
//! packs = ["lints/our-phrases.toml"] # extra lint packs, relative to this file
//!
//! [thresholds]                       # limits from lints/thresholds.toml
//! max-required-items = 12
//!
//! [categories]
//! role = "error"
//!
//! [rules]
//! ambiguous-role-title = "allow"
//! ```
//!
//! A rule's level is the one `[rules]` gives it, else its category's, else
//! its default.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::error::{Error, Result, closest};
use crate::facts::Date;

/// Rule and category levels, extra packs, and the posting date.
///
/// ```
/// use jdlint::{Config, Severity};
/// let config = Config::from_toml(r#"
/// [rules]
/// ambiguous-role-title = "error"
/// "#).unwrap();
/// assert_eq!(config.rules["ambiguous-role-title"], Severity::Error);
///
/// let err = Config::from_toml("[rule]\nx = \"error\"\n").unwrap_err();
/// assert!(err.to_string().contains("did you mean `rules`"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rule id → level.
    #[serde(default)]
    pub rules: BTreeMap<String, Severity>,
    /// Category (`role`, `clarity`, `accuracy`, `inclusion`, `custom`) → level.
    #[serde(default)]
    pub categories: BTreeMap<String, Severity>,
    /// Extra lint pack files (the CLI resolves them relative to the config file).
    #[serde(default)]
    pub packs: Vec<String>,
    /// The date the postings were published, `YYYY-MM-DD`, for rules that
    /// depend on time. It wins over a date a posting states.
    #[serde(default)]
    pub posting_date: Option<Date>,
    /// Overrides of the limits in `lints/thresholds.toml`
    /// ([`Thresholds`](crate::rules::Thresholds)), by kebab-case name.
    #[serde(default)]
    pub thresholds: BTreeMap<String, u32>,
}

const KEYS: &[&str] = &["rules", "categories", "packs", "posting-date", "thresholds"];

impl Config {
    /// An empty configuration: every rule at its default severity.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `jdlint.toml` text. Unknown keys are errors that name the
    /// closest known key.
    pub fn from_toml(text: &str) -> Result<Config> {
        let table: toml::Table = text
            .parse()
            .map_err(|err: toml::de::Error| Error::Config(err.message().trim().to_owned()))?;
        for key in table.keys() {
            if !KEYS.contains(&key.as_str()) {
                let hint = closest(key, KEYS.iter().copied())
                    .map(|name| format!(": did you mean `{name}`?"))
                    .unwrap_or_else(|| format!(" (known keys: {})", KEYS.join(", ")));
                return Err(Error::Config(format!("unknown key `{key}`{hint}")));
            }
        }
        toml::from_str(text).map_err(|err| Error::Config(err.message().trim().to_owned()))
    }

    /// Sets one rule's severity.
    ///
    /// ```
    /// use jdlint::{Config, Severity};
    /// let config = Config::new().with_rule("ambiguous-role-title", Severity::Allow);
    /// assert_eq!(config.rules.len(), 1);
    /// ```
    #[must_use]
    pub fn with_rule(mut self, rule: impl Into<String>, severity: Severity) -> Self {
        self.rules.insert(rule.into(), severity);
        self
    }

    /// Sets one category's severity.
    #[must_use]
    pub fn with_category(mut self, category: impl Into<String>, severity: Severity) -> Self {
        self.categories.insert(category.into(), severity);
        self
    }

    /// Overlays `other` on `self`: its levels win, its packs are added, its
    /// posting date replaces this one when set.
    pub fn merge(&mut self, other: Config) {
        self.rules.extend(other.rules);
        self.categories.extend(other.categories);
        self.packs.extend(other.packs);
        self.thresholds.extend(other.thresholds);
        if other.posting_date.is_some() {
            self.posting_date = other.posting_date;
        }
    }
}
