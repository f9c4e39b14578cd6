//! Whether the last words read are one way of writing a name ([`Variant::fits`]).

use super::{ANY, Seen, Variant};
use crate::privacy::scan::{
    APOSTROPHE, AT, CAPITAL, COMMA, DOTTED, JOINED, NEWLINE, STOPPED, TITLED,
};

impl Variant {
    /// Whether the newest words of `recent` are this way of writing the name; `strict`
    /// when a name of everyday words may not be read in small letters by being joined as
    /// an address's words are (inside a web address, "summer-rain.co.uk" is no name).
    pub(super) fn fits(&self, recent: &[Seen], and: Option<u32>, strict: bool) -> bool {
        let n = self.words.len();
        if n > recent.len() {
            return false;
        }
        let words = &recent[recent.len() - n..];
        if self.shape.is_local() && words[n - 1].1 & AT == 0 {
            // "gadeyemi" is a name only as an e-mail address's local part.
            return false;
        }
        // An address or file name ("alfie.brooks") is written without capitals.
        // An initial stands for a part no everyday word need spell ("grace.a@"): it counts.
        let strict = strict && !self.shape.has_initial();
        let joined = !strict && n > 1 && words[1..].iter().all(|(_, f)| f & JOINED != 0);
        let fits = words
            .iter()
            .zip(self.words.iter())
            .enumerate()
            .all(|(i, (&seen, &want))| self.word_fits(i, seen, want, joined, and));
        if !fits {
            return false;
        }
        // Across a stop ("Grace: Adeyemi", "Grace (Adeyemi)"), every part is written as a
        // name is, with a capital; a name of everyday words, or with an initial, does not
        // run across.
        let stopped = words[1..].iter().any(|(_, f)| f & STOPPED != 0);
        !stopped
            || (!self.cased
                && !self.shape.has_initial()
                && words.iter().all(|(_, f)| f & CAPITAL != 0))
    }

    /// Whether a title straight before place `i` leaves the name a pupil's. A title before
    /// a surname alone ("Mr Hall") marks an adult, and no variant is a surname alone; so
    /// does a title before an initial and a surname ("Mr G. Adeyemi"), or before a name of
    /// everyday words only ever written surname first ("Mr Hall May 2027"). A title before
    /// a pupil's whole name ("Miss Grace Adeyemi", "Dr Łukasz Kowalski") or a one-word
    /// name ("Miss Zephyrine") is the pupil's name: "Miss" and "Ms" are girls' titles too.
    /// A title before a surname and then an initial ("Mrs Patel, a governor", "Dr Okafor,
    /// o.b.e.") is an adult too: a pupil's name is not written title, surname, initial.
    /// A title inside the words matched (where a middle name stands) ends the name.
    fn pupil_after_title(&self, i: usize) -> bool {
        i == 0
            && !self.shape.is_initial(0)
            && !(self.surname_first && (self.cased || self.shape.has_initial()))
    }

    /// Whether the word seen at place `i` is the word `want` the variant has there.
    fn word_fits(
        &self,
        i: usize,
        (seen, flags): Seen,
        want: u32,
        joined: bool,
        and: Option<u32>,
    ) -> bool {
        let capital = flags & CAPITAL != 0;
        let comma = i > 0 && flags & COMMA != 0;
        if flags & TITLED != 0 && !self.pupil_after_title(i) {
            return false;
        }
        if want == ANY {
            // A middle name is written as a name, within the name; so is a brother's or a
            // sister's forename before the surname they share, after a comma ("Grace, Tom
            // and Ola Adeyemi") where the name has a part no everyday word spells, and with
            // "and" before another forename ("Grace and Tom Adeyemi").
            // The surname itself ends the name: "Grace Adeyemi and Grace Adeyemi" is two.
            let sibling_and = seen.is_some() && seen == and && self.words[i + 1] == ANY;
            let surname = seen == self.words.last().copied();
            return !surname && ((capital && (!comma || !self.cased)) || (sibling_and && !comma));
        }
        if seen != Some(want) {
            return false;
        }
        if self.shape.is_initial(i) {
            // The letter after an apostrophe ("Maya's", "Maya'd") is part of the word
            // before, never an initial.
            if flags & APOSTROPHE != 0 {
                return false;
            }
            // An initial with a part no everyday word spells is the name in any case ("g
            // Adeyemi"); where the part written out is an everyday word, the initial is a
            // capital with its full stop ("Grace A.", so "May I ask" is no alarm), except
            // in an address ("grace.a@").
            return joined || !self.cased || (capital && flags & DOTTED != 0);
        }
        // A name with a part no everyday word spells ("adeyemi") is that name in any
        // case: "grace Adeyemi", "ADEYEMI grace".
        (capital || joined || !self.cased)
            && !(self.cased && (comma || (i > 0 && flags & NEWLINE != 0)))
    }
}
