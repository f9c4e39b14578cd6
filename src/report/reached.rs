//! How each aspect's level was reached, in the same few words in every output, so that no
//! output calls a level agreed that the group did not agree: a group workbook's Agreed
//! level is "agreed by the group"; one a framework change carried is "carried … for the
//! group to check"; without a group workbook, the middle of the reviewers' levels (or a
//! lone reviewer's level) is said to be just that; and with one whose Agreed cell is blank
//! or could not be read, or after a merge the group must agree again, no level is claimed.
//!
//! The headings beside a level say the same: what the group wrote of why it settled on a
//! level is "why the group agreed this level" only for a level the group agreed, and the
//! commentary the assessor reads is "agreed" only when the group agreed it for this aspect.

use crate::score::{AgreedBy, AgreedCommentary, AspectScore, CommentaryBy, NotAgreedWhy};

/// How an aspect's level was reached, in a few words for a table's cell; empty when it has
/// no level.
pub fn reached(a: &AspectScore) -> &'static str {
    match (a.agreed_by, a.not_agreed.as_ref().map(|n| n.why)) {
        (Some(AgreedBy::Group), _) => "agreed by the group",
        (Some(AgreedBy::Carried), _) => "carried by the framework change, for the group to check",
        (Some(AgreedBy::Median), _) if a.reviewers.len() > 1 => {
            "the middle of the reviewers' levels"
        }
        (Some(AgreedBy::Median), _) => "one reviewer's level, not agreed by the group",
        (Some(AgreedBy::OnlyReviewer), _) => "the only reviewer's level",
        (None, Some(NotAgreedWhy::AgreeAgain)) => "to be agreed again",
        (None, Some(NotAgreedWhy::Blank)) => "not agreed by the group",
        (None, None) if !a.reviewers.is_empty() => "not agreed by the group",
        (None, None) => "",
    }
}

/// How an aspect's level was reached, or why it has none, in the words a sentence about
/// the level uses ("Level 2 (Established), carried by the framework change …"); empty when
/// nobody gave it a level.
pub fn reached_in_full(a: &AspectScore) -> String {
    match (a.agreed_by, a.not_agreed.as_ref().map(|n| n.why)) {
        (Some(AgreedBy::Group), _) => "agreed by the group",
        (Some(AgreedBy::Carried), _) => {
            "carried by the framework change from the levels the group had agreed, for the group to check"
        }
        (Some(AgreedBy::Median), _) if a.reviewers.len() > 1 => {
            "the middle of the reviewers' levels, as there is no group workbook"
        }
        (Some(AgreedBy::Median), _) => {
            "the level of the one reviewer who scored it, as there is no group workbook"
        }
        (Some(AgreedBy::OnlyReviewer), _) => "the only reviewer's level, not agreed by a group",
        (None, Some(NotAgreedWhy::AgreeAgain)) => "to be agreed again after the framework change",
        (None, Some(NotAgreedWhy::Blank)) => "not agreed by the group: its Agreed level is blank",
        (None, None) => "",
    }
    .to_string()
}

/// The heading of what a group workbook's Rationale column says of an aspect, as true as
/// the level beside it: only a level the group agreed has a reason the group agreed it.
pub fn rationale_heading(a: &AspectScore) -> &'static str {
    match (a.agreed_by, a.not_agreed.as_ref().map(|n| n.why)) {
        (Some(AgreedBy::Group), _) => "Why the group agreed this level",
        (Some(AgreedBy::Carried), _) => {
            "Why the group agreed the old framework's levels, carried by the framework change for it to check"
        }
        (None, Some(NotAgreedWhy::AgreeAgain)) => {
            "What the group wrote for the old framework's aspects, before it agrees this level again"
        }
        (Some(AgreedBy::Median | AgreedBy::OnlyReviewer), _) => {
            "The reasons given for this level, not agreed by the group"
        }
        (None, _) => "What the group wrote of the level, though it has agreed none",
    }
}

/// Whose the commentary the assessor reads is, in a few words: "agreed by the group" only
/// when the group agreed it for this aspect.
pub fn commentary_by(c: &AgreedCommentary) -> &'static str {
    match c.by {
        CommentaryBy::Group => "agreed by the group",
        CommentaryBy::OnlyReviewer => "the only reviewer's, not agreed by a group",
        CommentaryBy::Carried => "carried by the framework change, for the group to check",
    }
}

/// The heading of the commentary the assessor reads: "Agreed commentary" only when the
/// group agreed it for this aspect.
pub fn commentary_heading(c: &AgreedCommentary) -> &'static str {
    match c.by {
        CommentaryBy::Group => "Agreed commentary",
        CommentaryBy::OnlyReviewer => "The only reviewer's commentary",
        CommentaryBy::Carried => {
            "Commentary carried by the framework change, for the group to check"
        }
    }
}

/// Whether the group agreed the aspect's level: the only level any output calls agreed.
pub fn group_agreed(a: &AspectScore) -> bool {
    a.agreed.is_some() && a.agreed_by == Some(AgreedBy::Group)
}

/// Whether the group agreed both the aspect's level and its commentary.
pub fn agreed_in_full(a: &AspectScore) -> bool {
    group_agreed(a)
        && a.agreed_commentary
            .as_ref()
            .is_some_and(|c| c.by == CommentaryBy::Group)
}

