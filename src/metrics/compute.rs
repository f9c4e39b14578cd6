//! Computing the metrics from imported evidence, as of the review date.
//!
//! A window of N months is the N months up to and including the as-of date. Training
//! counts a person as trained when their latest dated training falls in the window; a
//! person listed without a date counts as not trained. The longest gap between meetings
//! includes the stretch from the window's start to the first meeting and from the last
//! meeting to the as-of date, so a group that stopped meeting shows it. Incidents by term
//! and by month cover every incident up to the as-of date; the other incident figures
//! cover the window.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::terms::Terms;
use crate::evidence::import::Evidence;
use crate::evidence::{Field, Kind};
use crate::rounding::round2;

/// Training coverage of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingCoverage {
    /// The group.
    pub group: String,
    /// People in the group.
    pub people: usize,
    /// People trained within the window.
    pub trained: usize,
    /// `trained / people`, to two decimals.
    pub share: f64,
    /// The window in months.
    pub months: u32,
    /// People not trained within the window, by name as written.
    pub overdue: Vec<String>,
    /// Whether the training records have dates at all: when a source has no date column,
    /// nobody can be counted as trained, and `trained` and `share` mean nothing.
    pub dates_recorded: bool,
}

/// The meeting pattern of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingPattern {
    /// The group.
    pub group: String,
    /// Meetings within the window.
    pub count: usize,
    /// The window in months.
    pub months: u32,
    /// The longest stretch without a meeting, in days.
    pub longest_gap_days: i64,
    /// The latest meeting on or before the as-of date.
    pub last: Option<NaiveDate>,
}

/// A count under a label. In JSON the label is named for what it is: `category`, `term`
/// or `month`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The category, term (`2024-25 autumn`) or month (`2024-09`).
    pub label: String,
    /// How many incidents.
    pub count: usize,
}

/// Incidents, counted; never who or what.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentSummary {
    /// The window in months.
    pub months: u32,
    /// Incidents within the window.
    pub count: usize,
    /// Within the window, by category (an incident may have several).
    #[serde(serialize_with = "by_category")]
    pub by_category: Vec<Count>,
    /// Every incident up to the as-of date, by term.
    #[serde(serialize_with = "by_term")]
    pub by_term: Vec<Count>,
    /// Every incident up to the as-of date, by month.
    #[serde(serialize_with = "by_month")]
    pub by_month: Vec<Count>,
    /// The window's incidents with the action taken recorded.
    pub actioned: usize,
    /// The window's incidents recorded as closed.
    pub closed: usize,
    /// Share of the window's incidents with the action taken recorded (`None` with no
    /// incidents, or when a log has no column for the action taken).
    pub actioned_share: Option<f64>,
    /// Share of the window's incidents recorded as closed (`None` with no incidents, or
    /// when a log has no status column).
    pub closed_share: Option<f64>,
    /// Every log has a column for the action taken.
    pub actioned_recorded: bool,
    /// Every log has a status column.
    pub closed_recorded: bool,
    /// Incidents in the window of the same length before this one.
    pub previous_count: usize,
    /// The earliest incident on or before the as-of date.
    pub earliest: Option<NaiveDate>,
    /// Incidents the logs hold that were left out as not about online safety, by category,
    /// whatever their date.
    #[serde(serialize_with = "by_category")]
    pub left_out: Vec<Count>,
    /// Whether the records reach back into the window before: when the earliest incident
    /// falls inside this window, there are no earlier records, and `previous_count` is not
    /// a count of the year before.
    pub previous_covered: bool,
    /// `count - previous_count`.
    pub change: i64,
}

struct Keyed<'a>(&'static str, &'a Count);

impl Serialize for Keyed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry(self.0, &self.1.label)?;
        map.serialize_entry("count", &self.1.count)?;
        map.end()
    }
}

fn keyed<S: serde::Serializer>(
    counts: &[Count],
    key: &'static str,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(counts.iter().map(|c| Keyed(key, c)))
}

