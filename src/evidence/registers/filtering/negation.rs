//! Results worded in the negative: "None accessible", "0 got through", "No fails" say the
//! filter held, though each holds a word of content reaching the screen or of failure;
//! "None blocked", "Not passed", "No block" say it did not, though each holds a word of the
//! filter holding.
//!
//! A negator ("no", "none", "nothing", "zero", "0", "not", "never", "did not") is read
//! with the word it stands directly in front of, with only words naming what was tested
//! ("sites", "of the pages") or how it is said ("were", "could be") between them. A mark
//! between them breaks the phrase: "No - accessible" is a bare no and then a site that
//! loaded, so it is never read as "none accessible".

use crate::evidence::header::normalise;

/// Words that deny what follows them, longest first where one starts another.
const NEGATORS: &[&str] = &[
    "did not",
    "didn t",
    "does not",
    "doesn t",
    "do not",
    "don t",
    "could not",
    "couldn t",
    "cannot",
    "can not",
    "can t",
    "would not",
    "wouldn t",
    "has not",
    "hasn t",
    "have not",
    "haven t",
    "had not",
    "hadn t",
    "was not",
    "wasn t",
    "were not",
    "weren t",
    "is not",
    "isn t",
    "are not",
    "aren t",
    "no",
    "none",
    "nothing",
    "zero",
    "0",
    "not",
    "never",
    "nil",
];

/// Words that may stand between a negator and the word it denies: what was tested, and the
/// words of saying it ("None of the sites could be accessed", "Not a fail").
const BETWEEN: &[&str] = &[
    "site",
    "sites",
    "website",
    "websites",
    "page",
    "pages",
    "url",
    "urls",
    "link",
    "links",
    "content",
    "category",
    "categories",
    "search",
    "searches",
    "term",
    "terms",
    "test",
    "app",
    "apps",
    "of",
    "the",
    "these",
    "those",
    "them",
    "it",
    "they",
    "a",
    "an",
    "any",
    "one",
    "single",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "could",
    "can",
    "got",
    "ever",
    "actually",
];

/// Words of content reaching the screen or of a check failing: denied, the filter held.
const REACHING: &[&str] = &[
    "accessible",
    "accessed",
    "access",
    "available",
    "reachable",
    "reached",
    "loaded",
    "load",
    "loads",
    "opened",
    "open",
    "opens",
    "visible",
    "viewable",
    "allowed",
    "got through",
    "get through",
    "gets through",
    "getting through",
    "went through",
    "slipped through",
    "slipped",
    "leaked",
    "missed",
    "fail",
    "fails",
    "failed",
    "failure",
    "failures",
    "breach",
    "breaches",
    "breached",
];

/// Words of the filter holding: denied, it did not.
const HOLDING: &[&str] = &[
    "blocked",
    "block",
    "blocks",
    "blocking",
    "filtered",
    "denied",
    "refused",
    "prevented",
    "stopped",
    "caught",
    "pass",
    "passed",
    "passes",
    "success",
    "successful",
    "held",
];

/// Words that may follow a denied word as part of the phrase ("No failures found").
const AFTER: &[&str] = &[
    "found",
    "seen",
    "noted",
    "recorded",
    "reported",
    "identified",
    "detected",
    "observed",
];

/// What a result's negative phrases say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Negated {
    /// A phrase denies content reaching the screen or a failure: the filter held.
    pub held: bool,
    /// A phrase denies the filter holding: it did not.
    pub failed: bool,
    /// The text, normalised, with those phrases taken out.
    pub rest: String,
}

/// The phrase of `list` that `words` start with, as a count of words.
fn starts(words: &[&str], list: &[&str]) -> Option<usize> {
    list.iter()
        .map(|p| p.split(' ').collect::<Vec<_>>())
        .filter(|p| words.starts_with(p))
        .map(|p| p.len())
        .max()
}

/// How many words a negative phrase at the start of `words` runs to, and whether it denies
/// a word of holding (`true`) or of reaching (`false`).
fn phrase(words: &[&str]) -> Option<(usize, bool)> {
    let mut at = starts(words, NEGATORS)?;
    while at < words.len() && BETWEEN.contains(&words[at]) {
        // A word that is also one denied is read as denied ("none accessed", not a
        // filler before nothing).
        if starts(&words[at..], REACHING).is_some() || starts(&words[at..], HOLDING).is_some() {
            break;
        }
        at += 1;
    }
    let (len, holding) = match starts(&words[at..], HOLDING) {
        Some(n) => (n, true),
        None => (starts(&words[at..], REACHING)?, false),
    };
    at += len;
    while at < words.len() && AFTER.contains(&words[at]) {
        at += 1;
    }
    Some((at, holding))
}

