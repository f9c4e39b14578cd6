//! An evidence check's metric measured, with the fact it rests on in plain words.
//!
//! Scoring needs a number to compare with the check's threshold; the people who read the
//! finding need the fact behind it ("8 of 16 staff trained in the last two years"). Both
//! come from the same computation here, so the words can never disagree with the number.
//! Which computation a check calls for is an exhaustive `match` on its
//! [`Metric`]: a metric added to the framework's list does not compile until it is
//! measured here.

use chrono::NaiveDate;

use super::compute::{
    ANY_GROUP, TrainingCoverage, meeting_pattern, meetings_with_item, training_coverage,
    training_role_coverage, window_start,
};
use super::incidents::{IncidentSummary, incident_summary};
use super::terms::Terms;
use crate::evidence::dating::window;
use crate::evidence::import::Evidence;
use crate::evidence::{Field, Kind};
use crate::framework::{Check, Metric, Param, Topic};

mod on_registers;
mod unmeasured;
mod words;

pub use unmeasured::Unmeasured;

pub use words::expectation;

/// A metric's value and the fact it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// The value compared with the threshold.
    pub value: f64,
    /// The fact in words: "8 of 16 staff trained in the last two years (50%)".
    pub fact: String,
}

/// A group name from the records as words: `online-safety-group` → "the online safety group".
pub fn group_words(group: &str) -> String {
    let words = group.replace(['-', '_'], " ");
    match group {
        "staff" | "governors" | "pupils" | "learners" | "parents" | "volunteers" => words,
        _ => format!("the {words}"),
    }
}

/// `part` of `whole` as a whole percent, rounded down as every output shows shares.
pub(super) fn percent(part: usize, whole: usize) -> String {
    crate::rounding::percent_of(part, whole)
}

pub use crate::text::plural;

/// A count of days, never below nought, for [`plural`].
fn days_n(days: i64) -> usize {
    usize::try_from(days).unwrap_or(0)
}

/// Validation fills in every parameter a metric takes, so measuring never lacks one.
const FILLED: &str = "a validated check has every parameter its metric takes";

/// Measures a check's metric as of a date, with the school's terms for the checks counted
/// by term, or says which evidence is missing.
pub fn measure(
    check: &Check,
    e: &Evidence,
    as_of: NaiveDate,
    terms: &Terms,
) -> Result<Measured, Unmeasured> {
    // Every metric but `agreements.signed-share` (the school year) takes a window.
    let months = || check.params.months().expect(FILLED);
    let text = |p: Param| check.params.text(p).expect(FILLED);
    match check.metric {
        Metric::TrainingCoverage => {
            training(e, text(Param::Group), months(), as_of).map(|c| coverage(&c))
        }
        Metric::TrainingOverdue => {
            training(e, text(Param::Group), months(), as_of).map(|c| overdue(&c))
        }
        Metric::TrainingRoleCoverage => {
            role(e, text(Param::Role), months(), as_of).map(|c| role_coverage(&c))
        }
        Metric::MeetingsCount => {
            need(e, Kind::Meetings, "meeting registers")?;
            Ok(meeting_count(e, text(Param::Group), months(), as_of))
        }
        Metric::MeetingsLongestGapDays => {
            need(e, Kind::Meetings, "meeting registers")?;
            Ok(longest_gap(e, text(Param::Group), months(), as_of))
        }
        Metric::MeetingsWithItem => {
            need(e, Kind::Meetings, "meeting registers")?;
            let (group, topic) = (text(Param::Group), text(Param::Topic));
            Ok(with_item(e, group, topic, months(), as_of))
        }
        Metric::IncidentsCount => incidents(e, months(), as_of, terms).map(|s| incident_count(&s)),
        Metric::IncidentsActionedShare => {
            need(e, Kind::Incidents, "incident logs")?;
            unrecorded(e, Field::IncidentAction)?;
            let s = incidents(e, months(), as_of, terms)?;
            let what = "have the action taken recorded";
            incident_share(&s, what, s.actioned_share, s.actioned)
        }
        Metric::IncidentsClosedShare => {
            need(e, Kind::Incidents, "incident logs")?;
            unrecorded(e, Field::IncidentStatus)?;
            let s = incidents(e, months(), as_of, terms)?;
            incident_share(&s, "are recorded as closed", s.closed_share, s.closed)
        }
        Metric::DocumentsReviewed => {
            let topic = Topic::from_name(text(Param::Document)).expect(FILLED);
            documents(e, topic, months(), as_of)
        }
        Metric::AgreementsSignedShare => {
            need(e, Kind::Agreements, "acceptable use agreement records")?;
            unrecorded(e, Field::AgreementDate)?;
            on_registers::signed_share(e, text(Param::Group), as_of)
        }
        Metric::FilteringChecks => {
            kept(e, Kind::Filtering, "filtering check logs")?;
            Ok(on_registers::filtering_checks(e, months(), as_of, terms))
        }
        Metric::FilteringTermsUnchecked => {
            kept(e, Kind::Filtering, "filtering check logs")?;
            Ok(on_registers::terms_unchecked(e, months(), as_of, terms))
        }
        Metric::SurveysCount => {
            kept(e, Kind::Surveys, "survey records")?;
            Ok(on_registers::surveys(
                e,
                text(Param::Group),
                months(),
                as_of,
            ))
        }
        Metric::EngagementSessions | Metric::EngagementCommunications => {
            kept(e, Kind::Engagement, "parent engagement records")?;
            let sessions = check.metric == Metric::EngagementSessions;
            Ok(on_registers::engagement(e, sessions, months(), as_of))
        }
    }
}

