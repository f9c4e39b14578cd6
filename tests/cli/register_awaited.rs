//! An agreement sent out and still awaited, or marked in doubt, is not signed, whatever
//! mark stands beside it; a percentage in the Signed column is never read as a number of
//! people.

use crate::register_empty::{checks, review, run, scored};

/// The facts of the checks on `group`'s signed share.
fn facts(csv: &str, group: &str) -> Vec<String> {
    let doc = scored("agreements", csv);
    let found: Vec<String> = checks(&doc, "agreements.signed-share")
        .into_iter()
        .map(|(_, f)| f)
        .filter(|f| f.contains(&format!(" {group} ")))
        .collect();
    assert!(!found.is_empty(), "{doc}");
    found
}

#[test]
fn an_agreement_pending_sent_out_or_marked_in_doubt_is_not_signed() {
    let csv = "Name,Group,Signed,Date,Status\n\
        Asha Patel,Staff,Y,03/09/2026,Signed\n\
        Ben Jones,Staff,Y,03/09/2026,Pending\n\
        Cara Hill,Staff,Y,03/09/2026,Awaiting return\n\
        Dan Ross,Staff,Y,03/09/2026,Sent out\n\
        Eve Stone,Staff,Y?,03/09/2026,\n\
        Finn Lee,Staff,Y,03/09/2026,Sent and returned\n";
    for fact in facts(csv, "staff") {
        assert!(fact.starts_with("2 of 6 staff signed"), "{fact}");
    }
}

#[test]
fn a_percentage_in_the_signed_column_is_not_read_as_people() {
    let csv = "Group,Number signed,Out of,Date counted\n\
        Staff,10,10,03/09/2026\n\
        Year 5,95%,30,10/09/2026\n\
        Year 6,28,30,10/09/2026\n";
    for fact in facts(csv, "pupils") {
        // Year 5's 30 counted with none signed: 28 of 60, never 123 of 60.
        assert!(fact.starts_with("28 of 60 pupils signed"), "{fact}");
    }
    // `import` says the cell is a percentage, not that more signed than are in the group.
    let tmp = review("agreements", csv);
    let text = run(tmp.path(), &["import"]);
    assert!(
        text.contains("is a percentage, not a number of people"),
        "{text}"
    );
    assert!(!text.contains("more signed than"), "{text}");
}
