//! The accuracy rule's edge cases, pinned: where the posting date comes
//! from, a posting date before the release, ranges, written-out numbers and
//! lists of tools.

use jdlint::facts::{Date, TechnologyTable};
use jdlint::{Config, Linter, Posting, Report};

const RULE: &str = "experience-exceeds-technology-age";

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn lint_on(text: &str, posted: &str) -> Report {
    Linter::new().check(&Posting::new(text).date(date(posted)))
}

fn messages(report: &Report) -> Vec<&str> {
    report.by_rule(RULE).map(|d| d.message.as_str()).collect()
}

#[test]
fn the_table_is_big_enough_and_every_entry_has_a_source() {
    let table = TechnologyTable::builtin();
    assert!(table.len() >= 40, "{} technologies", table.len());
    for tech in table.iter() {
        assert!(
            tech.source.starts_with("https://"),
            "{}: {}",
            tech.name,
            tech.source
        );
        assert!(tech.released < date("2026-12-01"), "{}", tech.name);
    }
    for name in ["LangChain", "PyTorch", "Kubernetes", "dbt", "Snowflake"] {
        assert!(table.get(name).is_some(), "{name} is missing");
    }
}

#[test]
fn years_beyond_the_age_fire_and_within_it_do_not() {
    let text = "AI Engineer\n\nRequirements\n- 5+ years of experience with LangChain\n";
    let report = lint_on(text, "2024-06-01");
    let found = messages(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("5+ years of LangChain"), "{}", found[0]);
    let d = report.by_rule(RULE).next().unwrap();
    assert_eq!(&text[d.span.start..d.span.end], "5+ years");
    // Ten years later, five years of LangChain are possible.
    assert!(messages(&lint_on(text, "2034-06-01")).is_empty());
}

#[test]
fn a_posting_date_before_the_release() {
    let text = "AI Engineer\n\n- 1+ year of LangChain\n";
    let found = lint_on(text, "2021-01-01");
    let message = messages(&found)[0];
    assert!(message.contains("after 2021-01-01"), "{message}");
}

#[test]
fn ranges_count_from_their_lower_end() {
    // PyTorch: 2016-10. In mid-2019 it is under three years old.
    let text = "ML Engineer\n\n- 3-5 years of PyTorch\n";
    assert_eq!(messages(&lint_on(text, "2019-06-01")).len(), 1);
    let text = "ML Engineer\n\n- 2-5 years of PyTorch\n";
    assert!(messages(&lint_on(text, "2019-06-01")).is_empty());
}

#[test]
fn written_out_numbers_count() {
    let text = "AI Engineer\n\nYou have five years of experience building with LangChain.\n";
    assert_eq!(messages(&lint_on(text, "2024-06-01")).len(), 1);
    let text = "AI Engineer\n\nYou have five (5) yrs of LangChain.\n";
    assert_eq!(messages(&lint_on(text, "2024-06-01")).len(), 1);
}

#[test]
fn every_tool_of_a_list_is_checked_and_labelled() {
    let text = "AI Engineer\n\n- 4+ years of experience with Python, LangChain, LlamaIndex and Kubernetes\n";
    let report = lint_on(text, "2024-06-01");
    let d = report.by_rule(RULE).next().expect("fires");
    let labelled: Vec<&str> = d
        .labels
        .iter()
        .map(|l| &text[l.span.start..l.span.end])
        .collect();
    assert_eq!(labelled, ["LangChain", "LlamaIndex"]);
}

#[test]
fn years_of_something_else_do_not_count() {
    for text in [
        "AI Engineer\n\n- 8+ years of software engineering experience; familiarity with LangChain\n",
        "AI Engineer\n\n- 8+ years of backend experience. LangChain is a plus.\n",
        "AI Engineer\n\nFor over 10 years we have built products. We use LangChain.\n",
        "AI Engineer\n\n- 6+ years of Python, plus exposure to LangChain\n",
    ] {
        assert!(messages(&lint_on(text, "2024-06-01")).is_empty(), "{text}");
    }
}

#[test]
fn the_posting_date_comes_from_config_then_posting_then_text_then_today() {
    let text = "AI Engineer\nPosted on: March 1, 2023\n\n- 3+ years of LangChain\n";
    // The text's own date: 2023-03-01, LangChain is 0.4 years old.
    let from_text = Linter::new().lint(text);
    assert!(messages(&from_text)[0].contains("2023-03-01, the date the posting was posted"));
    // Metadata wins over the text.
    let from_meta = lint_on(text, "2025-01-01");
    assert!(
        messages(&from_meta)[0].contains("2025-01-01"),
        "{:?}",
        messages(&from_meta)
    );
    // Configuration wins over both.
    let config = Config {
        posting_date: Some(date("2030-01-01")),
        ..Config::new()
    };
    let linter = Linter::builder().config(config).build().unwrap();
    let configured = linter.check(&Posting::new(text).date(date("2025-01-01")));
    assert!(
        messages(&configured).is_empty(),
        "in 2030 LangChain is 7 years old"
    );
    // Nothing said: today.
    let today = Linter::new().lint("AI Engineer\n\n- 30 years of LangChain\n");
    assert!(messages(&today)[0].contains("today"));
}

#[test]
fn an_embedder_can_extend_the_table() {
    let mut table = TechnologyTable::builtin();
    table
        .add(jdlint::facts::Technology {
            name: "Acme Agents".into(),
            phrases: vec!["acme agents".into()],
            released: date("2025-01-15"),
            source: "https://example.com/acme: launch".into(),
            family: None,
        })
        .unwrap();
    let linter = Linter::builder().technologies(table).build().unwrap();
    let report = linter
        .check(&Posting::new("AI Engineer\n\n- 3 years of Acme Agents\n").date(date("2026-01-01")));
    assert_eq!(report.by_rule(RULE).count(), 1);
}
