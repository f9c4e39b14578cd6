//! Shares through the binary: a check compares the exact share from the counts, and every
//! output shows it as a whole percent rounded down, so the figure never contradicts the
//! status (179 of 199 is 89.95%: shown as 89%, and it does not meet "9 in 10").

use std::path::Path;

use serde_json::Value;

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
        .find(|c| c.0.ends_with("needs 9 in 10"))
        .expect("the level 2 check");
    assert_eq!(nine_in_ten.1, "not-met", "{checks:?}");
    assert_eq!(nine_in_ten.2, 0.89, "{checks:?}");
    assert!(nine_in_ten.3.ends_with("(89%)"), "{checks:?}");

    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("import")
        .assert()
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).expect("utf-8");
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
        .find(|c| c.0.ends_with("needs 3 in 4"))
        .expect("the level 3 check");
    assert_eq!(three_in_four.1, "not-met", "{checks:?}");
    assert_eq!(three_in_four.2, 0.74, "{checks:?}");
    // Exactly three in four meets it.
    let tmp = tempfile::tempdir().expect("temporary folder");
    review(tmp.path(), 150, 200, 3);
    let checks = pupil_checks(tmp.path());
    let met = checks
        .iter()
        .find(|c| c.0.ends_with("needs 3 in 4"))
        .expect("the check");
    assert_eq!((met.1.as_str(), met.2), ("met", 0.75), "{checks:?}");
    assert!(met.3.ends_with("(75%)"), "{checks:?}");
}
