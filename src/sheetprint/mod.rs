//! How the workbooks selfreview writes look on paper and on screen: A4, one page wide, the
//! heading rows on every page, the school and the date at the head of every page, the sheet
//! and "page x of y" at the foot, and rows tall enough for their wrapped text.
//!
//! Row heights are estimated here because an office program opening a file does not always
//! size a row to the wrapped text already in it: LibreOffice 7 keeps the height the file
//! gives (the default height where it gives none) and draws the extra lines over the rows
//! below, on screen and in print; LibreOffice 24.2 and later fit every row not marked as
//! sized by hand when they open a file, as Excel does when a row's text changes. The
//! estimate wraps the text word by word at a column's width, counting a character a little
//! wider than the average in Calibri 11 (and Carlito, which has the same widths), so a row
//! may come out a line taller than it needs but not shorter, and counts each line as tall
//! as LibreOffice prints wrapped Carlito 11 (11.1 points a line):
//! a row sized at Excel's 15 points a line printed long texts half as tall again as their
//! lines in LibreOffice, over hundreds of pages. Excel, which spaces the lines of wrapped
//! Calibri wider, may then show the last lines of a long text only once its rows are fitted
//! (the README says how). No row may be taller than
//! [`MAX_ROW_POINTS`], so text that needs more is cut into pieces ([`split`]) that go on
//! rows of their own, each marked as continuing the row above ([`Pieces`], [`CONTINUED`]).

use rust_xlsxwriter::{Worksheet, XlsxError};

mod continued;
mod pages;

pub use continued::{CONTINUED, Pieces, continued};
pub use pages::{
    BODY_SCALE, Kept, LEAST_SCALE, breaks, narrow_to_least_scale, narrow_to_scale, padded, room_at,
    scale_to_width, set_breaks,
};

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

/// The height of one line of text in the default font (Calibri 11), in points: a row
/// of one line.
pub const LINE_POINTS: f64 = 15.0;

/// The height counted for each line of wrapped text in the default font, in points:
/// LibreOffice prints lines of Carlito 11 11.1 points apart, and [`lines`] counts a line
/// over rather than one short, so a row is as tall as its lines or a line taller (counted
/// at 12.5 points a line, long notes printed a ninth taller than their text, and a group's
/// workbook ran to hundreds of pages more).
pub const WRAPPED_LINE_POINTS: f64 = 11.2;

/// What heads every printed page of a workbook: the school, and the review date its
/// figures and scores are as of.
#[derive(Debug, Clone, Copy)]
pub struct Running<'a> {
    /// The school.
    pub school: &'a str,
    /// The review date.
    pub date: chrono::NaiveDate,
}

/// The most UTF-16 units of the school's name the page head shows (each `&` doubled): the
/// head, with its field codes and date, must stay within the 255 Excel allows, or the
/// spreadsheet library leaves it out.
const SCHOOL_UNITS: usize = 160;

/// The width in points of the page head's line on A4 in `orientation`, within the left
/// and right margins [`setup`] sets (half an inch each).
fn head_points(orientation: Orientation) -> f64 {
    match orientation {
        Orientation::Portrait => 595.0 - 72.0,
        Orientation::Landscape => 842.0 - 72.0,
    }
}

/// The width counted for a character of the page head's 8-point type: a little wider than
/// the average in Calibri, for capitals and wide letters.
const HEAD_CHAR_POINTS: f64 = 4.4;

/// The space kept between the school on the left and the date on the right, in points.
const HEAD_GAP_POINTS: f64 = 24.0;

