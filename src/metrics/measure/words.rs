//! What a check asks of its metric, in the words a finding says it: "9 in 10", "at least
//! 6 meetings", "no gap longer than 120 days".

use crate::evidence::dating::window;
use crate::framework::{Check, Metric, Param, Threshold, ValueKind};

/// A number of days a check names, with its noun: "1 day", "120 days".
fn days(t: f64) -> String {
    let word = if t == 1.0 { "day" } else { "days" };
    format!("{t} {word}")
}

/// What a check asks of its metric, in words: "9 in 10", "at least 6 meetings",
/// "no gap longer than 120 days".
pub fn expectation(check: &Check) -> String {
    if let Some(words) = one_document(check) {
        return words;
    }
    let (one, many) = noun(check.metric);
    let count = |v: f64| {
        let n = v.ceil() as usize;
        let words = if n == 1 { one } else { many };
        format!("{n} {words}").trim_end().to_string()
    };
    match (check.metric.value(), check.threshold) {
        (ValueKind::Share, Threshold::AtLeast(t)) => share_of(check, &share_words(t)),
        (ValueKind::Share, Threshold::AtMost(t)) => {
            share_of(check, &format!("no more than {:.0}%", t * 100.0))
        }
        (ValueKind::Days, Threshold::AtMost(t)) => format!("no gap longer than {}", days(t)),
        (ValueKind::Days, Threshold::AtLeast(t)) => format!("at least {}", days(t)),
        (ValueKind::Count, Threshold::AtMost(t)) if t < 1.0 => {
            format!("no {many}").trim_end().to_string()
        }
        (ValueKind::Count, Threshold::AtMost(t)) => format!("no more than {}", count(t.floor())),
        (ValueKind::Count, Threshold::AtLeast(t)) => format!("at least {}", count(t)),
    }
}

/// A check that one document is reviewed in time, said of the document rather than as a
/// count of one: "the online safety policy reviewed in the last year and still current".
fn one_document(check: &Check) -> Option<String> {
    let Threshold::AtLeast(t) = check.threshold else {
        return None;
    };
    if check.metric != Metric::DocumentsReviewed || t > 1.0 {
        return None;
    }
    let topic = crate::framework::Topic::from_name(check.params.text(Param::Document)?)?;
    let months = check.params.months().map(window)?;
    Some(format!(
        "{} reviewed in {months} and still current",
        topic.words()
    ))
}

/// A share said with whom it counts and what they did, so that two checks on different
/// groups never read alike: "9 in 10 staff trained in the last year", "3 in 4 pupils signed
/// this school year", "all the people whose role is DSL trained in the last two years".
fn share_of(check: &Check, share: &str) -> String {
    let text = |p: Param| check.params.text(p).unwrap_or_default();
    let months = || check.params.months().map(window).unwrap_or_default();
    let (who, did) = match check.metric {
        Metric::TrainingCoverage => (
            people(text(Param::Group)),
            format!("trained in {}", months()),
        ),
        Metric::TrainingRoleCoverage => {
            let role: Vec<&str> = text(Param::Role).split('|').map(str::trim).collect();
            (
                format!("the people whose role is {}", role.join(" or ")),
                format!("trained in {}", months()),
            )
        }
        Metric::AgreementsSignedShare => (
            people(text(Param::Group)),
            "signed this school year".to_string(),
        ),
        Metric::IncidentsActionedShare => (
            "incidents".to_string(),
            format!("with the action taken recorded, in {}", months()),
        ),
        Metric::IncidentsClosedShare => {
            ("incidents".to_string(), format!("closed, in {}", months()))
        }
        _ => return share.to_string(),
    };
    let whole = match who.strip_prefix("the ") {
        Some(rest) if share == "at least half" || share == "all" => format!("{share} the {rest}"),
        Some(_) => format!("{share} of {who}"),
        None if share == "at least half" => format!("{share} the {who}"),
        None if share.ends_with('%') => format!("{share} of {who}"),
        None => format!("{share} {who}"),
    };
    format!("{whole} {did}")
}

/// A group of people as a check names it: "staff", "pupils", "the online safety group".
fn people(group: &str) -> String {
    if group == crate::metrics::compute::ANY_GROUP {
        "people".to_string()
    } else {
        super::group_words(group)
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
        Metric::FilteringTermsUnchecked => (
            "term without a passing check",
            "terms without a passing check",
        ),
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
