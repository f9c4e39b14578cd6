//! `selfreview framework list|show|check`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use selfreview::framework::{self, Aspect, Check, EMBEDDED, Framework, Loaded};
use selfreview::{Error, Severity, review};
use serde::Serialize;

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK};

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
    /// Check framework files and report every problem with its line and column.
    ///
    /// Exits 1 if any file has an error.
    Check {
        /// The framework files to check.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
}

pub fn run(cmd: &Command, out: &Output) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::List => list(out),
        Command::Show { framework, aspect } => show(framework.as_deref(), aspect.as_deref(), out),
        Command::Check { files } => check(files, out),
    }
}

#[derive(Serialize)]
struct Listed {
    id: Option<String>,
    title: Option<String>,
    version: Option<String>,
    aspects: Option<usize>,
    source: String,
    valid: bool,
}

fn list(out: &Output) -> anyhow::Result<ExitCode> {
    let mut rows: Vec<Listed> = Vec::new();
    for e in EMBEDDED {
        let loaded = framework::load_embedded(e.id).expect("embedded frameworks are valid");
        rows.push(listed(&loaded.framework, "built in".into()));
    }
    for path in framework::local_files(Path::new("."))? {
        let source = path
            .strip_prefix(".")
            .unwrap_or(&path)
            .display()
            .to_string();
        match framework::load_file(&path) {
            Ok(loaded) => rows.push(listed(&loaded.framework, source)),
            Err(Error::Invalid { .. }) => rows.push(Listed {
                id: None,
                title: None,
                version: None,
                aspects: None,
                source,
                valid: false,
            }),
            Err(e) => return Err(e.into()),
        }
    }
    if out.json {
        out.data(&rows)?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    out.info(format!(
        "{:<24} {:<9} {:>7}  SOURCE",
        "ID", "VERSION", "ASPECTS"
    ));
    for r in &rows {
        match (&r.id, &r.version, r.aspects) {
            (Some(id), Some(version), Some(n)) => {
                out.info(format!("{id:<24} {version:<9} {n:>7}  {}", r.source));
            }
            _ => out.info(format!(
                "{:<24} {:<9} {:>7}  {} (has errors: run `selfreview framework check {}`)",
                "?", "?", "?", r.source, r.source
            )),
        }
    }
    Ok(ExitCode::from(EXIT_OK))
}

fn listed(fw: &Framework, source: String) -> Listed {
    Listed {
        id: Some(fw.id.clone()),
        title: Some(fw.title.clone()),
        version: Some(fw.version.clone()),
        aspects: Some(fw.aspects().count()),
        source,
        valid: true,
    }
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
            out.info(aspect_text(fw, aspect));
        }
    } else if out.json {
        out.data(fw)?;
    } else {
        out.info(tree_text(fw));
    }
    Ok(ExitCode::from(EXIT_OK))
}

/// The framework asked for; without one, the review's framework, else the default. With
/// the warnings to show.
fn load_for_show(spec: Option<&str>) -> selfreview::Result<(Loaded, selfreview::Diagnostics)> {
    let here = Path::new(".");
    let loaded = match spec {
        Some(spec) => framework::resolve(spec, here)?,
        None if Path::new(review::REVIEW_FILE).is_file() => {
            let opened = review::open(here)?;
            return Ok((opened.framework, opened.warnings));
        }
        None => framework::resolve(framework::DEFAULT_ID, here)?,
    };
    let warnings = loaded.warnings.clone();
    Ok((loaded, warnings))
}

fn tree_text(fw: &Framework) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} {} — {}", fw.id, fw.version, fw.title);
    let scale: Vec<String> = fw
        .levels
        .iter()
        .map(|l| format!("{} {}", l.level, l.text))
        .collect();
    let _ = writeln!(s, "Levels: {}", scale.join(" · "));
    for e in &fw.elements {
        let _ = writeln!(s, "\n{}  {}", e.code, e.name);
        for st in &e.strands {
            let _ = writeln!(s, "  {}  {}", st.code, st.name);
            for a in &st.aspects {
                let checks = match a.checks.len() {
                    0 => String::new(),
                    1 => ", 1 evidence check".to_string(),
                    n => format!(", {n} evidence checks"),
                };
                let _ = writeln!(
                    s,
                    "    {:<6} {}  (benchmark {}{checks})",
                    a.code, a.name, a.benchmark
                );
            }
        }
    }
    let _ = write!(
        s,
        "\n{} aspects. `selfreview framework show --aspect CODE` shows one in full.",
        fw.aspects().count()
    );
    s
}

