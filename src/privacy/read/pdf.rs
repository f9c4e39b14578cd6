//! PDF text layers, through the pdf-extract crate, which decodes the fonts' character maps
//! into the text a reader sees, on top of lopdf, which opens the file.
//!
//! pdf-extract does not follow the two text operators that move to the next line and show a
//! string in one step (`'` and `"`), which some producers write, so text shown that way
//! would be missed. Before extracting, each page's content (and each form's) is parsed by
//! lopdf and those operators are written out as the equivalent `T*` and `Tj`. A PDF with
//! no text layer (a scan, a photo), or one that cannot be opened (damaged, or protected by a
//! password other than the empty one), is unreadable: a name in it could not be ruled out.
//! The extractor has been known to panic on damaged files; that is caught and reported.
//! Glyphs are read twice: in the order the page draws them, and by where they stand
//! ([`super::pdf_layout`]), so letters drawn one by one out of order are read as shown.

use std::io::Read;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object};

use super::{Ctx, Verdict, WHOLE_LIMIT};

/// A PDF file.
pub(super) fn read(ctx: &mut Ctx<'_>, r: impl Read) -> Verdict {
    let mut bytes = Vec::new();
    if r.take(WHOLE_LIMIT + 1).read_to_end(&mut bytes).is_err() {
        return Verdict::Unreadable("it is a PDF that could not be read".into());
    }
    if bytes.len() as u64 > WHOLE_LIMIT {
        return Verdict::Unreadable("it is a PDF larger than 256 MB, too large to search".into());
    }
    let ((text, laid_out), asides, attached) = match crate::spreadsheet::guarded(|| extract(&bytes))
    {
        Ok(Ok(found)) => found,
        Ok(Err(why)) => return Verdict::Unreadable(why),
        Err(_) => return Verdict::Unreadable("it is a damaged PDF".into()),
    };
    let mut properties = ctx.scanner();
    properties.push(&asides);
    if properties.finish() {
        return Verdict::Name;
    }
    // Whatever the file holds uncompressed (metadata a damaged object hides, say) is read
    // as it is stored, too.
    let mut stored = ctx.scanner();
    stored.push(&String::from_utf8_lossy(&bytes));
    if stored.finish() {
        return Verdict::Name;
    }
    // Files attached to the PDF are read as whatever they are.
    for file in attached {
        if let Err(v) = ctx.spend(file.len() as u64) {
            return v;
        }
        match super::any(ctx, std::io::Cursor::new(file), "attachment", None) {
            Ok(Verdict::Clean) => {}
            Ok(Verdict::Name) => return Verdict::Name,
            Ok(Verdict::Unreadable(why)) => {
                return Verdict::Unreadable(format!("a file attached to it: {why}"));
            }
            Err(_) => return Verdict::Unreadable("a file attached to it cannot be read".into()),
        }
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Verdict::Unreadable(
            "it is a PDF with no text in it (a scan or a picture), so it cannot be searched".into(),
        );
    }
    let mut scanner = ctx.scanner();
    scanner.push(&text);
    scanner.brk();
    scanner.push(&laid_out);
    scanner.brk();
    scanner.push(&asides);
    if scanner.finish() {
        Verdict::Name
    } else {
        Verdict::Clean
    }
}

/// The pages' text (as drawn, and as laid out), every other string in the file, and the
/// files attached to it.
type Extracted = ((String, String), String, Vec<Vec<u8>>);