impl Running<'_> {
    /// The page head for a sheet printed in `orientation`: the school on the left, the
    /// date on the right, in small type. A school's name too long to sit beside the date
    /// on the page's line is shortened, ending in "…", so the two never run into each
    /// other, as the HTML reports shorten it.
    pub fn header(&self, orientation: Orientation) -> String {
        let date = format!(
            "online safety self-review as of {}",
            crate::dates::uk(self.date)
        );
        let room = head_points(orientation) - HEAD_GAP_POINTS;
        let chars = (room / HEAD_CHAR_POINTS) as usize;
        // A space between them, and room for the "…".
        let chars = chars.saturating_sub(date.chars().count() + 2);
        let whole = self.school.trim();
        let mut school = String::new();
        let mut units = 0;
        for (count, c) in whole.chars().enumerate() {
            let cost = c.len_utf16() * if c == '&' { 2 } else { 1 };
            if units + cost > SCHOOL_UNITS || count >= chars {
                school.truncate(school.trim_end().len());
                school.push('…');
                break;
            }
            units += cost;
            school.push(c);
        }
        // `&` starts a field code in a page head; `&&` is the character itself.
        let school = school.replace('&', "&&");
        format!("&L&8{school}&R&8{date}")
    }
}

/// The page foot: the sheet's name on the left, the page of the pages on the right.
pub const FOOTER: &str = "&L&8&A&R&8Page &P of &N";

/// Sets a sheet to print on A4 in `orientation`, one page wide and as many pages tall as it
/// takes, with rows 0 to `heading_rows - 1` repeated at the top of every page (none for 0),
/// the school and the date at the head of every page and the sheet's name and page number
/// at the foot, which keep their size however small the sheet is scaled to fit.
pub fn setup(
    sheet: &mut Worksheet,
    orientation: Orientation,
    heading_rows: u32,
    running: &Running<'_>,
) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    match orientation {
        Orientation::Portrait => sheet.set_portrait(),
        Orientation::Landscape => sheet.set_landscape(),
    };
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.5, 0.5, 0.7, 0.6, 0.3, 0.3);
    sheet.set_header(running.header(orientation));
    sheet.set_footer(FOOTER);
    sheet.set_header_footer_scale_with_doc(false);
    if heading_rows > 0 {
        sheet.set_repeat_rows(0, heading_rows - 1)?;
    }
    Ok(())
}

/// The widest, in column units, a sheet may be and still print one page wide at a size
/// that can be read: A4 landscape holds about 150 units at full size, so this many print at
/// about three quarters of it.
pub const READABLE_UNITS: f64 = 200.0;

/// The scale, in percent, of a sheet too wide for one readable page.
pub const FLOW_SCALE: u16 = 80;

/// Keeps a sheet `across` units wide readable in print: one page wide while it fits at a
/// readable size (as [`setup`] sets), and otherwise at [`FLOW_SCALE`] with columns 0 to
/// `repeat_to` repeated at the left of every page and the pages of a row band printed one
/// after another, so that each row reads across consecutive pages.
pub fn keep_readable(sheet: &mut Worksheet, across: f64, repeat_to: u16) -> Result<(), XlsxError> {
    if across > READABLE_UNITS {
        sheet.set_print_scale(FLOW_SCALE);
        sheet.set_repeat_columns(0, repeat_to)?;
        sheet.set_page_order(false);
    }
    Ok(())
}

/// A column's width for `texts` (the heading among them): wide enough for the longest, in
/// the xlsx unit, and within `least` and `most`; text longer than `most` allows must wrap.
pub fn width_for<'a>(texts: impl IntoIterator<Item = &'a str>, least: f64, most: f64) -> f64 {
    let longest = texts
        .into_iter()
        .flat_map(str::lines)
        .map(units)
        .fold(0.0, f64::max);
    (longest + 2.0 / CHARS_PER_UNIT).ceil().clamp(least, most)
}

/// Characters of running text counted to a unit of column width, for the room a cell's
/// padding takes: about 1.3 average characters of English fit in a digit's width in
/// Calibri.
const CHARS_PER_UNIT: f64 = 1.2;

