//! Whether a document's name marks the copy as not in force the way registers mark it: a
//! word of its own in a bracket or clause ("\[OLD\] Online Safety Policy", "Online Safety
//! Policy (consultation copy)", "E-Safety Policy - archive"), or at the start or end of the
//! name ("OLD Online Safety Policy", "zz Online Safety Policy 2019 archive"). A word that
//! is part of what the document is called is not such a mark: "Old Trafford trip policy"
//! and "Archive and records policy" are in force. A word at the start marks the copy only
//! when typed in capitals in a name that is not, or when what follows it names a key
//! document by itself ("Old Online Safety Policy").

use crate::framework::Topic;

/// Marks of a copy not in force, and what they say it is.
const MARKS: &[(&str, &str)] = &[
    ("old", "an old copy"),
    ("old copy", "an old copy"),
    ("archive", "an archived copy"),
    ("archived", "an archived copy"),
    ("archive copy", "an archived copy"),
    ("zz", "an archived copy (its name is marked to sort last)"),
    ("zzz", "an archived copy (its name is marked to sort last)"),
    ("do not use", "withdrawn"),
    ("not current", "not current"),
    ("expired", "expired"),
    ("superseded", "superseded"),
    ("obsolete", "withdrawn"),
    ("consultation", "out for consultation, not yet approved"),
    (
        "consultation copy",
        "out for consultation, not yet approved",
    ),
    ("to be updated", "out of date: it is still to be updated"),
];

/// Words that join a word at the start to what follows it ("Archive and records
/// policy"): the word is then part of the name.
const JOINING: &[&str] = &["and", "of", "for", "to", "in", "on", "at", "the", "with"];

fn mark(words: &[&str]) -> Option<&'static str> {
    let phrase = words.join(" ");
    MARKS.iter().find(|(m, _)| *m == phrase).map(|(_, w)| *w)
}

/// The mark at the start of a clause's words, if any, and how many words it takes.
fn at_start(words: &[&str]) -> Option<(&'static str, usize)> {
    (1..=3.min(words.len()))
        .rev()
        .find_map(|n| mark(&words[..n]).map(|w| (w, n)))
}

/// The mark at the end of a clause's words, if any.
fn at_end(words: &[&str]) -> Option<&'static str> {
    (1..=3.min(words.len()))
        .rev()
        .find_map(|n| mark(&words[words.len() - n..]))
}

/// Whether the word after the first `n` of `words` joins them to what follows.
fn joined_after(words: &[&str], n: usize) -> bool {
    words.get(n).is_some_and(|w| JOINING.contains(w))
}

/// The mark at the end of `words`, unless a joining word ties it to what comes before
/// ("Retention and archive").
fn at_end_alone(words: &[&str]) -> Option<&'static str> {
    let w = at_end(words)?;
    let tied = (1..=3).any(|n| {
        words.len() > n
            && mark(&words[words.len() - n..]) == Some(w)
            && JOINING.contains(&words[words.len() - n - 1])
    });
    (!tied).then_some(w)
}

/// Whether the name was typed with its first word in capitals and others not ("OLD Online
/// Safety Policy").
fn first_word_shouted(name: &str) -> bool {
    let mut words = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic));
    let first = words.next().unwrap_or_default();
    first.chars().all(|c| !c.is_lowercase())
        && first.chars().filter(|c| c.is_alphabetic()).count() > 1
        && words.any(|w| w.chars().any(char::is_lowercase))
}

/// What the name, cut into its normalised `clauses` (the text outside brackets first),
/// says the copy is when it marks it not in force.
pub(super) fn says(name: &str, clauses: &[String]) -> Option<&'static str> {
    let (main, others) = clauses.split_first()?;
    // A bracket or a clause of its own that starts or ends with a mark.
    for c in others {
        let words: Vec<&str> = c.split(' ').collect();
        let start = at_start(&words).filter(|(_, n)| !joined_after(&words, *n));
        if let Some(w) = start.map(|(w, _)| w).or_else(|| at_end_alone(&words)) {
            return Some(w);
        }
    }
    let words: Vec<&str> = main.split(' ').collect();
    if let Some(w) = at_end_alone(&words) {
        return Some(w);
    }
    let (w, n) = at_start(&words)?;
    let rest = &words[n..];
    let joined = rest.is_empty() || joined_after(&words, n);
    let names_a_document = !Topic::of(&rest.join(" ")).is_empty();
    (!joined && (first_word_shouted(name) || names_a_document)).then_some(w)
}

#[cfg(test)]
mod tests {
    use crate::evidence::registers::standing::name_says;

    #[test]
    fn a_name_marked_old_archived_or_for_consultation_is_not_in_force() {
        for name in [
            "[OLD] Online Safety Policy",
            "OLD Online Safety Policy",
            "Old Online Safety Policy",
            "Online Safety Policy (consultation copy)",
            "zz Online Safety Policy 2019 archive",
            "ZZ Online Safety Policy",
            "Online Safety Policy (to be updated)",
            "Online Safety Policy - old",
            "Online Safety Policy (2019 archive)",
            "Online Safety Policy OLD",
            "E-Safety Policy [archive copy]",
            "Online Safety Policy (consultation)",
        ] {
            assert!(name_says(name).is_some(), "{name}");
        }
    }

    #[test]
    fn a_word_that_is_part_of_the_name_does_not_mark_it() {
        for name in [
            "Old Trafford trip policy",
            "Archive and records policy",
            "Records archive policy",
            "Archive policy",
            "Online Safety Policy",
            "Consultation and complaints policy",
            "Policy on the use of old devices",
            "Data protection policy (archive and retention)",
            "OLD TRAFFORD TRIP POLICY",
            "Email archive and retention policy",
            "Data protection policy (retention and archive)",
        ] {
            assert_eq!(name_says(name), None, "{name}");
        }
    }
}
