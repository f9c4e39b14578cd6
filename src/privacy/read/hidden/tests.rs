use super::css::hides;
use super::*;

#[test]
fn number_formats_that_add_letters_are_told_from_those_that_only_show_the_value() {
    for code in [
        r#"@" Adeyemi""#,
        r#""Grace "@"#,
        r#"0" Adeyemi""#,
        r#"0\A"#,
        "*G0",
        "[$USD-409]#,##0",
        "0 x",
    ] {
        assert!(format_adds_letters(code), "{code}");
    }
    for code in [
        "General",
        "dd/mm/yyyy",
        "hh:mm AM/PM",
        "[h]:mm:ss",
        "#,##0.00_);[Red](#,##0.00)",
        r##""£"#,##0.00"##,
        "[$€-x-euro]#,##0",
        r#"[=6]"";0"#,
        "0.0%",
        "@",
    ] {
        assert!(!format_adds_letters(code), "{code}");
    }
}

#[test]
fn declarations_that_hide_text_are_told_from_those_that_do_not() {
    for css in [
        "display:none",
        "color:red; DISPLAY : none !important",
        "visibility:hidden",
        "font-size:0",
        "font-size: 0px",
        "font-size:.5px",
        "font: 0/0 a",
        "opacity:0",
        "opacity: 0.05",
        "color: transparent",
        "width:0;overflow:hidden",
        "clip: rect(0 0 0 0)",
        "text-indent:-9999px",
        "position:absolute; left:-10000px",
        "transform: scale(0)",
    ] {
        assert!(hides(css), "{css}");
    }
    for css in [
        "color:red",
        "font-size:12px",
        "font-size: 1.2em",
        "opacity:0.9",
        "display:inline",
        "margin-left:-4px",
        "width:100%",
    ] {
        assert!(!hides(css), "{css}");
    }
}

#[test]
fn style_sheet_rules_hide_the_elements_their_selectors_could_apply_to() {
    let page = Page::new(
        ".h{display:none} div.x > span#y:hover{visibility:hidden} p::before{display:none} @media print { .screen { display: none } } b{color:red}",
    );
    let s = |t: &str, c: &[&str], i: Option<&str>| page.rules.iter().any(|r| r.applies(t, c, i));
    assert!(s("span", &["h"], None));
    assert!(s("span", &[], Some("y")));
    assert!(!s("span", &[], Some("z")));
    assert!(s("em", &["screen"], None));
    assert!(!s("p", &[], None), "generated text only");
    assert!(!s("b", &[], None));
}

#[test]
fn hidden_web_page_elements_and_what_they_hold_are_not_shown() {
    let mut page = Page::new("");
    page.start("p", &[], false);
    assert!(page.shown());
    page.start("span", &[("style".into(), "display:none".into())], false);
    page.start("b", &[], false);
    assert!(!page.shown());
    page.end("span");
    assert!(page.shown(), "the unclosed <b> ends with its parent");
    page.start("wbr", &[], false);
    page.start("rt", &[], false);
    assert!(!page.shown());
    page.end("rt");
    page.start("i", &[("hidden".into(), String::new())], false);
    assert!(!page.shown());
}

#[test]
fn deleted_hidden_and_field_code_runs_are_not_shown_and_insertions_not_original() {
    let mut o = Office::default();
    o.start("p", false, None);
    o.start("del", false, None);
    assert!(!o.shown() && o.original());
    o.end("del");
    o.start("ins", false, None);
    assert!(o.shown() && !o.original());
    o.end("ins");
    o.start("r", false, None);
    o.start("rPr", false, None);
    o.start("vanish", true, None);
    o.end("rPr");
    assert!(!o.shown() && !o.original());
    o.end("r");
    assert!(o.shown());
    o.start("r", false, None);
    o.start("rPr", false, None);
    o.start("vanish", true, Some("0"));
    assert!(o.shown(), "vanish turned off");
    o.end("r");
    o.start("style", false, None);
    o.start("vanish", true, None);
    assert!(o.style_hides);
}

fn pupils() -> crate::privacy::Names {
    let mut n = crate::privacy::Names::default();
    n.add_cell("Summer Rain");
    n.add_cell("Will Bell");
    n.add_cell("Grace Adeyemi");
    n
}

