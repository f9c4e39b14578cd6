//! The hand-over to the assessor through the binary: the group's agreed commentary, read
//! back from a workbook LibreOffice saved as ods, is what the pack carries; reviewers' own
//! commentary only when review.toml asks; without a group workbook the pack says what it
//! carries instead; a child's name in the agreed commentary is withheld like any other.
//!
//! `tests/fixtures/workbooks/group-agreed-libreoffice.ods` was made by `selfreview workbook
//! --group --reviewer DSL --reviewer OSL`, filled in with openpyxl (A1.1 agreed at 2 with a
//! rationale, an agreed commentary and a member's note in Commentary; A1.2 agreed at 3 with
//! only a note) and converted by LibreOffice.

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use predicates::prelude::*;

use crate::report::full_review;
use crate::{aspect_json, filled_workbook, fixtures, selfreview};

/// The fixture's agreed commentary for A1.1.
pub const AGREED: &str = "The policy names every role and staff went through their duties at the September briefing; the online safety lead and the DSL meet each half term and keep notes, and staff asked on a learning walk could describe their own part in keeping learners safe online.";
const OWN: &str = "I have missed two meetings and the parent places were empty until recently, so I see this as developing rather than established.";

/// A review with the DSL's and OSL's own workbooks and the group's, saved by LibreOffice.
pub fn with_group(dir: &Path) {
    full_review(dir);
    for f in std::fs::read_dir(dir.join("scores")).expect("scores") {
        std::fs::remove_file(f.expect("entry").path()).expect("remove");
    }
    std::fs::write(
        dir.join("evidence/policy.pdf"),
        crate::text_pdf(&["Policy"]),
    )
    .expect("pdf");
    filled_workbook(&dir.join("scores/dsl.xlsx"), "DSL", &[("A1.1", 2, OWN, "")]);
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A1.1", 3, "Own words.", "")],
    );
    std::fs::copy(
        fixtures().join("workbooks/group-agreed-libreoffice.ods"),
        dir.join("scores/group.ods"),
    )
    .expect("copy");
}

/// Replaces `from` with `to` in review.toml.
pub fn set(dir: &Path, from: &str, to: &str) {
    let path = dir.join("review.toml");
    let review = std::fs::read_to_string(&path).expect("review.toml");
    assert!(review.contains(from), "{from}");
    std::fs::write(path, review.replace(from, to)).expect("write");
}

pub fn append(dir: &Path, text: &str) {
    let path = dir.join("review.toml");
    let mut review = std::fs::read_to_string(&path).expect("review.toml");
    review.push_str(text);
    std::fs::write(path, review).expect("write");
}

pub fn run(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    selfreview().arg("-C").arg(dir).args(args).assert()
}

pub fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("--json")
        .args(args)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("json")
}

pub fn pack_path(dir: &Path) -> PathBuf {
    dir.join("out/hill-primary-evidence-2026-11-01.zip")
}

/// The text of one entry of a pack.
pub fn entry(zip: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).expect("pack")).expect("zip");
    let mut e = archive.by_name(name).expect(name);
    let mut text = String::new();
    e.read_to_string(&mut text).expect("text");
    text
}

#[test]
fn a_group_workbook_has_agreed_commentary_beside_the_agreed_level_and_rationale() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    crate::init_review(tmp.path(), &[]).success();
    run(
        tmp.path(),
        &[
            "workbook",
            "--group",
            "--reviewer",
            "DSL",
            "--reviewer",
            "OSL",
        ],
    )
    .success();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(tmp.path().join("scores/group.xlsx")).expect("calamine");
    let range = book.worksheet_range("Scores").expect("scores");
    let headers: Vec<String> = range
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| match c {
            Data::String(s) => s.clone(),
            _ => String::new(),
        })
        .collect();
    let at = headers.iter().position(|h| h == "Agreed").expect("Agreed");
    assert_eq!(
        &headers[at..at + 4],
        ["Agreed", "Rationale", "Agreed commentary", "Commentary"]
    );
    let info = book.worksheet_range("Instructions").expect("instructions");
    let said = info
        .rows()
        .flat_map(|r| r.iter())
        .any(|c| matches!(c, Data::String(s) if s.contains("only the agreed commentary goes in the evidence pack")));
    assert!(said, "the instructions explain the column");
}

#[test]
fn the_agreed_commentary_saved_by_libreoffice_is_what_the_pack_carries() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    let doc = json(tmp.path(), &["score"]);
    let a11 = aspect_json(&doc, "A1.1");
    assert_eq!(a11["agreed_commentary"]["text"], AGREED);
    assert_eq!(a11["agreed_commentary"]["by"], "group");
    assert_eq!(a11["agreed"], 2);
    let a12 = aspect_json(&doc, "A1.2");
    assert!(a12.get("agreed_commentary").is_none(), "{a12}");
    assert_eq!(
        a12["commentary_check"], "missing",
        "the meeting's notes are not the agreed commentary"
    );

    run(tmp.path(), &["score"]).stdout(predicate::str::contains(
        "Agreed commentary (what the assessor reads): 1 of 21 aspects",
    ));
    run(tmp.path(), &["pack"])
        .success()
        .stderr(predicate::str::contains("warning[sign-off-missing]"))
        .stderr(predicate::str::contains("no-group-workbook").not());
    let zip = pack_path(tmp.path());
    let text = entry(&zip, "aspects/A1.1/commentary.txt");
    assert!(
        text.contains(&format!("Agreed commentary:\n{AGREED}")),
        "{text}"
    );
    assert!(
        text.contains("Why the group agreed this level: The notes"),
        "{text}"
    );
    let index = entry(&zip, "index.html");
    for own in ["missed two meetings", "Own words."] {
        assert!(
            !text.contains(own) && !index.contains(own),
            "{own} went to the assessor"
        );
    }
    assert!(entry(&zip, "aspects/A1.2/commentary.txt").contains("No agreed commentary."));

    set(
        tmp.path(),
        "reviewer-commentary = false",
        "reviewer-commentary = true",
    );
    run(tmp.path(), &["pack"]).success();
    let text = entry(&zip, "aspects/A1.1/commentary.txt");
    assert!(
        text.contains("(own commentary):\nI have missed two meetings"),
        "{text}"
    );
    assert!(entry(&zip, "index.html").contains("missed two meetings"));
}

