//! Web pages and XML read as a person sees them.
//!
//! HTML goes through html5gum, a tokenizer that follows the WHATWG specification, so
//! entities (`&nbsp;`, `&#39;`, `&Ouml;`) arrive decoded and broken markup is tolerated as a
//! browser tolerates it. XML goes through quick-xml, which the spreadsheet reader already
//! brings in. In both, text inside a paragraph runs on across inline markup ("<b>Ja</b>mie"
//! and a Word run split mid-word read as "Jamie"), while the end of a paragraph, a cell or a
//! line break is a space. Attribute values, alternative text and comments are read too, each
//! on its own.

use std::borrow::Cow;
use std::io::BufRead;

use quick_xml::events::Event;

use super::{Ctx, Verdict};
use crate::privacy::scan::Scanner;

/// HTML elements that do not break the text they sit in.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
];

/// XML elements that hold a paragraph of text, inside which runs join.
const PARAGRAPHS: &[&str] = &["p", "h", "si", "is", "title", "li"];
/// XML elements inside a paragraph that stand for a space, a tab or a line break.
const SPACES: &[&str] = &[
    "tab",
    "br",
    "cr",
    "s",
    "line-break",
    "noBreakHyphen",
    "softHyphen",
    "sym",
    "ptab",
];

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

/// An HTML page (or anything tag-like that is not well-formed XML).
pub(super) fn html(ctx: &Ctx<'_>, text: &str) -> Verdict {
    let mut body = ctx.scanner();
    let mut asides = ctx.scanner();
    for token in html5gum::Tokenizer::new(text) {
        let Ok(token) = token;
        match token {
            html5gum::Token::StartTag(tag) => {
                if !INLINE.contains(&lossy(&tag.name).as_ref()) {
                    body.brk();
                }
                for value in tag.attributes.values() {
                    asides.push(&lossy(&value.value));
                    asides.brk();
                }
            }
            html5gum::Token::EndTag(tag) => {
                if !INLINE.contains(&lossy(&tag.name).as_ref()) {
                    body.brk();
                }
            }
            html5gum::Token::String(s) => body.push(&lossy(&s.value)),
            html5gum::Token::Comment(c) => {
                asides.push(&lossy(&c.value));
                asides.brk();
            }
            html5gum::Token::Doctype(_) | html5gum::Token::Error(_) => {}
        }
        if body.found() || asides.found() {
            return Verdict::Name;
        }
    }
    verdict(&mut [body, asides])
}

fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

fn verdict(scanners: &mut [Scanner<'_>]) -> Verdict {
    let mut found = false;
    for s in scanners {
        found |= s.finish();
    }
    if found { Verdict::Name } else { Verdict::Clean }
}

/// An XML document or part, streamed; an error means it is not well-formed XML.
pub(super) fn xml(ctx: &Ctx<'_>, r: impl BufRead) -> Result<Verdict, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_reader(r);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut body = ctx.scanner();
    let mut asides = ctx.scanner();
    let mut paragraph = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if PARAGRAPHS.contains(&name) {
                    paragraph += 1;
                    body.brk();
                } else if paragraph == 0 || SPACES.contains(&name) {
                    body.brk();
                }
                attributes(&e, &mut asides);
            }
            Event::Empty(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if paragraph == 0 || SPACES.contains(&name) || PARAGRAPHS.contains(&name) {
                    body.brk();
                }
                attributes(&e, &mut asides);
            }
            Event::End(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if PARAGRAPHS.contains(&name) {
                    paragraph = paragraph.saturating_sub(1);
                    body.brk();
                } else if paragraph == 0 || SPACES.contains(&name) {
                    body.brk();
                }
            }
            Event::Text(t) => body.push(&t.xml10_content()),
            Event::CData(t) => body.push(&t.into_inner()),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    body.push(c.encode_utf8(&mut [0u8; 4]));
                } else if let Some(s) = quick_xml::escape::resolve_xml_entity(&r.into_inner()) {
                    body.push(s);
                }
            }
            Event::Comment(c) => {
                asides.push(&c.into_inner());
                asides.brk();
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
        if body.found() || asides.found() {
            return Ok(Verdict::Name);
        }
    }
    Ok(verdict(&mut [body, asides]))
}

fn attributes(e: &quick_xml::events::BytesStart<'_>, scanner: &mut Scanner<'_>) {
    for a in e.attributes().with_checks(false).flatten() {
        match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
            Ok(v) => scanner.push(&v),
            Err(_) => scanner.push(&a.value),
        }
        scanner.brk();
    }
}
