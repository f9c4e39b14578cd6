//! Progress since the last review, for the governors' report: the aspects whose level
//! went up or down since the latest earlier snapshot, or, when that snapshot was scored on a
//! framework no map carries to the review's, that the two cannot be compared.

use serde::Serialize;

use super::{Previous, uk};
use crate::score::Scored;

/// Progress as the governors' report shows it.
#[derive(Debug, Serialize)]
pub(super) struct Progress {
    since: String,
    /// The earlier review's framework, in words, when its levels cannot be compared.
    uncomparable: Option<String>,
    improved: Vec<String>,
    declined: Vec<String>,
    unchanged: usize,
    /// Aspects a framework change made from others, named: their levels are not compared.
    not_comparable: Vec<String>,
}

/// A framework named in words: its title, or, when neither selfreview nor the review's
/// `frameworks/` folder holds it, a description of it, never its id.
pub fn in_words(title: Option<&str>) -> String {
    title.map_or_else(
        || "a framework that neither selfreview nor this review's frameworks folder holds".into(),
        str::to_string,
    )
}

pub(super) fn progress(s: &Scored, p: &Previous) -> Progress {
    let mut improved = Vec::new();
    let mut declined = Vec::new();
    let mut unchanged = 0;
    for a in &s.aspects {
        // A claim the records do not bear out is no progress: the levels that stood are
        // compared, and a claim beyond them is said.
        let claimed = match (a.agreed, a.counted) {
            (Some(c), Some(n)) if c != n => format!("; level {c} claimed"),
            _ => String::new(),
        };
        match (p.counted.get(&a.code), a.counted) {
            (Some(before), Some(now)) if now < *before => improved.push(format!(
                "{} {} (from {before} to {now}{claimed})",
                a.code, a.name
            )),
            (Some(before), Some(now)) if now > *before => declined.push(format!(
                "{} {} (from {before} to {now}{claimed})",
                a.code, a.name
            )),
            (Some(_), Some(_)) => unchanged += 1,
            _ => {}
        }
    }
    Progress {
        since: uk(p.date),
        uncomparable: p.uncomparable.clone(),
        improved,
        declined,
        unchanged,
        not_comparable: s
            .aspects
            .iter()
            .filter(|a| p.not_comparable.contains(&a.code))
            .map(|a| format!("{} {}", a.code, a.name))
            .collect(),
    }
}
