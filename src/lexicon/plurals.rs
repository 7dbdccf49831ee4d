//! The `(s)` / `(es)` plural shorthand of pack phrases. Standalone (no crate
//! imports): the build script expands the built-in packs with it too.

/// Expands every `word(s)` / `word(es)` into both forms.
pub fn expand_plurals(phrase: &str) -> Vec<String> {
    // Most phrases have no shorthand: one form, one allocation.
    if !phrase.contains('(') {
        return vec![phrase.to_owned()];
    }
    let mut forms = vec![String::new()];
    for (i, word) in phrase.split(' ').enumerate() {
        let (stem, suffix) = if let Some(stem) = word.strip_suffix("(s)") {
            (stem, Some("s"))
        } else if let Some(stem) = word.strip_suffix("(es)") {
            (stem, Some("es"))
        } else {
            (word, None)
        };
        let separator = if i == 0 { "" } else { " " };
        forms = forms
            .into_iter()
            .flat_map(|form| {
                let base = format!("{form}{separator}{stem}");
                match suffix {
                    Some(suffix) => vec![base.clone(), format!("{base}{suffix}")],
                    None => vec![base],
                }
            })
            .collect();
    }
    forms
}