/// The level the school's records support, when an imported record measured one of the
/// aspect's checks: with none measured (no records imported, or none that check it), the
/// records support nothing, and no level is said to be theirs.
pub fn records_support(a: &AspectScore) -> Option<u8> {
    let measured = a
        .evidence_checks
        .iter()
        .any(|c| c.status != crate::score::CheckStatus::EvidenceNeeded);
    a.evidenced.filter(|_| measured)
}

/// How the levels shown were reached, in a sentence, when the group did not agree every
/// one of them: "Of the 18 levels shown, 6 were agreed by the group; 12 are the middle of
/// the reviewers' levels, not agreed by the group." Empty when the group agreed them all.
pub fn tally(aspects: &[AspectScore]) -> String {
    let with_level: Vec<&AspectScore> = aspects.iter().filter(|a| a.agreed.is_some()).collect();
    if with_level.iter().all(|a| group_agreed(a)) {
        return String::new();
    }
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for a in &with_level {
        let how = reached(a);
        match counts.iter_mut().find(|(h, _)| *h == how) {
            Some((_, n)) => *n += 1,
            None => counts.push((how, 1)),
        }
    }
    counts.sort_by_key(|(how, _)| *how != "agreed by the group");
    let parts: Vec<String> = counts
        .iter()
        .map(|(how, n)| match *how {
            "agreed by the group" => format!(
                "{n} {} agreed by the group",
                if *n == 1 { "was" } else { "were" }
            ),
            how => format!(
                "{n} {} {how}, not agreed by the group",
                if *n == 1 { "is" } else { "are" }
            ),
        })
        .collect();
    format!(
        "Of the {} shown, {}.",
        crate::text::plural(with_level.len(), "level", "levels"),
        parts.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first aspect of the shipped framework, scored with no workbooks and no records.
    fn unscored_aspect() -> AspectScore {
        let (scored, _) = crate::score::score(
            &crate::framework::load_embedded(crate::framework::DEFAULT_ID)
                .expect("built in")
                .framework,
            &crate::score::Settings {
                school: "S".into(),
                review_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
                min_commentary_words: 40,
                terms: crate::metrics::terms::Terms::English,
            },
            &[],
            &crate::evidence::import::Evidence::default(),
        );
        scored.aspects[0].clone()
    }

    #[test]
    fn only_the_groups_own_level_is_called_agreed() {
        let mut a = unscored_aspect();
        assert_eq!(reached(&a), "");
        a.evidenced = Some(3);
        assert_eq!(records_support(&a), None, "no records checked it");
        a.agreed = Some(3);
        a.agreed_by = Some(AgreedBy::Median);
        a.reviewers = [("A".to_string(), 2), ("B".to_string(), 3)].into();
        assert_eq!(reached(&a), "the middle of the reviewers' levels");
        assert!(!group_agreed(&a), "the middle level is not the group's");
        a.agreed_by = Some(AgreedBy::Group);
        assert_eq!(reached(&a), "agreed by the group");
        assert!(group_agreed(&a));
        let mut b = a.clone();
        b.agreed_by = Some(AgreedBy::Median);
        assert_eq!(
            tally(&[a.clone()]),
            "",
            "all the group's own: nothing to add"
        );
        assert_eq!(
            tally(&[a, b]),
            "Of the 2 levels shown, 1 was agreed by the group; 1 is the middle of the reviewers' levels, not agreed by the group."
        );
    }

    #[test]
    fn no_heading_calls_a_level_or_commentary_agreed_that_the_group_did_not_agree() {
        use crate::score::{NotAgreed, NotAgreedWhy};
        let base = unscored_aspect();
        let not = |why| NotAgreed {
            why,
            middle: Some(2),
            change: None,
        };
        let ways = [
            (Some(3), Some(AgreedBy::Group), None),
            (Some(3), Some(AgreedBy::Carried), None),
            (Some(3), Some(AgreedBy::Median), None),
            (None, None, Some(not(NotAgreedWhy::AgreeAgain))),
            (None, None, Some(not(NotAgreedWhy::Blank))),
        ];
        for reviewers in [1usize, 2] {
            for (agreed, by, not_agreed) in ways.clone() {
                let mut a = base.clone();
                (a.agreed, a.agreed_by, a.not_agreed) = (agreed, by, not_agreed);
                a.reviewers = (0..reviewers).map(|i| (format!("R{i}"), 3)).collect();
                let own = group_agreed(&a);
                let heading = rationale_heading(&a);
                assert_eq!(
                    heading.contains("group agreed this level"),
                    own,
                    "{heading}"
                );
                let full = reached_in_full(&a);
                assert_eq!(full.starts_with("agreed by the group"), own, "{full}");
                assert_eq!(reached(&a) == "agreed by the group", own);
            }
        }
        let commentary = |by| AgreedCommentary {
            text: "Written.".into(),
            words: 1,
            by,
        };
        for by in [
            CommentaryBy::Group,
            CommentaryBy::OnlyReviewer,
            CommentaryBy::Carried,
        ] {
            let c = commentary(by);
            let own = by == CommentaryBy::Group;
            assert_eq!(commentary_heading(&c) == "Agreed commentary", own);
            assert_eq!(commentary_by(&c) == "agreed by the group", own);
            assert_eq!(
                commentary_heading(&c).to_lowercase().contains("agreed"),
                own,
                "{}",
                commentary_heading(&c)
            );
        }
    }
}
