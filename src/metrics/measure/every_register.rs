//! The registers' metrics measured on a small school's registers, through a framework that
//! names them.

use chrono::NaiveDate;

use super::every_metric::{check, unmeasured};
use super::*;
use crate::evidence::registers::{Agreement, Document, Engagement, FilteringCheck, Survey};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn as_of() -> NaiveDate {
    day(2026, 11, 1)
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
        every_months: None,
        last_from: crate::evidence::Field::DocumentLastReviewed,
        cells: Default::default(),
        place: None,
        name_at: None,
        unread: Vec::new(),
    };
    let agreed = |group: &str, signed, of, date| Agreement {
        group: group.into(),
        part: group.into(),
        person: None,
        signed,
        of,
        date: Some(date),
        date_missing: false,
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
                unclear: false,
            },
            FilteringCheck {
                date: day(2026, 6, 1),
                failed: true,
                unclear: false,
            },
        ],
        surveys: vec![Survey {
            date: day(2026, 3, 1),
            groups: vec!["learners".into()],
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
    let two = "the online safety policy reviewed in the last two years and still current";
    assert_eq!(expectation(&two_years), two);
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
        (2.0, "the latest filtering check did not pass in 2 of the 3 terms finished in the last year: no check was recorded in spring term 2025-26; in summer term 2025-26 the latest check found something getting through or did not say whether the filter held".into())
    );
    assert_eq!(expectation(&terms), "no terms without a passing check");
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
    let why = unmeasured;
    assert_eq!(
        why("documents.reviewed", "document = \"images\""),
        "no policy registers were imported: review.toml lists no register of kind \"documents\"; add one as [[evidence]] with kind = \"documents\" and its path"
    );
    assert_eq!(
        why("agreements.signed-share", "group = \"staff\""),
        "no acceptable use agreement records were imported: review.toml lists no register of kind \"agreements\"; add one as [[evidence]] with kind = \"agreements\" and its path"
    );
    assert_eq!(
        why("filtering.terms-unchecked", ""),
        "no filtering check logs were imported: review.toml lists no register of kind \"filtering\"; add one as [[evidence]] with kind = \"filtering\" and its path"
    );
    assert_eq!(
        why("surveys.count", ""),
        "no survey records were imported: review.toml lists no register of kind \"surveys\"; add one as [[evidence]] with kind = \"surveys\" and its path"
    );
    assert_eq!(
        why("engagement.sessions", ""),
        "no parent engagement records were imported: review.toml lists no register of kind \"engagement\"; add one as [[evidence]] with kind = \"engagement\" and its path"
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
        Err("nobody in the acceptable use agreement records is in the governors group".into())
    );
}
