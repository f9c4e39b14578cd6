//! Which text of a document a reader sees, and which is in the file but not shown.
//!
//! A name can be split by text a reader never sees: "Gra", a deleted or hidden run, then
//! "ce Adeyemi". Read straight through, the file says "GraXQce Adeyemi"; the page shows
//! "Grace Adeyemi". So besides reading every piece of text, [`super::markup`] reads the
//! document twice more: as shown (tracked deletions, text moved away, hidden runs, field
//! codes, ruby and phonetic guides left out; in a web page, every element a browser does
//! not show left out) and as it was before its tracked changes (insertions left out), and
//! a name in any reading refuses it. Deleted and hidden text is still read where it stands,
//! since it is in the file the pack would carry.
//!
//! In a web page any element can be made inline by a style sheet, so the shown reading
//! joins text across every tag. An element is not shown when it is a `<template>`, ruby
//! text (`<rt>`, `<rp>`), a script or style sheet, has the `hidden` attribute, or when its
//! own style or a rule of the page's style sheet whose selector could apply to it hides it
//! ([`hides`]: `display: none`, `visibility: hidden`, a font size or opacity of nothing,
//! clipping, text moved off the page …). A selector is read loosely: its last part's
//! element name, classes and id decide, whatever else it asks, so the shown reading may
//! leave out more than a browser would, never less.

/// Office elements whose text is not shown: tracked deletions and text moved away, field
/// codes, ruby and phonetic guides, the tracked changes of an OpenDocument file.
const NOT_SHOWN: &[&str] = &[
    "del",
    "moveFrom",
    "instrText",
    "delInstrText",
    "rt",
    "rPh",
    "tracked-changes",
    "hidden-text",
];
/// Office elements whose text was not there before the tracked changes.
const NOT_ORIGINAL: &[&str] = &["ins", "moveTo", "instrText", "delInstrText", "rt", "rPh"];
/// A run property that hides the run's text.
const VANISH: &[&str] = &["vanish", "specVanish", "webHidden"];

/// Why a document is refused when its styles hide text.
pub(super) const STYLE_HIDES: &str = "it is a document whose styles hide text (a character style marked hidden), so which of its words a reader sees cannot be told from the file; remove the hidden formatting, or save it as PDF, and try again";

/// Where the reading of an office document's XML stands.
#[derive(Default)]
pub(super) struct Office {
    not_shown: usize,
    not_original: usize,
    in_run: bool,
    in_run_props: bool,
    run_hidden: bool,
    in_style: bool,
    /// Set when a style (not a run) hides text.
    pub(super) style_hides: bool,
    /// Inside an OpenDocument number style's text.
    pub(super) number_text: bool,
}

impl Office {
    /// An element starts (`empty` when it also ends), with its attributes' values.
    pub(super) fn start(&mut self, name: &str, empty: bool, value: Option<&str>) {
        if VANISH.contains(&name) && !value.is_some_and(off) {
            if self.in_run_props {
                self.run_hidden = true;
            } else if self.in_style {
                self.style_hides = true;
            }
        }
        if empty {
            return;
        }
        match name {
            "r" => {
                self.in_run = true;
                self.run_hidden = false;
            }
            "rPr" if self.in_run => self.in_run_props = true,
            "style" => self.in_style = true,
            _ => {}
        }
        self.not_shown += usize::from(NOT_SHOWN.contains(&name));
        self.not_original += usize::from(NOT_ORIGINAL.contains(&name));
    }

    /// An element ends.
    pub(super) fn end(&mut self, name: &str) {
        self.number_text = false;
        match name {
            "r" => {
                self.in_run = false;
                self.in_run_props = false;
                self.run_hidden = false;
            }
            "rPr" => self.in_run_props = false,
            "style" => self.in_style = false,
            _ => {}
        }
        if NOT_SHOWN.contains(&name) {
            self.not_shown = self.not_shown.saturating_sub(1);
        }
        if NOT_ORIGINAL.contains(&name) {
            self.not_original = self.not_original.saturating_sub(1);
        }
    }

    /// Whether text here is shown.
    pub(super) fn shown(&self) -> bool {
        self.not_shown == 0 && !self.run_hidden
    }

    /// Whether text here was there before the tracked changes.
    pub(super) fn original(&self) -> bool {
        self.not_original == 0 && !self.run_hidden
    }
}

