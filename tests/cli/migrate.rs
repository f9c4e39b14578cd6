//! `selfreview migrate`: the sample school carried from 21 aspects to England's 18, end to
//! end through the binary, and every way it refuses with nothing changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::{fixtures, init_review, repo, selfreview};

/// Every file under `dir` with its bytes.
pub fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("readable folder") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("inside").to_path_buf();
                all.insert(rel, std::fs::read(&p).expect("readable file"));
            }
        }
    }
    all
}

/// The sample school after `demo`, with its snapshot dated a year earlier, as a review made
/// last year on the 21 aspects would be.
pub fn sample_school(tmp: &Path) -> PathBuf {
    selfreview()
        .current_dir(tmp)
        .args(["demo", "school"])
        .assert()
        .success();
    let dir = tmp.join("school");
    std::fs::rename(
        dir.join("history/2026-11-01.json"),
        dir.join("history/2025-11-01.json"),
    )
    .expect("snapshot moved");
    dir
}

pub fn run(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    selfreview()
        .arg("-C")
        .arg(dir)
        .env("SELFREVIEW_TODAY", "2026-11-01")
        .args(args)
        .assert()
}

/// The Scores sheet of a workbook: each aspect's row by code, cells by header.
fn scores(path: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    crate::rows_by_code(path, "Scores")
}

#[test]
fn the_sample_school_is_carried_to_18_aspects_end_to_end() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let before = files(&dir);
    let assert = run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).expect("utf-8");
    assert!(
        stdout.contains("C1.5 Cyber Security: new: level copied from C1.3 Technical Security"),
        "{stdout}"
    );
    assert!(stdout.contains("A1.1 Online Safety Responsibilities: merged from A1.1 Online Safety Responsibilities and A1.3 Professional Standards"), "{stdout}");

    // The workbooks as they were, byte for byte.
    for name in [
        "dsl.xlsx",
        "link-governor.xlsx",
        "online-safety-lead.xlsx",
        "computing-lead.xlsx",
        "group.xlsx",
    ] {
        let kept = std::fs::read(dir.join("scores/online-safety-21").join(name)).expect("kept");
        assert_eq!(&kept, &before[&Path::new("scores").join(name)], "{name}");
    }
    // review.toml: only the framework line changed and the day it changed added after the
    // top-level settings, its notes kept.
    let settings = std::fs::read_to_string(dir.join("review.toml")).expect("review.toml");
    let was = String::from_utf8(before[Path::new("review.toml")].clone()).expect("utf-8");
    assert_eq!(
        settings,
        was.replace(
            "framework = \"online-safety-21\"",
            "framework = \"online-safety-18\""
        )
        .replace(
            "min-commentary-words = 40\n",
            "min-commentary-words = 40\nframework-changed = 2026-11-01\n"
        )
    );
    assert!(settings.contains("# The Computing Lead has no workbook yet"));

    new_workbooks_carry_what_the_old_ones_said(&dir);
    the_agreed_commentary_is_carried(&dir);

    // The summary never repeats what the school wrote.
    let old = scores(&dir.join("scores/online-safety-21/online-safety-lead.xlsx"));
    let summary = std::fs::read_to_string(dir.join("out/migration-online-safety-21-to-18.txt"))
        .expect("summary");
    assert!(
        summary
            .contains("C2.2 Digital and Video Images: carried from C2.3 Digital and Video Images")
    );
    for (_, row) in old.iter().filter(|(_, r)| !r["Commentary"].is_empty()) {
        assert!(!summary.contains(&row["Commentary"]), "commentary echoed");
    }

    scored_and_reported_on_18_aspects(&dir);
}

