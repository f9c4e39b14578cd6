//! Shares through the binary: a check compares the exact share from the counts, and every
//! output shows it as a whole percent rounded down, so the figure never contradicts the
//! status (179 of 199 is 89.95%: shown as 89%, and it does not meet "9 in 10").

use std::path::Path;

use serde_json::Value;

use crate::says;
use crate::stdout_of;
use crate::{aspect_json, filled_workbook, init_review, selfreview, set_sources};

/// A review whose agreements register holds `returned` of `on_roll` pupils, with A2.2
/// claimed at `level`.
fn review(dir: &Path, returned: u32, on_roll: u32, level: u8) {
    init_review(dir, &[]).success();
    std::fs::write(
        dir.join("evidence/returns.csv"),
        format!(
            "Class,Returned,Number on roll,Date counted\nYear 1,{returned},{on_roll},18/09/2026\n"
        ),
    )
    .expect("write the register");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"agreements\"\npath = \"evidence/returns.csv\"\n\n",
    );
    let commentary = "Every pupil signs the agreement each September, class teachers chase the missing returns, and the group checks the count each term.";
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A2.2", level, commentary, "")],
    );
}

/// The A2.2 pupil checks as (needs, status, value, fact).
fn pupil_checks(dir: &Path) -> Vec<(String, String, f64, String)> {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    aspect_json(&doc, "A2.2")["evidence_checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["rule"].as_str().unwrap_or("").contains("pupils"))
        .map(|c| {
            (
                c["needs"].as_str().unwrap_or("").to_string(),
                c["status"].as_str().unwrap_or("").to_string(),
                c["value"].as_f64().unwrap_or(-1.0),
                c["fact"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn a_share_just_below_its_threshold_does_not_meet_it_and_is_not_shown_rounded_up() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    review(dir, 179, 199, 2);
    let checks = pupil_checks(dir);
    let nine_in_ten = checks
        .iter()
        .find(|c| {
            c.0.ends_with("needs 9 in 10 pupils signed this school year")
        })
        .expect("the level 2 check");
    assert_eq!(nine_in_ten.1, "not-met", "{checks:?}");
    assert_eq!(nine_in_ten.2, 0.89, "{checks:?}");
    assert!(nine_in_ten.3.ends_with("(89%)"), "{checks:?}");

    let text = stdout_of(dir, &["import"]);
    assert!(text.contains("pupils 179 of 199 (89%)"), "{text}");
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "import"])
        .assert()
        .success()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["metrics"]["agreements"][0]["share"], 0.89);
}

#[test]
fn three_quarters_means_three_quarters_not_seventy_four_and_a_half_percent() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    review(dir, 149, 200, 3);
    let checks = pupil_checks(dir);
    let three_in_four = checks
        .iter()
        .find(|c| c.0.ends_with("needs 3 in 4 pupils signed this school year"))
        .expect("the level 3 check");
    assert_eq!(three_in_four.1, "not-met", "{checks:?}");
    assert_eq!(three_in_four.2, 0.74, "{checks:?}");
    // Exactly three in four meets it.
    let tmp = tempfile::tempdir().expect("temporary folder");
    review(tmp.path(), 150, 200, 3);
    let checks = pupil_checks(tmp.path());
    let met = checks
        .iter()
        .find(|c| c.0.ends_with("needs 3 in 4 pupils signed this school year"))
        .expect("the check");
    assert_eq!((met.1.as_str(), met.2), ("met", 0.75), "{checks:?}");
    assert!(met.3.ends_with("(75%)"), "{checks:?}");
}

/// A review whose agreements register is the fixture `file`, with A2.2 claimed at level 2,
/// run through import (text and JSON), score, report and pack: (import text, import
/// stderr, import JSON, the A2.2 staff check, report.html, the pack's agreements.csv).
fn agreements_everywhere(file: &str) -> (String, String, Value, Value, String, String) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::copy(
        crate::fixtures().join("evidence").join(file),
        dir.join("evidence").join(file),
    )
    .expect("copy the register");
    // The pupil list gives the pack's guard the names to look for.
    std::fs::write(
        dir.join("evidence/pupil-list.csv"),
        "Forename,Surname\nAmy,Lee\n",
    )
    .expect("write the pupil list");
    set_sources(
        dir,
        &format!(
            "[[evidence]]\nkind = \"agreements\"\npath = \"evidence/{file}\"\n\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupil-list.csv\"\n\n"
        ),
    );
    let commentary = "Every member of staff signs the agreement each September at the first staff meeting, and the office chases anyone who has not signed by half term.";
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A2.2", 2, commentary, "")],
    );
    let run = |args: &[&str]| {
        selfreview()
            .arg("-C")
            .arg(dir)
            .args(args)
            .assert()
            .get_output()
            .clone()
    };
    let import = run(&["import"]);
    let json: Value = serde_json::from_slice(&run(&["--json", "import"]).stdout).expect("JSON");
    let score: Value = serde_json::from_slice(&run(&["--json", "score"]).stdout).expect("JSON");
    let staff = aspect_json(&score, "A2.2")["evidence_checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["rule"].as_str().unwrap_or("").contains("staff"))
        .expect("the staff check")
        .clone();
    run(&["report"]);
    let html = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    let packed = run(&["pack"]);
    assert!(
        packed.status.success(),
        "{}",
        String::from_utf8_lossy(&packed.stderr)
    );
    let zip = std::fs::read_dir(dir.join("out"))
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "zip"))
        .expect("a pack");
    let csv = crate::handover::entry(&zip, "evidence-summary/agreements.csv");
    (
        String::from_utf8(import.stdout).expect("utf-8"),
        String::from_utf8(import.stderr).expect("utf-8"),
        json,
        staff,
        html,
        csv,
    )
}

