//! Zip files and the office documents built on them, and older Office files.
//!
//! docx, xlsx, pptx, odt and ods are zip files of XML parts: every part is read (the body,
//! headers and footers, comments, notes, shared text, document properties), with Word and
//! Calc runs joined inside a paragraph; the name of every part is read too. Documents
//! embedded in a document, and files inside a plain zip, are read in turn as whatever they
//! are, up to [`super::MAX_DEPTH`] deep and within [`super::BUDGET`] bytes unpacked, each
//! part charged to the budget before it is read ([`crate::spreadsheet::package`], which the
//! spreadsheet reader opens office documents with too).
//! What a part is, is told from its bytes, not its name or folder: a part that is text,
//! XML, a zip or a PDF is read wherever it is stored (`word/media/`, `Pictures/`, a
//! thumbnail's name). Pictures are not looked at, but a PNG's text chunks are read
//! ([`super::png`]); binary fonts and printer settings stored where an office document keeps
//! them are its furniture and are passed over; anything else that cannot be read makes the
//! whole file unreadable. Of the older Office formats only .xls workbooks can be read, cell by cell,
//! through the spreadsheet reader the import uses.

use std::io::{Cursor, Read, Seek};
use std::path::Path;

use super::{Ctx, Format, MAX_DEPTH, Verdict, WHOLE_LIMIT, any, markup, png, sniff, text};
use crate::spreadsheet::package::{Package, PartError};

/// A zip file or office document.
pub(super) fn zip<R: Read + Seek>(ctx: &mut Ctx<'_>, r: R, hint: &str) -> Verdict {
    let Some(mut package) = Package::open(r) else {
        return Verdict::Unreadable(format!("`{hint}` looks like a zip file but is damaged"));
    };
    if ctx.depth >= MAX_DEPTH {
        return Verdict::Unreadable("it holds documents nested too deeply to search".into());
    }
    ctx.depth += 1;
    let verdict = entries(ctx, &mut package);
    ctx.depth -= 1;
    verdict
}

fn entries<R: Read + Seek>(ctx: &mut Ctx<'_>, package: &mut Package<R>) -> Verdict {
    let office = package.is_office_document();
    let named = package.names().any(|n| ctx.names.found_in(&n));
    if named
        || ctx
            .names
            .found_in(&String::from_utf8_lossy(package.comment()))
    {
        return Verdict::Name;
    }
    let mut unreadable: Option<String> = None;
    for i in 0..package.len() {
        let entry = match package.part(i) {
            Ok(e) => e,
            Err(PartError::Unsupported(why)) => {
                unreadable.get_or_insert(format!("part of it cannot be opened ({why})"));
                continue;
            }
            Err(_) => return Verdict::Unreadable("it is a damaged zip file".into()),
        };
        if entry.is_dir() {
            continue;
        }
        if entry.encrypted() {
            unreadable.get_or_insert("part of it is password protected".into());
            continue;
        }
        let name = entry.name().into_owned();
        if ctx.names.found_in(entry.comment()) {
            return Verdict::Name;
        }
        let Ok(contents) = entry.read_within(&mut ctx.budget) else {
            return Ctx::too_much();
        };
        match part(ctx, contents, &name, office) {
            Ok(Verdict::Name) => return Verdict::Name,
            Ok(Verdict::Clean) => {}
            Ok(Verdict::Unreadable(why)) => {
                unreadable.get_or_insert(format!("its part `{name}`: {why}"));
            }
            Err(e) => {
                unreadable.get_or_insert(format!("its part `{name}` cannot be unpacked ({e})"));
            }
        }
    }
    unreadable.map_or(Verdict::Clean, Verdict::Unreadable)
}

/// Furniture of an office document: pictures, fonts, printer settings, thumbnails.
fn furniture(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        "/media/",
        "pictures/",
        "thumbnail",
        "/fonts/",
        "printersettings",
    ]
    .iter()
    .any(|p| lower.contains(p) || lower.starts_with(p.trim_start_matches('/')))
}

fn part(
    ctx: &mut Ctx<'_>,
    mut entry: impl Read,
    name: &str,
    office: bool,
) -> std::io::Result<Verdict> {
    let mut head = Vec::with_capacity(8192);
    (&mut entry).take(8192).read_to_end(&mut head)?;
    let format = sniff(&head);
    let rest = Cursor::new(head.clone()).chain(entry);
    match format {
        // A picture is not looked at, but the details a PNG carries as text are read.
        Format::Media(_) if office => {
            let mut whole = Vec::new();
            rest.take(WHOLE_LIMIT).read_to_end(&mut whole)?;
            Ok(png::read(ctx, &whole))
        }
        // Fonts and printer settings are binary furniture; a part stored beside them that
        // is text, XML or a document is read below, wherever it is stored.
        Format::Binary if office && furniture(name) => Ok(Verdict::Clean),
        Format::Text(encoding) if head.starts_with(b"<?xml") || head.starts_with(b"<") => {
            if encoding == encoding_rs::UTF_8 {
                match markup::xml(ctx, std::io::BufReader::new(rest)) {
                    Ok(v) => Ok(v),
                    Err(_) => Ok(Verdict::Unreadable("it is not well-formed XML".into())),
                }
            } else {
                text::read(ctx, rest, encoding, &head, name)
            }
        }
        Format::Text(encoding) => text::read(ctx, rest, encoding, &head, name),
        _ => {
            let mut whole = Vec::new();
            rest.take(WHOLE_LIMIT + 1).read_to_end(&mut whole)?;
            if whole.len() as u64 > WHOLE_LIMIT {
                return Ok(Verdict::Unreadable("it is too large to search".into()));
            }
            any(ctx, Cursor::new(whole), name, None)
        }
    }
}

/// An older Office file (a compound file): an .xls workbook on disk is read cell by cell;
/// anything else is unreadable.
pub(super) fn old_office(ctx: &mut Ctx<'_>, path: Option<&Path>, hint: &str) -> Verdict {
    let is_xls = hint.to_ascii_lowercase().ends_with(".xls");
    let Some(path) = path.filter(|_| is_xls) else {
        return Verdict::Unreadable(
            "it is an older Office document (such as .doc or .ppt) or a password-protected one, which selfreview cannot search; save it as .docx, .pptx, .xlsx or PDF".into(),
        );
    };
    let read = crate::spreadsheet::guarded(|| -> Result<Verdict, crate::spreadsheet::Error> {
        let mut book = crate::spreadsheet::open(path)?;
        let mut scanner = ctx.scanner();
        for sheet in crate::spreadsheet::sheet_names(&book) {
            scanner.brk();
            scanner.push(&sheet);
            scanner.brk();
            let range = crate::spreadsheet::range(&mut book, &sheet)?;
            for cell in range.cells() {
                scanner.push(&crate::spreadsheet::text(cell.2));
                scanner.brk();
                if scanner.found() {
                    return Ok(Verdict::Name);
                }
            }
        }
        Ok(if scanner.finish() {
            Verdict::Name
        } else {
            Verdict::Clean
        })
    });
    // Comments, page headers, number formats and properties are not cells: the file's own
    // bytes are read too, as the text they are stored as.
    if let Ok(Ok(Verdict::Clean)) = &read
        && super::raw_utf16(ctx.names, path).unwrap_or(true)
    {
        return Verdict::Name;
    }
    match read {
        Ok(Ok(v)) => v,
        Ok(Err(why)) | Err(why) => Verdict::Unreadable(format!(
            "it is an .xls workbook that could not be read ({why}); save it as .xlsx"
        )),
    }
}
