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

/// Writes `bytes` as `name` beside the pack, verifies it, and expects exit 1, "NOT intact"
/// and `said`, with `code`.
fn not_intact(dir: &std::path::Path, name: &str, bytes: &[u8], code: &str, said: &str) {
    let case = dir.join(name);
    std::fs::write(&case, bytes).expect("write");
    let out = selfreview().arg("verify").arg(&case).assert().code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    assert!(
        err.contains(&format!("error[{code}]")) && err.contains(said) && err.contains("NOT intact"),
        "{name}: wanted {code}: {said}\n{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

/// A pack made here, its bytes and where its end record starts.
fn pack_bytes(dir: &std::path::Path) -> (Vec<u8>, usize) {
    let (pack, _) = packed(dir);
    let bytes = std::fs::read(&pack).expect("pack");
    let end = bytes.len() - 22;
    assert_eq!(
        bytes[end..end + 4],
        [0x50, 0x4b, 5, 6],
        "no comment: the end record is last"
    );
    (bytes, end)
}

/// A pack added to or cut short after its last entry: each is named for what it is, not
/// for what a zip library makes of it.
#[test]
fn a_pack_added_to_or_cut_off_at_its_end_record_is_named_so() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    let (bytes, end) = pack_bytes(dir);
    let mut added = bytes.clone();
    added.extend(b"appended");
    not_intact(
        dir,
        "added.zip",
        &added,
        "pack-stray-bytes",
        "8 bytes were added after the zip's end record",
    );

    for cut in [1, 10, 18, 21] {
        let said = format!("cut short: it ends {} byte", 22 - cut);
        not_intact(
            dir,
            "cut.zip",
            &bytes[..bytes.len() - cut],
            "pack-damaged",
            &said,
        );
    }
    not_intact(
        dir,
        "cut.zip",
        &bytes[..end - 5],
        "pack-damaged",
        "its central directory is there, but the end record after it is not",
    );
    let mut comment = bytes.clone();
    comment[end + 20] = 10;
    not_intact(
        dir,
        "comment-cut.zip",
        &comment,
        "pack-damaged",
        "a comment of 10 bytes and only 0 follow it",
    );
}

/// End records that disagree with the directory or with each other, or more than one of
/// them (a zip hidden in the comment).
#[test]
fn an_end_record_that_is_wrong_or_not_the_only_one_is_named_so() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    let (bytes, end) = pack_bytes(dir);
    let count = u16::from_le_bytes([bytes[end + 10], bytes[end + 11]]);
    let mut both = bytes.clone();
    for at in [end + 8, end + 10] {
        both[at..at + 2].copy_from_slice(&(count + 1).to_le_bytes());
    }
    let said = format!(
        "the central directory holds {count} entries but the zip's end record says {}",
        count + 1
    );
    not_intact(dir, "count.zip", &both, "pack-damaged", &said);
    let mut one = bytes.clone();
    one[end + 10..end + 12].copy_from_slice(&(count - 1).to_le_bytes());
    let said = format!("two different entry counts, {count} and {}", count - 1);
    not_intact(dir, "one-count.zip", &one, "pack-damaged", &said);

    // A whole zip of a forged page hidden in the end record's comment.
    let mut forged = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    forged
        .start_file("index.html", crate::forgery::options())
        .expect("start");
    std::io::Write::write_all(&mut forged, b"<p>forged</p>").expect("write");
    let inner = forged.finish().expect("finish").into_inner();
    let mut hidden = bytes.clone();
    let len = u16::try_from(inner.len()).expect("small");
    hidden[end + 20..end + 22].copy_from_slice(&len.to_le_bytes());
    hidden.extend(&inner);
    not_intact(
        dir,
        "hidden.zip",
        &hidden,
        "pack-damaged",
        "the zip has 2 end records",
    );
    not_intact(
        dir,
        "hidden.zip",
        &hidden,
        "pack-damaged",
        "inside the comment of the other",
    );

    // The end record copied once more after itself.
    let mut twice = bytes.clone();
    twice[end + 20] = 22;
    twice.extend_from_slice(&bytes[end..]);
    not_intact(
        dir,
        "twice.zip",
        &twice,
        "pack-damaged",
        "the zip has 2 end records",
    );
}
