//! Any bytes, read as a CSV evidence file of each kind, must import or be refused cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfreview::evidence::Kind;
use selfreview::evidence::import::{Evidence, Request, import};

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("evidence.csv");
    std::fs::write(&path, data).expect("write");
    let none = Default::default();
    for kind in Kind::ALL {
        let req = Request { kind, path: &path, shown: &path, sheet: None, columns: &none, maps: Default::default() };
        let _ = import(&req, &mut Evidence::default());
    }
});
