//! The built-in packs (`lints/*.toml`).
//!
//! Parsing their TOML cost more than half of building a linter, so the packs
//! are also kept as static Rust data in `generated.rs`, which is generated
//! from the TOML by a test (`generated_tables_are_up_to_date`): when the TOML
//! changes, that test fails and says how to regenerate the file. Until it is
//! regenerated, the TOML texts no longer hash to the value the file records,
//! and the packs are parsed from TOML as before: a stale file is slower, never
//! wrong.

use crate::document::SectionKind;
use crate::error::Result;
use crate::roles::Role;

use super::{Anchor, Case, Group, Pack};

mod generated;

/// The built-in packs, embedded at compile time: (file name, TOML text).
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    (
        "sections.toml",
        include_str!("../../../lints/sections.toml"),
    ),
    (
        "boilerplate.toml",
        include_str!("../../../lints/boilerplate.toml"),
    ),
    ("titles.toml", include_str!("../../../lints/titles.toml")),
    ("roles.toml", include_str!("../../../lints/roles.toml")),
    (
        "roles-coverage.toml",
        include_str!("../../../lints/roles-coverage.toml"),
    ),
    ("cues.toml", include_str!("../../../lints/cues.toml")),
    (
        "pipeline-steps.toml",
        include_str!("../../../lints/pipeline-steps.toml"),
    ),
    ("outputs.toml", include_str!("../../../lints/outputs.toml")),
    (
        "requirements.toml",
        include_str!("../../../lints/requirements.toml"),
    ),
    ("duties.toml", include_str!("../../../lints/duties.toml")),
    ("wording.toml", include_str!("../../../lints/wording.toml")),
];

/// A built-in pack as static data, with the `(s)` shorthand expanded: what
/// [`Pack::from_toml`] makes of its text.
struct StaticPack {
    name: &'static str,
    description: &'static str,
    groups: &'static [StaticGroup],
    cases: &'static [StaticCase],
}

/// A [`Group`] as static data.
struct StaticGroup {
    kind: &'static str,
    role: Option<Role>,
    weight: f32,
    section: Option<SectionKind>,
    note: Option<&'static str>,
    tags: &'static [&'static str],
    phrases: &'static [&'static str],
    context: &'static [&'static str],
    anchor: Anchor,
    line: usize,
}

/// A [`Case`] as static data.
struct StaticCase {
    text: &'static str,
    hits: &'static [&'static str],
}

/// FNV-1a over the file names and texts of [`BUILTIN_PACKS`]: whether
/// `generated.rs` was made from these texts.
fn source_hash() -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (file, text) in BUILTIN_PACKS {
        for &b in file.as_bytes().iter().chain([0].iter()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        for &b in text.as_bytes().iter().chain([0].iter()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn owned(strings: &[&str]) -> Vec<String> {
    strings.iter().map(|&s| s.to_owned()).collect()
}

impl StaticPack {
    fn to_pack(&self) -> Pack {
        Pack {
            name: self.name.to_owned(),
            description: self.description.to_owned(),
            groups: self
                .groups
                .iter()
                .map(|group| Group {
                    kind: group.kind.to_owned(),
                    role: group.role,
                    weight: group.weight,
                    section: group.section,
                    note: group.note.map(str::to_owned),
                    tags: owned(group.tags),
                    phrases: owned(group.phrases),
                    context: owned(group.context),
                    anchor: group.anchor,
                    line: group.line,
                })
                .collect(),
            cases: self
                .cases
                .iter()
                .map(|case| Case {
                    text: case.text.to_owned(),
                    hits: owned(case.hits),
                })
                .collect(),
        }
    }
}

/// The built-in packs: from the static tables when they were generated from
/// the embedded TOML, else parsed from it. The TOML is tested, so this
/// cannot fail in a released build.
pub(crate) fn builtin_packs() -> Result<Vec<Pack>> {
    if generated::SOURCE_HASH == source_hash() {
        return Ok(generated::PACKS.iter().map(StaticPack::to_pack).collect());
    }
    BUILTIN_PACKS
        .iter()
        .map(|(file, text)| Pack::from_toml(file, text))
        .collect()
}

/// The text of `generated.rs` for `packs`, parsed from [`BUILTIN_PACKS`].
#[cfg(test)]
fn generate(packs: &[Pack]) -> String {
    use std::fmt::Write as _;

    // Debug prints a variant's Rust name: `Some(Role::MlEngineer)`.
    fn variant<T: std::fmt::Debug>(value: Option<T>, ty: &str) -> String {
        value.map_or_else(|| "None".to_owned(), |v| format!("Some({ty}::{v:?})"))
    }
    let mut code = String::from(
        "//! @generated from `lints/*.toml` by `lexicon::builtin::tests::generated_tables_are_up_to_date`.\n\
         //! Do not edit: change the TOML and run\n\
         //! `JDLINT_REGENERATE=1 cargo test --lib generated_tables_are_up_to_date`.\n\
         #![cfg_attr(rustfmt, rustfmt::skip)]\n\n\
         use super::*;\n\n",
    );
    writeln!(
        code,
        "/// [`source_hash`] of the TOML these tables were made from.\npub(super) const SOURCE_HASH: u64 = {:#018x};\n",
        source_hash()
    )
    .unwrap();
    code.push_str("/// The packs of [`BUILTIN_PACKS`], in order.\npub(super) static PACKS: &[StaticPack] = &[\n");
    for pack in packs {
        writeln!(
            code,
            "    StaticPack {{ name: {:?}, description: {:?}, groups: &[",
            pack.name, pack.description
        )
        .unwrap();
        for group in &pack.groups {
            let role = variant(group.role, "Role");
            let section = variant(group.section, "SectionKind");
            let anchor = format!("Anchor::{:?}", group.anchor);
            writeln!(
                code,
                "        StaticGroup {{ kind: {:?}, role: {role}, weight: {:?}, section: {section}, note: {:?}, tags: &{:?}, phrases: &{:?}, context: &{:?}, anchor: {anchor}, line: {} }},",
                group.kind, group.weight, group.note, group.tags, group.phrases, group.context, group.line
            )
            .unwrap();
        }
        code.push_str("    ], cases: &[\n");
        for case in &pack.cases {
            writeln!(
                code,
                "        StaticCase {{ text: {:?}, hits: &{:?} }},",
                case.text, case.hits
            )
            .unwrap();
        }
        code.push_str("    ] },\n");
    }
    code.push_str("];\n");
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    const GENERATED: &str = "src/lexicon/builtin/generated.rs";

    /// `generated.rs` is what the TOML says today, and the static packs equal
    /// the parsed ones. With `JDLINT_REGENERATE=1` the test writes the file.
    #[test]
    fn generated_tables_are_up_to_date() {
        let parsed: Vec<Pack> = BUILTIN_PACKS
            .iter()
            .map(|(file, text)| Pack::from_toml(file, text).unwrap())
            .collect();
        let code = generate(&parsed);
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GENERATED);
        if std::env::var_os("JDLINT_REGENERATE").is_some() {
            // The tables compiled into this test are the old ones: check the
            // new file on the next run.
            std::fs::write(&path, &code).unwrap();
            return;
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == code,
            "{GENERATED} is stale: run `JDLINT_REGENERATE=1 cargo test --lib generated_tables_are_up_to_date`"
        );
        let statics: Vec<Pack> = generated::PACKS.iter().map(StaticPack::to_pack).collect();
        assert_eq!(statics, parsed);
        assert_eq!(generated::SOURCE_HASH, source_hash());
    }
}
