//! Rows of the filtering checks log, and what a check's result says.
//!
//! A result is a pass only when it plainly says everything tested was blocked and nothing
//! in it qualifies that. The reading is a list of words allowed beside "blocked", not a
//! list of words that spoil it: a school's log says what got through in endless ways
//! ("Blocked, YouTube available", "All blocked bar one", "Blocked 9/10"), and any word not
//! known to be harmless leaves the result unclear, never a pass.

mod marks;
mod negation;
mod others;
mod words;

use super::FilteringCheck;
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::records::{RowOutcome, dated, skip, text};
use crate::evidence::status::{self, Standing};
use crate::evidence::table::SheetRow;
use marks::{CROSSES, bare};
use words::{EXCEPTIONS, FAILED_TO_LOAD, FILLER, GOT_THROUGH, HELD, REACHED, VAGUE};

/// Words that, at the start of a result, say the check was not made ("Missed - technician
/// off sick", "Skipped this week"), though elsewhere they say what a check found ("2 sites
/// missed"). Beside them a result is read at its start for [`others::NOT_MADE`], the one
/// list of what says a check was not made or not finished, and for the words of
/// [`status`] saying it did not or has not yet taken place ("Cancelled", "To do").
const NOT_MADE_AT_START: &[&str] = &["missed", "skipped", "outstanding"];

/// Question marks in the scripts and symbol sets a log may be typed with.
const QUESTIONS: &[char] = &['?', '？', '¿', '⁉', '‽', '❓', '❔', '⸮', '؟'];

/// Whether `c` is a sign the result is not read for: neither a letter, a digit, a space,
/// punctuation that only parts words, nor a tick.
fn unread_sign(c: char) -> bool {
    const PARTING: &str = ".,;:-–—()[]{}/\\&'’‘\"“”!+%#*_~=<>|@";
    !(c.is_alphanumeric()
        || c.is_whitespace()
        || PARTING.contains(c)
        || marks::TICKS.contains(&c)
        || CROSSES.contains(&c)
        || c == '\u{fe0f}')
}

/// What the result column's heading asks, which is what a bare yes or no answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asks {
    /// Whether the content was blocked ("Blocked?", "Was it blocked?"): yes is a pass.
    Blocked,
    /// Whether the content could be reached ("Accessible?", "Site loaded?"): yes is a fail.
    Reached,
    /// Neither ("Result", "Outcome"): a bare yes or no does not say which.
    Unclear,
}

impl Asks {
    /// What a result column headed `heading` asks.
    pub(crate) fn of(heading: &str) -> Asks {
        let words = format!(" {} ", normalise(heading));
        let any = |list: &[&str]| list.iter().any(|w| words.contains(&format!(" {w} ")));
        let reached = [
            "accessible",
            "accessed",
            "access",
            "reachable",
            "reached",
            "loaded",
            "load",
            "loads",
            "allowed",
            "visible",
            "open",
            "opened",
            "opens",
            "got through",
            "get through",
            "not blocked",
            "unblocked",
            "unfiltered",
            "not filtered",
        ];
        if any(&reached) {
            Asks::Reached
        } else if any(&["blocked", "filtered", "block", "denied", "prevented"]) {
            Asks::Blocked
        } else {
            Asks::Unclear
        }
    }
}

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

