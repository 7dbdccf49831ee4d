//! The limits rules compare counts with. They are data
//! (`lints/thresholds.toml`); `[thresholds]` in `jdlint.toml` overrides any.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, closest};

/// The built-in limits' TOML text.
pub const BUILTIN: &str = include_str!("../../lints/thresholds.toml");

/// Limits the clarity and inclusion rules use.
///
/// ```
/// use jdlint::rules::Thresholds;
/// let mut limits = Thresholds::builtin();
/// assert_eq!(limits.junior_max_years, 2);
/// limits.apply(&[("junior-max-years".to_owned(), 3)].into()).unwrap();
/// assert_eq!(limits.junior_max_years, 3);
/// let err = limits.apply(&[("junior-max-year".to_owned(), 3)].into()).unwrap_err();
/// assert!(err.to_string().contains("did you mean `junior-max-years`"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Thresholds {
    /// `requirement-overload`: most must-have items one hire can meet.
    pub max_required_items: u32,
    /// `requirement-overload`: most distinct competency clusters required.
    pub max_competency_clusters: u32,
    /// `requirement-overload`: this many tools of one family all required.
    pub min_required_alternatives: u32,
    /// `seniority-contradiction`: most years a junior posting may ask.
    pub junior_max_years: u32,
    /// `pressure-wording`: pace phrases that make an overload.
    pub min_pressure_phrases: u32,
    /// `gender-coded-wording`: masculine-coded words beyond feminine-coded ones.
    pub gender_coded_margin: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Thresholds {
    /// The built-in limits.
    #[must_use]
    pub fn builtin() -> Thresholds {
        toml::from_str(BUILTIN).expect("lints/thresholds.toml is valid (tested)")
    }

    /// Sets the limits named in `overrides` (kebab-case names).
    ///
    /// # Errors
    /// An unknown name, with the closest known one.
    pub fn apply(&mut self, overrides: &BTreeMap<String, u32>) -> Result<()> {
        let mut table = toml::Table::try_from(*self).map_err(|e| Error::Config(e.to_string()))?;
        for (name, &value) in overrides {
            if !table.contains_key(name) {
                let known: Vec<String> = table.keys().cloned().collect();
                let hint = closest(name, known.iter().map(String::as_str))
                    .map(|k| format!(": did you mean `{k}`?"))
                    .unwrap_or_default();
                return Err(Error::Config(format!("unknown threshold `{name}`{hint}")));
            }
            table.insert(name.clone(), toml::Value::Integer(i64::from(value)));
        }
        *self = table
            .try_into()
            .map_err(|e: toml::de::Error| Error::Config(e.message().to_owned()))?;
        Ok(())
    }
}