/// The pages' text, every other string in the file, and the files attached to it.
fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let damaged = |_| "it is a PDF that could not be opened (it may be damaged)".to_string();
    let mut doc = Document::load_mem(bytes).map_err(damaged)?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("it is a password-protected PDF, so it cannot be searched".into());
    }
    spell_out_text_operators(&mut doc);
    let mut text = String::new();
    let mut out = pdf_extract::PlainTextOutput::new(&mut text);
    pdf_extract::output_doc(&doc, &mut out)
        .map_err(|_| "it is a PDF whose text could not be read (it may be damaged)".to_string())?;
    // The same glyphs read again by where they stand on the page, for a page that draws
    // them out of order (`pdf_layout`).
    let mut layout = super::pdf_layout::Layout::default();
    pdf_extract::output_doc(&doc, &mut layout)
        .map_err(|_| "it is a PDF whose text could not be read (it may be damaged)".to_string())?;
    let text = (text, layout.text);
    let mut asides = String::new();
    let mut attached = Vec::new();
    for object in doc.objects.values() {
        strings(object, &mut asides);
        if let Object::Stream(stream) = object
            && stream
                .dict
                .get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"EmbeddedFile")
        {
            let content = stream
                .get_plain_content()
                .map_err(|_| "a file attached to it cannot be unpacked".to_string())?;
            attached.push(content);
        }
    }
    Ok((text, asides, attached))
}

/// Every text string held outside the pages' content, each on a line of its own: document
/// properties, comments and notes, form fields and their values, bookmarks, link targets;
/// and the XML metadata stream.
fn strings(object: &Object, out: &mut String) {
    match object {
        Object::String(bytes, _) => {
            out.push_str(&text_string(bytes));
            out.push('\n');
        }
        Object::Name(bytes) => {
            out.push_str(&String::from_utf8_lossy(bytes));
            out.push('\n');
        }
        Object::Array(items) => items.iter().for_each(|o| strings(o, out)),
        Object::Dictionary(dict) => dict.iter().for_each(|(_, o)| strings(o, out)),
        Object::Stream(stream) => {
            stream.dict.iter().for_each(|(_, o)| strings(o, out));
            let metadata = stream
                .dict
                .get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Metadata");
            if metadata {
                // A stream whose length is wrong still holds its text: read it as stored.
                let xml = stream
                    .get_plain_content()
                    .unwrap_or_else(|_| stream.content.clone());
                out.push_str(&String::from_utf8_lossy(&xml).replace(['<', '>'], "\n"));
                out.push('\n');
            }
        }
        _ => {}
    }
}

/// A PDF text string: UTF-16 after its byte order mark, else PDFDocEncoding, which matches
/// Windows-1252 for the letters names use.
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        encoding_rs::UTF_16BE
            .decode_without_bom_handling(rest)
            .0
            .into_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }
}

/// Rewrites `'` and `"` as `T*` then `Tj` in every page's and form's content.
fn spell_out_text_operators(doc: &mut Document) {
    let mut ids: Vec<lopdf::ObjectId> = doc
        .get_pages()
        .values()
        .flat_map(|page| doc.get_page_contents(*page))
        .collect();
    ids.extend(doc.objects.iter().filter_map(|(id, o)| {
        let Object::Stream(s) = o else { return None };
        let form = s
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Form");
        form.then_some(*id)
    }));
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
            continue;
        };
        let Ok(plain) = stream.get_plain_content() else {
            continue;
        };
        let Ok(content) = Content::decode(&plain) else {
            continue;
        };
        if !content
            .operations
            .iter()
            .any(|o| o.operator == "'" || o.operator == "\"")
        {
            continue;
        }
        let mut ops = Vec::with_capacity(content.operations.len() + 8);
        for op in content.operations {
            match (op.operator.as_str(), op.operands.as_slice()) {
                ("'", [s]) => {
                    ops.push(Operation::new("T*", vec![]));
                    ops.push(Operation::new("Tj", vec![s.clone()]));
                }
                ("\"", [aw, ac, s]) => {
                    ops.push(Operation::new("Tw", vec![aw.clone()]));
                    ops.push(Operation::new("Tc", vec![ac.clone()]));
                    ops.push(Operation::new("T*", vec![]));
                    ops.push(Operation::new("Tj", vec![s.clone()]));
                }
                _ => ops.push(op),
            }
        }
        if let Ok(encoded) = (Content { operations: ops }).encode() {
            stream.set_plain_content(encoded);
        }
    }
}
