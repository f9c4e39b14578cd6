//! What `selfreview framework check` shows: a line per file checked, framework or framework
//! map. The rows are also the shape of its JSON.

use std::path::{Path, PathBuf};

use selfreview::framework::Framework;
use selfreview::framework::map::Map;
use selfreview::{Diagnostics, Severity};
use serde::Serialize;

/// One framework file checked.
#[derive(Debug, Serialize)]
pub struct Checked {
    /// The file.
    pub file: PathBuf,
    /// Whether it has no errors.
    pub ok: bool,
    /// What it defines, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framework: Option<Summary>,
    /// What it maps, when it is a framework map without errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<MapSummary>,
    /// Every finding in it.
    pub diagnostics: Diagnostics,
}

/// What a checked file defines.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// How many aspects it has.
    pub aspects: usize,
}

/// What a checked framework map maps.
#[derive(Debug, Serialize)]
pub struct MapSummary {
    /// Its id.
    pub id: String,
    /// The framework mapped from.
    pub from: String,
    /// The framework mapped to.
    pub to: String,
    /// How many aspects of the framework mapped to it lists.
    pub aspects: usize,
}

impl Checked {
    /// The result of checking the framework map `file`.
    pub fn map(file: &Path, map: Option<&Map>, diagnostics: Diagnostics) -> Self {
        Checked {
            file: file.to_path_buf(),
            ok: !diagnostics.has_errors(),
            framework: None,
            map: map.map(|m| MapSummary {
                id: m.id.clone(),
                from: m.from.clone(),
                to: m.to.clone(),
                aspects: m.aspects.len(),
            }),
            diagnostics,
        }
    }

    /// The result of checking `file`.
    pub fn new(file: &Path, framework: Option<&Framework>, diagnostics: Diagnostics) -> Self {
        Checked {
            file: file.to_path_buf(),
            ok: !diagnostics.has_errors(),
            framework: framework.map(|fw| Summary {
                id: fw.id.clone(),
                version: fw.version.clone(),
                aspects: fw.aspects().count(),
            }),
            map: None,
            diagnostics,
        }
    }

    /// The line for a file without errors, for standard output; `None` when it has errors.
    pub fn ok_line(&self) -> Option<String> {
        if let Some(m) = self.map.as_ref().filter(|_| self.ok) {
            return Some(format!(
                "{}: ok: map {} from {} to {} with {}{}",
                self.file.display(),
                m.id,
                m.from,
                m.to,
                selfreview::text::plural(m.aspects, "aspect", "aspects"),
                super::plural_warnings(self.diagnostics.count(Severity::Warning))
            ));
        }
        let f = self.framework.as_ref().filter(|_| self.ok)?;
        Some(format!(
            "{}: ok: {} {} with {} aspect{}{}",
            self.file.display(),
            f.id,
            f.version,
            f.aspects,
            if f.aspects == 1 { "" } else { "s" },
            super::plural_warnings(self.diagnostics.count(Severity::Warning))
        ))
    }

    /// The line for a file with errors, for standard error.
    pub fn failed_line(&self) -> String {
        let warnings = self.diagnostics.count(Severity::Warning);
        format!(
            "{}: {}{}; fix them and run `selfreview framework check` again",
            self.file.display(),
            selfreview::text::plural(self.diagnostics.count(Severity::Error), "error", "errors"),
            if warnings > 0 {
                format!(
                    ", {}",
                    selfreview::text::plural(warnings, "warning", "warnings")
                )
            } else {
                String::new()
            }
        )
    }
}
