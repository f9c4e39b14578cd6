//! The evidence pack: one zip the Online Safety Lead sends the assessor.
//!
//! It holds the report as `index.html` (its evidence links point inside the pack), the
//! governors' report and summary workbook, a folder per aspect with its commentary and the
//! evidence documents the workbooks cite, anonymised evidence summaries as CSV, and
//! `manifest.json` with the size and SHA-256 of every file. Building it is refused, with
//! every reason at once, when a cited file is missing or lies outside the evidence folder,
//! or when anything it would contain holds a name from the incident records.
//!
//! Building runs one way, each stage reading the review and what the stage before made:
//! `target` checks where the zip may go; `plan` resolves the workbooks' citations
//! (`cite`) into the documents to copy; `contents` renders the reports, commentary and
//! `summaries` linked to those documents; `privacy` reads every planned entry and can
//! refuse the pack; `write` streams the zip and its `manifest`. [`verify()`] is the
//! assessor's side: it checks a zip against its manifest.

mod cite;
mod contents;
mod handover;
mod manifest;
mod plan;
mod privacy;
mod summaries;
mod target;
mod verify;
mod write;

pub use manifest::{Fingerprint, Manifest, NAME as MANIFEST};
pub use verify::{Verified, verify};

use std::path::{Path, PathBuf};

use crate::diag::Diagnostics;
use crate::error::Result;
use crate::pipeline::Reviewed;

/// What became of a request for a pack.
#[derive(Debug)]
pub enum PackOutcome {
    /// Written.
    Written {
        /// Where.
        path: PathBuf,
        /// Files in it, the manifest aside.
        files: usize,
        /// The SHA-256 of its manifest, lower-case hex: what the school sends the assessor
        /// separately, printed short by [`Fingerprint::short`].
        fingerprint: String,
        /// Warnings, e.g. evidence left out to protect names.
        warnings: Diagnostics,
    },
    /// Not written; the findings say why.
    Refused(Diagnostics),
}

/// The default file name: `<school-slug>-evidence-<review-date>.zip`.
pub fn default_name(school: &str, date: chrono::NaiveDate) -> String {
    let mut slug = crate::text::slug(school);
    if slug.is_empty() {
        slug = "school".to_string();
    }
    format!("{slug}-evidence-{}.zip", date.format("%Y-%m-%d"))
}

/// Where the pack goes: `output`, or `out/<default name>`.
pub fn destination(r: &Reviewed, output: Option<&Path>) -> PathBuf {
    output.map(Path::to_path_buf).unwrap_or_else(|| {
        r.paths
            .out()
            .join(default_name(&r.scored.school, r.scored.review_date))
    })
}

/// Refuses an `output` path (given with `pack -o`) that names a child on the review's lists
/// of names, before anything is written or removed there.
pub fn check_output_name(r: &Reviewed, output: Option<&Path>) -> Result<()> {
    let named = output.is_some_and(|p| {
        crate::privacy::read::text_holds_name(&r.evidence.private, &p.to_string_lossy())
    });
    if named {
        return Err(crate::error::Error::OutputNamed {
            option: "--output (-o)",
        });
    }
    Ok(())
}

/// Removes the earlier pack at `path`, when a run that would have replaced it refuses: a
/// pack left from an earlier run reads as this review's, and may hold what this run
/// refused. Only an evidence pack selfreview made, in a place a pack may be written, is
/// removed; returns whether one was.
pub fn withdraw(r: &Reviewed, path: &Path) -> Result<bool> {
    if !path.is_file() || target::check(path, &r.paths).is_err() {
        return Ok(false);
    }
    std::fs::remove_file(path).map_err(|source| crate::error::Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(true)
}

/// Builds the pack for a reviewed review and writes it to `output` (default:
/// `out/<default name>`), atomically. An output that would replace one of the review's own
/// files, or anything but an earlier pack, is refused before anything is built.
///
/// Each stage reads the review and what the stage before it made, nothing more: the place
/// is checked (`target`), the cited documents are planned (`plan::documents`), the
/// reports and summaries are rendered with links to those documents (`contents`), the
/// privacy guard reads every planned entry (`privacy::guard`), and only a plan with no
/// error is written (`write`).
pub fn pack(r: &Reviewed, output: Option<&Path>, templates: Option<&Path>) -> Result<PackOutcome> {
    check_output_name(r, output)?;
    let path = destination(r, output);
    target::check(&path, &r.paths)?;
    let documents = plan::documents(r);
    let made = contents::render(r, &documents.links, templates)?;
    let mut plan = plan::Plan::new(documents, made);
    let guarded = privacy::guard(r, &plan);
    let mut findings = std::mem::take(&mut plan.findings);
    findings.0.extend(guarded.0);
    findings.0.extend(handover::warnings(r).0);
    if findings.has_errors() {
        return Ok(PackOutcome::Refused(findings));
    }
    // A pack killed part-way leaves a large temporary beside the target: clear it first.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    crate::fsutil::temporaries::sweep(dir.unwrap_or(Path::new(".")));
    let (files, fingerprint) = write::write(r, &plan, &path)?;
    Ok(PackOutcome::Written {
        path,
        files,
        fingerprint,
        warnings: findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_are_file_safe() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid");
        assert_eq!(
            default_name("St Mary's C of E Primary", d),
            "st-mary-s-c-of-e-primary-evidence-2026-11-01.zip"
        );
    }
}
