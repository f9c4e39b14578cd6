//! What `selfreview import` shows: the evidence sources read, their findings and the
//! metrics, with no workbook or framework involved.
//!
//! The sources come either from a review's `[[evidence]]` entries or from files named on the
//! command line as one kind. Either way children's names are withheld from every report
//! before anything is returned, dates are settled against the date the metrics are for, and
//! the findings about dates are gathered; the command line only prints the result.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::Diagnostics;
use crate::error::Result;
use crate::evidence::Kind;
use crate::evidence::dating;
use crate::evidence::import::{self, Evidence, Request, SourceReport};
use crate::evidence::records::Mappings;
use crate::metrics::compute::{self, Metrics};
use crate::metrics::documents::{self, ReviewMonths};
use crate::metrics::terms::Terms;
use crate::review::{self, Review};

/// The evidence read for `import`, ready to show.
#[derive(Debug, Serialize)]
pub struct Imported {
    /// The date the metrics are for.
    pub as_of: NaiveDate,
    /// Each source read, with children's names withheld.
    pub sources: Vec<SourceReport>,
    /// The figures derived from them.
    pub metrics: Metrics,
    /// The sources that could not be imported, each with its file and why: every other
    /// source is still read and shown.
    pub failed: Vec<FailedSource>,
    /// Findings about dates: records older than their window, dated after the review date,
    /// a review date not set, or documents whose review is overdue.
    #[serde(skip)]
    pub findings: Diagnostics,
}

/// A source `import` could not read, with its file and why.
#[derive(Debug, Serialize)]
pub struct FailedSource {
    /// The file, as review.toml names it.
    pub path: PathBuf,
    /// Why it could not be imported, as the command line says it.
    pub reason: String,
}

/// Reads every `[[evidence]]` source of the review in `root`, each on its own: one that
/// cannot be imported is listed in [`Imported::failed`] and the others are still read. The metrics are for `as_of`,
/// else the review date, else `today`.
pub fn from_review(
    review: &Review,
    root: &Path,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Imported> {
    let mut findings = Diagnostics::default();
    if as_of.is_none() && review.review_date.is_none() {
        findings.push(dating::date_not_set(Path::new(review::REVIEW_FILE), today));
    }
    let as_of = as_of.or(review.review_date).unwrap_or(today);
    let (evidence, reports, failed) = import::import_each(&review.evidence, root, Some(as_of));
    // Import works without a framework; documents are then judged by their own dates.
    let months = crate::framework::resolve(&review.framework, root)
        .map(|f| documents::review_months(&f.framework))
        .unwrap_or_default();
    let mut imported = finish(
        evidence,
        reports,
        as_of,
        (&review.terms(), &months),
        findings,
    );
    imported.failed = failed
        .into_iter()
        .map(|f| FailedSource {
            path: f.path,
            reason: f.error.to_string(),
        })
        .collect();
    Ok(imported)
}

/// Reads `files` as evidence of one `kind`, without a review folder. The metrics are for
/// `as_of`, else `today`, with the English school terms.
pub fn from_files(
    kind: Kind,
    files: &[PathBuf],
    as_of: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Imported> {
    let mut evidence = Evidence::default();
    let mut reports = Vec::new();
    let none = Default::default();
    let as_of = as_of.unwrap_or(today);
    for file in files {
        let req = Request {
            kind,
            path: file,
            shown: file,
            sheet: None,
            columns: &none,
            maps: Mappings::default(),
            as_of: Some(as_of),
        };
        let report = import::import(&req, &mut evidence).map_err(|e| match e {
            crate::Error::Evidence { path, message } => crate::Error::Evidence {
                path,
                message: outside_a_folder(message),
            },
            other => other,
        })?;
        reports.push(report);
    }
    let findings = Diagnostics::default();
    let months = crate::framework::load_embedded(crate::framework::DEFAULT_ID)
        .map(|f| documents::review_months(&f.framework))
        .unwrap_or_default();
    let mut imported = finish(
        evidence,
        reports,
        as_of,
        (&Terms::English, &months),
        findings,
    );
    for d in &mut imported.findings.0 {
        if let Some(help) = d.help.take() {
            d.help = Some(outside_a_folder(help));
        } else {
            d.message = outside_a_folder(std::mem::take(&mut d.message));
        }
    }
    Ok(imported)
}

/// Advice that points at review.toml, said for files read with `--kind`, where there is
/// none: what it offers (a column mapped, a sheet named) is had by importing the file
/// from a review folder.
fn outside_a_folder(advice: String) -> String {
    if !advice.contains("review.toml") {
        return advice;
    }
    format!(
        "{advice} (files read with --kind have no review.toml: rename the heading or sheet in the file, or list it as [[evidence]] in a review folder's review.toml and run import there)"
    )
}

/// A policy register row that gives how often (`Annually`) and a last review dated after
/// the review date has no next review worked out, since that last review is not taken as
/// one anywhere: its note, written before the review date was known, is made to say so.
fn settle_frequencies(reports: &mut [SourceReport], e: &Evidence, as_of: NaiveDate) {
    for d in e.documents.iter().filter(|d| d.last_reviewed > Some(as_of)) {
        let Some(months) = d.every_months else {
            continue;
        };
        let every = crate::text::plural(months as usize, "month", "months");
        let (from, to) = (
            crate::evidence::registers::worked_out(&every),
            format!(
                "the next review would be worked out as {every} after the last review, but that last review is dated after the review date, so no next review date is worked out"
            ),
        );
        let row = d.place.as_ref().and_then(|p| {
            p.cell
                .as_deref()?
                .rsplit("row ")
                .next()?
                .parse::<u32>()
                .ok()
        });
        let head = format!("{}: ", d.name);
        for r in reports.iter_mut().filter(|r| r.kind == Kind::Documents) {
            for n in r
                .noted
                .iter_mut()
                .filter(|n| n.reason.starts_with(&head) && row.is_none_or(|row| row == n.row))
            {
                n.reason = n.reason.replace(&from, &to);
            }
        }
    }
}

/// Withholds names, settles dates, gathers the date findings and computes the metrics.
fn finish(
    mut evidence: Evidence,
    mut reports: Vec<SourceReport>,
    as_of: NaiveDate,
    (terms, months): (&Terms, &ReviewMonths),
    mut findings: Diagnostics,
) -> Imported {
    // A pupil's name in what the reports would show is an error at its cell, at import as
    // at score, so the lead can take it out before anything is written.
    let sources: Vec<(&std::path::Path, crate::evidence::Kind)> =
        reports.iter().map(|r| (r.path.as_path(), r.kind)).collect();
    findings
        .0
        .extend(super::withhold::records(&mut evidence, &sources).0);
    for r in &mut reports {
        r.withhold_names(&evidence.private);
        r.settle(as_of);
    }
    settle_frequencies(&mut reports, &evidence, as_of);
    findings
        .0
        .extend(reports.iter().flat_map(|r| dating::findings(r, as_of)));
    findings
        .0
        .extend(documents::findings(&evidence, months, as_of));
    // Findings echo sheet names, headings and cells of the school's files.
    super::withhold::diagnostics(&mut findings, &evidence.private);
    let metrics = compute::compute(&evidence, as_of, terms, months);
    Imported {
        as_of,
        sources: reports,
        metrics,
        failed: Vec::new(),
        findings,
    }
}
