//! Status, Held, Done and Result cells that do not show a row done, through the binary, on
//! the registers in `tests/fixtures/evidence/closed/`: a filtering check whose status says
//! it failed is a failed check, never skipped; a bare no under "Held?" or "Done?" is not
//! done; a status is read from the head of its clauses, whole words, negation kept; training
//! and agreements count only a status known to mean done; a policy "To be reviewed" is not
//! in force and a note about an earlier copy leaves it so; and no reason quotes more of a
//! cell than the words read.

use serde_json::Value;

use crate::{fixtures, says};

/// `import --kind KIND` of the fixture register of that kind: its JSON and its text.
fn import(kind: &str) -> (Value, String) {
    let file = fixtures().join(format!("evidence/closed/{kind}.csv"));
    crate::import_both(&file, kind, "2026-12-01")
}

fn used(doc: &Value) -> u64 {
    doc["sources"][0]["rows_used"].as_u64().expect("rows used")
}

#[test]
fn a_filtering_check_whose_status_says_it_failed_is_a_failed_check() {
    let (doc, text) = import("filtering");
    let f = &doc["metrics"]["filtering"];
    // Two failed (whatever "pending" or "booked" follows), one made; "No" twice and
    // "Cancelled" are no check.
    assert_eq!((&f["checks"], &f["failed"]), (&3.into(), &2.into()), "{f}");
    says(
        &text,
        &[
            "skipped row 5, column C: Check status says \"no\": it was not done",
            "skipped row 6, column C: Check status says \"no\"",
            "skipped row 7, column C: Check status says \"cancelled\"",
        ],
    );
    assert!(!text.contains("technician"), "{text}");
}

#[test]
fn a_meeting_whose_held_cell_says_no_is_not_counted() {
    let (doc, text) = import("meetings");
    // Held (two governors absent) and Yes; not No, N, Not booked or Cancelled.
    assert_eq!(used(&doc), 2, "{text}");
    says(
        &text,
        &[
            "skipped row 3, column C: Held? says \"no\"",
            "skipped row 5, column C: Held? says \"not booked\"",
            "skipped row 6, column C: Held? says \"cancelled\"",
        ],
    );
    assert!(!text.contains("chair ill"), "{text}");
}

#[test]
fn a_title_says_a_status_only_where_the_word_stands_for_the_row() {
    let (doc, text) = import("engagement");
    assert_eq!(used(&doc), 2, "{text}");
    says(
        &text,
        &[
            "skipped row 3, column C: Title says \"postponed\"",
            "skipped row 5, column F: Status says \"no\"",
        ],
    );
    let (doc, text) = import("surveys");
    assert_eq!(used(&doc), 1, "{text}");
    says(&text, &["skipped row 3, column B: Title says \"planned\""]);
}

#[test]
fn training_and_agreements_count_only_a_status_known_to_mean_done() {
    let (doc, text) = import("training");
    let staff = &doc["metrics"]["training"][0];
    assert_eq!(
        (&staff["trained"], &staff["people"]),
        (&2.into(), &7.into()),
        "{text}"
    );
    says(
        &text,
        &[
            "row 5, column E: A Four: the Status column says nothing selfreview reads as trained",
            "A Three: Status says \"not booked\"",
            "A Six: Status says \"un-completed\"",
            "A Seven: Notes says \"did not attend\"",
        ],
    );
    assert!(!text.contains("Bloggs"), "{text}");
    let (doc, text) = import("agreements");
    let staff = &doc["metrics"]["agreements"][0];
    assert_eq!(
        (&staff["signed"], &staff["of"]),
        (&2.into(), &6.into()),
        "{text}"
    );
    says(
        &text,
        &[
            "row 4, column D: the Status column says \"to be signed\"",
            "row 5, column D: the Status column says nothing selfreview reads as signed",
            "row 6, column D: the Status column says \"no\"",
            "row 7, column D: the Status column says \"never returned\"",
        ],
    );
}

#[test]
fn a_policy_still_to_be_reviewed_is_not_in_force_and_a_note_on_another_copy_says_nothing() {
    let (doc, text) = import("documents");
    let names: Vec<&str> = doc["metrics"]["documents"]["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Online Safety Policy"], "{text}");
}
