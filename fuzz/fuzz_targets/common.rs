//! What the evidence-import fuzz targets share. Each target compiles its own copy and uses
//! what it needs of it.
#![allow(dead_code)]

use std::path::Path;

use selfreview::evidence::Kind;
use selfreview::evidence::import::{Evidence, Request, import};

/// Silences panic messages. calamine panics on some damaged files and
/// `spreadsheet::guarded` turns those into findings, but libfuzzer-sys aborts on any panic
/// it hears of, even a caught one. A panic that escapes selfreview still reaches libfuzzer's
/// own catch and aborts the run.
pub fn quiet_panics() {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

/// Imports `path` as evidence of `kind`, as `selfreview import --kind` would. Any result
/// will do; the target fails only by crashing, hanging or running out of memory.
pub fn import_as(path: &Path, kind: Kind) {
    let none = Default::default();
    let req = Request {
        kind,
        path,
        shown: path,
        sheet: None,
        columns: &none,
        maps: Default::default(),
    };
    let _ = import(&req, &mut Evidence::default());
}
