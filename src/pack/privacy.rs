//! The privacy guard: nothing in the pack may contain a name from the incident records.
//!
//! Generated text is checked as it will be written; files are read in chunks (with an
//! overlap, so a name split across two chunks is still found); office documents, which are
//! zip files of XML, are opened and each XML part read the same way. A hit names the entry,
//! and for commentary the aspect and the reviewer, but never the name itself.

use std::io::Read;
use std::path::Path;

use crate::evidence::records::PrivateNames;

const CHUNK: usize = 64 * 1024;
const OVERLAP: usize = 512;
/// Parts of an office document larger than this are not read whole (a guard against
/// zip bombs); they are still read in chunks up to this many bytes.
const PART_LIMIT: u64 = 256 * 1024 * 1024;

/// Text as a reader sees it: HTML entities our templates write turned back into characters.
pub fn unescape(text: &str) -> String {
    text.replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Whether bytes of text contain a private name.
pub fn in_text(names: &PrivateNames, bytes: &[u8]) -> bool {
    names.found_in(&unescape(&String::from_utf8_lossy(bytes)))
}

/// Whether a stream contains a private name, read in overlapping chunks.
pub fn in_reader(names: &PrivateNames, mut reader: impl Read) -> std::io::Result<bool> {
    let mut window: Vec<u8> = Vec::with_capacity(CHUNK + OVERLAP);
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            return Ok(in_text(names, &window));
        }
        window.extend_from_slice(&buf[..n]);
        if in_text(names, &window) {
            return Ok(true);
        }
        let keep = window.len().min(OVERLAP);
        window.drain(..window.len() - keep);
    }
}

/// What a file on disk is, for the guard.
fn kind(path: &Path) -> Kind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "csv" | "html" | "htm" | "md" | "json" | "xml" | "rtf" => Kind::Text,
        "docx" | "xlsx" | "xlsm" | "pptx" | "odt" | "ods" | "odp" => Kind::Office,
        _ => Kind::Other,
    }
}

enum Kind {
    Text,
    Office,
    Other,
}

/// Whether a file on disk contains a private name. Formats the guard cannot read inside
/// (PDF, images, video) are not searched.
pub fn in_file(names: &PrivateNames, path: &Path) -> std::io::Result<bool> {
    match kind(path) {
        Kind::Text => in_reader(names, std::fs::File::open(path)?),
        Kind::Office => {
            let Ok(mut zip) = zip::ZipArchive::new(std::fs::File::open(path)?) else {
                return Ok(false);
            };
            for i in 0..zip.len() {
                let Ok(part) = zip.by_index(i) else { continue };
                let is_xml = part
                    .name()
                    .map(|n| n.ends_with(".xml") || n.ends_with(".rels"))
                    .unwrap_or(false);
                if is_xml && in_reader(names, part.take(PART_LIMIT))? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Kind::Other => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> PrivateNames {
        let mut n = PrivateNames::default();
        n.add("Jamie O'Neill");
        n
    }

    #[test]
    fn escaped_html_is_searched_as_read() {
        assert!(in_text(&names(), b"<p>Spoke to Jamie O&#x27;Neill</p>"));
        assert!(!in_text(&names(), b"<p>Spoke to the class</p>"));
    }

    #[test]
    fn a_name_across_a_chunk_boundary_is_found() {
        let mut text = vec![b'x'; CHUNK - 4];
        text.extend_from_slice(b" Jamie O'Neill was upset");
        assert!(in_reader(&names(), &text[..]).expect("reads"));
    }
}