/// What a filtering check's result says, under a column whose heading asks `asks`:
/// `Some(true)` content got through (the check failed), `Some(false)` the filter held,
/// `None` it cannot be told. A result worded in the negative is read for what it denies
/// ([`negation`]): "None accessible" says the filter held, "None blocked" that it did not.
/// A pass only when the result plainly says the filter held and
/// every other word in it is one of [`FILLER`] or [`VAGUE`]; one that makes an exception
/// ("except", "bar"), gives fewer than all ("9/10"), bears a cross, or says anything
/// reached the screen ("available", "missed", "unfiltered") is a fail. An unclear result
/// is never a pass: it fails closed.
pub(crate) fn got_through(result: &str, asks: Asks) -> Option<bool> {
    let t = result.trim();
    // A question mark in any script, or a sign read no way here (👎, ⚠️, 🔴), leaves
    // the result unclear: it may say the check went wrong, and it is never a pass.
    if t.contains(QUESTIONS) || t.chars().any(unread_sign) {
        return None;
    }
    if let Some(answer) = bare(t, asks) {
        return answer;
    }
    let counts = marks::counts(&negation::none_counted(t));
    if counts.partial || t.contains(CROSSES) {
        return Some(true);
    }
    // More blocked than were tested, or nothing tested: the count says nothing.
    if counts.impossible.is_some() || counts.none_tested {
        return None;
    }
    // "None blocked" says the filter did not hold; "None accessible" and "No fails" that it
    // did, before their words of reaching and failing are read below.
    let negated = negation::read(&counts.rest);
    if negated.failed {
        return Some(true);
    }
    let mut rest = format!(" {} ", negated.rest);
    let has = |rest: &str, list: &[&str]| list.iter().any(|w| rest.contains(&format!(" {w} ")));
    let loaded = take(&mut rest, FAILED_TO_LOAD);
    if has(&rest, GOT_THROUGH) {
        return Some(true);
    }
    let held = take(&mut rest, HELD) || loaded || negated.held;
    let vague = take(&mut rest, VAGUE);
    if has(&rest, REACHED) || ((held || vague) && has(&rest, EXCEPTIONS)) {
        return Some(true);
    }
    let plain = rest.split_whitespace().all(|w| FILLER.contains(&w));
    (held && plain).then_some(false)
}

/// The words that say a result was not made, if it says so: it starts with a phrase of
/// [`others::NOT_MADE`] or [`NOT_MADE_AT_START`],
/// or with a word of [`status`] saying it did not or has not yet taken place ("Planned",
/// "Scheduled 14/01/2027", "To do"), and what follows gives a reason ("Missed - technician
/// off sick") or a date, not a finding: "Missed 2 sites" is a check that found two.
fn not_made(result: &str) -> Option<&'static str> {
    // A date after the words ("Scheduled 14/01/2027") is when, not a count of sites.
    let undated: Vec<&str> = result
        .split_whitespace()
        .filter(|w| {
            let parts = w.split(['/', '.', '-']).filter(|p| !p.is_empty()).count();
            !(parts == 3 && crate::dates::looks_like_date(w))
        })
        .collect();
    let n = normalise(&undated.join(" "));
    let listed = others::NOT_MADE
        .iter()
        .chain(NOT_MADE_AT_START)
        .find(|p| n == **p || n.starts_with(&format!("{p} ")))
        .copied();
    let p = listed.or_else(|| status::starts(&n, Standing::NOT_HELD).map(|(_, w)| w))?;
    let after = format!(" {} ", n[p.len()..].trim());
    let says = |list: &[&str]| list.iter().any(|w| after.contains(&format!(" {w} ")));
    let finding = after.chars().any(|c| c.is_ascii_digit())
        || says(HELD)
        || says(GOT_THROUGH)
        || says(REACHED);
    (!finding).then_some(p)
}

/// What the check's status cell says against a pass: that the check failed, and that a
/// pass is in doubt. A cross under a plain status is a failure, never a check not made;
/// under a question ("Done?") it answers no. A question or a sign not read there (🔴, 👎)
/// leaves a pass in doubt.
fn status_says(row: &SheetRow, header: &Header) -> (bool, bool) {
    let typed = text(row, header, Field::FilteringStatus);
    let asks = status::heading(header, Field::FilteringStatus).contains('?');
    let failed = (typed.contains(CROSSES) && !asks)
        || (!status::says_no(&typed) && got_through(&typed, Asks::Unclear) == Some(true));
    let doubt = typed.contains(QUESTIONS) || typed.chars().any(unread_sign);
    (failed, doubt)
}

