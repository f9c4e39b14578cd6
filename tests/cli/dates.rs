//! Dates: the review date used is said when review.toml sets none, and a source whose
//! records all predate the window the review measures is named with its dates.

use predicates::prelude::*;

use crate::{fixtures, init_review, selfreview, set_sources};

#[test]
fn the_date_used_is_said_when_review_toml_sets_none() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    let path = dir.join("review.toml");
    let text = std::fs::read_to_string(&path).expect("review.toml");
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("review-date"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, text).expect("write");
    let today = chrono::Local::now().date_naive();
    let said = format!(
        "review.toml: warning[review-date-not-set]: no review date is set, so today's date, {}, is used",
        today.format("%d/%m/%Y")
    );
    for command in ["score", "import"] {
        selfreview()
            .arg("-C")
            .arg(dir)
            .arg(command)
            .assert()
            .stderr(predicate::str::contains(said.as_str()))
            .stderr(predicate::str::contains(format!(
                "add `review-date = {}` to review.toml",
                today.format("%Y-%m-%d")
            )));
    }
}

#[test]
fn a_source_whose_records_all_predate_the_window_is_named_with_its_dates() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::copy(
        fixtures().join("dates/last-years-register.csv"),
        dir.join("evidence/register.csv"),
    )
    .expect("copy");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"meetings\"\npath = \"evidence/register.csv\"\n",
    );
    let said = "evidence/register.csv: warning[records-predate-window]: every record is dated before the last year the review looks at: they run from 12/09/2024 to 03/06/2025, and the review date is 01/11/2026";
    for command in ["import", "score"] {
        selfreview()
            .arg("-C")
            .arg(dir)
            .arg(command)
            .assert()
            .stderr(predicate::str::contains(said));
    }
    // Measured as of a date the records cover, nothing is said.
    selfreview()
        .arg("-C")
        .arg(dir)
        .args(["import", "--as-of", "2025-07-01"])
        .assert()
        .success()
        .stderr(predicate::str::contains("records-predate-window").not());
}

#[test]
fn a_review_date_written_year_first_with_slashes_gets_the_toml_form() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    let path = dir.join("review.toml");
    let text = std::fs::read_to_string(&path).expect("review.toml");
    for written in ["2025/11/20", "\"2025/11/20\""] {
        let changed: String = text
            .lines()
            .map(|l| {
                if l.starts_with("review-date") {
                    format!("review-date = {written}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        std::fs::write(&path, changed).expect("write");
        selfreview()
            .arg("-C")
            .arg(dir)
            .arg("score")
            .assert()
            .code(2)
            .stderr(predicate::str::contains("review-date = 2025-11-20"));
    }
}
