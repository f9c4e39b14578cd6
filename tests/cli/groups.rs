//! Group and individual workbooks side by side: the group's agreed level and commentary
//! win, individual levels still show the spread; copies, workbooks for another framework
//! and levels that are formulas without a saved result are named and not counted; a group
//! workbook made after individual ones starts from them; reserved names are refused.

use std::path::Path;

use predicates::prelude::*;

use crate::{filled_workbook, init_review, selfreview};

pub const CODES: [&str; 21] = [
    "A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "B1.1", "B1.2", "B2.1", "B3.1", "B4.1", "B4.2",
    "C1.1", "C1.2", "C1.3", "C1.4", "C2.1", "C2.2", "C2.3", "C2.4", "D1.1",
];

const AGREED: &str = "The group agreed this at its meeting, having looked at the records together.";

enum Cell<'a> {
    Level(u8),
    Text(&'a str),
    /// A formula whose result was never saved.
    Formula,
    /// A formula that works out the middle of the two members' levels, its result saved.
    Median(u8),
}

/// Writes a workbook of our layout: `details` on the Instructions sheet, `headers` on the
/// Scores sheet, and for every aspect the cells `row` gives after Code, Aspect, Benchmark.
fn book(
    path: &Path,
    details: &[(&str, &str)],
    headers: &[&str],
    row: &dyn Fn(&str) -> Vec<Cell<'static>>,
) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet().set_name("Scores").expect("name");
    for (c, h) in ["Code", "Aspect", "Benchmark"]
        .iter()
        .chain(headers)
        .enumerate()
    {
        sheet.write(0, c as u16, *h).expect("write");
    }
    for (r, code) in (1u32..).zip(CODES) {
        sheet.write(r, 0, code).expect("write");
        sheet.write(r, 2, 2).expect("write");
        for (c, cell) in (3u16..).zip(row(code)) {
            match cell {
                Cell::Level(l) => sheet.write(r, c, l).map(|_| ()),
                Cell::Text(t) => sheet.write(r, c, t).map(|_| ()),
                Cell::Formula => sheet
                    .write_formula(r, c, rust_xlsxwriter::Formula::new("=1+1"))
                    .map(|_| ()),
                Cell::Median(l) => {
                    let f = format!("=MEDIAN(D{row}:E{row})", row = r + 1);
                    let formula = rust_xlsxwriter::Formula::new(f).set_result(l.to_string());
                    sheet.write_formula(r, c, formula).map(|_| ())
                }
            }
            .expect("write");
        }
    }
    let info = wb.add_worksheet().set_name("Instructions").expect("name");
    for (r, (label, value)) in (0u32..).zip(details) {
        info.write(r, 0, *label).expect("write");
        info.write(r, 1, *value).expect("write");
    }
    let bytes = wb.save_to_buffer().expect("save");
    std::fs::write(path, without_formula_results(&bytes)).expect("write");
}

/// The workbook with formulas' saved results taken out, as some programs write them.
fn without_formula_results(xlsx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..input.len() {
        let (name, mut data) = {
            let mut entry = input.by_index(i).expect("entry");
            let name = entry.name().expect("name").to_string();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("read");
            (name, data)
        };
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(data).expect("XML");
            data = text
                .replace("<f>1+1</f><v>0</v>", "<f>1+1</f>")
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fn details(reviewer: &'static str, framework: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("Reviewer", reviewer),
        ("Framework", framework),
        ("Framework version", "1.0.0"),
    ]
}

fn individual(dir: &Path, file: &str, reviewer: &'static str, level: u8) {
    let text: &'static str = if level == 3 {
        "DSL thinks it is developing."
    } else {
        "OSL thinks it is established."
    };
    book(
        &dir.join("scores").join(file),
        &details(reviewer, "online-safety-21"),
        &["Level", "Commentary", "Evidence"],
        &move |_| {
            vec![
                Cell::Level(level),
                Cell::Text(text),
                Cell::Text("policy.pdf"),
            ]
        },
    );
}

