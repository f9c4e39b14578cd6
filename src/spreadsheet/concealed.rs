//! Rows a workbook keeps out of sight or crosses out: rows hidden in the sheet, and rows
//! whose every filled cell is struck through. A school hides last year's rows or strikes
//! through a policy withdrawn or a session cancelled; read as they stand, they would count as
//! evidence the school itself set aside.
//!
//! Written by hand over the XML pieces of [`super::xml`] (the reader that looks through
//! every file within its caps before calamine reads it): calamine gives cells' values only,
//! not a row's visibility or a cell's font. For xlsx the sheet's part is found through the
//! workbook and its relationships, and a struck-through cell is one whose cell format's
//! font has `<strike/>`; for ods a row is hidden when its visibility is collapsed or
//! filtered, and a cell struck through when its cell style has a line through its text.
//! An .xls file's rows are read as they stand. A file whose parts cannot be followed is
//! read as if nothing were hidden, as it was before this look.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::package::{Budget, Package};
use super::xml::{self, Piece, Pieces};

/// How a row was set aside in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concealed {
    /// The row is hidden.
    Hidden,
    /// Every filled cell of the row is struck through.
    Struck,
}

/// The rows (from 0) of sheet `sheet` of the xlsx or ods file at `path` that hold a value
/// and are hidden or struck through.
pub fn concealed_rows(path: &Path, sheet: &str) -> BTreeMap<u32, Concealed> {
    let Some(mut package) = File::open(path)
        .ok()
        .and_then(|f| Package::open(BufReader::new(f)))
    else {
        return BTreeMap::new();
    };
    let mut budget = Budget::new(xml::MAX_CONTENT);
    let mut read = |name: &str, each: &mut dyn FnMut(&Piece<'_>)| -> bool {
        let Ok(part) = package.part_named(name) else {
            return false;
        };
        let Ok(content) = part.read_within(&mut budget) else {
            return false;
        };
        let mut pieces = Pieces::new(content);
        while let Ok(Some(piece)) = pieces.next() {
            each(&piece);
        }
        true
    };
    let mut content_xml = OdsContent::new(sheet);
    if read("content.xml", &mut |p| content_xml.piece(p)) {
        return content_xml.rows;
    }
    let Some(part) = xlsx_part(&mut read, sheet) else {
        return BTreeMap::new();
    };
    let mut struck_fonts = Vec::new();
    let mut struck_formats = Vec::new();
    let mut styles = XlsxStyles::default();
    read("xl/styles.xml", &mut |p| {
        styles.piece(p, &mut struck_fonts, &mut struck_formats);
    });
    let mut rows = XlsxRows::new(struck_formats);
    read(&part, &mut |p| rows.piece(p));
    rows.found
}

/// The name of an element without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The xlsx part that holds sheet `sheet`, through the workbook's list of sheets and its
/// relationships.
fn xlsx_part(
    read: &mut impl FnMut(&str, &mut dyn FnMut(&Piece<'_>)) -> bool,
    sheet: &str,
) -> Option<String> {
    let mut id = None;
    read("xl/workbook.xml", &mut |p| {
        if let Piece::Open { tag, .. } = p
            && local(tag.name()) == "sheet"
            && tag.unescaped_attr("name").as_deref() == Some(sheet)
        {
            id = tag.unescaped_attr("r:id");
        }
    });
    let id = id?;
    let mut target = None;
    read("xl/_rels/workbook.xml.rels", &mut |p| {
        if let Piece::Open { tag, .. } = p
            && local(tag.name()) == "Relationship"
            && tag.unescaped_attr("Id").as_deref() == Some(id.as_str())
        {
            target = tag.unescaped_attr("Target");
        }
    });
    let target = target?;
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    })
}

/// Reading xlsx styles: which fonts strike their text through, then which cell formats
/// use such a font.
#[derive(Default)]
struct XlsxStyles {
    in_fonts: bool,
    in_formats: bool,
    font_struck: Option<bool>,
}

