//! The registers read from CSV written in a temporary folder: headings recognised, rows
//! turned into records or skipped with a reason, names of pupils learnt and never kept.

use std::path::Path;

use chrono::NaiveDate;

use crate::evidence::import::{Evidence, Request, SourceReport, import};
use crate::evidence::records::Mappings;
use crate::evidence::{ColumnMap, Field, Kind};
use crate::framework::Topic;

/// A register of `kind` written as CSV in a temporary folder and imported.
pub(super) fn read(kind: Kind, text: &str) -> (Evidence, SourceReport) {
    read_mapped(kind, text, ColumnMap::default())
}

/// The same with the school's own column mapping.
pub(super) fn read_mapped(kind: Kind, text: &str, columns: ColumnMap) -> (Evidence, SourceReport) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("register.csv");
    std::fs::write(&path, text).expect("written");
    let req = Request {
        kind,
        path: &path,
        shown: Path::new("evidence/register.csv"),
        sheet: None,
        columns: &columns,
        maps: Mappings::default(),
        as_of: None,
    };
    let mut evidence = Evidence::default();
    let report = import(&req, &mut evidence).expect("imported");
    (evidence, report)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn fields(report: &SourceReport) -> Vec<Option<Field>> {
    report.columns.iter().map(|c| c.field).collect()
}

#[test]
fn a_policy_register_is_read_with_its_dates_typed_several_ways() {
    let (e, report) = read(
        Kind::Documents,
        "Hill Primary - policy review schedule,,,,\n\
         Policy,Responsible person,Ratified by,Date of last review,Review due\n\
         E-Safety Policy,OSL,FGB,3.9.25,Sept 2026\n\
         Online Safety & Acceptable Use Policy,DSL,Head,12/10/2023,12/10/2024\n\
         Filtering and monitoring review 2025,Technician,SLT,2025-06-30,\n\
         Lettings policy,Business manager,FGB,,\n\
         Staff code of conduct,Head,FGB,Autumn 2025,31/13/2026\n\
         ,,,,\n\
         Policies are reviewed by the governors' policy committee: 5 listed,,,,\n",
    );
    assert_eq!(report.header_row, 2);
    assert_eq!(
        fields(&report),
        vec![
            Some(Field::DocumentName),
            Some(Field::DocumentOwner),
            Some(Field::DocumentApprovedBy),
            Some(Field::DocumentLastReviewed),
            Some(Field::DocumentNextDue),
        ]
    );
    assert_eq!(report.rows_used, 5);
    let first = &e.documents[0];
    assert_eq!(first.topics, vec![Topic::OnlineSafetyPolicy]);
    assert_eq!(
        (first.last_reviewed, first.next_due),
        (Some(d(2025, 9, 3)), Some(d(2026, 9, 30)))
    );
    assert_eq!(
        e.documents[1].topics,
        vec![Topic::OnlineSafetyPolicy, Topic::AcceptableUse]
    );
    assert_eq!(e.documents[2].last_reviewed, Some(d(2025, 6, 30)));
    assert!(e.documents[3].topics.is_empty());
    // A term is read as its first day; unreadable dates keep the document, with a note
    // naming it and the cell.
    assert_eq!(e.documents[4].last_reviewed, Some(d(2025, 9, 1)));
    assert_eq!(report.noted.len(), 1, "{:?}", report.noted);
    assert_eq!(report.noted[0].place, "row 7, column D");
    assert!(
        report.noted[0]
            .reason
            .starts_with("Staff code of conduct: last reviewed: `Autumn 2025` is a term, taken as its first day, 01/09/2025"),
        "{}",
        report.noted[0].reason
    );
    assert!(
        report.noted[0]
            .reason
            .contains("`31/13/2026` is not a real date")
    );
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].reason, "a note or footer row");
    let place = e.documents[0].place.as_ref().expect("placed");
    assert_eq!(place.to_string(), "evidence/register.csv: row 3");
}

