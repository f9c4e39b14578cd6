//! What in a web page can build text as it opens, so that what it shows cannot be read from
//! the file: scripts, and style sheets that show attributes' text.
//!
//! A script can write a name in pieces (`"Gra" + "ce"`), from character codes
//! (`String.fromCharCode(71, …)`), decoded from base 64 or fetched: no reading of its source
//! proves the page shows no name, so a page that runs one is refused (the school saves it as
//! PDF, or a person looks at it and lists it as checked by hand). A script is an executable
//! `<script>` (inline or with `src`), an event handler attribute (`onload`, `onclick`, …)
//! or a `javascript:` or `vbscript:` link. Data blocks (`<script type="application/json">`,
//! templates) run nothing and are read as text. A style sheet shows text through `content`:
//! its quoted strings are read run together ([`css_strings`]), and `attr()`, which shows an
//! attribute's value among them, is refused like a script ([`css_refused`]), as are text shown in
//! another order than stored, linked style sheets and transforms, a document's own entities
//! and a spreadsheet formula that builds text whose result was never saved.

/// Why a page is refused when it runs a script.
pub(super) const SCRIPT: &str = "it is a web page that runs a script, which can build text as the page opens, so what it shows cannot be searched; save the page as PDF, or open it, make sure it shows no child's name and list it as checked by hand";

/// Why a page is refused when its style sheet shows attributes' text.
pub(super) const STYLE: &str = "it is a web page whose style sheet builds text from the page's attributes (`attr()`), so what it shows cannot be searched; save the page as PDF, or open it, make sure it shows no child's name and list it as checked by hand";

/// Why a page is refused when its markup or style sheet shows its text in another order.
pub(super) const DIRECTION: &str = "it is a web page whose markup or style sheet shows text in another order than it is stored in (`<bdo>`, `dir=\"rtl\"`, `direction: rtl`, `unicode-bidi: bidi-override`), so what it shows cannot be searched; save the page as PDF, or open it, make sure it shows no child's name and list it as checked by hand";

/// Why a document is refused when it takes its look from a file outside it.
pub(super) const LINKED: &str = "it is a document that takes what it shows from a linked style sheet or transform (`<link rel=\"stylesheet\">`, `@import`, `<?xml-stylesheet?>`), whose text can build words from the document's pieces, so what it shows cannot be searched; save it as PDF, or open it, make sure it shows no child's name and list it as checked by hand";

/// Why a document is refused when it defines its own entities.
pub(super) const ENTITIES: &str = "it is a document that defines its own entities (`<!ENTITY …>` in its DOCTYPE), which put text together as it opens, so what it shows cannot be searched; save it as PDF, or open it, make sure it shows no child's name and list it as checked by hand";

/// Why a spreadsheet is refused when a formula builds text and no result was saved.
pub(super) const FORMULA: &str = "it is a spreadsheet with a formula that builds text (`&` or `CONCAT` over other cells, `CHAR` of a cell, `MID`, a lookup…), and what the cell shows when the workbook opens cannot be searched, whatever result was saved with it (or with none saved); open it in Excel or LibreOffice, replace the formulas by their values (copy the cells, then paste values only) and save it, or save the sheet as CSV and cite that, and try again";

/// Whether a document defines entities of its own in an internal DTD subset.
pub(super) fn defines_entities(text: &str) -> bool {
    text.as_bytes()
        .windows(8)
        .any(|w| w.eq_ignore_ascii_case(b"<!entity"))
}

/// Why an element with this attribute shows what cannot be read from the file: text shown
/// right to left (`<bdo>`, `dir="rtl"`), or a linked style sheet.
pub(super) fn attribute_refused(tag: &str, key: &str, value: &str) -> Option<&'static str> {
    let value = value.trim().to_ascii_lowercase();
    match key.to_ascii_lowercase().as_str() {
        _ if tag == "bdo" => Some(DIRECTION),
        "dir" if value == "rtl" => Some(DIRECTION),
        "rel" if tag == "link" && value.split_ascii_whitespace().any(|r| r == "stylesheet") => {
            Some(LINKED)
        }
        _ => None,
    }
}

/// A spreadsheet formula's quoted strings run together as `&` or CONCAT would join them:
/// `="Alf"&"ie Bro"&"oks"` reads "Alfie Brooks".
pub(super) fn joined_strings(formula: &str) -> String {
    formula
        .split('"')
        .skip(1)
        .step_by(2)
        .collect::<Vec<_>>()
        .concat()
        .replace("CHAR(32)", " ")
}

