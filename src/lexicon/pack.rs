//! The lint pack format: phrase lists with metadata, as TOML.
//!
//! ```toml
//! [pack]
//! name = "my-pack"
//! description = "What these phrases are for."
//!
//! [[group]]
//! kind = "duty"              # what the phrases are; rules look groups up by kind
//! role = "ai-engineer"       # optional: data-scientist | ml-engineer | ai-engineer | other
//! weight = 2.0               # optional, default 1.0
//! section = "benefits"       # optional: a section kind, for heading and boilerplate groups
//! note = "why"               # optional
//! tags = ["x"]               # optional, free-form
//! context = ["llm(s)"]       # optional: count a phrase only when one of these is in the same sentence
//! anchor = "line-start"      # optional: match only near the start of a line (headings), or
//!                            # "first-line": only in the first line (titles)
//! phrases = ["prompt engineering", "vector database(s)"]
//!
//! [[case]]                   # optional self-tests: the phrases that must match, in order
//! text = "We use vector databases for prompt engineering."
//! hits = ["vector databases", "prompt engineering"]
//! ```
//!
//! Matching ignores ASCII case, treats `-` and whitespace alike and curly and
//! straight apostrophes alike. A word ending in `(s)` or `(es)` stands for
//! both forms: `feature store(s)` is `feature store` and `feature stores`.
//! A phrase ending in `*` is a stem: `compet*` matches every word that begins
//! with `compet` (competitive, competition). Where phrases of one pack
//! overlap, the longest wins, so a longer neutral phrase (`competitive
//! salary`) shadows a stem.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::document::{LineIndex, SectionKind};
use crate::error::{Error, Result};
use crate::roles::Role;

use super::expand_plurals;

/// A parsed lint pack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pack {
    /// The pack's name. Packs with the same name share one vocabulary: where
    /// their phrases overlap in a text, the longest match wins.
    pub name: String,
    /// What the pack is for.
    pub description: String,
    /// The phrase groups.
    pub groups: Vec<Group>,
    /// The pack's own test cases.
    pub cases: Vec<Case>,
}

/// Phrases that share metadata.
///
/// Its text fields borrow the program's own text for the built-in packs
/// (static tables: building a linter allocates no string per phrase) and
/// own what a pack read at run time says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// What the phrases are (`duty`, `heading`, `negation`, ...).
    pub kind: Cow<'static, str>,
    /// The role the phrases signal, if any.
    pub role: Option<Role>,
    /// How strongly they signal it.
    pub weight: f32,
    /// The section kind, for heading and boilerplate phrases.
    pub section: Option<SectionKind>,
    /// Why the group exists.
    pub note: Option<Cow<'static, str>>,
    /// Free-form tags.
    pub tags: Vec<Cow<'static, str>>,
    /// The phrases, with `(s)` shorthands expanded, as written otherwise.
    pub phrases: Vec<Cow<'static, str>>,
    /// When not empty, a phrase of the group counts only in a sentence that
    /// also holds one of these (expanded like `phrases`): `deploy` counts for
    /// the ML Engineer only next to `model`.
    pub context: Vec<Cow<'static, str>>,
    /// Where in a text the phrases may match.
    pub anchor: Anchor,
    /// The 1-based line of the group in the pack's text (0 for packs built in code).
    pub line: usize,
}

impl Group {
    /// Whether the group carries `tag` among its [`tags`](Group::tags).
    ///
    /// ```
    /// let pack = jdlint::lexicon::Pack::from_toml("inline", r#"
    /// [pack]
    /// name = "demo"
    /// [[group]]
    /// kind = "duty"
    /// tags = ["ml-pipeline"]
    /// phrases = ["ml pipelines"]
    /// "#).unwrap();
    /// assert!(pack.groups[0].has_tag("ml-pipeline"));
    /// assert!(!pack.groups[0].has_tag("data-engineer"));
    /// ```
    #[must_use]
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// Where in a text a group's phrases may match. Phrases that only mean
/// something in one place (a heading, the title) are dropped elsewhere as
/// soon as they are found, so they cost nothing downstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// Anywhere.
    #[default]
    Anywhere,
    /// Near the start of a line: nothing but markers (`#`, `-`, `*`, digits)
    /// and at most one word before it ("The Benefits").
    LineStart,
    /// In the first non-blank line (a posting's title).
    FirstLine,
}

