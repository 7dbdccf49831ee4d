//! The `jdlint` binary end to end: formats, inputs, configuration, errors.
//! Outputs are snapshot-tested (paths are relative, times are masked).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use std::io::Write;

fn jdlint() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jdlint"))
}

/// A scratch folder with postings we write, removed and recreated per test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const AMBIGUOUS: &str = "AI/ML Engineer\n\nWhat you'll do\n- Train ranking models and deploy them to production\n- Monitor model drift and retrain on a schedule\n";
const CLEAN: &str = "Data Scientist\n\nWhat you'll do\n- Own the pricing experiment program: design and analyse A/B tests\n- Use causal inference to estimate the impact of campaigns and present recommendations to the pricing leads\n\nCompensation\n- $150,000 - $180,000 a year\n";

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = jdlint();
    command
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

/// The `id` of every JSON line on stdout, in order.
fn jsonl_ids(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// Masks the run time in a summary line, so snapshots are stable.
fn mask_time(line: &str) -> String {
    match line.find(" checked in ") {
        Some(at) => {
            let rest = &line[at + " checked in ".len()..];
            let after = rest.find(':').map_or("", |i| &rest[i..]);
            format!("{} checked in [TIME]{after}", &line[..at])
        }
        None => line.to_owned(),
    }
}

/// stdout, stderr (with the run time masked) and the exit code, for a snapshot.
fn shown(output: &Output) -> String {
    let masked = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .lines()
            .map(mask_time)
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "exit: {:?}\n--- stdout\n{}\n--- stderr\n{}\n",
        output.status.code(),
        masked(&output.stdout),
        masked(&output.stderr)
    )
}

#[test]
fn human_output_and_exit_codes() {
    let dir = scratch("human");
    std::fs::write(dir.join("ambiguous.txt"), AMBIGUOUS).unwrap();
    std::fs::write(dir.join("clean.txt"), CLEAN).unwrap();
    let output = run(&dir, &["check", "ambiguous.txt", "clean.txt"], None);
    assert_eq!(output.status.code(), Some(0), "warnings only: exit 0");
    insta::assert_snapshot!(shown(&output));
    let denied = run(
        &dir,
        &["check", "ambiguous.txt", "--deny", "ambiguous-role-title"],
        None,
    );
    assert_eq!(
        denied.status.code(),
        Some(1),
        "an error-level finding: exit 1"
    );
}

#[test]
fn json_output_is_the_documented_shape() {
    let dir = scratch("json");
    std::fs::write(dir.join("ambiguous.txt"), AMBIGUOUS).unwrap();
    let output = run(&dir, &["check", "ambiguous.txt", "--format", "json"], None);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let file = &value["files"][0];
    assert_eq!(file["path"], "ambiguous.txt");
    let diagnostic = &file["diagnostics"][0];
    assert_eq!(diagnostic["rule"], "ambiguous-role-title");
    assert_eq!(
        diagnostic["span"],
        serde_json::json!({"start": 0, "end": 14})
    );
    assert_eq!(
        diagnostic["start"],
        serde_json::json!({"line": 1, "column": 1})
    );
    assert_eq!(
        diagnostic["end"],
        serde_json::json!({"line": 1, "column": 15})
    );
    assert!(diagnostic["labels"][0]["span"]["start"].is_number());
    assert!(diagnostic["help"].is_string());
    assert_eq!(file["profile"]["title_role"], "ambiguous");
    assert_eq!(file["profile"]["primary_role"], "ml-engineer");
    assert!(file["profile"]["scores"]["ml-engineer"]["share"].is_number());
    assert_eq!(value["summary"]["files"], 1);
}

#[test]
fn jsonl_sarif_and_github_formats() {
    let dir = scratch("formats");
    std::fs::write(dir.join("ambiguous.txt"), AMBIGUOUS).unwrap();
    for format in ["jsonl", "github"] {
        let output = run(&dir, &["check", "ambiguous.txt", "--format", format], None);
        insta::assert_snapshot!(format!("format-{format}"), shown(&output));
    }
    let output = run(&dir, &["check", "ambiguous.txt", "--format", "sarif"], None);
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "ambiguous-role-title");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    for key in ["startLine", "startColumn", "endLine", "endColumn"] {
        assert!(region[key].is_number(), "region lacks {key}: {region}");
    }
}

