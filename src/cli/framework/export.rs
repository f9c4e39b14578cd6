//! `selfreview framework export`: a built-in framework written out as the TOML file it was
//! built from, byte for byte, so a school can adapt it without the source tree.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use selfreview::review;

use crate::cli::EXIT_OK;
use crate::cli::output::Output;

/// The arguments of `selfreview framework export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The built-in framework or framework map (see `framework list`).
    #[arg(value_name = "ID")]
    id: String,
    /// The file to write, e.g. my-framework.toml.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Replace the file if it is already there.
    #[arg(long)]
    force: bool,
}

pub(super) fn run(args: &Args, out: &Output) -> anyhow::Result<ExitCode> {
    let paths = review::Paths::new(Path::new("."));
    let written = review::outputs::export_framework(&args.id, &args.output, args.force, &paths)?;
    if out.json {
        out.data(&serde_json::json!({
            "id": written.id,
            "path": args.output,
            "bytes": written.text.len(),
        }))?;
    } else {
        let key = if written.file_name.contains("/maps/") {
            "map"
        } else {
            "id"
        };
        out.info(format!(
            "Wrote {} ({}) to {}. Give it a new `{key}` before you change it, and check it with `selfreview framework check {}`.",
            written.id,
            written.file_name,
            args.output.display(),
            args.output.display()
        ));
    }
    Ok(ExitCode::from(EXIT_OK))
}
