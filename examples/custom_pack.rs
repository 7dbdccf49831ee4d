//! Load a lint pack from a string at run time and read its hits.
//!
//! A pack is plain TOML: a recruiter can add phrases without reading Rust.
//! Its phrases join the ONE automaton of the built-in packs; the document is
//! still scanned once. A malformed pack is a clear error with pack and line.
//!
//! Run: `cargo run --example custom_pack`

use jdlint::Linter;
use jdlint::document::Document;

const PACK: &str = r#"
[pack]
name = "hollow-perks"
description = "Perks that stand in for real benefits."

[[group]]
kind = "hollow-perk"
note = "Office toys are not benefits."
phrases = ["ping pong table(s)", "beer on tap", "foosball"]

[[case]]
text = "We have two ping pong tables and beer on tap."
hits = ["ping pong tables", "beer on tap"]
"#;

pub fn main() {
    let linter = Linter::builder()
        .pack_from_str("hollow-perks.toml", PACK)
        .expect("the pack parses")
        .build()
        .expect("the pack compiles and its cases pass");

    let posting = "Data Scientist\n\nBenefits\n- Foosball and a ping pong table\n";
    let doc = Document::parse(posting, linter.lexicon());
    for hit in doc.hits() {
        let entry = linter.lexicon().entry(hit.entry);
        if entry.pack == "hollow-perks" {
            println!(
                "{:?} ({}) in the {} section",
                &posting[hit.span.start..hit.span.end],
                entry.group.kind,
                doc.section_at(hit.span.start).as_str()
            );
        }
    }

    let broken =
        "[pack]\nname = \"oops\"\n[[group]]\nkind = \"hollow-perk\"\nphrases = \"not a list\"\n";
    let err = Linter::builder()
        .pack_from_str("oops.toml", broken)
        .unwrap_err();
    println!("a broken pack: {err}");
    assert!(err.to_string().contains("line 5"));
}
