//! Status, Held, Done and Result cells read so that nothing is counted done that the cell
//! does not show done: a failure anywhere in a filtering check's cells, a bare "No" under
//! a question, a negated or unknown status, words of a status that only stand inside a
//! title, and the reasons that quote only the words read, never the rest of the cell.

use chrono::Datelike;

use super::tests::read;
use crate::evidence::Kind;
use crate::evidence::import::SourceReport;

fn reasons(report: &SourceReport) -> String {
    let all: Vec<String> = report
        .skipped
        .iter()
        .chain(&report.noted)
        .map(|s| format!("{}: {}", s.place, s.reason))
        .collect();
    all.join("\n")
}

#[test]
fn a_failure_in_a_filtering_checks_status_is_a_failed_check_never_a_skipped_one() {
    let (e, report) = read(
        Kind::Filtering,
        "Date,Result,Check status\n\
         01/10/2026,Not blocked,Failed - fix pending\n\
         02/10/2026,Blocked,Failed - retest booked\n\
         03/10/2026,Blocked,Done - retest planned\n\
         04/10/2026,Blocked,Cancelled\n",
    );
    let checks: Vec<(bool, bool)> = e.filtering.iter().map(|c| (c.failed, c.unclear)).collect();
    assert_eq!(
        checks,
        vec![(true, false), (true, false), (false, false)],
        "{}",
        reasons(&report)
    );
    assert_eq!(report.skipped.len(), 1, "{}", reasons(&report));
}

#[test]
fn a_bare_no_under_a_question_is_not_done() {
    let (e, report) = read(
        Kind::Filtering,
        "Date,Result,Done?\n\
         01/10/2026,Blocked,No\n\
         02/10/2026,Blocked,N\n\
         03/10/2026,Blocked,✗\n\
         04/10/2026,Blocked,No - technician off\n\
         05/10/2026,Blocked,Yes\n\
         06/10/2026,Blocked,✓\n",
    );
    assert_eq!(e.filtering.len(), 2, "{}", reasons(&report));
    let (e, report) = read(
        Kind::Meetings,
        "Date,Meeting,Held?\n\
         01/10/2026,Governors,No\n\
         02/10/2026,Governors,N\n\
         03/10/2026,Governors,✗\n\
         04/10/2026,Governors,\"No, not quorate\"\n\
         05/10/2026,Governors,Yes\n",
    );
    assert_eq!(e.meetings.len(), 1, "{}", reasons(&report));
    assert!(reasons(&report).contains("Held?"), "{}", reasons(&report));
}

#[test]
fn status_words_are_whole_words_at_the_head_of_a_clause_and_a_negation_is_kept() {
    let (e, report) = read(
        Kind::Meetings,
        "Date,Meeting,Status\n\
         01/10/2026,Governors,Held - 2 governors absent\n\
         02/10/2026,Governors,Meeting cancelled\n\
         03/10/2026,Governors,Not booked\n\
         04/10/2026,Governors,Never held\n\
         05/10/2026,Governors,Did not go ahead\n\
         06/10/2026,Governors,Held\n",
    );
    let held: Vec<u32> = e.meetings.iter().map(|m| m.date.day()).collect();
    assert_eq!(held, [1, 6], "{}", reasons(&report));
    let (e, report) = read(
        Kind::Engagement,
        "Date,Type,Title,Audience,Attendance\n\
         01/10/2026,Workshop,Online safety: planned changes to the filtering,Parents,20\n\
         02/10/2026,Workshop,Online safety workshop postponed to spring,Parents,\n\
         03/10/2026,Workshop,Online safety evening - CANCELLED,Parents,\n\
         04/10/2026,Workshop,Planned: online safety talk,Parents,\n",
    );
    assert_eq!(e.engagement.len(), 1, "{}", reasons(&report));
    let (e, report) = read(
        Kind::Surveys,
        "Date,Title,Group,Responses\n\
         01/10/2026,Online safety survey on the planned phone ban,Parents,40\n\
         02/10/2026,Online safety survey (planned),Parents,\n",
    );
    assert_eq!(e.surveys.len(), 1, "{}", reasons(&report));
}

