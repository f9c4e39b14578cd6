//! A policy register's row marked as no copy in force, in its name or its notes, backs no
//! check; a next review typed but not read as a date leaves the document not current,
//! never judged by a date worked out from its last review.

use crate::register_empty::{checks, scored};

/// The online safety policy's `documents.reviewed` checks for a register of one row, as
/// `score` judges them on 01/11/2026.
fn policy_checks(name: &str, next: &str, notes: &str) -> Vec<(String, String)> {
    let csv = format!(
        "Document,Status,Last reviewed,Next review,Notes\n\"{name}\",Approved,01/10/2026,\"{next}\",\"{notes}\"\n"
    );
    let doc = scored("documents", &csv);
    let on_policy: Vec<(String, String)> = checks(&doc, "documents.reviewed")
        .into_iter()
        .filter(|(_, f)| f.to_lowercase().contains("online safety policy"))
        .collect();
    assert!(!on_policy.is_empty(), "{name} / {next} / {notes}: {doc}");
    on_policy
}

#[test]
fn a_copy_marked_not_in_force_or_a_next_review_not_read_backs_no_check() {
    let base = "Online Safety Policy";
    // The same row, in force and dated, meets the check: what follows is refused for
    // what it says, not for the row.
    for (status, fact) in policy_checks(base, "01/10/2027", "") {
        assert_eq!(status, "met", "{fact}");
    }
    let marked = [
        ("[OLD] Online Safety Policy", "01/10/2027", ""),
        ("OLD Online Safety Policy", "01/10/2027", ""),
        ("Online Safety Policy (consultation copy)", "01/10/2027", ""),
        ("zz Online Safety Policy 2019 archive", "01/10/2027", ""),
        ("Online Safety Policy (to be updated)", "01/10/2027", ""),
        (base, "01/10/2027", "Consultation copy"),
        // Read as 01/01/2026, before the last review; by 31/10/2026, overdue.
        (base, "Spring 2026", ""),
        (base, "By 31/10/2026", ""),
        // Not read as a date to come at all.
        (base, "Sep 2026 (overdue)", ""),
        (base, "10/31/2026", ""),
    ];
    for (name, next, notes) in marked {
        for (status, fact) in policy_checks(name, next, notes) {
            assert_eq!(status, "not-met", "{name} / {next} / {notes}: {fact}");
        }
    }
}
