//! Reading CSV exports as schools' systems and Excel write them.
//!
//! Excel on Windows saves "CSV" in Windows-1252 unless told otherwise, some systems add a
//! UTF-8 byte-order mark, and European settings use semicolons. UTF-16 and the delimiter
//! are detected from the start of the file, and each cell is read as UTF-8 when it is valid
//! UTF-8 and as Windows-1252 otherwise, so a file that mixes the two loses no letter; rows are then streamed, parsed on a
//! second thread ([`split`]), so a log of a million rows needs no more memory than a few
//! batches of rows.
//!
//! The csv crate forgives broken quoting: an opening quote that is never closed makes the
//! rest of the file one cell, and a cell is held in memory however long it grows. So the
//! bytes pass through [`Guard`] on their way to the parser; it follows the same quoting
//! rules, refuses a cell longer than [`MAX_FIELD`] or a row longer than [`MAX_RECORD`], and
//! refuses a file that ends inside quotes, naming the line where the cell began.
//!
//! Excel's "Unicode Text" is UTF-16 with a byte-order mark (and tabs between cells). It is
//! text, so it is read: [`utf16::Utf16`] turns it into UTF-8 as it streams, before the
//! guard and the parser see it.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use csv::{ByteRecord, ReaderBuilder};
use encoding_rs::WINDOWS_1252;
use split::{Message, Split};

use super::table::{SheetRow, Value};
use crate::error::{Error, Result};

const SAMPLE: usize = 64 * 1024;

/// The longest cell accepted: far more than any real entry, small enough to hold.
pub const MAX_FIELD: u64 = 1024 * 1024;
/// The longest row accepted.
pub const MAX_RECORD: u64 = 8 * 1024 * 1024;

mod guard;
mod split;
mod utf16;
use guard::Guard;

/// A CSV file, read row by row.
pub struct CsvRows {
    path: std::path::PathBuf,
    split: Split,
    /// The batch of records being taken, how many of it are records, and the next one.
    batch: Vec<ByteRecord>,
    filled: usize,
    at: usize,
    index: u32,
    /// Columns whose text is needed; others are only noted as holding something.
    keep: Option<Vec<bool>>,
    /// A problem was met; nothing more is read.
    done: bool,
}

/// Whether `sample` reads as UTF-16 written without its byte order mark: nearly every
/// second byte (the odd ones for little-endian, the even ones for big-endian) is zero, and
/// the others are not.
fn wide_without_bom(sample: &[u8]) -> bool {
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return false;
    }
    let zeros = |start: usize| {
        sample
            .iter()
            .skip(start)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let most = pairs * 9 / 10;
    (odd >= most && even == 0) || (even >= most && odd == 0)
}

/// Opens `path` as CSV, detecting encoding and delimiter.
pub fn open(path: &Path) -> Result<CsvRows> {
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if let Some(why) = crate::spreadsheet::missing(path) {
        return Err(Error::Evidence {
            path: path.to_path_buf(),
            message: why.to_string(),
        });
    }
    let mut sample: Vec<u8> = Vec::with_capacity(SAMPLE);
    File::open(path)
        .map_err(read_err)?
        .take(SAMPLE as u64)
        .read_to_end(&mut sample)
        .map_err(read_err)?;
    let bad = |message: &str| Error::Evidence {
        path: path.to_path_buf(),
        message: message.to_string(),
    };
    let wide = utf16::has_bom(&sample);
    if wide {
        sample = utf16::decode(&sample);
    }
    if sample.iter().all(u8::is_ascii_whitespace) {
        return Err(bad("the file is empty"));
    }
    if sample.contains(&0) && wide_without_bom(&sample) {
        return Err(bad(
            "it is UTF-16 text without a byte order mark, which cannot be told apart from a damaged file; save it again from Excel as \"CSV UTF-8\" (or as \"Unicode Text\", which adds the mark)",
        ));
    }
    if sample.contains(&0) {
        return Err(bad(
            "it is not a text file, so it cannot be read as CSV; if it is a spreadsheet, give it its proper extension (.xlsx, .xls or .ods); if it was saved as text from Excel, save it again as \"CSV UTF-8\"",
        ));
    }
    let delimiter = detect_delimiter(&sample);
    let reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(Guard::new(source(path, wide).map_err(read_err)?, delimiter));
    Ok(CsvRows {
        path: path.to_path_buf(),
        split: Split::start(reader).map_err(read_err)?,
        batch: Vec::new(),
        filled: 0,
        at: 0,
        index: 0,
        keep: None,
        done: false,
    })
}

