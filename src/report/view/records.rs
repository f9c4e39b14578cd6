//! The view of what the school's records show: training, meetings and incidents, counts
//! only, with the framework's expectations beside them. Every figure is read from the
//! metrics, never recounted from the records, so a figure in the report and the fact behind
//! an evidence check come from the same computation.

use chrono::NaiveDate;
use serde::Serialize;

use super::{percent, uk};
use crate::evidence::import::Evidence;
use crate::framework::Framework;
use crate::metrics::compute::{Metrics, TRAINING_MONTHS, TrainingCoverage, training_coverage};
use crate::report::svg;
use crate::text::group_name;

#[derive(Debug, Serialize)]
pub(super) struct CountRow {
    label: String,
    count: usize,
}

#[derive(Debug, Serialize)]
pub(super) struct Training {
    svg: String,
    rows: Vec<TrainingRow>,
    /// Groups whose records have no dates, so who is trained is not known: left out of the
    /// chart, where they would read as nobody trained, and named beside it.
    undated: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct TrainingRow {
    group: String,
    people: usize,
    trained: usize,
    percent: String,
    months: u32,
}

#[derive(Debug, Serialize)]
pub(super) struct Meetings {
    svg: String,
    rows: Vec<MeetingRow>,
}

#[derive(Debug, Serialize)]
pub(super) struct MeetingRow {
    group: String,
    count: usize,
    longest_gap_days: i64,
    last: String,
}

#[derive(Debug, Serialize)]
pub(super) struct Incidents {
    count: usize,
    months: u32,
    previous: usize,
    /// The records reach back into the window before; otherwise there is nothing earlier.
    previous_covered: bool,
    /// The date of the earliest incident, when the records start inside the window.
    records_start: String,
    /// Concerns in the logs left out as not about online safety, e.g. "Attendance (2)".
    left_out: Vec<String>,
    actioned: String,
    closed: String,
    by_category: Vec<CountRow>,
    by_term: Vec<CountRow>,
}

/// What the training checks a claim at the benchmark calls for ask of one group over one
/// window: the highest share trained (`training.coverage`) and the fewest people left
/// untrained (`training.overdue`), each where a check asks it.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Asked {
    share: Option<f64>,
    untrained: Option<f64>,
}

/// What the checks at the benchmark ask of `group` over `months`.
fn asked_of(fw: &Framework, group: &str, months: u32) -> Option<Asked> {
    expected(fw)
        .into_iter()
        .find(|((g, m), _)| g == group && *m == months)
        .map(|(_, a)| a)
}

/// Every (group, window) a training check at the benchmark measures, with what is asked of
/// it, in order of group and window.
fn expected(fw: &Framework) -> Vec<((String, u32), Asked)> {
    use crate::framework::{Metric, Param, Threshold};
    let mut asked: std::collections::BTreeMap<(String, u32), Asked> = Default::default();
    let checks = fw
        .aspects()
        .flat_map(|(_, _, a)| a.checks.iter().map(move |c| (a.benchmark, c)))
        .filter(|(benchmark, c)| c.supports_level >= *benchmark);
    for (_, c) in checks {
        let (Some(group), Some(months)) = (c.params.text(Param::Group), c.params.months()) else {
            continue;
        };
        let a = match (c.metric, c.threshold) {
            (Metric::TrainingCoverage, Threshold::AtLeast(_))
            | (Metric::TrainingOverdue, Threshold::AtMost(_)) => {
                asked.entry((group.to_string(), months)).or_default()
            }
            _ => continue,
        };
        match c.threshold {
            Threshold::AtLeast(t) => a.share = Some(a.share.map_or(t, |s| s.max(t))),
            Threshold::AtMost(n) => a.untrained = Some(a.untrained.map_or(n, |u| u.min(n))),
        }
    }
    asked.into_iter().collect()
}

