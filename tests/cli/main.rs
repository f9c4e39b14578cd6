//! Runs the real `selfreview` binary on fixture folders and checks what a school would see.
//!
//! One integration test crate; each module covers one command.

mod framework;
mod general;
mod init;

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
