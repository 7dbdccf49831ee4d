//! Reading postings from paths, folders, stdin and feeds, with an error per
//! bad input that names it, while the other inputs are still read.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use jdlint::facts::Date;
use jdlint::source::Format;
use serde::Deserialize;

/// A posting to lint.
pub struct Posting {
    /// The path as shown to the user (for a feed line: `path:line`).
    pub path: String,
    /// The file the posting came from (for config discovery); `None` for stdin.
    pub file: Option<PathBuf>,
    /// The id of a feed posting.
    pub id: Option<String>,
    /// An explicit title (feeds and JobPosting objects).
    pub title: Option<String>,
    /// The text, as given.
    pub text: String,
    /// What the text is written in.
    pub format: Format,
    /// The date the feed says the posting was posted.
    pub date: Option<Date>,
}

/// A problem with one input.
pub struct InputError {
    pub path: String,
    pub message: String,
}

const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "json", "jsonl"];

/// How inputs are read.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputMode {
    /// By extension: `.jsonl` is a feed, `.json` a schema.org JobPosting, anything else a posting.
    Auto,
    /// Every input is one posting.
    Text,
    /// Every input is a feed of JSON lines, one posting per line.
    Jsonl,
}

/// A feed line or JobPosting object.
#[derive(Deserialize)]
struct FeedPosting {
    #[serde(default, alias = "identifier")]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    /// text, markdown or html; JobPosting descriptions are HTML by default.
    #[serde(default)]
    format: Option<Format>,
    #[serde(default, rename = "@type")]
    kind: Option<String>,
    /// `date_posted` (feeds) or `datePosted` (JobPosting): a date or a
    /// date-time; only its `YYYY-MM-DD` start is read.
    #[serde(
        default,
        alias = "datePosted",
        alias = "posting_date",
        alias = "posted_at"
    )]
    date_posted: Option<String>,
}

impl FeedPosting {
    fn id_string(&self) -> Option<String> {
        match &self.id {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Object(map)) => map
                .get("value")
                .map(|v| v.to_string().trim_matches('"').to_owned()),
            Some(other) => Some(other.to_string()),
        }
    }
}

/// Reads every input. `paths` empty or `-` is stdin.
pub fn read_all(
    paths: &[String],
    stdin_name: &str,
    mode: InputMode,
) -> (Vec<Posting>, Vec<InputError>) {
    let mut postings = Vec::new();
    let mut errors = Vec::new();
    if paths.is_empty() || paths.iter().any(|p| p == "-") {
        let mut bytes = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => read_bytes(stdin_name, None, bytes, mode, &mut postings, &mut errors),
            Err(err) => errors.push(InputError {
                path: stdin_name.to_owned(),
                message: format!("cannot read stdin: {err}"),
            }),
        }
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths.iter().filter(|p| p.as_str() != "-") {
        let path = Path::new(path);
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                if let Err(err) = walk(path, &mut found) {
                    errors.push(InputError {
                        path: path.display().to_string(),
                        message: format!("cannot read folder: {err}"),
                    });
                }
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(path.to_owned()),
            Err(err) => errors.push(InputError {
                path: path.display().to_string(),
                message: describe_io(&err),
            }),
        }
    }
    for file in files {
        let shown = file.display().to_string();
        match std::fs::read(&file) {
            Ok(bytes) => read_bytes(&shown, Some(&file), bytes, mode, &mut postings, &mut errors),
            Err(err) => errors.push(InputError {
                path: shown,
                message: describe_io(&err),
            }),
        }
    }
    (postings, errors)
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn read_bytes(
    shown: &str,
    file: Option<&Path>,
    bytes: Vec<u8>,
    mode: InputMode,
    postings: &mut Vec<Posting>,
    errors: &mut Vec<InputError>,
) {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(message) => {
            errors.push(InputError {
                path: shown.to_owned(),
                message,
            });
            return;
        }
    };
    let ext = extension(shown);
    let feed = mode == InputMode::Jsonl || (mode == InputMode::Auto && ext == "jsonl");
    if feed {
        read_feed(shown, file, &text, postings, errors);
    } else if mode == InputMode::Auto && ext == "json" {
        match serde_json::from_str::<FeedPosting>(&text) {
            Ok(posting) => postings.push(feed_posting(shown.to_owned(), file, posting)),
            Err(err) => errors.push(InputError {
                path: shown.to_owned(),
                message: format!("not a JobPosting JSON object: {err}"),
            }),
        }
    } else {
        postings.push(Posting {
            path: shown.to_owned(),
            file: file.map(Path::to_owned),
            id: None,
            title: None,
            text,
            format: Format::from_extension(&ext),
            date: None,
        });
    }
}