/// The new workbooks, read back as a spreadsheet program would, against the kept ones.
fn new_workbooks_carry_what_the_old_ones_said(dir: &Path) {
    // The new workbooks, read back as a spreadsheet program would.
    let osl = scores(&dir.join("scores/online-safety-lead.xlsx"));
    assert_eq!(osl.len(), 18);
    let old = scores(&dir.join("scores/online-safety-21/online-safety-lead.xlsx"));
    let a11 = &osl["A1.1"];
    assert!(
        a11["Commentary"].starts_with("From A1.1 Online Safety Responsibilities: "),
        "{}",
        a11["Commentary"]
    );
    assert!(a11["Commentary"].contains(&format!(
        "From A1.3 Professional Standards: {}",
        old["A1.3"]["Commentary"]
    )));
    assert!(a11["Review after the change"].starts_with("Merged from A1.1"));
    let weaker = old["A1.1"]["Level"]
        .clone()
        .max(old["A1.3"]["Level"].clone());
    assert_eq!(a11["Level"], weaker);
    let cyber = &osl["C1.5"];
    assert_eq!(cyber["Level"], old["C1.3"]["Level"]);
    assert_eq!(cyber["Commentary"], "");
    assert!(!cyber["Review after the change"].is_empty());
    // Moved without change: as it was, under its new code, and not flagged.
    assert_eq!(osl["C2.2"]["Commentary"], old["C2.3"]["Commentary"]);
    assert_eq!(osl["C2.2"]["Evidence"], old["C2.3"]["Evidence"]);
    assert_eq!(
        osl["A1.2"]["Planned actions"],
        old["A1.2"]["Planned actions"]
    );
    assert_eq!(osl["A1.2"]["Target date"], old["A1.2"]["Target date"]);
    assert_eq!(osl["A1.2"]["Review after the change"], "");
}

/// The group workbook's agreed commentary, the text the assessor reads, carried as the rest.
fn the_agreed_commentary_is_carried(dir: &Path) {
    let group = scores(&dir.join("scores/group.xlsx"));
    let old = scores(&dir.join("scores/online-safety-21/group.xlsx"));
    assert!(
        !old["A1.2"]["Agreed commentary"].is_empty(),
        "the sample has one"
    );
    assert_eq!(
        group["A1.2"]["Agreed commentary"],
        old["A1.2"]["Agreed commentary"]
    );
    assert_eq!(group["A1.2"]["Agreed"], old["A1.2"]["Agreed"]);
    for (code, from) in [
        ("A1.1", "A1.3 Professional Standards"),
        ("B4.1", "B4.2 Agencies"),
    ] {
        let agreed = &group[code]["Agreed commentary"];
        assert!(
            agreed.contains(&format!("From {from}: ")),
            "{code}: {agreed}"
        );
    }
    assert_eq!(group["C1.5"]["Agreed commentary"], "");
}

/// Scored against the 18 aspects, with every flagged aspect named at its cell; the report
/// shows last year's 21-aspect review on the radar, mapped to the 18.
fn scored_and_reported_on_18_aspects(dir: &Path) {
    let assert = run(dir, &["--json", "score"]);
    let doc: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).expect("JSON");
    assert_eq!(doc["framework"], "online-safety-18");
    assert_eq!(doc["aspects"].as_array().expect("aspects").len(), 18);
    // The kept workbooks in scores/online-safety-21/ are not read by scoring.
    let used: Vec<&str> = doc["workbooks"]
        .as_array()
        .expect("workbooks")
        .iter()
        .map(|w| w["path"].as_str().expect("path"))
        .collect();
    assert_eq!(used.len(), 5, "{used:?}");
    assert!(
        used.iter().all(|p| !p.contains("online-safety-21")),
        "{used:?}"
    );
    let flagged: Vec<&serde_json::Value> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "review-after-change")
        .collect();
    // The sample school has a group workbook, so the group's flags are the ones that count:
    // the four merged aspects and Cyber Security.
    assert_eq!(flagged.len(), 5, "{flagged:?}");
    assert!(flagged.iter().all(|d| d["severity"] == "warning"
        && d["location"]["file"] == "scores/group.xlsx"
        && d["location"]["cell"].is_string()));

    // The report shows last year's 21-aspect review on the radar, mapped to the 18.
    run(dir, &["report"]).success();
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(
        report.contains("Dotted grey: 01&#x2f;11&#x2f;2025"),
        "no previous review in the legend"
    );
    assert!(
        report.contains(r#"stroke-dasharray="2 4""#),
        "no previous review on the radar"
    );
}

