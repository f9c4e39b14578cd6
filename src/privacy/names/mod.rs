//! The names the tool must never let out, held as the word sequences a reader would see.
//!
//! A person is kept as every way their name is commonly written: forename then surname,
//! surname then forename (with or without a comma, which folding turns into a space), the
//! preferred forename in place of the legal one, every forename or only the first, and the
//! name run together ("JamieFox", as in a user name). Matching is word by word, so "Jamie
//! Foxton" is not "Jamie Fox". A name of one word only is matched alone unless it is also
//! a common word ("Grace", "Will"), which would raise false alarms; such a name is matched
//! only together with another part of it. A whole name is matched in any mix of cases
//! when one of its parts is no everyday word ("grace Adeyemi", "ADEYEMI grace"); a name
//! made only of everyday words ("May Do") only written with its capitals. The names are
//! never shown, printed or serialised: [`Names`] prints as a count.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::cell::people_in_cell;
use super::fold::Spelling;
use super::scan::AT;
use super::words::{is_common, is_filler};
use spell::{
    composed_forms, is_particle, is_title, name_words, spellings, with_halves, with_joinings,
    with_particles_apart,
};

mod initials;
mod masked;
mod matching;
mod spell;
mod wildcard;

use initials::Shape;
pub(crate) use masked::MASK;

/// The longest name, in words, that is matched; longer sequences are cut to this.
pub const MAX_WORDS: usize = 6;
/// The most words a cell's name may have to be held in every spelling of its parts.
const MOST_SPELT: usize = 4;

/// One person's name, in parts.
#[derive(Debug, Default, Clone)]
pub struct Person<'a> {
    /// Forenames as recorded: legal, preferred, … (each may hold several words).
    pub forenames: Vec<&'a str>,
    /// Surnames as recorded: legal, preferred, ….
    pub surnames: Vec<&'a str>,
    /// A whole name in one cell, in either order, "Surname, Forename" or "Forename Surname".
    pub whole: Vec<&'a str>,
}

/// One way of writing a name, as word ids; [`ANY`] stands for any one word (a middle name).
#[derive(Debug, Clone)]
struct Variant {
    words: Box<[u32]>,
    /// Every word is an everyday word ("Amber Green", "May Do"): matched only written with
    /// capitals, as a name is, and not across a comma or a line break, so "pupils may do
    /// the survey" is no alarm. A name with any other word is matched in any case.
    /// An initial does not count: "Grace A." is cased, as "Grace" is an everyday word.
    cased: bool,
    /// Whether it holds an initial, and where ([`Shape`]).
    shape: Shape,
    /// Only ever written surname first ("Hall May"): after a title, a name of everyday
    /// words so written is an adult's surname and the next word ("Mr Hall May 2027").
    surname_first: bool,
}

/// A place in a variant that any word fills.
const ANY: u32 = u32::MAX;

/// A word as read from a text: its id among the names' words, and its flags
/// ([`super::scan::CAPITAL`], [`super::scan::COMMA`]).
pub type Seen = (Option<u32>, u16);

/// Names of children (and others incident records concern) to keep out of every output.
#[derive(Default, Clone)]
pub struct Names {
    vocab: HashMap<String, u32>,
    variants: Vec<Variant>,
    /// Every variant held, with its index in `variants`.
    seen: HashMap<(Box<[u32]>, Shape), u32>,
    by_last: HashMap<u32, Vec<u32>>,
    /// Variants that end in one letter (an initial, "Grace A."), by their last two words, so
    /// that every "A" in a text is not tried against every pupil whose surname starts so.
    by_pair: HashMap<(u32, u32), Vec<u32>>,
    /// Words matched with letters masked ([`wildcard`]).
    wild: wildcard::Wild,
    people: usize,
    /// The id of "and", held once a name has a middle-name place: siblings named together
    /// share a surname ("Grace and Tom Adeyemi", "Tom, Grace and Ola Adeyemi").
    and: Option<u32>,
    /// Cells of incident logs already read, with how many people each held: a log names the
    /// same pupils row after row, and a cell read again adds no spelling not already held.
    /// Bounded by [`MAX_CELLS_KEPT`] and [`MAX_CELL_KEPT`], so a log of ten million different
    /// cells stays small.
    cells: FxHashMap<Box<str>, usize>,
}

