//! Renderers: turning reports into text for people and tools.
//!
//! Behind the `render` feature (on by default through `cli`), so an embedder
//! that only wants the data does not pull in the rendering crates.

mod github;
mod human;
mod json;
mod profile;
mod sarif;

pub use self::github::github;
pub use self::human::{HumanOptions, human};
pub use self::json::{FileReport, JsonOutput, Summary};
pub use self::profile::profile;
pub use self::sarif::sarif;
