//! Sources read end to end from files written in a temporary folder: the header found, the
//! columns mapped, every row accounted for, the names learnt and kept out of what is shown.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::*;
use crate::error::Error;
use crate::privacy::PLACEHOLDER;

/// A file with `text` in a fresh temporary folder, kept alive with it.
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("written");
    (dir, path)
}

fn request<'a>(kind: Kind, path: &'a Path, columns: &'a ColumnMap) -> Request<'a> {
    Request {
        kind,
        path,
        shown: Path::new("evidence/records.csv"),
        sheet: None,
        columns,
        maps: Mappings::default(),
        as_of: None,
    }
}

fn import_csv(kind: Kind, text: &str) -> (Evidence, SourceReport) {
    let (_dir, path) = file("records.csv", text);
    let mut evidence = Evidence::default();
    let report =
        import(&request(kind, &path, &ColumnMap::default()), &mut evidence).expect("imported");
    (evidence, report)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn reasons(skipped: &[Skipped]) -> Vec<(&str, &str)> {
    skipped
        .iter()
        .map(|s| (s.place.as_str(), s.reason.as_str()))
        .collect()
}

#[test]
fn a_header_below_a_title_is_found_and_its_columns_mapped() {
    let (evidence, report) = import_csv(
        Kind::Training,
        "Staff training 2025-26,,,\n\
         Staff member,Job title,Date of training,Signature\n\
         A Jones,Teacher,01/09/2025,\n\
         B Smith,Chair of Governors,15/10/2025,\n",
    );
    assert_eq!(report.header_row, 2);
    let mapped: Vec<(&str, &str, Option<Field>)> = report
        .columns
        .iter()
        .map(|c| (c.column.as_str(), c.header.as_str(), c.field))
        .collect();
    assert_eq!(
        mapped,
        [
            ("A", "Staff member", Some(Field::TrainingPerson)),
            ("B", "Job title", Some(Field::TrainingRole)),
            ("C", "Date of training", Some(Field::TrainingDate)),
            ("D", "Signature", None),
        ]
    );
    assert_eq!(report.unknown_columns(), ["Signature"]);
    assert_eq!((report.rows_read, report.rows_used), (2, 2));
    assert_eq!(report.date_range, Some((d(2025, 9, 1), d(2025, 10, 15))));
    let groups: Vec<&str> = evidence.training.iter().map(|t| t.group.as_str()).collect();
    assert_eq!(groups, ["staff", "governors"]);
    assert_eq!(evidence.kinds, [Kind::Training]);
    assert!(evidence.unrecorded.is_empty());
}

#[test]
fn the_schools_own_mapping_names_a_column_no_heading_would() {
    let (_dir, path) = file(
        "records.csv",
        "Who,Post,Attended on\nA Jones,Teacher,01/09/2025\n",
    );
    let written: BTreeMap<String, String> = [("Who", "person"), ("Attended on", "date")]
        .iter()
        .map(|(h, f)| (h.to_string(), f.to_string()))
        .collect();
    let own = ColumnMap::parse(Kind::Training, &written);
    let mut evidence = Evidence::default();
    let report = import(&request(Kind::Training, &path, &own), &mut evidence).expect("imported");
    let fields: Vec<Option<Field>> = report.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some(Field::TrainingPerson),
            Some(Field::TrainingRole),
            Some(Field::TrainingDate)
        ]
    );
    assert_eq!(evidence.training[0].date, Some(d(2025, 9, 1)));
}

#[test]
fn rows_that_cannot_be_used_are_skipped_with_their_reasons_and_places() {
    let (evidence, report) = import_csv(
        Kind::Meetings,
        "Date,Group,Attended\n\
         01/10/2025,Online Safety Group,A;B;C\n\
         ,Governors,\n\
         31/02/2025,FGB,\n\
         Total meetings this year: 3,,\n\
         05/11/2025,,\n\
         ,,\n",
    );
    assert_eq!((report.rows_read, report.rows_used), (5, 1));
    assert_eq!(
        reasons(&report.skipped),
        [
            ("row 3, column A", "no date"),
            ("row 4, column A", "`31/02/2025` is not a real date"),
            ("row 5", "a note or footer row"),
            ("row 6, column B", "no group or meeting name"),
        ]
    );
    assert_eq!(report.skipped[0].row, 3);
    assert_eq!(evidence.meetings.len(), 1);
    assert_eq!(evidence.meetings[0].group, "online-safety-group");
    assert_eq!(evidence.meetings[0].attendees, 3);
}

