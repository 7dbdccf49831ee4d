//! The crate's error type.

use thiserror::Error;

/// Everything that can go wrong while building a [`Linter`](crate::Linter) or
/// reading configuration. Linting itself never fails.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// A lint pack could not be parsed or is invalid.
    #[error("lint pack `{pack}`, line {line}: {message}")]
    Pack {
        /// The pack's name (as given to the builder, or its file name).
        pack: String,
        /// 1-based line of the problem in the pack's text.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A pack's own test case failed: the phrases it says must match did not.
    #[error("lint pack `{pack}`, case {case}: expected hits {expected:?}, found {found:?}")]
    PackCase {
        /// The pack's name.
        pack: String,
        /// The case's 1-based position in the pack.
        case: usize,
        /// Phrases the case lists.
        expected: Vec<String>,
        /// Phrases that matched.
        found: Vec<String>,
    },
    /// The configuration names a rule that does not exist.
    #[error("unknown rule `{name}`{}", suggestion_suffix(.suggestion))]
    UnknownRule {
        /// The name as written.
        name: String,
        /// The closest known rule id, if one is close.
        suggestion: Option<String>,
    },
    /// Two rules share an id.
    #[error("two rules are registered with the id `{0}`; rule ids must be unique")]
    DuplicateRule(String),
    /// A rule id is not kebab-case.
    #[error("rule id `{0}` is not kebab-case (lowercase ASCII words joined by `-`)")]
    InvalidRuleId(String),
    /// A severity name is not one of allow, info, warning, error.
    #[error("unknown severity `{0}`: use one of allow, info, warning, error")]
    UnknownSeverity(String),
    /// The configuration text is not valid.
    #[error("configuration: {0}")]
    Config(String),
}

fn suggestion_suffix(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(name) => format!(": did you mean `{name}`?"),
        None => String::new(),
    }
}

/// Shorthand for results with [`enum@Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The candidate closest to `name` by edit distance, when it is close enough
/// to be a likely typo.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(2))
        .min()
        .map(|(_, candidate)| candidate.to_owned())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_rejects_strangers() {
        let names = ["ambiguous-role-title", "missing-primary-output"];
        assert_eq!(
            closest("ambigous-role-title", names).as_deref(),
            Some("ambiguous-role-title")
        );
        assert_eq!(closest("salary", names), None);
    }
}