fn feed_posting(path: String, file: Option<&Path>, posting: FeedPosting) -> Posting {
    let format = posting
        .format
        .unwrap_or(if posting.kind.as_deref() == Some("JobPosting") {
            Format::Html
        } else {
            Format::Text
        });
    Posting {
        path,
        file: file.map(Path::to_owned),
        id: posting.id_string(),
        title: posting.title.clone(),
        text: posting.description.unwrap_or_default(),
        format,
        date: posting
            .date_posted
            .as_deref()
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse().ok()),
    }
}

fn read_feed(
    shown: &str,
    file: Option<&Path>,
    text: &str,
    postings: &mut Vec<Posting>,
    errors: &mut Vec<InputError>,
) {
    for (number, line) in text.lines().enumerate() {
        match parse_feed_line(shown, number + 1, file, line) {
            Some(Ok(posting)) => postings.push(posting),
            Some(Err(error)) => errors.push(error),
            None => {}
        }
    }
}

/// One line of a feed: a posting, an error naming `shown:number`, or `None`
/// for a blank line.
pub fn parse_feed_line(
    shown: &str,
    number: usize,
    file: Option<&Path>,
    line: &str,
) -> Option<Result<Posting, InputError>> {
    if line.trim().is_empty() {
        return None;
    }
    let at = format!("{shown}:{number}");
    Some(match serde_json::from_str::<FeedPosting>(line) {
        Ok(posting) if posting.description.is_some() || posting.title.is_some() => {
            Ok(feed_posting(at, file, posting))
        }
        Ok(_) => Err(InputError {
            path: at,
            message: "the line has neither `title` nor `description`".to_owned(),
        }),
        Err(err) => Err(InputError {
            path: at,
            message: format!("not a JSON posting: {err}"),
        }),
    })
}

/// Streams feeds (`-` is stdin) in chunks of `chunk` postings: `each` gets
/// every chunk in input order, so memory stays bounded by the chunk. Lines
/// that are not postings go to `on_error` as they come.
pub fn stream_feeds(
    paths: &[String],
    stdin_name: &str,
    chunk: usize,
    mut each: impl FnMut(Vec<Posting>),
    mut on_error: impl FnMut(InputError),
) {
    let sources: Vec<String> = if paths.is_empty() {
        vec!["-".to_owned()]
    } else {
        paths.to_vec()
    };
    for source in sources {
        let (shown, file, reader): (String, Option<PathBuf>, Box<dyn BufRead>) = if source == "-" {
            (
                stdin_name.to_owned(),
                None,
                Box::new(std::io::stdin().lock()),
            )
        } else {
            match std::fs::File::open(&source) {
                Ok(handle) => (
                    source.clone(),
                    Some(PathBuf::from(&source)),
                    Box::new(std::io::BufReader::new(handle)),
                ),
                Err(err) => {
                    on_error(InputError {
                        path: source.clone(),
                        message: describe_io(&err),
                    });
                    continue;
                }
            }
        };
        let mut batch = Vec::with_capacity(chunk);
        for (number, line) in reader.split(b'\n').enumerate() {
            let line = match line {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(line) => line,
                    Err(err) => {
                        on_error(InputError {
                            path: format!("{shown}:{}", number + 1),
                            message: format!(
                                "not valid UTF-8 at byte offset {} of the line",
                                err.utf8_error().valid_up_to()
                            ),
                        });
                        continue;
                    }
                },
                Err(err) => {
                    on_error(InputError {
                        path: shown.clone(),
                        message: format!("cannot read: {err}"),
                    });
                    break;
                }
            };
            match parse_feed_line(
                &shown,
                number + 1,
                file.as_deref(),
                line.trim_end_matches('\r'),
            ) {
                Some(Ok(posting)) => batch.push(posting),
                Some(Err(error)) => on_error(error),
                None => {}
            }
            if batch.len() == chunk {
                each(std::mem::take(&mut batch));
            }
        }
        if !batch.is_empty() {
            each(batch);
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if EXTENSIONS.contains(&extension(&path.to_string_lossy()).as_str()) {
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