#[test]
fn agreements_kept_by_count_or_by_person_keep_no_pupil_name() {
    let (e, report) = read(
        Kind::Agreements,
        "Acceptable use agreements returned,,,,\n\
         Class,Pupil name,Number returned,Number on roll,Date returned\n\
         Year 3,,27,30,15/09/2026\n\
         Y4,,28 of 30,,16 Sept 2026\n\
         Year 5,Amelia Hartley-Sykes,,,20/09/2026\n\
         Year 5,Tomasz Wiśniewski,,,\n\
         Teaching staff,,18,19,2026-09-05\n\
         Governors,,7,6,01/10/2026\n\
         Volunteers,,3,,01/10/2026\n",
    );
    assert_eq!(report.rows_used, 6, "{:?}", report.skipped);
    let groups: Vec<(&str, usize, usize)> = e
        .agreements
        .iter()
        .map(|a| (a.group.as_str(), a.signed, a.of))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("pupils", 27, 30),
            ("pupils", 28, 30),
            ("pupils", 1, 1),
            ("pupils", 0, 1),
            ("staff", 18, 19),
            ("governors", 0, 6)
        ]
    );
    assert!(e.private.found_in("Amelia Hartley-Sykes"));
    assert!(e.private.found_in("Tomasz Wisniewski"));
    let reasons: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        vec!["a count of who signed with no number in the group (Out of)"]
    );
    // More signed than the group holds cannot be read: the group keeps its number, with
    // none of it shown signed.
    assert_eq!(
        report.noted[0].reason,
        "7 signed out of 6: more signed than are in the group; its group's number counted with none signed"
    );
    let debug = format!("{:?}", e.agreements);
    assert!(!debug.contains("Amelia"), "{debug}");
}

#[test]
fn filtering_checks_know_a_failure_when_they_see_one() {
    let (e, report) = read(
        Kind::Filtering,
        "Date checked,What was tested,Result,Checked by\n\
         04/09/2026,SWGfL test site,Blocked - pass,Technician\n\
         12.1.26,Gambling sites,Not blocked,Technician\n\
         3 March 2026,Proxy sites,FAIL - reported to provider,OSL\n\
         not yet,Adult content,,\n",
    );
    let failed: Vec<bool> = e.filtering.iter().map(|c| c.failed).collect();
    assert_eq!(failed, vec![false, true, true]);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].reason, "`not yet` is not a date");
}

#[test]
fn a_filtering_result_that_says_anything_got_through_fails_and_an_unclear_one_never_passes() {
    use super::filtering::{Asks, got_through};
    let got_through = |r: &str| got_through(r, Asks::Unclear);
    for failed in [
        "Partially blocked",
        "partly blocked",
        "some allowed",
        "Blocked, but some allowed",
        "not fully blocked",
        "Allowed",
        "Accessible",
        "Failed",
        "Fail",
        "FAIL - reported to provider",
        "Not blocked",
        "Got through",
        "Reached",
        "Loaded",
        "Unblocked",
        "Passed - not all blocked",
        "Issues found",
        "x",
        "✗",
        "Pass - some images got through",
        "Blocked on laptops but not on iPads",
        "No issues found except YouTube",
        "Blocked apart from one site",
        "All blocked other than BBC iPlayer",
        "Filtered but some allowed",
    ] {
        assert_eq!(got_through(failed), Some(true), "{failed}");
    }
    for held in [
        "Blocked",
        "blocked - pass",
        "Pass",
        "Blocked OK",
        "Filtered",
        "Not accessible",
        "Page failed to load",
        "Blocked - no issues",
        "Nothing got through",
        "Blocked - pass",
        "All blocked",
        "Blocked, could not access",
        "Did not load",
        "✓",
        "✔",
    ] {
        assert_eq!(got_through(held), Some(false), "{held}");
    }
    for unclear in [
        "",
        "n/a",
        "see notes",
        "checked",
        "Mostly",
        "TBC",
        "Mostly blocked",
        "Blocked - NOT",
        "OK?",
        "Blocked?",
        "Yes?",
        "Got through?",
        "Partly filtered",
        "Blocked (after fix)",
        "Blocked but slow",
        "Some blocked",
        "Seems blocked",
        "Blocked on most devices",
        "OK",
        "No issues",
        "Yes",
        "No",
        "✓?",
    ] {
        assert_eq!(got_through(unclear), None, "{unclear}");
    }
}

