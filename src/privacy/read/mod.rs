//! Reading any file the pack would hold as the text a person would see in it.
//!
//! The kind of file is told from its first bytes, not its name, so a renamed file or one
//! with no extension is read for what it is. Text is decoded from UTF-8, UTF-16 (by its
//! byte order mark, or by the pattern of zero bytes) or Windows-1252 ([`text`]); HTML is
//! tokenised with its tags read as spaces or joins and its entities decoded, and XML is
//! parsed ([`markup`]); office documents and zip files are opened and every part read,
//! nested documents too, within a size budget ([`container`]); PDF text layers are
//! extracted ([`pdf`]); .xls workbooks are read cell by cell. A file that cannot be read as
//! text (an image, a video, an image-only or encrypted PDF, an older Office document, an
//! unknown binary) is reported as [`Verdict::Unreadable`] with the reason, because a name
//! inside it could not be ruled out.

mod container;
mod delimited;
mod formulas;
mod hidden;
mod markup;
mod pdf;
mod pdf_layout;
mod png;
mod script;
mod text;
mod xml;

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::names::Names;
use super::scan::Scanner;
use crate::spreadsheet::package::Budget;

/// How much decompressed content one file may make the guard read, nested parts included.
pub const BUDGET: u64 = 2 * 1024 * 1024 * 1024;
/// How deep documents may nest inside documents.
pub const MAX_DEPTH: u8 = 6;
/// The largest PDF or markup file read whole.
pub const WHOLE_LIMIT: u64 = 256 * 1024 * 1024;

/// What reading a file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// It was read in full and holds no name.
    Clean,
    /// It holds a name (which is never said).
    Name,
    /// It could not be read as text; the reason says why, in words for the school.
    Unreadable(String),
}

/// The state of one file's reading: the names, what is left of the budget and how deep.
pub(crate) struct Ctx<'n> {
    names: &'n Names,
    budget: Budget,
    depth: u8,
    /// The scripts of the tool's own pages: such a script only copies text the page
    /// already shows, and the school's text in the page is escaped, so it is no reason to
    /// refuse the page. Any other script is.
    own_scripts: &'n [&'n str],
}

impl<'n> Ctx<'n> {
    fn new(names: &'n Names) -> Self {
        Ctx {
            names,
            budget: Budget::new(BUDGET),
            depth: 0,
            own_scripts: &[],
        }
    }

    fn spend(&mut self, bytes: u64) -> Result<(), Verdict> {
        self.budget.spend(bytes).map_err(|_| Self::too_much())
    }

    /// The verdict on a file that unpacks to more than [`BUDGET`].
    fn too_much() -> Verdict {
        Verdict::Unreadable("it unpacks to more than 2 GB, too much to search".into())
    }

    fn scanner(&self) -> Scanner<'n> {
        Scanner::new(self.names)
    }
}

/// Whether a short text (a file or folder name, a line of a report) holds a name.
pub fn text_holds_name(names: &Names, text: &str) -> bool {
    names.found_in(text)
}

/// Reads a file on disk.
pub fn file(names: &Names, path: &Path) -> std::io::Result<Verdict> {
    let f = std::fs::File::open(path)?;
    let hint = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut ctx = Ctx::new(names);
    let verdict = any(&mut ctx, std::io::BufReader::new(f), &hint, Some(path))?;
    if verdict != Verdict::Name {
        // A workbook shows what its formulas give when it opens, not what was saved; the
        // formulas' own verdict names the sheet and cell, so it is said first.
        return Ok(formulas::judge(names, path).unwrap_or(verdict));
    }
    Ok(verdict)
}