fn docx(paragraph: &str) -> Vec<u8> {
    use std::io::Write;
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

fn run(props: &str, text: &str) -> String {
    format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn judged(bytes: &[u8], hint: &str) -> super::super::Verdict {
    super::super::bytes(&pupils(), bytes, hint)
}

use super::super::Verdict::{Clean, Name};

#[test]
fn capitals_added_by_formatting_are_read_as_shown() {
    for props in ["<w:caps/>", "<w:smallCaps/>", "<w:caps w:val=\"true\"/>"] {
        for words in ["summer rain", "will bell"] {
            let doc = docx(&run(props, &format!("notes on {words} today")));
            assert_eq!(judged(&doc, "a.docx"), Name, "{props} {words}");
        }
    }
    // Capitals turned off, or none, leave everyday words as they are written.
    for props in ["<w:caps w:val=\"0\"/>", "<w:b/>", ""] {
        let doc = docx(&run(props, "notes on summer rain today"));
        assert_eq!(judged(&doc, "a.docx"), Clean, "{props}");
    }
    for page in [
        "<p style=\"text-transform: uppercase\">notes on summer rain</p>",
        "<p style=\"TEXT-TRANSFORM:Capitalize\">notes on will bell</p>",
        "<style>.t{text-transform:uppercase}</style><p>on <b class=\"t\">will bell</b></p>",
        "<style>p span{text-transform:capitalize}</style><p><span>summer <i>rain</i></span></p>",
    ] {
        assert_eq!(judged(page.as_bytes(), "a.html"), Name, "{page}");
    }
    for page in [
        "<p>notes on summer rain</p>",
        "<p style=\"text-transform:uppercase\">x</p><p>summer rain</p>",
        "<div style=\"text-transform:uppercase\"><p style=\"text-transform:none\">summer rain</p></div>",
    ] {
        assert_eq!(judged(page.as_bytes(), "a.html"), Clean, "{page}");
    }
}

#[test]
fn a_symbol_inserted_into_a_word_is_read_as_its_letter() {
    let sym = |font: &str, c: &str| format!("<w:r><w:sym w:font=\"{font}\" w:char=\"{c}\"/></w:r>");
    for s in [
        sym("Arial", "0061"),
        sym("Symbol", "F061"),
        sym("Wingdings", "f061"),
    ] {
        let doc = docx(&format!(
            "{}{s}{}",
            run("", "Spoke to Gr"),
            run("", "ce Adeyemi")
        ));
        assert_eq!(judged(&doc, "a.docx"), Name, "{s}");
    }
    let doc = docx(&format!(
        "{}{}{}",
        run("", "Tick "),
        sym("Wingdings", "F0FC"),
        run("", " done")
    ));
    assert_eq!(judged(&doc, "a.docx"), Clean);
}

#[test]
fn a_name_split_by_a_run_or_element_inside_a_word_is_found_either_way() {
    // Ways of hiding a piece the shown reading does not know, and plain formatting.
    for props in [
        "<w:color w:val=\"FFFFFF\"/>",
        "<w:sz w:val=\"2\"/>",
        "<w:shd w:fill=\"000000\"/>",
        "<w:b/>",
    ] {
        let doc = docx(&format!(
            "{}{}{}",
            run("", "Gra"),
            run(props, "XQ"),
            run("", "ce Adeyemi")
        ));
        assert_eq!(judged(&doc, "a.docx"), Name, "{props}");
    }
    for page in [
        "<p>Gra<span style=\"color:#fff\">XQ</span>ce Adeyemi</p>",
        "<p>Gra<span style=\"color: rgb(255, 255, 255)\">XQ</span>ce Adeyemi</p>",
        "<p>Gra<span style=\"color:white\">XQ</span>ce Adeyemi</p>",
        "<p>Gra<span style=\"font-size:1px\">XQ</span>ce Adeyemi</p>",
        "<p>Gra<span style=\"position:absolute;left:-9999px\">XQ</span>ce Adeyemi</p>",
        "<style>.\\68 {display:none}</style><p>Gra<span class=\"h\">XQ</span>ce Adeyemi</p>",
        "<style>span[data-x]{display:none}</style><p>Gra<span data-x>XQ</span>ce Adeyemi</p>",
        "<style>[data-x]{display:none}</style><p>Gra<span data-x>XQ</span>ce Adeyemi</p>",
        "<style>.c{color:\\77hite}</style><p>Gra<em class=c>X<b>Q</b></em>ce Adeyemi</p>",
    ] {
        assert_eq!(judged(page.as_bytes(), "a.html"), Name, "{page}");
    }
    // A piece that begins or ends between words is no word's inside: kept as written.
    for page in [
        "<p>Grace <span>sang</span> Adeyemi</p>",
        "<p>Grace<span> sang </span>Adeyemi</p>",
        "<p>Sum<b>mer</b> <i>reading</i> Ade<b>quate</b></p>",
    ] {
        assert_eq!(judged(page.as_bytes(), "a.html"), Clean, "{page}");
    }
}

#[test]
fn a_web_address_ends_at_the_tag_after_it() {
    let page = b"<p><span>see summer-rain.co.uk</span><button>Copy</button></p>";
    assert_eq!(judged(page, "a.html"), Clean);
    let page = b"<p><span>see Summer-Rain.co.uk</span><button>Copy</button></p>";
    assert_eq!(judged(page, "a.html"), Name);
}
