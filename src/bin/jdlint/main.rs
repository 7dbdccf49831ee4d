//! The `jdlint` command line: lint postings, list and explain rules,
//! classify postings by role, evaluate against labels.

mod eval;
mod inputs;
mod settings;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jdlint::render::{FileReport, HumanOptions, JsonOutput, Summary};
use jdlint::{Linter, Report, Severity};
use rayon::prelude::*;

use crate::inputs::{InputMode, Posting};
use crate::settings::{Linters, Overrides};

const EXAMPLES: &str = "\
Examples:
  jdlint check posting.txt                 lint one posting
  jdlint check postings/ --format json     lint a folder, JSON for other tools
  cat posting.txt | jdlint check -         lint stdin
  jdlint check feed.jsonl --format jsonl   lint a feed of postings, one result line each
  jdlint check postings/ --format sarif > jdlint.sarif
  jdlint check posting.txt --deny mixed-role-responsibilities --allow missing-primary-output
  jdlint classify posting.txt              which role does it describe, and why
  jdlint explain mixed-role-responsibilities";

/// Lints job postings for data and AI roles: mixed roles, missing primary
/// output, wrong-role competencies, ambiguous titles.
#[derive(Parser)]
#[command(name = "jdlint", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct InputArgs {
    /// Files or folders (searched for .txt, .md, .html, .json, .jsonl); `-` or nothing reads stdin.
    paths: Vec<String>,
    /// Name to show for stdin.
    #[arg(long, default_value = "-")]
    stdin_filename: String,
    /// How to read inputs.
    #[arg(long, value_enum, default_value_t = InputMode::Auto)]
    input: InputMode,
}

#[derive(Args)]
struct ConfigArgs {
    /// Configuration file (default: the nearest jdlint.toml above each posting).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore jdlint.toml files.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Set a rule or category to `error`.
    #[arg(long, value_name = "RULE")]
    deny: Vec<String>,
    /// Set a rule or category to `warning`.
    #[arg(long, value_name = "RULE")]
    warn: Vec<String>,
    /// Turn a rule or category off.
    #[arg(long, value_name = "RULE")]
    allow: Vec<String>,
    /// The date the postings were published (YYYY-MM-DD), for rules that depend on time.
    #[arg(long, value_name = "DATE")]
    posting_date: Option<jdlint::facts::Date>,
}

#[derive(Subcommand)]
enum Command {
    /// Lint postings.
    Check {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        config: ConfigArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Report `<!-- jdlint-disable -->` comments that suppress nothing.
        #[arg(long)]
        report_unused_disables: bool,
    },
    /// Print which role each posting describes, with the evidence.
    Classify {
        #[command(flatten)]
        input: InputArgs,
        /// Output format (human or json).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List the rules: id, category, default level, summary.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule id, e.g. `ambiguous-role-title`.
        rule: String,
    },
    /// Measure the classifier and rules against hand labels (a TSV with
    /// `id`, `title_role`, `primary_role`, and optionally `mixed`,
    /// `primary_output`, `wrong_role_comp` columns).
    Eval {
        /// The labels file.
        labels: String,
        /// Folder holding `<id>.txt` for every labelled id.
        #[arg(long)]
        postings: String,
        /// Fail (exit 1) when primary-role accuracy is below this fraction.
        #[arg(long)]
        min_primary_accuracy: Option<f64>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style snippets (colour on a terminal, unless NO_COLOR is set).
    Human,
    /// One JSON document for the run.
    Json,
    /// One JSON line per posting.
    Jsonl,
    /// SARIF 2.1.0 for code-scanning viewers.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            input,
            config,
            format,
            report_unused_disables,
        } => check(&input, config, format, report_unused_disables),
        Command::Classify { input, format } => classify(&input, format),
        Command::Rules => {
            let linter = Linter::new();
            let width = linter.rules().map(|(m, _)| m.id.len()).max().unwrap_or(4);
            let mut out = format!(
                "{:<width$} {:<10} {:<8} {}\n",
                "RULE", "CATEGORY", "LEVEL", "SUMMARY"
            );
            for (meta, _) in linter.rules() {
                out.push_str(&format!(
                    "{:<width$} {:<10} {:<8} {}\n",
                    meta.id,
                    meta.category.as_str(),
                    meta.default_severity.as_str(),
                    meta.summary
                ));
            }
            print(&out)
        }
        Command::Explain { rule } => {
            let linter = Linter::new();
            match linter.rule(&rule) {
                Some(meta) => print(&meta.explain()),
                None => {
                    let known: Vec<&str> = linter.rules().map(|(m, _)| m.id).collect();
                    eprintln!(
                        "error: unknown rule `{rule}`; known rules: {}",
                        known.join(", ")
                    );
                    ExitCode::from(2)
                }
            }
        }
        Command::Eval {
            labels,
            postings,
            min_primary_accuracy,
        } => eval::run(&Linter::new(), &labels, &postings, min_primary_accuracy),
    }
}

fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`jdlint rules | head`) is not an error worth a panic.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    ExitCode::SUCCESS
}

fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn lint_one(linter: &Linter, posting: &Posting) -> Report {
    linter.check(&jdlint::Posting {
        text: &posting.text,
        title: posting.title.as_deref(),
        format: posting.format,
        date: posting.date,
    })
}

/// Lints in parallel, keeping input order; a progress bar on stderr for
/// large batches when stderr is a terminal.
fn lint_all(postings: &[Posting], linters: &[Linter]) -> Vec<Report> {
    let progress = (postings.len() >= 200 && std::io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(postings.len() as u64));
    let reports = postings
        .par_iter()
        .zip(linters.par_iter())
        .map(|(posting, linter)| {
            let report = lint_one(linter, posting);
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            report
        })
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    reports
}

fn report_input_errors(errors: &[inputs::InputError]) {
    for error in errors {
        eprintln!("error: {}: {}", error.path, error.message);
    }
}

/// Postings per chunk when streaming a feed: enough to keep both cores busy,
/// small enough that memory stays bounded whatever the feed's length.
const STREAM_CHUNK: usize = 256;

fn check(input: &InputArgs, config: ConfigArgs, format: Format, report_unused: bool) -> ExitCode {
    let started = Instant::now();
    let mut linters = Linters::new(Overrides {
        config: config.config,
        no_config: config.no_config,
        deny: config.deny,
        warn: config.warn,
        allow: config.allow,
        posting_date: config.posting_date,
    });
    let feeds_only = input.input == InputMode::Jsonl
        || (input.input == InputMode::Auto
            && !input.paths.is_empty()
            && input
                .paths
                .iter()
                .all(|p| p.to_ascii_lowercase().ends_with(".jsonl")));
    if format == Format::Jsonl && feeds_only {
        return stream(input, &mut linters, started);
    }
    let (postings, errors) = inputs::read_all(&input.paths, &input.stdin_filename, input.input);
    report_input_errors(&errors);
    let mut chosen = Vec::with_capacity(postings.len());
    for posting in &postings {
        match linters.for_file(posting.file.as_deref()) {
            Ok(linter) => chosen.push(linter),
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
            }
        }
    }
    let reports = lint_all(&postings, &chosen);
    let mut files: Vec<FileReport> = Vec::with_capacity(reports.len());
    let mut out = String::new();
    let color = use_color();
    let mut unused = 0;
    for (posting, report) in postings.iter().zip(reports) {
        if report_unused {
            for suppression in &report.unused_suppressions {
                unused += 1;
                eprintln!(
                    "warning: {}:{}: this suppression comment suppresses nothing",
                    posting.path, suppression.line
                );
            }
        }
        if format == Format::Human {
            out.push_str(&jdlint::render::human(
                &posting.path,
                &posting.text,
                &report,
                HumanOptions { color },
            ));
        }
        let mut file = FileReport::new(posting.path.clone(), report);
        file.id = posting.id.clone();
        files.push(file);
    }
    let has_errors = files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .any(|d| d.severity == Severity::Error);
    let output = JsonOutput::new(files);
    let summary = output.summary;
    match format {
        Format::Human => {}
        Format::Json => out = output.to_json() + "\n",
        Format::Jsonl => {
            for file in &output.files {
                out.push_str(&serde_json::to_string(file).expect("reports serialize"));
                out.push('\n');
            }
        }
        Format::Sarif => {
            let rules: Vec<_> = Linter::new().rules().map(|(meta, _)| *meta).collect();
            out = jdlint::render::sarif(&output.files, &rules) + "\n";
        }
        Format::Github => out = jdlint::render::github(&output.files),
    }
    print(&out);
    let mut line = summary_line(&summary, started, errors.len());
    if report_unused {
        line.push_str(&format!(", {unused} unused suppression(s)"));
    }
    if format == Format::Human {
        print(&(line + "\n"));
    } else {
        eprintln!("{line}");
    }
    exit_code(!errors.is_empty(), has_errors)
}

