//! A policy register's next review cell typed with more than a date: "By 31/10/2026", "Due
//! Sept 2026", a term ("Spring 2026", read as the term's first day, the soonest it can
//! mean), or a date with a remark in brackets ("31/10/2026 (provisional)"). Anything else
//! typed there is not read as a date, and the document's next review is then not known:
//! it is never replaced by one worked out from the last review. A cell saying the review is
//! overdue ("Sep 2026 (overdue)") is not read as a date to come either.

use chrono::{Datelike, NaiveDate};

use crate::dates;

/// Words before a date that say it is the day by which the review falls due.
const BY: &[&str] = &[
    "on or before",
    "no later than",
    "not later than",
    "due by",
    "due before",
    "due on",
    "due in",
    "due",
    "by",
    "before",
];

/// Words that say the review's day has already passed.
const PASSED: &[&str] = &["overdue", "late", "missed", "passed", "expired", "lapsed"];

/// Whether the cell says the review is overdue, wherever the word stands.
fn says_passed(typed: &str) -> bool {
    crate::text::normalise(typed)
        .split(' ')
        .any(|w| PASSED.contains(&w))
}

/// The cell without its bracketed remarks and without the words before the date that say
/// it is due by then.
pub(super) fn plain(typed: &str) -> String {
    let mut t = plain_remark(typed);
    let lower = t.to_lowercase();
    if let Some(by) = BY.iter().find(|b| lower.starts_with(&format!("{b} "))) {
        t = t[by.len()..].trim().to_string();
    }
    t
}

