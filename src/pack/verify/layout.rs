//! The zip's own structure, read from its raw bytes: the central directory entry by entry,
//! each entry's local header, and which bytes of the file belong to which entry.
//!
//! The zip crate reads what an extractor would read, but not everything a forger can hide
//! from it. Its index keeps one entry per name, so a second entry under the same name
//! (placed before the real one, where some extractors take it) never shows; and its
//! consistency check stops at the first problem as one message. The assessor needs every
//! problem named, so this module walks the structure itself (APPNOTE 6.3: end of central
//! directory, zip64 locator and record, central headers, local headers, data descriptors).
//! It reads only headers, never entry data, with every offset and length checked against
//! the file's size, so a damaged or hostile zip gives findings, never a panic or a read
//! past the end.

use std::fs::File;

use super::end;
use super::fields::{self, Fields};
use super::raw::{read_at, u16_at, u32_at, u64_at};

pub(super) const EOCD: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const ZIP64_EOCD: u32 = 0x0606_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;
const DESCRIPTOR: u32 = 0x0807_4b50;
/// The central directory of a pack is a few hundred bytes per file; more than this is
/// not a pack.
const CENTRAL_LIMIT: u64 = 256 * 1024 * 1024;

/// How the message for bytes put in front of the zip starts.
const PREFIXED: &str = "the zip has been added to:";

/// One problem with the zip's structure, in words, and the entry it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// The entry's name, when the problem is an entry's.
    pub entry: Option<String>,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// The kinds of problem, one per finding code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Two central directory entries share a name.
    Duplicate,
    /// A folder entry.
    Folder,
    /// A link, device, pipe or socket.
    NotAFile,
    /// A local header that disagrees with the central directory.
    HeaderMismatch,
    /// Bytes that belong to no entry.
    Stray,
    /// The structure is damaged: the end record cut off, repeated or wrong, or the central
    /// directory unreadable.
    Unreadable,
}

/// One central directory entry, with what its local header must agree with.
#[derive(Debug, Clone)]
struct Central {
    name: Vec<u8>,
    made_by_unix: bool,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    external: u32,
    offset: u64,
    /// The other fields, which the writer always writes the same way.
    fields: Fields,
    extra: Vec<u8>,
}

/// Every problem with the structure of the zip in `file`.
pub fn check(file: &mut File) -> Vec<Problem> {
    let mut problems = Vec::new();
    match entries(file) {
        Ok(w) => {
            problems.extend(w.end.problems.iter().cloned());
            names(&w.entries, &mut problems);
            let mut spans = Vec::new();
            for e in &w.entries {
                kind_of(e, &mut problems);
                let odd = fields::central(&e.fields, e.external, &e.extra);
                problems.extend(odd.iter().map(|why| Problem {
                    kind: ProblemKind::HeaderMismatch,
                    entry: Some(shown(&e.name)),
                    message: format!("the directory entry of `{}` {why}", shown(&e.name)),
                }));
                match local(file, e) {
                    Ok((end, mismatch)) => {
                        problems.extend(mismatch);
                        spans.push((e.offset, end, shown(&e.name)));
                    }
                    Err(why) => problems.push(mismatch(e, &why)),
                }
            }
            coverage(&mut spans, w.dir_start, &mut problems);
            problems.extend(end::repeated(&w.end, w.end_at, &spans));
            if w.dir_end != w.tail_start {
                problems.push(stray(format!(
                    "{} bytes between the central directory and its end record belong to no entry",
                    w.tail_start.abs_diff(w.dir_end)
                )));
            }
        }
        Err(why) if why.starts_with(PREFIXED) => problems.push(stray(why)),
        Err(why) => problems.push(Problem {
            kind: ProblemKind::Unreadable,
            entry: None,
            message: why,
        }),
    }
    problems
}

fn shown(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}

fn stray(message: String) -> Problem {
    Problem {
        kind: ProblemKind::Stray,
        entry: None,
        message,
    }
}

fn mismatch(e: &Central, why: &str) -> Problem {
    let name = shown(&e.name);
    Problem {
        kind: ProblemKind::HeaderMismatch,
        entry: Some(name.clone()),
        message: format!("the local header of `{name}` {why}"),
    }
}

