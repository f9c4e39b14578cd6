//! A review's own framework maps: one that cannot be read, or two for the same frameworks,
//! stop `migrate` naming the file (and its line and column) or both files, and `score`
//! warns of them; the map used is named by `migrate` and `score`.

use predicates::prelude::*;

use crate::migrate::{files, run, sample_school};
use crate::repo;

const BUILT_IN: &str = "frameworks/maps/online-safety-21-to-18.toml";

#[test]
fn a_broken_or_second_map_is_named_and_the_map_used_is_said() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let maps = dir.join("frameworks/maps");
    std::fs::create_dir_all(&maps).expect("folder");
    let map = std::fs::read_to_string(repo().join(BUILT_IN)).expect("the built-in map");
    std::fs::write(maps.join("a.toml"), &map).expect("written");
    let other = map.replace("map = \"online-safety-21-to-18\"", "map = \"our-own\"");
    assert_ne!(other, map);
    std::fs::write(maps.join("b.toml"), other).expect("written");
    std::fs::write(
        maps.join("c.toml"),
        "map = \"x\"\nfrom = \"a\"\nmap = \"y\"\n",
    )
    .expect("written");

    let before = files(&dir);
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains(
            "frameworks/maps/c.toml:3:1: error[toml-syntax]",
        ))
        .stderr(predicate::str::contains("./frameworks").not());
    assert_eq!(files(&dir), before, "nothing changed");
    run(&dir, &["score"])
        .stderr(predicate::str::contains(
            "frameworks/maps/c.toml:3:1: warning[toml-syntax]: this framework map cannot be read, so nothing uses it",
        ))
        .stderr(predicate::str::contains(
            "frameworks/maps/b.toml: warning[map-conflict]: this map and frameworks/maps/a.toml both lead from `online-safety-21` to `online-safety-18`",
        ));

    std::fs::remove_file(maps.join("c.toml")).expect("removed");
    let before = files(&dir);
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains(
            "two framework maps lead from `online-safety-21` to `online-safety-18`, frameworks/maps/a.toml and frameworks/maps/b.toml",
        ));
    assert_eq!(files(&dir), before, "nothing changed");

    std::fs::remove_file(maps.join("b.toml")).expect("removed");
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .success()
        .stdout(predicate::str::contains(
            "through the framework map `online-safety-21-to-18` (frameworks/maps/a.toml)",
        ));
    run(&dir, &["score"]).stdout(predicate::str::contains(
        "its levels carried through the framework map `online-safety-21-to-18` (frameworks/maps/a.toml)",
    ));
    let summary = std::fs::read_to_string(dir.join("out/migration-online-safety-21-to-18.txt"))
        .expect("the summary");
    assert!(summary.contains("(frameworks/maps/a.toml)"), "{summary}");

    // Without a map of its own, the built-in one is used, and said to be.
    let other = tempfile::tempdir().expect("temporary folder");
    let plain = sample_school(other.path());
    run(&plain, &["migrate", "--to", "online-safety-18"])
        .success()
        .stdout(predicate::str::contains(
            "through the framework map `online-safety-21-to-18` (built in)",
        ));
}

/// `migrate` keeps the day it carried the review across in review.toml, and a sign-off
/// dated before it is warned of by score and report, with or without aspects still flagged.
#[test]
fn a_sign_off_before_the_framework_changed_is_warned_of() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    crate::selfreview()
        .arg("-C")
        .arg(&dir)
        .env("SELFREVIEW_TODAY", "2026-11-20")
        .args(["migrate", "--to", "online-safety-18"])
        .assert()
        .success();
    let settings = std::fs::read_to_string(dir.join("review.toml")).expect("review.toml");
    assert!(
        settings.contains("\nframework-changed = 2026-11-20\n"),
        "{settings}"
    );
    let warned = "warning[sign-off-date-implausible]: the sign-off's date 2026-11-01 is before the review was carried to `online-safety-18` on 2026-11-20";
    run(&dir, &["score"]).stderr(predicate::str::contains(warned));

    // A review whose flags are all cleared (here: one that has none) is still warned.
    let other = tempfile::tempdir().expect("temporary folder");
    let fresh = other.path();
    crate::init_review(fresh, &["--framework", "online-safety-18"]).success();
    let path = fresh.join("review.toml");
    let mut text = std::fs::read_to_string(&path).expect("review.toml");
    text = text.replacen("\n[", "\nframework-changed = 2026-10-20\n\n[", 1);
    text.push_str("\n[sign-off]\nheadteacher = \"Mrs A. Hart\"\nchair-of-governors = \"Mr O. Price\"\ndate = 2026-10-01\n");
    std::fs::write(&path, &text).expect("written");
    let line = crate::line_of(&text, "date = 2026-10-01");
    for command in ["score", "report"] {
        run(fresh, &[command]).stderr(predicate::str::contains(format!(
            "review.toml:{line}:8: warning[sign-off-date-implausible]: the sign-off's date 2026-10-01 is before the review was carried to `online-safety-18` on 2026-10-20"
        )));
    }
    // Signed off again after the change: no warning.
    std::fs::write(
        &path,
        text.replace("date = 2026-10-01", "date = 2026-10-25"),
    )
    .expect("written");
    run(fresh, &["score"]).stderr(predicate::str::contains("carried to").not());
}

/// A framework file named on the command line is shown as it was typed.
#[test]
fn a_framework_file_given_to_migrate_is_shown_as_typed() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    std::fs::write(tmp.path().join("ours.toml"), "id = \n").expect("written");
    run(&dir, &["migrate", "--to", "../ours.toml"])
        .code(2)
        .stderr(predicate::str::contains("../ours.toml:1:"))
        .stderr(predicate::str::contains("./../").not());
    run(&dir, &["migrate", "--to", "../none.toml"])
        .code(2)
        .stderr(predicate::str::contains("cannot read ../none.toml"))
        .stderr(predicate::str::contains("./../").not());
}

/// A map of the review's that reads as TOML but does not fit its frameworks is named by
/// score at its first problem, and migrate refuses it with every problem listed.
#[test]
fn a_map_with_errors_is_named_by_score_and_refused_by_migrate() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = sample_school(tmp.path());
    let maps = dir.join("frameworks/maps");
    std::fs::create_dir_all(&maps).expect("folder");
    let map = std::fs::read_to_string(repo().join(BUILT_IN)).expect("the built-in map");
    let wrong = map.replacen("from = [\"A1.2\"]", "from = [\"A1.2\", \"Z9.9\"]", 1);
    assert_ne!(wrong, map);
    std::fs::write(maps.join("ours.toml"), &wrong).expect("written");
    let line = crate::line_of(&wrong, "from = [\"A1.2\", \"Z9.9\"]");
    run(&dir, &["score"])
        .stderr(predicate::str::contains(format!(
            "frameworks/maps/ours.toml:{line}:"
        )))
        .stderr(predicate::str::contains(
            "warning[map-unknown-aspect]: this framework map has 1 problem, so nothing uses it",
        ));
    let before = files(&dir);
    run(&dir, &["migrate", "--to", "online-safety-18"])
        .code(2)
        .stderr(predicate::str::contains("error[map-unknown-aspect]"))
        .stderr(predicate::str::contains(
            "frameworks/maps/ours.toml has 1 problem to fix first",
        ))
        .stderr(predicate::str::contains("./frameworks").not());
    assert_eq!(files(&dir), before, "nothing changed");
}