fn group(dir: &Path, file: &str) {
    book(
        &dir.join("scores").join(file),
        &details("Group", "online-safety-21"),
        &["DSL", "OSL", "Agreed", "Rationale", "Commentary"],
        &|_| {
            vec![
                Cell::Level(3),
                Cell::Level(2),
                Cell::Level(2),
                Cell::Text("Records seen."),
                Cell::Text(AGREED),
            ]
        },
    );
}

fn score(dir: &Path) -> serde_json::Value {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert();
    serde_json::from_slice(&out.get_output().stdout).expect("JSON")
}

fn codes(doc: &serde_json::Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().expect("code"),
                d["location"]["file"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn the_group_wins_beside_individual_workbooks_whatever_the_file_names() {
    for group_file in ["group.xlsx", "aaa-meeting.xlsx", "zzz-meeting.xlsx"] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let dir = tmp.path();
        init_review(dir, &[]).success();
        individual(dir, "dsl.xlsx", "DSL", 3);
        individual(dir, "osl.xlsx", "OSL", 4);
        group(dir, group_file);
        let doc = score(dir);
        assert!(
            !codes(&doc)
                .iter()
                .any(|c| c.starts_with("duplicate-reviewer-workbook")),
            "{group_file}: {:?}",
            codes(&doc)
        );
        let a = &doc["aspects"][0];
        assert_eq!(a["agreed"], 2, "{group_file}");
        assert_eq!(a["agreed_by"], "group", "{group_file}");
        assert_eq!(
            a["reviewers"],
            serde_json::json!({"DSL": 3, "OSL": 4}),
            "own workbooks show the spread"
        );
        assert_eq!(a["spread"], 1);
        assert_eq!(a["commentary"][0]["reviewer"], "Group");
        assert_eq!(a["commentary"][0]["text"], AGREED);
        assert_eq!(doc["workbooks"].as_array().map(Vec::len), Some(3));
    }
}

#[test]
fn copies_other_frameworks_and_unsaved_formulas_are_named_and_not_counted() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    individual(dir, "dsl.xlsx", "DSL", 3);
    individual(dir, "dsl (1).xlsx", "DSL", 5);
    individual(dir, "Copy of dsl.xlsx", "DSL", 5);
    book(
        &dir.join("scores/head.xlsx"),
        &details("Head", "online-safety-18"),
        &["Level", "Commentary"],
        &|_| vec![Cell::Level(1), Cell::Text("From the other framework.")],
    );
    book(
        &dir.join("scores/osl.xlsx"),
        &details("OSL", "online-safety-21"),
        &["Level", "Commentary"],
        &|code| {
            if code == "B2.1" {
                vec![Cell::Formula, Cell::Text("Worked out in a formula.")]
            } else {
                vec![Cell::Level(2), Cell::Text("Established.")]
            }
        },
    );
    let doc = score(dir);
    let found = codes(&doc);
    for expected in [
        "copied-workbook scores/dsl (1).xlsx",
        "copied-workbook scores/Copy of dsl.xlsx",
        "workbook-framework-mismatch scores/head.xlsx",
        "level-formula-without-value scores/osl.xlsx",
    ] {
        assert!(
            found.iter().any(|c| c == expected),
            "{expected} in {found:?}"
        );
    }
    let a = &doc["aspects"][0];
    assert_eq!(a["reviewers"], serde_json::json!({"DSL": 3, "OSL": 2}));
    let b21 = crate::aspect_json(&doc, "B2.1");
    assert_eq!(b21["reviewers"], serde_json::json!({"DSL": 3}));
    let formula = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "level-formula-without-value")
        .expect("named");
    assert_eq!(formula["location"]["cell"], "Scores!D10");
}

#[test]
fn a_group_workbook_made_after_individual_ones_starts_from_them() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "DSL",
        &[("A1.1", 3, "DSL: roles are written.", "")],
    );
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A1.1", 2, "Everyone knows their role.", "")],
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .args([
            "workbook",
            "--group",
            "--reviewer",
            "DSL",
            "--reviewer",
            "OSL",
        ])
        .assert()
        .success();
    let rows = crate::rows_by_code(&dir.join("scores/group.xlsx"), "Scores");
    let row = &rows["A1.1"];
    assert_eq!(row["DSL"], "3");
    assert_eq!(row["OSL"], "2");
    assert_eq!(row["Agreed"], "", "the group still decides");
    assert_eq!(
        row["Commentary"],
        "DSL: DSL: roles are written.\n\nOSL: Everyone knows their role."
    );
}

