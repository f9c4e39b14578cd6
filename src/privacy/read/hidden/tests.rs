use super::*;
use super::css::hides;

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
    let s =
        |t: &str, c: &[&str], i: Option<&str>| page.rules.iter().any(|r| r.applies(t, c, i));
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
