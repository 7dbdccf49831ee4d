//! Hostile input: huge, strange or malformed postings lint without panicking
//! and give sane reports (every span on char boundaries inside the input).
//! Time is measured by `cargo bench --bench scaling`, never asserted here.

use jdlint::source::Format;
use jdlint::{Linter, Report};

fn check(name: &str, input: &str, format: Format) -> Report {
    let report = Linter::new().lint_source(input, format);
    for d in &report.diagnostics {
        assert!(
            d.span.text(input).is_some(),
            "{name}: diagnostic span {:?}",
            d.span
        );
        for label in &d.labels {
            assert!(
                label.span.text(input).is_some(),
                "{name}: label span {:?}",
                label.span
            );
        }
        assert!(d.start.line >= 1 && d.start.column >= 1, "{name}");
        assert!(d.start <= d.end, "{name}");
    }
    for evidence in &report.profile.evidence {
        assert!(
            evidence.span.text(input).is_some(),
            "{name}: evidence span {:?}",
            evidence.span
        );
    }
    report
}

const POSTING: &str = "Data Scientist\n\nWhat you'll do\n- Design and analyse A/B experiments on pricing\n- Use causal inference to measure campaign impact\n\nRequirements\n- Statistics, SQL and Python\n";

#[test]
fn a_twenty_megabyte_posting() {
    let body = POSTING.repeat(20 * 1024 * 1024 / POSTING.len());
    let report = check("20MB", &body, Format::Text);
    assert_eq!(report.profile.primary_role, jdlint::Role::DataScientist);
}

/// Every phrase of the built-in packs, each on a bullet of its own: thousands
/// of distinct duties and competencies in one posting (repeating a posting
/// repeats its evidence; this does not). Its rustc-style rendering too.
#[test]
fn every_pack_phrase_in_one_posting() {
    let linter = Linter::new();
    let mut text = String::from("Data Scientist\n\nWhat you will do\n");
    for (_, group) in linter.lexicon().groups() {
        for phrase in &group.phrases {
            text.push_str("- Every week, ");
            text.push_str(phrase.trim_end_matches('*'));
            text.push_str(" for the product teams.\n");
        }
    }
    let report = check("every phrase", &text, Format::Text);
    assert!(
        report.profile.evidence.len() > 1000,
        "{}",
        report.profile.evidence.len()
    );
    let rendered = jdlint::render::human("p.txt", &text, &report, Default::default());
    assert_eq!(
        rendered.matches("-->").count(),
        report.diagnostics.len(),
        "one header per diagnostic"
    );
}

#[test]
fn one_line_of_a_megabyte_without_spaces() {
    let line = "x".repeat(1 << 20);
    check("1MB line", &line, Format::Text);
    let words = "RAG/".repeat(1 << 18);
    check("1MB joined", &words, Format::Text);
}

/// A megabyte line that lists statistics beside machine learning thousands of
/// times: whether each is listed beside a discipline is read from the hits
/// around it, not from its clause back to the line start (that was
/// quadratic: 26 s for this line).
#[test]
fn a_megabyte_line_of_statistics_beside_machine_learning() {
    let item = "machine learning algorithms and statistical techniques, ";
    let line = item.repeat((1 << 20) / item.len());
    let text = format!(
        "Machine Learning Engineer\n\nResponsibilities\n- Deploy the models to production and monitor them for drift\n\nRequirements\n- {line}\n"
    );
    let report = check("1MB statistics", &text, Format::Text);
    assert!(report.profile.evidence.iter().any(|e| e.fundamental));
}

/// A duty whose relative clause runs into a megabyte of commas: the clause
/// reads past the commas of verbs joined before their object ("that will
/// process, store, and expose"), counting each comma's piece once (it
/// recounted the clause from its start at every comma: 154 s for 400 KB).
#[test]
fn a_relative_clause_of_a_megabyte_of_commas() {
    let text = format!(
        "Data Scientist\n\nResponsibilities\n- Build systems that will process{} data\n",
        ",".repeat(1 << 20)
    );
    check("1MB commas", &text, Format::Text);
}

