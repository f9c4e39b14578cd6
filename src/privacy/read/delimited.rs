//! A comma-separated file read as the table it is: a spreadsheet program shows its cells side
//! by side, so one row's cells are read joined by a space ("Summer,Rain" is the cells
//! Summer and Rain, which a reader sees as "Summer Rain"), as a workbook's are, and no
//! name runs on from one row into the next. The file is read as plain text too.
//!
//! A table is told by what it holds, not by its name: a file named .txt or .dat, or with
//! no extension, whose first lines hold the same number of commas, semicolons, tabs or
//! bars is read cell by cell too.

use std::io::{Cursor, Read};

use encoding_rs::Encoding;

use super::text::{SINGLE_BYTE, read_plain, whole};
use super::{Ctx, Verdict};

/// Reads a CSV file in `encoding` (or, when that is a guess, each code page it may be in).
pub(super) fn read(
    ctx: &mut Ctx<'_>,
    mut r: impl Read,
    encoding: &'static Encoding,
    nuls: bool,
    delimiter: u8,
) -> std::io::Result<Verdict> {
    let bytes = match whole(&mut r, "a CSV file")? {
        Ok(bytes) => bytes,
        Err(too_large) => return Ok(too_large),
    };
    let plain = read_plain(ctx, Cursor::new(&bytes), encoding, nuls)?;
    if plain != Verdict::Clean {
        return Ok(plain);
    }
    let encodings: &[&'static Encoding] = if encoding == encoding_rs::WINDOWS_1252 {
        &SINGLE_BYTE
    } else {
        &[encoding]
    };
    for e in encodings {
        let (text, _) = e.decode_with_bom_removal(&bytes);
        let text = if nuls {
            text.replace('\0', "")
        } else {
            text.into_owned()
        };
        if cells_hold_name(ctx, &text, delimiter) {
            return Ok(Verdict::Name);
        }
    }
    Ok(Verdict::Clean)
}

/// The delimiter of a table whose text begins `start`: the one of comma, semicolon, tab and
/// bar that the first lines (at least two) mostly hold the same number of times; a file
/// named .csv is a table with commas when no other delimiter shows.
pub(super) fn delimiter(start: &str, named_csv: bool) -> Option<u8> {
    let mut lines: Vec<&str> = start.lines().filter(|l| !l.trim().is_empty()).collect();
    // The sample may end part-way through its last line.
    if lines.len() > 2 && !start.ends_with('\n') {
        lines.pop();
    }
    let lines = &lines[..lines.len().min(20)];
    let found = [b',', b';', b'\t', b'|'].into_iter().find(|&d| {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| l.bytes().filter(|&b| b == d).count())
            .collect();
        let Some(&first) = counts.first().filter(|&&c| c > 0) else {
            return false;
        };
        let same = counts.iter().filter(|&&c| c == first).count();
        counts.len() >= 2 && same * 5 >= counts.len() * 4
    });
    found.or(named_csv.then_some(b','))
}

/// Whether a row of `text`, its cells joined by a space, holds a name.
fn cells_hold_name(ctx: &Ctx<'_>, text: &str, delimiter: u8) -> bool {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut scanner = ctx.scanner();
    let mut record = csv::ByteRecord::new();
    // A row the parser cannot take is still read as the text it is (above).
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let row: Vec<_> = record.iter().map(String::from_utf8_lossy).collect();
        scanner.push(&row.join(" "));
        scanner.part();
        if scanner.found() {
            return true;
        }
    }
    scanner.finish()
}

#[cfg(test)]
mod tests {
    use super::super::bytes;
    use super::*;
    use crate::privacy::Names;

    #[test]
    fn a_rows_cells_are_read_side_by_side() {
        let mut n = Names::default();
        n.add_cell("Summer Rain");
        n.add_cell("Grace Adeyemi");
        for csv in [
            "Forename,Surname\nSummer,Rain\n",
            "Forename,Surname\r\nGrace,Adeyemi\r\n",
            "Year,First,Last\n6,\"Summer\",\"Rain\"\n",
            "First,Last,Notes\nSummer,  Rain,\"line\none\"\n",
        ] {
            assert_eq!(
                bytes(&n, csv.as_bytes(), "pupils.csv"),
                Verdict::Name,
                "{csv}"
            );
        }
        let (cp, _, _) = encoding_rs::WINDOWS_1252.encode("Note,x\nSummer,Rain\n");
        assert_eq!(bytes(&n, &cp, "a.csv"), Verdict::Name);
        // A table is told by its content, whatever it is called and whatever divides it.
        for (csv, hint) in [
            ("Forename,Surname\nSummer,Rain\nWill,Bell\n", "pupils"),
            ("Forename;Surname\nSummer;Rain\n", "export.dat"),
            ("Forename\tSurname\nSummer\tRain\n", "list.txt"),
            ("Forename|Surname\nSummer|Rain\n", "list.tsv"),
        ] {
            assert_eq!(bytes(&n, csv.as_bytes(), hint), Verdict::Name, "{hint}");
        }
        // No name runs from the last cell of one row into the first of the next, and
        // everyday words in cells of their own are no alarm.
        for csv in [
            "Term,Season\nAutumn,Summer\nRain,Spring\n",
            "Weather,Count\nSummer,4\nRain,2\n",
        ] {
            assert_eq!(bytes(&n, csv.as_bytes(), "a.csv"), Verdict::Clean, "{csv}");
        }
    }
}
