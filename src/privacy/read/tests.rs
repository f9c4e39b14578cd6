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

mod placed_at_random {
    use super::*;
    use proptest::prelude::*;

    const LETTERS: &[char] = &[
        'a', 'e', 'i', 'o', 'u', 'b', 'k', 'l', 'm', 'n', 'r', 's', 't', 'z', 'é', 'ö', 'ł', 'ñ',
        'å', 'ç', 'ı', 'ß',
    ];
    const FILLER: &[&str] = &[
        "the",
        "group",
        "met",
        "termly",
        "and",
        "reviewed",
        "filtering",
        "staff",
        "training",
        "was",
        "logged",
        "policy",
        "governors",
        "with",
        "learners",
        "online",
        "safety",
    ];

    fn word() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(LETTERS), 4..9).prop_map(|cs| {
            let mut chars = cs.into_iter();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            first + &chars.collect::<String>()
        })
    }

    fn docx(text: &str, cut: usize) -> Vec<u8> {
        let cut = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
        let (a, b) = text.split_at(cut);
        let body = format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>{a}</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">{b}</w:t></w:r></w:p></w:body></w:document>"
        );
        zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", body.as_bytes()),
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_name_anywhere_in_commentary_or_a_document_is_found_and_removed(
            forename in word(),
            surname in word(),
            before in prop::collection::vec(prop::sample::select(FILLER), 0..30),
            after in prop::collection::vec(prop::sample::select(FILLER), 0..30),
            reversed in prop::bool::ANY,
            upper in prop::bool::ANY,
            decomposed in prop::bool::ANY,
            cut in 0usize..200,
        ) {
            // A generated word that folds to one a log writes instead of a name ("Añon" is
            // "anon") is rightly not learnt as a name, so it proves nothing here.
            let folded = |w: &str| crate::privacy::fold::words(w, true).concat();
            prop_assume!(!crate::privacy::words::is_filler(&folded(&forename)));
            prop_assume!(!crate::privacy::words::is_filler(&folded(&surname)));
            let mut names = Names::default();
            names.add_cell(&format!("{forename} {surname}"));
            let mut written = if reversed {
                format!("{surname}, {forename}")
            } else {
                format!("{forename} {surname}")
            };
            if upper {
                written = written.to_uppercase();
            }
            if decomposed {
                use unicode_normalization::UnicodeNormalization;
                written = written.nfd().collect();
            }
            let text = format!("{} {written} {}", before.join(" "), after.join(" "));
            prop_assert!(names.found_in(&text));
            let cleaned = crate::privacy::redact(&names, &text).expect("a name to take out");
            prop_assert!(!names.found_in(&cleaned));
            prop_assert_eq!(bytes(&names, text.as_bytes(), "notes.txt"), Verdict::Name);
            let html = format!("<p>{}</p>", text.replace(' ', "&nbsp;<span></span>"));
            prop_assert_eq!(bytes(&names, html.as_bytes(), "page.html"), Verdict::Name);
            prop_assert_eq!(bytes(&names, &docx(&text, cut), "notes.docx"), Verdict::Name);
            let plain = format!("{} {}", before.join(" "), after.join(" "));
            prop_assert_eq!(bytes(&names, plain.as_bytes(), "clean.txt"), Verdict::Clean);
        }
    }
}

#[test]
fn an_email_is_read_as_shown_and_a_base64_part_refuses_it() {
    let qp = b"From: office@school\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nWe met Jamie=20O'Ne=\r\nill.\r\n";
    assert_eq!(bytes(&names(), qp, "qp.eml"), Verdict::Name);
    let eml = b"From: office@school\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nSmFtaWUgTydOZWlsbA==\r\n";
    assert!(matches!(
        bytes(&names(), eml, "message.eml"),
        Verdict::Unreadable(_)
    ));
}

fn alfie() -> Names {
    let mut n = Names::default();
    n.add_cell("Alfie Brooks");
    n
}

