//! A document the policy register lists twice is judged by its latest review alone: a
//! later review that is overdue leaves the document's check not met, whatever an earlier
//! row of it says.

use crate::register_empty::{checks, scored};

#[test]
fn a_later_overdue_review_of_the_same_document_decides_its_check() {
    // The review is dated 01/11/2026: the later row's next review fell due on 20/10/2026.
    for rows in [
        "Online Safety Policy,Approved,08/09/2026,08/09/2027\n\
         Online Safety Policy,Approved,01/10/2026,20/10/2026\n",
        "Online Safety Policy,Approved,01/10/2026,20/10/2026\n\
         Online Safety Policy,Approved,08/09/2026,08/09/2027\n",
    ] {
        let csv = format!("Document,Status,Last reviewed,Next review\n{rows}");
        let doc = scored("documents", &csv);
        let policy: Vec<(String, String)> = checks(&doc, "documents.reviewed")
            .into_iter()
            .filter(|(_, f)| f.contains("Online Safety Policy"))
            .collect();
        assert!(!policy.is_empty(), "{doc}");
        for (status, fact) in policy {
            assert_eq!(status, "not-met", "{fact}");
            assert!(
                fact.contains("01/10/2026") && fact.contains("overdue"),
                "{fact}"
            );
        }
    }
}
