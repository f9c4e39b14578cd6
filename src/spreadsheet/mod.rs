//! Opening the spreadsheets people send us, whatever program saved them.
//!
//! calamine picks a reader from the file extension but matches it case-sensitively, so
//! `SCORES.XLSX` from a Windows machine would fail with a vague message; we choose the
//! reader ourselves from the lower-cased extension ([`Format`]) and say plainly what is
//! wrong: every [`Error`] reads as a sentence for the user.
//!
//! A failed allocation ends the process before anything can be reported, and a loop inside
//! the reader never ends, so files are looked through before calamine opens them: .xls and
//! .ods files, which calamine reads whole ([`xls`], [`ods`]), and an xlsx file's shared text,
//! which it loads whole ([`xlsx`]). A file that would loop or need more memory than
//! [`limits::MEMORY_BUDGET`] is refused with an [`Error`] saying why.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, Ods, Reader, Sheets, Xls, Xlsx, open_workbook};

mod concealed;
mod error;
mod limits;
mod ods;
pub mod package;
mod sniff;
mod xls;
mod xlsx;
mod xml;

pub use concealed::{Concealed, concealed_rows};
pub use error::Error;
use package::{Budget, Package};
use sniff::Sniffed;

/// A workbook opened for reading.
pub type Book = Sheets<BufReader<File>>;

/// The spreadsheet formats read, told by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An Excel workbook.
    Xlsx,
    /// An Excel workbook with macros.
    Xlsm,
    /// An Excel 97-2003 workbook.
    Xls,
    /// An OpenDocument spreadsheet.
    Ods,
}

impl Format {
    /// The format `path`'s extension names, whatever its case.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "xlsx" => Format::Xlsx,
            "xlsm" => Format::Xlsm,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            _ => return None,
        })
    }

    /// Whether a file of this format is read by the reader for `named` (an xlsm is an xlsx
    /// with macros, read alike).
    pub fn reads_as(self, named: Format) -> bool {
        let family = |f: Format| match f {
            Format::Xlsx | Format::Xlsm => Format::Xlsx,
            other => other,
        };
        family(self) == family(named)
    }

    /// The extension, lower-case and without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsm => "xlsm",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.extension())
    }
}

/// Opens an xlsx, xlsm, xls or ods file.
pub fn open(path: &Path) -> Result<Book, Error> {
    let Some(format) = Format::of(path) else {
        return Err(Error::NotASpreadsheet);
    };
    if let Some(why) = missing(path) {
        return Err(why);
    }
    // A workbook saved with another format's ending is read by no reader of that format:
    // say what it really is, from its content, before a reader gives its own message.
    match sniff::sniff(path) {
        Sniffed::Really(really) if !really.reads_as(format) => {
            return Err(Error::Renamed {
                really,
                named: format,
            });
        }
        Sniffed::Text => return Err(Error::TextFile { format }),
        Sniffed::Markup => return Err(Error::Markup { format }),
        _ => {}
    }
    affordable(path, format)?;
    let opened = match format {
        Format::Xlsx | Format::Xlsm => open_workbook::<Xlsx<_>, _>(path)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
        Format::Xls => open_workbook::<Xls<_>, _>(path)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        Format::Ods => open_workbook::<Ods<_>, _>(path)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
    };
    opened.map_err(|reason| match sniff::sniff(path) {
        Sniffed::Ole if format != Format::Xls => Error::Protected,
        Sniffed::Empty => Error::Empty,
        _ => Error::Damaged { format, reason },
    })
}

