//! `selfreview framework check`: every problem in framework files and maps, with its place.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use selfreview::framework;

use crate::cli::format::checked::Checked;
use crate::cli::output::Output;
use crate::cli::{EXIT_FINDINGS, EXIT_OK};

pub(super) fn run(files: &[PathBuf], out: &Output) -> anyhow::Result<ExitCode> {
    let mut texts = Vec::new();
    for file in files {
        texts.push(selfreview::fsutil::read_text(file)?);
    }
    let results: Vec<Checked> = files
        .iter()
        .zip(&texts)
        .map(
            |(file, text)| match framework::check_file(text, file, Path::new(".")) {
                framework::CheckedFile::Framework(c) => {
                    Checked::new(file, c.framework.as_ref(), c.diagnostics)
                }
                framework::CheckedFile::Map(c) => Checked::map(file, c.map.as_ref(), c.diagnostics),
            },
        )
        .collect();
    if out.json {
        out.data(&results)?;
    } else {
        for r in &results {
            out.diagnostics(&r.diagnostics);
            match r.ok_line() {
                Some(line) => out.info(line),
                None => out.problem(r.failed_line()),
            }
        }
    }
    let failed = results.iter().any(|r| !r.ok);
    Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK }))
}