/// Reads every byte of a file as if it were text, in UTF-8 and in Windows-1252: for a file
/// that cannot be read as a document (a photo, a video) but that a person has looked at, so
/// that a name in its hidden metadata (a title, an author, a caption) is still found.
///
/// Metadata sits at the start or the end of a media file, so of a large one only the first
/// and last [`RAW_EDGE`] bytes are read, keeping a checked video quick to pack.
pub fn raw(names: &Names, path: &Path) -> std::io::Result<bool> {
    let mut f = std::fs::File::open(path)?;
    let size = f.metadata()?.len();
    let spans = if size > 4 * RAW_EDGE {
        vec![(0, RAW_EDGE), (size - RAW_EDGE, RAW_EDGE)]
    } else {
        vec![(0, size)]
    };
    for (start, len) in spans {
        f.seek(SeekFrom::Start(start))?;
        let mut bytes = Vec::new();
        (&mut f).take(len).read_to_end(&mut bytes)?;
        // Metadata is stored as ASCII or UTF-8 text among the binary: read both ways, with
        // the binary bytes as spaces so they do not run on into the words.
        let ascii: String = bytes
            .iter()
            .map(|&b| {
                if b.is_ascii_alphanumeric() || b" ,.'-".contains(&b) {
                    b as char
                } else {
                    ' '
                }
            })
            .collect();
        // Windows writes a photo's title and comments as UTF-16 (EXIF XPTitle).
        let utf16 = |from: usize| {
            encoding_rs::UTF_16LE
                .decode_without_bom_handling(bytes.get(from..).unwrap_or_default())
                .0
                .into_owned()
        };
        if names.found_in(&ascii)
            || names.found_in(&String::from_utf8_lossy(&bytes))
            || names.found_in(&utf16(0))
            || names.found_in(&utf16(1))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// How much of each end of a large media file [`raw`] reads.
pub const RAW_EDGE: u64 = 1024 * 1024;

/// Reads every byte of an older Office file as UTF-16 and as Windows-1252 text, the two ways
/// it stores strings, so text outside its cells (comments, page headers) is searched too.
pub fn raw_utf16(names: &Names, path: &Path) -> std::io::Result<bool> {
    let bytes = std::fs::read(path)?;
    // Binary bytes next to a string would run on into its words: read the plain ASCII too.
    let ascii: String = bytes
        .iter()
        .map(|&b| {
            if b.is_ascii_graphic() || b == b' ' {
                b as char
            } else {
                ' '
            }
        })
        .collect();
    let mut scanner = Scanner::new(names);
    scanner.push(&markup::without_codes(&ascii));
    if scanner.finish() {
        return Ok(true);
    }
    for encoding in [encoding_rs::UTF_16LE, encoding_rs::WINDOWS_1252] {
        for offset in [0, 1] {
            let Some(from) = bytes.get(offset..) else {
                continue;
            };
            let mut scanner = Scanner::new(names);
            let text = encoding.decode_without_bom_handling(from).0;
            scanner.push(&text);
            // Page headers and footers keep their `&C`-style codes.
            scanner.brk();
            scanner.push(&markup::without_codes(&text));
            if scanner.finish() {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Reads bytes made in memory (a report, a summary workbook), named `hint`.
pub fn bytes(names: &Names, bytes: &[u8], hint: &str) -> Verdict {
    output(names, bytes, hint, &[])
}

/// Reads an output the tool made, whose pages may run `own_scripts` (the scripts of its
/// templates, word for word) and no other.
pub fn output(names: &Names, bytes: &[u8], hint: &str, own_scripts: &[&str]) -> Verdict {
    let mut ctx = Ctx::new(names);
    ctx.own_scripts = own_scripts;
    any(&mut ctx, std::io::Cursor::new(bytes), hint, None)
        .unwrap_or_else(|e| Verdict::Unreadable(format!("it could not be read ({e})")))
}

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Zip,
    Pdf,
    OldOffice,
    Media(&'static str),
    Text(&'static encoding_rs::Encoding),
    Binary,
}

/// Reads anything: tells what it is, then reads it that way.
pub(crate) fn any<R: Read + Seek>(
    ctx: &mut Ctx<'_>,
    mut r: R,
    hint: &str,
    path: Option<&Path>,
) -> std::io::Result<Verdict> {
    let mut head = Vec::with_capacity(8192);
    (&mut r).take(8192).read_to_end(&mut head)?;
    r.seek(SeekFrom::Start(0))?;
    Ok(match sniff(&head) {
        Format::Zip => container::zip(ctx, r, hint),
        Format::Pdf => pdf::read(ctx, r),
        Format::OldOffice => container::old_office(ctx, path, hint),
        Format::Media(what) => Verdict::Unreadable(format!(
            "it is {what}, which has no text that selfreview can search"
        )),
        Format::Text(encoding) => text::read(ctx, r, encoding, &head, hint)?,
        Format::Binary => Verdict::Unreadable(
            "it is not text, and not a kind of document selfreview can read".into(),
        ),
    })
}

/// Tells a file's kind from its first bytes.
pub(crate) fn sniff(head: &[u8]) -> Format {
    const MEDIA: &[(&[u8], usize, &str)] = &[
        (b"\x89PNG", 0, "an image"),
        (b"\xFF\xD8\xFF", 0, "an image"),
        (b"GIF8", 0, "an image"),
        (b"II*\0", 0, "an image"),
        (b"MM\0*", 0, "an image"),
        (b"WEBP", 8, "an image"),
        (b"\0\0\x01\0", 0, "an image"),
        (b"\xD7\xCD\xC6\x9A", 0, "an image"),
        (b" EMF", 40, "an image"),
        (b"8BPS", 0, "an image"),
        (b"ftyp", 4, "a video or sound recording"),
        (b"\x1A\x45\xDF\xA3", 0, "a video"),
        (b"AVI ", 8, "a video"),
        (b"WAVE", 8, "a sound recording"),
        (b"ID3", 0, "a sound recording"),
        (b"OggS", 0, "a sound or video recording"),
        (b"fLaC", 0, "a sound recording"),
        (b"\0\0\x01\xBA", 0, "a video"),
        (b"0&\xB2u", 0, "a video or sound recording"),
    ];
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Format::Zip;
    }
    if head.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Format::Pdf;
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Format::OldOffice;
    }
    if head.starts_with(b"BM") && head.len() > 14 && head[6..10] == [0, 0, 0, 0] {
        return Format::Media("an image");
    }
    if head.starts_with(b"\xFF\xFB") || head.starts_with(b"\xFF\xF3") {
        return Format::Media("a sound recording");
    }
    for (magic, at, what) in MEDIA {
        if head.len() >= at + magic.len() && &head[*at..at + magic.len()] == *magic {
            return Format::Media(what);
        }
    }
    text::sniff(head).map_or(Format::Binary, Format::Text)
}

#[cfg(test)]
mod tests;