#[test]
fn a_filtering_check_whose_result_cannot_be_read_is_kept_as_made_and_not_passed() {
    let (e, report) = read(
        Kind::Filtering,
        "Date checked,What was tested,Result,Checked by\n\
         04/09/2026,SWGfL test site,see notes,Technician\n\
         12.1.26,Gambling sites,,Technician\n",
    );
    let read: Vec<(bool, bool)> = e.filtering.iter().map(|c| (c.failed, c.unclear)).collect();
    assert_eq!(read, vec![(false, true), (false, true)]);
    let notes: Vec<(&str, &str)> = report
        .noted
        .iter()
        .map(|n| (n.place.as_str(), n.reason.as_str()))
        .collect();
    assert_eq!(
        notes,
        vec![
            (
                "row 2, column C",
                "Result does not say whether the filter blocked the content; not counted as a pass"
            ),
            (
                "row 3, column C",
                "no result recorded; not counted as a pass"
            ),
        ]
    );
}

#[test]
fn surveys_and_engagement_are_read_by_who_and_what() {
    let (e, _) = read(
        Kind::Surveys,
        "Survey,Respondents,Date of survey,Number of responses\n\
         Online safety survey,KS2 pupils,01/03/2026,112\n\
         Staff confidence survey,All staff,2026-05-10,24\n\
         Parent questionnaire,Parents and carers,20/06/2026,\n",
    );
    let groups: Vec<(&str, Option<usize>)> = e
        .surveys
        .iter()
        .map(|s| (s.groups[0].as_str(), s.responses))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("learners", Some(112)),
            ("staff", Some(24)),
            ("parents", None)
        ]
    );
    let (e, report) = read(
        Kind::Engagement,
        "Date,Type,What,Parents attending\n\
         10/10/2026,Workshop,Keeping children safe online,23\n\
         01/11/2026,Newsletter,Autumn newsletter: gaming and age ratings,\n\
         05/11/2026,,Coffee morning on screen time,9\n\
         07/11/2026,,Text message about a viral challenge and staying safe online,\n\
         12/11/2026,Letter,Letter home about apps and their risks,lots\n\
         13/11/2026,Workshop,Gaming safely,-4\n",
    );
    let kinds: Vec<(bool, Option<usize>)> = e
        .engagement
        .iter()
        .map(|g| (g.session, g.attendance))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (true, Some(23)),
            (false, None),
            (true, Some(9)),
            (false, None),
            // A figure that is no count keeps its row, without the figure.
            (false, None),
            (true, None)
        ]
    );
    assert!(report.skipped.is_empty());
    let notes: Vec<&str> = report.noted.iter().map(|n| n.reason.as_str()).collect();
    assert_eq!(
        notes,
        vec![
            "attendance `lots` is not a whole number of people: the row counts without it",
            "attendance `-4` is not a whole number of people: the row counts without it",
        ]
    );
}

#[test]
fn groups_that_sign_agreements_are_placed_by_their_words_or_not_at_all() {
    use super::agreements::agreement_group;
    use crate::evidence::records::Mappings;
    let none = Mappings::default();
    for (group, want) in [
        ("Year 4", Some("pupils")),
        ("Y10", Some("pupils")),
        ("Reception", Some("pupils")),
        ("KS2", Some("pupils")),
        ("6B", Some("pupils")),
        ("Digital leaders", Some("pupils")),
        ("Teaching staff", Some("staff")),
        ("Class teachers", Some("staff")),
        ("PGCE students", Some("staff")),
        ("Kitchen", Some("staff")),
        ("Sports coaches", Some("staff")),
        ("TAs", Some("staff")),
        ("Office", Some("staff")),
        ("Governors", Some("governors")),
        ("Local governing body", Some("governors")),
        ("Volunteers", Some("volunteers")),
        ("Parents/carers", Some("parents")),
        ("Y6 parents", Some("parents")),
        ("Oak", None),
        ("Blue team", None),
    ] {
        let got = agreement_group(group, &none);
        assert_eq!(got.as_deref(), want, "{group}");
    }
    let mut maps = Mappings::default();
    maps.roles.insert("Oak".into(), "pupils".into());
    assert_eq!(agreement_group("Oak", &maps).as_deref(), Some("pupils"));
    assert_eq!(
        agreement_group("Site Team", &none).as_deref(),
        Some("staff"),
        "site is an adult word"
    );
}

