use chrono::NaiveDate;

use super::*;
use crate::evidence::records::{Meeting, Training};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// The review date every test measures as of.
fn as_of() -> NaiveDate {
    day(2026, 11, 1)
}

fn trained(person: &str, group: &str, date: Option<NaiveDate>) -> Training {
    Training {
        person: person.into(),
        key: person.to_lowercase(),
        role: String::new(),
        group: group.into(),
        course: String::new(),
        date,
        next_due: None,
    }
}

fn meeting(date: NaiveDate, group: &str, items: &str) -> Meeting {
    Meeting {
        date,
        group: group.into(),
        name: crate::text::group_name(group),
        attendees: 4,
        items: items.into(),
    }
}

/// Staff with every case of training the window has to sort out, and one governor.
fn training() -> Evidence {
    Evidence {
        training: vec![
            trained("Ann", "staff", Some(day(2026, 3, 1))),
            // The day before the window's first day: not within it.
            trained("Bob", "staff", Some(day(2024, 10, 31))),
            // The latest of several trainings counts.
            trained("Cat", "staff", Some(day(2023, 5, 1))),
            trained("cat", "staff", Some(day(2026, 1, 15))),
            // Listed without a date: not trained.
            trained("Dan", "staff", None),
            // Trained after the review date: not yet.
            trained("Eve", "staff", Some(day(2026, 12, 1))),
            trained("Fay", "staff", Some(day(2024, 11, 2))),
            trained("Hal", "staff", None),
            trained("Gus", "governors", Some(day(2026, 1, 1))),
        ],
        kinds: vec![Kind::Training],
        ..Evidence::default()
    }
}

/// The online safety group meeting through the year, governors once, curriculum not at all
/// within the last year.
fn meetings() -> Evidence {
    let osg = "online-safety-group";
    Evidence {
        meetings: vec![
            meeting(day(2025, 10, 31), osg, "terms of reference"),
            meeting(day(2025, 12, 1), osg, "policy review"),
            meeting(day(2026, 3, 1), osg, "filtering report"),
            meeting(day(2026, 3, 1), osg, "filtering report"),
            meeting(day(2026, 9, 1), osg, "training plan"),
            meeting(day(2026, 12, 1), osg, "policy review"),
            meeting(day(2026, 6, 1), "governors", "online safety policy review"),
            meeting(day(2024, 5, 1), "curriculum", "policy review"),
        ],
        kinds: vec![Kind::Meetings],
        ..Evidence::default()
    }
}

#[test]
fn windows_run_from_the_anniversary_day_to_the_as_of_date_as_a_review_stands() {
    assert_eq!(window_start(as_of(), 12), day(2025, 11, 1));
    assert!(!within(day(2025, 10, 31), as_of(), 12));
    assert!(within(day(2025, 11, 1), as_of(), 12));
    assert!(within(day(2025, 11, 2), as_of(), 12));
    for date in [
        day(2025, 10, 31),
        day(2025, 11, 1),
        day(2026, 6, 1),
        as_of(),
        day(2026, 11, 2),
    ] {
        assert_eq!(
            within(date, as_of(), 12),
            crate::metrics::documents::review_stands(date, 12, as_of()),
            "{date}"
        );
    }
    assert!(within(as_of(), as_of(), 12));
    assert!(!within(day(2026, 11, 2), as_of(), 12));
}

#[test]
fn coverage_counts_each_person_of_the_group_by_their_latest_training_in_the_window() {
    let c = training_coverage(&training(), "staff", 24, as_of()).expect("staff are listed");
    assert_eq!(c.group, "staff");
    assert_eq!((c.people, c.trained, c.months), (7, 3, 24));
    // 3 of 7, to two decimals.
    assert_eq!(c.share, 3.0 / 7.0);
    assert!(c.dates_recorded);
    let g = training_coverage(&training(), "governors", 24, as_of()).expect("listed");
    assert_eq!((g.people, g.trained, g.share), (1, 1, 1.0));
    assert_eq!(
        training_coverage(&training(), "volunteers", 24, as_of()),
        None
    );
}

#[test]
fn overdue_names_everyone_untrained_in_the_window_in_order() {
    let c = training_coverage(&training(), "staff", 24, as_of()).expect("listed");
    assert_eq!(c.overdue, ["Bob", "Dan", "Eve", "Hal"]);
    // Over a shorter window Fay's training is too old.
    let c = training_coverage(&training(), "staff", 12, as_of()).expect("listed");
    assert_eq!(c.overdue, ["Bob", "Dan", "Eve", "Fay", "Hal"]);
    assert_eq!(c.share, 2.0 / 7.0);
}

