//! A child's name in the forms that hide it from a plain search: spaced out, dotted, run
//! together, hyphenated at a line's end, turned round by direction controls, written with
//! look-alike letters of other scripts, with invisible characters inside, in either Unicode
//! form, built by a web page's script or written as character references, and a surname's
//! particles or half of a double-barrelled name. Each is tried where a school types text:
//! workbook commentary, cited file names, the documents in the pack, register titles and
//! incident-log cells. And the everyday words that must not raise an alarm.

use std::path::Path;

use crate::privacy::{CLEAN, ZIP, outputs, refused, review, run, workbook};
use crate::set_sources;

const LOG: &str = "Date,Category,Pupil\n01/10/2026,Gaming,Unknown\n";

/// The pupil list: a composed and a decomposed accent, a particle, a double-barrelled name.
const PUPILS: &str = "Forename,Surname\nGrace,Adeyemi\nZoe\u{308},Mu\u{308}ller\nPieter,van der Berg\nAnna-Marie,Smith-Jones\nHope,Kowalczyk\n";

/// Forms of the pupils' names that a reader sees as the name.
const FORMS: &[&str] = &[
    "G r a c e  A d e y e m i",
    "G.r.a.c.e Adeyemi",
    "G-r-a-c-e A-d-e-y-e-m-i",
    "Grace-Adeyemi",
    "Grace_Adeyemi",
    "GraceAdeyemi",
    "grace adeyemi",
    "Grace Ade-\nyemi",
    "Gr ace Ade yemi",
    "Gra\u{ad}ce Ade\u{ad}\nyemi",
    "Gra\u{200b}ce Ade\u{200d}yemi",
    "Grace\u{2060}Adeyemi",
    "\u{feff}Grace Adeyemi",
    "\u{202e}imeyedA ecarG\u{202c}",
    "\u{2067}Grace Adeyemi\u{2069}",
    "Ｇｒａｃｅ Ａｄｅｙｅｍｉ",
    "Gr\u{430}ce Adeyemi",
    "Gr\u{430}\u{441}\u{435} \u{391}deyemi",
    "Gra\u{301}ce Adeyemi",
    "Zoë Müller",
    "Zoe Mueller",
    "Pieter Vanderberg",
    "Pieter van der Berg",
    "Pieter Berg",
    "Marie Smith",
    "Anna Smithjones",
    "Grace \u{2014} Adeyemi",
    "Grace \u{2026} Adeyemi",
    "Grace: Adeyemi",
    "Grace (Adeyemi)",
    "Grace/Adeyemi",
    "G\u{b7}r\u{b7}a\u{b7}c\u{b7}e Adeyemi",
    "G\u{2022}r\u{2022}a\u{2022}c\u{2022}e A\u{2022}d\u{2022}e\u{2022}y\u{2022}e\u{2022}m\u{2022}i",
    "G,r,a,c,e A,d,e,y,e,m,i",
    "Gr4ce Ad3yemi",
    // Initials: the surname with the forename's, the forename with the surname's.
    "G. Adeyemi",
    "G Adeyemi",
    "Adeyemi, G.",
    "Adeyemi G",
    "G.A. Adeyemi",
    "G A Adeyemi",
    "Grace A.",
    "Hope K.",
    "Hope Kowalczyk",
    // E-mail addresses built from the name.
    "gadeyemi@hillprimary.org.uk",
    "grace.adeyemi@hillprimary.org.uk",
    "g.adeyemi@hillprimary.org.uk",
    "adeyemig@hillprimary.org.uk",
    "adeyemi.g@hillprimary.org.uk",
    "grace.a@hillprimary.org.uk",
    "gracea@hillprimary.org.uk",
    "gadeyemi2015@hillprimary.org.uk",
    // Markup a program shows as nothing, splitting the name.
    "**Gr**ace Adeyemi",
    "_Grace_ _Adeyemi_",
    "~~Gr~~ace Adeyemi",
    "[Grace](https://hillprimary.org.uk) Adeyemi",
    "Gr<b>ace</b> Adeyemi",
    "Gr<span class=\"x\">ace</span> Adeyemi",
    "Grace=20Adeyemi",
    "Gra=\nce Adeyemi",
    "Gra=\r\nce Adeyemi",
    "=47race Adeyemi",
    "Gra\r\n ce Adeyemi",
    "Gra\n\tce Adeyemi",
    "=?UTF-8?Q?Grace_Adeyemi?=",
    "=?UTF-8?B?R3JhY2UgQWRleWVtaQ==?=",
    "=?UTF-8?Q?Gr?= =?UTF-8?Q?ace?= Adeyemi",
    // A symbol standing for one letter, the rest of the name written out.
    "Gr*ce Adeyemi",
    "Gr@ce Adeyemi",
    "Gr_ce Adeyemi",
    "Gr?ce Adeyemi",
    "Gr#ce Adeyemi",
    "Grace Ad$yemi",
    "Gr@ce Ad3yemi",
    "*race Adeyemi",
    "Grace Adeyem*",
    "Gr2ce Adeyemi",
    "Adeyem# Grace",
];