/// How wide `c` prints in Calibri (and Carlito, which has its widths), in thousandths of
/// the type's size: narrow letters and punctuation less than a digit (507), capitals and
/// "m" and "w" more.
fn advance(c: char) -> u16 {
    const LOWER: [u16; 26] = [
        479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349,
        391, 335, 525, 452, 715, 433, 453, 395,
    ];
    const UPPER: [u16; 26] = [
        579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543,
        459, 487, 642, 567, 890, 519, 487, 468,
    ];
    match c {
        'a'..='z' => LOWER[usize::from(c as u8 - b'a')],
        'A'..='Z' => UPPER[usize::from(c as u8 - b'A')],
        '0'..='9' => 507,
        ' ' => 226,
        '.' | ',' | ':' | ';' | '\'' | '’' | '‘' | '!' | '|' => 260,
        '-' | '(' | ')' | '[' | ']' | '/' | '"' | '“' | '”' => 360,
        // An accented or other letter, as wide as most of its kind.
        _ if c.is_lowercase() => 530,
        _ if c.is_uppercase() => 650,
        _ => 700,
    }
}

/// How wide `text` prints on one line, in units of column width (a digit's width), with a
/// twenty-fifth more for text that runs wider than the widths say (a bold word, kerning
/// that differs between the programs): average English then counts as 0.83 of a unit a
/// character, and a line of capitals or "m"s as much wider as it prints.
fn units(text: &str) -> f64 {
    text.chars().map(|c| f64::from(advance(c))).sum::<f64>() / 507.0 * 1.04
}

/// How much more room a line of a column has than its width less the cell's padding:
/// fitted to the lines LibreOffice draws wrapping running text in Carlito 11 in columns 24
/// to 50 wide, which [`units`] (counting each character a little wider than it prints)
/// would otherwise put at up to a sixth more on a long note in a narrow column. With it
/// the count matches what is printed or is a line over, a tenth over on the longest
/// notes, and never short: LibreOffice breaks a long address at its hyphens, leaving
/// lines part empty that a closer count would miss, and the row would then cut it off.
const ROOM_WIDER: f64 = 1.03;

/// The share of a line counted as filled by each piece of a word too long for the line.
const BROKEN_SHARE: f64 = 0.8;

/// How many lines `text` takes in a column `width` characters wide (the xlsx unit: the width
/// of a digit) once wrapped at word boundaries; a line break in the text starts a new line.
pub fn lines(text: &str, width: f64) -> usize {
    let room = ((width - 1.0 / CHARS_PER_UNIT) * ROOM_WIDER).max(1.0);
    let space = units(" ");
    text.split('\n')
        .map(|paragraph| {
            let mut count = 1usize;
            let mut used = 0.0f64;
            for word in paragraph.split_whitespace() {
                let w = units(word);
                if used == 0.0 {
                    used = w;
                } else if used + space + w <= room {
                    used += space + w;
                } else {
                    count += 1;
                    used = w;
                }
                // A word longer than the line breaks over lines, at its hyphens, slashes
                // and dots where it has them (a file name, an address), which leaves
                // each line part empty: counted as filling no more than most of one.
                while used > room {
                    count += 1;
                    used -= room * BROKEN_SHARE;
                }
            }
            count
        })
        .sum()
}

/// How much wider bold text is counted than regular: a column or row sized for bold text
/// (a heading row, a status in bold) is estimated at its width divided by this.
pub const BOLD_WIDER: f64 = 1.12;

/// The tallest row Excel accepts, in points: a taller one makes Excel repair the file.
pub const MAX_ROW_POINTS: f64 = 409.0;

/// The most lines of 11-point text a row no taller than [`MAX_ROW_POINTS`] shows, as
/// [`height`] counts them.
pub const MAX_ROW_LINES: usize = 32;

/// The most characters a spreadsheet cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;

/// `text` cut into pieces that each fit a row no taller than Excel allows in a column
/// `width` wide ([`MAX_ROW_LINES`] lines) and a cell ([`MAX_CELL_CHARS`]), for rows that
/// continue one another. Pieces end at a line break where one is near, else between words,
/// and keep the spaces or line breaks they end at, so that joined again they are the text.
/// A single word too long for a row gets a piece of its own, cut in print rather than
/// broken; `None` when a word is longer than a cell holds, which no cut can mend.
pub fn split(text: &str, width: f64) -> Option<Vec<&str>> {
    split_within(text, width, MAX_ROW_LINES)
}

