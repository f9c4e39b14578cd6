//! `selfreview init`: start a new review folder.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::framework;
use selfreview::review::{self, InitOptions};

use super::EXIT_OK;
use super::output::Output;

/// The arguments of `selfreview init`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to create or fill.
    #[arg(value_name = "DIR", default_value = ".")]
    dir: PathBuf,
    /// The school's name, as reports and the evidence pack should show it.
    #[arg(long, value_name = "NAME")]
    school: String,
    /// The framework to score against: a built-in id or a framework file.
    #[arg(long, value_name = "ID|FILE", default_value = framework::DEFAULT_ID)]
    framework: String,
    /// The review date, as YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = super::dates::parse_date)]
    review_date: Option<NaiveDate>,
}

pub fn run(args: &Args, today: NaiveDate, out: &Output) -> anyhow::Result<ExitCode> {
    let school = args.school.trim();
    if school.is_empty() {
        return Err(selfreview::Error::BlankSchool.into());
    }
    let loaded = framework::resolve(&args.framework, std::path::Path::new("."))?;
    out.diagnostics(&loaded.warnings);
    let review_date = args.review_date.unwrap_or(today);
    let written = review::init(&InitOptions {
        dir: &args.dir,
        school,
        framework: &loaded,
        review_date,
    })?;
    if out.json {
        out.data(&serde_json::json!({
            "dir": args.dir,
            "school": school,
            "framework": { "id": loaded.framework.id, "version": loaded.framework.version },
            "review_date": review_date,
            "written": written,
        }))?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    out.info(format!(
        "Created the review folder {} for {school}, scored against {} {}:",
        args.dir.display(),
        loaded.framework.id,
        loaded.framework.version
    ));
    for path in &written {
        let shown = path.strip_prefix(&args.dir).unwrap_or(path);
        out.info(format!("  {}", shown.display()));
    }
    out.info(
        "Next: list your online safety group under `reviewers` in review.toml, then fill in \
         or replace the evidence templates with the records you already keep.",
    );
    out.info(
        "Before you make the evidence pack, add your pupil list so that no child's name can \
         reach it: export it from your management information system (forename, preferred \
         forename and surname columns) into evidence/, and add it to review.toml as \
         [[evidence]] kind = \"pupils\" (the lines are there, commented out).",
    );
    Ok(ExitCode::from(EXIT_OK))
}