fn aspect_text(fw: &Framework, a: &Aspect) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}  {}", a.code, a.name);
    let _ = writeln!(
        s,
        "Benchmark for the Online Safety Mark: level {} ({})\n",
        a.benchmark,
        fw.level_label(a.benchmark)
    );
    let _ = writeln!(s, "{}\n", a.descriptor);
    let _ = writeln!(s, "Levels:");
    for l in &a.levels {
        let mark = if l.level == a.benchmark {
            "  ← benchmark"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  {} {}{mark}\n    {}",
            l.level,
            fw.level_label(l.level),
            l.text
        );
    }
    let _ = writeln!(s, "\nImprovement actions:");
    for step in &a.steps {
        let _ = writeln!(s, "  from {} to {}:", step.from, step.to);
        for action in &step.actions {
            let _ = writeln!(s, "    - {action}");
        }
    }
    let _ = writeln!(s, "\nEvidence that usually shows it:");
    for e in &a.evidence {
        let _ = writeln!(s, "  - {e}");
    }
    if !a.checks.is_empty() {
        let _ = writeln!(s, "\nEvidence checks:");
        for c in &a.checks {
            let _ = writeln!(s, "  - {}", check_text(c));
        }
    }
    s.trim_end().to_string()
}

fn check_text(c: &Check) -> String {
    let required = if c.required {
        " (required: without these records the level is not counted)"
    } else {
        ""
    };
    match &c.note {
        Some(note) => format!("{}: {note}{required}", c.describe()),
        None => format!("{}{required}", c.describe()),
    }
}

#[derive(Serialize)]
struct Checked {
    file: PathBuf,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    framework: Option<Summary>,
    diagnostics: selfreview::Diagnostics,
}

#[derive(Serialize)]
struct Summary {
    id: String,
    version: String,
    aspects: usize,
}

fn check(files: &[PathBuf], out: &Output) -> anyhow::Result<ExitCode> {
    let mut texts = Vec::new();
    for file in files {
        texts.push(selfreview::fsutil::read_text(file)?);
    }
    let mut results = Vec::new();
    for (file, text) in files.iter().zip(&texts) {
        let checked = framework::check(text, file);
        let summary = checked.framework.as_ref().map(|fw| Summary {
            id: fw.id.clone(),
            version: fw.version.clone(),
            aspects: fw.aspects().count(),
        });
        results.push(Checked {
            file: file.clone(),
            ok: !checked.diagnostics.has_errors(),
            framework: summary,
            diagnostics: checked.diagnostics,
        });
    }
    let failed = results.iter().any(|r| !r.ok);
    if out.json {
        out.data(&results)?;
    } else {
        for r in &results {
            out.diagnostics(&r.diagnostics);
            let errors = r.diagnostics.count(Severity::Error);
            let warnings = r.diagnostics.count(Severity::Warning);
            match &r.framework {
                Some(f) if r.ok => out.info(format!(
                    "{}: ok: {} {} with {} aspect{}{}",
                    r.file.display(),
                    f.id,
                    f.version,
                    f.aspects,
                    if f.aspects == 1 { "" } else { "s" },
                    plural_warnings(warnings)
                )),
                _ => eprintln_summary(out, &r.file, errors, warnings),
            }
        }
    }
    Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK }))
}

fn plural_warnings(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " (1 warning)".into(),
        n => format!(" ({n} warnings)"),
    }
}

fn eprintln_summary(out: &Output, file: &Path, errors: usize, warnings: usize) {
    out.problem(format!(
        "{}: {errors} error(s){}; fix them and run `selfreview framework check` again",
        file.display(),
        if warnings > 0 {
            format!(", {warnings} warning(s)")
        } else {
            String::new()
        }
    ));
}
