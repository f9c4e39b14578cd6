//! First mistakes: outside a review folder, a date typed without quotes or in another
//! form, a file that is not there. Each message says what to do.

use predicates::prelude::*;

use crate::{init_review, selfreview, set_sources};

#[test]
fn outside_a_review_folder_every_command_says_how_to_find_or_make_one() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    for command in [
        &["score"][..],
        &["import"],
        &["workbook"],
        &["report"],
        &["pack"],
    ] {
        selfreview()
            .arg("-C")
            .arg(tmp.path())
            .args(command)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "is not a review folder: it has no review.toml",
            ))
            .stderr(predicate::str::contains("`-C DIR`"))
            .stderr(predicate::str::contains("selfreview init DIR"))
            .stderr(predicate::str::contains("os error").not());
    }
}

fn with_date(line: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    let path = tmp.path().join("review.toml");
    let text = std::fs::read_to_string(&path).expect("review.toml");
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("review-date") {
                line
            } else {
                l
            }
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, text).expect("write");
    tmp
}

#[test]
fn a_date_without_quotes_or_in_another_form_is_shown_as_toml_writes_it() {
    for (line, code) in [
        ("review-date = 20/11/2025", "toml-syntax"),
        ("review-date = \"20/11/2025\"", "invalid-date"),
        ("review-date = \"20 Nov 2025\"", "invalid-date"),
    ] {
        let tmp = with_date(line);
        selfreview()
            .arg("-C")
            .arg(tmp.path())
            .arg("score")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("error[{code}]")))
            .stderr(predicate::str::contains(
                "year-month-day, without quotes: review-date = 2025-11-20",
            ));
    }
}

#[test]
fn a_missing_evidence_file_is_said_to_be_missing() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    set_sources(
        tmp.path(),
        "[[evidence]]\nkind = \"training\"\npath = \"evidence/staff-training.xlsx\"\n",
    );
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("import")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no such file"))
        .stderr(predicate::str::contains("empty").not());
}

#[cfg(unix)]
#[test]
fn an_evidence_source_that_is_a_pipe_is_refused_without_waiting() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let pipe = tmp.path().join("records.xlsx");
    let status = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    for name in ["records.xlsx", "records.csv"] {
        let path = tmp.path().join(name);
        if !path.exists() {
            std::fs::rename(tmp.path().join("records.xlsx"), &path).expect("rename");
        }
        selfreview()
            .args(["import", "--kind", "training"])
            .arg(&path)
            .timeout(std::time::Duration::from_secs(30))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("it is not a regular file"));
    }
}

#[test]
fn a_date_option_in_another_form_is_shown_year_month_day() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .arg("init")
        .arg(tmp.path().join("review"))
        .args(["--school", "Hill Primary", "--review-date", "20/11/2025"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`20/11/2025` is not written year-month-day; for that day write 2025-11-20",
        ));
    assert!(!tmp.path().join("review").exists());
}
