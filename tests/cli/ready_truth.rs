//! A review that is ready stops being called ready the moment one of its own files has an
//! error: a second workbook for the group, a second row for an aspect, records that could
//! not be imported. The verdict would otherwise stand on whichever file or row came first.

use std::path::Path;

use crate::selfreview;

/// The demo school with every aspect agreed at level 2 and commentary long enough: ready.
const READY: &str = "tests/fixtures/ready";

/// A copy of the ready review in a temporary folder.
pub(crate) fn ready_review() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary folder");
    for sub in ["evidence", "evidence/documents", "scores", "history"] {
        std::fs::create_dir_all(tmp.path().join(sub)).expect("folder");
    }
    for sub in ["", "evidence", "evidence/documents", "scores", "history"] {
        for entry in std::fs::read_dir(Path::new(READY).join(sub)).expect("fixture") {
            let path = entry.expect("entry").path();
            if path.is_file()
                && path
                    .extension()
                    .is_none_or(|e| e != "xlsx" || !sub.is_empty())
            {
                std::fs::copy(
                    &path,
                    tmp.path().join(sub).join(path.file_name().expect("name")),
                )
                .expect("copied");
            }
        }
    }
    tmp
}

/// `score --json` of `dir`: the document and the exit code.
pub(crate) fn scored(dir: &Path) -> (serde_json::Value, i32) {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score", "--strict"])
        .output()
        .expect("runs");
    let doc = serde_json::from_slice(&out.stdout).expect("JSON");
    (doc, out.status.code().expect("an exit code"))
}

/// The review is held back with a problem naming `file`, in score and in both reports.
fn held_back(dir: &Path, file: &str) {
    let (doc, code) = scored(dir);
    assert_eq!(doc["ready"], false, "{doc:#}");
    assert_eq!(doc["milestones"]["ready"], false);
    assert_ne!(code, 0);
    let problems = doc["problems"].as_array().expect("problems");
    assert!(
        problems
            .iter()
            .any(|p| p.as_str().is_some_and(|p| p.contains(file))),
        "{problems:?}"
    );
    let said = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("score")
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&said.stdout);
    assert!(said.contains("Not yet ready to apply"), "{said}");
    assert!(
        said.contains("in the review's files to fix first"),
        "{said}"
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .code(1);
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(report.contains("Not yet ready to apply"));
    assert!(
        report.contains("in the review&#x27;s files to fix first")
            || report.contains("in the review's files to fix first")
    );
    let governors = std::fs::read_to_string(dir.join("out/governors.html")).expect("governors");
    assert!(governors.contains("not yet ready to apply"));
    assert!(!governors.contains("The school is ready"));
}

#[test]
fn the_fixture_is_ready_to_begin_with() {
    let tmp = ready_review();
    let (doc, code) = scored(tmp.path());
    assert_eq!(doc["ready"], true, "{doc:#}");
    assert_eq!(doc["problems"], serde_json::json!([]));
    assert_eq!(code, 0);
}

#[test]
fn a_second_group_workbook_holds_the_verdict_back() {
    let tmp = ready_review();
    let dir = tmp.path();
    // Sorted first, the copy would be the one read, whatever the real one says.
    std::fs::copy(dir.join("scores/group.xlsx"), dir.join("scores/draft.xlsx")).expect("copy");
    held_back(dir, "scores/group.xlsx");
}

#[test]
fn a_second_row_for_an_aspect_holds_the_verdict_back() {
    let tmp = ready_review();
    let dir = tmp.path();
    let second = Path::new(READY).join("group-with-a-second-A1.1-row.xlsx");
    std::fs::copy(second, dir.join("scores/group.xlsx")).expect("copy");
    held_back(dir, "scores/group.xlsx");
}

#[test]
fn records_that_cannot_be_imported_hold_the_verdict_back() {
    for spoil in [None, Some(&b"\x00\x01 not a register"[..])] {
        let tmp = ready_review();
        let dir = tmp.path();
        let surveys = dir.join("evidence/surveys.csv");
        match spoil {
            None => std::fs::remove_file(&surveys).expect("removed"),
            Some(bytes) => std::fs::write(&surveys, bytes).expect("spoilt"),
        }
        held_back(dir, "evidence/surveys.csv");
    }
}

#[test]
fn a_damaged_snapshot_is_warned_of_and_passed_over_for_an_earlier_one() {
    let tmp = ready_review();
    let dir = tmp.path();
    let whole = std::fs::read(dir.join("history/2023-11-20.json")).expect("snapshot");
    for damaged in [&whole[..whole.len() / 2], b"", b"null", b"{"] {
        std::fs::write(dir.join("history/2025-11-01.json"), damaged).expect("damaged");
        let out = selfreview()
            .arg("-C")
            .arg(dir)
            .arg("report")
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("history/2025-11-01.json: warning[snapshot-unreadable]"),
            "{said}"
        );
        let governors = std::fs::read_to_string(dir.join("out/governors.html")).expect("page");
        assert!(!governors.contains("first scored review"), "{governors}");
        let earlier = governors.replace("&#x2f;", "/");
        assert!(
            earlier.contains("Since 20/11/2023"),
            "compared with the earlier one"
        );
    }
}