#[test]
fn a_second_migration_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    let after = files(&dir);
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .success()
        .stdout(predicate::str::contains("nothing was changed"));
    assert_eq!(files(&dir), after);
}

#[test]
fn a_migration_stopped_part_way_is_finished_by_running_it_again() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let whole = tmp.path().join("whole");
    copy_tree(&dir, &whole);
    run(&whole, &["migrate", "--to", "online-safety-18"]).success();
    // Stopped after keeping the workbooks and writing one new one, before review.toml.
    let kept = dir.join("scores/online-safety-21");
    std::fs::create_dir_all(&kept).expect("kept folder");
    for name in [
        "dsl.xlsx",
        "link-governor.xlsx",
        "online-safety-lead.xlsx",
        "computing-lead.xlsx",
        "group.xlsx",
    ] {
        std::fs::copy(dir.join("scores").join(name), kept.join(name)).expect("kept");
    }
    std::fs::copy(whole.join("scores/dsl.xlsx"), dir.join("scores/dsl.xlsx")).expect("one new");
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .success()
        .stdout(predicate::str::contains("stopped part-way"));
    let (a, b) = (files(&dir), files(&whole));
    let scores = |m: &BTreeMap<PathBuf, Vec<u8>>| -> Vec<(PathBuf, Vec<u8>)> {
        m.iter()
            .filter(|(p, _)| p.starts_with("scores") || p == &Path::new("review.toml"))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect()
    };
    assert_eq!(scores(&a), scores(&b));
}

fn copy_tree(from: &Path, to: &Path) {
    for (rel, bytes) in files(from) {
        let path = to.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, bytes).expect("copied");
    }
}

#[test]
fn migrate_refuses_cleanly_with_nothing_changed() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let before = files(&dir);
    run(&dir, &["migrate", "--to", "online-safety-99"])
        .code(2)
        .stderr(predicate::str::contains(
            "no framework with id `online-safety-99`",
        ));
    assert_eq!(files(&dir), before);

    // A workbook that cannot be read: named, and nothing written.
    std::fs::write(dir.join("scores/head.xlsx"), b"not a spreadsheet").expect("written");
    let before = files(&dir);
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains("scores/head.xlsx"))
        .stderr(predicate::str::contains("unreadable-workbook"))
        .stderr(predicate::str::contains("nothing was changed"));
    assert_eq!(files(&dir), before);

    // No map leads back from 18 to 21; the review already on 18 is left alone.
    let fresh = tmp.path().join("fresh");
    std::fs::create_dir(&fresh).expect("folder");
    init_review(&fresh, &["--framework", "online-safety-18"]).success();
    let before = files(&fresh);
    run(&fresh, &["migrate", "--to", "online-safety-21"])
        .code(2)
        .stderr(predicate::str::contains(
            "no framework map leads from `online-safety-18` to `online-safety-21`",
        ));
    run(&fresh, &["migrate", "--to", "online-safety-18"])
        .success()
        .stdout(predicate::str::contains("already names `online-safety-18`"));
    assert_eq!(files(&fresh), before);
}

