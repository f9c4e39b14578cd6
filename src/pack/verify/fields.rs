//! The header fields of a pack's entries held to what the pack writer writes.
//!
//! The writer is deterministic: every entry is made on Unix by version 1.0 (stored) or 2.0
//! (deflated) rules, or 4.5 for a zip64 entry, with no flags but the UTF-8 name flag, a
//! fixed date and time, on disk 0, with no internal attributes, the attributes of a plain
//! file (mode 0644), no extra field but zip64 sizes, and no comment. Extractors act on
//! these fields (a DOS folder attribute, an encryption flag, a Unicode-path extra field
//! that renames the entry), so a field the writer could not have written is a change to
//! the pack even where the bytes of every file are still the same.

use super::raw::u16_at;

/// Flags the writer may set: bit 11, the name is UTF-8.
const UTF8: u16 = 0x0800;
/// The data descriptor flag, which a zip written to a stream sets.
const DESCRIPTOR: u16 = 0x0008;
/// The attributes the writer gives every entry: a plain Unix file, mode 0644.
pub const PLAIN_FILE: u32 = 0o100_644 << 16;

/// The fields of a central directory header, as read from its 46 fixed bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// Version made by (the high byte is the system, 3 for Unix).
    pub made_by: u16,
    /// Version needed to extract.
    pub needed: u16,
    /// General purpose flags.
    pub flags: u16,
    /// Compression method.
    pub method: u16,
    /// DOS time and date.
    pub time: u16,
    /// DOS date.
    pub date: u16,
    /// The disk the entry starts on.
    pub disk: u16,
    /// Internal attributes.
    pub internal: u16,
    /// The length of the entry's comment.
    pub comment: u16,
}

impl Fields {
    /// The fields of the central header `h` (its first 46 bytes).
    pub fn central(h: &[u8]) -> Self {
        Self {
            made_by: u16_at(h, 4),
            needed: u16_at(h, 6),
            flags: u16_at(h, 8),
            method: u16_at(h, 10),
            time: u16_at(h, 12),
            date: u16_at(h, 14),
            disk: u16_at(h, 34),
            internal: u16_at(h, 36),
            comment: u16_at(h, 32),
        }
    }
}

/// Each way the central directory's fields of an entry are not what the writer writes.
pub fn central(f: &Fields, external: u32, extra: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    if ![10, 20, 45].contains(&f.needed) || f.made_by != 0x0300 | f.needed {
        out.push(format!(
            "gives versions {:04x} (made by) and {} (needed to extract), which the pack writer never writes",
            f.made_by, f.needed
        ));
    }
    if f.flags & 0x0001 != 0 {
        out.push("is marked as encrypted; the pack writer never encrypts".to_string());
    } else if f.flags & !(UTF8 | DESCRIPTOR) != 0 {
        out.push(format!(
            "has flags {:04x}, which the pack writer never sets",
            f.flags
        ));
    }
    if ![0, 8].contains(&f.method) {
        out.push(format!(
            "uses compression method {}; the pack writer stores or deflates",
            f.method
        ));
    }
    if f.time != 0 || !valid_date(f.date) {
        out.push(format!(
            "gives the time and date {:04x} {:04x}; the pack writer gives midnight on the review's date",
            f.time, f.date
        ));
    }
    if f.disk != 0 {
        out.push(format!("starts on disk {}; a pack is one file", f.disk));
    }
    if f.internal != 0 {
        out.push(format!(
            "has internal attributes {:04x}; the pack writer gives none",
            f.internal
        ));
    }
    if f.comment != 0 {
        out.push(format!(
            "carries a comment of {} bytes; the pack writer writes none",
            f.comment
        ));
    }
    if external & 0xffff != 0 && external & 0x10 == 0 && external >> 16 == PLAIN_FILE >> 16 {
        out.push(format!(
            "has DOS attributes {:04x}; the pack writer gives none",
            external & 0xffff
        ));
    } else if external & 0x10 == 0
        && external >> 16 != PLAIN_FILE >> 16
        && matches!((external >> 16) & 0o170_000, 0 | 0o100_000)
    {
        out.push(format!(
            "has the file mode {:o}; the pack writer gives every file mode 644",
            external >> 16
        ));
    }
    out.extend(extras(extra));
    out
}

