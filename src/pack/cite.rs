//! Citations of evidence in the workbooks, and the files each one names.
//!
//! A citation is found as written or, failing that, with its accents in the other
//! Unicode form; it must stay inside the evidence folder, links included; and it must name
//! documents: a pipe, socket or device is refused from its type alone, never opened.

use std::path::{Component, Path, PathBuf};

use crate::diag::{Code, Location};
use crate::pipeline::Reviewed;

/// A citation of evidence in a workbook.
pub(super) struct Cited {
    pub(super) aspect: String,
    pub(super) text: String,
    pub(super) at: Location,
}

pub(super) fn citations(r: &Reviewed) -> Vec<Cited> {
    let mut books: Vec<_> = r.workbooks.iter().collect();
    books.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = Vec::new();
    for book in books {
        for row in &book.rows {
            for text in &row.evidence {
                let mut at = Location::file(&book.path);
                at.cell = row.evidence_cell.clone();
                out.push(Cited {
                    aspect: row.code.clone(),
                    text: text.clone(),
                    at,
                });
            }
        }
    }
    out
}

/// The files a citation names: one file, or every file in a cited folder.
pub(super) fn resolve(
    root: &Path,
    cited: &str,
) -> std::result::Result<Vec<PathBuf>, (Code, String)> {
    let c = cited.trim().replace('\\', "/");
    let rel = c.strip_prefix("evidence/").unwrap_or(&c);
    let rel_path = Path::new(rel);
    let unsafe_path = rel_path.is_absolute()
        || rel.starts_with('/')
        || rel.chars().nth(1) == Some(':')
        || rel_path.components().any(|p| {
            matches!(
                p,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    if unsafe_path {
        return Err((
            Code::UnsafeEvidencePath,
            format!("`{cited}`, which points outside the evidence folder"),
        ));
    }
    // Found as written, or with its accents written the other way (normal form C).
    let Some(full) = crate::workbook::citations::locate(root, rel) else {
        return Err((
            Code::MissingEvidence,
            format!("`{cited}`, which is not in the evidence folder"),
        ));
    };
    let inside = |p: &Path| -> bool {
        match (p.canonicalize(), root.canonicalize()) {
            (Ok(p), Ok(r)) => p.starts_with(r),
            _ => false,
        }
    };
    if !inside(&full) {
        return Err((
            Code::UnsafeEvidencePath,
            format!("`{cited}`, which leads outside the evidence folder through a link"),
        ));
    }
    let mut files = Vec::new();
    let mut stack = vec![full.clone()];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            let mut children: Vec<PathBuf> = std::fs::read_dir(&p)
                .map_err(|e| {
                    (
                        Code::MissingEvidence,
                        format!("`{cited}`, which cannot be read: {e}"),
                    )
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            children.sort();
            stack.extend(children.into_iter().rev());
        } else if let Some(what) = not_a_file(&p) {
            // A pipe would make the pack wait for ever and a device never ends: refused
            // from the file's type alone, without opening it.
            let which = if p == full {
                String::new()
            } else {
                let inner = p.strip_prefix(&full).unwrap_or(&p);
                format!(" holds {} and that", inner.display())
            };
            return Err((
                Code::EvidenceNotAFile,
                format!("`{cited}`, which{which} is {what}, not a document"),
            ));
        } else if inside(&p) {
            files.push(p);
        } else {
            return Err((
                Code::UnsafeEvidencePath,
                format!("`{cited}`, which holds a link to a file outside the evidence folder"),
            ));
        }
    }
    Ok(files)
}

/// What `path` is when it is not a regular file (links followed), judged without opening it;
/// a link that leads nowhere is named as such.
fn not_a_file(path: &Path) -> Option<&'static str> {
    if std::fs::metadata(path).is_err() {
        return Some("a link to nothing");
    }
    crate::fsutil::not_a_regular_file(path)
}