#[test]
fn who_a_survey_asked_is_read_from_the_names_schools_give() {
    use super::logs::survey_groups;
    for (asked, want) in [
        ("KS2 pupils", vec!["learners"]),
        ("Year 6", vec!["learners"]),
        ("Year 5/6", vec!["learners"]),
        ("School council", vec!["learners"]),
        ("Digital leaders", vec!["learners"]),
        ("Parents/carers", vec!["parents"]),
        ("Parents of Year 6 pupils", vec!["parents"]),
        ("Families", vec!["parents"]),
        ("All staff", vec!["staff"]),
        ("Governors", vec!["governors"]),
        ("Staff & governors", vec!["staff", "governors"]),
        ("Staff/governors", vec!["staff", "governors"]),
        ("Parents and pupils", vec!["parents", "learners"]),
        (
            "Pupils, staff and parents",
            vec!["learners", "staff", "parents"],
        ),
        ("Whole school", vec!["whole school"]),
        ("Local community", vec!["local community"]),
    ] {
        assert_eq!(survey_groups(asked), want, "{asked}");
    }
}

/// Each group's rows added up as (group, signed this school year, of): one row for each
/// person and each part in these registers, so no row stands in for another.
fn shares(e: &Evidence) -> Vec<(String, usize, usize)> {
    let this_year = |d: Option<NaiveDate>| d.is_some_and(|d| d >= self::d(2026, 9, 1));
    let mut out: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for a in &e.agreements {
        let entry = out.entry(a.group.clone()).or_default();
        entry.0 += if this_year(a.date) { a.signed } else { 0 };
        entry.1 += a.of;
    }
    out.into_iter().map(|(g, (s, of))| (g, s, of)).collect()
}

#[test]
fn a_signed_column_of_marks_is_read_as_marks_whatever_mark_is_used() {
    for (yes, no) in [
        ("Y", "N"),
        ("Yes", "No"),
        ("✓", "✗"),
        ("x", ""),
        ("TRUE", "FALSE"),
        ("1", "0"),
    ] {
        let (e, report) = read(
            Kind::Agreements,
            &format!(
                "Pupil,Class,Signed,Date returned\n\
                 Alfie Brooks,Year 6,{yes},3.9.26\n\
                 Zoe Quennell,6B,{yes},2 Sept 2026\n\
                 Xanthe Marlowe-Pike,Year 4,{no},\n\
                 Bartholomew Ingleby,Year 5,{yes},31/02/2026\n\
                 Mr Hall,Teaching staff,{yes},1/9/2026\n"
            ),
        );
        assert!(report.skipped.is_empty(), "{yes}: {:?}", report.skipped);
        assert_eq!(
            shares(&e),
            vec![("pupils".into(), 2, 4), ("staff".into(), 1, 1)],
            "{yes}/{no}"
        );
        // The pupil whose date cannot be read still counts, and the row says why.
        let noted: Vec<(&str, &str)> = report
            .noted
            .iter()
            .map(|n| (n.place.as_str(), n.reason.as_str()))
            .collect();
        assert_eq!(
            noted,
            vec![(
                "row 5, column D",
                "the cell is not a real date; counted as not shown signed this school year"
            )],
            "{yes}"
        );
    }
    // A date typed in the Signed column is a yes on that day, read where the date column's
    // own date cannot be.
    let (e, report) = read(
        Kind::Agreements,
        "Pupil,Class,Signed,Date returned
         Alfie Brooks,Year 6,03/09/2026,
         Zoe Quennell,Year 6,,
         Bartholomew Ingleby,Year 6,04/09/2026,31/02/2026
",
    );
    assert_eq!(shares(&e), vec![("pupils".into(), 2, 3)]);
    assert!(
        report.skipped.is_empty() && report.noted.is_empty(),
        "{report:?}"
    );
}

