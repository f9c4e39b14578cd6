//! Every output says how each level was reached, and calls a level agreed only when the
//! group agreed it; each figure beside a threshold is the figure its check uses; and
//! summary.xlsx carries every reason the reviewers gave for the records differing.

use std::path::Path;

use crate::{init_review, selfreview, stdout_of};

/// A file of the review as text, with the characters the templates escape put back.
fn text(path: &Path) -> String {
    std::fs::read_to_string(path)
        .expect("readable")
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn the_middle_of_the_reviewers_levels_is_never_called_agreed() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    let why = "The register was kept on paper for the first term and has not been typed up yet, so the import misses it.";
    for (file, name, level) in [("dsl.xlsx", "DSL", 2), ("osl.xlsx", "OSL", 3)] {
        crate::filled_workbook_explained(
            &dir.join("scores").join(file),
            name,
            &[("A1.1", level, "Roles are written down.", "")],
            &[("A1.1", why)],
        );
    }
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    let out = dir.join("out");
    let tool = text(&out.join("online-tool.html"));
    assert!(tool.contains("Level, not agreed"), "{tool}");
    assert!(
        tool.contains("Not agreed by the group: this is the middle of the reviewers' levels."),
        "{tool}"
    );
    let visit = text(&out.join("visit.html"));
    assert!(
        visit.contains("Every aspect has a level agreed by the group (0 of 21)."),
        "{visit}"
    );
    assert!(
        !visit.contains("Every aspect has an agreed level"),
        "{visit}"
    );
    assert!(
        visit.contains("(the middle of the reviewers' levels)"),
        "the agenda's level says how it was reached: {visit}"
    );
    let governors = text(&out.join("governors.html"));
    assert!(
        governors.contains("Of the 1 level shown, 1 is the middle of the reviewers' levels, not agreed by the group."),
        "{governors}"
    );
    let rows = crate::rows_by_code(&out.join("summary.xlsx"), "Summary");
    assert_eq!(
        rows["A1.1"]["Level from"],
        "the middle of the reviewers' levels"
    );
    assert_eq!(
        rows["A1.1"]["Why the records differ"],
        format!("DSL and OSL: {why}"),
        "given, after who gave it, though the records bear the claim out"
    );
    let said = stdout_of(dir, &["score"]);
    assert!(
        said.contains("the middle of the reviewers' levels, not agreed"),
        "{said}"
    );
}

#[test]
fn a_training_bar_beside_a_threshold_shows_the_window_its_check_measures() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .current_dir(tmp.path())
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["demo", "school"])
        .assert()
        .success();
    let dir = tmp.path().join("school");
    for args in [&["migrate", "--to", "online-safety-18"][..], &["report"]] {
        selfreview()
            .arg("-C")
            .arg(&dir)
            .env("SELFREVIEW_TODAY", "2026-12-02")
            .args(args)
            .assert()
            .success();
    }
    let governors = text(&dir.join("out/governors.html"));
    // Level 2 asks for nine in ten staff trained in the last year: that share is drawn
    // against the 90% mark, beside the two years' share the level-3 check measures.
    for needed in [
        "Staff, last 12 months</text>",
        "71% (10 of 14)",
        "Staff, last 24 months</text>",
        "92% (13 of 14)",
    ] {
        assert!(governors.contains(needed), "{needed}: {governors}");
    }
    let report = text(&dir.join("out/report.html"));
    assert!(report.contains(">Staff, last 12 months</td>"), "{report}");
}

