//! Documents judged as of a date: overdue by their register's date, stale by the
//! framework's interval, due within 90 days, and the findings that name them.

use chrono::NaiveDate;

use super::*;
use crate::diag::Code;
use crate::evidence::Kind;
use crate::framework::{DEFAULT_ID, load_embedded};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn doc(name: &str, last: Option<NaiveDate>, next: Option<NaiveDate>) -> Document {
    Document {
        name: name.into(),
        topics: Topic::of(name),
        owner: String::new(),
        approved_by: String::new(),
        last_reviewed: last,
        next_due: next,
        every_months: None,
        last_from: crate::evidence::Field::DocumentLastReviewed,
        cells: Default::default(),
        place: Some(Location::file(std::path::Path::new(
            "evidence/policies.xlsx",
        ))),
        name_at: None,
        unread: Vec::new(),
    }
}

fn evidence(docs: Vec<Document>) -> Evidence {
    Evidence {
        documents: docs,
        kinds: vec![Kind::Documents],
        ..Evidence::default()
    }
}

#[test]
fn the_framework_sets_the_interval_its_benchmark_checks_ask() {
    let fw = load_embedded(DEFAULT_ID).expect("embedded").framework;
    let months = review_months(&fw);
    assert_eq!(months.get(&Topic::OnlineSafetyPolicy), Some(&12));
    assert_eq!(months.get(&Topic::FilteringMonitoring), Some(&12));
    assert_eq!(months.get(&Topic::AcceptableUse), Some(&12));
    assert_eq!(months.get(&Topic::DataProtection), Some(&24));
    assert_eq!(months.get(&Topic::GroupTerms), None);
}

#[test]
fn each_document_stands_by_its_dates() {
    let months = ReviewMonths::from([(Topic::OnlineSafetyPolicy, 12)]);
    let as_of = d(2026, 12, 1);
    let cases = [
        // The register's next review date is past.
        (
            doc(
                "Lettings policy",
                Some(d(2025, 1, 1)),
                Some(d(2026, 11, 30)),
            ),
            Standing::Overdue,
            Some(d(2026, 11, 30)),
        ),
        // Reviewed 14 months ago: older than the framework allows, though the register's
        // own next review date, which stays the due date, is a year off.
        (
            doc(
                "E-Safety Policy",
                Some(d(2025, 10, 1)),
                Some(d(2027, 10, 1)),
            ),
            Standing::Stale,
            Some(d(2027, 10, 1)),
        ),
        // Due by the framework's interval in 80 days, whatever the register says.
        (
            doc("Online Safety Policy", Some(d(2026, 2, 19)), None),
            Standing::DueSoon,
            Some(d(2027, 2, 19)),
        ),
        (
            doc("Lettings policy", Some(d(2026, 2, 1)), Some(d(2027, 3, 1))),
            Standing::DueSoon,
            Some(d(2027, 3, 1)),
        ),
        (
            doc("Lettings policy", Some(d(2026, 2, 1)), Some(d(2027, 3, 2))),
            Standing::Current,
            Some(d(2027, 3, 2)),
        ),
        (doc("Lettings policy", None, None), Standing::Undated, None),
        // Due today is not yet overdue.
        (
            doc("Lettings policy", None, Some(as_of)),
            Standing::DueSoon,
            Some(as_of),
        ),
    ];
    for (document, want, due) in cases {
        let s = status(&document, &months, as_of);
        assert_eq!((s.standing, s.due), (want, due), "{document:?}");
        assert_eq!(
            s.due_computed,
            document.next_due.is_none() && due.is_some(),
            "{document:?}"
        );
    }
}

#[test]
fn overdue_and_stale_documents_are_findings_naming_them() {
    let months = ReviewMonths::from([(Topic::OnlineSafetyPolicy, 12)]);
    let e = evidence(vec![
        doc("Lettings policy", None, Some(d(2026, 9, 1))),
        doc("E-Safety Policy", Some(d(2025, 10, 1)), None),
        doc(
            "Social media policy",
            Some(d(2026, 10, 1)),
            Some(d(2027, 10, 1)),
        ),
    ]);
    let found = findings(&e, &months, d(2026, 12, 1));
    let codes: Vec<Code> = found.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        vec![Code::DocumentReviewOverdue, Code::DocumentReviewStale]
    );
    assert_eq!(
        found[0].message,
        "“Lettings policy” was due for review on 01/09/2026, before the review date of 01/12/2026"
    );
    assert!(
        found[1]
            .message
            .contains("“E-Safety Policy” was last reviewed on 01/10/2025, more than 12 months")
    );
    assert_eq!(found[1].location.to_string(), "evidence/policies.xlsx");
}

