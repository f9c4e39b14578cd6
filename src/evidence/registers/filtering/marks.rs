//! The marks and counts a filtering check's result may be written in: ticks, crosses, a
//! bare yes or no, and counts of sites blocked ("Blocked 10/10", "9 of 10 blocked").
//!
//! A cross is a failed check wherever it stands, even beside a yes ("Yes ❌"): a school
//! crosses a result to say the filter did not hold. A count says all were blocked only as
//! n of n with n above nought; more blocked than were tested ("11/10") cannot be right and
//! says nothing, and nought of nought means nothing was tested at all.

use super::Asks;
use crate::evidence::header::normalise;

/// Marks that say no: beside a result, something got through.
pub(super) const CROSSES: &[char] = &['✗', '✘', '☒', '❌', '❎', '✕', '✖', '×', '⨯'];
/// Marks that say yes.
pub(super) const TICKS: &[char] = &['✓', '✔', '☑', '✅', '√'];

/// A bare answer to the heading's question: yes, no, a tick or a cross, alone or with a
/// mark beside it ("Yes ❌", "No ✗", "X"); `None` when the result is more than that.
pub(super) fn bare(t: &str, asks: Asks) -> Option<Option<bool>> {
    let n = normalise(t);
    let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
    let cross = t.contains(CROSSES) || words.contains(&"x");
    let rest: Vec<&str> = words.into_iter().filter(|w| *w != "x").collect();
    let rest = rest.join(" ");
    let tick = t.contains(TICKS);
    let yes = matches!(rest.as_str(), "y" | "yes" | "true") || (rest.is_empty() && tick);
    let no = matches!(rest.as_str(), "n" | "no" | "false");
    if !(yes || no || (cross && rest.is_empty())) {
        return None;
    }
    Some(match asks {
        // A cross under "Blocked?" or "Result" is a check that failed, whatever is beside it.
        Asks::Blocked | Asks::Unclear if cross => Some(true),
        Asks::Blocked => Some(!yes),
        // Under "Accessible?" a yes is the site reached, whatever mark is beside it; a
        // cross beside a no, or alone, may say no or that the check failed.
        Asks::Reached if yes => Some(true),
        Asks::Reached if cross => None,
        Asks::Reached => Some(false),
        // A tick alone under "Result" is the check passed; a bare yes or no is not.
        Asks::Unclear if tick && rest.is_empty() => Some(false),
        Asks::Unclear => None,
    })
}

/// What the counts in a result ("9/10", "9 of 10", "9 out of 10") say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Counts {
    /// A count says fewer than all: something got through.
    pub partial: bool,
    /// A count cannot be right: more than the whole ("11/10").
    pub impossible: Option<String>,
    /// A count of nought of nought: nothing was tested.
    pub none_tested: bool,
    /// The text with the counts that say all (10/10) taken out.
    pub rest: String,
}

/// The counts `text` gives, and the text without those that say all were blocked.
pub(crate) fn counts(text: &str) -> Counts {
    let joined = text
        .to_lowercase()
        .replace(" out of ", "/")
        .replace(" of ", "/")
        .replace(" / ", "/");
    let mut found = Counts {
        partial: false,
        impossible: None,
        none_tested: false,
        rest: String::new(),
    };
    let mut kept = Vec::new();
    for word in joined.split_whitespace() {
        let core = word.trim_matches(|c: char| !c.is_ascii_digit());
        let pair = core
            .split_once('/')
            .and_then(|(a, b)| Some((a.parse::<u64>().ok()?, b.parse::<u64>().ok()?)));
        match pair {
            Some((0, 0)) => found.none_tested = true,
            Some((n, m)) if n > m => found.impossible = Some(core.to_string()),
            Some((n, m)) if n < m => found.partial = true,
            Some(_) => {}
            None => kept.push(word),
        }
    }
    found.rest = kept.join(" ");
    found
}

#[cfg(test)]
mod tests {
    use super::{Asks, bare, counts};

    #[test]
    fn a_cross_is_a_failed_check_beside_any_yes_or_no() {
        for crossed in ["Yes ❌", "✗", "✘", "X", "x", "No ✗", "Y ✖", "✓ ✗"] {
            assert_eq!(bare(crossed, Asks::Blocked), Some(Some(true)), "{crossed}");
            assert_eq!(bare(crossed, Asks::Unclear), Some(Some(true)), "{crossed}");
        }
        assert_eq!(bare("Yes ❌", Asks::Reached), Some(Some(true)));
        assert_eq!(bare("No ✗", Asks::Reached), Some(None));
        assert_eq!(bare("Yes", Asks::Blocked), Some(Some(false)));
        assert_eq!(bare("Yes ✓", Asks::Blocked), Some(Some(false)));
        assert_eq!(bare("Blocked", Asks::Blocked), None);
    }

    #[test]
    fn a_count_says_all_only_as_n_of_n_above_nought() {
        let c = counts("Blocked 10/10");
        assert!(!c.partial && c.impossible.is_none() && !c.none_tested);
        assert_eq!(c.rest, "blocked");
        assert!(counts("9/10 blocked").partial);
        assert!(counts("9 out of 10 blocked").partial);
        assert_eq!(counts("Blocked 11/10").impossible.as_deref(), Some("11/10"));
        assert_eq!(counts("12 of 10").impossible.as_deref(), Some("12/10"));
        assert!(counts("0/0").none_tested);
        assert!(counts("Blocked 0 of 0").none_tested);
    }
}