/// A name given by more than one entry.
fn names(entries: &[Central], problems: &mut Vec<Problem>) {
    let mut sorted: Vec<&[u8]> = entries.iter().map(|e| e.name.as_slice()).collect();
    sorted.sort_unstable();
    let mut i = 0;
    while i < sorted.len() {
        let n = sorted[i..].iter().take_while(|x| **x == sorted[i]).count();
        if n > 1 {
            let name = shown(sorted[i]);
            problems.push(Problem {
                kind: ProblemKind::Duplicate,
                entry: Some(name.clone()),
                message: format!(
                    "`{name}` is in the pack {n} times; an extractor would keep only one of them, not necessarily the one checked"
                ),
            });
        }
        i += n;
    }
}

/// A folder, link or special file, by its name and its attributes.
fn kind_of(e: &Central, problems: &mut Vec<Problem>) {
    let name = shown(&e.name);
    let mode = if e.made_by_unix { e.external >> 16 } else { 0 };
    // Windows extractors take the DOS attribute, whatever system made the entry.
    let dos_folder = e.external & 0x10 != 0;
    let what = match mode & 0o170_000 {
        0o040_000 => Some(ProblemKind::Folder),
        0 | 0o100_000 if name.ends_with('/') || dos_folder => Some(ProblemKind::Folder),
        0 | 0o100_000 => None,
        _ => Some(ProblemKind::NotAFile),
    };
    let message = match (what, mode & 0o170_000) {
        (Some(ProblemKind::Folder), _) => format!(
            "`{name}` is marked as a folder; a pack holds files only, and an extractor would make a folder here"
        ),
        (Some(_), 0o120_000) => format!(
            "`{name}` is a symbolic link, not a file: extracted, it would point somewhere else"
        ),
        (Some(_), t) => format!(
            "`{name}` is marked as a special file (type {t:o}: a device, pipe or socket), not a file"
        ),
        (None, _) => return,
    };
    problems.push(Problem {
        kind: what.unwrap_or(ProblemKind::NotAFile),
        entry: Some(name),
        message,
    });
}

/// Bytes before the first entry, between entries, or after the last and before the
/// central directory; and entries that overlap.
fn coverage(spans: &mut [(u64, u64, String)], dir_start: u64, problems: &mut Vec<Problem>) {
    spans.sort();
    let mut at = 0u64;
    for (start, end, name) in spans.iter() {
        if *start > at {
            problems.push(stray(format!(
                "{} bytes before `{name}` belong to no entry the pack lists (a hidden entry, or data added to the zip)",
                start - at
            )));
        } else if *start < at {
            problems.push(Problem {
                kind: ProblemKind::HeaderMismatch,
                entry: Some(name.clone()),
                message: format!("`{name}` overlaps the entry before it"),
            });
        }
        at = at.max(*end);
    }
    if dir_start > at {
        problems.push(stray(format!(
            "{} bytes after the last entry, before the central directory, belong to no entry the pack lists",
            dir_start - at
        )));
    } else if dir_start < at {
        problems.push(stray(
            "the last entry runs into the central directory".to_string(),
        ));
    }
}

/// What the walk of the central directory found: its entries, where it starts and ends,
/// where the records that end the zip start (the zip64 record, or the end record), and the
/// end record with the problems that do not stop the walk.
struct Walked {
    entries: Vec<Central>,
    dir_start: u64,
    dir_end: u64,
    tail_start: u64,
    /// The end record, and where it starts in the file.
    end: end::End,
    end_at: u64,
}