/// The mark on a bar of `people`: the strictest of what the checks at the benchmark ask,
/// in the words of the check it comes from.
fn mark(asked: Asked, people: usize) -> Option<svg::Expected> {
    let by_share = asked.share.map(|t| svg::Expected {
        share: t,
        said: format!("{:.0}% expected", t * 100.0),
    });
    let by_count = asked
        .untrained
        .filter(|_| people > 0)
        .map(|n| svg::Expected {
            share: ((people as f64 - n) / people as f64).clamp(0.0, 1.0),
            said: if n < 1.0 {
                "all expected (none untrained)".to_string()
            } else {
                format!("at most {n:.0} untrained expected")
            },
        });
    match (by_share, by_count) {
        (Some(s), Some(c)) => Some(if c.share >= s.share { c } else { s }),
        (s, c) => s.or(c),
    }
}

/// A group's name with the window its figure covers, where the chart shows the group over
/// more than one window: "Staff, last 12 months".
fn windowed(group: &str, months: u32, several: bool) -> String {
    if several {
        format!("{}, last {months} months", group_name(group))
    } else {
        group_name(group)
    }
}

/// Training coverage by group over the reports' window and, where a check at the benchmark
/// measures a group over another window, over that window too, each figure from the same
/// computation the check uses, so a bar is only ever marked with what a check asks of it
/// over that window: a share trained, or no one left untrained.
pub(super) fn training(m: &Metrics, e: &Evidence, fw: &Framework) -> Option<Training> {
    let groups = m.training.as_ref()?;
    let asked = expected(fw);
    let other_window = |group: &str| {
        asked
            .iter()
            .any(|((g, w), _)| g == group && *w != TRAINING_MONTHS)
    };
    let mut shown: Vec<(TrainingCoverage, bool)> = Vec::new();
    for g in groups {
        let several = other_window(&g.group);
        shown.push((g.clone(), several));
        if !g.dates_recorded {
            continue;
        }
        let windows = asked
            .iter()
            .filter(|((group, w), _)| *group == g.group && *w != TRAINING_MONTHS);
        for ((group, w), _) in windows {
            shown.extend(training_coverage(e, group, *w, m.as_of).map(|c| (c, true)));
        }
    }
    let bars: Vec<svg::Bar> = shown
        .iter()
        .filter(|(g, _)| g.dates_recorded)
        .map(|(g, several)| svg::Bar {
            label: windowed(&g.group, g.months, *several),
            share: g.share,
            note: format!("{} of {}", g.trained, g.people),
            target: asked_of(fw, &g.group, g.months).and_then(|a| mark(a, g.people)),
        })
        .collect();
    let undated = groups
        .iter()
        .filter(|g| !g.dates_recorded)
        // Named within a sentence: "no dates for staff".
        .map(|g| group_name(&g.group).to_lowercase())
        .collect();
    let title = if shown.iter().any(|(g, _)| g.months != TRAINING_MONTHS) {
        format!(
            "Share of each group trained in online safety in the last {TRAINING_MONTHS} months, and over the window a check measures where it asks another, each with the share the framework expects"
        )
    } else {
        format!(
            "Share of each group trained in online safety in the last {TRAINING_MONTHS} months, with the share the framework expects"
        )
    };
    Some(Training {
        svg: svg::bars(&title, &bars),
        rows: shown
            .iter()
            .map(|(g, several)| TrainingRow {
                group: windowed(&g.group, g.months, *several),
                people: g.people,
                trained: g.trained,
                percent: if g.dates_recorded {
                    percent(Some(g.share))
                } else {
                    "dates not recorded".to_string()
                },
                months: g.months,
            })
            .collect(),
        undated,
    })
}

pub(super) fn meetings(m: &Metrics) -> Option<Meetings> {
    let groups = m.meetings.as_ref()?;
    let rows: Vec<(String, Vec<NaiveDate>)> = groups
        .iter()
        .map(|g| (g.name.clone(), g.dates.clone()))
        .collect();
    Some(Meetings {
        svg: svg::timeline(m.meetings_since(), m.as_of, &rows),
        rows: groups
            .iter()
            .map(|g| MeetingRow {
                group: g.name.clone(),
                count: g.count,
                longest_gap_days: g.longest_gap_days,
                last: g.last.map(uk).unwrap_or_default(),
            })
            .collect(),
    })
}

