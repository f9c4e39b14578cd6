//! The hand-over to the assessor as the reports show it: who signed the review off, and
//! when the Online Safety Mark is due for reassessment with what changed since its award.

use serde::Serialize;

use super::uk;
use crate::pipeline::renewal::{Change, Renewal};
use crate::review::handover::SignOff;

/// The sign-off as shown: every name and the date, or what is still missing.
#[derive(Debug, Serialize)]
pub(super) struct SignOffView {
    headteacher: String,
    chair_of_governors: String,
    lead: String,
    date: String,
    missing: String,
}

/// The renewal as shown.
#[derive(Debug, Serialize)]
pub(super) struct RenewalView {
    awarded: String,
    due: String,
    overdue: bool,
    days: i64,
    how: &'static str,
    since: Option<String>,
    unmapped: Option<String>,
    /// How many aspects went up and down since the award.
    up: usize,
    down: usize,
    /// The first few of each, named; the rest are counted, so that the sign-off, with the
    /// Mark under it, stays on the report's first page.
    improved: Vec<String>,
    improved_more: usize,
    /// Aspects a framework change made from others, whose levels are not compared.
    not_comparable: Vec<String>,
    declined: Vec<String>,
    declined_more: usize,
    unchanged: usize,
}

/// What the reports say before the aspects a framework change made from others.
pub(super) const NOT_COMPARED: &str = "Not compared, as the framework change made them from other aspects, so the earlier review gave them no level of their own: ";

/// Aspects named under the Mark in each direction; the rest are counted.
const NAMED: usize = 6;

impl SignOffView {
    /// The lines the sign-off prints, for the first page's measure.
    pub(super) fn texts(&self) -> Vec<String> {
        let mut texts = Vec::new();
        if !(self.headteacher.is_empty() && self.chair_of_governors.is_empty()) {
            texts.push(format!(
                "Signed off on {} by {} (headteacher) and {} (chair of governors), with {} (online safety lead).",
                self.date, self.headteacher, self.chair_of_governors, self.lead
            ));
        }
        if !self.missing.is_empty() {
            // The longest of the two sentences the report gives.
            texts.push(format!(
                "The sign-off does not yet record {}: the headteacher and the chair of governors sign the review off, and the online safety lead writes their names and the date in the review's settings file, review.toml.",
                self.missing
            ));
        }
        texts
    }
}

impl RenewalView {
    /// The lines the Mark prints under the sign-off, its heading first, for the first
    /// page's measure: the report template's sentences with this review's figures.
    pub(super) fn texts(&self) -> Vec<String> {
        let when = if self.overdue {
            format!("was due on {}, {} days before", self.due, self.days)
        } else {
            format!("is due by {}, {} days after", self.due, self.days)
        };
        let mut texts = vec![
            "The Online Safety Mark".to_string(),
            format!(
                "Awarded on {}. Reassessment {when} this review's date, by {}.",
                self.awarded, self.how
            ),
        ];
        let since = self.since.as_deref().unwrap_or_default();
        if let Some(unmapped) = &self.unmapped {
            texts.push(format!(
                "The review of {since}, the one nearest the award, was scored on {unmapped}, and no framework map leads from it to this one, so its levels cannot be compared."
            ));
        } else if self.since.is_some() {
            texts.push(format!(
                "Since the review of {since}, the one nearest the award: {} aspects up, {} down, {} unchanged.",
                self.up, self.down, self.unchanged
            ));
        } else {
            texts.push("No earlier review in history/ to compare with the award.".into());
        }
        for (label, list, more) in [
            ("Up", &self.improved, self.improved_more),
            ("Down", &self.declined, self.declined_more),
        ] {
            if !list.is_empty() {
                texts.push(format!("{label}: {}; and {more} more.", list.join("; ")));
            }
        }
        if !self.not_comparable.is_empty() {
            texts.push(format!("{NOT_COMPARED}{}.", self.not_comparable.join("; ")));
        }
        texts
    }
}

pub(super) fn sign_off(s: Option<&SignOff>) -> SignOffView {
    let s = s.cloned().unwrap_or_default();
    let or_blank = |v: Option<String>| v.unwrap_or_default();
    let missing = s.missing();
    SignOffView {
        missing: match missing.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        },
        headteacher: or_blank(s.headteacher),
        chair_of_governors: or_blank(s.chair_of_governors),
        lead: or_blank(s.lead),
        date: s.date.map(uk).unwrap_or_default(),
    }
}

pub(super) fn renewal(r: &Renewal) -> RenewalView {
    let list = |c: &[Change]| -> Vec<String> {
        c.iter()
            .map(|c| format!("{} {} (from {} to {})", c.code, c.name, c.from, c.to))
            .collect()
    };
    let improved = r
        .since
        .as_ref()
        .map(|s| list(&s.improved))
        .unwrap_or_default();
    let declined = r
        .since
        .as_ref()
        .map(|s| list(&s.declined))
        .unwrap_or_default();
    let (up, down) = (improved.len(), declined.len());
    let (improved, improved_more) = super::brief::first(&improved, NAMED);
    let (declined, declined_more) = super::brief::first(&declined, NAMED);
    RenewalView {
        awarded: uk(r.awarded),
        due: uk(r.due),
        overdue: r.days_after_review < 0,
        days: r.days_after_review.abs(),
        how: if r.desk_allowed {
            "a full visit or a desk assessment"
        } else {
            "a full visit, since the last was a desk assessment and a desk assessment is allowed only once between visits"
        },
        since: r.since.as_ref().map(|s| uk(s.snapshot)),
        // The framework by its title (or described), never by its id.
        unmapped: r
            .since
            .as_ref()
            .filter(|s| s.unmapped.is_some())
            .map(|s| super::in_words(s.unmapped_title.as_deref())),
        up,
        down,
        improved,
        improved_more,
        declined,
        declined_more,
        unchanged: r.since.as_ref().map_or(0, |s| s.unchanged),
        not_comparable: r
            .since
            .as_ref()
            .map(|s| {
                s.not_comparable
                    .iter()
                    .map(|c| format!("{} {}", c.code, c.name))
                    .collect()
            })
            .unwrap_or_default(),
    }
}
