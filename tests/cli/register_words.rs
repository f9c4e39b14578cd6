//! What the registers' words are taken to say, through the binary: filtering results that
//! qualify "blocked", checks that were not made, yes/no columns read by their heading's
//! question, logs kept one sheet per term, documents not in force or not documents at
//! all, the review date over the approval date, review frequencies, section headings,
//! and messages that quote long cells.

use std::path::Path;

use serde_json::Value;

use crate::{says, selfreview};

/// `import` of `file` (written from `csv`) as `kind`: the JSON, the text and the warnings.
pub(crate) fn import_file(kind: &str, dir: &Path, file: &str) -> (Value, String, String) {
    let run = |json: bool| {
        let mut cmd = selfreview();
        cmd.current_dir(dir);
        if json {
            cmd.arg("--json");
        }
        cmd.args(["import", "--as-of", "2026-11-01", "--kind", kind, file])
            .assert()
            .success()
            .get_output()
            .clone()
    };
    let (json, text) = (run(true), run(false));
    (
        serde_json::from_slice(&json.stdout).expect("JSON"),
        String::from_utf8(text.stdout).expect("utf-8"),
        String::from_utf8(text.stderr).expect("utf-8"),
    )
}

pub(crate) fn import_csv(kind: &str, csv: &str) -> (Value, String, String) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::write(tmp.path().join("log.csv"), csv).expect("write the log");
    import_file(kind, tmp.path(), "log.csv")
}

fn figures(doc: &Value) -> (u64, u64, u64) {
    let f = &doc["metrics"]["filtering"];
    let n = |k: &str| f[k].as_u64().unwrap_or(u64::MAX);
    (n("checks"), n("failed"), n("unclear"))
}

#[test]
fn a_filtering_result_that_qualifies_blocked_is_no_pass() {
    let (doc, text, _) = import_csv(
        "filtering",
        "Date checked,What was tested,Result,Checked by\n\
         03/12/2025,Adult content,Blocked ❌,IT\n\
         15/01/2026,Gambling,Blocked 9/10,IT\n\
         10/02/2026,Self-harm,9 of 10 blocked,IT\n\
         20/04/2026,Extremism,All blocked bar one,IT\n\
         21/05/2026,Social media,\"Blocked, YouTube available\",IT\n\
         10/06/2026,Proxies,Blocked - 2 sites missed,IT\n\
         11/06/2026,VPN,Blocked. Note: guest wifi unfiltered,IT\n\
         12/06/2026,Games,Working,IT\n\
         13/06/2026,Adult content,All sites fully blocked (10/10),IT\n",
    );
    assert_eq!(figures(&doc), (9, 7, 1), "{text}");
    says(
        &text,
        &[
            "9 checks, 7 finding something that got through, 1 with a result that does not say whether the filter held",
            "Result does not say whether the filter blocked the content; not counted as a pass",
        ],
    );
}

#[test]
fn a_row_saying_the_check_was_not_made_is_no_check() {
    let (doc, text, _) = import_csv(
        "filtering",
        "Date checked,What was tested,Result\n\
         03/12/2025,Termly check,Not done\n\
         15/03/2026,Termly check,Cancelled\n\
         10/06/2026,Termly check,Missed - technician off sick\n\
         11/06/2026,Proxies,Missed 2 sites\n",
    );
    assert_eq!(figures(&doc), (1, 1, 0), "{text}");
    says(
        &text,
        &[
            "skipped row 2, column C: Result says \"not done\": the check was not made; not counted as a check",
            "skipped row 4, column C: Result says \"missed\": the check was not made",
        ],
    );
}

#[test]
fn a_yes_or_no_answers_the_question_its_heading_asks() {
    let rows = "05/12/2025,Adult content,Y\n10/02/2026,Gambling,Yes\n10/05/2026,Self-harm,N\n";
    let (doc, _, _) = import_csv(
        "filtering",
        &format!("Date,Site tested,Accessible?\n{rows}"),
    );
    assert_eq!(figures(&doc), (3, 2, 0), "reachable: yes is a fail");
    let (doc, _, _) = import_csv(
        "filtering",
        &format!("Date,Site tested,Was it blocked?\n{rows}"),
    );
    assert_eq!(figures(&doc), (3, 1, 0), "blocked: yes is a pass");
    let (doc, _, _) = import_csv("filtering", &format!("Date,Site tested,Result\n{rows}"));
    assert_eq!(
        figures(&doc),
        (3, 0, 3),
        "a bare yes or no under Result says neither"
    );
}

#[test]
fn the_help_for_an_unrecognised_result_column_names_the_likely_one() {
    let (_, _, stderr) = import_csv(
        "filtering",
        "Date of test,Search term,Outcome of the test\n05/12/2025,x,Blocked\n",
    );
    says(&stderr, &["(`\"Outcome of the test\" = \"result\"`)"]);
}

