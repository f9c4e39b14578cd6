//! Scoring workbooks: one per reviewer, or one for a group meeting.
//!
//! [`layout`] is the single description of the workbook that both [`write`](mod@write) and
//! [`read`](mod@read) use, so a workbook the tool wrote always reads back.

pub mod citations;
mod copies;
pub mod layout;
pub mod prefill;
pub mod read;
pub mod write;

pub use layout::ScoredBy;
pub use read::{Filled, Row, read};

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::Framework;
use crate::fsutil::write_atomic;

/// What happened to one workbook file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WriteOutcome {
    /// A new file.
    Created,
    /// An existing file with no entries, or any file with `--force`, replaced.
    Replaced,
    /// An existing file already had exactly these bytes.
    Unchanged,
    /// An existing file holds a reviewer's entries (or cannot be read to tell), so it was
    /// left as it is; `--force` replaces it.
    Kept,
}

/// One workbook written.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// Who it is for.
    pub reviewer: String,
    /// What happened.
    pub outcome: WriteOutcome,
}

/// Which workbooks to write.
#[derive(Debug)]
pub struct Request<'a> {
    /// The folder the workbooks go in (`scores/`).
    pub dir: &'a Path,
    /// The school, recorded in each workbook.
    pub school: &'a str,
    /// The reviewers: one workbook each, or the members of a group workbook.
    pub reviewers: &'a [String],
    /// One group workbook instead of one per reviewer.
    pub group: bool,
    /// Replace workbooks even if they have entries.
    pub force: bool,
    /// The review date, at the head of every printed page.
    pub as_of: chrono::NaiveDate,
}

/// Writes the requested workbooks. A workbook that already holds entries is kept as it is
/// unless `force`; nothing is written if two reviewers would share a file name.
pub fn write_all(fw: &Framework, req: &Request<'_>) -> Result<Vec<Written>> {
    let mut written = Vec::new();
    for scored_by in workbooks_for(req)? {
        let path = req.dir.join(scored_by.file_name());
        let start = match &scored_by {
            // A group meeting after individual scoring starts from what members wrote.
            ScoredBy::Group { members } if req.dir.is_dir() => {
                let (books, _) = read_dir(req.dir, fw)?;
                prefill::from_individuals(members, &books)
            }
            _ => prefill::Prefill::new(),
        };
        if let Some((aspect, (column, chars))) = start
            .iter()
            .find_map(|(code, s)| Some((code, s.too_long()?)))
        {
            return Err(Error::CellTooLong {
                path,
                aspect: aspect.clone(),
                column,
                chars,
            });
        }
        let bytes = write::render_from(fw, &scored_by, req.school, req.as_of, &start).map_err(
            |source| Error::Spreadsheet {
                path: path.clone(),
                source,
            },
        )?;
        let outcome = match std::fs::read(&path) {
            Err(_) => WriteOutcome::Created,
            Ok(old) if old == bytes => WriteOutcome::Unchanged,
            Ok(_) if req.force => WriteOutcome::Replaced,
            Ok(_) => match read(&path, fw) {
                (Some(filled), _) if !filled.has_entries() => WriteOutcome::Replaced,
                _ => WriteOutcome::Kept,
            },
        };
        if matches!(outcome, WriteOutcome::Created | WriteOutcome::Replaced) {
            write_atomic(&path, &bytes)?;
        }
        written.push(Written {
            path,
            reviewer: scored_by.reviewer().to_string(),
            outcome,
        });
    }
    Ok(written)
}

/// Who each requested workbook is for; refused if no one is named, a name is one the
/// workbooks keep for themselves, or two names would share a file.
fn workbooks_for(req: &Request<'_>) -> Result<Vec<ScoredBy>> {
    let names: Vec<String> = req
        .reviewers
        .iter()
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    if names.is_empty() {
        return Err(Error::NoReviewers);
    }
    if let Some(name) = names.iter().find(|n| layout::is_reserved(n)) {
        return Err(Error::ReservedReviewer { name: name.clone() });
    }
    let mut slugs: Vec<(String, &str)> = Vec::new();
    for name in &names {
        let slug = layout::slug(name);
        if let Some((_, other)) = slugs.iter().find(|(s, _)| *s == slug) {
            return Err(Error::SharedWorkbook {
                first: (*other).to_string(),
                second: name.clone(),
                file: format!("{slug}.xlsx"),
            });
        }
        slugs.push((slug, name));
    }
    if req.group {
        return Ok(vec![ScoredBy::Group { members: names }]);
    }
    Ok(names
        .into_iter()
        .map(|reviewer| ScoredBy::Individual { reviewer })
        .collect())
}

/// Reads every workbook in `dir` (xlsx, xlsm, xls, ods), in file-name order. Lock files that
/// Excel (`~$…`) and LibreOffice (`.~lock…`) leave beside an open workbook are passed over.
/// A copy beside its original ("dsl (1).xlsx", "dsl 2.xlsx", "DSL.xlsx" or "Copy of Copy of
/// dsl.xlsx" beside "dsl.xlsx") is named and not read, whichever name sorts first, since it
/// would count the reviewer twice or in place of the original.
pub fn read_dir(dir: &Path, fw: &Framework) -> Result<(Vec<Filled>, crate::diag::Diagnostics)> {
    let read_err = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let spreadsheet = matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls" | "ods"));
        if spreadsheet && path.is_file() && !name.starts_with("~$") && !name.starts_with('.') {
            paths.push(path);
        }
    }
    paths.sort();
    let mut filled = Vec::new();
    let mut diags = crate::diag::Diagnostics::default();
    for (path, copy) in paths.iter().zip(copies::classify(&paths)) {
        if let Some((original, beside)) = copy {
            diags.push(copied(path, &original, beside));
            if beside {
                continue;
            }
        }
        let (book, found) = read(path, fw);
        diags.0.extend(found.0);
        filled.extend(book);
    }
    Ok((filled, diags))
}

fn copied(path: &Path, original: &str, beside: bool) -> crate::diag::Diagnostic {
    use crate::diag::{Code, Diagnostic, Location};
    if beside {
        Diagnostic::error(
            Code::CopiedWorkbook,
            Location::file(path),
            format!(
                "this looks like a copy of {original}, which is also in scores/; it is not counted"
            ),
        )
        .with_help("keep the one workbook each reviewer filled in: delete or move the other")
    } else {
        Diagnostic::warning(
            Code::CopiedWorkbook,
            Location::file(path),
            "this looks like a copy of another workbook; it is counted, as the original is not in scores/".to_string(),
        )
        .with_help("rename it to the reviewer's name so that it is clear whose it is")
    }
}

#[cfg(test)]
mod print_tests;
#[cfg(test)]
mod tests;
