//! `verify` on what is not a sound pack: names built to draw on the terminal, folders,
//! pipes and files that are not zips, and zips whose end record is damaged or hidden.

use predicates::prelude::*;

use crate::forgery::{packed, rebuilt};
use crate::selfreview;

#[test]
fn names_in_a_pack_cannot_draw_on_the_terminal() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, _) = packed(tmp.path());
    let forged = "aspects/x\r\x1b[2Kpack.zip: intact.\x1b[8m\u{202e}\x07\u{9b}.txt";
    let bytes = rebuilt(&pack, &[(forged, b"forged")], |_| {});
    let case = tmp.path().join("drawn.zip");
    std::fs::write(&case, bytes).expect("write");
    let out = selfreview().arg("verify").arg(&case).assert().code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    for raw in ['\r', '\x1b', '\u{202e}', '\x07', '\u{9b}'] {
        assert!(!err.contains(raw), "{raw:?} reached the terminal: {err}");
    }
    assert!(
        err.contains("aspects/x\\r\\x1b[2Kpack.zip: intact.\\x1b[8m\\u{202e}\\x07\\u{9b}.txt"),
        "{err}"
    );
    assert!(err.contains("NOT intact"), "{err}");
    // A line break in a name cannot begin a line of its own either.
    let bytes = rebuilt(&pack, &[("x\npack.zip: intact.", b"forged")], |_| {});
    std::fs::write(&case, bytes).expect("write");
    selfreview()
        .arg("verify")
        .arg(&case)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("x\\npack.zip: intact."))
        .stderr(predicate::str::contains("\npack.zip: intact.").not());
}

#[test]
fn a_folder_or_a_pipe_is_not_read_and_exits_2() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .arg("verify")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"))
        .stderr(predicate::str::contains("a folder"));
    #[cfg(unix)]
    {
        let fifo = tmp.path().join("pack.zip");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        selfreview()
            .arg("verify")
            .arg(&fifo)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("a named pipe"));
    }
    // A file that was read but is no zip is a pack that is not intact.
    for bytes in [&b""[..], b"not a zip at all"] {
        let file = tmp.path().join("not.zip");
        std::fs::write(&file, bytes).expect("write");
        selfreview()
            .arg("verify")
            .arg(&file)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("NOT intact"));
    }
}

#[test]
fn a_whole_fingerprint_that_differs_is_shown_whole() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, _) = packed(tmp.path());
    let out = selfreview()
        .arg("--json")
        .arg("verify")
        .arg(&pack)
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("json");
    let full = doc["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_string();
    let last = if full.ends_with('0') { '1' } else { '0' };
    let wrong = format!("{}{last}", &full[..63]);
    let out = selfreview()
        .arg("verify")
        .arg(&pack)
        .arg("--fingerprint")
        .arg(&wrong)
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    let grouped = |hex: &str| {
        hex.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(err.contains(&grouped(&full)), "{err}");
    assert!(err.contains(&grouped(&wrong)), "{err}");
}
