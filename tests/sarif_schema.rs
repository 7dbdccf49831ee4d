//! The SARIF output validates against the SARIF 2.1.0 schema, as shipped in
//! the npm package `@microsoft/jest-sarif` (`lib/schemas/sarif-2.1.0-rtm.5.json`).
//! The test fetches it once with `npm pack` into `target/sarif-schema/`; set
//! `SARIF_SCHEMA` to use another copy.

use std::path::PathBuf;
use std::process::Command;

use jdlint::Linter;
use jdlint::render::{FileReport, sarif};

const PACKAGE: &str = "@microsoft/jest-sarif@1.0.0-beta.0";
const TARBALL: &str = "microsoft-jest-sarif-1.0.0-beta.0.tgz";

fn schema_path() -> PathBuf {
    if let Some(path) = std::env::var_os("SARIF_SCHEMA") {
        return PathBuf::from(path);
    }
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/sarif-schema");
    let path = folder.join("package/lib/schemas/sarif-2.1.0-rtm.5.json");
    if !path.exists() {
        std::fs::create_dir_all(&folder).unwrap();
        let fetched = Command::new("npm")
            .args(["pack", "--silent", PACKAGE])
            .current_dir(&folder)
            .status()
            .is_ok_and(|s| s.success())
            && Command::new("tar")
                .args(["xzf", TARBALL])
                .current_dir(&folder)
                .status()
                .is_ok_and(|s| s.success());
        assert!(
            fetched,
            "could not fetch {PACKAGE} with npm (is npm installed?)"
        );
    }
    path
}

#[test]
fn sarif_output_validates_against_the_2_1_0_schema() {
    let path = schema_path();
    let Ok(schema) = std::fs::read_to_string(&path) else {
        panic!(
            "SARIF schema not found at {}: run `.ci/run` (it fetches @microsoft/jest-sarif with npm) or set SARIF_SCHEMA",
            path.display()
        );
    };
    let mut schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    // Erratum in rtm.5: the `language` patterns have a stray `]` that strict
    // regex engines reject; they apply to fields jdlint never writes.
    let patched = patch_language_patterns(&mut schema);
    assert!(
        patched > 0,
        "the erratum this test patches is gone: drop the patch"
    );
    let validator = jsonschema::validator_for(&schema).unwrap();

    let linter = Linter::new();
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/postings");
    let mut files = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = format!(
            "examples/postings/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        files.push(FileReport::new(name, linter.lint(&text)));
    }
    // A title given apart from the text: a result without a region.
    files.push(FileReport::new(
        "feed.jsonl:1",
        linter.lint_posting("AI/ML Engineer", "Train models."),
    ));
    let rules: Vec<_> = linter.rules().map(|(meta, _)| *meta).collect();
    let log: serde_json::Value = serde_json::from_str(&sarif(&files, &rules)).unwrap();

    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.len() > 3,
        "the example postings should produce findings"
    );
    for result in results
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["region"].is_object())
    {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_i64().unwrap() >= 1, "{key} in {region}");
        }
    }
}

const BAD_LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

fn patch_language_patterns(value: &mut serde_json::Value) -> usize {
    match value {
        serde_json::Value::Object(map) => {
            let mut count = 0;
            for (key, child) in map.iter_mut() {
                if key == "pattern" && child == BAD_LANGUAGE_PATTERN {
                    *child = serde_json::Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                    count += 1;
                } else {
                    count += patch_language_patterns(child);
                }
            }
            count
        }
        serde_json::Value::Array(items) => items.iter_mut().map(patch_language_patterns).sum(),
        _ => 0,
    }
}
