//! Web pages and XML read as a person sees them.
//!
//! HTML goes through html5gum, a tokenizer that follows the WHATWG specification, so
//! entities (`&nbsp;`, `&#39;`, `&Ouml;`) arrive decoded and broken markup is tolerated as a
//! browser tolerates it. XML goes through quick-xml, which the spreadsheet reader already
//! brings in. Markup between two pieces of text may join them ("<b>Ja</b>mie", a Word run
//! split mid-word) or part them (a deleted run before the next one), so the text is read
//! both ways at once: once with inline markup joining and once with every tag a space. The
//! end of a paragraph, a cell or a line break is always a space. Attribute values are read
//! too, percent-encoded links decoded and `data:` URLs unpacked, and spreadsheet page
//! headers and footers with their `&C`-style codes taken out.

use std::borrow::Cow;

use super::hidden::{Inner, Transform};
pub(super) use super::xml::{without_codes, xml};
use super::{Ctx, Verdict, hidden, script};
use crate::privacy::scan::Scanner;
use crate::privacy::shown::INLINE;

/// Table rows (HTML, Word, spreadsheets, OpenDocument): the last cell of one row and the
/// first of the next are not one name ("… | April" then "Green Flag | …").
pub(super) const ROWS: &[&str] = &["tr", "row", "table-row"];
/// The text of one document read three ways: runs joined, every tag a space, and the
/// asides (attributes, comments) each on their own.
pub(super) struct Reading<'n> {
    joined: Scanner<'n>,
    split: Scanner<'n>,
    /// What a reader sees ([`hidden`]), and the text before its tracked changes.
    shown: Scanner<'n>,
    original: Scanner<'n>,
    /// The text with every element that begins and ends inside a word left out ([`Inner`]).
    inner: Inner<'n>,
    /// Whether `shown` and `original` run on across every tag, as in a web page, where a
    /// style sheet can make any element inline.
    fused: bool,
    asides: Scanner<'n>,
    /// A page's style strings run together.
    styles: Scanner<'n>,
    embedded: Option<String>,
    /// Why what the page shows cannot be read from it: it runs a script, or its style
    /// sheet shows attributes' text.
    pub(super) built: Option<&'static str>,
}

impl<'n> Reading<'n> {
    pub(super) fn new(ctx: &Ctx<'n>) -> Self {
        Reading {
            joined: ctx.scanner(),
            split: ctx.scanner(),
            shown: ctx.scanner(),
            original: ctx.scanner(),
            inner: Inner::new(ctx.scanner()),
            fused: false,
            asides: ctx.scanner(),
            styles: ctx.scanner(),
            embedded: None,
            built: None,
        }
    }

    pub(super) fn text(&mut self, t: &str) {
        self.seen(t, (true, true), Transform::AsWritten);
    }

    /// Text that is shown, or was there before the tracked changes, or neither; those two
    /// readings take its letters as its formatting shows them (`case`).
    pub(super) fn seen(&mut self, t: &str, (shown, original): (bool, bool), case: Transform) {
        self.joined.push(t);
        self.split.push(t);
        self.inner.text(t);
        let as_shown = case.apply(t);
        let as_shown = as_shown.as_deref().unwrap_or(t);
        if shown {
            self.shown.push(as_shown);
        }
        if original {
            self.original.push(as_shown);
        }
    }

    /// An element that holds text starts, or ends ([`Inner`]).
    pub(super) fn open(&mut self, tag: &str) {
        self.inner.open(tag);
    }

    pub(super) fn close(&mut self, tag: &str) {
        self.inner.close(tag);
    }

    /// A tag: always a space for the split reading, and for the joined one when `breaks`.
    pub(super) fn tag(&mut self, breaks: bool) {
        self.split.brk();
        if breaks {
            self.joined.brk();
            self.inner.brk();
            if !self.fused {
                self.shown.brk();
                self.original.brk();
            }
        }
        for reading in [&mut self.joined, &mut self.shown, &mut self.original] {
            reading.edge();
        }
        self.inner.edge();
    }

