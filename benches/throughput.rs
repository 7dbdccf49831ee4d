//! Throughput in bytes per second: tokenizing, matching, document analysis and
//! the full lint, over postings written for the benchmark and over
//! `../shared/corpus` when it exists. Plus the cost of building a linter.
//!
//! Run: `cargo bench --bench throughput`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jdlint::Linter;
use jdlint::document::{Document, tokenize, tokenize_unicode};

/// Postings of our own (examples/postings), repeated: no corpus text.
fn own_postings() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/postings");
    let mut texts: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    texts
}

fn corpus() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn bench_set(c: &mut Criterion, name: &str, texts: &[String]) {
    if texts.is_empty() {
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let linter = Linter::new();
    let lexicon = linter.lexicon();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokenize(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenize-unicode-only", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokenize_unicode(black_box(t)).len())
                .sum::<usize>()
        })
    });
    // The same automaton walked over the same text, counting matches:
    // nothing else.
    group.bench_function("bare-automaton", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| lexicon.bare_scan(black_box(t)))
                .sum::<usize>()
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| lexicon.find(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("document", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| Document::parse(black_box(t), lexicon).sentences().len())
                .sum::<usize>()
        })
    });
    // The role profile alone (documents, evidence, profile; no rules): what
    // `jdlint classify` costs.
    let classifier = Linter::builder()
        .without_builtin_rules()
        .build()
        .expect("the built-in packs compile");
    group.bench_function("classify", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| classifier.lint(black_box(t)).profile.evidence.len())
                .sum::<usize>()
        })
    });
    group.bench_function("lint", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| linter.lint(black_box(t)).diagnostics.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn throughput(c: &mut Criterion) {
    bench_set(c, "own-postings", &own_postings());
    bench_set(c, "corpus", &corpus());
}

/// The full lint of one posting of ours repeated 1, 10 and 100 times: the
/// cost must grow linearly with the size.
fn scaling(c: &mut Criterion) {
    let Some(posting) = own_postings().into_iter().next() else {
        return;
    };
    let linter = Linter::new();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for times in [1usize, 10, 100] {
        let text = posting.repeat(times);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("lint-{times}x"), |b| {
            b.iter(|| linter.lint(black_box(&text)).diagnostics.len())
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    c.bench_function("linter-build", |b| {
        b.iter(|| Linter::builder().build().unwrap())
    });
}

criterion_group!(benches, throughput, scaling, build);
criterion_main!(benches);