#[test]
fn a_signed_column_of_dates_gives_one_reading_in_every_output() {
    let (text, stderr, json, staff, html, csv) =
        agreements_everywhere("agreements-signed-dates.csv");
    // Seven people: the two who signed this school year (05/09/2026 and "Sept 2026"),
    // and the blank, last July's date, the tick with no date, the day that does not
    // exist and the term, each still one of the group. The Total row is a footer.
    says(
        &text,
        &[
            "staff 2 of 7 (28%)",
            "staff: Teacher 2 of 6, TA 0 of 1",
            "note row 8, column C: the cell is not a real date; counted as not shown signed this school year",
            "note row 9, column C: the cell is not a date; counted as not shown signed this school year",
            "1 skipped",
        ],
    );
    assert!(!text.contains("a count"), "{text}");
    assert!(!stderr.contains("column-not-recognised"), "{stderr}");
    assert!(
        stderr.contains("evidence/agreements-signed-dates.csv: row 7, column C: warning[agreement-dates-unreadable]: 3 people in the register are counted in their group but not as signed this school year, as the date of signing cannot be read or is missing (row 7, column C; row 8, column C; row 9, column C)"),
        "{stderr}"
    );
    let staff_json = &json["metrics"]["agreements"][0];
    assert_eq!(
        (staff_json["signed"].as_u64(), staff_json["of"].as_u64()),
        (Some(2), Some(7)),
        "{staff_json}"
    );
    assert_eq!(staff_json["dates_recorded"], true);
    assert_eq!(staff["status"], "not-met", "{staff}");
    assert!(
        staff["fact"]
            .as_str()
            .unwrap_or("")
            .starts_with("2 of 7 staff signed"),
        "{staff}"
    );
    assert!(html.contains("2 of 7 (28%)"), "the report agrees");
    says(
        &csv,
        &["staff,Teacher,2,6,2026-09-01", "staff,TA,0,1,2026-09-01"],
    );
}

#[test]
fn a_register_of_marks_with_no_dates_says_who_signed_is_not_known_in_every_output() {
    let (text, stderr, json, staff, html, csv) =
        agreements_everywhere("agreements-undated-marks.csv");
    assert!(stderr.contains("column-not-recognised"), "{stderr}");
    assert!(
        text.contains(
            "staff 3 people, who signed this school year not known (no dates of signing recorded)"
        ),
        "{text}"
    );
    assert!(!text.contains("0 of 3"), "{text}");
    assert_eq!(json["metrics"]["agreements"][0]["dates_recorded"], false);
    assert_eq!(staff["status"], "evidence-needed", "{staff}");
    assert!(
        html.contains("3 people; who signed this school year is not known"),
        "the report agrees"
    );
    assert!(!html.contains("0 of 3"), "the report agrees");
    assert!(csv.contains("staff,Teacher,not known,2,"), "{csv}");
    assert!(
        !csv.contains("not recorded"),
        "one wording in every output: {csv}"
    );
}
