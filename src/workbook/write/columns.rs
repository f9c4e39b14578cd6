//! The Scores sheet's columns: their widths, their headings, and for a group how the
//! members' own levels are shown so that the sheet prints one page wide at a size that can
//! be read.
//!
//! A group workbook has a level column per member beside the agreed level and its text
//! columns. Printed one page wide, as the other sheets are, every column shrinks the type:
//! the group's columns are narrower than a reviewer's, the members' level columns narrowest
//! of all (a level is one digit) with each member's name turned up the column, and only
//! the gathered commentary is wide. While the sheet stays within [`GROUP_UNITS`] that way,
//! the members' columns print; a group with more members than fit has their columns hidden
//! instead (a person can unhide them to type, as the sheet's protection allows) and a
//! `Levels given` column gathers their levels, each under a letter that the Reviewers
//! sheet spells out ("A: 2, B: 3"). The reader knows nothing of this: it reads the
//! members' columns by their headings, hidden or not, and passes over `Levels given`.

use rust_xlsxwriter::{Format, Formula, Worksheet, XlsxError, column_number_to_name};

use super::Formats;
use crate::framework::Framework;
use crate::sheetprint::{self, Orientation::Landscape};
use crate::workbook::layout;
use crate::workbook::prefill::Start;

/// The widest a group's Scores sheet may be, in column units, with its members' columns
/// printed: one page wide on A4 landscape its words are then still about 9 points tall
/// (LibreOffice prints a sheet 214 units wide with words 8.5 points tall at the median).
pub(super) const GROUP_UNITS: f64 = 205.0;

/// The most lines of text a group's row holds before its text goes on in the next: a
/// quarter of a printed page or so, so that the group's long notes fill the pages rather
/// than leave each part empty below a row too tall to join it.
pub(super) const GROUP_PIECE_LINES: usize = 12;

/// A level column of a group's (a member's, the benchmark, the agreed level): a digit,
/// with the heading turned up the column.
const MEMBER_WIDTH: f64 = 5.0;

/// A hidden member's level column, wide enough for a level and the heading once unhidden.
const HIDDEN_MEMBER_WIDTH: f64 = 12.0;

/// How a group's members' levels appear on the Scores sheet.
pub(super) struct Members {
    /// Whether their own columns are hidden, and `Levels given` gathers them.
    pub(super) hidden: bool,
    /// Each member's column and letter, in column order.
    pub(super) keyed: Vec<(u16, String)>,
}

/// The letter of the member at `index` (from 0): A to Z, then AA, AB and on, as the
/// spreadsheet names its columns.
pub(super) fn key(index: usize) -> String {
    let n = u16::try_from(index).unwrap_or(u16::MAX - 1);
    column_number_to_name(n)
}

/// The tallest, in points, a member's name turned up its column may make the heading row,
/// which is printed on every page: about eight lines of text.
const TURNED_POINTS: f64 = 120.0;

/// Whether `members` would make a group's Scores sheet with the `others` headings wider
/// than prints readably, or a name turned up its column would make the heading row on
/// every page taller than [`TURNED_POINTS`].
pub(super) fn hides(members: &[String], others: &[String], fw: &Framework) -> bool {
    let rest: f64 = others.iter().map(|h| width(h, false, true, fw)).sum();
    rest + MEMBER_WIDTH * members.len() as f64 > GROUP_UNITS
        || members.iter().any(|m| turned_height(m) > TURNED_POINTS)
}