/// `--format jsonl` over feeds: read, lint and write chunk by chunk, so a
/// feed of any length runs in bounded memory; results keep input order.
fn stream(input: &InputArgs, linters: &mut Linters, started: Instant) -> ExitCode {
    let mut summary = jdlint::render::Summary::default();
    let mut input_errors = 0usize;
    let mut failure = None;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    inputs::stream_feeds(
        &input.paths,
        &input.stdin_filename,
        STREAM_CHUNK,
        |batch| {
            if failure.is_some() {
                return;
            }
            let mut chosen = Vec::with_capacity(batch.len());
            for posting in &batch {
                match linters.for_file(posting.file.as_deref()) {
                    Ok(linter) => chosen.push(linter),
                    Err(message) => {
                        failure = Some(message);
                        return;
                    }
                }
            }
            let reports = lint_all(&batch, &chosen);
            for (posting, report) in batch.iter().zip(reports) {
                summary.add(&report.diagnostics);
                let mut file = FileReport::new(posting.path.clone(), report);
                file.id = posting.id.clone();
                let line = serde_json::to_string(&file).expect("reports serialize");
                // A closed pipe ends the output, not the process with a panic.
                let _ = writeln!(stdout, "{line}");
            }
            let _ = stdout.flush();
        },
        |error| {
            input_errors += 1;
            eprintln!("error: {}: {}", error.path, error.message);
        },
    );
    drop(stdout);
    if let Some(message) = failure {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    eprintln!("{}", summary_line(&summary, started, input_errors));
    exit_code(input_errors > 0, summary.errors > 0)
}

/// The last line of a check, the same for batch and streamed input.
fn summary_line(summary: &Summary, started: Instant, input_errors: usize) -> String {
    format!(
        "{} posting(s) checked in {:.2}s: {} error(s), {} warning(s), {} info, {} input error(s)",
        summary.files,
        started.elapsed().as_secs_f64(),
        summary.errors,
        summary.warnings,
        summary.infos,
        input_errors
    )
}

fn exit_code(input_failed: bool, has_errors: bool) -> ExitCode {
    if input_failed {
        ExitCode::from(2)
    } else if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn classify(input: &InputArgs, format: Format) -> ExitCode {
    let (postings, errors) = inputs::read_all(&input.paths, &input.stdin_filename, input.input);
    report_input_errors(&errors);
    let linter = Linter::new();
    let linters = vec![linter; postings.len()];
    let reports = lint_all(&postings, &linters);
    let mut out = String::new();
    match format {
        Format::Human => {
            for (posting, report) in postings.iter().zip(&reports) {
                out.push_str(&jdlint::render::profile(
                    &posting.path,
                    &posting.text,
                    &report.profile,
                ));
                out.push('\n');
            }
        }
        _ => {
            let profiles: Vec<_> = postings
                .iter()
                .zip(&reports)
                .map(|(posting, report)| {
                    serde_json::json!({"path": posting.path, "id": posting.id, "title": report.title, "profile": report.profile})
                })
                .collect();
            out = serde_json::to_string_pretty(&serde_json::json!({ "files": profiles }))
                .expect("profiles serialize")
                + "\n";
        }
    }
    print(&out);
    exit_code(!errors.is_empty(), false)
}