/// The most cells [`Names::add_cell`] remembers; past it, cells are read every time.
const MAX_CELLS_KEPT: usize = 50_000;
/// The longest cell, in bytes, [`Names::add_cell`] remembers: people's names are short, and
/// a long cell is not held (fifty thousand of them could fill the memory).
const MAX_CELL_KEPT: usize = 120;

impl PartialEq for Names {
    fn eq(&self, other: &Self) -> bool {
        self.people == other.people && self.variants.len() == other.variants.len()
    }
}

impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Names({} people held)", self.people)
    }
}

type Words = Vec<String>;

impl Names {
    /// How many people were added.
    pub fn len(&self) -> usize {
        self.people
    }

    /// Whether no one was added.
    pub fn is_empty(&self) -> bool {
        self.people == 0
    }

    /// Adds a person from the parts of their name; returns whether anything could be held.
    pub fn add_person(&mut self, person: &Person<'_>) -> bool {
        let forenames = spellings(&person.forenames);
        let surnames = spellings(&person.surnames);
        let mut added = false;
        if !forenames.is_empty() && !surnames.is_empty() {
            added |= self.add_parts(forenames, surnames);
        } else {
            for part in forenames.iter().chain(&surnames) {
                added |= self.add_whole(part);
            }
        }
        for whole in &person.whole {
            added |= self.hold_text(whole);
        }
        if added {
            self.people += 1;
        }
        added
    }

    /// Every spelling of the forenames with every spelling of the surname: each run
    /// together or apart, and half of a double-barrelled name with the other name.
    fn add_parts(&mut self, forenames: Vec<Words>, surnames: Vec<Words>) -> bool {
        let forenames = with_halves(with_joinings(forenames));
        let surnames = with_particles_apart(with_halves(with_joinings(surnames)));
        let mut added = false;
        for f in &forenames {
            for s in &surnames {
                added |= self.add_pair(f, s);
            }
        }
        added
    }

    /// Adds the people named in one cell of an incident log: several names separated by
    /// `/`, `;`, `&`, "and", line breaks or commas, each perhaps with a year group or class
    /// ("Jamie Fox (Y6) / Sam Lee"), or one "Surname, Forename". Returns how many were held.
    pub fn add_cell(&mut self, cell: &str) -> usize {
        // What a cell holds depends on its text alone, and holding a spelling twice keeps
        // one: a cell read before adds only its count of people again.
        if let Some(&held) = self.cells.get(cell) {
            self.people += held;
            return held;
        }
        let mut held = 0;
        for piece in people_in_cell(cell) {
            if self.hold_text(&piece) {
                held += 1;
            }
        }
        if self.cells.len() < MAX_CELLS_KEPT && cell.len() <= MAX_CELL_KEPT {
            self.cells.insert(cell.into(), held);
        }
        self.people += held;
        held
    }

    /// A whole name as one text: every split into forenames and surname, both orders.
    fn hold_text(&mut self, text: &str) -> bool {
        let mut any = false;
        for spelt in composed_forms(text) {
            for spelling in [Spelling::Look, Spelling::Sound] {
                for join in [false, true] {
                    any |= self.hold_spelling(&spelt, join, spelling);
                }
            }
        }
        any
    }

