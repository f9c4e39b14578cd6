//! Framework maps: how a review scored against one framework carries over to another.
//!
//! When a framework is revised (England's self-review went from 21 aspects to 18), a school
//! part-way through a review should not lose what it wrote. A map file says, for each aspect
//! of the framework mapped to, where its level and commentary come from: the aspect that
//! corresponds to it, several aspects merged into it, or (for a new aspect) one aspect whose
//! level it starts from, with its commentary left for the school to write. A map is data,
//! checked like a framework file with every problem located; `migrate` and the reports'
//! comparison with an earlier snapshot both read it. `frameworks/README.md` documents it.

mod raw;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{EMBEDDED_MAPS, Framework};
use crate::diag::Diagnostics;
use crate::error::{Error, Result};

/// The top-level key that makes a TOML file a framework map rather than a framework.
pub const MAP_KEY: &str = "map";

/// A validated framework map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Map {
    /// The map's id, e.g. `online-safety-21-to-18`.
    pub id: String,
    /// A title people see; may be empty.
    pub title: String,
    /// A paragraph about the change; may be empty.
    pub description: String,
    /// The framework mapped from.
    pub from: String,
    /// The framework mapped to.
    pub to: String,
    /// One entry per aspect of the framework mapped to, in that framework's order.
    pub aspects: Vec<Entry>,
    /// Where the map was found, as the school would look for it: its file in the review
    /// folder (`frameworks/maps/own.toml`), or that it is built in.
    pub source: String,
}

impl Map {
    /// The map's id and where it was found, for a message: "`a-to-b` (frameworks/maps/x.toml)".
    pub fn named(&self) -> String {
        format!("`{}` ({})", self.id, self.source)
    }
}

/// Where one aspect of the framework mapped to comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The aspect's code in the framework mapped to.
    pub code: String,
    /// The codes of the aspects it comes from, in the framework mapped from.
    pub from: Vec<String>,
    /// How it carries over.
    pub carry: Carry,
    /// What changed, in words; may be empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How an aspect's work carries over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Carry {
    /// The same aspect (perhaps under a new code): level and commentary carried as they are.
    Same,
    /// Several aspects merged: the weaker level, and each one's commentary under its name.
    Merged,
    /// A new aspect: its source's level, commentary left blank.
    New,
}

impl Map {
    /// The levels of `levels` (by source code) carried to the target aspects: each target
    /// gets the weaker (higher-numbered) of its sources' levels; a target any of whose
    /// sources has no level is left out.
    pub fn carry_levels(&self, levels: &BTreeMap<String, u8>) -> BTreeMap<String, u8> {
        self.aspects
            .iter()
            .filter_map(|e| {
                // A source with no level may be weaker than every one with a level, so
                // the others' level could claim more than the review gave.
                let each: Option<Vec<u8>> = e.from.iter().map(|s| levels.get(s).copied()).collect();
                let weakest = each?.into_iter().max()?;
                Some((e.code.clone(), weakest))
            })
            .collect()
    }

    /// The levels of `levels` that can be compared like with like on the target framework:
    /// only aspects the map carries as they are ([`Carry::Same`]). A merged or new aspect's
    /// carried level is the map's copy of other aspects' levels, not a level the school
    /// gave it, so a change from it is no change the school made. Returns those levels and
    /// the target codes left out that way, where a source had a level.
    pub fn comparable_levels(
        &self,
        levels: &BTreeMap<String, u8>,
    ) -> (BTreeMap<String, u8>, Vec<String>) {
        let carried = self.carry_levels(levels);
        let mut left_out = Vec::new();
        let mut comparable = BTreeMap::new();
        for e in &self.aspects {
            let Some(level) = carried.get(&e.code) else {
                continue;
            };
            if e.carry == Carry::Same {
                comparable.insert(e.code.clone(), *level);
            } else {
                left_out.push(e.code.clone());
            }
        }
        (comparable, left_out)
    }
}

