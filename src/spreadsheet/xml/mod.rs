//! Reading the XML inside xlsx and ods files as a stream of pieces without building a tree,
//! so that a file can be looked through before calamine reads it.
//!
//! The pieces come from quick-xml, the parser calamine reads these files with, set up as
//! calamine sets it up (except that an element closing itself, `<a/>`, is left as one piece),
//! so the look sees the XML as calamine will. quick-xml hands out each piece whole, appending
//! it to a buffer, so left to itself it would hold a giant piece before the look could refuse
//! it. It therefore reads through [`capped::Capped`], a `BufRead` that hands it no more than
//! one piece's worth of bytes ([`MAX_PIECE`], with the piece's brackets) between two pieces and
//! no more than [`MAX_CONTENT`] in all, and fails the read past either cap; the buffer is
//! reused from piece to piece. Text is counted, not kept, and a run of text is one piece
//! however many escapes (`&amp;`) split it. quick-xml also keeps the names of the elements
//! still open, so those are counted too, as one piece. Past a cap the look ends with a
//! [`Refusal`]: calamine's reader would hold such a piece whole, so it is itself a cost worth
//! refusing.
//!
//! Content that ends part-way, even inside a tag, or that fails to unpack (as a file cut short
//! does), ends the look as the end of the content does, so that an unfinished sheet is
//! refused as such. XML that quick-xml cannot read before the content ends stops calamine's
//! reader with an error at that place; the look stops there too, and [`Pieces::broken`] says
//! so, leaving calamine to report the damage in its own words.

use std::borrow::Cow;
use std::io::Read;

use quick_xml::events::{BytesEnd, BytesStart, Event};

use super::{Error, Format};

mod capped;

use capped::Capped;

/// The longest single tag, text run or comment we follow. calamine's XML reader holds one
/// such piece whole, so a longer one is itself a cost worth refusing.
pub const MAX_PIECE: usize = 16 << 20;
/// The most unpacked content we stream through before giving up on the file.
pub const MAX_CONTENT: u64 = 2 << 30;

/// quick-xml keeps each open element's name and where it starts.
const HELD_PER_OPEN: u64 = std::mem::size_of::<usize>() as u64;

/// Why the content could not be surveyed to the end.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A single tag, text or comment is longer than [`MAX_PIECE`].
    Piece,
    /// The content unpacks to more than [`MAX_CONTENT`].
    Content,
    /// The content stops part-way through the named sheet, where calamine would wait for the
    /// sheet's end for ever.
    Unfinished(String),
}

impl Refusal {
    /// The error to report for a file of `format`.
    pub fn into_error(self, format: Format) -> Error {
        match self {
            Refusal::Piece => Error::PieceTooLong { format },
            Refusal::Content => Error::ContentTooLarge { format },
            Refusal::Unfinished(sheet) => Error::Unfinished { sheet },
        }
    }
}

/// One piece of the XML: a start tag (and whether it closes itself), an end tag, the length
/// of some text between tags, or something the look passes over (a comment, a processing
/// instruction, a declaration or a CDATA section).
#[derive(Debug)]
pub enum Piece<'a> {
    /// A start tag, or an element that closes itself.
    Open {
        /// The tag.
        tag: Tag<'a>,
        /// Whether it closes itself (`<a/>`).
        closed: bool,
    },
    /// An end tag.
    Close(End<'a>),
    /// Text, as many bytes as it is written with (escapes as written).
    Text(u64),
    /// A comment, processing instruction, declaration or CDATA section.
    Aside,
}

/// A start tag: its name and attributes as written.
#[derive(Debug)]
pub struct Tag<'a>(BytesStart<'a>);

impl Tag<'_> {
    /// The element's name, with its namespace prefix.
    pub fn name(&self) -> &str {
        self.0.name().0
    }

    /// The element's name without its namespace prefix, as calamine matches it.
    pub fn local_name(&self) -> &str {
        self.0.local_name().into_inner()
    }

    /// The value of attribute `key` as written, escapes and all.
    pub fn attr(&self, key: &str) -> Option<Cow<'_, str>> {
        self.0
            .try_get_attribute(key)
            .ok()
            .flatten()
            .map(|a| a.value)
    }

    /// The value of attribute `key` with its escapes decoded, as calamine decodes it; as
    /// written when an escape is unknown.
    pub fn unescaped_attr(&self, key: &str) -> Option<String> {
        let raw = self.attr(key)?;
        Some(match quick_xml::escape::unescape(&raw) {
            Ok(text) => text.into_owned(),
            Err(_) => raw.into_owned(),
        })
    }

    /// The bytes between the tag's brackets (less the `/` of a tag that closes itself).
    pub fn size(&self) -> u64 {
        self.0.len() as u64
    }
}

