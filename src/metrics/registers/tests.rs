//! Agreements signed this school year, filtering checks by term, surveys and engagement.

use chrono::NaiveDate;

use super::*;
use crate::evidence::registers::{Agreement, Engagement, FilteringCheck, Survey};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn count(group: &str, part: &str, signed: usize, of: usize, date: NaiveDate) -> Agreement {
    Agreement {
        group: group.into(),
        part: part.into(),
        person: None,
        signed,
        of,
        date: Some(date),
        date_missing: false,
    }
}

fn person(key: u64, date: Option<NaiveDate>) -> Agreement {
    Agreement {
        group: "pupils".into(),
        part: "Year 6".into(),
        person: Some(key),
        signed: usize::from(date.is_some()),
        of: 1,
        date,
        date_missing: false,
    }
}

#[test]
fn the_school_year_starts_on_the_first_of_september() {
    assert_eq!(school_year_start(d(2026, 12, 1)), d(2026, 9, 1));
    assert_eq!(school_year_start(d(2026, 9, 1)), d(2026, 9, 1));
    assert_eq!(school_year_start(d(2026, 8, 31)), d(2025, 9, 1));
}

#[test]
fn agreements_count_the_latest_return_of_each_part_this_school_year() {
    let e = Evidence {
        agreements: vec![
            count("pupils", "Year 3", 20, 30, d(2025, 9, 20)),
            count("pupils", "Year 3", 29, 30, d(2026, 9, 20)),
            // Last year's only return: the year group is known, none signed this year.
            count("pupils", "Year 4", 28, 28, d(2026, 6, 1)),
            person(1, Some(d(2026, 9, 5))),
            person(1, Some(d(2025, 9, 5))),
            person(2, Some(d(2025, 9, 5))),
            person(3, None),
            // A return dated after the review date is not counted.
            count("staff", "Staff", 20, 20, d(2027, 1, 1)),
            count("staff", "Staff", 15, 20, d(2026, 9, 2)),
        ],
        kinds: vec![Kind::Agreements],
        ..Evidence::default()
    };
    let c = agreement_coverage(&e, "pupils", d(2026, 12, 1)).expect("pupils listed");
    assert_eq!((c.signed, c.of, c.share), (30, 61, 30.0 / 61.0));
    let parts: Vec<(&str, usize, usize)> = c
        .parts
        .iter()
        .map(|p| (p.part.as_str(), p.signed, p.of))
        .collect();
    assert_eq!(
        parts,
        vec![("Year 3", 29, 30), ("Year 4", 0, 28), ("Year 6", 1, 3)]
    );
    let staff = agreement_coverage(&e, "staff", d(2026, 12, 1)).expect("staff listed");
    assert_eq!((staff.signed, staff.of), (15, 20));
    assert!(agreement_coverage(&e, "governors", d(2026, 12, 1)).is_none());
}

#[test]
fn a_term_without_a_filtering_check_is_named_and_the_current_term_is_not() {
    let check = |date| FilteringCheck {
        date,
        failed: false,
        unclear: false,
    };
    let e = Evidence {
        filtering: vec![
            check(d(2025, 10, 1)),
            check(d(2026, 5, 20)),
            check(d(2026, 9, 10)),
        ],
        kinds: vec![Kind::Filtering],
        ..Evidence::default()
    };
    let s = filtering(&e, 12, d(2026, 12, 1), &Terms::English).expect("imported");
    assert_eq!(
        s.terms,
        vec!["2025-26 autumn", "2025-26 spring", "2025-26 summer"]
    );
    assert_eq!(s.unchecked, vec!["2025-26 spring"]);
    // The autumn check of 2025 is before the window, but its term reaches into it.
    assert_eq!(s.checks, 2);
    assert_eq!(s.last, Some(d(2026, 9, 10)));
    assert!(filtering(&Evidence::default(), 12, d(2026, 12, 1), &Terms::English).is_none());
}

#[test]
fn surveys_and_engagement_are_counted_in_the_window() {
    let e = Evidence {
        surveys: vec![
            Survey {
                date: d(2026, 3, 1),
                groups: vec!["learners".into()],
                responses: Some(100),
            },
            Survey {
                date: d(2025, 3, 1),
                groups: vec!["learners".into()],
                responses: Some(90),
            },
            Survey {
                date: d(2026, 6, 1),
                groups: vec!["parents".into()],
                responses: None,
            },
        ],
        engagement: vec![
            Engagement {
                date: d(2026, 10, 1),
                session: true,
                attendance: Some(20),
            },
            Engagement {
                date: d(2026, 11, 1),
                session: false,
                attendance: None,
            },
            Engagement {
                date: d(2025, 1, 1),
                session: true,
                attendance: Some(50),
            },
            // Held, but nobody came: not a session parents attended.
            Engagement {
                date: d(2026, 9, 1),
                session: true,
                attendance: Some(0),
            },
            // Attendance not recorded: held, and counted.
            Engagement {
                date: d(2026, 9, 2),
                session: true,
                attendance: None,
            },
        ],
        kinds: vec![Kind::Surveys, Kind::Engagement],
        ..Evidence::default()
    };
    let as_of = d(2026, 12, 1);
    let learners = surveys(&e, "learners", 12, as_of);
    assert_eq!(
        (learners.count, learners.responses, learners.last),
        (1, Some(100), Some(d(2026, 3, 1)))
    );
    assert_eq!(surveys(&e, ANY, 12, as_of).count, 2);
    let g = engagement(&e, 12, as_of);
    assert_eq!(
        (g.sessions, g.unattended, g.attendance, g.communications),
        (2, 1, 20, 1)
    );
    let all = registers(&e, as_of, &Terms::English, &Default::default());
    let groups: Vec<&str> = all
        .surveys
        .as_ref()
        .expect("surveys")
        .iter()
        .map(|s| s.group.as_str())
        .collect();
    assert_eq!(groups, vec!["learners", "parents"]);
    assert!(all.documents.is_none() && all.agreements.is_none() && all.filtering.is_none());
}

