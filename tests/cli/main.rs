//! Runs the real `selfreview` binary on fixture folders and checks what a school would see.
//!
//! One integration test crate; each module covers one command.

mod citations;
mod dates;
mod demo;
mod first;
mod framework;
mod fuzz;
mod general;
mod governors;
mod groups;
mod import;
mod init;
mod interrupt;
mod lost;
mod outputs;
mod pack;
mod report;
mod scope;
mod score;
mod verdict;
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
pub const WORKBOOK_CODES: [Code; 15] = [
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
    Code::CopiedWorkbook,
    Code::LevelFormulaWithoutValue,
    Code::EvidenceNotImported,
    Code::ReviewDateNotSet,
    Code::RecordsPredateWindow,
];

/// Codes about the evidence pack and its verification, produced in `tests/cli/pack.rs`.
pub const PACK_CODES: [Code; 10] = [
    Code::MissingEvidence,
    Code::EvidenceNotAFile,
    Code::UnsafeEvidencePath,
    Code::EvidenceNotPacked,
    Code::PrivateNameInPack,
    Code::PackEntryAltered,
    Code::PackEntryMissing,
    Code::PackEntryExtra,
    Code::PackEntryUnsafeName,
    Code::PackManifestMalformed,
];

/// Codes a framework file can produce: every code not about review.toml, workbooks or packs.
pub fn framework_codes() -> impl Iterator<Item = Code> {
    Code::ALL.iter().copied().filter(|c| {
        !REVIEW_CODES.contains(c) && !WORKBOOK_CODES.contains(c) && !PACK_CODES.contains(c)
    })
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

/// Words from the imported incident fixtures that must never reach any output.
pub const PRIVATE: [&str; 8] = [
    "Jamie Fox",
    "Ava Singh",
    "Leo Brown",
    "Mia Green",
    "Noah White",
    "Unkind messages",
    "Image shared",
    "Name-calling",
];

/// A review for DSL and OSL whose DSL workbook was filled with openpyxl and re-saved by
/// LibreOffice as ods; OSL's workbook is still blank.
pub fn two_reviewers(dir: &Path) {
    init_review(dir, &[]).success();
    selfreview()
        .arg("-C")
        .arg(dir)
        .args(["workbook", "--reviewer", "DSL", "--reviewer", "OSL"])
        .assert()
        .success();
    std::fs::remove_file(dir.join("scores/dsl.xlsx")).expect("remove blank");
    std::fs::copy(
        fixtures().join("workbooks/dsl-libreoffice.ods"),
        dir.join("scores/dsl.ods"),
    )
    .expect("copy");
}

/// Writes a scoring workbook of our layout for `reviewer`, as a reviewer would fill it:
/// rows of (aspect code, level, commentary, evidence).
/// The workbook has no "Why the records differ" column, as workbooks made before it had.
pub fn filled_workbook(path: &Path, reviewer: &str, rows: &[(&str, u8, &str, &str)]) {
    filled_workbook_explained(path, reviewer, rows, &[]);
}

/// As [`filled_workbook`], with a "Why the records differ" column holding `explained`'s
/// (aspect code, explanation) pairs; with none, the column is left out.
pub fn filled_workbook_explained(
    path: &Path,
    reviewer: &str,
    rows: &[(&str, u8, &str, &str)],
    explained: &[(&str, &str)],
) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet().set_name("Scores").expect("name");
    let mut headers = vec![
        "Code",
        "Aspect",
        "Benchmark",
        "Level",
        "Commentary",
        "Evidence",
    ];
    if !explained.is_empty() {
        headers.push("Why the records differ");
    }
    for (c, h) in headers.iter().enumerate() {
        sheet.write(0, c as u16, *h).expect("write");
    }
    let codes = [
        "A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "B1.1", "B1.2", "B2.1", "B3.1", "B4.1",
        "B4.2", "C1.1", "C1.2", "C1.3", "C1.4", "C2.1", "C2.2", "C2.3", "C2.4", "D1.1",
    ];
    for (r, code) in (1u32..).zip(codes) {
        sheet.write(r, 0, code).expect("write");
        sheet.write(r, 2, 2).expect("write");
        if let Some((_, level, commentary, evidence)) = rows.iter().find(|(c, ..)| *c == code) {
            sheet.write(r, 3, *level).expect("write");
            sheet.write(r, 4, *commentary).expect("write");
            sheet.write(r, 5, *evidence).expect("write");
        }
        if let Some((_, why)) = explained.iter().find(|(c, _)| *c == code) {
            sheet.write(r, 6, *why).expect("write");
        }
    }
    let info = wb.add_worksheet().set_name("Instructions").expect("name");
    for (r, (label, value)) in [
        ("Reviewer", reviewer),
        ("Framework", "online-safety-21"),
        ("Framework version", "1.0.0"),
    ]
    .iter()
    .enumerate()
    {
        info.write(r as u32, 0, *label).expect("write");
        info.write(r as u32, 1, *value).expect("write");
    }
    wb.save(path).expect("save workbook");
}
