//! Tests of [`super`]: what a Status cell, a title or a note says, clause by clause.

use super::{Read, read, read_under, said_of};
use crate::evidence::status::Standing;

fn not(typed: &str) -> Option<(Standing, String)> {
    match read(typed, Standing::NOT_TRAINED) {
        Some(Read::Not(s, w)) => Some((s, w)),
        _ => None,
    }
}

#[test]
fn a_status_is_read_from_the_head_of_its_clauses() {
    for done in [
        "Held - 2 governors absent",
        "Done - retest planned",
        "Completed",
        "Attended",
        "Passed",
        "Yes",
        "✓",
        "Certificate received",
        "Meeting held",
        "Signed and returned",
    ] {
        assert_eq!(
            read(done, Standing::NOT_TRAINED),
            Some(Read::Done),
            "{done}"
        );
    }
    for (typed, words) in [
        ("No", "no"),
        ("N", "no"),
        ("✗", "no"),
        ("No - not quorate", "no"),
        ("Not booked", "not booked"),
        ("Un-completed", "un completed"),
        ("Uncompleted", "uncompleted"),
        ("Didn't complete", "didn t complete"),
        ("Never attended", "never attended"),
        ("To be signed", "to be signed"),
        ("Due to be completed", "to be completed"),
        ("Meeting cancelled", "cancelled"),
        ("Completed - failed assessment", "failed"),
        ("Certificate pending", "pending"),
        ("Held - postponed from March", "postponed"),
    ] {
        assert_eq!(not(typed).map(|n| n.1), Some(words.to_string()), "{typed}");
    }
    for unknown in ["Enrolled", "On the list", "See HR"] {
        assert_eq!(
            read(unknown, Standing::NOT_TRAINED),
            Some(Read::Unknown),
            "{unknown}"
        );
    }
    assert_eq!(read("  ", Standing::ALL), None);
}

#[test]
fn a_heading_that_names_a_status_turns_a_yes_into_it() {
    assert!(matches!(
        read_under("Cancelled?", "Yes", Standing::ALL),
        Some(Read::Not(Standing::DidNotHappen, _))
    ));
    assert_eq!(
        read_under("Cancelled?", "No", Standing::ALL),
        Some(Read::Done)
    );
    assert!(matches!(
        read_under("Held?", "No", Standing::ALL),
        Some(Read::Not(Standing::NotDone, _))
    ));
}

#[test]
fn a_title_says_its_rows_status_only_where_the_word_stands_for_the_row() {
    let held = Standing::NOT_HELD;
    for said in [
        "Online safety evening - CANCELLED",
        "Online safety workshop postponed to spring",
        "Workshop postponed",
        "Cancelled online safety evening",
        "Online safety talk (planned)",
        "Talk planned for June",
        "Parent session cancelled 03/10",
    ] {
        assert!(said_of(said, held).is_some(), "{said}");
    }
    for not in [
        "Talk on the planned phone ban",
        "Online safety: planned changes to the filtering",
        "Attended in place of the cancelled session",
        "Not cancelled",
        "Survey of booked clubs",
    ] {
        assert_eq!(said_of(not, held), None, "{not}");
    }
}
