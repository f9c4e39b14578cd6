//! A name with one letter written as a symbol: "Gr*ce Adeyemi", "Gr@ce", "Ad$yemi",
//! "Gr2ce", "Adeyem? Grace".
//!
//! The rule, which fails closed: one character that is no letter in place of one letter of
//! a name's word, with the rest of that word as written and the other part of the name
//! written out beside it, is the name. Each word of a pupil's forename and surname is held
//! once more for each of its letters with a `?` in that letter's place ("gr?ce"), in a name
//! whose other words are whole, so that matching stays a look-up: the reading joins the
//! pieces either side of the symbol into the same form ([`crate::privacy::scan`]). A word
//! of one part alone with a letter masked is no alarm, and neither is a short word (an
//! initial, "Al") whose masks are too often something else.

use super::{Names, digit_letter};
use crate::privacy::scan::{SYMBOL_AFTER, SYMBOL_BEFORE};

/// What stands in a held word for the letter a symbol replaced.
pub(crate) const MASK: char = '?';

/// The shortest word held with a letter masked.
const SHORTEST: usize = 3;

impl Names {
    /// Forename and surname in both orders, each word with each of its letters masked.
    pub(super) fn add_masked(&mut self, forenames: &[String], surname: &[String]) {
        let words = [forenames, surname].concat();
        for (at, word) in words.iter().enumerate() {
            if word.chars().count() < SHORTEST {
                continue;
            }
            for masked in masks(word) {
                let mut spelt = words.clone();
                spelt[at] = masked;
                let (f, s) = spelt.split_at(forenames.len());
                self.insert(&[f, s].concat());
                self.insert(&[s, f].concat());
            }
        }
    }
}

impl Names {
    /// The id of a held word with one letter masked that `word`, read with its `flags`, may
    /// be: one digit no letter is drawn like in it ("gr2ce"), or a symbol straight before
    /// or after it ("*race", "adeyem#").
    pub(super) fn masked_id(&self, word: &str, flags: u16) -> Option<u32> {
        let digits = word.bytes().filter(u8::is_ascii_digit).count();
        let beside = flags & (SYMBOL_BEFORE | SYMBOL_AFTER) != 0;
        if !(beside || digits > 0) || !word.bytes().any(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        ['i', 'l'].into_iter().find_map(|one| {
            let letters: String = word.chars().map(|c| digit_letter(c, one)).collect();
            match letters.bytes().filter(u8::is_ascii_digit).count() {
                0 => {
                    let before = (flags & SYMBOL_BEFORE != 0)
                        .then(|| self.word_id(&format!("{MASK}{letters}")))
                        .flatten();
                    before.or_else(|| {
                        (flags & SYMBOL_AFTER != 0)
                            .then(|| self.word_id(&format!("{letters}{MASK}")))
                            .flatten()
                    })
                }
                1 => {
                    let masked: String = letters
                        .chars()
                        .map(|c| if c.is_ascii_digit() { MASK } else { c })
                        .collect();
                    self.word_id(&masked)
                }
                _ => None,
            }
        })
    }
}

/// `word` with each of its letters in turn written as [`MASK`].
fn masks(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(move |(at, c)| {
        let mut masked = String::with_capacity(word.len());
        masked.push_str(&word[..at]);
        masked.push(MASK);
        masked.push_str(&word[at + c.len_utf8()..]);
        masked
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_letter_is_masked_in_turn() {
        assert_eq!(masks("ace").collect::<Vec<_>>(), ["?ce", "a?e", "ac?"]);
    }
}
