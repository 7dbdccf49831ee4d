//! Compiles the built-in lint packs (`lints/*.toml`) into static Rust tables,
//! so building a linter does not parse TOML at run time.
//!
//! The output, `$OUT_DIR/builtin_packs.rs`, is included by
//! `src/lexicon/builtin.rs`. It holds each pack's TOML text (the
//! `BUILTIN_PACKS` constant) and the same pack as static data, with the `(s)`
//! plural shorthand already expanded. A unit test there checks that the static
//! data equals what `Pack::from_toml` makes of the text, so the two can never
//! drift; validation (and its error messages) stays in `Pack::from_toml`.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/lexicon/plurals.rs"]
mod plurals;

/// The built-in packs, in the order they are compiled. `technologies.toml` and
/// `thresholds.toml` are tables of their own, not phrase packs.
const PACKS: &[&str] = &[
    "sections.toml",
    "boilerplate.toml",
    "titles.toml",
    "roles.toml",
    "roles-coverage.toml",
    "cues.toml",
    "outputs.toml",
    "requirements.toml",
    "duties.toml",
    "wording.toml",
];

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lexicon/plurals.rs");

    let mut code = String::new();
    code.push_str(
        "/// The built-in packs, embedded at compile time: (file name, TOML text).\n\
         pub const BUILTIN_PACKS: &[(&str, &str)] = &[\n",
    );
    for file in PACKS {
        writeln!(
            code,
            "    ({file:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/lints/{file}\"))),"
        )
        .unwrap();
    }
    code.push_str(
        "];\n\n/// The built-in packs as static data, in the order of [`BUILTIN_PACKS`].\n",
    );
    code.push_str("static STATIC_PACKS: &[StaticPack] = &[\n");
    for file in PACKS {
        let path = Path::new(&manifest).join("lints").join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
        pack(&mut code, &text);
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out).join("builtin_packs.rs"), code).expect("OUT_DIR is writable");
}

/// Writes one `StaticPack` literal. A pack that does not parse here is left
/// for `Pack::from_toml` to report: the generated entry is empty and the
/// equality test fails with the parser's message.
fn pack(code: &mut String, text: &str) {
    let table: toml::Table = match text.parse() {
        Ok(table) => table,
        Err(_) => {
            writeln!(
                code,
                "    StaticPack {{ name: \"\", description: \"\", groups: &[], cases: &[] }},"
            )
            .unwrap();
            return;
        }
    };
    let header = table.get("pack").and_then(toml::Value::as_table);
    let field = |name: &str| {
        header
            .and_then(|h| h.get(name))
            .and_then(toml::Value::as_str)
            .unwrap_or("")
    };
    writeln!(
        code,
        "    StaticPack {{ name: {:?}, description: {:?}, groups: &[",
        field("name").trim(),
        field("description")
    )
    .unwrap();
    // Each group's line is the line of its `[[group]]` header, as
    // `Pack::from_toml` reports it.
    let mut header_lines = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim() == "[[group]]")
        .map(|(i, _)| i + 1);
    for group in array(&table, "group") {
        let line = header_lines.next().unwrap_or(0);
        let str_of = |name: &str| group.get(name).and_then(toml::Value::as_str);
        let weight = match group.get("weight") {
            Some(toml::Value::Float(w)) => *w as f32,
            Some(toml::Value::Integer(w)) => *w as f32,
            _ => 1.0,
        };
        let variant = |name: &str, ty: &str| match str_of(name) {
            Some(value) => format!("Some({ty}::{})", camel(value)),
            None => "None".to_owned(),
        };
        writeln!(
            code,
            "        StaticGroup {{ kind: {:?}, role: {}, weight: {weight:?}, section: {}, note: {:?}, tags: &{:?}, phrases: &{:?}, context: &{:?}, anchor: Anchor::{}, line: {line} }},",
            str_of("kind").unwrap_or("").trim(),
            variant("role", "Role"),
            variant("section", "SectionKind"),
            str_of("note"),
            strings(group, "tags"),
            expanded(group, "phrases"),
            expanded(group, "context"),
            camel(str_of("anchor").unwrap_or("anywhere")),
        )
        .unwrap();
    }
    code.push_str("    ], cases: &[\n");
    for case in array(&table, "case") {
        writeln!(
            code,
            "        StaticCase {{ text: {:?}, hits: &{:?} }},",
            case.get("text").and_then(toml::Value::as_str).unwrap_or(""),
            strings(case, "hits"),
        )
        .unwrap();
    }
    code.push_str("    ] },\n");
}

fn array<'a>(table: &'a toml::Table, name: &str) -> impl Iterator<Item = &'a toml::Table> {
    table
        .get(name)
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(toml::Value::as_table)
}

fn strings<'a>(table: &'a toml::Table, name: &str) -> Vec<&'a str> {
    table
        .get(name)
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(toml::Value::as_str)
        .collect()
}

/// Phrases as `Pack::from_toml` keeps them: trimmed, plurals expanded.
fn expanded(table: &toml::Table, name: &str) -> Vec<String> {
    strings(table, name)
        .into_iter()
        .flat_map(|phrase| plurals::expand_plurals(phrase.trim()))
        .collect()
}

/// `ml-engineer` -> `MlEngineer`: serde's kebab-case and lowercase names back
/// to the variant.
fn camel(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}
