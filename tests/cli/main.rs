//! Runs the real `selfreview` binary on fixture folders and checks what a school would see.
//!
//! One integration test crate; each module covers one command.

mod agree_again;
mod agreement_counts;
mod citations;
mod dates;
mod demo;
mod filtering_words;
mod first;
mod forgery;
mod framework;
mod fuzz;
mod general;
mod governors;
mod groups;
mod handover;
mod import;
mod init;
mod interrupt;
mod level_truth;
mod lost;
mod maps;
mod migrate;
mod outputs;
mod pack;
mod plain;
mod print;
mod privacy;
mod privacy_cells;
mod privacy_documents;
mod privacy_edges;
mod privacy_forms;
mod privacy_hidden;
mod privacy_holes;
mod privacy_messages;
mod privacy_shown;
mod privacy_split;
mod privacy_writing;
mod ready_truth;
mod records;
mod register_awaited;
mod register_columns;
mod register_edges;
mod register_empty;
mod register_groups;
mod register_held;
mod register_honest;
mod register_latest;
mod register_listed;
mod register_marked;
mod register_meaning;
mod register_reworded;
mod register_sheets;
mod register_standing;
mod register_status;
mod register_truth;
mod register_unusable;
mod register_words;
mod registers;
mod report;
mod review_keys;
mod scope;
mod score;
mod shares;
mod signoff;
mod status_closed;
mod status_words;
mod today;
mod verdict;
mod verify_edges;
mod verify_fields;
mod visit;
mod workbook;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use selfreview::Code;

/// The binary under test.
pub fn selfreview() -> Command {
    Command::cargo_bin("selfreview").expect("the binary is built for integration tests")
}

/// The aspect `code` in the JSON of `score --json`.
pub fn aspect_json<'a>(doc: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    doc["aspects"]
        .as_array()
        .expect("aspects")
        .iter()
        .find(|a| a["code"] == code)
        .expect("every aspect is in the JSON")
}

/// A sheet of a workbook read back with calamine, as a spreadsheet program shows it: each
/// row whose first cell is an aspect code (`A1.1`), by that code, its cells by the heading
/// above them, with dates written day first as the school reads them; the rows that
/// continue an aspect's text are joined onto it.
pub fn rows_by_code(
    path: &Path,
    sheet: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> {
    use calamine::{Data, DataType, Reader};
    let mut wb = calamine::open_workbook_auto(path).expect("calamine opens it");
    let range = wb.worksheet_range(sheet).expect("the sheet");
    let cell = |c: &Data| match c {
        Data::DateTime(_) | Data::DateTimeIso(_) => c
            .as_date()
            .map_or_else(|| c.to_string(), |d| d.format("%d/%m/%Y").to_string()),
        _ => c.to_string(),
    };
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .expect("header")
        .iter()
        .map(Data::to_string)
        .collect();
    let mut out: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
        std::collections::BTreeMap::new();
    for r in rows.filter(|r| r[0].to_string().contains('.')) {
        let code = r[0].to_string();
        let cells = header.iter().zip(r).map(|(h, c)| (h.clone(), cell(c)));
        // A row continuing the aspect above it (text too long for one row) is joined onto
        // the aspect's own row, as the reader joins it.
        let continues = r
            .get(1)
            .is_some_and(|c| c.to_string().ends_with("(continued)"));
        match out.get_mut(&code) {
            Some(own) if continues => {
                for (h, text) in cells {
                    if let Some(value) = own.get_mut(&h).filter(|_| !text.is_empty()) {
                        value.push_str(&text);
                    }
                }
            }
            _ => {
                out.insert(code, cells.collect());
            }
        }
    }
    out
}

/// The number, from 1, of the first line of `text` that starts with `start`, as a finding
/// names it (`review.toml:12:8`).
pub fn line_of(text: &str, start: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?}"))
        + 1
}