/// A `w:val` that turns a property off.
fn off(value: &str) -> bool {
    matches!(value, "0" | "false" | "off")
}

/// Whether an OpenDocument style hides text (`text:display="none"`).
pub(super) fn odf_hides(key: &str, value: &str) -> bool {
    key == "display" && value.trim().eq_ignore_ascii_case("none")
}

/// Why a workbook is refused when a number format adds words to what its cells show.
pub(super) const NUMBER_FORMAT: &str = "it is a spreadsheet with a custom number format that adds words to what a cell shows (such as `@\" Smith\"` or `0\" pupils\"`), so a cell can show a name its value does not hold; set those cells' format to General or Text (or paste them as values into a new workbook), or save the sheet as CSV and cite that, and try again";

/// Whether a spreadsheet number format (Excel's `formatCode`) shows letters of its own:
/// quoted text, an escaped character, a fill character or a currency's letters, rather
/// than only the value, digits, dates and punctuation.
pub(super) fn format_adds_letters(code: &str) -> bool {
    let lower = code.to_ascii_lowercase();
    let lower = lower
        .replace("general", " ")
        .replace("am/pm", " ")
        .replace("a/p", " ");
    let mut chars = lower.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' if chars
                .by_ref()
                .take_while(|&q| q != '"')
                .any(char::is_alphabetic) =>
            {
                return true;
            }
            '\\' | '*' if chars.next().is_some_and(char::is_alphabetic) => return true,
            '_' => {
                chars.next();
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&q| q != ']').collect();
                // `[$USD-409]` shows its letters; colours, conditions and `[h]` do not.
                if let Some(currency) = inside.strip_prefix('$')
                    && currency
                        .split('-')
                        .next()
                        .is_some_and(|c| c.chars().any(char::is_alphabetic))
                {
                    return true;
                }
            }
            c if c.is_alphabetic() && !"dmyhsebgn".contains(c) => return true,
            _ => {}
        }
    }
    false
}

/// Elements that end at once in HTML.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// HTML elements whose content a browser does not show as text.
const UNSHOWN_TAGS: &[&str] = &[
    "template", "rt", "rp", "script", "style", "noscript", "head", "noembed", "noframes",
];

/// A selector's subject, read loosely: the element name (or none), classes and id that
/// its last compound asks for.
#[derive(Debug, Default, PartialEq)]
struct Subject {
    tag: Option<String>,
    classes: Vec<String>,
    id: Option<String>,
}

/// Where the reading of a web page stands: the open elements, each with whether it hides
/// what it holds.
#[derive(Default)]
pub(super) struct Page {
    open: Vec<(String, bool)>,
    hidden: usize,
    rules: Vec<Subject>,
}

impl Page {
    /// A page whose style sheets (the text of every `<style>`) are `css`.
    pub(super) fn new(css: &str) -> Self {
        Page {
            rules: hiding_subjects(css),
            ..Page::default()
        }
    }

    /// An element starts, with its attributes (names in small letters).
    pub(super) fn start(&mut self, tag: &str, attributes: &[(String, String)], closes: bool) {
        if VOID.contains(&tag) || closes {
            return;
        }
        let get = |k: &str| attributes.iter().find(|(a, _)| a == k).map(|(_, v)| v);
        let classes: Vec<&str> = get("class")
            .map(|c| c.split_ascii_whitespace().collect())
            .unwrap_or_default();
        let id = get("id").map(String::as_str);
        let hides = UNSHOWN_TAGS.contains(&tag)
            || get("hidden").is_some()
            || get("style").is_some_and(|s| hides(s))
            || self.rules.iter().any(|r| r.applies(tag, &classes, id));
        self.hidden += usize::from(hides);
        self.open.push((tag.to_string(), hides));
    }

    /// An element ends: it and any left open inside it.
    pub(super) fn end(&mut self, tag: &str) {
        let Some(at) = self.open.iter().rposition(|(t, _)| t == tag) else {
            return;
        };
        for (_, hid) in self.open.drain(at..) {
            self.hidden -= usize::from(hid);
        }
    }

    /// Whether text here is shown.
    pub(super) fn shown(&self) -> bool {
        self.hidden == 0
    }
}

impl Subject {
    fn applies(&self, tag: &str, classes: &[&str], id: Option<&str>) -> bool {
        self.tag.as_deref().is_none_or(|t| t == tag)
            && self.classes.iter().all(|c| classes.contains(&c.as_str()))
            && self.id.as_deref().is_none_or(|i| Some(i) == id)
    }
}

