//! Rows of the logs of filtering checks, surveys and parent engagement: a date, and what
//! the figures need of the rest of the row.

use super::{FilteringCheck, Survey, Who, not_given, optional_count, who, with_notes};
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::records::{RowOutcome, dated, skip, text};
use crate::evidence::table::SheetRow;

/// Results that say content got through, whatever else the cell says: a block that was
/// partial is a failed check.
const GOT_THROUGH: &[&str] = &[
    "partially blocked",
    "partly blocked",
    "part blocked",
    "not fully blocked",
    "not all blocked",
    "not completely blocked",
    "not blocked",
    "unblocked",
    "some allowed",
    "some accessible",
    "some got through",
    "some loaded",
    "some reached",
    "some not blocked",
    "not ok",
    "not okay",
    "not working",
    "not filtered",
    "not denied",
    "fail",
    "failed",
    "fails",
    "failure",
    "breach",
];

/// Results that say the filter held, read once the phrases above are ruled out.
const HELD: &[&str] = &[
    "blocked",
    "all blocked",
    "pass",
    "passed",
    "passes",
    "ok",
    "okay",
    "filtered",
    "denied",
    "refused",
    "prevented",
    "working",
    "as expected",
    "correct",
    "satisfactory",
    "no issues",
    "no issue",
    "no problems",
    "no problem",
    "no concerns",
    "nothing got through",
    "none got through",
    "not accessible",
    "inaccessible",
    "not allowed",
    "not reached",
    "not loaded",
    "did not load",
    "didn t load",
    "could not access",
    "couldn t access",
    "access denied",
    "no access",
    "access blocked",
];

/// Results that say content got through, read last, since "not accessible" and "no
/// issues" above hold the same words.
const REACHED: &[&str] = &[
    "allowed",
    "accessible",
    "accessed",
    "got through",
    "reached",
    "loaded",
    "opened",
    "visible",
    "issue",
    "issues",
    "problem",
    "problems",
    "concern",
];

/// Phrases that say the filter held though they hold a word of failure: the page
/// "failed to load".
const FAILED_TO_LOAD: &[&str] = &[
    "failed to load",
    "fails to load",
    "failed to open",
    "failed to connect",
    "could not load",
    "would not load",
];

/// Words that, beside a result saying the filter held, make an exception to it: something
/// got through ("No issues found except YouTube", "Blocked on laptops but not on iPads").
const EXCEPTIONS: &[&str] = &[
    "except",
    "excepting",
    "excluding",
    "apart from",
    "other than",
    "save for",
    "but not",
    "not on",
    "not for",
    "not in",
    "not with",
];

/// Words that qualify a result saying the filter held, so it no longer plainly says so:
/// "Mostly blocked", "Blocked - NOT", "Blocked (after fix)".
const QUALIFIERS: &[&str] = &[
    "but",
    "not",
    "no",
    "some",
    "mostly",
    "most",
    "partly",
    "partially",
    "part",
    "largely",
    "mainly",
    "nearly",
    "almost",
    "half",
    "sometimes",
    "occasionally",
    "intermittently",
    "intermittent",
    "maybe",
    "possibly",
    "probably",
    "perhaps",
    "seems",
    "seemed",
    "appears",
    "think",
    "unsure",
    "unclear",
    "unknown",
    "only",
    "until",
    "after",
    "once",
    "eventually",
    "initially",
    "fixed",
    "except",
    "though",
    "although",
    "however",
    "yet",
    "sort",
];

/// Takes every phrase of `list` out of `padded` (longest first, so "all blocked" goes
/// before "blocked"), saying whether any was there.
fn take(padded: &mut String, list: &[&str]) -> bool {
    let mut phrases = list.to_vec();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut found = false;
    for p in phrases {
        let spaced = format!(" {p} ");
        while padded.contains(&spaced) {
            *padded = padded.replacen(&spaced, " ", 1);
            found = true;
        }
    }
    found
}

/// What a filtering check's result says: `Some(true)` content got through (the check
/// failed), `Some(false)` the filter held, `None` it cannot be told. A result is a pass
/// only when it plainly says the filter held and nothing else in it qualifies that (a
/// question mark, "but", "not", "some", "mostly"…); one that makes an exception ("except",
/// "but not") or says anything reached the screen is a fail. An unclear result is never a
/// pass: it fails closed.
pub(crate) fn got_through(result: &str) -> Option<bool> {
    let t = result.trim();
    if ["✓", "✔", "☑", "✅"].contains(&t) {
        return Some(false);
    }
    if ["✗", "✘", "☒", "❌"].contains(&t) {
        return Some(true);
    }
    let n = normalise(t);
    // A single letter or a bare yes/no is read as the whole answer, never as a word
    // within a longer result ("N/A" is not a no).
    match n.as_str() {
        "y" | "yes" if !t.contains('?') => return Some(false),
        "n" | "no" | "x" if !t.contains('?') => return Some(true),
        _ => {}
    }
    let mut rest = format!(" {n} ");
    let has = |rest: &str, list: &[&str]| list.iter().any(|w| rest.contains(&format!(" {w} ")));
    let loaded = take(&mut rest, FAILED_TO_LOAD);
    if has(&rest, GOT_THROUGH) {
        return (!t.contains('?')).then_some(true);
    }
    let held = take(&mut rest, HELD) || loaded;
    if has(&rest, REACHED) || (held && has(&rest, EXCEPTIONS)) {
        return (!t.contains('?')).then_some(true);
    }
    (held && !t.contains('?') && !has(&rest, QUALIFIERS)).then_some(false)
}