#[test]
fn training_counts_only_a_status_that_says_it_was_done() {
    let (e, report) = read(
        Kind::Training,
        "Name,Role,Course,Date,Status\n\
         A One,Teacher,Online safety,01/10/2026,Completed\n\
         A Two,Teacher,Online safety,01/10/2026,Passed\n\
         A Three,Teacher,Online safety,01/10/2026,Attended\n\
         A Four,Teacher,Online safety,01/10/2026,Yes\n\
         A Five,Teacher,Online safety,01/10/2026,✓\n\
         A Six,Teacher,Online safety,01/10/2026,Certificate received\n\
         B One,Teacher,Online safety,01/10/2026,Not booked\n\
         B Two,Teacher,Online safety,01/10/2026,Enrolled\n\
         B Three,Teacher,Online safety,01/10/2026,No\n\
         B Four,Teacher,Online safety,01/10/2026,Un-completed\n\
         B Five,Teacher,Online safety,01/10/2026,Didn't complete\n\
         B Six,Teacher,Online safety,01/10/2026,Never attended\n\
         B Seven,Teacher,Online safety,01/10/2026,To be completed\n\
         B Eight,Teacher,Online safety,01/10/2026,Completed - failed assessment\n",
    );
    let trained: Vec<&str> = e
        .training
        .iter()
        .filter(|t| t.date.is_some())
        .map(|t| t.person.as_str())
        .collect();
    assert_eq!(
        trained,
        ["A One", "A Two", "A Three", "A Four", "A Five", "A Six"],
        "{}",
        reasons(&report)
    );
    // The status not understood is noted at its cell.
    let enrolled = report
        .noted
        .iter()
        .find(|n| n.reason.starts_with("B Two"))
        .expect("B Two noted");
    assert!(enrolled.place.contains('E'), "{}", enrolled.place);
    assert!(enrolled.reason.contains("Status"), "{}", enrolled.reason);
}

#[test]
fn an_agreement_counts_only_a_status_that_says_it_stands() {
    let (e, report) = read(
        Kind::Agreements,
        "Name,Role,Date signed,Status\n\
         A One,Teacher,03/09/2026,Signed\n\
         A Two,Teacher,03/09/2026,Returned\n\
         A Three,Teacher,03/09/2026,Yes\n\
         B One,Teacher,03/09/2026,To be signed\n\
         B Two,Teacher,03/09/2026,Un-signed\n\
         B Three,Teacher,03/09/2026,See office\n\
         B Four,Teacher,03/09/2026,No\n\
         B Five,Teacher,03/09/2026,Never returned\n",
    );
    let signed: usize = e.agreements.iter().map(|a| a.signed).sum();
    let of: usize = e.agreements.iter().map(|a| a.of).sum();
    assert_eq!((signed, of), (3, 8), "{}", reasons(&report));
    assert_eq!(report.noted.len(), 5, "{}", reasons(&report));
    assert!(
        report.noted.iter().all(|n| n.place.contains('D')),
        "{}",
        reasons(&report)
    );
}

#[test]
fn a_reason_quotes_the_words_read_and_the_heading_never_the_rest_of_the_cell() {
    let (_, report) = read(
        Kind::Meetings,
        "Date,Meeting,Status\n01/10/2026,Governors,Cancelled - Jo Bloggs ill\n",
    );
    let why = reasons(&report);
    assert!(!why.contains("Bloggs"), "{why}");
    assert!(
        why.contains("Status") && why.contains("\"cancelled\""),
        "{why}"
    );
    let (_, report) = read(
        Kind::Engagement,
        "Date,Type,Title,Attendance\n01/10/2026,Workshop,Online safety talk by Jo Bloggs - cancelled,\n",
    );
    let why = reasons(&report);
    assert!(!why.contains("Bloggs"), "{why}");
    assert!(
        why.contains("Title") && why.contains("\"cancelled\""),
        "{why}"
    );
    let (_, report) = read(
        Kind::Training,
        "Name,Role,Course,Date,Notes\nA One,Teacher,Online safety,01/10/2026,Jo Bloggs covered - did not attend\n",
    );
    let why = reasons(&report);
    assert!(!why.contains("Bloggs"), "{why}");
    assert!(
        why.contains("Notes") && why.contains("\"did not attend\""),
        "{why}"
    );
    let (_, report) = read(
        Kind::Surveys,
        "Date,Title,Group,Status\n01/10/2026,Online safety survey,Parents,Deferred - Jo Bloggs away\n",
    );
    let why = reasons(&report);
    assert!(!why.contains("Bloggs"), "{why}");
    assert!(why.contains("Status says \"deferred\""), "{why}");
}
