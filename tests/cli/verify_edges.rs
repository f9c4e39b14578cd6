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