#[test]
fn a_group_workbook_and_an_ods_workbook_are_carried_and_json_says_what_happened() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    std::fs::create_dir(&dir).expect("folder");
    init_review(&dir, &["--framework", "online-safety-21"]).success();
    run(
        &dir,
        &[
            "workbook",
            "--group",
            "--reviewer",
            "Head",
            "--reviewer",
            "Governor",
        ],
    )
    .success();
    std::fs::copy(
        fixtures().join("workbooks/dsl-libreoffice.ods"),
        dir.join("scores/dsl.ods"),
    )
    .expect("copied");
    let ods = std::fs::read(dir.join("scores/dsl.ods")).expect("ods");
    let assert = run(&dir, &["--json", "migrate", "--to", "online-safety-18"]).success();
    let doc: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).expect("JSON");
    assert_eq!(doc["outcome"], "migrated");
    assert_eq!(doc["removed"], serde_json::json!(["scores/dsl.ods"]));
    let cyber = doc["aspects"]
        .as_array()
        .expect("aspects")
        .iter()
        .find(|a| a["code"] == "C1.5")
        .expect("C1.5");
    assert_eq!(cyber["carry"], "new");
    assert_eq!(
        std::fs::read(dir.join("scores/online-safety-21/dsl.ods")).expect("kept"),
        ods
    );
    let group = scores(&dir.join("scores/group.xlsx"));
    assert!(group["A1.1"].contains_key("Head") && group["A1.1"].contains_key("Agreed"));
    let dsl = scores(&dir.join("scores/dsl.xlsx"));
    assert_eq!(dsl.len(), 18);
    // A target typed as words is carried as written, not lost for not being a date.
    let kept = scores(&dir.join("scores/online-safety-21/dsl.ods"));
    let worded: Vec<&String> = kept
        .values()
        .map(|r| &r["Target date"])
        .filter(|t| t.as_str() == "next term")
        .collect();
    assert!(!worded.is_empty(), "the fixture has a target in words");
    assert_eq!(
        dsl.values()
            .filter(|r| r["Target date"] == "next term")
            .count(),
        worded.len()
    );
    run(&dir, &["score"]).success();
}

#[test]
fn framework_check_locates_each_map_problem() {
    let assert = selfreview()
        .current_dir(fixtures())
        .args(["framework", "check", "framework/map-target-duplicated.toml"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    assert!(stderr.contains("framework/map-target-duplicated.toml:102:8: error[map-target-duplicated]: `D1.1` is listed twice"), "{stderr}");
    selfreview()
        .current_dir(repo())
        .args(["framework", "check", "frameworks/maps/online-safety-21-to-18.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok: map online-safety-21-to-18 from online-safety-21 to online-safety-18 with 18 aspects"));
}

#[test]
fn a_childs_name_carried_in_commentary_stays_out_of_every_output() {
    use selfreview::workbook::prefill::{Prefill, Start};
    use selfreview::workbook::{ScoredBy, write::render_from};
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let fw = selfreview::framework::load_embedded("online-safety-21")
        .expect("built in")
        .framework;
    let mut prefill = Prefill::new();
    for code in ["A1.3", "C1.3"] {
        let start = Start {
            own: Some(2),
            commentary: "Staff followed the code when Bella Grant's photo was shared.".into(),
            ..Start::default()
        };
        prefill.insert(code.into(), start);
    }
    let kind = ScoredBy::Individual {
        reviewer: "Head".into(),
    };
    let bytes = render_from(
        &fw,
        &kind,
        "Oakfield Primary School",
        review_day(),
        &prefill,
    )
    .expect("renders");
    std::fs::write(dir.join("scores/head.xlsx"), bytes).expect("written");
    let assert = run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).expect("utf-8");
    let summary = std::fs::read_to_string(dir.join("out/migration-online-safety-21-to-18.txt"))
        .expect("summary");
    // The school's own workbook keeps what it wrote, under the old aspect's name.
    let head = scores(&dir.join("scores/head.xlsx"));
    assert!(
        head["A1.1"]["Commentary"]
            .contains("From A1.3 Professional Standards: Staff followed the code when Bella Grant")
    );
    let assert = run(&dir, &["--json", "score"]);
    let score = String::from_utf8(assert.get_output().stdout.clone()).expect("utf-8");
    // The name is a finding for the school to fix, as it is before migrating.
    run(&dir, &["report"])
        .code(1)
        .stderr(predicate::str::contains("private-name-in-workbook"));
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    for text in [&stdout, &summary, &score, &report] {
        assert!(!text.contains("Grant"), "a child's name reached an output");
    }
}

#[test]
fn names_that_cannot_be_checked_stop_the_migration_before_anything_is_written() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    std::fs::write(dir.join("evidence/pupil-list.csv"), b"\xff\xfe\x00broken").expect("broken");
    let before = files(&dir);
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains(
            "evidence/pupil-list.csv: cannot import",
        ));
    assert_eq!(files(&dir), before);
}

