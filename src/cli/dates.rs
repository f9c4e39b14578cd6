//! Dates on the command line: dates given as arguments, and today's date.
//!
//! Today is read once, here, and handed to each command that needs it, so that one run
//! uses one date throughout and a test can fix it with `SELFREVIEW_TODAY`.

use anyhow::anyhow;
use chrono::NaiveDate;

/// The environment variable that, when set to a date written year-month-day, is taken as
/// today's date: for tests, and for seeing a review as it stood on another day.
pub const TODAY_VARIABLE: &str = "SELFREVIEW_TODAY";

/// Today's date: `SELFREVIEW_TODAY` when it is set, else the computer's local date.
pub fn today() -> anyhow::Result<NaiveDate> {
    match std::env::var_os(TODAY_VARIABLE) {
        None => Ok(chrono::Local::now().date_naive()),
        Some(value) => parse_date(&value.to_string_lossy())
            .map_err(|why| anyhow!("{TODAY_VARIABLE} is set, but {why}")),
    }
}

/// Reads a date argument written year-month-day; other forms are refused with the same day
/// written the way wanted, where it can be read day first.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        // Read day first, as the school wrote it, to show the same day in the form wanted.
        match selfreview::dates::parse(text) {
            Ok(d) => format!(
                "`{text}` is not written year-month-day; for that day write {}",
                d.format("%Y-%m-%d")
            ),
            Err(_) => format!("`{text}` is not a date written year-month-day, e.g. 2026-11-23"),
        }
    })
}