#[test]
fn the_registers_own_due_date_wins_and_a_document_both_overdue_and_stale_is_both() {
    let months = ReviewMonths::from([(Topic::OnlineSafetyPolicy, 12)]);
    let as_of = d(2026, 12, 1);
    // Reviewed in February 2025, due (the register says) at the end of September 2026:
    // overdue by the register and stale by the framework's 12 months.
    let e = evidence(vec![doc(
        "E-Safety Policy 2024-25",
        Some(d(2025, 2, 3)),
        Some(d(2026, 9, 30)),
    )]);
    let s = summary(&e, &months, as_of).expect("imported");
    let x = &s.documents[0];
    assert_eq!((x.due, x.due_computed), (Some(d(2026, 9, 30)), false));
    assert!(x.overdue && x.stale_after_months == Some(12) && x.late());
    assert_eq!(
        (s.count(Standing::Overdue), s.count(Standing::Stale)),
        (1, 1)
    );
    assert_eq!(s.late(), 1);
    let found = findings(&e, &months, as_of);
    let codes: Vec<Code> = found.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        vec![Code::DocumentReviewOverdue, Code::DocumentReviewStale]
    );
    assert!(found[0].message.contains("due for review on 30/09/2026"));
    // With no next review date in the register, the interval's date is used, and said to be.
    let e = evidence(vec![doc("E-Safety Policy", Some(d(2026, 2, 3)), None)]);
    let x = summary(&e, &months, as_of).expect("imported").documents[0].clone();
    assert_eq!((x.due, x.due_computed), (Some(d(2027, 2, 3)), true));
}

#[test]
fn the_summary_lists_what_falls_due_soonest_first_and_what_no_document_covers() {
    let months = ReviewMonths::from([
        (Topic::OnlineSafetyPolicy, 12),
        (Topic::FilteringMonitoring, 12),
    ]);
    let e = evidence(vec![
        doc("Lettings policy", None, Some(d(2027, 2, 1))),
        doc("E-Safety Policy", Some(d(2026, 1, 10)), None),
    ]);
    let s = summary(&e, &months, d(2026, 12, 1)).expect("a register was imported");
    let due: Vec<&str> = s.due_soon().iter().map(|d| d.name.as_str()).collect();
    assert_eq!(due, vec!["E-Safety Policy", "Lettings policy"]);
    assert_eq!(s.topics_missing, vec![Topic::FilteringMonitoring]);
    assert_eq!(s.count(Standing::DueSoon), 2);
    assert!(summary(&Evidence::default(), &months, d(2026, 12, 1)).is_none());
    // A register imported with no records in it has no summary: there is nothing to judge.
    assert!(summary(&evidence(Vec::new()), &months, d(2026, 12, 1)).is_none());
}

#[test]
fn reviewed_counts_documents_on_a_topic_within_the_window() {
    let e = evidence(vec![
        doc("Online Safety Policy", Some(d(2025, 9, 1)), None),
        doc(
            "Online Safety & Acceptable Use Policy",
            Some(d(2026, 9, 1)),
            None,
        ),
        doc("Acceptable use agreement (KS1)", Some(d(2027, 1, 1)), None),
    ]);
    let (within, latest, listed) = reviewed(&e, Topic::OnlineSafetyPolicy, 12, d(2026, 12, 1));
    assert_eq!((within, listed), (1, 2));
    assert_eq!(latest.map(|(_, on)| on), Some(d(2026, 9, 1)));
    // A review dated after the review date does not count.
    let (within, latest, _) = reviewed(&e, Topic::AcceptableUse, 12, d(2026, 12, 1));
    assert_eq!(within, 1);
    assert_eq!(
        latest.map(|(doc, _)| doc.name.as_str()),
        Some("Online Safety & Acceptable Use Policy")
    );
}

