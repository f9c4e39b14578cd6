//! Rows that continue an aspect's text, joined back onto the aspect's own row.
//!
//! The writer cuts text too long for one row between words and keeps each piece's closing
//! space or line break ([`crate::sheetprint::split`]), so pieces read untrimmed and put end
//! to end give the text back as it was. A piece someone retyped without that space is
//! joined with a line break, so words never run together. Levels and dates are read only
//! from the aspect's own row: one typed on a continuation row is named and not counted, so
//! a row is never scored twice.

use calamine::Data;

use super::Row;
use super::rows::RowReader;
use crate::diag::{Code, Diagnostic};
use crate::spreadsheet;
use crate::workbook::{citations, layout};

/// The columns whose text may go on over continuation rows.
const TEXT_COLUMNS: [&str; 8] = [
    layout::RATIONALE,
    layout::AGREED_COMMENTARY,
    layout::COMMENTARY,
    layout::EVIDENCE,
    layout::RECORDS_DIFFER,
    layout::ACTIONS,
    layout::OWNER,
    layout::CHANGE_FLAG,
];

/// Pieces of one text, in sheet order, put back together.
fn joined<'a>(pieces: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for piece in pieces {
        if piece.trim().is_empty() {
            continue;
        }
        let touching = !text.is_empty()
            && !text.ends_with(char::is_whitespace)
            && !piece.starts_with(char::is_whitespace);
        if touching {
            text.push('\n');
        }
        text.push_str(piece);
    }
    text.trim().to_string()
}

impl RowReader<'_> {
    /// A cell's text as written, spaces kept.
    fn raw(&self, row: u32, col: u32) -> String {
        match self.cell(row, col) {
            Data::String(s) => s.clone(),
            other => spreadsheet::text(other),
        }
    }

    /// Joins each continuation row (sheet row and aspect code) onto its aspect's row.
    pub(super) fn join(&mut self, rows: &mut [Row], continuations: &[(u32, String)]) {
        for (r, _) in continuations {
            self.not_scored_on(*r);
        }
        for row in rows.iter_mut() {
            let more: Vec<u32> = continuations
                .iter()
                .filter(|(_, code)| *code == row.code)
                .map(|(r, _)| *r)
                .collect();
            if more.is_empty() {
                continue;
            }
            for name in TEXT_COLUMNS {
                let Some(&(_, col)) = self.table.others.iter().find(|(n, _)| *n == name) else {
                    continue;
                };
                let pieces: Vec<String> = std::iter::once(row.sheet_row)
                    .chain(more.iter().copied())
                    .map(|r| self.raw(r, col))
                    .collect();
                let text = joined(pieces.iter().map(String::as_str));
                set(row, name, text);
            }
        }
    }

    /// Names a level or date typed on the continuation row `r`, which is not read.
    fn not_scored_on(&mut self, r: u32) {
        let mut cols: Vec<u32> = self.table.level.into_iter().collect();
        cols.extend(self.table.members.iter().flatten().map(|(c, _)| *c));
        cols.extend(self.table.agreed);
        cols.extend(
            self.table
                .others
                .iter()
                .filter(|(n, _)| *n == layout::TARGET)
                .map(|(_, c)| *c),
        );
        for c in cols {
            if spreadsheet::text(self.cell(r, c)).is_empty() {
                continue;
            }
            self.diags.push(
                Diagnostic::warning(
                    Code::LevelOnContinuationRow,
                    self.at(r, c),
                    format!(
                        "this row continues the aspect above it {} and only its text is read; the level or date here is not counted",
                        layout::CONTINUED
                    ),
                )
                .with_help("put levels and dates on the aspect's own row, the one without (continued)"),
            );
        }
    }
}

/// Puts the joined text of the column headed `name` into the row.
fn set(row: &mut Row, name: &str, text: String) {
    match name {
        layout::RATIONALE => row.rationale = text,
        layout::AGREED_COMMENTARY => row.agreed_commentary = Some(text),
        layout::COMMENTARY => row.commentary = text,
        layout::EVIDENCE => {
            row.evidence = citations::split(&text, &|_| false);
            row.evidence_text = text;
        }
        layout::RECORDS_DIFFER => row.records_differ = text,
        layout::ACTIONS => row.actions = text,
        layout::OWNER => row.owner = text,
        layout::CHANGE_FLAG => row.change_flag = text,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::joined;

    #[test]
    fn pieces_join_as_they_were_cut_and_never_run_words_together() {
        assert_eq!(
            joined(["one two ", "three\n\n", "four"]),
            "one two three\n\nfour"
        );
        assert_eq!(
            joined(["retyped", "without a space"]),
            "retyped\nwithout a space"
        );
        assert_eq!(joined(["", "  ", "only"]), "only");
        assert_eq!(joined([" padded ", ""]), "padded");
    }
}