    fn hold_spelling(&mut self, text: &str, join: bool, spelling: Spelling) -> bool {
        if let Some((surname, forename)) = text.split_once(',') {
            let s = name_words(surname, join, spelling);
            let f = name_words(forename, join, spelling);
            if !s.is_empty() && !f.is_empty() {
                return self.add_parts(vec![f], vec![s]);
            }
        }
        let w: Words = name_words(text, join, spelling)
            .into_iter()
            .filter(|w| !is_title(w))
            .collect();
        if w.len() < 2 {
            return self.add_whole(&w);
        }
        let mut any = self.add_whole(&w);
        for k in 1..w.len() {
            // A short name is held every way its parts are (halves, run together), as a
            // pupil list's is; a long cell only as written, so it stays cheap.
            any |= if w.len() <= MOST_SPELT {
                self.add_parts(vec![w[..k].to_vec()], vec![w[k..].to_vec()])
            } else {
                self.add_pair(&w[..k], &w[k..])
            };
        }
        // "LANCASTER Phoebe Anne": which word is the surname cannot be told, so every two
        // of its words make a name.
        if (3..=5).contains(&w.len()) {
            for (i, a) in w.iter().enumerate() {
                for (j, b) in w.iter().enumerate() {
                    if i != j && a.len() > 1 && b.len() > 1 && !is_particle(a) && !is_particle(b) {
                        self.insert(&[a.clone(), b.clone()]);
                    }
                }
            }
        }
        any
    }

    /// Forenames and surname: both orders, all forenames or the first, and run together.
    fn add_pair(&mut self, forenames: &[String], surname: &[String]) -> bool {
        if forenames.is_empty() || surname.is_empty() {
            return false;
        }
        let letters: usize = forenames.iter().chain(surname).map(String::len).sum();
        if letters < 3 || forenames.iter().chain(surname).all(|w| is_filler(w)) {
            return false;
        }
        if self.and.is_none() {
            let next = u32::try_from(self.vocab.len()).expect("fewer than 4 billion words");
            self.and = Some(*self.vocab.entry("and".to_string()).or_insert(next));
        }
        let firsts = [forenames.to_vec(), forenames[..1].to_vec()];
        let any = || ANY_WORD.to_string();
        for f in &firsts {
            self.insert(&[f.as_slice(), surname].concat());
            self.insert_ordered(&[surname, f.as_slice()].concat(), Shape::Whole, true);
            self.insert(&[f.concat() + &surname.concat()]);
            self.insert(&[surname.concat() + &f.concat()]);
            // A middle name the list does not hold: "Alfie James Brooks"; or a brother or
            // sister named with the pupil ("Grace and Tom Adeyemi", "Grace, Tom and Ola
            // Adeyemi").
            self.insert(&[f.as_slice(), &[any()], surname].concat());
            self.insert(&[f.as_slice(), &[any(), any()], surname].concat());
            self.insert(&[f.as_slice(), &[any(), any(), any()], surname].concat());
        }
        self.add_initials(&forenames[0], surname);
        self.add_masked(&forenames[..1], surname);
        self.add_wildcard(forenames, surname);
        true
    }

    /// A name of one part (or a part on its own): matched alone unless a common word.
    fn add_whole(&mut self, name: &[String]) -> bool {
        let letters: usize = name.iter().map(String::len).sum();
        if name.is_empty() || letters < 3 || name.iter().all(|w| is_filler(w)) {
            return false;
        }
        if name.len() == 1 && is_common(&name[0]) {
            return false;
        }
        self.insert(name);
        if name.len() > 1 {
            self.insert(&[name.concat()]);
        }
        true
    }

    fn insert(&mut self, spelt: &[String]) {
        self.insert_shaped(spelt, Shape::Whole);
    }

    /// Holds one way of writing a name, of the given shape.
    fn insert_shaped(&mut self, spelt: &[String], shape: Shape) {
        self.insert_ordered(spelt, shape, false);
    }

