//! Registers whose headings and dates are worded the school's own way, through the binary:
//! headings put another way ("Title of policy", "What tested"), a last review typed with
//! words or as a term, a "Review date" column read by the dates under it, and documents not
//! in force skipped without repeating what their status or notes say.

use serde_json::Value;

use crate::register_words::import_csv;
use crate::says;

fn documents(doc: &Value) -> Vec<(String, Value, Value)> {
    doc["metrics"]["documents"]["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| {
            (
                d["name"].as_str().expect("name").to_string(),
                d["last_reviewed"].clone(),
                d["due"].clone(),
            )
        })
        .collect()
}

#[test]
fn a_review_date_column_of_past_dates_is_the_last_review_and_words_around_dates_are_read() {
    let (doc, text, warnings) = import_csv(
        "documents",
        "Title of policy,Owner,Review date\n\
         Online Safety Policy,DSL,15/09/2026\n\
         Acceptable Use Policy,Head,Reviewed 08/07/2026\n\
         Data Protection Policy,Business manager,Summer 2026\n",
    );
    says(
        &text,
        &[
            "Title of policy → document",
            "Review date → last-reviewed",
            "`Review date` can mean when a document was last reviewed or when it is next due",
            "`Summer 2026` is a term, taken as its first day, 01/04/2026",
        ],
    );
    let docs = documents(&doc);
    let last: Vec<&str> = docs.iter().map(|d| d.1.as_str().unwrap_or("")).collect();
    assert_eq!(last, ["2026-09-15", "2026-07-08", "2026-04-01"], "{text}");
    // None is taken as due on the day it was reviewed.
    assert!(docs.iter().all(|d| d.2 != d.1), "{text}");
    assert!(!warnings.contains("document-review-overdue"), "{warnings}");
}

#[test]
fn a_review_date_column_with_a_date_to_come_stays_the_next_review() {
    let (doc, text, warnings) = import_csv(
        "documents",
        "Policy,Owner,Review date\n\
         Online Safety Policy,DSL,15/09/2025\n\
         Acceptable Use Policy,Head,01/09/2027\n",
    );
    assert!(text.contains("Review date → next-review"), "{text}");
    let docs = documents(&doc);
    assert_eq!(docs[0].2, "2025-09-15", "{text}");
    assert!(warnings.contains("document-review-overdue"), "{warnings}");
}

#[test]
fn a_filtering_log_headed_in_fewer_words_is_read() {
    let (doc, text, _) = import_csv(
        "filtering",
        "Date (dd/mm/yyyy),What tested,Result,Checked by\n\
         01/10/2026,SWGfL test site,Blocked,IT technician\n",
    );
    says(&text, &["Date (dd/mm/yyyy) → date", "What tested → tested"]);
    assert_eq!(doc["metrics"]["filtering"]["checks"], 1, "{text}");
}

#[test]
fn a_document_not_in_force_is_skipped_without_repeating_its_status_or_notes() {
    let (_, text, warnings) = import_csv(
        "documents",
        "Policy,Last reviewed,Status,Notes\n\
         Behaviour Policy,01/09/2026,Withdrawn after a complaint from Jane Smith,\n\
         Anti-bullying Policy,01/09/2026,Approved,Withdrawn - see Jane Smith's email\n\
         Safeguarding Policy,01/09/2026,Jane Smith,\n",
    );
    says(
        &text,
        &[
            "skipped row 2, column C: Behaviour Policy is withdrawn, as its status says",
            "skipped row 3, column D: Anti-bullying Policy is superseded or withdrawn, as its notes say",
            "skipped row 4, column C: status not understood: the status does not say Safeguarding Policy is in force",
        ],
    );
    assert!(
        !text.contains("Smith") && !warnings.contains("Smith"),
        "{text}{warnings}"
    );
}

#[test]
fn a_review_date_beside_an_approval_date_or_a_frequency_stays_the_next_review() {
    for csv in [
        "Policy,Date approved,Review date\n\
         Online Safety Policy,01/09/2024,01/10/2026\n",
        "Policy,Review date\n\
         Online Safety Policy,01/10/2026\n\
         Social Media Policy,Annually\n",
    ] {
        let (_, text, warnings) = import_csv("documents", csv);
        assert!(text.contains("Review date → next-review"), "{text}");
        assert!(warnings.contains("document-review-overdue"), "{warnings}");
    }
}

#[test]
fn a_last_review_cell_with_words_that_deny_it_is_no_review() {
    let (doc, text, _) = import_csv(
        "documents",
        "Policy,Date of the last review,Next review due\n\
         Online Safety Policy,Due 01/09/2026,01/09/2027\n\
         Acceptable Use Policy,Reviewed 08/10/2026 - not approved,01/09/2027\n\
         Data Protection Policy,1/10/2026 draft,01/09/2027\n",
    );
    assert!(
        text.contains("Date of the last review → last-reviewed"),
        "{text}"
    );
    let docs = documents(&doc);
    assert_eq!(docs.len(), 3, "{text}");
    assert!(docs.iter().all(|d| d.1.is_null()), "{text}");
}
