//! Rows that continue the row above them: how every workbook selfreview writes keeps text
//! too long for one row whole on screen and on paper.
//!
//! No row may be taller than Excel allows ([`super::MAX_ROW_POINTS`]); past it the text is
//! cut in print. So a row's long texts are each cut between words ([`super::split_within`])
//! and the pieces go on in rows below, each naming what it continues followed by
//! [`CONTINUED`]. The scoring workbooks' reader joins such rows back onto the row they
//! continue; a person reading the printed sheet reads on down the column.

/// What marks a row that continues the one above it, after the name of what it continues.
pub const CONTINUED: &str = "(continued)";

/// The cell naming what a continuation row continues: `name` followed by [`CONTINUED`].
pub fn continued(name: &str) -> String {
    format!("{name} {CONTINUED}")
}

/// A row's texts cut into pieces for it and the rows continuing it: each column's pieces, in
/// the order of the columns given, and the number of rows they need (at least one).
#[derive(Debug)]
pub struct Pieces<'a> {
    columns: Vec<Vec<&'a str>>,
    rows: usize,
}

impl<'a> Pieces<'a> {
    /// Each of `texts` (a text and its column's width) cut into pieces of at most `most`
    /// lines. A word longer than a cell holds is left whole (callers that can meet one
    /// refuse it before writing).
    pub fn new(texts: &[(&'a str, f64)], most: usize) -> Self {
        let columns: Vec<Vec<&str>> = texts
            .iter()
            .map(|&(text, width)| super::split_within(text, width, most).unwrap_or(vec![text]))
            .collect();
        let rows = columns.iter().map(Vec::len).max().unwrap_or(1).max(1);
        Pieces { columns, rows }
    }

    /// The number of rows the pieces need: the row itself and those continuing it.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Each column's pieces, in the order given.
    pub fn columns(&self) -> &[Vec<&'a str>] {
        &self.columns
    }

    /// The piece of column `col` on row `part` (0 the row itself), with the space or line
    /// break it ends at, so that the pieces joined are the text; `""` where the column's
    /// text has ended.
    pub fn get(&self, col: usize, part: usize) -> &'a str {
        self.columns
            .get(col)
            .and_then(|c| c.get(part))
            .map_or("", |t| t)
    }

    /// The piece as a cell should hold it: without the line breaks it ends at, which would
    /// print as an empty last line the row has no room for. A space it ends at is kept, so
    /// that pieces cut between words still join into words.
    pub fn shown(&self, col: usize, part: usize) -> &'a str {
        self.get(col, part).trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_runs_over_rows_that_join_back_into_it() {
        let long: String = (1..=20)
            .map(|k| format!("{k}. Action {k}: review the agreements with the class teachers\n"))
            .collect();
        let pieces = Pieces::new(&[("short", 20.0), (long.as_str(), 36.0)], 16);
        assert!(pieces.rows() > 1, "{pieces:?}");
        assert_eq!(pieces.columns()[1].concat(), long);
        assert_eq!(pieces.get(0, 0), "short");
        assert_eq!(pieces.get(0, 1), "");
        for part in 0..pieces.rows() {
            assert!(super::super::lines(pieces.get(1, part).trim_end(), 36.0) <= 16);
        }
    }

    #[test]
    fn text_that_fits_keeps_one_row() {
        let pieces = Pieces::new(&[("", 10.0), ("a few words", 30.0)], 16);
        assert_eq!(pieces.rows(), 1);
        assert_eq!(pieces.get(1, 0), "a few words");
        assert_eq!(continued("Staff"), "Staff (continued)");
    }
}