#[test]
fn a_schools_own_terms_decide_which_terms_were_checked() {
    let check = |date| FilteringCheck {
        date,
        failed: false,
        unclear: false,
    };
    let e = Evidence {
        filtering: vec![check(d(2026, 2, 1)), check(d(2026, 5, 1))],
        kinds: vec![Kind::Filtering],
        ..Evidence::default()
    };
    let own = Terms::Own(vec![
        ("Spring 2026".into(), d(2026, 1, 5)),
        ("Summer 2026".into(), d(2026, 4, 20)),
        ("Autumn 2026".into(), d(2026, 9, 3)),
        ("Spring 2027".into(), d(2027, 1, 4)),
    ]);
    let s = filtering(&e, 12, d(2026, 12, 1), &own).expect("imported");
    // Days before the first term listed belong to no term; the autumn term is under way.
    assert_eq!(s.terms, vec!["Spring 2026", "Summer 2026"]);
    assert!(s.unchecked.is_empty());
    // Once spring has begun, the autumn term is over, and had no check.
    let later = filtering(&e, 12, d(2027, 1, 10), &own).expect("imported");
    assert_eq!(later.unchecked, vec!["Autumn 2026"]);
}

#[test]
fn a_term_whose_checks_all_failed_is_checked_and_named_as_none_passed() {
    let check = |date, failed, unclear| FilteringCheck {
        date,
        failed,
        unclear,
    };
    let e = Evidence {
        filtering: vec![
            check(d(2025, 9, 12), true, false),
            check(d(2025, 10, 1), false, false),
            check(d(2026, 1, 15), true, false),
            check(d(2026, 4, 20), false, true),
        ],
        kinds: vec![Kind::Filtering],
        ..Evidence::default()
    };
    let s = filtering(&e, 12, d(2026, 12, 1), &Terms::English).expect("imported");
    assert!(s.unchecked.is_empty());
    assert_eq!(s.none_passed, vec!["2025-26 spring", "2025-26 summer"]);
    let outcomes: Vec<(&str, usize, usize, usize, usize, &str)> = s
        .by_term
        .iter()
        .map(|t| {
            let o = t.outcome();
            (t.term.as_str(), t.checks, t.passed, t.failed, t.unclear, o)
        })
        .collect();
    assert_eq!(
        outcomes,
        vec![
            ("2025-26 autumn", 2, 1, 1, 0, "some failed"),
            ("2025-26 spring", 1, 0, 1, 0, "failed"),
            ("2025-26 summer", 1, 0, 0, 1, "unclear"),
        ]
    );
    assert_eq!(
        s.terms_words(),
        "every finished term had a check, but in spring term 2025-26 and summer term 2025-26 the latest check did not pass, so those terms do not count as checked"
    );
    let none = TermChecks {
        term: "2025-26 autumn".into(),
        checks: 0,
        passed: 0,
        failed: 0,
        unclear: 0,
        latest_passed: false,
    };
    assert_eq!(none.outcome(), "no check");
}

#[test]
fn a_term_passes_only_when_its_latest_check_passed() {
    let check = |date, failed, unclear| FilteringCheck {
        date,
        failed,
        unclear,
    };
    let term = |checks: Vec<FilteringCheck>| {
        let e = Evidence {
            filtering: checks,
            kinds: vec![Kind::Filtering],
            ..Evidence::default()
        };
        filtering(&e, 12, d(2026, 12, 1), &Terms::English).expect("imported")
    };
    // A pass in February, then a failure in March not put right: spring did not pass.
    let s = term(vec![
        check(d(2026, 2, 10), false, false),
        check(d(2026, 3, 20), true, false),
    ]);
    assert_eq!(s.none_passed, vec!["2025-26 spring"]);
    let spring = s.by_term.iter().find(|t| t.term == "2025-26 spring");
    assert_eq!(spring.map(|t| t.outcome()), Some("failed"));
    // A result that cannot be read, last, leaves the term unpassed too.
    let s = term(vec![
        check(d(2026, 2, 10), false, false),
        check(d(2026, 3, 20), false, true),
    ]);
    assert_eq!(s.none_passed, vec!["2025-26 spring"]);
    // Of a pass and a failure on the last day, the term did not pass.
    let s = term(vec![
        check(d(2026, 3, 20), false, false),
        check(d(2026, 3, 20), true, false),
    ]);
    assert_eq!(s.none_passed, vec!["2025-26 spring"]);
    // A failure put right by a later pass in the same term counts.
    let s = term(vec![
        check(d(2026, 3, 20), true, false),
        check(d(2026, 2, 10), false, false),
        check(d(2026, 3, 27), false, false),
    ]);
    assert!(!s.none_passed.contains(&"2025-26 spring".to_string()));
}

#[test]
fn a_person_dated_but_not_signed_is_not_counted_as_signed() {
    // A refusal or a withdrawal may carry a date: the row, not its date, says who signed.
    let refused = Agreement {
        signed: 0,
        ..person(2, Some(d(2026, 9, 3)))
    };
    let e = Evidence {
        agreements: vec![person(1, Some(d(2026, 9, 3))), refused],
        kinds: vec![Kind::Agreements],
        ..Evidence::default()
    };
    let c = agreement_coverage(&e, "pupils", d(2026, 12, 1)).expect("pupils");
    assert_eq!((c.signed, c.of), (1, 2));
}
