//! `verify` on packs whose header fields were changed while every file's bytes stayed the
//! same: a zip comment, a DOS folder attribute, an encryption flag, sizes that do not fit
//! the data, a Unicode-path extra field that renames an entry, and any one byte changed in
//! the headers of an entry or in the end record, and an entry given another date.

use crate::forgery::packed;
use crate::selfreview;

/// Where the first entry's central header, its local header, and the end record start.
fn places(bytes: &[u8]) -> (usize, usize, usize) {
    let end = bytes.len() - 22;
    assert_eq!(bytes[end..end + 4], [0x50, 0x4b, 5, 6], "no comment");
    let at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes")) as usize;
    let central = at(end + 16);
    (central, at(central + 42), end)
}

/// Verifies `bytes` written as `name`; the error output, after checking exit 1 and "NOT
/// intact".
fn verified(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let case = dir.join(name);
    std::fs::write(&case, bytes).expect("write");
    let out = selfreview().arg("verify").arg(&case).assert();
    let out = out.get_output();
    let err = String::from_utf8(out.stderr.clone()).expect("utf-8");
    assert_eq!(out.status.code(), Some(1), "{name}: {err}");
    assert!(
        err.contains("NOT intact") && !err.contains("panicked"),
        "{name}: {err}"
    );
    err
}

#[test]
fn a_comment_folder_flag_or_size_the_writer_never_writes_is_not_intact() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, _) = packed(tmp.path());
    let bytes = std::fs::read(&pack).expect("pack");
    let (central, local, end) = places(&bytes);
    let mut commented = bytes.clone();
    commented[end + 20] = 14;
    commented.extend(b"hello assessor");
    let err = verified(tmp.path(), "comment.zip", &commented);
    assert!(
        err.contains("error[pack-stray-bytes]") && err.contains("a comment of 14 bytes"),
        "{err}"
    );
    assert!(
        !err.contains("hello assessor"),
        "the comment is not shown: {err}"
    );
    let mut dos = bytes.clone();
    dos[central + 38] |= 0x10;
    let err = verified(tmp.path(), "dos.zip", &dos);
    assert!(err.contains("error[pack-entry-folder]"), "{err}");
    assert!(!err.contains("not in the pack"), "{err}");
    let mut encrypted = bytes.clone();
    encrypted[local + 6] |= 1;
    let err = verified(tmp.path(), "local-flag.zip", &encrypted);
    assert!(
        err.contains("error[pack-entry-header-mismatch]") && err.contains("encrypted"),
        "{err}"
    );
    let mut both = bytes.clone();
    both[central + 8] |= 1;
    both[local + 6] |= 1;
    let err = verified(tmp.path(), "encrypted.zip", &both);
    assert!(
        err.contains("marked as encrypted") && !err.contains("not in the pack"),
        "{err}"
    );
    let mut lie = bytes.clone();
    for at in [central + 24, local + 22] {
        lie[at + 1] = lie[at + 1].wrapping_add(1);
    }
    let err = verified(tmp.path(), "size.zip", &lie);
    assert!(err.contains("error[pack-entry-header-mismatch]"), "{err}");
}

#[test]
fn any_one_byte_changed_in_the_headers_or_the_end_record_is_not_intact() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, _) = packed(tmp.path());
    let bytes = std::fs::read(&pack).expect("pack");
    let (central, local, end) = places(&bytes);
    let name_len = usize::from(u16::from_le_bytes([bytes[local + 26], bytes[local + 27]]));
    let places = (local..local + 30 + name_len)
        .chain(central..central + 46 + name_len)
        .chain(end..end + 22);
    for (i, at) in places.enumerate() {
        for flip in [0x01, 0x80] {
            let mut changed = bytes.clone();
            changed[at] ^= flip;
            verified(tmp.path(), &format!("flip-{i}-{flip}.zip"), &changed);
        }
    }
}

#[test]
fn an_entry_redated_in_both_its_headers_is_not_intact() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, _) = packed(tmp.path());
    let bytes = std::fs::read(&pack).expect("pack");
    let (central, local, _) = places(&bytes);
    // The day field is the low five bits of the date: the next day, in both headers.
    let mut redated = bytes.clone();
    for at in [central + 14, local + 12] {
        redated[at] += 1;
    }
    let err = verified(tmp.path(), "redated.zip", &redated);
    assert!(
        err.contains("is dated 02/11/2026 00:00") && err.contains("(01/11/2026)"),
        "{err}"
    );
}