fn pupils_review() -> tempfile::TempDir {
    review(LOG, Some(PUPILS))
}

#[test]
fn every_form_of_a_name_in_commentary_refuses_the_pack() {
    for form in FORMS {
        let tmp = pupils_review();
        let dir = tmp.path();
        let text = format!("{CLEAN} We spoke with {form} about it.");
        workbook(dir, &[("A1.1", &text, "", "", "")]);
        refused(
            dir,
            "private-name-in-workbook",
            &[form, "Adeyemi", "Müller"],
        );
    }
}

#[test]
fn every_form_of_a_name_is_taken_out_of_the_reports() {
    let tmp = pupils_review();
    let dir = tmp.path();
    let rows: Vec<(String, &str)> = FORMS
        .iter()
        .map(|f| (format!("{CLEAN} Then {f} said so."), "A1.1"))
        .collect();
    let codes = [
        "A1.1", "A1.2", "A2.1", "A2.2", "A2.3", "B1.1", "B2.1", "B3.1",
    ];
    for chunk in rows.chunks(codes.len()) {
        let typed: Vec<(&str, &str, &str, &str, &str)> = chunk
            .iter()
            .zip(codes)
            .map(|((text, _), code)| (code, text.as_str(), "", "", ""))
            .collect();
        workbook(dir, &typed);
        let (status, stdout, stderr) = run(dir, &["report"]);
        assert_ne!(status, 2, "{stderr}");
        assert!(dir.join("out/report.html").exists(), "{stderr}");
        let printed = format!("{stdout}{stderr}");
        for (text, _) in chunk {
            let form = text.rsplit("Then ").next().unwrap_or_default();
            let form = form.trim_end_matches(" said so.");
            for (path, written) in outputs(dir) {
                assert!(!written.contains(form), "{form:?} in {}", path.display());
            }
            assert!(!printed.contains(form), "{form:?} printed");
        }
        for secret in ["Adeyemi", "imeyedA", "A d e y e m i", "Vanderberg"] {
            for (path, written) in outputs(dir) {
                assert!(!written.contains(secret), "{secret} in {}", path.display());
            }
        }
    }
}

#[test]
fn a_cited_file_named_after_a_child_in_any_form_is_refused() {
    for file in [
        "GraceAdeyemi-work.png",
        "grace_adeyemi_photo.jpg",
        "G.r.a.c.e.Adeyemi.txt",
        "adeyemi.grace.txt",
        "Gr\u{430}ce Adeyemi.txt",
    ] {
        let tmp = pupils_review();
        let dir = tmp.path();
        std::fs::write(dir.join("evidence").join(file), "a note").expect("write");
        workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
        refused(dir, "private-name-in-pack", &["Adeyemi"]);
    }
}

/// Cites a document holding `content` as `file` and packs; returns what was printed.
fn cite(dir: &Path, file: &str, content: &str) -> (i32, String) {
    std::fs::write(dir.join("evidence").join(file), content).expect("write");
    workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
    let (status, stdout, stderr) = run(dir, &["pack"]);
    (status, format!("{stdout}{stderr}"))
}