/// A pack's self-test: in `text`, exactly `hits` match, in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    /// The text to match.
    pub text: String,
    /// The phrases (as written in the pack) that must match, in order.
    pub hits: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    pack: Header,
    #[serde(default)]
    group: Vec<toml::Spanned<GroupFile>>,
    #[serde(default)]
    case: Vec<CaseFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    name: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    kind: String,
    role: Option<Role>,
    weight: Option<f32>,
    section: Option<SectionKind>,
    note: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    anchor: Anchor,
    phrases: Vec<toml::Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    text: String,
    #[serde(default)]
    hits: Vec<String>,
}

impl Pack {
    /// Parses a pack from TOML. `origin` names the pack in errors until its
    /// own `[pack] name` is known (a file name is a good choice).
    ///
    /// ```
    /// let pack = jdlint::lexicon::Pack::from_toml("inline", r#"
    /// [pack]
    /// name = "perks"
    /// [[group]]
    /// kind = "hollow-perk"
    /// phrases = ["ping pong table(s)"]
    /// "#).unwrap();
    /// assert_eq!(pack.groups[0].phrases, ["ping pong table", "ping pong tables"]);
    ///
    /// let err = jdlint::lexicon::Pack::from_toml("broken.toml", "[pack]\nname = 3\n").unwrap_err();
    /// assert!(err.to_string().starts_with("lint pack `broken.toml`, line 2"));
    /// ```
    pub fn from_toml(origin: &str, text: &str) -> Result<Pack> {
        let file: PackFile = toml::from_str(text).map_err(|err| Error::Pack {
            pack: origin.to_owned(),
            line: err.span().map_or(1, |span| line_of(text, span.start)),
            message: err.message().trim().to_owned(),
        })?;
        let name = file.pack.name.trim().to_owned();
        // A valid TOML file has no lone CR, so the line index counts its lines
        // as TOML does.
        let lines = LineIndex::new(text);
        let pack_error = |offset: usize, message: String| Error::Pack {
            pack: if name.is_empty() {
                origin.to_owned()
            } else {
                name.clone()
            },
            line: lines.line_of(offset) + 1,
            message,
        };
        if name.is_empty() {
            return Err(pack_error(0, "`[pack] name` must not be empty".into()));
        }
        let mut groups = Vec::with_capacity(file.group.len());
        for spanned in file.group {
            let offset = spanned.span().start;
            let group = spanned.into_inner();
            if group.kind.trim().is_empty() {
                return Err(pack_error(offset, "`kind` must not be empty".into()));
            }
            let weight = group.weight.unwrap_or(1.0);
            if !weight.is_finite() || !(0.0..=100.0).contains(&weight) {
                return Err(pack_error(
                    offset,
                    format!("`weight` must be a number from 0 to 100, not {weight}"),
                ));
            }
            if group.phrases.is_empty() {
                return Err(pack_error(
                    offset,
                    "`phrases` must list at least one phrase".into(),
                ));
            }
            let mut phrases = Vec::with_capacity(group.phrases.len());
            for phrase in group.phrases {
                let at = phrase.span().start;
                let phrase = phrase.into_inner();
                let normalized = super::normalize_phrase(&phrase);
                if normalized.is_empty() {
                    return Err(pack_error(at, format!("phrase {phrase:?} is empty")));
                }
                if let Some(star) = normalized.find(super::STEM) {
                    let stem = &normalized[..star];
                    if star + 1 != normalized.len()
                        || stem.chars().filter(|c| c.is_alphanumeric()).count() < 2
                        || !stem.ends_with(char::is_alphanumeric)
                    {
                        return Err(pack_error(
                            at,
                            format!(
                                "phrase {phrase:?}: `*` may only end a stem of two or more letters (`compet*`)"
                            ),
                        ));
                    }
                }
                phrases.extend(expand_plurals(phrase.trim()).into_iter().map(Cow::Owned));
            }
            let mut context = Vec::with_capacity(group.context.len());
            for phrase in &group.context {
                if super::normalize_phrase(phrase).is_empty() {
                    return Err(pack_error(
                        offset,
                        format!("context phrase {phrase:?} is empty"),
                    ));
                }
                context.extend(expand_plurals(phrase.trim()).into_iter().map(Cow::Owned));
            }
            groups.push(Group {
                kind: Cow::Owned(group.kind.trim().to_owned()),
                role: group.role,
                weight,
                section: group.section,
                note: group.note.map(Cow::Owned),
                tags: group.tags.into_iter().map(Cow::Owned).collect(),
                phrases,
                context,
                anchor: group.anchor,
                line: lines.line_of(offset) + 1,
            });
        }
        let cases = file
            .case
            .into_iter()
            .map(|case| Case {
                text: case.text,
                hits: case.hits,
            })
            .collect();
        Ok(Pack {
            name,
            description: file.pack.description,
            groups,
            cases,
        })
    }
}

