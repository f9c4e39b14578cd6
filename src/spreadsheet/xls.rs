//! A look through an .xls file before calamine reads it.
//!
//! An .xls file is a compound file: a small file system of fixed-size sectors, each stream a
//! chain of sectors linked through an allocation table. calamine follows those chains without
//! noticing one that loops back on itself (fuzzing found a 6 KB file that made it grow a
//! buffer past 2 GB), reserves room for whatever extent a sheet's dimensions record claims,
//! and builds a dense grid spanning each sheet's furthest cells. This walks the same
//! structures, building nothing but the workbook stream, and reports loops and the memory the
//! sheets would need. Anything it cannot follow is left for calamine to report as damaged.
//!
//! It follows calamine's reading step by step rather than using a compound-file crate such as
//! `cfb`: a crate that rejected a file calamine accepts would let that file through unchecked,
//! and one that accepted a file calamine reads differently would check the wrong thing.

use std::mem::size_of;

use calamine::{Cell, Data};

use super::limits::{SheetCost, looping};

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Sector numbers at or above this mark the end of a chain or a special sector.
const RESERVED: u32 = 0xFFFF_FFFA;
/// Allocation-table sectors listed in the header are below this.
const DIFSECT: u32 = 0xFFFF_FFFC;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Streams shorter than this live in the mini stream, in 64-byte mini sectors.
const MINI_CUTOFF: usize = 4096;
const MINI_SECTOR: usize = 64;

/// What the look through an .xls file found.
#[derive(Debug)]
pub enum Found {
    /// The sheets and what reading each would cost.
    Sheets(Vec<SheetCost>),
    /// The file's structure loops; the sentence says which part.
    Loop(String),
    /// The file is not a compound file we can follow; calamine will say what is wrong.
    Unfollowable,
}

/// Looks through the bytes of an .xls file.
pub fn survey(bytes: &[u8]) -> Found {
    let Some(mut container) = Container::open(bytes) else {
        return Found::Unfollowable;
    };
    if has_loop(&container.fat) {
        return Found::Loop(looping());
    }
    let Some(workbook) = container.workbook_stream() else {
        return Found::Unfollowable;
    };
    if workbook.mini && has_loop(&container.mini_fat) {
        return Found::Loop(looping());
    }
    Found::Sheets(sheet_costs(&workbook.bytes))
}

/// The compound-file container, read the way calamine reads it.
struct Container<'a> {
    bytes: &'a [u8],
    sector: usize,
    /// The highest sector number calamine accepts.
    max_id: u32,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    directory_start: u32,
    mini_fat_start: u32,
    mini_fat_sectors: usize,
}

struct Stream {
    bytes: Vec<u8>,
    mini: bool,
}