#[test]
fn a_training_row_without_a_date_is_used_and_noted_until_settled() {
    let (_, mut report) = import_csv(
        Kind::Training,
        "Name,Role,Date completed\n\
         A Jones,Teacher,\n\
         A Jones,Teacher,02/09/2025\n\
         B Smith,Teacher,soon\n\
         ,Teacher,01/09/2025\n",
    );
    assert_eq!((report.rows_read, report.rows_used), (4, 3));
    assert_eq!(
        reasons(&report.noted),
        [
            (
                "row 2, column C",
                "A Jones: no date; counted as not trained"
            ),
            (
                "row 4, column C",
                "B Smith: `soon` is not a date; counted as not trained"
            ),
        ]
    );
    assert_eq!(reasons(&report.skipped), [("row 5, column A", "no name")]);
    report.settle(d(2026, 7, 1));
    assert_eq!(
        report.noted[0].reason,
        "A Jones: no date; another row gives their date, which is used"
    );
}

#[test]
fn records_that_name_children_never_repeat_a_cell_in_a_reason() {
    let (evidence, report) = import_csv(
        Kind::Incidents,
        "Date,Pupil name,Category,Action taken,Status\n\
         03/10/2025,Zara Quinn,Cyberbullying,Spoke to parents,Closed\n\
         Zara's birthday,Ben Hart,Cyberbullying,,\n",
    );
    assert_eq!(
        reasons(&report.skipped),
        [("row 3, column A", "the cell is not a date")]
    );
    assert_eq!(report.columns[1].field, Some(Field::IncidentPerson));
    assert_eq!(evidence.incidents.len(), 1);
    assert!(evidence.private.found_in("Zara Quinn") && evidence.private.found_in("Ben Hart"));
    assert_eq!(
        evidence.name_sources,
        [(PathBuf::from("evidence/records.csv"), Kind::Incidents, 2)]
    );
}

#[test]
fn incidents_not_about_online_safety_are_left_out_and_counted() {
    let (evidence, report) = import_csv(
        Kind::Incidents,
        "Date,Category,Action taken,Status\n\
         03/10/2025,Cyberbullying; Attendance,Spoke to pupil,Closed\n\
         04/10/2025,Attendance,Letter home,Closed\n\
         05/10/2025,Attendance,Letter home,Open\n",
    );
    assert_eq!((report.rows_read, report.rows_used), (3, 1));
    assert_eq!(report.rows_left_out, 2);
    assert_eq!(report.left_out_categories.get("Attendance"), Some(&2));
    assert_eq!(evidence.left_out.get("Attendance"), Some(&2));
    let kept: Vec<Vec<String>> = evidence
        .incidents
        .iter()
        .map(|t| t.categories.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(kept, [["Cyberbullying"]]);
}

#[test]
fn a_source_without_a_column_its_figures_need_is_recorded_as_such() {
    let (evidence, _) = import_csv(Kind::Incidents, "Date,Category\n03/10/2025,Sexting\n");
    let lacking: Vec<Field> = evidence.unrecorded.iter().map(|u| u.need.field).collect();
    assert_eq!(lacking, [Field::IncidentAction, Field::IncidentStatus]);
    assert!(evidence.unrecorded(Field::IncidentStatus).is_some());
    assert!(evidence.unrecorded(Field::TrainingDate).is_none());
}

#[test]
fn a_pupil_list_gives_names_and_a_count_only() {
    let (evidence, report) = import_csv(
        Kind::Pupils,
        "Legal Surname,Forename,Year\nLee,Amy,Y5\nHart,Ben,Y6\n",
    );
    assert_eq!(evidence.pupils, 2);
    assert_eq!((report.rows_read, report.rows_used), (2, 2));
    assert!(evidence.private.found_in("Amy Lee"));
    // A row that gives no name leaves the list's names not all known: it is not read.
    let (_dir, path) = file(
        "pupils.csv",
        "Legal Surname,Forename,Year\nLee,Amy,Y5\n,,Y6\n",
    );
    let mut partly = Evidence::default();
    let refused = import(
        &request(Kind::Pupils, &path, &ColumnMap::default()),
        &mut partly,
    )
    .expect_err("a row with no name");
    assert!(
        refused
            .to_string()
            .contains("row 3: its forename is blank but cells to its right hold text"),
        "{refused}"
    );
    assert_eq!(partly.unreadable.len(), 1);
    // A column that looks like part of the names but is not read as one: the same.
    let (_dir, path) = file(
        "pupils.csv",
        "Forename,Surname,Preferred name\nAmy,Lee,Mia\n",
    );
    let refused = import(
        &request(Kind::Pupils, &path, &ColumnMap::default()),
        &mut partly,
    );
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("`Preferred name`"))
            || refused.is_ok_and(|_| partly.private.found_in("Mia Lee")),
        "a preferred name is read or the list refused"
    );
    assert_eq!(evidence.name_sources[0].2, 2);
    assert!(evidence.training.is_empty() && evidence.incidents.is_empty());
}