/// A map file's text checked: the map if it has no errors, and every finding.
#[derive(Debug)]
pub struct Checked {
    /// The map, when there are no errors.
    pub map: Option<Map>,
    /// Every finding, in file order.
    pub diagnostics: Diagnostics,
}

/// Whether a TOML text is a framework map: it has a top-level `map` key. Text that is not
/// TOML at all is not taken for a map, so a framework with a syntax error is reported as one.
pub fn is_map(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    toml::from_str::<toml::Table>(text).is_ok_and(|t| t.contains_key(MAP_KEY))
}

/// Checks a map's text; `file` is the name used in findings and `framework` finds the
/// frameworks it names by id.
pub fn check(text: &str, file: &Path, framework: &dyn Fn(&str) -> Option<Framework>) -> Checked {
    let parsed = crate::tomldoc::parse::<raw::RawMap>(text, file, "frameworks/README.md");
    let mut diagnostics = parsed.diagnostics;
    let map = parsed.raw.and_then(|raw| {
        let (map, found) = validate::validate(&raw, &parsed.map, framework);
        diagnostics.0.extend(found.0);
        map
    });
    diagnostics.sort();
    Checked {
        map: map.filter(|_| !diagnostics.has_errors()),
        diagnostics,
    }
}

/// A review's own map files: the `.toml` files in its `frameworks/maps/` folder, then any
/// map put straight into `frameworks/`, each sorted by name.
pub fn local_files(review_dir: &Path) -> Result<Vec<PathBuf>> {
    let frameworks = review_dir.join("frameworks");
    let mut files = super::toml_files(&frameworks.join("maps"))?;
    for path in super::toml_files(&frameworks)? {
        if std::fs::read_to_string(&path).is_ok_and(|text| is_map(&text)) {
            files.push(path);
        }
    }
    Ok(files)
}

