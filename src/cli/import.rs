//! `selfreview import`: read the school's evidence spreadsheets and show what they say.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use selfreview::diag::Diagnostics;
use selfreview::evidence::Kind;
use selfreview::evidence::dating;
use selfreview::evidence::import::{self, Evidence, Request, SourceReport};
use selfreview::evidence::records::Mappings;
use selfreview::metrics::compute::{self, Metrics};
use selfreview::metrics::terms::Terms;
use selfreview::review;
use serde::Serialize;

use super::EXIT_OK;
use super::output::Output;

/// The arguments of `selfreview import`; the help text is on the subcommand.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read FILEs directly as this kind (training, incidents, meetings or pupils), without a review folder.
    #[arg(long, value_name = "KIND", requires = "files")]
    kind: Option<Kind>,
    /// The files to read with --kind.
    #[arg(value_name = "FILE", requires = "kind")]
    files: Vec<PathBuf>,
    /// The date to compute the metrics for, as YYYY-MM-DD (default: the review date, else today).
    #[arg(long, value_name = "DATE", value_parser = super::init::parse_date)]
    as_of: Option<NaiveDate>,
}

#[derive(Serialize)]
struct Report<'a> {
    as_of: NaiveDate,
    sources: &'a [SourceReport],
    metrics: &'a Metrics,
}

pub fn run(args: &Args, out: &Output) -> anyhow::Result<ExitCode> {
    let (evidence, reports, from_review) = match args.kind {
        Some(kind) => {
            let mut evidence = Evidence::default();
            let mut reports = Vec::new();
            let none = Default::default();
            for file in &args.files {
                let req = Request {
                    kind,
                    path: file,
                    shown: file,
                    sheet: None,
                    columns: &none,
                    maps: Mappings::default(),
                };
                reports.push(import::import(&req, &mut evidence)?);
            }
            (evidence, reports, None)
        }
        None => {
            let here = Path::new(".");
            let (review, warnings) = review::load(here)?;
            out.diagnostics(&warnings);
            let (evidence, reports) = import::import_review(&review.evidence, here)?;
            (
                evidence,
                reports,
                Some((review.review_date, review.terms())),
            )
        }
    };
    let (mut evidence, mut reports) = (evidence, reports);
    evidence.withhold_names();
    for r in &mut reports {
        r.withhold_names(&evidence.private);
    }
    let in_review = from_review.is_some();
    let (review_date, terms) = from_review.unwrap_or((None, Terms::English));
    let today = chrono::Local::now().date_naive();
    let as_of = args.as_of.or(review_date).unwrap_or(today);
    for r in &mut reports {
        r.settle(as_of);
    }
    let mut found = Diagnostics::default();
    if in_review && args.as_of.is_none() && review_date.is_none() {
        found.push(dating::date_not_set(Path::new(review::REVIEW_FILE), today));
    }
    found
        .0
        .extend(reports.iter().flat_map(|r| dating::findings(r, as_of)));
    out.diagnostics(&found);
    let metrics = compute::compute(&evidence, as_of, &terms);
    if out.json {
        out.data(&Report {
            as_of,
            sources: &reports,
            metrics: &metrics,
        })?;
    } else {
        for r in &reports {
            out.info(source_text(r));
        }
        out.info(metrics_text(&metrics));
    }
    Ok(ExitCode::from(EXIT_OK))
}

use selfreview::dates::uk;

