//! The `jdlint` command line: lint postings, list and explain rules,
//! classify postings by role, evaluate against labels.

mod eval;
mod inputs;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jdlint::render::{FileReport, HumanOptions, JsonOutput};
use jdlint::{Linter, Severity};

/// Lints job postings for data and AI roles.
#[derive(Parser)]
#[command(name = "jdlint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint postings (files, folders, or stdin when no path is given).
    Check {
        /// Files or folders; `-` or nothing reads stdin.
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Name to show for stdin.
        #[arg(long, default_value = "-")]
        stdin_filename: String,
    },
    /// Print which role each posting describes, with the evidence.
    Classify {
        /// Files or folders; `-` or nothing reads stdin.
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Name to show for stdin.
        #[arg(long, default_value = "-")]
        stdin_filename: String,
    },
    /// List the rules with their category and default severity.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule id, e.g. `ambiguous-role-title`.
        rule: String,
    },
    /// Measure the classifier and rules against hand labels (TSV in the format
    /// of the project's `eval/dev.tsv`).
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
    /// rustc-style snippets.
    Human,
    /// One JSON document for the run.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let linter = Linter::new();
    match cli.command {
        Command::Check {
            paths,
            format,
            stdin_filename,
        } => check(&linter, &paths, format, &stdin_filename),
        Command::Classify {
            paths,
            format,
            stdin_filename,
        } => classify(&linter, &paths, format, &stdin_filename),
        Command::Rules => {
            let mut out = String::new();
            for (meta, severity) in linter.rules() {
                out.push_str(&format!(
                    "{:<28} {:<10} {:<8} {}\n",
                    meta.id, meta.category, severity, meta.summary
                ));
            }
            print(&out)
        }
        Command::Explain { rule } => match linter.rule(&rule) {
            Some(meta) => print(&meta.explain()),
            None => {
                let known: Vec<&str> = linter.rules().map(|(m, _)| m.id).collect();
                eprintln!(
                    "error: unknown rule `{rule}`; known rules: {}",
                    known.join(", ")
                );
                ExitCode::from(2)
            }
        },
        Command::Eval {
            labels,
            postings,
            min_primary_accuracy,
        } => eval::run(&linter, &labels, &postings, min_primary_accuracy),
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

fn check(linter: &Linter, paths: &[String], format: Format, stdin_name: &str) -> ExitCode {
    let (postings, failed) = inputs::read_all(paths, stdin_name);
    let mut files = Vec::with_capacity(postings.len());
    let mut out = String::new();
    let color = use_color();
    for posting in &postings {
        let report = linter.lint(&posting.text);
        if format == Format::Human {
            out.push_str(&jdlint::render::human(
                &posting.path,
                &posting.text,
                &report,
                HumanOptions { color },
            ));
        }
        files.push(FileReport::new(posting.path.clone(), report));
    }
    let output = JsonOutput::new(files);
    match format {
        Format::Json => out = output.to_json() + "\n",
        Format::Human => {
            let s = output.summary;
            out.push_str(&format!(
                "{} posting(s) checked: {} error(s), {} warning(s), {} info\n",
                s.files, s.errors, s.warnings, s.infos
            ));
        }
    }
    print(&out);
    exit_code(
        failed,
        output
            .files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .any(|d| d.severity == Severity::Error),
    )
}

fn exit_code(io_failed: bool, has_errors: bool) -> ExitCode {
    if io_failed {
        ExitCode::from(2)
    } else if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn classify(linter: &Linter, paths: &[String], format: Format, stdin_name: &str) -> ExitCode {
    let (postings, failed) = inputs::read_all(paths, stdin_name);
    let mut out = String::new();
    let mut files = Vec::with_capacity(postings.len());
    for posting in &postings {
        let report = linter.lint(&posting.text);
        if format == Format::Human {
            out.push_str(&jdlint::render::profile(
                &posting.path,
                &posting.text,
                &report.profile,
            ));
            out.push('\n');
        }
        files.push(FileReport::new(posting.path.clone(), report));
    }
    if format == Format::Json {
        let profiles: Vec<_> = files
            .iter()
            .map(|f| serde_json::json!({"path": f.path, "title": f.title, "profile": f.profile}))
            .collect();
        out = serde_json::to_string_pretty(&serde_json::json!({ "files": profiles }))
            .expect("profiles serialize")
            + "\n";
    }
    print(&out);
    exit_code(failed, false)
}
