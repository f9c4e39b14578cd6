//! The text `selfreview import` ends with: the metrics as of a date, counts only.

use std::fmt::Write as _;

use selfreview::dates::uk;
use selfreview::evidence::Kind;
use selfreview::metrics::compute::{
    Count, IncidentSummary, MeetingPattern, Metrics, TrainingCoverage,
};

/// Training coverage, meeting patterns and incidents, each saying when none were imported.
pub fn metrics(m: &Metrics) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\nMetrics as of {}:", uk(m.as_of));
    let empty = &m.no_records_yet;
    match &m.training {
        None => absent(
            &mut s,
            empty,
            Kind::Training,
            "no training records imported",
        ),
        Some(groups) => training(&mut s, groups),
    }
    match &m.meetings {
        None => absent(
            &mut s,
            empty,
            Kind::Meetings,
            "no meeting registers imported",
        ),
        Some(groups) => meetings(&mut s, groups),
    }
    match &m.incidents {
        None => absent(&mut s, empty, Kind::Incidents, "no incident logs imported"),
        Some(i) => incidents(&mut s, i),
    }
    super::registers::registers(&mut s, &m.registers, empty);
    s.trim_end().to_string()
}

/// The line for a kind with no figures: its files imported hold no records yet, or none
/// was imported.
pub(super) fn absent(s: &mut String, empty: &Empty, kind: Kind, not_imported: &str) {
    let said = match empty.get(&kind).map(Vec::as_slice) {
        Some([one]) => format!("no records yet: {} holds none", one.display()),
        Some(files) if !files.is_empty() => {
            let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            format!("no records yet: {} hold none", files.join(", "))
        }
        _ => not_imported.to_string(),
    };
    let _ = writeln!(s, "  {}: {said}", kind.as_str());
}

/// The files of each kind imported that hold no records.
pub(super) type Empty = std::collections::BTreeMap<Kind, Vec<std::path::PathBuf>>;

use selfreview::rounding::percent;

fn training(s: &mut String, groups: &[TrainingCoverage]) {
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

fn meetings(s: &mut String, groups: &[MeetingPattern]) {
    for g in groups {
        let last = g.last.map_or("never".into(), uk);
        let _ = writeln!(
            s,
            "  meetings ({} months): {} met {}, longest gap {}, last {last}",
            g.months,
            g.name,
            match g.count {
                1 => "once".to_string(),
                n => format!("{n} times"),
            },
            selfreview::text::plural(
                usize::try_from(g.longest_gap_days).unwrap_or(0),
                "day",
                "days"
            )
        );
    }
}

fn incidents(s: &mut String, i: &IncidentSummary) {
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
    let list = |counts: &[Count]| {
        counts
            .iter()
            .map(|c| format!("{} {}", c.label, c.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "    by category: {}", list(&i.by_category));
    let _ = writeln!(s, "    by term: {}", list(&i.by_term));
}
