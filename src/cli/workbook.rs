//! `selfreview workbook`: scoring workbooks for the online safety group.

use std::path::Path;
use std::process::ExitCode;

use selfreview::review;
use selfreview::workbook::{self, Request};

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK, format};

/// The arguments of `selfreview workbook`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A reviewer to make a workbook for; repeat for several (default: `reviewers` in review.toml).
    #[arg(long, value_name = "NAME")]
    reviewer: Vec<String>,
    /// Make one workbook for a group meeting, with a level column per member, an Agreed
    /// column and a Rationale column.
    #[arg(long)]
    group: bool,
    /// Replace workbooks even if reviewers have already made entries in them.
    #[arg(long)]
    force: bool,
}

/// Writes the workbooks; `today` is the review date where review.toml sets none.
pub fn run(args: &Args, today: chrono::NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let here = Path::new(".");
    let opened = super::open_review(out)?;
    let review = &opened.review;
    let reviewers = if args.reviewer.is_empty() {
        &review.reviewers
    } else {
        &args.reviewer
    };
    let (named, checked) =
        selfreview::pipeline::pupil_named_reviewers(here, review, reviewers, today);
    if let Err(e) = checked {
        out.diagnostics(&named);
        return Err(e.into());
    }
    out.diagnostics(&named);
    if named.has_errors() {
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    let dir = review::Paths::new(here).scores();
    let written = workbook::write_all(
        &opened.framework.framework,
        &Request {
            dir: &dir,
            school: &review.school,
            reviewers,
            group: args.group,
            force: args.force,
            as_of: review.review_date.unwrap_or(today),
        },
    )?;
    if out.json {
        out.data(&written)?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    for w in &written {
        out.info(format::workbook::written(w));
    }
    out.info(
        "Give each reviewer their workbook. When they are filled in, put them back in scores/.",
    );
    Ok(ExitCode::from(EXIT_OK))
}