#[test]
fn names_are_taken_out_of_category_labels_in_the_evidence_and_the_report() {
    let (mut evidence, mut report) = import_csv(
        Kind::Incidents,
        "Date,Pupil,Category,Action taken,Status\n\
         03/10/2025,Zara Quinn,Cyberbullying,Spoke to pupil,Closed\n\
         04/10/2025,,Online messages about Zara Quinn,Spoke to pupil,Closed\n",
    );
    assert!(
        report
            .unmapped_categories
            .keys()
            .any(|c| c.contains("Zara Quinn"))
    );
    let held = evidence.withhold_names();
    assert_eq!(held.categories, 1);
    let shown: Vec<String> = evidence
        .incidents
        .iter()
        .flat_map(|t| {
            t.categories
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(shown.iter().all(|c| !c.contains("Zara")), "{shown:?}");
    assert!(shown.iter().any(|c| c.contains(PLACEHOLDER)), "{shown:?}");
    report.withhold_names(&evidence.private);
    assert!(
        report
            .unmapped_categories
            .keys()
            .all(|c| !c.contains("Zara")),
        "{:?}",
        report.unmapped_categories
    );
}

#[test]
fn a_mapping_to_no_field_of_the_kind_refuses_the_source() {
    let (_dir, path) = file("records.csv", "Date,Group\n01/10/2025,Governors\n");
    let written: BTreeMap<String, String> = [("Who".to_string(), "person".to_string())].into();
    let own = ColumnMap::parse(Kind::Meetings, &written);
    let mut evidence = Evidence::default();
    let err = import(&request(Kind::Meetings, &path, &own), &mut evidence).expect_err("refused");
    assert!(matches!(err, Error::ColumnMapping { .. }), "{err:?}");
    assert!(
        err.to_string().contains(
            "column `Who` is mapped to `person`, which is not a field of meetings records (fields: date, group, attendees, apologies, items, actions-agreed, actions-completed, status, notes)"
        ),
        "{err}"
    );
    assert!(evidence.kinds.is_empty(), "nothing was imported");
    // A file that is not there is said first, whatever the mapping.
    let missing = path.with_file_name("gone.csv");
    let err = import(&request(Kind::Meetings, &missing, &own), &mut evidence).expect_err("refused");
    assert!(matches!(err, Error::Evidence { .. }), "{err:?}");
}

#[test]
fn no_header_says_what_the_kind_needs() {
    let (_dir, path) = file("records.csv", "Colour,Shape\nred,square\n");
    let err = import(
        &request(Kind::Meetings, &path, &ColumnMap::default()),
        &mut Evidence::default(),
    )
    .expect_err("no header");
    assert!(
        err.to_string().contains(
            "no header row for meetings records was found in its first 30 rows: it has the headings Colour | Shape, but needs columns for Date and Group"
        ),
        "{err}"
    );
}

/// An xlsx file with the given sheets, each a list of rows of text cells.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> (tempfile::TempDir, PathBuf) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = wb.add_worksheet().set_name(*name).expect("sheet name");
        for (r, row) in (0u32..).zip(rows.iter()) {
            for (c, cell) in (0u16..).zip(row.iter()) {
                sheet.write(r, c, *cell).expect("cell");
            }
        }
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("log.xlsx");
    wb.save(&path).expect("saved");
    (dir, path)
}

#[test]
fn every_sheet_of_an_incident_workbook_gives_names_but_one_gives_records() {
    let (_dir, path) = workbook(&[
        ("Notes", &[&["Read me first"]]),
        (
            "Log",
            &[
                &["Date", "Pupil", "Category"],
                &["03/10/2025", "Zara Quinn", "Cyberbullying"],
            ],
        ),
        (
            "Archive",
            &[&["Date", "Child's name"], &["03/10/2023", "Ben Hart"]],
        ),
    ]);
    let mut evidence = Evidence::default();
    let none = ColumnMap::default();
    let report = import(&request(Kind::Incidents, &path, &none), &mut evidence).expect("imported");
    assert_eq!(report.sheet.as_deref(), Some("Log"));
    assert_eq!(report.names_also_from, ["Archive"]);
    assert_eq!(evidence.incidents.len(), 1);
    assert!(evidence.private.found_in("Ben Hart"));

    let mut named = request(Kind::Incidents, &path, &none);
    named.sheet = Some("archive");
    let report = import(&named, &mut Evidence::default()).expect("imported");
    assert_eq!(report.sheet.as_deref(), Some("Archive"));
    assert!(report.names_also_from.is_empty());

    named.sheet = Some("Summary");
    let err = import(&named, &mut Evidence::default()).expect_err("no such sheet");
    assert!(
        err.to_string()
            .contains("it has no sheet called `Summary` (its sheets: Notes, Log, Archive)"),
        "{err}"
    );
}

#[test]
fn a_review_imports_each_source_it_lists_from_its_folder() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir(dir.path().join("evidence")).expect("folder");
    std::fs::write(
        dir.path().join("evidence/meetings.csv"),
        "Date,Meeting\n01/10/2025,FGB\n",
    )
    .expect("written");
    std::fs::write(
        dir.path().join("evidence/training.csv"),
        "Name,Role,Date\nA Jones,Governor,01/09/2025\n",
    )
    .expect("written");
    let spec = |kind, path: &str| SourceSpec {
        kind,
        path: PathBuf::from(path),
        sheet: None,
        columns: ColumnMap::default(),
        maps: Mappings::default(),
    };
    let sources = [
        spec(Kind::Meetings, "evidence/meetings.csv"),
        spec(Kind::Training, "evidence/training.csv"),
    ];
    let (evidence, reports) = import_review(&sources, dir.path(), None).expect("imported");
    let paths: Vec<&Path> = reports.iter().map(|r| r.path.as_path()).collect();
    assert_eq!(
        paths,
        [
            Path::new("evidence/meetings.csv"),
            Path::new("evidence/training.csv")
        ]
    );
    assert_eq!(evidence.kinds, [Kind::Meetings, Kind::Training]);
    assert_eq!(evidence.meetings[0].group, "governors");
    assert_eq!(evidence.training[0].group, "governors");
}

#[test]
fn a_pupils_name_in_a_meetings_name_is_taken_out_of_the_name_reports_show() {
    let (_incidents_dir, incidents) = file(
        "incidents.csv",
        "Date,Pupil,Category\n03/10/2025,Zara Quinn,Cyberbullying\n",
    );
    let (_meetings_dir, meetings) = file(
        "meetings.csv",
        "Date,Group\n01/10/2025,Catch-up about Zara Quinn\n",
    );
    let mut evidence = Evidence::default();
    for (kind, path) in [(Kind::Incidents, &incidents), (Kind::Meetings, &meetings)] {
        import(&request(kind, path, &ColumnMap::default()), &mut evidence).expect("imported");
    }
    assert_eq!(evidence.meetings[0].name, "Catch-up about Zara Quinn");
    let held = evidence.withhold_names();
    assert_eq!(
        held.meetings, 1,
        "one meeting, counted once for both its texts"
    );
    let m = &evidence.meetings[0];
    for text in [&m.group, &m.name] {
        assert!(!text.contains("Zara") && !text.contains("zara"), "{text}");
    }
    assert!(m.name.contains(PLACEHOLDER), "{}", m.name);
}
