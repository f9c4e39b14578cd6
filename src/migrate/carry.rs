//! One workbook's rows carried through a framework map: what each aspect of the new
//! framework starts from, and a record of what was done for the summary.
//!
//! An aspect with one source takes that row as it is. A merged aspect takes the weaker
//! (higher-numbered) of its sources' levels, reviewer by reviewer (none when a source has
//! no level), and each source's texts
//! under its old code and name, so nothing the school wrote is lost; a new aspect takes its
//! source's levels with every text left blank. Both are flagged for the group to review,
//! with the flag saying what was done. A blank row stays blank and is not flagged.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::framework::Framework;
use crate::framework::map::{Carry, Entry, Map};
use crate::workbook::prefill::{Prefill, Start};
use crate::workbook::{Filled, Row, ScoredBy};

/// What one aspect of one workbook was given: no commentary, only which aspects it came
/// from, so the summary can never repeat what the school wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Carried {
    /// The aspect's code in the new framework.
    pub code: String,
    /// The workbook's own level for it (Level, or the group's Agreed level).
    pub level: Option<u8>,
    /// Each source's own level, by its old code.
    pub sources: Vec<(String, Option<u8>)>,
    /// The old codes whose commentary was carried.
    pub commentary_from: Vec<String>,
    /// Whether the aspect is flagged for review after the change.
    pub flagged: bool,
    /// A group workbook's aspect carried with no Agreed level, as the group had not agreed
    /// every aspect it came from: the group agrees it again.
    pub agree_again: bool,
}

/// The rows of `book` (scored against `old`) carried to `new` through `map`.
pub fn carry(
    book: &Filled,
    map: &Map,
    old: &Framework,
    new: &Framework,
) -> (Prefill, Vec<Carried>) {
    let mut prefill = Prefill::new();
    let mut carried = Vec::new();
    for entry in &map.aspects {
        let rows: Vec<&Row> = entry
            .from
            .iter()
            .filter_map(|c| book.rows.iter().find(|r| r.code.eq_ignore_ascii_case(c)))
            .collect();
        let label = |r: &Row| match old.aspect(&r.code) {
            Some((_, _, a)) => format!("{} {}", a.code, a.name),
            None => r.code.clone(),
        };
        let start = match entry.carry {
            Carry::Same => rows
                .first()
                .map(|r| same(&book.kind, r))
                .unwrap_or_default(),
            Carry::Merged => merged(&book.kind, &rows, &label),
            Carry::New => new_aspect(&book.kind, entry, &rows, &label, new),
        };
        let start = with_note(start, entry);
        carried.push(Carried {
            code: entry.code.clone(),
            level: start.own,
            sources: rows
                .iter()
                .map(|r| (r.code.clone(), own(&book.kind, r)))
                .collect(),
            commentary_from: match entry.carry {
                Carry::New => Vec::new(),
                Carry::Same | Carry::Merged => rows
                    .iter()
                    .filter(|r| {
                        !r.commentary.trim().is_empty()
                            || r.agreed_commentary
                                .as_deref()
                                .is_some_and(|c| !c.trim().is_empty())
                    })
                    .map(|r| r.code.clone())
                    .collect(),
            },
            flagged: !start.flag.is_empty(),
            agree_again: matches!(book.kind, ScoredBy::Group { .. })
                && entry.carry != Carry::Same
                && start.own.is_none()
                && !start.flag.is_empty(),
        });
        if !start.is_empty() {
            prefill.insert(entry.code.clone(), start);
        }
    }
    (prefill, carried)
}

/// The workbook's own level in a row: an individual's Level, a group's Agreed level.
fn own(kind: &ScoredBy, row: &Row) -> Option<u8> {
    match kind {
        ScoredBy::Individual { .. } => row.levels.first().map(|(_, l)| *l),
        ScoredBy::Group { .. } => row.agreed,
    }
}

/// A group workbook's member levels.
fn members(kind: &ScoredBy, row: &Row) -> BTreeMap<String, u8> {
    match kind {
        ScoredBy::Individual { .. } => BTreeMap::new(),
        ScoredBy::Group { .. } => row.levels.iter().cloned().collect(),
    }
}

fn same(kind: &ScoredBy, r: &Row) -> Start {
    Start {
        levels: members(kind, r),
        own: own(kind, r),
        rationale: r.rationale.clone(),
        commentary: r.commentary.clone(),
        agreed_commentary: r.agreed_commentary.clone().unwrap_or_default(),
        evidence: r.evidence_text.clone(),
        records_differ: r.records_differ.clone(),
        actions: r.actions.clone(),
        owner: r.owner.clone(),
        target: r.target,
        target_text: undated(r).to_string(),
        flag: String::new(),
    }
}

/// A Target date cell that is not a date, as written; empty when it is a date or blank.
fn undated(r: &Row) -> &str {
    if r.target.is_some() {
        ""
    } else {
        r.target_text.trim()
    }
}

/// Each source's text under its old code and name, sources without text left out.
fn labelled(rows: &[&Row], label: &dyn Fn(&Row) -> String, text: fn(&Row) -> &str) -> String {
    let parts: Vec<String> = rows
        .iter()
        .filter(|r| !text(r).trim().is_empty())
        .map(|r| format!("From {}: {}", label(r), text(r).trim()))
        .collect();
    parts.join("\n\n")
}

