//! `jdlint eval`: accuracy of the role classifier and precision/recall of
//! the rules against hand labels.
//!
//! The labels are a TSV with a header naming at least `id`, `title_role` and
//! `primary_role` (values `DS`, `MLE`, `AIE`, `OTHER`, and `AMBIGUOUS` for a
//! title), and optionally `mixed`, `primary_output` and `wrong_role_comp`
//! (`yes`/`no`/`n/a`). Each id is read from `<postings>/<id>.txt`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use jdlint::{Linter, Report, Role, TitleRole};

const ROLE_CODES: [&str; 5] = ["DS", "MLE", "AIE", "OTHER", "AMBIGUOUS"];

fn title_code(role: TitleRole) -> &'static str {
    match role {
        TitleRole::DataScientist => "DS",
        TitleRole::MlEngineer => "MLE",
        TitleRole::AiEngineer => "AIE",
        TitleRole::Other => "OTHER",
        TitleRole::Ambiguous => "AMBIGUOUS",
    }
}

fn role_code(role: Role) -> &'static str {
    title_code(TitleRole::from(role))
}

/// A rule measured against a label column.
struct RuleCheck {
    rule: &'static str,
    column: &'static str,
    /// From the row, whether the rule should fire (`None`: the row does not count).
    expected: fn(&Row) -> Option<bool>,
}

struct Row {
    id: String,
    fields: BTreeMap<String, String>,
}

impl Row {
    fn get(&self, column: &str) -> Option<&str> {
        self.fields.get(column).map(|s| s.trim())
    }
}

fn yes_no(value: Option<&str>) -> Option<bool> {
    match value?.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Some(true),
        "no" | "n" | "false" => Some(false),
        _ => None,
    }
}

const RULE_CHECKS: &[RuleCheck] = &[
    RuleCheck {
        rule: "mixed-role-responsibilities",
        column: "mixed",
        expected: |row| yes_no(row.get("mixed")),
    },
    RuleCheck {
        rule: "missing-primary-output",
        column: "primary_output",
        expected: |row| yes_no(row.get("primary_output")).map(|stated| !stated),
    },
    RuleCheck {
        rule: "wrong-role-competencies",
        column: "wrong_role_comp",
        expected: |row| yes_no(row.get("wrong_role_comp")),
    },
    RuleCheck {
        rule: "title-role-mismatch",
        column: "title_role != primary_role",
        expected: |row| {
            let title = row.get("title_role")?;
            let primary = row.get("primary_role")?;
            matches!(title, "DS" | "MLE" | "AIE").then(|| title != primary)
        },
    },
];

pub fn run(linter: &Linter, labels: &str, postings: &str, min_primary: Option<f64>) -> ExitCode {
    let text = match std::fs::read_to_string(labels) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("error: {labels}: cannot read labels: {err}");
            return ExitCode::from(2);
        }
    };
    let rows = match parse(&text) {
        Ok(rows) => rows,
        Err(message) => {
            eprintln!("error: {labels}: {message}");
            return ExitCode::from(2);
        }
    };
    let mut reports: Vec<(Row, Report)> = Vec::new();
    let mut missing = 0;
    for row in rows {
        let path = Path::new(postings).join(format!("{}.txt", row.id));
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let report = linter.lint(&text);
                reports.push((row, report));
            }
            Err(err) => {
                eprintln!("error: {}: {err}", path.display());
                missing += 1;
            }
        }
    }
    let mut out = String::new();
    out.push_str(&format!(
        "{} labelled postings ({} unreadable)\n\n",
        reports.len(),
        missing
    ));

    let title_accuracy = confusion(
        &mut out,
        "title_role",
        &reports,
        |row| row.get("title_role").map(str::to_owned),
        |report| title_code(report.profile.title_role).to_owned(),
    );
    let primary_accuracy = confusion(
        &mut out,
        "primary_role",
        &reports,
        |row| row.get("primary_role").map(str::to_owned),
        |report| role_code(report.profile.primary_role).to_owned(),
    );
    // What the title alone would say about the primary role.
    let title_only = reports
        .iter()
        .filter(|(row, _)| row.get("primary_role").is_some())
        .filter(|(row, report)| {
            let guess = report.profile.title_role.role().unwrap_or(Role::Other);
            row.get("primary_role") == Some(role_code(guess))
        })
        .count() as f64
        / reports.len().max(1) as f64;
    out.push_str(&format!(
        "primary_role from the title alone: {:.1}% (the body adds {:+.1} points)\n\n",
        title_only * 100.0,
        (primary_accuracy - title_only) * 100.0
    ));
    let _ = title_accuracy;

    let implemented: Vec<&str> = linter.rules().map(|(meta, _)| meta.id).collect();
    out.push_str("rule                          label column                 P      R      F1     (tp fp fn, rows)  95% intervals: P, R\n");
    let mut misses = String::new();
    for check in RULE_CHECKS {
        if !implemented.contains(&check.rule) {
            out.push_str(&format!(
                "{:<29} {:<28} not implemented yet\n",
                check.rule, check.column
            ));
            continue;
        }
        let (mut tp, mut fp, mut fn_, mut rows) = (0, 0, 0, 0);
        let mut false_positives = Vec::new();
        let mut false_negatives = Vec::new();
        for (row, report) in &reports {
            let Some(expected) = (check.expected)(row) else {
                continue;
            };
            rows += 1;
            let fired = report.by_rule(check.rule).next().is_some();
            match (expected, fired) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    false_positives.push(row.id.as_str());
                }
                (true, false) => {
                    fn_ += 1;
                    false_negatives.push(row.id.as_str());
                }
                (false, false) => {}
            }
        }
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let ((p_low, p_high), (r_low, r_high)) = (wilson(tp, tp + fp), wilson(tp, tp + fn_));
        out.push_str(&format!(
            "{:<29} {:<28} {precision:.3}  {recall:.3}  {f1:.3}  ({tp} {fp} {fn_}, {rows})  {p_low:.2}-{p_high:.2}, {r_low:.2}-{r_high:.2}\n",
            check.rule, check.column
        ));
        misses.push_str(&format!(
            "{}: false positives: {}\n{}: false negatives: {}\n",
            check.rule,
            false_positives.join(" "),
            check.rule,
            false_negatives.join(" ")
        ));
    }
    out.push('\n');
    out.push_str(&misses);
    print!("{out}");
    match min_primary {
        Some(floor) if primary_accuracy < floor => {
            eprintln!(
                "error: primary_role accuracy {:.1}% is below the floor {:.1}%",
                primary_accuracy * 100.0,
                floor * 100.0
            );
            ExitCode::from(1)
        }
        _ if missing > 0 => ExitCode::from(2),
        _ => ExitCode::SUCCESS,
    }
}

