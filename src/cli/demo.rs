//! `selfreview demo`: a fictional school's whole review, from workbooks to a verified pack.

use std::path::PathBuf;
use std::process::ExitCode;

use selfreview::evidence::import;
use selfreview::pack::{self, PackOutcome};
use selfreview::workbook::{self, Request};
use selfreview::{demo, pipeline, report, review};

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK};

/// The arguments of `selfreview demo`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write the demo review into; it must be empty or new.
    #[arg(value_name = "DIR", default_value = demo::DEFAULT_DIR)]
    dir: PathBuf,
}

pub fn run(args: &Args, out: &Output) -> anyhow::Result<ExitCode> {
    let dir = args.dir.as_path();
    let step = |n: u8, text: String| out.info(format!("{n}. {text}"));
    let written = demo::write_samples(dir)?;
    step(
        1,
        format!(
            "Wrote the sample review of Oakfield Primary School (a fictional school) to {}: {} files.",
            dir.display(),
            written.len()
        ),
    );

    let (settings, _) = review::load(dir)?;
    let loaded = selfreview::framework::resolve(&settings.framework, dir)?;
    let made = workbook::write_all(
        &loaded.framework,
        &Request {
            dir: &review::Paths::new(dir).scores(),
            school: &settings.school,
            reviewers: &settings.reviewers,
            group: false,
            force: false,
        },
    )?;
    let created: Vec<String> = made
        .iter()
        .filter(|w| w.outcome == workbook::Outcome::Created)
        .map(|w| w.reviewer.clone())
        .collect();
    let kept = made
        .iter()
        .filter(|w| w.outcome == workbook::Outcome::Kept)
        .count();
    step(
        2,
        format!(
            "workbook: kept the {kept} filled-in workbooks; made a blank one for {}.",
            created.join(", ")
        ),
    );

    let (_, sources) = import::import_review(&settings.evidence, dir)?;
    let used: usize = sources.iter().map(|s| s.rows_used).sum();
    let skipped: usize = sources.iter().map(|s| s.skipped.len()).sum();
    step(
        3,
        format!(
            "import: read {} evidence spreadsheets: {used} rows used, {skipped} skipped with a reason (see `selfreview -C {} import`).",
            sources.len(),
            dir.display()
        ),
    );

    let r = pipeline::run(dir, chrono::Local::now().date_naive())?;
    let snapshot = r.save_snapshot()?;
    let s = &r.scored;
    let below = s
        .aspects
        .iter()
        .filter(|a| a.gap_to_benchmark.is_some_and(|g| g > 0))
        .count();
    step(
        4,
        format!(
            "score: {} of {} aspects complete, {below} below the benchmark, {} claimed levels the records do not support: {}. Snapshot in {}.",
            s.aspects.iter().filter(|a| a.complete).count(),
            s.aspects.len(),
            s.aspects.iter().filter(|a| a.evidenced > a.agreed).count(),
            if s.ready {
                "ready to apply for the Online Safety Mark"
            } else {
                "not yet ready to apply"
            },
            snapshot.display()
        ),
    );

    let templates = dir.join("templates");
    let previous = report::previous_snapshot(&r.paths.history(), s.review_date);
    let rendered = report::render(
        &r,
        previous.as_ref(),
        templates.is_dir().then_some(templates.as_path()),
    )?;
    let reports = report::write(&rendered, &r.paths, &r.evidence.private)?;
    step(5, format!("report: wrote {}.", names(&reports)));

    let pack_path = match pack::pack(&r, None, templates.is_dir().then_some(templates.as_path()))? {
        PackOutcome::Written {
            path,
            files,
            warnings,
        } => {
            out.diagnostics(&warnings);
            let left_out = if warnings.is_empty() {
                ""
            } else {
                "; evidence that names people was left out, as the warnings say"
            };
            step(
                6,
                format!("pack: wrote {} ({files} files){left_out}.", path.display()),
            );
            path
        }
        PackOutcome::Refused(findings) => {
            out.diagnostics(&findings);
            out.problem("The demo's pack was refused; this is a bug in the samples.");
            return Ok(ExitCode::from(EXIT_FINDINGS));
        }
    };

    let verified = pack::verify(&pack_path)?;
    if !verified.findings.is_empty() {
        out.diagnostics(&verified.findings);
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    step(
        7,
        format!(
            "verify: the pack is intact; all {} files match its manifest.",
            verified.intact
        ),
    );
    out.info(format!(
        "\nOpen {} in a web browser to read the review. The pack for the assessor is {}.\nTry `selfreview -C {} score` or look around the folder: it is laid out as your own review would be.",
        reports[0].display(),
        pack_path.display(),
        dir.display()
    ));
    if out.json {
        out.data(&serde_json::json!({ "dir": dir, "report": reports[0], "pack": pack_path, "ready": s.ready }))?;
    }
    Ok(ExitCode::from(EXIT_OK))
}

fn names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
