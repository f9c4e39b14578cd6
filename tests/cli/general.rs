//! What every command shares: help texts, global flags, exit codes.

use predicates::prelude::*;

use crate::{fixtures, selfreview};

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
    insta::assert_snapshot!("help-framework-export", help(&["framework", "export"]));
    insta::assert_snapshot!("help-workbook", help(&["workbook"]));
    insta::assert_snapshot!("help-migrate", help(&["migrate"]));
    insta::assert_snapshot!("help-score", help(&["score"]));
    insta::assert_snapshot!("help-import", help(&["import"]));
    insta::assert_snapshot!("help-report", help(&["report"]));
    insta::assert_snapshot!("help-pack", help(&["pack"]));
    insta::assert_snapshot!("help-verify", help(&["verify"]));
    insta::assert_snapshot!("help-demo", help(&["demo"]));
}

#[test]
fn quiet_hides_results_and_warnings_but_not_errors() {
    selfreview()
        .current_dir(fixtures())
        .args([
            "-q",
            "framework",
            "check",
            "framework/no-suggested-evidence.toml",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    selfreview()
        .current_dir(fixtures())
        .args(["-q", "framework", "check", "framework/unknown-key.toml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("error[unknown-key]"));
}

#[test]
fn json_failure_is_a_json_document_with_the_findings() {
    let out = selfreview()
        .arg("-C")
        .arg(fixtures().join("review/invalid-date"))
        .args(["--json", "framework", "show"])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert!(
        doc["error"]
            .as_str()
            .expect("message")
            .contains("review.toml")
    );
    assert_eq!(doc["diagnostics"][0]["code"], "invalid-date");
    assert_eq!(doc["diagnostics"][0]["location"]["line"], 4);
}

#[test]
fn missing_review_folder_is_exit_2() {
    selfreview()
        .args(["-C", "no-such-folder", "framework", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot use no-such-folder as the review folder",
        ));
}

/// Runs the binary with stdout or stderr (or both) connected to a pipe whose reader has
/// gone, as `selfreview score --json | head -c 10` leaves it; returns the exit status and
/// what reached the other stream.
fn with_closed_pipe(
    dir: &std::path::Path,
    args: &[&str],
    close_stdout: bool,
) -> (Option<i32>, String) {
    use std::process::Stdio;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("selfreview"));
    cmd.arg("-C")
        .arg(dir)
        .args(args)
        .env("SELFREVIEW_TODAY", "2026-11-01")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("started");
    let (out, err) = (child.stdout.take(), child.stderr.take());
    let kept = if close_stdout {
        drop(out);
        err.map(std::io::read_to_string)
    } else {
        drop(err);
        out.map(std::io::read_to_string)
    };
    let text = kept.and_then(Result::ok).unwrap_or_default();
    (child.wait().expect("finished").code(), text)
}

#[test]
fn output_to_a_closed_pipe_stops_quietly_without_a_panic() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .current_dir(tmp.path())
        .args(["demo", "school"])
        .assert()
        .success();
    let dir = tmp.path().join("school");
    for args in [
        &["score", "--json"][..],
        &["score"][..],
        &["framework", "show", "online-safety-18"][..],
    ] {
        let (code, stderr) = with_closed_pipe(&dir, args, true);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    // Warnings go to stderr: closing it stops the run quietly too.
    let (code, _) = with_closed_pipe(&dir, &["score"], false);
    assert!(matches!(code, Some(0 | 1)), "{code:?}");
}
