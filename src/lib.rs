//! # jdlint
//!
//! A linter for job postings of data and AI roles. Companies write one
//! posting for three different jobs: a **Data Scientist** delivers insight and
//! decisions, an **ML Engineer** delivers trained, deployed, operating ML
//! systems, an **AI Engineer** delivers product features built on pre-trained
//! foundation models. jdlint reads a posting, works out which role each duty
//! and competency belongs to, and reports what a careful hiring expert would
//! flag, as plain data with byte spans into the text you gave it.
//!
//! ```
//! use jdlint::{Linter, Role, TitleRole};
//!
//! let posting = "\
//! AI/ML Engineer
//!
//! What you'll do
//! - Build retrieval-augmented generation (RAG) features on top of LLM APIs
//! - Own prompt engineering and evaluation of our assistant
//! ";
//! let linter = Linter::new();
//! let report = linter.lint(posting);
//!
//! assert_eq!(report.profile.title_role, TitleRole::Ambiguous);
//! assert_eq!(report.profile.primary_role, Role::AiEngineer);
//! let first = &report.diagnostics[0];
//! assert_eq!(first.rule, "ambiguous-role-title");
//! assert_eq!(&posting[first.span.start..first.span.end], "AI/ML Engineer");
//! ```
//!
//! ## How it works
//! One pass, no back and forth:
//! [`document`] (tokens, lines, blocks, sentences, sections) →
//! [`lexicon`] (one Aho-Corasick automaton for every phrase of every pack) →
//! [`roles`] (evidence per role, title role, primary role) →
//! [`rules`] (one file per rule) → [`Report`].
//! The lint packs in `lints/` are data; load more with
//! [`LinterBuilder::pack_from_str`].
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod config;
pub mod diagnostic;
pub mod document;
mod error;
pub mod facts;
pub mod lexicon;
mod linter;
#[cfg(feature = "render")]
pub mod render;
pub mod roles;
pub mod rules;
pub mod source;
mod span;

pub use crate::config::Config;
pub use crate::diagnostic::{
    Diagnostic, Edit, Label, Origin, Report, Severity, Suggestion, UnusedSuppression,
};
pub use crate::error::{Error, Result};
pub use crate::linter::{Linter, LinterBuilder, Posting};
pub use crate::roles::{Role, RoleProfile, TitleRole};
pub use crate::span::{LineCol, Span};
