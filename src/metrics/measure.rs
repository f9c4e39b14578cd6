//! An evidence check's metric measured, with the fact it rests on in plain words.
//!
//! Scoring needs a number to compare with the check's threshold; the people who read the
//! finding need the fact behind it ("8 of 16 staff trained in the last two years"). Both
//! come from the same computation here, so the words can never disagree with the number.

use chrono::NaiveDate;

use super::compute::{incident_summary, meeting_pattern, training_coverage, window_start, within};
use super::terms::Terms;
use crate::evidence::dating::window;
use crate::evidence::import::Evidence;
use crate::evidence::{Field, Kind};
use crate::framework::{Check, ParamValue};
use crate::text::normalise;

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
        "staff" | "governors" => words,
        _ => format!("the {words}"),
    }
}

fn percent(part: usize, whole: usize) -> String {
    let p = if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    };
    format!("{p:.0}%")
}

/// A count with its noun: "1 meeting", "3 meetings".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Measures a check's metric as of a date, or says which evidence is missing.
pub fn measure(check: &Check, e: &Evidence, as_of: NaiveDate) -> Result<Measured, String> {
    let text = |k: &str| match check.params.get(k) {
        Some(ParamValue::Text(t)) => t.clone(),
        _ => String::new(),
    };
    let months = match check.params.get("months") {
        Some(ParamValue::Months(m)) => *m,
        _ => 12,
    };
    let need = |kind: Kind, what: &str| {
        if e.kinds.contains(&kind) {
            Ok(())
        } else {
            Err(format!("no {what} were imported"))
        }
    };
    let group = text("group");
    let span = window(months);
    match check.metric.as_str() {
        "training.coverage" | "training.overdue" => {
            need(Kind::Training, "training records")?;
            unrecorded(e, Field::TrainingDate)?;
            training(check, e, &group, months, as_of)
        }
        "meetings.count" | "meetings.longest-gap-days" => {
            need(Kind::Meetings, "meeting registers")?;
            meetings(check, e, &group, months, as_of)
        }
        "meetings.with-item" => {
            need(Kind::Meetings, "meeting registers")?;
            let topic = text("topic");
            let wanted = format!(" {} ", normalise(&topic));
            let n = e
                .meetings
                .iter()
                .filter(|m| (group == "any" || m.group == group) && within(m.date, as_of, months))
                .filter(|m| format!(" {} ", m.items).contains(&wanted))
                .count();
            let whose = if group == "any" {
                String::new()
            } else {
                format!(" of {}", group_words(&group))
            };
            Ok(Measured {
                value: n as f64,
                fact: format!(
                    "{}{whose} in {span} recorded “{topic}” among the items",
                    plural(n, "meeting", "meetings")
                ),
            })
        }
        "incidents.count" | "incidents.actioned-share" | "incidents.closed-share" => {
            need(Kind::Incidents, "incident logs")?;
            match check.metric.as_str() {
                "incidents.actioned-share" => unrecorded(e, Field::IncidentAction)?,
                "incidents.closed-share" => unrecorded(e, Field::IncidentStatus)?,
                _ => {}
            }
            incidents(check, e, months, as_of)
        }
        other => Err(format!("the metric `{other}` is not computed")),
    }
}

/// Fails, naming the source, when a source has no column for `field`.
fn unrecorded(e: &Evidence, field: Field) -> Result<(), String> {
    match e.unrecorded(field) {
        Some(u) => Err(format!(
            "{} has {} (map it under [evidence.columns])",
            u.path.display(),
            u.need.what
        )),
        None => Ok(()),
    }
}

fn training(
    check: &Check,
    e: &Evidence,
    group: &str,
    months: u32,
    as_of: NaiveDate,
) -> Result<Measured, String> {
    let c = training_coverage(e, group, months, as_of)
        .ok_or_else(|| format!("nobody in the training records is in the group `{group}`"))?;
    let who = group_words(group);
    let span = window(months);
    let untrained = c.overdue.len();
    Ok(if check.metric == "training.coverage" {
        Measured {
            value: c.share,
            fact: format!(
                "{} of {} {who} trained in {span} ({})",
                c.trained,
                c.people,
                percent(c.trained, c.people)
            ),
        }
    } else {
        Measured {
            value: untrained as f64,
            fact: format!("{untrained} of {} {who} not trained in {span}", c.people),
        }
    })
}