#[test]
fn a_document_reviewed_again_under_a_new_year_is_not_out_of_date() {
    let months = ReviewMonths::from([(Topic::OnlineSafetyPolicy, 12)]);
    let e = evidence(vec![
        doc(
            "E-Safety Policy 2024-25",
            Some(d(2024, 9, 1)),
            Some(d(2025, 9, 1)),
        ),
        doc(
            "E-Safety Policy (v3, 2026)",
            Some(d(2026, 9, 1)),
            Some(d(2027, 9, 1)),
        ),
        // A later row not yet reviewed (a draft dated after the review) replaces nothing.
        doc("Lettings policy", Some(d(2025, 1, 1)), Some(d(2026, 1, 1))),
        doc("Lettings policy draft", Some(d(2027, 1, 1)), None),
    ]);
    let as_of = d(2026, 12, 1);
    let s = summary(&e, &months, as_of).expect("imported");
    let standings: Vec<Standing> = s.documents.iter().map(|x| x.standing).collect();
    assert_eq!(
        standings,
        vec![
            Standing::Replaced,
            Standing::Current,
            Standing::Overdue,
            // Its date after the review date is not a last review: it is undated.
            Standing::Undated
        ]
    );
    let found: Vec<_> = findings(&e, &months, as_of)
        .into_iter()
        .filter(|f| f.code != Code::DocumentReviewDatesWrong)
        .collect();
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains("Lettings policy"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_review_exactly_a_year_ago_stands_until_the_end_of_that_day_in_the_register_and_the_checks() {
    let as_of = d(2026, 12, 1);
    let months = ReviewMonths::from([(Topic::OnlineSafetyPolicy, 12)]);
    for (last, stands) in [
        (d(2025, 12, 1), true),
        (d(2025, 12, 2), true),
        (d(2025, 11, 30), false),
        (d(2026, 12, 1), true),
        (d(2026, 12, 2), false),
    ] {
        assert_eq!(super::review_stands(last, 12, as_of), stands, "{last}");
        let mut policy = doc("Online Safety Policy", Some(last), None);
        policy.topics = vec![Topic::OnlineSafetyPolicy];
        let status = super::status(&policy, &months, as_of);
        if last <= as_of {
            assert_eq!(status.standing == Standing::Stale, !stands, "{last}");
        }
        let e = evidence(vec![policy]);
        let (within, ..) = super::reviewed(&e, Topic::OnlineSafetyPolicy, 12, as_of);
        assert_eq!(within == 1, stands, "{last}");
    }
}

#[test]
fn a_last_review_after_the_review_date_is_not_taken_as_a_last_review_and_is_warned_of() {
    let as_of = d(2026, 12, 1);
    let months = ReviewMonths::from([(Topic::OnlineSafetyPolicy, 12)]);
    let mut policy = doc(
        "Online Safety Policy",
        Some(d(2026, 12, 15)),
        Some(d(2027, 12, 15)),
    );
    policy.topics = vec![Topic::OnlineSafetyPolicy];
    let status = super::status(&policy, &months, as_of);
    assert_eq!(status.last_reviewed, None);
    assert_eq!(status.reviewed_after, Some(d(2026, 12, 15)));
    assert_eq!(status.standing, Standing::Undated);
    let backwards = doc(
        "Social media policy",
        Some(d(2026, 1, 1)),
        Some(d(2025, 6, 1)),
    );
    let e = evidence(vec![policy, backwards]);
    let codes: Vec<Code> = super::findings(&e, &months, as_of)
        .iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == Code::DocumentReviewDatesWrong)
            .count(),
        2,
        "{codes:?}"
    );
    let (within, latest, _) = super::reviewed(&e, Topic::OnlineSafetyPolicy, 12, as_of);
    assert_eq!((within, latest.map(|l| l.1)), (0, None));
}

#[test]
fn a_document_overdue_by_its_register_or_dated_wrongly_is_not_counted_as_reviewed() {
    let as_of = d(2026, 12, 1);
    // Reviewed within two years, but its register's own date says the review was due in May.
    let overdue = doc(
        "Cyber Security Policy",
        Some(d(2025, 11, 1)),
        Some(d(2026, 5, 1)),
    );
    // The same by how often: six months after the last review.
    let every = Document {
        every_months: Some(6),
        ..doc("Cyber Security Policy", Some(d(2025, 11, 1)), None)
    };
    // A next review dated before the last review.
    let wrong = doc(
        "Mobile Devices Policy",
        Some(d(2026, 6, 1)),
        Some(d(2026, 1, 1)),
    );
    assert_eq!(
        not_current(&overdue, as_of),
        Some(NotCurrent::Overdue(d(2026, 5, 1)))
    );
    assert_eq!(
        not_current(&every, as_of),
        Some(NotCurrent::Overdue(d(2026, 5, 1)))
    );
    assert_eq!(
        not_current(&wrong, as_of),
        Some(NotCurrent::NextBeforeLast(d(2026, 1, 1)))
    );
    for (topic, d_) in [
        (Topic::CyberSecurity, &overdue),
        (Topic::CyberSecurity, &every),
        (Topic::MobileDevices, &wrong),
    ] {
        let e = evidence(vec![d_.clone()]);
        let (within, latest, listed) = reviewed(&e, topic, 24, as_of);
        assert_eq!((within, listed), (0, 1), "{}", d_.name);
        assert_eq!(latest.map(|(x, _)| x.name.as_str()), Some(d_.name.as_str()));
    }
    // A current document beside an overdue one on the same topic still counts, and is named.
    let current = doc("Cyber Security Procedures", Some(d(2026, 3, 1)), None);
    let e = evidence(vec![current.clone(), overdue.clone()]);
    let (within, latest, _) = reviewed(&e, Topic::CyberSecurity, 24, as_of);
    assert_eq!(within, 1);
    assert_eq!(
        latest.map(|(x, _)| x.name.as_str()),
        Some("Cyber Security Procedures")
    );
    // The report's words for dates that cannot be right.
    let months = ReviewMonths::new();
    let s = status(&wrong, &months, as_of);
    assert_eq!(
        s.dates_wrong(as_of).as_deref(),
        Some(
            "its next review, 01/01/2026, is dated before its last review, 01/06/2026, so one of the two dates is wrong"
        )
    );
    let ahead = status(
        &doc("Social Media Policy", Some(d(2026, 12, 15)), None),
        &months,
        as_of,
    );
    assert_eq!(
        ahead.dates_wrong(as_of).as_deref(),
        Some(
            "its last review, 15/12/2026, is after the review date of 01/12/2026, so it is not taken as a last review"
        )
    );
    assert_eq!(status(&current, &months, as_of).dates_wrong(as_of), None);
}

