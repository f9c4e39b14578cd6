//! `selfreview init`.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use predicates::prelude::*;

use crate::{fixtures, init_review, selfreview};

#[test]
fn init_creates_the_folder_and_a_second_run_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    selfreview()
        .arg("init")
        .arg(&dir)
        .args(["--school", "Hill Primary", "--review-date", "2026-11-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("evidence/incident-log.xlsx"));
    for sub in ["scores", "evidence", "out", "history"] {
        assert!(dir.join(sub).is_dir(), "{sub}/ missing");
    }
    let review = std::fs::read_to_string(dir.join("review.toml")).expect("written");
    assert!(review.contains("school = \"Hill Primary\""));
    assert!(review.contains("review-date = 2026-11-01"));

    // The review folder is usable: show finds its framework through review.toml.
    selfreview()
        .arg("-C")
        .arg(&dir)
        .args(["framework", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("online-safety-18 1.0.0"));

    let edited = "school = \"Edited by the school\"\n";
    std::fs::write(dir.join("review.toml"), edited).expect("edit");
    let before = snapshot_folder(&dir);
    selfreview()
        .arg("init")
        .arg(&dir)
        .args(["--school", "Other School"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing was changed"))
        .stderr(predicate::str::contains("review.toml"))
        .stderr(predicate::str::contains("training-records.xlsx"));
    assert_eq!(snapshot_folder(&dir), before);
}

fn snapshot_folder(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                files.push((path.clone(), Vec::new()));
                stack.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).expect("readable")));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn init_templates_read_back_with_their_headers() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    let expected: [(&str, &str, &[&str]); 3] = [
        (
            "training-records.xlsx",
            "Training",
            &[
                "Name",
                "Role",
                "Group",
                "Course",
                "Provider",
                "Date completed",
                "Next due",
                "Certificate",
            ],
        ),
        (
            "incident-log.xlsx",
            "Incidents",
            &[
                "Date",
                "Time",
                "Category",
                "Year group",
                "Incident",
                "Action taken",
                "Action taken by",
                "Reported by",
                "Status",
            ],
        ),
        (
            "meeting-register.xlsx",
            "Meetings",
            &[
                "Date",
                "Group",
                "Attended",
                "Apologies",
                "Items",
                "Actions agreed",
                "Actions completed",
            ],
        ),
    ];
    for (file, sheet, headers) in expected {
        let path = tmp.path().join("evidence").join(file);
        let mut wb: Xlsx<_> = open_workbook(&path).expect("calamine opens the template");
        assert_eq!(wb.sheet_names()[0], sheet);
        let range = wb.worksheet_range(sheet).expect("sheet readable");
        let first: Vec<String> = range
            .rows()
            .next()
            .expect("a header row")
            .iter()
            .map(|c| match c {
                Data::String(s) => s.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(first, headers, "{file}");
        assert_eq!(range.start(), Some((0, 0)), "header starts at A1 in {file}");
    }
    // The same template bytes on every run.
    let again = tempfile::tempdir().expect("temporary folder");
    init_review(again.path(), &[]).success();
    for file in [
        "training-records.xlsx",
        "incident-log.xlsx",
        "meeting-register.xlsx",
        "../review.toml",
    ] {
        let a = std::fs::read(tmp.path().join("evidence").join(file)).expect("first");
        let b = std::fs::read(again.path().join("evidence").join(file)).expect("second");
        assert!(a == b, "{file} differs between runs");
    }
}

#[test]
fn init_with_a_framework_file_copies_it_into_the_review() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let fw = fixtures().join("framework/valid-minimal.toml");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["init", "new", "--school", "Hill Primary", "--framework"])
        .arg(&fw)
        .assert()
        .success();
    assert!(tmp.path().join("new/frameworks/tiny.toml").is_file());
    let review = std::fs::read_to_string(tmp.path().join("new/review.toml")).expect("written");
    assert!(review.contains("framework = \"tiny\""));
    selfreview()
        .arg("-C")
        .arg(tmp.path().join("new"))
        .args(["framework", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("tiny 0.1"));

    // A broken framework file stops init before anything is written.
    let broken = fixtures().join("framework/three-problems.toml");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["init", "other", "--school", "Hill Primary", "--framework"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[duplicate-code]"));
    assert!(!tmp.path().join("other").exists());
}

#[test]
fn bad_arguments_exit_2() {
    selfreview().args(["init"]).assert().code(2);
    selfreview()
        .args(["init", "--school", "X", "--review-date", "23/11/2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`23/11/2026` is not written year-month-day; for that day write 2026-11-23",
        ));
    selfreview().args(["framework", "check"]).assert().code(2);
    selfreview().arg("no-such-command").assert().code(2);
}

#[test]
fn init_says_how_to_add_the_pupil_list_and_a_pupil_list_added_that_way_is_read() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[])
        .success()
        .stdout(predicate::str::contains("kind = \"pupils\""));
    let review = std::fs::read_to_string(dir.join("review.toml")).expect("written");
    assert!(
        !dir.join("evidence/pupil-list.csv").exists(),
        "no template: it is exported"
    );
    // Taking the # from the three lines, as the notes say, lists it.
    let review = review
        .replace(
            "# [[evidence]]\n# kind = \"pupils\"",
            "[[evidence]]\nkind = \"pupils\"",
        )
        .replace(
            "# path = \"evidence/pupil-list.csv\"",
            "path = \"evidence/pupil-list.csv\"",
        );
    std::fs::write(dir.join("review.toml"), review).expect("edit");
    std::fs::write(
        dir.join("evidence/pupil-list.csv"),
        "Forename,Surname\nAmy,Lee\n",
    )
    .expect("write");
    selfreview()
        .arg("-C")
        .arg(dir)
        .args(["import", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"kind\": \"pupils\""))
        .stdout(predicate::str::contains("Amy").not());
}
