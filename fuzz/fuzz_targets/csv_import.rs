//! Any bytes, read as a CSV evidence file of each kind, must import or be refused cleanly.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use selfreview::evidence::Kind;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("evidence.csv");
    std::fs::write(&path, data).expect("write");
    for kind in Kind::ALL {
        common::import_as(&path, kind);
    }
});
