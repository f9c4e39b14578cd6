//! Little-endian numbers and byte ranges read from a zip's raw bytes, never past the end:
//! a number that is not all there reads as 0, and a range that is not is an error in words.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// `len` bytes of `file` from byte `at`.
pub fn read_at(file: &mut File, at: u64, len: usize) -> Result<Vec<u8>, String> {
    let mut buf = vec![0u8; len];
    file.seek(SeekFrom::Start(at))
        .and_then(|_| file.read_exact(&mut buf))
        .map_err(|e| format!("cannot be read at byte {at} ({e})"))?;
    Ok(buf)
}

/// The 2-byte number at `at`.
pub fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2)
        .map_or(0, |x| u16::from_le_bytes([x[0], x[1]]))
}

/// The 4-byte number at `at`.
pub fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}

/// The 8-byte number at `at`.
pub fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |x| {
        u64::from_le_bytes([x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]])
    })
}