impl XlsxStyles {
    fn piece(&mut self, p: &Piece<'_>, fonts: &mut Vec<bool>, formats: &mut Vec<bool>) {
        match p {
            Piece::Open { tag, closed } => match local(tag.name()) {
                "fonts" => self.in_fonts = !closed,
                "cellXfs" => self.in_formats = !closed,
                "font" if self.in_fonts => {
                    if *closed {
                        fonts.push(false);
                    } else {
                        self.font_struck = Some(false);
                    }
                }
                "strike" if self.font_struck.is_some() => {
                    let on = tag
                        .unescaped_attr("val")
                        .is_none_or(|v| !matches!(v.as_str(), "0" | "false"));
                    self.font_struck = Some(on);
                }
                "xf" if self.in_formats => {
                    let font: usize = tag
                        .unescaped_attr("fontId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    formats.push(fonts.get(font).copied().unwrap_or(false));
                }
                _ => {}
            },
            Piece::Close(end) => match local(end.name()) {
                "fonts" => self.in_fonts = false,
                "cellXfs" => self.in_formats = false,
                "font" => {
                    if let Some(struck) = self.font_struck.take() {
                        fonts.push(struck);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
}

/// Reading an xlsx sheet's rows: hidden ones, and the struck-through cells among the
/// filled cells of each.
struct XlsxRows {
    struck_formats: Vec<bool>,
    found: BTreeMap<u32, Concealed>,
    row: Option<u32>,
    hidden: bool,
    filled: usize,
    struck: usize,
    cell: Option<(bool, bool)>,
}

impl XlsxRows {
    fn new(struck_formats: Vec<bool>) -> Self {
        XlsxRows {
            struck_formats,
            found: BTreeMap::new(),
            row: None,
            hidden: false,
            filled: 0,
            struck: 0,
            cell: None,
        }
    }

    fn piece(&mut self, p: &Piece<'_>) {
        match p {
            Piece::Open { tag, closed } => match local(tag.name()) {
                "row" => {
                    let r: Option<u32> = tag.unescaped_attr("r").and_then(|v| v.parse().ok());
                    let next = self.row.map_or(0, |r| r + 1);
                    self.row = Some(r.map_or(next, |r| r.saturating_sub(1)));
                    // A row set to no height is as hidden as one marked so.
                    let flat = tag
                        .unescaped_attr("ht")
                        .and_then(|v| v.parse::<f64>().ok())
                        .is_some_and(|h| h <= 0.0);
                    self.hidden = flat
                        || tag
                            .unescaped_attr("hidden")
                            .is_some_and(|v| matches!(v.as_str(), "1" | "true"));
                    (self.filled, self.struck) = (0, 0);
                    if *closed {
                        self.end_row();
                    }
                }
                "c" if !closed => {
                    let format: usize = tag
                        .unescaped_attr("s")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    let struck = self.struck_formats.get(format).copied().unwrap_or(false);
                    self.cell = Some((struck, false));
                }
                "v" | "is" => {
                    if let Some((_, filled)) = &mut self.cell {
                        *filled = true;
                    }
                }
                _ => {}
            },
            Piece::Close(end) => match local(end.name()) {
                "c" => {
                    if let Some((struck, true)) = self.cell.take() {
                        self.filled += 1;
                        self.struck += usize::from(struck);
                    }
                }
                "row" => self.end_row(),
                _ => {}
            },
            _ => {}
        }
    }

    fn end_row(&mut self) {
        let Some(row) = self.row else { return };
        if self.filled > 0 {
            if self.hidden {
                self.found.insert(row, Concealed::Hidden);
            } else if self.struck == self.filled {
                self.found.insert(row, Concealed::Struck);
            }
        }
    }
}

/// Reading an ods file's content: the cell styles that strike text through, then the rows
/// of the one sheet wanted.
struct OdsContent<'s> {
    sheet: &'s str,
    struck_styles: BTreeSet<String>,
    style: Option<String>,
    in_sheet: bool,
    row: u32,
    repeated: u32,
    hidden: bool,
    row_style: Option<String>,
    filled: usize,
    struck: usize,
    rows: BTreeMap<u32, Concealed>,
}

impl<'s> OdsContent<'s> {
    fn new(sheet: &'s str) -> Self {
        OdsContent {
            sheet,
            struck_styles: BTreeSet::new(),
            style: None,
            in_sheet: false,
            row: 0,
            repeated: 1,
            hidden: false,
            row_style: None,
            filled: 0,
            struck: 0,
            rows: BTreeMap::new(),
        }
    }

    fn piece(&mut self, p: &Piece<'_>) {
        match p {
            Piece::Open { tag, closed } => match tag.name() {
                "style:style" => {
                    let cell = tag.unescaped_attr("style:family").as_deref() == Some("table-cell");
                    self.style = tag.unescaped_attr("style:name").filter(|_| cell && !closed);
                }
                "style:text-properties" => {
                    let through = tag
                        .unescaped_attr("style:text-line-through-style")
                        .is_some_and(|v| v != "none");
                    if let Some(style) = self.style.clone().filter(|_| through) {
                        self.struck_styles.insert(style);
                    }
                }
                "table:table" => {
                    self.in_sheet = tag.unescaped_attr("table:name").as_deref() == Some(self.sheet);
                    self.row = 0;
                }
                "table:table-row" if self.in_sheet => {
                    self.repeated = tag
                        .unescaped_attr("table:number-rows-repeated")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1);
                    self.hidden = tag
                        .unescaped_attr("table:visibility")
                        .is_some_and(|v| matches!(v.as_str(), "collapse" | "filter"));
                    self.row_style = tag.unescaped_attr("table:default-cell-style-name");
                    (self.filled, self.struck) = (0, 0);
                    if *closed {
                        self.end_row();
                    }
                }
                "table:table-cell" | "table:covered-table-cell"
                    if self.in_sheet && tag.attr("office:value-type").is_some() =>
                {
                    let style = tag
                        .unescaped_attr("table:style-name")
                        .or_else(|| self.row_style.clone());
                    self.filled += 1;
                    self.struck +=
                        usize::from(style.is_some_and(|s| self.struck_styles.contains(&s)));
                }
                _ => {}
            },
            Piece::Close(end) => match end.name() {
                "style:style" => self.style = None,
                "table:table" => self.in_sheet = false,
                "table:table-row" if self.in_sheet => self.end_row(),
                _ => {}
            },
            _ => {}
        }
    }

    fn end_row(&mut self) {
        if self.filled > 0 {
            let how = if self.hidden {
                Some(Concealed::Hidden)
            } else {
                (self.struck == self.filled).then_some(Concealed::Struck)
            };
            // A filled row repeated is the same row many times over; a long run is capped
            // so that a damaged count cannot fill memory.
            if let Some(how) = how {
                for r in self.row..self.row.saturating_add(self.repeated.min(10_000)) {
                    self.rows.insert(r, how);
                }
            }
        }
        self.row = self.row.saturating_add(self.repeated);
    }
}

#[cfg(test)]
mod tests {
    use super::{Concealed, concealed_rows};

    fn fixture(name: &str) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/evidence")
            .join(name)
    }

    #[test]
    fn hidden_and_struck_rows_are_found_in_xlsx_and_ods_alike() {
        for file in [
            "policy-register-set-aside.xlsx",
            "policy-register-set-aside.ods",
        ] {
            let rows = concealed_rows(&fixture(file), "Policies");
            let want = [(2, Concealed::Hidden), (3, Concealed::Struck)];
            assert_eq!(rows.into_iter().collect::<Vec<_>>(), want, "{file}");
        }
    }

    #[test]
    fn another_sheet_a_file_with_none_and_an_xls_file_give_no_rows() {
        let register = fixture("policy-register-set-aside.xlsx");
        assert!(concealed_rows(&register, "Other").is_empty());
        assert!(concealed_rows(&fixture("policy-register.xlsx"), "Policies").is_empty());
        assert!(concealed_rows(&fixture("filtering-checks.xls"), "Sheet1").is_empty());
        assert!(concealed_rows(&fixture("no-such-file.xlsx"), "Policies").is_empty());
    }
}
