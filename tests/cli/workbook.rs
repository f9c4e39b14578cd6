//! `selfreview workbook`.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use predicates::prelude::*;

use crate::{fixtures, init_review, selfreview};

fn review_with_reviewers(dir: &Path) {
    init_review(dir, &[]).success();
    let path = dir.join("review.toml");
    let text = std::fs::read_to_string(&path).expect("review.toml");
    let text = text.replacen(
        "reviewers = []",
        "reviewers = [\"Online Safety Lead\", \"DSL\", \"Headteacher\"]",
        1,
    );
    std::fs::write(&path, text).expect("edit review.toml");
}

fn first_row(range: &calamine::Range<Data>) -> Vec<String> {
    let row = range.rows().next().expect("a header row");
    row.iter().map(|c| c.to_string()).collect()
}

#[test]
fn one_workbook_per_reviewer_listed_in_review_toml() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review_with_reviewers(tmp.path());
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("workbook")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "created  scores/online-safety-lead.xlsx",
        ))
        .stdout(predicate::str::contains("created  scores/dsl.xlsx"))
        .stdout(predicate::str::contains("created  scores/headteacher.xlsx"));

    // calamine reads what we wrote: the header, a row per aspect under its strand, and the
    // workbook's details on the instructions sheet.
    let mut wb: Xlsx<_> =
        open_workbook(tmp.path().join("scores/dsl.xlsx")).expect("calamine opens it");
    assert_eq!(wb.sheet_names(), ["Scores", "Instructions", "Levels"]);
    let scores = wb.worksheet_range("Scores").expect("Scores sheet");
    let header = first_row(&scores);
    assert_eq!(
        header,
        [
            "Code",
            "Aspect",
            "Benchmark",
            "Level",
            "Commentary",
            "Evidence",
            "Why the records differ",
            "Planned actions",
            "Owner",
            "Target date"
        ]
    );
    let codes: Vec<String> = scores.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(codes.len(), 4 + 9 + 21, "element, strand and aspect rows");
    assert_eq!(&codes[..3], ["A", "A1", "A1.1"]);
    let details = wb
        .worksheet_range("Instructions")
        .expect("Instructions sheet");
    let value = |label: &str| {
        details
            .rows()
            .find(|r| r[0] == Data::String(label.into()))
            .map(|r| r[1].to_string())
    };
    assert_eq!(value("Reviewer").as_deref(), Some("DSL"));
    // Reviewers read the framework's title; the id the reader matches is on a hidden row.
    assert_eq!(
        value("Framework").as_deref(),
        Some("Online safety self-review (21 aspects)")
    );
    assert_eq!(value("Framework id").as_deref(), Some("online-safety-21"));
    assert_eq!(value("Framework version").as_deref(), Some("1.0.0"));
    // Each aspect's row, then a row per level, below the heading row.
    let levels = wb.worksheet_range("Levels").expect("Levels sheet");
    assert_eq!(levels.rows().count(), 1 + 21 * 6);

    // A second run changes nothing: the bytes are the same.
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("workbook")
        .assert()
        .success()
        .stdout(predicate::str::contains("unchanged  scores/dsl.xlsx"));
}

#[test]
fn a_workbook_with_entries_is_kept_unless_forced() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review_with_reviewers(tmp.path());
    let filled = tmp.path().join("scores/dsl.xlsx");
    std::fs::copy(fixtures().join("workbooks/dsl-openpyxl.xlsx"), &filled).expect("copy");
    let before = std::fs::read(&filled).expect("read");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("workbook")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "kept  scores/dsl.xlsx  (DSL; it has entries",
        ))
        .stdout(predicate::str::contains("created  scores/headteacher.xlsx"));
    assert_eq!(std::fs::read(&filled).expect("read"), before);
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["workbook", "--force"])
        .assert()
        .success()
        .stdout(predicate::str::contains("replaced  scores/dsl.xlsx"));
    assert_ne!(std::fs::read(&filled).expect("read"), before);
}

#[test]
fn group_workbook_has_a_column_per_member_then_agreed_and_rationale() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review_with_reviewers(tmp.path());
    let out = selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["--json", "workbook", "--group"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let written: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(written[0]["reviewer"], "Group");
    assert_eq!(written[0]["outcome"], "created");
    let mut wb: Xlsx<_> =
        open_workbook(tmp.path().join("scores/group.xlsx")).expect("calamine opens it");
    let scores = wb.worksheet_range("Scores").expect("Scores sheet");
    let header = first_row(&scores);
    assert_eq!(
        &header[..8],
        [
            "Code",
            "Aspect",
            "Benchmark",
            "Online Safety Lead",
            "DSL",
            "Headteacher",
            "Agreed",
            "Rationale"
        ]
    );
}

#[test]
fn no_reviewers_is_explained() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("workbook")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no reviewers are named"));
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["workbook", "--reviewer", "Link governor"])
        .assert()
        .success()
        .stdout(predicate::str::contains("scores/link-governor.xlsx"));
}

#[test]
fn outside_a_review_folder_the_missing_review_toml_is_named() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("workbook")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is not a review folder: it has no review.toml",
        ));
}
