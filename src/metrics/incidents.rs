//! The incident figures: how many online safety incidents, of what kind, when, and how
//! they were dealt with; never who or what.
//!
//! Incidents by term and by month cover every incident up to the as-of date, so the
//! report can show the pattern over time; the other figures cover the window, with the
//! window of the same length before it for comparison. Incident logs arrive already
//! folded into counts ([`crate::evidence::tally`]), so this works on tallies, not rows.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::compute::{window_start, within};
use super::terms::Terms;
use crate::evidence::Field;
use crate::evidence::import::Evidence;
use crate::evidence::tally::Tally;

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
    #[serde(serialize_with = "crate::rounding::serialize_optional_share")]
    pub actioned_share: Option<f64>,
    /// Share of the window's incidents recorded as closed (`None` with no incidents, or
    /// when a log has no status column).
    #[serde(serialize_with = "crate::rounding::serialize_optional_share")]
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
        } else if t.date >= self.previous_start && t.date < self.start {
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
        let share = |part: u64| (count > 0).then(|| part as f64 / count as f64);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Kind;
    use crate::evidence::records::Incident;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    /// The review date every test measures as of.
    fn as_of() -> NaiveDate {
        day(2026, 11, 1)
    }

    fn incident(date: NaiveDate, categories: &[&str], actioned: bool, closed: bool) -> Incident {
        Incident {
            date,
            categories: categories.iter().map(|c| c.to_string()).collect(),
            actioned,
            closed,
        }
    }

    /// Incidents before, in and after the window of the year before, in the last year, and
    /// after the review date.
    fn incidents() -> Evidence {
        let mut e = Evidence {
            kinds: vec![Kind::Incidents],
            ..Evidence::default()
        };
        e.left_out.insert("attendance".into(), 2);
        for i in [
            incident(day(2024, 10, 15), &["gaming"], true, true),
            incident(day(2024, 10, 15), &["gaming"], true, true),
            incident(day(2025, 3, 10), &["cyberbullying"], true, true),
            // The day before the last year's first day: the year before.
            incident(day(2025, 10, 31), &["gaming"], true, true),
            incident(day(2025, 12, 5), &["cyberbullying", "gaming"], true, false),
            incident(day(2026, 2, 10), &["cyberbullying"], true, true),
            incident(day(2026, 10, 20), &["sexting"], false, false),
            incident(day(2026, 11, 2), &["gaming"], true, true),
        ] {
            e.incidents.add(i);
        }
        e
    }

    fn counts(list: &[Count]) -> Vec<(&str, usize)> {
        list.iter().map(|c| (c.label.as_str(), c.count)).collect()
    }

    #[test]
    fn incidents_in_the_window_are_counted_by_category_most_first() {
        let s = incident_summary(&incidents(), 12, as_of(), &Terms::English);
        assert_eq!((s.months, s.count), (12, 3));
        assert_eq!(
            counts(&s.by_category),
            [("cyberbullying", 2), ("gaming", 1), ("sexting", 1)]
        );
        assert_eq!((s.previous_count, s.change), (2, 1));
        assert!(s.previous_covered);
        assert_eq!(s.earliest, Some(day(2024, 10, 15)));
        assert_eq!(counts(&s.left_out), [("attendance", 2)]);
    }

    #[test]
    fn incidents_by_term_and_month_cover_every_incident_up_to_the_as_of_date() {
        let s = incident_summary(&incidents(), 12, as_of(), &Terms::English);
        assert_eq!(
            counts(&s.by_term),
            [
                ("2024-25 autumn", 2),
                ("2024-25 spring", 1),
                ("2025-26 autumn", 2),
                ("2025-26 spring", 1),
                ("2026-27 autumn", 1),
            ]
        );
        assert_eq!(
            counts(&s.by_month),
            [
                ("2024-10", 2),
                ("2025-03", 1),
                ("2025-10", 1),
                ("2025-12", 1),
                ("2026-02", 1),
                ("2026-10", 1),
            ]
        );
        // A school's own terms come in time order, not by name, and incidents before its
        // first term have no term.
        let own = Terms::Own(vec![
            ("Term B".into(), day(2025, 9, 1)),
            ("Term A".into(), day(2026, 1, 1)),
        ]);
        let s = incident_summary(&incidents(), 12, as_of(), &own);
        assert_eq!(counts(&s.by_term), [("Term B", 2), ("Term A", 2)]);
    }

    #[test]
    fn shares_of_incidents_are_exact() {
        let s = incident_summary(&incidents(), 12, as_of(), &Terms::English);
        assert_eq!((s.actioned, s.closed), (2, 1));
        assert_eq!(s.actioned_share, Some(2.0 / 3.0));
        assert_eq!(s.closed_share, Some(1.0 / 3.0));
        assert!(s.actioned_recorded && s.closed_recorded);
        // With no incidents in the window there is no share to give.
        let s = incident_summary(&incidents(), 1, day(2026, 9, 30), &Terms::English);
        assert_eq!(s.count, 0);
        assert_eq!((s.actioned_share, s.closed_share), (None, None));
    }

    #[test]
    fn records_that_start_inside_the_window_have_no_year_before() {
        let mut e = Evidence::default();
        e.incidents
            .add(incident(day(2026, 2, 1), &["gaming"], true, true));
        let s = incident_summary(&e, 12, as_of(), &Terms::English);
        assert_eq!((s.count, s.previous_count, s.change), (1, 0, 1));
        assert!(!s.previous_covered);
    }
}
