//! Names split by what a reader never sees (tracked changes, hidden runs, field codes,
//! elements a browser hides), names a number format adds to a cell, text built by the
//! formulas of a workbook inside another file, and the names of a school's own sheets,
//! kept out of the pack and the terminal; an output refused for a child's name exits 1.

use std::io::Write;
use std::path::Path;

use crate::privacy::{CLEAN, ZIP, refused, review, run, workbook};

const DOCUMENT: &[u8] =
    b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Notes</w:t></w:r></w:p></w:body></w:document>";

const LOG: &str = "Date,Category,Pupil\n01/10/2026,Gaming,Jamie Fox\n";

fn zipped(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn docx(paragraph: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"w\"><w:body><w:p>{paragraph}</w:p></w:body></w:document>"
    );
    zipped(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", xml.as_bytes()),
    ])
}

fn run_of(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

/// Cites `file` for A1.1 and expects the pack refused with `code`, the file named.
fn cite(dir: &Path, file: &str, bytes: &[u8], code: &str) -> String {
    let path = dir.join("evidence").join(file);
    std::fs::write(&path, bytes).expect("write");
    workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
    let stderr = refused(dir, code, &["Jamie Fox", "Fox"]);
    assert!(stderr.contains(file), "{file}: {stderr}");
    std::fs::remove_file(path).expect("remove");
    stderr
}

/// Cites `file` and expects the pack made.
fn packs(dir: &Path, file: &str, bytes: &[u8]) {
    std::fs::write(dir.join("evidence").join(file), bytes).expect("write");
    workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 0, "{file}: {stderr}");
    std::fs::remove_file(dir.join(ZIP)).expect("the pack was written");
}

#[test]
fn a_name_split_by_text_a_reader_of_a_word_document_never_sees_is_found() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    let (ja, mie) = (run_of("Ja"), run_of("mie Fox"));
    let hidden = [
        "<w:del w:id=\"1\"><w:r><w:delText>QX</w:delText></w:r></w:del>",
        "<w:moveFrom w:id=\"1\"><w:r><w:t>QX</w:t></w:r></w:moveFrom>",
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>QX</w:t></w:r>",
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> QUOTE x </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
        "<w:r><w:ruby><w:rt><w:r><w:t>QX</w:t></w:r></w:rt><w:rubyBase/></w:ruby></w:r>",
    ];
    for (i, between) in hidden.iter().enumerate() {
        cite(
            dir,
            &format!("hidden-{i}.docx"),
            &docx(&format!("{ja}{between}{mie}")),
            "private-name-in-pack",
        );
    }
    // An insertion splitting the name as it was before the change.
    let inserted = format!("{ja}<w:ins w:id=\"2\"><w:r><w:t>QX</w:t></w:r></w:ins>{mie}");
    cite(
        dir,
        "inserted.docx",
        &docx(&inserted),
        "private-name-in-pack",
    );
    // A style that hides text makes what a reader sees unknowable.
    let styled = zipped(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", DOCUMENT),
        (
            "word/styles.xml",
            b"<w:styles xmlns:w=\"w\"><w:style w:styleId=\"h\"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>",
        ),
    ]);
    let stderr = cite(dir, "styled.docx", &styled, "unsearchable-evidence");
    assert!(stderr.contains("styles hide text"), "{stderr}");
    // Deletions, field codes and formatting that split no name are no alarm.
    let plain = format!(
        "{}<w:del w:id=\"1\"><w:r><w:delText>old wording</w:delText></w:r></w:del><w:r><w:rPr><w:b/></w:rPr><w:t>new</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>",
        run_of("The policy has ")
    );
    packs(dir, "plain.docx", &docx(&plain));
}

#[test]
fn a_name_split_by_what_a_browser_does_not_show_is_found() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    let pages = [
        "<p>Ja<span style=\"display:none\">QX</span>mie Fox</p>",
        "<p>Ja<span style=\"visibility: hidden\">QX</span>mie Fox</p>",
        "<p>Ja<span style=\"font-size:0\">QX</span>mie Fox</p>",
        "<p>Ja<span hidden>QX</span>mie Fox</p>",
        "<p>Ja<template>QX</template>mie Fox</p>",
        "<p><ruby>Ja<rt>QX</rt></ruby>mie Fox</p>",
        "<style>.q{opacity:0}</style><p>Ja<b class=\"q\">QX</b>mie Fox</p>",
        "<p>Ja<i class=\"q\">QX</i>mie Fox</p><style>@media all { i.q { display: none } }</style>",
        "<p>Ja<div style=\"display:inline\">mie</div> Fox</p>",
        "<p>Ja<x-piece>mie</x-piece> Fox</p>",
    ];
    for (i, page) in pages.iter().enumerate() {
        cite(
            dir,
            &format!("page-{i}.html"),
            page.as_bytes(),
            "private-name-in-pack",
        );
    }
    // Hidden menus and headings that split no name are no alarm.
    packs(
        dir,
        "menu.html",
        b"<style>.nav{display:none}</style><h1>Online safety</h1><ul class=\"nav\"><li>Home</li></ul><p>Our policy is reviewed each year.</p>",
    );
}