/// The subjects of every rule of `css` whose declarations hide text.
fn hiding_subjects(css: &str) -> Vec<Subject> {
    let mut out = Vec::new();
    let mut from = 0;
    for (close, _) in css.match_indices('}') {
        let chunk = &css[from..close];
        from = close + 1;
        // Inside an at-rule's block (`@media print { … }`) the rule's own braces decide.
        let Some(open) = chunk.rfind('{') else {
            continue;
        };
        if hides(&chunk[open + 1..]) {
            let selectors = chunk[..open].rsplit(['{', '}', ';']).next().unwrap_or("");
            out.extend(selectors.split(',').filter_map(subject));
        }
    }
    out
}

/// The loose subject of one selector; `None` when it selects only generated text
/// (`::before`, `::marker`), which the page's own text does not hold.
fn subject(selector: &str) -> Option<Subject> {
    let last = selector
        .trim()
        .rsplit([' ', '>', '+', '~', '\t', '\n'])
        .next()?;
    let (last, pseudo) = match last.find("::") {
        Some(at) => (&last[..at], Some(&last[at + 2..])),
        None => (last, None),
    };
    if pseudo.is_some_and(|p| !p.starts_with("first-")) {
        return None;
    }
    let mut s = Subject::default();
    // Pseudo-classes and attribute selectors are left out: the subject may match more.
    let plain: String = last
        .split(['[', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut put = |mark: char, word: &str| match mark {
        _ if word.is_empty() => {}
        '.' => s.classes.push(word.to_string()),
        '#' => s.id = Some(word.to_string()),
        _ if word != "*" => s.tag = Some(word.to_string()),
        _ => {}
    };
    let (mut mark, mut from) = (' ', 0);
    for (at, c) in plain.char_indices() {
        if matches!(c, '.' | '#') {
            put(mark, &plain[from..at]);
            (mark, from) = (c, at + 1);
        }
    }
    put(mark, &plain[from..]);
    Some(s)
}

/// Whether CSS declarations hide the text of what they apply to, or make it too small,
/// faint or far away to read.
pub(super) fn hides(declarations: &str) -> bool {
    let d: String = declarations
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let value_of = |prop: &str| -> Vec<&str> {
        d.split(';')
            .filter_map(|decl| decl.strip_prefix(prop)?.strip_prefix(':'))
            .collect()
    };
    let number = |v: &str| -> Option<f64> {
        let n: String = v
            .trim_start_matches('+')
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        n.parse().ok()
    };
    // Too small to read: under 2 pixels or points, a tenth of the letters' size, or nothing.
    let small = |v: &&str| {
        let Some(n) = number(v) else {
            return false;
        };
        let unit =
            v.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
        match unit.get(..2).unwrap_or(unit) {
            "px" | "pt" | "q" | "mm" => n < 2.0,
            "em" | "re" | "ex" | "ch" | "lh" => n < 0.1,
            _ if unit.starts_with('%') => n < 10.0,
            _ => n == 0.0,
        }
    };
    value_of("display").iter().any(|v| v.starts_with("none"))
        || value_of("visibility")
            .iter()
            .any(|v| v.starts_with("hidden") || v.starts_with("collapse"))
        || value_of("content-visibility")
            .iter()
            .any(|v| v.starts_with("hidden"))
        || value_of("font-size").iter().any(small)
        || value_of("font").iter().any(small)
        || value_of("opacity")
            .iter()
            .any(|v| number(v).is_some_and(|n| n < 0.1))
        || value_of("color")
            .iter()
            .any(|v| v.starts_with("transparent"))
        || ["width", "height", "max-width", "max-height"]
            .iter()
            .any(|p| value_of(p).iter().any(|v| number(v) == Some(0.0)))
        || value_of("clip").iter().any(|v| v.starts_with("rect"))
        || !value_of("clip-path").is_empty()
        || value_of("text-indent").iter().any(|v| v.starts_with('-'))
        || value_of("transform").iter().any(|v| v.contains("scale(0"))
        || ["left", "top", "margin-left", "margin-top", "right"]
            .iter()
            .any(|p| {
                value_of(p)
                    .iter()
                    .any(|v| number(v).is_some_and(|n| n <= -100.0))
            })
}

#[cfg(test)]
mod tests {
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
}