/// The 1-based line of `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_shorthand_expands_every_marked_word() {
        assert_eq!(
            expand_plurals("deploy(s) model(s)"),
            [
                "deploy model",
                "deploy models",
                "deploys model",
                "deploys models"
            ]
        );
        assert_eq!(expand_plurals("bias(es)"), ["bias", "biases"]);
        assert_eq!(expand_plurals("rag"), ["rag"]);
    }

    #[test]
    fn errors_name_pack_and_line() {
        let text = "[pack]\nname = \"p\"\n\n[[group]]\nkind = \"duty\"\nrole = \"astronaut\"\nphrases = [\"x\"]\n";
        let err = Pack::from_toml("p.toml", text).unwrap_err().to_string();
        assert!(err.contains("line 6"), "{err}");
        assert!(err.contains("astronaut"), "{err}");

        let text = "[pack]\nname = \"p\"\n[[group]]\nkind = \"duty\"\nphrases = [\"ok\", \"  \"]\n";
        let err = Pack::from_toml("p.toml", text).unwrap_err().to_string();
        assert_eq!(err, "lint pack `p`, line 5: phrase \"  \" is empty");

        let text = "[pack]\nname = \"p\"\n[[group]]\nkind = \"duty\"\nphrases = []\n";
        let err = Pack::from_toml("p.toml", text).unwrap_err().to_string();
        assert!(
            err.contains("line 3") && err.contains("at least one"),
            "{err}"
        );
    }

    #[test]
    fn stars_only_end_a_stem() {
        for bad in ["*", "a*", "comp*te", "x y *", "ab**"] {
            let text =
                format!("[pack]\nname = \"p\"\n[[group]]\nkind = \"k\"\nphrases = [{bad:?}]\n");
            let err = Pack::from_toml("p.toml", &text).unwrap_err().to_string();
            assert!(err.contains("`*` may only end a stem"), "{bad}: {err}");
        }
        let text =
            "[pack]\nname = \"p\"\n[[group]]\nkind = \"k\"\nphrases = [\"self-confiden*\"]\n";
        assert!(Pack::from_toml("p.toml", text).is_ok());
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let text = "[pack]\nname = \"p\"\n[[group]]\nkind = \"duty\"\nphrase = [\"x\"]\n";
        let err = Pack::from_toml("p.toml", text).unwrap_err().to_string();
        assert!(err.contains("phrase"), "{err}");
    }
}