/// As [`split`], with pieces of at most `most` lines (and never more than
/// [`MAX_ROW_LINES`]): a sheet whose rows are mostly long text packs more of them on a page
/// in shorter rows, since a row is never split over two pages, and a page that cannot take
/// the next tall row whole is left part empty.
pub fn split_within(text: &str, width: f64, most: usize) -> Option<Vec<&str>> {
    let most = most.clamp(1, MAX_ROW_LINES);
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = piece_end(rest, width, most);
        let (piece, after) = rest.split_at(end);
        if piece.chars().count() > MAX_CELL_CHARS {
            return None;
        }
        pieces.push(piece);
        rest = after;
    }
    if pieces.is_empty() {
        pieces.push(text);
    }
    Some(pieces)
}

/// Where the first piece of `text` ends: after the last whitespace that keeps the piece
/// within a row and a cell, preferring a line break in the piece's last third; the first
/// word whole, with the whitespace after it, when even that is too long.
fn piece_end(text: &str, width: f64, most: usize) -> usize {
    let fits = |end: usize| {
        let piece = &text[..end];
        piece.chars().count() <= MAX_CELL_CHARS && lines(piece.trim_end(), width) <= most
    };
    if fits(text.len()) {
        return text.len();
    }
    // Every place just after a run of whitespace, in order, as far as a piece could reach
    // (and at least one, past which the first word ends).
    let reach = (width * CHARS_PER_UNIT).max(1.0) as usize * (most + 1);
    let mut breaks: Vec<(usize, bool)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i > reach.min(MAX_CELL_CHARS) * 4 && !breaks.is_empty() {
            break;
        }
        if c.is_whitespace() {
            let mut newline = c == '\n';
            while let Some(&(_, next)) = chars.peek() {
                if !next.is_whitespace() {
                    break;
                }
                newline |= next == '\n';
                chars.next();
            }
            let at = chars.peek().map_or(text.len(), |&(i, _)| i);
            breaks.push((at, newline));
        }
    }
    // The last break that fits, found by halving: a piece only grows with its end.
    let fitting = breaks.partition_point(|&(at, _)| fits(at));
    let Some(&(last, _)) = fitting.checked_sub(1).and_then(|i| breaks.get(i)) else {
        return breaks.first().map_or(text.len(), |&(at, _)| at);
    };
    let paragraph = breaks[..fitting]
        .iter()
        .rev()
        .find(|&&(at, newline)| newline && at * 3 >= last * 2);
    paragraph.map_or(last, |&(at, _)| at)
}

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
    let lines = most as f64 * WRAPPED_LINE_POINTS * size / 11.0 + 3.0;
    lines.max(LINE_POINTS * size / 11.0).min(MAX_ROW_POINTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_by_how_wide_its_letters_print() {
        // 28 letters that print about 25 units wide in Carlito: a column 25 wide wraps
        // them, and the width found for them holds them on one line.
        let grooming = "Grooming or unwanted contact";
        assert_eq!(lines(grooming, 25.0), 2);
        let width = width_for([grooming], 10.0, 40.0);
        assert_eq!(lines(grooming, width), 1, "{width}");
        // A name of capitals and wide letters takes more room than as many narrow ones.
        let name =
            "Mrs Philippa Montgomery-Fotheringham (Online Safety Lead and Deputy Headteacher)";
        assert_eq!(lines(name, 70.0), 2);
        assert_eq!(lines(&"il ".repeat(27), 70.0), 1);
        assert!(units("MMMM") > 1.5 * units("nnnn"));
        assert!(units("Łukasiewicz") > units("lukasiewicz") * 0.9);
    }

    #[test]
    fn text_wraps_at_words_and_line_breaks() {
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(lines("short", 10.0), 1);
        assert_eq!(lines("one two three four", 10.0), 2);
        assert_eq!(lines("one\ntwo", 50.0), 2);
        assert_eq!(lines("a\n\nb", 50.0), 3);
        // A word longer than the column breaks over lines.
        assert_eq!(lines(&"x".repeat(30), 11.0), 3);
    }

    #[test]
    fn a_long_commentary_gets_a_tall_row() {
        let words = ["word"; 73].join(" ");
        let h = height(&[(&words, 60.0), ("A1.1", 10.0)], 11.0);
        // 73 words of four letters and a space are 365 characters: at least six lines of
        // the 72 that fit at most in a column 60 wide.
        assert!(h >= 6.0 * WRAPPED_LINE_POINTS, "{h}");
        assert!(h < 60.0 * WRAPPED_LINE_POINTS, "{h}");
        assert_eq!(height(&[], 11.0), LINE_POINTS);
        // Within 15% of what LibreOffice prints: lines of Carlito 11 about 11.1 points
        // apart, 20 of them taking about 222 points.
        let twenty = height(&[(&["word"; 20].join("\n"), 60.0)], 11.0);
        assert!((222.0..=222.0 * 1.15).contains(&twenty), "{twenty}");
    }

    #[test]
    fn long_text_is_cut_into_pieces_that_fit_a_row_and_join_again() {
        let paragraph = ["gathered"; 120].join(" ");
        let text = [paragraph.as_str(); 6].join("\n\n");
        let pieces = split(&text, 50.0).expect("splits");
        assert!(pieces.len() > 1);
        assert_eq!(pieces.concat(), text);
        for piece in &pieces {
            assert!(lines(piece.trim_end(), 50.0) <= MAX_ROW_LINES, "{piece}");
            assert!(height(&[(piece.trim_end(), 50.0)], 11.0) < MAX_ROW_POINTS);
            assert!(!piece.starts_with(char::is_whitespace), "{piece:?}");
        }
        // Short text stays whole; a word too long for a row stands alone, whole.
        assert_eq!(split("short", 50.0), Some(vec!["short"]));
        assert_eq!(split("", 50.0), Some(vec![""]));
        let long_word = "x".repeat(3000);
        let text = format!("before {long_word} after");
        let pieces = split(&text, 50.0).expect("splits");
        let word = format!("{long_word} ");
        assert_eq!(pieces, vec!["before ", word.as_str(), "after"]);
        assert_eq!(split(&"y".repeat(MAX_CELL_CHARS + 1), 50.0), None);
    }

    #[test]
    fn pieces_can_be_kept_shorter_than_a_row_allows() {
        let text = ["gathered"; 400].join(" ");
        let long = split(&text, 40.0).expect("splits");
        let short = split_within(&text, 40.0, 10).expect("splits");
        assert!(short.len() > long.len());
        assert_eq!(short.concat(), text);
        for piece in &short {
            assert!(lines(piece.trim_end(), 40.0) <= 10, "{piece}");
        }
        // Never longer than a row allows, whatever is asked.
        let most = split_within(&text, 40.0, 1000).expect("splits");
        assert_eq!(most, long);
    }

    #[test]
    fn the_page_head_names_the_school_and_the_date() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day");
        let head = Running {
            school: "St Mary & St John",
            date: day,
        }
        .header(Orientation::Portrait);
        assert_eq!(
            head,
            "&L&8St Mary && St John&R&8online safety self-review as of 01/11/2026"
        );
        for long in ["School ".repeat(100), "🏫&".repeat(100)] {
            let head = Running {
                school: &long,
                date: day,
            }
            .header(Orientation::Landscape);
            assert!(head.encode_utf16().count() <= 255, "{head}");
            assert!(head.ends_with("as of 01/11/2026"));
            assert!(head.contains('…'));
        }
    }

    #[test]
    fn a_long_school_name_is_shortened_to_sit_beside_the_date() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day");
        let name = "The Blessed Sacrament Catholic Voluntary Aided Primary School and Nursery, Upper Wharfedale Federation of Schools";
        let running = Running {
            school: name,
            date: day,
        };
        let school = |o| {
            let head = running.header(o);
            let left = head.strip_prefix("&L&8").expect("the school on the left");
            left.split("&R&8")
                .next()
                .expect("the date on the right")
                .to_string()
        };
        let (portrait, landscape) = (
            school(Orientation::Portrait),
            school(Orientation::Landscape),
        );
        // The school and the date fit the line, in the widths counted for small type.
        for (o, s) in [
            (Orientation::Portrait, &portrait),
            (Orientation::Landscape, &landscape),
        ] {
            let chars = (s.chars().count() + 43) as f64;
            assert!(
                chars * HEAD_CHAR_POINTS + HEAD_GAP_POINTS <= head_points(o),
                "{s}"
            );
        }
        assert!(
            portrait.ends_with('…') && !portrait.ends_with(" …"),
            "{portrait}"
        );
        assert!(portrait.chars().count() < landscape.chars().count());
        assert!(name.starts_with(portrait.trim_end_matches('…')));
        // A name that fits is left whole.
        let short = Running {
            school: "Hill Primary School",
            date: day,
        };
        assert!(
            short
                .header(Orientation::Portrait)
                .contains("&L&8Hill Primary School&R")
        );
    }

    /// Texts LibreOffice 24.2 printed wrapped in columns of each width (Carlito 11, at full
    /// size), with the lines it drew for each: the estimate is never short of them, and at
    /// most a line over or, for the longest, a tenth.
    #[test]
    fn lines_match_what_libreoffice_prints_within_a_line() {
        let texts = [
            "term and actions and and reports alert to and reviews reports the minutes alert with actions term each evidence alert actions minutes actions alert technician to policy and term to and policy logs technician shows the governors staff reviews monitoring staff and school the staff the minutes policy with alert reports shows technician evidence training records technician shows training and",
            "every and and filtering school and alert each with governors records staff to policy the records logs minutes technician and and actions and records and term DSL governors the policy with reports governors evidence monitoring evidence policy DSL actions and and filtering evidence to each to minutes and with the filtering reviews alert policy to alert reviews and training reviews records and the the records staff records policy filtering school reports reports staff school technician evidence and DSL actions with logs term school the the reviews filtering reports actions school each records the reports with and evidence school policy DSL DSL and and policy technician technician every policy logs technician to policy reports governors actions filtering reports training logs with",
            "Staff complete safeguarding training every September; the DSL keeps the register and chases anyone who misses it. Governors see a termly report with the filtering logs, the incidents and what was done.",
            "Mrs Philippa Montgomery-Fotheringham (Online Safety Lead and Deputy Headteacher) WILL REVIEW THE ACCEPTABLE USE AGREEMENTS WITH PARENTS.",
        ];
        let printed: [(f64, [usize; 4]); 4] = [
            (38.0, [9, 18, 5, 4]),
            (50.0, [7, 14, 4, 3]),
            (30.0, [12, 23, 6, 5]),
            (24.0, [15, 27, 7, 7]),
        ];
        for (width, counts) in printed {
            for (text, want) in texts.iter().zip(counts) {
                let got = lines(text, width);
                assert!(
                    (want..=want + 1 + want / 9).contains(&got),
                    "{got} lines counted, {want} printed, at {width}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_row_is_as_tall_as_libreoffice_prints_its_lines() {
        // LibreOffice prints wrapped Carlito 11 lines 11.1 points apart: a row of n lines
        // needs n times that and the cell's margins, and is given no more than a line over.
        for n in [2usize, 5, 12, 30] {
            let text = vec!["word"; n].join("\n");
            let h = height(&[(&text, 40.0)], 11.0);
            let printed = n as f64 * 11.1;
            assert!(h >= printed + 2.0, "{n} lines: {h}");
            assert!(h <= printed + 11.1, "{n} lines: {h}");
        }
    }

    #[test]
    fn no_row_is_taller_than_excel_allows() {
        let words = ["commentary"; 3000].join(" ");
        assert_eq!(height(&[(&words, 60.0)], 11.0), MAX_ROW_POINTS);
    }
}
