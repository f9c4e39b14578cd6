//! Citations in the Evidence column: a file name with a comma or semicolon is cited whole,
//! accents match however they were typed, and pipes or devices are refused at once.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use predicates::prelude::*;

use crate::report::full_review;
use crate::{filled_workbook, selfreview};

/// A review whose one workbook cites `cell` for B1.1, with `files` in evidence/.
fn review(dir: &Path, cell: &str, files: &[&str]) {
    full_review(dir);
    for f in std::fs::read_dir(dir.join("scores")).expect("scores") {
        std::fs::remove_file(f.expect("entry").path()).expect("remove");
    }
    for f in files {
        std::fs::write(dir.join("evidence").join(f), format!("document {f}")).expect("write");
    }
    filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "DSL",
        &[("B1.1", 2, "Taught every term, as the minutes show.", cell)],
    );
}

fn entries(zip: &Path) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).expect("open")).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut e = archive.by_index(i).expect("entry");
            let mut sink = Vec::new();
            e.read_to_end(&mut sink).expect("read");
            e.name().expect("name").to_string()
        })
        .collect()
}

#[test]
fn names_with_commas_and_accents_are_cited_whole() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    // The file system holds the accent decomposed; the workbook has it composed.
    let decomposed = "re\u{301}union.txt";
    review(
        dir,
        "minutes, spring 2025.txt; policy.pdf, r\u{e9}union.txt",
        &["minutes, spring 2025.txt", "policy.pdf", decomposed],
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .args(["pack", "-o", "out/pack.zip"])
        .assert()
        .success();
    let names = entries(&dir.join("out/pack.zip"));
    for wanted in [
        "aspects/B1.1/minutes, spring 2025.txt".to_string(),
        "aspects/B1.1/policy.pdf".to_string(),
        format!("aspects/B1.1/{decomposed}"),
    ] {
        assert!(names.contains(&wanted), "{wanted} in {names:?}");
    }
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let b11 = crate::aspect_json(&doc, "B1.1");
    assert_eq!(
        b11["evidence"],
        serde_json::json!(["minutes, spring 2025.txt", "policy.pdf", "r\u{e9}union.txt"])
    );
}

#[cfg(unix)]
#[test]
fn a_cited_pipe_is_refused_without_waiting() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    review(dir, "feed.txt", &[]);
    let status = std::process::Command::new("mkfifo")
        .arg(dir.join("evidence/feed.txt"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("pack")
        .timeout(Duration::from_secs(30))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[evidence-not-a-file]: B1.1 cites `feed.txt`, which is a named pipe, not a document",
        ));
}
