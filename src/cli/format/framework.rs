//! What `selfreview framework list` shows; the row is also the shape of its JSON. What
//! `framework check` shows is in [`super::checked`].

use selfreview::framework::Framework;
use serde::Serialize;

/// One framework in the listing; a file with errors has only its source.
#[derive(Debug, Serialize)]
pub struct Listed {
    /// Its id.
    pub id: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its version.
    pub version: Option<String>,
    /// How many aspects it has.
    pub aspects: Option<usize>,
    /// "built in", or the file.
    pub source: String,
    /// Whether it loads without errors.
    pub valid: bool,
}

impl Listed {
    /// A framework that loaded.
    pub fn valid(fw: &Framework, source: String) -> Self {
        Listed {
            id: Some(fw.id.clone()),
            title: Some(fw.title.clone()),
            version: Some(fw.version.clone()),
            aspects: Some(fw.aspects().count()),
            source,
            valid: true,
        }
    }

    /// A framework file with errors.
    pub fn invalid(source: String) -> Self {
        Listed {
            id: None,
            title: None,
            version: None,
            aspects: None,
            source,
            valid: false,
        }
    }
}

/// The listing as a table.
pub fn list(rows: &[Listed]) -> String {
    let mut lines = vec![format!(
        "{:<24} {:<9} {:>7}  SOURCE",
        "ID", "VERSION", "ASPECTS"
    )];
    for r in rows {
        lines.push(match (&r.id, &r.version, r.aspects) {
            (Some(id), Some(version), Some(n)) => {
                format!("{id:<24} {version:<9} {n:>7}  {}", r.source)
            }
            _ => format!(
                "{:<24} {:<9} {:>7}  {} (has errors: run `selfreview framework check {}`)",
                "?", "?", "?", r.source, r.source
            ),
        });
    }
    lines.join("\n")
}
