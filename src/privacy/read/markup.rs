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
use std::io::BufRead;

use quick_xml::events::Event;

use super::{Ctx, Verdict, hidden, script};
use crate::privacy::scan::Scanner;
use crate::privacy::shown::INLINE;

/// XML elements that hold a paragraph of text, inside which runs join.
const PARAGRAPHS: &[&str] = &["p", "h", "si", "is", "title", "li", "text"];
/// XML elements inside a paragraph that stand for a space, a tab or a line break.
const SPACES: &[&str] = &[
    "tab",
    "br",
    "cr",
    "s",
    "line-break",
    "noBreakHyphen",
    "sym",
    "ptab",
];
/// Table rows (HTML, Word, spreadsheets, OpenDocument): the last cell of one row and the
/// first of the next are not one name ("… | April" then "Green Flag | …").
const ROWS: &[&str] = &["tr", "row", "table-row"];
/// Spreadsheet page headers and footers, whose text carries `&L`, `&C`, `&P`-style codes.
const HEADER_FOOTER: &[&str] = &[
    "oddHeader",
    "oddFooter",
    "evenHeader",
    "evenFooter",
    "firstHeader",
    "firstFooter",
];

/// The text of one document read three ways: runs joined, every tag a space, and the
/// asides (attributes, comments) each on their own.
struct Reading<'n> {
    joined: Scanner<'n>,
    split: Scanner<'n>,
    /// What a reader sees ([`hidden`]), and the text before its tracked changes.
    shown: Scanner<'n>,
    original: Scanner<'n>,
    /// Whether `shown` and `original` run on across every tag, as in a web page, where a
    /// style sheet can make any element inline.
    fused: bool,
    asides: Scanner<'n>,
    /// A page's style strings run together.
    styles: Scanner<'n>,
    embedded: Option<String>,
    /// Why what the page shows cannot be read from it: it runs a script, or its style
    /// sheet shows attributes' text.
    built: Option<&'static str>,
}

impl<'n> Reading<'n> {
    fn new(ctx: &Ctx<'n>) -> Self {
        Reading {
            joined: ctx.scanner(),
            split: ctx.scanner(),
            shown: ctx.scanner(),
            original: ctx.scanner(),
            fused: false,
            asides: ctx.scanner(),
            styles: ctx.scanner(),
            embedded: None,
            built: None,
        }
    }

    fn text(&mut self, t: &str) {
        self.seen(t, true, true);
    }

    /// Text that is shown, or was there before the tracked changes, or neither.
    fn seen(&mut self, t: &str, shown: bool, original: bool) {
        self.joined.push(t);
        self.split.push(t);
        if shown {
            self.shown.push(t);
        }
        if original {
            self.original.push(t);
        }
    }

    /// A tag: always a space for the split reading, and for the joined one when `breaks`.
    fn tag(&mut self, breaks: bool) {
        self.split.brk();
        if breaks {
            self.joined.brk();
            if !self.fused {
                self.shown.brk();
                self.original.brk();
            }
        }
    }

    /// The end of a table row: no name runs across it.
    fn part(&mut self) {
        self.joined.part();
        self.split.part();
        self.shown.part();
        self.original.part();
    }

