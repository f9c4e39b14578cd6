//! `selfreview demo`: a fictional school's whole review, from workbooks to a verified pack.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::demo::{self, Step};
use selfreview::pack::PackOutcome;

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK, format};

/// The arguments of `selfreview demo`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write the demo review into; it must be empty or new.
    #[arg(value_name = "DIR", default_value = demo::DEFAULT_DIR)]
    dir: PathBuf,
}

pub fn run(args: &Args, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let dir = args.dir.as_path();
    let done = demo::run(dir, today, |step| {
        match step {
            Step::Pack(PackOutcome::Written { warnings, .. }) => out.diagnostics(warnings),
            Step::Pack(PackOutcome::Refused(findings)) => {
                out.diagnostics(findings);
                out.problem("The demo's pack was refused; this is a bug in the samples.");
            }
            Step::Verify(verified) => out.diagnostics(&verified.findings),
            _ => {}
        }
        if let Some(line) = format::demo::step(dir, &step) {
            out.info(line);
        }
    })?;
    // A refused pack or one that fails its check was shown by its findings above.
    let pack = match done.pack_path() {
        Some(pack) if done.succeeded() => pack,
        _ => return Ok(ExitCode::from(EXIT_FINDINGS)),
    };
    out.info(format::demo::closing(dir, &done.reports[0], pack));
    if out.json {
        let ready = done.reviewed.scored.ready;
        out.data(&serde_json::json!({ "dir": dir, "report": done.reports[0], "pack": pack, "ready": ready }))?;
    }
    Ok(ExitCode::from(EXIT_OK))
}
