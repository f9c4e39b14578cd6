//! Nothing is lost without a word: broken CSV quoting and oversized cells stop the import
//! with the line named, and people whose training date cannot be read stay in the count.

use std::path::Path;

use predicates::prelude::*;

use crate::{fixtures, selfreview};

fn import_training(file: &Path) -> assert_cmd::assert::Assert {
    selfreview()
        .args(["import", "--kind", "training"])
        .arg(file)
        .assert()
}

#[test]
fn an_unclosed_quote_stops_the_import_at_the_line_it_opens_on() {
    import_training(&fixtures().join("lost/unclosed-quote.csv"))
        .code(2)
        .stderr(predicate::str::contains("unclosed-quote.csv"))
        .stderr(predicate::str::contains(
            "line 2: a cell starts with a quote (\") that is not closed on that line",
        ))
        .stdout(predicate::str::contains("1 read").not());
}

#[test]
fn a_cell_over_a_megabyte_is_refused_with_its_line() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = tmp.path().join("huge-cell.csv");
    let mut text = b"Name,Role,Course,Date completed\nAnn Lee,Teacher,".to_vec();
    text.extend(std::iter::repeat_n(b'x', 3 * 1024 * 1024));
    text.extend_from_slice(b",01/09/2026\n");
    std::fs::write(&path, text).expect("write");
    import_training(&path)
        .code(2)
        .stderr(predicate::str::contains(
            "line 2: a cell that starts here is longer than 1 MB",
        ));
}

#[test]
fn people_whose_date_cannot_be_read_count_as_not_trained_with_the_reason() {
    let out = selfreview()
        .args([
            "--json",
            "import",
            "--as-of",
            "2026-11-01",
            "--kind",
            "training",
        ])
        .arg(fixtures().join("lost/unreadable-dates.csv"))
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let s = &doc["sources"][0];
    assert_eq!(
        (s["rows_read"].as_u64(), s["rows_used"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(s["skipped"].as_array().map(Vec::len), Some(0));
    let notes: Vec<&str> = s["noted"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| n["reason"].as_str().expect("reason"))
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[0].starts_with("Ben Cole: `31/02/2025`"), "{notes:?}");
    assert!(notes[1].starts_with("Cat Dunn: `next week`"), "{notes:?}");
    assert_eq!(notes[2], "Dev Ellis: no date; counted as not trained");
    assert!(notes.iter().all(|n| n.ends_with("counted as not trained")));
    let staff = &doc["metrics"]["training"][0];
    assert_eq!(
        (staff["trained"].as_u64(), staff["people"].as_u64()),
        (Some(1), Some(4))
    );

    selfreview()
        .args(["import", "--as-of", "2026-11-01", "--kind", "training"])
        .arg(fixtures().join("lost/unreadable-dates.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "4 read, 4 used (3 with a note below), 0 skipped",
        ))
        .stdout(predicate::str::contains("staff 1 of 4 trained (25%)"));
}
