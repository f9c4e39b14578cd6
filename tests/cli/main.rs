//! Runs the real `selfreview` binary on fixture folders and checks what a school would see.
//!
//! One integration test crate; each module covers one command.

mod framework;
mod general;
mod import;
mod init;
mod report;
mod score;
mod workbook;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use selfreview::Code;

/// The binary under test.
pub fn selfreview() -> Command {
    Command::cargo_bin("selfreview").expect("the binary is built for integration tests")
}

/// `tests/fixtures`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Codes whose fixture is a review folder (`review.toml`) rather than a framework file.
pub const REVIEW_CODES: [Code; 3] = [
    Code::InvalidDate,
    Code::DuplicateReviewer,
    Code::UnknownEvidenceKind,
];

/// Codes about scoring workbooks, reported by `score`. Each is produced by a unit test in
/// `src/workbook/tests.rs` or `src/score/tests.rs`; `tests/cli/score.rs` runs some of them
/// through the binary.
pub const WORKBOOK_CODES: [Code; 11] = [
    Code::UnreadableWorkbook,
    Code::NotAScoringWorkbook,
    Code::WorkbookFrameworkMismatch,
    Code::WorkbookVersionMismatch,
    Code::InvalidLevel,
    Code::UnknownAspectCode,
    Code::MissingAspectRow,
    Code::DuplicateAspectRow,
    Code::InvalidTargetDate,
    Code::DuplicateReviewerWorkbook,
    Code::EvidenceNotImported,
];

/// Codes a framework file can produce: every code not about review.toml or workbooks.
pub fn framework_codes() -> impl Iterator<Item = Code> {
    Code::ALL
        .iter()
        .copied()
        .filter(|c| !REVIEW_CODES.contains(c) && !WORKBOOK_CODES.contains(c))
}

/// Runs `selfreview -C DIR init [ARGS…] --school "Hill Primary" --review-date 2026-11-01`.
pub fn init_review(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("init")
        .args(args)
        .args(["--school", "Hill Primary", "--review-date", "2026-11-01"])
        .assert()
}

/// Replaces the `[[evidence]]` tables of a review's review.toml with `sources`.
pub fn set_sources(dir: &Path, sources: &str) {
    let path = dir.join("review.toml");
    let review = std::fs::read_to_string(&path).expect("review.toml");
    let start = review.find("\n[[evidence]]\n").expect("has sources") + 1;
    let end = review
        .find("# What the evidence pack")
        .expect("has pack notes");
    let review = format!("{}{sources}\n{}", &review[..start], &review[end..]);
    std::fs::write(path, review).expect("write review.toml");
}
