//! The self-review framework: elements > strands > aspects, five levels each, a benchmark.
//!
//! A framework is data, never code: it is loaded from a TOML file (the default one is
//! embedded in the binary), checked with every problem located, and turned into the typed
//! [`Framework`] every later stage works from. `frameworks/README.md` documents the format.
//! The metrics an evidence check may name are part of the framework's own vocabulary
//! ([`Metric`]), so checking a framework needs nothing from the stages that compute them.

mod check;
mod document;
mod embedded;
pub mod map;
mod metric;
mod raw;
mod validate;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::error::{Error, Result};
pub use check::{Check, ParamValue, Params, Threshold};
pub use document::Topic;
pub use embedded::{DEFAULT_ID, EMBEDDED, EMBEDDED_MAPS, Embedded};
pub use metric::{EVIDENCE_KINDS, Metric, Param, ParamKind, ParamSpec, ValueKind};

/// The lowest level: little or nothing in place.
pub const LOWEST_LEVEL: u8 = 5;
/// The highest, aspirational level.
pub const ASPIRATIONAL_LEVEL: u8 = 1;

/// A validated framework.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Framework {
    /// Stable identifier, lower-case kebab-case (`online-safety-21`).
    pub id: String,
    /// Human title.
    pub title: String,
    /// The framework's own version, so reviews record what they were scored against.
    pub version: String,
    /// A paragraph about the framework; may be empty.
    pub description: String,
    /// Short labels of the scale, from level 5 down to level 1.
    pub levels: Vec<LevelText>,
    /// Whether an aspect with no evidence behind it holds back readiness, unless the aspect
    /// says otherwise (`evidence-required`).
    pub evidence_required: bool,
    /// The elements, in file order.
    pub elements: Vec<Element>,
}

/// A level with its text: a scale label or an aspect's level statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelText {
    /// 5 (lowest) to 1 (aspirational).
    pub level: u8,
    /// The label or statement.
    pub text: String,
}

/// The top grouping of aspects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Element {
    /// Code such as `A`.
    pub code: String,
    /// Name such as "Policy and Leadership".
    pub name: String,
    /// Its strands, in file order.
    pub strands: Vec<Strand>,
}

/// A group of aspects within an element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strand {
    /// Code such as `A1`.
    pub code: String,
    /// Name such as "Responsibilities".
    pub name: String,
    /// Its aspects, in file order.
    pub aspects: Vec<Aspect>,
}

/// One thing a school scores itself on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aspect {
    /// Code such as `A1.2`.
    pub code: String,
    /// Name such as "Online Safety Group".
    pub name: String,
    /// What the aspect covers, in a paragraph.
    pub descriptor: String,
    /// The level the Online Safety Mark expects, 1 to 5.
    pub benchmark: u8,
    /// The five level statements, from level 5 down to level 1.
    pub levels: Vec<LevelText>,
    /// The improvement actions for each step up, from 5→4 to 2→1.
    pub steps: Vec<Step>,
    /// Kinds of evidence that usually show the aspect.
    pub evidence: Vec<String>,
    /// The kinds of record the tool imports that support the aspect beyond its checks'
    /// (`documents`, `surveys`, …), by their review.toml names.
    pub evidence_kinds: Vec<String>,
    /// Whether the aspect holds back readiness when nothing stands behind its level: no
    /// evidence cited, and no record of its checks' or its evidence kinds imported.
    pub evidence_required: bool,
    /// Rules tying a claimed level to a measurable fact.
    pub checks: Vec<Check>,
}

/// The improvement actions that lead from one level to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The level the school is at.
    pub from: u8,
    /// The level the actions lead to (`from - 1`).
    pub to: u8,
    /// What to do.
    pub actions: Vec<String>,
}

impl Framework {
    /// Every aspect with its element and strand, in framework order.
    pub fn aspects(&self) -> impl Iterator<Item = (&Element, &Strand, &Aspect)> {
        self.elements.iter().flat_map(|e| {
            e.strands
                .iter()
                .flat_map(move |s| s.aspects.iter().map(move |a| (e, s, a)))
        })
    }

    /// The aspect with this code, ignoring case.
    pub fn aspect(&self, code: &str) -> Option<(&Element, &Strand, &Aspect)> {
        self.aspects()
            .find(|(_, _, a)| a.code.eq_ignore_ascii_case(code))
    }

    /// The short label of a level, e.g. "Established" for 2.
    pub fn level_label(&self, level: u8) -> &str {
        self.levels
            .iter()
            .find(|l| l.level == level)
            .map_or("", |l| l.text.as_str())
    }
}

impl Aspect {
    /// The statement for a level, 1 to 5.
    pub fn statement(&self, level: u8) -> Option<&str> {
        self.levels
            .iter()
            .find(|l| l.level == level)
            .map(|l| l.text.as_str())
    }

    /// The step up from `level`, if there is one.
    pub fn step_from(&self, level: u8) -> Option<&Step> {
        self.steps.iter().find(|s| s.from == level)
    }
}

/// Where a framework came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "path")]
pub enum Origin {
    /// Built into the binary.
    Embedded,
    /// Read from this file.
    File(PathBuf),
}

/// A framework file's text checked: the framework if it has no errors, and every finding.
#[derive(Debug)]
pub struct Checked {
    /// The framework, when there are no errors.
    pub framework: Option<Framework>,
    /// Every finding, errors and warnings, in file order.
    pub diagnostics: Diagnostics,
}

