//! Every kind of document the pack might hold is read for children's names: text in any
//! encoding, web pages, office documents and what is inside them, PDFs, zips, file names;
//! and what cannot be read is refused unless a person has checked it.

use std::io::Write;
use std::path::Path;

use crate::privacy::{CLEAN, ZIP, refused, review, run, workbook};
use crate::{fixtures, set_checked_by_hand, text_pdf};

fn office(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
    );
    office(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", xml.as_bytes()),
    ])
}

/// Cites one document for A1.1 and expects the pack refused with `code`.
fn cite(dir: &Path, file: &str, bytes: &[u8], code: &str) {
    let path = dir.join("evidence").join(file);
    std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    std::fs::write(&path, bytes).expect("write");
    workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
    let stderr = refused(dir, code, &["Jamie Fox", "Fox"]);
    assert!(stderr.contains(file), "{file}: {stderr}");
    std::fs::remove_file(path).expect("remove");
}

#[test]
fn documents_of_every_kind_are_read_for_names() {
    let tmp = review("Date,Category,Pupil\n01/10/2026,Gaming,Jamie Fox\n", None);
    let dir = tmp.path();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Notes: Jamie Fox was upset.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let split = docx(
        "<w:p><w:r><w:t>Spoke to Ja</w:t></w:r><w:r><w:t>mie F</w:t></w:r><w:r><w:t>ox.</w:t></w:r></w:p>",
    );
    let embedded = office(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
        (
            "word/embeddings/list.docx",
            &docx("<w:p><w:r><w:t>Fox, Jamie</w:t></w:r></w:p>"),
        ),
    ]);
    let nested = office(&[(
        "minutes/march.docx",
        &docx("<w:p><w:r><w:t>JAMIE FOX</w:t></w:r></w:p>"),
    )]);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("notes-utf16.txt", utf16),
        (
            "page.html",
            b"<p><b>Jamie</b>&nbsp;<i>Fox</i> joined</p>".to_vec(),
        ),
        ("page2.htm", b"<p>Jamie&#32;F&#111;x</p>".to_vec()),
        ("split.docx", split),
        ("embedded.docx", embedded),
        ("bundle.zip", nested),
        ("no-extension", b"Plain text naming Jamie Fox".to_vec()),
        ("windows.csv", b"Name\r\nFox, Jamie\r\n".to_vec()),
        ("letter.pdf", text_pdf(&["Dear parent of Jamie Fox"])),
    ];
    for (file, bytes) in &cases {
        cite(dir, file, bytes, "private-name-in-pack");
    }
    // A cited folder holding a file whose name is a child's.
    std::fs::create_dir_all(dir.join("evidence/photos")).expect("mkdir");
    std::fs::write(dir.join("evidence/photos/jamie-fox.txt"), "a caption").expect("write");
    workbook(dir, &[("A1.1", CLEAN, "photos/", "", "")]);
    refused(dir, "private-name-in-pack", &["jamie", "fox"]);
    std::fs::remove_dir_all(dir.join("evidence/photos")).expect("remove");
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".repeat(64);
    let unsearchable: Vec<(&str, Vec<u8>)> = vec![
        ("old.doc", ole),
        (
            "scan.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".to_vec(),
        ),
        ("photo.jpg", b"\xFF\xD8\xFF\xE0 not really a photo".to_vec()),
        ("notes.rtf", b"{\\rtf1\\ansi \\'c4rnstr\\'f6m}".to_vec()),
        ("blob.bin", vec![0, 1, 2, 3, 4, 5, 6, 7, 0, 9]),
    ];
    for (file, bytes) in &unsearchable {
        cite(dir, file, bytes, "unsearchable-evidence");
    }
}

#[test]
fn a_file_checked_by_hand_is_packed_and_a_missing_one_is_warned_about() {
    let tmp = review("Date,Category,Pupil\n01/10/2026,Gaming,Jamie Fox\n", None);
    let dir = tmp.path();
    std::fs::write(dir.join("evidence/display.jpg"), b"\xFF\xD8\xFF\xE0 photo").expect("write");
    workbook(dir, &[("A1.1", CLEAN, "display.jpg", "", "")]);
    set_checked_by_hand(dir, &["display.jpg", "gone.png"]);
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stderr.contains("warning[checked-file-missing]"), "{stderr}");
    assert!(dir.join(ZIP).exists());
}

#[test]
fn a_copy_of_the_incident_log_cited_as_evidence_is_refused() {
    let log = std::fs::read(fixtures().join("evidence/safeguarding-export.csv")).expect("fixture");
    let tmp = review(&String::from_utf8_lossy(&log), None);
    for copy in [
        "incident-log-copy.xls",
        "incident-log-copy.ods",
        "incident-log-copy.xlsx",
    ] {
        let bytes = std::fs::read(fixtures().join("evidence").join(copy)).expect("fixture");
        cite(tmp.path(), copy, &bytes, "private-name-in-pack");
    }
}