/// Whether a formula builds text in a way its quoted strings run together do not show:
/// a function (`CHAR(71)`, `MID(…)`, a lookup) outside its strings. Plain joined strings and
/// `CHAR(32)` for a space are read by joining them.
pub(super) fn formula_builds_text(formula: &str) -> bool {
    let outside: String = formula.split('"').step_by(2).collect::<Vec<_>>().concat();
    let outside = outside.to_ascii_uppercase().replace("CHAR(32)", "");
    [
        "CHAR(",
        "UNICHAR(",
        "CONCAT",
        "TEXTJOIN(",
        "MID",
        "LEFT",
        "RIGHT",
        "SUBSTITUTE(",
        "REPLACE",
        "LOOKUP(",
        "INDEX(",
        "INDIRECT(",
        "CHOOSE(",
        "TEXT(",
        "PROPER(",
        "LOWER(",
        "UPPER(",
        "REPT(",
        "TRIM(",
        "CLEAN(",
        "ENCODEURL(",
        "FILTERXML(",
        "WEBSERVICE(",
    ]
    .iter()
    .any(|f| outside.contains(f))
}

/// A spreadsheet cell as its XML streams: whether its formula builds text and whether it
/// kept a result (`<v>`), which is what the cell shows and is read as text.
#[derive(Default)]
pub(super) struct Cell {
    builds: bool,
    built_from_cells: bool,
    in_value: bool,
    valued: bool,
}

impl Cell {
    /// An element starts: a cell (`c`) begins afresh, a value (`v`) opens.
    pub(super) fn start(&mut self, name: &str) {
        match name {
            "c" => *self = Cell::default(),
            "v" => self.in_value = true,
            _ => {}
        }
    }

    /// Text inside the element last started.
    pub(super) fn text(&mut self, text: &str) {
        self.valued |= self.in_value && !text.trim().is_empty();
    }

    /// The cell's formula.
    pub(super) fn formula(&mut self, formula: &str) {
        self.builds |= formula_builds_text(formula);
        // Text built from other cells is refused whatever result was saved, as the
        // formulas of a workbook cited on its own are (`super::formulas`): a workbook
        // inside another file is judged the same way.
        self.built_from_cells |= refused_formula(formula);
    }

    /// An element ends; at a cell's end, why it cannot be searched, if it cannot.
    pub(super) fn end(&mut self, name: &str) -> Option<&'static str> {
        self.in_value &= name != "v";
        (name == "c" && (self.built_from_cells || self.builds && !self.valued)).then_some(FORMULA)
    }
}

/// Whether a formula builds text that cannot be worked out from the formula alone.
pub(super) fn refused_formula(formula: &str) -> bool {
    super::formulas::builds_text(formula) && super::formulas::worked_out(formula).is_none()
}

/// Whether a `<script>` with this `type` attribute (if any) runs: every type but data blocks.
pub(super) fn runs(script_type: Option<&str>) -> bool {
    let Some(t) = script_type else {
        return true;
    };
    let t = t.trim().to_ascii_lowercase();
    let data = t.contains("json")
        || t.contains("template")
        || matches!(t.as_str(), "text/plain" | "text/html" | "text/markdown");
    !data
}

/// Whether an attribute runs a script: an event handler (`on` and a small-letter event
/// name: HTML's reader lowers names, and SVG's are lower case, while office documents'
/// attributes such as `onlyVisible` are not handlers), or a script link as its value.
pub(super) fn attribute_runs(name: &str, value: &str) -> bool {
    if name.len() > 2 && name.starts_with("on") && name[2..].bytes().all(|b| b.is_ascii_lowercase())
    {
        return true;
    }
    // A refresh (`<meta http-equiv="refresh" content="0;url=…">`) goes to the link after `url=`.
    let lower = value.to_ascii_lowercase();
    let refresh = lower.find("url=").map(|i| &value[i + 4..]);
    std::iter::once(value).chain(refresh).any(script_link)
}

/// Whether a link runs a script. Browsers drop white space and control characters from a
/// link, and a refresh's quotes round it, before reading its scheme.
fn script_link(value: &str) -> bool {
    let scheme: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '\''))
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    scheme.starts_with("javascript:") || scheme.starts_with("vbscript:")
}