/// The distinct non-blank values, in source order, joined with "; ".
fn distinct(rows: &[&Row], text: fn(&Row) -> &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for r in rows {
        let t = text(r).trim();
        if !t.is_empty() && !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join("; ")
}

/// How each source stood, for a flag: "A1.1 Online Safety Responsibilities (level 2)", or
/// in a group workbook "(agreed at level 2)" and "(no agreed level)".
fn standing(kind: &ScoredBy, rows: &[&Row], label: &dyn Fn(&Row) -> String) -> Vec<String> {
    let group = matches!(kind, ScoredBy::Group { .. });
    rows.iter()
        .map(|r| match (own(kind, r), group) {
            (Some(l), true) => format!("{} (agreed at level {l})", label(r)),
            (None, true) => format!("{} (no agreed level)", label(r)),
            (Some(l), false) => format!("{} (level {l})", label(r)),
            (None, false) => format!("{} (no level)", label(r)),
        })
        .collect()
}

/// The weaker of the sources' levels, or none when any source has no level: a source not
/// yet scored may be weaker than every one that is, so the others' level could claim more
/// than the school supports.
fn weaker_of_all(mut levels: impl Iterator<Item = Option<u8>>) -> Option<u8> {
    levels.try_fold(0, |acc, l| Some(acc.max(l?)))
}

fn merged(kind: &ScoredBy, rows: &[&Row], label: &dyn Fn(&Row) -> String) -> Start {
    let mut levels: BTreeMap<String, u8> = BTreeMap::new();
    let everyone: std::collections::BTreeSet<String> = rows
        .iter()
        .flat_map(|r| members(kind, r).into_keys())
        .collect();
    for member in everyone {
        let each = rows.iter().map(|r| members(kind, r).get(&member).copied());
        if let Some(level) = weaker_of_all(each) {
            levels.insert(member, level);
        }
    }
    let mut start = Start {
        levels,
        own: if rows.is_empty() {
            None
        } else {
            weaker_of_all(rows.iter().map(|r| own(kind, r)))
        },
        rationale: labelled(rows, label, |r| &r.rationale),
        commentary: labelled(rows, label, |r| &r.commentary),
        agreed_commentary: labelled(rows, label, |r| {
            r.agreed_commentary.as_deref().unwrap_or_default()
        }),
        evidence: distinct(rows, |r| &r.evidence_text),
        records_differ: labelled(rows, label, |r| &r.records_differ),
        actions: labelled(rows, label, |r| &r.actions),
        owner: distinct(rows, |r| &r.owner),
        target: rows.iter().filter_map(|r| r.target).min(),
        target_text: String::new(),
        flag: String::new(),
    };
    if start.target.is_none() {
        start.target_text = distinct(rows, undated);
    }
    if rows.iter().any(|r| r.has_entries()) {
        start.flag = merged_flag(kind, rows, label, start.own.is_some());
    }
    start
}

/// The flag of a merged aspect: where it came from and what was done with the level. A
/// group workbook's aspect left without an Agreed level is to be agreed again: no level
/// the group did not give is carried, and what it had agreed for each source is named.
fn merged_flag(
    kind: &ScoredBy,
    rows: &[&Row],
    label: &dyn Fn(&Row) -> String,
    has_level: bool,
) -> String {
    let from = and_list(&standing(kind, rows, label));
    let keeps = "each one's commentary is kept under its old code";
    if matches!(kind, ScoredBy::Group { .. }) && !has_level {
        return format!(
            "To be agreed again: merged from {from}. No level is carried, as the group had not agreed every one of them, and {keeps}. Agree a level for the merged aspect, write it in Agreed, check the commentary, then empty this cell."
        );
    }
    let level = if !has_level && rows.iter().any(|r| own(kind, r).is_some()) {
        "the level is left blank, as not every one of them has a level to take the weaker of"
    } else {
        "the level is the weaker of theirs"
    };
    format!(
        "Merged from {from}: {level}, and {keeps}. Check the level and commentary together, then empty this cell."
    )
}

fn new_aspect(
    kind: &ScoredBy,
    entry: &Entry,
    rows: &[&Row],
    label: &dyn Fn(&Row) -> String,
    new: &Framework,
) -> Start {
    let Some(r) = rows.first() else {
        return Start::default();
    };
    let mut start = Start {
        levels: members(kind, r),
        own: own(kind, r),
        ..Start::default()
    };
    if start.own.is_some() || !start.levels.is_empty() {
        let name = new
            .aspect(&entry.code)
            .map_or("", |(_, _, a)| a.name.as_str());
        start.flag = format!(
            "{} {name} is new: its level was copied from {} and its commentary is for the group to write. Check the level, write the commentary, then empty this cell.",
            entry.code,
            standing(kind, rows, label).join("")
        );
    }
    start
}

/// The map's note on the change, after a flag.
fn with_note(mut start: Start, entry: &Entry) -> Start {
    if !start.flag.is_empty() && !entry.note.is_empty() {
        start.flag = format!("{} What changed: {}", start.flag, entry.note);
    }
    start
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests;