    /// Holds one way of writing a name, of the given shape, and whether it is a surname
    /// before a forename. Held both ways, it counts as a forename first (failing closed).
    fn insert_ordered(&mut self, spelt: &[String], shape: Shape, surname_first: bool) {
        let spelt = &spelt[..spelt.len().min(MAX_WORDS)];
        let ids: Box<[u32]> = spelt
            .iter()
            .map(|w| {
                if w == ANY_WORD {
                    return ANY;
                }
                let next = u32::try_from(self.vocab.len()).expect("fewer than 4 billion words");
                *self.vocab.entry(w.clone()).or_insert(next)
            })
            .collect();
        let last = match ids.last() {
            Some(&last) if last != ANY && ids[0] != ANY => last,
            _ => return,
        };
        if let Some(&held) = self.seen.get(&(ids.clone(), shape)) {
            self.variants[held as usize].surname_first &= surname_first;
            return;
        }
        let cased = spelt
            .iter()
            .enumerate()
            .all(|(i, w)| w == ANY_WORD || shape.is_initial(i) || is_common(w));
        let index = u32::try_from(self.variants.len()).expect("fewer than 4 billion variants");
        self.seen.insert((ids.clone(), shape), index);
        let before = ids.len().checked_sub(2).map(|i| ids[i]);
        match before {
            Some(before) if before != ANY && spelt[spelt.len() - 1].chars().count() == 1 => {
                self.by_pair.entry((before, last)).or_default().push(index);
            }
            _ => self.by_last.entry(last).or_default().push(index),
        }
        self.variants.push(Variant {
            words: ids,
            cased,
            shape,
            surname_first,
        });
    }

    /// The id of a folded word, if any name uses it.
    pub(super) fn word_id(&self, word: &str) -> Option<u32> {
        self.vocab.get(word).copied()
    }

    /// The id of a word as the scanner reads it, with its flags: the local part of an
    /// e-mail address is read without the digits at its end ("gadeyemi2015@").
    pub(crate) fn id_of(&self, word: &str, flags: u16) -> Option<u32> {
        let id = self.read_id(word);
        if id.is_some() {
            return id;
        }
        let letters = word.trim_end_matches(|c: char| c.is_ascii_digit());
        if flags & AT != 0
            && letters.len() < word.len()
            && !letters.is_empty()
            && let Some(id) = self.read_id(letters)
        {
            return Some(id);
        }
        self.masked_id(word, flags)
    }

    /// The id of a word as it is read: as written, or with digits written for the letters
    /// they look like ("Gr4ce", "Ad3yemi"; a 1 for an i or an l).
    fn read_id(&self, word: &str) -> Option<u32> {
        let id = self.word_id(word);
        if id.is_some() || !word.bytes().any(|b| b.is_ascii_digit()) {
            return id;
        }
        if !word.bytes().any(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        ['i', 'l'].into_iter().find_map(|one| {
            let letters: String = word.chars().map(|c| digit_letter(c, one)).collect();
            self.word_id(&letters)
        })
    }

    /// The length in words of the longest name ending at the newest of `recent`; `strict`
    /// leaves out names of everyday words read in small letters only by being joined as an
    /// address's words are ([`Variant::fits`]).
    pub(crate) fn name_length_ending(&self, recent: &[Seen], strict: bool) -> Option<usize> {
        let Some(&(Some(last), _)) = recent.last() else {
            return None;
        };
        let before = match recent.len().checked_sub(2).map(|i| recent[i].0) {
            Some(Some(before)) => self.by_pair.get(&(before, last)),
            _ => None,
        };
        self.by_last
            .get(&last)
            .into_iter()
            .chain(before)
            .flatten()
            .filter_map(|&v| {
                let v = &self.variants[v as usize];
                v.fits(recent, self.and, strict).then_some(v.words.len())
            })
            .max()
    }

    /// Whether `text` holds a name.
    pub fn found_in(&self, text: &str) -> bool {
        let mut s = super::scan::Scanner::new(self);
        s.push(text);
        s.finish()
    }
}

/// The letter a digit is written for (`one` for a 1), or the character itself.
fn digit_letter(c: char, one: char) -> char {
    match c {
        '0' => 'o',
        '1' => one,
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    }
}

/// What a middle-name place is spelt as before it becomes [`ANY`].
const ANY_WORD: &str = "\u{0}";

#[cfg(test)]
mod tests;
