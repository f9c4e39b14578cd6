//! Where a sheet's printed pages end: the scale at which a sheet prints one page wide, and
//! the manual page breaks that keep a group of rows (an aspect's heading row and its
//! levels) on one page.
//!
//! Breaks are placed here, from the heights the writer gives its rows, because neither
//! office program keeps rows together by itself: left to break where a page fills, either
//! may end a page on an aspect's heading row and print its levels on the next. A sheet that
//! is fitted to the page's width prints at a scale each program works out from its own idea
//! of a column's width, so the rows a page holds would differ between them; a sheet given
//! [`scale_to_width`] instead prints at one scale in both, and a page holds the same rows.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Orientation;

/// The width in points, at full size, of one unit of column width (a digit of Calibri 11)
/// as LibreOffice prints it with Carlito, which has Calibri's widths; Excel prints a unit a
/// little narrower, so a scale that fits LibreOffice's page fits Excel's.
const UNIT_POINTS: f64 = 5.55;

/// What the xlsx format adds to each column's given width, in units, for the cell's margins.
const COLUMN_PADDING: f64 = 0.71;

/// The width in points a page holds between the half-inch side margins
/// [`setup`](super::setup) sets.
fn body_width(orientation: Orientation) -> f64 {
    match orientation {
        Orientation::Portrait => 595.0 - 72.0,
        Orientation::Landscape => 842.0 - 72.0,
    }
}

/// The height in points a page holds between the top and bottom margins (0.7 and 0.6 inch)
/// [`setup`](super::setup) sets, below which the page head and foot sit.
fn body_height(orientation: Orientation) -> f64 {
    let page = match orientation {
        Orientation::Portrait => 842.0,
        Orientation::Landscape => 595.0,
    };
    page - (0.7 + 0.6) * 72.0
}

/// The share of a page's height counted as room for rows: a little is left over for the
/// rounding each program does in scaling a row, so that no page fills before its break.
const ROOM_SHARE: f64 = 0.97;

/// The print scale, in percent, at which columns `widths` wide (in the xlsx unit) print
/// one page wide in `orientation`: at most 100, and at least 10, the least Excel accepts.
pub fn scale_to_width(widths: &[f64], orientation: Orientation) -> u16 {
    let points: f64 = widths
        .iter()
        .map(|w| (w + COLUMN_PADDING) * UNIT_POINTS)
        .sum();
    let scale = (100.0 * body_width(orientation) / points.max(1.0)).floor();
    scale.clamp(10.0, 100.0) as u16
}

/// The least print scale, in percent, of a sheet printed one page wide: type of 11 points
/// prints at about 7.7 points, as small as a page held at arm's length reads.
pub const LEAST_SCALE: u16 = 70;

/// The least print scale, in percent, of a scoring workbook's Scores sheet, where people
/// read and write at length: its 11-point text then prints at 9 points or more.
pub const BODY_SCALE: u16 = 82;

/// How wide, in units with each column's padding ([`padded`]), columns may be that print
/// one page wide in `orientation` at `scale` percent or more: a little under the room, so
/// that the scale rounded down is still at least `scale`.
pub fn room_at(scale: u16, orientation: Orientation) -> f64 {
    body_width(orientation) * 100.0 / f64::from(scale.max(1)) / UNIT_POINTS - 0.5
}

/// How wide columns `widths` wide are with the padding the xlsx format adds to each.
pub fn padded(widths: &[f64]) -> f64 {
    widths.iter().map(|w| w + COLUMN_PADDING).sum()
}

/// Narrows the columns `flexible` names (each with the least width it may take) of columns
/// `widths` wide, each by its share of the room it can give, until they print one page wide
/// in `orientation` at [`LEAST_SCALE`] or more; the other columns keep their widths. As
/// near as the flexible columns allow when they cannot give enough.
pub fn narrow_to_least_scale(
    widths: &mut [f64],
    flexible: &[(usize, f64)],
    orientation: Orientation,
) {
    narrow_to_scale(widths, flexible, orientation, LEAST_SCALE);
}

