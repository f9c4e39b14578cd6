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