#[test]
fn a_signed_column_of_counts_keeps_its_ones_as_counts_and_a_mixed_column_is_named() {
    let (e, report) = read(
        Kind::Agreements,
        "Group,Signed,Out of,Date\n\
         Year 3,27,30,15/09/2026\n\
         Governors,1,2,01/10/2026\n\
         Volunteers,0,3,01/10/2026\n",
    );
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(
        shares(&e),
        vec![
            ("governors".into(), 1, 2),
            ("pupils".into(), 27, 30),
            ("volunteers".into(), 0, 3)
        ]
    );
    let (e, report) = read(
        Kind::Agreements,
        "Name,Group,Signed,Date\n\
         Alfie Brooks,Year 6,Y,03/09/2026\n\
         Zoe Quennell,Year 6,Y,03/09/2026\n\
         Mr Hall,Staff,12,03/09/2026\n\
         Amy Pond,Year 6,maybe,03/09/2026\n",
    );
    // A person whose mark cannot be read stays in their group, as not signed: leaving
    // them out would raise the share.
    assert_eq!(
        shares(&e),
        vec![("pupils".into(), 2, 3), ("staff".into(), 0, 1)]
    );
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let noted: Vec<(&str, &str)> = report
        .noted
        .iter()
        .map(|s| (s.place.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        noted,
        vec![
            (
                "row 4, column C",
                "the cell is a count, but most of the Signed column holds yes/no marks: keep the column to counts for groups or to a mark for each person; counted as not signed"
            ),
            (
                "row 5, column C",
                "the cell is neither a count nor a yes/no mark; counted as not signed"
            ),
        ]
    );
    // A stray count in a column of a person's ones leaves the ones as marks.
    let (e, report) = read(
        Kind::Agreements,
        "Name,Group,Signed,Date\n\
         Alfie Brooks,Year 6,1,03/09/2026\n\
         Zoe Quennell,Year 6,0,\n\
         Amy Pond,Year 6,2,03/09/2026\n",
    );
    assert_eq!(shares(&e), vec![("pupils".into(), 1, 3)]);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.noted.len(), 1, "{:?}", report.noted);
    // Only ones and nothing beside them to say which: the row says it cannot tell.
    let (_, report) = read(Kind::Agreements, "Group,Signed,Date\nYear 6,1,03/09/2026\n");
    assert!(
        report.skipped[0]
            .reason
            .starts_with("the cell in the Signed column could be a count or a yes/no mark"),
        "{:?}",
        report.skipped
    );
}

#[test]
fn a_count_whose_date_cannot_be_read_keeps_its_group_in_the_total() {
    let (e, report) = read(
        Kind::Agreements,
        "Year group,Number returned,Number on roll,Date counted\n\
         Year 6,28,30,03/09/2026\n\
         Year 5,27,30,last week\n\
         Year 4,20,28,\n\
         Total,75,88,\n",
    );
    assert_eq!(shares(&e), vec![("pupils".into(), 28, 88)]);
    let reasons: Vec<&str> = report.noted.iter().map(|n| n.reason.as_str()).collect();
    assert_eq!(
        reasons,
        vec![
            "the cell is not a date; its group counted as none signed this school year",
            "a count with no date; its group counted as none signed this school year"
        ]
    );
    assert_eq!(
        report.skipped.len(),
        1,
        "the Total row: {:?}",
        report.skipped
    );
    assert_eq!(report.skipped[0].reason, "a note or footer row");
}

#[test]
fn commas_that_separate_thousands_are_read_and_others_are_not() {
    use super::counts::without_thousands_separators as strip;
    assert_eq!(strip("1,204"), "1204");
    assert_eq!(strip("12,345,678"), "12345678");
    assert_eq!(strip("1,204 of 1,530"), "1204 of 1530");
    assert_eq!(strip("3,4"), "3,4");
    assert_eq!(strip("1,2345"), "1,2345");
}

