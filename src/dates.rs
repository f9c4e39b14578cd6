//! Reading dates as schools type them: always day first, never month first.
//!
//! Spreadsheets hold real date cells beside dates typed as text (`03/02/2025`, `3.2.25`,
//! `2 Sept 2024`, `02-Sep-24`, `2024-09-02`), sometimes with a time after them. chrono's
//! `%Y` would take the `25` of `1/2/25` as the year 25, so the year's width picks the format
//! here, and two-digit years pivot at 70 as spreadsheet programs do.

use chrono::{Duration, NaiveDate, NaiveTime};

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// It does not look like a date at all.
    Unreadable,
    /// It looks like a date but names a day that does not exist, such as 31/02/2025.
    Impossible,
}

impl DateError {
    /// A phrase for messages.
    pub fn describe(self) -> &'static str {
        match self {
            DateError::Unreadable => "is not a date",
            DateError::Impossible => "is not a real date",
        }
    }
}

/// A date as every report and message shows it: day first, `dd/mm/yyyy`.
pub fn uk(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month a name or its short form gives ("Sept", "sep", "September"; three letters
/// at least), if it names one.
pub(crate) fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (1u32..)
        .zip(MONTHS.iter().zip(full))
        .find(|(_, (short, long))| {
            w == **short || long.starts_with(&w) || (w == "sept" && **short == "sep")
        })
        .map(|(n, _)| n)
}

fn year_from(text: &str) -> Option<i32> {
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match text.len() {
        4 => text.parse().ok(),
        2 => {
            let yy: i32 = text.parse().ok()?;
            Some(if yy < 70 { 2000 + yy } else { 1900 + yy })
        }
        _ => None,
    }
}

fn day_from(text: &str) -> Option<u32> {
    let digits = text
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .trim_end_matches(',');
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn build(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(DateError::Impossible);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Impossible)
}

/// Parses a date typed as text, day first. A time after the date is ignored.
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    match day_first_fast(text) {
        Some(date) => date,
        None => parse_long(text),
    }
}

/// Words of letters a date or a term is written with besides a month's name: a term's,
/// a weekday's, a day's ordinal ("1st"), "of", and a time's "am" or "pm".
const DATE_PARTS: &[&str] = &[
    "spring",
    "summer",
    "autumn",
    "term",
    "of",
    "the",
    "st",
    "nd",
    "rd",
    "th",
    "am",
    "pm",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
];

/// Whether a word of letters, in lower case, is a part of a date or a term: a month's
/// name, a weekday's, a term's, a day's ordinal, "of".
pub fn date_word(word: &str) -> bool {
    month_from_name(word).is_some() || DATE_PARTS.contains(&word)
}

/// Words typed in a date column in place of a date that are safe to repeat: they say the
/// date is not known yet or what kind of date it is, and name no one.
const IN_PLACE_OF_A_DATE: &[&str] = &[
    "tbc",
    "tba",
    "tbd",
    "n",
    "a",
    "na",
    "none",
    "nil",
    "unknown",
    "pending",
    "ongoing",
    "asap",
    "due",
    "by",
    "before",
    "on",
    "overdue",
    "late",
    "reviewed",
    "approved",
    "last",
    "next",
    "review",
    "not",
    "yet",
    "no",
    "date",
    "soon",
    "missed",
    "passed",
    "expired",
    "lapsed",
    "later",
    "than",
    "or",
    "in",
    "updated",
    "ratified",
    "agreed",
    "adopted",
    "signed",
    "off",
    "booked",
    "planned",
    "scheduled",
    "expected",
    "provisional",
    "completed",
    "cancelled",
    "postponed",
    "for",
    "when",
    "today",
    "tomorrow",
    "yesterday",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "ago",
    "this",
    "end",
    "start",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
];

/// A date cell for a message: quoted when it holds only digits, a date's words
/// ([`date_word`]) and words that stand in for a date ("TBC", "overdue"), so a name or a
/// remark beside it is never repeated (see [`crate::text::quote_cell`]). A month's name
/// counts as a date's word only beside a number: alone, "May" or "June" may be someone's
/// name.
pub fn quoted(typed: &str) -> String {
    let numbered = typed.chars().any(|c| c.is_ascii_digit());
    crate::text::quote_cell(typed, |w| {
        IN_PLACE_OF_A_DATE.contains(&w) || (date_word(w) && (numbered || DATE_PARTS.contains(&w)))
    })
}

