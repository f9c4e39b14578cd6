//! A look through an .ods file's content before calamine reads it.
//!
//! calamine reads every sheet of an .ods file when it opens it. A cell may say it repeats
//! across thousands of columns, a row that it repeats a million times, a run of spaces that it
//! is a billion long; calamine writes each repetition out, and lays each sheet out as a dense
//! grid. A few kilobytes of compressed XML can ask for more memory than any machine has. This
//! streams `content.xml` once, holding nothing but counters, and estimates what calamine would
//! hold: each cell it writes out (with its text and formula), and the grid between the first
//! and last rows and columns that hold something. The estimate errs on the high side: a cell
//! with any content counts as filled.

use std::io::Read;
use std::mem::size_of;

use calamine::Data;

use super::limits::SheetCost;

/// The most rows and columns calamine keeps in a sheet; it caps repetitions at these.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;
/// The longest single tag, text run or comment we follow. calamine's XML reader holds one
/// such piece whole, so a longer one is itself a cost worth refusing.
const MAX_PIECE: usize = 16 << 20;
/// The most unpacked content we stream through before giving up on the file.
const MAX_CONTENT: u64 = 2 << 30;

/// Why the content could not be surveyed to the end.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A single tag, text or comment is longer than [`MAX_PIECE`].
    Piece,
    /// The content unpacks to more than [`MAX_CONTENT`].
    Content,
}

impl Refusal {
    /// The sentence for the user, continuing "the file …".
    pub fn sentence(&self) -> String {
        match self {
            Refusal::Piece => format!(
                "one cell or tag in it is longer than {} MiB, more than selfreview reads from an \
                 .ods file; save it as .xlsx or .csv",
                MAX_PIECE >> 20
            ),
            Refusal::Content => format!(
                "its content unpacks to more than {} GiB, more than selfreview reads from an .ods \
                 file; save it as .xlsx or .csv",
                MAX_CONTENT >> 30
            ),
        }
    }
}

/// Streams `content` (an ods file's content.xml) and returns what reading each sheet would
/// cost.
pub fn survey(content: impl Read) -> Result<Vec<SheetCost>, Refusal> {
    let mut pieces = Pieces::new(content);
    let mut sheets = Vec::new();
    let mut table: Option<Table> = None;
    while let Some(piece) = pieces.next()? {
        match (&mut table, piece) {
            (None, Piece::Open { tag, closed }) if name(&tag) == "table:table" => {
                if let Some(title) = attr(&tag, "table:name") {
                    let mut t = Table::new(unescape(&title));
                    if closed {
                        sheets.push(t.cost());
                    } else {
                        t.open = true;
                        table = Some(t);
                    }
                }
            }
            (Some(t), Piece::Close(n)) if n == "table:table" && t.depth == 0 => {
                sheets.push(t.cost());
                table = None;
            }
            (Some(t), piece) => t.take(piece),
            (None, _) => {}
        }
    }
    if let Some(mut t) = table {
        sheets.push(t.cost());
    }
    Ok(sheets)
}

/// The counters for one sheet while its rows stream past.
struct Table {
    name: String,
    open: bool,
    /// Depth inside a cell's content; 0 between cells.
    depth: usize,
    rows_total: u64,
    /// The row being read, if any.
    row: Option<Row>,
    /// The cell being read, if any.
    cell: Option<CellRead>,
    /// Bytes of the cells calamine writes out before building the grid.
    raw: u64,
    /// Rows repeated from the first filled row so far, and text within them.
    since_first: Option<(u64, u64)>,
    /// The same as at the last filled row: the grid's height and its text.
    grid: (u64, u64),
    col_min: u64,
    col_max: u64,
}

struct Row {
    repeats: u64,
    cells: u64,
    pending_empty: u64,
    text: u64,
    first: Option<u64>,
    last: u64,
}

struct CellRead {
    repeats: u64,
    text: u64,
    filled: bool,
}

