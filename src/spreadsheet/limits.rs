//! How much memory reading an .xls or .ods file may take, and the refusal when it would take
//! more.
//!
//! calamine reads these two formats whole when it opens them and lays every sheet out as a
//! dense grid, so a sheet with one stray cell a million rows down costs as much as a full one.
//! A failed allocation ends the process before anything can be reported, so the checks in
//! [`super::xls`] and [`super::ods`] estimate the cost from the file's structure first and
//! refuse the file with a sentence instead. xlsx and csv are read row by row and need no such
//! check.

use super::{Error, Format};

/// The most an .xls or .ods file may need while it is read. A full 65,536-row xls sheet with
/// thirty columns needs about 140 MiB; the limit stops files whose layout is damaged or
/// absurd, not long tables.
pub const MEMORY_BUDGET: u64 = 1 << 30;

/// What reading one sheet would hold in memory, estimated from the file's structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCost {
    /// The sheet's name as the file gives it.
    pub name: String,
    /// Rows of the grid the reader would build.
    pub rows: u64,
    /// Columns of the grid the reader would build.
    pub cols: u64,
    /// Bytes the reader would hold for the sheet at its peak.
    pub bytes: u64,
}

/// Refuses a file whose sheets together would need more than [`MEMORY_BUDGET`].
pub fn judge(format: Format, sheets: &[SheetCost]) -> Result<(), Error> {
    let total = sheets.iter().map(|s| s.bytes).fold(0, u64::saturating_add);
    if total <= MEMORY_BUDGET {
        return Ok(());
    }
    let widest = sheets
        .iter()
        .max_by_key(|s| s.bytes)
        .expect("a total over the budget comes from at least one sheet");
    Err(Error::OverBudget {
        format,
        bytes: total,
        sheet: widest.name.clone(),
        rows: widest.rows,
        cols: widest.cols,
    })
}

/// Refuses a file that is itself larger than [`MEMORY_BUDGET`], for a format calamine reads
/// whole.
pub fn judge_file(format: Format, size: u64) -> Result<(), Error> {
    if size <= MEMORY_BUDGET {
        return Ok(());
    }
    Err(Error::FileOverBudget { format, size })
}

/// Refuses an xlsx file whose shared text would need more than [`MEMORY_BUDGET`].
pub fn judge_text(format: Format, bytes: u64) -> Result<(), Error> {
    if bytes <= MEMORY_BUDGET {
        return Ok(());
    }
    Err(Error::TextOverBudget { format, bytes })
}

/// Refuses a sheet whose filled cells, at `positions` (row, column from 0), spread so far
/// that the rectangle around them would need more than [`MEMORY_BUDGET`].
pub fn judge_extent(sheet: &str, positions: impl Iterator<Item = (u32, u32)>) -> Result<(), Error> {
    let mut bounds: Option<((u32, u32), (u32, u32))> = None;
    for (r, c) in positions {
        bounds = Some(match bounds {
            None => ((r, c), (r, c)),
            Some(((r0, c0), (r1, c1))) => ((r0.min(r), c0.min(c)), (r1.max(r), c1.max(c))),
        });
    }
    let Some(((r0, c0), (r1, c1))) = bounds else {
        return Ok(());
    };
    let rows = u64::from(r1 - r0) + 1;
    let cols = u64::from(c1 - c0) + 1;
    let bytes = rows
        .saturating_mul(cols)
        .saturating_mul(std::mem::size_of::<calamine::Data>() as u64);
    if bytes <= MEMORY_BUDGET {
        return Ok(());
    }
    Err(Error::StrayEntries {
        sheet: sheet.to_string(),
        last_row: r1,
        last_col: c1,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(name: &str, rows: u64, cols: u64, bytes: u64) -> SheetCost {
        SheetCost {
            name: name.to_string(),
            rows,
            cols,
            bytes,
        }
    }

    #[test]
    fn files_within_the_budget_pass() {
        assert!(judge(Format::Xls, &[]).is_ok());
        assert!(judge(Format::Xls, &[sheet("Log", 10, 5, MEMORY_BUDGET)]).is_ok());
    }

    #[test]
    fn the_refusal_names_the_widest_sheet_and_the_sizes() {
        let why = judge(
            Format::Ods,
            &[
                sheet("Notes", 3, 2, 1000),
                sheet("Log", 1_048_576, 16_384, 3 * MEMORY_BUDGET),
            ],
        )
        .expect_err("three times the budget is refused")
        .to_string();
        assert!(why.starts_with(
            "reading it would take about 3 GB of memory, more than the 1 GB selfreview allows"
        ));
        assert!(
            why.contains("an .ods file (its sheet `Log` spans 1,048,576 rows by 16,384 columns)")
        );
        assert!(why.contains("save it as .xlsx or .csv"));
    }

    #[test]
    fn the_sum_of_sheets_counts_and_never_overflows() {
        let half = sheet("Half", 1, 1, MEMORY_BUDGET / 2 + 1);
        assert!(judge(Format::Xls, &[half.clone(), half]).is_err());
        let huge = sheet("Huge", u64::MAX, u64::MAX, u64::MAX);
        assert!(judge(Format::Xls, &[huge.clone(), huge]).is_err());
    }

    #[test]
    fn a_stray_entry_far_from_the_table_is_named_by_its_row_and_column() {
        assert!(judge_extent("Scores", std::iter::empty()).is_ok());
        assert!(judge_extent("Scores", [(0, 0), (200, 12)].into_iter()).is_ok());
        let why = judge_extent("Scores", [(0, 0), (1_048_575, 3), (5, 16_383)].into_iter())
            .expect_err("the whole grid is refused")
            .to_string();
        assert!(
            why.starts_with(
                "its sheet `Scores` has entries as far as row 1,048,576 and column XFD"
            ),
            "{why}"
        );
    }

    #[test]
    fn a_file_larger_than_the_budget_is_refused() {
        assert!(judge_file(Format::Xls, MEMORY_BUDGET).is_ok());
        let why = judge_file(Format::Xls, 3 << 30)
            .expect_err("over the budget")
            .to_string();
        assert!(
            why.starts_with("it is 3 GB in size, more than the 1 GB"),
            "{why}"
        );
    }

    #[test]
    fn shared_text_over_the_budget_is_refused() {
        assert!(judge_text(Format::Xlsx, MEMORY_BUDGET).is_ok());
        let why = judge_text(Format::Xlsx, 2400 << 30)
            .expect_err("over the budget")
            .to_string();
        assert!(why.contains("about 2.3 TB"), "{why}");
    }
}
