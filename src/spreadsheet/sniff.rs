//! What a file really is, told by its content rather than its name: a zip holding an
//! Excel workbook or an OpenDocument spreadsheet, a compound file holding an .xls workbook
//! (or a password-protected one), or plain text. A file renamed from one ending to another
//! (an .xlsx saved as `log.ods`) is then named for what it is, not for what the reader of
//! the other format makes of it.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::Format;

/// What the first bytes, and for a zip its list of parts, say the file is.
pub enum Sniffed {
    /// No bytes at all.
    Empty,
    /// A workbook of this format, whatever its name.
    Really(Format),
    /// A zip that is no workbook we know.
    Zip,
    /// A compound file that is not an .xls workbook: password protected, or another kind.
    Ole,
    /// Text: CSV, most likely.
    Text,
    /// A web page or an XML file: what some systems export under an .xls name.
    Markup,
    /// Anything else.
    Other,
}

/// The compound file signature that .xls workbooks (and password-protected xlsx) start with.
const OLE: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];
/// How much of a compound file is searched for the names of its streams.
const OLE_LOOK: u64 = 4 << 20;

/// What the file at `path` really is.
pub fn sniff(path: &Path) -> Sniffed {
    let mut head = [0u8; 512];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..n];
    if head.is_empty() {
        Sniffed::Empty
    } else if head.starts_with(b"PK") {
        zipped(path)
    } else if head.starts_with(&OLE) {
        compound(path)
    } else if !head.contains(&0) {
        let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        if text.trim_ascii_start().starts_with(b"<") {
            Sniffed::Markup
        } else {
            Sniffed::Text
        }
    } else {
        Sniffed::Other
    }
}

/// A zip: an Excel workbook has `xl/workbook.xml` (and macros in `xl/vbaProject.bin`), an
/// OpenDocument spreadsheet says so in its `mimetype` part.
fn zipped(path: &Path) -> Sniffed {
    let Ok(mut zip) = File::open(path)
        .map_err(|_| ())
        .and_then(|f| zip::ZipArchive::new(f).map_err(|_| ()))
    else {
        return Sniffed::Zip;
    };
    if zip.index_for_name("xl/workbook.xml").is_some() {
        return Sniffed::Really(if zip.index_for_name("xl/vbaProject.bin").is_some() {
            Format::Xlsm
        } else {
            Format::Xlsx
        });
    }
    let mut mimetype = String::new();
    if let Ok(part) = zip.by_name("mimetype") {
        let _ = part.take(100).read_to_string(&mut mimetype);
    }
    if mimetype.trim() == "application/vnd.oasis.opendocument.spreadsheet" {
        return Sniffed::Really(Format::Ods);
    }
    Sniffed::Zip
}

/// A compound file: an .xls workbook holds a stream named `Workbook` (or `Book`, before
/// Excel 97); a password-protected xlsx holds `EncryptionInfo` instead. The names are in
/// the file's directory, in UTF-16.
fn compound(path: &Path) -> Sniffed {
    let mut bytes = Vec::new();
    if File::open(path)
        .and_then(|f| f.take(OLE_LOOK).read_to_end(&mut bytes))
        .is_err()
    {
        return Sniffed::Ole;
    }
    let utf16 =
        |name: &str| -> Vec<u8> { name.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let holds = |name: &str| {
        let needle = utf16(name);
        bytes.windows(needle.len()).any(|w| w == needle)
    };
    if holds("EncryptionInfo") {
        Sniffed::Ole
    } else if holds("Workbook") || holds("Book\0") {
        Sniffed::Really(Format::Xls)
    } else {
        Sniffed::Ole
    }
}
