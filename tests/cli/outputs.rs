//! Outputs never replace inputs: `pack -o` refuses the review's own files, folders, devices
//! and pipes, and any file that is not an earlier pack; temporary files left by a killed or
//! interrupted run do not stay behind.

use std::path::Path;
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::report::full_review;
use crate::{filled_workbook, selfreview, set_checked_by_hand, text_pdf};

/// A review that packs: one workbook citing one document, beside the full evidence.
fn packable(dir: &Path, document: &str, bytes: &[u8]) {
    full_review(dir);
    for f in std::fs::read_dir(dir.join("scores")).expect("scores") {
        std::fs::remove_file(f.expect("entry").path()).expect("remove");
    }
    std::fs::write(dir.join("evidence").join(document), bytes).expect("document");
    filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "DSL",
        &[("B1.1", 2, "Assemblies are filmed.", document)],
    );
}

fn pack_to(dir: &Path, output: &Path) -> assert_cmd::assert::Assert {
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("pack")
        .arg("-o")
        .arg(output)
        .timeout(Duration::from_secs(60))
        .assert()
}

#[test]
fn pack_refuses_to_replace_the_reviews_own_files() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    packable(dir, "policy.pdf", &text_pdf(&["Online safety policy"]));
    let review = std::fs::read(dir.join("review.toml")).expect("review.toml");
    let evidence = std::fs::read(dir.join("evidence/training-records.xlsx")).expect("evidence");
    let workbook = std::fs::read(dir.join("scores/dsl.xlsx")).expect("workbook");
    for (target, why) in [
        ("review.toml", "it is review.toml"),
        ("evidence/training-records.xlsx", "inside evidence/"),
        ("evidence/new-pack.zip", "inside evidence/"),
        ("evidence/packs/new-pack.zip", "inside evidence/"),
        ("scores/2026/a/new-pack.zip", "inside scores/"),
        ("scores/dsl.xlsx", "inside scores/"),
        ("out", "it is a folder"),
    ] {
        pack_to(dir, Path::new(target))
            .code(2)
            .stderr(predicate::str::contains(format!(
                "will not write to {target}"
            )))
            .stderr(predicate::str::contains(why));
    }
    pack_to(dir, Path::new("/dev/null"))
        .code(2)
        .stderr(predicate::str::contains("it is a device"));
    assert_eq!(
        std::fs::read(dir.join("review.toml")).expect("kept"),
        review
    );
    assert_eq!(
        std::fs::read(dir.join("evidence/training-records.xlsx")).expect("kept"),
        evidence
    );
    assert_eq!(
        std::fs::read(dir.join("scores/dsl.xlsx")).expect("kept"),
        workbook
    );
    assert!(!dir.join("evidence/new-pack.zip").exists());
    assert!(!dir.join("evidence/packs").exists());
    assert!(!dir.join("scores/2026").exists());

    // A zip that is not one of our packs is left alone; an earlier pack is replaced.
    let other = dir.join("out/photos.zip");
    std::fs::copy(dir.join("evidence/training-records.xlsx"), &other).expect("copy");
    pack_to(dir, Path::new("out/photos.zip"))
        .code(2)
        .stderr(predicate::str::contains(
            "not an evidence pack made by selfreview",
        ));
    assert_eq!(std::fs::read(&other).expect("kept"), evidence);
    pack_to(dir, Path::new("out/pack.zip")).success();
    pack_to(dir, Path::new("out/pack.zip")).success();
}

