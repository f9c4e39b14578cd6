//! What stands in the way, in brief: with more reasons than fit beside the radar and the
//! sign-off on the first page, the verdict groups the aspects by what holds them back and
//! names at most a few in each group, so that the first page keeps the radar and the
//! sign-off however many aspects fall short. Each aspect's section says it in full.

use serde::Serialize;

use crate::score::{Reason, Scored, Shortfall};

/// More reasons than this are given in brief.
pub const IN_FULL: usize = 5;
/// Aspects named in each group given in brief; the rest are counted.
const NAMED: usize = 6;

/// One thing holding aspects back, and the aspects it holds back.
#[derive(Debug, Serialize)]
pub struct Group {
    /// What holds them back, in words.
    what: &'static str,
    /// How many aspects.
    count: usize,
    /// The first few, as "Name (code)".
    named: Vec<String>,
    /// How many more are not named.
    more: usize,
}

impl Group {
    /// The group's text as the verdict prints it, for measuring how long it runs.
    pub fn text(&self) -> String {
        format!(
            "{} ({}): {}; and {} more.",
            self.what,
            self.count,
            self.named.join("; "),
            self.more
        )
    }
}

fn words(kind: Shortfall) -> &'static str {
    match kind {
        Shortfall::NotScored => "Not scored yet",
        Shortfall::AgreeAgain => "To be agreed again after the framework change",
        Shortfall::NotAgreed => "Not agreed by the group",
        Shortfall::CarriedNotChecked => {
            "Carried over by the framework change, not yet checked by the group"
        }
        Shortfall::BelowBenchmark => "Below the benchmark",
        Shortfall::EvidenceDoesNotSupportLevel => "The records do not support the level claimed",
        Shortfall::EvidenceNeeded => "Evidence needed: records a check needs were not imported",
        Shortfall::ExplanationTooShort => "Why the records differ says too little to count",
        Shortfall::NoCommentary => "No commentary",
        Shortfall::CommentaryTooShort => "Commentary too short",
        Shortfall::Unevidenced => "No evidence behind the level",
    }
}

const ORDER: [Shortfall; 11] = [
    Shortfall::NotScored,
    Shortfall::AgreeAgain,
    Shortfall::NotAgreed,
    Shortfall::CarriedNotChecked,
    Shortfall::BelowBenchmark,
    Shortfall::EvidenceDoesNotSupportLevel,
    Shortfall::EvidenceNeeded,
    Shortfall::ExplanationTooShort,
    Shortfall::Unevidenced,
    Shortfall::NoCommentary,
    Shortfall::CommentaryTooShort,
];

/// The reasons grouped by what holds the aspects back, when there are more than
/// [`IN_FULL`]; none when they are few enough to give in full.
pub fn groups(s: &Scored) -> Vec<Group> {
    if s.reasons.len() <= IN_FULL {
        return Vec::new();
    }
    ORDER
        .iter()
        .filter_map(|&kind| {
            let held: Vec<&Reason> = s
                .reasons
                .iter()
                .filter(|r| r.kinds.contains(&kind))
                .collect();
            (!held.is_empty()).then(|| Group {
                what: words(kind),
                count: held.len(),
                named: held
                    .iter()
                    .take(NAMED)
                    .map(|r| named(s, &r.aspect))
                    .collect(),
                more: held.len().saturating_sub(NAMED),
            })
        })
        .collect()
}

/// At most `limit` of `items`, and how many more there are.
pub fn first<T: Clone>(items: &[T], limit: usize) -> (Vec<T>, usize) {
    let shown = items.iter().take(limit).cloned().collect();
    (shown, items.len().saturating_sub(limit))
}

fn named(s: &Scored, code: &str) -> String {
    s.aspects
        .iter()
        .find(|a| a.code == code)
        .map_or_else(|| code.to_string(), |a| format!("{} ({code})", a.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_is_cut_with_a_count_of_the_rest() {
        let items: Vec<u8> = (1..=9).collect();
        assert_eq!(first(&items, 3), (vec![1, 2, 3], 6));
        assert_eq!(first(&items[..2], 3), (vec![1, 2], 0));
    }
}