/// The least width a column of text under `header` is narrowed to, so that the Scores
/// sheet prints one page wide with its text at 9 points or more
/// ([`sheetprint::BODY_SCALE`]); `None` for a column that keeps its width (codes, levels,
/// names, dates, and the aspect's name, sized to stay on a line or two so that a blank
/// row keeps the height the office program gives it). The text then wraps over more
/// lines rather than print smaller.
fn least(header: &str, group: bool) -> Option<f64> {
    let least = match header {
        layout::COMMENTARY if group => 24.0,
        // Room for what a meeting types into rows sized for the members' notes.
        layout::AGREED_COMMENTARY if group => 20.0,
        layout::COMMENTARY => 24.0,
        layout::AGREED_COMMENTARY => 16.0,
        // What changed names the aspects of both frameworks, whose longest words
        // ("Responsibilities") an office program does not break: narrower, it cuts them.
        layout::CHANGE_FLAG => 17.5,
        // File names, which break only at their hyphens and dots.
        layout::EVIDENCE if group => 14.0,
        layout::RATIONALE if group => 10.0,
        layout::EVIDENCE | layout::RATIONALE => 12.0,
        layout::ACTIONS if group => 10.0,
        layout::ACTIONS => 14.0,
        layout::RECORDS_DIFFER if !group => 12.0,
        layout::LEVELS_GIVEN => 10.0,
        _ => return None,
    };
    Some(least)
}

/// Narrows the shown text columns of `widths` (each to no less than its [`least`]) until
/// the columns shown print one page wide on A4 landscape at [`sheetprint::BODY_SCALE`] or
/// more; hidden members' columns take no room on the page and keep their widths. A group
/// whose members' columns print keeps its widths, laid out within [`GROUP_UNITS`]: made
/// narrower, its agreed commentary would outgrow rows sized for the members' notes as the
/// meeting types it.
fn narrow_to_body(widths: &mut [f64], headers: &[String], members: Option<&Members>) {
    if members.is_some_and(|m| !m.hidden) {
        return;
    }
    let group = members.is_some();
    let hidden = |col: usize| {
        members.is_some_and(|m| m.hidden && m.keyed.iter().any(|(c, _)| usize::from(*c) == col))
    };
    let shown: Vec<usize> = (0..widths.len()).filter(|&c| !hidden(c)).collect();
    let mut narrowed: Vec<f64> = shown.iter().map(|&c| widths[c]).collect();
    let flexible: Vec<(usize, f64)> = shown
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| {
            let member = members.is_some_and(|m| m.keyed.iter().any(|(k, _)| usize::from(*k) == c));
            let least = if member {
                None
            } else {
                least(&headers[c], group)
            }?;
            Some((i, least))
        })
        .collect();
    // The other text columns give their room first: the commentary holds the most text
    // (a group's gathers every member's), and each unit it gives costs the most lines.
    let (commentary, others): (Vec<_>, Vec<_>) = flexible
        .into_iter()
        .partition(|&(i, _)| headers[shown[i]] == layout::COMMENTARY);
    for pass in [others, commentary] {
        sheetprint::narrow_to_scale(&mut narrowed, &pass, Landscape, sheetprint::BODY_SCALE);
    }
    for (&c, w) in shown.iter().zip(narrowed) {
        widths[c] = w;
    }
}

/// The width of the Levels given column for `members`: enough that their letters and
/// levels ("AD: 3, ", seven characters a member at most below 703 members) take sixteen
/// lines or fewer, within reason.
fn given_width(members: usize) -> f64 {
    let chars = members as f64 * 7.0;
    (chars / 16.0 / 1.2 + 2.0).ceil().clamp(10.0, 24.0)
}

/// A column's width. A reviewer's workbook has wide columns for the text a reviewer
/// writes, narrow ones for codes and levels, and the Aspect column as wide as the longest
/// aspect name (within reason); a group's are narrower, all but the gathered commentary.
pub(super) fn width(header: &str, is_level: bool, group: bool, fw: &Framework) -> f64 {
    if group {
        return match header {
            layout::CODE => 6.0,
            layout::ASPECT => 17.0,
            layout::BENCHMARK | layout::AGREED => MEMBER_WIDTH,
            layout::RATIONALE | layout::ACTIONS | layout::CHANGE_FLAG => 13.0,
            layout::AGREED_COMMENTARY => 30.0,
            layout::COMMENTARY => 38.0,
            layout::EVIDENCE => 16.0,
            layout::RECORDS_DIFFER | layout::OWNER | layout::TARGET => 11.0,
            _ if is_level => MEMBER_WIDTH,
            _ => 12.0,
        };
    }
    match header {
        layout::CODE => 7.0,
        layout::BENCHMARK => 9.0,
        layout::ASPECT => {
            let longest = fw.aspects().map(|(_, _, a)| a.name.chars().count()).max();
            let chars = longest.unwrap_or(20) as f64;
            ((chars + 2.0) / 1.15).clamp(24.0, 40.0).ceil()
        }
        layout::COMMENTARY | layout::AGREED_COMMENTARY => 50.0,
        layout::EVIDENCE | layout::RATIONALE | layout::CHANGE_FLAG => 20.0,
        layout::RECORDS_DIFFER => 18.0,
        layout::ACTIONS => 24.0,
        layout::OWNER => 11.0,
        layout::TARGET => 11.0,
        _ if is_level => 8.0,
        _ => 12.0,
    }
}