fn workbook_with(format: &str, value: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let shown = rust_xlsxwriter::Format::new().set_num_format(format);
    sheet
        .write_string_with_format(0, 0, value, &shown)
        .expect("cell");
    book.save_to_buffer().expect("workbook")
}

#[test]
fn a_number_format_that_adds_words_and_a_workbook_inside_a_file_are_judged() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    for (i, (format, value)) in [("@\" Fox\"", "Jamie"), ("\"Jamie \"@", "Fox")]
        .into_iter()
        .enumerate()
    {
        let stderr = cite(
            dir,
            &format!("shown-{i}.xlsx"),
            &workbook_with(format, value),
            "unsearchable-evidence",
        );
        assert!(stderr.contains("number format"), "{stderr}");
    }
    let inner = workbook_with("@\" Fox\"", "Jamie");
    let stderr = cite(
        dir,
        "bundle.zip",
        &zipped(&[("book.xlsx", &inner)]),
        "unsearchable-evidence",
    );
    assert!(stderr.contains("number format"), "{stderr}");
    // A formula joining other cells inside an embedded workbook, whatever was saved.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Ja").expect("cell");
    sheet.write_string(8, 1, "mie Fox").expect("cell");
    sheet
        .write_formula(
            3,
            3,
            rust_xlsxwriter::Formula::new("=A1&B9").set_result("0"),
        )
        .expect("formula");
    let inner = book.save_to_buffer().expect("workbook");
    let embedded = zipped(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", DOCUMENT),
        ("word/embeddings/sheet.xlsx", &inner),
    ]);
    let stderr = cite(dir, "embedded.docx", &embedded, "unsearchable-evidence");
    assert!(stderr.contains("paste values only"), "{stderr}");
    // Formats of dates and amounts add no words.
    packs(dir, "dates.xlsx", &workbook_with("dd/mm/yyyy", "2026"));
}

#[test]
fn import_never_shows_a_sheet_named_after_a_pupil() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Training").expect("name");
    for (col, heading) in ["Name", "Role", "Course", "Date"].iter().enumerate() {
        let col = u16::try_from(col).expect("small");
        sheet.write_string(0, col, *heading).expect("heading");
    }
    for (col, cell) in ["Ann Hall", "Teacher", "Online safety", "01/10/2026"]
        .iter()
        .enumerate()
    {
        let col = u16::try_from(col).expect("small");
        sheet.write_string(1, col, *cell).expect("cell");
    }
    let other = book
        .add_worksheet()
        .set_name("Jamie Fox notes")
        .expect("name");
    other.write_string(0, 0, "x").expect("cell");
    book.save(dir.join("evidence/training.xlsx"))
        .expect("saved");
    let review_toml = std::fs::read_to_string(dir.join("review.toml")).expect("read");
    std::fs::write(
        dir.join("review.toml"),
        review_toml + "\n[[evidence]]\nkind = \"training\"\npath = \"evidence/training.xlsx\"\n",
    )
    .expect("write");
    for args in [&["import"][..], &["import", "--json"], &["score"]] {
        let (_, stdout, stderr) = run(dir, args);
        assert!(
            !stdout.contains("Jamie") && !stderr.contains("Jamie"),
            "{args:?}: {stdout}{stderr}"
        );
        if args == ["import"] {
            assert!(stdout.contains("[name removed] notes"), "{stdout}");
        }
    }
}

#[test]
fn an_output_refused_for_a_childs_name_exits_as_a_problem_found() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("templates")).expect("templates");
    let ours = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report/templates/report.html");
    let template = std::fs::read_to_string(ours).expect("our template");
    let named = template.replacen("<body>", "<body><p>Jamie Fox</p>", 1);
    assert_ne!(named, template, "the template has a body");
    std::fs::write(dir.join("templates/report.html"), named).expect("write");
    let (status, stdout, stderr) = run(dir, &["report"]);
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains("report.html was not written"), "{stderr}");
    assert!(
        stderr.contains("It is in templates/report.html, line "),
        "{stderr}"
    );
    assert!(!stdout.contains("Jamie") && !stderr.contains("Jamie"));
}

#[test]
fn letters_written_as_symbols_or_digits_in_both_parts_are_the_name() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    for (i, text) in [
        "J**ie Fox",
        "J*m*e Fox",
        "Ja#ie F_x",
        "J4m13 F0x",
        "Fox, J?mi•",
    ]
    .iter()
    .enumerate()
    {
        cite(
            dir,
            &format!("masked-{i}.txt"),
            text.as_bytes(),
            "private-name-in-pack",
        );
    }
    packs(
        dir,
        "ordinary.txt",
        b"Grades A* to C; 5 * 3 = 15; C# club; COVID-19 cover in 2025/26; Jamie's class; J*** Fox-hunting ban discussed.",
    );
}
