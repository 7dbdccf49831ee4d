//! Lints every posting of `../shared/corpus` (when that folder exists beside
//! the checkout) and checks that nothing panics and every span round-trips.

use std::path::Path;

use jdlint::Linter;

#[test]
fn every_corpus_posting_lints_with_spans_that_round_trip() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    };
    let linter = Linter::new();
    let mut postings = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let report = linter.lint(&text);
        postings += 1;
        let spans = report
            .diagnostics
            .iter()
            .flat_map(|d| std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)))
            .chain(report.profile.evidence.iter().map(|e| e.span));
        for span in spans {
            assert!(
                span.text(&text).is_some(),
                "{}: span {span:?} does not round-trip",
                path.display()
            );
        }
        let json = serde_json::to_string(&report).unwrap();
        let back: jdlint::Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back.diagnostics, report.diagnostics, "{}", path.display());
    }
    assert!(
        postings > 2000,
        "expected the whole corpus, linted {postings}"
    );
}