/// How much longer a turned heading's longest word is counted than its characters in
/// Calibri: the heading is bold, and where neither Calibri nor Carlito is installed an office
/// program prints it in a wider font (DejaVu Sans Bold is about 1.4 times as wide), in which
/// a heading sized to the letter would break mid-word ("Benchma / rk").
const WORD_WIDER: f64 = 1.5;

/// The height in points of a heading turned up a column [`MEMBER_WIDTH`] wide, which
/// holds two lines of it: as long as the longer line once the name is wrapped in two, and
/// never shorter than its longest word counted [`WORD_WIDER`], so no word is broken.
fn turned_height(text: &str) -> f64 {
    let word = text.split_whitespace().map(|w| w.chars().count()).max();
    let least = (word.unwrap_or(1) as f64 + 1.0) / 1.2 * WORD_WIDER;
    let along = (1..=80u32)
        .filter(|&units| f64::from(units) >= least)
        .find(|&units| sheetprint::lines(text, f64::from(units)) <= 2)
        .unwrap_or(80);
    // A column `units` wide is 7 pixels a unit and 5 more; a pixel is three quarters of a
    // point; and the cell's padding.
    (f64::from(along) * 7.0 + 5.0) * 0.75 + 6.0
}

/// Each column's width, before any is narrowed to [`fit`] the page.
fn widths(
    fw: &Framework,
    headers: &[String],
    level_cols: &[u16],
    members: Option<&Members>,
) -> Vec<f64> {
    (0u16..)
        .zip(headers)
        .map(|(col, header)| {
            let member = members.and_then(|m| m.keyed.iter().find(|(c, _)| *c == col).map(|_| m));
            match member {
                Some(m) if m.hidden => HIDDEN_MEMBER_WIDTH,
                Some(_) => MEMBER_WIDTH,
                None if header == layout::LEVELS_GIVEN => {
                    given_width(members.map_or(0, |m| m.keyed.len()))
                }
                None => width(header, level_cols.contains(&col), members.is_some(), fw),
            }
        })
        .collect()
}

/// The narrowest a text column is made so that a sheet fits one page wide.
const LEAST_TEXT_WIDTH: f64 = 12.0;

/// Narrows the text columns (those wider than [`LEAST_TEXT_WIDTH`]) of a sheet wider than
/// `most` units, each by the same share of what it has above that, until the sheet is
/// `most` wide: a column added to the layout (a workbook carried to a revised framework
/// gains one) or a long aspect name then still prints one page wide at a readable size,
/// the text taking a line or two more. The codes and levels keep their widths.
fn fit(widths: &mut [f64], most: f64) {
    let total: f64 = widths.iter().sum();
    let spare: f64 = widths.iter().map(|w| (w - LEAST_TEXT_WIDTH).max(0.0)).sum();
    if total <= most || spare <= 0.0 {
        return;
    }
    let keep = (1.0 - (total - most) / spare).max(0.0);
    for w in widths.iter_mut().filter(|w| **w > LEAST_TEXT_WIDTH) {
        // Whole units, rounded down so the sheet ends within `most`.
        *w = (LEAST_TEXT_WIDTH + (*w - LEAST_TEXT_WIDTH) * keep).floor();
    }
}

