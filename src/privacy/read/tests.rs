use super::*;
use crate::privacy::Names;

fn names() -> Names {
    let mut n = Names::default();
    n.add_cell("Jamie O'Neill");
    n.add_cell("Zoë Ärnström");
    n
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

#[test]
fn utf16_and_windows_text_are_decoded() {
    let n = names();
    let mut le = vec![0xFF, 0xFE];
    for u in "Note: Zoë Ärnström".encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(bytes(&n, &le, "note"), Verdict::Name);
    let no_bom: Vec<u8> = le[2..].to_vec();
    assert_eq!(bytes(&n, &no_bom, "note"), Verdict::Name);
    let (cp, _, _) = encoding_rs::WINDOWS_1252.encode("Zoë Ärnström was seen");
    assert_eq!(bytes(&n, &cp, "note.txt"), Verdict::Name);
    assert_eq!(bytes(&n, b"A clean note", "note.txt"), Verdict::Clean);
}

#[test]
fn html_entities_and_tags_are_read_as_a_browser_shows_them() {
    let n = names();
    assert_eq!(
        bytes(&n, b"<p>Jamie&nbsp;O&#39;Neill</p>", "a.html"),
        Verdict::Name
    );
    assert_eq!(
        bytes(&n, b"<p><b>Jamie</b> <i>O&rsquo;Neill</i></p>", "a"),
        Verdict::Name
    );
    assert_eq!(
        bytes(&n, b"<td>Zo&euml;</td><td>&Auml;rnstr&ouml;m</td>", "t.htm"),
        Verdict::Name
    );
    assert_eq!(
        bytes(&n, b"<img alt=\"Jamie O'Neill\">", "a.html"),
        Verdict::Name
    );
    assert_eq!(
        bytes(&n, b"<p>Jamie</p><!-- x --><p>Smith</p>", "a.html"),
        Verdict::Clean
    );
}

#[test]
fn office_runs_join_and_embedded_documents_are_opened() {
    let n = names();
    let doc = br#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Spoke to Ja</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>mie O</w:t></w:r><w:r><w:t>'Neill</w:t></w:r></w:p></w:body></w:document>"#;
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", doc),
    ]);
    assert_eq!(bytes(&n, &docx, "x.docx"), Verdict::Name);
    let inner = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        (
            "xl/sharedStrings.xml",
            b"<sst><si><t>Zo\xc3\xab \xc3\x84rnstr\xc3\xb6m</t></si></sst>",
        ),
    ]);
    let outer = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
        ("word/embeddings/sheet.xlsx", &inner),
        ("word/media/logo.png", b"\x89PNG\r\n\x1a\n...."),
    ]);
    assert_eq!(bytes(&n, &outer, "y.docx"), Verdict::Name);
    let clean = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/media/logo.png", b"\x89PNG...."),
    ]);
    assert_eq!(bytes(&n, &clean, "z.docx"), Verdict::Clean);
    let plain = zip_of(&[("photos/jamie-oneill.txt", b"hello")]);
    assert_eq!(
        bytes(&n, &plain, "p.zip"),
        Verdict::Name,
        "a file name inside a zip"
    );
    let photo = zip_of(&[("photo.png", b"\x89PNG....")]);
    assert!(matches!(bytes(&n, &photo, "p.zip"), Verdict::Unreadable(_)));
}

#[test]
fn what_cannot_be_read_is_said_to_be_unreadable() {
    let n = names();
    for (data, what) in [
        (&b"\x89PNG\r\n\x1a\n\0\0"[..], "image"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0", "older Office"),
        (b"{\\rtf1\\ansi Jamie}", "RTF"),
        (b"%PDF-1.4\n%%EOF", "PDF"),
        (b"\0\x01\x02\x03\x04\x05\x06\x07\x08", "not text"),
    ] {
        match bytes(&n, data, "file") {
            Verdict::Unreadable(why) => assert!(why.contains(what), "{why}"),
            other => panic!("{what}: {other:?}"),
        }
    }
}

#[test]
fn the_sample_schools_pdf_has_a_text_layer_that_is_read() {
    let pdf = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/evidence/documents/online-safety-policy.pdf"
    ))
    .expect("sample pdf");
    // Its lines are shown with the `'` operator, which the extractor alone passes over.
    let mut n = Names::default();
    n.add_cell("Oakfield Primary");
    assert_eq!(bytes(&n, &pdf, "policy.pdf"), Verdict::Name);
    n = Names::default();
    n.add_cell("Governing Body");
    assert_eq!(
        bytes(&n, &pdf, "policy.pdf"),
        Verdict::Name,
        "the second line"
    );
    assert_eq!(bytes(&names(), &pdf, "policy.pdf"), Verdict::Clean);
}