/// Refuses a file that calamine could not open without looping or taking more memory than
/// [`limits::MEMORY_BUDGET`]: an .xls or .ods file is read whole, an xlsx file's shared text
/// is. A file whose structure the look cannot follow is let through: calamine then says what
/// is wrong with it.
fn affordable(path: &Path, format: Format) -> Result<(), Error> {
    if format == Format::Xls {
        return affordable_xls(path);
    }
    let Some(mut package) = File::open(path)
        .ok()
        .and_then(|f| Package::open(BufReader::new(f)))
    else {
        return Ok(());
    };
    // Every part the look unpacks is charged to the most content it reads from a file.
    let mut budget = Budget::new(xml::MAX_CONTENT);
    let over = |_| Error::ContentTooLarge { format };
    if format == Format::Ods {
        let Ok(content) = package.part_named("content.xml") else {
            return Ok(());
        };
        let content = content.read_within(&mut budget).map_err(over)?;
        let costs = ods::survey(content).map_err(|refusal| refusal.into_error(format))?;
        return limits::judge(format, &costs);
    }
    let tables: Vec<String> = package
        .names()
        .filter(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .map(|n| n.into_owned())
        .collect();
    let mut bytes: u64 = 0;
    for table in tables {
        let Ok(xml) = package.part_named(&table) else {
            continue;
        };
        let xml = xml.read_within(&mut budget).map_err(over)?;
        let cost = xlsx::shared_strings_cost(xml).map_err(|refusal| refusal.into_error(format))?;
        bytes = bytes.saturating_add(cost);
    }
    limits::judge_text(format, bytes)
}

/// [`affordable`] for an .xls file. calamine reads the container whole, so the look may too;
/// but not before knowing the file is a compound file of a size calamine could hold.
fn affordable_xls(path: &Path) -> Result<(), Error> {
    if !matches!(
        sniff::sniff(path),
        Sniffed::Ole | Sniffed::Really(Format::Xls)
    ) {
        return Ok(());
    }
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    limits::judge_file(Format::Xls, size)?;
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(());
    };
    match xls::survey(&bytes) {
        xls::Found::Sheets(costs) => limits::judge(Format::Xls, &costs),
        xls::Found::Loop => Err(Error::Loops),
        xls::Found::Unfollowable => Ok(()),
    }
}

/// The cells of sheet `name` as one rectangle. xlsx sheets are streamed first so that a
/// stray entry far from the table is refused, naming the sheet and how far it reaches,
/// instead of calamine laying out a grid of billions of cells; .xls and .ods sheets were
/// checked when the file was opened.
pub fn range(book: &mut Book, name: &str) -> Result<calamine::Range<Data>, Error> {
    let Sheets::Xlsx(xlsx) = book else {
        return book.worksheet_range(name).map_err(sheet_error);
    };
    let mut reader = xlsx.worksheet_cells_reader(name).map_err(sheet_error)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(sheet_error)? {
        if !calamine::DataType::is_empty(cell.get_value()) {
            let value: Data = cell.get_value().clone().into();
            cells.push(calamine::Cell::new(cell.get_position(), value));
        }
    }
    limits::judge_extent(name, cells.iter().map(|c| c.get_position()))?;
    Ok(calamine::Range::from_sparse(cells))
}

/// The cells of sheet `name` that hold a formula, as absolute (row, column) positions. A
/// formula cell whose result was never saved reads as empty; this tells the two apart.
pub fn formula_cells(book: &mut Book, name: &str) -> Result<Vec<(u32, u32)>, Error> {
    let Sheets::Xlsx(xlsx) = book else {
        let formulas = book.worksheet_formula(name).map_err(sheet_error)?;
        let (row0, col0) = formulas.start().unwrap_or((0, 0));
        return Ok(formulas
            .cells()
            .filter(|(_, _, f)| !f.is_empty())
            .map(|(r, c, _)| {
                let at =
                    |start: u32, i: usize| start + u32::try_from(i).unwrap_or(u32::MAX - start);
                (at(row0, r), at(col0, c))
            })
            .collect());
    };
    let mut reader = xlsx.worksheet_cells_reader(name).map_err(sheet_error)?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell_with_formula().map_err(sheet_error)? {
        if cell.formula.is_some_and(|f| !f.is_empty()) {
            cells.push(cell.pos);
        }
    }
    Ok(cells)
}

