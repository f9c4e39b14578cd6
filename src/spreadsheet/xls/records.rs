//! The BIFF records of an .xls workbook stream, walked for what reading each sheet would cost.
//!
//! calamine keeps the workbook globals up to their end for the sheets' names and places, then
//! reads each sheet's cell records: it reserves room for whatever extent a sheet's dimensions
//! record claims, keeps every cell, and lays the sheet out as a dense grid spanning its
//! furthest cells. This walks the same records, building nothing.

use std::mem::size_of;

use calamine::{Cell, Data};

use super::super::limits::SheetCost;
use super::{u16_at, u32_at};

/// One BIFF record: its type and its data, with any continuation records after it skipped
/// as calamine joins them on.
struct Record<'a> {
    kind: u16,
    data: &'a [u8],
}

/// The records of `stream`, from its start.
fn records(mut stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let kind = u16_at(stream, 0)?;
        let len = usize::from(u16_at(stream, 2)?);
        let data = stream.get(4..4 + len)?;
        stream = &stream[4 + len..];
        while stream.len() > 4 && u16_at(stream, 0) == Some(0x003C) {
            let len = usize::from(u16_at(stream, 2)?);
            stream = stream.get(4 + len..)?;
        }
        Some(Record { kind, data })
    })
}

/// Each sheet's cost, found by walking the records calamine keeps: the workbook globals up
/// to their end for the sheets' names and places, then each sheet's cell records.
pub(super) fn sheet_costs(stream: &[u8]) -> Vec<SheetCost> {
    let mut sheets = Vec::new();
    for record in records(stream) {
        match record.kind {
            // BoundSheet8: where a sheet's records start, and its name.
            0x0085 if record.data.len() > 4 => {
                let at = u32_at(record.data, 0).map_or(usize::MAX, |p| p as usize);
                let name = sheet_name(record.data, sheets.len());
                sheets.push((at, name));
            }
            0x002F if u16_at(record.data, 0).is_some_and(|f| f != 0) => return Vec::new(),
            0x000A => break,
            _ => {}
        }
    }
    sheets
        .into_iter()
        .filter_map(|(at, name)| Some(sheet_cost(stream.get(at..)?, name)))
        .collect()
}

/// What reading one sheet would cost, from its records.
fn sheet_cost(stream: &[u8], name: String) -> SheetCost {
    let mut sheet = Sheet::default();
    let mut seen_bof = false;
    let mut depth = 0usize;
    for record in records(stream) {
        // Records of a part embedded in the sheet (a chart, say) until that part's end.
        if depth > 0 {
            match record.kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match record.kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            _ => sheet.take(&record),
        }
    }
    sheet.cost(name)
}

/// What calamine keeps of one sheet's cells, counted as its records pass.
#[derive(Default)]
struct Sheet {
    /// Every cell's place.
    extent: Extent,
    /// Every formula's place.
    formulas: Extent,
    cells: u64,
    /// Cells calamine reserves room for.
    reserved: u64,
    /// Where the last formula was, which a String record after it belongs to.
    formula_at: (u32, u32),
}

impl Sheet {
    fn take(&mut self, record: &Record<'_>) {
        let data = record.data;
        let at = || Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)));
        match record.kind {
            // Dimensions: calamine reserves room for the whole extent it claims.
            0x0200 => {
                let claimed = self.cells.saturating_add(claimed_cells(data));
                self.reserved = self.reserved.max(claimed);
            }
            // Number, Label, RString, BoolErr, RK and LabelSst: one cell each.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                if let Some(at) = at() {
                    self.extent.add(at);
                    self.cells += 1;
                }
            }
            // String: the text result of the formula before it.
            0x0207 => {
                self.extent.add(self.formula_at);
                self.cells += 1;
            }
            // MulRk: a run of cells along one row.
            0x00BD if data.len() >= 6 => {
                let row = u32::from(u16_at(data, 0).unwrap_or(0));
                let first = u32::from(u16_at(data, 2).unwrap_or(0));
                let last = u32::from(u16_at(data, data.len() - 2).unwrap_or(0));
                self.extent.add((row, first));
                self.extent.add((row, last));
                self.cells += u64::from(last.saturating_sub(first)) + 1;
            }
            // Formula.
            0x0006 => {
                if let Some(at) = at() {
                    self.formula_at = at;
                    self.extent.add(at);
                    self.formulas.add(at);
                    self.cells += 1;
                }
            }
            _ => {}
        }
    }

    /// The bytes calamine would hold: the cells it keeps (or the room it reserved), the dense
    /// grid spanning them and a formula text for every place in the formulas' grid.
    fn cost(self, name: String) -> SheetCost {
        let cell = size_of::<Cell<Data>>() as u64;
        let bytes = self
            .reserved
            .max(self.cells)
            .saturating_mul(cell)
            .saturating_add(self.extent.cells().saturating_mul(size_of::<Data>() as u64))
            .saturating_add(
                self.formulas
                    .cells()
                    .saturating_mul(size_of::<String>() as u64),
            );
        SheetCost {
            name,
            rows: self.extent.rows(),
            cols: self.extent.cols(),
            bytes,
        }
    }
}

