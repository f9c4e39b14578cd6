//! `selfreview framework list|show|check|export`.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use selfreview::Code;

use crate::{REVIEW_CODES, fixtures, framework_codes, repo, selfreview};

#[test]
fn shipped_frameworks_pass_their_check() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("frameworks"))
        .expect("frameworks/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let maps: Vec<PathBuf> = std::fs::read_dir(repo().join("frameworks/maps"))
        .expect("frameworks/maps/ exists")
        .map(|e| e.expect("readable entry").path())
        .collect();
    selfreview()
        .current_dir(repo())
        .args(["framework", "check"])
        .args(&files)
        .args(&maps)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "online-safety-21 1.0.0 with 21 aspects",
        ))
        .stdout(predicate::str::contains(
            "online-safety-18 1.0.0 with 18 aspects",
        ))
        .stdout(predicate::str::contains(
            "ok: map online-safety-21-to-18 from online-safety-21 to online-safety-18",
        ))
        .stderr("");
}

#[test]
fn show_prints_every_aspect_of_the_default_18_and_of_the_21() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let eighteen = [
        "A1.1", "A1.2", "A2.1", "A2.2", "A2.3", "B1.1", "B2.1", "B3.1", "B4.1", "C1.1", "C1.2",
        "C1.3", "C1.4", "C1.5", "C2.1", "C2.2", "C2.3", "D1.1",
    ];
    let twenty_one = [
        "A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "B1.1", "B1.2", "B2.1", "B3.1", "B4.1",
        "B4.2", "C1.1", "C1.2", "C1.3", "C1.4", "C2.1", "C2.2", "C2.3", "C2.4", "D1.1",
    ];
    for (args, codes) in [
        (&["framework", "show"][..], &eighteen[..]),
        (
            &["framework", "show", "online-safety-21"][..],
            &twenty_one[..],
        ),
    ] {
        let out = selfreview()
            .current_dir(tmp.path())
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).expect("utf-8");
        for code in codes {
            assert!(
                text.contains(&format!("    {code} ")),
                "{code} missing from\n{text}"
            );
        }
        assert!(
            text.contains(&format!("{} aspects.", codes.len())),
            "{text}"
        );
    }
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
            "a claimed level of 2 or better needs training.coverage (group=staff, months=12) ≥ 0.9",
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
    framework/three-problems.toml: 3 errors; fix them and run `selfreview framework check` again
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
    for code in framework_codes() {
        let file = format!("framework/{}.toml", code.as_str());
        assert!(fixtures().join(&file).is_file(), "no fixture {file}");
        let warning_only = matches!(code, Code::NoSuggestedEvidence | Code::AspectWithoutRecords);
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
                "review.toml has 1 problem to fix first",
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
    for metric in selfreview::framework::Metric::ALL {
        assert!(
            docs.contains(&format!("| `{metric}` |")),
            "{metric} undocumented"
        );
    }
    for code in framework_codes() {
        assert!(
            docs.contains(&format!("| `{}` |", code.as_str())),
            "{code} undocumented"
        );
    }
}

#[test]
fn files_saved_by_windows_editors_are_read_or_explained() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let text = std::fs::read(fixtures().join("framework/valid-minimal.toml")).expect("fixture");
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(&text);
    std::fs::write(tmp.path().join("bom.toml"), with_bom).expect("write");
    // "Named lead £" saved as Windows-1252: the pound sign is the single byte 0xA3.
    let ansi = String::from_utf8(text)
        .expect("fixture is UTF-8")
        .replace("Named lead", "Named lead \u{1}")
        .into_bytes()
        .into_iter()
        .map(|b| if b == 1 { 0xA3 } else { b })
        .collect::<Vec<u8>>();
    std::fs::write(tmp.path().join("ansi.toml"), ansi).expect("write");

    selfreview()
        .current_dir(tmp.path())
        .args(["framework", "check", "bom.toml"])
        .assert()
        .success();
    selfreview()
        .current_dir(tmp.path())
        .args(["framework", "check", "ansi.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "ansi.toml is not saved as UTF-8 text",
        ));
}

#[test]
fn show_marks_the_checks_whose_records_are_required() {
    selfreview()
        .args(["framework", "show", "--aspect", "B2.1"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Nine in ten staff trained in the last two years. (required: without these records the level is not counted)",
        ));
    selfreview()
        .args(["framework", "show", "--aspect", "A2.1"])
        .assert()
        .success()
        .stdout(predicates::str::contains("(required").not());
}

#[test]
fn the_families_aspect_seeks_parents_and_carers_views() {
    selfreview()
        .args(["framework", "show", "online-safety-18", "--aspect", "B4.1"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("parents' and carers' views are sought through a survey")
                .and(predicate::str::contains("the school's views are sought").not()),
        );
}

#[test]
fn export_writes_a_built_in_framework_byte_for_byte_and_it_checks_clean() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    for (id, shipped) in [
        ("online-safety-18", "frameworks/online-safety-18.toml"),
        ("online-safety-21", "frameworks/online-safety-21.toml"),
        (
            "online-safety-21-to-18",
            "frameworks/maps/online-safety-21-to-18.toml",
        ),
    ] {
        let file = format!("{id}.toml");
        selfreview()
            .current_dir(dir)
            .args(["framework", "export", id, "-o", &file])
            .assert()
            .success()
            .stdout(predicate::str::contains("framework check"));
        let written = std::fs::read(dir.join(&file)).expect("written");
        assert!(
            written == std::fs::read(repo().join(shipped)).expect("shipped"),
            "{id}"
        );
    }
    selfreview()
        .current_dir(dir)
        .args([
            "framework",
            "check",
            "online-safety-18.toml",
            "online-safety-21.toml",
        ])
        .assert()
        .success();
    // The map checks against the built-in frameworks it names.
    selfreview()
        .current_dir(dir)
        .args(["framework", "check", "online-safety-21-to-18.toml"])
        .assert()
        .success();
}

