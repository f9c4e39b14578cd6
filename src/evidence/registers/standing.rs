//! Whether a policy register says a document is in force: current and approved. Read by
//! meaning, clause by clause, not by any occurrence of a word: "Approved (draft archived)"
//! is approved (the clause in brackets is about an earlier copy), "For consultation",
//! "Under review" and "Awaiting approval" are not, and an Approved by cell of "FGB
//! (pending)" says the approval has not been given. Kept to the policy register: the
//! other registers' words for what did not happen are read where those registers are.

use crate::text::normalise;

/// Phrases of a status, an Approved by cell or a name that say the document is not in
/// force, and what they say it is.
const NOT_IN_FORCE: &[(&str, &str)] = &[
    ("draft", "a draft"),
    ("drafted", "a draft"),
    ("working copy", "a working copy"),
    ("working draft", "a draft"),
    ("work in progress", "a draft"),
    ("wip", "a draft"),
    ("in progress", "a draft"),
    ("being written", "a draft"),
    ("being drafted", "a draft"),
    ("proposed", "a draft"),
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
    ("expired", "expired"),
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
    ("tbc", "not yet approved"),
    ("withdrawn", "withdrawn"),
    ("no longer used", "withdrawn"),
    ("no longer in use", "withdrawn"),
    ("not in use", "withdrawn"),
    ("retired", "withdrawn"),
    ("discontinued", "withdrawn"),
    ("archived", "withdrawn"),
    ("obsolete", "withdrawn"),
    ("superseded", "superseded"),
    ("replaced", "superseded"),
    ("replaced by", "superseded"),
];

/// Phrases of a note beside a document that say the row itself is no longer in force. A
/// note speaks of many things ("new draft due in spring"): only these settle the row.
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
];

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
    (gone && earlier) || (coming && next)
}

/// Whether `phrase` stands as whole words in the normalised `text`.
fn contains(text: &str, phrase: &str) -> bool {
    format!(" {text} ").contains(&format!(" {phrase} "))
}

/// What a clause says the document is when not in force: the longest phrase it holds.
fn not_in_force_clause(clause: &str) -> Option<&'static str> {
    NOT_IN_FORCE
        .iter()
        .filter(|(w, _)| contains(clause, w))
        .max_by_key(|(w, _)| w.len())
        .map(|(_, what)| *what)
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
pub fn status_says(typed: &str) -> Option<&'static str> {
    let parts = clauses(typed);
    let positive = parts
        .iter()
        .any(|c| IN_FORCE.iter().any(|w| contains(c, w)) && not_in_force_clause(c).is_none());
    parts
        .iter()
        .filter(|c| !(positive && about_another_copy(c)))
        .find_map(|c| not_in_force_clause(c))
}

/// What a document's name says it is, when not in force: "Acceptable Use Policy (working
/// copy)", "E-Safety Policy DRAFT".
pub fn name_says(name: &str) -> Option<&'static str> {
    status_says(name)
}

/// Whether a note beside a document says this row is no longer in force ("Superseded by
/// the 2026 policy", "Replaced by Online Safety Policy"): then it is superseded.
pub fn note_says(typed: &str) -> Option<&'static str> {
    let n = normalise(typed);
    if n.starts_with("replaces") || n.starts_with("supersedes") {
        return None;
    }
    NOTE_SAYS
        .iter()
        .any(|w| contains(&n, w))
        .then_some("superseded or withdrawn")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_that_say_the_document_is_not_current_and_approved() {
        for typed in [
            "For consultation",
            "Out for consultation",
            "Out of date",
            "(working copy)",
            "Under review",
            "Awaiting approval",
            "Not yet approved",
            "Pending",
            "FGB (pending)",
            "Approved, awaiting sign-off",
            "Draft v3",
            "Superseded",
            "Replaced",
            "TBC",
            "Lapsed",
        ] {
            assert!(status_says(typed).is_some(), "{typed}");
        }
    }

    #[test]
    fn statuses_that_say_it_is_in_force() {
        for typed in [
            "Approved (draft archived)",
            "Approved - previous version removed",
            "Ratified; old draft deleted",
            "Approved (new draft due in spring)",
            "Current - next version being written",
            "Approved",
            "Current",
            "Live",
            "FGB",
            "Full governing body",
            "Headteacher",
            "",
        ] {
            assert_eq!(status_says(typed), None, "{typed}");
        }
    }

    #[test]
    fn an_archived_draft_with_nothing_saying_approved_is_not_in_force() {
        assert!(status_says("Draft archived").is_some());
        assert!(status_says("New draft due in spring").is_some());
    }

    #[test]
    fn a_note_settles_a_row_only_when_it_speaks_of_that_row() {
        assert!(note_says("Superseded by the 2026 policy").is_some());
        assert!(note_says("Replaced by Online Safety Policy").is_some());
        assert_eq!(note_says("Replaces the 2023 policy"), None);
        assert_eq!(note_says("New draft due in spring"), None);
        assert_eq!(note_says("Shared with staff at INSET"), None);
    }
}