fn source_text(r: &SourceReport) -> String {
    let mut s = String::new();
    let sheet = r
        .sheet
        .as_ref()
        .map_or(String::new(), |n| format!(", sheet {n}"));
    let _ = writeln!(
        s,
        "{} ({}{sheet}, header on row {})",
        r.path.display(),
        r.kind.as_str(),
        r.header_row
    );
    let mapped: Vec<String> = r
        .columns
        .iter()
        .filter_map(|c| c.field.map(|f| format!("{} → {f}", c.header)))
        .collect();
    let _ = writeln!(s, "  columns: {}", mapped.join(", "));
    let unknown = r.unknown_columns();
    if !unknown.is_empty() {
        let _ = writeln!(s, "  not used: {}", unknown.join(", "));
    }
    let range = r.date_range.map_or(String::new(), |(a, b)| {
        format!("; dates {} to {}", uk(a), uk(b))
    });
    let noted = match r.noted.len() {
        0 => String::new(),
        n => format!(" ({n} with a note below)"),
    };
    let left_out = match r.rows_left_out {
        0 => String::new(),
        n => format!(", {n} left out as not online safety"),
    };
    let _ = writeln!(
        s,
        "  rows: {} read, {} used{noted}, {} skipped{left_out}{range}",
        r.rows_read,
        r.rows_used,
        r.skipped.len()
    );
    for k in &r.skipped {
        let _ = writeln!(s, "  skipped {}: {}", k.place, k.reason);
    }
    if !r.names_also_from.is_empty() {
        let counted = if r.kind == Kind::Incidents {
            " (only this sheet's incidents are counted; `sheet = \"…\"` in review.toml chooses another)"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  names also read from sheets {}{counted}",
            r.names_also_from.join(", ")
        );
    }
    for k in &r.noted {
        let _ = writeln!(s, "  note {}: {}", k.place, k.reason);
    }
    if !r.left_out_categories.is_empty() {
        let list: Vec<String> = r
            .left_out_categories
            .iter()
            .map(|(c, n)| format!("{c} ({n})"))
            .collect();
        let _ = writeln!(
            s,
            "  left out, not online safety (to count one, map it under [evidence.categories]): {}",
            list.join(", ")
        );
    }
    if !r.unmapped_categories.is_empty() {
        let list: Vec<String> = r
            .unmapped_categories
            .iter()
            .map(|(c, n)| format!("{c} ({n})"))
            .collect();
        let _ = writeln!(
            s,
            "  categories kept as written (add them under [evidence.categories] to group them): {}",
            list.join(", ")
        );
    }
    s.trim_end().to_string()
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn metrics_text(m: &Metrics) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\nMetrics as of {}:", uk(m.as_of));
    match &m.training {
        None => {
            let _ = writeln!(s, "  training: no training records imported");
        }
        Some(groups) => {
            for g in groups.iter().filter(|g| !g.dates_recorded) {
                let _ = writeln!(
                    s,
                    "  training ({} months): {} {} listed, dates not recorded",
                    g.months, g.group, g.people
                );
            }
            for g in groups.iter().filter(|g| g.dates_recorded) {
                let _ = writeln!(
                    s,
                    "  training ({} months): {} {} of {} trained ({})",
                    g.months,
                    g.group,
                    g.trained,
                    g.people,
                    percent(g.share)
                );
                if !g.overdue.is_empty() {
                    let _ = writeln!(s, "    not trained in the window: {}", g.overdue.join(", "));
                }
            }
        }
    }
    match &m.meetings {
        None => {
            let _ = writeln!(s, "  meetings: no meeting registers imported");
        }
        Some(groups) => {
            for g in groups {
                let last = g.last.map_or("never".into(), uk);
                let _ = writeln!(
                    s,
                    "  meetings ({} months): {} met {}, longest gap {} days, last {last}",
                    g.months,
                    g.group,
                    match g.count {
                        1 => "once".to_string(),
                        n => format!("{n} times"),
                    },
                    g.longest_gap_days
                );
            }
        }
    }
    match &m.incidents {
        None => {
            let _ = writeln!(s, "  incidents: no incident logs imported");
        }
        Some(i) => {
            let share = |v: Option<f64>, recorded: bool| match v {
                _ if !recorded => "not recorded".to_string(),
                Some(v) => percent(v),
                None => "-".to_string(),
            };
            let before = if i.previous_covered {
                format!("{} in the {} months before", i.previous_count, i.months)
            } else {
                "no earlier records".to_string()
            };
            let _ = writeln!(
                s,
                "  incidents ({} months): {} ({before}); with the action taken recorded: {}, closed: {}",
                i.months,
                i.count,
                share(i.actioned_share, i.actioned_recorded),
                share(i.closed_share, i.closed_recorded)
            );
            let list = |counts: &[compute::Count]| {
                counts
                    .iter()
                    .map(|c| format!("{} {}", c.label, c.count))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(s, "    by category: {}", list(&i.by_category));
            let _ = writeln!(s, "    by term: {}", list(&i.by_term));
        }
    }
    s.trim_end().to_string()
}