/// Why a style sheet (or a `style` attribute) makes what a page shows unsearchable, its
/// escapes decoded and its white space dropped first: `attr(` shows an attribute's text,
/// `direction: rtl` and the bidi overrides show text in another order, `@import` brings in a
/// sheet from outside, and a `javascript:` link runs a script.
pub(super) fn css_refused(css: &str) -> Option<&'static str> {
    let decoded = crate::privacy::escapes::decode(css);
    let css: String = decoded
        .as_deref()
        .unwrap_or(css)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if css.contains("attr(") {
        Some(STYLE)
    } else if css.contains("javascript:") || css.contains("vbscript:") {
        Some(SCRIPT)
    } else if css.contains("direction:rtl") || css.contains("-override") {
        Some(DIRECTION)
    } else if css.contains("@import") {
        Some(LINKED)
    } else {
        None
    }
}

/// The quoted strings of a style sheet run together, as `content: "Gra" "ce"` shows them,
/// and as rules on one element's `::before` and `::after` may.
pub(super) fn css_strings(css: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in css.chars() {
        match quote {
            Some(q) if !escaped && c == q => quote = None,
            Some(_) => {
                escaped = !escaped && c == '\\';
                out.push(c);
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_script_links_run_and_data_blocks_do_not() {
        assert!(runs(None) && runs(Some("module")) && runs(Some("text/javascript")));
        assert!(!runs(Some("application/ld+json")) && !runs(Some("text/x-template")));
        assert!(attribute_runs("onload", "x()") && !attribute_runs("onlyVisible", "1"));
        assert!(attribute_runs("href", " java\tscript:alert(1)"));
        assert!(attribute_runs("src", "VBScript:x"));
        assert!(!attribute_runs("href", "https://example.org/javascript:"));
        assert!(!attribute_runs("on", "x"));
    }

    #[test]
    fn style_strings_run_together_and_attr_builds_text() {
        assert_eq!(
            css_strings(r#"p::before{content:"Gra"} p::after{content:'ce \"A\"'}"#),
            r#"Grace \"A\""#
        );
        assert_eq!(
            css_refused("a::after { content: ATTR(data-x) }"),
            Some(STYLE)
        );
        assert_eq!(
            css_refused(r"a::after { content: \61ttr(data-x) }"),
            Some(STYLE)
        );
        assert_eq!(css_refused("p { color: red }"), None);
    }

    #[test]
    fn reversing_linking_and_script_urls_in_style_sheets_are_refused() {
        assert_eq!(css_refused("p{direction: RTL}"), Some(DIRECTION));
        assert_eq!(
            css_refused("p{unicode-bidi:bidi-override}"),
            Some(DIRECTION)
        );
        assert_eq!(css_refused("@import url(s.css);"), Some(LINKED));
        assert_eq!(
            css_refused("b{background:url( javascript:x)}"),
            Some(SCRIPT)
        );
        assert_eq!(css_refused("p{direction:ltr}"), None);
    }

    #[test]
    fn reversed_text_linked_sheets_and_refresh_scripts_are_refused() {
        assert_eq!(attribute_refused("bdo", "dir", "rtl"), Some(DIRECTION));
        assert_eq!(attribute_refused("p", "DIR", " rtl "), Some(DIRECTION));
        assert_eq!(attribute_refused("p", "dir", "ltr"), None);
        assert_eq!(attribute_refused("link", "rel", "Stylesheet"), Some(LINKED));
        assert_eq!(attribute_refused("link", "rel", "icon"), None);
        assert!(attribute_runs("content", "0; URL='javascript:alert(1)'"));
        assert!(!attribute_runs("content", "0; url=https://example.org/"));
        assert!(defines_entities("<!DOCTYPE r [<!Entity a \"Gra\">]>"));
        assert!(!defines_entities("<!DOCTYPE html><p>entity</p>"));
    }

    #[test]
    fn formulas_that_build_text_are_told_from_joined_strings() {
        assert!(formula_builds_text(r#"CHAR(71)&"race Adeyemi""#));
        assert!(formula_builds_text(r#"MID("xGrace",2,5)"#));
        assert!(formula_builds_text("TEXTJOIN(\" \",TRUE,A1:A2)"));
        assert!(formula_builds_text("VLOOKUP(A1,B:C,2,FALSE)"));
        assert!(!formula_builds_text(r#""Alf"&"ie"&CHAR(32)&"Brooks""#));
        assert!(!formula_builds_text("SUM(A1:A3)"));
        assert!(!formula_builds_text(r#"IF(A1>2,"x","y")"#));
    }
}