#[test]
fn only_years_and_versions_make_two_rows_one_document() {
    let months = ReviewMonths::new();
    let as_of = d(2026, 12, 1);
    let e = evidence(vec![
        doc("Images Policy KS1", Some(d(2025, 9, 1)), None),
        doc("Year 6 residential policy", Some(d(2025, 9, 1)), None),
        doc("E-Safety Policy 2024-25 v2", Some(d(2025, 9, 1)), None),
        doc("Images Policy", Some(d(2026, 9, 1)), None),
        doc("Residential policy", Some(d(2026, 9, 1)), None),
        doc("E-Safety Policy version 3", Some(d(2026, 9, 1)), None),
    ]);
    let latest = Latest::of(&e, as_of);
    let replaced: Vec<&str> = e
        .documents
        .iter()
        .filter(|x| judged(&latest, x, &months, as_of).standing == Standing::Replaced)
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(replaced, ["E-Safety Policy 2024-25 v2"]);
}

#[test]
fn the_latest_review_of_a_document_listed_twice_decides_whether_it_counts() {
    // Reviewed on 08/09/2026 and due in 2027, then reviewed again on 01/10/2026 and due on
    // 01/11/2026: the later review stands, and it is overdue.
    let e = evidence(vec![
        doc(
            "Online Safety Policy",
            Some(d(2026, 9, 8)),
            Some(d(2027, 9, 8)),
        ),
        doc(
            "Online Safety Policy",
            Some(d(2026, 10, 1)),
            Some(d(2026, 11, 1)),
        ),
    ]);
    let (within, latest, listed) = reviewed(&e, Topic::OnlineSafetyPolicy, 12, d(2026, 11, 23));
    assert_eq!((within, listed), (0, 1));
    assert_eq!(latest.map(|(_, on)| on), Some(d(2026, 10, 1)));
    // Listed the other way round, the later review still decides.
    let e = evidence(e.documents.into_iter().rev().collect());
    let (within, _, _) = reviewed(&e, Topic::OnlineSafetyPolicy, 12, d(2026, 11, 23));
    assert_eq!(within, 0);
    // Once the later review is current, the document counts once.
    let (within, _, _) = reviewed(&e, Topic::OnlineSafetyPolicy, 12, d(2026, 10, 20));
    assert_eq!(within, 1);
}

#[test]
fn a_next_review_that_cannot_be_read_leaves_the_document_not_current() {
    let fw = load_embedded(DEFAULT_ID).expect("embedded").framework;
    let months = review_months(&fw);
    let as_of = d(2026, 3, 1);
    let unread = Document {
        unread: vec![(
            crate::evidence::Field::DocumentNextDue,
            "`TBC` is not a date".into(),
        )],
        ..doc("Online Safety Policy", Some(d(2025, 10, 1)), None)
    };
    let s = status(&unread, &months, as_of);
    assert_eq!(s.standing, Standing::Undated);
    assert_eq!((s.due, s.due_computed), (None, false));
    assert_eq!(not_current(&unread, as_of), Some(NotCurrent::NextUnread));
    let e = evidence(vec![unread]);
    assert_eq!(reviewed(&e, Topic::OnlineSafetyPolicy, 12, as_of).0, 0);
    // Read, the same document is current, its due date worked out.
    let read = doc("Online Safety Policy", Some(d(2025, 10, 1)), None);
    assert_eq!(status(&read, &months, as_of).standing, Standing::Current);
}
