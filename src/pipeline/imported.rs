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
    /// Findings about dates: records older than their window, dated after the review date,
    /// a review date not set, or documents whose review is overdue.
    #[serde(skip)]
    pub findings: Diagnostics,
}

/// Reads every `[[evidence]]` source of the review in `root`. The metrics are for `as_of`,
/// else the review date, else `today`.
pub fn from_review(
    review: &Review,
    root: &Path,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Imported> {
    let (evidence, reports) = import::import_review(&review.evidence, root)?;
    let mut findings = Diagnostics::default();
    if as_of.is_none() && review.review_date.is_none() {
        findings.push(dating::date_not_set(Path::new(review::REVIEW_FILE), today));
    }
    let as_of = as_of.or(review.review_date).unwrap_or(today);
    // Import works without a framework; documents are then judged by their own dates.
    let months = crate::framework::resolve(&review.framework, root)
        .map(|f| documents::review_months(&f.framework))
        .unwrap_or_default();
    Ok(finish(
        evidence,
        reports,
        as_of,
        (&review.terms(), &months),
        findings,
    ))
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
    for file in files {
        let req = Request {
            kind,
            path: file,
            shown: file,
            sheet: None,
            columns: &none,
            maps: Mappings::default(),
        };
        reports.push(import::import(&req, &mut evidence)?);
    }
    let as_of = as_of.unwrap_or(today);
    let findings = Diagnostics::default();
    let months = crate::framework::load_embedded(crate::framework::DEFAULT_ID)
        .map(|f| documents::review_months(&f.framework))
        .unwrap_or_default();
    Ok(finish(
        evidence,
        reports,
        as_of,
        (&Terms::English, &months),
        findings,
    ))
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
    findings
        .0
        .extend(reports.iter().flat_map(|r| dating::findings(r, as_of)));
    findings
        .0
        .extend(documents::findings(&evidence, months, as_of));
    let metrics = compute::compute(&evidence, as_of, terms, months);
    Imported {
        as_of,
        sources: reports,
        metrics,
        findings,
    }
}