pub(super) fn incidents(m: &Metrics) -> Option<Incidents> {
    let i = m.incidents.as_ref()?;
    let rows = |list: &[crate::metrics::compute::Count], words: fn(&str) -> String| {
        list.iter()
            .map(|c| CountRow {
                label: words(&c.label),
                count: c.count,
            })
            .collect()
    };
    Some(Incidents {
        count: i.count,
        months: i.months,
        previous: i.previous_count,
        previous_covered: i.previous_covered,
        records_start: i.earliest.map(uk).unwrap_or_default(),
        left_out: i
            .left_out
            .iter()
            .map(|c| format!("{} ({})", c.label, c.count))
            .collect(),
        actioned: recorded(i.actioned_share, i.actioned_recorded),
        closed: recorded(i.closed_share, i.closed_recorded),
        by_category: rows(&i.by_category, str::to_string),
        by_term: rows(&i.by_term, crate::metrics::terms::in_words),
    })
}

/// A share, or "not recorded" when a log has no column for it.
fn recorded(share: Option<f64>, recorded: bool) -> String {
    if recorded {
        percent(share)
    } else {
        "not recorded".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::load_embedded;

    #[test]
    fn each_group_is_expected_what_the_framework_asks_at_the_benchmark() {
        let fw = load_embedded("online-safety-21")
            .expect("embedded")
            .framework;
        let share = |group, months| asked_of(&fw, group, months).and_then(|a| a.share);
        assert_eq!(share("staff", 24), Some(0.9));
        assert_eq!(share("governors", 24), Some(0.5));
        assert_eq!(asked_of(&fw, "volunteers", 24), None);
        // The level-1 check over a year is not what the benchmark asks.
        assert_eq!(asked_of(&fw, "staff", 12), None);
    }

    #[test]
    fn a_bar_is_marked_with_what_its_own_windows_check_asks() {
        let fw = load_embedded("online-safety-18")
            .expect("embedded")
            .framework;
        // Over two years the benchmark asks that no member of staff is untrained: stricter
        // than the nine in ten a weaker level asks over the same window.
        let two_years = asked_of(&fw, "staff", 24).expect("asked");
        assert_eq!(two_years.untrained, Some(0.0));
        let m = mark(two_years, 14).expect("marked");
        assert_eq!(
            (m.share, m.said.as_str()),
            (1.0, "all expected (none untrained)")
        );
        let year = mark(asked_of(&fw, "staff", 12).expect("asked"), 14).expect("marked");
        assert_eq!((year.share, year.said.as_str()), (0.9, "90% expected"));
        let lenient = Asked {
            share: Some(0.5),
            untrained: Some(2.0),
        };
        let m = mark(lenient, 10).expect("marked");
        assert_eq!(
            (m.share, m.said.as_str()),
            (0.8, "at most 2 untrained expected")
        );
    }

    #[test]
    fn the_meeting_timeline_draws_the_days_the_metrics_counted() {
        use crate::metrics::compute::MeetingPattern;
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("a real date");
        let pattern = MeetingPattern {
            group: "governors".into(),
            name: "Governors".into(),
            count: 2,
            months: 12,
            longest_gap_days: 150,
            last: Some(day(9, 1)),
            dates: vec![day(3, 1), day(9, 1)],
        };
        let m = Metrics {
            as_of: day(11, 1),
            training: None,
            meetings: Some(vec![pattern]),
            incidents: None,
            registers: Default::default(),
            no_records_yet: Default::default(),
        };
        let view = meetings(&m).expect("meeting registers were imported");
        assert_eq!(view.svg.matches("<circle").count(), 2);
        assert!(view.svg.contains("01/11/2025"), "{}", view.svg);
        assert_eq!(view.rows[0].last, "01/09/2026");
    }
}
