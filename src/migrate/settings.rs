//! review.toml with its framework changed, and nothing else: the school's notes, spacing
//! and order stay as they were. toml_edit keeps the document's formatting while one value
//! is replaced, where re-serialising the settings would lose every comment.

use std::path::Path;

use toml_edit::{DocumentMut, value};

use crate::error::{Error, Result};

/// The text of review.toml (read from `path`) naming framework `id`. A `framework` key
/// keeps its place and the comment after its value; without one, the key is added among
/// the top-level settings.
pub fn with_framework(text: &str, id: &str, path: &Path) -> Result<String> {
    // Windows editors may save with a byte-order mark and CRLF line ends; both are kept.
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
    match doc
        .get_mut("framework")
        .and_then(|item| item.as_value_mut())
    {
        Some(old) => {
            let decor = old.decor().clone();
            *old = id.into();
            *old.decor_mut() = decor;
        }
        None => {
            doc["framework"] = value(id);
        }
    }
    let out = doc.to_string();
    let out = if body.contains("\r\n") {
        out.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        out
    };
    Ok(format!("{bom}{out}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_framework_changes() {
        let text = "# notes\nschool = \"Hill\"\n\n# which framework\nframework = \"online-safety-21\"   # was set in 2025\nreviewers = [\"DSL\"]\n\n[pack]\nstaff-names = false\n";
        let out =
            with_framework(text, "online-safety-18", Path::new("review.toml")).expect("edits");
        assert_eq!(
            out,
            text.replace("\"online-safety-21\"", "\"online-safety-18\"")
        );
        let without = "school = \"Hill\"\n\n[pack]\nstaff-names = false\n";
        let out =
            with_framework(without, "online-safety-18", Path::new("review.toml")).expect("adds");
        let parsed: toml::Table = toml::from_str(&out).expect("still TOML");
        assert_eq!(parsed["framework"].as_str(), Some("online-safety-18"));
        assert!(parsed["pack"].get("framework").is_none());
        let windows = "\u{feff}school = \"Hill\"\r\nframework = \"online-safety-21\" # ours\r\n";
        let out =
            with_framework(windows, "online-safety-18", Path::new("review.toml")).expect("edits");
        assert_eq!(out, windows.replace("-21", "-18"));
    }
}