impl Table {
    fn new(name: String) -> Self {
        Table {
            name,
            open: false,
            depth: 0,
            rows_total: 0,
            row: None,
            cell: None,
            raw: 0,
            since_first: None,
            grid: (0, 0),
            col_min: u64::MAX,
            col_max: 0,
        }
    }

    fn take(&mut self, piece: Piece) {
        if let Some(cell) = &mut self.cell {
            match piece {
                Piece::Open { tag, closed } => {
                    cell.filled = true;
                    cell.text = cell.text.saturating_add(tag.len() as u64);
                    if name(&tag) == "text:s" {
                        let spaces = attr(&tag, "text:c").and_then(|c| c.trim().parse().ok());
                        cell.text = cell.text.saturating_add(spaces.unwrap_or(u64::MAX));
                    }
                    if !closed {
                        self.depth += 1;
                    }
                }
                Piece::Text(len) => {
                    cell.filled = true;
                    cell.text = cell.text.saturating_add(len);
                }
                Piece::Close(_) if self.depth > 0 => self.depth -= 1,
                Piece::Close(_) => self.end_cell(),
            }
            return;
        }
        match piece {
            Piece::Open { tag, closed } => match name(&tag) {
                "table:table-row" => {
                    let repeats = count(&tag, "table:number-rows-repeated");
                    let repeats = repeats.min(MAX_ROWS.saturating_sub(self.rows_total));
                    self.rows_total = self.rows_total.saturating_add(repeats);
                    self.row = Some(Row {
                        repeats,
                        cells: 0,
                        pending_empty: 0,
                        text: 0,
                        first: None,
                        last: 0,
                    });
                    if closed {
                        self.end_row();
                    }
                }
                "table:table-cell" | "table:covered-table-cell" if self.row.is_some() => {
                    let filled = attr(&tag, "office:value-type").is_some()
                        || attr(&tag, "table:formula").is_some();
                    self.cell = Some(CellRead {
                        repeats: count(&tag, "table:number-columns-repeated"),
                        text: tag.len() as u64,
                        filled,
                    });
                    if closed {
                        self.end_cell();
                    }
                }
                _ => {}
            },
            Piece::Close(n) if n == "table:table-row" => self.end_row(),
            _ => {}
        }
    }

    /// Mirrors calamine's row reading: empty cells are written out only when a later cell
    /// follows them, filled ones once per repetition, and no row passes 16,384 columns.
    fn end_cell(&mut self) {
        let (Some(cell), Some(row)) = (self.cell.take(), &mut self.row) else {
            return;
        };
        let per_cell = (size_of::<Data>() + size_of::<String>()) as u64;
        let empties = row.pending_empty.min(MAX_COLUMNS - row.cells);
        row.cells += empties;
        self.raw = self.raw.saturating_add(empties * per_cell);
        let repeats = cell.repeats.min(MAX_COLUMNS - row.cells);
        if cell.filled {
            let each = per_cell.saturating_add(cell.text);
            self.raw = self.raw.saturating_add(repeats.saturating_mul(each));
            row.text = row.text.saturating_add(repeats.saturating_mul(cell.text));
            if repeats > 0 {
                row.first.get_or_insert(row.cells);
                row.last = row.cells + repeats - 1;
            }
            row.cells += repeats;
            row.pending_empty = 0;
        } else {
            row.pending_empty = repeats;
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        let Some(row) = self.row.take() else { return };
        // calamine keeps a count and an offset for every row it reads.
        self.raw = self.raw.saturating_add(2 * size_of::<usize>() as u64);
        let text = row.text.saturating_mul(row.repeats);
        if let Some((rows, grid_text)) = &mut self.since_first {
            *rows = rows.saturating_add(row.repeats);
            *grid_text = grid_text.saturating_add(text);
        }
        if let Some(first) = row.first {
            let since = self.since_first.get_or_insert((row.repeats, text));
            self.grid = *since;
            self.col_min = self.col_min.min(first);
            self.col_max = self.col_max.max(row.last);
        }
    }

    fn cost(&mut self) -> SheetCost {
        self.end_row();
        let cols = if self.col_min == u64::MAX {
            0
        } else {
            self.col_max - self.col_min + 1
        };
        let (rows, text) = self.grid;
        let per_cell = (size_of::<Data>() + size_of::<String>()) as u64;
        let grid = rows
            .saturating_mul(cols)
            .saturating_mul(per_cell)
            .saturating_add(text);
        SheetCost {
            name: self.name.clone(),
            rows,
            cols,
            bytes: self.raw.saturating_add(grid),
        }
    }
}

/// A repetition count; calamine refuses a count it cannot read, so such a cell counts once.
fn count(tag: &str, key: &str) -> u64 {
    attr(tag, key).map_or(1, |v| v.trim().parse().unwrap_or(1))
}

/// One piece of the XML: a start tag (its full text, and whether it closes itself), an end
/// tag's name, or the length of text between tags.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    Open { tag: String, closed: bool },
    Close(String),
    Text(u64),
}

