//! Any bytes, read as an xlsx, xls or ods evidence file, must import or be refused cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfreview::evidence::Kind;
use selfreview::evidence::import::{Evidence, Request, import};

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts on any panic, even one selfreview catches: calamine panics on
    // some damaged files and `spreadsheet::guarded` turns those into findings. A panic that
    // escapes selfreview still reaches libfuzzer's own catch and aborts the run.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
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
