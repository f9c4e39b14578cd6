//! The surveys of each group over a window: how many, and their responses, a number not
//! known left out of the sum and said to be.

use chrono::NaiveDate;
use serde::Serialize;

use super::within;
use crate::evidence::import::Evidence;
use crate::text::plural;

/// The surveys of one group over a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveySummary {
    /// Who was asked.
    pub group: String,
    /// Surveys within the window.
    pub count: usize,
    /// Responses recorded for them; `None` (not known) when there were surveys and none
    /// of them recorded its responses. A survey whose responses are not known is left out
    /// of the sum and counted in `responses_not_known`.
    pub responses: Option<usize>,
    /// Surveys within the window whose responses are not recorded.
    pub responses_not_known: usize,
    /// The latest survey on or before the as-of date.
    pub last: Option<NaiveDate>,
}

impl SurveySummary {
    /// The responses in words, every output's the same: "80 responses", "responses not
    /// known", or "80 responses, 1 survey's not known".
    pub fn responses_in_words(&self) -> String {
        match (self.responses, self.responses_not_known) {
            (None, _) => "responses not known".to_string(),
            (Some(n), 0) => plural(n, "response", "responses"),
            (Some(n), unknown) => format!(
                "{}, {} not known",
                plural(n, "response", "responses"),
                plural(unknown, "survey's", "surveys'")
            ),
        }
    }
}

/// The group name that stands for everyone asked, in `surveys.count`.
pub const ANY: &str = "any";

/// The group name that stands for the surveys whose register does not say who was asked
/// (`-`, `n/a`): they count among surveys of anyone, and of no group in particular.
pub const NOT_KNOWN: &str = "not known";

/// Surveys of `group` (or of anyone, for [`ANY`]; of no group the register names, for
/// [`NOT_KNOWN`]) over `months`.
pub fn surveys(e: &Evidence, group: &str, months: u32, as_of: NaiveDate) -> SurveySummary {
    let of_group: Vec<_> = e
        .surveys
        .iter()
        .filter(|s| {
            group == ANY
                || (group == NOT_KNOWN && s.groups.is_empty())
                || s.groups.iter().any(|g| g == group)
        })
        .collect();
    let inside: Vec<_> = of_group
        .iter()
        .filter(|s| within(s.date, as_of, months))
        .collect();
    SurveySummary {
        group: group.to_string(),
        count: inside.len(),
        responses: (inside.is_empty() || inside.iter().any(|s| s.responses.is_some()))
            .then(|| inside.iter().filter_map(|s| s.responses).sum()),
        responses_not_known: inside.iter().filter(|s| s.responses.is_none()).count(),
        last: of_group
            .iter()
            .map(|s| s.date)
            .filter(|d| *d <= as_of)
            .max(),
    }
}