/// Whether `text` is meant as a date even when [`parse`] cannot read it: a date naming a
/// day that does not exist (`31/09/2026`), or text naming a month or a term of a year
/// (`Sept`, `Spring 2026`). A cell like that is a date typed wrongly, never a number,
/// though it holds one.
pub fn looks_like_date(text: &str) -> bool {
    if !matches!(parse(text), Err(DateError::Unreadable)) {
        return true;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month = words
        .iter()
        .any(|w| w.chars().all(char::is_alphabetic) && month_from_name(w).is_some());
    let year = words
        .iter()
        .any(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1990..=2100).contains(&y)));
    let season = words.iter().any(|w| {
        ["spring", "summer", "autumn", "winter", "term"].contains(&w.to_lowercase().as_str())
    });
    month || (year && season)
}

/// [`parse`] of trimmed text, form by form.
fn parse_long(text: &str) -> Result<NaiveDate, DateError> {
    // ISO, possibly with a time: 2024-09-02, 2024-09-02T14:30:00, 2024-09-02 14:30
    let head = text.split(['T', ' ']).next().unwrap_or(text);
    if head.len() == 10 && head.as_bytes()[4] == b'-' && head.as_bytes()[7] == b'-' {
        let parts: Vec<&str> = head.split('-').collect();
        if let [y, m, d] = parts.as_slice()
            && y.len() == 4
            && let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse())
        {
            return build(y, m, d);
        }
    }
    // Numeric day-month-year: 03/02/2025, 3.2.25, 03-02-2025, with an optional time after.
    let first = text.split_whitespace().next().unwrap_or("");
    let numeric: Vec<&str> = first.split(['/', '.', '-']).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        let year = year_from(numeric[2]).ok_or(DateError::Unreadable)?;
        let (Some(day), Ok(month)) = (day_from(numeric[0]), numeric[1].parse::<u32>()) else {
            return Err(DateError::Unreadable);
        };
        return build(year, month, day);
    }
    // Words: "2 Sept 2024", "Monday 2nd September 2024", "02-Sep-24", "September 2, 2024".
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| !w.contains(':'))
        .collect();
    let month_at = words.iter().position(|w| month_from_name(w).is_some());
    if let Some(mi) = month_at {
        let month = month_from_name(words[mi]).expect("position found a month");
        // A month and a year alone ("March 2025", "Mar-25", Excel's mmm-yy): the first of
        // the month, never the year taken for a day as well.
        if mi == 0 && words.len() == 2 {
            let year = year_from(words[1]).ok_or(DateError::Unreadable)?;
            return build(year, month, 1);
        }
        let year = words
            .iter()
            .skip(mi + 1)
            .find_map(|w| year_from(w).filter(|_| w.len() == 4 || mi > 0));
        let day = if mi > 0 {
            day_from(words[mi - 1])
        } else {
            words.get(mi + 1).and_then(|w| day_from(w))
        };
        let year = year.or_else(|| words.get(mi + 1).and_then(|w| year_from(w)));
        if let (Some(day), Some(year)) = (day, year) {
            return build(year, month, day);
        }
    }
    Err(DateError::Unreadable)
}

/// `dd/mm/yyyy`, alone or before a space and a time, as most logs write every date: read
/// straight from its digits. `None` for any other form, which [`parse`] reads the long way
/// (with the same result for this form, as a test checks).
fn day_first_fast(text: &str) -> Option<Result<NaiveDate, DateError>> {
    let b = text.as_bytes();
    if b.len() < 10
        || b[2] != b'/'
        || b[5] != b'/'
        || b.get(10).is_some_and(|c| !matches!(c, b' ' | b'\t'))
    {
        return None;
    }
    let digits = [0, 1, 3, 4, 6, 7, 8, 9];
    if !digits.iter().all(|&i| b[i].is_ascii_digit()) {
        return None;
    }
    let n = |i: usize| u32::from(b[i] - b'0');
    let day = n(0) * 10 + n(1);
    let month = n(3) * 10 + n(4);
    let year = n(6) * 1000 + n(7) * 100 + n(8) * 10 + n(9);
    Some(build(i32::try_from(year).ok()?, month, day))
}