/// The map from framework `from` to framework `to`: the review's own in
/// `frameworks/maps/` first, then the built-in ones. `None` when there is none. Nothing is
/// guessed: a map file of the review's that is not TOML at all (which could be the one
/// meant) is an [`Error::Invalid`] naming its line and column, as is the map found when it
/// has errors; two of the review's maps for the same frameworks are an
/// [`Error::MapConflict`] naming both.
pub fn find(from: &str, to: &str, review_dir: &Path) -> Result<Option<Map>> {
    let frameworks = |id: &str| {
        super::resolve(id, review_dir)
            .ok()
            .map(|loaded| loaded.framework)
    };
    let mut mine: Vec<(PathBuf, String)> = Vec::new();
    for path in local_files(review_dir)? {
        let text = crate::fsutil::read_text(&path)?;
        // Named as the school finds it in the review folder from here on.
        let path = path.strip_prefix(review_dir).unwrap_or(&path).to_path_buf();
        if !is_toml(&text) {
            let checked = check(&text, &path, &frameworks);
            return Err(Error::Invalid {
                path,
                diagnostics: checked.diagnostics,
            });
        }
        if names(&text, from, to) {
            mine.push((path, text));
        }
    }
    let shown = |path: &Path| {
        path.strip_prefix(review_dir)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    if let [(first, _), (second, _), ..] = mine.as_slice() {
        return Err(Error::MapConflict {
            from: from.to_string(),
            to: to.to_string(),
            first: PathBuf::from(shown(first)),
            second: PathBuf::from(shown(second)),
        });
    }
    let found = mine
        .into_iter()
        .map(|(path, text)| (shown(&path), path, text))
        .chain(EMBEDDED_MAPS.iter().map(|e| {
            let path = PathBuf::from(e.file_name);
            ("built in".to_string(), path, e.text.to_string())
        }))
        .find(|(_, _, text)| names(text, from, to));
    let Some((source, path, text)) = found else {
        return Ok(None);
    };
    let checked = check(&text, &path, &frameworks);
    match checked.map {
        Some(map) => Ok(Some(Map { source, ..map })),
        None => Err(Error::Invalid {
            path,
            diagnostics: checked.diagnostics,
        }),
    }
}

/// What is wrong with the review's own map files, as warnings for the commands that only
/// compare with an earlier review (`score`, `report`, `pack`): a file that is not TOML, at
/// its line and column, and two maps for the same frameworks, each naming the other. Such a
/// map is not used, and `migrate` refuses until it is put right.
pub fn survey(review_dir: &Path) -> Diagnostics {
    let mut found = Diagnostics::default();
    let Ok(files) = local_files(review_dir) else {
        return found;
    };
    let mut pairs: BTreeMap<(String, String), Vec<PathBuf>> = BTreeMap::new();
    for path in files {
        let Ok(text) = crate::fsutil::read_text(&path) else {
            continue;
        };
        // Named as the school finds them in the review folder.
        let path = path.strip_prefix(review_dir).unwrap_or(&path).to_path_buf();
        if !is_toml(&text) {
            let checked = check(&text, &path, &|_| None);
            for d in checked.diagnostics.0 {
                found.push(crate::diag::Diagnostic {
                    severity: crate::diag::Severity::Warning,
                    message: format!(
                        "this framework map cannot be read, so nothing uses it: {}",
                        d.message
                    ),
                    ..d
                });
            }
            continue;
        }
        if let Some(pair) = pair_of(&text) {
            found.0.extend(with_errors(&text, &path, review_dir));
            pairs.entry(pair).or_default().push(path);
        }
    }
    for ((from, to), paths) in pairs {
        if let [first, second, ..] = paths.as_slice() {
            found.push(
                crate::diag::Diagnostic::warning(
                    crate::diag::Code::MapConflict,
                    crate::diag::Location::file(second),
                    format!(
                        "this map and {} both lead from `{from}` to `{to}`, so neither is used",
                        first.display()
                    ),
                )
                .with_help("keep one of the two maps in frameworks/maps/ and remove the other"),
            );
        }
    }
    found
}

/// For a map with errors, the warning at its first: the map is not used until it is
/// fixed, and `framework check` lists the rest.
fn with_errors(text: &str, path: &Path, review_dir: &Path) -> Option<crate::diag::Diagnostic> {
    let frameworks = |id: &str| {
        super::resolve(id, review_dir)
            .ok()
            .map(|loaded| loaded.framework)
    };
    let checked = check(text, path, &frameworks);
    let errors = checked.diagnostics.count(crate::diag::Severity::Error);
    let first = checked
        .diagnostics
        .0
        .into_iter()
        .find(|d| d.severity == crate::diag::Severity::Error)?;
    Some(crate::diag::Diagnostic {
        severity: crate::diag::Severity::Warning,
        message: format!(
            "this framework map has {}, so nothing uses it; the first: {}",
            crate::text::plural(errors, "problem", "problems"),
            first.message
        ),
        help: Some(format!(
            "`selfreview framework check {}` lists them all",
            path.display()
        )),
        ..first
    })
}

/// Whether `text` is TOML at all.
fn is_toml(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    toml::from_str::<toml::Table>(text).is_ok()
}

/// The frameworks a map's text says it leads from and to, read without checking the rest.
fn pair_of(text: &str) -> Option<(String, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = toml::from_str::<toml::Table>(text).ok()?;
    let key = |k: &str| {
        table
            .get(k)
            .and_then(toml::Value::as_str)
            .map(str::to_string)
    };
    table.contains_key(MAP_KEY).then_some(())?;
    Some((key("from")?, key("to")?))
}

/// Whether a map's text says it maps `from` to `to`, read without checking the rest.
fn names(text: &str, from: &str, to: &str) -> bool {
    pair_of(text).is_some_and(|(f, t)| f == from && t == to)
}

#[cfg(test)]
mod tests;