/// Duty lines with multi-byte separators between the words of a thing
/// ("tools and “smart” capabilities that ..."): word offsets were counted
/// one byte per separator, and a slice between two words panicked.
#[test]
fn multi_byte_separators_in_duty_lines() {
    for duty in [
        "Build tools and \u{201c}smart\u{201d} capabilities that assist with data ingestion",
        "Build pipelines and \u{2014} tools \u{2014} \u{2014} that will process, store and expose data",
        "Develop systems \u{2014}\u{2014} that will \u{2014} process \u{2014}, store",
    ] {
        let text = format!("Data Scientist\n\nResponsibilities\n- {duty}\n");
        check(duty, &text, Format::Text);
    }
}

/// Run-in headings a scrape left before the first duty ("Responsibilities
/// Build ..."), beside multi-byte separators, a megabyte of repeated
/// headings and a long run of commas and dashes after an introductory phrase
/// before "own": each is read once, sliced on char boundaries.
#[test]
fn run_in_headings_and_introductory_phrases() {
    for duty in [
        "Responsibilities\u{2014}Build the churn models used by the retention team",
        "Key\u{00a0}Responsibilities Build the churn models",
        "Responsibilities \u{201c}Build\u{201d} the churn models",
        "Key Responsibilities \u{00c9}tablir les mod\u{00e8}les",
        "Duties \u{2022} Own the pricing model",
        "Key Responsibilities",
        "Key ",
        "In partnership with the team,\u{2014}, own the pricing model",
        "In close collaboration with \u{201c}ops\u{201d}, own",
    ] {
        let text = format!("Data Scientist\n\nThe team is hiring. {duty}\n");
        check(duty, &text, Format::Text);
    }
    let headings = "Key Responsibilities ".repeat(1 << 16);
    check(
        "repeated run-in headings",
        &format!("Data Scientist\n\nThe team is hiring. {headings}Build the churn models\n"),
        Format::Text,
    );
    let commas = ",\u{2014}".repeat(1 << 18);
    check(
        "commas after an introductory phrase",
        &format!(
            "Data Scientist\n\nIn collaboration with the team{commas} own the pricing model\n"
        ),
        Format::Text,
    );
}

#[test]
fn unusual_scripts_and_characters() {
    let cases = [
        ("emoji", "🚀🤖🧠".repeat(10_000)),
        (
            "rtl",
            "مهندس تعلم الآلة\n\nבניית מודלים ופריסתם\u{202e}Data Scientist\u{202c}\n".repeat(500),
        ),
        (
            "combining",
            "Data Scientist\n\nDe\u{301}ploy mo\u{308}dels to production\u{20dd}\n".repeat(500),
        ),
        (
            "zwj",
            "AI\u{200d}/ML\u{200d} Engineer\n\n👩\u{200d}💻 build RAG\u{200b} pipelines\n"
                .repeat(500),
        ),
        (
            "controls",
            "AI/ML Engineer\0\u{1}\u{7}\u{1b}[31m\n\n- deploy\u{0}models\u{c}\n".repeat(500),
        ),
        (
            "crlf",
            "AI/ML Engineer\r\n\r\nWhat you'll do\r\n- Deploy models to production\r\n".repeat(500),
        ),
        (
            "lone cr",
            "AI/ML Engineer\r\rWhat you'll do\r- Deploy models to production\r".repeat(500),
        ),
        (
            "headings",
            "Responsibilities\nRequirements:\nBENEFITS\n## About us\n".repeat(5_000),
        ),
        (
            "bullets",
            format!(
                "ML Engineer\n\n{}",
                "- Deploy models to production\n".repeat(100_000)
            ),
        ),
    ];
    for (name, text) in &cases {
        check(name, text, Format::Text);
        check(name, text, Format::Markdown);
    }
}

#[test]
fn malformed_and_deep_markup() {
    let deep_html = format!(
        "{}AI/ML Engineer{}",
        "<div><ul><li>".repeat(5_000),
        "</li></ul></div>".repeat(5_000)
    );
    check("deep html", &deep_html, Format::Html);
    let unclosed =
        "<h1>AI/ML Engineer<ul><li>Deploy models<li>Build RAG<p>unclosed <b>bold <i>".repeat(2_000);
    check("unclosed html", &unclosed, Format::Html);
    let quotes = format!("{}AI/ML Engineer\n", "> ".repeat(10_000));
    check("nested quotes", &quotes, Format::Markdown);
    let lists = format!("{}- deploy models\n", "  ".repeat(5_000));
    check("deep list", &lists, Format::Markdown);
    let entities = "&amp;&#x1F680;&bogus;&#99999999;&".repeat(5_000);
    check("entities", &entities, Format::Html);
}