/// The central directory's entries and where it lies (see [`Walked`]).
fn entries(file: &mut File) -> Result<Walked, String> {
    let len = file
        .metadata()
        .map_err(|e| format!("the zip cannot be read ({e})"))?
        .len();
    // Bytes added after the end record are looked through too, up to a comment's length.
    let tail_len = len.min(2 * (end::FIXED as u64 + 65_535));
    let tail = read_at(file, len - tail_len, tail_len as usize)?;
    let found = end::find(&tail, len - tail_len)?;
    let mut found = found;
    let eocd = found.at;
    let eocd_at = len - tail_len + eocd as u64;
    let (mut count, mut size, mut start) = (
        u64::from(u16_at(&tail, eocd + 10)),
        u64::from(u32_at(&tail, eocd + 12)),
        u64::from(u32_at(&tail, eocd + 16)),
    );
    let mut tail_start = eocd_at;
    if eocd_at >= 20 {
        let locator = read_at(file, eocd_at - 20, 20)?;
        if u32_at(&locator, 0) == ZIP64_LOCATOR {
            let at = u64_at(&locator, 8);
            let record = read_at(file, at, 56)?;
            if u32_at(&record, 0) != ZIP64_EOCD {
                return Err("the zip64 end record is not where its locator says".into());
            }
            (count, size, start) = (
                u64_at(&record, 32),
                u64_at(&record, 40),
                u64_at(&record, 48),
            );
            tail_start = at;
        }
    }
    if size > CENTRAL_LIMIT || start.checked_add(size).is_none_or(|end| end > tail_start) {
        return Err("the central directory lies outside the zip".into());
    }
    let dir = read_at(file, start, size as usize)?;
    if u32_at(&dir, 0) != CENTRAL && size > 0 {
        // The directory sits where it should if everything had moved along: bytes were put
        // in front of the zip.
        let moved = tail_start.checked_sub(size).filter(|&at| at > start);
        if let Some(at) = moved
            && u32_at(&read_at(file, at, 4)?, 0) == CENTRAL
        {
            return Err(format!(
                "{PREFIXED} {} bytes were put in front of the zip's first entry",
                at - start
            ));
        }
    }
    let mut out = Vec::new();
    let mut at = 0usize;
    while at < dir.len() {
        let (entry, next) = central(&dir, at)?;
        out.push(entry);
        at = next;
    }
    if out.len() as u64 != count {
        found.problems.push(end::damaged(format!(
            "the central directory holds {} entries but the zip's end record says {count}",
            out.len()
        )));
    }
    Ok(Walked {
        entries: out,
        dir_start: start,
        dir_end: start + size,
        tail_start,
        end: found,
        end_at: eocd_at,
    })
}

/// The central header at `at`, and where the next starts.
fn central(dir: &[u8], at: usize) -> Result<(Central, usize), String> {
    if u32_at(dir, at) != CENTRAL || dir.len() < at + 46 {
        return Err(format!(
            "the central directory is damaged at byte {at} of it"
        ));
    }
    let name_len = usize::from(u16_at(dir, at + 28));
    let extra_len = usize::from(u16_at(dir, at + 30));
    let comment_len = usize::from(u16_at(dir, at + 32));
    let next = at + 46 + name_len + extra_len + comment_len;
    if next > dir.len() {
        return Err(format!(
            "the central directory is damaged at byte {at} of it"
        ));
    }
    let name = dir[at + 46..at + 46 + name_len].to_vec();
    let extra = &dir[at + 46 + name_len..at + 46 + name_len + extra_len];
    let mut e = Central {
        name,
        made_by_unix: dir[at + 5] == 3,
        flags: u16_at(dir, at + 8),
        method: u16_at(dir, at + 10),
        crc: u32_at(dir, at + 16),
        compressed: u64::from(u32_at(dir, at + 20)),
        size: u64::from(u32_at(dir, at + 24)),
        external: u32_at(dir, at + 38),
        offset: u64::from(u32_at(dir, at + 42)),
        fields: Fields::central(&dir[at..at + 46]),
        extra: extra.to_vec(),
    };
    let mut wide = zip64(extra).into_iter();
    for field in [&mut e.size, &mut e.compressed, &mut e.offset] {
        if *field == u64::from(u32::MAX) {
            *field = wide
                .next()
                .ok_or("a zip64 size is missing from the central directory")?;
        }
    }
    Ok((e, next))
}

/// The 8-byte values of a zip64 extra field, in order.
fn zip64(extra: &[u8]) -> Vec<u64> {
    let mut at = 0;
    while at + 4 <= extra.len() {
        let id = u16_at(extra, at);
        let len = usize::from(u16_at(extra, at + 2));
        let body = extra.get(at + 4..at + 4 + len).unwrap_or_default();
        if id == 1 {
            return body.chunks_exact(8).map(|c| u64_at(c, 0)).collect();
        }
        at += 4 + len;
    }
    Vec::new()
}