#[test]
fn a_signed_column_of_dates_counts_every_person_and_records_when_they_signed() {
    let (e, report) = read(
        Kind::Agreements,
        "Staff AUP 2026\n\
         Name,Role,Signed\n\
         A Bee,Teacher,05/09/2026\n\
         C Dee,TA,\n\
         E Fox,Teacher,Sept 2026\n\
         G Ho,Teacher,20/07/2026\n\
         I Jo,Teacher,✓\n\
         K Lo,Teacher,31/09/2026\n\
         M No,Teacher,Spring 2026\n\
         Total,,7\n",
    );
    // Every person stays in the group; the month counts as signed in it; the date that
    // names no real day and the term are not shown signed this school year.
    assert!(report.signed_dates);
    assert_eq!(report.rows_used, 7, "{:?}", report.skipped);
    assert_eq!(shares(&e), vec![("staff".into(), 2, 7)]);
    assert_eq!(e.agreements[2].date, Some(d(2026, 9, 1)));
    let noted: Vec<(&str, &str)> = report
        .noted
        .iter()
        .map(|n| (n.place.as_str(), n.reason.as_str()))
        .collect();
    assert_eq!(
        noted,
        vec![
            (
                "row 7, column C",
                "marked signed with no date; counted as not shown signed this school year"
            ),
            (
                "row 8, column C",
                "the cell is not a real date; counted as not shown signed this school year"
            ),
            (
                "row 9, column C",
                "the cell is not a date; counted as not shown signed this school year"
            ),
        ]
    );
    // The Total row is a footer, not a person with no group.
    let skipped: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(skipped, vec!["a note or footer row"]);
    assert!(crate::evidence::unrecorded::lacking(&report).is_empty());
}

#[test]
fn a_register_of_yes_and_no_with_no_dates_lacks_the_dates_of_signing() {
    let (_, report) = read(
        Kind::Agreements,
        "Name,Role,Signed\nA Bee,Teacher,Y\nC Dee,TA,N\n",
    );
    assert!(!report.signed_dates);
    let lacking: Vec<Field> = crate::evidence::unrecorded::lacking(&report)
        .iter()
        .map(|u| u.need.field)
        .collect();
    assert_eq!(lacking, vec![Field::AgreementDate]);
}

#[test]
fn every_kind_of_total_row_is_a_footer_in_either_layout() {
    for total in [
        "Total",
        "Totals",
        "Grand total",
        "Sub-total",
        "Subtotal",
        "TOTAL:",
        "Total staff",
    ] {
        let (e, report) = read(
            Kind::Agreements,
            &format!("Name,Role,Signed,Date\nA Bee,Teacher,Y,05/09/2026\n{total},,1,\n"),
        );
        assert_eq!(shares(&e), vec![("staff".into(), 1, 1)], "{total}");
        let skipped: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(skipped, vec!["a note or footer row"], "{total}");
        let (e, report) = read(
            Kind::Agreements,
            &format!("Group,Signed,Out of,Date\nStaff,8,10,05/09/2026\n{total},8,10,\n"),
        );
        assert_eq!(shares(&e), vec![("staff".into(), 8, 10)], "{total}");
        assert_eq!(report.skipped.len(), 1, "{total}");
        assert_eq!(report.skipped[0].reason, "a note or footer row", "{total}");
    }
}

#[test]
fn a_number_not_given_in_an_agreements_register_is_no_number_and_no_nought() {
    for mark in ["n/a", "N/A", "-", "–", "none", "nil"] {
        // Beside a person, an Out of that is not given is no matter.
        let (e, report) = read(
            Kind::Agreements,
            &format!("Name,Role,Signed,Out of,Date\nA Bee,Teacher,Y,{mark},05/09/2026\n"),
        );
        assert_eq!(shares(&e), vec![("staff".into(), 1, 1)], "{mark}");
        assert!(report.skipped.is_empty(), "{mark}: {:?}", report.skipped);
        // A group's count not given is no count: the group keeps its number, with none
        // of it shown signed, so the share can never rise for it.
        let (e, report) = read(
            Kind::Agreements,
            &format!(
                "Group,Signed,Out of,Date\nStaff,8,10,05/09/2026\nGovernors,{mark},9,05/09/2026\n"
            ),
        );
        assert_eq!(
            shares(&e),
            vec![("governors".into(), 0, 9), ("staff".into(), 8, 10)],
            "{mark}"
        );
        assert!(report.skipped.is_empty(), "{mark}: {:?}", report.skipped);
        assert_eq!(
            report.noted[0].reason,
            "the count of who signed is marked as not known; its group's number counted with none signed",
            "{mark}"
        );
        // Beside a person in a column of marks, not given is not signed.
        let (e, _) = read(
            Kind::Agreements,
            &format!("Name,Role,Signed\nA Bee,Teacher,05/09/2026\nC Dee,TA,{mark}\n"),
        );
        assert_eq!(shares(&e), vec![("staff".into(), 1, 2)], "{mark}");
    }
    let (e, report) = read(
        Kind::Agreements,
        "Group,Signed,Out of,Date\nYear 7,\"1,204\",\"1,530\",05/09/2026\n",
    );
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(shares(&e), vec![("pupils".into(), 1204, 1530)]);
}

