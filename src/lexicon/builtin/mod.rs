//! The built-in packs (`lints/*.toml`).
//!
//! Parsing their TOML cost more than half of building a linter, so the packs
//! are also kept as static Rust data in `generated.rs`, which is generated
//! from the TOML by a test (`generated_tables_are_up_to_date`): when the TOML
//! changes, that test fails and says how to regenerate the file. Until it is
//! regenerated, the TOML texts no longer hash to the value the file records,
//! and the packs are parsed from TOML as before: a stale file is slower, never
//! wrong.
//!
//! The file also keeps what compiling the packs makes of them before the
//! automaton is built (normalized, deduplicated and marked patterns, entries,
//! groups, namespaces and kinds: [`StaticCompiler`]), made by the same
//! [`Compiler`] code; normalizing and keying 8,000 phrases was most of the rest
//! of a build, besides the automaton.

use crate::document::SectionKind;
use crate::error::Result;
use crate::facts::{Date, Technology, TechnologyTable, technology};
use crate::roles::Role;

use std::borrow::Cow;

use super::compile::{Compiler, context_group};
use super::{Anchor, Case, EntryData, Group, GroupData, KindId, Pack};

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

/// The state of a [`Compiler`] after the built-in packs, as static data:
/// what [`Compiler::add_pack`] makes of [`StaticPack`]s.
struct StaticCompiler {
    namespaces: &'static [&'static str],
    /// By [`KindId`].
    kinds: &'static [&'static str],
    groups: &'static [StaticGroupData],
    keys: &'static [&'static str],
    marked: &'static [&'static [u8]],
    pattern_entries: &'static [(u32, u32)],
    /// The patterns sorted by key.
    index: &'static [u32],
}

/// A group as compiled: its [`StaticGroup`] (for a context group, the group
/// whose context it holds; for the pack `PACKS.len()`, the technology
/// `TECHNOLOGIES[group]`) and what [`GroupData`] adds.
struct StaticGroupData {
    pack: u16,
    group: u16,
    namespace: u32,
    context_of: Option<u32>,
    context_key: Option<u32>,
    kind: u32,
}

/// A [`Technology`] as static data.
struct StaticTechnology {
    name: &'static str,
    phrases: &'static [&'static str],
    /// The phrases with the `(s)` shorthand expanded: its pack's.
    expanded: &'static [&'static str],
    /// Year, month, day.
    released: (i32, u32, u32),
    source: &'static str,
    family: Option<&'static str>,
}

/// A [`Case`] as static data.
struct StaticCase {
    text: &'static str,
    hits: &'static [&'static str],
}

/// FNV-1a over the file names and texts of [`BUILTIN_PACKS`] and the
/// technology table: whether `generated.rs` was made from these texts. Computed by the compiler, so
/// checking it costs nothing at run time.
const fn source_hash() -> u64 {
    const fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
        let mut i = 0;
        while i < bytes.len() {
            hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        // The terminating NUL of each string.
        hash.wrapping_mul(0x0100_0000_01b3)
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < BUILTIN_PACKS.len() {
        let (file, text) = BUILTIN_PACKS[i];
        hash = fnv(hash, file.as_bytes());
        hash = fnv(hash, text.as_bytes());
        i += 1;
    }
    hash = fnv(hash, b"technologies.toml");
    fnv(hash, technology::BUILTIN.as_bytes())
}

/// [`source_hash`] of the embedded texts.
const SOURCE_HASH: u64 = source_hash();

/// Whether `generated.rs` was made from the embedded texts: when it was not
/// (a TOML edited, the tables not regenerated yet), everything is parsed
/// and compiled from the TOML instead.
const FRESH: bool = generated::SOURCE_HASH == SOURCE_HASH;

fn owned(strings: &[&str]) -> Vec<String> {
    strings.iter().map(|&s| s.to_owned()).collect()
}

fn borrowed(strings: &'static [&'static str]) -> Vec<Cow<'static, str>> {
    strings.iter().map(|&s| Cow::Borrowed(s)).collect()
}