#[test]
fn hidden_corners_of_documents_are_read() {
    let n = alfie();
    let sheet = br#"<?xml version="1.0"?><worksheet><headerFooter><oddHeader>&amp;CAlfie Brooks&amp;R&amp;P</oddHeader></headerFooter></worksheet>"#;
    let xlsx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/worksheets/sheet1.xml", sheet),
    ]);
    assert_eq!(bytes(&n, &xlsx, "h.xlsx"), Verdict::Name, "a page header");
    let deleted = br#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:del><w:r><w:delText>Alfie Brooks</w:delText></w:r></w:del><w:r><w:t>A pupil</w:t></w:r></w:p></w:body></w:document>"#;
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", deleted),
    ]);
    assert_eq!(
        bytes(&n, &docx, "d.docx"),
        Verdict::Name,
        "a tracked deletion"
    );
    let soft = br#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Al</w:t><w:softHyphen/><w:t>fie Brooks</w:t></w:r></w:p></w:body></w:document>"#;
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", soft),
    ]);
    assert_eq!(
        bytes(&n, &docx, "s.docx"),
        Verdict::Name,
        "a soft hyphen element"
    );
    for html in [
        &b"<p>Al&shy;fie Brooks</p>"[..],
        b"<p>Al&#8203;fie Brooks</p>",
        b"<a href=\"notes/Alfie%20Brooks.html\">notes</a>",
        b"<object data=\"data:text/plain;base64,QWxmaWUgQnJvb2tz\"></object>",
    ] {
        assert_eq!(
            bytes(&n, html, "p.html"),
            Verdict::Name,
            "{}",
            String::from_utf8_lossy(html)
        );
    }
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.set_comment("Alfie Brooks").expect("comment");
    w.start_file("a.txt", zip::write::SimpleFileOptions::default())
        .expect("start");
    let commented = w.finish().expect("finish").into_inner();
    let back = zip::ZipArchive::new(std::io::Cursor::new(commented.clone())).expect("zip");
    assert_eq!(back.comment(), b"Alfie Brooks");
    assert_eq!(
        bytes(&n, &commented, "c.zip"),
        Verdict::Name,
        "a zip comment"
    );
}

#[test]
fn emails_code_pages_and_false_byte_order_marks() {
    let n = alfie();
    let eml = b"From: a@b\r\nSubject: =?UTF-8?Q?Concern_re_Alfie_Brooks?=\r\n\r\nSee subject.";
    assert_eq!(
        bytes(&n, eml, "m.eml"),
        Verdict::Name,
        "an encoded word is decoded"
    );
    let mut polish = Names::default();
    polish.add_cell("Łukasz Nowak");
    let (cp1250, _, _) = encoding_rs::WINDOWS_1250.encode("Uczeń Łukasz Nowak");
    assert_eq!(bytes(&polish, &cp1250, "n.txt"), Verdict::Name);
    let bogus = b"\xff\xfe\xfd Alfie Brooks";
    assert_ne!(bytes(&n, bogus, "b.txt"), Verdict::Clean);
}

#[test]
fn pdf_properties_comments_and_form_values_are_read() {
    let n = alfie();
    let pdf = |extra: &str, info: &str| -> Vec<u8> {
        let objects = [
            format!("<< /Type /Catalog /Pages 2 0 R {extra} >>"),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_string(),
            "<< /Length 38 >>\nstream\nBT /F1 12 Tf 60 780 Td (Minutes) Tj ET\nendstream".to_string(),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
            info.to_string(),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(b"xref\n0 7\n0000000000 65535 f \n");
        for off in offsets {
            out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n")
                .as_bytes(),
        );
        out
    };
    assert_eq!(
        bytes(&n, &pdf("", "<< /Author (Someone) >>"), "ok.pdf"),
        Verdict::Clean
    );
    assert_eq!(
        bytes(&n, &pdf("", "<< /Author (Alfie Brooks) >>"), "a.pdf"),
        Verdict::Name
    );
    let utf16 = "<< /Title <FEFF0041006C006600690065002000420072006F006F006B0073> >>";
    assert_eq!(bytes(&n, &pdf("", utf16), "t.pdf"), Verdict::Name);
    let form = "/AcroForm << /Fields [<< /T (pupil) /V (Alfie Brooks) >>] >>";
    assert_eq!(bytes(&n, &pdf(form, "<< >>"), "f.pdf"), Verdict::Name);
}

/// Documents saved by LibreOffice (and PDFs written by hand) with "Alfie Brooks" in one
/// place each: a cell, a comment, a page header or footer, a hidden sheet, a number format,
/// the document's properties, a sheet name, a footnote, a note, tracked changes, the body.
/// Every one is found, or, for formats that cannot be read, refused.
#[test]
fn every_place_in_every_saved_document_is_read() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/privacy");
    let n = alfie();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures").flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let got = file(&n, &path).expect("reads");
        if name.ends_with(".doc") || name.ends_with(".rtf") {
            assert!(matches!(got, Verdict::Unreadable(_)), "{name}: {got:?}");
        } else {
            assert_eq!(got, Verdict::Name, "{name}");
        }
        checked += 1;
    }
    assert!(checked >= 40, "{checked} fixtures");
}

