//! The registers at their edges, through the binary: review dates under any merged heading
//! in every format, the register's own due date in every output, a document both overdue
//! and reviewed too long ago, a row copied twice, a Signed column of marks, agreement dates
//! that cannot be read, and blank templates that hold no records.

use std::path::Path;

use serde_json::Value;

use crate::says;
use crate::stdout_of;
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
    // The class "Oak" says nothing of who it is: its row is not counted as anyone.
    assert_eq!(source["rows_used"], 6, "{source}");
    assert_eq!(texts(&source["skipped"], "place"), vec!["AUA!B4"]);
    assert_eq!(
        texts(&source["noted"], "reason"),
        vec!["the cell is not a real date; counted as not shown signed this school year"]
    );
    assert_eq!(texts(&source["noted"], "place"), vec!["AUA!D5"]);
    let groups = &doc["metrics"]["agreements"];
    // Y, a TRUE cell and a date cell signed; the tick whose date cannot be read stays
    // among the four pupils, not shown signed.
    assert_eq!(texts(groups, "group"), vec!["pupils", "staff"]);
    assert_eq!(
        (groups[0]["signed"].as_u64(), groups[0]["of"].as_u64()),
        (Some(3), Some(4))
    );
    assert_eq!(
        (groups[1]["signed"].as_u64(), groups[1]["of"].as_u64()),
        (Some(1), Some(2))
    );
    assert!(
        text.contains("pupils 3 of 4 (75%), staff 1 of 2 (50%)"),
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
    let text = stdout_of(dir, &["import"]);
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
    says(
        &stderr,
        &[
            "warning[aspect-unevidenced]: Technical Security (C1.3) is at level 2 with no evidence behind it: none is cited, and the evidence/policy-register.xlsx file holds no records",
            "none is cited, and the evidence/surveys.xlsx and evidence/parent-engagement.xlsx files hold no records",
        ],
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

/// The A2.1 check's status and fact, and the import's lines, for an online safety policy
/// last reviewed on `last` in a review dated 01/11/2026.
fn reviewed_on(last: &str) -> (String, String, String) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::write(
        dir.join("evidence/policies.csv"),
        format!("Document,Owner,Last reviewed,Next review\nOnline Safety Policy,OSL,{last},\n"),
    )
    .expect("write the register");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"documents\"\npath = \"evidence/policies.csv\"\n\n",
    );
    let commentary = "The policy is reviewed by the group every year, approved by governors, and shared with staff, pupils and parents each September.";
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A2.1", 2, commentary, "")],
    );
    let out = selfreview()
        .env("SELFREVIEW_TODAY", "2026-11-01")
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let check = aspect_json(&doc, "A2.1")["evidence_checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| {
            c["metric"] == "documents.reviewed"
                && c["needs"].as_str().unwrap_or("").starts_with("level 2 ")
        })
        .expect("the review check")
        .clone();
    let out = selfreview()
        .env("SELFREVIEW_TODAY", "2026-11-01")
        .arg("-C")
        .arg(dir)
        .arg("import")
        .assert()
        .get_output()
        .clone();
    (
        check["status"].as_str().unwrap_or("").to_string(),
        check["fact"].as_str().unwrap_or("").to_string(),
        String::from_utf8(out.stdout).expect("utf-8"),
    )
}

#[test]
fn a_review_exactly_a_year_ago_is_due_today_in_the_register_and_met_in_the_checks() {
    let (status, fact, text) = reviewed_on("01/11/2025");
    assert_eq!(status, "met", "{fact}");
    says(
        &text,
        &[
            "0 reviewed too long ago",
            "due soon: “Online Safety Policy” (by 01/11/2026",
        ],
    );
    // A day earlier, it is too old everywhere.
    let (status, fact, text) = reviewed_on("31/10/2025");
    assert_eq!(status, "not-met", "{fact}");
    assert!(fact.contains("not within the last year"), "{fact}");
    assert!(text.contains("1 reviewed too long ago"), "{text}");
    // A day later it stands everywhere.
    let (status, _, text) = reviewed_on("02/11/2025");
    assert_eq!(status, "met");
    assert!(text.contains("0 reviewed too long ago"), "{text}");
}

