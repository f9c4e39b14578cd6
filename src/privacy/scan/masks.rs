//! The reading of words with letters written as symbols or digits
//! ([`crate::privacy::names`]'s wildcard rule): each run of characters between white space
//! is one word, its sentence punctuation at either end set aside, every other character
//! that is no letter (and every digit) an unknown letter; two such words side by side that
//! can be a pupil's forename and surname, at least one of them masked, are the name.

use super::tokens::stands_for_letter;
use crate::privacy::fold::{Piece, fold_char};
use crate::privacy::names::{MASK, Names};

/// The longest run of characters read as one word.
const LONGEST: usize = 64;

/// One word read, as the words of names it may be.
struct Word {
    ids: Vec<u32>,
    masked: bool,
    capital: bool,
}

/// Where the reading stands.
#[derive(Default)]
pub(super) struct Masks {
    raw: String,
    overlong: bool,
    last: Option<Word>,
    pub(super) found: bool,
}

impl Masks {
    /// Reads one character of decomposed text.
    pub(super) fn feed(&mut self, names: &Names, c: char) {
        if c.is_whitespace() {
            self.end(names);
        } else if self.raw.len() < LONGEST * 4 {
            self.raw.push(c);
        } else {
            self.overlong = true;
        }
    }

    /// A boundary no name runs across.
    pub(super) fn part(&mut self, names: &Names) {
        self.end(names);
        self.last = None;
    }

    /// The word being read ends.
    pub(super) fn end(&mut self, names: &Names) {
        let raw = std::mem::take(&mut self.raw);
        let overlong = std::mem::take(&mut self.overlong);
        let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && !stands_for_letter(c));
        if trimmed.is_empty() {
            return;
        }
        let word = (!overlong).then(|| read(names, trimmed)).flatten();
        if let (Some(before), Some(now)) = (&self.last, &word)
            && (before.masked || now.masked)
        {
            let capitals = before.capital && now.capital;
            self.found |= before
                .ids
                .iter()
                .any(|&a| now.ids.iter().any(|&b| names.wildcard_pair(a, b, capitals)));
        }
        self.last = word;
    }
}

/// The words of names a run of characters may be, written out or with letters masked.
fn read(names: &Names, raw: &str) -> Option<Word> {
    let mut folded = String::new();
    let mut masked = false;
    for c in raw.chars() {
        let before = folded.len();
        match fold_char(c, &mut folded) {
            Piece::Letter if folded[before..].bytes().any(|b| b.is_ascii_digit()) => {
                folded.truncate(before);
                folded.push(MASK);
                masked = true;
            }
            Piece::Letter | Piece::Mark => {}
            Piece::Apostrophe | Piece::Break => {
                folded.push(MASK);
                masked = true;
            }
        }
    }
    let first = raw.chars().next()?;
    let capital = first.is_uppercase() || !first.is_alphanumeric();
    let ids = if masked {
        names.wildcard_ids(&folded)
    } else {
        names.word_id(&folded).into_iter().collect()
    };
    (!ids.is_empty()).then_some(Word {
        ids,
        masked,
        capital,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::Person;

    fn found(names: &Names, text: &str) -> bool {
        let mut m = Masks::default();
        for c in text.chars() {
            m.feed(names, c);
        }
        m.end(names);
        m.found
    }

    #[test]
    fn masked_words_side_by_side_are_a_name_and_ordinary_text_is_not() {
        let mut names = Names::default();
        names.add_person(&Person {
            forenames: vec!["Grace"],
            surnames: vec!["Adeyemi"],
            whole: Vec::new(),
        });
        for text in [
            "Gr**e Adeyemi",
            "G*ac* Adeyemi",
            "Gr*ce Ad*yemi",
            "Gr#ce Ad?yemi",
            "Gr.ce Ad_yemi",
            "Gr•ce Adeyemi.",
            "(Gr4c3 Ad3y3m1)",
            "Adeyemi, Gr*ce",
            "Grace Ad**emi",
        ] {
            assert!(found(&names, text), "{text}");
        }
        for text in [
            "Gr*ce",
            "Grace Adeyemi",
            "Gr**e period",
            "G***e Adeyemi",
            "Grade A* results, 5 * 3 = 15; C# and F# notes, COVID-19 in 2025/26",
        ] {
            assert!(!found(&names, text), "{text}");
        }
    }
}