/// `import --as-of DATE --kind KIND FILE` run twice, with `--json` and without: the JSON
/// and the text (standard output, then standard error).
pub fn import_both(file: &Path, kind: &str, as_of: &str) -> (serde_json::Value, String) {
    let run = |json: bool| {
        let mut cmd = selfreview();
        if json {
            cmd.arg("--json");
        }
        let out = cmd
            .args(["import", "--as-of", as_of, "--kind", kind])
            .arg(file)
            .assert()
            .success();
        out.get_output().clone()
    };
    let json = run(true);
    let text = run(false);
    let text = format!(
        "{}{}",
        String::from_utf8(text.stdout).expect("utf-8"),
        String::from_utf8(text.stderr).expect("utf-8")
    );
    (serde_json::from_slice(&json.stdout).expect("JSON"), text)
}

/// The standard output of `selfreview -C dir ARGS`, which must succeed.
#[track_caller]
pub fn stdout_of(dir: &Path, args: &[&str]) -> String {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

/// Asserts that `text` holds every one of `parts`, naming the first it lacks.
#[track_caller]
pub fn says(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "{part:?} is not in:\n{text}");
    }
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
pub const WORKBOOK_CODES: [Code; 31] = [
    Code::AgreedCommentaryColumnMissing,
    Code::CommentaryFormulaWithoutValue,
    Code::UnreadableWorkbook,
    Code::NotAScoringWorkbook,
    Code::WorkbookFrameworkMismatch,
    Code::WorkbookVersionMismatch,
    Code::InvalidLevel,
    Code::UnknownAspectCode,
    Code::MissingAspectRow,
    Code::DuplicateAspectRow,
    Code::LevelOnContinuationRow,
    Code::InvalidTargetDate,
    Code::DuplicateReviewerWorkbook,
    Code::CopiedWorkbook,
    Code::ReservedReviewerName,
    Code::LevelFormulaWithoutValue,
    Code::AgreedLevelFormula,
    Code::EvidenceNotImported,
    Code::ReviewDateNotSet,
    Code::RecordsPredateWindow,
    Code::RecordsPostdateReview,
    Code::ColumnNotRecognised,
    Code::DocumentReviewOverdue,
    Code::DocumentReviewStale,
    Code::DocumentReviewDatesWrong,
    Code::AgreementDatesUnreadable,
    Code::AgreementGroupUnplaced,
    Code::AgreementCountsConflict,
    Code::AspectUnevidenced,
    Code::ReviewAfterChange,
    Code::MigrationConflict,
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

/// Codes about the hand-over to the assessor, each produced in `tests/cli/handover.rs`.
pub const HANDOVER_CODES: [Code; 14] = [
    Code::SignOffDateImplausible,
    Code::PackChangesNotReviewed,
    Code::PackEntryDuplicate,
    Code::PackEntryFolder,
    Code::PackEntryNotAFile,
    Code::PackEntryHeaderMismatch,
    Code::PackStrayBytes,
    Code::PackDamaged,
    Code::PackFingerprintMismatch,
    Code::NoGroupWorkbook,
    Code::SignOffMissing,
    Code::SignOffIncomplete,
    Code::InvalidValue,
    Code::ReassessmentDue,
];

/// Codes about a review's own framework maps, each produced in `tests/cli/maps.rs`.
pub const MAP_CODES: [Code; 1] = [Code::MapConflict];

/// Codes about children's names, each produced in `tests/cli/privacy*.rs`.
pub const PRIVACY_CODES: [Code; 8] = [
    Code::PrivateNameInWorkbook,
    Code::PrivateNameInRecords,
    Code::PrivateNameInSignOff,
    Code::PrivateNameInSettings,
    Code::NamesUnreadable,
    Code::NoSourceOfNames,
    Code::UnsearchableEvidence,
    Code::CheckedFileMissing,
];

/// Codes about the snapshots in history/, each produced in `tests/cli/ready_truth.rs`.
pub const HISTORY_CODES: [Code; 1] = [Code::SnapshotUnreadable];

/// Codes a framework file can produce: every code not about review.toml, workbooks, packs
/// or children's names.
pub fn framework_codes() -> impl Iterator<Item = Code> {
    Code::ALL.iter().copied().filter(|c| {
        !REVIEW_CODES.contains(c)
            && !WORKBOOK_CODES.contains(c)
            && !PACK_CODES.contains(c)
            && !PRIVACY_CODES.contains(c)
            && !HANDOVER_CODES.contains(c)
            && !MAP_CODES.contains(c)
            && !HISTORY_CODES.contains(c)
    })
}

/// Runs `selfreview -C DIR init [ARGS…] --school "Hill Primary" --review-date 2026-11-01`,
/// on the 21-aspect framework the workbook fixtures were made for unless ARGS name one.
pub fn init_review(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    let framework: &[&str] = if args.contains(&"--framework") {
        &[]
    } else {
        &["--framework", "online-safety-21"]
    };
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("init")
        .args(args)
        .args(framework)
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

/// One aspect's row of a scoring workbook, as a reviewer fills it.
#[derive(Debug, Default, Clone, Copy)]
pub struct AspectRow<'a> {
    /// The aspect code.
    pub code: &'a str,
    /// The level given.
    pub level: u8,
    /// Commentary.
    pub commentary: &'a str,
    /// Evidence cited.
    pub evidence: &'a str,
    /// Planned actions.
    pub actions: &'a str,
    /// Who owns them.
    pub owner: &'a str,
    /// Text typed into the Level cell instead of a level, if any.
    pub level_text: &'a str,
    /// Why the records differ from the level claimed, if the group said.
    pub why: &'a str,
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
    let rows: Vec<AspectRow<'_>> = rows
        .iter()
        .map(|&(code, level, commentary, evidence)| AspectRow {
            code,
            level,
            commentary,
            evidence,
            why: explained
                .iter()
                .find(|(c, _)| *c == code)
                .map_or("", |(_, why)| why),
            ..AspectRow::default()
        })
        .collect();
    scoring_workbook(path, reviewer, &rows);
}

/// Writes a scoring workbook of our layout for `reviewer` with every text column; the
/// "Why the records differ" column only when a row fills it.
pub fn scoring_workbook(path: &Path, reviewer: &str, rows: &[AspectRow<'_>]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet().set_name("Scores").expect("name");
    let mut headers = vec![
        "Code",
        "Aspect",
        "Benchmark",
        "Level",
        "Commentary",
        "Evidence",
        "Planned actions",
        "Owner",
    ];
    if rows.iter().any(|r| !r.why.is_empty()) {
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
        if let Some(row) = rows.iter().find(|row| row.code == code) {
            if row.level_text.is_empty() {
                sheet.write(r, 3, row.level).expect("write");
            } else {
                sheet.write(r, 3, row.level_text).expect("write");
            }
            let texts = [
                row.commentary,
                row.evidence,
                row.actions,
                row.owner,
                row.why,
            ];
            for (c, text) in (4u16..).zip(texts) {
                if !text.is_empty() {
                    sheet.write(r, c, text).expect("write");
                }
            }
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

/// A one-page PDF whose text layer holds `lines` (Helvetica, WinAnsi text), as a school's
/// word processor would export a short document.
pub fn text_pdf(lines: &[&str]) -> Vec<u8> {
    let body: Vec<String> = lines
        .iter()
        .map(|l| {
            format!(
                "({}) '",
                l.replace('\\', "\\\\")
                    .replace('(', "\\(")
                    .replace(')', "\\)")
            )
        })
        .collect();
    content_pdf(&format!(
        "BT /F1 12 Tf 60 780 Td 16 TL {} ET",
        body.join(" ")
    ))
}

/// A one-page PDF whose page content is `text` (with Helvetica as /F1).
pub fn content_pdf(text: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Lists files under `evidence/` as checked by hand in a review's review.toml.
pub fn set_checked_by_hand(dir: &Path, files: &[&str]) {
    let path = dir.join("review.toml");
    let review = std::fs::read_to_string(&path).expect("review.toml");
    let list: Vec<String> = files.iter().map(|f| format!("{f:?}")).collect();
    let review = review.replace(
        "checked-by-hand = []",
        &format!("checked-by-hand = [{}]", list.join(", ")),
    );
    std::fs::write(path, review).expect("write review.toml");
}
