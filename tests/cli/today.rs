//! `SELFREVIEW_TODAY`: today's date fixed for a run, and refused when it is not a date.

use predicates::prelude::*;

use crate::selfreview;

#[test]
fn init_without_a_review_date_writes_the_date_selfreview_today_gives() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    selfreview()
        .env("SELFREVIEW_TODAY", "2031-02-14")
        .arg("init")
        .arg(&dir)
        .args(["--school", "Hill Primary"])
        .assert()
        .success();
    let review = std::fs::read_to_string(dir.join("review.toml")).expect("written");
    assert!(
        review.contains("review-date = 2031-02-14"),
        "the fixed date is not in review.toml:\n{review}"
    );
}

#[test]
fn a_selfreview_today_that_is_not_a_date_is_refused_naming_it() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .current_dir(tmp.path())
        .env("SELFREVIEW_TODAY", "14/02/2031")
        .args(["init", "review", "--school", "Hill Primary"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("SELFREVIEW_TODAY"))
        .stderr(predicate::str::contains("`14/02/2031`"))
        .stderr(predicate::str::contains("2031-02-14"));
    assert!(
        !tmp.path().join("review").exists(),
        "nothing is written when today's date cannot be read"
    );
}