/// Every formula of sheet `name`, at its absolute (row, column) position.
pub fn formulas(book: &mut Book, name: &str) -> Result<Vec<(u32, u32, String)>, Error> {
    let formulas = book.worksheet_formula(name).map_err(sheet_error)?;
    let (row0, col0) = formulas.start().unwrap_or((0, 0));
    let at = |start: u32, i: usize| start.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
    Ok(formulas
        .cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, f)| (at(row0, r), at(col0, c), f.clone()))
        .collect())
}

/// The error from the reader library when it could not read a sheet.
fn sheet_error(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Sheet(Box::new(e))
}

/// Why `path` cannot be opened at all: it is not there, or it is not a regular file (a
/// folder, or a pipe or device, which would make reading wait for ever or never end). Judged
/// from the file's type alone, without opening it.
pub fn missing(path: &Path) -> Option<Error> {
    let meta = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Error::NotFound),
        Err(_) => return None,
        Ok(meta) => meta,
    };
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some(Error::Folder);
    }
    Some(Error::NotAFile)
}

/// Runs spreadsheet-reading code, turning a panic inside the reader library into
/// [`Error::Panicked`]. Fuzzing found files that make calamine panic (e.g. in its xls container
/// parser); a damaged file must be reported, not crash the tool.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Error> {
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(g.get() - 1));
    result.map_err(|_| Error::Panicked)
}

thread_local! {
    static GUARDED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether this thread is inside [`guarded`], so a panic hook can stay quiet about a panic
/// that will be reported as a damaged file.
pub fn in_guarded() -> bool {
    GUARDED.with(|g| g.get() > 0)
}

/// The names of a workbook's sheets, in order.
pub fn sheet_names(book: &Book) -> Vec<String> {
    book.sheet_names()
}

/// The names of the sheets a workbook hides (hidden, or hidden so that only a macro can
/// show them): an old copy or a working sheet the school put out of sight.
pub fn hidden_sheets(book: &Book) -> Vec<String> {
    book.sheets_metadata()
        .iter()
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect()
}

/// A cell's content as trimmed text; numbers without a fraction print without `.0`.
pub fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_people_typed_them() {
        assert_eq!(text(&Data::Float(2.0)), "2");
        assert_eq!(text(&Data::Int(3)), "3");
        assert_eq!(text(&Data::Float(2.5)), "2.5");
        assert_eq!(text(&Data::String("  x ".into())), "x");
    }

    #[test]
    fn unknown_extensions_and_damaged_files_are_explained() {
        let why = |p: &Path| open(p).err().expect("the file must be refused").to_string();
        assert!(why(Path::new("notes.txt")).contains("not an xlsx"));
        let dir = tempfile::tempdir().expect("temporary folder");
        let fake = dir.path().join("SCORES.XLSX");
        std::fs::write(&fake, "name,level\n").expect("write");
        assert!(why(&fake).contains("text file (probably CSV) with a .xlsx name"));
        let truncated = dir.path().join("cut.xlsx");
        std::fs::write(&truncated, b"PK\x03\x04\x14\x00\x00\x00").expect("write");
        assert!(why(&truncated).contains("damaged or only partly copied"));
        let locked = dir.path().join("locked.xlsx");
        std::fs::write(&locked, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0])
            .expect("write");
        assert!(why(&locked).contains("password-protected"));
    }

    #[test]
    fn a_part_recorded_larger_than_the_content_cap_is_refused_unread() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("xl/sharedStrings.xml", options)
            .expect("a part");
        zip.write_all(b"<sst uniqueCount=\"1\"><si><t>a</t></si></sst>")
            .expect("write");
        let mut bytes = zip.finish().expect("finish").into_inner();
        // The central directory now records the part as 3 GB unpacked.
        let central = bytes
            .windows(4)
            .rposition(|w| w == b"PK\x01\x02")
            .expect("a central directory entry");
        bytes[central + 24..central + 28].copy_from_slice(&(3u32 << 30).to_le_bytes());
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("big.xlsx");
        std::fs::write(&path, bytes).expect("write");
        let why = open(&path).err().expect("refused").to_string();
        assert!(
            why.starts_with("unpacked, it holds more than 2 GB"),
            "{why}"
        );
    }
}
