//! A check of every cell `summary.xlsx` writes: its text fits its column on one line, shrinks
//! to fit it, or wraps in a row estimated tall enough for its lines, bold text counted wider
//! ([`crate::sheetprint::BOLD_WIDER`]), so that no line is cut or drawn over the row below.
//! The workbook is read back from its own XML, since the spreadsheet readers give cells'
//! values but not their widths, heights or formats.

use std::collections::BTreeMap;
use std::io::Read;

use quick_xml::events::Event;

use crate::sheetprint::{self, BOLD_WIDER};

/// What a cell's format does to its text.
#[derive(Debug, Clone, Copy, Default)]
struct Look {
    wrap: bool,
    shrink: bool,
    bold: bool,
    size: f64,
}

/// A written cell of text: its column, its row and its look.
struct Cell {
    col: usize,
    row: usize,
    text: String,
    look: Look,
}

/// One sheet as written: column widths in the unit the writer was given, custom row
/// heights, text cells, merged ranges (first and last column of a row) and the columns a
/// conditional format makes bold.
#[derive(Default)]
struct Sheet {
    widths: BTreeMap<usize, f64>,
    heights: BTreeMap<usize, f64>,
    cells: Vec<Cell>,
    merged: Vec<(usize, usize, usize)>,
    bold_cols: Vec<usize>,
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.0 == name)
        .map(|a| a.value.to_string())
}

fn part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> String {
    let mut text = String::new();
    zip.by_name(name)
        .expect("the part is in the workbook")
        .read_to_string(&mut text)
        .expect("the part reads");
    text
}

/// The column (from 0) and row (from 0) of a reference such as "AB12".
fn cell_ref(r: &str) -> (usize, usize) {
    let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
    let col = letters
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1))
        - 1;
    let row: usize = r[letters.len()..].parse().expect("a row number");
    (col, row - 1)
}

/// The shared strings, each the text of its `<t>` elements.
fn shared(xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut current, mut inside) = (Vec::new(), String::new(), false);
    loop {
        match reader.read_event().expect("the strings read") {
            Event::Start(e) if e.name().0 == "t" => inside = true,
            Event::End(e) if e.name().0 == "t" => inside = false,
            Event::Text(t) if inside => {
                current.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if inside => {
                let name = r.as_ref().to_string();
                current.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    _ => "'",
                });
            }
            Event::End(e) if e.name().0 == "si" => out.push(std::mem::take(&mut current)),
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// Each cell format's look, and whether each differential format (of a conditional
/// format) is bold.
fn looks(xml: &str) -> (Vec<Look>, Vec<bool>) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut fonts, mut looks, mut dxfs) = (Vec::new(), Vec::new(), Vec::new());
    let mut section = String::new();
    loop {
        match reader.read_event().expect("the styles read") {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().0.to_string();
                match name.as_str() {
                    "fonts" | "cellXfs" | "dxfs" | "cellStyleXfs" => section = name,
                    "font" if section == "fonts" => fonts.push(Look {
                        size: 11.0,
                        ..Look::default()
                    }),
                    "font" if section == "dxfs" => {}
                    "dxf" => dxfs.push(false),
                    "b" if section == "fonts" => fonts.last_mut().expect("a font").bold = true,
                    "b" if section == "dxfs" => *dxfs.last_mut().expect("a dxf") = true,
                    "sz" if section == "fonts" => {
                        let size = attr(&e, "val").and_then(|v| v.parse().ok());
                        fonts.last_mut().expect("a font").size = size.unwrap_or(11.0);
                    }
                    "xf" if section == "cellXfs" => {
                        let font: usize = attr(&e, "fontId").map_or(0, |v| v.parse().unwrap_or(0));
                        looks.push(fonts[font]);
                    }
                    "alignment" if section == "cellXfs" => {
                        let look = looks.last_mut().expect("an xf");
                        look.wrap = attr(&e, "wrapText").as_deref() == Some("1");
                        look.shrink = attr(&e, "shrinkToFit").as_deref() == Some("1");
                    }
                    _ => {}
                }
            }
            Event::Eof => return (looks, dxfs),
            _ => {}
        }
    }
}