/// Reads the negative phrases of `text`. A mark other than an apostrophe breaks a phrase,
/// so the words either side of it are never read as one.
pub(super) fn read(text: &str) -> Negated {
    let mut found = Negated {
        held: false,
        failed: false,
        rest: String::new(),
    };
    let mut kept: Vec<String> = Vec::new();
    for part in text.split(breaks) {
        let n = normalise(part);
        let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
        let mut i = 0;
        while i < words.len() {
            match phrase(&words[i..]) {
                Some((len, holding)) => {
                    if holding {
                        found.failed = true;
                    } else {
                        found.held = true;
                    }
                    i += len;
                }
                None => {
                    kept.push(words[i].to_string());
                    i += 1;
                }
            }
        }
    }
    found.rest = kept.join(" ");
    found
}

/// Whether a mark other than an apostrophe breaks a phrase here.
fn breaks(c: char) -> bool {
    !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '’' | '‘' | '`'))
}

/// How many words a count of none out of some ("0/10", "0 of 10", "0 out of 10") at the
/// start of `words` runs to.
fn none_of(words: &[&str]) -> Option<usize> {
    let some = |w: &str| w.parse::<u64>().is_ok_and(|m| m > 0);
    match words {
        [w, ..] if w.split_once('/').is_some_and(|(n, m)| n == "0" && some(m)) => Some(1),
        ["0", "of" | "/", m, ..] if some(m) => Some(3),
        ["0", "out", "of", m, ..] if some(m) => Some(4),
        _ => None,
    }
}

/// `text` with a count of none reaching the screen ("0/10 accessible", "0 of 10 sites got
/// through") put as the negative phrase it is ("0 accessible"), so that it is not read
/// as a count short of all blocked. A count of none blocked ("0/10 blocked") is left as
/// it stands, a count short of all.
pub(super) fn none_counted(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(len) = none_of(&words[i..]) {
            let after = words[i + len..].join(" ");
            let upto = after.split(breaks).next().unwrap_or("");
            let n = format!("0 {}", normalise(upto));
            let said: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
            if phrase(&said).is_some_and(|(_, holding)| !holding) {
                out.push("0");
                i += len;
                continue;
            }
        }
        out.push(words[i]);
        i += 1;
    }
    out.join(" ")
}

/// Results that deny content got through, each a pass: shared by the tests of this
/// reading and of the whole result's.
#[cfg(test)]
pub(super) const DENY_REACHING: &[&str] = &[
    "None accessible",
    "No sites accessible",
    "0 got through",
    "Zero sites got through",
    "No fails",
    "Not a fail",
    "No failures",
    "0 failures",
    "None loaded",
    "Nothing accessible",
    "No content reached",
    "0 sites accessible",
    "No breaches",
    "Did not load",
];

#[cfg(test)]
mod tests {
    use super::{DENY_REACHING, none_counted, read};

    #[test]
    fn a_count_of_none_reaching_the_screen_is_a_negative_phrase() {
        for (counted, put) in [
            ("0/10 accessible", "0 accessible"),
            ("0 of 10 sites got through", "0 sites got through"),
            ("0 out of 12 loaded", "0 loaded"),
            ("Blocked, 0/10 accessible", "Blocked, 0 accessible"),
            ("0/10 blocked", "0/10 blocked"),
            ("0/10 - accessible", "0/10 - accessible"),
            ("0/0 accessible", "0/0 accessible"),
            ("2/10 accessible", "2/10 accessible"),
            ("Blocked 0/10", "Blocked 0/10"),
        ] {
            assert_eq!(none_counted(counted), put, "{counted}");
        }
    }

    #[test]
    fn a_negator_before_a_word_of_reaching_or_failing_says_the_filter_held() {
        for held in DENY_REACHING.iter().chain(&[
            "None of the sites could be accessed",
            "Didn’t load",
            "No failures found",
        ]) {
            let r = read(held);
            assert!(r.held && !r.failed && r.rest.is_empty(), "{held}: {r:?}");
        }
    }

    #[test]
    fn a_negator_before_a_word_of_holding_says_it_did_not() {
        for failed in [
            "Not blocked",
            "None blocked",
            "0 blocked",
            "No block",
            "Nothing blocked",
            "Not passed",
            "Did not pass",
            "No pass",
            "No sites blocked",
        ] {
            let r = read(failed);
            assert!(r.failed && !r.held, "{failed}: {r:?}");
        }
    }

    #[test]
    fn a_mark_or_another_word_between_breaks_the_phrase() {
        for neither in [
            "No - accessible",
            "No, accessible",
            "No",
            "not all blocked",
            "No filtering on guest wifi so accessible",
            "Accessible",
            "Blocked",
        ] {
            let r = read(neither);
            assert!(!r.held && !r.failed, "{neither}: {r:?}");
        }
        assert_eq!(read("No - accessible").rest, "no accessible");
        assert_eq!(read("Sites were not accessible").rest, "sites");
    }
}
