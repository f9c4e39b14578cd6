//! Any bytes, as the workbook stream of an .xls file, must import or be refused cleanly, and
//! the memory estimate made before calamine reads them must hold: libFuzzer's memory limit
//! (2 GiB, above selfreview's 1 GiB budget) catches records whose cost was underestimated.
//! The container around the stream is well formed, so the fuzzer spends its time on the
//! records themselves; `sheet_import` covers damaged containers.
#![no_main]

mod common;

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use selfreview::evidence::Kind;

fuzz_target!(|data: &[u8]| {
    common::quiet_panics();
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("evidence.xls");
    let mut container = cfb::create(&path).expect("create");
    let mut stream = container.create_stream("/Workbook").expect("stream");
    stream.write_all(data).expect("write");
    drop(stream);
    container.flush().expect("flush");
    drop(container);
    common::import_as(&path, Kind::ALL[data.len() % 3]);
});
