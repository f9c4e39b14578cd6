//! How a workbook's sheets are chosen, through the binary: a hidden sheet is not read and
//! is said so, a term's sheet with a column more is read with the rest, and a heading row
//! with two columns of one heading is refused, naming both cells.

use serde_json::Value;

use crate::{fixtures, says, selfreview};

fn import(file: &str) -> assert_cmd::assert::Assert {
    selfreview()
        .args(["import", "--as-of", "2026-11-01", "--kind", "filtering"])
        .arg(fixtures().join("evidence").join(file))
        .assert()
}

#[test]
fn a_hidden_sheet_is_not_read_and_is_said_so() {
    let out = import("filtering-terms.xlsx").success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    says(
        &text,
        &[
            "sheets Autumn 2025, Spring 2026, Summer 2026,",
            "sheets not read: old 2019 (it is hidden in the workbook, so it is not read as evidence",
        ],
    );
    let json = selfreview()
        .args([
            "--json",
            "import",
            "--as-of",
            "2026-11-01",
            "--kind",
            "filtering",
        ])
        .arg(fixtures().join("evidence/filtering-terms.xlsx"))
        .assert()
        .success();
    let doc: Value = serde_json::from_slice(&json.get_output().stdout).expect("JSON");
    let f = &doc["metrics"]["filtering"];
    assert_eq!(
        f["checks"], 2,
        "the 12 months hold the spring and summer checks: {f}"
    );
    assert_eq!(
        f["failed"], 0,
        "the hidden sheet's failures are not counted: {f}"
    );
}

#[test]
fn a_terms_sheet_with_a_column_more_is_read() {
    let out = import("filtering-terms.xlsx").success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    assert!(
        text.contains("Spring 2026") && text.contains("3 read, 3 used"),
        "{text}"
    );
}

#[test]
fn two_columns_of_one_heading_are_refused_naming_both() {
    let out = import("filtering-two-results.xlsx").failure().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    says(
        &err,
        &[
            "filtering-two-results.xlsx: its heading row on sheet `Checks` is ambiguous: two columns are headed `Result` (C3 and E3)",
        ],
    );
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::write(
        tmp.path().join("log.csv"),
        "Date,What was tested,Result,Checked by,result\n01/10/2026,Proxies,Blocked,IT,Not blocked\n",
    )
    .expect("write");
    let out = selfreview()
        .current_dir(tmp.path())
        .args([
            "import",
            "--as-of",
            "2026-11-01",
            "--kind",
            "filtering",
            "log.csv",
        ])
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    says(&err, &["two columns are headed `Result` (C1 and E1)"]);
}

#[test]
fn two_headings_read_as_one_field_are_refused_until_the_school_names_one() {
    let dir = tempfile::tempdir().expect("temporary folder");
    crate::init_review(dir.path(), &[]).success();
    std::fs::write(
        dir.path().join("evidence/checks.csv"),
        "Date checked,What was tested,Result,Checked by,Outcome\n01/10/2026,Proxies,Blocked,IT,Not blocked\n",
    )
    .expect("write");
    let source = "[[evidence]]\nkind = \"filtering\"\npath = \"evidence/checks.csv\"\n";
    crate::set_sources(dir.path(), source);
    let run = |json: bool| {
        let mut cmd = selfreview();
        cmd.env("SELFREVIEW_TODAY", "2026-11-01")
            .arg("-C")
            .arg(dir.path());
        if json {
            cmd.arg("--json");
        }
        cmd.arg("import").assert()
    };
    let out = run(false);
    let err = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    says(
        &err,
        &[
            "two columns, `Result` (C1) and `Outcome` (E1), both read as the result",
            "(`\"Result\" = \"result\"`)",
        ],
    );
    crate::set_sources(
        dir.path(),
        &format!("{source}\n[evidence.columns]\n\"Outcome\" = \"result\"\n"),
    );
    let out = run(true).success();
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let f = &doc["metrics"]["filtering"];
    assert_eq!(
        (f["checks"].as_u64(), f["failed"].as_u64()),
        (Some(1), Some(1)),
        "the column the school names is read: {f}"
    );
}

#[test]
fn a_log_whose_records_are_only_on_a_hidden_sheet_is_refused_naming_that_sheet() {
    let out = import("filtering-hidden-log.xlsx").failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    says(
        &stderr,
        &[
            "no header row for filtering records was found",
            "It also has a hidden sheet (Log), not read as evidence: unhide the one that holds the records, or name it with `sheet`",
        ],
    );
}

#[test]
fn rows_hidden_or_struck_through_are_set_aside_but_a_failed_check_still_counts() {
    for ext in ["xlsx", "ods"] {
        let out = selfreview()
            .args(["import", "--as-of", "2026-11-01", "--kind", "documents"])
            .arg(fixtures().join(format!("evidence/policy-register-set-aside.{ext}")))
            .assert()
            .success();
        let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
        says(
            &text,
            &[
                "rows: 4 read, 2 used, 2 skipped",
                "skipped Policies, row 3: the row is hidden in the workbook, so it is not read as evidence",
                "skipped Policies, row 4: every filled cell of the row is struck through, so it is taken as crossed out",
            ],
        );
        // Only its name struck through, a row is read as it stands.
        assert!(!text.contains("row 5:"), "{ext}: {text}");
        let out = import(&format!("filtering-set-aside.{ext}")).success();
        let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
        says(
            &text,
            &[
                "skipped Checks, row 3: the row is hidden in the workbook",
                "note Checks, row 4: the row is hidden or struck through in the workbook, but a check that failed or cannot be read is counted all the same",
                "2 checks, 1 finding something that got through",
            ],
        );
    }
}

#[test]
fn rows_set_aside_on_a_later_sheet_or_set_to_no_height_are_skipped_too() {
    use rust_xlsxwriter::{Format, Workbook};
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = tmp.path().join("terms.xlsx");
    let mut wb = Workbook::new();
    let struck = Format::new().set_font_strikethrough();
    for (title, rows) in [
        ("Autumn", vec![("01/12/2025", "Blocked")]),
        (
            "Spring",
            vec![
                ("01/03/2026", "Blocked"),
                ("02/03/2026", "Blocked"),
                ("03/03/2026", "Blocked"),
            ],
        ),
    ] {
        let ws = wb.add_worksheet().set_name(title).expect("sheet name");
        for (c, h) in ["Date checked", "What was tested", "Result"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).expect("heading");
        }
        for (r, (date, result)) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            let format = if title == "Spring" && r == 2 {
                struck.clone()
            } else {
                Format::new()
            };
            ws.write_string_with_format(r, 0, *date, &format)
                .expect("date");
            ws.write_string_with_format(r, 1, "Adult content", &format)
                .expect("what");
            ws.write_string_with_format(r, 2, *result, &format)
                .expect("result");
        }
        if title == "Spring" {
            ws.set_row_hidden(1).expect("hidden row");
            ws.set_row_height(3, 0).expect("a row of no height");
        }
    }
    wb.save(&path).expect("save");
    let out = selfreview()
        .args(["import", "--as-of", "2026-11-01", "--kind", "filtering"])
        .arg(&path)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    says(
        &text,
        &[
            "rows: 4 read, 1 used, 3 skipped",
            "skipped Spring, row 2: the row is hidden in the workbook",
            "skipped Spring, row 3: every filled cell of the row is struck through",
            "skipped Spring, row 4: the row is hidden in the workbook",
        ],
    );
}
