#![no_main]
//! `Linter::lint` and `Linter::lint_posting` over any UTF-8 text, and the
//! rustc-style rendering of their reports.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let linter = jdlint::Linter::new();
    let report = linter.lint(text);
    common::check(text, None, &report);
    let _ = jdlint::render::human("posting.txt", text, &report, Default::default());
    if let Some((title, body)) = text.split_once('\n') {
        let report = linter.lint_posting(title, body);
        common::check(body, Some(title), &report);
        let _ = jdlint::render::human("posting.txt", body, &report, Default::default());
    }
});