#[test]
fn reserved_reviewer_names_are_refused() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    for name in ["Group", "agreed", "Commentary"] {
        selfreview()
            .arg("-C")
            .arg(dir)
            .args(["workbook", "--reviewer", "DSL", "--reviewer", name])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "`{name}` cannot be a reviewer's name"
            )));
    }
    assert!(!dir.join("scores/group.xlsx").exists());
    assert!(!dir.join("scores/dsl.xlsx").exists(), "nothing is written");
}

#[test]
fn every_kind_of_copy_is_named_and_the_original_counted_whatever_sorts_first() {
    for copy in [
        "dsl(1).xlsx",
        "dsl 2.xlsx",
        "DSL.xlsx",
        "Copy of Copy of dsl.xlsx",
        "dsl (1) (1).xlsx",
    ] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let dir = tmp.path();
        init_review(dir, &[]).success();
        individual(dir, "dsl.xlsx", "DSL", 3);
        individual(dir, copy, "DSL", 5);
        let doc = score(dir);
        let found = codes(&doc);
        assert!(
            found.contains(&format!("copied-workbook scores/{copy}")),
            "{copy}: {found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|c| c.starts_with("duplicate-reviewer-workbook")),
            "{copy}: {found:?}"
        );
        assert_eq!(
            doc["aspects"][0]["reviewers"],
            serde_json::json!({"DSL": 3}),
            "{copy}: the original's level"
        );
    }
}

#[test]
fn a_workbook_whose_reviewer_is_called_group_is_not_counted() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    individual(dir, "dsl.xlsx", "DSL", 3);
    individual(dir, "team.xlsx", "Group", 5);
    let doc = score(dir);
    let found = codes(&doc);
    assert!(
        found.contains(&"reserved-reviewer-name scores/team.xlsx".to_string()),
        "{found:?}"
    );
    let d = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "reserved-reviewer-name")
        .expect("finding");
    assert_eq!(d["location"]["cell"], "Instructions!B1");
    assert_eq!(
        doc["aspects"][0]["reviewers"],
        serde_json::json!({"DSL": 3})
    );
}

#[test]
fn an_agreed_commentary_formula_never_saved_is_named_as_one() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    book(
        &dir.join("scores/group.xlsx"),
        &details("Group", "online-safety-21"),
        &[
            "DSL",
            "OSL",
            "Agreed",
            "Rationale",
            "Agreed commentary",
            "Commentary",
        ],
        &|code| {
            let agreed = if code == "A1.1" {
                Cell::Formula
            } else {
                Cell::Text(AGREED)
            };
            vec![
                Cell::Level(3),
                Cell::Level(2),
                Cell::Level(2),
                Cell::Text("Records seen."),
                agreed,
                Cell::Text("DSL: notes."),
            ]
        },
    );
    let doc = score(dir);
    let formula = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "commentary-formula-without-value")
        .unwrap_or_else(|| panic!("named: {:?}", codes(&doc)));
    assert_eq!(formula["location"]["cell"], "Scores!H2");
    assert!(
        formula["message"]
            .as_str()
            .is_some_and(|m| m.contains("formula whose result was never saved")),
        "{formula}"
    );
}

#[test]
fn an_agreed_level_worked_out_by_a_formula_is_not_agreed_and_holds_the_verdict_back() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    book(
        &dir.join("scores/group.xlsx"),
        &details("Group", "online-safety-21"),
        &["DSL", "OSL", "Agreed", "Rationale", "Agreed commentary"],
        &|code| {
            let agreed = if code == "A1.1" {
                Cell::Median(2)
            } else {
                Cell::Level(2)
            };
            vec![
                Cell::Level(2),
                Cell::Level(2),
                agreed,
                Cell::Text("Records seen."),
                Cell::Text(AGREED),
            ]
        },
    );
    let doc = score(dir);
    let formula = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "agreed-level-formula")
        .unwrap_or_else(|| panic!("named: {:?}", codes(&doc)));
    assert_eq!(formula["location"]["cell"], "Scores!F2");
    assert_eq!(formula["severity"], "error", "{formula}");
    let a11 = crate::aspect_json(&doc, "A1.1");
    assert!(a11["agreed"].is_null(), "{a11}");
    assert_eq!(crate::aspect_json(&doc, "A1.2")["agreed"], 2);
    assert_eq!(doc["ready"], false);
}

