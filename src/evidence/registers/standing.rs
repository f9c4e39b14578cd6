//! Whether a policy register says a document is in force: current and approved. Read by
//! meaning, clause by clause, not by any occurrence of a word: "Approved (draft archived)"
//! is approved (the clause in brackets is about an earlier copy), "For consultation",
//! "Under review" and "Awaiting approval" are not, and an Approved by cell of "FGB
//! (pending)" says the approval has not been given. The words every register shares for
//! what is not valid, was refused or has not happened ("Draft", "Rejected", "Deferred")
//! come from [`crate::evidence::status`]; the phrases kept here are the policy register's
//! own ("Out for consultation", "Approved in principle", "Ready for FGB").
//!
//! It fails closed: a Status cell that says nothing recognised as in force ("N/A",
//! "Approved?") is not taken as approval, and import says at its cell that it was not
//! understood.

use crate::evidence::status::{self, Standing};
use crate::text::normalise;

/// Phrases of a status, an Approved by cell or a name that say the document is not in
/// force, and what they say it is.
const NOT_IN_FORCE: &[(&str, &str)] = &[
    ("working copy", "a working copy"),
    ("working draft", "a draft"),
    ("work in progress", "a draft"),
    ("wip", "a draft"),
    ("being written", "a draft"),
    ("being drafted", "a draft"),
    ("for consultation", "out for consultation, not yet approved"),
    (
        "out for consultation",
        "out for consultation, not yet approved",
    ),
    ("in consultation", "out for consultation, not yet approved"),
    (
        "under consultation",
        "out for consultation, not yet approved",
    ),
    ("consultation draft", "a draft"),
    (
        "consultation copy",
        "out for consultation, not yet approved",
    ),
    (
        "consultation version",
        "out for consultation, not yet approved",
    ),
    ("to be updated", "out of date: it is still to be updated"),
    ("to be revised", "out of date: it is still to be revised"),
    (
        "to be rewritten",
        "out of date: it is still to be rewritten",
    ),
    ("for comment", "out for consultation, not yet approved"),
    ("under review", "under review, not yet approved again"),
    ("being reviewed", "under review, not yet approved again"),
    ("being revised", "under review, not yet approved again"),
    ("being updated", "under review, not yet approved again"),
    ("in review", "under review, not yet approved again"),
    ("under revision", "under review, not yet approved again"),
    ("needs review", "out of date"),
    ("needs updating", "out of date"),
    ("out of date", "out of date"),
    ("outdated", "out of date"),
    ("lapsed", "expired"),
    ("not yet approved", "not yet approved"),
    ("not approved", "not approved"),
    ("unapproved", "not approved"),
    ("not ratified", "not approved"),
    ("not yet ratified", "not yet approved"),
    ("not adopted", "not approved"),
    ("not signed off", "not yet approved"),
    ("awaiting", "not yet approved"),
    ("awaiting approval", "not yet approved"),
    ("awaiting ratification", "not yet approved"),
    ("awaiting sign off", "not yet approved"),
    ("pending", "not yet approved"),
    ("pending approval", "not yet approved"),
    ("to be approved", "not yet approved"),
    ("to be ratified", "not yet approved"),
    ("to be agreed", "not yet approved"),
    ("for approval", "not yet approved"),
    ("for ratification", "not yet approved"),
    ("no longer used", "withdrawn"),
    ("no longer in use", "withdrawn"),
    ("not in use", "withdrawn"),
    ("retired", "withdrawn"),
    ("discontinued", "withdrawn"),
    ("archived", "withdrawn"),
    ("obsolete", "withdrawn"),
    ("replaced", "superseded"),
    ("replaced by", "superseded"),
    ("in draft", "a draft"),
    ("old version", "an old version"),
    ("previous version", "an old version"),
    ("earlier version", "an old version"),
    ("in principle", "approved only in principle, not finally"),
    ("subject to", "approved only on conditions not yet met"),
    ("conditional", "approved only on conditions not yet met"),
    ("conditionally", "approved only on conditions not yet met"),
    ("ready for", "not yet approved"),
    ("returned for", "sent back for changes, not approved"),
    ("sent back", "sent back for changes, not approved"),
    ("referred back", "sent back for changes, not approved"),
    (
        "amendments requested",
        "sent back for changes, not approved",
    ),
    ("amendment requested", "sent back for changes, not approved"),
    ("amendments required", "sent back for changes, not approved"),
    ("amendments needed", "sent back for changes, not approved"),
    ("changes requested", "sent back for changes, not approved"),
    ("changes required", "sent back for changes, not approved"),
    ("to be amended", "sent back for changes, not approved"),
    ("needs amending", "sent back for changes, not approved"),
];

