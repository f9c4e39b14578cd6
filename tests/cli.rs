//! Runs the real `selfreview` binary on fixture folders and checks what a school would see.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use predicates::prelude::*;
use selfreview::Code;

fn selfreview() -> Command {
    Command::cargo_bin("selfreview").expect("the binary is built for integration tests")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Codes whose fixture is a review folder (`review.toml`) rather than a framework file.
const REVIEW_CODES: [Code; 3] = [
    Code::InvalidDate,
    Code::DuplicateReviewer,
    Code::UnknownEvidenceKind,
];

#[test]
fn shipped_frameworks_pass_their_check() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("frameworks"))
        .expect("frameworks/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    selfreview()
        .current_dir(repo())
        .args(["framework", "check"])
        .args(&files)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "online-safety-21 1.0.0 with 21 aspects",
        ))
        .stderr("");
}

#[test]
fn show_prints_all_21_aspects() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let out = selfreview()
        .current_dir(tmp.path())
        .args(["framework", "show"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let codes = [
        "A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "B1.1", "B1.2", "B2.1", "B3.1", "B4.1",
        "B4.2", "C1.1", "C1.2", "C1.3", "C1.4", "C2.1", "C2.2", "C2.3", "C2.4", "D1.1",
    ];
    for code in codes {
        assert!(
            text.contains(&format!("    {code} ")),
            "{code} missing from\n{text}"
        );
    }
    assert!(text.contains("21 aspects."));
}

#[test]
fn show_json_and_one_aspect_in_full() {
    let out = selfreview()
        .args(["--json", "framework", "show", "online-safety-21"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let fw: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert_eq!(fw["id"], "online-safety-21");
    let aspects: usize = fw["elements"]
        .as_array()
        .expect("elements")
        .iter()
        .flat_map(|e| e["strands"].as_array().expect("strands"))
        .map(|s| s["aspects"].as_array().expect("aspects").len())
        .sum();
    assert_eq!(aspects, 21);

    selfreview()
        .args(["framework", "show", "--aspect", "b2.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("B2.1  Staff"))
        .stdout(predicate::str::contains("from 3 to 2:"))
        .stdout(predicate::str::contains(
            "a claimed level of 2 or better needs training.coverage (group=staff, months=24) ≥ 0.9",
        ));

    selfreview()
        .args(["framework", "show", "--aspect", "Z9.9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("has no aspect `Z9.9`"));
}

#[test]
fn three_problems_are_reported_together_with_places() {
    let assert = selfreview()
        .current_dir(fixtures())
        .args(["framework", "check", "framework/three-problems.toml"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    insta::assert_snapshot!(stderr, @r"
    framework/three-problems.toml:25:13: error[benchmark-out-of-range]: benchmark 7 is not a level
      help: levels run from 1 (aspirational) to 5 (nothing in place)
    framework/three-problems.toml:26:1: error[unknown-key]: unknown key `colour` in `elements[0].strands[0].aspects[0]`
      help: check the spelling against frameworks/README.md, or remove the key
    framework/three-problems.toml:49:8: error[duplicate-code]: code `A1.1` is already used at line 22
      help: give every element, strand and aspect its own code
    framework/three-problems.toml: 3 error(s); fix them and run `selfreview framework check` again
    ");
}

#[test]
fn check_json_reports_findings_as_data() {
    let out = selfreview()
        .current_dir(fixtures())
        .args([
            "--json",
            "framework",
            "check",
            "framework/three-problems.toml",
            "framework/valid-minimal.toml",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let results: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    let bad = &results[0];
    assert_eq!(bad["ok"], false);
    let codes: Vec<&str> = bad["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(
        codes,
        ["benchmark-out-of-range", "unknown-key", "duplicate-code"]
    );
    assert_eq!(bad["diagnostics"][0]["location"]["line"], 25);
    assert_eq!(bad["diagnostics"][0]["location"]["column"], 13);
    assert_eq!(results[1]["ok"], true);
    assert_eq!(results[1]["framework"]["aspects"], 1);
}

#[test]
fn every_framework_code_has_a_fixture_that_produces_it() {
    for code in Code::ALL.iter().filter(|c| !REVIEW_CODES.contains(c)) {
        let file = format!("framework/{}.toml", code.as_str());
        assert!(fixtures().join(&file).is_file(), "no fixture {file}");
        let warning_only = *code == Code::NoSuggestedEvidence;
        let assert = selfreview()
            .current_dir(fixtures())
            .args(["framework", "check", &file])
            .assert()
            .code(if warning_only { 0 } else { 1 });
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
        let severity = if warning_only { "warning" } else { "error" };
        let expected = format!("{file}:");
        let tag = format!(": {severity}[{}]: ", code.as_str());
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(&expected) && l.contains(&tag)),
            "{file} did not produce a located {tag}:\n{stderr}"
        );
    }
}

#[test]
fn every_review_code_has_a_fixture_that_produces_it() {
    for code in REVIEW_CODES {
        let dir = fixtures().join("review").join(code.as_str());
        assert!(dir.join("review.toml").is_file(), "no fixture for {code}");
        selfreview()
            .arg("-C")
            .arg(&dir)
            .args(["framework", "show"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("review.toml:"))
            .stderr(predicate::str::contains(format!(
                "error[{}]",
                code.as_str()
            )))
            .stderr(predicate::str::contains(
                "review.toml has 1 problem(s) to fix first",
            ));
    }
}

#[test]
fn unreadable_framework_file_is_exit_2_naming_the_file() {
    selfreview()
        .args(["framework", "check", "no-such-framework.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read no-such-framework.toml",
        ));
}

#[test]
fn list_shows_embedded_and_local_frameworks() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir(tmp.path().join("frameworks")).expect("mkdir");
    std::fs::copy(
        fixtures().join("framework/valid-minimal.toml"),
        tmp.path().join("frameworks/tiny.toml"),
    )
    .expect("copy");
    std::fs::copy(
        fixtures().join("framework/three-problems.toml"),
        tmp.path().join("frameworks/broken.toml"),
    )
    .expect("copy");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["framework", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("online-safety-21"))
        .stdout(predicate::str::contains("built in"))
        .stdout(
            predicate::str::is_match(r"tiny\s+0\.1\s+1\s+frameworks/tiny\.toml").expect("regex"),
        )
        .stdout(predicate::str::contains(
            "frameworks/broken.toml (has errors",
        ));
    // A local framework is found by its id.
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["framework", "show", "tiny"])
        .assert()
        .success()
        .stdout(predicate::str::contains("A1.1   Named lead"));
}

#[test]
fn init_creates_the_folder_and_a_second_run_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    selfreview()
        .arg("init")
        .arg(&dir)
        .args(["--school", "Hill Primary", "--review-date", "2026-11-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("evidence/incident-log.xlsx"));
    for sub in ["scores", "evidence", "out", "history"] {
        assert!(dir.join(sub).is_dir(), "{sub}/ missing");
    }
    let review = std::fs::read_to_string(dir.join("review.toml")).expect("written");
    assert!(review.contains("school = \"Hill Primary\""));
    assert!(review.contains("review-date = 2026-11-01"));

    // The review folder is usable: show finds its framework through review.toml.
    selfreview()
        .arg("-C")
        .arg(&dir)
        .args(["framework", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("online-safety-21 1.0.0"));

    let edited = "school = \"Edited by the school\"\n";
    std::fs::write(dir.join("review.toml"), edited).expect("edit");
    let before = snapshot_folder(&dir);
    selfreview()
        .arg("init")
        .arg(&dir)
        .args(["--school", "Other School"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing was changed"))
        .stderr(predicate::str::contains("review.toml"))
        .stderr(predicate::str::contains("training-records.xlsx"));
    assert_eq!(snapshot_folder(&dir), before);
}

fn snapshot_folder(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                files.push((path.clone(), Vec::new()));
                stack.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).expect("readable")));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn init_templates_read_back_with_their_headers() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args([
            "init",
            "--school",
            "Hill Primary",
            "--review-date",
            "2026-11-01",
        ])
        .assert()
        .success();
    let expected: [(&str, &str, &[&str]); 3] = [
        (
            "training-records.xlsx",
            "Training",
            &[
                "Name",
                "Role",
                "Course",
                "Provider",
                "Date completed",
                "Next due",
                "Certificate",
            ],
        ),
        (
            "incident-log.xlsx",
            "Incidents",
            &[
                "Date",
                "Time",
                "Category",
                "Year group",
                "Incident",
                "Action taken",
                "Action taken by",
                "Reported by",
                "Status",
            ],
        ),
        (
            "meeting-register.xlsx",
            "Meetings",
            &[
                "Date",
                "Group",
                "Attended",
                "Apologies",
                "Items",
                "Actions agreed",
                "Actions completed",
            ],
        ),
    ];
    for (file, sheet, headers) in expected {
        let path = tmp.path().join("evidence").join(file);
        let mut wb: Xlsx<_> = open_workbook(&path).expect("calamine opens the template");
        assert_eq!(wb.sheet_names()[0], sheet);
        let range = wb.worksheet_range(sheet).expect("sheet readable");
        let first: Vec<String> = range
            .rows()
            .next()
            .expect("a header row")
            .iter()
            .map(|c| match c {
                Data::String(s) => s.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(first, headers, "{file}");
        assert_eq!(range.start(), Some((0, 0)), "header starts at A1 in {file}");
    }
    // The same template bytes on every run.
    let again = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .arg("-C")
        .arg(again.path())
        .args([
            "init",
            "--school",
            "Hill Primary",
            "--review-date",
            "2026-11-01",
        ])
        .assert()
        .success();
    for file in [
        "training-records.xlsx",
        "incident-log.xlsx",
        "meeting-register.xlsx",
        "../review.toml",
    ] {
        let a = std::fs::read(tmp.path().join("evidence").join(file)).expect("first");
        let b = std::fs::read(again.path().join("evidence").join(file)).expect("second");
        assert!(a == b, "{file} differs between runs");
    }
}

#[test]
fn init_with_a_framework_file_copies_it_into_the_review() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let fw = fixtures().join("framework/valid-minimal.toml");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["init", "new", "--school", "Hill Primary", "--framework"])
        .arg(&fw)
        .assert()
        .success();
    assert!(tmp.path().join("new/frameworks/tiny.toml").is_file());
    let review = std::fs::read_to_string(tmp.path().join("new/review.toml")).expect("written");
    assert!(review.contains("framework = \"tiny\""));
    selfreview()
        .arg("-C")
        .arg(tmp.path().join("new"))
        .args(["framework", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("tiny 0.1"));

    // A broken framework file stops init before anything is written.
    let broken = fixtures().join("framework/three-problems.toml");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["init", "other", "--school", "Hill Primary", "--framework"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[duplicate-code]"));
    assert!(!tmp.path().join("other").exists());
}

#[test]
fn bad_arguments_exit_2() {
    selfreview().args(["init"]).assert().code(2);
    selfreview()
        .args(["init", "--school", "X", "--review-date", "23/11/2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is not a date written as YYYY-MM-DD",
        ));
    selfreview().args(["framework", "check"]).assert().code(2);
    selfreview().arg("no-such-command").assert().code(2);
}

fn help(args: &[&str]) -> String {
    let out = selfreview().args(args).arg("--help").assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

#[test]
fn help_texts() {
    insta::assert_snapshot!("help", help(&[]));
    insta::assert_snapshot!("help-init", help(&["init"]));
    insta::assert_snapshot!("help-framework", help(&["framework"]));
    insta::assert_snapshot!("help-framework-list", help(&["framework", "list"]));
    insta::assert_snapshot!("help-framework-show", help(&["framework", "show"]));
    insta::assert_snapshot!("help-framework-check", help(&["framework", "check"]));
}

#[test]
fn framework_docs_example_is_valid_and_lists_every_metric_and_code() {
    let docs = std::fs::read_to_string(repo().join("frameworks/README.md")).expect("docs");
    let example = docs
        .rsplit("```toml\n")
        .next()
        .and_then(|rest| rest.split("```").next())
        .expect("the docs end with a complete example");
    let checked = selfreview::framework::check(example, Path::new("frameworks/README.md"));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    assert!(checked.framework.is_some());
    for metric in selfreview::metrics::CATALOG {
        assert!(
            docs.contains(&format!("| `{}` |", metric.name)),
            "{} undocumented",
            metric.name
        );
    }
    for code in Code::ALL.iter().filter(|c| !REVIEW_CODES.contains(c)) {
        assert!(
            docs.contains(&format!("| `{}` |", code.as_str())),
            "{code} undocumented"
        );
    }
}
