//! Section headings typed between the rows of a register or log: "SAFEGUARDING POLICIES",
//! "Curriculum:", one text cell alone in its row (often merged across it). They are not
//! records; each is skipped with a note saying so, rather than listed as a document or
//! counted as a row whose date cannot be read.

use crate::evidence::Kind;
use crate::evidence::records;
use crate::evidence::table::{SheetRow, Value};

/// Words that say a lone cell of a policy register names a document, not a section.
const DOCUMENT_WORDS: &[&str] = &[
    "policy",
    "policies",
    "procedure",
    "procedures",
    "agreement",
    "agreements",
    "review",
    "map",
    "plan",
    "code",
    "statement",
    "guidance",
    "terms",
    "form",
    "aup",
    "aua",
    "scheme",
];

/// Why `row` is a section heading for records of `kind`, if it is: its only cell is text
/// in capitals, or ends with a colon, or (in a policy register) names no kind of
/// document. Kinds whose rows may be a person's name alone are never read so: a name in
/// capitals is still a name.
pub fn heading(row: &SheetRow, kind: Kind) -> Option<String> {
    let reads_so = matches!(
        kind,
        Kind::Documents | Kind::Filtering | Kind::Surveys | Kind::Engagement | Kind::Meetings
    );
    let mut filled = row.cells.iter().filter(|c| !c.is_empty());
    let (Some(Value::Text(text)), None) = (filled.next(), filled.next()) else {
        return None;
    };
    let text = text.trim();
    // A footer ("Printed 01/12/2026", "Total") is said to be one by the reader of each row.
    if records::is_note(row) || records::is_total(text) {
        return None;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase());
    let words = crate::text::normalise(text);
    let no_document =
        kind == Kind::Documents && !words.split(' ').any(|w| DOCUMENT_WORDS.contains(&w));
    (reads_so && (capitals || text.ends_with(':') || no_document)).then(|| {
        format!(
            "`{}` stands alone in its row: {SECTION_HEADING}",
            crate::text::clip(text, crate::text::QUOTE_CHARS)
        )
    })
}

/// How the reason a section heading's row is skipped ends.
pub const SECTION_HEADING: &str = "a section heading, not a record";

#[cfg(test)]
mod tests {
    use super::heading;
    use crate::evidence::Kind;
    use crate::evidence::table::{SheetRow, Value};

    fn row(cells: &[&str]) -> SheetRow {
        SheetRow {
            index: 3,
            cells: cells.iter().map(|c| Value::from_text(c)).collect(),
        }
    }

    #[test]
    fn a_lone_cell_in_capitals_or_naming_no_document_is_a_section_heading() {
        for (cells, kind) in [
            (&["SAFEGUARDING POLICIES", "", ""][..], Kind::Documents),
            (&["Curriculum"][..], Kind::Documents),
            (&["TERMLY CHECKS"][..], Kind::Filtering),
            (&["SPRING TERM"][..], Kind::Engagement),
        ] {
            assert!(heading(&row(cells), kind).is_some(), "{cells:?}");
        }
        for (cells, kind) in [
            (&["Online Safety Policy"][..], Kind::Documents),
            (&["SAFEGUARDING POLICY", "01/09/2026"][..], Kind::Documents),
            (&["JOHN SMITH"][..], Kind::Pupils),
            (&["YEAR 4"][..], Kind::Agreements),
            (&["Spring term"][..], Kind::Filtering),
        ] {
            assert!(heading(&row(cells), kind).is_none(), "{cells:?}");
        }
    }
}
