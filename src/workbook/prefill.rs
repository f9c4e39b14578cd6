//! What a group workbook starts from when members have filled in their own workbooks.
//!
//! A group meeting usually follows individual scoring: the group workbook then opens with
//! each member's level in that member's column and the members' commentary gathered in the
//! Commentary column, so the meeting edits what was written instead of typing it again. An
//! aspect a migration flagged in a member's workbook is flagged in the group's too.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Filled, ScoredBy};

/// One aspect's starting entries. A group workbook made after individual scoring fills
/// the members' levels and commentary; a workbook carried to a revised framework fills
/// every column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Start {
    /// Each member's level, by the member's name as the group workbook spells it.
    pub levels: BTreeMap<String, u8>,
    /// The workbook's own level: the Level of an individual workbook, the Agreed level of
    /// a group workbook.
    pub own: Option<u8>,
    /// Why the group agreed its level.
    pub rationale: String,
    /// The commentary (a group workbook's: the members' commentary under their names).
    pub commentary: String,
    /// A group workbook's agreed commentary, the one the assessor reads.
    pub agreed_commentary: String,
    /// The Evidence cell's text.
    pub evidence: String,
    /// Why the records differ from the claim.
    pub records_differ: String,
    /// Planned actions.
    pub actions: String,
    /// Who owns them.
    pub owner: String,
    /// When they are due.
    pub target: Option<NaiveDate>,
    /// The Target date as written when it is not a date, written back as text.
    pub target_text: String,
    /// What a move to a revised framework changed, for the group to review.
    pub flag: String,
}

impl Start {
    /// Whether the row starts with anything in it.
    pub fn is_empty(&self) -> bool {
        *self == Start::default()
    }
}

/// The most characters a spreadsheet cell holds.
pub const MAX_CELL_CHARS: usize = crate::sheetprint::MAX_CELL_CHARS;

impl Start {
    /// The first text of the row, by its column's heading, that no cutting into rows can
    /// fit in cells, with the length of its longest word: text longer than a cell holds
    /// goes on in continuation rows, cut between words, but a single word longer than a
    /// cell (32,767 characters without a space or line break) cannot be cut without
    /// changing it.
    pub fn too_long(&self) -> Option<(&'static str, usize)> {
        [
            ("commentary gathered", &self.commentary),
            ("agreed commentary", &self.agreed_commentary),
            ("rationale", &self.rationale),
            ("evidence", &self.evidence),
            ("why the records differ", &self.records_differ),
            ("planned actions", &self.actions),
            ("owner", &self.owner),
            ("target date", &self.target_text),
            ("review after the change", &self.flag),
        ]
        .into_iter()
        .map(|(column, text)| {
            let longest = text.split_whitespace().map(|w| w.chars().count()).max();
            (column, longest.unwrap_or(0))
        })
        .find(|(_, chars)| *chars > MAX_CELL_CHARS)
    }
}

/// Starting entries by aspect code; empty for a workbook that starts blank.
pub type Prefill = BTreeMap<String, Start>;

/// The starting entries for a group of `members` from their individual workbooks
/// (matched by name, ignoring case; other workbooks are passed over).
pub fn from_individuals(members: &[String], books: &[Filled]) -> Prefill {
    let mut prefill = Prefill::new();
    for member in members {
        let own = books.iter().find(|b| match &b.kind {
            ScoredBy::Individual { reviewer } => {
                reviewer.trim().eq_ignore_ascii_case(member.trim())
            }
            ScoredBy::Group { .. } => false,
        });
        let Some(book) = own else {
            continue;
        };
        for row in &book.rows {
            let start = prefill.entry(row.code.clone()).or_default();
            if let Some((_, level)) = row.levels.first() {
                start.levels.insert(member.clone(), *level);
            }
            // An aspect a migration flagged stays flagged for the group, which clears it.
            if start.flag.is_empty() && !row.change_flag.trim().is_empty() {
                start.flag = row.change_flag.trim().to_string();
            }
            if !row.commentary.trim().is_empty() {
                if !start.commentary.is_empty() {
                    start.commentary.push_str("\n\n");
                }
                start
                    .commentary
                    .push_str(&format!("{member}: {}", row.commentary.trim()));
            }
        }
    }
    prefill.retain(|_, s| !s.is_empty());
    prefill
}
