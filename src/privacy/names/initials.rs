//! A name written with an initial for one of its parts, and a name an e-mail address is
//! built from.
//!
//! The rule, which fails closed: a listed surname with the forename's initial before or
//! after it ("G. Adeyemi", "G Adeyemi", "Adeyemi, G.", "G.A. Adeyemi"), or a listed
//! forename with the surname's initial after it ("Grace A.", "Chloe D"), is the name. The
//! initial is written as a capital letter, and where the part written out is an everyday
//! word ("Grace", "Hope", "Green") it needs its full stop, so "May I ask" and "A Green
//! Flag" are no alarm for May Ibrahim or Amber Green. In an e-mail address nobody writes
//! capitals: the local part built from the name in any of those ways, run together or
//! joined by a dot, a hyphen or an underscore, with or without digits after it
//! ("gadeyemi@", "g.adeyemi@", "adeyemig@", "gracea@", "gadeyemi2015@"), is the name.

use super::{ANY_WORD, Names};

/// Which kind of spelling of a name a variant is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Shape {
    /// The name's words written out (or a middle name any word fills).
    Whole,
    /// One word is an initial, at this place.
    Initial(u8),
    /// One word, matched only as the local part of an e-mail address.
    Local,
}

impl Shape {
    /// Whether the word at place `i` is an initial.
    pub(super) fn is_initial(self, i: usize) -> bool {
        matches!(self, Shape::Initial(at) if usize::from(at) == i)
    }

    /// Whether one of the words is an initial.
    pub(super) fn has_initial(self) -> bool {
        matches!(self, Shape::Initial(_))
    }

    /// Whether it is matched only before an `@`.
    pub(super) fn is_local(self) -> bool {
        self == Shape::Local
    }
}

/// The shortest local part held: shorter ones ("gab") are too often something else.
const SHORTEST_LOCAL: usize = 4;

impl Names {
    /// The forename's initial with the surname, and the forename with the surname's
    /// initial, as text and as e-mail addresses write them.
    pub(super) fn add_initials(&mut self, forename: &str, surname: &[String]) {
        let (Some(f), Some(s)) = (initial(forename), surname.first().and_then(|s| initial(s)))
        else {
            return;
        };
        let surname_whole = surname.concat();
        if surname_whole.chars().count() > 1 {
            self.insert_shaped(
                &[[f.clone()].as_slice(), surname].concat(),
                Shape::Initial(0),
            );
            let middle = [f.clone(), ANY_WORD.to_string()];
            self.insert_shaped(&[middle.as_slice(), surname].concat(), Shape::Initial(0));
            let at = u8::try_from(surname.len().min(super::MAX_WORDS - 1)).unwrap_or(0);
            self.insert_ordered(
                &[surname, std::slice::from_ref(&f)].concat(),
                Shape::Initial(at),
                true,
            );
            self.insert_local(format!("{f}{surname_whole}"));
            self.insert_local(format!("{surname_whole}{f}"));
        }
        if forename.chars().count() > 1 {
            self.insert_shaped(&[forename.to_string(), s.clone()], Shape::Initial(1));
            self.insert_local(format!("{forename}{s}"));
            self.insert_local(format!("{s}{forename}"));
        }
    }

    fn insert_local(&mut self, word: String) {
        if word.len() >= SHORTEST_LOCAL {
            self.insert_shaped(&[word], Shape::Local);
        }
    }
}

/// The first letter of a folded word.
fn initial(word: &str) -> Option<String> {
    word.chars().next().map(String::from)
}