/// A worksheet's XML read into a [`Sheet`].
fn sheet(xml: &str, strings: &[String], looks: &[Look], bold_dxf: &[bool]) -> Sheet {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut s = Sheet::default();
    let mut cell: Option<(String, usize, bool)> = None;
    let mut in_value = false;
    let mut pending: Option<usize> = None;
    loop {
        match reader.read_event().expect("the sheet reads") {
            Event::Start(e) | Event::Empty(e) => match e.name().0 {
                "col" => {
                    let n = |k| {
                        attr(&e, k)
                            .and_then(|v| v.parse::<usize>().ok())
                            .unwrap_or(1)
                    };
                    let w: f64 = attr(&e, "width")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0.0);
                    let hidden = attr(&e, "hidden").as_deref() == Some("1");
                    for c in n("min")..=n("max") {
                        let shown = if hidden { 0.0 } else { w - 5.0 / 7.0 };
                        s.widths.insert(c - 1, shown.max(0.0));
                    }
                }
                "row" => {
                    if let Some(ht) = attr(&e, "ht").and_then(|v| v.parse().ok()) {
                        let r: usize = attr(&e, "r").and_then(|v| v.parse().ok()).unwrap_or(1);
                        s.heights.insert(r - 1, ht);
                    }
                }
                "c" => {
                    let r = attr(&e, "r").expect("a reference");
                    let style = attr(&e, "s").map_or(0, |v| v.parse().unwrap_or(0));
                    cell = Some((r, style, attr(&e, "t").as_deref() == Some("s")));
                }
                "v" => in_value = true,
                "mergeCell" => {
                    let range = attr(&e, "ref").expect("a range");
                    let (a, b) = range.split_once(':').expect("a range");
                    let ((c1, r1), (c2, _)) = (cell_ref(a), cell_ref(b));
                    s.merged.push((r1, c1, c2));
                }
                "conditionalFormatting" => {
                    let range = attr(&e, "sqref").expect("a range");
                    pending = Some(cell_ref(range.split(':').next().expect("a cell")).0);
                }
                "cfRule" => {
                    let dxf: usize = attr(&e, "dxfId").and_then(|v| v.parse().ok()).unwrap_or(0);
                    // Only a bold conditional format makes a column's text wider.
                    if let Some(col) = pending.filter(|_| bold_dxf.get(dxf) == Some(&true)) {
                        s.bold_cols.push(col);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_value => {
                let value = t.xml10_content().into_owned();
                if let Some((r, style, true)) = &cell {
                    let (col, row) = cell_ref(r);
                    let index: usize = value.parse().expect("a string's index");
                    s.cells.push(Cell {
                        col,
                        row,
                        text: strings[index].clone(),
                        look: looks[*style],
                    });
                }
            }
            Event::End(e) if e.name().0 == "v" => in_value = false,
            Event::End(e) if e.name().0 == "c" => cell = None,
            Event::Eof => return s,
            _ => {}
        }
    }
}

/// The default width of a column the sheet does not size.
const DEFAULT_WIDTH: f64 = 8.43;

impl Sheet {
    fn width(&self, col: usize) -> f64 {
        self.widths.get(&col).copied().unwrap_or(DEFAULT_WIDTH)
    }

    /// The room a cell's text has: its merged range, or its column and, for text that does
    /// not wrap, the empty columns to its right that it runs over.
    fn room(&self, c: &Cell) -> f64 {
        if let Some((_, a, b)) = self
            .merged
            .iter()
            .find(|(r, a, _)| *r == c.row && *a == c.col)
        {
            return (*a..=*b).map(|col| self.width(col)).sum();
        }
        let mut room = self.width(c.col);
        if !c.look.wrap {
            let taken = |col: usize| self.cells.iter().any(|o| o.row == c.row && o.col == col);
            let mut col = c.col + 1;
            while col < c.col + 20 && !taken(col) && self.widths.contains_key(&col) {
                room += self.width(col);
                col += 1;
            }
        }
        room
    }

    /// Every cell whose text does not fit as written, described.
    fn misfits(&self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        for c in &self.cells {
            if c.look.shrink || c.text.is_empty() {
                continue;
            }
            let bold = c.look.bold || self.bold_cols.contains(&c.col);
            let room = self.room(c) * 11.0 / c.look.size / if bold { BOLD_WIDER } else { 1.0 };
            let lines = sheetprint::lines(&c.text, room);
            let height = self.heights.get(&c.row).copied();
            let needed = sheetprint::height(&[(&c.text, room * c.look.size / 11.0)], c.look.size);
            let fits = match (c.look.wrap, height) {
                // A height is kept in whole pixels, three quarters of a point.
                (true, Some(h)) => needed <= h + 0.75 && needed < sheetprint::MAX_ROW_POINTS,
                _ => lines == 1,
            };
            if !fits {
                out.push(format!(
                    "{name}!{}{}: {:?} takes {lines} lines in {room:.1} units, row {:?} pt",
                    char::from(b'A' + u8::try_from(c.col).unwrap_or(25)),
                    c.row + 1,
                    c.text,
                    height
                ));
            }
        }
        out
    }
}

/// Every cell of the workbook `bytes` whose text does not fit, described.
pub(super) fn misfits(bytes: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a workbook");
    let strings = shared(&part(&mut zip, "xl/sharedStrings.xml"));
    let (looks, bold_dxf) = looks(&part(&mut zip, "xl/styles.xml"));
    let workbook = part(&mut zip, "xl/workbook.xml");
    let names: Vec<String> = workbook
        .split("<sheet ")
        .skip(1)
        .filter_map(|s| s.split("name=\"").nth(1))
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect();
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let xml = part(&mut zip, &format!("xl/worksheets/sheet{}.xml", i + 1));
        out.extend(sheet(&xml, &strings, &looks, &bold_dxf).misfits(name));
    }
    out
}
