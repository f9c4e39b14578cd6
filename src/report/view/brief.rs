//! What stands in the way, in brief: the verdict groups the aspects by what holds them back
//! and names at most a few in each group by name and code, never the reasons themselves (a
//! policy's title, a reviewer's explanation), so that the first page keeps the radar and the
//! sign-off however many aspects fall short and however long their reasons run. Each
//! aspect's section says it in full.

use serde::Serialize;

use crate::score::{Reason, Scored, Shortfall};

/// Aspects named in each group; the rest are counted.
const NAMED: usize = 4;
/// Aspects named on the whole first page, across its groups: past these a group is only
/// counted, so that however many kinds of shortfall there are the verdict stays short.
pub const NAMED_IN_ALL: usize = 12;

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
        if self.named.is_empty() {
            return format!("{} ({}).", self.what, self.count);
        }
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

/// `reasons` grouped by what holds the aspects back, naming at most `budget` aspects in all
/// (and taking those named from it). An aspect not scored yet is named only as that: what
/// it lacks besides (commentary, evidence) follows from it.
pub fn groups(s: &Scored, reasons: &[Reason], budget: &mut usize) -> Vec<Group> {
    grouped(reasons, |code| named(s, code), budget)
}

fn grouped(reasons: &[Reason], name: impl Fn(&str) -> String, budget: &mut usize) -> Vec<Group> {
    ORDER
        .iter()
        .filter_map(|&kind| {
            let held: Vec<&Reason> = reasons
                .iter()
                .filter(|r| r.kinds.contains(&kind))
                .filter(|r| {
                    kind == Shortfall::NotScored || !r.kinds.contains(&Shortfall::NotScored)
                })
                .collect();
            if held.is_empty() {
                return None;
            }
            let shown = held.len().min(NAMED).min(*budget);
            *budget -= shown;
            Some(Group {
                what: words(kind),
                count: held.len(),
                named: held[..shown].iter().map(|r| name(&r.aspect)).collect(),
                more: held.len() - shown,
            })
        })
        .collect()
}

/// The evidence findings about aspects not already among the reasons, grouped as the
/// reasons are: each aspect is listed once on the first page.
pub fn findings(s: &Scored, budget: &mut usize) -> Vec<Group> {
    let others: Vec<Reason> = s
        .evidence_findings
        .iter()
        .filter(|f| !s.reasons.iter().any(|r| r.aspect == f.aspect))
        .cloned()
        .collect();
    groups(s, &others, budget)
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

    /// Every kind of shortfall at once, on twenty aspects with long names and long reasons:
    /// the verdict names a dozen of them and stays within what the first page holds beside
    /// the smallest radar (`first_page`), with room for the sign-off and the Mark.
    #[test]
    fn every_kind_of_shortfall_on_many_aspects_stays_short() {
        let reasons: Vec<Reason> = (0..20)
            .map(|i| Reason {
                aspect: format!("A{i}.1"),
                kinds: ORDER
                    .iter()
                    .copied()
                    .filter(|&k| k != Shortfall::NotScored)
                    .collect(),
                message: "the online safety policy (“a very long title”) ".repeat(40),
            })
            .collect();
        let long = |code: &str| format!("Impact of Online Safety Policy and Practice ({code})");
        let mut budget = NAMED_IN_ALL;
        let groups = grouped(&reasons, long, &mut budget);
        assert_eq!(groups.len(), ORDER.len() - 1);
        let named: usize = groups.iter().map(|g| g.named.len()).sum();
        assert_eq!(named, NAMED_IN_ALL);
        assert!(
            groups
                .iter()
                .all(|g| g.count == 20 && g.named.len() + g.more == 20)
        );
        let lines: f64 = groups
            .iter()
            .map(|g| super::super::first_page::lines(&g.text()))
            .sum();
        assert!(lines <= 20.0, "{lines} printed lines");
        assert!(groups.iter().all(|g| !g.text().contains("very long title")));
    }

    #[test]
    fn an_aspect_not_scored_is_named_only_as_not_scored() {
        let reason = |code: &str, kinds: Vec<Shortfall>| Reason {
            aspect: code.into(),
            kinds,
            message: String::new(),
        };
        let reasons = vec![
            reason("A1.1", vec![Shortfall::NotScored, Shortfall::NoCommentary]),
            reason("A1.2", vec![Shortfall::NoCommentary]),
        ];
        let mut budget = NAMED_IN_ALL;
        let groups = grouped(&reasons, str::to_string, &mut budget);
        let texts: Vec<String> = groups.iter().map(Group::text).collect();
        assert_eq!(
            texts,
            [
                "Not scored yet (1): A1.1; and 0 more.",
                "No commentary (1): A1.2; and 0 more."
            ]
        );
    }

    #[test]
    fn a_long_list_is_cut_with_a_count_of_the_rest() {
        let items: Vec<u8> = (1..=9).collect();
        assert_eq!(first(&items, 3), (vec![1, 2, 3], 6));
        assert_eq!(first(&items[..2], 3), (vec![1, 2], 0));
    }
}
