//! The command line: global options, the subcommands and the exit codes.
//!
//! `args.rs` holds the options and subcommands (their doc comments are the `--help` text).
//! Each subcommand lives in its own file with an `Args` struct and a `run` that calls the
//! library; `format/` turns results into the text a person reads, and only `output.rs`
//! prints. Today's date is read once, in [`run`], and passed to the commands that need it.

mod args;
mod dates;
mod demo;
mod format;
mod framework;
mod import;
mod init;
mod kept_out;
mod migrate;
pub mod output;
mod pack;
mod report;
mod score;
mod terminal;
mod workbook;

use std::process::ExitCode;

use anyhow::Context;

pub use args::Cli;
use args::Command;

/// Exit code: the job ran and found no problem at error severity.
pub const EXIT_OK: u8 = 0;
/// Exit code: the job ran and found problems at error severity.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the job could not be done (bad arguments, unreadable file, I/O).
pub const EXIT_FAILED: u8 = 2;

/// The exit code of a command that stopped with `err`: an output refused because it
/// would hold a child's name, or could not be searched for one, is a problem found in the
/// school's files ([`EXIT_FINDINGS`], as a refused pack is); anything else could not be
/// done.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    use selfreview::Error;
    match err.downcast_ref::<Error>() {
        Some(Error::NameInOutput { .. } | Error::OutputUnsearchable { .. }) => EXIT_FINDINGS,
        _ => EXIT_FAILED,
    }
}

/// Runs the command line's subcommand and returns the exit code.
pub fn run(cli: Cli, out: &output::Output) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &cli.chdir {
        std::env::set_current_dir(dir)
            .with_context(|| format!("cannot use {} as the review folder", dir.display()))?;
    }
    let today = dates::today()?;
    sweep_leftovers();
    kept_out::keep_out(selfreview::pipeline::names_to_keep_out(
        std::path::Path::new("."),
    ));
    if let Some(notice) = kept_out::notice().filter(|_| !out.json) {
        out.notice(&notice);
    }
    match cli.command {
        Command::Demo(args) => demo::run(&args, today, out),
        Command::Init(args) => init::run(&args, today, out),
        Command::Framework(cmd) => framework::run(&cmd, out),
        Command::Workbook(args) => workbook::run(&args, today, out),
        Command::Score(args) => score::run(&args, today, out),
        Command::Import(args) => import::run(&args, today, out),
        Command::Migrate(args) => migrate::run(&args, today, out),
        Command::Report(args) => report::run(&args, today, out),
        Command::Pack(args) => pack::run_pack(&args, today, out),
        Command::Verify(args) => pack::run_verify(&args, out),
    }
}

/// In a review folder, removes the temporary files that runs killed part-way left in the
/// folders the tool writes to.
fn sweep_leftovers() {
    let here = std::path::Path::new(".");
    if !here.join(selfreview::review::REVIEW_FILE).is_file() {
        return;
    }
    let paths = selfreview::review::Paths::new(here);
    for dir in [
        here.to_path_buf(),
        paths.out(),
        paths.scores(),
        paths.history(),
    ] {
        selfreview::fsutil::temporaries::sweep(&dir);
    }
}

/// The review folder we are in: its settings and framework, their warnings printed.
fn open_review(out: &output::Output) -> anyhow::Result<selfreview::review::Opened> {
    let opened = selfreview::review::open(std::path::Path::new("."))?;
    out.diagnostics(&opened.warnings);
    Ok(opened)
}
