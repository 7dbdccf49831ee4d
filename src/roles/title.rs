//! What role a job title names.
//!
//! A title names a role through a role noun (`Data Scientist`, `ML Engineer`,
//! `AI Engineer`, from the `titles` pack). Modifiers joined to a noun by `/`,
//! `&`, `+`, `,`, `and` or `or` name more roles (`AI/ML Engineer`,
//! `AI & Data Scientist`), and a joined word shares the noun's head, so it
//! names what the two spell (`Data & ML Scientist` is a Data Scientist and an
//! ML Scientist, `Data/ML Engineer` a data engineer and an ML Engineer);
//! modifiers right before an engineer noun do too
//! (`Gen AI ML Engineer`), but a specialty before `Data Scientist` does not
//! (`Senior AI Data Scientist`). Anything else names no role (`other`).

use serde::{Deserialize, Serialize};

use super::{Role, TitleRole};
use crate::lexicon::{Hit, Lexicon};
use crate::span::Span;

/// Tag of the role nouns that are engineers (`ML Engineer`): role words
/// right before one name roles too (`Gen AI ML Engineer`).
const ENGINEER_TAG: &str = "engineer";
/// Tag of the other nouns that name a trade (`Developer`, `Engineer`).
const TRADE_TAG: &str = "job";

/// One role a title names, and the words that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleMention {
    /// The role.
    pub role: Role,
    /// The words naming it, relative to the title's own text.
    pub span: Span,
}

/// What a title says about the role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TitleAnalysis {
    /// The title's verdict.
    pub role: TitleRole,
    /// Each of the three roles the title names, with the words that name it.
    pub mentions: Vec<TitleMention>,
    /// A noun that names no role (`Ninja`, `Guru`, or `Specialist` after an
    /// AI/ML/data word), relative to the title's text.
    pub vague: Option<Span>,
    /// A noun of another role (`Data Engineer`, `Data Analyst`,
    /// `Research Scientist`), or of a trade in a title that names none of
    /// the three (`Developer` in `Senior Python Developer`), relative to the
    /// title's text.
    pub other_role: Option<Span>,
}

#[derive(Clone, Copy)]
struct Piece {
    span: Span,
    kind: PieceKind,
    role: Role,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    Noun { engineer: bool, needs_join: bool },
    Modifier,
}

/// Analyses `title` given the lexicon hits that lie inside it, with spans
/// relative to `title`.
pub(crate) fn analyse(title: &str, hits: &[Hit], lexicon: &Lexicon) -> TitleAnalysis {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut vague = None;
    let mut generic = Vec::new();
    let mut names_a_role = false;
    // The first noun of a trade (`Developer`, `Engineer`) the title has.
    let mut trade_noun = None;
    // The group kinds of the titles pack, resolved when the lexicon was built.
    let kinds = lexicon.kinds();
    for hit in hits {
        let entry = lexicon.entry(hit.entry);
        let group = entry.group;
        let of = Some(entry.kind);
        let kind = if of == kinds.title_role || of == kinds.title_role_joined {
            PieceKind::Noun {
                engineer: group.has_tag(ENGINEER_TAG),
                needs_join: of == kinds.title_role_joined,
            }
        } else if of == kinds.title_modifier {
            PieceKind::Modifier
        } else if of == kinds.title_vague {
            vague.get_or_insert(hit.span);
            continue;
        } else if of == kinds.title_generic {
            generic.push(hit.span);
            continue;
        } else if of == kinds.title_other_noun {
            names_a_role = true;
            if group.has_tag(TRADE_TAG) {
                trade_noun.get_or_insert(hit.span);
            }
            continue;
        } else {
            continue;
        };
        pieces.push(Piece {
            span: hit.span,
            kind,
            role: group.role.unwrap_or(Role::Other),
        });
    }
    pieces.sort_by_key(|p| p.span.start);

    let mut mentions: Vec<TitleMention> = Vec::new();
    let mut add = |role: Role, span: Span| {
        if role != Role::Other && !mentions.iter().any(|m| m.role == role) {
            mentions.push(TitleMention { role, span });
        }
    };
    for (i, piece) in pieces.iter().enumerate() {
        let PieceKind::Noun {
            engineer,
            needs_join,
        } = piece.kind
        else {
            continue;
        };
        if !needs_join {
            add(piece.role, piece.span);
        }
        // Walk back over the modifiers before the noun.
        let mut next_start = piece.span.start;
        let mut joined_chain = false;
        for previous in pieces[..i].iter().rev() {
            if previous.kind != PieceKind::Modifier || previous.span.end > next_start {
                break;
            }
            match link(&title[previous.span.end..next_start]) {
                Link::Joined => joined_chain = true,
                // Right before another role's noun, role words are its
                // specialty, and so is all that is joined to them
                // (AI/ML Software Engineer).
                Link::Adjacent if piece.role == Role::Other && !joined_chain && !needs_join => {
                    break;
                }
                Link::Adjacent => {}
                Link::Broken => break,
            }
            // Right before an engineer noun of one of the three roles,
            // adjacent role words name roles too (Gen AI ML Engineer); a
            // specialty before Data Scientist or before another role's noun
            // does not (Senior AI Data Scientist, Machine Learning Data Engineer).
            let counts = joined_chain || (engineer && piece.role != Role::Other);
            if counts {
                // A word joined to a noun shares the noun's head: "Data &
                // Machine Learning Scientist" joins a Data Scientist and a
                // Machine Learning Scientist, so "Data" names the role that
                // "Data Scientist" names.
                let role = match previous.role {
                    Role::Other if joined_chain => {
                        shared_head_role(title, previous.span, piece.span, lexicon)
                    }
                    role => role,
                };
                add(role, previous.span);
                if needs_join && joined_chain {
                    add(piece.role, piece.span);
                }
            }
            next_start = previous.span.start;
        }
    }

    if vague.is_none() && mentions.is_empty() {
        // `AI Specialist`, `Machine Learning Expert`: a domain word right
        // before a generic noun.
        vague = generic.into_iter().find(|g| {
            pieces.iter().any(|p| {
                p.kind == PieceKind::Modifier
                    && p.span.end <= g.start
                    && title[p.span.end..g.start].trim().is_empty()
            })
        });
    }
    let other_role = pieces
        .iter()
        .find(|p| {
            matches!(
                p.kind,
                PieceKind::Noun {
                    needs_join: false,
                    ..
                }
            ) && p.role == Role::Other
        })
        .map(|p| p.span)
        // A trade with no word of the three roles (`Senior Python
        // Developer`, `Lead Go Engineer`) is another job too; `ML
        // Applications Engineer` may well be one of the three.
        .or(trade_noun.filter(|_| pieces.iter().all(|p| p.role == Role::Other)));
    let role = match mentions.as_slice() {
        [] => TitleRole::Other,
        [one] => TitleRole::from(one.role),
        _ => TitleRole::Ambiguous,
    };
    TitleAnalysis {
        role,
        mentions,
        other_role,
        vague: if role == TitleRole::Other
            && !names_a_role
            && !pieces
                .iter()
                .any(|p| matches!(p.kind, PieceKind::Noun { .. }))
        {
            vague
        } else {
            None
        },
    }
}