fn by_category<S: serde::Serializer>(counts: &[Count], s: S) -> Result<S::Ok, S::Error> {
    keyed(counts, "category", s)
}

fn by_term<S: serde::Serializer>(counts: &[Count], s: S) -> Result<S::Ok, S::Error> {
    keyed(counts, "term", s)
}

fn by_month<S: serde::Serializer>(counts: &[Count], s: S) -> Result<S::Ok, S::Error> {
    keyed(counts, "month", s)
}

/// Every metric, as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    /// The date the metrics are computed for.
    pub as_of: NaiveDate,
    /// Training coverage per group over 24 months (`None`: no training records imported).
    pub training: Option<Vec<TrainingCoverage>>,
    /// Meetings per group over 12 months (`None`: no meeting registers imported).
    pub meetings: Option<Vec<MeetingPattern>>,
    /// Incidents over 12 months (`None`: no incident logs imported).
    pub incidents: Option<IncidentSummary>,
}

pub(super) fn window_start(as_of: NaiveDate, months: u32) -> NaiveDate {
    as_of
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

pub(super) fn within(date: NaiveDate, as_of: NaiveDate, months: u32) -> bool {
    date > window_start(as_of, months) && date <= as_of
}

/// Coverage of `group` over `months`; `None` when nobody in the records is in the group.
pub fn training_coverage(
    e: &Evidence,
    group: &str,
    months: u32,
    as_of: NaiveDate,
) -> Option<TrainingCoverage> {
    let mut people: BTreeMap<&str, (&str, Option<NaiveDate>)> = BTreeMap::new();
    for t in e.training.iter().filter(|t| t.group == group) {
        let date = t.date.filter(|d| *d <= as_of);
        let entry = people
            .entry(t.key.as_str())
            .or_insert((t.person.as_str(), None));
        entry.1 = entry.1.max(date);
    }
    if people.is_empty() {
        return None;
    }
    let mut overdue: Vec<String> = people
        .values()
        .filter(|(_, d)| !d.is_some_and(|d| within(d, as_of, months)))
        .map(|(name, _)| name.to_string())
        .collect();
    overdue.sort();
    let trained = people.len() - overdue.len();
    Some(TrainingCoverage {
        group: group.to_string(),
        people: people.len(),
        trained,
        share: round2(trained as f64 / people.len() as f64),
        months,
        overdue,
        dates_recorded: e.unrecorded(Field::TrainingDate).is_none(),
    })
}

/// The meeting pattern of `group` over `months`; `None` when the group never met.
pub fn meeting_pattern(
    e: &Evidence,
    group: &str,
    months: u32,
    as_of: NaiveDate,
) -> Option<MeetingPattern> {
    let all: Vec<NaiveDate> = e
        .meetings
        .iter()
        .filter(|m| m.group == group && m.date <= as_of)
        .map(|m| m.date)
        .collect();
    if all.is_empty() {
        return None;
    }
    let start = window_start(as_of, months);
    let mut dates: Vec<NaiveDate> = all
        .iter()
        .copied()
        .filter(|d| within(*d, as_of, months))
        .collect();
    dates.sort();
    dates.dedup();
    let mut edges = vec![start];
    edges.extend(&dates);
    edges.push(as_of);
    let longest_gap_days = edges
        .windows(2)
        .map(|w| (w[1] - w[0]).num_days())
        .max()
        .unwrap_or(0);
    Some(MeetingPattern {
        group: group.to_string(),
        count: dates.len(),
        months,
        longest_gap_days,
        last: all.iter().max().copied(),
    })
}

/// Incidents over `months`.
pub fn incident_summary(
    e: &Evidence,
    months: u32,
    as_of: NaiveDate,
    terms: &Terms,
) -> IncidentSummary {
    let start = window_start(as_of, months);
    let previous_start = window_start(start, months);
    let mut count = 0u64;
    let mut previous_count = 0u64;
    let mut actioned = 0u64;
    let mut closed = 0u64;
    let mut by_category: BTreeMap<&str, u64> = BTreeMap::new();
    // Each term with its earliest incident, so terms can be put in time order.
    let mut by_term: BTreeMap<String, (NaiveDate, u64)> = BTreeMap::new();
    let mut by_month: BTreeMap<String, u64> = BTreeMap::new();
    // Tallies come in date order: work out each date's term and month once.
    let mut current: Option<(NaiveDate, Option<String>, String)> = None;
    let mut earliest: Option<NaiveDate> = None;
    for t in e.incidents.iter().filter(|t| t.date <= as_of) {
        earliest = Some(earliest.map_or(t.date, |d| d.min(t.date)));
        if current.as_ref().is_none_or(|(d, ..)| *d != t.date) {
            current = Some((t.date, terms.of(t.date), t.date.format("%Y-%m").to_string()));
        }
        let (_, term, month) = current.as_ref().expect("set for this date just above");
        if within(t.date, as_of, months) {
            count += t.count;
            actioned += if t.actioned { t.count } else { 0 };
            closed += if t.closed { t.count } else { 0 };
            for c in &t.categories {
                *by_category.entry(c).or_insert(0) += t.count;
            }
        } else if t.date > previous_start && t.date <= start {
            previous_count += t.count;
        }
        if let Some(term) = term {
            let entry = by_term.entry(term.clone()).or_insert((t.date, 0));
            entry.0 = entry.0.min(t.date);
            entry.1 += t.count;
        }
        *by_month.entry(month.clone()).or_insert(0) += t.count;
    }
    let n = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
    let mut by_term: Vec<(NaiveDate, Count)> = by_term
        .into_iter()
        .map(|(label, (first, c))| (first, Count { label, count: n(c) }))
        .collect();
    by_term.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.label.cmp(&b.1.label)));
    let share = |part: u64| (count > 0).then(|| round2(part as f64 / count as f64));
    let actioned_recorded = e.unrecorded(Field::IncidentAction).is_none();
    let closed_recorded = e.unrecorded(Field::IncidentStatus).is_none();
    let mut by_category: Vec<Count> = by_category
        .into_iter()
        .map(|(label, c)| Count {
            label: label.to_string(),
            count: n(c),
        })
        .collect();
    by_category.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    IncidentSummary {
        months,
        count: n(count),
        by_category,
        by_term: by_term.into_iter().map(|(_, c)| c).collect(),
        by_month: by_month
            .into_iter()
            .map(|(label, c)| Count { label, count: n(c) })
            .collect(),
        actioned: n(actioned),
        closed: n(closed),
        actioned_share: share(actioned).filter(|_| actioned_recorded),
        closed_share: share(closed).filter(|_| closed_recorded),
        actioned_recorded,
        closed_recorded,
        previous_count: n(previous_count),
        earliest,
        left_out: e
            .left_out
            .iter()
            .map(|(label, &count)| Count {
                label: label.clone(),
                count,
            })
            .collect(),
        previous_covered: earliest.is_some_and(|d| d <= start),
        change: count as i64 - previous_count as i64,
    }
}

/// Every metric with its default window, for the import report.
pub fn compute(e: &Evidence, as_of: NaiveDate, terms: &Terms) -> Metrics {
    let groups = |names: Vec<&String>| {
        let mut g: Vec<String> = names.into_iter().cloned().collect();
        g.sort();
        g.dedup();
        g
    };
    let training = e.kinds.contains(&Kind::Training).then(|| {
        groups(e.training.iter().map(|t| &t.group).collect())
            .iter()
            .filter_map(|g| training_coverage(e, g, 24, as_of))
            .collect()
    });
    let meetings = e.kinds.contains(&Kind::Meetings).then(|| {
        groups(e.meetings.iter().map(|m| &m.group).collect())
            .iter()
            .filter_map(|g| meeting_pattern(e, g, 12, as_of))
            .collect()
    });
    let incidents = e
        .kinds
        .contains(&Kind::Incidents)
        .then(|| incident_summary(e, 12, as_of, terms));
    Metrics {
        as_of,
        training,
        meetings,
        incidents,
    }
}
