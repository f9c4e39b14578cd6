//! What a check asks of its metric, in the words a finding says it: "9 in 10", "at least
//! 6 meetings", "no gap longer than 120 days".

use crate::framework::{Check, Metric, Threshold, ValueKind};

/// A number of days a check names, with its noun: "1 day", "120 days".
fn days(t: f64) -> String {
    let word = if t == 1.0 { "day" } else { "days" };
    format!("{t} {word}")
}

/// What a check asks of its metric, in words: "9 in 10", "at least 6 meetings",
/// "no gap longer than 120 days".
pub fn expectation(check: &Check) -> String {
    let (one, many) = noun(check.metric);
    let count = |v: f64| {
        let n = v.ceil() as usize;
        let words = if n == 1 { one } else { many };
        format!("{n} {words}").trim_end().to_string()
    };
    match (check.metric.value(), check.threshold) {
        (ValueKind::Share, Threshold::AtLeast(t)) => share_words(t),
        (ValueKind::Share, Threshold::AtMost(t)) => format!("no more than {:.0}%", t * 100.0),
        (ValueKind::Days, Threshold::AtMost(t)) => format!("no gap longer than {}", days(t)),
        (ValueKind::Days, Threshold::AtLeast(t)) => format!("at least {}", days(t)),
        (ValueKind::Count, Threshold::AtMost(t)) if t < 1.0 => {
            format!("no {many}").trim_end().to_string()
        }
        (ValueKind::Count, Threshold::AtMost(t)) => format!("no more than {}", count(t.floor())),
        (ValueKind::Count, Threshold::AtLeast(t)) => format!("at least {}", count(t)),
    }
}

/// What a count metric counts, one and many; shares and days are said without a noun.
fn noun(metric: Metric) -> (&'static str, &'static str) {
    match metric {
        Metric::MeetingsCount => ("meeting", "meetings"),
        Metric::MeetingsWithItem => ("such meeting", "such meetings"),
        Metric::IncidentsCount => ("incident", "incidents"),
        Metric::TrainingOverdue => ("person untrained", "people untrained"),
        Metric::DocumentsReviewed => ("document reviewed", "documents reviewed"),
        Metric::FilteringChecks => ("filtering check", "filtering checks"),
        Metric::FilteringTermsUnchecked => ("term unchecked", "terms unchecked"),
        Metric::SurveysCount => ("survey", "surveys"),
        Metric::EngagementSessions => ("session", "sessions"),
        Metric::EngagementCommunications => ("communication", "communications"),
        Metric::AgreementsSignedShare
        | Metric::TrainingCoverage
        | Metric::TrainingRoleCoverage
        | Metric::MeetingsLongestGapDays
        | Metric::IncidentsActionedShare
        | Metric::IncidentsClosedShare => ("", ""),
    }
}

/// A share as people say it: "all", "9 in 10", "3 in 4", "at least half", "at least 85%".
pub(super) fn share_words(t: f64) -> String {
    let tenths = t * 10.0;
    let quarters = t * 4.0;
    if t >= 1.0 {
        "all".to_string()
    } else if (t - 0.5).abs() < 1e-9 {
        "at least half".to_string()
    } else if (tenths - tenths.round()).abs() < 1e-9 {
        format!("{} in 10", tenths.round())
    } else if (quarters - quarters.round()).abs() < 1e-9 {
        format!("{} in 4", quarters.round())
    } else {
        format!("at least {:.0}%", t * 100.0)
    }
}
