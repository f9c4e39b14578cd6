//! Where an aspect's agreed level comes from, and what is said when there is none.
//!
//! With a group workbook, only the group's Agreed level is agreed: a blank (or unreadable)
//! Agreed cell is never filled from the reviewers' middle level, which would claim a level
//! the group did not give. The middle level is kept beside it for the meeting and never
//! counted. After a framework change, a merged aspect whose sources the group had not all
//! agreed is "to be agreed again", and its "Review after the change" cell says what the
//! group had agreed for each source. Without a group workbook, the reviewers' middle level
//! stands, and every output says that is what it is.

use serde::Serialize;

use super::super::{AgreedBy, consolidate};
use super::Shortfall;

/// Why a group workbook gives an aspect no agreed level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotAgreed {
    /// Why there is none.
    pub why: NotAgreedWhy,
    /// The middle of the reviewers' levels: for the meeting to start from, never counted.
    pub middle: Option<u8>,
    /// After a framework change, what the "Review after the change" cell says: where the
    /// aspect came from and the level the group had agreed for each source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
}

/// Why a group workbook gives an aspect no agreed level; in JSON, a kebab-case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotAgreedWhy {
    /// `agree-again`: a framework change left the Agreed cell blank, as the group had not
    /// agreed every aspect it came from; the group agrees it again.
    AgreeAgain,
    /// `blank`: the Agreed cell is blank or could not be read, though levels were given.
    Blank,
}

/// The agreed level, where it came from, and, with a group workbook that gives none, why.
/// `group` is the group workbook's Agreed level and its "Review after the change" cell;
/// `workbooks` how many scoring workbooks the review has.
pub(super) fn agree(
    group: (Option<u8>, Option<String>),
    has_group: bool,
    levels: &[u8],
    workbooks: usize,
) -> (Option<u8>, Option<AgreedBy>, Option<NotAgreed>) {
    let middle = consolidate::median_toward_weaker(levels);
    let (group_agreed, flag) = group;
    match (group_agreed, has_group) {
        (Some(level), _) if flag.is_some() => (Some(level), Some(AgreedBy::Carried), None),
        (Some(level), _) => (Some(level), Some(AgreedBy::Group), None),
        (None, false) => {
            let by = if workbooks > 1 {
                AgreedBy::Median
            } else {
                AgreedBy::OnlyReviewer
            };
            (middle, middle.map(|_| by), None)
        }
        (None, true) => {
            let why = if flag.is_some() {
                NotAgreedWhy::AgreeAgain
            } else {
                NotAgreedWhy::Blank
            };
            let given = middle.is_some() || why == NotAgreedWhy::AgreeAgain;
            let not_agreed = given.then(|| NotAgreed {
                why,
                middle,
                change: flag.filter(|_| why == NotAgreedWhy::AgreeAgain),
            });
            (None, None, not_agreed)
        }
    }
}

/// What holds back an aspect the group has not agreed, for the readiness verdict.
pub(super) fn reason(n: &NotAgreed) -> (Shortfall, String) {
    let middle = n.middle.map_or_else(String::new, |m| {
        format!(" (the reviewers' middle level is {m}, which the group has not agreed)")
    });
    match n.why {
        NotAgreedWhy::AgreeAgain => (
            Shortfall::AgreeAgain,
            format!(
                "to be agreed again: a framework change merged it from aspects the group had not all agreed, so no level is claimed until the group agrees one{middle}"
            ),
        ),
        NotAgreedWhy::Blank => (
            Shortfall::NotAgreed,
            format!(
                "not agreed by the group: the group workbook's Agreed level is blank, so no level is claimed{middle}"
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_a_group_workbook_only_the_groups_level_is_agreed() {
        let flag = || Some("To be agreed again: merged from B1.1 and B1.2.".to_string());
        assert_eq!(
            agree((Some(3), None), true, &[2, 2], 3),
            (Some(3), Some(AgreedBy::Group), None)
        );
        assert_eq!(
            agree((Some(3), flag()), true, &[2, 2], 3),
            (Some(3), Some(AgreedBy::Carried), None),
            "a carried level is said to be carried"
        );
        let (level, by, not) = agree((None, None), true, &[1, 2], 3);
        assert_eq!((level, by), (None, None), "the middle level is not claimed");
        let not = not.expect("said why");
        assert_eq!(
            (not.why, not.middle, not.change),
            (NotAgreedWhy::Blank, Some(2), None)
        );
        let (level, _, not) = agree((None, flag()), true, &[1, 1], 3);
        assert_eq!(level, None);
        let not = not.expect("said why");
        assert_eq!((not.why, not.change), (NotAgreedWhy::AgreeAgain, flag()));
        assert_eq!(
            agree((None, None), true, &[], 3),
            (None, None, None),
            "nobody gave a level: it is not scored"
        );
    }

    #[test]
    fn without_a_group_workbook_the_middle_level_stands_and_says_so() {
        assert_eq!(
            agree((None, None), false, &[1, 2, 3], 3),
            (Some(2), Some(AgreedBy::Median), None)
        );
        let (kind, text) = reason(&NotAgreed {
            why: NotAgreedWhy::Blank,
            middle: Some(2),
            change: None,
        });
        assert_eq!(kind, Shortfall::NotAgreed);
        assert!(
            text.contains("middle level is 2, which the group has not agreed"),
            "{text}"
        );
    }
}
