//! How reviewers are named in what is rendered.
//!
//! The school's own reports name reviewers as they signed their workbooks. The evidence
//! pack leaves the world of the school, so unless review.toml turns staff names on it
//! shows them as "Reviewer 1", "Reviewer 2", … numbered in name order. The numbering is
//! applied as each name is shown, so the scored review is never copied to rename anyone.

use std::collections::BTreeMap;

use crate::score::Scored;
use crate::workbook::layout::GROUP_REVIEWER;

/// The name each reviewer is shown by.
#[derive(Debug, Default)]
pub struct Reviewers {
    /// Name → the name shown; a name not here is shown as it is.
    shown: BTreeMap<String, String>,
    /// Reviewers' own commentary is left out: the evidence pack carries only the agreed
    /// commentary unless review.toml asks for the reviewers' too.
    hide_commentary: bool,
}

impl Reviewers {
    /// Every reviewer shown by their own name.
    pub fn as_named() -> Self {
        Self::default()
    }

    /// Every reviewer of `scored` (anyone who gave a level, wrote commentary or has a
    /// workbook; the group aside) shown as "Reviewer N", numbered in name order.
    pub fn numbered(scored: &Scored) -> Self {
        let mut names: Vec<&str> = Vec::new();
        for a in &scored.aspects {
            names.extend(a.reviewers.keys().map(String::as_str));
        }
        for a in &scored.aspects {
            names.extend(a.commentary.iter().map(|c| c.reviewer.as_str()));
        }
        names.extend(scored.workbooks.iter().map(|w| w.reviewer.as_str()));
        names.retain(|n| *n != GROUP_REVIEWER);
        names.sort_unstable();
        names.dedup();
        let shown = names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), format!("Reviewer {}", i + 1)))
            .collect();
        Self {
            shown,
            hide_commentary: false,
        }
    }

    /// The same, with reviewers' own commentary left out (the agreed commentary stays).
    pub fn without_commentary(mut self) -> Self {
        self.hide_commentary = true;
        self
    }

    /// Whether reviewers' own commentary is shown.
    pub fn shows_commentary(&self) -> bool {
        !self.hide_commentary
    }

    /// The name `name` is shown by.
    pub fn shown<'a>(&'a self, name: &'a str) -> &'a str {
        self.shown.get(name).map_or(name, String::as_str)
    }

    /// Each reviewer's level, by the name shown, in the order of the names shown (as a
    /// table sorted by reviewer reads).
    pub fn levels<'a>(&'a self, levels: &'a BTreeMap<String, u8>) -> Vec<(&'a str, u8)> {
        let mut out: Vec<(&str, u8)> = levels.iter().map(|(n, l)| (self.shown(n), *l)).collect();
        out.sort_by(|a, b| a.0.cmp(b.0));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_numbered_in_name_order_and_listed_in_the_order_shown() {
        let levels: BTreeMap<String, u8> = [
            "Ann", "Bob", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jon",
        ]
        .iter()
        .zip(1u8..)
        .map(|(n, l)| (n.to_string(), l))
        .chain([(GROUP_REVIEWER.to_string(), 3)])
        .collect();
        let names: BTreeMap<String, String> = levels
            .keys()
            .filter(|n| *n != GROUP_REVIEWER)
            .enumerate()
            .map(|(i, n)| (n.clone(), format!("Reviewer {}", i + 1)))
            .collect();
        let reviewers = Reviewers {
            shown: names,
            hide_commentary: false,
        };
        assert_eq!(reviewers.shown("Ann"), "Reviewer 1");
        assert_eq!(reviewers.shown(GROUP_REVIEWER), GROUP_REVIEWER);
        assert_eq!(reviewers.shown("Someone else"), "Someone else");
        let shown: Vec<&str> = reviewers.levels(&levels).iter().map(|(n, _)| *n).collect();
        // "Reviewer 10" sorts before "Reviewer 2", as a table keyed by the names shown does.
        assert_eq!(
            shown,
            [
                "Group",
                "Reviewer 1",
                "Reviewer 10",
                "Reviewer 2",
                "Reviewer 3",
                "Reviewer 4",
                "Reviewer 5",
                "Reviewer 6",
                "Reviewer 7",
                "Reviewer 8",
                "Reviewer 9"
            ]
        );
        assert!(
            Reviewers::as_named()
                .levels(&levels)
                .iter()
                .map(|(n, _)| *n)
                .eq(levels.keys().map(String::as_str))
        );
    }
}
