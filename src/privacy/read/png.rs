//! The text a PNG picture carries: its `tEXt`, `zTXt` and `iTXt` chunks (a title, an author,
//! a description, a comment), which any viewer's properties show.
//!
//! A picture inside an office document is not looked at, but its text chunks are read,
//! compressed ones unpacked within the file's budget, so a name typed into a picture's
//! details is found. The image data itself is left alone.
//!
//! Written by hand rather than with the `png` crate: that crate decodes images, and only
//! the chunk list (length, type, data, checksum) is walked here, with `flate2` for the
//! compressed chunks.

use std::io::Read;

use super::{Ctx, Verdict};

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Reads the text chunks of a PNG picture; anything that is not one is clean.
pub(super) fn read(ctx: &mut Ctx<'_>, bytes: &[u8]) -> Verdict {
    let Some(mut rest) = bytes.strip_prefix(SIGNATURE) else {
        return Verdict::Clean;
    };
    let mut scanner = ctx.scanner();
    while rest.len() >= 12 {
        let len = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        let kind = &rest[4..8];
        let Some(data) = rest.get(8..8 + len) else {
            // A cut-off chunk: what is left is read as it is.
            scanner.push(&String::from_utf8_lossy(&rest[8..]));
            break;
        };
        let text = match kind {
            b"tEXt" => Some(Ok(latin1(data))),
            b"zTXt" => compressed(ctx, data, 1).map(|t| t.map(|t| latin1(&t))),
            b"iTXt" => international(ctx, data),
            _ => None,
        };
        match text {
            Some(Ok(t)) => {
                scanner.push(&t);
                scanner.brk();
            }
            Some(Err(why)) => return why,
            None => {}
        }
        if scanner.found() {
            return Verdict::Name;
        }
        rest = &rest[(8 + len + 4).min(rest.len())..];
    }
    if scanner.finish() {
        Verdict::Name
    } else {
        Verdict::Clean
    }
}

/// The keyword and the text of a chunk, read as Latin-1 as the format says, the NUL
/// between them a space.
fn latin1(data: &[u8]) -> String {
    data.iter()
        .map(|&b| if b == 0 { ' ' } else { char::from(b) })
        .collect()
}

/// The keyword and the unpacked text of a chunk whose text starts `skip` bytes after the
/// keyword's NUL (the compression method).
fn compressed(ctx: &mut Ctx<'_>, data: &[u8], skip: usize) -> Option<Result<Vec<u8>, Verdict>> {
    let at = data.iter().position(|b| *b == 0)?;
    let mut out = data[..at].to_vec();
    out.push(0);
    Some(
        inflate(ctx, data.get(at + 1 + skip..).unwrap_or_default()).map(|t| {
            out.extend(t);
            out
        }),
    )
}

fn inflate(ctx: &mut Ctx<'_>, data: &[u8]) -> Result<Vec<u8>, Verdict> {
    let mut out = Vec::new();
    let limit = ctx.budget.left();
    flate2::read::ZlibDecoder::new(data)
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|_| {
            Verdict::Unreadable("a picture's details are compressed and damaged".into())
        })?;
    ctx.spend(out.len() as u64)?;
    Ok(out)
}

/// An `iTXt` chunk: keyword, compression flag and method, language tag, translated
/// keyword, then UTF-8 text, compressed or not.
fn international(ctx: &mut Ctx<'_>, data: &[u8]) -> Option<Result<String, Verdict>> {
    let at = data.iter().position(|b| *b == 0)?;
    let flag = *data.get(at + 1)?;
    let after = data.get(at + 3..)?;
    let lang = after.iter().position(|b| *b == 0)?;
    let after = &after[lang + 1..];
    let translated = after.iter().position(|b| *b == 0)?;
    let text = &after[translated + 1..];
    let head = [&data[..at], b" ", &after[..translated], b" "].concat();
    let body = if flag == 0 {
        text.to_vec()
    } else {
        match inflate(ctx, text) {
            Ok(t) => t,
            Err(why) => return Some(Err(why)),
        }
    };
    Some(Ok(
        String::from_utf8_lossy(&[head, body].concat()).into_owned()
    ))
}

#[cfg(test)]
mod tests {
    use super::super::bytes;
    use super::*;
    use crate::privacy::Names;
    use std::io::Write;

    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let len = u32::try_from(data.len()).expect("small").to_be_bytes();
        [&len[..], kind, data, &[0, 0, 0, 0]].concat()
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).expect("write");
        e.finish().expect("finish")
    }

    pub(in crate::privacy::read) fn png(chunks: &[Vec<u8>]) -> Vec<u8> {
        let ihdr = chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        let idat = chunk(b"IDAT", &zlib(&[0, 255, 0, 0]));
        let end = chunk(b"IEND", b"");
        [SIGNATURE.to_vec(), ihdr, chunks.concat(), idat, end].concat()
    }

    fn docx_with(picture: &[u8]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        for (name, data) in [
            ("[Content_Types].xml", &b"<Types/>"[..]),
            ("word/document.xml", b"<w:document><w:body/></w:document>"),
            ("word/media/image1.png", picture),
        ] {
            w.start_file(name, o).expect("start");
            w.write_all(data).expect("write");
        }
        w.finish().expect("finish").into_inner()
    }

    #[test]
    fn text_chunks_of_a_picture_in_a_document_are_read() {
        let mut n = Names::default();
        n.add_cell("Jamie O'Neill");
        let plain = chunk(b"tEXt", b"Title\0Jamie O'Neill");
        let packed = [&b"Comment\0\0"[..], &zlib(b"Jamie O'Neill")].concat();
        let packed = chunk(b"zTXt", &packed);
        let intl = chunk(b"iTXt", b"Author\0\0\0en\0\0Jamie O\xE2\x80\x99Neill");
        let intl_packed = [&b"Author\0\x01\0en\0\0"[..], &zlib(b"Jamie O'Neill")].concat();
        let intl_packed = chunk(b"iTXt", &intl_packed);
        for c in [plain, packed, intl, intl_packed] {
            let doc = docx_with(&png(&[c]));
            assert_eq!(bytes(&n, &doc, "a.docx"), Verdict::Name);
        }
        // An ordinary picture, details and all, is no alarm and no refusal.
        let ordinary = png(&[chunk(b"tEXt", b"Software\0LibreOffice")]);
        assert_eq!(bytes(&n, &docx_with(&ordinary), "a.docx"), Verdict::Clean);
    }
}