/// The day a date written in settings in a form TOML does not take most likely means, to
/// suggest the TOML form: day first as records are read ("20/11/2025"), or year first with
/// slashes, dots or spaces ("2025/11/20"), as settings are often written.
pub fn guess_for_settings(text: &str) -> Option<NaiveDate> {
    let text = text.trim().trim_matches(['"', '\'']);
    parse(text).ok().or_else(|| {
        ["%Y/%m/%d", "%Y.%m.%d", "%Y %m %d", "%Y-%m-%d"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
    })
}

/// The date of an Excel serial number (days since 1899-12-30), for numbers in date columns
/// only. Numbers outside 1990–2100 are refused: in school records they are not dates.
pub fn from_serial(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(32_874.0..73_051.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a fixed valid date");
    epoch.checked_add_signed(Duration::days(serial.trunc() as i64))
}

/// A time of day typed as text: `14:30`, `14.30`, `2:30pm`, `2.30 pm`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim().to_ascii_lowercase().replace(' ', "");
    let (body, pm) = match (t.strip_suffix("pm"), t.strip_suffix("am")) {
        (Some(b), _) => (b.to_string(), Some(true)),
        (_, Some(b)) => (b.to_string(), Some(false)),
        _ => (t.clone(), None),
    };
    let mut parts = body.split([':', '.']);
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    let h = match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Result<NaiveDate, DateError> {
        Ok(NaiveDate::from_ymd_opt(y, m, day).expect("valid test date"))
    }

    #[test]
    fn a_date_cell_is_quoted_only_when_it_holds_nothing_but_a_date() {
        for shown in [
            "31/02/2026",
            "Sept 2026",
            "Summer 2026",
            "1st of June 2026",
            "TBC",
            "Sep 2026 (overdue)",
            "not yet",
            "next week",
        ] {
            assert_eq!(quoted(shown), format!("`{shown}`"), "{shown}");
        }
        for hidden in [
            "Reviewed by Jane Smith",
            "Ask Mr Patel",
            "Summer 2026 (Jane)",
            "01/09/2026 per A. Khan",
            "June",
            "May",
            "April Jones",
            "10/1O/2026",
            "",
        ] {
            assert_eq!(quoted(hidden), crate::text::UNQUOTED, "{hidden}");
        }
    }

    #[test]
    fn dates_typed_wrongly_still_look_like_dates() {
        for t in [
            "31/09/2026",
            "Sept",
            "Spring 2026",
            "autumn term 2025",
            "99/99/9999",
        ] {
            assert!(looks_like_date(t), "{t}");
        }
        for t in ["28", "28 of 30", "28/30", "2026", "yes", "n/a", ""] {
            assert!(!looks_like_date(t), "{t}");
        }
    }

    #[test]
    fn forms_schools_type() {
        assert_eq!(parse("03/02/2025"), d(2025, 2, 3));
        assert_eq!(parse("3/2/25"), d(2025, 2, 3));
        assert_eq!(parse("3.2.2025"), d(2025, 2, 3));
        assert_eq!(
            parse("12/01/2024"),
            d(2024, 1, 12),
            "day first, never month first"
        );
        assert_eq!(parse("2 Sept 2024"), d(2024, 9, 2));
        assert_eq!(parse("2nd September 2024"), d(2024, 9, 2));
        assert_eq!(parse("Monday 2 Sep 2024"), d(2024, 9, 2));
        assert_eq!(parse("02-Sep-24"), d(2024, 9, 2));
        assert_eq!(parse("September 2, 2024"), d(2024, 9, 2));
        assert_eq!(parse("2024-09-02"), d(2024, 9, 2));
        assert_eq!(parse("2024-09-02T14:30:00"), d(2024, 9, 2));
        assert_eq!(parse("02/09/2024 14:35"), d(2024, 9, 2));
        assert_eq!(parse(" 1/2/99 "), d(1999, 2, 1));
    }

    #[test]
    fn impossible_and_unreadable_dates_are_told_apart() {
        assert_eq!(parse("31/02/2025"), Err(DateError::Impossible));
        assert_eq!(parse("29/02/2023"), Err(DateError::Impossible));
        assert_eq!(parse("13/13/2024"), Err(DateError::Impossible));
        assert_eq!(parse("1/2/025"), Err(DateError::Unreadable));
        assert_eq!(parse("next week"), Err(DateError::Unreadable));
        assert_eq!(parse(""), Err(DateError::Unreadable));
        assert_eq!(parse("Sept"), Err(DateError::Unreadable));
    }

    #[test]
    fn serials_only_in_a_plausible_range() {
        assert_eq!(from_serial(45_536.0), NaiveDate::from_ymd_opt(2024, 9, 1));
        assert_eq!(from_serial(3.0), None);
        assert_eq!(from_serial(1e9), None);
    }

    #[test]
    fn settings_dates_are_guessed_day_first_or_year_first() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 20);
        assert_eq!(guess_for_settings("2025/11/20"), d);
        assert_eq!(guess_for_settings("\"2025.11.20\""), d);
        assert_eq!(guess_for_settings("20/11/2025"), d);
        assert_eq!(guess_for_settings("next week"), None);
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("14:30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_time("2.30 pm"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_time("12am"), NaiveTime::from_hms_opt(0, 0, 0));
        assert_eq!(parse_time("later"), None);
    }

    proptest! {
        #[test]
        fn the_fast_day_first_path_reads_as_the_long_way_does(
            text in "[0-9]{2}/[0-9]{2}/[0-9]{4}([ \t\u{a0}Tx:,/-][0-9: ]{0,6})?",
            other in "[0-9/ .:\tT-]{0,14}",
        ) {
            for t in [text.as_str(), other.as_str()] {
                let t = t.trim();
                if let Some(fast) = day_first_fast(t) {
                    prop_assert_eq!(fast, parse_long(t), "{}", t);
                }
            }
            prop_assert!(day_first_fast(text.trim()).is_some() || !text[10..].starts_with([' ', '\t']));
        }

        #[test]
        fn every_real_date_reads_back_day_first_in_every_form(days in 0i64..40_000) {
            let date = NaiveDate::from_ymd_opt(1975, 1, 1).expect("valid") + Duration::days(days);
            let forms = [
                date.format("%d/%m/%Y").to_string(),
                date.format("%-d/%-m/%Y").to_string(),
                date.format("%d.%m.%Y").to_string(),
                date.format("%-d %b %Y").to_string(),
                date.format("%-d %B %Y").to_string(),
                date.format("%d-%b-%Y").to_string(),
                date.format("%Y-%m-%d").to_string(),
            ];
            for form in forms {
                prop_assert_eq!(parse(&form), Ok(date), "{}", form);
            }
            if (1970..2070).contains(&chrono::Datelike::year(&date)) {
                let short = date.format("%-d/%-m/%y").to_string();
                prop_assert_eq!(parse(&short), Ok(date), "{}", short);
            }
        }

        #[test]
        fn impossible_days_are_rejected(year in 1990i32..2100, month in 1u32..=12, day in 29u32..=35) {
            let text = format!("{day}/{month}/{year}");
            let real = NaiveDate::from_ymd_opt(year, month, day);
            match real {
                Some(date) => prop_assert_eq!(parse(&text), Ok(date)),
                None => prop_assert_eq!(parse(&text), Err(DateError::Impossible)),
            }
        }

        #[test]
        fn no_text_panics(text in "\\PC{0,24}") {
            let _ = parse(&text);
            let _ = parse_time(&text);
        }
    }
}

#[cfg(test)]
mod month_year_tests {
    use super::*;

    #[test]
    fn a_month_and_a_year_are_the_first_of_the_month() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid");
        assert_eq!(parse("Mar-25"), Ok(d(2025, 3, 1)));
        assert_eq!(parse("March 2025"), Ok(d(2025, 3, 1)));
        assert_eq!(parse("02-Sep-24"), Ok(d(2024, 9, 2)));
        assert_eq!(parse("September 2, 2024"), Ok(d(2024, 9, 2)));
    }
}
