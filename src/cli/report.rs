//! `selfreview report`: the HTML report, the governors' report and the summary workbook.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::review::Paths;
use selfreview::{pipeline, report};

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK};

/// The arguments of `selfreview report`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: &Args, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let here = Path::new(".");
    // A run that refuses removes the reports it would have replaced: one left from an
    // earlier run would read as this review's.
    let r = match pipeline::run(here, today) {
        Ok(r) => r,
        Err(e) => return Err(withdrawn(&Paths::new(here), e.into(), out)),
    };
    if let Err(e) = r.names_checked() {
        out.diagnostics(&r.diagnostics);
        return Err(withdrawn(&r.paths, e.into(), out));
    }
    // Fail closed: a report drawn from a level that could not be read would show another
    // level in its place, so nothing is written until it is fixed.
    if !r.unreadable_levels().is_empty() {
        // The refusal is what the school must hear; a file that could not be removed is
        // said beside it, never in its place.
        let removed = report::withdraw(&r.paths).unwrap_or_else(|also| {
            out.problem(format!(
                "The earlier reports could not all be removed: {also}."
            ));
            Vec::new()
        });
        if out.json {
            let written: [&str; 0] = [];
            out.data(&serde_json::json!({ "written": written, "removed": removed, "diagnostics": r.diagnostics }))?;
        } else {
            out.diagnostics(&r.diagnostics);
            out.problem(format!(
                "Nothing was written{}: fix the problems above and run `selfreview report` again.",
                removed_words(&removed)
            ));
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
    let written = report::render(
        &r,
        previous.as_ref(),
        overrides.is_dir().then_some(overrides),
    )
    .and_then(|rendered| report::write(&rendered, &r.paths, &r.evidence.private));
    let written = match written {
        Ok(written) => written,
        Err(e) => return Err(withdrawn(&r.paths, e.into(), out)),
    };
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

/// `error`, after removing the reports the refused run would have replaced, with what was
/// removed said after it. In a folder that is not a review there is nothing to remove.
fn withdrawn(paths: &Paths, error: anyhow::Error, out: &Output) -> anyhow::Error {
    if !paths.review_file().is_file() {
        return error;
    }
    match report::withdraw(paths) {
        Ok(removed) if removed.is_empty() => error,
        Ok(removed) => {
            if !out.json {
                out.problem(format!("Nothing was written{}.", removed_words(&removed)));
            }
            error
        }
        Err(also) => {
            out.problem(format!(
                "The earlier reports could not all be removed: {also}."
            ));
            error
        }
    }
}

/// ", and the earlier out/report.html, … were removed so that none is taken for this
/// review's", or nothing when none was there.
fn removed_words(removed: &[PathBuf]) -> String {
    if removed.is_empty() {
        return String::new();
    }
    let names: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
    format!(
        ", and the earlier {} {} removed so that none is taken for this review's",
        names.join(", "),
        if names.len() == 1 { "was" } else { "were" }
    )
}
