//! Finding the zip's end record (the end of central directory record, APPNOTE 4.3.16) in
//! the last bytes of the file, and naming each way its place can be wrong: bytes added
//! after it, the file cut off inside it or inside its comment, more than one of them (a
//! second zip hidden in the comment), and entry counts that disagree with each other.
//!
//! Extractors differ in which end record they take when there is more than one, and in
//! whether they accept bytes after it, so each of these is a pack that may show one thing
//! to one program and another to the next.

use super::layout::{EOCD, Problem, ProblemKind};
use super::raw::{u16_at, u32_at};

/// The end record's fixed part; its comment follows.
pub const FIXED: usize = 22;

/// The central directory's signature, to tell a file cut off just after it.
const CENTRAL: u32 = 0x0201_4b50;

/// The end record found in the last bytes of the file, and what is wrong with its place.
#[derive(Debug)]
pub struct End {
    /// Where it starts in the bytes searched.
    pub at: usize,
    /// Problems that do not stop the rest of the zip from being read.
    pub problems: Vec<Problem>,
    /// Where other whole end records start in the file, and whether each lies in the
    /// comment of this one. One inside an entry's data (a stored zip, such as a workbook)
    /// belongs to that entry; [`repeated`] leaves those out once the entries are known.
    pub others: Vec<(u64, bool)>,
}

/// The end record among `tail`, the last bytes of the file, which start at byte `tail_at`
/// of it. An `Err` says, in words, why there is none to read the zip by.
pub fn find(tail: &[u8], tail_at: u64) -> Result<End, String> {
    let signs: Vec<usize> = (0..tail.len().saturating_sub(3))
        .filter(|&i| u32_at(tail, i) == EOCD)
        .collect();
    let comment_end = |i: usize| i + FIXED + usize::from(u16_at(tail, i + 20));
    let fits = |i: usize| i + FIXED <= tail.len() && comment_end(i) <= tail.len();
    // A record whose comment ends where the file does is where an extractor looks; the
    // first of several is the one whose comment holds the others.
    let proper = signs
        .iter()
        .copied()
        .find(|&i| fits(i) && comment_end(i) == tail.len() && before_it(tail, i, tail_at));
    let at = match (proper, signs.last()) {
        (Some(at), _) => at,
        // Bytes added after the end record; but a record with a central directory after
        // it is a stored zip's, in a file cut short before its own end record.
        (None, Some(&last))
            if fits(last) && before_it(tail, last, tail_at) && !central_after(tail, last) =>
        {
            last
        }
        (None, _) => return Err(missing(tail, &signs, comment_end)),
    };
    let mut problems = Vec::new();
    let end = comment_end(at);
    if end < tail.len() {
        problems.push(Problem {
            kind: ProblemKind::Stray,
            entry: None,
            message: format!(
                "{} added after the zip's end record; the zip ends at byte {}",
                match tail.len() - end {
                    1 => "1 byte was".to_string(),
                    n => format!("{n} bytes were"),
                },
                tail_at + end as u64
            ),
        });
    }
    let others: Vec<(u64, bool)> = signs
        .iter()
        .copied()
        .filter(|&i| i != at && fits(i) && before_it(tail, i, tail_at))
        .map(|i| (tail_at + i as u64, i > at && i < end))
        .collect();
    let comment = usize::from(u16_at(tail, at + 20));
    if comment > 0 && !others.iter().any(|o| o.1) {
        // Its text is not shown: it is not the school's, and could hold anything.
        problems.push(Problem {
            kind: ProblemKind::Stray,
            entry: None,
            message: format!(
                "the zip carries a comment of {comment} byte{}, which selfreview never writes; extractors such as unzip show it whenever the pack is opened",
                if comment == 1 { "" } else { "s" }
            ),
        });
    }
    if u16_at(tail, at + 4) != 0 || u16_at(tail, at + 6) != 0 {
        problems.push(damaged(
            "the zip's end record gives disk numbers other than 0; a pack is one file".into(),
        ));
    }
    let (here, total) = (u16_at(tail, at + 8), u16_at(tail, at + 10));
    if here != total {
        problems.push(damaged(format!(
            "the zip's end record gives two different entry counts, {here} and {total}"
        )));
    }
    Ok(End {
        at,
        problems,
        others,
    })
}

/// More than one end record outside the entries' data: an extractor may take another.
pub fn repeated(end: &End, at: u64, entries: &[(u64, u64, String)]) -> Option<Problem> {
    let others: Vec<(u64, bool)> = end
        .others
        .iter()
        .copied()
        .filter(|&(o, _)| !entries.iter().any(|(s, e, _)| (*s..*e).contains(&o)))
        .collect();
    if others.is_empty() {
        return None;
    }
    let mut places: Vec<u64> = others.iter().map(|o| o.0).chain([at]).collect();
    places.sort_unstable();
    let places: Vec<String> = places.iter().map(u64::to_string).collect();
    Some(damaged(format!(
        "the zip has {} end records (at bytes {}){}: an extractor may read any of them, so what it shows need not be what was checked",
        others.len() + 1,
        places.join(", "),
        if others.iter().any(|o| o.1) {
            ", one inside the comment of the other, as a zip hidden in the comment would be"
        } else {
            ""
        }
    )))
}