#[test]
fn a_name_split_by_markup_in_a_cited_note_calendar_card_or_email_is_found() {
    for (file, content) in [
        (
            "notes.md",
            "# Our week\n\n**Gr**ace Adeyemi led the assembly.\n",
        ),
        ("notes.txt", "We met Gr<i>ace</i> Adeyemi."),
        (
            "invite.ics",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Meeting with Gra\r\n ce Adeyemi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        ),
        (
            "later.ics",
            "X-NOTE:exported\nBEGIN:VCALENDAR\nSUMMARY:Gra\n\tce Adeyemi\nEND:VCALENDAR\n",
        ),
        (
            "card.vcf",
            "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Gra=\r\nce=20Adeyemi\r\nEND:VCARD\r\n",
        ),
        (
            "message.eml",
            "From: office@hillprimary.org.uk\r\nSubject: =?UTF-8?B?R3JhY2UgQWRleWVtaQ==?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nA note.\r\n",
        ),
        (
            "body.eml",
            "From: office@hillprimary.org.uk\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nWe met =47ra=\r\nce Adeyemi.\r\n",
        ),
    ] {
        let tmp = pupils_review();
        let dir = tmp.path();
        let (status, printed) = cite(dir, file, content);
        assert_eq!(status, 1, "{file}: {printed}");
        assert!(
            printed.contains("error[private-name-in-pack]") && printed.contains(file),
            "{file}: {printed}"
        );
        assert!(!printed.contains("Adeyemi"), "{printed}");
    }
    // A plain email is packed; one with a part in base64 is refused as unsearchable.
    let tmp = pupils_review();
    let plain = "From: office@hillprimary.org.uk\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nThe assembly went=\r\n well.\r\n";
    let (status, printed) = cite(tmp.path(), "plain.eml", plain);
    assert_eq!(status, 0, "{printed}");
    let tmp = pupils_review();
    let base64 = plain.replace("quoted-printable", "base64");
    let (status, printed) = cite(tmp.path(), "coded.eml", &base64);
    assert_eq!(status, 1, "{printed}");
    assert!(printed.contains("error[unsearchable-evidence]") && printed.contains("coded.eml"));
}

#[test]
fn a_web_page_that_builds_its_text_by_script_is_refused_with_its_path() {
    for page in [
        r#"<html><body><script>document.write("Grace Ade"+"yemi")</script></body></html>"#,
        "<p>Our week</p><script>document.body.append(String.fromCharCode(71,114,97,99,101))</script>",
        "<body onload=\"show()\"><p>Our week</p></body>",
        "<a href=\"javascript:show()\">Our week</a>",
        "<style>p::after{content:attr(data-a)}</style><p data-a=\"x\">Our week</p>",
    ] {
        let tmp = pupils_review();
        let dir = tmp.path();
        let (status, printed) = cite(dir, "newsletter.html", page);
        assert_eq!(status, 1, "{page}: {printed}");
        assert!(
            printed.contains("error[unsearchable-evidence]")
                && printed.contains("newsletter.html")
                && printed.contains("web page"),
            "{page}: {printed}"
        );
        assert!(!dir.join(ZIP).exists());
        assert!(!printed.contains("Adeyemi"), "{printed}");
    }
}

#[test]
fn a_name_in_a_web_pages_references_attributes_comments_or_styles_is_found() {
    for page in [
        "<p>&#71;race Adeyemi</p>",
        "<p>&amp;#71;race &amp;#x41;deyemi</p>",
        "<p>Gr&auml;ce</p><p title=\"Grace Adeyemi\">Our week</p>",
        "<img alt=\"Adeyemi, Grace\" src=\"a.png\">",
        "<p data-pupil=\"Grace Adeyemi\">Our week</p>",
        "<!-- Grace Adeyemi --><p>Our week</p>",
        "<style>h1::before{content:\"Grace \"} h1::after{content:\"Adeyemi\"}</style><h1>Week</h1>",
        "<p>G r a c e A d e y e m i</p>",
    ] {
        let tmp = pupils_review();
        let dir = tmp.path();
        let (status, printed) = cite(dir, "newsletter.html", page);
        assert_eq!(status, 1, "{page}: {printed}");
        assert!(
            printed.contains("error[private-name-in-pack]") && printed.contains("newsletter.html"),
            "{page}: {printed}"
        );
    }
}

