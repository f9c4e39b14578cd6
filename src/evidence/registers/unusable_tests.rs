//! Agreements rows that cannot be used: a count with no group, no number in the group, or
//! nobody in it, and a count with words beside it that say it is not signed. None of them
//! may raise a share or make a group's figures vanish.

use super::tests::read;
use crate::evidence::Kind;

/// A register of the groups below Staff, with Staff's row as given.
fn register(staff: &str) -> String {
    format!(
        "Class,Returned,Number on roll,Date counted\n\
         Year 1,28,30,18/09/2026\n\
         {staff}\n\
         Governors,5,6,12/10/2026\n"
    )
}

#[test]
fn a_group_whose_only_row_cannot_be_used_keeps_a_reason_for_its_check() {
    for staff in [
        "Staff,14,,02/09/2026",
        "Staff,14/0,0,02/09/2026",
        "Staff,0 of 0,0,02/09/2026",
        "Staff,0,0,02/09/2026",
        "Staff,14,0,02/09/2026",
        "Staff,14,lots,02/09/2026",
    ] {
        let (e, report) = read(Kind::Agreements, &register(staff));
        assert!(
            e.agreements.iter().all(|a| a.group != "staff"),
            "{staff}: {:?}",
            e.agreements
        );
        assert_eq!(report.skipped.len(), 1, "{staff}: {:?}", report.skipped);
        let why = e.unusable_agreements("staff").expect(staff);
        assert!(
            why.starts_with("some of theirs could not be used: "),
            "{why}"
        );
        // The other groups' rows were all used.
        assert_eq!(e.unusable_agreements("governors"), None, "{staff}");
    }
}

#[test]
fn a_count_with_no_group_may_be_any_groups_and_leaves_each_unmeasured() {
    let (e, report) = read(Kind::Agreements, &register(",14,14,02/09/2026"));
    assert_eq!(report.skipped.len(), 1, "{:?}", report.skipped);
    for group in ["staff", "pupils", "governors"] {
        let why = e.unusable_agreements(group).expect(group);
        assert!(why.contains("with no group, which may be theirs"), "{why}");
    }
}

#[test]
fn rows_that_another_row_stands_for_leave_the_group_measured() {
    // A count replaced by a later one, and the same count typed twice, are not rows that
    // could not be used.
    let (e, report) = read(
        Kind::Agreements,
        &register("Staff,10,14,01/09/2026\nStaff,14,14,02/09/2026\nStaff,14,14,02/09/2026"),
    );
    assert_eq!(report.skipped.len(), 2, "{:?}", report.skipped);
    assert_eq!(e.unusable_agreements("staff"), None);
}

#[test]
fn words_beside_a_count_that_say_it_is_not_signed_give_no_count() {
    for cell in [
        "14 (pending)",
        "14 pending",
        "14 - awaiting",
        "14 outstanding",
        "14 not returned",
        "14 (not yet)",
        "14?",
        "14 (due)",
    ] {
        let (e, report) = read(
            Kind::Agreements,
            &register(&format!("Staff,{cell},14,02/09/2026")),
        );
        let staff: Vec<_> = e.agreements.iter().filter(|a| a.group == "staff").collect();
        assert_eq!(staff.len(), 1, "{cell}");
        assert_eq!((staff[0].signed, staff[0].of), (0, 14), "{cell}");
        let note = report.noted.iter().find(|n| n.row == 3).expect(cell);
        assert!(note.reason.ends_with(super::GROUP_NONE), "{}", note.reason);
        assert_eq!(note.place, "row 3, column B", "{cell}");
    }
    // A count with words that do not say it is unsigned is read.
    let (e, _) = read(Kind::Agreements, &register("Staff,14 (all),14,02/09/2026"));
    let staff: Vec<_> = e.agreements.iter().filter(|a| a.group == "staff").collect();
    assert_eq!((staff[0].signed, staff[0].of), (14, 14));
}