impl StaticGroup {
    fn to_group(&self) -> Group {
        Group {
            kind: Cow::Borrowed(self.kind),
            role: self.role,
            weight: self.weight,
            section: self.section,
            note: self.note.map(Cow::Borrowed),
            tags: borrowed(self.tags),
            phrases: borrowed(self.phrases),
            context: borrowed(self.context),
            anchor: self.anchor,
            line: self.line,
        }
    }
}

impl StaticPack {
    fn to_pack(&self) -> Pack {
        Pack {
            name: self.name.to_owned(),
            description: self.description.to_owned(),
            groups: self.groups.iter().map(StaticGroup::to_group).collect(),
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
    if FRESH {
        return Ok(generated::PACKS.iter().map(StaticPack::to_pack).collect());
    }
    BUILTIN_PACKS
        .iter()
        .map(|(file, text)| Pack::from_toml(file, text))
        .collect()
}

/// The built-in technology table from the static tables, when they were
/// generated from the embedded TOML.
pub(crate) fn builtin_technologies() -> Option<TechnologyTable> {
    if !FRESH {
        return None;
    }
    let mut table = TechnologyTable::default();
    for technology in generated::TECHNOLOGIES {
        let (year, month, day) = technology.released;
        table
            .add(Technology {
                name: technology.name.to_owned(),
                phrases: owned(technology.phrases),
                released: Date::new(year, month, day)?,
                source: technology.source.to_owned(),
                family: technology.family.map(str::to_owned),
            })
            .ok()?;
    }
    Some(table)
}

/// A compiler that has added the built-in packs and the pack of the
/// built-in technology table: restored from the static tables when they were
/// generated from the embedded TOML, else compiled from it.
pub(super) fn compiler() -> Result<Compiler> {
    if FRESH {
        return Ok(from_static(&generated::COMPILED));
    }
    compile(builtin_packs()?, &TechnologyTable::builtin())
}

/// A compiler that has added `packs` (the built-in ones) and then the pack of
/// `technologies`: what the static state is made from and checked against.
pub(super) fn compile(packs: Vec<Pack>, technologies: &TechnologyTable) -> Result<Compiler> {
    let mut compiler = Compiler::new();
    compiler.add_packs(packs)?;
    compiler.add_pack(technologies.pack())?;
    Ok(compiler)
}

fn from_static(compiled: &'static StaticCompiler) -> Compiler {
    let mut groups = Vec::with_capacity(compiled.groups.len());
    let mut entries = Vec::with_capacity(compiled.pattern_entries.len());
    let mut texts = Vec::with_capacity(compiled.pattern_entries.len());
    for (index, data) in compiled.groups.iter().enumerate() {
        let (group, phrases) = match generated::PACKS.get(usize::from(data.pack)) {
            Some(pack) => {
                let source = &pack.groups[usize::from(data.group)];
                match data.context_of {
                    Some(_) => (
                        context_group(borrowed(source.context), source.line),
                        source.context,
                    ),
                    None => (source.to_group(), source.phrases),
                }
            }
            None => {
                let source = &generated::TECHNOLOGIES[usize::from(data.group)];
                let group =
                    technology::group(Cow::Borrowed(source.name), borrowed(source.expanded));
                (group, source.expanded)
            }
        };
        // A group's entries are its phrases, in order (as `add_pack` adds
        // them).
        texts.extend(phrases.iter().map(|&phrase| Cow::Borrowed(phrase)));
        entries.extend(phrases.iter().map(|_| EntryData {
            group: index as u32,
            kind: KindId(0),
            context_of: None,
        }));
        groups.push(GroupData {
            group,
            namespace: data.namespace,
            context_of: data.context_of,
            context_key: data.context_key,
            kind: KindId(data.kind),
        });
    }
    Compiler {
        namespaces: compiled
            .namespaces
            .iter()
            .map(|&name| name.to_owned())
            .collect(),
        kinds: compiled
            .kinds
            .iter()
            .enumerate()
            .map(|(id, &kind)| (kind.to_owned(), KindId(id as u32)))
            .collect(),
        groups,
        entries,
        phrases: texts,
        keys: compiled
            .keys
            .iter()
            .map(|&key| Cow::Borrowed(key))
            .collect(),
        marked: compiled
            .marked
            .iter()
            .map(|&read| Cow::Borrowed(read))
            .collect(),
        pattern_entries: compiled.pattern_entries.to_vec(),
        static_index: compiled.index,
        unindexed: vec![true; compiled.namespaces.len()],
        ..Compiler::default()
    }
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
    code.push_str("];\n\n");
    let table = TechnologyTable::parse_builtin();
    code.push_str("/// The technologies of `technologies.toml`, in order.\npub(super) static TECHNOLOGIES: &[StaticTechnology] = &[\n");
    for t in table.iter() {
        writeln!(
            code,
            "    StaticTechnology {{ name: {:?}, phrases: &{:?}, expanded: &{:?}, released: ({}, {}, {}), source: {:?}, family: {:?} }},",
            t.name, t.phrases, t.phrases.iter().flat_map(|p| super::expand_plurals(p)).collect::<Vec<_>>(),
            t.released.year(), t.released.month(), t.released.day(), t.source, t.family
        )
        .unwrap();
    }
    code.push_str("];\n\n");
    let compiler = compile(packs.to_vec(), &table).unwrap();
    code.push_str("/// What compiling [`PACKS`] and the technology table's pack leaves.\npub(super) static COMPILED: StaticCompiler = StaticCompiler {\n");
    writeln!(code, "    namespaces: &{:?},", compiler.namespaces).unwrap();
    let mut kinds = vec![""; compiler.kinds.len()];
    for (kind, id) in &compiler.kinds {
        kinds[id.index()] = kind;
    }
    writeln!(code, "    kinds: &{kinds:?},").unwrap();
    code.push_str("    groups: &[\n");
    // Groups come in pack order, each context group after the group whose
    // context it holds.
    let mut sources = packs
        .iter()
        .enumerate()
        .flat_map(|(p, pack)| (0..pack.groups.len()).map(move |g| (p, g)))
        .chain((0..table.len()).map(|t| (packs.len(), t)));
    let mut source = (0, 0);
    for data in &compiler.groups {
        if data.context_of.is_none() {
            source = sources.next().unwrap();
        }
        writeln!(
            code,
            "        StaticGroupData {{ pack: {}, group: {}, namespace: {}, context_of: {:?}, context_key: {:?}, kind: {} }},",
            source.0, source.1, data.namespace, data.context_of, data.context_key, data.kind.index()
        )
        .unwrap();
    }
    code.push_str("    ],\n");
    writeln!(code, "    keys: &{:?},", compiler.keys).unwrap();
    code.push_str("    marked: &[");
    for read in &compiler.marked {
        code.push_str("b\"");
        for &b in read.iter() {
            match b {
                b'"' | b'\\' => write!(code, "\\{}", b as char).unwrap(),
                b' '..=b'~' => code.push(b as char),
                _ => write!(code, "\\x{b:02x}").unwrap(),
            }
        }
        code.push_str("\", ");
    }
    code.push_str("],\n");
    writeln!(
        code,
        "    pattern_entries: &{:?},",
        compiler.pattern_entries
    )
    .unwrap();
    let mut index: Vec<u32> = (0..compiler.keys.len() as u32).collect();
    index.sort_unstable_by(|&a, &b| compiler.keys[a as usize].cmp(&compiler.keys[b as usize]));
    writeln!(code, "    index: &{index:?},").unwrap();
    code.push_str("};\n");
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
        assert_eq!(generated::SOURCE_HASH, SOURCE_HASH);
        let table = TechnologyTable::parse_builtin();
        assert_eq!(builtin_technologies().unwrap(), table);
        // The static state is the state compiling the packs leaves.
        let restored = from_static(&generated::COMPILED);
        let compiled = compile(parsed, &table).unwrap();
        assert_eq!(restored.namespaces, compiled.namespaces);
        assert_eq!(restored.kinds, compiled.kinds);
        assert_eq!(restored.groups, compiled.groups);
        assert_eq!(restored.entries, compiled.entries);
        assert_eq!(restored.phrases, compiled.phrases);
        assert_eq!(restored.keys, compiled.keys);
        assert_eq!(restored.marked, compiled.marked);
        assert_eq!(restored.pattern_entries, compiled.pattern_entries);
        assert!(
            restored
                .static_index
                .is_sorted_by_key(|&id| &restored.keys[id as usize])
        );
    }
}
