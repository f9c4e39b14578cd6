//! The workbooks a migration starts from, and where each one goes.
//!
//! Normally they are the workbooks in scores/, which are then kept in
//! `scores/<old framework>/`. When that folder already holds workbooks, an earlier run
//! stopped before it changed review.toml: the kept copies, exactly as the workbooks were,
//! are the starting point, and what is left at the top of scores/ must be either a kept
//! workbook not yet replaced or one that run wrote for the new framework.

use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::error::{Error, Result};
use crate::framework::Framework;
use crate::review::Paths;
use crate::workbook::{self, Filled};

/// One workbook to carry across.
pub(super) struct Source {
    /// The workbook read.
    pub(super) book: Filled,
    /// Its bytes, to be kept; `None` when a copy is kept already.
    pub(super) original: Option<Vec<u8>>,
    /// Where it is kept as it was.
    pub(super) kept: PathBuf,
    /// Where the workbook for the new framework goes.
    pub(super) written: PathBuf,
}

/// Every workbook to carry, and the files the migration replaces.
pub(super) struct Found {
    pub(super) books: Vec<Source>,
    /// `scores/<old framework>/`.
    pub(super) kept: PathBuf,
    /// Whether an earlier run's kept copies are the starting point.
    pub(super) resumed: bool,
    /// Files at the top of scores/ removed once kept (their new workbook has another name).
    pub(super) removed: Vec<PathBuf>,
}

/// The workbooks to carry from `old` to `new`, or every reason they cannot be.
pub(super) fn find(paths: &Paths, old: &Framework, new: &Framework) -> Result<Found> {
    let scores = paths.scores();
    let kept = scores.join(&old.id);
    let resumed = !spreadsheets(&kept).is_empty();
    let from = if resumed { &kept } else { &scores };
    let (books, mut diags) = if from.is_dir() {
        workbook::read_dir(from, old)?
    } else {
        (Vec::new(), Diagnostics::default())
    };
    let mut found = Found {
        books: Vec::new(),
        kept: kept.clone(),
        resumed,
        removed: Vec::new(),
    };
    for book in books {
        let name = book.path.file_name().map(PathBuf::from).unwrap_or_default();
        let stem = book.path.file_stem().map(PathBuf::from).unwrap_or_default();
        let written = scores.join(stem).with_extension("xlsx");
        if let Some(other) = found.books.iter().find(|s| s.written == written) {
            diags.push(conflict(
                &book.path,
                format!(
                    "its workbook for `{}` would be {}, as would that of {}",
                    new.id,
                    written.display(),
                    other.book.path.display()
                ),
            ));
            continue;
        }
        let original = if resumed {
            None
        } else {
            Some(std::fs::read(&book.path).map_err(|source| Error::Read {
                path: book.path.clone(),
                source,
            })?)
        };
        if !resumed && book.path != written {
            found.removed.push(book.path.clone());
        }
        found.books.push(Source {
            kept: if resumed {
                book.path.clone()
            } else {
                kept.join(name)
            },
            book,
            original,
            written,
        });
    }
    if resumed {
        leftovers(&scores, &kept, new, &mut found, &mut diags);
    }
    if diags.has_errors() {
        return Err(Error::MigrateBlocked {
            path: from.clone(),
            diagnostics: diags,
        });
    }
    Ok(found)
}

/// After a run that stopped part-way: each workbook at the top of scores/ is replaced by a
/// new one, removed as already kept, or (anything else) stops the migration.
fn leftovers(
    scores: &Path,
    kept: &Path,
    new: &Framework,
    found: &mut Found,
    diags: &mut Diagnostics,
) {
    for path in spreadsheets(scores) {
        if found.books.iter().any(|s| s.written == path) {
            continue;
        }
        let copy = kept.join(path.file_name().unwrap_or_default());
        let same = matches!((std::fs::read(&path), std::fs::read(&copy)), (Ok(a), Ok(b)) if a == b);
        if same {
            found.removed.push(path);
            continue;
        }
        let ours = workbook::read(&path, new).0.is_some();
        let why = if ours {
            "it was made for the new framework, but no kept workbook leads to it".to_string()
        } else {
            format!("it is not among the workbooks kept in {}", kept.display())
        };
        diags.push(conflict(&path, why));
    }
}

fn conflict(path: &Path, why: String) -> Diagnostic {
    Diagnostic::error(
        Code::MigrationConflict,
        Location::file(path),
        format!("this workbook cannot be carried across: {why}"),
    )
    .with_help("move it out of scores/ (or rename it), then run `selfreview migrate` again")
}

/// The spreadsheet files directly in `dir`, as `workbook::read_dir` would read them.
fn spreadsheets(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls" | "ods"))
                && p.is_file()
                && !name.starts_with("~$")
                && !name.starts_with('.')
        })
        .collect();
    files.sort();
    files
}
