//! A comma-separated file read as the table it is: a spreadsheet program shows its cells side
//! by side, so one row's cells are read joined by a space ("Summer,Rain" is the cells
//! Summer and Rain, which a reader sees as "Summer Rain"), as a workbook's are, and no
//! name runs on from one row into the next. The file is read as plain text too.

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
        if cells_hold_name(ctx, &text) {
            return Ok(Verdict::Name);
        }
    }
    Ok(Verdict::Clean)
}

/// Whether a row of `text`, its cells joined by a space, holds a name.
fn cells_hold_name(ctx: &Ctx<'_>, text: &str) -> bool {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
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
