//! `verify` against forged packs, each built here from a real pack with the zip crate and
//! edits to the raw bytes: a second entry under a real entry's name placed before it, a
//! hidden entry the central directory does not list, folder entries, links and special
//! files, local headers that disagree with the central directory, and a manifest remade
//! after a change, which only the fingerprint catches.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::report::full_review;
use crate::{filled_workbook, selfreview};

const LONG: &str = "Roles are written into the policy and were explained to every group this term; the online safety lead meets the safeguarding lead each half term and keeps notes, and staff asked on a learning walk could describe their own part.";

/// A review that packs, and its pack's path and the fingerprint `pack` printed.
pub fn packed(dir: &Path) -> (PathBuf, String) {
    full_review(dir);
    for f in std::fs::read_dir(dir.join("scores")).expect("scores") {
        std::fs::remove_file(f.expect("entry").path()).expect("remove");
    }
    filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "Dana Smith",
        &[("A1.1", 2, LONG, "")],
    );
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("pack")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("Fingerprint of its manifest: "))
        .expect("pack prints the fingerprint");
    (
        dir.join("out/hill-primary-evidence-2026-11-01.zip"),
        line.trim().to_string(),
    )
}

/// Every entry of a zip, name and content.
fn entries(zip: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).expect("pack")).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut e = archive.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).expect("read");
            (e.name().expect("name").to_string(), bytes)
        })
        .collect()
}

pub fn options() -> zip::write::SimpleFileOptions {
    // Dated as the pack writer dates every entry: midnight on the review date of the
    // packs these tests rebuild (01/11/2026), so a rebuilt zip differs only where a test
    // means it to.
    let review_date =
        zip::DateTime::from_date_and_time(2026, 11, 1, 0, 0, 0).expect("a date a zip can hold");
    zip::write::SimpleFileOptions::default()
        .system(zip::System::Unix)
        .unix_permissions(0o644)
        .last_modified_time(review_date)
}

/// As [`options`], dated as the pack writer dates every entry of [`packed`]'s pack:
/// midnight on its review date, so that a zip remade with them differs from the pack only
/// where a test changes it.
fn as_dated() -> zip::write::SimpleFileOptions {
    let midnight =
        zip::DateTime::from_date_and_time(2026, 11, 1, 0, 0, 0).expect("a date a zip holds");
    options().last_modified_time(midnight)
}

/// A zip of `before` entries, then the pack's own, then `after`.
pub fn rebuilt(
    pack: &Path,
    before: &[(&str, &[u8])],
    add: impl FnOnce(&mut zip::ZipWriter<std::io::Cursor<Vec<u8>>>),
) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in before {
        out.start_file(*name, options()).expect("start");
        out.write_all(bytes).expect("write");
    }
    for (name, bytes) in entries(pack) {
        out.start_file(name.as_str(), options()).expect("start");
        out.write_all(&bytes).expect("write");
    }
    add(&mut out);
    out.finish().expect("finish").into_inner()
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u16_at(b: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

/// Where the header with signature `sig` for the entry `name` starts; `name_at` is where
/// the name sits in such a header.
fn header(bytes: &[u8], sig: u32, name_at: usize, name: &str) -> usize {
    (0..bytes.len() - name_at)
        .find(|&i| u32_at(bytes, i) == sig && bytes[i + name_at..].starts_with(name.as_bytes()))
        .unwrap_or_else(|| panic!("no header for {name}"))
}

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;

fn verify(zip: &Path) -> assert_cmd::assert::Assert {
    selfreview().arg("verify").arg(zip).assert()
}

#[test]
fn a_forged_entry_under_a_real_name_and_a_hidden_entry_are_caught() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, _) = packed(tmp.path());
    // A forged index.html placed before the real one: written as index.htmX, renamed in
    // both its headers.
    let mut twice = rebuilt(&pack, &[("index.htmX", b"<p>forged</p>")], |_| {});
    for i in 0..twice.len() - 10 {
        if &twice[i..i + 10] == b"index.htmX" {
            twice[i + 9] = b'l';
        }
    }
    let case = tmp.path().join("twice.zip");
    std::fs::write(&case, &twice).expect("write");
    verify(&case)
        .code(1)
        .stderr(predicate::str::contains("error[pack-entry-duplicate]"))
        .stderr(predicate::str::contains(
            "`index.html` is in the pack 2 times",
        ))
        .stderr(predicate::str::contains("NOT intact"));

    // The same forged entry, left out of the central directory: an extractor reading the
    // zip from the front still finds it.
    let mut hidden = rebuilt(&pack, &[("hidden.html", b"<p>forged</p>")], |_| {});
    let at = header(&hidden, CENTRAL, 46, "hidden.html");
    let len = 46 + u16_at(&hidden, at + 28) + u16_at(&hidden, at + 30) + u16_at(&hidden, at + 32);
    hidden.drain(at..at + len);
    let end = hidden.len() - 22;
    assert_eq!(
        u32_at(&hidden, end),
        0x0605_4b50,
        "no comment, so the end record is last"
    );
    for field in [end + 8, end + 10] {
        let n = u16_at(&hidden, field) - 1;
        hidden[field..field + 2].copy_from_slice(&(n as u16).to_le_bytes());
    }
    let size = u32_at(&hidden, end + 12) - len as u32;
    hidden[end + 12..end + 16].copy_from_slice(&size.to_le_bytes());
    let case = tmp.path().join("hidden.zip");
    std::fs::write(&case, &hidden).expect("write");
    verify(&case)
        .code(1)
        .stderr(predicate::str::contains("error[pack-stray-bytes]"))
        .stderr(predicate::str::contains(
            "belong to no entry the pack lists",
        ));
}