#[test]
fn a_group_workbook_made_after_migrating_keeps_the_flags_for_the_group_to_clear() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    run(
        &dir,
        &[
            "workbook",
            "--group",
            "--reviewer",
            "Online Safety Lead",
            "--reviewer",
            "DSL",
        ],
    )
    .success();
    let group = scores(&dir.join("scores/group.xlsx"));
    assert!(group["A1.1"]["Review after the change"].starts_with("Merged from"));
    assert_eq!(group["A1.2"]["Review after the change"], "");
    let assert = run(&dir, &["--json", "score"]);
    let doc: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).expect("JSON");
    let flagged: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "review-after-change")
        .map(|d| d["location"]["file"].as_str().expect("file"))
        .collect();
    assert_eq!(
        flagged, ["scores/group.xlsx"; 5],
        "only the group's flags count"
    );
}

#[test]
fn a_review_with_its_own_framework_migrates_with_its_own_map() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    std::fs::create_dir(&dir).expect("folder");
    let own = std::fs::read_to_string(repo().join("frameworks/online-safety-21.toml"))
        .expect("framework")
        .replace("id = \"online-safety-21\"", "id = \"hill-21\"");
    let own_path = tmp.path().join("hill-21.toml");
    std::fs::write(&own_path, own).expect("written");
    init_review(
        &dir,
        &["--framework", own_path.to_str().expect("utf-8 path")],
    )
    .success();
    run(&dir, &["workbook", "--reviewer", "DSL"]).success();
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains(
            "no framework map leads from `hill-21`",
        ));
    let map = std::fs::read_to_string(repo().join("frameworks/maps/online-safety-21-to-18.toml"))
        .expect("map")
        .replace("from = \"online-safety-21\"", "from = \"hill-21\"")
        .replace(
            "map = \"online-safety-21-to-18\"",
            "map = \"hill-21-to-18\"",
        );
    let maps = dir.join("frameworks/maps");
    std::fs::create_dir_all(&maps).expect("maps folder");
    std::fs::write(
        maps.join("hill.toml"),
        map.replace("from = [\"D1.1\"]", "from = [\"D9.9\"]"),
    )
    .expect("written");
    let before = files(&dir);
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains("frameworks/maps/hill.toml:"))
        .stderr(predicate::str::contains(
            "error[map-unknown-aspect]: `hill-21` has no aspect `D9.9`",
        ));
    assert_eq!(files(&dir), before);
    std::fs::write(maps.join("hill.toml"), map).expect("written");
    run(&dir, &["framework", "check", "frameworks/maps/hill.toml"])
        .success()
        .stdout(predicate::str::contains(
            "ok: map hill-21-to-18 from hill-21 to online-safety-18",
        ));
    run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    assert!(dir.join("scores/hill-21/dsl.xlsx").is_file());
    assert!(dir.join("out/migration-hill-21-to-18.txt").is_file());
    run(&dir, &["score"]).success();
}

/// The files a migration changes: scores/ and review.toml.
fn scores_and_settings(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files(dir)
        .into_iter()
        .filter(|(p, _)| p.starts_with("scores") || p == Path::new("review.toml"))
        .collect()
}

#[test]
fn a_migration_stopped_before_every_workbook_was_kept_is_finished_without_losing_one() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let whole = tmp.path().join("whole");
    copy_tree(&dir, &whole);
    run(&whole, &["migrate", "--to", "online-safety-18"]).success();
    // Stopped (Ctrl-C) after keeping two of the five workbooks.
    let kept = dir.join("scores/online-safety-21");
    std::fs::create_dir_all(&kept).expect("kept folder");
    for name in ["computing-lead.xlsx", "dsl.xlsx"] {
        std::fs::copy(dir.join("scores").join(name), kept.join(name)).expect("kept");
    }
    run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    assert_eq!(scores_and_settings(&dir), scores_and_settings(&whole));
}

