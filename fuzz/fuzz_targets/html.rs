#![no_main]
//! The HTML front end: spans of the report point into the HTML.

use jdlint::source::Format;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = jdlint::Linter::new().lint_source(text, Format::Html);
    common::check(text, None, &report);
});
