//! PDF text layers, through the pdf-extract crate (built on lopdf), which decodes the
//! fonts' character maps into the text a reader sees. A PDF with no text layer (a scan, a
//! photo) or one that cannot be opened (damaged, password protected) is unreadable: a name
//! in it could not be ruled out. The extractor has been known to panic on damaged files;
//! that is caught and reported as damage.

use std::io::Read;

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
    let extracted = crate::spreadsheet::guarded(|| pdf_extract::extract_text_from_mem(&bytes));
    let text = match extracted {
        Ok(Ok(text)) => text,
        Ok(Err(_)) | Err(_) => {
            return Verdict::Unreadable(
                "it is a PDF that could not be opened (damaged or password protected)".into(),
            );
        }
    };
    if !text.chars().any(char::is_alphanumeric) {
        return Verdict::Unreadable(
            "it is a PDF with no text in it (a scan or a picture), so it cannot be searched".into(),
        );
    }
    let mut scanner = ctx.scanner();
    scanner.push(&text);
    if scanner.finish() {
        Verdict::Name
    } else {
        Verdict::Clean
    }
}
