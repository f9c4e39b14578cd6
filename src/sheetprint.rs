//! How the workbooks selfreview writes look on paper and on screen: A4, one page wide, the
//! heading rows on every page, and rows tall enough for their wrapped text.
//!
//! Row heights are estimated here because an office program opening a file does not size a
//! row to the wrapped text already in it: LibreOffice keeps the default height and draws the
//! extra lines over the rows below, on screen and in print. The estimate wraps the text word
//! by word at a column's width, counting a character a little wider than the average in
//! Calibri 11 (and Carlito, which has the same widths), so a row may come out a line taller
//! than it needs but not shorter. Rows whose cells are left for a person to fill in are not
//! given a height, so that the office program grows them as the person types.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Which way a sheet prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Taller than wide: sheets of a few narrow columns.
    Portrait,
    /// Wider than tall: sheets with many or wide columns.
    Landscape,
}

/// A4 in the paper codes of the xlsx format.
pub const A4: u8 = 9;

/// The height of one line of text in the default font (Calibri 11), in points.
pub const LINE_POINTS: f64 = 15.0;

/// Sets a sheet to print on A4 in `orientation`, one page wide and as many pages tall as it
/// takes, with rows 0 to `heading_rows - 1` repeated at the top of every page (none for 0),
/// and the sheet's name and page number in the footer.
pub fn setup(
    sheet: &mut Worksheet,
    orientation: Orientation,
    heading_rows: u32,
) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    match orientation {
        Orientation::Portrait => sheet.set_portrait(),
        Orientation::Landscape => sheet.set_landscape(),
    };
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer("&L&8&A&R&8Page &P of &N");
    if heading_rows > 0 {
        sheet.set_repeat_rows(0, heading_rows - 1)?;
    }
    Ok(())
}

/// Characters of running text counted to a unit of column width. About 1.3 average
/// characters of English fit in a digit's width in Calibri; fewer are counted, for the
/// cell's padding and for text with more capitals and wide letters than the average.
const CHARS_PER_UNIT: f64 = 1.2;

/// How many lines `text` takes in a column `width` characters wide (the xlsx unit: the width
/// of a digit) once wrapped at word boundaries; a line break in the text starts a new line.
pub fn lines(text: &str, width: f64) -> usize {
    let room = (width * CHARS_PER_UNIT - 1.0).max(1.0);
    text.split('\n')
        .map(|paragraph| {
            let mut count = 1usize;
            let mut used = 0.0f64;
            for word in paragraph.split_whitespace() {
                let w = word.chars().count() as f64;
                if used == 0.0 {
                    used = w;
                } else if used + 1.0 + w <= room {
                    used += 1.0 + w;
                } else {
                    count += 1;
                    used = w;
                }
                // A word longer than the line breaks where the line ends.
                while used > room {
                    count += 1;
                    used -= room;
                }
            }
            count
        })
        .sum()
}

/// The tallest row Excel accepts, in points: a taller one makes Excel repair the file.
pub const MAX_ROW_POINTS: f64 = 409.0;

/// The height in points of a row whose cells hold `cells` (each a text and its column's
/// width), with `size` the font size in points; at least one line and at most
/// [`MAX_ROW_POINTS`], since Excel refuses taller rows (text past it is cut in print).
pub fn height(cells: &[(&str, f64)], size: f64) -> f64 {
    let most = cells
        .iter()
        .map(|(text, width)| lines(text, *width * 11.0 / size))
        .max()
        .unwrap_or(1)
        .max(1);
    (most as f64 * LINE_POINTS * size / 11.0 + 3.0).min(MAX_ROW_POINTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_at_words_and_line_breaks() {
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(lines("short", 10.0), 1);
        assert_eq!(lines("one two three four", 10.0), 2);
        assert_eq!(lines("one\ntwo", 50.0), 2);
        assert_eq!(lines("a\n\nb", 50.0), 3);
        // A word longer than the column breaks over lines.
        assert_eq!(lines(&"x".repeat(25), 11.0), 3);
    }

    #[test]
    fn a_long_commentary_gets_a_tall_row() {
        let words = ["word"; 73].join(" ");
        let h = height(&[(&words, 60.0), ("A1.1", 10.0)], 11.0);
        // 73 words of four letters and a space are 365 characters: at least six lines of
        // the 72 that fit at most in a column 60 wide.
        assert!(h >= 6.0 * LINE_POINTS, "{h}");
        assert!(h < 60.0 * LINE_POINTS, "{h}");
        assert_eq!(height(&[], 11.0), LINE_POINTS + 3.0);
    }

    #[test]
    fn no_row_is_taller_than_excel_allows() {
        let words = ["commentary"; 3000].join(" ");
        assert_eq!(height(&[(&words, 60.0)], 11.0), MAX_ROW_POINTS);
    }
}