/// Reads the local header of `e`: where the entry's bytes end, and each way the header
/// disagrees with the central directory.
fn local(file: &mut File, e: &Central) -> Result<(u64, Vec<Problem>), String> {
    let head = read_at(file, e.offset, 30).map_err(|w| format!("is missing: it {w}"))?;
    if u32_at(&head, 0) != LOCAL {
        return Err(
            "is missing: there is no local header where the central directory points".into(),
        );
    }
    let name_len = usize::from(u16_at(&head, 26));
    let extra_len = usize::from(u16_at(&head, 28));
    let rest = read_at(file, e.offset + 30, name_len + extra_len)?;
    let (name, extra) = rest.split_at(name_len);
    let flags = u16_at(&head, 6);
    let (mut crc, mut compressed, mut size) = (
        u32_at(&head, 14),
        u64::from(u32_at(&head, 18)),
        u64::from(u32_at(&head, 22)),
    );
    let mut wide = zip64(extra).into_iter();
    for field in [&mut size, &mut compressed] {
        if *field == u64::from(u32::MAX) {
            *field = wide.next().unwrap_or(*field);
        }
    }
    let data = e.offset + 30 + (name_len + extra_len) as u64;
    let mut end = data.saturating_add(e.compressed);
    if flags & 0x08 != 0 {
        // Sizes and CRC follow the data, in a descriptor; read it to compare those.
        let d = read_at(file, end, 24)?;
        let skip = if u32_at(&d, 0) == DESCRIPTOR { 4 } else { 0 };
        let wide = e.compressed >= u64::from(u32::MAX) || e.size >= u64::from(u32::MAX);
        crc = u32_at(&d, skip);
        (compressed, size) = if wide {
            (u64_at(&d, skip + 4), u64_at(&d, skip + 12))
        } else {
            (
                u64::from(u32_at(&d, skip + 4)),
                u64::from(u32_at(&d, skip + 8)),
            )
        };
        end += (skip + if wide { 20 } else { 12 }) as u64;
    }
    let mut differs = Vec::new();
    if name != e.name.as_slice() {
        differs.push(format!("gives the name `{}`", shown(name)));
    }
    if u16_at(&head, 8) != e.method {
        differs.push(format!(
            "gives compression method {} where the directory gives {}",
            u16_at(&head, 8),
            e.method
        ));
    }
    if crc != e.crc {
        differs.push(format!(
            "gives CRC {crc:08x} where the directory gives {:08x}",
            e.crc
        ));
    }
    if compressed != e.compressed || size != e.size {
        differs.push(format!(
            "gives sizes {compressed}/{size} where the directory gives {}/{}",
            e.compressed, e.size
        ));
    }
    if flags & 0x08 != e.flags & 0x08 {
        differs.push("disagrees on where the sizes are kept".to_string());
    }
    if e.method == 0 && e.compressed != e.size {
        differs.push(format!("is stored, yet its sizes are {compressed}/{size}"));
    }
    differs.extend(fields::local(&head, extra, &e.fields));
    let problems = differs.iter().map(|why| mismatch(e, why)).collect();
    Ok((end, problems))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            let options = zip::write::SimpleFileOptions::default()
                .system(zip::System::Unix)
                .unix_permissions(0o644);
            out.start_file(*name, options).expect("start");
            out.write_all(bytes).expect("write");
        }
        out.finish().expect("finish").into_inner()
    }

    fn problems(bytes: &[u8]) -> Vec<Problem> {
        let mut file = tempfile::tempfile().expect("temporary file");
        file.write_all(bytes).expect("write");
        check(&mut file)
    }

    #[test]
    fn a_zip_as_written_has_no_problems() {
        let bytes = zip_of(&[("a.txt", b"alpha"), ("b/c.txt", b"beta beta beta")]);
        assert_eq!(problems(&bytes), []);
    }

    #[test]
    fn any_byte_changed_or_cut_off_gives_findings_never_a_panic() {
        let bytes = zip_of(&[("a.txt", b"alpha"), ("b/c.txt", b"beta beta beta")]);
        // A zip stored inside another, as a workbook is in a pack, then the same with a
        // comment: each has end records that are not its own.
        let inner = zip_of(&[("x.txt", b"inner")]);
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        out.start_file("inner.zip", stored).expect("start");
        out.write_all(&inner).expect("write");
        let nested = out.finish().expect("finish").into_inner();
        assert_eq!(
            problems(&nested),
            [],
            "a stored zip is no second end record"
        );
        let mut commented = bytes.clone();
        let len = commented.len();
        commented[len - 2..].copy_from_slice(&[5, 0]);
        commented.extend(b"notes");
        let found = problems(&commented);
        assert!(
            found.len() == 1 && found[0].message.contains("a comment of 5 bytes"),
            "{found:?}"
        );
        for bytes in [&bytes, &nested, &commented] {
            for at in 0..bytes.len() {
                let mut flipped = bytes.clone();
                flipped[at] ^= 0xff;
                let _ = problems(&flipped);
                flipped[at] = 0x50;
                let _ = problems(&flipped);
                let _ = problems(&bytes[..at]);
            }
        }
        let found = problems(&bytes[..bytes.len() - 1]);
        assert_eq!(found.first().map(|p| p.kind), Some(ProblemKind::Unreadable));
    }
}
