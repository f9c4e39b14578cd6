//! Every metric measured on a small school's records, through a framework that names it.

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::evidence::records::{Incident, Meeting, Training};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn as_of() -> NaiveDate {
    day(2026, 11, 1)
}

/// Checks are what a framework file gives, so they are read from one: the smallest valid
/// framework with these checks added to its aspect.
fn checks(extra: &str) -> Vec<Check> {
    let minimal = include_str!("../../../tests/fixtures/framework/valid-minimal.toml");
    let text = format!("{minimal}\n{extra}");
    let checked = crate::framework::check(&text, Path::new("test.toml"));
    let fw = checked.framework.expect("the checks are valid");
    let (_, _, a) = fw.aspect("A1.1").expect("the fixture's aspect");
    a.checks[1..].to_vec()
}

/// Why `metric` with `params` cannot be measured when nothing at all was imported.
pub(super) fn unmeasured(metric: &str, params: &str) -> String {
    measure(
        &check(metric, params, "at-least = 0"),
        &Evidence::default(),
        as_of(),
        &Terms::English,
    )
    .expect_err("no records")
    .to_string()
}

pub(super) fn check(metric: &str, params: &str, threshold: &str) -> Check {
    checks(&format!(
        "[[elements.strands.aspects.checks]]\nmetric = \"{metric}\"\nparams = {{ {params} }}\n{threshold}\nsupports-level = 2\n"
    ))
    .remove(0)
}

/// Three of four staff trained, the online safety group meeting twice, three incidents.
fn records() -> Evidence {
    let trained = |person: &str, date: Option<NaiveDate>| Training {
        person: person.into(),
        key: person.to_lowercase(),
        role: String::new(),
        group: "staff".into(),
        course: String::new(),
        date,
        next_due: None,
    };
    let meeting = |date, items: &str| Meeting {
        date,
        group: "online-safety-group".into(),
        name: "Online safety group".into(),
        attendees: 5,
        items: items.into(),
    };
    let mut e = Evidence {
        training: vec![
            trained("Ann", Some(day(2026, 1, 5))),
            trained("Bob", Some(day(2025, 9, 1))),
            trained("Cat", Some(day(2025, 2, 1))),
            trained("Dan", None),
        ],
        meetings: vec![
            meeting(day(2026, 2, 1), "policy review"),
            meeting(day(2026, 6, 1), "filtering report"),
        ],
        kinds: vec![Kind::Training, Kind::Meetings, Kind::Incidents],
        ..Evidence::default()
    };
    for (m, actioned, closed) in [(1, true, true), (3, true, false), (5, false, true)] {
        e.incidents.add(Incident {
            date: day(2026, m, 10),
            categories: vec!["gaming".into()],
            actioned,
            closed,
        });
    }
    e
}

fn measured(c: &Check) -> (f64, String) {
    let m = measure(c, &records(), as_of(), &Terms::English)
        .expect("the records hold what the check needs");
    (m.value, m.fact)
}

#[test]
fn a_framework_can_name_every_metric() {
    let all: String = Metric::ALL
        .iter()
        .map(|m| {
            let params = m
                .params()
                .iter()
                .filter(|p| p.default.is_none())
                .map(|p| match p.param {
                    Param::Document => "document = \"online-safety-policy\"".to_string(),
                    _ => format!("{} = \"x\"", p.param.name()),
                })
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                "[[elements.strands.aspects.checks]]\nmetric = \"{m}\"\nparams = {{ {params} }}\nat-least = 0\nsupports-level = 2\n"
            )
        })
        .collect();
    let named: Vec<Metric> = checks(&all).iter().map(|c| c.metric).collect();
    assert_eq!(named, Metric::ALL);
}

#[test]
fn training_is_measured_by_the_latest_training_of_each_person() {
    let coverage = check("training.coverage", "group = \"staff\"", "at-least = 0.9");
    assert_eq!(
        measured(&coverage),
        (
            0.75,
            "3 of 4 staff trained in the last two years (75%)".into()
        )
    );
    assert_eq!(
        expectation(&coverage),
        "9 in 10 staff trained in the last two years"
    );
    let overdue = check(
        "training.overdue",
        "group = \"staff\", months = 12",
        "at-most = 0",
    );
    assert_eq!(
        measured(&overdue),
        (3.0, "3 of 4 staff not trained in the last year".into())
    );
    assert_eq!(expectation(&overdue), "no people untrained");
}