impl<'a> Container<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        let header = bytes.get(..512)?;
        if header[..8] != SIGNATURE {
            return None;
        }
        let sector = match u16_at(header, 30)? {
            9 => 512,
            12 if bytes.len() >= 4096 => 4096,
            _ => return None,
        };
        if u16_at(header, 32)? != 6 {
            return None;
        }
        let max_id = u32::try_from(bytes.len() / sector).ok()?;
        let mut container = Container {
            bytes,
            sector,
            max_id,
            fat: Vec::new(),
            mini_fat: Vec::new(),
            directory_start: u32_at(header, 48)?,
            mini_fat_start: u32_at(header, 60)?,
            mini_fat_sectors: usize::try_from(u32_at(header, 64)?).ok()?,
        };
        // The header lists the first 109 allocation-table sectors; a chain of DIFAT sectors
        // lists the rest, each ending with the number of the next.
        let mut difat: Vec<u32> = words(&header[76..512]).collect();
        let mut next = u32_at(header, 68)?;
        let mut hops = 0usize;
        while next < RESERVED {
            hops += 1;
            if hops > max_id as usize + 1 {
                return None;
            }
            difat.extend(words(container.sector(next)?));
            next = difat.pop()?;
        }
        for id in difat.into_iter().filter(|id| *id < DIFSECT) {
            let words: Vec<u32> = words(container.sector(id)?).collect();
            container.fat.extend(words);
        }
        Some(container)
    }

    /// Sector `id`, cut short where the file ends; `None` past the last sector calamine
    /// accepts.
    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        if id > self.max_id {
            return None;
        }
        let start = (id as usize + 1).checked_mul(self.sector)?;
        let end = start.saturating_add(self.sector).min(self.bytes.len());
        Some(self.bytes.get(start..end).unwrap_or(&[]))
    }

    /// The bytes of the chain starting at `start`, at most `len` of them. Only called once the
    /// allocation table is known to have no loops, so every chain ends.
    fn chain(&self, mut id: u32, len: usize) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        while id != END_OF_CHAIN {
            let sector = self.sector(id)?;
            let take = sector.len().min(len - out.len());
            out.extend_from_slice(&sector[..take]);
            if out.len() >= len {
                break;
            }
            id = *self.fat.get(id as usize)?;
        }
        Some(out)
    }

    /// The stream calamine reads the workbook from: `Workbook`, or `Book` in older files.
    fn workbook_stream(&mut self) -> Option<Stream> {
        let directory = self.chain(self.directory_start, usize::MAX)?;
        let entries: Vec<Entry> = directory
            .chunks_exact(128)
            .map(|c| Entry::parse(c, self.sector))
            .collect::<Option<_>>()?;
        let root = entries.first()?;
        let entry = ["Workbook", "Book"]
            .iter()
            .find_map(|want| entries.iter().find(|e| e.name.eq_ignore_ascii_case(want)))?;
        if entry.len >= MINI_CUTOFF {
            let bytes = self.chain(entry.start, entry.len)?;
            return Some(Stream { bytes, mini: false });
        }
        let mini_stream = self.chain(root.start, root.len)?;
        let table_len = self.mini_fat_sectors.checked_mul(self.sector)?;
        let table = self.chain(self.mini_fat_start, table_len)?;
        self.mini_fat = words(&table).collect();
        if has_loop(&self.mini_fat) {
            return Some(Stream {
                bytes: Vec::new(),
                mini: true,
            });
        }
        let mut bytes = Vec::new();
        let mut id = entry.start;
        while id != END_OF_CHAIN && bytes.len() < entry.len {
            let start = (id as usize).checked_mul(MINI_SECTOR)?;
            let sector = mini_stream.get(start..).unwrap_or(&[]);
            let take = sector.len().min(MINI_SECTOR).min(entry.len - bytes.len());
            bytes.extend_from_slice(&sector[..take]);
            id = *self.mini_fat.get(id as usize)?;
        }
        Some(Stream { bytes, mini: true })
    }
}

/// One 128-byte directory entry: a stream's name, first sector and length.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

impl Entry {
    fn parse(raw: &[u8], sector: usize) -> Option<Self> {
        let units: Vec<u16> = raw[..64]
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .take_while(|u| *u != 0)
            .collect();
        let len = if sector == 512 {
            u64::from(u32_at(raw, 120)?)
        } else {
            u64::from_le_bytes(raw.get(120..128)?.try_into().ok()?)
        };
        Some(Entry {
            name: String::from_utf16_lossy(&units),
            start: u32_at(raw, 116)?,
            len: usize::try_from(len).ok()?,
        })
    }
}

/// Whether following `next` from some entry comes back to an entry already on the way. Values
/// past the end of the table end a chain.
fn has_loop(next: &[u32]) -> bool {
    const UNSEEN: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![UNSEEN; next.len()];
    for start in 0..next.len() {
        let mut at = start;
        while at < next.len() && state[at] == UNSEEN {
            state[at] = ON_PATH;
            at = next[at] as usize;
        }
        if at < next.len() && state[at] == ON_PATH {
            return true;
        }
        let mut at = start;
        while at < next.len() && state[at] == ON_PATH {
            state[at] = DONE;
            at = next[at] as usize;
        }
    }
    false
}

