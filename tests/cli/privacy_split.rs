//! A child's name split between two cells of a row, and a scoring workbook that cannot be
//! read: each stops the outputs that would show or leave out what the school wrote.

use crate::privacy::{CLEAN, outputs, review, run, workbook};
use crate::two_reviewers;

const LOG: &str = "Date,Category,Pupil\n01/10/2026,Gaming,Alfie Brooks\n";

#[test]
fn a_name_split_between_planned_actions_and_owner_is_refused_by_score_report_and_pack() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    workbook(
        dir,
        &[("A1.1", CLEAN, "", "Give the certificate to Alfie", "Brooks")],
    );
    let mut printed = String::new();
    for args in [&["score"][..], &["report"], &["pack"]] {
        let (status, stdout, stderr) = run(dir, args);
        assert_eq!(status, 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("error[private-name-in-workbook]")
                && stderr.contains("planned actions (Scores!")
                && stderr.contains("owner (Scores!"),
            "{args:?}: {stderr}"
        );
        printed.push_str(&stdout);
    }
    let (status, json, _) = run(dir, &["score", "--json"]);
    assert_eq!(status, 1);
    printed.push_str(&json);
    assert!(printed.contains("Give the certificate to"), "{printed}");
    assert!(!printed.contains("Brooks"), "{printed}");
    for (path, text) in outputs(dir) {
        assert!(!text.contains("Brooks"), "{}", path.display());
    }
    assert!(
        !std::fs::read_dir(dir.join("out"))
            .expect("out/")
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "zip")),
        "a pack was written"
    );
}

#[test]
fn a_damaged_scoring_workbook_stops_report_and_pack_writing_anything() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    two_reviewers(dir);
    std::fs::write(dir.join("scores/extra.xlsx"), b"PK\x03\x04 cut short").expect("write");
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("scores/extra.xlsx: error[unreadable-workbook]")
            && stderr.contains("The pack was not written"),
        "{stderr}"
    );
    let (status, _, stderr) = run(dir, &["report"]);
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    let written: Vec<_> = std::fs::read_dir(dir.join("out"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn a_pupil_list_in_utf16_without_its_mark_is_refused_for_that_reason() {
    let text = "First name,Surname\r\nZoë,Brontë\r\n";
    let wide: String = String::new();
    let tmp = review(LOG, Some(&wide));
    let dir = tmp.path();
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(dir.join("evidence/pupils.csv"), bytes).expect("write");
    let (status, _, stderr) = run(dir, &["import"]);
    assert_ne!(status, 0, "{stderr}");
    assert!(
        stderr.contains("UTF-16 text without a byte order mark"),
        "{stderr}"
    );
}
