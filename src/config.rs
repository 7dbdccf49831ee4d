//! Configuration: the severity of each rule.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;

/// Per-rule severities. A rule the configuration does not name keeps its
/// default severity; `allow` turns it off.
///
/// ```
/// use jdlint::{Config, Severity};
/// let config: Config = toml::from_str(r#"
/// [rules]
/// ambiguous-role-title = "error"
/// "#).unwrap();
/// assert_eq!(config.rules["ambiguous-role-title"], Severity::Error);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Rule id → severity.
    #[serde(default)]
    pub rules: BTreeMap<String, Severity>,
}

impl Config {
    /// An empty configuration: every rule at its default severity.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
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
}