#[test]
fn a_role_is_found_by_its_words_in_the_role_column() {
    let dsl = check(
        "training.role-coverage",
        "role = \"DSL|designated safeguarding lead\"",
        "at-least = 1",
    );
    let mut e = records();
    e.training[0].role = "Deputy Head / DSL".into();
    e.training[1].role = "Headteacher (DSL)".into();
    e.training[2].role = "Designated Safeguarding Lead (deputy)".into();
    e.training[3].role = "DSLR photography club".into();
    let m = measure(&dsl, &e, as_of(), &Terms::English).expect("two people hold the role");
    assert_eq!(
        (m.value, m.fact),
        (
            1.0,
            "2 of 2 people whose role is DSL or designated safeguarding lead trained in the last two years (100%)".into()
        )
    );
    // A deputy alone is not the DSL.
    let mut deputies = records();
    deputies.training[0].role = "Deputy DSL".into();
    deputies.training[1].role = "Deputy Designated Safeguarding Lead".into();
    deputies.training[2].role = "DSL (deputy)".into();
    deputies.training[3].role = "Assistant to the DSL".into();
    let none = measure(&dsl, &deputies, as_of(), &Terms::English).map_err(|e| e.to_string());
    assert_eq!(
        none,
        Err(
            "nobody in the training records has the role DSL or designated safeguarding lead"
                .into()
        )
    );
    let nobody = measure(&dsl, &records(), as_of(), &Terms::English).map_err(|e| e.to_string());
    assert_eq!(
        nobody,
        Err(
            "nobody in the training records has the role DSL or designated safeguarding lead"
                .into()
        )
    );
}

#[test]
fn meetings_are_measured_within_the_window() {
    let count = check(
        "meetings.count",
        "group = \"online-safety-group\"",
        "at-least = 3",
    );
    assert_eq!(
        measured(&count),
        (
            2.0,
            "the online safety group met 2 times in the last year".into()
        )
    );
    assert_eq!(expectation(&count), "at least 3 meetings");
    let gap = check(
        "meetings.longest-gap-days",
        "group = \"online-safety-group\"",
        "at-most = 120",
    );
    // From the last meeting, 1 June, to the review date.
    assert_eq!(measured(&gap).0, 153.0);
    assert_eq!(expectation(&gap), "no gap longer than 120 days");
    let item = check(
        "meetings.with-item",
        "topic = \"Policy review\"",
        "at-least = 1",
    );
    assert_eq!(
        measured(&item),
        (
            1.0,
            "1 meeting in the last year recorded “Policy review” among the items".into()
        )
    );
    assert_eq!(expectation(&item), "at least 1 such meeting");
}

#[test]
fn incidents_are_measured_within_the_window() {
    let count = check("incidents.count", "", "at-most = 5");
    assert_eq!(
        measured(&count),
        (3.0, "3 incidents logged in the last year".into())
    );
    assert_eq!(expectation(&count), "no more than 5 incidents");
    let actioned = check("incidents.actioned-share", "", "at-least = 1");
    assert_eq!(
        measured(&actioned),
        (
            2.0 / 3.0,
            "2 of 3 incidents in the last year have the action taken recorded (66%)".into()
        )
    );
    assert_eq!(
        expectation(&actioned),
        "all incidents with the action taken recorded, in the last year"
    );
    let closed = check("incidents.closed-share", "months = 9", "at-least = 0.5");
    assert_eq!(
        measured(&closed),
        (
            0.5,
            "1 of 2 incidents in the last 9 months are recorded as closed (50%)".into()
        )
    );
    assert_eq!(
        expectation(&closed),
        "at least half the incidents closed, in the last 9 months"
    );
}

#[test]
fn a_metric_without_its_records_says_what_is_missing() {
    let why = unmeasured;
    assert_eq!(
        why("training.coverage", "group = \"staff\""),
        "no training records were imported: review.toml lists no register of kind \"training\"; add one as [[evidence]] with kind = \"training\" and its path"
    );
    assert_eq!(
        why("meetings.with-item", "topic = \"filtering\""),
        "no meeting registers were imported: review.toml lists no register of kind \"meetings\"; add one as [[evidence]] with kind = \"meetings\" and its path"
    );
    assert_eq!(
        why("incidents.closed-share", ""),
        "no incident logs were imported: review.toml lists no register of kind \"incidents\"; add one as [[evidence]] with kind = \"incidents\" and its path"
    );
    let nobody = measure(
        &check("training.coverage", "group = \"governors\"", "at-least = 0"),
        &records(),
        as_of(),
        &Terms::English,
    );
    assert_eq!(
        nobody.map_err(|e| e.to_string()),
        Err("nobody in the training records is in the governors group".into())
    );
    let quiet = measure(
        &check("incidents.actioned-share", "months = 1", "at-least = 0"),
        &records(),
        as_of(),
        &Terms::English,
    );
    assert_eq!(
        quiet.map_err(|e| e.to_string()),
        Err("no incidents were logged in the last month".into())
    );
}
