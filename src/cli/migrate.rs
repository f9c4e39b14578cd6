//! `selfreview migrate --to ID`: the review carried to a revised framework.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::migrate::{self, Migration};

use super::EXIT_OK;
use super::output::Output;

/// The arguments of `selfreview migrate`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The framework to carry the review to (see `framework list`), e.g. `online-safety-18`.
    #[arg(long, value_name = "ID")]
    to: String,
}

pub fn run(args: &Args, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let done = migrate::migrate(Path::new("."), &args.to, today)?;
    if out.json {
        out.data(&done)?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    match &done {
        Migration::AlreadyThere { framework } => out.info(format!(
            "review.toml already names `{framework}`: nothing to carry across, and nothing was changed."
        )),
        Migration::Migrated(m) => {
            out.info(migrate::summary_text(m));
            out.info(format!(
                "wrote {}\nNext: score the review with `selfreview score`, then look at each flagged aspect with the group.",
                m.summary.display()
            ));
        }
    }
    Ok(ExitCode::from(EXIT_OK))
}