/// The role that `modifier`, joined to `noun` ("Data" in "Data & Machine
/// Learning Scientist"), names with the noun's head word ("Data Scientist"):
/// a role noun of the titles pack spelled that way, or [`Role::Other`].
fn shared_head_role(title: &str, modifier: Span, noun: Span, lexicon: &Lexicon) -> Role {
    let Some(head) = title[noun.start..noun.end].split_whitespace().next_back() else {
        return Role::Other;
    };
    let compound = format!("{} {head}", &title[modifier.start..modifier.end]);
    let role_noun = lexicon.kinds().title_role;
    lexicon
        .find(&compound)
        .into_iter()
        .map(|hit| (hit.span, lexicon.entry(hit.entry)))
        .find(|(span, entry)| {
            Some(entry.kind) == role_noun && span.start == 0 && span.end == compound.len()
        })
        .and_then(|(_, entry)| entry.group.role)
        .unwrap_or(Role::Other)
}

/// The hits of `title` read without the acronyms it spells out in
/// parentheses ("Machine Learning (ML) Engineer" reads as "Machine Learning
/// Engineer"), with spans into `title` itself; `None` when it has none.
pub(crate) fn hits_past_acronyms(title: &str, lexicon: &Lexicon) -> Option<Vec<Hit>> {
    if !title.contains('(') {
        return None;
    }
    let (kept, origin, found) = without_acronyms(title);
    if !found {
        return None;
    }
    let hits = lexicon
        .find(&kept)
        .into_iter()
        .filter_map(|hit| {
            // The last byte of a hit maps to the last byte of its text in
            // `title` (hits are never empty).
            let start = *origin.get(hit.span.start)?;
            let end = origin.get(hit.span.end.checked_sub(1)?)? + 1;
            Some(Hit {
                span: Span::new(start, end.max(start)),
                entry: hit.entry,
            })
        })
        .collect();
    Some(hits)
}

/// `text` without the acronyms it spells out in parentheses and the spaces
/// before them ("Machine Learning (ML) Engineer" → "Machine Learning
/// Engineer"); for each byte kept, the byte of `text` it is; and whether
/// there was one.
fn without_acronyms(text: &str) -> (String, Vec<usize>, bool) {
    let mut kept = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    let mut at = 0;
    let mut found = false;
    while at < text.len() {
        let rest = &text[at..];
        if let Some(len) = rest.starts_with('(').then(|| acronym_len(rest)).flatten() {
            // The space before it goes too: the words around it meet.
            while kept.ends_with(' ') {
                kept.pop();
                origin.pop();
            }
            if rest[len..].starts_with(|c: char| c.is_alphanumeric()) {
                kept.push(' ');
                origin.push(at);
            }
            at += len;
            found = true;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        kept.push(c);
        origin.extend(at..at + c.len_utf8());
        at += c.len_utf8();
    }
    (kept, origin, found)
}

/// The length of a parenthesized acronym at the start of `text` ("(ML)",
/// "(MLOps)", "(AI/ML)"): two to eight letters, digits or `/&+-`, at least
/// two of them capitals.
fn acronym_len(text: &str) -> Option<usize> {
    let inner_end = text[1..].find(')')? + 1;
    let inner = &text[1..inner_end];
    let fits = (2..=8).contains(&inner.len())
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '&' | '+' | '-'))
        && inner.chars().filter(char::is_ascii_uppercase).count() >= 2;
    fits.then_some(inner_end + 1)
}

enum Link {
    Joined,
    Adjacent,
    Broken,
}

fn link(between: &str) -> Link {
    // A spelled-out acronym links nothing: "Artificial Intelligence
    // (AI)/Machine Learning Engineer" joins as "AI/ML Engineer" does.
    let (words, ..) = without_acronyms(between);
    match words.trim().to_ascii_lowercase().as_str() {
        "" | "-" => Link::Adjacent,
        "/" | "&" | "+" | "," | "and" | "or" | "&amp;" | "and/or" => Link::Joined,
        _ => Link::Broken,
    }
}
