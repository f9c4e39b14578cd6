//! Any bytes, read as an xlsx, xls or ods evidence file, must import or be refused cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfreview::evidence::Kind;
use selfreview::evidence::import::{Evidence, Request, import};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let ext = ["xlsx", "xls", "ods"][usize::from(first) % 3];
    let kind = Kind::ALL[usize::from(first / 3) % 3];
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(format!("evidence.{ext}"));
    std::fs::write(&path, rest).expect("write");
    let none = Default::default();
    let req = Request { kind, path: &path, shown: &path, sheet: None, columns: &none, maps: Default::default() };
    let _ = import(&req, &mut Evidence::default());
});