/// Writes the Scores sheet's heading row, as tall as its wrapped headings (and a group's
/// names turned up their columns); returns each column's width and the row's height.
/// `members` are the columns
/// of a group's members' levels, and `hidden` whether they are hidden.
pub(super) fn heading_row(
    sheet: &mut Worksheet,
    fw: &Framework,
    headers: &[String],
    level_cols: &[u16],
    members: Option<&Members>,
    f: &Formats,
) -> Result<(Vec<f64>, f64), XlsxError> {
    let group = members.is_some();
    let turned = f.header.clone().set_rotation(90);
    let mut widths = widths(fw, headers, level_cols, members);
    if !group {
        fit(&mut widths, sheetprint::READABLE_UNITS);
    }
    narrow_to_body(&mut widths, headers, members);
    let mut heading = Vec::with_capacity(headers.len());
    let mut tallest: f64 = 0.0;
    for ((col, header), &width) in (0u16..).zip(headers).zip(&widths) {
        let member = members.and_then(|m| m.keyed.iter().find(|(c, _)| *c == col).map(|_| m));
        let level = group && [layout::BENCHMARK, layout::AGREED].contains(&header.as_str());
        match member {
            None if level => {
                sheet.write_with_format(0, col, header.as_str(), &turned)?;
                tallest = tallest.max(turned_height(header));
            }
            Some(m) if !m.hidden => {
                sheet.write_with_format(0, col, header.as_str(), &turned)?;
                tallest = tallest.max(turned_height(header));
            }
            // A hidden member's heading is not printed, so it does not make the heading
            // row taller on every page; unhidden, its first lines show.
            Some(_) => {
                sheet.write_with_format(0, col, header.as_str(), &f.header)?;
            }
            None => {
                sheet.write_with_format(0, col, header.as_str(), &f.header)?;
                heading.push((header.as_str(), width));
            }
        }
        if member.is_some_and(|m| m.hidden) {
            sheet.set_column_hidden(col)?;
        }
    }
    let height = sheetprint::height(&heading, 11.0)
        .max(tallest)
        .min(sheetprint::MAX_ROW_POINTS);
    sheet.set_row_height(0, height)?;
    Ok((widths, height))
}

