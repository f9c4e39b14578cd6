//! Rows that record what did not happen, read from small registers: agreements refused or
//! withdrawn beside a date, surveys not run or answered by nobody, parent questionnaires
//! naming a year, filtering checks still to do.

use super::tests::{read, read_mapped};
use crate::evidence::import::Evidence;
use crate::evidence::{ColumnMap, Kind};

/// Each group's people or count and how many of them a record says signed, whatever the
/// date: a refusal may be dated.
fn signed(e: &Evidence) -> Vec<(String, usize, usize)> {
    let mut out: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for a in &e.agreements {
        let entry = out.entry(a.group.clone()).or_default();
        entry.0 += a.signed;
        entry.1 += a.of;
    }
    out.into_iter().map(|(g, (s, of))| (g, s, of)).collect()
}

#[test]
fn an_agreement_refused_beside_a_date_is_not_signed_whichever_cell_says_so() {
    for (heading, rows) in [
        (
            "Name,Role,Signed",
            "A Bee,Teacher,Refused 03/09/2026\nC Dee,TA,03/09/2026\n",
        ),
        (
            "Name,Role,Signed,Date",
            "A Bee,Teacher,Declined,03/09/2026\nC Dee,TA,Y,03/09/2026\n",
        ),
        (
            "Name,Role,Date signed,Status",
            "A Bee,Teacher,03/09/2026,Not returned\nC Dee,TA,03/09/2026,Signed\n",
        ),
        (
            "Name,Role,Signed,Date,Comments",
            "A Bee,Teacher,Y,03/09/2026,Withdrawn 10/10/2026\nC Dee,TA,Y,03/09/2026,\n",
        ),
        (
            "Name,Role,Date signed,Agreement status",
            "A Bee,Teacher,03/09/2026,Opted out\nC Dee,TA,03/09/2026,Returned\n",
        ),
    ] {
        let (e, report) = read(Kind::Agreements, &format!("{heading}\n{rows}"));
        assert_eq!(signed(&e), vec![("staff".into(), 1, 2)], "{heading}");
        assert_eq!(report.noted.len(), 1, "{heading}: {:?}", report.noted);
        assert!(
            report.noted[0].reason.ends_with("counted as not signed"),
            "{heading}"
        );
    }
    // A group's count marked void keeps its number, none signed.
    let (e, _) = read(
        Kind::Agreements,
        "Class,Signed,Out of,Date,Status\nYear 5,28,30,10/09/2026,\nYear 6,30,30,10/09/2026,Void\n",
    );
    assert_eq!(signed(&e), vec![("pupils".into(), 28, 60)]);
}

#[test]
fn a_survey_not_run_or_answered_by_nobody_is_skipped() {
    let (e, report) = read(
        Kind::Surveys,
        "Date,Who was asked,Survey,Responses,Status\n\
         01/10/2026,Staff,Staff survey,20,Closed\n\
         02/10/2026,Staff,Staff survey,,Cancelled\n\
         03/10/2026,Governors,Governor survey,,Postponed to spring\n\
         04/10/2026,Pupils,Pupil survey,0,\n\
         05/10/2026,Pupils,Pupil survey (draft),,\n\
         06/10/2026,Parents,Parent survey,not yet run,\n\
         07/10/2026,Parents,Parent survey,TBC,Open\n",
    );
    let kept: Vec<_> = e
        .surveys
        .iter()
        .map(|s| (s.groups.clone(), s.responses))
        .collect();
    assert_eq!(
        kept,
        vec![
            (vec!["staff".to_string()], Some(20)),
            // "TBC" among the responses is a number not known, not a survey not run.
            (vec!["parents".to_string()], None),
        ]
    );
    assert_eq!(report.skipped.len(), 5, "{:?}", report.skipped);
}

#[test]
fn a_parent_questionnaire_naming_a_year_asked_the_parents() {
    let (e, _) = read(
        Kind::Surveys,
        "Date,Who was asked,Survey,Responses\n\
         01/10/2026,Year 6,Parent questionnaire,41\n\
         02/10/2026,asked of Year 6 parents,Online safety questionnaire,12\n\
         03/10/2026,Y5,Survey for families,9\n\
         04/10/2026,Year 6,Year 6 pupil and parent survey,30\n\
         05/10/2026,Year 6,Online safety survey,28\n\
         06/10/2026,Year 6 pupils,Questionnaire about parents' evenings,27\n",
    );
    let asked: Vec<Vec<String>> = e.surveys.iter().map(|s| s.groups.clone()).collect();
    let g = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    assert_eq!(
        asked,
        vec![
            g(&["parents"]),
            g(&["parents"]),
            g(&["parents"]),
            g(&["learners", "parents"]),
            g(&["learners"]),
            // Pupils named as pupils were asked, whatever the title is about.
            g(&["learners"]),
        ]
    );
}

#[test]
fn a_meeting_or_training_that_did_not_take_place_does_not_count() {
    let (e, report) = read(
        Kind::Meetings,
        "Date,Group,Items,Status\n\
         15/09/2026,Online Safety Group,Filtering report,Held\n\
         13/10/2026,Online Safety Group,Survey results,Cancelled\n\
         10/11/2026,Online Safety Group,Postponed - snow,\n\
         24/11/2026,Online Safety Group,Discussed the planned filter change,Not cancelled\n",
    );
    assert_eq!(e.meetings.len(), 2, "{:?}", report.skipped);
    let (e, _) = read(
        Kind::Training,
        "Name,Role,Date,Status\n\
         A Bee,Teacher,05/09/2026,Completed\n\
         C Dee,TA,05/09/2026,Did not attend\n\
         E Eff,Teacher,20/11/2026,Booked\n",
    );
    let dated: Vec<bool> = e.training.iter().map(|t| t.date.is_some()).collect();
    assert_eq!(dated, vec![true, false, false]);
}

#[test]
fn a_year_under_a_heading_that_names_parents_is_the_parents_of_that_year() {
    // The school maps its own heading, as review.toml's [evidence.columns] does.
    let written = [("Parents' year group".to_string(), "group".to_string())].into();
    let (e, _) = read_mapped(
        Kind::Surveys,
        "Date,Parents' year group,Survey,Responses\n01/10/2026,Year 6,Online safety questionnaire,41\n",
        ColumnMap::parse(Kind::Surveys, &written),
    );
    let asked: Vec<_> = e.surveys.iter().map(|s| s.groups.clone()).collect();
    assert_eq!(asked, vec![vec!["parents".to_string()]]);
}