/// A row of the filtering checks log. A row whose result says the check was not made
/// ("Not done", "Cancelled") is skipped with that reason. A result that cannot be read (or
/// none) keeps the check, as a check made, with a note naming the cell: it is not counted
/// as a pass.
pub fn filtering(row: &SheetRow, header: &Header) -> RowOutcome<FilteringCheck> {
    let date = match dated(row, header, Field::FilteringDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    // A check its status says failed ("Failed - fix pending") was made, whatever else the
    // cell says: it is a failed check, never one skipped as not made.
    let (status_failed, status_doubt) = status_says(row, header);
    if !status_failed && let Some(said) = status::column(row, header, Field::FilteringStatus) {
        return skip(status::reason(&said.quote(), said.standing), said.col);
    }
    let col = header.col(Field::FilteringResult);
    let typed = text(row, header, Field::FilteringResult);
    let counts = marks::counts(&typed);
    // A result is named by its column's heading, never quoted: the rest of what was typed
    // there may name someone.
    let named = status::heading(header, Field::FilteringResult);
    if counts.none_tested {
        return skip(
            format!("{named} counts nothing tested; not counted as a check"),
            col,
        );
    }
    // Only the words read are quoted: the rest of a result may name someone.
    if let Some(words) = not_made(&typed).filter(|_| !status_failed) {
        return skip(
            format!(
                "{} says \"{}\": the check was not made; not counted as a check",
                status::heading(header, Field::FilteringResult),
                status::spoken(words)
            ),
            col,
        );
    }
    let heading = header
        .columns
        .iter()
        .find(|c| c.field == Some(Field::FilteringResult))
        .map_or("", |c| c.header.as_str());
    let read = if status_failed {
        Some(true)
    } else {
        got_through(&typed, Asks::of(heading))
    };
    let doubted = status_doubt && read == Some(false);
    let read = read.filter(|_| !doubted);
    if let Some(outcome) = others::outcome(row, header, date, read) {
        return outcome;
    }
    let check = FilteringCheck {
        date,
        failed: read == Some(true),
        unclear: read.is_none(),
    };
    match (read, col) {
        _ if doubted => RowOutcome::Noted {
            record: check,
            note: format!(
                "{} holds a question or a sign that is not read, so the check is not counted as a pass",
                status::heading(header, Field::FilteringStatus)
            ),
            col: header.col(Field::FilteringStatus),
        },
        (Some(_), _) => RowOutcome::Used(check),
        // With no result column the log is named once, as not recording results.
        (None, None) => RowOutcome::Used(check),
        (None, Some(_)) if counts.impossible.is_some() => RowOutcome::Noted {
            record: check,
            note: format!(
                "{named} counts more blocked than were tested, so the result cannot be read; not counted as a pass"
            ),
            col,
        },
        (None, Some(_)) if typed.trim().is_empty() => RowOutcome::Noted {
            record: check,
            note: "no result recorded; not counted as a pass".into(),
            col,
        },
        (None, Some(_)) => RowOutcome::Noted {
            record: check,
            note: format!(
                "{named} does not say whether the filter blocked the content; not counted as a pass"
            ),
            col,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{Asks, got_through, negation, not_made};

    #[test]
    fn a_result_that_qualifies_blocked_in_any_way_is_no_pass() {
        for failed in [
            "Blocked ❌",
            "Blocked 9/10",
            "9 of 10 blocked",
            "9 out of 10 blocked",
            "All blocked bar one",
            "Blocked, YouTube available",
            "Blocked - 2 sites missed",
            "Blocked. Note: guest wifi unfiltered",
            "Blocked except on guest wifi",
        ] {
            assert_eq!(got_through(failed, Asks::Unclear), Some(true), "{failed}");
        }
        for unclear in [
            "Working",
            "Worked",
            "Works fine",
            "Blocked. Note: guest wifi checked separately",
            "Blocked on staff laptops",
            "Blocked (2 sites)",
            "Blocked - see notes",
        ] {
            assert_eq!(got_through(unclear, Asks::Unclear), None, "{unclear}");
        }
        for held in [
            "Blocked",
            "Blocked 10/10",
            "10 of 10 blocked",
            "All sites fully blocked",
            "Blocked by the filter on all devices",
            "Blocked - working as expected",
            "Blocked ✓",
            "Success",
            "Successful",
            "Blocked & logged",
            "Filtered - alert received by DSL",
            "Blocked and flagged",
            "✓",
            "✔",
        ] {
            assert_eq!(got_through(held, Asks::Unclear), Some(false), "{held}");
        }
    }

    #[test]
    fn a_result_worded_in_the_negative_is_read_for_what_it_denies() {
        for held in negation::DENY_REACHING.iter().chain(&[
            "Nothing got through",
            "Not accessible",
            "Sites were not accessible",
            "Blocked - none got through",
            "0/10 accessible",
            "0 of 10 sites got through",
        ]) {
            assert_eq!(got_through(held, Asks::Unclear), Some(false), "{held}");
            assert_eq!(got_through(held, Asks::Blocked), Some(false), "{held}");
        }
        for failed in [
            "No - accessible",
            "Not blocked",
            "None blocked",
            "0 blocked",
            "0/10 blocked",
            "2 of 10 accessible",
            "No block",
            "Nothing blocked",
            "not all blocked",
            "Not passed",
            "Did not pass",
            "No pass",
            "No fails - 2 sites loaded",
            "None accessible except YouTube",
            "0 got through bar one",
        ] {
            assert_eq!(got_through(failed, Asks::Unclear), Some(true), "{failed}");
        }
        for unclear in [
            "No sites accessible on staff laptops",
            "No",
            "None",
            "No failures - see notes",
        ] {
            assert_eq!(got_through(unclear, Asks::Unclear), None, "{unclear}");
        }
        // A bare no still answers the heading's question.
        assert_eq!(got_through("No", Asks::Blocked), Some(true));
        assert_eq!(got_through("No", Asks::Reached), Some(false));
        assert_eq!(got_through("No - accessible", Asks::Reached), Some(true));
    }

    #[test]
    fn a_bare_yes_or_no_answers_the_question_its_heading_asks() {
        assert_eq!(Asks::of("Accessible?"), Asks::Reached);
        assert_eq!(Asks::of("Could the site be accessed?"), Asks::Reached);
        assert_eq!(Asks::of("Site loaded"), Asks::Reached);
        assert_eq!(Asks::of("Was it blocked?"), Asks::Blocked);
        assert_eq!(Asks::of("Filtered (Y/N)"), Asks::Blocked);
        assert_eq!(Asks::of("Result"), Asks::Unclear);
        let read = |r: &str, asks| got_through(r, asks);
        assert_eq!(read("Y", Asks::Reached), Some(true));
        assert_eq!(read("Yes", Asks::Reached), Some(true));
        assert_eq!(read("N", Asks::Reached), Some(false));
        assert_eq!(read("Y", Asks::Blocked), Some(false));
        assert_eq!(read("✓", Asks::Blocked), Some(false));
        assert_eq!(read("No", Asks::Blocked), Some(true));
        assert_eq!(read("Y", Asks::Unclear), None);
        assert_eq!(read("N", Asks::Unclear), None);
        assert_eq!(read("❌", Asks::Unclear), Some(true));
        // Words say what they say whatever the heading asks.
        assert_eq!(read("Blocked", Asks::Reached), Some(false));
        assert_eq!(read("Loaded", Asks::Blocked), Some(true));
    }

    #[test]
    fn a_result_saying_the_check_was_not_made_is_told_from_one_that_found_something() {
        for skipped in [
            "Not done",
            "Cancelled",
            "Missed - technician off sick",
            "Postponed to next week",
            "not yet",
            "Planned",
            "Scheduled",
            "Scheduled 14/01/2027",
            "To do",
            "Booked with the technician",
            "Provisional",
        ] {
            assert!(not_made(skipped).is_some(), "{skipped}");
        }
        for made in [
            "Missed 2 sites",
            "Blocked",
            "Not blocked",
            "Missed - YouTube got through",
            "Planned check: 2 sites got through",
            "",
        ] {
            assert!(not_made(made).is_none(), "{made}");
        }
    }
}
