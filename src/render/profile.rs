//! The role profile for people: a bar per role and the strongest evidence.

use crate::document::LineIndex;
use crate::roles::{Role, RoleProfile};

/// Renders `profile` as text: title and primary role, each role's share as a
/// bar, and the three strongest pieces of evidence per role with their line
/// and column in `text`.
///
/// ```
/// let text = "ML Engineer\n\nWhat you'll do\n- Deploy models to production and monitor drift\n";
/// let report = jdlint::Linter::new().lint(text);
/// let out = jdlint::render::profile("posting.txt", text, &report.profile);
/// assert!(out.contains("primary role: ml-engineer"));
/// ```
#[must_use]
pub fn profile(path: &str, text: &str, profile: &RoleProfile) -> String {
    const BAR: usize = 30;
    let mut out = format!(
        "{path}\n  title role:   {}\n  primary role: {} (confidence {:.2})\n",
        profile.title_role, profile.primary_role, profile.confidence
    );
    for role in Role::ALL {
        let score = profile.scores.get(role);
        let filled = ((score.share * BAR as f32).round() as usize).min(BAR);
        out.push_str(&format!(
            "  {:<15} {}{} {:>5.1}% ({:.1})\n",
            role.as_str(),
            "█".repeat(filled),
            "·".repeat(BAR - filled),
            score.share * 100.0,
            score.score
        ));
    }
    let lines = LineIndex::new(text);
    for role in Role::ALL {
        let mut strongest: Vec<_> = profile.evidence_for(role).collect();
        strongest.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.span.cmp(&b.span)));
        for evidence in strongest.iter().take(3) {
            let at = lines.line_col(text, evidence.span.start);
            out.push_str(&format!(
                "    {:<15} {:>4.2}  {}:{}  {:?} ({}, {})\n",
                role.as_str(),
                evidence.weight,
                at.line,
                at.column,
                evidence.span.text(text).unwrap_or_default(),
                evidence.kind,
                evidence.section.as_str()
            ));
        }
    }
    out
}