#[test]
fn escapes_charsets_formulas_and_macros() {
    let n = alfie();
    for (text, file) in [
        (&b"see https://x.org/Alfie%20Brooks"[..], "links.txt"),
        (br#"{"n":"\u0041lfie\u0020Brooks"}"#, "data.json"),
        (
            b"<script>var n = \"Alfie\\u0020Brooks\";</script>",
            "page.html",
        ),
        (b"Alf\xe2\x80\x8eie Brooks", "mark.txt"),
    ] {
        assert_eq!(bytes(&n, text, file), Verdict::Name, "{file}");
    }
    let mut polish = Names::default();
    polish.add_cell("Łukasz Nowak");
    let (body, _, _) = encoding_rs::WINDOWS_1250.encode("<p>Łukasz Nowak</p>");
    let page = [
        &b"<html><head><meta charset=\"windows-1250\"></head><body>"[..],
        &body,
        b"</body></html>",
    ]
    .concat();
    assert_eq!(
        bytes(&polish, &page, "p.html"),
        Verdict::Name,
        "a page's own charset"
    );
    let sheet = br#"<?xml version="1.0"?><worksheet><sheetData><row><c r="A1" t="str"><f>"Alf"&amp;"ie Bro"&amp;"oks"</f></c></row></sheetData></worksheet>"#;
    let xlsx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/worksheets/sheet1.xml", sheet),
    ]);
    assert_eq!(
        bytes(&n, &xlsx, "f.xlsx"),
        Verdict::Name,
        "a formula never recalculated"
    );
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".repeat(8);
    let docm = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
        ("word/vbaProject.bin", &ole),
    ]);
    assert!(
        matches!(bytes(&n, &docm, "m.docm"), Verdict::Unreadable(_)),
        "macros"
    );
}

#[test]
fn table_rows_part_names_and_calendars_are_unfolded() {
    let mut n = Names::default();
    n.add_cell("April Green");
    let rows = br#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Send letter</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>April</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Green Flag</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", rows),
    ]);
    assert_eq!(bytes(&n, &docx, "m.docx"), Verdict::Clean);
    let ics = b"BEGIN:VCALENDAR\r\nSUMMARY:Meeting with parents of Alfie Bro\r\n oks about online safety\r\nEND:VCALENDAR\r\n";
    assert_eq!(bytes(&alfie(), ics, "cal.ics"), Verdict::Name);
}

fn grace() -> Names {
    let mut n = Names::default();
    n.add_cell("Grace Adeyemi");
    n
}

fn refused_as_built(page: &str) -> bool {
    matches!(bytes(&grace(), page.as_bytes(), "page.html"), Verdict::Unreadable(why) if why.contains("web page"))
}

#[test]
fn a_page_whose_script_or_style_builds_text_is_refused() {
    for page in [
        r#"<html><body><script>document.write("Grace Ade"+"yemi")</script></body></html>"#,
        "<p>x</p><script>document.write(String.fromCharCode(71,114,97,99,101))</script>",
        "<script type=module>import('./x.js')</script>",
        "<script src=names.js></script><p>Hello</p>",
        "<body onload=\"go()\"><p>Hello</p></body>",
        "<a href=\" JavaScript:go()\">link</a>",
        "<svg><script>x()</script></svg>",
        "<style>p::after{content: attr(data-a) attr(data-b)}</style><p data-a=Gra data-b=ce>",
        "<iframe srcdoc=\"<script>go()</script>\"></iframe>",
        "<p>open <script>x()",
    ] {
        assert!(refused_as_built(page), "{page}");
    }
    // What a browser shows through entities, attributes, comments and style strings is read.
    for page in [
        "<p>&#71;race Adeyemi</p>",
        "<p>&amp;#71;race &amp;#x41;deyemi</p>",
        "<img alt=\"Grace Adeyemi\">",
        "<p data-who=\"Adeyemi, Grace\">x</p>",
        "<!-- Grace Adeyemi -->",
        "<style>p::before{content:\"Grace Ade\"} p::after{content:\"yemi\"}</style>",
        "<iframe srcdoc=\"<p>Grace Adeyemi</p>\"></iframe>",
        "<script type=\"application/ld+json\">{\"n\":\"Grace Adeyemi\"}</script>",
        "<p>G r a c e A d e y e m i</p>",
    ] {
        assert_eq!(
            bytes(&grace(), page.as_bytes(), "page.html"),
            Verdict::Name,
            "{page}"
        );
    }
    for page in [
        "<script type=\"application/json\">{\"a\":1}</script><p>A grace period</p>",
        "<style>li::before{content:\"\\2022\"}</style><ul><li>Item</li></ul>",
    ] {
        assert_eq!(
            bytes(&grace(), page.as_bytes(), "page.html"),
            Verdict::Clean,
            "{page}"
        );
    }
}