/// A problem with the zip's structure that is not an entry's.
pub fn damaged(message: String) -> Problem {
    Problem {
        kind: ProblemKind::Unreadable,
        entry: None,
        message,
    }
}

/// Whether the directory the record at `i` points to could lie before it (zip64 records
/// give their sizes elsewhere).
fn before_it(tail: &[u8], i: usize, tail_at: u64) -> bool {
    let (size, start) = (u32_at(tail, i + 12), u32_at(tail, i + 16));
    size == u32::MAX
        || start == u32::MAX
        || u64::from(size) + u64::from(start) <= tail_at + i as u64
}

/// Whether a central directory header starts after the end record at `i`.
fn central_after(tail: &[u8], i: usize) -> bool {
    central_from(tail, i + FIXED)
}

/// Whether a central directory header starts at or after `from`.
fn central_from(tail: &[u8], from: usize) -> bool {
    (from..tail.len().saturating_sub(3)).any(|j| u32_at(tail, j) == CENTRAL)
}

/// How many bytes of an end record's signature the file ends with, cut off after them.
fn signature_begun(tail: &[u8]) -> usize {
    let sign = EOCD.to_le_bytes();
    (1..sign.len())
        .rev()
        .find(|&k| tail.ends_with(&sign[..k]))
        .unwrap_or(0)
}

/// Why no end record can be read, as plainly as the bytes tell.
fn missing(tail: &[u8], signs: &[usize], comment_end: impl Fn(usize) -> usize) -> String {
    let into = |k: usize| {
        format!(
            "the file is cut short: it ends {k} byte{} into the zip's end record, which takes {FIXED}",
            if k == 1 { "" } else { "s" }
        )
    };
    let after = signs.last().map_or(0, |&i| i + FIXED);
    match signs.last() {
        Some(&i) if i + FIXED > tail.len() => into(tail.len() - i),
        Some(&i) if comment_end(i) > tail.len() => format!(
            "the file is cut short: the zip's end record gives a comment of {} bytes and only {} follow it",
            comment_end(i) - i - FIXED,
            tail.len() - i - FIXED
        ),
        _ if central_from(tail, after) => {
            match signature_begun(tail) {
                0 => "the file is cut short: its central directory is there, but the end record after it is not".to_string(),
                k => into(k),
            }
        }
        Some(_) => "the zip's end record points to a central directory that is not before it"
            .to_string(),
        None => "the zip has no end record: the file is cut short, or it is not a zip".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(count: u16, size: u32, start: u32, comment: &[u8]) -> Vec<u8> {
        let mut r = EOCD.to_le_bytes().to_vec();
        r.extend([0, 0, 0, 0]);
        r.extend(count.to_le_bytes());
        r.extend(count.to_le_bytes());
        r.extend(size.to_le_bytes());
        r.extend(start.to_le_bytes());
        r.extend(u16::try_from(comment.len()).expect("short").to_le_bytes());
        r.extend(comment);
        r
    }

    #[test]
    fn each_way_the_end_record_is_wrong_is_named() {
        let mut bytes = vec![0u8; 100];
        bytes.extend(record(1, 40, 60, b""));
        let found = find(&bytes, 0).expect("an end record");
        assert_eq!((found.at, found.problems), (100, vec![]));
        let mut added = bytes.clone();
        added.extend(b"tail");
        let found = find(&added, 0).expect("an end record");
        assert!(
            found.problems[0]
                .message
                .starts_with("4 bytes were added after")
        );
        let cut = find(&bytes[..110], 0).expect_err("cut short");
        assert!(
            cut.contains("ends 10 bytes into the zip's end record"),
            "{cut}"
        );
        let mut hidden = vec![0u8; 100];
        hidden.extend(record(1, 40, 60, &record(1, 10, 0, b"")));
        let found = find(&hidden, 0).expect("an end record");
        assert_eq!((found.at, found.problems.len()), (100, 0));
        let twice = repeated(&found, 100, &[]).expect("two end records");
        assert!(
            twice.message.contains("2 end records (at bytes 100, 122)")
                && twice.message.contains("inside the comment"),
            "{twice:?}"
        );
        assert_eq!(
            repeated(&found, 100, &[(120, 150, "stored.zip".into())]),
            None
        );
        let mut long = vec![0u8; 100];
        long.extend(record(1, 40, 60, b"comment"));
        let cut = find(&long[..long.len() - 3], 0).expect_err("cut short");
        assert!(
            cut.contains("a comment of 7 bytes and only 4 follow"),
            "{cut}"
        );
        let mut counts = bytes.clone();
        counts[108] = 2;
        let found = find(&counts, 0).expect("an end record");
        assert!(
            found.problems[0]
                .message
                .contains("two different entry counts, 2 and 1")
        );
    }
}
