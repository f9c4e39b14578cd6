//! The view of the registers: the policy register judged (what is out of date and what falls
//! due in the next 90 days), agreements signed this school year, filtering checks by term,
//! surveys and parent engagement. Read from the metrics, never the records; counts, dates
//! and document names only (document owners may be staff named in person, so they are left
//! out, as staff names are elsewhere).

use chrono::NaiveDate;
use serde::Serialize;

use super::{percent, uk};
use crate::metrics::documents::{DUE_SOON_DAYS, DocumentStatus, Standing};
use crate::metrics::registers::Registers;
use crate::text::plural;

#[derive(Debug, Serialize)]
pub(super) struct DocumentRow {
    name: String,
    last_reviewed: String,
    due: String,
    standing: String,
    late: bool,
    /// Out of date, undated or with dates that cannot be right: what governors are shown,
    /// in `said`, since each can keep an aspect's check from being met.
    attention: bool,
    said: String,
}

#[derive(Debug, Serialize)]
pub(super) struct Documents {
    rows: Vec<DocumentRow>,
    due_soon: Vec<DocumentRow>,
    days: u64,
    missing: Vec<&'static str>,
    not_in_force: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub(super) struct Row {
    label: String,
    text: String,
}

#[derive(Debug, Serialize)]
pub(super) struct View {
    documents: Option<Documents>,
    agreements: Option<Vec<Row>>,
    agreements_since: String,
    filtering: Option<String>,
    /// The filtering by term for governors: the terms it held in and those it failed in.
    filtering_governors: Option<String>,
    surveys: Option<Vec<Row>>,
    engagement: Option<String>,
}

fn standing(s: Standing) -> &'static str {
    match s {
        Standing::Current => "Current",
        Standing::DueSoon => "Due soon",
        Standing::Overdue => "Review overdue",
        Standing::Stale => "Not reviewed in time",
        Standing::Undated => "No review dates",
        Standing::Replaced => "Replaced by a later review",
    }
}

/// Why a document needs attention, in words, for governors: "review overdue (due
/// 01/09/2026, worked out from the last review)", "no review dates in the register, so it
/// cannot be shown to be current", with what is wrong with its dates after it.
fn said(x: &DocumentStatus, as_of: NaiveDate) -> String {
    let due = x.due.map(|d| {
        let how = if x.due_computed {
            ", worked out from the last review"
        } else {
            ""
        };
        format!(" (due {}{how})", uk(d))
    });
    let mut out = Vec::new();
    if x.overdue {
        out.push(format!("review overdue{}", due.clone().unwrap_or_default()));
    }
    if let Some(months) = x.stale_after_months {
        out.push(format!(
            "not reviewed in time: last reviewed on {}, more than {} before the review date",
            x.last_reviewed.map(uk).unwrap_or_default(),
            crate::metrics::documents::months_words(months)
        ));
    }
    if x.standing == Standing::Undated {
        out.push(if x.unread().is_some() {
            "its review dates in the register are not dates that can be read, so it cannot be shown to be current".into()
        } else if x.reviewed_after.is_some() {
            "no review date that can be used, so it cannot be shown to be current".into()
        } else if let Some(next) = x.due {
            format!(
                "no last review date in the register (its next review is due {}), so it cannot be shown to be current",
                uk(next)
            )
        } else {
            "no review dates in the register, so it cannot be shown to be current".into()
        });
    }
    out.extend(x.dates_wrong(as_of));
    out.join("; ")
}