#[test]
fn folders_links_and_special_files_are_caught() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, _) = packed(tmp.path());
    let folder = rebuilt(&pack, &[], |z| {
        z.add_directory("aspects/", options()).expect("folder");
    });
    let case = tmp.path().join("folder.zip");
    std::fs::write(&case, folder).expect("write");
    verify(&case)
        .code(1)
        .stderr(predicate::str::contains("error[pack-entry-folder]"))
        .stderr(predicate::str::contains("`aspects/` is marked as a folder"));

    let link = rebuilt(&pack, &[], |z| {
        z.add_symlink("evidence.html", "/etc/passwd", options())
            .expect("link");
    });
    let case = tmp.path().join("link.zip");
    std::fs::write(&case, link).expect("write");
    verify(&case)
        .code(1)
        .stderr(predicate::str::contains("error[pack-entry-not-a-file]"))
        .stderr(predicate::str::contains(
            "`evidence.html` is a symbolic link",
        ));

    // A pipe: the file type in the central directory's external attributes changed.
    let mut pipe = rebuilt(&pack, &[("pipe", b"")], |_| {});
    let at = header(&pipe, CENTRAL, 46, "pipe");
    pipe[at + 38..at + 42].copy_from_slice(&((0o010_644u32) << 16).to_le_bytes());
    let case = tmp.path().join("pipe.zip");
    std::fs::write(&case, pipe).expect("write");
    verify(&case)
        .code(1)
        .stderr(predicate::str::contains("error[pack-entry-not-a-file]"))
        .stderr(predicate::str::contains(
            "`pipe` is marked as a special file",
        ));
}

#[test]
fn local_headers_that_disagree_with_the_central_directory_are_each_named() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, _) = packed(tmp.path());
    let bytes = std::fs::read(&pack).expect("pack");
    let at = header(&bytes, LOCAL, 30, "governors.html");
    let cases: [(&str, usize, &str); 4] = [
        ("name", at + 30 + 13, "gives the name `governors.htmX`"),
        ("crc", at + 14, "gives CRC"),
        ("size", at + 22, "gives sizes"),
        ("method", at + 8, "gives compression method"),
    ];
    for (what, offset, said) in cases {
        let mut forged = bytes.clone();
        if what == "name" {
            forged[offset] = b'X';
        } else {
            forged[offset] ^= 0x01;
        }
        let case = tmp.path().join(format!("{what}.zip"));
        std::fs::write(&case, forged).expect("write");
        verify(&case)
            .code(1)
            .stderr(predicate::str::contains(
                "error[pack-entry-header-mismatch]",
            ))
            .stderr(predicate::str::contains(format!(
                "the local header of `governors.html` {said}"
            )));
    }
}

