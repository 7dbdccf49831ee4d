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

/// The full lint of one posting of ours repeated 1, 10 and 100 times, of
/// postings of distinct phrases at three sizes, and of the corpus read as
/// one document at 1%, 10% and 100%: the cost must grow linearly with the
/// size. Repeating a posting repeats its evidence; the distinct inputs are
/// the ones on which a pass that compares each piece of evidence with the
/// others would grow faster than the text.
fn scaling(c: &mut Criterion) {
    let linter = Linter::new();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    let mut inputs: Vec<(String, String)> = Vec::new();
    if let Some(posting) = own_postings().into_iter().next() {
        for times in [1usize, 10, 100] {
            inputs.push((format!("lint-{times}x"), posting.repeat(times)));
        }
    }
    for phrases in [80usize, 800, 8000] {
        inputs.push((
            format!("distinct-{phrases}"),
            lexicon_sweep(&linter, phrases),
        ));
    }
    let whole = corpus().concat();
    if !whole.is_empty() {
        for percent in [1usize, 10, 100] {
            let mut end = whole.len() * percent / 100;
            while !whole.is_char_boundary(end) {
                end -= 1;
            }
            inputs.push((format!("corpus-{percent}pct"), whole[..end].to_owned()));
        }
    }
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| linter.lint(black_box(text)).diagnostics.len())
        });
    }
    group.finish();
    // The rustc-style rendering of the same reports, which the CLI prints.
    let mut group = c.benchmark_group("scaling-render");
    group.sample_size(10);
    for (name, text) in inputs.iter().filter(|(name, _)| !name.starts_with("lint-")) {
        let report = linter.lint(text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                jdlint::render::human("posting.txt", black_box(text), &report, Default::default())
                    .len()
            })
        });
    }
    group.finish();
}

/// A posting of our own making: a title, a duties heading, then one bullet
/// per phrase of the built-in packs, the first `phrases` of them in pack
/// order. Every duty and competency in it is a different one.
fn lexicon_sweep(linter: &Linter, phrases: usize) -> String {
    let mut text = String::from("Data Scientist\n\nWhat you will do\n");
    for phrase in linter
        .lexicon()
        .groups()
        .flat_map(|(_, group)| group.phrases.iter())
        .take(phrases)
    {
        text.push_str("- Every week, ");
        text.push_str(phrase.trim_end_matches('*'));
        text.push_str(" for the product teams.\n");
    }
    text
}

fn build(c: &mut Criterion) {
    c.bench_function("linter-build", |b| {
        b.iter(|| Linter::builder().build().unwrap())
    });
}

criterion_group!(benches, throughput, scaling, build);
criterion_main!(benches);