    /// The end of a table row: no name runs across it.
    pub(super) fn part(&mut self) {
        self.joined.part();
        self.split.part();
        self.shown.part();
        self.original.part();
        self.inner.part();
    }

    pub(super) fn aside(&mut self, t: &str) {
        self.asides.push(t);
        self.asides.brk();
        let decoded = percent_encoding::percent_decode_str(t).decode_utf8_lossy();
        if decoded != t {
            self.asides.push(&decoded);
            self.asides.brk();
        }
        if t.trim_start().starts_with("data:") {
            self.data_url(t.trim());
        }
    }

    /// A `data:` URL's content, read as a file of its own (pictures aside).
    fn data_url(&mut self, url: &str) {
        let Ok(parsed) = data_url::DataUrl::process(url) else {
            return;
        };
        let Ok((body, _)) = parsed.decode_to_vec() else {
            return;
        };
        let names = self.asides.names();
        let mut inner = Ctx::new(names);
        match super::any(&mut inner, std::io::Cursor::new(body), "data URL", None) {
            Ok(Verdict::Name) => self.embedded = Some(String::new()),
            Ok(Verdict::Unreadable(why)) if !why.contains("image") => {
                self.embedded.get_or_insert(why);
            }
            _ => {}
        }
    }

    /// Style sheet text: its strings are read run together, and `attr()` builds text.
    pub(super) fn style(&mut self, css: &str) {
        self.styles.push(&script::css_strings(css));
        if let Some(why) = script::css_refused(css) {
            self.built.get_or_insert(why);
        }
    }

    /// A page held in an attribute (`srcdoc`), read as a page of its own.
    fn page(&mut self, ctx: &Ctx<'_>, text: &str) {
        match html(ctx, text) {
            Verdict::Name => self.embedded = Some(String::new()),
            Verdict::Unreadable(why) => {
                self.embedded.get_or_insert(why);
            }
            Verdict::Clean => {}
        }
    }

    pub(super) fn found(&self) -> bool {
        self.joined.found()
            || self.split.found()
            || self.shown.found()
            || self.original.found()
            || self.inner.found()
            || self.asides.found()
            || self.styles.found()
            || self.embedded.as_deref() == Some("")
    }

    pub(super) fn finish(mut self) -> Verdict {
        let found = self.joined.finish()
            | self.split.finish()
            | self.shown.finish()
            | self.original.finish()
            | self.inner.finish()
            | self.asides.finish()
            | self.styles.finish();
        match (self.embedded, self.built) {
            _ if found => Verdict::Name,
            (Some(e), _) if e.is_empty() => Verdict::Name,
            (_, Some(why)) => Verdict::Unreadable(why.to_string()),
            (Some(why), None) => Verdict::Unreadable(format!("it holds an embedded file: {why}")),
            (None, None) => Verdict::Clean,
        }
    }
}

/// A whole markup document: XML if it declares itself so and parses, else HTML.
pub(super) fn document(ctx: &mut Ctx<'_>, text: &str) -> Verdict {
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if trimmed.starts_with("<?xml")
        && let Ok(verdict) = xml(ctx, text.as_bytes())
    {
        return verdict;
    }
    html(ctx, text)
}

