//! A look through an xlsx file's shared text before calamine reads it.
//!
//! An xlsx sheet is streamed cell by cell, but calamine loads the workbook's table of shared
//! text whole when it opens the file, and first reserves room for as many entries as the
//! table's `uniqueCount` says. One edited number in a 4 KB file asked for 2.4 TB and ended the
//! process. This streams the table once, holding nothing, and estimates what calamine would
//! hold: the room it reserves, a string per entry, and the text.

use std::io::Read;
use std::mem::size_of;

use super::xml::{Piece, Pieces, Refusal};

/// Bytes calamine would hold for the shared text in `xml` (an xlsx file's
/// `sharedStrings.xml`).
pub fn shared_strings_cost(xml: impl Read) -> Result<u64, Refusal> {
    let per_entry = size_of::<String>() as u64;
    let mut pieces = Pieces::new(xml);
    let mut reserved: u64 = 0;
    let mut entries: u64 = 0;
    let mut text: u64 = 0;
    while let Some(piece) = pieces.next()? {
        match piece {
            Piece::Open { tag, .. } => match tag.local_name() {
                "sst" => {
                    reserved = tag
                        .attr("uniqueCount")
                        .and_then(|n| n.trim().parse::<u64>().ok())
                        .unwrap_or(0);
                }
                "si" => entries += 1,
                _ => {}
            },
            Piece::Text(len) => text = text.saturating_add(len),
            Piece::Close(_) | Piece::Aside => {}
        }
    }
    // Entries past the reserved room make the list grow by doubling.
    let list = if entries > reserved {
        entries.saturating_mul(2)
    } else {
        reserved
    };
    Ok(list.saturating_mul(per_entry).saturating_add(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reserved_room_and_the_text_are_counted() {
        let xml = r#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount="2"><si><t>Name</t></si><si><r><t>Ro</t></r><r><t>le</t></r></si></sst>"#;
        let cost = shared_strings_cost(xml.as_bytes()).expect("small table");
        assert_eq!(cost, 2 * size_of::<String>() as u64 + 8);
        let bomb = r#"<x:sst uniqueCount="100000000000"><x:si><x:t>a</x:t></x:si></x:sst>"#;
        let cost = shared_strings_cost(bomb.as_bytes()).expect("small table");
        assert!(cost > super::super::limits::MEMORY_BUDGET);
    }

    #[test]
    fn more_entries_than_announced_are_counted_as_grown() {
        let xml = r#"<sst uniqueCount="x"><si><t>a</t></si><si><t>b</t></si></sst>"#;
        let cost = shared_strings_cost(xml.as_bytes()).expect("small table");
        assert_eq!(cost, 4 * size_of::<String>() as u64 + 2);
    }
}