/// As [`narrow_to_least_scale`], to print at `scale` percent or more.
pub fn narrow_to_scale(
    widths: &mut [f64],
    flexible: &[(usize, f64)],
    orientation: Orientation,
    scale: u16,
) {
    let excess = padded(widths) - room_at(scale, orientation);
    let slack: f64 = flexible
        .iter()
        .map(|&(c, least)| (widths[c] - least).max(0.0))
        .sum();
    if excess <= 0.0 || slack <= 0.0 {
        return;
    }
    let share = (excess / slack).min(1.0);
    for &(c, least) in flexible {
        let give = (widths[c] - least).max(0.0) * share;
        widths[c] = (widths[c] - give).floor().max(least);
    }
}

/// Rows printed together: the heights in points of each, in order, the first `heads` of
/// them headings (an aspect's heading row on the Levels sheet; an element's and a strand's
/// heading rows above their first aspect on the Scores sheet).
#[derive(Debug, Clone, Default)]
pub struct Kept {
    /// Each row's height in points, in order.
    pub heights: Vec<f64>,
    /// How many of the first rows are headings.
    pub heads: usize,
}

/// The most manual page breaks a sheet may hold: Excel refuses a file with more.
const MOST_BREAKS: usize = 1023;

/// Sets `breaks` (from [`breaks`]) as the sheet's manual page breaks: none where there are
/// none, and past the most Excel accepts, the rest of a very long sheet left to the office
/// program's own breaks.
pub fn set_breaks(sheet: &mut Worksheet, breaks: &[u32]) -> Result<(), XlsxError> {
    if !breaks.is_empty() {
        sheet.set_page_breaks(&breaks[..breaks.len().min(MOST_BREAKS)])?;
    }
    Ok(())
}