#[test]
fn a_group_workbook_that_lost_its_agreed_commentary_column_is_named_and_its_notes_not_taken() {
    for (headers, at) in [
        (
            &[
                "DSL",
                "OSL",
                "Agreed",
                "Rationale",
                "Agreed comments",
                "Commentary",
            ][..],
            "Scores!H1",
        ),
        (&["DSL", "OSL", "Agreed", "Rationale", "Commentary"][..], ""),
    ] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let dir = tmp.path();
        init_review(dir, &[]).success();
        book(
            &dir.join("scores/group.xlsx"),
            &details("Group", "online-safety-21"),
            headers,
            &|_| {
                let mut cells = vec![
                    Cell::Level(3),
                    Cell::Level(2),
                    Cell::Level(2),
                    Cell::Text("Records seen."),
                ];
                if headers.len() == 6 {
                    cells.push(Cell::Text(AGREED));
                }
                cells.push(Cell::Text("DSL: my own remark.\nOSL: mine."));
                cells
            },
        );
        let doc = score(dir);
        let found = doc["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["code"] == "agreed-commentary-column-missing")
            .unwrap_or_else(|| panic!("{headers:?}: {:?}", codes(&doc)));
        assert_eq!(found["location"]["file"], "scores/group.xlsx");
        if at.is_empty() {
            assert_eq!(found["location"]["cell"], "Scores");
        } else {
            assert_eq!(found["location"]["cell"], at);
            assert!(
                found["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("Agreed comments"))
            );
        }
        let a = &doc["aspects"][0];
        assert!(a["agreed_commentary"].is_null(), "{a}");
        assert!(
            !a.to_string().contains("\"text\":\"DSL: my own remark"),
            "{a}"
        );
    }
}

#[test]
fn a_group_workbook_whose_gathered_commentary_would_overflow_a_cell_goes_on_over_rows() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    // Two members each near the limit of a cell: gathered, they are past it.
    let long = "online ".repeat(3000);
    filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "DSL",
        &[("A1.2", 3, &long, "")],
    );
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A1.2", 2, &long, "")],
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .args([
            "workbook",
            "--group",
            "--reviewer",
            "DSL",
            "--reviewer",
            "OSL",
        ])
        .assert()
        .success();
    let path = dir.join("scores/group.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("opens");
    let scores = calamine::Reader::worksheet_range(&mut book, "Scores").expect("Scores");
    let rows: Vec<Vec<String>> = scores
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let commentary = rows[0]
        .iter()
        .position(|h| h == "Commentary")
        .expect("column");
    let pieces: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "A1.2").collect();
    assert!(pieces.len() > 2, "{}", pieces.len());
    assert!(pieces[1..].iter().all(|r| r[1].ends_with("(continued)")));
    let gathered: String = pieces.iter().map(|r| r[commentary].as_str()).collect();
    assert!(gathered.chars().count() > 32_767);
    assert_eq!(gathered.matches("DSL: online").count(), 1);
    assert_eq!(gathered.matches("OSL: online").count(), 1);
    // Scoring reads each member's level once and the continuation rows as no aspect.
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["score", "--json"])
        .assert()
        .get_output()
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = doc.to_string();
    assert!(!text.contains("duplicate-aspect-row"), "{text}");
    assert!(!text.contains("unknown-aspect-code"), "{text}");
    let a = doc["aspects"]
        .as_array()
        .expect("aspects")
        .iter()
        .find(|a| a["code"] == "A1.2")
        .expect("A1.2");
    assert_eq!(a["reviewers"]["DSL"], 3, "{a}");
    assert_eq!(a["reviewers"]["OSL"], 2, "{a}");
}
