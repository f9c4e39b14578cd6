//! The governors' report: each group's expected training share from the framework, what
//! stands in the way listed, and no "0 the year before" when the records start this year.

use crate::{fixtures, init_review, selfreview, set_sources};

#[test]
fn the_governors_report_takes_its_expectations_from_the_framework() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::copy(
        fixtures().join("verdict/half-the-staff-trained.csv"),
        dir.join("evidence/training.csv"),
    )
    .expect("copy");
    std::fs::copy(
        fixtures().join("scope/whole-school-export.csv"),
        dir.join("evidence/export.csv"),
    )
    .expect("copy");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"training\"\npath = \"evidence/training.csv\"\n\n\
         [[evidence]]\nkind = \"incidents\"\npath = \"evidence/export.csv\"\n",
    );
    crate::filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("B2.1", 2, "Staff are trained.", "training.csv")],
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.join("out/governors.html"))
        .expect("governors.html")
        .replace("&#x2f;", "/");
    // Staff at benchmark need nine in ten; governors (B3.1) half.
    assert!(html.contains("90% expected"), "staff expectation");
    assert!(
        html.contains("50% expected"),
        "governors' expectation from B3.1"
    );
    // What stands in the way, listed rather than counted.
    assert!(html.contains("aspects stand in the way:"));
    // Twenty aspects unscored and one the records do not support: more than fit beside
    // the radar on the first page, so they are grouped by what holds them back.
    assert!(html.contains(
        "<li><strong>The records do not support the level claimed (1):</strong> Staff (B2.1).</li>"
    ), "{html}");
    assert!(
        html.contains("<li><strong>Not scored yet (20):</strong>"),
        "{html}"
    );
    assert!(
        html.contains("; and 14 more.</li>"),
        "at most six named: {html}"
    );
    assert!(html.contains("The self-review report says in full what holds each aspect back."));
    assert!(!html.contains("the full report lists them"));
    // The log starts this year: no comparison with an empty year before.
    assert!(
        html.contains("3 incidents in the last 12 months; the records start on 12/09/2026, so there are no earlier records to compare with."),
        "{html}"
    );
    assert!(!html.contains("against 0"));
}

#[test]
fn a_log_reaching_into_the_year_before_is_compared_with_it() {
    let out = selfreview()
        .args([
            "--json",
            "import",
            "--kind",
            "incidents",
            "--as-of",
            "2026-11-10",
        ])
        .arg(fixtures().join("evidence/safeguarding-export.csv"))
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let i = &doc["metrics"]["incidents"];
    assert_eq!(
        (
            i["previous_covered"].as_bool(),
            i["previous_count"].as_u64()
        ),
        (Some(true), Some(1))
    );
    let out = selfreview()
        .args([
            "--json",
            "import",
            "--kind",
            "incidents",
            "--as-of",
            "2026-10-31",
        ])
        .arg(fixtures().join("evidence/safeguarding-export.csv"))
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(doc["metrics"]["incidents"]["previous_covered"], false);
}