/// An HTML page (or anything tag-like that is not well-formed XML). The tokenizer reads a
/// script's or a style sheet's content as text, as a browser does, rather than as tags.
/// A page that runs a script is refused ([`script`]) unless the page is the tool's own.
pub(super) fn html(ctx: &Ctx<'_>, text: &str) -> Verdict {
    let mut reading = Reading::new(ctx);
    reading.fused = true;
    if script::defines_entities(text) {
        reading.built = Some(script::ENTITIES);
    }
    let mut page = hidden::Page::new(&style_sheets(text));
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut in_style = false;
    // The text of a script that runs, kept to compare with the tool's own scripts.
    let mut in_script: Option<String> = None;
    for token in html5gum::Tokenizer::new_with_emitter(text, emitter) {
        let Ok(token) = token;
        match token {
            html5gum::Token::StartTag(tag) => {
                let name = lossy(&tag.name).to_ascii_lowercase();
                reading.tag(!INLINE.contains(&name.as_str()));
                if name == "script" {
                    let kind = tag
                        .attributes
                        .get(b"type".as_slice())
                        .map(|t| lossy(&t.value));
                    if script::runs(kind.as_deref()) {
                        in_script = Some(String::new());
                    }
                    if tag.attributes.contains_key(b"src".as_slice()) {
                        reading.built = Some(script::SCRIPT);
                    }
                }
                in_style = name == "style";
                let attributes: Vec<(String, String)> = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| (lossy(k).to_ascii_lowercase(), lossy(&v.value).into_owned()))
                    .collect();
                page.start(&name, &attributes, tag.self_closing);
                if !tag.self_closing && !hidden::VOID.contains(&name.as_str()) {
                    reading.open(&name);
                }
                start_attributes(ctx, &mut reading, &name, &attributes);
            }
            html5gum::Token::EndTag(tag) => {
                let name = lossy(&tag.name);
                reading.close(&name.to_ascii_lowercase());
                reading.tag(!INLINE.contains(&name.as_ref()));
                page.end(&name.to_ascii_lowercase());
                in_style = false;
                if let Some(code) = in_script.take()
                    && !ctx.own_scripts.contains(&code.trim())
                {
                    reading.built = Some(script::SCRIPT);
                }
                if ROWS.contains(&name.as_ref()) {
                    reading.part();
                }
            }
            html5gum::Token::String(s) => {
                let s = lossy(&s.value);
                reading.seen(&s, (page.shown(), true), page.transform());
                if let Some(code) = in_script.as_mut() {
                    code.push_str(&s);
                }
                if in_style {
                    reading.style(&s);
                }
            }
            html5gum::Token::Comment(c) => reading.aside(&lossy(&c.value)),
            html5gum::Token::Doctype(_) | html5gum::Token::Error(_) => {}
        }
        if reading.found() {
            return Verdict::Name;
        }
    }
    if in_script.is_some() {
        // A script that runs to the end of the page.
        reading.built = Some(script::SCRIPT);
    }
    reading.finish()
}

/// A start tag's attributes (names in small letters): a script, a reversed or linked
/// page refuses it; a style is read as a style sheet, `srcdoc` as a page of its own, and
/// every value as an aside.
fn start_attributes(
    ctx: &Ctx<'_>,
    reading: &mut Reading<'_>,
    name: &str,
    attributes: &[(String, String)],
) {
    for (key, value) in attributes {
        if script::attribute_runs(key, value) {
            reading.built = Some(script::SCRIPT);
        }
        if let Some(why) = script::attribute_refused(name, key, value) {
            reading.built.get_or_insert(why);
        }
        match key.as_str() {
            "style" => reading.style(value),
            "srcdoc" => reading.page(ctx, value),
            _ => {}
        }
        reading.aside(value);
    }
}

/// The text of every `<style>` of a page, wherever it stands, since a rule at the end of
/// the page hides elements before it as well.
fn style_sheets(text: &str) -> String {
    let mut css = String::new();
    let mut in_style = false;
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    for token in html5gum::Tokenizer::new_with_emitter(text, emitter) {
        let Ok(token) = token;
        match token {
            html5gum::Token::StartTag(tag) => in_style = tag.name.eq_ignore_ascii_case(b"style"),
            html5gum::Token::EndTag(_) => in_style = false,
            html5gum::Token::String(s) if in_style => css.push_str(&lossy(&s.value)),
            _ => {}
        }
    }
    css
}

fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_strings_are_joined() {
        assert_eq!(
            script::joined_strings(r#""Alf"&"ie Bro"&"oks""#),
            "Alfie Brooks"
        );
        assert_eq!(
            script::joined_strings(r#"CONCAT("Alfie"," ","Brooks")"#),
            "Alfie Brooks"
        );
    }

    #[test]
    fn header_codes_are_spaces() {
        assert_eq!(without_codes("&CJamie Fox&R&P"), " Jamie Fox  ");
        assert_eq!(without_codes("&\"Arial,Bold\"&12Jamie"), "  Jamie");
    }
}