#[test]
fn a_name_in_pieces_in_a_register_title_is_a_private_name_in_records_error() {
    for title in ["Plan for G r a c e Adeyemi", "Plan for Gr\u{430}ce Adeyemi"] {
        let tmp = pupils_review();
        let dir = tmp.path();
        std::fs::write(
            dir.join("evidence/register.csv"),
            format!("Document,Last reviewed,Next review due\n{title},01/01/2026,01/01/2027\n"),
        )
        .expect("write");
        set_sources(
            dir,
            "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/incidents.csv\"\n\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.csv\"\n\n[[evidence]]\nkind = \"documents\"\npath = \"evidence/register.csv\"\n",
        );
        let (_, stdout, stderr) = run(dir, &["score"]);
        assert!(
            stderr.contains("error[private-name-in-records]"),
            "{title}: {stdout}{stderr}"
        );
        refused(dir, "private-name-in-records", &["Adeyemi"]);
    }
}

#[test]
fn an_incident_logs_whole_name_cell_guards_every_spelling_of_the_name() {
    for (cell, typed) in [
        ("Grace Smith-Jones", "Grace Smith"),
        ("Grace Smith-Jones", "Grace Jones"),
        ("Liam O Brien", "Liam OBrien"),
        ("Liam OBrien", "Liam O'Brien"),
        ("Pieter van der Berg", "Pieter Vanderberg"),
        ("Pieter Vanderberg", "Pieter Vanderberg"),
        ("Zoe\u{308} Mu\u{308}ller", "Zoe Mueller"),
    ] {
        let log = format!("Date,Category,Pupil\n01/10/2026,Gaming,{cell}\n");
        let tmp = review(&log, None);
        let dir = tmp.path();
        workbook(
            dir,
            &[("A1.1", &format!("{CLEAN} {typed} helped."), "", "", "")],
        );
        refused(dir, "private-name-in-workbook", &[typed]);
    }
}

#[test]
fn everyday_words_spaced_letters_and_particles_alone_raise_no_alarm() {
    let tmp = pupils_review();
    let dir = tmp.path();
    let text = format!(
        "{CLEAN} Staff have a grace period of a week; results are graded A B C; the van der Waals talk and the Berg report were shared in May."
    );
    workbook(dir, &[("A1.1", &text, "", "", "")]);
    let (_, stdout, stderr) = run(dir, &["pack"]);
    assert!(
        !stderr.contains("private-name") && dir.join(ZIP).exists(),
        "{stdout}{stderr}"
    );
}

#[test]
fn workbook_refuses_while_the_pupil_list_cannot_be_read_and_writes_nothing() {
    for (file, bytes) in [
        ("pupils.xlsx", &b"PK\x03\x04 damaged"[..]),
        ("pupils.csv", &b"\xff\xfe\x00\x00\x00"[..]),
    ] {
        let tmp = pupils_review();
        let dir = tmp.path();
        std::fs::remove_dir_all(dir.join("scores")).expect("clear");
        std::fs::write(dir.join("evidence").join(file), bytes).expect("write");
        set_sources(
            dir,
            &format!("[[evidence]]\nkind = \"pupils\"\npath = \"evidence/{file}\"\n"),
        );
        let (status, _, stderr) = run(dir, &["workbook"]);
        assert_eq!(status, 2, "{file}: {stderr}");
        assert!(
            stderr.contains(&format!("evidence/{file}")) && stderr.contains("is withheld"),
            "{file}: {stderr}"
        );
        assert!(
            !dir.join("scores").exists()
                || std::fs::read_dir(dir.join("scores"))
                    .expect("dir")
                    .next()
                    .is_none()
        );
    }
    // A pupil list named in review.toml but not there is refused the same way.
    let tmp = pupils_review();
    let dir = tmp.path();
    std::fs::remove_file(dir.join("evidence/pupils.csv")).expect("remove");
    let (status, _, stderr) = run(dir, &["workbook", "--force"]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("evidence/pupils.csv"), "{stderr}");
}

