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
use crate::evidence::tally::Tally;
use crate::evidence::{Field, Kind};
use crate::rounding::round2;
use crate::text::normalise;

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
    /// The days the group met within the window, in order, each once: the meetings
    /// `count` counts and the longest gap is measured between.
    #[serde(skip)]
    pub dates: Vec<NaiveDate>,
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

/// Every figure, as of a date, each over its default window.
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

/// The window of the training figures in [`Metrics`], in months.
pub const TRAINING_MONTHS: u32 = 24;
/// The window of the meeting figures in [`Metrics`], in months.
pub const MEETING_MONTHS: u32 = 12;
/// The window of the incident figures in [`Metrics`], in months.
pub const INCIDENT_MONTHS: u32 = 12;

impl Metrics {
    /// The day the meeting figures' window starts after: meetings after it, up to the
    /// as-of date, are counted.
    pub fn meetings_since(&self) -> NaiveDate {
        window_start(self.as_of, MEETING_MONTHS)
    }
}

/// The day a window of `months` up to `as_of` starts after.
pub fn window_start(as_of: NaiveDate, months: u32) -> NaiveDate {
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
    let longest_gap_days = longest_gap(start, &dates, as_of);
    Some(MeetingPattern {
        group: group.to_string(),
        count: dates.len(),
        months,
        longest_gap_days,
        last: all.iter().max().copied(),
        dates,
    })
}

/// The group name that stands for every meeting group in `meetings.with-item`.
pub const ANY_GROUP: &str = "any";

/// The meetings of `group` (or of every group, for [`ANY_GROUP`]) within `months` whose
/// items mention `topic`, ignoring case.
pub fn meetings_with_item(
    e: &Evidence,
    group: &str,
    topic: &str,
    months: u32,
    as_of: NaiveDate,
) -> usize {
    let wanted = format!(" {} ", normalise(topic));
    e.meetings
        .iter()
        .filter(|m| (group == ANY_GROUP || m.group == group) && within(m.date, as_of, months))
        .filter(|m| format!(" {} ", m.items).contains(&wanted))
        .count()
}

/// The longest stretch in days between `start`, each date and `end`.
fn longest_gap(start: NaiveDate, dates: &[NaiveDate], end: NaiveDate) -> i64 {
    let mut edges = vec![start];
    edges.extend(dates);
    edges.push(end);
    edges
        .windows(2)
        .map(|w| (w[1] - w[0]).num_days())
        .max()
        .unwrap_or(0)
}

/// Incidents over `months`.
pub fn incident_summary(
    e: &Evidence,
    months: u32,
    as_of: NaiveDate,
    terms: &Terms,
) -> IncidentSummary {
    let mut counts = IncidentCounts::new(as_of, months);
    for t in e.incidents.iter().filter(|t| t.date <= as_of) {
        counts.add(&t, terms);
    }
    counts.summary(e)
}

/// Incidents folded into counts as the tallies come, in date order.
struct IncidentCounts<'a> {
    as_of: NaiveDate,
    months: u32,
    start: NaiveDate,
    previous_start: NaiveDate,
    count: u64,
    previous_count: u64,
    actioned: u64,
    closed: u64,
    by_category: BTreeMap<&'a str, u64>,
    /// Each term with its earliest incident, so terms can be put in time order.
    by_term: BTreeMap<String, (NaiveDate, u64)>,
    by_month: BTreeMap<String, u64>,
    /// The last date seen with its term and month: tallies come in date order, so each
    /// date's term and month are worked out once.
    current: Option<(NaiveDate, Option<String>, String)>,
    earliest: Option<NaiveDate>,
}

impl<'a> IncidentCounts<'a> {
    fn new(as_of: NaiveDate, months: u32) -> Self {
        let start = window_start(as_of, months);
        IncidentCounts {
            as_of,
            months,
            start,
            previous_start: window_start(start, months),
            count: 0,
            previous_count: 0,
            actioned: 0,
            closed: 0,
            by_category: BTreeMap::new(),
            by_term: BTreeMap::new(),
            by_month: BTreeMap::new(),
            current: None,
            earliest: None,
        }
    }