#[test]
fn a_level_written_plainly_is_read_and_one_that_cannot_be_read_stops_every_output() {
    use crate::AspectRow;
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    let row = |code, level_text| AspectRow {
        code,
        level_text,
        commentary: "Written down and shared with staff.",
        ..AspectRow::default()
    };
    let book = dir.join("scores/dsl.xlsx");
    let plain = [
        row("A1.1", "Level 1"),
        row("A1.2", "L2"),
        row("A1.3", "Two"),
        row("A2.1", "3 (Developing)"),
        row("A2.2", "Established"),
    ];
    crate::scoring_workbook(&book, "DSL", &plain);
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(dir, &["score", "--json"])).expect("json");
    for (code, level) in [
        ("A1.1", 1),
        ("A1.2", 2),
        ("A1.3", 2),
        ("A2.1", 3),
        ("A2.2", 2),
    ] {
        assert_eq!(
            crate::aspect_json(&json, code)["agreed"],
            level,
            "{code} is read"
        );
    }
    // A number with another level's label leaves doubt: it is no level, named at its cell,
    // and nothing is written from a review that cannot be read in full.
    let mut doubtful = plain.to_vec();
    doubtful[0] = row("A1.1", "2 - Developing");
    crate::scoring_workbook(&book, "DSL", &doubtful);
    let refused = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .code(1);
    let said = String::from_utf8_lossy(&refused.get_output().stderr).to_string()
        + &String::from_utf8_lossy(&refused.get_output().stdout);
    assert!(said.contains("invalid-level"), "{said}");
    assert!(
        said.contains("dsl.xlsx") && said.contains("Scores!D2"),
        "{said}"
    );
    assert!(said.contains("Nothing was written"), "{said}");
    assert!(
        std::fs::read_dir(dir.join("out")).map_or(0, |d| d.count()) == 0,
        "no report from a review that cannot be read"
    );
    selfreview().arg("-C").arg(dir).arg("pack").assert().code(1);
    assert!(
        std::fs::read_dir(dir.join("out")).map_or(0, |d| d.count()) == 0,
        "no pack either"
    );
    let before = std::fs::read_dir(dir.join("history")).map_or(0, |d| d.count());
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("score")
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read_dir(dir.join("history")).map_or(0, |d| d.count()),
        before,
        "no snapshot of a review that cannot be read"
    );
}

#[test]
fn a_short_commentary_leaves_the_aspect_incomplete_and_no_records_support_nothing() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    crate::filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "DSL",
        &[("B2.1", 2, "Staff are trained every year.", "")],
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(dir, &["score", "--json"])).expect("json");
    let b21 = crate::aspect_json(&json, "B2.1");
    assert_eq!(
        b21["complete"], false,
        "a commentary too short to count stands in the way, so the aspect is not complete"
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    let report = text(&dir.join("out/report.html"));
    assert!(
        report.contains(
            "Claimed level 2; no imported records check this level, so the records support none."
        ),
        "{report}"
    );
    assert!(
        !report.contains("the school's records support level"),
        "{report}"
    );
    let rows = crate::rows_by_code(&dir.join("out/summary.xlsx"), "Summary");
    assert_eq!(rows["B2.1"]["Complete"], "no");
    assert_eq!(
        rows["B2.1"]["Evidenced"], "",
        "no records: nothing evidenced"
    );
}

#[test]
fn a_level_carried_by_a_framework_change_and_not_yet_checked_holds_back_readiness() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("school");
    selfreview()
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["demo", "--quiet"])
        .arg(&dir)
        .assert()
        .success();
    selfreview()
        .arg("-C")
        .arg(&dir)
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["migrate", "--to", "online-safety-18"])
        .assert()
        .success();
    let out = selfreview()
        .arg("-C")
        .arg(&dir)
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["score", "--json"])
        .output()
        .expect("ran");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let carried: Vec<&serde_json::Value> = json["aspects"]
        .as_array()
        .expect("aspects")
        .iter()
        .filter(|a| a["agreed_by"] == "carried")
        .collect();
    assert!(!carried.is_empty(), "{json}");
    for a in &carried {
        assert_eq!(a["complete"], false, "{a}");
        let code = a["code"].as_str().expect("a code");
        let reason = json["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .find(|r| r["aspect"] == code)
            .unwrap_or_else(|| panic!("no reason for {code}: {json}"));
        assert!(
            reason["kinds"]
                .as_array()
                .expect("kinds")
                .iter()
                .any(|k| k == "carried-not-checked"),
            "{reason}"
        );
    }
    assert_eq!(json["milestones"]["ready"], false, "{json}");
}