    fn aside(&mut self, t: &str) {
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
    fn style(&mut self, css: &str) {
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

    fn found(&self) -> bool {
        self.joined.found()
            || self.split.found()
            || self.shown.found()
            || self.original.found()
            || self.asides.found()
            || self.styles.found()
            || self.embedded.as_deref() == Some("")
    }

    fn finish(mut self) -> Verdict {
        let found = self.joined.finish()
            | self.split.finish()
            | self.shown.finish()
            | self.original.finish()
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
                for (key, value) in &tag.attributes {
                    let (key, value) = (lossy(key), lossy(&value.value));
                    if script::attribute_runs(&key, &value) {
                        reading.built = Some(script::SCRIPT);
                    }
                    if let Some(why) = script::attribute_refused(&name, &key, &value) {
                        reading.built.get_or_insert(why);
                    }
                    match key.to_ascii_lowercase().as_str() {
                        "style" => reading.style(&value),
                        "srcdoc" => reading.page(ctx, &value),
                        _ => {}
                    }
                    reading.aside(&value);
                }
            }
            html5gum::Token::EndTag(tag) => {
                let name = lossy(&tag.name);
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
                reading.seen(&s, page.shown(), true);
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

/// An XML document or part, streamed; an error means it is not well-formed XML.
pub(super) fn xml(ctx: &Ctx<'_>, r: impl BufRead) -> Result<Verdict, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_reader(r);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut reading = Reading::new(ctx);
    let mut paragraph = 0usize;
    let mut header_footer: Option<String> = None;
    let mut held_for = String::new();
    let mut cell = script::Cell::default();
    let mut office = hidden::Office::default();
    // Inside an OpenDocument number style's text, which a cell shows beside its value.
    let mut number_text = false;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if HEADER_FOOTER.contains(&name) || name == "f" {
                    held_for = name.to_string();
                    header_footer = Some(String::new());
                }
                if PARAGRAPHS.contains(&name) {
                    paragraph += 1;
                }
                cell.start(name);
                office.start(name, false, val(&e).as_deref());
                let qualified = e.name();
                let qualified: &str = qualified.as_ref();
                number_text = qualified == "number:text";
                reading.tag(breaks(name, paragraph));
                attributes(&e, &mut reading);
            }
            Event::Empty(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                office.start(name, true, val(&e).as_deref());
                reading.tag(breaks(name, paragraph));
                attributes(&e, &mut reading);
            }
            Event::End(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                reading.tag(breaks(name, paragraph));
                office.end(name);
                number_text = false;
                if ROWS.contains(&name) {
                    reading.part();
                }
                if let Some(why) = cell.end(name) {
                    reading.built.get_or_insert(why);
                }
                if PARAGRAPHS.contains(&name) {
                    paragraph = paragraph.saturating_sub(1);
                }
                if let Some(text) = header_footer.take() {
                    held(&mut reading, &mut cell, &held_for, &text);
                }
            }
            Event::Text(t) => match header_footer.as_mut() {
                Some(held) => held.push_str(&t.xml10_content()),
                None => {
                    if number_text && t.xml10_content().chars().any(char::is_alphabetic) {
                        reading.built.get_or_insert(hidden::NUMBER_FORMAT);
                    }
                    cell.text(&t.xml10_content());
                    reading.seen(&t.xml10_content(), office.shown(), office.original());
                }
            },
            Event::CData(t) => reading.seen(&t.into_inner(), office.shown(), office.original()),
            Event::GeneralRef(r) => match (unescaped(&r), header_footer.as_mut()) {
                (Some(t), Some(held)) => held.push_str(&t),
                (Some(t), None) => reading.seen(&t, office.shown(), office.original()),
                (None, _) => {}
            },
            Event::Comment(c) => reading.aside(&c.into_inner()),
            Event::Eof => break,
            Event::PI(p) if p.trim_ascii_start().starts_with("xml-stylesheet") => {
                reading.built.get_or_insert(script::LINKED);
            }
            Event::DocType(d) if script::defines_entities(&d) => {
                reading.built.get_or_insert(script::ENTITIES);
            }
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
        if reading.found() {
            return Ok(Verdict::Name);
        }
    }
    if office.style_hides {
        reading.built.get_or_insert(hidden::STYLE_HIDES);
    }
    Ok(reading.finish())
}

/// An element's `val` attribute (`<w:vanish w:val="0"/>`), whatever its prefix.
fn val(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| {
            let key = a.key.local_name();
            let key: &str = key.as_ref();
            key == "val"
        })
        .map(|a| a.value.to_string())
}

/// A formula or a page header or footer, read when its element ends.
fn held(reading: &mut Reading<'_>, cell: &mut script::Cell, held_for: &str, text: &str) {
    if held_for == "f" {
        // A formula whose result may never have been saved: its strings, joined as the
        // formula joins them.
        reading.text(text);
        reading.tag(true);
        reading.text(&script::joined_strings(text));
        cell.formula(text);
    } else {
        reading.text(&without_codes(text));
    }
    reading.tag(true);
}

/// What an escape (`&amp;`, `&#233;`) stands for, as quick-xml decodes it; `None` for a name
/// XML does not define.
fn unescaped(r: &quick_xml::events::BytesRef<'_>) -> Option<Cow<'static, str>> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Some(Cow::Owned(c.to_string())),
        _ => quick_xml::escape::resolve_xml_entity(r).map(Cow::Borrowed),
    }
}

/// Whether an element's start or end parts the text for the joined reading: outside a
/// paragraph every element does; inside one only paragraphs and spaces do.
fn breaks(name: &str, paragraph: usize) -> bool {
    paragraph == 0 || PARAGRAPHS.contains(&name) || SPACES.contains(&name)
}

/// A page header or footer's text with its codes (`&L`, `&C`, `&R`, `&P`, `&"Arial,Bold"`,
/// `&12`) turned into spaces.
pub(super) fn without_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '&' {
            out.push(c);
            continue;
        }
        out.push(' ');
        match chars.next() {
            Some('"') => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            Some(d) if d.is_ascii_digit() => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
            }
            Some('&') => out.push('&'),
            _ => {}
        }
    }
    out
}

/// An XML element's attributes, read as asides; a script element, an event handler or a
/// script link (an SVG picture or an XHTML page may hold them) refuses the document.
fn attributes(e: &quick_xml::events::BytesStart<'_>, reading: &mut Reading<'_>) {
    let name = e.local_name();
    let name: &str = name.as_ref();
    if name.eq_ignore_ascii_case("script") {
        reading.built = Some(script::SCRIPT);
    }
    for a in e.attributes().with_checks(false).flatten() {
        let value = match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
            Ok(v) => v.into_owned(),
            Err(_) => a.value.to_string(),
        };
        let key = a.key.local_name();
        let key: &str = key.as_ref();
        if script::attribute_runs(key, &value) {
            reading.built = Some(script::SCRIPT);
        }
        if let Some(why) = script::attribute_refused(name, key, &value) {
            reading.built.get_or_insert(why);
        }
        if key == "style" {
            reading.style(&value);
        }
        if name == "numFmt" && key == "formatCode" && hidden::format_adds_letters(&value) {
            reading.built.get_or_insert(hidden::NUMBER_FORMAT);
        }
        if key == "formula" && script::refused_formula(&value) {
            reading.built.get_or_insert(script::FORMULA);
        }
        if name == "text-properties" && hidden::odf_hides(key, &value) {
            reading.built.get_or_insert(hidden::STYLE_HIDES);
        }
        reading.aside(&value);
    }
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