#[test]
fn a_manifest_remade_after_a_change_is_caught_only_by_the_fingerprint() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, fingerprint) = packed(tmp.path());
    assert_eq!(fingerprint.len(), 39, "eight groups of four: {fingerprint}");
    let typed = fingerprint.replace(' ', "").to_uppercase();
    verify(&pack)
        .success()
        .stdout(predicate::str::contains(format!(
            "Fingerprint of its manifest: {fingerprint}"
        )));
    selfreview()
        .args(["verify", "--fingerprint", &typed])
        .arg(&pack)
        .assert()
        .success()
        .stdout(predicate::str::contains("has the fingerprint given"));

    // index.html changed and the manifest remade to match, as a forger would.
    let mut files = entries(&pack);
    let forged_page = b"<p>Every aspect meets the benchmark.</p>".to_vec();
    let mut manifest: serde_json::Value = serde_json::from_slice(
        &files
            .iter()
            .find(|(n, _)| n == "manifest.json")
            .expect("manifest")
            .1,
    )
    .expect("json");
    for f in manifest["files"].as_array_mut().expect("files") {
        if f["path"] == "index.html" {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(&forged_page);
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            f["sha256"] = hex.into();
            f["size"] = forged_page.len().into();
        }
    }
    for (name, bytes) in &mut files {
        match name.as_str() {
            "index.html" => bytes.clone_from(&forged_page),
            "manifest.json" => *bytes = serde_json::to_vec_pretty(&manifest).expect("json"),
            _ => {}
        }
    }
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in &files {
        out.start_file(name.as_str(), as_dated()).expect("start");
        out.write_all(bytes).expect("write");
    }
    let case = tmp.path().join("remade.zip");
    std::fs::write(&case, out.finish().expect("finish").into_inner()).expect("write");
    verify(&case).success();
    selfreview()
        .args(["verify", "--fingerprint", &fingerprint])
        .arg(&case)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[pack-fingerprint-mismatch]"))
        .stderr(predicate::str::contains("NOT intact"));

    for bad in ["12ab", "zz", &format!("{typed}0")] {
        selfreview()
            .args(["verify", "--fingerprint", bad])
            .arg(&pack)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--fingerprint"));
    }
    let json = selfreview()
        .args(["--json", "verify", "--fingerprint", &fingerprint])
        .arg(&pack)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&json).expect("json");
    assert_eq!(doc["fingerprint_checked"], true);
    assert!(
        doc["fingerprint"]
            .as_str()
            .expect("hex")
            .starts_with(&typed.to_lowercase())
    );
}

#[test]
fn bytes_put_in_front_are_caught_and_a_zip_with_data_descriptors_is_no_false_alarm() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (pack, fingerprint) = packed(tmp.path());
    let mut prefixed = b"MZ".repeat(50);
    prefixed.extend(std::fs::read(&pack).expect("pack"));
    let case = tmp.path().join("prefixed.zip");
    std::fs::write(&case, prefixed).expect("write");
    verify(&case)
        .code(1)
        .stderr(predicate::str::contains("error[pack-stray-bytes]"))
        .stderr(predicate::str::contains("100 bytes were put in front"));

    // Written as a stream, each entry's sizes and CRC follow its data in a descriptor: the
    // same files, so it verifies, fingerprint and all.
    let mut out = zip::ZipWriter::new_stream(Vec::new());
    for (name, bytes) in entries(&pack) {
        out.start_file(name.as_str(), as_dated()).expect("start");
        out.write_all(&bytes).expect("write");
    }
    let streamed = out.finish().expect("finish").into_inner();
    assert_eq!(
        streamed[6] & 0x08,
        0x08,
        "the first entry has a data descriptor"
    );
    let case = tmp.path().join("streamed.zip");
    std::fs::write(&case, streamed).expect("write");
    selfreview()
        .args(["verify", "--fingerprint", &fingerprint])
        .arg(&case)
        .assert()
        .success();
}
