//! Office documents' XML parts (and any other XML) read as a person sees them.
//!
//! quick-xml streams the part; Word and Calc runs join inside a paragraph, tags are
//! spaces for the split reading, and the readings of what is shown and of what was there
//! before tracked changes follow [`super::hidden`]. A formula or a page header is held
//! until its element ends and read then; attributes are read as asides.

use std::borrow::Cow;
use std::io::BufRead;

use quick_xml::events::Event;

use super::markup::{ROWS, Reading};
use super::{Ctx, Verdict, hidden, script};

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
    "ptab",
];
/// Spreadsheet page headers and footers, whose text carries `&L`, `&C`, `&P`-style codes.
const HEADER_FOOTER: &[&str] = &[
    "oddHeader",
    "oddFooter",
    "evenHeader",
    "evenFooter",
    "firstHeader",
    "firstFooter",
];

/// An XML document or part, streamed; an error means it is not well-formed XML.
pub(super) fn xml(ctx: &Ctx<'_>, r: impl BufRead) -> Result<Verdict, quick_xml::Error> {
    let mut reader = tolerant(r);
    let mut reading = Reading::new(ctx);
    let mut paragraph = 0usize;
    let mut header_footer: Option<String> = None;
    let mut held_for = String::new();
    let mut cell = script::Cell::default();
    let mut office = hidden::Office::default();
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
                let breaks = breaks(name, paragraph);
                started(&e, (&mut reading, &mut cell, &mut office), false, breaks);
            }
            Event::Empty(e) => {
                let name = e.local_name();
                let breaks = breaks(name.as_ref(), paragraph);
                started(&e, (&mut reading, &mut cell, &mut office), true, breaks);
            }
            Event::End(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                reading.close(name);
                reading.tag(breaks(name, paragraph));
                office.end(name);
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
                None => text(&mut reading, &mut cell, &office, &t.xml10_content()),
            },
            Event::CData(t) => reading.seen(&t.into_inner(), office.seen(), office.transform()),
            Event::GeneralRef(r) => match (unescaped(&r), header_footer.as_mut()) {
                (Some(t), Some(held)) => held.push_str(&t),
                (Some(t), None) => reading.seen(&t, office.seen(), office.transform()),
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

/// A reader that takes XML as a browser would, with end tags that do not match.
fn tolerant<R: BufRead>(r: R) -> quick_xml::Reader<R> {
    let mut reader = quick_xml::Reader::from_reader(r);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    reader
}

/// An element starts (`empty` when it also ends; `breaks` when it parts the joined
/// reading): the office state, the tag, its attributes and a symbol it stands for.
fn started(
    e: &quick_xml::events::BytesStart<'_>,
    (reading, cell, office): (&mut Reading<'_>, &mut script::Cell, &mut hidden::Office),
    empty: bool,
    breaks: bool,
) {
    open(office, e, empty);
    reading.tag(breaks);
    if !empty {
        let name = e.local_name();
        reading.open(name.as_ref());
    }
    attributes(e, reading);
    symbol(e, reading, cell, office);
}

/// An element opens for `office`, with its `val` and whether it is an OpenDocument number
/// style's text, which a cell shows beside its value.
fn open(office: &mut hidden::Office, e: &quick_xml::events::BytesStart<'_>, empty: bool) {
    let name = e.local_name();
    office.start(name.as_ref(), empty, val(e).as_deref());
    let qualified = e.name();
    let qualified: &str = qualified.as_ref();
    office.number_text = !empty && qualified == "number:text";
}

/// Text in an element (not a formula or a page header, which are held).
fn text(reading: &mut Reading<'_>, cell: &mut script::Cell, office: &hidden::Office, t: &str) {
    if office.number_text && t.chars().any(char::is_alphabetic) {
        reading.built.get_or_insert(hidden::NUMBER_FORMAT);
    }
    cell.text(t);
    reading.seen(t, office.seen(), office.transform());
}

/// A symbol Word inserts (`<w:sym w:font="Symbol" w:char="F061"/>`), read as the character
/// it stands for, since it may be a letter of a word: a symbol font's characters are kept
/// at U+F000 and above, each standing for the character `F000` below it.
fn symbol(
    e: &quick_xml::events::BytesStart<'_>,
    reading: &mut Reading<'_>,
    cell: &mut script::Cell,
    office: &hidden::Office,
) {
    let name = e.local_name();
    let name: &str = name.as_ref();
    if name != "sym" {
        return;
    }
    let code = e.attributes().with_checks(false).flatten().find_map(|a| {
        let key = a.key.local_name();
        let key: &str = key.as_ref();
        (key == "char").then(|| a.value.to_string())
    });
    let Some(code) = code.and_then(|c| u32::from_str_radix(c.trim(), 16).ok()) else {
        // What it shows cannot be told: a space, as it was read before symbols were.
        reading.tag(true);
        return;
    };
    let code = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    if let Some(c) = char::from_u32(code) {
        text(reading, cell, office, &c.to_string());
    }
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