/// What a word of [`status`] says a document is: "a draft", "superseded", "not yet
/// approved".
fn standing_says(standing: Standing, word: &'static str) -> &'static str {
    match standing {
        Standing::NotValid => match word {
            "draft" | "drafted" => "a draft",
            "void" | "voided" | "invalid" => "void",
            w if w.ends_with("in error") => "entered in error",
            w => w,
        },
        Standing::NotYet => "not yet approved",
        Standing::DidNotHappen => "not approved: its approval did not take place",
        Standing::Refused => "not approved: it was rejected, declined or not signed",
        Standing::Failed => "not approved",
        Standing::NotDone => "not in force",
    }
}

/// Phrases at the head of a note's clause that say this row itself is no longer in force
/// ("Superseded by the 2026 policy", "This policy has been withdrawn"). A clause about
/// another copy ("Previous version archived") says nothing of this one.
const NOTE_SAYS: &[&str] = &[
    "superseded",
    "replaced by",
    "replaced with",
    "withdrawn",
    "no longer used",
    "no longer in use",
    "not in use",
    "obsolete",
    "do not use",
    "archived",
];

/// Phrases of a note that say the approval is still awaited wherever they stand in a
/// clause ("with governors for approval").
const APPROVAL_AWAITED: &[&str] = &[
    "for approval",
    "for ratification",
    "for sign off",
    "awaiting approval",
    "awaiting ratification",
    "to be approved",
    "to be ratified",
    "not yet approved",
    "not yet ratified",
];

/// Words of a clause that say the document is in force.
const IN_FORCE: &[&str] = &[
    "approved",
    "ratified",
    "adopted",
    "agreed",
    "current",
    "in force",
    "live",
    "published",
    "active",
    "in use",
    "signed off",
    "up to date",
    "reviewed",
    "final",
    "finalised",
    "finalized",
    "complete",
    "completed",
    "in date",
    "valid",
    "endorsed",
    "accepted",
    "signed",
    "issued",
    "in place",
    "implemented",
    "renewed",
    "updated",
];

/// What a status cell says of the document, when it does not say it is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Says {
    /// It says the document is not in force, and what it is: "a draft".
    NotInForce(&'static str),
    /// It says nothing recognised as in force ("N/A", "See folder"), so it is not taken
    /// as approval.
    NotUnderstood,
}

/// A clause about another copy of the document, not this one: an earlier one put away
/// ("draft archived", "old version removed") or the next one on its way ("new draft due in
/// spring", "next version being written").
fn about_another_copy(clause: &str) -> bool {
    let has = |words: &[&str]| words.iter().any(|w| contains(clause, w));
    let gone = has(&[
        "archived",
        "deleted",
        "removed",
        "destroyed",
        "shredded",
        "filed",
        "discarded",
        "withdrawn",
        "superseded",
        "replaced",
        "retired",
    ]);
    let earlier = has(&[
        "draft",
        "drafts",
        "previous",
        "old",
        "older",
        "earlier",
        "former",
        "prior",
        "last year s",
    ]);
    let coming = has(&[
        "due",
        "planned",
        "in preparation",
        "being prepared",
        "being written",
        "being drafted",
        "to follow",
    ]);
    let next = has(&["new", "next", "updated", "revised"]);
    let replaces = ["replaces", "replacing", "supersedes", "superseding"]
        .iter()
        .any(|w| clause == *w || clause.starts_with(&format!("{w} ")));
    (gone && earlier) || (coming && next) || replaces
}

/// A clause about the document's next review, not its standing now: "review scheduled
/// Sept 2027", "pending review in spring", "will be reviewed annually".
fn about_next_review(clause: &str) -> bool {
    let has = |words: &[&str]| words.iter().any(|w| contains(clause, w));
    has(&[
        "review", "reviewed", "renewal", "revision", "refresh", "update",
    ]) && has(&[
        "due",
        "planned",
        "scheduled",
        "booked",
        "will be",
        "pending",
        "next",
        "expected",
        "set for",
        "diarised",
    ])
}

/// What a clause holding a word of [`IN_FORCE`] said not to hold ("not current", "no
/// longer live", through [`status::NEGATIONS`]) or still to come ("to be reviewed", "due
/// to be signed", through [`status::STILL_TO_COME`]) says the document is.
fn negated_in_force(clause: &str) -> Option<&'static str> {
    let before = |list: &[&str]| {
        IN_FORCE
            .iter()
            .any(|w| list.iter().any(|n| contains(clause, &format!("{n} {w}"))))
    };
    if before(status::STILL_TO_COME) {
        Some("not yet approved or reviewed: it is still to be")
    } else if before(status::NEGATIONS) {
        Some("not approved or not current")
    } else {
        None
    }
}

/// Whether a clause says the document is in force, and nothing against it.
fn in_force_clause(clause: &str) -> bool {
    IN_FORCE.iter().any(|w| contains(clause, w)) && not_in_force_clause(clause).is_none()
}

/// Whether `phrase` stands as whole words in the normalised `text`.
fn contains(text: &str, phrase: &str) -> bool {
    format!(" {text} ").contains(&format!(" {phrase} "))
}

/// What a clause says the document is when not in force: the longest phrase of the
/// register's own it holds, else a shared status word, else a word of [`IN_FORCE`] said
/// not to hold.
fn not_in_force_clause(clause: &str) -> Option<&'static str> {
    NOT_IN_FORCE
        .iter()
        .filter(|(w, _)| contains(clause, w))
        .max_by_key(|(w, _)| w.len())
        .map(|(_, what)| *what)
        .or_else(|| status::standing(clause, Standing::ALL).map(|(s, w)| standing_says(s, w)))
        .or_else(|| negated_in_force(clause))
}