#[test]
fn workbook_without_a_pupil_list_is_written_with_a_warning() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::remove_dir_all(dir.join("scores")).expect("clear");
    set_sources(dir, "");
    let (status, _, stderr) = run(dir, &["workbook", "--reviewer", "Online Safety Lead"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stderr.contains("warning[no-source-of-names]"), "{stderr}");
    assert!(
        std::fs::read_dir(dir.join("scores"))
            .expect("scores")
            .next()
            .is_some()
    );
}

#[test]
fn a_page_shown_otherwise_than_stored_or_built_from_outside_is_refused_with_its_path() {
    for (file, page) in [
        ("bdo.html", r#"<p><bdo dir="rtl">imeyedA ecarG</bdo></p>"#),
        (
            "css.html",
            "<style>p{direction:rtl;unicode-bidi:bidi-override}</style><p>imeyedA ecarG</p>",
        ),
        (
            "linked.html",
            r#"<link rel="stylesheet" href="s.css"><p data-a="Gr" data-b="ace">x</p>"#,
        ),
        (
            "data.xml",
            r#"<?xml-stylesheet type="text/xsl" href="a.xsl"?><r><a>Gr</a><b>ace</b></r>"#,
        ),
        (
            "ent.svg",
            r#"<!DOCTYPE svg [<!ENTITY a "Grace">]><svg><text>&a; Adeyemi</text></svg>"#,
        ),
        (
            "refresh.html",
            r#"<meta http-equiv="refresh" content="0;url=javascript:go()"><p>Our week</p>"#,
        ),
    ] {
        let tmp = pupils_review();
        let dir = tmp.path();
        let (status, printed) = cite(dir, file, page);
        assert_eq!(status, 1, "{file}: {printed}");
        assert!(
            printed.contains("error[unsearchable-evidence]") && printed.contains(file),
            "{file}: {printed}"
        );
        assert!(!dir.join(ZIP).exists());
        assert!(!printed.contains("Adeyemi"), "{printed}");
    }
    let tmp = pupils_review();
    let (_, printed) = cite(
        tmp.path(),
        "tspan.svg",
        "<svg><text><tspan>Gra</tspan><tspan>ce</tspan> <tspan>Adeyemi</tspan></text></svg>",
    );
    assert!(printed.contains("error[private-name-in-pack]"), "{printed}");
}

#[test]
fn a_pupil_list_that_names_no_one_is_refused_by_every_command_as_unreadable() {
    for command in [
        &["score"][..],
        &["report"],
        &["workbook", "--force"],
        &["pack"],
    ] {
        let tmp = review(LOG, Some("Forename,Surname\n"));
        let dir = tmp.path();
        let text = format!("{CLEAN} Grace Adeyemi helped.");
        workbook(dir, &[("A1.1", &text, "", "", "")]);
        let (status, _, stderr) = run(dir, command);
        let want = if command[0] == "pack" { 1 } else { 2 };
        assert_eq!(status, want, "{command:?}: {stderr}");
        assert!(
            stderr.contains("evidence/pupils.csv: error[names-unreadable]")
                && stderr.contains("names no one"),
            "{command:?}: {stderr}"
        );
        for sub in ["history", "out"] {
            let written = std::fs::read_dir(dir.join(sub)).map_or(0, |d| d.count());
            assert_eq!(written, 0, "{command:?} wrote into {sub}/");
        }
    }
}

#[test]
fn a_name_in_the_schools_name_or_who_a_survey_asked_is_a_finding_at_its_place() {
    let tmp = pupils_review();
    let dir = tmp.path();
    std::fs::write(
        dir.join("evidence/surveys.csv"),
        "Date,Who was asked,Responses\n01/10/2026,Grace Adeyemi,20\n",
    )
    .expect("write");
    let toml = std::fs::read_to_string(dir.join("review.toml")).expect("read");
    let toml = toml.replacen("school = \"", "school = \"Grace Adeyemi ", 1);
    std::fs::write(dir.join("review.toml"), &toml).expect("write");
    let mut sources = String::new();
    for (kind, path) in [
        ("incidents", "incidents"),
        ("pupils", "pupils"),
        ("surveys", "surveys"),
    ] {
        sources.push_str(&format!(
            "[[evidence]]\nkind = \"{kind}\"\npath = \"evidence/{path}.csv\"\n\n"
        ));
    }
    set_sources(dir, &sources);
    let toml = std::fs::read_to_string(dir.join("review.toml")).expect("read");
    let (status, _, stderr) = run(dir, &["report"]);
    assert_eq!(status, 1, "{stderr}");
    let line = crate::line_of(&toml, "school");
    assert!(
        stderr.contains(&format!(
            "review.toml:{line}: error[private-name-in-settings]"
        )) && stderr.contains("evidence/surveys.csv: error[private-name-in-records]"),
        "{stderr}"
    );
    assert!(!stderr.contains("Adeyemi"), "{stderr}");
    for (path, written) in outputs(dir) {
        assert!(!written.contains("Adeyemi"), "{}", path.display());
    }
}

/// An xlsx with one formula cell at B3 of sheet `Plan`, saved with `result`.
fn xlsx_with_formula(path: &Path, formula: &str, result: &str) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Plan").expect("name");
    sheet.write_string(0, 0, "Gra").expect("cell");
    sheet.write_string(0, 1, "ce Adeyemi").expect("cell");
    let formula = rust_xlsxwriter::Formula::new(formula).set_result(result);
    sheet.write_formula(2, 1, formula).expect("formula");
    book.save(path).expect("save");
}

