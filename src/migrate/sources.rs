//! The workbooks a migration starts from, and where each one goes.
//!
//! Normally they are the workbooks in scores/, which are then kept in
//! `scores/<old framework>/`. When that folder already holds workbooks, an earlier run
//! stopped before it changed review.toml: the kept copies, exactly as the workbooks were,
//! are the starting point, and what is left at the top of scores/ must be either a kept
//! workbook not yet replaced or one that run wrote for the new framework.

use std::ops::Not;
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
///
/// A workbook's kept copy in `scores/<old framework>/` wins over the file of that name at
/// the top of scores/, which an earlier run may already have replaced; a workbook at the
/// top with no kept copy yet is kept now. So a run stopped at any point, even before every
/// workbook was kept, is finished by running it again, and no workbook is lost.
pub(super) fn find(paths: &Paths, old: &Framework, new: &Framework) -> Result<Found> {
    let scores = paths.scores();
    let kept = scores.join(&old.id);
    let resumed = !spreadsheets(&kept).is_empty();
    let mut found = Found {
        books: Vec::new(),
        kept: kept.clone(),
        resumed,
        removed: Vec::new(),
    };
    let mut diags = Diagnostics::default();
    diags.0.extend(open_workbooks(&scores));
    diags.0.extend(open_workbooks(&kept));
    let (books, read) = if resumed {
        workbook::read_dir(&kept, old)?
    } else if scores.is_dir() {
        workbook::read_dir(&scores, old)?
    } else {
        (Vec::new(), Diagnostics::default())
    };
    diags.0.extend(read.0);
    for book in books {
        let original = if resumed {
            None
        } else {
            Some(bytes(&book.path)?)
        };
        let copy = kept.join(book.path.file_name().unwrap_or_default());
        add(&mut found, &mut diags, new, book, original, copy, &scores);
    }
    if resumed {
        leftovers(&scores, old, new, &mut found, &mut diags)?;
    }
    if diags.has_errors() {
        return Err(Error::MigrateBlocked {
            path: if resumed { kept } else { scores },
            diagnostics: diags,
        });
    }
    Ok(found)
}

fn bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Adds `book` to carry, unless its new workbook would have the name another's has.
fn add(
    found: &mut Found,
    diags: &mut Diagnostics,
    new: &Framework,
    book: Filled,
    original: Option<Vec<u8>>,
    kept: PathBuf,
    scores: &Path,
) {
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
        return;
    }
    let top = scores.join(book.path.file_name().unwrap_or_default());
    if original.is_some() && top != written {
        found.removed.push(top);
    }
    found.books.push(Source {
        kept,
        book,
        original,
        written,
    });
}

/// After a run that stopped part-way, each workbook at the top of scores/: one with a kept
/// copy is that copy or its replacement (the kept copy wins), one with none is kept now,
/// and one a kept workbook is carried to is that run's new workbook.
fn leftovers(
    scores: &Path,
    old: &Framework,
    new: &Framework,
    found: &mut Found,
    diags: &mut Diagnostics,
) -> Result<()> {
    for path in spreadsheets(scores) {
        let name = path.file_name().map(PathBuf::from).unwrap_or_default();
        let copy = found.kept.join(&name);
        let target = found.books.iter().any(|s| s.written == path);
        let is_new = || workbook::read(&path, new).1.has_errors().not();
        if copy.is_file() {
            let same =
                matches!((std::fs::read(&path), std::fs::read(&copy)), (Ok(a), Ok(b)) if a == b);
            let (book, read) = workbook::read(&path, old);
            if !same && book.is_some() && !read.has_errors() {
                diags.push(changed_since_kept(&path, &copy));
            } else if !target {
                found.removed.push(path);
            }
            continue;
        }
        if target {
            if !is_new() {
                diags.push(conflict(
                    &path,
                    format!(
                        "a workbook kept in {} is carried to this name, and this is not its new workbook",
                        found.kept.display()
                    ),
                ));
            }
            continue;
        }
        let (book, read) = workbook::read(&path, old);
        match book {
            Some(book) if !read.has_errors() => {
                let original = Some(bytes(&path)?);
                add(found, diags, new, book, original, copy, scores);
            }
            _ if is_new() => diags.push(conflict(
                &path,
                format!(
                    "it was made for `{}`, but no workbook kept in {} leads to it",
                    new.id,
                    found.kept.display()
                ),
            )),
            _ => diags.0.extend(read.0),
        }
    }
    Ok(())
}

/// Each workbook in `dir` that Excel (`~$name.xlsx`) or LibreOffice (`.~lock.name.xlsx#`)
/// has open, by the lock file it leaves beside it: replacing a workbook someone has open
/// fails on Windows, or is lost when they save it, so the migration waits until it is closed.
fn open_workbooks(dir: &Path) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut locks: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("~$") || (n.starts_with(".~lock.") && n.ends_with('#')))
        .collect();
    locks.sort();
    locks
        .into_iter()
        .map(|lock| {
            let named = match lock.strip_prefix("~$") {
                Some(rest) => rest.to_string(),
                None => lock[".~lock.".len()..lock.len() - 1].to_string(),
            };
            // Excel shortens a long name's lock file by its first characters.
            let workbook = spreadsheets(dir)
                .into_iter()
                .filter_map(|p| p.file_name()?.to_str().map(str::to_string))
                .find(|n| *n == named || (named.len() > 4 && n.ends_with(&named)))
                .unwrap_or(named);
            Diagnostic::error(
                Code::MigrationConflict,
                Location::file(&dir.join(&workbook)),
                format!(
                    "this workbook looks open in Excel or LibreOffice (the lock file {lock} is beside it), so it cannot be replaced safely"
                ),
            )
            .with_help(format!(
                "close it in every program that has it open (if no one has, delete {lock}), then run `selfreview migrate` again"
            ))
        })
        .collect()
}

/// A workbook at the top of scores/ changed since an earlier run kept a copy of it.
fn changed_since_kept(path: &Path, copy: &Path) -> Diagnostic {
    Diagnostic::error(
        Code::MigrationConflict,
        Location::file(path),
        format!(
            "this workbook differs from the copy of it kept as {}, and neither is replaced",
            copy.display()
        ),
    )
    .with_help(format!(
        "keep the right one as {} and move the other out of scores/, then run `selfreview migrate` again",
        copy.display()
    ))
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
