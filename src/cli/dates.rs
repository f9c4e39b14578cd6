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
    let read = parse_ymd(text)?;
    // A review, a record and a sign-off all fall within a school's lifetime: a year far
    // outside it ("0000-01-01", "9999-12-31") is a slip, and every window and term worked
    // out from it would mislead.
    if !(YEARS.contains(&chrono::Datelike::year(&read))) {
        return Err(format!(
            "`{text}` is a year no review can be for: give a date between {} and {}",
            YEARS.start(),
            YEARS.end()
        ));
    }
    Ok(read)
}

/// The years a date on the command line may fall in.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// [`parse_date`] before its year is judged.
fn parse_ymd(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        // Read day first, as the school wrote it, to show the same day in the form wanted.
        match selfreview::dates::parse(text) {
            Ok(d) => format!(
                "`{text}` is not written year-month-day; for that day write {}",
                d.format("%Y-%m-%d")
            ),
            Err(_) => match not_a_real_day(text.trim()) {
                Some(why) => format!("`{text}` is written year-month-day, but {why}"),
                None => format!("`{text}` is not a date written year-month-day, e.g. 2026-11-23"),
            },
        }
    })
}

/// Why year-month-day numbers name no day of the calendar ("February 2026 has 28 days"),
/// when the text is in that form.
fn not_a_real_day(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) {
        return Some(format!("there is no month {m}: it is not a real day"));
    }
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = next.signed_duration_since(first).num_days();
    let month = first.format("%B %Y");
    (i64::from(d) > days || d == 0)
        .then(|| format!("{month} has {days} days: it is not a real day"))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn a_day_past_the_end_of_its_month_is_said_not_to_be_a_real_day() {
        let said = parse_date("2026-02-30").expect_err("refused");
        assert!(
            said.contains("February 2026 has 28 days: it is not a real day"),
            "{said}"
        );
        let said = parse_date("2026-13-01").expect_err("refused");
        assert!(said.contains("there is no month 13"), "{said}");
        assert!(
            parse_date("soon")
                .expect_err("refused")
                .contains("not a date written")
        );
    }

    #[test]
    fn a_year_no_review_can_be_for_is_refused() {
        for far in ["0000-01-01", "9999-12-31", "1066-10-14"] {
            let said = parse_date(far).expect_err("refused");
            assert!(said.contains("a year no review can be for"), "{said}");
        }
        assert!(parse_date("2026-11-01").is_ok());
        assert!(parse_date("1990-01-01").is_ok());
    }
}