    fn add(&mut self, t: &Tally<'a>, terms: &Terms) {
        self.earliest = Some(self.earliest.map_or(t.date, |d| d.min(t.date)));
        if within(t.date, self.as_of, self.months) {
            self.count += t.count;
            self.actioned += if t.actioned { t.count } else { 0 };
            self.closed += if t.closed { t.count } else { 0 };
            for c in &t.categories {
                *self.by_category.entry(c).or_insert(0) += t.count;
            }
        } else if t.date > self.previous_start && t.date <= self.start {
            self.previous_count += t.count;
        }
        let (term, month) = self.term_and_month(t.date, terms);
        if let Some(term) = term {
            let entry = self.by_term.entry(term).or_insert((t.date, 0));
            entry.0 = entry.0.min(t.date);
            entry.1 += t.count;
        }
        *self.by_month.entry(month).or_insert(0) += t.count;
    }

    fn term_and_month(&mut self, date: NaiveDate, terms: &Terms) -> (Option<String>, String) {
        if self.current.as_ref().is_none_or(|(d, ..)| *d != date) {
            self.current = Some((date, terms.of(date), date.format("%Y-%m").to_string()));
        }
        let (_, term, month) = self.current.as_ref().expect("set for this date just above");
        (term.clone(), month.clone())
    }

    fn summary(self, e: &Evidence) -> IncidentSummary {
        let count = self.count;
        let share = |part: u64| (count > 0).then(|| round2(part as f64 / count as f64));
        let actioned_recorded = e.unrecorded(Field::IncidentAction).is_none();
        let closed_recorded = e.unrecorded(Field::IncidentStatus).is_none();
        let mut by_category: Vec<Count> = self
            .by_category
            .into_iter()
            .map(|(label, c)| Count::new(label.to_string(), c))
            .collect();
        by_category.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        let mut by_term: Vec<(NaiveDate, Count)> = self
            .by_term
            .into_iter()
            .map(|(label, (first, c))| (first, Count::new(label, c)))
            .collect();
        by_term.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.label.cmp(&b.1.label)));
        IncidentSummary {
            months: self.months,
            count: size(count),
            by_category,
            by_term: by_term.into_iter().map(|(_, c)| c).collect(),
            by_month: self
                .by_month
                .into_iter()
                .map(|(label, c)| Count::new(label, c))
                .collect(),
            actioned: size(self.actioned),
            closed: size(self.closed),
            actioned_share: share(self.actioned).filter(|_| actioned_recorded),
            closed_share: share(self.closed).filter(|_| closed_recorded),
            actioned_recorded,
            closed_recorded,
            previous_count: size(self.previous_count),
            earliest: self.earliest,
            left_out: e
                .left_out
                .iter()
                .map(|(label, &count)| Count {
                    label: label.clone(),
                    count,
                })
                .collect(),
            previous_covered: self.earliest.is_some_and(|d| d <= self.start),
            change: count as i64 - self.previous_count as i64,
        }
    }
}

/// A tally's count as a `usize`, saturating on 32-bit targets.
fn size(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl Count {
    fn new(label: String, count: u64) -> Count {
        Count {
            label,
            count: size(count),
        }
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
            .filter_map(|g| training_coverage(e, g, TRAINING_MONTHS, as_of))
            .collect()
    });
    let meetings = e.kinds.contains(&Kind::Meetings).then(|| {
        groups(e.meetings.iter().map(|m| &m.group).collect())
            .iter()
            .filter_map(|g| meeting_pattern(e, g, MEETING_MONTHS, as_of))
            .collect()
    });
    let incidents = e
        .kinds
        .contains(&Kind::Incidents)
        .then(|| incident_summary(e, INCIDENT_MONTHS, as_of, terms));
    Metrics {
        as_of,
        training,
        meetings,
        incidents,
    }
}

#[cfg(test)]
mod tests;