/// Splits XML into pieces without building a tree, holding one tag at a time. Comments,
/// processing instructions, CDATA and declarations are skipped; only their length counts
/// against [`MAX_PIECE`].
struct Pieces<R> {
    input: R,
    buf: Vec<u8>,
    at: usize,
    read: u64,
}

impl<R: Read> Pieces<R> {
    fn new(input: R) -> Self {
        Pieces {
            input,
            buf: Vec::with_capacity(64 << 10),
            at: 0,
            read: 0,
        }
    }

    fn next(&mut self) -> Result<Option<Piece>, Refusal> {
        loop {
            if !self.ensure(1)? {
                return Ok(None);
            }
            if self.buf[self.at] != b'<' {
                return Ok(Some(Piece::Text(self.skip_text()?)));
            }
            self.ensure(9)?;
            let head = &self.buf[self.at..];
            let end: Option<&[u8]> = if head.starts_with(b"<!--") {
                Some(b"-->")
            } else if head.starts_with(b"<![CDATA[") {
                Some(b"]]>")
            } else if head.starts_with(b"<?") {
                Some(b"?>")
            } else if head.starts_with(b"<!") {
                Some(b">")
            } else {
                None
            };
            if let Some(end) = end {
                self.skip_past(end)?;
                continue;
            }
            self.at += 1;
            let tag = String::from_utf8_lossy(&self.tag()?).into_owned();
            if let Some(rest) = tag.strip_prefix('/') {
                return Ok(Some(Piece::Close(rest.trim().to_string())));
            }
            return Ok(Some(match tag.strip_suffix('/') {
                Some(open) => Piece::Open {
                    tag: open.to_string(),
                    closed: true,
                },
                None => Piece::Open { tag, closed: false },
            }));
        }
    }

    /// A tag's text after its `<`, up to its `>`, which does not count inside a quoted
    /// attribute value.
    fn tag(&mut self) -> Result<Vec<u8>, Refusal> {
        let mut tag = Vec::new();
        let mut quote = None;
        while self.ensure(1)? {
            let rest = &self.buf[self.at..];
            let mut used = 0;
            let mut done = false;
            for &b in rest {
                used += 1;
                match quote {
                    Some(q) if b == q => quote = None,
                    None if b == b'"' || b == b'\'' => quote = Some(b),
                    None if b == b'>' => {
                        done = true;
                        break;
                    }
                    _ => {}
                }
            }
            tag.extend_from_slice(&rest[..if done { used - 1 } else { used }]);
            self.at += used;
            if tag.len() > MAX_PIECE {
                return Err(Refusal::Piece);
            }
            if done {
                break;
            }
        }
        Ok(tag)
    }

    /// Skips text up to the next `<`, returning its length.
    fn skip_text(&mut self) -> Result<u64, Refusal> {
        let mut len: u64 = 0;
        while self.ensure(1)? {
            let rest = &self.buf[self.at..];
            let stop = rest.iter().position(|b| *b == b'<');
            let used = stop.unwrap_or(rest.len());
            self.at += used;
            len += used as u64;
            if len > MAX_PIECE as u64 {
                return Err(Refusal::Piece);
            }
            if stop.is_some() {
                break;
            }
        }
        Ok(len)
    }

