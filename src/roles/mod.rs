//! Which role a posting describes: the title's role, evidence per role from
//! the body, and the primary role.
//!
//! The taxonomy (`lints/roles.toml`) says which phrases signal which role and
//! how strongly. Evidence is weighted by the section it appears in (company
//! blurbs, benefits and legal text count for nothing), cancelled by a negation
//! in the same sentence, and damped when the same phrase repeats.

mod index;
mod profile;
mod title;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use self::index::HitIndex;
pub(crate) use self::profile::build as build_profile;
pub(crate) use self::profile::{
    COMPETENCY_KIND, DUTY_KIND, DistinctItems, EVIDENCE_KINDS, OTHER_ROLE_KIND, OUTPUT_KIND,
    TOOL_KIND,
};
pub use self::profile::{
    Evidence, MIN_LEAD, PRESENCE_MIN_PHRASES, Presence, RoleProfile, RoleScore, SUBSTANTIAL_WEIGHT,
    Scores,
};
pub(crate) use self::profile::{nearly_present_in, present_in};
pub(crate) use self::title::analyse as analyse_title;
pub(crate) use self::title::hits_past_acronyms as title_hits_past_acronyms;
pub use self::title::{TitleAnalysis, TitleMention};

/// One of the three roles jdlint tells apart, or another role.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Primary output: insight and decisions.
    DataScientist,
    /// Primary output: trained, deployed, operating ML systems.
    MlEngineer,
    /// Primary output: product features on pre-trained foundation models.
    AiEngineer,
    /// None of the three (data analyst, data engineer, research scientist, ...).
    #[default]
    Other,
}

impl Role {
    /// The three roles, without `Other`.
    pub const THREE: [Role; 3] = [Role::DataScientist, Role::MlEngineer, Role::AiEngineer];
    /// All four values.
    pub const ALL: [Role; 4] = [
        Role::DataScientist,
        Role::MlEngineer,
        Role::AiEngineer,
        Role::Other,
    ];

    /// The kebab-case id used in packs and JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::DataScientist => "data-scientist",
            Role::MlEngineer => "ml-engineer",
            Role::AiEngineer => "ai-engineer",
            Role::Other => "other",
        }
    }

    /// The role's usual title, for messages.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Role::DataScientist => "Data Scientist",
            Role::MlEngineer => "ML Engineer",
            Role::AiEngineer => "AI Engineer",
            Role::Other => "another role",
        }
    }

    /// The title with its article: "a Data Scientist", "an ML Engineer".
    #[must_use]
    pub const fn with_article(self) -> &'static str {
        match self {
            Role::DataScientist => "a Data Scientist",
            Role::MlEngineer => "an ML Engineer",
            Role::AiEngineer => "an AI Engineer",
            Role::Other => "another role's",
        }
    }

    /// What the role delivers, for help texts.
    #[must_use]
    pub const fn primary_output(self) -> &'static str {
        match self {
            Role::DataScientist => "analyses and decisions",
            Role::MlEngineer => "trained, deployed, operating ML systems",
            Role::AiEngineer => "product features built on pre-trained foundation models",
            Role::Other => "something other than the three data and AI roles",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a title says: one role, another role, or several joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum TitleRole {
    /// "Data Scientist".
    DataScientist,
    /// "Machine Learning Engineer", "MLOps Engineer".
    MlEngineer,
    /// "AI Engineer", "LLM Engineer".
    AiEngineer,
    /// Names none of the three.
    #[default]
    Other,
    /// Joins two or three of them ("AI/ML Engineer").
    Ambiguous,
}

impl TitleRole {
    /// The single role the title names, if it names exactly one of the three.
    #[must_use]
    pub const fn role(self) -> Option<Role> {
        match self {
            TitleRole::DataScientist => Some(Role::DataScientist),
            TitleRole::MlEngineer => Some(Role::MlEngineer),
            TitleRole::AiEngineer => Some(Role::AiEngineer),
            TitleRole::Other | TitleRole::Ambiguous => None,
        }
    }

    /// The kebab-case id used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TitleRole::DataScientist => "data-scientist",
            TitleRole::MlEngineer => "ml-engineer",
            TitleRole::AiEngineer => "ai-engineer",
            TitleRole::Other => "other",
            TitleRole::Ambiguous => "ambiguous",
        }
    }
}

impl From<Role> for TitleRole {
    fn from(role: Role) -> Self {
        match role {
            Role::DataScientist => TitleRole::DataScientist,
            Role::MlEngineer => TitleRole::MlEngineer,
            Role::AiEngineer => TitleRole::AiEngineer,
            Role::Other => TitleRole::Other,
        }
    }
}

impl fmt::Display for TitleRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
