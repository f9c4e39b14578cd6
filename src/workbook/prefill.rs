//! What a group workbook starts from when members have filled in their own workbooks.
//!
//! A group meeting usually follows individual scoring: the group workbook then opens with
//! each member's level in that member's column and the members' commentary gathered in the
//! Commentary column, so the meeting edits what was written instead of typing it again.

use std::collections::BTreeMap;

use super::{Filled, ScoredBy};

/// One aspect's starting entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Start {
    /// Each member's level, by the member's name as the group workbook spells it.
    pub levels: BTreeMap<String, u8>,
    /// The members' commentary, each under the member's name.
    pub commentary: String,
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
    prefill.retain(|_, s| !s.levels.is_empty() || !s.commentary.is_empty());
    prefill
}
