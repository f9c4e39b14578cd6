//! The registers at their edges, through the binary: review dates under any merged heading
//! in every format, the register's own due date in every output, a document both overdue
//! and reviewed too long ago, a row copied twice, a Signed column of marks, agreement dates
//! that cannot be read, and blank templates that hold no records.

use std::path::Path;

use serde_json::Value;

use crate::{aspect_json, filled_workbook, fixtures, init_review, selfreview, set_sources};

/// `import --as-of 2026-12-01 --kind KIND FILE`, as JSON and as text, with the findings.
fn import(kind: &str, file: &str) -> (Value, String, String) {
    let run = |json: bool| {
        let mut cmd = selfreview();
        cmd.current_dir(fixtures().join("evidence"));
        if json {
            cmd.arg("--json");
        }
        cmd.args(["import", "--as-of", "2026-12-01", "--kind", kind, file])
            .assert()
            .success()
            .get_output()
            .clone()
    };
    let json = run(true);
    let text = run(false);
    (
        serde_json::from_slice(&json.stdout).expect("JSON"),
        String::from_utf8(text.stdout).expect("utf-8"),
        String::from_utf8(text.stderr).expect("utf-8"),
    )
}

fn texts<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|x| x[key].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn review_dates_under_a_merged_heading_read_alike_from_xlsx_xls_ods_and_csv() {
    for file in [
        "policy-review-dates.xlsx",
        "policy-review-dates.xls",
        "policy-review-dates.ods",
        "policy-review-dates.csv",
    ] {
        let (doc, text, stderr) = import("documents", file);
        let source = &doc["sources"][0];
        let fields: Vec<&str> = texts(&source["columns"], "field");
        assert_eq!(
            fields,
            vec![
                "document",
                "owner",
                "approved-by",
                "last-reviewed",
                "next-review",
                "kept"
            ],
            "{file}"
        );
        let documents = &doc["metrics"]["documents"]["documents"];
        assert_eq!(
            texts(documents, "name"),
            vec![
                "E-Safety Policy 2024-25",
                "Acceptable Use Policy",
                "Filtering and monitoring review 2026",
                "Data Protection Policy"
            ],
            "{file}: the copied row is listed once"
        );
        // The copy names the row it repeats; the Total row and the printed footer are
        // footers.
        let first = if file.ends_with(".csv") { 4 } else { 6 };
        assert_eq!(
            texts(&source["skipped"], "reason"),
            vec![
                format!("the same document with the same dates as row {first}: taken once")
                    .as_str(),
                "a note or footer row",
                "a note or footer row"
            ],
            "{file}"
        );
        // Reviewed 03/02/2025 and due (the register says) by the end of September 2026:
        // overdue by the register's date, and older than the framework's 12 months.
        let late = &documents[0];
        assert_eq!(late["due"], "2026-09-30", "{file}");
        assert_eq!(late["due_computed"], false, "{file}");
        assert_eq!(late["standing"], "overdue", "{file}");
        assert_eq!(late["overdue"], true, "{file}");
        assert_eq!(late["stale_after_months"], 12, "{file}");
        assert!(
            text.contains("out of date: “E-Safety Policy 2024-25” (review was due 30/09/2026; last reviewed 03/02/2025, more than 12 months ago)"),
            "{file}: {text}"
        );
        assert!(
            text.contains("documents: 4 listed, 1 overdue, 1 reviewed too long ago"),
            "{file}: {text}"
        );
        for code in ["document-review-overdue", "document-review-stale"] {
            assert!(
                stderr.contains(&format!("warning[{code}]: “E-Safety Policy 2024-25”")),
                "{file}: {code}: {stderr}"
            );
        }
        assert!(
            stderr.contains("was due for review on 30/09/2026"),
            "{file}: {stderr}"
        );
        // With no next review date in the register, the framework's interval gives one,
        // and every output says it was worked out.
        assert_eq!(documents[2]["due"], "2027-10-01", "{file}");
        assert_eq!(documents[2]["due_computed"], true, "{file}");
    }
}

#[test]
fn a_signed_column_of_marks_counts_each_person_and_a_bad_date_still_counts() {
    let (doc, text, _) = import("agreements", "agreements-marked.xlsx");
    let source = &doc["sources"][0];
    assert_eq!(source["rows_used"], 7, "{source}");
    assert_eq!(source["skipped"], serde_json::json!([]), "{source}");
    assert_eq!(
        texts(&source["noted"], "reason"),
        vec!["the cell is not a real date; counted as not shown signed this school year"]
    );
    assert_eq!(texts(&source["noted"], "place"), vec!["AUA!D5"]);
    let groups = &doc["metrics"]["agreements"];
    // Y, a TRUE cell and a date cell signed; a blank did not; the tick whose date cannot
    // be read stays among the five pupils, not shown signed.
    assert_eq!(texts(groups, "group"), vec!["pupils", "staff"]);
    assert_eq!(
        (groups[0]["signed"].as_u64(), groups[0]["of"].as_u64()),
        (Some(3), Some(5))
    );
    assert_eq!(
        (groups[1]["signed"].as_u64(), groups[1]["of"].as_u64()),
        (Some(1), Some(2))
    );
    assert!(
        text.contains("pupils 3 of 5 (60%), staff 1 of 2 (50%)"),
        "{text}"
    );
    let shown = format!("{doc}{text}");
    for name in ["Alfie", "Quennell", "Xanthe", "Ingleby", "Venkataraman"] {
        assert!(!shown.contains(name), "{name} was shown");
    }
}

