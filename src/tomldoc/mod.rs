//! Reading the TOML files a school edits, with every problem located at `file:line:col`.
//!
//! Both the framework file and `review.toml` go through here: the text is parsed into a
//! spanned tree (the first syntax error is reported, with its place: after one, the rest
//! are mostly its echoes), deserialised into a raw serde mirror whose keys are all
//! optional (every wrong type found, by taking each out in turn and reading again), and
//! every key the mirror does not know is reported through `serde_ignored`. `deny_unknown_fields` would stop at the first unknown
//! key; a school fixing a file wants every problem in one pass.

mod known;
mod source;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic, Diagnostics};
pub use known::{keys_of, table_keys};
pub use source::{Seg, SourceMap, TomlPath};

/// A TOML document read for deserialising into `T`.
pub struct Parsed<'a, T> {
    /// The raw value, when the text parsed and every value had the right type.
    pub raw: Option<T>,
    /// Locates paths in the document for later findings.
    pub map: SourceMap<'a>,
    /// Syntax errors, type errors and unknown keys, in the order found.
    pub diagnostics: Diagnostics,
}

/// Parses `text` (read from `file`) into `T`; `docs` names where the format is documented.
pub fn parse<'a, T: DeserializeOwned>(
    text: &'a str,
    file: &std::path::Path,
    docs: &str,
) -> Parsed<'a, T> {
    parse_knowing(text, file, docs, &|_| &[])
}

/// [`parse`], with `known` giving the keys of the table at a path, so that an unknown key
/// is reported with the known one nearest it ("did you mean `roles`?").
pub fn parse_knowing<'a, T: DeserializeOwned>(
    text: &'a str,
    file: &std::path::Path,
    docs: &str,
    known: &dyn Fn(&TomlPath) -> &'static [&'static str],
) -> Parsed<'a, T> {
    // Windows editors may save UTF-8 with a byte-order mark, which TOML does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (tree, syntax) = DeTable::parse_recoverable(text);
    let mut diagnostics = Diagnostics::default();
    if let Some(err) = syntax.first() {
        // Only the first: one missing bracket makes every line after it look wrong.
        let map = SourceMap::new(file, text, None);
        let span = err.span().unwrap_or(0..0);
        let at = map.at_offset(span.start);
        let help = unquoted_date(text, span.start).unwrap_or_else(|| {
            "fix the TOML syntax here (https://toml.io describes it)".to_string()
        });
        let message =
            duplicate_key(text, &span, err.message()).unwrap_or_else(|| first_line(err.message()));
        diagnostics.push(Diagnostic::error(Code::TomlSyntax, at, message).with_help(help));
        return Parsed {
            raw: None,
            map,
            diagnostics,
        };
    }
    let map = SourceMap::new(file, text, Some(tree.clone()));
    let (raw, unknown, wrong) = deserialize::<T>(tree);
    for path in unknown {
        let mut parent = path.clone();
        let meant = match parent.0.pop() {
            Some(Seg::Key(key)) => known::nearest(&key, known(&parent)),
            _ => None,
        };
        let help = match meant {
            Some(k) => format!("did you mean `{k}`? check the spelling against {docs}"),
            None => format!("check the spelling against {docs}, or remove the key"),
        };
        let mut message = unknown_key_message(&path);
        if let Some(k) = meant {
            message.push_str(&format!("; the nearest key known there is `{k}`"));
        }
        diagnostics
            .push(Diagnostic::error(Code::UnknownKey, map.key(&path), message).with_help(help));
    }
    for (offset, message) in wrong {
        diagnostics.push(
            Diagnostic::error(
                Code::WrongType,
                map.at_offset(offset),
                plain_type_message(&message),
            )
            .with_help(format!("the type of every key is given in {docs}")),
        );
    }
    Parsed {
        raw,
        map,
        diagnostics,
    }
}

/// The most wrong types reported from one file.
const MAX_WRONG: usize = 100;

/// Deserialises `tree` into `T`: the value when every type was right, the keys nobody
/// asked for, and every wrong type with its offset. serde stops at the first wrong type, so
/// each is taken out of the tree in turn and the rest read again, for a school to fix them
/// all in one pass.
fn deserialize<T: DeserializeOwned>(
    mut tree: toml::Spanned<DeTable<'_>>,
) -> (Option<T>, Vec<TomlPath>, Vec<(usize, String)>) {
    let mut unknown: Vec<TomlPath> = Vec::new();
    let mut wrong = Vec::new();
    loop {
        let de = serde::de::IntoDeserializer::into_deserializer(tree.clone());
        let result: Result<T, _> = serde_ignored::deserialize(de, |path| {
            let path = TomlPath::from_ignored(&path);
            if !unknown.contains(&path) {
                unknown.push(path);
            }
        });
        let err = match result {
            Ok(raw) if wrong.is_empty() => return (Some(raw), unknown, wrong),
            Ok(_) => return (None, unknown, wrong),
            Err(err) => err,
        };
        let offset = err.span().map(|s| s.start);
        wrong.push((offset.unwrap_or(0), err.message().to_string()));
        match offset {
            Some(at) if wrong.len() < MAX_WRONG && take_out(tree.get_mut(), at) => {}
            _ => return (None, unknown, wrong),
        }
    }
}

