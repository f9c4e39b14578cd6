//! Rows of a register that cannot be used never make a figure rise or a group vanish: an
//! agreements row of a group whose count cannot be read (no Out of, nobody in the group,
//! no group at all) leaves that group's check not met, a count with words beside it that
//! say not signed counts none signed, and a training date still to come, someone else
//! attending or a status in doubt counts the person as not trained.

use crate::register_empty::{checks, review, run, scored};

/// The groups' counts, with Staff's row as given.
fn register(staff: &str) -> String {
    format!(
        "Class,Returned,Number on roll,Date counted\n\
         Year 1,28,30,18/09/2026\n\
         {staff}\n\
         Governors,5,6,12/10/2026\n"
    )
}

/// The staff signed-share checks of a score, as (status, fact or detail).
fn staff(doc: &serde_json::Value) -> Vec<(String, String)> {
    let found: Vec<(String, String)> = checks(doc, "agreements.signed-share")
        .into_iter()
        .filter(|(_, f)| f.contains("staff"))
        .collect();
    assert!(!found.is_empty(), "no staff check: {doc}");
    found
}

#[test]
fn an_agreements_row_that_cannot_be_used_leaves_its_group_not_met() {
    for (row, why) in [
        ("Staff,14,,02/09/2026", "no number in the group"),
        ("Staff,14/0,0,02/09/2026", "Out of) is 0"),
        ("Staff,0 of 0,0,02/09/2026", "Out of) is 0"),
        (",14,14,02/09/2026", "no group, which may be theirs"),
    ] {
        let doc = scored("agreements", &register(row));
        for (status, fact) in staff(&doc) {
            assert_eq!(status, "not-met", "{row}: {fact}");
            assert!(
                fact.contains("could not be used") && fact.contains(why),
                "{fact}"
            );
        }
        assert_eq!(doc["ready"], false, "{row}");
    }
}

#[test]
fn a_count_said_to_be_pending_is_none_signed() {
    let doc = scored("agreements", &register("Staff,14 (pending),14,02/09/2026"));
    for (status, fact) in staff(&doc) {
        assert_eq!(status, "not-met", "{fact}");
        assert!(fact.starts_with("0 of 14 staff signed"), "{fact}");
    }
    let tmp = review("agreements", &register("Staff,14 (pending),14,02/09/2026"));
    let text = run(tmp.path(), &["import"]);
    assert!(text.contains("row 3, column B"), "{text}");
    assert!(text.contains("\"pending\" beside the count"), "{text}");
}

#[test]
fn training_still_to_come_by_someone_else_or_in_doubt_is_not_trained() {
    let csv = "Staff member,Job title,Course,Date completed,Status\n\
        Ann Lee,Teacher,Online safety,Booked 2 Sept 2026,\n\
        Bob Kerr,Teacher,Online safety,02/09/2026,Deputy attended\n\
        Cat Moss,Teacher,Online safety,02/09/2026,Completed?\n\
        Dan Hope,Teacher,Online safety,02/09/2026,Completed\n";
    let tmp = review("training", csv);
    let text = run(tmp.path(), &["import"]);
    for (who, why) in [
        ("Ann Lee", "says \"booked\""),
        ("Bob Kerr", "someone else attended"),
        ("Cat Moss", "question mark"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(who))
            .unwrap_or_else(|| panic!("no note for {who}: {text}"));
        assert!(line.contains(why) && line.contains("not trained"), "{line}");
    }
    assert!(!text.contains("Dan Hope"), "{text}");
}
