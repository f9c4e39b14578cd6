//! School terms, for counting incidents by term.
//!
//! By default the English school year: autumn from 1 September, spring from 1 January,
//! summer from Easter Monday. A school with other dates lists its terms in review.toml.

use chrono::{Datelike, Duration, NaiveDate};

/// How dates are put into terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Terms {
    /// Autumn, spring and summer as above.
    #[default]
    English,
    /// The school's own terms: (name, first day), in date order.
    Own(Vec<(String, NaiveDate)>),
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        .expect("the algorithm gives a real date")
}

impl Terms {
    /// The terms a window of `months` up to `as_of` touches, in order, without the term
    /// `as_of` falls in (it has not finished).
    pub fn finished(&self, as_of: NaiveDate, months: u32) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let current = self.of(as_of);
        // A window reaching before the calendar's start has no terms worth walking through.
        let Some(mut day) = as_of.checked_sub_months(chrono::Months::new(months)) else {
            return out;
        };
        while day < as_of {
            day = day.checked_add_days(chrono::Days::new(1)).unwrap_or(as_of);
            if let Some(term) = self.of(day)
                && Some(&term) != current.as_ref()
                && out.last() != Some(&term)
            {
                out.push(term);
            }
        }
        out
    }

    /// The term a date falls in, e.g. `2024-25 autumn`; `None` before a school's first term.
    pub fn of(&self, date: NaiveDate) -> Option<String> {
        match self {
            Terms::English => {
                let y = date.year();
                let summer = easter_sunday(y) + Duration::days(1);
                let (start_year, term) = if date.month() >= 9 {
                    (y, "autumn")
                } else if date < summer {
                    (y - 1, "spring")
                } else {
                    (y - 1, "summer")
                };
                Some(format!("{start_year}-{:02} {term}", (start_year + 1) % 100))
            }
            Terms::Own(list) => list
                .iter()
                .rev()
                .find(|(_, start)| *start <= date)
                .map(|(n, _)| n.clone()),
        }
    }
}

/// A term as people say it, the one way every output says it: "2025-26 spring" is
/// "spring term 2025-26"; a school's own term names are as the school wrote them.
pub fn in_words(term: &str) -> String {
    match term.split_once(' ') {
        Some((year, name))
            if year.len() == 7
                && year.chars().filter(char::is_ascii_digit).count() == 6
                && !name.contains(' ') =>
        {
            format!("{name} term {year}")
        }
        _ => term.to_string(),
    }
}

/// Terms in words, joined by `between`: "autumn term 2025-26, spring term 2025-26".
pub fn list_in_words(terms: &[String], between: &str) -> String {
    let words: Vec<String> = terms.iter().map(|t| in_words(t)).collect();
    words.join(between)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_said_one_way() {
        assert_eq!(in_words("2025-26 spring"), "spring term 2025-26");
        assert_eq!(in_words("Michaelmas 2025"), "Michaelmas 2025");
        assert_eq!(in_words("Term 1"), "Term 1");
        let both = ["2025-26 autumn".to_string(), "2025-26 spring".to_string()];
        assert_eq!(
            list_in_words(&both, " and "),
            "autumn term 2025-26 and spring term 2025-26"
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
    }

    #[test]
    fn english_terms() {
        let t = Terms::English;
        assert_eq!(t.of(d(2024, 9, 2)).as_deref(), Some("2024-25 autumn"));
        assert_eq!(t.of(d(2025, 1, 6)).as_deref(), Some("2024-25 spring"));
        assert_eq!(t.of(d(2025, 4, 20)).as_deref(), Some("2024-25 spring"));
        assert_eq!(t.of(d(2025, 4, 21)).as_deref(), Some("2024-25 summer"));
        assert_eq!(t.of(d(2025, 8, 31)).as_deref(), Some("2024-25 summer"));
    }

    #[test]
    fn a_schools_own_terms() {
        let t = Terms::Own(vec![
            ("Term 1".into(), d(2024, 9, 4)),
            ("Term 2".into(), d(2024, 10, 28)),
        ]);
        assert_eq!(t.of(d(2024, 9, 1)), None);
        assert_eq!(t.of(d(2024, 10, 1)).as_deref(), Some("Term 1"));
        assert_eq!(t.of(d(2025, 1, 1)).as_deref(), Some("Term 2"));
    }
}