/// A review whose every evidence source is the blank template `init` wrote, with levels
/// claimed and nothing cited.
fn blank_review(dir: &Path) {
    init_review(dir, &[]).success();
    let mut sources = String::new();
    for (kind, file) in [
        ("training", "training-records.xlsx"),
        ("incidents", "incident-log.xlsx"),
        ("meetings", "meeting-register.xlsx"),
        ("documents", "policy-register.xlsx"),
        ("agreements", "acceptable-use-agreements.xlsx"),
        ("filtering", "filtering-checks.xlsx"),
        ("surveys", "surveys.xlsx"),
        ("engagement", "parent-engagement.xlsx"),
    ] {
        assert!(dir.join("evidence").join(file).is_file(), "{file} written");
        sources.push_str(&format!(
            "[[evidence]]\nkind = \"{kind}\"\npath = \"evidence/{file}\"\n\n"
        ));
    }
    set_sources(dir, &sources);
    let commentary = "The group has set this up and checks it each term, so that staff, pupils and parents know what to do and the governors see how it is going through the year.";
    let rows: Vec<(&str, u8, &str, &str)> = ["A2.3", "B4.1", "C1.1", "C1.3"]
        .iter()
        .map(|code| (*code, 2, commentary, ""))
        .collect();
    filled_workbook(&dir.join("scores/osl.xlsx"), "OSL", &rows);
}

#[test]
fn import_says_blank_templates_hold_no_records_yet() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    blank_review(dir);
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("import")
        .assert()
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for (kind, file) in [
        ("training", "training-records.xlsx"),
        ("filtering", "filtering-checks.xlsx"),
        ("surveys", "surveys.xlsx"),
        ("engagement", "parent-engagement.xlsx"),
        ("agreements", "acceptable-use-agreements.xlsx"),
        ("documents", "policy-register.xlsx"),
    ] {
        assert!(
            text.contains(&format!(
                "  {kind}: no records yet: evidence/{file} holds none\n"
            )),
            "{kind}: {text}"
        );
    }
    assert!(!text.contains("no check in"), "{text}");
    let json = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "import"])
        .assert()
        .success()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let metrics = &doc["metrics"];
    assert_eq!(
        metrics["no_records_yet"]["filtering"],
        serde_json::json!(["evidence/filtering-checks.xlsx"])
    );
    for kind in [
        "filtering",
        "surveys",
        "engagement",
        "agreements",
        "documents",
    ] {
        assert_eq!(metrics[kind], Value::Null, "{kind}");
    }
}

#[test]
fn an_aspect_backed_only_by_blank_templates_is_unevidenced_naming_them() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    blank_review(dir);
    let scored = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert()
        .success()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&scored.stdout).expect("JSON");
    let plain = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("score")
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(plain.stderr).expect("utf-8");
    for code in ["A2.3", "B4.1", "C1.3"] {
        assert_eq!(aspect_json(&doc, code)["unevidenced"], true, "{code}");
    }
    assert_eq!(
        aspect_json(&doc, "C1.3")["empty_records"],
        serde_json::json!(["evidence/policy-register.xlsx"])
    );
    assert!(
        stderr.contains("warning[aspect-unevidenced]: Technical Security (C1.3) is at level 2 with no evidence behind it: none is cited, and the evidence/policy-register.xlsx file holds no records"),
        "{stderr}"
    );
    assert!(
        stderr.contains("none is cited, and the evidence/surveys.xlsx and evidence/parent-engagement.xlsx files hold no records"),
        "{stderr}"
    );
    // A check on an empty template says so, rather than counting nothing.
    let facts: Vec<&str> = aspect_json(&doc, "C1.1")["evidence_checks"]
        .as_array()
        .map(|c| {
            c.iter()
                .filter_map(|x| x["fact"].as_str().or(x["detail"].as_str()))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        facts.contains(&"the filtering check logs imported hold no records"),
        "{facts:?}"
    );
    assert!(
        facts
            .iter()
            .all(|f| !f.contains("no filtering check was recorded")),
        "{facts:?}"
    );
}

#[test]
fn the_report_says_blank_templates_hold_no_records_yet() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    blank_review(dir);
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    let html = html.replace("&#x2f;", "/");
    assert!(
        html.contains("No records yet: the log of filtering checks imported holds none."),
        "filtering"
    );
    assert!(
        html.contains("No records yet: the incident logs imported hold none."),
        "incidents"
    );
    assert!(
        html.contains("No evidence stands behind this level: none is cited, and the evidence/policy-register.xlsx file holds no records."),
        "unevidenced"
    );
    assert!(!html.contains("No check was recorded"), "filtering terms");
}

#[test]
fn a_meeting_copied_onto_a_second_row_counts_once() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let file = tmp.path().join("meetings.csv");
    std::fs::write(
        &file,
        "Date,Group,Attended,Items\n\
         10/09/2026,Online Safety Group,OSL; DSL; Head,Filtering review\n\
         15/10/2026,Online Safety Group,OSL; DSL,Policy\n\
         10/09/2026,Online Safety Group,OSL; DSL; Head,Filtering review\n\
         10/09/2026,Online Safety Group,OSL; DSL; Head,Survey results\n",
    )
    .expect("written");
    let out = selfreview()
        .args([
            "--json",
            "import",
            "--as-of",
            "2026-12-01",
            "--kind",
            "meetings",
        ])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let source = &doc["sources"][0];
    assert_eq!(
        texts(&source["skipped"], "reason"),
        vec!["the same meeting as row 2: taken once"]
    );
    assert_eq!(texts(&source["skipped"], "place"), vec!["row 4"]);
    // A second row of the same day about something else is kept: its items count.
    assert_eq!(source["rows_used"], 3, "{doc}");
}
