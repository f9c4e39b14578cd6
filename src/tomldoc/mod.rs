//! Reading the TOML files a school edits, with every problem located at `file:line:col`.
//!
//! Both the framework file and `review.toml` go through here: the text is parsed into a
//! spanned tree (syntax errors are all reported, with their place), deserialised into a raw
//! serde mirror whose keys are all optional, and every key the mirror does not know is
//! reported through `serde_ignored`. `deny_unknown_fields` would stop at the first unknown
//! key; a school fixing a file wants every problem in one pass.

mod source;

use serde::de::DeserializeOwned;
use toml::de::DeTable;

use crate::diag::{Code, Diagnostic, Diagnostics};
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
    // Windows editors may save UTF-8 with a byte-order mark, which TOML does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (tree, syntax) = DeTable::parse_recoverable(text);
    let mut diagnostics = Diagnostics::default();
    if !syntax.is_empty() {
        let map = SourceMap::new(file, text, None);
        for err in &syntax {
            let offset = err.span().map_or(0, |s| s.start);
            let at = map.at_offset(offset);
            let help = unquoted_date(text, offset).unwrap_or_else(|| {
                "fix the TOML syntax here (https://toml.io describes it)".to_string()
            });
            diagnostics.push(
                Diagnostic::error(Code::TomlSyntax, at, first_line(err.message())).with_help(help),
            );
        }
        return Parsed {
            raw: None,
            map,
            diagnostics,
        };
    }
    let map = SourceMap::new(file, text, Some(tree.clone()));
    let mut unknown = Vec::new();
    let de = serde::de::IntoDeserializer::into_deserializer(tree);
    let result: Result<T, _> =
        serde_ignored::deserialize(de, |path| unknown.push(TomlPath::from_ignored(&path)));
    for path in unknown {
        diagnostics.push(
            Diagnostic::error(Code::UnknownKey, map.key(&path), unknown_key_message(&path))
                .with_help(format!(
                    "check the spelling against {docs}, or remove the key"
                )),
        );
    }
    let raw = match result {
        Ok(raw) => Some(raw),
        Err(err) => {
            let at = map.at_offset(err.span().map_or(0, |s| s.start));
            diagnostics.push(
                Diagnostic::error(Code::WrongType, at, plain_type_message(err.message()))
                    .with_help(format!("the type of every key is given in {docs}")),
            );
            None
        }
    };
    Parsed {
        raw,
        map,
        diagnostics,
    }
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
