//! Killing `pack` and `workbook` part-way never leaves a partial file under a final name.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::report::full_review;
use crate::{filled_workbook, selfreview};

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .count()
        })
        .unwrap_or(0)
}

/// Starts the command, waits until it has a temporary file in `watch`, then kills it.
/// Returns whether it was killed while still writing.
fn kill_while_writing(mut cmd: std::process::Command, watch: &Path) -> bool {
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(90) {
        if child.try_wait().expect("poll").is_some() {
            return false;
        }
        if temp_files(watch) > 0 {
            child.kill().expect("kill");
            child.wait().expect("reap");
            return true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().expect("kill");
    child.wait().expect("reap");
    false
}

#[test]
fn a_killed_pack_leaves_the_earlier_pack_intact() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    full_review(dir);
    for f in std::fs::read_dir(dir.join("scores")).expect("scores") {
        std::fs::remove_file(f.expect("entry").path()).expect("remove");
    }
    // A large cited file keeps the pack busy long enough to be interrupted.
    let mut video = b"\0\0\0\x20ftypisom".to_vec();
    video.resize(192 << 20, 1);
    std::fs::write(dir.join("evidence/assembly.mp4"), video).expect("write video");
    crate::set_checked_by_hand(dir, &["assembly.mp4"]);
    filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "DSL",
        &[("B1.1", 2, "Assemblies are filmed.", "assembly.mp4")],
    );
    let zip = dir.join("out/hill-primary-evidence-2026-11-01.zip");

    // With no earlier pack, an interrupted run leaves nothing under the final name.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_selfreview"));
    cmd.arg("-C").arg(dir).arg("pack");
    let killed = kill_while_writing(cmd, &dir.join("out"));
    if killed {
        assert!(!zip.exists(), "a partial pack under the final name");
    }

    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("pack")
        .assert()
        .success();
    let earlier = std::fs::read(&zip).expect("earlier pack");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_selfreview"));
    cmd.arg("-C").arg(dir).arg("pack");
    let killed_again = kill_while_writing(cmd, &dir.join("out"));
    assert!(
        killed || killed_again,
        "the pack finished before it could be interrupted; use a larger file"
    );
    assert!(
        std::fs::read(&zip).expect("still there") == earlier,
        "the earlier pack changed"
    );
    selfreview().arg("verify").arg(&zip).assert().success();
}

#[test]
fn a_killed_workbook_run_leaves_only_whole_workbooks() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    crate::init_review(dir, &[]).success();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_selfreview"));
    cmd.arg("-C").arg(dir).arg("workbook");
    for n in 0..300 {
        cmd.args(["--reviewer", &format!("Reviewer {n}")]);
    }
    kill_while_writing(cmd, &dir.join("scores"));
    let mut whole = 0;
    for entry in std::fs::read_dir(dir.join("scores")).expect("scores") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "xlsx") {
            let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&path)
                .unwrap_or_else(|e| panic!("{} is not whole: {e}", path.display()));
            calamine::Reader::worksheet_range(&mut wb, "Scores").expect("a whole workbook");
            whole += 1;
        }
    }
    assert!(
        whole < 300,
        "the run finished before it could be interrupted"
    );
}