#[test]
fn a_cancelled_session_is_skipped_and_one_attended_by_nobody_is_noted() {
    let (e, report) = read(
        Kind::Engagement,
        "Date,Type,What,Parents attended\n\
         10/10/2026,Workshop,Online safety workshop,0\n\
         11/10/2026,Workshop (cancelled),Online safety workshop,\n\
         12/10/2026,Coffee morning,Online safety,cancelled\n\
         13/10/2026,Workshop,Gaming safety - postponed,\n\
         14/10/2026,Talk,Did not run,\n\
         15/10/2026,Workshop,Online gaming safety,14\n",
    );
    let kept: Vec<(bool, Option<usize>)> = e
        .engagement
        .iter()
        .map(|g| (g.session, g.attendance))
        .collect();
    assert_eq!(kept, vec![(true, Some(0)), (true, Some(14))]);
    let reasons: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        vec![
            "Type says \"cancelled\": it did not take place; not counted",
            "Parents attended says \"cancelled\": it did not take place; not counted",
            "What says \"postponed\": it did not take place; not counted",
            "What says \"did not run\": it did not take place; not counted",
        ]
    );
    assert_eq!(
        report.noted[0].reason,
        "attended by nobody: not counted as a session parents attended"
    );
}

#[test]
fn a_count_said_to_be_approximate_is_known_as_one() {
    for typed in [
        "about 200",
        "30+",
        "c. 40",
        "~25",
        "approx. 12",
        "over 50",
        "40ish",
    ] {
        assert!(super::counts::approximate(typed), "{typed}");
    }
    for typed in ["200", "1,204", "28 of 30", "28/30", "12 parents"] {
        assert!(!super::counts::approximate(typed), "{typed}");
    }
}

#[test]
fn parent_engagement_counts_only_what_was_for_parents_and_took_place() {
    let (e, report) = read(
        Kind::Engagement,
        "Date,Type,What,Audience,Attended,Status,Notes\n\
         01/10/2026,Assembly,Internet safety day assembly,,210,Held,\n\
         02/10/2026,Training,Staff INSET: online safety,Staff,40,Held,\n\
         03/10/2026,Workshop,Year 6 pupils' workshop on online safety,,30,,\n\
         04/10/2026,Workshop,Online safety workshop,Whole school,30,,\n\
         05/10/2026,Workshop,Online safety workshop,Parents,,Not taken place,\n\
         06/10/2026,Workshop,Online safety workshop,Parents,,Snow day,\n\
         07/10/2026,Workshop,Online safety workshop,Parents,,Postponed,\n\
         08/10/2026,Workshop,Online safety workshop,Parents,,,Cancelled - speaker ill\n\
         09/10/2026,Workshop,Online safety workshop,,25,,\n\
         10/10/2026,Workshop,Online safety workshop,Y6 parents and carers,25,Held,Good turnout\n",
    );
    let kept: Vec<Option<usize>> = e.engagement.iter().map(|g| g.attendance).collect();
    assert_eq!(kept, vec![Some(25)], "{:?}", report.skipped);
    let at: Vec<(u32, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.row, s.place.as_str()))
        .collect();
    assert_eq!(at.len(), 9, "{at:?}");
    let reasons: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(reasons[0].contains("`assembly`"), "{reasons:?}");
    assert!(reasons[1].contains("`staff`"), "{reasons:?}");
    assert!(reasons[2].contains("`pupils`"), "{reasons:?}");
    assert!(
        reasons[3].contains("nothing says it was for parents"),
        "{reasons:?}"
    );
    assert!(
        reasons[7].contains("Notes says \"cancelled\""),
        "{reasons:?}"
    );
    assert!(!reasons[7].contains("speaker ill"), "{reasons:?}");
    assert!(
        reasons[8].contains("nothing says it was for parents"),
        "{reasons:?}"
    );
}