/// The Levels given cell of the row `row`: a formula gathering each member's level under
/// the member's letter, so it follows the hidden columns when a person changes them, with
/// the levels the row starts with as its saved result.
pub(super) fn levels_given(
    members: &Members,
    row: u32,
    start: Option<&Start>,
    names: &[String],
) -> (Formula, String) {
    let pieces: Vec<String> = members
        .keyed
        .iter()
        .map(|(col, key)| {
            let cell = format!("{}{}", column_number_to_name(*col), row + 1);
            format!(r#"IF({cell}="","",", {key}: "&{cell})"#)
        })
        .collect();
    let result: Vec<String> = members
        .keyed
        .iter()
        .zip(names)
        .filter_map(|((_, key), name)| {
            let level = start?.levels.get(name)?;
            Some(format!("{key}: {level}"))
        })
        .collect();
    let result = result.join(", ");
    let formula = format!("=MID({},3,32767)", pieces.join("&"));
    (Formula::new(formula).set_result(result.as_str()), result)
}

/// The Reviewers sheet of a group whose members' columns are hidden: each member's letter
/// and name, which Levels given uses.
pub(super) fn reviewers_sheet(
    sheet: &mut Worksheet,
    members: &Members,
    names: &[String],
    f: &Formats,
    running: &sheetprint::Running<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name(layout::REVIEWERS_SHEET)?;
    let widths = [8.0, 70.0];
    sheet.write_with_format(0, 0, "Letter", &f.header)?;
    sheet.write_with_format(0, 1, "Member", &f.header)?;
    let mut row = 1u32;
    for ((_, key), name) in members.keyed.iter().zip(names) {
        sheet.write_with_format(row, 0, key.as_str(), &f.locked)?;
        sheet.write_with_format(row, 1, name.as_str(), &f.locked)?;
        if sheetprint::lines(name, widths[1]) > 1 {
            sheet.set_row_height(row, sheetprint::height(&[(name, widths[1])], 11.0))?;
        }
        row += 1;
    }
    for (col, width) in (0u16..).zip(widths) {
        sheet.set_column_width(col, width)?;
    }
    let plain = Format::new().set_text_wrap();
    let note = "Levels given on the Scores sheet shows each member's level under the letter here. The members' own level columns are hidden there so that the sheet prints at a size that can be read; unhide them to type or change a member's level.";
    sheet.merge_range(row + 1, 0, row + 1, 1, note, &plain)?;
    sheet.set_row_height(row + 1, sheetprint::height(&[(note, 78.0)], 11.0))?;
    super::print_setup(
        sheet,
        sheetprint::Orientation::Portrait,
        row + 1,
        1,
        running,
    )?;
    super::protect(sheet);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_get_letters_as_columns_do() {
        assert_eq!(key(0), "A");
        assert_eq!(key(25), "Z");
        assert_eq!(key(26), "AA");
        assert_eq!(key(29), "AD");
    }

    #[test]
    fn a_name_turned_up_its_column_takes_the_height_of_its_longer_half() {
        let short = turned_height("DSL");
        let long = turned_height("Online Safety Lead");
        assert!(short < long, "{short} {long}");
        // One word is never broken over the two lines.
        assert!(turned_height("Benchmark") > turned_height("Bench mark"));
        // "Online Safety" and "Lead": the longer line is thirteen characters.
        assert!(long > 13.0 * 4.0 && long < 13.0 * 7.0, "{long}");
        // "Benchmark" bold in DejaVu Sans, the widest stand-in for Calibri, is about 72
        // points long: the heading row holds it whole.
        assert!(
            turned_height("Benchmark") >= 72.0,
            "{}",
            turned_height("Benchmark")
        );
    }

    #[test]
    fn a_few_members_print_in_their_own_columns_unless_a_name_is_too_long_to_turn() {
        let fw = crate::framework::load_embedded("online-safety-21")
            .expect("embedded")
            .framework;
        let others: Vec<String> =
            crate::workbook::layout::ScoredBy::Group { members: vec![] }.headers();
        let names = |n: usize, name: &str| -> Vec<String> {
            (1..=n).map(|i| format!("{name} {i}")).collect()
        };
        assert!(!hides(&names(5, "Teacher"), &others, &fw));
        assert!(hides(&names(6, "Teacher"), &others, &fw));
        let long = "Teacher with responsibility for computing and online safety across the school";
        assert!(hides(&names(2, long), &others, &fw));
        assert!(!hides(
            &names(2, "Teacher 01 with a rather long job title"),
            &others,
            &fw
        ));
    }

    #[test]
    fn a_reviewers_sheet_with_the_column_a_framework_change_adds_fits_one_page_wide() {
        let fw = crate::framework::load_embedded("online-safety-21")
            .expect("embedded")
            .framework;
        let kind = crate::workbook::layout::ScoredBy::Individual {
            reviewer: "DSL".into(),
        };
        let headers = kind.headers_with(true);
        let level = headers.iter().position(|h| h == layout::LEVEL);
        let level = u16::try_from(level.expect("a level column")).expect("few columns");
        let mut w = widths(&fw, &headers, &[level], None);
        let before: f64 = w.iter().sum();
        // Without narrowing, the column added by a change to the framework makes it too wide.
        assert!(before > sheetprint::READABLE_UNITS, "{before}");
        let narrow: Vec<f64> = w.clone();
        fit(&mut w, sheetprint::READABLE_UNITS);
        let after: f64 = w.iter().sum();
        assert!(after <= sheetprint::READABLE_UNITS, "{after}");
        assert!(after > sheetprint::READABLE_UNITS - 10.0, "{after}");
        for (old, new) in narrow.iter().zip(&w) {
            if *old <= LEAST_TEXT_WIDTH {
                assert_eq!(old, new);
            } else {
                assert!(new < old && *new >= LEAST_TEXT_WIDTH, "{old} {new}");
            }
        }
        // A sheet that fits is left as it is.
        let mut fits = vec![7.0, 30.0, 50.0];
        fit(&mut fits, sheetprint::READABLE_UNITS);
        assert_eq!(fits, vec![7.0, 30.0, 50.0]);
    }

    #[test]
    fn the_levels_given_column_grows_with_the_group() {
        assert_eq!(given_width(3), 10.0);
        assert!(given_width(30) > given_width(10));
        assert_eq!(given_width(400), 24.0);
    }
}