/// Takes out of `table` the deepest value whose text holds byte `at`; a list item of the
/// wrong type takes its whole list with it. Returns whether anything was taken out.
fn take_out(table: &mut DeTable<'_>, at: usize) -> bool {
    for (_, value) in table.iter_mut() {
        if take_out_of(value.get_mut(), at) {
            return true;
        }
    }
    let hit = table
        .iter()
        .find(|(_, v)| v.span().contains(&at) || v.span().start == at)
        .map(|(k, _)| k.get_ref().to_string());
    hit.is_some_and(|k| table.remove(k.as_str()).is_some())
}

fn take_out_of(value: &mut DeValue<'_>, at: usize) -> bool {
    match value {
        DeValue::Table(t) => take_out(t, at),
        DeValue::Array(items) => items.iter_mut().any(|i| take_out_of(i.get_mut(), at)),
        _ => false,
    }
}

/// A duplicate key named, with the line it was first set on when that can be found: the
/// TOML library says only "duplicate key".
fn duplicate_key(text: &str, span: &std::ops::Range<usize>, message: &str) -> Option<String> {
    if !message.starts_with("duplicate key") {
        return None;
    }
    let key = text.get(span.clone())?.trim().trim_matches('"');
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let here = line_of(span.start);
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let header = text[start..].trim_start().starts_with('[');
    let this = text[start..].lines().next().unwrap_or("").trim();
    // Scan back for where it was first set: the same table header anywhere before, or the
    // same key within this table.
    let lines: Vec<&str> = text.lines().take(here - 1).collect();
    let mut first = None;
    for (i, line) in lines.iter().enumerate().rev() {
        let t = line.trim();
        if header {
            if t == this {
                first = Some(i + 1);
                break;
            }
            continue;
        }
        if t.starts_with('[') {
            break;
        }
        let name = t
            .split(['=', '.'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if name == key && (t.contains('=') || t.contains('.')) {
            first = Some(i + 1);
            break;
        }
    }
    Some(match first {
        Some(line) => {
            format!("duplicate key `{key}`: it is set on line {line} and again on line {here}")
        }
        None => format!("duplicate key `{key}`: it is set twice in the same table"),
    })
}

fn unknown_key_message(path: &TomlPath) -> String {
    let mut parent = path.clone();
    match parent.0.pop() {
        Some(Seg::Key(key)) if parent.0.is_empty() => format!("unknown key `{key}`"),
        Some(Seg::Key(key)) => format!("unknown key `{key}` in `{parent}`"),
        _ => format!("unknown key at `{path}`"),
    }
}

/// serde's type messages in words a school can act on ("expected i64" → "a whole number").
fn plain_type_message(message: &str) -> String {
    let words = [
        ("expected i64", "expected a whole number"),
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected f64", "expected a number"),
        ("expected a boolean", "expected true or false"),
        ("expected a sequence", "expected a list in square brackets"),
        ("expected a string", "expected text in quotes"),
        ("invalid type: sequence", "invalid type: a list"),
        ("invalid type: map", "invalid type: a table"),
    ];
    let mut text = first_line(message);
    for (from, to) in words {
        text = text.replace(from, to);
    }
    if let Some(i) = text.find("expected struct ") {
        text.replace_range(i.., "expected a table");
    }
    text
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

/// When the line a syntax error is on reads `key = 20/11/2025` (a date typed as people
/// write it, without quotes), the help that says how TOML writes dates.
fn unquoted_date(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, value) = line.split_once('=')?;
    let value = value.split('#').next()?.trim();
    let date = crate::dates::guess_for_settings(value)?;
    let iso = date.format("%Y-%m-%d");
    Some(format!(
        "dates in TOML are written year-month-day, without quotes: {} = {iso}",
        key.trim()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_typed_without_quotes_gets_the_toml_form() {
        let text = "school = \"x\"\nreview-date = 20/11/2025 # the day we meet\n";
        let at = text.find("20/").expect("there");
        assert_eq!(
            unquoted_date(text, at).as_deref(),
            Some(
                "dates in TOML are written year-month-day, without quotes: review-date = 2025-11-20"
            )
        );
        assert_eq!(unquoted_date("school = Hill\n", 9), None);
        let text = "review-date = 2025/11/20\n";
        assert_eq!(
            unquoted_date(text, 14).as_deref(),
            Some(
                "dates in TOML are written year-month-day, without quotes: review-date = 2025-11-20"
            )
        );
    }
}