    /// Skips past the next `end` (or to the end of the input).
    fn skip_past(&mut self, end: &[u8]) -> Result<(), Refusal> {
        let mut len = 0usize;
        while self.ensure(end.len())? {
            let rest = &self.buf[self.at..];
            if let Some(i) = rest.windows(end.len()).position(|w| w == end) {
                self.at += i + end.len();
                if len + i > MAX_PIECE {
                    return Err(Refusal::Piece);
                }
                return Ok(());
            }
            // The marker may straddle the next read: keep its length less one.
            let used = rest.len() + 1 - end.len();
            self.at += used;
            len += used;
            if len > MAX_PIECE {
                return Err(Refusal::Piece);
            }
        }
        self.at = self.buf.len();
        Ok(())
    }

    /// Makes at least `n` unread bytes available if the input has them; false when fewer
    /// remain. A read error ends the survey as if the input ended: calamine reports the
    /// damage when it reads the file.
    fn ensure(&mut self, n: usize) -> Result<bool, Refusal> {
        if self.buf.len() - self.at >= n {
            return Ok(true);
        }
        self.buf.drain(..self.at);
        self.at = 0;
        let mut chunk = [0u8; 64 << 10];
        while self.buf.len() < n {
            let got = match self.input.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(got) => got,
            };
            self.read += got as u64;
            if self.read > MAX_CONTENT {
                return Err(Refusal::Content);
            }
            self.buf.extend_from_slice(&chunk[..got]);
        }
        Ok(self.buf.len() >= n)
    }
}

/// A tag's element name.
fn name(tag: &str) -> &str {
    tag.split(|c: char| c.is_ascii_whitespace())
        .next()
        .unwrap_or("")
}

/// The raw value of attribute `key` in `tag`.
fn attr(tag: &str, key: &str) -> Option<String> {
    let mut rest = tag[name(tag).len()..].trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let found = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let close = after[1..].find(quote)? + 1;
        if found == key {
            return Some(after[1..close].to_string());
        }
        rest = after[close + 1..].trim_start();
    }
    None
}