/// Fails, saying what was not imported, when no source of `kind` was; and saying the
/// sources are empty when every one imported holds no records (a blank template shows
/// nothing, whatever the check counts).
pub(super) fn need(e: &Evidence, kind: Kind, what: &'static str) -> Result<(), Unmeasured> {
    if let Some((path, why)) = e.unreadable_of(kind) {
        Err(Unmeasured::Unreadable {
            path: path.to_path_buf(),
            why: why.trim_end_matches('.').to_string(),
        })
    } else if !e.kinds.contains(&kind) {
        Err(Unmeasured::NotImported {
            what,
            kind: kind.as_str(),
        })
    } else if !e.holds_records(kind) {
        Err(empty(e, kind, what))
    } else {
        Ok(())
    }
}

/// Why a kind imported stands behind nothing: every row it held was skipped (which the
/// check counts as not met), or it held no record's row at all.
fn empty(e: &Evidence, kind: Kind, what: &'static str) -> Unmeasured {
    match e.all_skipped(kind, None) {
        Some(why) => Unmeasured::AllSkipped {
            what: format!("the {what} imported"),
            why,
        },
        None => Unmeasured::NoRecords { what },
    }
}

/// Fails as [`need`] does, and, saying the registers are empty or every row was skipped,
/// when no record of `kind` was kept.
fn kept(e: &Evidence, kind: Kind, what: &'static str) -> Result<(), Unmeasured> {
    need(e, kind, what)?;
    let none = match kind {
        Kind::Documents => e.documents.is_empty(),
        Kind::Filtering => e.filtering.is_empty(),
        Kind::Surveys => e.surveys.is_empty(),
        Kind::Engagement => e.engagement.is_empty(),
        _ => false,
    };
    if none {
        Err(empty(e, kind, what))
    } else {
        Ok(())
    }
}

/// `documents.reviewed` on `topic`. A document on the topic listed on a row that was
/// skipped is said so, however many others were skipped too: the register is there, and
/// shows it not valid.
fn documents(
    e: &Evidence,
    topic: Topic,
    months: u32,
    as_of: NaiveDate,
) -> Result<Measured, Unmeasured> {
    if on_registers::skipped_on(e, topic).is_none() {
        need(e, Kind::Documents, "policy registers")?;
        unrecorded(e, Field::DocumentLastReviewed)?;
        kept(e, Kind::Documents, "policy registers")?;
    }
    Ok(on_registers::documents_reviewed(e, topic, months, as_of))
}

/// Fails, naming the source, when a source has no column for `field`.
fn unrecorded(e: &Evidence, field: Field) -> Result<(), Unmeasured> {
    match e.unrecorded(field) {
        Some(u) => Err(Unmeasured::NoColumn {
            path: u.path.clone(),
            what: u.need.what,
        }),
        None => Ok(()),
    }
}

/// The training coverage of a group, or why it cannot be known.
fn training(
    e: &Evidence,
    group: &str,
    months: u32,
    as_of: NaiveDate,
) -> Result<TrainingCoverage, Unmeasured> {
    need(e, Kind::Training, "training records")?;
    unrecorded(e, Field::TrainingDate)?;
    training_coverage(e, group, months, as_of).ok_or_else(|| Unmeasured::NobodyInGroup {
        group: group.to_string(),
    })
}

/// The training coverage of the people holding a role, or why it cannot be known.
fn role(
    e: &Evidence,
    role: &str,
    months: u32,
    as_of: NaiveDate,
) -> Result<TrainingCoverage, Unmeasured> {
    need(e, Kind::Training, "training records")?;
    unrecorded(e, Field::TrainingDate)?;
    unrecorded(e, Field::TrainingRole)?;
    training_role_coverage(e, role, months, as_of).ok_or_else(|| Unmeasured::NobodyInRole {
        role: role.to_string(),
    })
}

