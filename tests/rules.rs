//! Snapshot tests: one fixture folder per rule, one rule enabled per snapshot.
//!
//! `tests/fixtures/<rule-id>/fire-*.txt` must produce at least one diagnostic
//! of that rule, `pass-*.txt` none; the snapshot records exactly what is
//! reported, rendered the way `jdlint check` shows it.

use std::path::Path;

use jdlint::render::{HumanOptions, human};
use jdlint::{Config, Linter, Severity};

/// A linter with only `rule` enabled.
fn only(rule: &str) -> Linter {
    let mut config = Config::new();
    for (meta, _) in Linter::new().rules() {
        let severity = if meta.id == rule {
            meta.default_severity
        } else {
            Severity::Allow
        };
        config = config.with_rule(meta.id, severity);
    }
    Linter::builder().config(config).build().unwrap()
}

fn snapshot_rule(rule: &str) {
    let linter = only(rule);
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rule);
    let mut entries: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|err| panic!("{}: {err}", folder.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no fixtures for {rule}");
    for path in entries {
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let report = linter.lint(&text);
        let count = report.by_rule(rule).count();
        if name.starts_with("fire-") {
            assert!(count > 0, "{rule}/{name} should fire but did not");
        } else if name.starts_with("pass-") {
            assert_eq!(count, 0, "{rule}/{name} must not fire:\n{report:#?}");
        } else {
            panic!("fixture {name} must start with fire- or pass-");
        }
        let rendered = human(
            &format!("{name}.txt"),
            &text,
            &report,
            HumanOptions::default(),
        );
        let profile = &report.profile;
        let summary = format!(
            "title_role: {}\nprimary_role: {}\n\n{}",
            profile.title_role, profile.primary_role, rendered
        );
        insta::with_settings!({snapshot_suffix => name.clone(), prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(rule, summary);
        });
    }
}

#[test]
fn ambiguous_role_title() {
    snapshot_rule("ambiguous-role-title");
}

#[test]
fn title_role_mismatch() {
    snapshot_rule("title-role-mismatch");
}

#[test]
fn mixed_role_responsibilities() {
    snapshot_rule("mixed-role-responsibilities");
}

#[test]
fn wrong_role_competencies() {
    snapshot_rule("wrong-role-competencies");
}

#[test]
fn missing_primary_output() {
    snapshot_rule("missing-primary-output");
}

#[test]
fn out_of_role_duty() {
    snapshot_rule("out-of-role-duty");
}

#[test]
fn role_lifecycle_gap() {
    snapshot_rule("role-lifecycle-gap");
}

#[test]
fn experience_exceeds_technology_age() {
    snapshot_rule("experience-exceeds-technology-age");
}

#[test]
fn requirement_overload() {
    snapshot_rule("requirement-overload");
}

#[test]
fn seniority_contradiction() {
    snapshot_rule("seniority-contradiction");
}

#[test]
fn missing_salary_range() {
    snapshot_rule("missing-salary-range");
}

#[test]
fn gender_coded_wording() {
    snapshot_rule("gender-coded-wording");
}

#[test]
fn hype_job_title() {
    snapshot_rule("hype-job-title");
}

#[test]
fn exclusionary_wording() {
    snapshot_rule("exclusionary-wording");
}

#[test]
fn hollow_perks() {
    snapshot_rule("hollow-perks");
}

#[test]
fn pressure_wording() {
    snapshot_rule("pressure-wording");
}

#[test]
fn every_rule_has_fixtures_that_fire_and_pass_and_a_test_here() {
    let source = include_str!("rules.rs");
    for (meta, _) in Linter::new().rules() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(meta.id);
        let names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap_or_else(|_| panic!("missing tests/fixtures/{}", meta.id))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().any(|n| n.starts_with("fire-")),
            "{}: no fire- fixture",
            meta.id
        );
        assert!(
            names.iter().any(|n| n.starts_with("pass-")),
            "{}: no pass- fixture",
            meta.id
        );
        assert!(
            source.contains(&format!("snapshot_rule(\"{}\")", meta.id)),
            "{}: no snapshot test in tests/rules.rs",
            meta.id
        );
    }
}

#[test]
fn rule_docs_and_messages_follow_the_convention() {
    for (meta, _) in Linter::new().rules() {
        assert!(jdlint::rules::is_kebab_case(meta.id));
        for (section, text) in [
            ("what it does", meta.docs.what_it_does),
            ("why it matters", meta.docs.why_it_matters),
            ("example", meta.docs.example),
            ("how to fix", meta.docs.how_to_fix),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty `{section}`", meta.id);
        }
        assert!(
            !meta.summary.is_empty() && meta.summary.ends_with('.'),
            "{}",
            meta.id
        );
    }
    // Messages start lowercase and do not end with a period, like rustc's.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for rule in std::fs::read_dir(folder).unwrap() {
        for file in std::fs::read_dir(rule.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for d in Linter::new().lint(&text).diagnostics {
                assert!(
                    d.message.starts_with(|c: char| !c.is_uppercase()),
                    "{}: {}",
                    path.display(),
                    d.message
                );
                assert!(
                    !d.message.ends_with('.'),
                    "{}: {}",
                    path.display(),
                    d.message
                );
                if let Some(help) = &d.help {
                    assert!(
                        !help.ends_with('.'),
                        "{}: help ends with a period",
                        path.display()
                    );
                }
            }
        }
    }
}

/// `missing-primary-output` points at the role, not at the employer's blurb:
/// at the explicit title when there is one, else at the first block of the
/// role's own description.
#[test]
fn missing_primary_output_points_at_the_title_or_the_role_description() {
    let linter = only("missing-primary-output");
    let body = "About us\nA fictional bakery chain with forty shops.\n\n\
                About the role\nWe want a data scientist who is curious.\n\n\
                Requirements\n- Python and SQL\n- Statistics\n";
    let findings = |title: &str| {
        let found: Vec<_> = linter
            .lint_posting(title, body)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "missing-primary-output")
            .collect();
        assert_eq!(found.len(), 1, "{title:?}");
        found
    };
    let found = findings("Data Scientist");
    assert_eq!(found[0].origin, jdlint::Origin::Title);
    assert_eq!(found[0].span, jdlint::Span::new(0, "Data Scientist".len()));

    let found = findings("");
    assert_eq!(found[0].origin, jdlint::Origin::Text);
    let at = &body[found[0].span.start..found[0].span.end];
    assert!(at.starts_with("We want a data scientist"), "{at:?}");
}
