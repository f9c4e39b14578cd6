//! Scoring workbooks: one per reviewer, or one for a group meeting.
//!
//! [`layout`] is the single description of the workbook that both [`mod@write`] and the reader
//! use, so a workbook the tool wrote always reads back.

pub mod citations;
mod copies;
pub mod layout;
pub mod prefill;
pub mod read;
pub mod write;

pub use layout::Kind;
pub use read::{Filled, Row, read};

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::Framework;
use crate::fsutil::write_atomic;

/// What happened to one workbook file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
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
    pub outcome: Outcome,
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
}

/// Writes the requested workbooks. A workbook that already holds entries is kept as it is
/// unless `force`; nothing is written if two reviewers would share a file name.
pub fn write_all(fw: &Framework, req: &Request<'_>) -> Result<Vec<Written>> {
    let kinds = kinds(req)?;
    let mut written = Vec::new();
    for kind in kinds {
        let path = req.dir.join(kind.file_name());
        let start = match &kind {
            // A group meeting after individual scoring starts from what members wrote.
            Kind::Group { members } if req.dir.is_dir() => {
                let (books, _) = read_dir(req.dir, fw)?;
                prefill::from_individuals(members, &books)
            }
            _ => prefill::Prefill::new(),
        };
        let bytes = write::render_from(fw, &kind, req.school, &start).map_err(|source| {
            Error::Spreadsheet {
                path: path.clone(),
                source,
            }
        })?;
        let outcome = match std::fs::read(&path) {
            Err(_) => Outcome::Created,
            Ok(old) if old == bytes => Outcome::Unchanged,
            Ok(_) if req.force => Outcome::Replaced,
            Ok(_) => match read(&path, fw) {
                (Some(filled), _) if !filled.has_entries() => Outcome::Replaced,
                _ => Outcome::Kept,
            },
        };
        if matches!(outcome, Outcome::Created | Outcome::Replaced) {
            write_atomic(&path, &bytes)?;
        }
        written.push(Written {
            path,
            reviewer: kind.reviewer().to_string(),
            outcome,
        });
    }
    Ok(written)
}

fn kinds(req: &Request<'_>) -> Result<Vec<Kind>> {
    let names: Vec<String> = req
        .reviewers
        .iter()
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    if names.is_empty() {
        return Err(Error::BadInput {
            what: "reviewers".into(),
            message: "no reviewers are named; list the online safety group under `reviewers` in review.toml, or give --reviewer NAME".into(),
        });
    }
    if let Some(name) = names.iter().find(|n| layout::is_reserved(n)) {
        return Err(Error::BadInput {
            what: "reviewers".into(),
            message: format!(
                "`{name}` cannot be a reviewer's name: the workbooks use it for the group or for a column; add a role or initials, e.g. `{name} (OSL)`"
            ),
        });
    }
    let mut slugs: Vec<(String, &str)> = Vec::new();
    for name in &names {
        let slug = layout::slug(name);
        if let Some((_, other)) = slugs.iter().find(|(s, _)| *s == slug) {
            return Err(Error::BadInput {
                what: "reviewers".into(),
                message: format!(
                    "`{other}` and `{name}` would share the workbook {slug}.xlsx; tell them apart, e.g. by adding a role"
                ),
            });
        }
        slugs.push((slug, name));
    }
    if req.group {
        return Ok(vec![Kind::Group { members: names }]);
    }
    Ok(names
        .into_iter()
        .map(|reviewer| Kind::Individual { reviewer })
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
mod tests;