fn meetings(
    check: &Check,
    e: &Evidence,
    group: &str,
    months: u32,
    as_of: NaiveDate,
) -> Result<Measured, String> {
    let who = group_words(group);
    let span = window(months);
    let pattern = meeting_pattern(e, group, months, as_of);
    let count = pattern.as_ref().map_or(0, |p| p.count);
    Ok(if check.metric == "meetings.count" {
        let fact = match count {
            0 => format!("{who} did not meet in {span}"),
            1 => format!("{who} met once in {span}"),
            n => format!("{who} met {n} times in {span}"),
        };
        Measured {
            value: count as f64,
            fact,
        }
    } else {
        let days = pattern.map_or_else(
            || (as_of - window_start(as_of, months)).num_days(),
            |p| p.longest_gap_days,
        );
        let fact = if count == 0 {
            // The meeting count's fact already says the group did not meet: this one says
            // only the gap, so a finding holding both does not repeat itself.
            format!("{days} days without a meeting")
        } else {
            format!("the longest gap between meetings of {who} in {span} was {days} days")
        };
        Measured {
            value: days as f64,
            fact,
        }
    })
}

fn incidents(
    check: &Check,
    e: &Evidence,
    months: u32,
    as_of: NaiveDate,
) -> Result<Measured, String> {
    let s = incident_summary(e, months, as_of, &Terms::English);
    let span = window(months);
    let n = s.count;
    let share = |what: &str, part: Option<f64>, of: usize| {
        let part = part.ok_or_else(|| format!("no incidents were logged in {span}"))?;
        Ok(Measured {
            value: part,
            fact: format!(
                "{of} of {} in {span} {what} ({})",
                plural(n, "incident", "incidents"),
                percent(of, n)
            ),
        })
    };
    match check.metric.as_str() {
        "incidents.count" => Ok(Measured {
            value: n as f64,
            fact: format!("{} logged in {span}", plural(n, "incident", "incidents")),
        }),
        "incidents.actioned-share" => share(
            "have the action taken recorded",
            s.actioned_share,
            s.actioned,
        ),
        _ => share("are recorded as closed", s.closed_share, s.closed),
    }
}

/// What a check asks of its metric, in words: "9 in 10", "at least 6 meetings",
/// "no gap longer than 120 days".
pub fn expectation(check: &Check) -> String {
    use crate::framework::Threshold;
    let kind = super::find(&check.metric).map(|m| m.value);
    let (one, many) = match check.metric.as_str() {
        "meetings.count" => ("meeting", "meetings"),
        "meetings.with-item" => ("such meeting", "such meetings"),
        "incidents.count" => ("incident", "incidents"),
        "training.overdue" => ("person untrained", "people untrained"),
        _ => ("", ""),
    };
    let count = |v: f64| {
        let n = v.ceil() as usize;
        let words = if n == 1 { one } else { many };
        format!("{n} {words}").trim_end().to_string()
    };
    match (kind, check.threshold) {
        (Some(super::ValueKind::Share), Threshold::AtLeast(t)) => share_words(t),
        (Some(super::ValueKind::Share), Threshold::AtMost(t)) => {
            format!("no more than {:.0}%", t * 100.0)
        }
        (Some(super::ValueKind::Days), Threshold::AtMost(t)) => {
            format!("no gap longer than {t} days")
        }
        (Some(super::ValueKind::Days), Threshold::AtLeast(t)) => format!("at least {t} days"),
        (_, Threshold::AtMost(t)) if t < 1.0 => format!("no {many}").trim_end().to_string(),
        (_, Threshold::AtMost(t)) => format!("no more than {}", count(t.floor())),
        (_, Threshold::AtLeast(t)) => format!("at least {}", count(t)),
    }
}

/// A share as people say it: "all", "9 in 10", "3 in 4", "at least half", "at least 85%".
fn share_words(t: f64) -> String {
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

#[cfg(test)]
mod tests {
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
