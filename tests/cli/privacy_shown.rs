//! Names a document shows but does not store as written: capitals its formatting adds,
//! symbols Word inserts, a piece inside a word a style sheet may hide; an everyday-word
//! name in small letters inside a web address, which is no alarm; and a reviewer named like
//! a pupil, named by the cell.

use std::io::Write;
use std::path::Path;

use crate::privacy::{CLEAN, ZIP, refused, review, run, workbook};
use crate::{AspectRow, scoring_workbook};

const LOG: &str = "Date,Category,Pupil\n01/10/2026,Gaming,Jamie Fox\n";
const PUPILS: &str = "First name,Surname\nSummer,Rain\nWill,Bell\nGrace,Adeyemi\n";
const SECRETS: &[&str] = &["Summer Rain", "SUMMER RAIN", "Will Bell", "Adeyemi"];

fn docx(paragraph: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body><w:p>{paragraph}</w:p></w:body></w:document>"
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in [
        ("[Content_Types].xml", &b"<Types/>"[..]),
        ("word/document.xml", xml.as_bytes()),
    ] {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn run_of(props: &str, text: &str) -> String {
    format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

/// Cites `file` for A1.1 and expects the pack refused for a name, the file named.
fn refused_for(dir: &Path, file: &str, bytes: &[u8]) {
    let path = dir.join("evidence").join(file);
    std::fs::write(&path, bytes).expect("write");
    workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
    let stderr = refused(dir, "private-name-in-pack", SECRETS);
    assert!(stderr.contains(file), "{file}: {stderr}");
    std::fs::remove_file(path).expect("remove");
}

#[test]
fn capitals_symbols_and_pieces_inside_words_that_make_a_name_refuse_the_pack() {
    let tmp = review(LOG, Some(PUPILS));
    let dir = tmp.path();
    let documents = [
        (
            "caps.docx",
            docx(&run_of("<w:caps/>", "notes on summer rain")),
        ),
        (
            "small.docx",
            docx(&run_of("<w:smallCaps/>", "from will bell")),
        ),
        (
            "symbol.docx",
            docx(&format!(
                "{}<w:r><w:sym w:font=\"Arial\" w:char=\"0061\"/></w:r>{}",
                run_of("", "Gr"),
                run_of("", "ce Adeyemi")
            )),
        ),
        (
            "white.docx",
            docx(&format!(
                "{}{}{}",
                run_of("", "Gra"),
                run_of("<w:color w:val=\"FFFFFF\"/>", "XQ"),
                run_of("", "ce Adeyemi")
            )),
        ),
    ];
    for (file, bytes) in &documents {
        refused_for(dir, file, bytes);
    }
    let pages = [
        "<p style=\"text-transform:uppercase\">summer rain</p>",
        "<style>.c{text-transform:capitalize}</style><p class=\"c\">will bell</p>",
        "<p>Gra<span style=\"color:#ffffff\">XQ</span>ce Adeyemi</p>",
        "<style>[data-x]{display:none}</style><p>Gra<span data-x>XQ</span>ce Adeyemi</p>",
    ];
    for (i, page) in pages.iter().enumerate() {
        refused_for(dir, &format!("page-{i}.html"), page.as_bytes());
    }
}

#[test]
fn a_web_address_of_everyday_words_is_no_pupils_name_but_a_childs_address_is() {
    let tmp = review(LOG, Some(PUPILS));
    let dir = tmp.path();
    let fair = "The summer fair is at summer-rain.co.uk and www.will-bell.org.uk; write to summer.rain@example.org.";
    std::fs::write(dir.join("evidence/fair.html"), format!("<p>{fair}</p>")).expect("write");
    workbook(dir, &[("A1.1", fair, "fair.html", "", "")]);
    let (status, _, stderr) = run(dir, &["report"]);
    assert_eq!(status, 0, "{stderr}");
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(report.contains("summer-rain.co.uk"), "kept as written");
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 0, "{stderr}");
    std::fs::remove_file(dir.join(ZIP)).expect("the pack was written");
    // The same words written as a name, or a name that is no everyday word, still count.
    for text in [
        "See Summer-Rain.co.uk.",
        "Write to grace.adeyemi@example.org.",
        "Photos at example.org/grace-adeyemi.",
    ] {
        workbook(dir, &[("A1.1", text, "", "", "")]);
        let (status, stdout, stderr) = run(dir, &["report"]);
        assert_eq!(status, 1, "{text}: {stderr}");
        assert!(
            stderr.contains("error[private-name-in-workbook]"),
            "{stderr}"
        );
        for s in SECRETS {
            assert!(!stdout.contains(s) && !stderr.contains(s), "{s}: {stderr}");
        }
        refused(dir, "private-name-in-workbook", SECRETS);
    }
}

#[test]
fn a_reviewer_named_like_a_pupil_is_named_by_the_sheet_and_cell() {
    let tmp = review(LOG, Some(PUPILS));
    let dir = tmp.path();
    let rows = [AspectRow {
        code: "A1.1",
        level: 2,
        commentary: CLEAN,
        ..AspectRow::default()
    }];
    scoring_workbook(&dir.join("scores/osl.xlsx"), "Will Bell", &rows);
    for args in [&["report"][..], &["pack"]] {
        let (status, stdout, stderr) = run(dir, args);
        assert_eq!(status, 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("error[private-name-in-workbook]")
                && stderr.contains("Instructions!B1"),
            "{args:?}: {stderr}"
        );
        assert!(
            !stdout.contains("Will Bell") && !stderr.contains("Will Bell"),
            "{stderr}"
        );
    }
}