/// The manual page breaks, as the rows that start a new page, for a sheet printed at
/// `scale` percent in `orientation` whose heading row (`heading` points tall) repeats on
/// every page and whose rows after it come in `groups`, the first group starting at row
/// `first`. A group that fits on a page is never split: when it does not fit in what is
/// left of a page, a new page starts with it. A group taller than a page starts a page
/// when its headings and the first row they head do not fit in what is left, and runs on
/// over the pages after, never leaving a heading at a page's foot.
pub fn breaks(
    groups: &[Kept],
    first: u32,
    heading: f64,
    scale: u16,
    orientation: Orientation,
) -> Vec<u32> {
    let room = body_height(orientation) * ROOM_SHARE * 100.0 / f64::from(scale.max(1)) - heading;
    let mut out = Vec::new();
    let mut used = 0.0;
    let mut row = first;
    for group in groups {
        let whole: f64 = group.heights.iter().sum();
        let head: f64 = group.heights.iter().take(group.heads + 1).sum();
        let needed = if whole <= room { whole } else { head };
        if used > 0.0 && used + needed > room {
            out.push(row);
            used = 0.0;
        }
        for (i, height) in group.heights.iter().enumerate() {
            // Within a group taller than a page, a row after its headings that does not
            // fit starts the next.
            if i > group.heads && used > 0.0 && used + height > room {
                out.push(row);
                used = 0.0;
            }
            used += height;
            row += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_fits_the_columns_to_the_page_width() {
        let scale = scale_to_width(&[7.0, 24.0, 17.0, 70.0], Orientation::Portrait);
        let printed: f64 = [7.0, 24.0, 17.0, 70.0]
            .iter()
            .map(|w| (w + COLUMN_PADDING) * UNIT_POINTS * f64::from(scale) / 100.0)
            .sum();
        assert!(printed <= body_width(Orientation::Portrait), "{printed}");
        assert!(
            printed > 0.97 * body_width(Orientation::Portrait),
            "{printed}"
        );
        assert_eq!(scale_to_width(&[5.0], Orientation::Portrait), 100);
        assert_eq!(scale_to_width(&[5000.0], Orientation::Landscape), 10);
    }

    /// Heights of the rows on each page, from the breaks.
    fn kept(groups: &[Vec<f64>], heads: usize) -> Vec<Kept> {
        groups
            .iter()
            .map(|g| Kept {
                heights: g.clone(),
                heads,
            })
            .collect()
    }

    fn pages(groups: &[Vec<f64>], breaks: &[u32]) -> Vec<f64> {
        let rows: Vec<f64> = groups.iter().flatten().copied().collect();
        let mut out = vec![0.0];
        for (i, h) in rows.iter().enumerate() {
            if breaks.contains(&(i as u32 + 1)) {
                out.push(0.0);
            }
            *out.last_mut().expect("a page") += h;
        }
        out
    }

    #[test]
    fn a_group_that_fits_a_page_is_never_split() {
        // Aspects of a heading row and five levels, of uneven heights.
        let groups: Vec<Vec<f64>> = (0..21)
            .map(|i| {
                let mut g = vec![33.0 + f64::from(i % 3) * 15.0];
                g.extend((0..5).map(|l| 18.0 + f64::from((i + l) % 4) * 15.0));
                g
            })
            .collect();
        let found = breaks(&kept(&groups, 1), 1, 18.0, 78, Orientation::Portrait);
        assert!(found.len() > 3, "{found:?}");
        // Every break starts a group: the row after its last.
        let starts: Vec<u32> = groups
            .iter()
            .scan(1u32, |row, g| {
                let at = *row;
                *row += g.len() as u32;
                Some(at)
            })
            .collect();
        for b in &found {
            assert!(starts.contains(b), "{b} in {starts:?}");
        }
        let room = body_height(Orientation::Portrait) * 100.0 / 78.0 - 18.0;
        for page in pages(&groups, &found) {
            assert!(page <= room, "{page} of {room}");
        }
    }

    #[test]
    fn a_group_taller_than_a_page_keeps_its_heading_with_its_first_row() {
        let tall = vec![40.0, 400.0, 400.0, 400.0];
        let groups = vec![vec![30.0; 20], tall];
        let found = breaks(&kept(&groups, 1), 1, 18.0, 100, Orientation::Portrait);
        // 600 points used: the heading and its first row (440) do not fit in what is
        // left, so the tall group starts a page; its rows then run on one a page.
        assert_eq!(found, vec![21, 23, 24]);
        assert!(breaks(&[], 1, 18.0, 100, Orientation::Portrait).is_empty());
    }

    #[test]
    fn two_headings_stay_with_the_first_row_they_head() {
        // An element's and a strand's heading rows over a first aspect taller than what is
        // left of the page: both move to the next page with it, whatever their heights.
        let room = body_height(Orientation::Landscape) * ROOM_SHARE - 18.0;
        for before in [room - 40.0, room - 20.0, room - 5.0] {
            let groups = vec![
                Kept {
                    heights: vec![before],
                    heads: 0,
                },
                Kept {
                    heights: vec![16.0, 15.0, 30.0, 20.0],
                    heads: 2,
                },
            ];
            let found = breaks(&groups, 1, 18.0, 100, Orientation::Landscape);
            assert_eq!(found, vec![2], "{before}");
        }
        // Taller than a page, the group still starts one rather than leave its headings.
        let groups = vec![
            Kept {
                heights: vec![room - 20.0],
                heads: 0,
            },
            Kept {
                heights: vec![16.0, 15.0, 300.0, 300.0],
                heads: 2,
            },
        ];
        assert_eq!(
            breaks(&groups, 1, 18.0, 100, Orientation::Landscape),
            vec![2, 5]
        );
    }
}

#[cfg(test)]
mod narrow_tests {
    use super::*;

    #[test]
    fn flexible_columns_narrow_until_the_sheet_prints_at_the_least_scale() {
        // The Summary sheet of four members' review: codes, names, four members' levels and the
        // rest, with a long status.
        let before = vec![
            6.0, 34.0, 8.0, 7.0, 9.0, 9.0, 9.0, 9.0, 8.0, 18.0, 10.0, 11.0, 5.0, 34.0, 9.0, 38.0,
        ];
        assert!(scale_to_width(&before, Orientation::Landscape) < LEAST_SCALE);
        let flexible = [(1, 16.0), (9, 10.0), (13, 11.0), (15, 24.0)];
        let mut widths = before.clone();
        narrow_to_least_scale(&mut widths, &flexible, Orientation::Landscape);
        let scale = scale_to_width(&widths, Orientation::Landscape);
        assert!((LEAST_SCALE..LEAST_SCALE + 3).contains(&scale), "{scale}");
        for (c, (now, was)) in widths.iter().zip(&before).enumerate() {
            if !flexible.iter().any(|&(f, _)| f == c) {
                assert_eq!(now, was, "column {c} is not to be narrowed");
            }
        }
        assert!(flexible.iter().all(|&(c, least)| widths[c] >= least));
        // A sheet that already prints at the least scale or more is left as it is.
        let mut narrow = vec![20.0, 30.0, 40.0];
        narrow_to_least_scale(&mut narrow, &[(2, 10.0)], Orientation::Landscape);
        assert_eq!(narrow, [20.0, 30.0, 40.0]);
    }
}
