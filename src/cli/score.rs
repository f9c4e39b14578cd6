//! `selfreview score`: consolidate the group's workbooks and judge readiness for the Mark.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::pipeline;

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK};

/// The arguments of `selfreview score`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exit with code 1 when the review is not ready to apply for the Online Safety Mark.
    #[arg(long)]
    strict: bool,
}

pub fn run(args: &Args, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let r = pipeline::run(Path::new("."), today)?;
    if let Err(e) = r.names_checked() {
        out.diagnostics(&r.diagnostics);
        return Err(e.into());
    }
    // A snapshot with a level that could not be read would be compared with later as if
    // it were the review: none is kept until it is fixed.
    let snapshot = if !r.unreadable_levels().is_empty() {
        None
    } else {
        Some(r.save_snapshot()?)
    };

    if out.json {
        let json = r.snapshot_json(Path::new("score --json"))?;
        let doc: serde_json::Value = serde_json::from_slice(&json)?;
        out.data(&doc)?;
    } else {
        out.diagnostics(&r.diagnostics);
        let paint = super::format::Paint {
            colour: out.colour(),
        };
        let summary = super::format::score::summary(&r.scored, &r.framework.framework, paint);
        out.info(summary);
        if let Some(renewal) = &r.renewal {
            out.info(super::format::renewal::renewal(renewal));
        }
        let before = r.scored.review_date;
        let previous = selfreview::report::previous_snapshot(
            &r.paths.history(),
            before,
            &r.scored.framework,
            Path::new("."),
        );
        if let Some((old, map)) = previous
            .as_ref()
            .and_then(|p| Some((p.date, p.mapped.as_ref()?)))
        {
            out.info(format!(
                "The reports compare this review with the one of {}, scored on `{}`, its levels carried through the framework map {}.",
                selfreview::dates::uk(old),
                map.0,
                map.1
            ));
        }
        match &snapshot {
            Some(path) => out.info(format!("Snapshot saved to {}", path.display())),
            None => out.problem(
                "No snapshot was saved: fix the problems above and run `selfreview score` again.",
            ),
        }
    }
    let failed = r.diagnostics.has_errors() || (args.strict && !r.scored.ready);
    Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK }))
}