/// `import --kind KIND` of a CSV file holding `csv`, as text.
fn import_csv(kind: &str, csv: &str) -> String {
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::write(tmp.path().join("log.csv"), csv).expect("write the log");
    let out = selfreview()
        .current_dir(tmp.path())
        .args(["import", "--as-of", "2026-12-01", "--kind", kind, "log.csv"])
        .assert()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_number_marked_not_known_keeps_its_row_and_thousands_are_read() {
    let text = import_csv(
        "engagement",
        "Date,Type,What,Parents attended\n01/11/2026,Letter,Letter home about apps and staying safe,n/a\n02/11/2026,Newsletter,Online safety news,-\n03/11/2026,Workshop,Gaming safety,not known\n",
    );
    says(
        &text,
        &[
            "3 used (3 with a note below), 0 skipped",
            "note row 2, column D: attendance `n/a` taken as not known",
            "2 communications",
        ],
    );
    let text = import_csv(
        "surveys",
        "Survey,Who was asked,Date,Responses\nPupil voice,Pupils,01/10/2026,\"1,204\"\nParents,Parents,02/10/2026,n/a\n",
    );
    says(
        &text,
        &[
            "2 used (1 with a note below), 0 skipped",
            "learners 1 (1204 responses)",
        ],
    );
}

#[test]
fn review_dates_that_cannot_both_be_right_are_warned_of_naming_the_row_and_the_column() {
    let (doc, _, stderr) = import("documents", "policy-register-slips.csv");
    // A last review after the review date: the cell, its heading, and what is done.
    says(
        &stderr,
        &[
            "policy-register-slips.csv: row 4, column C: warning[document-review-dates-wrong]: “Filtering and monitoring review”: its last review, 15/12/2026 (“Last reviewed”, column C), is after the review date of 01/12/2026, so it is not taken as a last review anywhere",
            "help: check the year typed in the “Last reviewed” column of this row",
        ],
    );
    // A next review before the last: both columns named, at the next review's cell.
    assert!(
        stderr.contains("policy-register-slips.csv: row 5, column D: warning[document-review-dates-wrong]: “Social media policy”: its next review, 01/06/2025 (“Next review”, column D), is dated before its last review, 01/01/2026 (“Last reviewed”, column C), so one of the two dates is wrong"),
        "{stderr}"
    );
    let documents = &doc["metrics"]["documents"]["documents"];
    assert_eq!(documents[1]["last_reviewed"], Value::Null);
    assert_eq!(documents[1]["reviewed_after"], "2026-12-15");
}

#[test]
fn a_review_frequency_gives_the_due_date_it_says_and_the_note_says_so() {
    let (doc, text, _) = import("documents", "policy-register-slips.csv");
    let noted = texts(&doc["sources"][0]["noted"], "reason");
    assert_eq!(
        noted,
        vec![
            "Online Safety Policy: next review due: `Annually` says how often, not a date: the next review is worked out as 12 months after the last review",
            "Images policy: next review due: `Every 2 years` says how often, not a date: the next review is worked out as 24 months after the last review",
            "Mobile devices policy: next review due: `Termly` says how often, not a date: the next review would be worked out as 4 months after the last review, but the register gives no last review date",
            "Data protection policy: next review due: `Bi-annually` can mean twice a year or every two years, not a date: the next review is worked out as 6 months after the last review, the sooner of the two",
            "Staff code of conduct: next review due: `TBC` is not a date, so its next review is not known and the document is not taken as current",
        ]
    );
    assert!(!text.contains("not tracked"), "{text}");
    let documents = &doc["metrics"]["documents"]["documents"];
    let by_name = |name: &str| {
        documents
            .as_array()
            .expect("documents")
            .iter()
            .find(|d| d["name"] == name)
            .expect(name)
            .clone()
    };
    let policy = by_name("Online Safety Policy");
    assert_eq!(
        (
            &policy["due"],
            &policy["due_computed"],
            &policy["every_months"]
        ),
        (
            &Value::from("2027-09-01"),
            &Value::from(true),
            &Value::from(12)
        )
    );
    // Every two years after 01/10/2024 was 01/10/2026: overdue by the register's own rule.
    let images = by_name("Images policy");
    assert_eq!(images["due"], "2026-10-01");
    assert_eq!(images["standing"], "overdue");
    assert!(
        text.contains("out of date: “Images policy” (review was due 01/10/2026, worked out from the last review"),
        "{text}"
    );
    assert_eq!(by_name("Mobile devices policy")["standing"], "undated");
    assert_eq!(by_name("Data protection policy")["due"], "2026-12-01");
}

#[test]
fn a_document_typed_again_in_another_case_spacing_or_date_form_is_listed_once() {
    let (doc, text, _) = import("documents", "policy-register-slips.csv");
    let source = &doc["sources"][0];
    assert_eq!(
        texts(&source["skipped"], "reason"),
        vec!["the same document with the same dates as row 2: taken once"]
    );
    assert_eq!(texts(&source["skipped"], "place"), vec!["row 3"]);
    let documents = &doc["metrics"]["documents"]["documents"];
    let names = texts(documents, "name");
    assert_eq!(
        names
            .iter()
            .filter(|n| n.eq_ignore_ascii_case("online safety policy"))
            .count(),
        1,
        "{names:?}"
    );
    // The same document with different dates is listed twice, the earlier review
    // replaced by the later.
    let standings: Vec<(&str, &str)> = names
        .iter()
        .zip(texts(documents, "standing"))
        .filter(|(n, _)| n.eq_ignore_ascii_case("staff code of conduct"))
        .map(|(n, s)| (*n, s))
        .collect();
    assert_eq!(
        standings,
        vec![
            ("Staff code of conduct", "replaced"),
            ("Staff Code of Conduct", "current")
        ]
    );
    assert!(text.contains("documents: 8 listed"), "{text}");
}

#[test]
fn a_filtering_result_saying_anything_got_through_fails_and_an_unreadable_one_is_not_a_pass() {
    let (doc, text, _) = import("filtering", "filtering-results.csv");
    let f = &doc["metrics"]["filtering"];
    assert_eq!(
        (
            f["checks"].as_u64(),
            f["failed"].as_u64(),
            f["unclear"].as_u64()
        ),
        (Some(14), Some(11), Some(2)),
        "{f}"
    );
    says(
        &text,
        &[
            "14 checks, 11 finding something that got through, 2 with a result that does not say whether the filter held",
            "note row 14, column C: Result does not say whether the filter blocked the content; not counted as a pass",
            "note row 15, column C: no result recorded; not counted as a pass",
        ],
    );
}

#[test]
fn counts_of_one_are_written_in_the_singular() {
    let text = import_csv(
        "engagement",
        "Date,Type,What,Parents attended\n01/11/2026,Workshop,Gaming safety,12\n02/11/2026,Newsletter,Online safety news,\n",
    );
    assert!(
        text.contains("1 session, attended by 12 parents and carers, 1 communication,"),
        "{text}"
    );
    let text = import_csv(
        "engagement",
        "Date,Type,What,Parents attended\n01/11/2026,Workshop,Gaming safety,12\n03/11/2026,Workshop,Online safety,8\n02/11/2026,Newsletter,Online safety news,\n05/11/2026,Letter,Letter home about apps and staying safe,\n",
    );
    assert!(
        text.contains("2 sessions, attended by 20 parents and carers, 2 communications,"),
        "{text}"
    );
    let text = import_csv(
        "surveys",
        "Survey,Who was asked,Date,Responses\nPupil voice,Pupils,01/10/2026,1\n",
    );
    assert!(text.contains("learners 1 (1 response)"), "{text}");
    let text = import_csv(
        "filtering",
        "Date,What was tested,Result\n02/09/2026,Test site,Blocked\n",
    );
    assert!(text.contains("(12 months): 1 check, 0 finding"), "{text}");
}

#[test]
fn numbers_not_given_in_an_agreements_register_are_neither_errors_nor_noughts() {
    let text = import_csv(
        "agreements",
        "Group,Signed,Out of,Date\nStaff,8,10,05/09/2026\nGovernors,n/a,9,05/09/2026\nYear 7,\"1,204\",\"1,530\",05/09/2026\n",
    );
    says(&text, &["staff 8 of 10 (80%)", "pupils 1204 of 1530 (78%)"]);
    // Not known is no count: the group keeps its number, with none of it shown signed.
    says(
        &text,
        &[
            "governors 0 of 9",
            "note row 3, column B: the count of who signed is marked as not known; its group's number counted with none signed",
        ],
    );
    let text = import_csv(
        "agreements",
        "Name,Role,Signed,Out of,Date\nA Bee,Teacher,Y,n/a,05/09/2026\nC Dee,TA,-,-,\nTotal,,1,,\n",
    );
    says(
        &text,
        &["staff 1 of 2 (50%)", "skipped row 4: a note or footer row"],
    );
}

#[test]
fn a_filtering_result_that_is_qualified_or_asks_a_question_is_never_a_pass() {
    let text = import_csv(
        "filtering",
        "Date checked,What was tested,Result\n\
         01/10/2026,a,Blocked\n\
         02/10/2026,b,OK?\n\
         03/10/2026,c,Blocked on laptops but not on iPads\n\
         04/10/2026,d,Mostly blocked\n\
         05/10/2026,e,Blocked?\n\
         06/10/2026,f,Pass - some images got through\n\
         07/10/2026,g,No issues found except YouTube\n\
         08/10/2026,h,Blocked - NOT\n\
         09/10/2026,i,Not accessible\n",
    );
    assert!(
        text.contains("9 checks, 3 finding something that got through, 4 with a result that does not say whether the filter held"),
        "{text}"
    );
    for (row, typed) in [
        (3, "OK?"),
        (5, "Mostly blocked"),
        (6, "Blocked?"),
        (9, "Blocked - NOT"),
    ] {
        assert!(
            text.contains(&format!("note row {row}, column C: Result does not say whether the filter blocked the content; not counted as a pass"))
                && !text.contains(&format!("`{typed}`")),
            "{typed}: {text}"
        );
    }
}

#[test]
fn a_check_survey_or_session_on_the_anniversary_day_is_within_the_last_year_as_a_review_is() {
    let text = import_csv(
        "filtering",
        "Date checked,What was tested,Result\n01/12/2025,a,Blocked\n30/11/2025,b,Blocked\n",
    );
    assert!(
        text.contains(
            "filtering (12 months): 1 check, 0 finding something that got through, last 01/12/2025"
        ),
        "{text}"
    );
    let text = import_csv(
        "surveys",
        "Date,Who was asked,Responses\n01/12/2025,Parents,20\n30/11/2025,Staff,10\n",
    );
    assert!(
        text.contains("parents 1 (20 responses), staff 0 (0 responses)"),
        "{text}"
    );
    let text = import_csv(
        "engagement",
        "Date,Type,What,Parents attended\n01/12/2025,Workshop,Gaming safety,12\n30/11/2025,Newsletter,Online safety news,\n",
    );
    assert!(
        text.contains(
            "1 session, attended by 12 parents and carers, 0 communications, last 01/12/2025"
        ),
        "{text}"
    );
}

#[test]
fn a_survey_session_or_check_typed_again_is_taken_once_naming_the_first_row() {
    let text = import_csv(
        "engagement",
        "Date,Type,What,Parents attended\n\
         01/11/2026,Newsletter,Online safety newsletter,\n\
         1 Nov 2026,newsletter , online  safety newsletter.,\n\
         2026-11-01,NEWSLETTER,Online Safety Newsletter,\n\
         02/11/2026,Workshop,Gaming safety,\"1,2\"\n\
         03/11/2026,Workshop,Gaming safety,12\n\
         03/11/2026,workshop,gaming safety,12\n",
    );
    says(
        &text,
        &[
            "skipped row 3: the same communication as row 2: taken once",
            "skipped row 4: the same communication as row 2: taken once",
            "skipped row 7: the same session as row 6: taken once",
            "1 communication",
        ],
    );
    let text = import_csv(
        "surveys",
        "Survey,Who was asked,Date,Responses\nPupil voice,Pupils,01/10/2026,\"1,204\"\nPupil voice,pupils,1/10/2026,1204\nPupil voice,Staff,01/10/2026,30\n",
    );
    says(
        &text,
        &[
            "skipped row 3: the same survey as row 2: taken once",
            "learners 1 (1204 responses)",
        ],
    );
    let text = import_csv(
        "filtering",
        "Date checked,What was tested,Result\n01/10/2026,Adult,Blocked\n1 Oct 2026,adult,blocked\n",
    );
    assert!(
        text.contains("skipped row 3: the same filtering check as row 2: taken once"),
        "{text}"
    );
}

#[test]
fn a_person_listed_again_in_an_agreements_register_is_noted_as_counted_once() {
    let text = import_csv(
        "agreements",
        "Name,Group,Date signed\nAmy Lee,Year 3,05/09/2026\namy  lee,Year 3,5 Sept 2026\nBen Hart,Year 3,\nMrs Hall,Teaching staff,02/09/2026\nmrs hall,Teaching Staff,02/09/2026\nMrs Hall,Governors,02/09/2026\n",
    );
    says(
        &text,
        &[
            "6 read, 6 used (2 with a note below)",
            "note row 3: the same person as row 2, in the same group: counted once",
            "note row 6: the same person as row 5, in the same group: counted once",
        ],
    );
    assert!(!text.contains("Amy") && !text.contains("amy"), "{text}");
    assert!(text.contains("pupils 1 of 2 (50%)"), "{text}");
}

#[test]
fn a_cancelled_session_is_skipped_and_one_nobody_attended_does_not_count_as_held() {
    let text = import_csv(
        "engagement",
        "Date,Type,What,Parents attended\n\
         10/10/2026,Workshop,Online safety workshop,0\n\
         11/10/2026,Workshop (cancelled),Online safety workshop,\n\
         12/10/2026,Coffee morning,Online safety,cancelled\n\
         13/10/2026,Parent workshop,Gaming safety,did not run\n\
         14/10/2026,Workshop,Gaming safety,14\n",
    );
    assert!(
        text.contains(
            "skipped row 3, column B: Type says \"cancelled\": it did not take place; not counted"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "skipped row 5, column D: Parents attended says \"did not run\": it did not take place; not counted"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "note row 2, column D: attended by nobody: not counted as a session parents attended"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "1 session, attended by 14 parents and carers; 1 session attended by nobody not counted"
        ),
        "{text}"
    );
}

#[test]
fn numbers_not_known_are_never_nought_and_a_figure_that_is_no_count_keeps_its_row() {
    let text = import_csv(
        "surveys",
        "Survey,Who was asked,Date,Responses\nA,Parents,01/10/2026,n/a\nB,Parents,02/10/2026,-\nC,Staff,03/10/2026,20\nD,Staff,04/10/2026,-5\nE,Staff,05/10/2026,about 200\nF,Pupils,06/10/2026,30+\nG,Pupils,07/10/2026,12.7\nH,Pupils,08/10/2026,1e20\n",
    );
    says(
        &text,
        &[
            "8 read, 8 used (7 with a note below), 0 skipped",
            "note row 5, column D: responses `-5` is not a whole number of people: the row counts without it",
            "note row 6, column D: responses `about 200` is approximate: taken as 200",
            "note row 7, column D: responses `30+` is approximate: taken as 30",
            "note row 9, column D: responses `1e20` is not a whole number of people",
            "learners 3 (30 responses, 2 surveys' not known), parents 2 (responses not known), staff 3 (220 responses, 1 survey's not known)",
        ],
    );
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::write(
        tmp.path().join("s.csv"),
        "Survey,Who was asked,Date,Responses\nA,Parents,01/10/2026,n/a\n",
    )
    .expect("write");
    let out = selfreview()
        .current_dir(tmp.path())
        .args([
            "--json",
            "import",
            "--as-of",
            "2026-12-01",
            "--kind",
            "surveys",
            "s.csv",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let parents = &doc["metrics"]["surveys"][0];
    assert_eq!(parents["responses"], Value::Null, "{parents}");
    assert_eq!(parents["responses_not_known"], 1, "{parents}");
    let text = import_csv(
        "engagement",
        "Date,Type,What,Parents attended\n01/11/2026,Workshop,Gaming safety A,n/a\n02/11/2026,Workshop,Gaming safety B,10\n03/11/2026,Workshop,Gaming safety C,c. 40\n04/11/2026,Workshop,Gaming safety D,2.5\n",
    );
    assert!(
        text.contains("4 sessions, attended by at least 50 parents and carers (2 sessions' attendance not known)"),
        "{text}"
    );
}

#[test]
fn csv_rows_are_numbered_as_a_spreadsheet_program_shows_them_below_blank_lines_and_quoted_breaks() {
    let text = import_csv(
        "training",
        "\u{feff}Training record\r\n\r\nName,Role,Course,Date completed\r\nAnn Lee,Teacher,\"Online safety\r\nlevel 1\",01/09/2026\r\n\r\nBob Hart,TA,Online safety,not yet\r\n",
    );
    says(
        &text,
        &[
            "(training, header on row 3)",
            "note row 7, column D: Bob Hart: `not yet` is not a date",
        ],
    );
    let text = import_csv(
        "incidents",
        "Date,Incident,Category,Action\n\n01/10/2026,\"Pupil shared\nimage\",Sexting,Yes\n\n\nsoon,x,Gaming,Yes\n",
    );
    assert!(
        text.contains("skipped row 7, column A: the cell is not a date"),
        "{text}"
    );
    let text = import_csv(
        "meetings",
        "Meeting register\n\nDate,Meeting,Attendees,Items\n01/10/2026,Online safety group,4,\"Filtering\nreport\"\n\nwhen,Online safety group,4,x\n",
    );
    says(
        &text,
        &[
            "(meetings, header on row 3)",
            "skipped row 7, column A: `when` is not a date",
        ],
    );
    let text = import_csv(
        "agreements",
        "Acceptable use agreements - counts\n\nClass,Number returned,Out of,Date counted\nYear 1,28,30,05/09/2026\n\nYear 5,29,30,31/09/2026\nGrand total,,,\n",
    );
    says(
        &text,
        &[
            "(agreements, header on row 3)",
            "note row 6, column D:",
            "skipped row 7: a note or footer row",
        ],
    );
    let text = import_csv(
        "documents",
        "Policy register\n\nPolicy,Last reviewed,Next review\nOnline Safety Policy,01/09/2025,01/09/2026\n\nImages Policy,01/10/2026,Annually\n",
    );
    assert!(
        text.contains("note row 6, column C: Images Policy"),
        "{text}"
    );
}

#[test]
fn rows_of_totals_under_every_log_are_footers_not_dates_that_cannot_be_read() {
    for (kind, csv) in [
        (
            "surveys",
            "Date,Who was asked,Survey,Responses\n01/10/2026,Parents,A,20\nTotal,,,20\nGrand total,,,20\n",
        ),
        (
            "engagement",
            "Date,Type,What,Parents attended\n01/10/2026,Workshop,A,20\nTotal,,,20\nGrand total,,,20\n",
        ),
        (
            "filtering",
            "Date checked,What was tested,Result\n01/10/2026,A,Blocked\nTotal,1,\nGrand total,1,\n",
        ),
        (
            "meetings",
            "Date,Meeting,Attendees,Items\n01/10/2026,Online safety group,4,Filtering\nTotal,,4,\nGrand total,,4,\n",
        ),
        (
            "incidents",
            "Date,Incident,Category,Action\n01/10/2026,x,Gaming,Yes\nTotal,1,,\nGrand total,1,,\n",
        ),
    ] {
        let text = import_csv(kind, csv);
        assert!(
            text.contains("skipped row 3: a note or footer row"),
            "{kind}: {text}"
        );
        assert!(
            text.contains("skipped row 4: a note or footer row"),
            "{kind}: {text}"
        );
        assert!(!text.contains("is not a date"), "{kind}: {text}");
    }
}

#[test]
fn a_survey_of_several_groups_counts_for_each_and_other_groups_are_shown_in_words() {
    let text = import_csv(
        "surveys",
        "Date,Who was asked,Survey,Responses\n01/10/2026,Staff & governors,Confidence,30\n02/10/2026,Parents and pupils,Home use,100\n03/10/2026,Whole school,Wellbeing,400\n",
    );
    assert!(
        text.contains("governors 1 (30 responses), learners 1 (100 responses), parents 1 (100 responses), staff 1 (30 responses), whole school 1 (400 responses)"),
        "{text}"
    );
    assert!(!text.contains("whole-school"), "{text}");
}

#[test]
fn a_count_of_who_signed_not_known_or_never_saved_is_given_its_own_reason() {
    let (_, text, _) = import("agreements", "agreements-unsaved-formula.xlsx");
    assert!(
        text.contains("note Sheet!B3: the count of who signed is a formula whose value was never saved: open the file in your spreadsheet program, save it there, and import again; its group's number counted with none signed"),
        "{text}"
    );
    let text = import_csv(
        "agreements",
        "Group,Signed,Out of,Date\nStaff,8,10,05/09/2026\nGovernors,n/a,9,05/09/2026\nVolunteers,,4,05/09/2026\n",
    );
    says(
        &text,
        &[
            "note row 3, column B: the count of who signed is marked as not known; its group's number counted with none signed",
            "note row 4, column B: a number in the group but no count of who signed; its group's number counted with none signed",
        ],
    );
}

#[test]
fn a_pupils_name_in_a_document_title_is_an_error_at_its_cell_in_import_and_score() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::write(
        dir.join("evidence/pupils.csv"),
        "Forename,Surname\nAlfie,Brooks\nZainab,Okoro\n",
    )
    .expect("write the pupil list");
    std::fs::write(
        dir.join("evidence/policies.csv"),
        "Policy,Last reviewed,Next review\nOnline Safety Policy,01/09/2026,01/09/2027\nAlfie Brooks behaviour plan,01/10/2026,Termly\n",
    )
    .expect("write the register");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.csv\"\n\n[[evidence]]\nkind = \"documents\"\npath = \"evidence/policies.csv\"\n",
    );
    let said = "evidence/policies.csv: row 3, column A: error[private-name-in-records]: this document title names a pupil; reports show [name removed] in its place";
    for command in ["import", "score"] {
        let out = selfreview()
            .arg("-C")
            .arg(dir)
            .arg(command)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        assert!(stderr.contains(said), "{command}: {stderr}");
        assert!(!stderr.contains("(s)"), "{command}: {stderr}");
        for text in [&stderr, &stdout] {
            assert!(
                !text.contains("Alfie") && !text.contains("Brooks"),
                "{command}: {text}"
            );
        }
    }
}