/// The file's bytes, as UTF-8 when it is UTF-16.
fn source(path: &Path, wide: bool) -> std::io::Result<Box<dyn Read + Send>> {
    let file = File::open(path)?;
    Ok(if wide {
        Box::new(utf16::Utf16::new(file))
    } else {
        Box::new(file)
    })
}

/// The delimiter used most on the first lines: comma, semicolon or tab (comma on a tie).
fn detect_delimiter(sample: &[u8]) -> u8 {
    let lines: Vec<&[u8]> = sample.split(|&b| b == b'\n').take(20).collect();
    let count = |d: u8| -> usize {
        lines
            .iter()
            .map(|l| l.iter().filter(|&&b| b == d).count())
            .sum()
    };
    let mut best = (b',', count(b','));
    for d in [b';', b'\t'] {
        let n = count(d);
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

impl CsvRows {
    /// From now on, decode only these columns; a cell elsewhere that holds something is
    /// returned as [`Value::Unread`], so a row is still known not to be blank.
    pub fn keep_only(&mut self, cols: &[u32]) {
        let width = cols.iter().max().map_or(0, |m| *m as usize + 1);
        let mut keep = vec![false; width];
        for c in cols {
            keep[*c as usize] = true;
        }
        self.keep = Some(keep);
    }

    /// Reads the next row into `row`, reusing its cells' room; `None` at the end of the
    /// file, and after a problem, which is given once.
    pub fn next_row(&mut self, row: &mut SheetRow) -> Option<Result<()>> {
        if self.done {
            return None;
        }
        while self.at == self.filled {
            match self.split.next() {
                Message::Records(batch, filled) => {
                    let spent = std::mem::replace(&mut self.batch, batch);
                    self.split.give_back(spent);
                    (self.filled, self.at) = (filled, 0);
                }
                Message::End => {
                    self.done = true;
                    return None;
                }
                Message::Failed(message) => {
                    // Nothing more is read after a problem: the rows after it cannot be
                    // trusted.
                    self.done = true;
                    return Some(Err(Error::Evidence {
                        path: self.path.clone(),
                        message,
                    }));
                }
            }
        }
        let record = &self.batch[self.at];
        self.at += 1;
        // The row as a spreadsheet program numbers it on opening the file: the line the
        // record starts on, counting blank lines and the lines inside quoted cells, from 0.
        row.index = record.position().map_or(self.index, |p| {
            u32::try_from(p.line().saturating_sub(1)).unwrap_or(u32::MAX)
        });
        row.cells.truncate(record.len());
        for (i, field) in record.iter().enumerate() {
            let field = if i == 0 && self.index == 0 {
                field.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(field)
            } else {
                field
            };
            let wanted = self
                .keep
                .as_ref()
                .is_none_or(|k| k.get(i).copied().unwrap_or(false));
            let value = if wanted {
                decode(field, row.cells.get_mut(i))
            } else if field.iter().all(u8::is_ascii_whitespace) {
                Some(Value::Empty)
            } else {
                Some(Value::Unread)
            };
            match (value, row.cells.get_mut(i)) {
                (None, _) => {}
                (Some(value), Some(cell)) => *cell = value,
                (Some(value), None) => row.cells.push(value),
            }
        }
        self.index += 1;
        Some(Ok(()))
    }
}

/// A field's value as [`Value::from_text`] gives it; `None` when it was written into `cell`,
/// which held text, in place.
fn decode(bytes: &[u8], cell: Option<&mut Value>) -> Option<Value> {
    // Each cell is read on its own: a file mixes the two when one cell was pasted in from
    // another program ("Zo\xEB" from a Windows program in a UTF-8 file, or UTF-8 "Zoë" in
    // a Windows-1252 one). A cell that is valid UTF-8 is read so (Windows-1252 text with
    // accents almost never is), and any other as Windows-1252, so that no letter of a
    // child's name is lost to a replacement mark or read as other letters.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    };
    // Most cells neither start nor end with a space: they need no trimming.
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace());
    let t = if plain(text.as_bytes().first()) && plain(text.as_bytes().last()) {
        &*text
    } else {
        text.trim()
    };
    match cell {
        Some(Value::Text(held)) if !t.is_empty() => {
            held.clear();
            held.push_str(t);
            None
        }
        _ if t.is_empty() => Some(Value::Empty),
        _ => Some(Value::Text(t.to_string())),
    }
}

impl Iterator for CsvRows {
    type Item = Result<SheetRow>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut row = SheetRow {
            index: 0,
            cells: Vec::new(),
        };
        Some(self.next_row(&mut row)?.map(|()| row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, bytes).expect("write");
        open(&path)
            .expect("opens")
            .map(|r| r.expect("row").cells.iter().map(Value::text).collect())
            .collect()
    }

    /// The rows as the csv crate gives them straight from the guarded file, one record at a
    /// time on this thread, decoded field by field: the plain way [`open`] must agree with.
    fn rows_directly(path: &Path) -> (Vec<Vec<Value>>, Option<String>) {
        let bytes = std::fs::read(path).expect("read");
        let wide = utf16::has_bom(&bytes);
        let mut sample = bytes[..bytes.len().min(SAMPLE)].to_vec();
        if wide {
            sample = utf16::decode(&sample);
        }
        let delimiter = detect_delimiter(&sample);
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(Guard::new(source(path, wide).expect("open"), delimiter));
        let mut record = ByteRecord::new();
        let mut rows = Vec::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => return (rows, None),
                Ok(true) => {}
                Err(e) => {
                    let message = match reader.get_ref().problem() {
                        Some(problem) => problem.to_string(),
                        None => format!(
                            "it could not be read as CSV near line {}: {e}",
                            reader.position().line()
                        ),
                    };
                    return (rows, Some(message));
                }
            }
            let cells = record.iter().enumerate().map(|(i, field)| {
                let field = if i == 0 && rows.is_empty() {
                    field.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(field)
                } else {
                    field
                };
                match std::str::from_utf8(field) {
                    Ok(text) => Value::from_text(text),
                    Err(_) => Value::from_text(&WINDOWS_1252.decode_without_bom_handling(field).0),
                }
            });
            rows.push(cells.collect());
        }
    }

    /// The rows as [`open`] gives them, into one reused row, and the problem that stopped it.
    fn rows_split(path: &Path) -> (Vec<Vec<Value>>, Option<String>) {
        let mut csv = open(path).expect("opens");
        let mut row = SheetRow {
            index: 0,
            cells: Vec::new(),
        };
        let mut rows = Vec::new();
        while let Some(read) = csv.next_row(&mut row) {
            match read {
                Ok(()) => {
                    assert!(row.index as usize >= rows.len(), "rows numbered by line");
                    rows.push(row.cells.clone());
                }
                Err(e) => {
                    assert!(csv.next_row(&mut row).is_none(), "nothing after a problem");
                    let message = e.to_string();
                    let reason = message
                        .split_once(": ")
                        .map_or(message.as_str(), |(_, r)| r);
                    return (rows, Some(reason.to_string()));
                }
            }
        }
        (rows, None)
    }

    /// One cell as a school's export might write it.
    fn cell() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            "[A-Za-z0-9 /:.-]{0,12}",
            "\"[A-Za-z ,;\t\n\r]{0,12}\"",
            "\"[a-z]{0,4}\"\"[a-z ,]{0,4}\"",
            "[ ]{0,2}é[a-z]{0,3}’",
            "[a-z]{1,3}\"[a-z]{0,3}",
            "\"[a-z]{0,3}",
        ]
    }

    proptest::proptest! {
        #[test]
        fn records_parsed_on_a_second_thread_read_as_one_at_a_time(
            rows in proptest::collection::vec(proptest::collection::vec(cell(), 1..6), 1..30),
            delimiter in proptest::sample::select(vec![",", ";", "\t"]),
            line_end in proptest::sample::select(vec!["\n", "\r\n"]),
            form in 0u8..5,
        ) {
            let text: String = rows
                .iter()
                .map(|r| r.join(delimiter) + line_end)
                .collect();
            let bytes: Vec<u8> = match form {
                0 => text.into_bytes(),
                1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
                2 => WINDOWS_1252.encode(&text).0.into_owned(),
                3 => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
                _ => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
            };
            let dir = tempfile::tempdir().expect("temporary folder");
            let path = dir.path().join("t.csv");
            std::fs::write(&path, &bytes).expect("write");
            if open(&path).is_ok() {
                proptest::prop_assert_eq!(rows_split(&path), rows_directly(&path));
            }
        }
    }

    #[test]
    fn batches_of_records_join_up_across_quoted_line_breaks() {
        let mut text = String::from("Date,Notes,Category\n");
        for i in 0..5000 {
            text.push_str(&format!(
                "0{}/02/2025,\"Met, and\nagreed {i}\",Gaming\n",
                i % 9 + 1
            ));
        }
        text.push_str("\"never closed,x\n");
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, &text).expect("write");
        let (rows, problem) = rows_split(&path);
        assert_eq!((rows.len(), problem.is_some()), (5001, true));
        assert_eq!((rows, problem), rows_directly(&path));
    }

    #[test]
    fn utf8_with_bom_semicolons_and_crlf() {
        let got = rows(b"\xEF\xBB\xBFName;Role\r\nZo\xC3\xAB;TA\r\n");
        assert_eq!(got, [["Name", "Role"], ["Zoë", "TA"]]);
    }

    #[test]
    fn a_windows_1252_cell_in_a_utf8_file_is_read_as_windows_1252() {
        let got = rows(b"Name,Surname\nZo\xC3\xAB,Bront\xC3\xAB\nZo\xEB,Bront\xEB\n");
        assert_eq!(
            got,
            [["Name", "Surname"], ["Zoë", "Brontë"], ["Zoë", "Brontë"]]
        );
    }

    #[test]
    fn windows_1252_and_tabs() {
        let got = rows(b"Name\tCourse\nO\x92Brien\tE\x96safety \xA35\n");
        assert_eq!(
            got,
            [["Name", "Course"], ["O\u{2019}Brien", "E\u{2013}safety £5"]]
        );
    }

    #[test]
    fn utf16_unicode_text_from_excel_is_read() {
        let text = "Name\tRole\r\nZoë Ødegaard\tTA\r\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(rows(&le), [["Name", "Role"], ["Zoë Ødegaard", "TA"]]);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(rows(&be), [["Name", "Role"], ["Zoë Ødegaard", "TA"]]);
    }

    #[test]
    fn utf16_without_its_mark_is_named_as_such() {
        let text = "First name,Surname\r\nZoë,Brontë\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le, be] {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let path = dir.path().join("pupils.csv");
            std::fs::write(&path, bytes).expect("write");
            let err = open(&path).err().expect("refused");
            assert!(
                err.to_string()
                    .contains("UTF-16 text without a byte order mark"),
                "{err}"
            );
        }
        assert!(!wide_without_bom(b"Name\0,Role\nAmy,TA\n"));
    }

    #[test]
    fn quoted_commas_and_ragged_rows() {
        let got =
            rows(b"Date,Category,Details\n01/02/2025,\"Cyberbullying, Gaming\",x\n02/02/2025\n");
        assert_eq!(got[1], ["01/02/2025", "Cyberbullying, Gaming", "x"]);
        assert_eq!(got[2], ["02/02/2025"]);
    }

    #[test]
    fn empty_and_binary_files_are_refused_with_the_reason() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let empty = dir.path().join("e.csv");
        std::fs::write(&empty, "  \n").expect("write");
        let err = open(&empty).err().expect("refused");
        assert!(err.to_string().contains("the file is empty"), "{err}");
        let binary = dir.path().join("b.csv");
        std::fs::write(&binary, b"PK\x03\x04\x00\x00").expect("write");
        let err = open(&binary).err().expect("refused");
        assert!(err.to_string().contains("not a text file"), "{err}");
    }
}
