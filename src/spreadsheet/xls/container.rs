//! The compound file an .xls workbook is stored in, walked the way calamine walks it.
//!
//! A compound file is a small file system of fixed-size sectors: a header, an allocation
//! table giving each sector's next in its chain (itself listed by the header and a chain of
//! DIFAT sectors), a directory of streams, and a mini stream of 64-byte sectors holding the
//! short streams. This reads the allocation tables and the workbook stream exactly as
//! calamine does, including what calamine does not check, and finds chains that loop.

use super::{u16_at, u32_at, words};

/// The first bytes of every compound file.
const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Sector numbers at or above this mark the end of a chain or a special sector.
const RESERVED: u32 = 0xFFFF_FFFA;
/// Allocation-table sectors listed in the header are below this.
const DIFSECT: u32 = 0xFFFF_FFFC;
/// The number that ends a chain.
pub(super) const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Streams shorter than this live in the mini stream, in 64-byte mini sectors.
const MINI_CUTOFF: usize = 4096;
/// The size of a mini sector.
const MINI_SECTOR: usize = 64;

/// The compound-file container, read the way calamine reads it.
pub(super) struct Container<'a> {
    bytes: &'a [u8],
    sector: usize,
    /// The highest sector number calamine accepts.
    max_id: u32,
    /// The allocation table: each sector's next in its chain.
    pub(super) fat: Vec<u32>,
    /// The mini stream's allocation table, once the workbook stream has been looked for.
    pub(super) mini_fat: Vec<u32>,
    directory_start: u32,
    mini_fat_start: u32,
    mini_fat_sectors: usize,
}

/// A stream's bytes, and whether it lives in the mini stream.
pub(super) struct Stream {
    pub(super) bytes: Vec<u8>,
    pub(super) mini: bool,
}

impl<'a> Container<'a> {
    /// The container in `bytes`, with its allocation table; `None` when it cannot be followed.
    pub(super) fn open(bytes: &'a [u8]) -> Option<Self> {
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
    pub(super) fn workbook_stream(&mut self) -> Option<Stream> {
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
pub(super) fn has_loop(next: &[u32]) -> bool {
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
}