#[test]
fn a_kept_copy_that_cannot_be_written_stops_the_migration_and_a_rerun_finishes_it() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let whole = tmp.path().join("whole");
    copy_tree(&dir, &whole);
    run(&whole, &["migrate", "--to", "online-safety-18"]).success();
    let before = scores_and_settings(&dir);
    // A folder where one kept copy goes: keeping fails part-way.
    let blocked = dir.join("scores/online-safety-21/link-governor.xlsx");
    std::fs::create_dir_all(&blocked).expect("folder in the way");
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains("link-governor.xlsx"));
    let top = |m: Vec<(PathBuf, Vec<u8>)>| -> Vec<(PathBuf, Vec<u8>)> {
        m.into_iter()
            .filter(|(p, _)| !p.starts_with("scores/online-safety-21"))
            .collect()
    };
    assert_eq!(top(scores_and_settings(&dir)), top(before));
    std::fs::remove_dir(&blocked).expect("folder removed");
    run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    assert_eq!(scores_and_settings(&dir), scores_and_settings(&whole));
}

#[test]
fn a_new_workbook_that_cannot_be_renamed_in_leaves_its_original_and_a_rerun_finishes() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    std::fs::create_dir(&dir).expect("folder");
    init_review(&dir, &["--framework", "online-safety-21"]).success();
    let ods = dir.join("scores/dsl.ods");
    std::fs::copy(fixtures().join("workbooks/dsl-libreoffice.ods"), &ods).expect("copied");
    // The .ods is written anew as dsl.xlsx; a folder in that place stops the renames.
    let blocked = dir.join("scores/dsl.xlsx");
    std::fs::create_dir(&blocked).expect("folder in the way");
    run(&dir, &["migrate", "--to", "online-safety-18"]).code(2);
    assert!(ods.is_file(), "the workbook stays until it is replaced");
    assert!(dir.join("scores/online-safety-21/dsl.ods").is_file());
    let settings = || std::fs::read_to_string(dir.join("review.toml")).expect("settings");
    assert!(settings().contains("online-safety-21"));
    std::fs::remove_dir(&blocked).expect("folder removed");
    run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    assert!(!ods.exists());
    assert!(blocked.is_file());
    assert!(settings().contains("online-safety-18"));
}

#[test]
fn a_workbook_changed_after_it_was_kept_is_named_with_its_kept_copy() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let kept = dir.join("scores/online-safety-21");
    std::fs::create_dir_all(&kept).expect("kept folder");
    std::fs::copy(dir.join("scores/dsl.xlsx"), kept.join("dsl.xlsx")).expect("kept");
    std::fs::copy(dir.join("scores/group.xlsx"), dir.join("scores/dsl.xlsx")).expect("changed");
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains("online-safety-21/dsl.xlsx"));
}

#[test]
fn the_change_since_the_award_is_mapped_as_the_progress_since_the_last_review_is() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .current_dir(tmp.path())
        .args(["demo", "school"])
        .assert()
        .success();
    let dir = tmp.path().join("school");
    let at = |args: &[&str]| {
        selfreview()
            .arg("-C")
            .arg(&dir)
            .env("SELFREVIEW_TODAY", "2026-12-01")
            .args(args)
            .assert()
    };
    at(&["migrate", "--to", "online-safety-18"]).success();
    at(&["report"]).success();
    let governors = std::fs::read_to_string(dir.join("out/governors.html")).expect("governors");
    // Only aspects carried as they are compare like with like: C1.5 Cyber Security is new,
    // its level copied from C1.3, so C1.3's rise is not counted twice; merged aspects are
    // named as not compared.
    assert!(
        governors.contains("2 aspects up, 0 down, 11 unchanged"),
        "{governors}"
    );
    assert!(
        governors.contains("improved: 2; fell back: 0; stayed the same: 11"),
        "{governors}"
    );
    let not_compared = "so the earlier review gave them no level of their own: A1.1 Online Safety Responsibilities; B1.1 Online Safety Education Programme; B4.1 Families; C1.5 Cyber Security; C2.3 Online Publishing.";
    assert_eq!(governors.matches(not_compared).count(), 2, "{governors}");
    assert!(
        governors.contains(
            "Still to be reviewed after the framework change: A1.1, B1.1, B4.1, C1.5, C2.3."
        ),
        "the governors are told which levels the group has not yet checked"
    );
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(
        !report.contains("C1.5 Cyber Security (from 3 to 2)"),
        "{report}"
    );
    assert!(report.contains(not_compared), "{report}");
    // Scored after the report, as a score first would keep the day's old snapshot as the
    // last review.
    at(&["score"]).success().stdout(
        predicate::str::contains("C1.3 Technical Security (3 to 2)")
            .and(predicate::str::contains("C1.5 Cyber Security (3 to 2)").not())
            .and(predicate::str::contains("11 unchanged"))
            .and(predicate::str::contains(
                "Not compared, as the framework change",
            )),
    );
}