fn coverage(c: &TrainingCoverage) -> Measured {
    Measured {
        value: c.share,
        fact: format!(
            "{} of {} {} trained in {} ({})",
            c.trained,
            c.people,
            group_words(&c.group),
            window(c.months),
            percent(c.trained, c.people)
        ),
    }
}

fn role_coverage(c: &TrainingCoverage) -> Measured {
    Measured {
        value: c.share,
        fact: format!(
            "{} of {} whose role is {} trained in {} ({})",
            c.trained,
            plural(c.people, "person", "people"),
            c.group.replace('|', " or "),
            window(c.months),
            percent(c.trained, c.people)
        ),
    }
}

fn overdue(c: &TrainingCoverage) -> Measured {
    let untrained = c.overdue.len();
    Measured {
        value: untrained as f64,
        fact: format!(
            "{untrained} of {} {} not trained in {}",
            c.people,
            group_words(&c.group),
            window(c.months)
        ),
    }
}

fn meeting_count(e: &Evidence, group: &str, months: u32, as_of: NaiveDate) -> Measured {
    let (who, span) = (group_words(group), window(months));
    let count = meeting_pattern(e, group, months, as_of).map_or(0, |p| p.count);
    let fact = match count {
        0 => format!("{who} did not meet in {span}"),
        1 => format!("{who} met once in {span}"),
        n => format!("{who} met {n} times in {span}"),
    };
    Measured {
        value: count as f64,
        fact,
    }
}

fn longest_gap(e: &Evidence, group: &str, months: u32, as_of: NaiveDate) -> Measured {
    let pattern = meeting_pattern(e, group, months, as_of);
    let count = pattern.as_ref().map_or(0, |p| p.count);
    let days = pattern.map_or_else(
        || (as_of - window_start(as_of, months)).num_days(),
        |p| p.longest_gap_days,
    );
    let fact = if count == 0 {
        // The meeting count's fact already says the group did not meet: this one says
        // only the gap, so a finding holding both does not repeat itself.
        format!("{} without a meeting", plural(days_n(days), "day", "days"))
    } else {
        format!(
            "the longest gap between meetings of {} in {} was {}",
            group_words(group),
            window(months),
            plural(days_n(days), "day", "days")
        )
    };
    Measured {
        value: days as f64,
        fact,
    }
}

fn with_item(e: &Evidence, group: &str, topic: &str, months: u32, as_of: NaiveDate) -> Measured {
    let n = meetings_with_item(e, group, topic, months, as_of);
    let whose = if group == ANY_GROUP {
        String::new()
    } else {
        format!(" of {}", group_words(group))
    };
    Measured {
        value: n as f64,
        fact: format!(
            "{}{whose} in {} recorded “{topic}” among the items",
            plural(n, "meeting", "meetings"),
            window(months)
        ),
    }
}

/// The incidents over `months`, when incident logs were imported.
fn incidents(
    e: &Evidence,
    months: u32,
    as_of: NaiveDate,
    terms: &Terms,
) -> Result<IncidentSummary, Unmeasured> {
    need(e, Kind::Incidents, "incident logs")?;
    Ok(incident_summary(e, months, as_of, terms))
}

fn incident_count(s: &IncidentSummary) -> Measured {
    Measured {
        value: s.count as f64,
        fact: format!(
            "{} logged in {}",
            plural(s.count, "incident", "incidents"),
            window(s.months)
        ),
    }
}

/// A share of the window's incidents, `of` of them being `what`.
fn incident_share(
    s: &IncidentSummary,
    what: &str,
    share: Option<f64>,
    of: usize,
) -> Result<Measured, Unmeasured> {
    let span = window(s.months);
    let share = share.ok_or_else(|| Unmeasured::NoIncidents { span: span.clone() })?;
    Ok(Measured {
        value: share,
        fact: format!(
            "{of} of {} in {span} {what} ({})",
            plural(s.count, "incident", "incidents"),
            percent(of, s.count)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::words::share_words;
    use super::*;

    #[test]
    fn windows_and_groups_read_as_prose() {
        assert_eq!(window(24), "the last two years");
        assert_eq!(window(12), "the last year");
        assert_eq!(window(6), "the last 6 months");
        assert_eq!(window(1), "the last month");
        assert_eq!(window(36), "the last three years");
        assert_eq!(
            group_words("online-safety-group"),
            "the online safety group"
        );
        assert_eq!(group_words("staff"), "staff");
        assert_eq!(percent(8, 16), "50%");
        assert_eq!(plural(1, "meeting", "meetings"), "1 meeting");
        assert_eq!(share_words(0.9), "9 in 10");
        assert_eq!(share_words(0.75), "3 in 4");
        assert_eq!(share_words(0.5), "at least half");
        assert_eq!(share_words(1.0), "all");
        assert_eq!(share_words(0.85), "at least 85%");
    }
}

#[cfg(test)]
mod every_metric;
#[cfg(test)]
mod every_register;
