//! Snapshot-test your own lint pack and rule with insta, the way jdlint tests
//! its own: lint a posting you wrote with only your rule enabled, and compare
//! the rendered diagnostics with a reviewed snapshot. Copy this into your
//! `tests/` folder and use `insta::assert_snapshot!` there.
//!
//! Run: `cargo run --example snapshot_pack` (fails when the output changes).

use jdlint::render::{HumanOptions, human};
use jdlint::rules::{Category, LintContext, Rule, RuleDocs, RuleMeta};
use jdlint::{Config, Diagnostic, Linter, Severity};

const PACK: &str = r#"
[pack]
name = "hype"
[[group]]
kind = "hype"
phrases = ["rockstar", "ninja", "crush it"]
"#;

/// Flags every phrase of the `hype` pack.
struct Hype;

static META: RuleMeta = RuleMeta {
    id: "hype-words",
    category: Category::Custom,
    default_severity: Severity::Warning,
    summary: "Hype words that say nothing about the job.",
    docs: RuleDocs {
        what_it_does: "Flags phrases of the `hype` pack.",
        why_it_matters: "Hype words put off experienced candidates.",
        example: "We want a rockstar who can crush it.",
        how_to_fix: "Say what the hire will do.",
    },
};

impl Rule for Hype {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for hit in ctx.document.hits() {
            let entry = ctx.lexicon.entry(hit.entry);
            if entry.group.kind == "hype" {
                out.push(
                    Diagnostic::new(
                        META.id,
                        hit.span,
                        format!("`{}` is a hype word", entry.phrase),
                    )
                    .with_help("say what the hire will do instead"),
                );
            }
        }
    }
}

pub fn main() {
    // Only the custom rule: other rules' findings would make the snapshot noisy.
    let mut config = Config::new();
    for (meta, _) in Linter::new().rules() {
        config = config.with_rule(meta.id, Severity::Allow);
    }
    let linter = Linter::builder()
        .pack_from_str("hype.toml", PACK)
        .unwrap()
        .rule(Hype)
        .config(config)
        .build()
        .unwrap();
    let posting = "Data Scientist\n\nWe want a rockstar who can crush it.\n";
    let report = linter.lint(posting);
    let rendered = human("posting.txt", posting, &report, HumanOptions::default());
    insta::assert_snapshot!(rendered, @r"
    warning[hype-words]: `rockstar` is a hype word
     --> posting.txt:3:11
      |
    3 | We want a rockstar who can crush it.
      |           ^^^^^^^^
      |
      = help: say what the hire will do instead

    warning[hype-words]: `crush it` is a hype word
     --> posting.txt:3:28
      |
    3 | We want a rockstar who can crush it.
      |                            ^^^^^^^^
      |
      = help: say what the hire will do instead
    ");
    println!("{rendered}");
}