/// Checks a framework's text; `file` is the name used in findings.
pub fn check(text: &str, file: &Path) -> Checked {
    let parsed = crate::tomldoc::parse::<raw::RawFramework>(text, file, "frameworks/README.md");
    let mut diagnostics = parsed.diagnostics;
    let framework = parsed.raw.and_then(|raw| {
        let (framework, found) = validate::validate(&raw, &parsed.map);
        diagnostics.0.extend(found.0);
        framework
    });
    diagnostics.sort();
    let framework = framework.filter(|_| !diagnostics.has_errors());
    Checked {
        framework,
        diagnostics,
    }
}

/// A file `framework check` was given, checked as what it is: a framework, or a framework
/// map (a file with a top-level `map` key).
#[derive(Debug)]
pub enum CheckedFile {
    /// A framework file.
    Framework(Checked),
    /// A framework map.
    Map(map::Checked),
}

/// Checks a framework or framework map file's text; a map's frameworks are looked up as
/// [`resolve`] finds them from `review_dir`.
pub fn check_file(text: &str, file: &Path, review_dir: &Path) -> CheckedFile {
    if map::is_map(text) {
        let frameworks = |id: &str| resolve(id, review_dir).ok().map(|l| l.framework);
        CheckedFile::Map(map::check(text, file, &frameworks))
    } else {
        CheckedFile::Framework(check(text, file))
    }
}

/// A framework ready for use, with where it came from and any warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The framework.
    pub framework: Framework,
    /// Where it came from.
    pub origin: Origin,
    /// Its warnings (a loaded framework has no errors).
    pub warnings: Diagnostics,
    /// The file's text, so a pack can record exactly what the review was scored against.
    pub text: String,
}

/// Reads and checks a framework file; a file with errors is an [`Error::Invalid`].
pub fn load_file(path: &Path) -> Result<Loaded> {
    let text = crate::fsutil::read_text(path)?;
    from_text(&text, path, Origin::File(path.to_path_buf()))
}

/// Loads an embedded framework by id.
pub fn load_embedded(id: &str) -> Option<Loaded> {
    let e = EMBEDDED.iter().find(|e| e.id == id)?;
    let loaded = from_text(e.text, Path::new(e.file_name), Origin::Embedded)
        .expect("embedded frameworks are checked by the test suite");
    Some(loaded)
}

fn from_text(text: &str, file: &Path, origin: Origin) -> Result<Loaded> {
    let checked = check(text, file);
    match checked.framework {
        Some(framework) => Ok(Loaded {
            framework,
            origin,
            warnings: checked.diagnostics,
            text: text.to_string(),
        }),
        None => Err(Error::Invalid {
            path: file.to_path_buf(),
            diagnostics: checked.diagnostics,
        }),
    }
}

/// The `.toml` files in a review's `frameworks/` folder, sorted by name; framework maps
/// (in `frameworks/maps/`, or with a top-level `map` key) are not frameworks and are left out.
pub fn local_files(review_dir: &Path) -> Result<Vec<PathBuf>> {
    let files = toml_files(&review_dir.join("frameworks"))?;
    Ok(files
        .into_iter()
        .filter(|p| std::fs::read_to_string(p).map_or(true, |text| !map::is_map(&text)))
        .collect())
}

/// The `.toml` files directly in `dir`, sorted by name; none when it is not a folder.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let read_err = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        let is_toml = path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("toml"));
        if is_toml && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Finds a framework by id or file name: a path to an existing file (or any name ending in
/// `.toml`) is read; otherwise the id is looked up among the embedded frameworks, then in the
/// review's `frameworks/` folder.
pub fn resolve(spec: &str, review_dir: &Path) -> Result<Loaded> {
    let as_path = crate::fsutil::within(review_dir, spec);
    let looks_like_file = Path::new(spec)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("toml"));
    if as_path.is_file() || looks_like_file {
        return load_file(&as_path);
    }
    if let Some(loaded) = load_embedded(spec) {
        return Ok(loaded);
    }
    let mut known: Vec<String> = EMBEDDED.iter().map(|e| e.id.to_string()).collect();
    for path in local_files(review_dir)? {
        // A broken local file must not hide the one asked for, so only its id is peeked at.
        let Ok(loaded) = load_file(&path) else {
            continue;
        };
        if loaded.framework.id == spec {
            return Ok(loaded);
        }
        known.push(loaded.framework.id);
    }
    Err(Error::UnknownFramework {
        id: spec.to_string(),
        known,
    })
}

/// The title of the framework with id `id`, as a reader knows it ("Online safety
/// self-review (21 aspects)"): an embedded framework's, or one in the review's `frameworks/`
/// folder; `None` when neither holds it. The reports name a framework by its title, never by
/// its id. Only ids are looked up, never a path, since the id may come from an old snapshot.
pub fn title_of(id: &str, review_dir: &Path) -> Option<String> {
    if let Some(e) = EMBEDDED.iter().find(|e| e.id == id) {
        let checked = check(e.text, Path::new(e.file_name));
        return checked.framework.map(|f| f.title);
    }
    local_files(review_dir)
        .ok()?
        .iter()
        .filter_map(|path| load_file(path).ok())
        .find(|l| l.framework.id == id)
        .map(|l| l.framework.title)
}

#[cfg(test)]
mod tests;
