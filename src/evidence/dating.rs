//! Findings about when a review's records are dated, relative to the review date.
//!
//! Every metric looks back a window from the review date (two years of training, one year
//! of meetings and incidents). A source whose records all end before that window counts
//! for nothing, and every check on it fails; that nearly always means last year's file, or
//! a review date left to default to today, so it is said plainly with the file's dates.
//! Records all dated after the review date count for nothing either (a review date typed a
//! year early), and are said plainly the same way.
//!
//! The window is said in words here ([`window`]), for these findings and for the facts the
//! metrics state, so the two always say it alike.

use std::path::Path;

use chrono::{Months, NaiveDate};

use super::Kind;
use super::import::SourceReport;
use crate::diag::{Code, Diagnostic, Location};

/// The window, in months, the default metrics of a kind of record look back; a pupil list
/// is not dated and has none.
pub fn window_months(kind: Kind) -> Option<u32> {
    match kind {
        Kind::Training => Some(24),
        Kind::Meetings | Kind::Incidents | Kind::Filtering | Kind::Surveys | Kind::Engagement => {
            Some(12)
        }
        // A register of documents or agreements holds records kept for years: an old
        // review date is a finding about the document, not the file.
        Kind::Documents | Kind::Agreements | Kind::Pupils => None,
    }
}

use crate::dates::uk;

/// A window of months in words: "the last two years", "the last year", "the last 6 months".
pub fn window(months: u32) -> String {
    match months {
        12 => "the last year".to_string(),
        m if m % 12 == 0 => format!("the last {} years", number(m / 12)),
        1 => "the last month".to_string(),
        m => format!("the last {m} months"),
    }
}