#[test]
fn stdin_and_stdin_filename() {
    let dir = scratch("stdin");
    let output = run(
        &dir,
        &[
            "check",
            "--stdin-filename",
            "pasted.txt",
            "--format",
            "github",
        ],
        Some(AMBIGUOUS),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("file=pasted.txt,line=1"), "{stdout}");
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_linted() {
    let dir = scratch("errors");
    std::fs::write(dir.join("good.txt"), AMBIGUOUS).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Data Scientist\n\nCaf\xe9").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x7fELF\0\0\x01").unwrap();
    let output = run(
        &dir,
        &[
            "check",
            "good.txt",
            "empty.txt",
            "latin1.txt",
            "binary.txt",
            "missing.txt",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(shown(&output));
}

#[test]
fn config_is_discovered_and_overridden() {
    let dir = scratch("config");
    std::fs::create_dir_all(dir.join("team/postings")).unwrap();
    std::fs::write(
        dir.join("team/jdlint.toml"),
        "[rules]\nambiguous-role-title = \"error\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("team/postings/a.txt"), AMBIGUOUS).unwrap();
    let found = run(
        &dir,
        &["check", "team/postings/a.txt", "--format", "github"],
        None,
    );
    assert_eq!(found.status.code(), Some(1), "{}", shown(&found));
    let overridden = run(
        &dir,
        &[
            "check",
            "team/postings/a.txt",
            "--format",
            "github",
            "--allow",
            "ambiguous-role-title",
        ],
        None,
    );
    assert!(!String::from_utf8_lossy(&overridden.stdout).contains("ambiguous-role-title"));
    let ignored = run(
        &dir,
        &[
            "check",
            "team/postings/a.txt",
            "--no-config",
            "--format",
            "github",
        ],
        None,
    );
    assert_eq!(ignored.status.code(), Some(0));

    std::fs::write(
        dir.join("team/jdlint.toml"),
        "[rules]\nambigous-role-title = \"error\"\n",
    )
    .unwrap();
    let typo = run(&dir, &["check", "team/postings/a.txt"], None);
    assert_eq!(typo.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&typo.stderr);
    assert!(
        stderr.contains("did you mean `ambiguous-role-title`?"),
        "{stderr}"
    );

    std::fs::write(dir.join("team/jdlint.toml"), "[rule]\n").unwrap();
    let unknown_key = run(&dir, &["check", "team/postings/a.txt"], None);
    assert!(String::from_utf8_lossy(&unknown_key.stderr).contains("did you mean `rules`?"));
}

#[test]
fn feeds_keep_order_and_report_bad_lines() {
    let dir = scratch("feed");
    let feed = format!(
        "{}\nnot json\n{}\n",
        serde_json::json!({"id": "a1", "title": "AI/ML Engineer", "description": "Train and deploy ranking models."}),
        serde_json::json!({"id": "b2", "title": "Data Scientist", "description": CLEAN}),
    );
    std::fs::write(dir.join("feed.jsonl"), feed).unwrap();
    let output = run(&dir, &["check", "feed.jsonl", "--format", "jsonl"], None);
    assert_eq!(output.status.code(), Some(2));
    let ids = jsonl_ids(&output);
    assert_eq!(ids, ["a1", "b2"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("feed.jsonl:2: not a JSON posting"));
}

#[test]
fn rules_and_explain() {
    let dir = scratch("docs");
    let rules = run(&dir, &["rules"], None);
    insta::assert_snapshot!(shown(&rules));
    let explain = run(&dir, &["explain", "mixed-role-responsibilities"], None);
    let text = String::from_utf8_lossy(&explain.stdout);
    for section in [
        "## What it does",
        "## Why it matters",
        "## Example",
        "## How to fix",
    ] {
        assert!(text.contains(section), "{text}");
    }
    let unknown = run(&dir, &["explain", "no-such-rule"], None);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn markdown_and_html_spans_point_into_the_original_file() {
    let dir = scratch("markup");
    let html = "<html><body><h1>Senior AI/ML Engineer – Café Team</h1>\n<h2>What you&rsquo;ll do</h2>\n<ul><li>Build RAG pipelines &amp; prompt engineering evals for our assistant</li>\n<li>Train ranking models and deploy them to production, then monitor drift</li></ul></body></html>\n";
    std::fs::write(dir.join("posting.html"), html).unwrap();
    let markdown = "# Senior AI/ML Engineer – Café Team\n\n## What you’ll do\n\n* Build **RAG pipelines** &amp; prompt engineering evals\n* Train ranking models and deploy them to production\n";
    std::fs::write(dir.join("posting.md"), markdown).unwrap();
    for (name, text) in [("posting.html", html), ("posting.md", markdown)] {
        let output = run(&dir, &["check", name, "--format", "json"], None);
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let file = &value["files"][0];
        assert_eq!(file["title"], "Senior AI/ML Engineer – Café Team", "{name}");
        let diagnostics = file["diagnostics"].as_array().unwrap();
        let ambiguous = diagnostics
            .iter()
            .find(|d| d["rule"] == "ambiguous-role-title")
            .unwrap_or_else(|| panic!("{name}: {diagnostics:#?}"));
        let span = |v: &serde_json::Value| {
            (
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
            )
        };
        let (start, end) = span(&ambiguous["span"]);
        assert_eq!(
            &text[start..end],
            "Senior AI/ML Engineer – Café Team",
            "{name}"
        );
        let labels: Vec<&str> = ambiguous["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                let (s, e) = span(&l["span"]);
                &text[s..e]
            })
            .collect();
        assert!(
            labels.contains(&"AI") && labels.contains(&"ML Engineer"),
            "{name}: {labels:?}"
        );
        // Every evidence span starts and ends on a word of the original
        // file (it may cover markup between two words: `Build **RAG`).
        for evidence in file["profile"]["evidence"].as_array().unwrap() {
            let (s, e) = span(&evidence["span"]);
            let words = &text[s..e];
            assert!(
                words.starts_with(char::is_alphanumeric) && words.ends_with(char::is_alphanumeric),
                "{name}: {words:?}"
            );
            assert!(!words.contains("<li>"), "{name}: {words:?}");
        }
        let line = ambiguous["start"]["line"].as_u64().unwrap();
        assert_eq!(line, 1, "{name}");
    }
}

#[test]
fn suppression_comments_and_unused_ones() {
    let dir = scratch("suppress");
    let quiet = "<!-- jdlint-disable ambiguous-role-title -->\n# AI/ML Engineer\n\n- Train ranking models and deploy them to production\n";
    std::fs::write(dir.join("quiet.md"), quiet).unwrap();
    let next_line = "<!-- jdlint-disable-next-line ambiguous-role-title -->\n# AI/ML Engineer\n\n<!-- jdlint-disable-next-line mixed-role-responsibilities -->\n- Train ranking models\n";
    std::fs::write(dir.join("next-line.md"), next_line).unwrap();
    let output = run(
        &dir,
        &[
            "check",
            "quiet.md",
            "next-line.md",
            "--format",
            "github",
            "--report-unused-disables",
        ],
        None,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("ambiguous-role-title"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("next-line.md:4: this suppression comment suppresses nothing"),
        "{stderr}"
    );
    assert!(!stderr.contains("quiet.md:1"), "{stderr}");
}

#[test]
fn a_long_feed_streams_from_stdin_in_order() {
    let dir = scratch("stream");
    // More postings than one chunk (256), a bad line in the middle.
    let mut feed = String::new();
    for i in 0..600 {
        if i == 300 {
            feed.push_str("{\"id\": \n");
        }
        feed.push_str(&serde_json::json!({"id": i, "title": "AI/ML Engineer", "description": "Train models."}).to_string());
        feed.push('\n');
    }
    let output = run(
        &dir,
        &[
            "check",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--stdin-filename",
            "feed",
        ],
        Some(&feed),
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad line is an input error"
    );
    let ids = jsonl_ids(&output);
    let expected: Vec<String> = (0..600).map(|i| i.to_string()).collect();
    assert_eq!(ids, expected);
    assert!(String::from_utf8_lossy(&output.stderr).contains("feed:301: not a JSON posting"));
}