#[test]
fn a_merged_aspect_the_group_has_not_agreed_in_full_is_carried_without_a_level() {
    use selfreview::workbook::ScoredBy;
    use selfreview::workbook::prefill::{Prefill, Start};
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    std::fs::create_dir(&dir).expect("folder");
    init_review(&dir, &["--framework", "online-safety-21"]).success();
    let fw = selfreview::framework::load_embedded("online-safety-21")
        .expect("built in")
        .framework;
    let start = |members: &[(&str, u8)], agreed: Option<u8>| Start {
        levels: members.iter().map(|(m, l)| (m.to_string(), *l)).collect(),
        own: agreed,
        commentary: "Written by the group.".into(),
        ..Start::default()
    };
    let mut prefill = Prefill::new();
    prefill.insert(
        "B1.1".into(),
        start(&[("Head", 2), ("Governor", 3)], Some(2)),
    );
    // Contribution of Learners: the members scored it, the group has not agreed it yet.
    prefill.insert("B1.2".into(), start(&[("Head", 3), ("Governor", 4)], None));
    let kind = ScoredBy::Group {
        members: vec!["Head".into(), "Governor".into()],
    };
    let bytes =
        selfreview::workbook::write::render_from(&fw, &kind, "School", review_day(), &prefill)
            .expect("rendered");
    std::fs::write(dir.join("scores/group.xlsx"), bytes).expect("written");
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .success()
        .stdout(predicate::str::contains(
            "scores/group.xlsx: to be agreed again, no level carried (the group agreed B1.1 at level 2 and did not agree B1.2)",
        ));
    let rows = scores(&dir.join("scores/group.xlsx"));
    let b11 = &rows["B1.1"];
    assert_eq!(
        b11["Agreed"], "",
        "the group's level for B1.1 alone would claim more"
    );
    let flag = b11
        .iter()
        .find(|(k, _)| k.starts_with("Review after"))
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    assert!(flag.contains("To be agreed again"), "{flag}");
}

#[test]
fn a_workbook_open_in_excel_or_libreoffice_stops_the_migration_with_nothing_changed() {
    for (lock, workbook) in [
        ("~$dsl.xlsx", "scores/dsl.xlsx"),
        (".~lock.group.xlsx#", "scores/group.xlsx"),
        // Excel shortens a long name's lock file.
        ("~$line-safety-lead.xlsx", "scores/online-safety-lead.xlsx"),
    ] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let dir = sample_school(tmp.path());
        std::fs::write(dir.join("scores").join(lock), b"\x0bDSL Person").expect("lock file");
        let before = files(&dir);
        run(&dir, &["migrate", "--to", "online-safety-18"])
            .code(2)
            .stderr(
                predicate::str::contains(format!("{workbook}: error[migration-conflict]"))
                    .and(predicate::str::contains("looks open"))
                    .and(predicate::str::contains(lock)),
            );
        assert!(files(&dir) == before, "nothing changed with {lock}");
    }
}

