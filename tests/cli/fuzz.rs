//! Every input that ever troubled a fuzz target (`fuzz/`) runs again here, through the
//! same library calls, on every `cargo test`: each must give a result or a finding.

use std::path::{Path, PathBuf};

use selfreview::evidence::Kind;
use selfreview::evidence::import::{Evidence, Request, import};

use crate::fixtures;

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = fixtures().join("fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs for {target}");
    files
}

fn import_as(path: &Path, kind: Kind) {
    let none = Default::default();
    let req = Request {
        kind,
        path,
        shown: path,
        sheet: None,
        columns: &none,
        maps: Default::default(),
        as_of: None,
    };
    let _ = import(&req, &mut Evidence::default());
}

#[test]
fn csv_import_inputs() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    for input in inputs("csv_import") {
        let path = tmp.path().join("evidence.csv");
        std::fs::copy(&input, &path).expect("copy");
        for kind in Kind::ALL {
            import_as(&path, kind);
        }
    }
}

#[test]
fn sheet_import_inputs() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    for input in inputs("sheet_import") {
        let bytes = std::fs::read(&input).expect("read");
        let Some((&first, rest)) = bytes.split_first() else {
            continue;
        };
        let ext = ["xlsx", "xls", "ods"][usize::from(first) % 3];
        let path = tmp.path().join(format!("evidence.{ext}"));
        std::fs::write(&path, rest).expect("write");
        import_as(&path, Kind::ALL[usize::from(first / 3) % 3]);
    }
}

#[test]
fn framework_parse_inputs() {
    for input in inputs("framework_parse") {
        let text = String::from_utf8_lossy(&std::fs::read(&input).expect("read")).into_owned();
        let _ = selfreview::framework::check(&text, Path::new("framework.toml"));
        let _ = selfreview::review::check(&text, Path::new("review.toml"));
    }
}

#[test]
fn verify_pack_inputs() {
    for input in inputs("verify_pack") {
        let _ = selfreview::pack::verify(&input, None);
    }
}

/// Writes the sheet_import input `name` into `dir` as the file it stands for, called `stem`
/// with the extension its format byte picks.
fn sheet_input(dir: &Path, name: &str, stem: &str) -> PathBuf {
    let bytes = std::fs::read(fixtures().join("fuzz/sheet_import").join(name)).expect("input");
    let ext = ["xlsx", "xls", "ods"][usize::from(bytes[0]) % 3];
    let path = dir.join(format!("{stem}.{ext}"));
    std::fs::write(&path, &bytes[1..]).expect("write");
    path
}

/// Imports `path` with the real binary and checks it is refused with `message`, exit 2.
fn refused(path: &Path, message: &str) {
    crate::selfreview()
        .args(["import", "--kind", "training"])
        .arg(path)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "cannot import {}: {message}",
            path.display()
        )));
}

#[test]
fn a_spreadsheet_that_makes_the_reader_panic_is_reported_not_crashed_on() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = sheet_input(tmp.path(), "calamine-cfb-panic.bin", "damaged");
    refused(
        &path,
        "it is damaged in a way the spreadsheet reader could not handle",
    );
}

#[test]
fn an_xls_whose_sector_chain_loops_is_reported_not_grown_without_end() {
    // Found by fuzzing: its allocation table sends a chain back on itself, and the reader
    // grew a buffer past 2 GB following it.
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = sheet_input(tmp.path(), "xls-sector-loop.bin", "looping");
    assert!(path.ends_with("looping.xls"));
    refused(
        &path,
        "it is damaged (its inner structure runs round in a circle)",
    );
}

#[test]
fn an_ods_whose_content_stops_inside_a_sheet_is_reported_not_waited_on() {
    // Found by fuzzing the content of an .ods file: once the content ran out, the reader asked
    // for ever for the sheet's end tag, or for the end of a comment on a cell.
    let tmp = tempfile::tempdir().expect("temporary folder");
    for input in ["ods-unfinished-sheet.bin", "ods-unfinished-comment.bin"] {
        let path = sheet_input(tmp.path(), input, "cut-short");
        assert!(path.ends_with("cut-short.ods"));
        refused(
            &path,
            "it is damaged (its content stops part-way through the sheet `",
        );
    }
}
