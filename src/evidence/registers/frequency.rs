//! How often a policy register says a document is reviewed, when its "next review" cell
//! holds that rather than a date: `Annually`, `Termly`, `Every 2 years`, `Bi-annually`.
//!
//! Written by hand: the words are a small closed set of English phrases (and a number of
//! months or years), which no date or duration crate reads; each is matched whole, so a
//! note or a name in the cell is never taken for a frequency.

use crate::dates;
use crate::text::normalise;

/// A review frequency read from the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Frequency {
    /// The months between reviews.
    pub months: u32,
    /// The words can mean two intervals ("bi-annually": twice a year, or every two years);
    /// `months` is the shorter, so the document falls due no later than the register meant.
    pub ambiguous: bool,
}

/// Words that only frame the frequency: "reviewed every year", "once a term", "annually
/// in September", "yearly, autumn term". The name of a month frames it too
/// ([`dates::month_from_name`]).
const FRAME: &[&str] = &[
    "every", "each", "once", "a", "per", "reviewed", "review", "to", "be", "in", "the", "by",
    "during", "at", "autumn", "spring", "summer",
];

/// Phrases (after [`FRAME`] words are dropped) and their months.
const PHRASES: &[(&str, u32)] = &[
    ("annually", 12),
    ("annual", 12),
    ("yearly", 12),
    ("year", 12),
    ("annum", 12),
    ("termly", 4),
    ("term", 4),
    ("half termly", 2),
    ("half term", 2),
    ("monthly", 1),
    ("month", 1),
    ("quarterly", 3),
    ("quarter", 3),
    ("twice year", 6),
    ("twice yearly", 6),
    ("half yearly", 6),
    ("semi annually", 6),
    ("semi annual", 6),
    ("six monthly", 6),
    ("biennially", 24),
    ("biennial", 24),
    ("other year", 24),
    ("two yearly", 24),
    ("triennially", 36),
    ("triennial", 36),
    ("three yearly", 36),
];

/// Phrases that name a span rather than say how often, read as a frequency only after
/// "every", "each", "once" or "per".
const BARE: &[&str] = &[
    "year",
    "annum",
    "term",
    "half term",
    "month",
    "quarter",
    "other year",
];

/// Words that mean twice a year to some and every two years to others.
const AMBIGUOUS: &[&str] = &["biannually", "biannual", "bi annually", "bi annual"];

fn number(w: &str) -> Option<u32> {
    w.parse().ok().or(match w {
        "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        "eleven" => Some(11),
        "twelve" => Some(12),
        "eighteen" => Some(18),
        "twenty four" | "twentyfour" => Some(24),
        "thirty six" | "thirtysix" => Some(36),
        _ => None,
    })
}

/// Words after "or" that only allow an earlier review: "Annually or sooner if needed",
/// "Every 2 years, or when guidance changes".
const SOONER: &[&str] = &[
    "sooner",
    "earlier",
    "if",
    "when",
    "as",
    "needed",
    "required",
    "necessary",
    "appropriate",
    "guidance",
    "legislation",
    "law",
    "changes",
    "change",
    "there",
    "is",
    "are",
    "a",
    "any",
    "in",
    "the",
    "of",
    "event",
    "following",
    "after",
    "incident",
    "update",
    "updates",
];

/// The frequency `text` gives, if it gives one and nothing else but, after "or", words
/// that only allow an earlier review ("Annually or sooner if needed").
pub(super) fn frequency(text: &str) -> Option<Frequency> {
    let n = normalise(text)
        .replace("twenty four", "24")
        .replace("thirty six", "36");
    let (n, rest) = n.split_once(" or ").unwrap_or((&n, ""));
    if !rest.split(' ').all(|w| w.is_empty() || SOONER.contains(&w)) {
        return None;
    }
    let n = n.to_string();
    // "Year" or "autumn term" alone is when, not how often: a bare noun is a frequency
    // only after "every", "each", "once a" or "per".
    let every = n
        .split(' ')
        .any(|w| ["every", "each", "once", "per"].contains(&w));
    // "Every September", "each autumn term": one named month or term of the year comes
    // round once a year; "in the summer term" after a frequency says when, not how often.
    let named = n
        .split(' ')
        .filter(|w| {
            ["autumn", "spring", "summer"].contains(w) || dates::month_from_name(w).is_some()
        })
        .count();
    let words: Vec<&str> = n
        .split(' ')
        .filter(|w| !FRAME.contains(w) && dates::month_from_name(w).is_none())
        .filter(|w| named != 1 || *w != "term")
        .collect();
    let phrase = words.join(" ");
    if every && named == 1 && ["", "half"].contains(&phrase.as_str()) {
        return Some(Frequency {
            months: 12,
            ambiguous: false,
        });
    }
    if !every && BARE.contains(&phrase.as_str()) {
        return None;
    }
    if AMBIGUOUS.contains(&phrase.as_str()) {
        return Some(Frequency {
            months: 6,
            ambiguous: true,
        });
    }
    let months = PHRASES
        .iter()
        .find(|(p, _)| *p == phrase)
        .map(|(_, m)| *m)
        .or_else(|| match words.as_slice() {
            [count, unit] => {
                let count = number(count)?;
                match *unit {
                    "month" | "months" | "monthly" => Some(count),
                    "year" | "years" | "yearly" => count.checked_mul(12),
                    _ => None,
                }
            }
            _ => None,
        })?;
    (1..=120).contains(&months).then_some(Frequency {
        months,
        ambiguous: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequencies_schools_write_are_read_as_months() {
        for (typed, months) in [
            ("Annually", 12),
            ("Reviewed annually", 12),
            ("Every year", 12),
            ("once a year", 12),
            ("Yearly", 12),
            ("Termly", 4),
            ("Each term", 4),
            ("Half-termly", 2),
            ("Every 2 years", 24),
            ("Every two years", 24),
            ("2-yearly", 24),
            ("Biennially", 24),
            ("every other year", 24),
            ("Every 3 years", 36),
            ("Six-monthly", 6),
            ("Every 6 months", 6),
            ("Twice a year", 6),
            ("Quarterly", 3),
            ("Monthly", 1),
            ("Annually in September", 12),
            ("Yearly (autumn)", 12),
            ("Every twelve months", 12),
            ("Every twenty four months", 24),
            ("Annually or sooner if needed", 12),
            ("Every 2 years, or sooner if guidance changes", 24),
            ("Annually (or as required)", 12),
            ("Every September", 12),
            ("each autumn term", 12),
            ("Every Spring", 12),
            ("once a year in the summer term", 12),
            ("annually in Sept", 12),
            ("every 2 years", 24),
        ] {
            assert_eq!(
                frequency(typed),
                Some(Frequency {
                    months,
                    ambiguous: false
                }),
                "{typed}"
            );
        }
        for typed in ["Biannually", "Bi-annually", "bi annual"] {
            assert_eq!(
                frequency(typed),
                Some(Frequency {
                    months: 6,
                    ambiguous: true
                }),
                "{typed}"
            );
        }
        for typed in [
            "TBC",
            "When the law changes",
            "Autumn 2025",
            "September",
            "Autumn term",
            "Every autumn and spring term",
            "Every 0 years",
            "Annually or every 2 years",
            "Annually or when the head decides",
            "2026",
            "",
        ] {
            assert_eq!(frequency(typed), None, "{typed}");
        }
    }
}