/// An ods with one formula cell at B3 of sheet `Plan`, saved with the value `result`.
fn ods_with_formula(path: &Path, formula: &str, result: &str) {
    use std::io::Write;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Plan"><table:table-row><table:table-cell office:value-type="string"><text:p>Our plan</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell/></table:table-row><table:table-row><table:table-cell/><table:table-cell table:formula="{formula}" office:value-type="string" office:string-value="{result}"><text:p>{result}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let file = std::fs::File::create(path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet".to_string()),
        ("content.xml", content),
        ("META-INF/manifest.xml", r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_string()),
    ] {
        zip.start_file(name, stored).expect("entry");
        zip.write_all(bytes.as_bytes()).expect("write");
    }
    zip.finish().expect("finish");
}

#[test]
fn a_formula_is_judged_by_what_it_shows_whatever_result_was_saved() {
    for (file, formula, result) in [
        ("plan.xlsx", r#"="Gra"&"ce "&CHAR(65)&"deyemi""#, "0"),
        ("plan.xlsx", r#"=CONCATENATE("Gr","ace Adeyemi")"#, ""),
        (
            "plan.ods",
            "of:=&quot;Gra&quot;&amp;&quot;ce Adeyemi&quot;",
            "0",
        ),
    ] {
        let tmp = pupils_review();
        let dir = tmp.path();
        let path = dir.join("evidence").join(file);
        if file.ends_with(".ods") {
            ods_with_formula(&path, formula, result);
        } else {
            xlsx_with_formula(&path, formula, result);
        }
        workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
        let printed = refused(dir, "private-name-in-pack", &["Adeyemi"]);
        assert!(printed.contains(file), "{formula}: {printed}");
    }
    for (file, formula, result) in [
        ("refs.xlsx", "=A1&B1", "0"),
        ("refs.xlsx", "=TEXTJOIN(\"\",TRUE,A1:B1)", ""),
        ("refs.ods", "of:=[.A1]&amp;[.B1]", "0"),
    ] {
        let tmp = pupils_review();
        let dir = tmp.path();
        let path = dir.join("evidence").join(file);
        if file.ends_with(".ods") {
            ods_with_formula(&path, formula, result);
        } else {
            xlsx_with_formula(&path, formula, result);
        }
        workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
        let printed = refused(dir, "unsearchable-evidence", &["Adeyemi"]);
        assert!(
            printed.contains(file) && printed.contains("sheet `Plan`, cell B3"),
            "{formula}: {printed}"
        );
    }
}