/// XML's five named escapes, enough for a sheet name in a message.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spreadsheet::limits::{MEMORY_BUDGET, judge};

    fn content(tables: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content><!-- a > b --><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
        )
    }

    fn cell(text: &str) -> String {
        format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>"
        )
    }

    #[test]
    fn a_plain_sheet_costs_its_grid() {
        let rows: String = (0..3)
            .map(|_| {
                format!(
                    "<table:table-row>{}{}</table:table-row>",
                    cell("a"),
                    cell("b")
                )
            })
            .collect();
        let xml = content(&format!(
            "<table:table table:name=\"Staff &amp; training\">{rows}</table:table>"
        ));
        let costs = survey(xml.as_bytes()).expect("small content");
        assert_eq!(costs.len(), 1);
        assert_eq!(costs[0].name, "Staff & training");
        assert_eq!((costs[0].rows, costs[0].cols), (3, 2));
        assert!(costs[0].bytes < 10_000);
    }

    #[test]
    fn empty_rows_after_the_table_cost_nothing() {
        // LibreOffice ends a sheet with its formatted but empty rows and columns.
        let xml = content(&format!(
            "<table:table table:name=\"Log\"><table:table-row>{}<table:table-cell table:style-name=\"ce1\" table:number-columns-repeated=\"1023\"/></table:table-row><table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row></table:table>",
            cell("x")
        ));
        let costs = survey(xml.as_bytes()).expect("small content");
        assert_eq!((costs[0].rows, costs[0].cols), (1, 1));
        assert!(judge("ods", &costs).is_ok());
    }

    #[test]
    fn repeated_filled_cells_are_counted_as_written_out() {
        let xml = content(
            "<table:table table:name=\"Log\"><table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell office:value-type=\"float\" office:value=\"1\" table:number-columns-repeated=\"99999\"/></table:table-row></table:table>",
        );
        let costs = survey(xml.as_bytes()).expect("small content");
        assert_eq!((costs[0].rows, costs[0].cols), (1_000_000, 16_384));
        let why = judge("ods", &costs).expect_err("sixteen billion cells are refused");
        assert!(why.contains("sheet `Log` spans 1,000,000 rows by 16,384 columns"));
    }

    #[test]
    fn a_billion_spaces_are_counted() {
        let xml = content(
            "<table:table table:name=\"Notes\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"2000000000\"/>b</text:p></table:table-cell></table:table-row></table:table>",
        );
        let costs = survey(xml.as_bytes()).expect("small content");
        assert!(costs[0].bytes > MEMORY_BUDGET);
    }

    #[test]
    fn pieces_follow_quotes_comments_and_cdata() {
        let xml = "<a x='1>2' y=\"<\"/><!-- <b> --><![CDATA[<c>]]><?pi <d>?>text<e/></a>";
        let mut pieces = Pieces::new(xml.as_bytes());
        let mut seen = Vec::new();
        while let Some(p) = pieces.next().expect("short input") {
            seen.push(p);
        }
        assert_eq!(
            seen,
            vec![
                Piece::Open {
                    tag: "a x='1>2' y=\"<\"".to_string(),
                    closed: true
                },
                Piece::Text(4),
                Piece::Open {
                    tag: "e".to_string(),
                    closed: true
                },
                Piece::Close("a".to_string()),
            ]
        );
        assert_eq!(attr("a x='1>2' y=\"<\"", "x").as_deref(), Some("1>2"));
        assert_eq!(attr("a x='1>2' y=\"<\"", "y").as_deref(), Some("<"));
        assert_eq!(attr("a x='1>2'", "z"), None);
    }

    #[test]
    fn a_giant_piece_is_refused() {
        let text = "x".repeat(MAX_PIECE + 1);
        assert_eq!(survey(text.as_bytes()), Err(Refusal::Piece));
        let tag = format!("<a b=\"{text}\">");
        assert_eq!(survey(tag.as_bytes()), Err(Refusal::Piece));
        let comment = format!("<!--{text}-->");
        assert_eq!(survey(comment.as_bytes()), Err(Refusal::Piece));
    }

    proptest::proptest! {
        #[test]
        fn any_mix_of_pieces_is_surveyed_without_panicking(
            picks in proptest::collection::vec(0usize..16, 0..200)
        ) {
            const PIECES: [&str; 16] = [
                "<table:table table:name=\"A &amp; B\">",
                "<table:table-row table:number-rows-repeated=\"70000\">",
                "<table:table-row>",
                "<table:table-cell office:value-type=\"float\" table:number-columns-repeated=\"9000\">",
                "<table:table-cell table:number-columns-repeated=\"x\"/>",
                "<table:covered-table-cell/>",
                "</table:table-cell>",
                "</table:table-row>",
                "</table:table>",
                "<text:s text:c=\"99999999999999999999\"/>",
                "text",
                "<!--",
                "-->",
                "\"",
                "<",
                "/>",
            ];
            let xml: String = picks.iter().map(|&i| PIECES[i]).collect();
            if let Ok(costs) = survey(xml.as_bytes()) {
                let _ = judge("ods", &costs);
            }
        }
    }

    #[test]
    fn the_shipped_fixtures_are_cheap() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut checked = 0;
        for entry in walk(&dir) {
            if entry.extension().is_some_and(|e| e == "ods") {
                let file = std::fs::File::open(&entry).expect("fixture opens");
                let Ok(mut zip) = zip::ZipArchive::new(file) else {
                    continue;
                };
                let Ok(content) = zip.by_name("content.xml") else {
                    continue;
                };
                let costs = survey(content).expect("fixture content is small");
                assert!(judge("ods", &costs).is_ok(), "{}", entry.display());
                checked += 1;
            }
        }
        assert!(checked > 0, "the fixtures hold .ods files");
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("fixture folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }
}
