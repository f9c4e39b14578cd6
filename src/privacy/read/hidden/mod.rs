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
//! ([`css::hides`]: `display: none`, `visibility: hidden`, a font size or opacity of nothing,
//! clipping, text moved off the page …). A selector is read loosely: its last part's
//! element name, classes and id decide, whatever else it asks, so the shown reading may
//! leave out more than a browser would, never less.

mod css;
mod inner;

pub(super) use css::{Page, VOID};
pub(super) use inner::Inner;

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
    /// The run is shown in capitals (`w:caps`, `w:smallCaps`) whatever its letters.
    run_caps: bool,
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
        if self.in_run_props {
            self.run_property(name, value);
        }
        if empty {
            return;
        }
        match name {
            "r" => {
                self.in_run = true;
                self.run_hidden = false;
                self.run_caps = false;
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
                self.run_caps = false;
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

    /// A property of the run: capitals it adds, or a look that leaves it unseen on a page
    /// (white, or a size of a point or less; `w:sz` counts half points).
    fn run_property(&mut self, name: &str, value: Option<&str>) {
        match name {
            "caps" | "smallCaps" if !value.is_some_and(off) => self.run_caps = true,
            "color" if value.is_some_and(|v| v.eq_ignore_ascii_case("FFFFFF")) => {
                self.run_hidden = true;
            }
            "sz" | "szCs"
                if value
                    .and_then(|v| v.trim().parse::<f64>().ok())
                    .is_some_and(|s| s <= 2.0) =>
            {
                self.run_hidden = true;
            }
            _ => {}
        }
    }

    /// Whether text here is shown.
    pub(super) fn shown(&self) -> bool {
        self.not_shown == 0 && !self.run_hidden
    }

    /// Whether text here is shown, and whether it was there before the tracked changes.
    pub(super) fn seen(&self) -> (bool, bool) {
        (self.shown(), self.original())
    }

    /// How the run's letters are shown.
    pub(super) fn transform(&self) -> Transform {
        if self.run_caps {
            Transform::Upper
        } else {
            Transform::AsWritten
        }
    }

    /// Whether text here was there before the tracked changes.
    pub(super) fn original(&self) -> bool {
        self.not_original == 0 && !self.run_hidden
    }
}

/// How a document's formatting shows the letters of its text: capitals added by a style
/// (`text-transform`, small capitals, Word's All caps) can make everyday words a name, as
/// "summer rain" shown as SUMMER RAIN.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Transform {
    /// As the letters are written (or in small letters, which adds no capital).
    #[default]
    AsWritten,
    /// Every letter a capital.
    Upper,
    /// The first letter of every word a capital.
    Capitalize,
}

impl Transform {
    /// `text` as shown; `None` when it is shown as written. Under [`Transform::Capitalize`]
    /// a piece's first letter is taken for a word's, since whether the piece before ended a
    /// word is not known here: a capital inside a word only makes the reading stricter.
    pub(crate) fn apply(self, text: &str) -> Option<String> {
        match self {
            Transform::AsWritten => None,
            Transform::Upper => Some(text.to_uppercase()),
            Transform::Capitalize => {
                let mut out = String::with_capacity(text.len());
                let mut start = true;
                for c in text.chars() {
                    if start && c.is_alphabetic() {
                        out.extend(c.to_uppercase());
                    } else {
                        out.push(c);
                    }
                    start = !c.is_alphanumeric();
                }
                Some(out)
            }
        }
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

#[cfg(test)]
mod tests;
