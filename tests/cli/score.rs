//! `selfreview score`.

use std::path::Path;

use predicates::prelude::*;

use crate::{fixtures, init_review, selfreview, set_sources, two_reviewers};

/// `selfreview -C DIR --json score`, which must succeed, parsed.
fn score_json(dir: &Path) -> serde_json::Value {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON")
}

/// One aspect of a scored review's JSON.
fn aspect_of(doc: &serde_json::Value, code: &str) -> serde_json::Value {
    crate::aspect_json(doc, code).clone()
}

#[test]
fn score_reads_a_workbook_saved_by_libreoffice_and_judges_readiness() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    two_reviewers(tmp.path());
    let doc = score_json(tmp.path());
    let aspect = |code: &str| aspect_of(&doc, code);
    let a11 = aspect("A1.1");
    assert_eq!(a11["reviewers"], serde_json::json!({"DSL": 2}));
    assert_eq!(a11["agreed"], 2);
    assert_eq!(a11["benchmark"], 2);
    assert_eq!(a11["disagreement"], false);
    // Its commentary is too short to count, which stands in the way: not complete.
    assert_eq!(a11["commentary_check"], "too-short");
    assert_eq!(a11["complete"], false);
    assert_eq!(aspect("C1.1")["agreed"], 4);
    assert_eq!(aspect("A2.1")["complete"], false);
    assert_eq!(doc["ready"], false);
    let reasons: Vec<&str> = doc["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| r["message"].as_str().expect("message"))
        .collect();
    assert!(
        reasons.iter().any(
            |r| r.starts_with("Filtering (C1.1): not agreed by the group:")
                && r.contains("level 4 is below the benchmark of 2;")
        ),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(
            &"Online Safety Policy (A2.1): no level has been given yet; there is no commentary."
        ),
        "{reasons:?}"
    );
    assert_eq!(doc["milestones"]["started"], true);
    assert_eq!(doc["milestones"]["progress"], false);
    // The blank templates record no meetings and nobody trained: the records support level
    // 4 for the group (claimed 3) and for Staff (claimed 1), as far below the benchmark as
    // Filtering's claimed 4.
    let first: Vec<&str> = doc["actions"].as_array().expect("actions")[..3]
        .iter()
        .map(|a| a["aspect"].as_str().expect("aspect"))
        .collect();
    assert_eq!(first, ["A1.2", "B2.1", "C1.1"]);
    let found = doc["diagnostics"].as_array().expect("diagnostics");
    let target = found
        .iter()
        .find(|d| d["code"] == "invalid-target-date")
        .expect("the bad target date is reported");
    assert_eq!(target["location"]["cell"], "Scores!I24");
    // No pupil list yet: the school is told names cannot be caught, as a warning.
    assert!(
        found
            .iter()
            .any(|d| d["code"] == "no-source-of-names" && d["severity"] == "warning")
    );

    let snapshot = tmp.path().join("history/2026-11-01.json");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&snapshot).expect("snapshot written")).expect("JSON");
    assert_eq!(saved, doc);

    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["score", "--strict"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "Not yet ready to apply for the Online Safety Mark",
        ))
        .stdout(predicate::str::contains("C1.1 Filtering"));
}

/// Scores the two-reviewer review in `dir` after copying each fixture (path under
/// tests/fixtures) into scores/ under its new name.
fn scored_with(dir: &Path, files: &[(&str, &str)]) -> assert_cmd::assert::Assert {
    two_reviewers(dir);
    for (fixture, name) in files {
        std::fs::copy(fixtures().join(fixture), dir.join("scores").join(name)).expect("copy");
    }
    selfreview().arg("-C").arg(dir).arg("score").assert()
}

#[test]
fn two_workbooks_for_one_reviewer_are_reported() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    scored_with(tmp.path(), &[("workbooks/dsl-openpyxl.xlsx", "dsl-from-may.xlsx")])
        .code(1)
        .stderr(predicate::str::contains(
            "scores/dsl.ods: error[duplicate-reviewer-workbook]: `DSL` already has scores in scores/dsl-from-may.xlsx",
        ));
}

#[test]
fn a_file_that_is_not_a_workbook_is_named_with_the_others_still_scored() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    two_reviewers(tmp.path());
    std::fs::write(tmp.path().join("scores/notes.xlsx"), "Code,Level\n").expect("write");
    std::fs::write(tmp.path().join("scores/~$dsl.xlsx"), "lock").expect("write");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("score")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "scores/notes.xlsx: error[unreadable-workbook]",
        ))
        .stderr(predicate::str::contains("~$").not())
        .stdout(predicate::str::contains("Workbooks: 2 (DSL, OSL)"));
}

