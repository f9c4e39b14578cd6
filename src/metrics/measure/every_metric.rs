//! Every metric measured on a small school's records, through a framework that names it.

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::evidence::records::{Incident, Meeting, Training};
use crate::evidence::registers::{Agreement, Document, Engagement, FilteringCheck, Survey};

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

fn check(metric: &str, params: &str, threshold: &str) -> Check {
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
    assert_eq!(expectation(&coverage), "9 in 10");
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
    let nobody = measure(&dsl, &records(), as_of(), &Terms::English).map_err(|e| e.to_string());
    assert_eq!(
        nobody,
        Err(
            "nobody in the training records has the role `DSL|designated safeguarding lead`".into()
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
            0.67,
            "2 of 3 incidents in the last year have the action taken recorded (67%)".into()
        )
    );
    assert_eq!(expectation(&actioned), "all");
    let closed = check("incidents.closed-share", "months = 9", "at-least = 0.5");
    assert_eq!(
        measured(&closed),
        (
            0.5,
            "1 of 2 incidents in the last 9 months are recorded as closed (50%)".into()
        )
    );
    assert_eq!(expectation(&closed), "at least half");
}

#[test]
fn a_metric_without_its_records_says_what_is_missing() {
    let e = Evidence::default();
    let why = |metric: &str, params: &str| {
        measure(
            &check(metric, params, "at-least = 0"),
            &e,
            as_of(),
            &Terms::English,
        )
        .expect_err("no records")
        .to_string()
    };
    assert_eq!(
        why("training.coverage", "group = \"staff\""),
        "no training records were imported"
    );
    assert_eq!(
        why("meetings.with-item", "topic = \"filtering\""),
        "no meeting registers were imported"
    );
    assert_eq!(
        why("incidents.closed-share", ""),
        "no incident logs were imported"
    );
    let nobody = measure(
        &check("training.coverage", "group = \"governors\"", "at-least = 0"),
        &records(),
        as_of(),
        &Terms::English,
    );
    assert_eq!(
        nobody.map_err(|e| e.to_string()),
        Err("nobody in the training records is in the group `governors`".into())
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

/// The registers of a school that checks its filtering most terms and keeps its policies
/// mostly current.
fn registers() -> Evidence {
    let doc = |name: &str, last| Document {
        name: name.into(),
        topics: Topic::of(name),
        owner: String::new(),
        approved_by: String::new(),
        last_reviewed: last,
        next_due: None,
        place: None,
    };
    let agreed = |group: &str, signed, of, date| Agreement {
        group: group.into(),
        part: group.into(),
        person: None,
        signed,
        of,
        date: Some(date),
    };
    Evidence {
        documents: vec![
            doc("E-Safety Policy", Some(day(2025, 9, 1))),
            doc("Acceptable Use Policy", Some(day(2026, 9, 1))),
            doc("Filtering and monitoring review", None),
        ],
        agreements: vec![agreed("staff", 18, 20, day(2026, 9, 10))],
        filtering: vec![
            FilteringCheck {
                date: day(2025, 11, 20),
                failed: false,
            },
            FilteringCheck {
                date: day(2026, 6, 1),
                failed: true,
            },
        ],
        surveys: vec![Survey {
            date: day(2026, 3, 1),
            group: "learners".into(),
            responses: Some(80),
        }],
        engagement: vec![
            Engagement {
                date: day(2026, 10, 1),
                session: true,
                attendance: Some(12),
            },
            Engagement {
                date: day(2026, 10, 2),
                session: false,
                attendance: None,
            },
        ],
        kinds: vec![
            Kind::Documents,
            Kind::Agreements,
            Kind::Filtering,
            Kind::Surveys,
            Kind::Engagement,
        ],
        ..Evidence::default()
    }
}

fn on_registers(c: &Check) -> (f64, String) {
    let m = measure(c, &registers(), as_of(), &Terms::English)
        .expect("the registers hold what the check needs");
    (m.value, m.fact)
}

#[test]
fn the_registers_are_measured_with_the_facts_behind_them() {
    let policy = check(
        "documents.reviewed",
        "document = \"online-safety-policy\"",
        "at-least = 1",
    );
    assert_eq!(
        on_registers(&policy),
        (0.0, "the online safety policy (“E-Safety Policy”) was last reviewed on 01/09/2025, not within the last year".into())
    );
    let two_years = check(
        "documents.reviewed",
        "document = \"online-safety-policy\", months = 24",
        "at-least = 1",
    );
    assert_eq!(on_registers(&two_years).0, 1.0);
    assert_eq!(expectation(&two_years), "at least 1 document reviewed");
    let filtering = check(
        "documents.reviewed",
        "document = \"filtering-monitoring\"",
        "at-least = 1",
    );
    assert_eq!(
        on_registers(&filtering).1,
        "the policy register gives no date of last review for the filtering and monitoring review"
    );
    let images = check(
        "documents.reviewed",
        "document = \"images\"",
        "at-least = 1",
    );
    assert_eq!(
        on_registers(&images).1,
        "the policy register lists nothing that is the images and video policy"
    );
    let staff = check(
        "agreements.signed-share",
        "group = \"staff\"",
        "at-least = 0.9",
    );
    assert_eq!(
        on_registers(&staff),
        (
            0.9,
            "18 of 20 staff signed an acceptable use agreement since 01/09/2026 (90%)".into()
        )
    );
    let checks = check("filtering.checks", "", "at-least = 1");
    assert_eq!(
        on_registers(&checks),
        (2.0, "2 filtering checks recorded in the last year, 1 of them finding something that got through".into())
    );
    let terms = check("filtering.terms-unchecked", "", "at-most = 0");
    assert_eq!(
        on_registers(&terms),
        (1.0, "no filtering check was recorded in 1 of the 3 terms finished in the last year (2025-26 spring)".into())
    );
    assert_eq!(expectation(&terms), "no terms unchecked");
    let surveys = check("surveys.count", "group = \"learners\"", "at-least = 1");
    assert_eq!(
        on_registers(&surveys),
        (
            1.0,
            "1 survey of learners in the last year, with 80 responses".into()
        )
    );
    let sessions = check("engagement.sessions", "", "at-least = 1");
    assert_eq!(
        on_registers(&sessions).1,
        "1 session for parents and carers in the last year, attended by 12 parents and carers"
    );
    let sent = check("engagement.communications", "", "at-least = 3");
    assert_eq!(
        on_registers(&sent),
        (
            1.0,
            "1 communication to parents and carers in the last year".into()
        )
    );
    assert_eq!(expectation(&sent), "at least 3 communications");
}

#[test]
fn a_register_metric_without_its_records_says_what_is_missing() {
    let e = Evidence::default();
    let why = |metric: &str, params: &str| {
        measure(
            &check(metric, params, "at-least = 0"),
            &e,
            as_of(),
            &Terms::English,
        )
        .expect_err("no records")
        .to_string()
    };
    assert_eq!(
        why("documents.reviewed", "document = \"images\""),
        "no policy registers were imported"
    );
    assert_eq!(
        why("agreements.signed-share", "group = \"staff\""),
        "no acceptable use agreement records were imported"
    );
    assert_eq!(
        why("filtering.terms-unchecked", ""),
        "no filtering check logs were imported"
    );
    assert_eq!(why("surveys.count", ""), "no survey records were imported");
    assert_eq!(
        why("engagement.sessions", ""),
        "no parent engagement records were imported"
    );
    let nobody = measure(
        &check(
            "agreements.signed-share",
            "group = \"governors\"",
            "at-least = 0",
        ),
        &registers(),
        as_of(),
        &Terms::English,
    );
    assert_eq!(
        nobody.map_err(|e| e.to_string()),
        Err("nobody in the acceptable use agreement records is in the group `governors`".into())
    );
}