#[test]
fn a_pack_made_before_the_changed_aspects_are_reviewed_says_so() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    run(&dir, &["pack"])
        .success()
        .stderr(predicate::str::contains("pack-changes-not-reviewed").not());
    run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    run(&dir, &["pack"]).success().stderr(
        predicate::str::contains("review.toml: warning[pack-changes-not-reviewed]: 5 aspects")
            .and(predicate::str::contains("(A1.1, B1.1, B4.1, C1.5, C2.3)"))
            .and(predicate::str::contains("the sign-off dated 01/11/2026")),
    );
    run(&dir, &["report"]).success();
    let visit = std::fs::read_to_string(dir.join("out/visit.html")).expect("visit");
    assert!(
        visit.contains("cell (5 left: A1.1, B1.1, B4.1, C1.5, C2.3)"),
        "{visit}"
    );
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(
        report.contains("Still flagged for review after the change: A1.1"),
        "{report}"
    );
    // The desk check agrees with the report: the sign-off given before does not cover them.
    assert!(visit.contains(
        r#"<li class="not-done">The headteacher and the chair of governors signed the review off, but that sign-off does not cover the aspects still flagged"#
    ));
    assert!(
        !visit.contains("have signed the review off"),
        "ticked as signed"
    );
    // The page for the online tool marks each flagged aspect, and only those, as not yet
    // reviewed, beside the carried commentary.
    let tool = std::fs::read_to_string(dir.join("out/online-tool.html")).expect("tool");
    assert!(
        tool.contains("Not yet reviewed after the framework change: A1.1, B1.1, B4.1, C1.5, C2.3.")
    );
    let article = |code: &str| {
        let start = tool
            .find(&format!("id=\"aspect-{code}\""))
            .expect("aspect shown");
        let end = start + tool[start..].find("</article>").expect("closed");
        tool[start..end].to_string()
    };
    let c23 = article("C2.3");
    assert!(
        c23.contains("(not yet reviewed after the framework change)"),
        "{c23}"
    );
    assert!(
        c23.contains("From C2.4"),
        "the carried commentary is shown: {c23}"
    );
    assert!(tool.contains(r#"<article class="aspect unreviewed" id="aspect-C2.3">"#));
    let a12 = article("A1.2");
    assert!(!a12.contains("not yet reviewed"), "{a12}");
}

#[test]
fn the_first_score_after_migrating_on_the_same_date_keeps_the_old_snapshot_but_compares_with_the_earlier_review()
 {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .current_dir(tmp.path())
        .args(["demo", "school"])
        .assert()
        .success();
    let dir = tmp.path().join("school");
    let old = std::fs::read(dir.join("history/2026-11-01.json")).expect("snapshot");
    run(&dir, &["migrate", "--to", "online-safety-18"]).success();
    run(&dir, &["score"]).success();
    let kept = dir.join("history/2026-11-01.online-safety-21.json");
    assert_eq!(std::fs::read(&kept).expect("kept"), old);
    let new = std::fs::read_to_string(dir.join("history/2026-11-01.json")).expect("new");
    assert!(new.contains("\"online-safety-18\""));
    // A second score replaces only its own snapshot.
    run(&dir, &["score"]).success();
    assert_eq!(std::fs::read(&kept).expect("kept"), old);
    run(&dir, &["report"]).success();
    // The kept snapshot is this review before the change: the last review is the demo's
    // earlier one, of 20/11/2023, on the radar and in the governors' progress.
    let governors = std::fs::read_to_string(dir.join("out/governors.html")).expect("governors");
    assert!(
        governors.contains("Since 20&#x2f;11&#x2f;2023, aspects improved"),
        "{governors}"
    );
    assert!(
        !governors.contains("Since 01&#x2f;11&#x2f;2026"),
        "{governors}"
    );
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(
        report.contains("Dotted grey: 20&#x2f;11&#x2f;2023"),
        "the radar's previous review"
    );
}

/// The review date the workbooks in these tests are made for.
fn review_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day")
}
