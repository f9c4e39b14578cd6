//! `selfreview import`: read the school's evidence spreadsheets and show what they say.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::evidence::Kind;
use selfreview::pipeline::imported;
use selfreview::review;

use super::output::Output;
use super::{EXIT_FAILED, EXIT_FINDINGS, EXIT_OK, format};

/// The arguments of `selfreview import`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read FILEs directly as this kind (training, incidents, meetings, documents, agreements, filtering, surveys, engagement or pupils), without a review folder.
    #[arg(long, value_name = "KIND", requires = "files")]
    kind: Option<Kind>,
    /// The files to read with --kind.
    #[arg(value_name = "FILE", requires = "kind")]
    files: Vec<PathBuf>,
    /// The date to compute the metrics for, as YYYY-MM-DD (default: the review date, else today).
    #[arg(long, value_name = "DATE", value_parser = super::dates::parse_date)]
    as_of: Option<NaiveDate>,
}

pub fn run(args: &Args, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let imported = match args.kind {
        Some(kind) => imported::from_files(kind, &args.files, args.as_of, today)?,
        None => {
            let here = Path::new(".");
            let (review, warnings) = review::load(here)?;
            out.diagnostics(&warnings);
            imported::from_review(&review, here, args.as_of, today)?
        }
    };
    out.diagnostics(&imported.findings);
    if out.json {
        out.data(&imported)?;
    } else {
        for r in &imported.sources {
            out.info(format::import::source(r));
        }
        out.info(format::metrics::metrics(&imported.metrics));
    }
    // A source that could not be imported is named after everything that could be: the
    // import was not done in full.
    for f in &imported.failed {
        out.problem(format!("error: {}", f.reason));
    }
    if !imported.failed.is_empty() {
        return Ok(ExitCode::from(EXIT_FAILED));
    }
    // A finding at error severity (a pupil's name where reports would show it) is a
    // problem the lead must fix: the import was done, with problems.
    let code = if imported.findings.has_errors() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    Ok(ExitCode::from(code))
}