#[test]
fn a_log_kept_one_sheet_per_term_is_read_whole_and_other_sheets_are_named() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, date, result) in [
        ("Autumn", "05/12/2025", "Blocked"),
        ("Spring", "10/02/2026", "Not blocked"),
        ("Summer", "10/06/2026", "Not blocked"),
    ] {
        let sheet = wb.add_worksheet().set_name(name).expect("name");
        for (c, h) in ["Date checked", "What was tested", "Result"]
            .iter()
            .enumerate()
        {
            sheet.write(0, c as u16, *h).expect("write");
        }
        for (c, v) in [date, "Adult content", result].iter().enumerate() {
            sheet.write(1, c as u16, *v).expect("write");
        }
    }
    let notes = wb.add_worksheet().set_name("Notes").expect("name");
    notes.write(0, 0, "How to fill in this log").expect("write");
    wb.save(tmp.path().join("log.xlsx")).expect("save");
    let (doc, text, _) = import_file("filtering", tmp.path(), "log.xlsx");
    assert_eq!(figures(&doc), (3, 2, 0), "{text}");
    says(
        &text,
        &[
            "(filtering, sheets Autumn, Spring, Summer, header on row 1)",
            "sheets not read: Notes (no headings of filtering records were found on it)",
        ],
    );
}

#[test]
fn drafts_withdrawn_and_superseded_documents_and_non_documents_back_no_topic() {
    let (doc, text, _) = import_csv(
        "documents",
        "Policy,Status,Last reviewed,Next review\n\
         SAFEGUARDING POLICIES,,,\n\
         Online Safety Policy (DRAFT - not yet approved),Draft,01/10/2026,01/10/2027\n\
         Acceptable Use Agreements,Withdrawn - no longer used,01/10/2026,01/10/2027\n\
         Filtering and Monitoring Review,Superseded,01/10/2026,01/10/2027\n\
         Web filtering contract,Current,01/10/2026,01/10/2027\n\
         Data protection breach log,Current,01/10/2026,01/10/2027\n\
         Acceptable use poster,Current,01/10/2026,01/10/2027\n\
         Curriculum map (maths),Current,01/10/2026,01/10/2027\n\
         Social Media Policy,Approved,01/10/2026,01/10/2027\n",
    );
    let documents = doc["metrics"]["documents"]["documents"]
        .as_array()
        .expect("a list");
    let topics: Vec<(&str, usize)> = documents
        .iter()
        .map(|d| {
            (
                d["name"].as_str().unwrap_or(""),
                d["topics"].as_array().map_or(9, Vec::len),
            )
        })
        .collect();
    assert_eq!(
        topics,
        vec![
            ("Web filtering contract", 0),
            ("Data protection breach log", 0),
            ("Acceptable use poster", 0),
            ("Curriculum map (maths)", 0),
            ("Social Media Policy", 1),
        ],
        "{text}"
    );
    says(
        &text,
        &[
            "`SAFEGUARDING POLICIES` stands alone in its row: a section heading, not a record",
            "Online Safety Policy (DRAFT - not yet approved) is a draft, as its status says; a document not in force backs no check, so it is not listed",
            "Acceptable Use Agreements is withdrawn",
            "Filtering and Monitoring Review is superseded",
        ],
    );
}

#[test]
fn the_last_review_is_the_review_date_and_a_frequency_column_sets_when_it_is_due() {
    let (doc, text, _) = import_csv(
        "documents",
        "Policy,Date approved,Last reviewed,Review frequency,Next review\n\
         Online Safety Policy,01/10/2026,01/10/2023,,\n\
         Images Policy,01/09/2025,,Annually,\n\
         Social Media Policy,,01/03/2026,Termly,\n\
         Mobile Devices Policy,,01/09/2025,,Every twelve months\n\
         Staff Code of Conduct,,01/09/2025,,Annually or sooner if needed\n",
    );
    let documents = doc["metrics"]["documents"]["documents"]
        .as_array()
        .expect("a list");
    let dates: Vec<(&str, &str)> = documents
        .iter()
        .map(|d| {
            (
                d["last_reviewed"].as_str().unwrap_or(""),
                d["due"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        dates,
        vec![
            ("2023-10-01", "2024-10-01"),
            ("2025-09-01", "2026-09-01"),
            ("2026-03-01", "2026-07-01"),
            ("2025-09-01", "2026-09-01"),
            ("2025-09-01", "2026-09-01"),
        ],
        "{text}"
    );
    assert!(!text.contains("not used: Last reviewed"), "{text}");
}

#[test]
fn a_long_cell_is_quoted_short_and_an_impossible_day_is_named() {
    // A cell that reads as dates throughout is quoted, cut short; one of other words is
    // never quoted at all.
    let long = "31/02/2026 ".repeat(500);
    let (_, text, _) = import_csv(
        "filtering",
        &format!("Date checked,What was tested,Result\n{long},x,Blocked\n"),
    );
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 200, "a line of {longest} characters");
    says(&text, &["2026 31/…` is not a real date"]);
    let out = selfreview()
        .args([
            "import",
            "--kind",
            "filtering",
            "log.csv",
            "--as-of",
            "2026-02-30",
        ])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    says(
        &stderr,
        &["February 2026 has 28 days: it is not a real day"],
    );
}
