//! The commentary an aspect is judged by: the one agreed commentary the assessor reads, and
//! whether it (or, without a group workbook, the longest reviewer's) is enough.

use super::{AgreedCommentary, Commentary, CommentaryBy, CommentaryCheck, Settings};
use crate::workbook::layout::GROUP_REVIEWER;

/// The one commentary for the assessor: the group's (first in `commentary` when there is a
/// group workbook), or the only reviewer's when one person scored the review alone. The
/// group's is `Carried` while the aspect is `flagged` for review after a framework change.
pub(super) fn agreed(
    commentary: &[Commentary],
    has_group: bool,
    books: usize,
    flagged: bool,
) -> Option<AgreedCommentary> {
    let (first, by) = match (has_group, books) {
        (true, _) => (
            commentary
                .first()
                .filter(|c| c.reviewer == GROUP_REVIEWER)?,
            if flagged {
                CommentaryBy::Carried
            } else {
                CommentaryBy::Group
            },
        ),
        (false, 1) => (commentary.first()?, CommentaryBy::OnlyReviewer),
        (false, _) => return None,
    };
    Some(AgreedCommentary {
        text: first.text.clone(),
        words: first.words,
        by,
    })
}

/// Whether the commentary is enough to show the level: judged by its longest entry.
pub(super) fn check(
    commentary: &[Commentary],
    evidence: &[String],
    settings: &Settings,
) -> CommentaryCheck {
    match commentary.iter().map(|c| c.words).max() {
        None => CommentaryCheck::Missing,
        Some(n) if n < settings.min_commentary_words as usize => CommentaryCheck::TooShort,
        Some(_) if evidence.is_empty() => CommentaryCheck::NoEvidence,
        Some(_) => CommentaryCheck::Ok,
    }
}