/// A row of the filtering checks log. A result that cannot be read (or none) keeps the
/// check, as a check made, with a note naming the cell: it is not counted as a pass.
pub fn filtering(row: &SheetRow, header: &Header) -> RowOutcome<FilteringCheck> {
    let date = match dated(row, header, Field::FilteringDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    let typed = text(row, header, Field::FilteringResult);
    let read = got_through(&typed);
    let check = FilteringCheck {
        date,
        failed: read == Some(true),
        unclear: read.is_none(),
    };
    let col = header.col(Field::FilteringResult);
    match (read, col) {
        (Some(_), _) => RowOutcome::Used(check),
        // With no result column the log is named once, as not recording results.
        (None, None) => RowOutcome::Used(check),
        (None, Some(_)) if typed.trim().is_empty() => RowOutcome::Noted {
            record: check,
            note: "no result recorded; not counted as a pass".into(),
            col,
        },
        (None, Some(_)) => RowOutcome::Noted {
            record: check,
            note: format!(
                "`{}` does not say whether the filter blocked the content; not counted as a pass",
                typed.trim()
            ),
            col,
        },
    }
}

/// Who one part of a survey's "who was asked" cell names: learners by any of their names,
/// staff, parents, governors; `None` for anyone else. Only the words before "of", "for" or
/// "in" say who ("Parents of Year 6" asked parents).
fn named_group(part: &str) -> Option<&'static str> {
    let n = normalise(part);
    let head = n
        .split(" of ")
        .next()
        .and_then(|h| h.split(" for ").next())
        .and_then(|h| h.split(" in ").next())
        .unwrap_or(&n);
    // The word for who answered decides over the year beside it: "Y6 parents" are
    // parents, "Year 6 teachers" staff.
    match who(head)? {
        Who::Learners => Some("learners"),
        Who::Parents => Some("parents"),
        Who::Governors => Some("governors"),
        Who::Staff => Some("staff"),
        Who::Volunteers => None,
    }
}

/// Every group a survey asked, after mapping: a cell naming several ("Staff & governors",
/// "Parents and pupils") gives each, so the survey counts for each; a group that is none
/// of learners, staff, parents and governors is kept in words ("whole school").
pub(super) fn survey_groups(text: &str) -> Vec<String> {
    let spaced = format!(" {} ", text.to_lowercase());
    let mut groups: Vec<String> = Vec::new();
    for part in spaced
        .split(['&', '+', ';'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" or "))
        .filter(|p| !normalise(p).is_empty())
    {
        // "Staff/governors" is two groups, "Years 5/6" and "Parents/carers" one.
        let pieces: Option<Vec<&str>> = part.split([',', '/']).map(named_group).collect();
        let found = match (pieces, named_group(part)) {
            (Some(pieces), _) => pieces.into_iter().map(str::to_string).collect(),
            (None, Some(one)) => vec![one.to_string()],
            (None, None) => vec![normalise(part)],
        };
        for group in found {
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
    }
    groups
}

/// A row of the surveys log.
pub fn survey(row: &SheetRow, header: &Header) -> RowOutcome<Survey> {
    let date = match dated(row, header, Field::SurveyDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    let group = text(row, header, Field::SurveyGroup);
    if group.is_empty() {
        return skip("no group asked", header.col(Field::SurveyGroup));
    }
    let mut notes = Vec::new();
    // `n/a`, `-`, `?`: who was asked is not known; the survey counts as a survey of no
    // group in particular.
    let groups = if not_given(&group) {
        Vec::new()
    } else {
        survey_groups(&group)
    };
    if groups.is_empty() {
        notes.push((
            format!("who was asked `{}` taken as not known", group.trim()),
            header.col(Field::SurveyGroup),
        ));
    }
    let responses = optional_count(row, header, Field::SurveyResponses, "responses", &mut notes);
    let survey = Survey {
        date,
        groups,
        responses,
    };
    with_notes(survey, notes)
}
