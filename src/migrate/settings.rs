//! review.toml with its framework changed, and nothing else: the school's notes, spacing
//! and order stay as they were. toml_edit keeps the document's formatting while one value
//! is replaced, where re-serialising the settings would lose every comment.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use toml_edit::{DocumentMut, value};

use crate::error::{Error, Result};

/// The text of review.toml (read from `path`) naming framework `id`, changed on `day`. A
/// `framework` key keeps its place and the comment after its value; without one, the key is
/// added among the top-level settings; `framework-changed` is set to `day` the same way.
pub fn with_framework(text: &str, id: &str, day: NaiveDate, path: &Path) -> Result<String> {
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
    let date = toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(day.year()).unwrap_or(0),
            month: u8::try_from(day.month()).unwrap_or(0),
            day: u8::try_from(day.day()).unwrap_or(0),
        }),
        time: None,
        offset: None,
    };
    for (key, new) in [
        ("framework", toml_edit::Value::from(id)),
        ("framework-changed", toml_edit::Value::from(date)),
    ] {
        match doc.get_mut(key).and_then(|item| item.as_value_mut()) {
            Some(old) => {
                let decor = old.decor().clone();
                *old = new;
                *old.decor_mut() = decor;
            }
            None => {
                doc[key] = value(new);
            }
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

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date")
    }

    #[test]
    fn only_the_framework_and_the_day_it_changed_change() {
        let text = "# notes\nschool = \"Hill\"\n\n# which framework\nframework = \"online-safety-21\"   # was set in 2025\nreviewers = [\"DSL\"]\n\n[pack]\nstaff-names = false\n";
        let out = with_framework(text, "online-safety-18", day(), Path::new("review.toml"))
            .expect("edits");
        assert_eq!(
            out,
            text.replace("\"online-safety-21\"", "\"online-safety-18\"")
                .replace("\n\n[pack]", "\nframework-changed = 2026-12-01\n\n[pack]")
        );
        // Carried again later: the date is replaced in its place.
        let again = with_framework(
            &out,
            "online-safety-18",
            day().succ_opt().expect("a day"),
            Path::new("review.toml"),
        )
        .expect("edits");
        assert_eq!(again, out.replace("2026-12-01", "2026-12-02"));
        let without = "school = \"Hill\"\n\n[pack]\nstaff-names = false\n";
        let out = with_framework(without, "online-safety-18", day(), Path::new("review.toml"))
            .expect("adds");
        let parsed: toml::Table = toml::from_str(&out).expect("still TOML");
        assert_eq!(parsed["framework"].as_str(), Some("online-safety-18"));
        assert_eq!(
            parsed["framework-changed"].to_string(),
            "2026-12-01",
            "{out}"
        );
        assert!(parsed["pack"].get("framework").is_none());
        let windows = "\u{feff}school = \"Hill\"\r\nframework = \"online-safety-21\" # ours\r\n";
        let out = with_framework(windows, "online-safety-18", day(), Path::new("review.toml"))
            .expect("edits");
        assert_eq!(
            out,
            windows.replace("-21", "-18") + "framework-changed = 2026-12-01\r\n"
        );
    }
}
