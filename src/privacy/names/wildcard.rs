//! A name with letters written as symbols or digits, in one part or in both: "Gr**e
//! Adeyemi", "G*ac* Adeyemi", "Gr*ce Ad*yemi", "Gr#ce Ad_yemi", "Gr4ce Ad3y3mi".
//!
//! The rule, which fails closed: a word of three letters or more with up to half of its
//! letters (at least one) written as any character that is no letter, the others as
//! written and at least two of them, may be that word of a name; two such words side by
//! side, or one beside a word written out, that are a pupil's forename and surname (in
//! either order) are the name. A word alone with letters masked is no alarm, and a name
//! made only of everyday words must have a capital (or a symbol) at the start of each
//! word. Unlike [`super::masked`], which holds each single-letter mask as a spelling, these
//! words are matched against the letters at their places ([`Names::wildcard_ids`]), so
//! more masks cost no memory.

use super::{MASK, Names};
use crate::privacy::words::is_common;

/// The longest word matched with masks.
const LONGEST: usize = 32;

impl Names {
    /// Holds the words of one person's forename and surname for matching with masks.
    pub(super) fn add_wildcard(&mut self, forenames: &[String], surname: &[String]) {
        let id = |w: &String| self.word_id(w);
        let fore: Vec<u32> = forenames.iter().filter_map(id).collect();
        let sur: Vec<u32> = surname.iter().filter_map(id).collect();
        for (word, id) in forenames.iter().chain(surname).zip(fore.iter().chain(&sur)) {
            let len = word.chars().count();
            if !(3..=LONGEST).contains(&len) || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
                continue;
            }
            if is_common(word) {
                self.wild.common.insert(*id);
            }
            for (at, b) in word.bytes().enumerate() {
                let key = (len as u8, at as u8, b);
                let ids = self.wild.letters.entry(key).or_default();
                if !ids.contains(id) {
                    ids.push(*id);
                }
            }
        }
        for &f in &fore {
            for &s in &sur {
                self.wild.pairs.insert((f, s));
                self.wild.pairs.insert((s, f));
            }
        }
    }

    /// The words of names that `token` (folded, with [`MASK`] for each character that
    /// stands for a letter) may be, within the rule; none when it has no mask.
    pub(crate) fn wildcard_ids(&self, token: &str) -> Vec<u32> {
        let len = token.chars().count();
        let masks = token.chars().filter(|&c| c == MASK).count();
        let kept = len - masks;
        if !(3..=LONGEST).contains(&len) || masks == 0 || masks > len / 2 || kept < 2 {
            return Vec::new();
        }
        if !token.chars().all(|c| c == MASK || c.is_ascii_lowercase()) {
            return Vec::new();
        }
        let mut letters = token.bytes().enumerate().filter(|&(_, b)| b != MASK as u8);
        let Some((at, b)) = letters.next() else {
            return Vec::new();
        };
        let Some(first) = self.wild.letters.get(&(len as u8, at as u8, b)) else {
            return Vec::new();
        };
        first
            .iter()
            .copied()
            .filter(|id| {
                token.bytes().enumerate().all(|(at, b)| {
                    b == MASK as u8
                        || self
                            .wild
                            .letters
                            .get(&(len as u8, at as u8, b))
                            .is_some_and(|ids| ids.contains(id))
                })
            })
            .collect()
    }

    /// Whether two words, one after the other, are a pupil's forename and surname; `capitals`
    /// says whether both were written with a capital or a symbol first, which a name made
    /// only of everyday words needs.
    pub(crate) fn wildcard_pair(&self, first: u32, second: u32, capitals: bool) -> bool {
        let common = self.wild.common.contains(&first) && self.wild.common.contains(&second);
        self.wild.pairs.contains(&(first, second)) && (capitals || !common)
    }
}

/// What matching with masks needs: the letter at each place of each word, by word length.
#[derive(Default, Clone)]
pub(super) struct Wild {
    letters: std::collections::HashMap<(u8, u8, u8), Vec<u32>>,
    pairs: std::collections::HashSet<(u32, u32)>,
    common: std::collections::HashSet<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::Person;

    fn names() -> Names {
        let mut n = Names::default();
        n.add_person(&Person {
            forenames: vec!["Grace"],
            surnames: vec!["Adeyemi"],
            whole: Vec::new(),
        });
        n
    }

    #[test]
    fn up_to_half_the_letters_may_be_masked_keeping_two() {
        let n = names();
        let grace = n.word_id("grace").expect("held");
        for token in ["gr??e", "g?ac?", "gr?ce", "?race"] {
            assert_eq!(n.wildcard_ids(token), [grace], "{token}");
        }
        for token in ["g???e", "grace", "gr?c", "??", "gr??ex"] {
            assert!(n.wildcard_ids(token).is_empty(), "{token}");
        }
        let adeyemi = n.word_id("adeyemi").expect("held");
        assert!(n.wildcard_pair(grace, adeyemi, false));
        assert!(n.wildcard_pair(adeyemi, grace, false));
        assert!(!n.wildcard_pair(grace, grace, true));
    }
}
