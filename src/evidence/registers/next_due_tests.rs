//! Tests of the policy register's next review cell read through a whole register: what
//! cannot be read leaves the review date not known, never one worked out.

use chrono::NaiveDate;

use super::tests::read;
use crate::evidence::{Field, Kind};

fn one(next: &str) -> crate::evidence::registers::Document {
    let (e, _) = read(
        Kind::Documents,
        &format!(
            "Policy,Owner,Last reviewed,Next review\nOnline Safety Policy,DSL,01/10/2025,\"{next}\"\n"
        ),
    );
    assert_eq!(e.documents.len(), 1, "{next}");
    e.documents[0].clone()
}

#[test]
fn a_next_review_typed_but_not_read_is_unread_at_its_cell() {
    for next in [
        "10/31/2026",
        "TBC",
        "Sep 2026 (overdue)",
        "Overdue",
        "When Ofsted visits",
    ] {
        let d = one(next);
        assert_eq!(d.next_due, None, "{next}");
        assert_eq!(d.every_months, None, "{next}");
        assert!(
            d.unread.iter().any(|(f, _)| *f == Field::DocumentNextDue),
            "{next}: {:?}",
            d.unread
        );
    }
}

#[test]
fn a_next_review_by_a_day_or_in_a_term_is_read_as_that_day() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    for (next, due) in [
        ("By 31/10/2026", day(2026, 10, 31)),
        ("Spring 2026", day(2026, 1, 1)),
        ("Summer term 2026", day(2026, 4, 1)),
        ("By Sep 2026", day(2026, 9, 30)),
        ("31/10/2026 (provisional)", day(2026, 10, 31)),
    ] {
        let d = one(next);
        assert_eq!(d.next_due, due, "{next}");
        assert!(d.unread.is_empty(), "{next}: {:?}", d.unread);
    }
    // A cell saying there is no next review date is no date typed wrongly.
    for none in ["n/a", "-", "none"] {
        assert!(one(none).unread.is_empty(), "{none}");
    }
}

#[test]
fn a_note_saying_consultation_copy_leaves_the_policy_out() {
    let (e, report) = read(
        Kind::Documents,
        "Policy,Owner,Last reviewed,Next review,Notes\nOnline Safety Policy,DSL,01/10/2025,01/10/2026,Consultation copy\n",
    );
    assert!(e.documents.is_empty(), "{:?}", e.documents);
    assert!(
        report.skipped[0].reason.contains("consultation"),
        "{:?}",
        report.skipped
    );
}
