//! Any bytes, read as an xlsx, xls or ods evidence file, must import or be refused cleanly.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use selfreview::evidence::Kind;

fuzz_target!(|data: &[u8]| {
    common::quiet_panics();
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let ext = ["xlsx", "xls", "ods"][usize::from(first) % 3];
    let kind = Kind::ALL[usize::from(first / 3) % 3];
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(format!("evidence.{ext}"));
    std::fs::write(&path, rest).expect("write");
    common::import_as(&path, kind);
});
