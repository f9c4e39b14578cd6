//! Whether the sign-off's date fits the review it signs off.
//!
//! A sign-off dated after today has not happened yet; one dated after the review date
//! signs off a review that may have changed since the date the pack presents it at; one
//! more than a year before the review date is a sign-off of an earlier review left in
//! review.toml. Each is a warning, with the date's line in review.toml.

use std::path::Path;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic, Location};
use crate::review::handover::SignOff;

/// How long before the review date a sign-off may be dated before it is taken for an
/// earlier review's.
const LONGEST_BEFORE_DAYS: i64 = 365;

/// The warning about the sign-off's date, if it does not fit.
pub fn date_warning(s: &SignOff, review_date: NaiveDate, today: NaiveDate) -> Option<Diagnostic> {
    let date = s.date?;
    let shown = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let why = if date > today {
        format!(
            "is after today ({}): a review cannot have been signed off yet on a day still to come",
            shown(today)
        )
    } else if date > review_date {
        format!(
            "is after the review date ({}): the pack presents the review as it stood on that date, so a later sign-off may approve a review that changed since",
            shown(review_date)
        )
    } else if (review_date - date).num_days() > LONGEST_BEFORE_DAYS {
        format!(
            "is more than a year before the review date ({}): it looks like the sign-off of an earlier review",
            shown(review_date)
        )
    } else {
        return None;
    };
    Some(
        Diagnostic::warning(
            Code::SignOffDateImplausible,
            date_place(s),
            format!("the sign-off's date {} {why}", shown(date)),
        )
        .with_help("check the date under [sign-off] against the minutes of the meeting that signed the review off; if the review was finished later, set review-date to that day"),
    )
}

/// The warning for a sign-off dated before `migrate` carried the review to `framework` on
/// `changed`: it signed off the review on the old framework, before the group saw what was
/// carried across, however many of the "review after the change" flags are cleared since.
pub fn before_change(s: &SignOff, changed: NaiveDate, framework: &str) -> Option<Diagnostic> {
    let date = s.date.filter(|&d| d < changed)?;
    Some(
        Diagnostic::warning(
            Code::SignOffDateImplausible,
            date_place(s),
            format!(
                "the sign-off's date {} is before the review was carried to `{framework}` on {} (framework-changed in review.toml): it signed off the review on the old framework",
                date.format("%Y-%m-%d"),
                changed.format("%Y-%m-%d")
            ),
        )
        .with_help("once the group has reviewed what was carried across, have the review signed off again and set the new date under [sign-off]"),
    )
}

/// Where the sign-off's date is in review.toml.
fn date_place(s: &SignOff) -> Location {
    s.place("date")
        .cloned()
        .unwrap_or_else(|| Location::file(Path::new("review.toml")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn warned(date: &str) -> Option<String> {
        let s = SignOff {
            date: Some(day(date)),
            ..SignOff::default()
        };
        date_warning(&s, day("2026-11-01"), day("2026-12-01")).map(|d| d.message)
    }

    #[test]
    fn a_date_after_today_or_the_review_or_long_before_it_is_warned_of() {
        assert!(
            warned("2027-06-01")
                .expect("future")
                .contains("after today")
        );
        assert!(
            warned("2026-11-15")
                .expect("after")
                .contains("after the review date")
        );
        assert!(
            warned("2025-10-31")
                .expect("old")
                .contains("more than a year before")
        );
        for fine in ["2026-11-01", "2026-10-20", "2025-11-01"] {
            assert_eq!(warned(fine), None, "{fine}");
        }
        assert_eq!(
            date_warning(&SignOff::default(), day("2026-11-01"), day("2026-12-01")),
            None
        );
    }
}
