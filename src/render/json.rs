//! The JSON output shape: a contract other tools build on.
//!
//! ```json
//! {"files": [{"path": "posting.txt", "title": "AI/ML Engineer",
//!   "diagnostics": [{"rule": "ambiguous-role-title", "severity": "warning", "message": "...",
//!     "span": {"start": 0, "end": 14}, "start": {"line": 1, "column": 1},
//!     "end": {"line": 1, "column": 15},
//!     "labels": [{"span": {"start": 0, "end": 2}, "message": "..."}], "help": "..."}],
//!   "profile": {"title_role": "ambiguous", "primary_role": "ml-engineer", "scores": {...}, ...}}],
//!  "summary": {"files": 1, "errors": 0, "warnings": 1, "infos": 0}}
//! ```
//! Spans are byte offsets into the file as given (end-exclusive); lines and
//! columns are 1-based, columns in chars. Fields may be added, never removed.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::roles::RoleProfile;

/// One linted file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// The path as given (`-` or the `--stdin-filename` for stdin).
    pub path: String,
    /// The posting's id, for postings read from a feed (`--input jsonl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The posting's title, when there is one.
    pub title: Option<String>,
    /// Diagnostics sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The role profile.
    pub profile: RoleProfile,
}

impl FileReport {
    /// Pairs a report with its path.
    #[must_use]
    pub fn new(path: impl Into<String>, report: Report) -> Self {
        Self {
            path: path.into(),
            id: None,
            title: report.title,
            diagnostics: report.diagnostics,
            profile: report.profile,
        }
    }
}

/// Counts for a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Diagnostics at `error`.
    pub errors: usize,
    /// Diagnostics at `warning`.
    pub warnings: usize,
    /// Diagnostics at `info`.
    pub infos: usize,
}

impl Summary {
    /// Counts one more file and its diagnostics.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for diagnostic in diagnostics {
            match diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
                Severity::Allow => {}
            }
        }
    }
}

/// The whole run, as `jdlint check --format json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonOutput {
    /// One entry per file, in the order given.
    pub files: Vec<FileReport>,
    /// Counts.
    pub summary: Summary,
}

impl JsonOutput {
    /// Builds the output and its summary.
    #[must_use]
    pub fn new(files: Vec<FileReport>) -> Self {
        let mut summary = Summary::default();
        for file in &files {
            summary.add(&file.diagnostics);
        }
        Self { files, summary }
    }

    /// Pretty JSON text.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("reports serialize: all keys are strings")
    }
}