/// The Wilson score interval (95%) of a proportion of `hits` in `n`: how far
/// a figure measured on a few hundred labels may be from the rate on
/// postings like them. `(0, 1)` when there is nothing to measure.
fn wilson(hits: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    const Z: f64 = 1.959_964;
    let (p, n) = (hits as f64 / n as f64, n as f64);
    let centre = p + Z * Z / (2.0 * n);
    let spread = Z * (p * (1.0 - p) / n + Z * Z / (4.0 * n * n)).sqrt();
    let scale = 1.0 + Z * Z / n;
    (
        ((centre - spread) / scale).max(0.0),
        ((centre + spread) / scale).min(1.0),
    )
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn parse(text: &str) -> Result<Vec<Row>, String> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<&str> = lines
        .next()
        .ok_or("the file is empty: expected a header line")?
        .split('\t')
        .map(str::trim)
        .collect();
    for required in ["id", "title_role", "primary_role"] {
        if !header.contains(&required) {
            return Err(format!(
                "the header has no `{required}` column (columns are tab-separated)"
            ));
        }
    }
    let mut rows = Vec::new();
    for (number, line) in lines.enumerate() {
        let values: Vec<&str> = line.split('\t').collect();
        if values.len() < header.len().min(3) {
            return Err(format!(
                "line {}: expected {} tab-separated columns",
                number + 2,
                header.len()
            ));
        }
        let fields: BTreeMap<String, String> = header
            .iter()
            .zip(&values)
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let id = fields.get("id").cloned().unwrap_or_default();
        rows.push(Row { id, fields });
    }
    Ok(rows)
}

/// Prints accuracy, a confusion matrix and the misses; returns the accuracy.
fn confusion(
    out: &mut String,
    name: &str,
    reports: &[(Row, Report)],
    label: impl Fn(&Row) -> Option<String>,
    predict: impl Fn(&Report) -> String,
) -> f64 {
    let mut matrix: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut correct = 0;
    let mut total = 0;
    let mut misses = Vec::new();
    for (row, report) in reports {
        let Some(expected) = label(row) else { continue };
        let predicted = predict(report);
        total += 1;
        if expected == predicted {
            correct += 1;
        } else {
            misses.push(format!("{}({expected}->{predicted})", row.id));
        }
        *matrix.entry((expected, predicted)).or_default() += 1;
    }
    let accuracy = ratio(correct, total);
    let (low, high) = wilson(correct, total);
    out.push_str(&format!(
        "{name}: accuracy {:.1}% ({correct}/{total}; 95% interval {:.1}-{:.1}%)\n  label \\ predicted",
        accuracy * 100.0,
        low * 100.0,
        high * 100.0
    ));
    let codes: Vec<&str> = ROLE_CODES
        .iter()
        .copied()
        .filter(|code| matrix.keys().any(|(e, p)| e == code || p == code))
        .collect();
    for code in &codes {
        out.push_str(&format!(" {code:>9}"));
    }
    out.push('\n');
    for expected in &codes {
        out.push_str(&format!("  {expected:<17}"));
        for predicted in &codes {
            let n = matrix
                .get(&((*expected).to_owned(), (*predicted).to_owned()))
                .copied()
                .unwrap_or(0);
            out.push_str(&format!(" {n:>9}"));
        }
        out.push('\n');
    }
    out.push_str(&format!("  misses: {}\n\n", misses.join(" ")));
    accuracy
}

#[cfg(test)]
mod tests {
    use super::wilson;

    #[test]
    fn wilson_interval_matches_the_textbook_figures() {
        // 81 of 100: 72.2% to 87.5% (Wilson, 95%).
        let (low, high) = wilson(81, 100);
        assert!((low - 0.7222).abs() < 1e-3, "{low}");
        assert!((high - 0.8749).abs() < 1e-3, "{high}");
        // The interval stays inside [0, 1] at the edges and narrows with n.
        let (low, high) = wilson(0, 10);
        assert_eq!(low, 0.0);
        assert!(high > 0.25 && high < 0.35, "{high}");
        let (low, high) = wilson(10, 10);
        assert!(low > 0.65 && low < 0.75, "{low}");
        assert!((high - 1.0).abs() < 1e-12, "{high}");
        let narrow = wilson(800, 1000);
        let wide = wilson(80, 100);
        assert!(narrow.1 - narrow.0 < wide.1 - wide.0);
        assert_eq!(wilson(0, 0), (0.0, 1.0));
    }
}