/// Each way the local header `head` (its first 30 bytes) and its extra field disagree with
/// the central directory's fields, or are not what the writer writes.
pub fn local(head: &[u8], extra: &[u8], f: &Fields) -> Vec<String> {
    let mut out = Vec::new();
    let pairs = [
        ("version needed to extract", u16_at(head, 4), f.needed),
        ("flags", u16_at(head, 6), f.flags),
        ("time", u16_at(head, 10), f.time),
        ("date", u16_at(head, 12), f.date),
    ];
    for (what, here, there) in pairs {
        // A difference in the encryption flag alone is said in words below.
        if here != there && (what != "flags" || (here ^ there) != 0x0001) {
            out.push(format!(
                "gives the {what} as {here:04x} where the directory gives {there:04x}"
            ));
        }
    }
    if u16_at(head, 6) & 0x0001 != f.flags & 0x0001 {
        out.push(if u16_at(head, 6) & 1 != 0 {
            "says the entry is encrypted where the directory does not".to_string()
        } else {
            "says the entry is not encrypted where the directory says it is".to_string()
        });
    }
    out.extend(extras(extra));
    out
}

/// Extra fields other than zip64 sizes: the writer writes none, and some rename the entry
/// for the extractors that honour them.
fn extras(extra: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < extra.len() {
        if at + 4 > extra.len() {
            out.push("has an extra field that is cut short".to_string());
            break;
        }
        let id = u16_at(extra, at);
        let len = usize::from(u16_at(extra, at + 2));
        let Some(body) = extra.get(at + 4..at + 4 + len) else {
            out.push(format!("has an extra field {id:04x} that is cut short"));
            break;
        };
        match id {
            1 => {}
            0x7075 => out.push(renamed(body, "a Unicode path")),
            0x6375 => out.push(format!(
                "carries a Unicode comment extra field (6375) of {len} bytes; the pack writer writes none"
            )),
            _ => out.push(format!(
                "carries an extra field {id:04x} of {len} bytes; the pack writer writes none but zip64 sizes"
            )),
        }
        at += 4 + len;
    }
    out
}

/// The finding for an extra field that gives the entry another name.
fn renamed(body: &[u8], what: &str) -> String {
    let name = body.get(5..).map(String::from_utf8_lossy);
    match name {
        Some(n) => format!(
            "carries {what} extra field (7075) naming it `{n}`: an extractor that honours it would write the file under that name"
        ),
        None => format!("carries {what} extra field (7075) that is cut short"),
    }
}

/// Whether a DOS date is a real day from 1980 on.
fn valid_date(date: u16) -> bool {
    let (month, day) = ((date >> 5) & 0x0f, date & 0x1f);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written() -> Fields {
        Fields {
            made_by: 0x0314,
            needed: 20,
            flags: 0,
            method: 8,
            time: 0,
            date: 0x5d61,
            disk: 0,
            internal: 0,
            comment: 0,
        }
    }

    #[test]
    fn the_fields_the_writer_writes_pass_and_any_other_value_does_not() {
        assert_eq!(central(&written(), PLAIN_FILE, &[]), Vec::<String>::new());
        let zip64 = [1, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8];
        assert_eq!(
            central(&written(), PLAIN_FILE, &zip64),
            Vec::<String>::new()
        );
        let changes: [fn(&mut Fields); 8] = [
            |f| f.made_by ^= 0x0100,
            |f| f.needed = 21,
            |f| f.flags = 0x0100,
            |f| f.flags = 1,
            |f| f.time = 1,
            |f| f.disk = 1,
            |f| f.internal = 1,
            |f| f.comment = 5,
        ];
        for change in changes {
            let mut f = written();
            change(&mut f);
            assert_eq!(central(&f, PLAIN_FILE, &[]).len(), 1, "{f:?}");
        }
        assert_eq!(central(&written(), PLAIN_FILE | 0x20, &[]).len(), 1);
        assert_eq!(central(&written(), 0o100_755 << 16, &[]).len(), 1);
    }

    #[test]
    fn a_unicode_path_extra_field_is_named_with_the_name_it_gives() {
        let mut extra = vec![0x75, 0x70, 15, 0, 1, 0, 0, 0, 0];
        extra.extend(b"index.html");
        let found = central(&written(), PLAIN_FILE, &extra);
        assert!(found[0].contains("naming it `index.html`"), "{found:?}");
        assert_eq!(extras(&[0x75, 0x70, 9, 0]).len(), 1, "cut short");
    }

    #[test]
    fn a_local_header_that_differs_from_the_directory_is_named() {
        let mut head = vec![0u8; 30];
        head[4] = 20;
        head[12..14].copy_from_slice(&0x5d61u16.to_le_bytes());
        assert_eq!(local(&head, &[], &written()), Vec::<String>::new());
        head[6] = 1;
        let found = local(&head, &[], &written());
        assert!(found.iter().any(|w| w.contains("encrypted")), "{found:?}");
    }
}