#[test]
fn a_workbook_too_large_to_read_is_named_with_the_others_still_scored() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    // Made from the ordinary fixtures by tests/fixtures/oversized.py.
    let files = [
        ("evidence/stray-far-cell.xls", "far.xls"),
        ("workbooks/dsl-stray-far-cell.xlsx", "stray.xlsx"),
    ];
    scored_with(tmp.path(), &files)
        .code(1)
        .stderr(predicate::str::contains(
            "scores/far.xls: error[unreadable-workbook]: cannot read this workbook: reading it would take about 32 GB of memory",
        ))
        .stderr(predicate::str::contains(
            "scores/stray.xlsx: error[unreadable-workbook]: cannot read this workbook: its sheet `Scores` has entries as far as row 1,048,576 and column XFD",
        ))
        .stdout(predicate::str::contains("Workbooks: 2 (DSL, OSL)"));
}

#[test]
fn a_group_workbook_filled_by_openpyxl_gives_agreed_levels_and_the_agenda() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    std::fs::copy(
        fixtures().join("workbooks/group-openpyxl.xlsx"),
        tmp.path().join("scores/group.xlsx"),
    )
    .expect("copy");
    let doc = score_json(tmp.path());
    let aspect = |code: &str| aspect_of(&doc, code);
    // Three members at 1, 2 and 3 with no agreed level: the group has agreed none, so
    // none is claimed; the middle level is shown for the meeting, and it is discussed.
    let a12 = aspect("A1.2");
    assert_eq!(
        a12["reviewers"],
        serde_json::json!({"Ann": 1, "Bob": 2, "Cat": 3})
    );
    assert_eq!(a12["agreed"], serde_json::Value::Null);
    assert_eq!(a12["not_agreed"]["why"], "blank");
    assert_eq!(a12["not_agreed"]["middle"], 2);
    assert_eq!(a12["needs_discussion"], true);
    // The group's own agreed level and its rationale win over the median.
    let b21 = aspect("B2.1");
    assert_eq!(b21["agreed"], 3);
    assert_eq!(b21["agreed_by"], "group");
    assert_eq!(
        b21["rationale"],
        "Two part-time staff missed the last session."
    );
    assert_eq!(doc["agenda"][0]["aspect"], "A1.2");
    assert_eq!(doc["agenda"][0]["spread"], 2);

    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("score")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Why the group agreed this level: Two part-time staff missed the last session.",
        ))
        .stdout(predicate::str::contains(
            "A1.2 Online Safety Group: Ann 1, Bob 2, Cat 3",
        ));
}

#[test]
fn claimed_levels_are_checked_against_the_imported_evidence() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    two_reviewers(tmp.path());
    for f in ["training-records.xlsx", "meeting-register.xlsx"] {
        std::fs::copy(
            fixtures().join("evidence").join(f),
            tmp.path().join("evidence").join(f),
        )
        .expect("copy");
    }
    set_sources(
        tmp.path(),
        "[[evidence]]\nkind = \"training\"\npath = \"evidence/training-records.xlsx\"\n\n\
         [[evidence]]\nkind = \"meetings\"\npath = \"evidence/meeting-register.xlsx\"\n",
    );
    let doc = score_json(tmp.path());
    // DSL scored B2.1 at level 1, but only 4 of 7 staff were trained in two years (one of
    // them with a date that cannot be read).
    let findings: Vec<&str> = doc["evidence_findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["message"].as_str().expect("message"))
        .collect();
    assert!(
        findings.iter().any(|f| f.starts_with(
            "Staff (B2.1): 4 of 7 staff trained in the last two years (57%); level 2 or better needs 9 in 10"
        )),
        "{findings:?}"
    );
    // A1.2 at level 3 needs a termly group: six meetings in the year meet it.
    let a12 = aspect_of(&doc, "A1.2");
    assert_eq!(a12["evidence_checks"][0]["status"], "met");
    assert_eq!(a12["evidence_checks"][0]["value"], 6.0);

    // A source that cannot be imported is named, and scoring still goes ahead.
    set_sources(
        tmp.path(),
        "[[evidence]]\nkind = \"training\"\npath = \"evidence/missing.xlsx\"\n",
    );
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("score")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "evidence/missing.xlsx: error[evidence-not-imported]",
        ))
        .stdout(predicate::str::contains("Workbooks: 2"));
}