/// Small whole numbers in words, as people write them in prose.
fn number(n: u32) -> String {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// A warning when every dated record of `report` is older than its kind's window.
pub fn predates(report: &SourceReport, as_of: NaiveDate) -> Option<Diagnostic> {
    let (first, last) = report.date_range?;
    let months = window_months(report.kind)?;
    let start = as_of.checked_sub_months(Months::new(months))?;
    if last >= start {
        return None;
    }
    let span = window(months);
    Some(
        Diagnostic::warning(
            Code::RecordsPredateWindow,
            Location::file(&report.path),
            format!(
                "every record is dated before {span} the review looks at: they run from {} to {}, and the review date is {}",
                uk(first),
                uk(last),
                uk(as_of)
            ),
        )
        .with_help("import this year's records, or set `review-date` in review.toml to the date the review is for"),
    )
}

/// A warning when every dated record of `report` is after the review date.
pub fn postdates(report: &SourceReport, as_of: NaiveDate) -> Option<Diagnostic> {
    let (first, last) = report.date_range?;
    if first <= as_of {
        return None;
    }
    Some(
        Diagnostic::warning(
            Code::RecordsPostdateReview,
            Location::file(&report.path),
            format!(
                "every record is dated after the review date (from {} to {}), so none of them counts; the review date is {}",
                uk(first),
                uk(last),
                uk(as_of)
            ),
        )
        .with_help("check `review-date` in review.toml: it should be the date the review is for"),
    )
}

/// Every finding about one imported source: its dates against the review date, and the
/// columns its figures need that it lacks.
pub fn findings(report: &SourceReport, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = predates(report, as_of)
        .into_iter()
        .chain(postdates(report, as_of))
        .collect();
    found.extend(super::unrecorded::findings(report));
    found.extend(not_shown_signed(report));
    found.extend(unplaced_groups(report));
    found.extend(same_day_counts(report));
    found
}

/// The groups of an agreements register that are not placed as anyone: one warning
/// naming each with its rows.
fn unplaced_groups(report: &SourceReport) -> Option<Diagnostic> {
    let (_, first_rows) = report.unplaced_groups.first()?;
    let listed = report
        .unplaced_groups
        .iter()
        // A group is named by its rows, never by what is written: an agreements register
        // names children, and a group written "Oak (Zara Ahmed)" holds one.
        .map(|(_, rows)| {
            let rows: Vec<String> = rows.iter().map(u32::to_string).collect();
            let word = if rows.len() == 1 { "row" } else { "rows" };
            format!("the group on {word} {}", rows.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut at = Location::file(&report.path);
    at.cell = first_rows.first().map(|r| format!("row {r}"));
    Some(
        Diagnostic::warning(
            Code::AgreementGroupUnplaced,
            at,
            format!(
                "groups selfreview cannot place as pupils, parents, staff, governors or volunteers are not counted as anyone: {listed} (a group's name is not repeated, as it may hold a child's)"
            ),
        )
        .with_help("name the group as the register means it (\"Year 4\", \"Teaching staff\"), or map it under [evidence.roles] in review.toml (`\"Oak\" = \"pupils\"`)"),
    )
}

/// Two different counts of one group on the same day: one warning naming the rows of
/// each pair.
fn same_day_counts(report: &SourceReport) -> Option<Diagnostic> {
    let prefix = crate::evidence::import::SAME_DAY;
    let pairs: Vec<String> = report
        .skipped
        .iter()
        .filter_map(|s| {
            let rest = s.reason.strip_prefix(prefix)?;
            let other = rest.trim_start().split(':').next()?;
            let other: u32 = other.parse().ok()?;
            Some(format!(
                "rows {} and {}",
                other.min(s.row),
                other.max(s.row)
            ))
        })
        .collect();
    let first = report
        .skipped
        .iter()
        .find(|s| s.reason.starts_with(prefix))?;
    let mut at = Location::file(&report.path);
    at.cell = Some(first.place.clone());
    Some(
        Diagnostic::warning(
            Code::AgreementCountsConflict,
            at,
            format!(
                "the register gives different counts of the same group on the same day ({}): the lower share of each is taken",
                pairs.join("; ")
            ),
        )
        .with_help("keep one count for each group on each day, the one that is right, and import again"),
    )
}

/// The people of an agreements register counted in their group but not as signed this
/// school year because their date of signing cannot be read or is missing: one warning
/// for the file, naming each row and column (the first few, for a long register).
fn not_shown_signed(report: &SourceReport) -> Option<Diagnostic> {
    if report.kind != Kind::Agreements {
        return None;
    }
    let places: Vec<&str> = report
        .noted
        .iter()
        .filter(|n| n.reason.ends_with(super::registers::NOT_SHOWN))
        .map(|n| n.place.as_str())
        .collect();
    let first = places.first()?;
    const SHOWN: usize = 5;
    let mut listed = places
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join("; ");
    if places.len() > SHOWN {
        listed.push_str(&format!("; and {} more", places.len() - SHOWN));
    }
    let people = crate::text::plural(places.len(), "person", "people");
    let are = if places.len() == 1 { "is" } else { "are" };
    let mut at = Location::file(&report.path);
    at.cell = Some((*first).to_string());
    Some(
        Diagnostic::warning(
            Code::AgreementDatesUnreadable,
            at,
            format!(
                "{people} in the register {are} counted in their group but not as signed this school year, as the date of signing cannot be read or is missing ({listed})"
            ),
        )
        .with_help("type each date signed as a day, a month and a year (05/09/2026), then import again"),
    )
}

/// The warning that review.toml sets no review date and `today` is used.
pub fn date_not_set(review_file: &Path, today: NaiveDate) -> Diagnostic {
    Diagnostic::warning(
        Code::ReviewDateNotSet,
        Location::file(review_file),
        format!(
            "no review date is set, so today's date, {}, is used",
            uk(today)
        ),
    )
    .with_help(format!(
        "add `review-date = {}` to review.toml so that the review gives the same results on any day",
        today.format("%Y-%m-%d")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(kind: Kind, range: Option<(NaiveDate, NaiveDate)>) -> SourceReport {
        SourceReport {
            path: "evidence/log.xlsx".into(),
            kind,
            sheet: None,
            header_row: 1,
            columns: Vec::new(),
            rows_read: 2,
            rows_used: 2,
            skipped: Vec::new(),
            noted: Vec::new(),
            date_range: range,
            dates_counted: range,
            unmapped_categories: Default::default(),
            rows_left_out: 0,
            left_out_categories: Default::default(),
            names_also_from: Vec::new(),
            sheets_unread: Vec::new(),
            sheets_read: 1,
            training_rows: Vec::new(),
            unplaced_groups: Vec::new(),
            signed_dates: false,
        }
    }

    #[test]
    fn sources_older_than_their_window_are_named_with_their_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid");
        let as_of = d(2026, 11, 23);
        let old = report(Kind::Incidents, Some((d(2024, 9, 1), d(2025, 7, 20))));
        let warning = predates(&old, as_of).expect("warned");
        assert_eq!(warning.code, Code::RecordsPredateWindow);
        assert!(
            warning.message.contains("from 01/09/2024 to 20/07/2025"),
            "{}",
            warning.message
        );
        assert!(
            warning.message.contains("before the last year"),
            "{}",
            warning.message
        );
        // Training looks back two years, so the same dates are still in its window.
        assert!(predates(&report(Kind::Training, old.date_range), as_of).is_none());
        assert!(
            predates(
                &report(Kind::Meetings, Some((d(2026, 1, 1), d(2026, 2, 1)))),
                as_of
            )
            .is_none()
        );
        assert!(predates(&report(Kind::Meetings, None), as_of).is_none());
    }

    #[test]
    fn windows_read_as_prose() {
        assert_eq!(window(24), "the last two years");
        assert_eq!(window(12), "the last year");
        assert_eq!(window(6), "the last 6 months");
        assert_eq!(window(1), "the last month");
        assert_eq!(window(36), "the last three years");
        assert_eq!(window(120), "the last 10 years");
    }

    #[test]
    fn sources_dated_after_the_review_are_named_with_their_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid");
        let as_of = d(2024, 11, 20);
        let later = report(Kind::Training, Some((d(2025, 1, 3), d(2025, 10, 1))));
        let warning = postdates(&later, as_of).expect("warned");
        assert_eq!(warning.code, Code::RecordsPostdateReview);
        assert!(
            warning.message.contains(
                "every record is dated after the review date (from 03/01/2025 to 01/10/2025)"
            ),
            "{}",
            warning.message
        );
        let straddles = report(Kind::Training, Some((d(2024, 11, 20), d(2025, 10, 1))));
        assert!(postdates(&straddles, as_of).is_none());
        assert!(postdates(&report(Kind::Training, None), as_of).is_none());
    }
}