/// How many cells a Dimensions record claims, computed as calamine computes it, wrapping
/// included.
fn claimed_cells(data: &[u8]) -> u64 {
    let fields = match data.len() {
        10 => (|| {
            Some((
                u32::from(u16_at(data, 0)?),
                u32::from(u16_at(data, 2)?),
                u32::from(u16_at(data, 4)?),
                u32::from(u16_at(data, 6)?),
            ))
        })(),
        14 | 16 => (|| {
            Some((
                u32_at(data, 0)?,
                u32_at(data, 4)?,
                u32::from(u16_at(data, 8)?),
                u32::from(u16_at(data, 10)?),
            ))
        })(),
        _ => None,
    };
    let Some((first_row, past_row, mut first_col, past_col)) = fields else {
        return 0;
    };
    if first_col > 0xFF || past_col < first_col {
        first_col = 0;
    }
    if past_row == 0 || past_col == 0 {
        return 1;
    }
    let rows = (past_row - 1).wrapping_sub(first_row).wrapping_add(1);
    let cols = (past_col - 1).wrapping_sub(first_col).wrapping_add(1);
    u64::from(rows).saturating_mul(u64::from(cols))
}

/// The rectangle spanning every cell seen, which calamine lays out densely.
#[derive(Default)]
struct Extent {
    bounds: Option<((u32, u32), (u32, u32))>,
}

impl Extent {
    fn add(&mut self, (r, c): (u32, u32)) {
        self.bounds = Some(match self.bounds {
            None => ((r, c), (r, c)),
            Some(((r0, c0), (r1, c1))) => ((r0.min(r), c0.min(c)), (r1.max(r), c1.max(c))),
        });
    }

    fn rows(&self) -> u64 {
        self.bounds
            .map_or(0, |((r0, _), (r1, _))| u64::from(r1 - r0) + 1)
    }

    fn cols(&self) -> u64 {
        self.bounds
            .map_or(0, |((_, c0), (_, c1))| u64::from(c1 - c0) + 1)
    }

    fn cells(&self) -> u64 {
        self.rows() * self.cols()
    }
}

/// A sheet's name from its BoundSheet8 record: UTF-16 or one byte per character in BIFF8,
/// one byte per character before. Falls back to its position when the record is odd.
fn sheet_name(data: &[u8], index: usize) -> String {
    let fallback = || format!("number {}", index + 1);
    let Some(&count) = data.get(6) else {
        return fallback();
    };
    let count = usize::from(count);
    match (data.get(7), data.len()) {
        (Some(1), len) if len == 8 + 2 * count => {
            let units: Vec<u16> = data[8..]
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        (Some(0), len) if len == 8 + count => data[8..].iter().map(|&b| char::from(b)).collect(),
        (_, len) if len == 7 + count => data[7..].iter().map(|&b| char::from(b)).collect(),
        _ => fallback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_claims_are_read_as_calamine_reads_them() {
        let biff8 = |r0: u32, r1: u32, c0: u16, c1: u16| {
            let mut d = Vec::new();
            d.extend(r0.to_le_bytes());
            d.extend(r1.to_le_bytes());
            d.extend(c0.to_le_bytes());
            d.extend(c1.to_le_bytes());
            d.extend([0, 0]);
            d
        };
        assert_eq!(claimed_cells(&biff8(0, 10, 0, 4)), 40);
        assert_eq!(claimed_cells(&biff8(0, 0, 0, 0)), 1);
        assert_eq!(
            claimed_cells(&biff8(0, u32::MAX, 0, 256)),
            u64::from(u32::MAX) * 256
        );
        assert_eq!(claimed_cells(&[0; 3]), 0);
    }

    /// A workbook stream holding one sheet called `name` with `records` after its BOF.
    fn one_sheet(name: &str, records: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let record = |kind: u16, data: &[u8]| {
            let mut out = kind.to_le_bytes().to_vec();
            out.extend((data.len() as u16).to_le_bytes());
            out.extend(data);
            out
        };
        let bound = |at: u32| {
            let mut data = at.to_le_bytes().to_vec();
            data.extend([0, 0, name.len() as u8, 0]);
            data.extend(name.as_bytes());
            record(0x0085, &data)
        };
        // The globals: the sheet's place, which is right after them, and their end.
        let globals_len = bound(0).len() + 4;
        let mut stream = bound(globals_len as u32);
        stream.extend(record(0x000A, &[]));
        stream.extend(record(0x0809, &[0; 8]));
        for (kind, data) in records {
            stream.extend(record(*kind, data));
        }
        stream.extend(record(0x000A, &[]));
        stream
    }

    /// A Number record at `row`, `col`.
    fn number(row: u16, col: u16) -> (u16, Vec<u8>) {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(col.to_le_bytes());
        data.extend([0; 10]);
        (0x0203, data)
    }

    #[test]
    fn sheets_far_cells_widen_the_extent() {
        let stream = one_sheet("Log", &[number(0, 0), number(0xFFFF, 0xFF)]);
        let costs = sheet_costs(&stream);
        assert_eq!(costs.len(), 1);
        assert_eq!(costs[0].name, "Log");
        assert_eq!((costs[0].rows, costs[0].cols), (65_536, 256));
        assert!(costs[0].bytes >= 65_536 * 256 * size_of::<Data>() as u64);
    }

    #[test]
    fn a_full_thirty_column_sheet_fits_the_budget() {
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(65_536u32.to_le_bytes());
        dims.extend([0, 0, 30, 0, 0, 0]);
        let stream = one_sheet("L", &[(0x0200, dims), number(0, 0), number(0xFFFF, 29)]);
        let costs = sheet_costs(&stream);
        assert_eq!((costs[0].rows, costs[0].cols), (65_536, 30));
        let mib = costs[0].bytes >> 20;
        assert!((120..160).contains(&mib), "{mib} MiB");
    }
}
