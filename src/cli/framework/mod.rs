//! `selfreview framework list|show|check|export`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use selfreview::framework::{self, EMBEDDED, Loaded};
use selfreview::{Diagnostics, Error, review};

use super::EXIT_OK;
use super::format::framework::Listed;
use super::format::show;
use super::output::Output;

mod check;
mod export;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the built-in frameworks and any in this folder's frameworks/.
    List,
    /// Show a framework as a tree, or one aspect in full.
    ///
    /// Without ID or FILE: the framework named in review.toml, else the built-in default.
    Show {
        /// A framework id (see `framework list`) or a framework file.
        #[arg(value_name = "ID|FILE")]
        framework: Option<String>,
        /// Show this aspect in full: descriptor, levels, improvement actions, evidence, checks.
        #[arg(long, value_name = "CODE")]
        aspect: Option<String>,
    },
    /// Check framework files and framework maps, reporting every problem with its line and
    /// column.
    ///
    /// A file with a top-level `map` key is checked as a framework map: both frameworks
    /// exist, every code exists, every aspect lands somewhere. Exits 1 if any file has an error.
    Check {
        /// The framework and framework map files to check.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a built-in framework (or framework map) to a TOML file, exactly as it is
    /// built in, to start your own from.
    ///
    /// Refuses to replace a file that is already there unless --force is given.
    Export(export::Args),
}

pub fn run(cmd: &Command, out: &Output) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::List => list(out),
        Command::Show { framework, aspect } => show(framework.as_deref(), aspect.as_deref(), out),
        Command::Check { files } => check::run(files, out),
        Command::Export(args) => export::run(args, out),
    }
}

fn list(out: &Output) -> anyhow::Result<ExitCode> {
    let mut rows: Vec<Listed> = Vec::new();
    for e in EMBEDDED {
        let loaded = framework::load_embedded(e.id).expect("embedded frameworks are valid");
        rows.push(Listed::valid(&loaded.framework, "built in".into()));
    }
    for path in framework::local_files(Path::new("."))? {
        let source = path
            .strip_prefix(".")
            .unwrap_or(&path)
            .display()
            .to_string();
        match framework::load_file(&path) {
            Ok(loaded) => rows.push(Listed::valid(&loaded.framework, source)),
            Err(Error::Invalid { .. }) => rows.push(Listed::invalid(source)),
            Err(e) => return Err(e.into()),
        }
    }
    if out.json {
        out.data(&rows)?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    out.info(super::format::framework::list(&rows));
    Ok(ExitCode::from(EXIT_OK))
}

fn show(spec: Option<&str>, aspect: Option<&str>, out: &Output) -> anyhow::Result<ExitCode> {
    let (loaded, warnings) = load_for_show(spec)?;
    out.diagnostics(&warnings);
    let fw = &loaded.framework;
    if let Some(code) = aspect {
        let (element, strand, aspect) = fw.aspect(code).ok_or_else(|| Error::UnknownAspect {
            framework: fw.id.clone(),
            code: code.to_string(),
        })?;
        if out.json {
            out.data(&serde_json::json!({
                "framework": { "id": fw.id, "version": fw.version },
                "element": { "code": element.code, "name": element.name },
                "strand": { "code": strand.code, "name": strand.name },
                "aspect": aspect,
            }))?;
        } else {
            out.info(show::aspect(fw, aspect));
        }
    } else if out.json {
        out.data(fw)?;
    } else {
        out.info(show::tree(fw));
    }
    Ok(ExitCode::from(EXIT_OK))
}

/// The framework asked for; without one, the review's framework, else the default. With
/// the warnings to show.
fn load_for_show(spec: Option<&str>) -> selfreview::Result<(Loaded, Diagnostics)> {
    let here = Path::new(".");
    if spec.is_none() && Path::new(review::REVIEW_FILE).is_file() {
        let opened = review::open(here)?;
        return Ok((opened.framework, opened.warnings));
    }
    let loaded = framework::resolve(spec.unwrap_or(framework::DEFAULT_ID), here)?;
    let warnings = loaded.warnings.clone();
    Ok((loaded, warnings))
}