#[test]
fn a_wrong_reviewer_commentary_setting_is_named_with_its_place() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    set(
        tmp.path(),
        "reviewer-commentary = false",
        "reviewer-commentary = \"yes\"",
    );
    let review = std::fs::read_to_string(tmp.path().join("review.toml")).expect("toml");
    let line = 1 + review
        .lines()
        .position(|l| l.starts_with("reviewer-commentary"))
        .expect("the key");
    run(tmp.path(), &["pack"])
        .code(2)
        .stderr(predicate::str::contains(format!("review.toml:{line}:")))
        .stderr(predicate::str::contains("expected true or false"));
    assert!(!pack_path(tmp.path()).exists());
}

#[test]
fn without_a_group_workbook_the_pack_says_what_it_carries_instead() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    std::fs::remove_file(tmp.path().join("scores/group.ods")).expect("remove");
    run(tmp.path(), &["score"]).stdout(predicate::str::contains(
        "Agreed commentary: none, as there is no group workbook",
    ));
    run(tmp.path(), &["pack"])
        .success()
        .stderr(predicate::str::contains("warning[no-group-workbook]"))
        .stderr(predicate::str::contains(
            "the middle of the reviewers' levels and no commentary at all",
        ));
    let text = entry(&pack_path(tmp.path()), "aspects/A1.1/commentary.txt");
    assert!(
        text.contains("No agreed commentary.") && !text.contains("missed two"),
        "{text}"
    );

    // One reviewer alone: their commentary is the school's.
    std::fs::remove_file(tmp.path().join("scores/osl.xlsx")).expect("remove");
    run(tmp.path(), &["pack"])
        .success()
        .stderr(predicate::str::contains("as the only reviewer gave them"));
    let text = entry(&pack_path(tmp.path()), "aspects/A1.1/commentary.txt");
    assert!(
        text.contains(&format!("The only reviewer's commentary:\n{OWN}")),
        "{text}"
    );
}

#[test]
fn a_pupil_named_in_the_agreed_commentary_is_withheld_everywhere() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    std::fs::remove_file(tmp.path().join("scores/group.ods")).expect("remove");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet().set_name("Scores").expect("name");
    let headers = [
        "Code",
        "Aspect",
        "Benchmark",
        "DSL",
        "Agreed",
        "Rationale",
        "Agreed commentary",
        "Commentary",
    ];
    for (c, h) in (0u16..).zip(headers) {
        sheet.write(0, c, h).expect("write");
    }
    sheet.write(1, 0, "A1.1").expect("write");
    sheet.write(1, 4, 2).expect("write");
    sheet
        .write(
            1,
            6,
            "After Jamie Fox was targeted we changed the curriculum for every year group.",
        )
        .expect("write");
    let info = wb.add_worksheet().set_name("Instructions").expect("name");
    for (r, (l, v)) in (0u32..).zip([
        ("Reviewer", "Group"),
        ("Framework", "online-safety-21"),
        ("Framework version", "1.0.0"),
    ]) {
        info.write(r, 0, l).expect("write");
        info.write(r, 1, v).expect("write");
    }
    wb.save(tmp.path().join("scores/group.xlsx")).expect("save");

    run(tmp.path(), &["score"])
        .code(1)
        .stderr(predicate::str::contains("error[private-name-in-workbook]"))
        .stderr(predicate::str::contains("Scores!G2"))
        .stderr(predicate::str::contains(
            "the agreed commentary for A1.1 names a pupil",
        ))
        .stderr(predicate::str::contains("Jamie Fox").not());
    let doc = json(tmp.path(), &["score"]);
    let text = aspect_json(&doc, "A1.1")["agreed_commentary"]["text"].to_string();
    assert!(
        text.contains("[name removed]") && !text.contains("Jamie"),
        "{text}"
    );
    run(tmp.path(), &["report"]).code(1);
    for page in ["online-tool.html", "visit.html", "report.html"] {
        let html = std::fs::read_to_string(tmp.path().join("out").join(page)).expect(page);
        assert!(!html.contains("Jamie Fox"), "{page}");
    }
    let tool = std::fs::read_to_string(tmp.path().join("out/online-tool.html")).expect("tool");
    assert!(tool.contains("[name removed] was targeted"));
    run(tmp.path(), &["pack"])
        .code(1)
        .stderr(predicate::str::contains("The pack was not written"));
    assert!(!pack_path(tmp.path()).exists());
}

#[test]
fn commentary_typed_beside_a_blank_agreed_commentary_is_named_as_such() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    let doc = json(tmp.path(), &["score"]);
    let reason = doc["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|r| r["aspect"] == "A1.2")
        .expect("A1.2 held back");
    let said = reason["message"].as_str().expect("message");
    assert!(
        said.contains("the group workbook's Agreed commentary is blank"),
        "{said}"
    );
}
