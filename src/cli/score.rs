//! `selfreview score`: consolidate the group's workbooks and judge readiness for the Mark.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use selfreview::pipeline;
use selfreview::score::Scored;

use super::output::Output;
use super::{EXIT_FINDINGS, EXIT_OK};

/// The arguments of `selfreview score`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exit with code 1 when the review is not ready to apply for the Online Safety Mark.
    #[arg(long)]
    strict: bool,
}

pub fn run(args: &Args, out: &Output) -> anyhow::Result<ExitCode> {
    let today = chrono::Local::now().date_naive();
    let r = pipeline::run(Path::new("."), today)?;
    if let Err(e) = r.names_checked() {
        out.diagnostics(&r.diagnostics);
        return Err(e.into());
    }
    let snapshot = r.save_snapshot()?;

    if out.json {
        let json = r.snapshot_json(Path::new("score --json"))?;
        let doc: serde_json::Value = serde_json::from_slice(&json)?;
        out.data(&doc)?;
    } else {
        out.diagnostics(&r.diagnostics);
        out.info(summary(&r.scored, &r.framework.framework));
        out.info(format!("Snapshot saved to {}", snapshot.display()));
    }
    let failed = r.diagnostics.has_errors() || (args.strict && !r.scored.ready);
    Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK }))
}

fn tick(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

fn summary(s: &Scored, fw: &selfreview::Framework) -> String {
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let paint = |text: &str, code: &str| {
        if colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}: online safety self-review as of {} ({} {})",
        s.school,
        selfreview::dates::uk(s.review_date),
        s.framework,
        s.framework_version
    );
    let names: Vec<&str> = s.workbooks.iter().map(|w| w.reviewer.as_str()).collect();
    let _ = writeln!(o, "Workbooks: {} ({})", names.len(), names.join(", "));
    let m = &s.milestones;
    let _ = writeln!(
        o,
        "Milestones: started {} · elements complete {} of {} · progress {} · ready {}\n",
        tick(m.started),
        m.elements_complete,
        s.elements.len(),
        tick(m.progress),
        tick(m.ready)
    );
    let _ = writeln!(
        o,
        "{:<48} {:>7} {:>9} {:>5}  reviewers",
        "aspect", "claimed", "evidenced", "bench"
    );
    for a in &s.aspects {
        let level = |l: Option<u8>| l.map_or("-".to_string(), |l| l.to_string());
        let levels: Vec<String> = a
            .reviewers
            .iter()
            .map(|(n, l)| format!("{n} {l}"))
            .collect();
        let mut flags = String::new();
        if a.gap_to_benchmark.is_some_and(|g| g > 0) {
            flags.push_str(&paint("  below benchmark", "31"));
        }
        if a.evidenced > a.agreed {
            flags.push_str(&paint("  records differ", "33"));
        }
        if a.needs_discussion {
            flags.push_str("  needs discussion");
        } else if a.disagreement {
            flags.push_str("  differ");
        }
        if !a.complete {
            flags.push_str("  incomplete");
        }
        let title = format!("{} {}", a.code, a.name);
        let _ = writeln!(
            o,
            "{title:<48} {:>7} {:>9} {:>5}  {}{flags}",
            level(a.agreed),
            level(a.evidenced),
            a.benchmark,
            levels.join(", ")
        );
        if let Some(rationale) = &a.rationale {
            let _ = writeln!(o, "{:<48} agreed because: {rationale}", "");
        }
    }
    if s.ready {
        let _ = writeln!(
            o,
            "\n{}",
            paint(
                "Ready to apply for the Online Safety Mark: every aspect meets its benchmark with commentary.",
                "32"
            )
        );
    } else {
        let _ = writeln!(
            o,
            "\n{}",
            paint(
                &format!(
                    "Not yet ready to apply for the Online Safety Mark ({} {} it back):",
                    selfreview::metrics::measure::plural(s.reasons.len(), "aspect", "aspects"),
                    if s.reasons.len() == 1 {
                        "holds"
                    } else {
                        "hold"
                    }
                ),
                "31"
            )
        );
        for r in &s.reasons {
            let _ = writeln!(o, "  - {}", r.message);
        }
    }
    // Each aspect is listed once: findings already given as a reason are not repeated.
    let more: Vec<_> = s
        .evidence_findings
        .iter()
        .filter(|f| !s.reasons.iter().any(|r| r.aspect == f.aspect))
        .collect();
    if !more.is_empty() {
        let _ = writeln!(o, "\nWhat the school's records show against other claims:");
        for f in more {
            let _ = writeln!(o, "  - {}", f.message);
        }
    }
    if !s.agenda.is_empty() {
        let _ = writeln!(o, "\nTo discuss (widest disagreement first):");
        for item in &s.agenda {
            let levels: Vec<String> = item
                .levels
                .iter()
                .map(|(n, l)| format!("{n} {l}"))
                .collect();
            let _ = writeln!(
                o,
                "  - {} {}: {}",
                item.aspect,
                item.name,
                levels.join(", ")
            );
        }
    }
    let below: Vec<_> = s.actions.iter().filter(|p| p.below_benchmark).collect();
    if !below.is_empty() {
        let _ = writeln!(o, "\nNext steps for aspects below the benchmark:");
        for p in below {
            let _ = writeln!(
                o,
                "  - {} {}: from level {} to {} ({})",
                p.aspect,
                p.name,
                p.level,
                p.next_level,
                fw.level_label(p.next_level)
            );
            for action in &p.improvement_actions {
                let _ = writeln!(o, "      * {action}");
            }
        }
    }
    let _ = write!(o, "\nThe full action plan is in the JSON output (--json).");
    o
}