#[test]
fn meetings_are_counted_once_a_day_within_the_window() {
    let e = meetings();
    let p = meeting_pattern(&e, "online-safety-group", 12, as_of()).expect("it met");
    assert_eq!(p.count, 3);
    assert_eq!(
        p.dates,
        [day(2025, 12, 1), day(2026, 3, 1), day(2026, 9, 1)]
    );
    assert_eq!(p.months, 12);
    // The last meeting on or before the review date.
    assert_eq!(p.last, Some(day(2026, 9, 1)));
    assert_eq!(meeting_pattern(&e, "parents", 12, as_of()), None);
}

#[test]
fn the_longest_gap_runs_from_the_window_start_to_the_as_of_date() {
    let e = meetings();
    let p = meeting_pattern(&e, "online-safety-group", 12, as_of()).expect("it met");
    // 1 March to 1 September.
    assert_eq!(p.longest_gap_days, 184);
    let g = meeting_pattern(&e, "governors", 12, as_of()).expect("it met");
    // From the window's start, 1 November, to the one meeting on 1 June.
    assert_eq!((g.count, g.longest_gap_days), (1, 212));
    // A group that stopped meeting shows the whole window as a gap.
    let c = meeting_pattern(&e, "curriculum", 12, as_of()).expect("it met once");
    assert_eq!((c.count, c.longest_gap_days), (0, 365));
    assert_eq!(c.last, Some(day(2024, 5, 1)));
    assert!(c.dates.is_empty());
}

#[test]
fn meetings_with_an_item_match_whole_words_of_the_topic_ignoring_case() {
    let e = meetings();
    let n = |group: &str, topic: &str| meetings_with_item(&e, group, topic, 12, as_of());
    // The online safety group's December meeting and the governors' June one; the
    // curriculum meeting is too old and the one in December 2026 too late.
    assert_eq!(n(ANY_GROUP, "Policy Review"), 2);
    assert_eq!(n("governors", "policy review"), 1);
    assert_eq!(n("online-safety-group", "filtering"), 2);
    assert_eq!(n(ANY_GROUP, "revie"), 0);
    assert_eq!(
        meetings_with_item(&e, "curriculum", "policy", 36, as_of()),
        1
    );
}

#[test]
fn compute_gives_each_kind_imported_over_its_default_window() {
    let mut e = training();
    let m = compute(&e, as_of(), &Terms::English, &Default::default());
    let groups: Vec<&str> = m
        .training
        .iter()
        .flatten()
        .map(|c| c.group.as_str())
        .collect();
    assert_eq!(groups, ["governors", "staff"]);
    assert!(
        m.training
            .iter()
            .flatten()
            .all(|c| c.months == TRAINING_MONTHS)
    );
    // Kinds with no source are not known, rather than zero.
    assert_eq!((m.meetings, m.incidents), (None, None));
    e.meetings = meetings().meetings;
    e.kinds.push(Kind::Meetings);
    let m = compute(&e, as_of(), &Terms::English, &Default::default());
    let groups: Vec<(&str, usize)> = m
        .meetings
        .iter()
        .flatten()
        .map(|p| (p.group.as_str(), p.count))
        .collect();
    assert_eq!(
        groups,
        [
            ("curriculum", 0),
            ("governors", 1),
            ("online-safety-group", 3)
        ]
    );
    assert_eq!(m.meetings_since(), day(2025, 11, 1));
}

#[test]
fn a_group_is_named_as_its_meetings_most_often_are() {
    let named = |date, name: &str| Meeting {
        name: name.into(),
        ..meeting(date, "dsl-osl-catch-up", "")
    };
    let mut e = Evidence {
        meetings: vec![
            named(day(2026, 2, 1), "DSL OSL catch up"),
            named(day(2026, 3, 1), "DSL/OSL catch-up"),
            named(day(2026, 4, 1), "DSL/OSL catch-up"),
        ],
        ..Evidence::default()
    };
    let as_of = day(2026, 11, 1);
    let name = |e: &Evidence| {
        meeting_pattern(e, "dsl-osl-catch-up", 12, as_of)
            .expect("the group met")
            .name
    };
    assert_eq!(name(&e), "DSL/OSL catch-up");
    // As often one way as the other: the first in order, whatever the register's order.
    e.meetings.truncate(2);
    assert_eq!(name(&e), "DSL OSL catch up");
    e.meetings.reverse();
    assert_eq!(name(&e), "DSL OSL catch up");
}