/// One BIFF record: its type and its data, with any continuation records after it skipped
/// as calamine joins them on.
struct Record<'a> {
    kind: u16,
    data: &'a [u8],
}

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
fn sheet_costs(stream: &[u8]) -> Vec<SheetCost> {
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

fn sheet_cost(stream: &[u8], name: String) -> SheetCost {
    let mut extent = Extent::default();
    let mut formulas = Extent::default();
    let mut cells: u64 = 0;
    let mut reserved: u64 = 0;
    let mut formula_at = (0u32, 0u32);
    let mut seen_bof = false;
    let mut depth = 0usize;
    for record in records(stream) {
        if depth > 0 {
            match record.kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = || {
            Some((
                u32::from(u16_at(record.data, 0)?),
                u32::from(u16_at(record.data, 2)?),
            ))
        };
        match record.kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            // Dimensions: calamine reserves room for the whole extent it claims.
            0x0200 => reserved = reserved.max(cells.saturating_add(claimed_cells(record.data))),
            // Number, Label, RString, BoolErr, RK and LabelSst: one cell each.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                if let Some(at) = at() {
                    extent.add(at);
                    cells += 1;
                }
            }
            // String: the text result of the formula before it.
            0x0207 => {
                extent.add(formula_at);
                cells += 1;
            }
            // MulRk: a run of cells along one row.
            0x00BD if record.data.len() >= 6 => {
                let row = u32::from(u16_at(record.data, 0).unwrap_or(0));
                let first = u32::from(u16_at(record.data, 2).unwrap_or(0));
                let last = u32::from(u16_at(record.data, record.data.len() - 2).unwrap_or(0));
                extent.add((row, first));
                extent.add((row, last));
                cells += u64::from(last.saturating_sub(first)) + 1;
            }
            0x0006 => {
                if let Some(at) = at() {
                    formula_at = at;
                    extent.add(at);
                    formulas.add(at);
                    cells += 1;
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    let cell = size_of::<Cell<Data>>() as u64;
    let bytes = reserved
        .max(cells)
        .saturating_mul(cell)
        .saturating_add(extent.cells().saturating_mul(size_of::<Data>() as u64))
        .saturating_add(formulas.cells().saturating_mul(size_of::<String>() as u64));
    SheetCost {
        name,
        rows: extent.rows(),
        cols: extent.cols(),
        bytes,
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

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loops_in_an_allocation_table_are_found() {
        assert!(!has_loop(&[]));
        assert!(!has_loop(&[1, 2, END_OF_CHAIN, 0xFFFF_FFFF]));
        assert!(!has_loop(&[2, 2, END_OF_CHAIN]));
        assert!(has_loop(&[0]));
        assert!(has_loop(&[END_OF_CHAIN, 2, 3, 1]));
        assert!(!has_loop(&[1, 99]));
    }

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

    #[test]
    fn odd_bytes_are_left_for_calamine() {
        assert!(matches!(survey(b""), Found::Unfollowable));
        assert!(matches!(survey(&[0xD0; 600]), Found::Unfollowable));
        let mut header = SIGNATURE.to_vec();
        header.resize(512, 0);
        assert!(matches!(survey(&header), Found::Unfollowable));
    }
}

#[cfg(test)]
mod fixture_tests {
    use super::*;
    use crate::spreadsheet::limits::judge;

    #[test]
    fn the_shipped_xls_fixtures_are_followed_and_cheap() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).expect("fixture folder").flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "xls") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("fixture reads");
            let far = path.ends_with("stray-far-cell.xls");
            match survey(&bytes) {
                Found::Sheets(costs) if far => {
                    let why = judge("xls", &costs).expect_err("the far cell is refused");
                    assert!(why.contains("65,536 rows by 16,384 columns"), "{why}");
                }
                Found::Sheets(costs) => {
                    assert!(!costs.is_empty(), "{}", path.display());
                    assert!(costs.iter().all(|c| c.rows > 0), "{}", path.display());
                    assert!(judge("xls", &costs).is_ok(), "{}", path.display());
                    checked += 1;
                }
                Found::Loop(why) => panic!("{}: {why}", path.display()),
                Found::Unfollowable => {}
            }
        }
        assert_eq!(
            checked, 3,
            "all three .xls fixtures are followed to their sheets"
        );
    }
}
