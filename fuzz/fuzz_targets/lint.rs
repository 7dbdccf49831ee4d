#![no_main]
//! `Linter::lint` and `Linter::lint_posting` over any UTF-8 text.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let linter = jdlint::Linter::new();
    common::check(text, None, &linter.lint(text));
    if let Some((title, body)) = text.split_once('\n') {
        common::check(body, Some(title), &linter.lint_posting(title, body));
    }
});