/// What a clause of a note says when it starts by saying the document is not in force
/// ("Still in draft", "Awaiting FGB", "Not yet approved"): a note's status stands at the
/// head of its clause, once words like "still" or "currently" are set aside.
fn note_clause(clause: &str) -> Option<&'static str> {
    let mut c = clause;
    while let Some(rest) = [
        "still",
        "currently",
        "now",
        "only",
        "remains",
        "it is",
        "this is",
        "policy is",
        "document is",
        "is",
        "this policy",
        "this document",
        "this",
        "policy",
        "document",
        "it",
        "has been",
        "have been",
        "was",
        "been",
    ]
    .iter()
    .find_map(|f| c.strip_prefix(&format!("{f} ")))
    {
        c = rest;
    }
    let heads = |p: &str| c == p || c.starts_with(&format!("{p} "));
    // Whoever holds it, a document "for approval" has not been approved.
    let awaited = APPROVAL_AWAITED.iter().any(|w| contains(c, w));
    if awaited {
        return Some("not yet approved");
    }
    if NOTE_SAYS.iter().any(|w| heads(w)) {
        return Some("superseded or withdrawn");
    }
    NOT_IN_FORCE
        .iter()
        .filter(|(w, _)| heads(w))
        .max_by_key(|(w, _)| w.len())
        .map(|(_, what)| *what)
        .or_else(|| status::starts(c, Standing::ALL).map(|(s, w)| standing_says(s, w)))
        .or_else(|| {
            let denied = status::NEGATIONS
                .iter()
                .chain(status::STILL_TO_COME)
                .any(|n| heads(n));
            denied.then(|| negated_in_force(c)).flatten()
        })
}

/// A cell cut into clauses: the text outside brackets first, then each bracketed part,
/// each split again at dashes, semicolons, commas and slashes.
fn clauses(typed: &str) -> Vec<String> {
    let mut outside = String::new();
    let mut inside: Vec<String> = Vec::new();
    let mut depth = 0usize;
    for c in typed.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                inside.push(String::new());
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => inside.last_mut().expect("a bracket opened").push(c),
            _ => outside.push(c),
        }
    }
    std::iter::once(outside)
        .chain(inside)
        .flat_map(|part| {
            part.split([';', ',', '/', '–', '—', ':'])
                .flat_map(|p| p.split(" - "))
                .map(normalise)
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_empty())
        .collect()
}

/// What a status or Approved by cell says the document is, when not in force. A clause
/// about another copy ("draft archived") says nothing of this one, beside a clause saying
/// it is in force; every other clause saying it is not in force decides, whatever else the
/// cell says ("Approved, awaiting sign off" is not yet approved).
///
/// A question mark ("Approved?", "FGB?") says nobody is sure it was approved.
pub fn status_says(typed: &str) -> Option<&'static str> {
    if typed.contains('?') {
        return Some("not known to be approved (the cell asks a question)");
    }
    let parts = clauses(typed);
    let positive = parts.iter().any(|c| in_force_clause(c));
    parts
        .iter()
        .filter(|c| !(positive && (about_another_copy(c) || about_next_review(c))))
        .find_map(|c| not_in_force_clause(c))
}

/// What a Status cell says, when it does not say the document is in force: what it says
/// the document is, or, failing closed, that it says nothing recognised as in force. A
/// blank cell says nothing either way.
pub fn status_cell_says(typed: &str) -> Option<Says> {
    // A column headed "In force", "Current" or "Live" answers yes or no.
    match normalise(typed).as_str() {
        "yes" | "y" | "true" => return None,
        "no" | "n" | "false" => return Some(Says::NotInForce("not in force")),
        _ => {}
    }
    if let Some(what) = status_says(typed) {
        return Some(Says::NotInForce(what));
    }
    let understood = typed.trim().is_empty() || clauses(typed).iter().any(|c| in_force_clause(c));
    (!understood).then_some(Says::NotUnderstood)
}

/// What a document's name says it is, when not in force: "Acceptable Use Policy (working
/// copy)", "E-Safety Policy DRAFT".
pub fn name_says(name: &str) -> Option<&'static str> {
    status_says(name).or_else(|| super::title::says(name, &clauses(name)))
}

/// Whether a note beside a document says this row is not in force: a clause of its own
/// that starts by saying so ("Replaced by Online Safety Policy", "Still in draft -
/// awaiting FGB"), whatever the Status column says. A clause about another copy or the
/// next review ("Previous version archived", "New draft due in spring", "Replaces the 2023
/// policy") says nothing of this one.
pub fn note_says(typed: &str) -> Option<&'static str> {
    clauses(typed)
        .iter()
        .filter(|c| !about_another_copy(c) && !about_next_review(c))
        .find_map(|c| note_clause(c))
}

#[cfg(test)]
#[path = "standing_tests.rs"]
mod tests;
