//! What the HTML reports say to governors and the assessor is in plain words: no backticks,
//! key names or framework ids, and each evidence check's finding in its own column.

use std::path::{Path, PathBuf};

use crate::{fixtures, selfreview};

/// The demo review with training records that have a Group column of long group names and
/// no group called staff, imported, scored and reported.
pub fn demo_with_grouped_training(tmp: &Path) -> PathBuf {
    let run = |dir: &Path, args: &[&str]| {
        selfreview()
            .current_dir(dir)
            .env("SELFREVIEW_TODAY", "2026-12-01")
            .args(args)
            .assert()
            .success();
    };
    run(tmp, &["demo", "--quiet", "school"]);
    let dir = tmp.join("school");
    std::fs::copy(
        fixtures().join("evidence/training-groups-long.csv"),
        dir.join("evidence/training-groups-long.csv"),
    )
    .expect("copy");
    let toml = std::fs::read_to_string(dir.join("review.toml")).expect("toml");
    let toml = toml.replace(
        "evidence/staff-training.xlsx",
        "evidence/training-groups-long.csv",
    );
    std::fs::write(dir.join("review.toml"), toml).expect("write");
    for args in [["import", "-q"], ["score", "-q"], ["report", "-q"]] {
        run(&dir, &args);
    }
    dir
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join("out").join(name)).expect("written")
}

#[test]
fn no_backtick_key_or_framework_id_reaches_the_html_reports() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = demo_with_grouped_training(tmp.path());
    for name in [
        "report.html",
        "governors.html",
        "visit.html",
        "online-tool.html",
    ] {
        let html = read(&dir, name);
        assert!(!html.contains('`'), "{name} holds a backtick");
        assert!(
            !html.contains("online-safety-21"),
            "{name} names the framework by its id"
        );
    }
    let report = read(&dir, "report.html");
    assert!(
        report.contains("Nobody in the training records is in the staff group"),
        "the finding in words"
    );
    // The framework is named once, by its title and version, in the subtitle.
    assert_eq!(
        report
            .matches("Online safety self-review (21 aspects), version")
            .count(),
        1
    );
}

#[test]
fn a_check_the_records_cannot_answer_says_why_under_what_the_records_show() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = demo_with_grouped_training(tmp.path());
    let report = read(&dir, "report.html");
    let row = "<td>level 2 needs 9 in 10 staff trained in the last two years</td><td>Nobody in the training records is in the staff group</td><td>evidence needed; holds back readiness</td>";
    assert!(report.contains(row), "the finding is not under its column");
    assert!(
        !report.contains("<td></td><td>evidence needed: nobody"),
        "a finding left under Result"
    );
}
