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
        rows["A1.1"]["Why the records differ"], why,
        "given though the records bear the claim out"
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
    assert!(
        report.contains("<td>Staff, last 12 months</td>"),
        "{report}"
    );
}