#[cfg(unix)]
#[test]
fn pack_refuses_a_link_that_leads_into_the_reviews_own_files() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    packable(dir, "policy.pdf", &text_pdf(&["Online safety policy"]));
    let evidence = std::fs::read(dir.join("evidence/training-records.xlsx")).expect("evidence");
    let link = |name: &str, to: &str| {
        std::os::unix::fs::symlink(to, dir.join("out").join(name)).expect("link");
    };
    link("to-records.zip", "../evidence/training-records.xlsx");
    link("to-settings.zip", "../review.toml");
    link("to-new.zip", "../evidence/new-pack.zip");
    for (target, why) in [
        ("out/to-records.zip", "inside evidence/"),
        ("out/to-settings.zip", "it is review.toml"),
        ("out/to-new.zip", "inside evidence/"),
    ] {
        pack_to(dir, Path::new(target))
            .code(2)
            .stderr(predicate::str::contains(format!(
                "will not write to {target}"
            )))
            .stderr(predicate::str::contains(why));
    }
    assert_eq!(
        std::fs::read(dir.join("evidence/training-records.xlsx")).expect("kept"),
        evidence
    );
    assert!(!dir.join("evidence/new-pack.zip").exists());
    assert!(!dir.join("evidence/packs").exists());
    assert!(!dir.join("scores/2026").exists());
    assert!(
        std::fs::symlink_metadata(dir.join("out/to-new.zip"))
            .expect("still there")
            .file_type()
            .is_symlink(),
        "the link is left as it was"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_the_pack_is_refused_at_once() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    full_review(dir);
    let status = std::process::Command::new("mkfifo")
        .arg(dir.join("out/pipe.zip"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    pack_to(dir, Path::new("out/pipe.zip"))
        .code(2)
        .stderr(predicate::str::contains("it is a named pipe"));
}

#[cfg(unix)]
#[test]
fn reports_are_not_written_through_an_out_folder_linked_into_the_evidence() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    packable(dir, "policy.pdf", &text_pdf(&["Online safety policy"]));
    std::fs::write(dir.join("evidence/report.html"), b"the school's own page").expect("write");
    std::fs::remove_dir_all(dir.join("out")).expect("remove out");
    std::os::unix::fs::symlink(dir.join("evidence"), dir.join("out")).expect("link");
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "will not write to out/report.html",
        ))
        .stderr(predicate::str::contains("inside evidence/"));
    assert_eq!(
        std::fs::read(dir.join("evidence/report.html")).expect("kept"),
        b"the school's own page"
    );
    assert!(
        !dir.join("evidence/summary.xlsx").exists(),
        "nothing written"
    );
}

#[test]
fn temporaries_left_by_a_killed_run_are_removed_by_the_next() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    full_review(dir);
    let leftovers = [
        dir.join("out/.selfreview-pack-killed.tmp"),
        dir.join("scores/.selfreview-abc.tmp"),
    ];
    for l in &leftovers {
        std::fs::write(l, vec![0u8; 4096]).expect("write leftover");
    }
    let mine = dir.join("out/.notes.tmp");
    std::fs::write(&mine, b"someone else's").expect("write");
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("score")
        .assert()
        .success();
    for l in &leftovers {
        assert!(!l.exists(), "{} was left behind", l.display());
    }
    assert!(mine.exists(), "only our own temporaries are removed");
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_pack_removes_its_temporary_file() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    let mut video = b"\0\0\0\x20ftypisom".to_vec();
    video.resize(256 << 20, 1);
    packable(dir, "assembly.mp4", &video);
    set_checked_by_hand(dir, &["assembly.mp4"]);
    let temporaries = |d: &Path| {
        std::fs::read_dir(d)
            .expect("out")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count()
    };
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_selfreview"))
        .arg("-C")
        .arg(dir)
        .arg("pack")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    let mut interrupted = false;
    while start.elapsed() < Duration::from_secs(90) {
        if child.try_wait().expect("poll").is_some() {
            break;
        }
        if temporaries(&dir.join("out")) > 0 {
            let status = std::process::Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .expect("kill runs");
            interrupted = status.success();
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let status = child.wait().expect("reap");
    assert!(
        interrupted,
        "the pack finished before it could be interrupted; use a larger file"
    );
    assert_eq!(status.code(), Some(130), "stops as an interrupted program");
    assert_eq!(
        temporaries(&dir.join("out")),
        0,
        "the temporary was removed"
    );
    assert!(
        !dir.join("out/hill-primary-evidence-2026-11-01.zip")
            .exists()
    );
}
