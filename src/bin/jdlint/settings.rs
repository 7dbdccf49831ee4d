//! `jdlint.toml` discovery, command-line overrides, and one linter per
//! distinct configuration.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jdlint::{Config, Linter, Severity};

pub const CONFIG_FILE: &str = "jdlint.toml";

/// What the command line says about configuration.
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub no_config: bool,
    pub deny: Vec<String>,
    pub warn: Vec<String>,
    pub allow: Vec<String>,
    pub posting_date: Option<jdlint::facts::Date>,
}

/// Builds linters on demand, one per configuration file.
pub struct Linters {
    overrides: Overrides,
    /// Folder → the config file that governs it (None: none found).
    discovered: HashMap<PathBuf, Option<PathBuf>>,
    /// Config file (None: no file) → linter.
    built: HashMap<Option<PathBuf>, Linter>,
}

impl Linters {
    pub fn new(overrides: Overrides) -> Self {
        Self {
            overrides,
            discovered: HashMap::new(),
            built: HashMap::new(),
        }
    }

    /// The linter for a posting read from `file` (stdin: the current folder).
    pub fn for_file(&mut self, file: Option<&Path>) -> Result<Linter, String> {
        let config_file = if self.overrides.no_config {
            None
        } else if let Some(explicit) = &self.overrides.config {
            Some(explicit.clone())
        } else {
            let start = file
                .and_then(Path::parent)
                .map(Path::to_owned)
                .unwrap_or_else(|| PathBuf::from("."));
            let start = std::fs::canonicalize(&start).unwrap_or(start);
            self.discover(&start)
        };
        if let Some(linter) = self.built.get(&config_file) {
            return Ok(linter.clone());
        }
        let linter = self.build(config_file.as_deref())?;
        self.built.insert(config_file, linter.clone());
        Ok(linter)
    }

    fn discover(&mut self, folder: &Path) -> Option<PathBuf> {
        if let Some(found) = self.discovered.get(folder) {
            return found.clone();
        }
        let candidate = folder.join(CONFIG_FILE);
        let found = if candidate.is_file() {
            Some(candidate)
        } else {
            folder.parent().and_then(|parent| self.discover(parent))
        };
        self.discovered.insert(folder.to_owned(), found.clone());
        found
    }

    fn build(&self, config_file: Option<&Path>) -> Result<Linter, String> {
        let mut config = Config::new();
        let mut base = PathBuf::from(".");
        if let Some(path) = config_file {
            let text = std::fs::read_to_string(path)
                .map_err(|err| format!("{}: cannot read configuration: {err}", path.display()))?;
            config =
                Config::from_toml(&text).map_err(|err| format!("{}: {err}", path.display()))?;
            base = path.parent().map(Path::to_owned).unwrap_or(base);
        }
        let known_categories = ["role", "clarity", "accuracy", "inclusion", "custom"];
        for (names, severity) in [
            (&self.overrides.allow, Severity::Allow),
            (&self.overrides.warn, Severity::Warning),
            (&self.overrides.deny, Severity::Error),
        ] {
            for name in names {
                if known_categories.contains(&name.as_str()) {
                    config.categories.insert(name.clone(), severity);
                } else {
                    config.rules.insert(name.clone(), severity);
                }
            }
        }
        if let Some(date) = &self.overrides.posting_date {
            config.posting_date = Some(*date);
        }
        let mut builder = Linter::builder();
        for pack in &config.packs {
            let path = base.join(pack);
            let text = std::fs::read_to_string(&path)
                .map_err(|err| format!("{}: cannot read lint pack: {err}", path.display()))?;
            builder = builder
                .pack_from_str(&path.display().to_string(), &text)
                .map_err(|err| err.to_string())?;
        }
        let origin =
            config_file.map_or_else(|| "command line".to_owned(), |p| p.display().to_string());
        builder
            .config(config)
            .build()
            .map_err(|err| format!("{origin}: {err}"))
    }
}
