//! `selfreview import`: read the school's evidence spreadsheets and show what they say.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::diag::Diagnostics;
use selfreview::evidence::Kind;
use selfreview::evidence::dating;
use selfreview::evidence::import::{self, Evidence, Request, SourceReport};
use selfreview::evidence::records::Mappings;
use selfreview::metrics::compute::{self, Metrics};
use selfreview::metrics::terms::Terms;
use selfreview::review;
use serde::Serialize;

use super::output::Output;
use super::{EXIT_OK, format};

/// The arguments of `selfreview import`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read FILEs directly as this kind (training, incidents, meetings or pupils), without a review folder.
    #[arg(long, value_name = "KIND", requires = "files")]
    kind: Option<Kind>,
    /// The files to read with --kind.
    #[arg(value_name = "FILE", requires = "kind")]
    files: Vec<PathBuf>,
    /// The date to compute the metrics for, as YYYY-MM-DD (default: the review date, else today).
    #[arg(long, value_name = "DATE", value_parser = super::dates::parse_date)]
    as_of: Option<NaiveDate>,
}

#[derive(Serialize)]
struct Report<'a> {
    as_of: NaiveDate,
    sources: &'a [SourceReport],
    metrics: &'a Metrics,
}

pub fn run(args: &Args, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let (mut evidence, mut reports, from_review) = match args.kind {
        Some(kind) => {
            let (evidence, reports) = read_files(kind, &args.files)?;
            (evidence, reports, None)
        }
        None => {
            let here = Path::new(".");
            let (review, warnings) = review::load(here)?;
            out.diagnostics(&warnings);
            let (evidence, reports) = import::import_review(&review.evidence, here)?;
            let dating = (review.review_date, review.terms());
            (evidence, reports, Some(dating))
        }
    };
    evidence.withhold_names();
    for r in &mut reports {
        r.withhold_names(&evidence.private);
    }
    let in_review = from_review.is_some();
    let (review_date, terms) = from_review.unwrap_or((None, Terms::English));
    let as_of = args.as_of.or(review_date).unwrap_or(today);
    for r in &mut reports {
        r.settle(as_of);
    }
    let mut found = Diagnostics::default();
    if in_review && args.as_of.is_none() && review_date.is_none() {
        found.push(dating::date_not_set(Path::new(review::REVIEW_FILE), today));
    }
    found
        .0
        .extend(reports.iter().flat_map(|r| dating::findings(r, as_of)));
    out.diagnostics(&found);
    let metrics = compute::compute(&evidence, as_of, &terms);
    if out.json {
        out.data(&Report {
            as_of,
            sources: &reports,
            metrics: &metrics,
        })?;
    } else {
        for r in &reports {
            out.info(format::import::source(r));
        }
        out.info(format::metrics::metrics(&metrics));
    }
    Ok(ExitCode::from(EXIT_OK))
}

/// Reads files given on the command line as one kind of evidence, without a review folder.
fn read_files(kind: Kind, files: &[PathBuf]) -> selfreview::Result<(Evidence, Vec<SourceReport>)> {
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
    Ok((evidence, reports))
}
