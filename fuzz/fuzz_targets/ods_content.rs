//! Any bytes, as the content of an .ods file, must import or be refused cleanly, and the
//! memory estimate made before calamine reads them must hold: libFuzzer's memory limit
//! (2 GiB, above selfreview's 1 GiB budget) catches content whose cost was underestimated.
#![no_main]

mod common;

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use selfreview::evidence::Kind;

fuzz_target!(|data: &[u8]| {
    common::quiet_panics();
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("evidence.ods");
    let file = std::fs::File::create(&path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("entry");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write");
    zip.start_file("META-INF/manifest.xml", stored)
        .expect("entry");
    zip.write_all(b"<?xml version=\"1.0\"?><manifest:manifest/>")
        .expect("write");
    zip.start_file("content.xml", stored).expect("entry");
    zip.write_all(data).expect("write");
    zip.finish().expect("finish");
    common::import_as(&path, Kind::ALL[data.len() % 3]);
});
