//! Reading postings from paths and stdin, with an error per bad file that
//! names it, while the other files are still read.

use std::io::Read;
use std::path::{Path, PathBuf};

/// A posting read from disk or stdin.
pub struct Posting {
    /// The path as shown to the user.
    pub path: String,
    /// The text, as given.
    pub text: String,
}

const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Reads every path (folders recursively, by extension; `-` or no path is
/// stdin). Problems are printed to stderr; the second value says whether any
/// happened.
pub fn read_all(paths: &[String], stdin_name: &str) -> (Vec<Posting>, bool) {
    let mut postings = Vec::new();
    let mut failed = false;
    let mut report = |path: &str, message: String| {
        eprintln!("error: {path}: {message}");
        failed = true;
    };
    if paths.is_empty() || paths.iter().any(|p| p == "-") {
        let mut bytes = Vec::new();
        match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => match decode(bytes) {
                Ok(text) => postings.push(Posting {
                    path: stdin_name.to_owned(),
                    text,
                }),
                Err(message) => report(stdin_name, message),
            },
            Err(err) => report(stdin_name, format!("cannot read stdin: {err}")),
        }
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths.iter().filter(|p| p.as_str() != "-") {
        let path = Path::new(path);
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                if let Err(err) = walk(path, &mut found) {
                    report(
                        &path.display().to_string(),
                        format!("cannot read folder: {err}"),
                    );
                }
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(path.to_owned()),
            Err(err) => report(&path.display().to_string(), describe_io(&err)),
        }
    }
    for file in files {
        let shown = file.display().to_string();
        match std::fs::read(&file) {
            Ok(bytes) => match decode(bytes) {
                Ok(text) => postings.push(Posting { path: shown, text }),
                Err(message) => report(&shown, message),
            },
            Err(err) => report(&shown, describe_io(&err)),
        }
    }
    (postings, failed)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn describe_io(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot read: {err}"),
    }
}

fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("the file is empty: nothing to lint".to_owned());
    }
    if bytes.contains(&0) {
        return Err("looks like a binary file (it contains NUL bytes), not a posting".to_owned());
    }
    String::from_utf8(bytes).map_err(|err| {
        format!(
            "not valid UTF-8 at byte offset {}: save the posting as UTF-8",
            err.utf8_error().valid_up_to()
        )
    })
}