fn documents(r: &Registers, as_of: NaiveDate) -> Option<Documents> {
    let d = r.documents.as_ref()?;
    let row = |x: &DocumentStatus| DocumentRow {
        name: x.name.clone(),
        last_reviewed: x.last_reviewed.map(uk).unwrap_or_default(),
        due: match x.due {
            Some(d) if x.due_computed => format!("{} (worked out from the last review)", uk(d)),
            Some(d) => uk(d),
            None => String::new(),
        },
        standing: {
            let standing = if x.overdue && x.stale_after_months.is_some() {
                "Review overdue; not reviewed in time"
            } else if x.standing == Standing::Undated && x.due.is_some() {
                "No last review date"
            } else {
                standing(x.standing)
            };
            // Dates that cannot be right are said where the document is, as the warnings
            // say them, so the reader of the report sees why its dates are not used.
            match x.dates_wrong(as_of) {
                Some(wrong) => format!("{standing}: {wrong}"),
                None => standing.to_string(),
            }
        },
        late: x.late() || x.dates_wrong(as_of).is_some(),
        attention: x.late() || x.standing == Standing::Undated || x.dates_wrong(as_of).is_some(),
        said: said(x, as_of),
    };
    Some(Documents {
        rows: d.documents.iter().map(row).collect(),
        due_soon: d.due_soon().into_iter().map(row).collect(),
        days: DUE_SOON_DAYS,
        missing: d.topics_missing.iter().map(|t| t.words()).collect(),
        not_in_force: d.topics_not_in_force.iter().map(|t| t.words()).collect(),
    })
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The filtering by term, for governors: the terms whose latest check passed, the terms
/// whose latest check failed or was unclear, and the terms with no check, in sentences.
fn for_governors(f: &crate::metrics::registers::FilteringSummary) -> String {
    let words = |terms: Vec<&String>| {
        and_list(
            &terms
                .into_iter()
                .map(|t| crate::metrics::terms::in_words(t))
                .collect::<Vec<_>>(),
        )
    };
    let held: Vec<&String> = f
        .by_term
        .iter()
        .filter(|t| t.latest_passed)
        .map(|t| &t.term)
        .collect();
    let mut out = format!(
        "Of the {} that finished in the last {} months, the filtering was checked and held in {}",
        plural(f.terms.len(), "school term", "school terms"),
        f.months,
        held.len()
    );
    out.push_str(&if held.is_empty() {
        ".".to_string()
    } else {
        format!(": {}.", words(held))
    });
    if !f.none_passed.is_empty() {
        let those = if f.none_passed.len() == 1 {
            "that term does"
        } else {
            "those terms do"
        };
        out.push_str(&format!(
            " In {} the latest check found something getting through or did not say whether the filter held, so {those} not count as checked.",
            words(f.none_passed.iter().collect())
        ));
    }
    if !f.unchecked.is_empty() {
        out.push_str(&format!(
            " No check was recorded in {}.",
            words(f.unchecked.iter().collect())
        ));
    }
    out
}

/// The registers' view.
pub(super) fn view(r: &Registers, as_of: NaiveDate) -> View {
    View {
        documents: documents(r, as_of),
        agreements_since: r
            .agreements
            .as_ref()
            .and_then(|g| g.first())
            .map(|g| uk(g.since))
            .unwrap_or_default(),
        agreements: r.agreements.as_ref().map(|groups| {
            groups
                .iter()
                .map(|g| Row {
                    label: g.group.replace('-', " "),
                    text: if g.dates_recorded {
                        format!("{} of {} ({})", g.signed, g.of, percent(Some(g.share)))
                    } else {
                        format!(
                            "{}; who signed this school year is not known, as the register gives no dates of signing",
                            plural(g.of, "person", "people")
                        )
                    },
                })
                .collect()
        }),
        filtering: r.filtering.as_ref().map(|f| {
            let terms = format!("{}.", crate::text::capitalise(&f.terms_words()));
            let unclear = if f.unclear == 0 {
                String::new()
            } else {
                format!(
                    ", {} with a result that does not say whether the filter held (not counted as passed)",
                    f.unclear
                )
            };
            format!(
                "{} in the last {} months, {} finding something that got through{unclear}; the last on {}. {terms}",
                plural(f.checks, "check", "checks"),
                f.months,
                f.failed,
                f.last.map_or("–".to_string(), uk)
            )
        }),
        filtering_governors: r.filtering.as_ref().map(for_governors),
        surveys: r.surveys.as_ref().map(|groups| {
            groups
                .iter()
                .map(|g| Row {
                    label: g.group.replace('-', " "),
                    text: format!(
                        "{} in the last 12 months, {}{}",
                        g.count,
                        g.responses_in_words(),
                        g.last.map(|d| format!("; the last on {}", uk(d))).unwrap_or_default()
                    ),
                })
                .collect()
        }),
        engagement: r.engagement.as_ref().map(|g| {
            let attended = match g.attendance_in_words() {
                words if words.is_empty() => String::new(),
                words => format!(", {words}"),
            };
            format!(
                "{} for parents and carers in the last {} months{attended}; {} sent.",
                plural(g.sessions, "session", "sessions"),
                g.months,
                plural(g.communications, "communication", "communications")
            )
        }),
    }
}