#[test]
fn export_never_replaces_a_file_without_force_nor_writes_into_the_review() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    std::fs::write(dir.join("mine.toml"), "my own framework").expect("write");
    selfreview()
        .current_dir(dir)
        .args(["framework", "export", "online-safety-18", "-o", "mine.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.join("mine.toml")).expect("kept"),
        "my own framework"
    );
    selfreview()
        .current_dir(dir)
        .args([
            "framework",
            "export",
            "online-safety-18",
            "-o",
            "mine.toml",
            "--force",
        ])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(dir.join("mine.toml"))
            .expect("replaced")
            .contains("online-safety-18")
    );
    selfreview()
        .current_dir(dir)
        .args(["framework", "export", "no-such", "-o", "x.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("online-safety-18"));
    assert!(!dir.join("x.toml").exists());
    std::fs::create_dir(dir.join("evidence")).expect("folder");
    selfreview()
        .current_dir(dir)
        .args([
            "framework",
            "export",
            "online-safety-18",
            "-o",
            "evidence/f.toml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("evidence/"));
    assert!(!dir.join("evidence/f.toml").exists());
}

#[test]
fn export_never_writes_over_a_reviews_files_from_outside_it() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    std::fs::create_dir(dir.join("review")).expect("folder");
    crate::init_review(&dir.join("review"), &[]).success();
    std::fs::create_dir_all(dir.join("review/notes")).expect("folder");
    std::fs::write(dir.join("review/scores/group.xlsx"), "the group's").expect("write");
    let before = |p: &str| std::fs::read(dir.join(p)).expect("there");
    let kept = [
        ("review/review.toml", before("review/review.toml")),
        (
            "review/scores/group.xlsx",
            before("review/scores/group.xlsx"),
        ),
    ];
    // From the folder above the review, from a folder inside it, by any way of writing it.
    for (from, output) in [
        ("", "review/review.toml"),
        ("", "review/scores/group.xlsx"),
        ("", "review/evidence/surveys.csv"),
        ("", "./review/../review/frameworks/f.toml"),
        ("review/notes", "../review.toml"),
        ("review/notes", "../scores/group.xlsx"),
    ] {
        let out = selfreview()
            .current_dir(dir.join(from))
            .args([
                "framework",
                "export",
                "online-safety-18",
                "-o",
                output,
                "--force",
            ])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{from} {output}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("the review's"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for (path, bytes) in kept {
        assert_eq!(
            std::fs::read(dir.join(path)).expect("kept"),
            bytes,
            "{path}"
        );
    }
    assert!(!dir.join("review/evidence/surveys.csv").exists());
    assert!(!dir.join("review/frameworks/f.toml").exists());
    // Outside the review's input folders it writes as before.
    selfreview()
        .current_dir(dir.join("review/notes"))
        .args(["framework", "export", "online-safety-18", "-o", "mine.toml"])
        .assert()
        .success();
}

/// `framework check` on `text` written as a file: its exit code and what it printed.
fn check_text(text: &str) -> (i32, String) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::write(tmp.path().join("f.toml"), text).expect("written");
    let out = selfreview()
        .current_dir(tmp.path())
        .args(["framework", "check", "f.toml"])
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every wrong type in a file is reported at once; a syntax error only once, where it is,
/// not again for every line after it; a key set twice is named with both its lines.
#[test]
fn wrong_types_all_at_once_one_syntax_error_and_duplicate_keys_named() {
    let valid =
        std::fs::read_to_string(fixtures().join("framework/valid-minimal.toml")).expect("fixture");
    let wrong = valid
        .replace("version = \"0.1\"", "version = 1")
        .replace("benchmark = 2", "benchmark = \"two\"")
        .replace(
            "evidence = [\"The policy naming the lead\"]",
            "evidence = \"The policy\"",
        )
        .replace("at-least = 0.9", "at-least = \"most\"");
    let (status, stderr) = check_text(&wrong);
    assert_eq!(status, 1, "{stderr}");
    for place in [
        "f.toml:4:11:",
        "f.toml:25:13:",
        "f.toml:26:12:",
        "f.toml:44:12:",
    ] {
        assert!(
            stderr.contains(&format!("{place} error[wrong-type]")),
            "{place}:\n{stderr}"
        );
    }

    let unclosed = valid.replace("[[elements.strands]]", "[[elements.strands]");
    let (status, stderr) = check_text(&unclosed);
    assert_eq!(status, 1, "{stderr}");
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
    assert!(stderr.contains("f.toml:17:"), "{stderr}");

    let twice = valid.replace(
        "name = \"Named lead\"",
        "name = \"Named lead\"\nname = \"Lead\"",
    );
    let (status, stderr) = check_text(&twice);
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("f.toml:24:1: error[toml-syntax]: duplicate key `name`: it is set on line 23 and again on line 24"),
        "{stderr}"
    );
    let header = format!("{valid}\n[levels]\n5 = \"x\"\n");
    let (_, stderr) = check_text(&header);
    assert!(
        stderr.contains("duplicate key `levels`: it is set on line 6 and again on line"),
        "{stderr}"
    );
}
