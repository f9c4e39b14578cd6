//! Any bytes, verified as an evidence pack, must give findings, not a panic or a runaway.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("pack.zip");
    std::fs::write(&path, data).expect("write");
    let _ = selfreview::pack::verify(&path, None);
});
