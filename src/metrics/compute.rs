//! The figures derived from imported evidence, as of the review date: each group's
//! training coverage and meeting pattern, and [`Metrics`], every figure over its default
//! window, which the import report, the report and the pack show as they are (the report's
//! meeting timeline draws the very days counted here, rather than reading the register).
//!
//! A window of N months is the N months up to and including the as-of date. Training
//! counts a person as trained when their latest dated training falls in the window; a
//! person listed without a date counts as not trained. The longest gap between meetings
//! includes the stretch from the window's start to the first meeting and from the last
//! meeting to the as-of date, so a group that stopped meeting shows it. The incident
//! figures are computed in [`super::incidents`] and gathered here with the rest.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::documents::ReviewMonths;
pub use super::incidents::{Count, IncidentSummary, incident_summary};
use super::registers::{Registers, registers};
use super::terms::Terms;
use crate::evidence::import::Evidence;
use crate::evidence::records::Training;
use crate::evidence::{Field, Kind};
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
    /// `trained / people`, exact; JSON shows it rounded down to two decimals.
    #[serde(serialize_with = "crate::rounding::serialize_share")]
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
    /// The group in people's words: the name its meetings are most often given (the first
    /// in order of those given as often), as reports show it.
    pub name: String,
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
    /// The policy register, agreements, filtering checks, surveys and parent engagement.
    #[serde(flatten)]
    pub registers: Registers,
    /// The kinds imported whose every file holds no records (blank templates, most likely),
    /// with those files as review.toml names them: their figures are `None`, and every
    /// output says "no records yet" rather than figures of nothing.
    pub no_records_yet: std::collections::BTreeMap<Kind, Vec<std::path::PathBuf>>,
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

/// The first day of a window of `months` up to `as_of`: a record dated that day, exactly
/// `months` before, is within the window.
pub fn window_start(as_of: NaiveDate, months: u32) -> NaiveDate {
    as_of
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a record dated `date` is within the `months` up to `as_of`: the same rule as a
/// document's review ([`super::documents::review_stands`]), so a filtering check, survey,
/// meeting or session on the anniversary day counts as a policy reviewed that day does.
pub(super) fn within(date: NaiveDate, as_of: NaiveDate, months: u32) -> bool {
    super::documents::review_stands(date, months, as_of)
}

/// Coverage of `group` over `months`; `None` when nobody in the records is in the group.
pub fn training_coverage(
    e: &Evidence,
    group: &str,
    months: u32,
    as_of: NaiveDate,
) -> Option<TrainingCoverage> {
    coverage_of(e, group, |t| t.group == group, months, as_of)
}

/// Coverage over `months` of the people whose role mentions `role` (alternatives separated
/// by `|`, each matched as whole words, ignoring case); `None` when nobody's role does.
pub fn training_role_coverage(
    e: &Evidence,
    role: &str,
    months: u32,
    as_of: NaiveDate,
) -> Option<TrainingCoverage> {
    let wanted: Vec<String> = role
        .split('|')
        .map(normalise)
        .filter(|w| !w.is_empty())
        .map(|w| format!(" {w} "))
        .collect();
    let holds = |t: &Training| holds_role(&t.role, &wanted);
    coverage_of(e, role, holds, months, as_of)
}

/// Words beside a role that make it someone else's: a deputy or an assistant to the DSL
/// is not the DSL.
const STANDING_IN: &[&str] = &[
    "deputy",
    "assistant",
    "alternate",
    "alternative",
    "backup",
    "back up",
    "second",
    "trainee",
    "shadow",
];

/// Whether `role` holds one of the `wanted` roles (each ` padded `) in a part of its own
/// that no word like "deputy" qualifies: "Deputy Head / DSL" and "Head (DSL)" hold the
/// DSL, "Deputy DSL" and "Designated Safeguarding Lead (deputy)" do not. Parts are cut at
/// slashes, commas, semicolons, ampersands and "and".
fn holds_role(role: &str, wanted: &[String]) -> bool {
    let lowered = role.to_lowercase();
    lowered
        .split(['/', ',', ';', '&', '+', '|'])
        .flat_map(|p| p.split(" and "))
        .map(|p| format!(" {} ", normalise(p)))
        .any(|part| {
            wanted.iter().any(|w| {
                part.match_indices(w.as_str()).any(|(at, _)| {
                    let before = &part[..=at];
                    let after = &part[at + w.len() - 1..];
                    let qualified = STANDING_IN.iter().any(|q| {
                        before.ends_with(&format!(" {q} "))
                            || before.ends_with(&format!(" {q} to the "))
                            || before.ends_with(&format!(" {q} to "))
                            || after.starts_with(&format!(" {q} "))
                    });
                    !qualified
                })
            })
        })
}

/// Coverage over `months` of the people whose records pass `counts`, reported as `group`.
fn coverage_of(
    e: &Evidence,
    group: &str,
    counts: impl Fn(&Training) -> bool,
    months: u32,
    as_of: NaiveDate,
) -> Option<TrainingCoverage> {
    let mut people: BTreeMap<&str, (&str, Option<NaiveDate>)> = BTreeMap::new();
    for t in e.training.iter().filter(|t| counts(t)) {
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
        share: trained as f64 / people.len() as f64,
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
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for m in e.meetings.iter().filter(|m| m.group == group) {
        *names.entry(m.name.as_str()).or_insert(0) += 1;
    }
    let name = names
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or_else(|| crate::text::group_name(group), |(n, _)| (*n).to_string());
    Some(MeetingPattern {
        group: group.to_string(),
        name,
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

/// Every metric with its default window, for the import report; documents are judged by
/// the review intervals the framework asks (`review_months`).
pub fn compute(
    e: &Evidence,
    as_of: NaiveDate,
    terms: &Terms,
    review_months: &ReviewMonths,
) -> Metrics {
    let groups = |names: Vec<&String>| {
        let mut g: Vec<String> = names.into_iter().cloned().collect();
        g.sort();
        g.dedup();
        g
    };
    let training = e.holds_records(Kind::Training).then(|| {
        groups(e.training.iter().map(|t| &t.group).collect())
            .iter()
            .filter_map(|g| training_coverage(e, g, TRAINING_MONTHS, as_of))
            .collect()
    });
    let meetings = e.holds_records(Kind::Meetings).then(|| {
        groups(e.meetings.iter().map(|m| &m.group).collect())
            .iter()
            .filter_map(|g| meeting_pattern(e, g, MEETING_MONTHS, as_of))
            .collect()
    });
    let incidents = e
        .holds_records(Kind::Incidents)
        .then(|| incident_summary(e, INCIDENT_MONTHS, as_of, terms));
    Metrics {
        as_of,
        training,
        meetings,
        incidents,
        registers: registers(e, as_of, terms, review_months),
        no_records_yet: e
            .no_records_yet()
            .into_iter()
            .map(|k| (k, e.empty_of(k).map(std::path::Path::to_path_buf).collect()))
            .collect(),
    }
}

#[cfg(test)]
mod tests;