#[test]
fn the_tools_own_script_is_allowed_in_its_own_outputs_only() {
    let own = "var a = 1;";
    let page = format!("<p>Hello</p><script>\n{own}\n</script>");
    assert_eq!(
        output(&grace(), page.as_bytes(), "p.html", &[own]),
        Verdict::Clean
    );
    assert!(refused_as_built(&page));
    let other = "<script>var a = 2;</script>";
    assert!(matches!(
        output(&grace(), other.as_bytes(), "p.html", &[own]),
        Verdict::Unreadable(_)
    ));
}

#[test]
fn an_svg_or_xhtml_document_that_runs_a_script_is_refused() {
    for doc in [
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script><text>Hi</text></svg>",
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"x()\"><text>Hi</text></svg>",
    ] {
        assert!(refused_as_built(doc), "{doc}");
    }
    let clean =
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><text>Hi</text></svg>";
    assert_eq!(bytes(&grace(), clean.as_bytes(), "a.svg"), Verdict::Clean);
}

#[test]
fn pages_shown_otherwise_than_stored_and_unsaved_text_formulas_are_unsearchable() {
    let n = names();
    for (page, hint) in [
        (
            &br#"<p><bdo dir="rtl">llieN'O eimaJ</bdo></p>"#[..],
            "a.html",
        ),
        (br#"<p dir="rtl">llieN'O eimaJ</p>"#, "a.html"),
        (
            br#"<style>p{direction:rtl;unicode-bidi:bidi-override}</style><p>x</p>"#,
            "a.html",
        ),
        (
            br#"<link rel="stylesheet" href="s.css"><p data-a="Ja">x</p>"#,
            "a.html",
        ),
        (br#"<style>@import "s.css";</style><p>x</p>"#, "a.html"),
        (
            br#"<meta http-equiv="refresh" content="0;url=javascript:go()">"#,
            "a.html",
        ),
        (
            br#"<p style="background:url(javascript:go())">x</p>"#,
            "a.html",
        ),
        (br#"<iframe src=" javascript:go()"></iframe>"#, "a.html"),
        (
            br#"<?xml-stylesheet type="text/xsl" href="a.xsl"?><r><a>Ja</a></r>"#,
            "a.xml",
        ),
        (br#"<!DOCTYPE r [<!ENTITY a "Ja">]><r>&a;mie</r>"#, "a.xml"),
        (
            br#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "Ja">]><svg><text>&a;</text></svg>"#,
            "a.svg",
        ),
    ] {
        let verdict = bytes(&n, page, hint);
        assert!(
            matches!(verdict, Verdict::Unreadable(_)),
            "{}: {verdict:?}",
            String::from_utf8_lossy(page)
        );
    }
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><text><tspan>Ja</tspan><tspan>mie</tspan> <tspan>O'Neill</tspan></text></svg>"#;
    assert_eq!(bytes(&n, svg, "a.svg"), Verdict::Name);
    let sheet = |cell: &str| {
        let xml = format!(
            r#"<?xml version="1.0"?><worksheet><sheetData><row r="1">{cell}</row></sheetData></worksheet>"#
        );
        zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/worksheets/sheet1.xml", xml.as_bytes()),
        ])
    };
    let built = sheet(r#"<c r="A1" t="str"><f>CHAR(74)&amp;"amie O'Neill"</f><v></v></c>"#);
    assert!(matches!(
        bytes(&n, &built, "f.xlsx"),
        Verdict::Unreadable(_)
    ));
    let cached = sheet(r#"<c r="A1" t="str"><f>CHAR(74)&amp;"amie"</f><v>Jamie O'Neill</v></c>"#);
    assert_eq!(bytes(&n, &cached, "f.xlsx"), Verdict::Name);
    let saved = sheet(r#"<c r="A1" t="str"><f>CHAR(74)&amp;"ohn"</f><v>John</v></c>"#);
    assert_eq!(bytes(&n, &saved, "f.xlsx"), Verdict::Clean);
    let sum = sheet(r#"<c r="A1"><f>SUM(B1:B3)</f></c>"#);
    assert_eq!(bytes(&n, &sum, "f.xlsx"), Verdict::Clean);
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn utf16be(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

/// A browser drops the NUL characters of a page, whatever charset it declares, and shows
/// the letters between them.
#[test]
fn text_with_nul_characters_is_read_as_it_shows_without_them() {
    let n = names();
    let pages: Vec<Vec<u8>> = vec![
        [
            b"<meta charset=\"utf-16\"><p>".to_vec(),
            utf16le("Jamie O'Neill"),
        ]
        .concat(),
        [
            b"<meta charset=\"utf-16le\"><p>".to_vec(),
            utf16le("Jamie O'Neill"),
        ]
        .concat(),
        [
            b"<meta charset=\"utf-16be\"><p>".to_vec(),
            utf16be("Jamie O'Neill"),
        ]
        .concat(),
        [
            b"<html><body><p>".to_vec(),
            utf16le("Jamie O'Neill"),
            b"</p></body></html>".to_vec(),
        ]
        .concat(),
        [b"<p>".to_vec(), utf16be("Jamie O'Neill"), b"</p>".to_vec()].concat(),
    ];
    for page in &pages {
        for hint in ["a.html", "page"] {
            assert_ne!(bytes(&n, page, hint), Verdict::Clean, "{hint}: {page:?}");
        }
    }
    let notes = [b"Policy notes. ".to_vec(), utf16le("Jamie O'Neill")].concat();
    assert_ne!(bytes(&n, &notes, "a.txt"), Verdict::Clean);
    let odd = [b"Policy notes! ".to_vec(), utf16be("Jamie O'Neill")].concat();
    assert_ne!(bytes(&n, &odd, "a.txt"), Verdict::Clean);
    let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-16LE\"><p>";
    let equiv = [equiv.to_vec(), utf16le("Jamie O'Neill")].concat();
    assert_ne!(bytes(&n, &equiv, "a.html"), Verdict::Clean);
    // A NUL past the start of text read without any is refused, not passed over.
    let late = [vec![b'x'; 70_000], utf16le(" Jamie O'Neill")].concat();
    assert!(matches!(bytes(&n, &late, "a.txt"), Verdict::Unreadable(_)));
    // Ordinary pages and notes with NULs and no name stay clean.
    let clean = [
        b"<meta charset=\"utf-16\"><p>".to_vec(),
        utf16le("Our policy"),
    ]
    .concat();
    assert_eq!(bytes(&n, &clean, "a.html"), Verdict::Clean);
    let clean = [b"Policy notes. ".to_vec(), utf16le("Reviewed in May")].concat();
    assert_eq!(bytes(&n, &clean, "a.txt"), Verdict::Clean);
}

/// What a part of an office document is comes from its bytes: text or XML stored among its
/// pictures, fonts or thumbnails is read like any other part.
#[test]
fn text_parts_stored_among_pictures_and_fonts_are_read() {
    let n = names();
    let body: &[u8] =
        b"<w:document><w:body><w:p><w:r><w:t>Jamie O'Neill</w:t></w:r></w:p></w:body></w:document>";
    let sheet: &[u8] = b"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>Jamie O'Neill</t></is></c></row></sheetData></worksheet>";
    let mut bom = vec![0xFF, 0xFE];
    bom.extend(utf16le("Jamie O'Neill"));
    let office: &[(&str, &[u8])] = &[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document><w:body/></w:document>"),
    ];
    let odf: &[(&str, &[u8])] = &[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<office:document-content/>"),
    ];
    type Parts<'a> = &'a [(&'a str, &'a [u8])];
    let cases: &[(Parts<'_>, &str, &[u8])] = &[
        (office, "word/media/doc.xml", body),
        (office, "word/fonts/font1.xml", body),
        (office, "docProps/thumbnail.xml", body),
        (office, "xl/media/sheet1.xml", sheet),
        (office, "word/media/notes.bin", b"Jamie O'Neill"),
        (office, "word/media/notes.txt", &bom),
        (office, "ppt/media/notes.bin", &bom[2..]),
        (odf, "Pictures/x.xml", body),
        (odf, "Thumbnails/thumbnail.png", b"Jamie O'Neill"),
    ];
    for (base, name, data) in cases {
        let mut parts = base.to_vec();
        parts.push((name, data));
        let file = zip_of(&parts);
        assert_eq!(bytes(&n, &file, "a.docx"), Verdict::Name, "{name}");
    }
    // A binary font and printer settings stay furniture: no alarm and no refusal.
    let font: &[u8] = b"\0\x01\0\0\0\x0f\0\x80\0\x03\0\x70OS/2\x8a\x0b\xfe\x11\0\0\x01\x78";
    for name in [
        "word/fonts/font1.odttf",
        "xl/printerSettings/printerSettings1.bin",
    ] {
        let mut parts = office.to_vec();
        parts.push((name, font));
        assert_eq!(
            bytes(&n, &zip_of(&parts), "a.docx"),
            Verdict::Clean,
            "{name}"
        );
    }
}
