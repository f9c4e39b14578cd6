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
use super::xml::{Piece, Pieces, Refusal, Tag};

/// The most rows and columns calamine keeps in a sheet; it caps repetitions at these.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;
/// Streams `content` (an ods file's content.xml) and returns what reading each sheet would
/// cost.
pub fn survey(content: impl Read) -> Result<Vec<SheetCost>, Refusal> {
    let mut pieces = Pieces::new(content);
    let mut sheets = Vec::new();
    let mut table: Option<Table> = None;
    while let Some(piece) = pieces.next()? {
        match (&mut table, piece) {
            (None, Piece::Open { tag, closed }) if tag.name() == "table:table" => {
                if let Some(title) = tag.unescaped_attr("table:name") {
                    let mut t = Table::new(title);
                    if closed {
                        sheets.push(t.cost());
                    } else {
                        table = Some(t);
                    }
                }
            }
            (Some(t), Piece::Close(end)) if end.name() == "table:table" && t.cell.is_none() => {
                sheets.push(t.cost());
                table = None;
            }
            (Some(t), piece) => t.take(piece),
            (None, _) => {}
        }
    }
    // calamine reads a sheet until its end tag and, at the end of the content, asks again
    // for ever; XML it cannot read stops it with an error, holding what it read so far.
    if let Some(mut t) = table {
        if !pieces.broken() {
            return Err(Refusal::Unfinished(t.name));
        }
        sheets.push(t.cost());
    }
    Ok(sheets)
}

/// The counters for one sheet while its rows stream past.
struct Table {
    name: String,
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
    /// Inside a comment on the cell, which calamine skips to its end tag and past anything
    /// else, the cell's own end included.
    in_annotation: bool,
}

impl Table {
    fn new(name: String) -> Self {
        Table {
            name,
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

    fn take(&mut self, piece: Piece<'_>) {
        if self.cell.is_some() {
            self.take_in_cell(piece);
            return;
        }
        match piece {
            Piece::Open { tag, closed } => match tag.name() {
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
                    let filled = tag.attr("office:value-type").is_some()
                        || tag.attr("table:formula").is_some();
                    self.cell = Some(CellRead {
                        repeats: count(&tag, "table:number-columns-repeated"),
                        text: tag.size(),
                        filled,
                        in_annotation: false,
                    });
                    if closed {
                        self.end_cell();
                    }
                }
                _ => {}
            },
            Piece::Close(end) if end.name() == "table:table-row" => self.end_row(),
            _ => {}
        }
    }

    /// calamine reads a cell's content up to the first end of a cell, whatever lies between,
    /// except that a comment on the cell runs to the comment's own end.
    fn take_in_cell(&mut self, piece: Piece<'_>) {
        let Some(cell) = &mut self.cell else { return };
        match piece {
            Piece::Close(end) if cell.in_annotation => {
                cell.in_annotation = end.name() != "office:annotation";
            }
            Piece::Close(end)
                if matches!(end.name(), "table:table-cell" | "table:covered-table-cell") =>
            {
                self.end_cell();
            }
            Piece::Open { tag, closed } => {
                cell.in_annotation |= !closed && tag.name() == "office:annotation";
                cell.filled = true;
                cell.text = cell.text.saturating_add(tag.size());
                if tag.name() == "text:s" {
                    // One space unless counted; a count calamine cannot read fails there.
                    let spaces = tag
                        .attr("text:c")
                        .map_or(Some(1), |c| c.trim().parse().ok())
                        .unwrap_or(u64::MAX);
                    cell.text = cell.text.saturating_add(spaces);
                }
            }
            Piece::Text(len) => {
                cell.filled = true;
                cell.text = cell.text.saturating_add(len);
            }
            Piece::Close(_) | Piece::Aside => {}
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
fn count(tag: &Tag<'_>, key: &str) -> u64 {
    tag.attr(key).map_or(1, |v| v.trim().parse().unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spreadsheet::Format;
    use crate::spreadsheet::limits::{MEMORY_BUDGET, judge};
    use crate::spreadsheet::package::{Budget, Package};

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
        assert!(judge(Format::Ods, &costs).is_ok());
    }

    #[test]
    fn repeated_filled_cells_are_counted_as_written_out() {
        let xml = content(
            "<table:table table:name=\"Log\"><table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell office:value-type=\"float\" office:value=\"1\" table:number-columns-repeated=\"99999\"/></table:table-row></table:table>",
        );
        let costs = survey(xml.as_bytes()).expect("small content");
        assert_eq!((costs[0].rows, costs[0].cols), (1_000_000, 16_384));
        let why = judge(Format::Ods, &costs)
            .expect_err("sixteen billion cells are refused")
            .to_string();
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
    fn content_that_stops_inside_a_sheet_is_refused() {
        // calamine would wait for the sheet's end tag for ever.
        let xml = format!(
            "<office:body><table:table table:name=\"Log\"><table:table-row>{}</table:table-row>",
            cell("a")
        );
        assert_eq!(
            survey(xml.as_bytes()),
            Err(Refusal::Unfinished("Log".to_string()))
        );
        let inside = "<table:table table:name=\"Log\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>a</table:table></text:p>";
        assert_eq!(
            survey(inside.as_bytes()),
            Err(Refusal::Unfinished("Log".to_string()))
        );
        // A comment on a cell runs to its own end tag, past the cell's and the sheet's.
        let comment = content(
            "<table:table table:name=\"Log\"><table:table-row><table:table-cell office:value-type=\"string\"><office:annotation><text:p>note</text:p></table:table-cell></table:table-row></table:table>",
        );
        assert_eq!(
            survey(comment.as_bytes()),
            Err(Refusal::Unfinished("Log".to_string()))
        );
        let closed = content(
            "<table:table table:name=\"Log\"><table:table-row><table:table-cell office:value-type=\"string\"><office:annotation><text:p>note</text:p></office:annotation><text:p>a</text:p></table:table-cell></table:table-row></table:table>",
        );
        assert!(survey(closed.as_bytes()).is_ok());
        assert!(
            Refusal::Unfinished("Log".into())
                .into_error(crate::spreadsheet::Format::Ods)
                .to_string()
                .contains("stops part-way through the sheet `Log`")
        );
    }

    #[test]
    fn a_space_without_a_count_is_one_space() {
        let with = |s: &str| {
            let xml = content(&format!(
                "<table:table table:name=\"N\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>a{s}b</text:p></table:table-cell></table:table-row></table:table>"
            ));
            survey(xml.as_bytes()).expect("small")[0].bytes
        };
        let plain = with("");
        assert_eq!(with("<text:s/>"), plain + 2 * ("text:s".len() as u64 + 1));
        assert!(with("<text:s text:c=\"1000\"/>") > plain + 1000);
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
                let _ = judge(Format::Ods, &costs);
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
                let Some(mut package) = Package::open(file) else {
                    continue;
                };
                let Ok(content) = package.part_named("content.xml") else {
                    continue;
                };
                let mut budget = Budget::new(crate::spreadsheet::xml::MAX_CONTENT);
                let content = content.read_within(&mut budget).expect("a small part");
                let costs = survey(content).expect("fixture content is small");
                assert!(judge(Format::Ods, &costs).is_ok(), "{}", entry.display());
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
