//! `selfreview report`: the HTML report, the governors' report and the summary workbook.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::{pipeline, report};

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK};

/// The arguments of `selfreview report`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: &Args, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let here = Path::new(".");
    let r = pipeline::run(here, today)?;
    if let Err(e) = r.names_checked() {
        out.diagnostics(&r.diagnostics);
        return Err(e.into());
    }
    // Fail closed: a report drawn from a level that could not be read would show another
    // level in its place, so nothing is written until it is fixed.
    if !r.unreadable_levels().is_empty() {
        if out.json {
            let written: [&str; 0] = [];
            out.data(&serde_json::json!({ "written": written, "diagnostics": r.diagnostics }))?;
        } else {
            out.diagnostics(&r.diagnostics);
            out.problem(
                "Nothing was written: fix the problems above and run `selfreview report` again.",
            );
        }
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    let previous = report::previous_snapshot(
        &r.paths.history(),
        r.scored.review_date,
        &r.scored.framework,
        &r.paths.root,
    );
    let overrides = Path::new("templates");
    let rendered = report::render(
        &r,
        previous.as_ref(),
        overrides.is_dir().then_some(overrides),
    )?;
    let written = report::write(&rendered, &r.paths, &r.evidence.private)?;
    if out.json {
        out.data(&serde_json::json!({ "written": written, "diagnostics": r.diagnostics }))?;
    } else {
        out.diagnostics(&r.diagnostics);
        for path in &written {
            out.info(format!("wrote {}", path.display()));
        }
        out.info("Open out/report.html in a web browser; print it from there if you need paper.");
    }
    Ok(ExitCode::from(if r.diagnostics.has_errors() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }))
}
