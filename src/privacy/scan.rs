//! Reading text for names as it streams: pieces of any size, in any number.
//!
//! A [`Scanner`] folds characters into words as they arrive and keeps only the last few
//! words, so a name split across two reads, two runs of a document or two lines is found,
//! and memory does not grow with the text. [`Scanner::brk`] marks a boundary between pieces
//! that are not joined (two table cells, two paragraphs): a word ends there.

use unicode_normalization::UnicodeNormalization;

use super::fold::{Piece, fold_char};
use super::names::{MAX_WORDS, Names, Seen};

/// Words longer than this are not names; they are not kept whole.
const MAX_WORD: usize = 64;

/// A search for names through text fed in pieces.
pub struct Scanner<'n> {
    names: &'n Names,
    word: String,
    overlong: bool,
    recent: Vec<Seen>,
    capital: bool,
    found: bool,
}

impl<'n> Scanner<'n> {
    /// A scanner for `names`.
    pub fn new(names: &'n Names) -> Self {
        Scanner {
            names,
            word: String::new(),
            overlong: false,
            recent: Vec::with_capacity(MAX_WORDS + 1),
            capital: false,
            found: false,
        }
    }

    /// The names searched for.
    pub fn names(&self) -> &'n Names {
        self.names
    }

    /// Reads the next piece of text, which continues the last (a word may run across).
    pub fn push(&mut self, text: &str) {
        if self.found {
            return;
        }
        for c in text.nfkd() {
            let before = self.word.len();
            match fold_char(c, &mut self.word) {
                Piece::Letter => {
                    if before == 0 {
                        self.capital = c.is_uppercase();
                    }
                    if self.word.len() > MAX_WORD {
                        self.word.truncate(before);
                        self.overlong = true;
                    }
                }
                Piece::Mark => {}
                Piece::Apostrophe | Piece::Break => self.end_word(),
            }
        }
    }

    /// A boundary: the current word ends here.
    pub fn brk(&mut self) {
        self.end_word();
    }

    /// Whether a name has been found so far.
    pub fn found(&self) -> bool {
        self.found
    }

    /// Ends the text and says whether it held a name.
    pub fn finish(&mut self) -> bool {
        self.end_word();
        self.found
    }

    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let id = if self.overlong {
            None
        } else {
            self.names.word_id(&self.word)
        };
        self.word.clear();
        self.overlong = false;
        if self.recent.len() == MAX_WORDS {
            self.recent.remove(0);
        }
        self.recent.push((id, self.capital));
        if id.is_some() && self.names.ends_a_name(&self.recent) {
            self.found = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_across_pieces_and_boundaries_is_found() {
        let mut names = Names::default();
        names.add_cell("Jamie O'Neill");
        let mut s = Scanner::new(&names);
        s.push("spoke to Ja");
        s.push("mie");
        s.brk();
        s.push("O’Ne");
        s.push("ill today");
        assert!(s.finish());
        let mut s = Scanner::new(&names);
        s.push("Ja");
        s.brk();
        s.push("mie O'Neill");
        assert!(!s.finish(), "a boundary splits a word");
    }

    #[test]
    fn long_words_do_not_grow_memory_or_match() {
        let mut names = Names::default();
        names.add_cell("Jamie Fox");
        let mut s = Scanner::new(&names);
        s.push(&"x".repeat(10_000));
        s.push("jamie fox");
        assert!(!s.finish(), "the long word swallows `jamie`");
        assert!(s.word.capacity() < 1024);
    }
}