/// An end tag.
#[derive(Debug)]
pub struct End<'a>(BytesEnd<'a>);

impl End<'_> {
    /// The element's name, with its namespace prefix.
    pub fn name(&self) -> &str {
        self.0.name().0
    }
}

/// Splits XML into pieces without building a tree, holding one piece at a time.
pub struct Pieces<R> {
    reader: quick_xml::Reader<Capped<R>>,
    buf: Vec<u8>,
    max_piece: u64,
    /// The bytes of the run of text being read.
    run: u64,
    /// The length of each open element's name, innermost last.
    open: Vec<u32>,
    /// What quick-xml holds for the open elements.
    held: u64,
    /// The XML has ended, or reading it has stopped.
    ended: bool,
    /// It stopped at XML that cannot be read, before the content ended.
    broken: bool,
}

impl<R: Read> Pieces<R> {
    /// Pieces of the XML `input`, within [`MAX_PIECE`] and [`MAX_CONTENT`].
    pub fn new(input: R) -> Self {
        Self::with_caps(input, MAX_PIECE, MAX_CONTENT)
    }

    fn with_caps(input: R, max_piece: usize, max_content: u64) -> Self {
        // A piece's own bytes and its two brackets.
        let room = max_piece.saturating_add(2);
        let mut reader = quick_xml::Reader::from_reader(Capped::new(input, room, max_content));
        // As calamine sets up its reader for sheets and shared text.
        let config = reader.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        Pieces {
            reader,
            buf: Vec::with_capacity(64 << 10),
            max_piece: max_piece as u64,
            run: 0,
            open: Vec::new(),
            held: 0,
            ended: false,
            broken: false,
        }
    }

    /// The next piece, `None` at the end of the XML or where it can no longer be read.
    pub fn next(&mut self) -> Result<Option<Piece<'_>>, Refusal> {
        if self.ended {
            return Ok(None);
        }
        self.reader.get_mut().start_piece();
        self.buf.clear();
        let event = match self.reader.read_event_into(&mut self.buf) {
            Ok(event) => event,
            Err(_) => {
                self.ended = true;
                if let Some(refusal) = self.reader.get_mut().refused() {
                    return Err(refusal);
                }
                self.broken = !self.reader.get_ref().at_end();
                return Ok(None);
            }
        };
        let text = match &event {
            Event::Text(t) => Some(t.len() as u64),
            // An escape is written `&name;`.
            Event::GeneralRef(r) => Some(r.len() as u64 + 2),
            _ => None,
        };
        if let Some(len) = text {
            self.run = self.run.saturating_add(len);
            if self.run > self.max_piece {
                return Err(Refusal::Piece);
            }
            return Ok(Some(Piece::Text(len)));
        }
        self.run = 0;
        Ok(Some(match event {
            Event::Start(e) => {
                let name = e.name().0.len();
                self.open.push(u32::try_from(name).unwrap_or(u32::MAX));
                self.held = self.held.saturating_add(name as u64 + HELD_PER_OPEN);
                if self.held > self.max_piece {
                    return Err(Refusal::Piece);
                }
                Piece::Open {
                    tag: Tag(e),
                    closed: false,
                }
            }
            Event::Empty(e) => Piece::Open {
                tag: Tag(e),
                closed: true,
            },
            Event::End(e) => {
                if let Some(name) = self.open.pop() {
                    self.held = self.held.saturating_sub(u64::from(name) + HELD_PER_OPEN);
                }
                Piece::Close(End(e))
            }
            Event::Eof => {
                self.ended = true;
                return Ok(None);
            }
            _ => Piece::Aside,
        }))
    }

    /// Whether reading stopped before the content ended, at XML that cannot be read, where
    /// calamine's reader stops with an error too rather than wait for more.
    pub fn broken(&self) -> bool {
        self.broken
    }
}

#[cfg(test)]
mod tests;
