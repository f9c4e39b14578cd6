//! Reviewers' own commentary as the reports show it: by the name each reviewer is shown
//! by, never the group's (which is the agreed commentary), and, where an aspect's
//! reviewers wrote a great deal between them, each by its start, the whole a click away.

use serde::Serialize;

use super::Reviewers;
use crate::workbook::layout::GROUP_REVIEWER;

#[derive(Debug, Serialize)]
pub(in crate::report) struct Said {
    reviewer: String,
    pub(super) text: String,
    /// Its first words, where an aspect's reviewers wrote so much between them that the
    /// report shows each at a glance and the whole of it only when asked.
    excerpt: Option<String>,
    words: usize,
}

impl Said {
    /// Whether it is shown by its start.
    pub(super) fn is_excerpt(&self) -> bool {
        self.excerpt.is_some()
    }
}

/// An aspect's reviewers' own commentary read in full up to so many words between them;
/// beyond, each long one is shown by its first [`EXCERPT_WORDS`] words.
const FULL_WORDS: usize = 250;
/// The most words of an excerpt.
const EXCERPT_WORDS: usize = 25;
/// The most characters of an excerpt, and of one word in it: two printed lines at most,
/// however long the words a reviewer pasted in (a web address, say).
const EXCERPT_CHARS: usize = 180;
const EXCERPT_WORD_CHARS: usize = 40;

/// Shortens each long commentary of `list` to an excerpt when they run beyond
/// [`FULL_WORDS`] together: thirty reviewers' 500 words each would print as a book.
pub(in crate::report) fn excerpted(mut list: Vec<Said>) -> Vec<Said> {
    if list.iter().map(|c| c.words).sum::<usize>() > FULL_WORDS {
        for c in list.iter_mut() {
            c.excerpt = excerpt(&c.text);
        }
    }
    list
}

/// The first words of `text`, within [`EXCERPT_WORDS`] and [`EXCERPT_CHARS`], each word
/// within [`EXCERPT_WORD_CHARS`]; `None` when that is the whole of it.
fn excerpt(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut cut = false;
    for (i, word) in text.split_whitespace().enumerate() {
        let shown: String = if word.chars().count() > EXCERPT_WORD_CHARS {
            cut = true;
            let head: String = word.chars().take(EXCERPT_WORD_CHARS - 1).collect();
            format!("{head}…")
        } else {
            word.to_string()
        };
        if i == EXCERPT_WORDS || out.chars().count() + 1 + shown.chars().count() > EXCERPT_CHARS {
            cut = true;
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&shown);
    }
    cut.then(|| format!("{out} …"))
}

/// Reviewers' own commentary, as `reviewers` shows it: none where it is hidden, and never
/// the group's, which is the agreed commentary and shown as such.
pub(in crate::report) fn said(
    commentary: &[crate::score::Commentary],
    reviewers: &Reviewers,
) -> Vec<Said> {
    commentary
        .iter()
        .filter(|c| reviewers.shows_commentary() && c.reviewer != GROUP_REVIEWER)
        .map(|c| Said {
            reviewer: reviewers.shown(&c.reviewer).to_string(),
            text: c.text.clone(),
            excerpt: None,
            words: c.text.split_whitespace().count(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> Said {
        Said {
            reviewer: "DSL".into(),
            text: text.into(),
            excerpt: None,
            words: text.split_whitespace().count(),
        }
    }

    #[test]
    fn long_commentary_from_many_reviewers_is_shown_by_its_start() {
        let short = said("The group meets every half term.");
        let long = "The school reviews filtering each term with the technician ".repeat(40);
        // Few words between them: every commentary is shown whole.
        assert!(
            excerpted(vec![said("Fine."), short])
                .iter()
                .all(|c| c.excerpt.is_none())
        );
        let many = excerpted(vec![said(&long), said("Fine.")]);
        let start = many[0].excerpt.as_deref().expect("an excerpt");
        assert!(start.starts_with("The school reviews filtering") && start.ends_with(" …"));
        assert!(start.split_whitespace().count() <= EXCERPT_WORDS + 1);
        assert_eq!(many[1].excerpt, None, "a short one is whole");
        // A pasted address or a run-on word is cut, and the excerpt stays within its lines.
        let url = format!(
            "See https://example.sch.uk/{} {long}",
            "very/long/".repeat(30)
        );
        let cut = excerpt(&url).expect("cut");
        assert!(cut.chars().count() <= EXCERPT_CHARS + 2, "{cut}");
        assert!(cut.contains('…'));
    }
}
