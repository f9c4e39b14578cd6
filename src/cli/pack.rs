//! `selfreview pack` and `selfreview verify`: the evidence zip and the assessor's check.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::pack::{self, PackOutcome};
use selfreview::pipeline;

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK, format};

/// The arguments of `selfreview pack`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct PackArgs {
    /// Where to write the zip (default: out/<school>-evidence-<review date>.zip).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The arguments of `selfreview verify`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The evidence pack (zip) to check.
    #[arg(value_name = "PACK")]
    pack: PathBuf,
    /// The manifest's fingerprint as the school sent it separately (by letter or email);
    /// spaces and capitals do not matter. Without it, a manifest recomputed after a change
    /// cannot be told from the school's.
    #[arg(long, value_name = "HEX")]
    fingerprint: Option<String>,
}

pub fn run_pack(args: &PackArgs, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let here = Path::new(".");
    let r = pipeline::run(here, today)?;
    pack::check_output_name(&r, args.output.as_deref())?;
    let target = pack::destination(&r, args.output.as_deref());
    // Fail closed, as `report` does: nothing is packed while a level cannot be read.
    if !r.unreadable_levels().is_empty() {
        return refused(&r, &target, &r.diagnostics, out);
    }
    let templates = Path::new("templates");
    let outcome = pack::pack(
        &r,
        args.output.as_deref(),
        templates.is_dir().then_some(templates),
    );
    match outcome {
        Ok(PackOutcome::Written {
            path,
            files,
            fingerprint,
            warnings,
        }) => {
            let mut all = r.diagnostics.clone();
            all.0.extend(warnings.0);
            if out.json {
                out.data(&serde_json::json!({ "pack": path, "files": files, "fingerprint": fingerprint, "diagnostics": all }))?;
            } else {
                out.diagnostics(&all);
                out.info(format::pack::written(&path, files, &fingerprint));
            }
            Ok(ExitCode::from(if r.diagnostics.has_errors() {
                EXIT_FINDINGS
            } else {
                EXIT_OK
            }))
        }
        Ok(PackOutcome::Refused(findings)) => refused(&r, &target, &findings, out),
        Err(e) => {
            if withdrawn(&r, &target, out) {
                out.problem(format::pack::withdrawn(&target));
            }
            Err(e.into())
        }
    }
}

/// Says why the pack was not written, after removing an earlier pack it would have
/// replaced, so that one is not taken for this review's.
fn refused(
    r: &pipeline::Reviewed,
    target: &Path,
    findings: &selfreview::diag::Diagnostics,
    out: &Output,
) -> anyhow::Result<ExitCode> {
    let removed = withdrawn(r, target, out);
    if out.json {
        out.data(&serde_json::json!({ "pack": null, "removed": removed.then_some(target), "diagnostics": findings }))?;
    } else {
        out.diagnostics(findings);
        out.problem(
            "The pack was not written: fix the problems above and run `selfreview pack` again.",
        );
        if removed {
            out.problem(format::pack::withdrawn(target));
        }
    }
    Ok(ExitCode::from(EXIT_FINDINGS))
}

/// Removes an earlier pack at `target`; whether one was. A pack that cannot be removed is
/// said, never put in the place of the refusal the school must hear.
fn withdrawn(r: &pipeline::Reviewed, target: &Path, out: &Output) -> bool {
    pack::withdraw(r, target).unwrap_or_else(|also| {
        out.problem(format!("The earlier pack could not be removed: {also}."));
        false
    })
}

pub fn run_verify(args: &VerifyArgs, out: &Output) -> anyhow::Result<ExitCode> {
    let expected = match &args.fingerprint {
        Some(text) => Some(
            pack::Fingerprint::parse(text)
                .map_err(|why| anyhow::anyhow!("--fingerprint {text}: {why}"))?,
        ),
        None => None,
    };
    let verified = pack::verify(&args.pack, expected.as_ref())?;
    let ok = verified.findings.is_empty();
    if out.json {
        out.data(&serde_json::json!({ "intact": ok, "entries_intact": verified.intact, "fingerprint": verified.fingerprint, "fingerprint_checked": expected.is_some(), "manifest": verified.manifest, "diagnostics": verified.findings }))?;
    } else {
        out.diagnostics(&verified.findings);
        if ok {
            out.info(format::pack::intact(
                &args.pack,
                &verified,
                expected.is_some(),
            ));
        } else {
            out.problem(format::pack::not_intact(&args.pack, &verified));
        }
    }
    Ok(ExitCode::from(if ok { EXIT_OK } else { EXIT_FINDINGS }))
}