/// The first day of a school term typed with its year: "Spring 2026", "Summer term 2026",
/// "Autumn Term 2025-26". The autumn term starts on 1 September, spring on 1 January and
/// summer on 1 April, the soonest each can start.
fn term_start(text: &str) -> Option<NaiveDate> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let (term, year) = match words.as_slice() {
        [t, y] | [t, _, y] if words.len() == 2 || words[1] == "term" => (t.as_str(), y),
        _ => return None,
    };
    let (first, second) = match year.split_once(['-', '/']) {
        Some((a, b)) => (a, Some(b)),
        None => (year.as_str(), None),
    };
    let first: i32 = first.parse().ok().filter(|y| (1990..=2100).contains(y))?;
    if let Some(b) = second {
        // "2025-26" or "2025/2026": the second year follows the first.
        let follows = b.parse::<i32>().ok().is_some_and(|n| {
            (b.len() == 2 && n == (first + 1) % 100) || (b.len() == 4 && n == first + 1)
        });
        if !follows {
            return None;
        }
    }
    let academic = |y: i32| if second.is_some() { y + 1 } else { y };
    let (y, m) = match term {
        "autumn" => (first, 9),
        "spring" => (academic(first), 1),
        "summer" => (academic(first), 4),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The date a next review cell gives once its remarks and leading "by" are set aside, or
/// its term's first day; `None` when it says the review is overdue or gives no date.
pub(super) fn read(typed: &str) -> Option<NaiveDate> {
    if says_passed(typed) {
        return None;
    }
    let p = plain(typed);
    match dates::parse(&p) {
        Ok(day) => Some(month_end_of(&p, day)),
        Err(_) => term_start(&p),
    }
}

/// Words before a date that say it is the day the document was reviewed or approved:
/// "Reviewed 08/07/2026", "Last updated: 1 Sept 2025".
const DONE_ON: &[&str] = &[
    "last reviewed on",
    "last reviewed",
    "reviewed on",
    "reviewed",
    "last updated on",
    "last updated",
    "updated on",
    "updated",
    "approved on",
    "approved",
    "ratified on",
    "ratified",
    "agreed on",
    "agreed",
    "adopted on",
    "adopted",
    "signed off on",
    "signed off",
];

/// A last review (or approval) cell typed with more than a date: the day it gives once a
/// bracketed remark and the words before it saying it was done then ("Reviewed", "Approved
/// on:") are set aside, or a term's first day ("Summer 2026" is taken as 1 April 2026, the
/// longest ago it can mean, so the document falls due no later than it truly does). Says
/// whether the day was a term's. A month and a year stay the month's first day, for the
/// same reason.
pub(crate) fn read_done(typed: &str) -> Option<(NaiveDate, bool)> {
    let p = done_words(typed)?;
    match dates::parse(&p) {
        Ok(day) => Some((day, false)),
        Err(_) => term_start(&p).map(|day| (day, true)),
    }
}

/// Whether a last review cell typed with words ("Approved 31/02/2026") gives a day that
/// does not exist, once the words [`read_done`] sets aside are.
pub(crate) fn done_impossible(typed: &str) -> bool {
    done_words(typed).is_some_and(|p| dates::parse(&p) == Err(dates::DateError::Impossible))
}

/// What of a last review cell may be its date: the cell without the words before it saying
/// it was done then and without a bracketed remark; `None` when any other word is left.
fn done_words(typed: &str) -> Option<String> {
    let lower = typed.trim().to_lowercase();
    let p = match DONE_ON.iter().find(|w| lower.starts_with(*w)) {
        Some(w) => typed.trim()[w.len()..].trim_start_matches([' ', ':', '-']),
        None => typed.trim(),
    };
    // Only a bracketed remark is set aside: any other word beside the date ("Due
    // 01/09/2026", "1/10/2026 draft", "08/10/2026 - not approved") may say the review was
    // not done, so the cell is not read as a day it was.
    let p = plain_remark(p);
    only_a_date(&p).then_some(p)
}

/// `typed` without its bracketed remarks, trimmed.
fn plain_remark(typed: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in typed.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim()
        .trim_end_matches(['.', ',', ';'])
        .trim()
        .to_string()
}

/// Whether every word of letters in `p` is a part of a date or a term: a month's name, a
/// weekday's, a term's, a day's ordinal ("1st"), or "of", once any bracketed remark is
/// set aside. Numbers and times pass.
pub(crate) fn only_a_date(p: &str) -> bool {
    plain_remark(p)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .all(|w| dates::date_word(&w.to_lowercase()))
}

/// A review due "September 2026" or "Sep-26" is due by the end of that month, not on its
/// first day: a date typed as a month and a year alone (`t`), read as `day`, is moved to
/// the month's last day.
pub(super) fn month_end_of(t: &str, day: NaiveDate) -> NaiveDate {
    let words = t
        .split([' ', '-', '/', '.'])
        .filter(|w| !w.is_empty())
        .count();
    let has_letters = t.chars().any(char::is_alphabetic);
    if words != 2 || !has_letters || day.day() != 1 {
        return day;
    }
    day.checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(day)
}

/// Whether the cell says there is no next review date ("n/a", "-", "none"), rather than
/// giving one that cannot be read.
pub(super) fn says_none(typed: &str) -> bool {
    let t = typed.trim().to_lowercase();
    t.is_empty()
        || [
            "n/a",
            "na",
            "n.a.",
            "-",
            "–",
            "—",
            "none",
            "nil",
            "not applicable",
        ]
        .contains(&t.as_str())
}

/// Why the cell gives no next review date, for the note and the warning at its cell.
pub(super) fn why(typed: &str, why: String) -> String {
    if says_passed(typed) {
        // Quoted only when it holds nothing but a date and the words saying so.
        let t = dates::quoted(typed);
        format!("{t} says the review is overdue, with no date still to come")
    } else {
        why
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn a_date_after_by_or_with_a_remark_is_read_and_a_term_as_its_first_day() {
        assert_eq!(read("By 31/10/2026"), d(2026, 10, 31));
        assert_eq!(read("Due by 1 Sept 2026"), d(2026, 9, 1));
        assert_eq!(read("31/10/2026 (provisional)"), d(2026, 10, 31));
        assert_eq!(read("Spring 2026"), d(2026, 1, 1));
        assert_eq!(read("Summer term 2026"), d(2026, 4, 1));
        assert_eq!(read("Autumn Term 2026"), d(2026, 9, 1));
        assert_eq!(read("Spring 2025-26"), d(2026, 1, 1));
        assert_eq!(read("Autumn term 2025/26"), d(2025, 9, 1));
        assert_eq!(plain("By Sep 2026"), "Sep 2026");
    }

    #[test]
    fn a_last_review_typed_with_words_or_as_a_term_is_read_as_its_longest_ago() {
        let day = |t: &str| read_done(t).map(|(d, _)| d);
        assert_eq!(day("Reviewed 08/07/2026"), d(2026, 7, 8));
        assert_eq!(day("Last reviewed: 8 July 2026"), d(2026, 7, 8));
        assert_eq!(day("Approved on 1/9/2025 (FGB)"), d(2025, 9, 1));
        assert_eq!(day("Updated - Sept 2025"), d(2025, 9, 1));
        let term = |t: &str| read_done(t).map(|(day, term)| (Some(day), term));
        assert_eq!(term("Summer 2026"), Some((d(2026, 4, 1), true)));
        assert_eq!(term("Autumn term 2025/26"), Some((d(2025, 9, 1), true)));
        for typed in [
            "Due 01/09/2026",
            "By 01/09/2026",
            "Reviewed 08/10/2026 - not approved",
            "1/10/2026 draft",
            "Reviewed",
            "Summer",
            "TBC",
            "Reviewed by the head",
            "31/02/2026",
        ] {
            assert_eq!(read_done(typed), None, "{typed}");
        }
    }

    #[test]
    fn a_last_review_typed_with_words_and_a_day_that_does_not_exist_is_told_apart() {
        use super::done_impossible;
        assert!(done_impossible("Approved 31/02/2026"));
        assert!(done_impossible("Reviewed: 30/02/2026 (FGB)"));
        assert!(!done_impossible("Approved 28/02/2026"));
        assert!(!done_impossible("Reviewed by Jane Smith"));
        assert!(!done_impossible("31/02/2026 draft"));
    }

    #[test]
    fn an_overdue_cell_or_one_with_no_date_is_not_read() {
        for typed in [
            "Sep 2026 (overdue)",
            "Overdue",
            "31/10/2026 - late",
            "10/31/2026",
            "TBC",
            "When Ofsted visits",
            "Spring",
            "Winter 2026",
            "Spring 2025-27",
            "Byron 2026",
        ] {
            assert_eq!(read(typed), None, "{typed}");
        }
        assert!(why("Sep 2026 (overdue)", String::new()).contains("overdue"));
        assert!(says_none("n/a") && says_none(" - ") && !says_none("TBC"));
    }
}
