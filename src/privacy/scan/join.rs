//! The words of a text read twice: as they are written, and with the pieces of a word put
//! back together.
//!
//! A name can be written in pieces a reader still reads as one word: its letters spaced out
//! or dotted ("G r a c e  A d e y e m i", "G.r.a.c.e", "A-D-E-Y-E-M-I"), or cut by a
//! hyphen at the end of a line ("Ade-" then "yemi"), or broken by a space ("Gr ace"). The
//! second reading joins them: a run of single letters each one space or joint apart is one
//! word (a double space, or a capital after a small letter as in "a G r a c e", starts the
//! next), a word goes on across a hyphen and a line break, and a word with a capital and the
//! small-letter word one space after it are one word when together they spell a name's. Both readings look for names, so joining can only find more.
//! The second one is searched only within [`MAX_WORDS`] words of a word it joined: where
//! nothing was joined it is the first reading over again.

use super::tokens::{CAPITAL, LINE_HYPHEN, MAX_WORD, SPACED, SYMBOL};
use crate::privacy::names::{MASK, MAX_WORDS, Names, Seen};

/// The bytes of a text a word came from (unused where only finding matters).
pub(crate) type Span = (usize, usize);

/// A name found: its span, and whether it is a name even inside a web or e-mail address.
type Found = (Span, bool);

/// The last words read, and where each came from.
#[derive(Default)]
struct Window {
    recent: Vec<Seen>,
    spans: Vec<Span>,
}

impl Window {
    /// Adds a word; the span of the name it ends, if any, and whether it is a name outside
    /// an address too (`names::Names::name_length_ending`). `look` says whether to look.
    fn push(&mut self, names: &Names, seen: Seen, span: Span, look: bool) -> Option<Found> {
        if self.recent.len() == MAX_WORDS {
            self.recent.remove(0);
            self.spans.remove(0);
        }
        self.recent.push(seen);
        self.spans.push(span);
        if !look || seen.0.is_none() {
            return None;
        }
        let len = names.name_length_ending(&self.recent, false)?;
        let strict = names.name_length_ending(&self.recent, true).is_some();
        Some(((self.spans[self.spans.len() - len].0, span.1), strict))
    }

    fn clear(&mut self) {
        self.recent.clear();
        self.spans.clear();
    }
}

/// A word being put together from pieces.
#[derive(Default)]
struct Pending {
    /// Whether a word is being put together at all.
    active: bool,
    id: Option<u32>,
    word: String,
    flags: u16,
    span: Span,
    pieces: usize,
    /// Made only of single letters so far, the last of them a capital.
    letters: bool,
    last_capital: bool,
    overlong: bool,
}

/// Whether `word` is the rest of a name's word broken by a space ("Gr ace", "Ade yemi",
/// "G race"): the piece before is one word written with a capital, this one is in small
/// letters one space after it, neither is a name's word on its own (a single letter aside,
/// which may be an initial), and the two together are a word of a name. Ordinary words
/// broken apart ("to aid an") are written in small letters, and are not joined; nor are
/// two parts of a name ("AMBER green").
fn broken_word(names: &Names, p: &Pending, word: &str, flags: u16, whole: &mut String) -> bool {
    if p.pieces != 1 || p.flags & CAPITAL == 0 || flags & (CAPITAL | SPACED) != SPACED {
        return false;
    }
    if p.id.is_some() && p.word.len() > 1 {
        return false;
    }
    whole.clear();
    whole.push_str(&p.word);
    whole.push_str(word);
    names.word_id(whole).is_some()
}

/// Whether the one symbol between the piece before and `word` stands for a letter of a
/// name's word ("Gr*ce", "Gr@ce", "Gr_ce"): together, with the symbol as one unknown
/// letter, they spell a word of a name with a letter masked (`crate::privacy::names`).
fn masked_word(names: &Names, p: &Pending, word: &str, flags: u16, whole: &mut String) -> bool {
    if p.pieces != 1 || flags & SYMBOL == 0 {
        return false;
    }
    whole.clear();
    whole.push_str(&p.word);
    whole.push(MASK);
    whole.push_str(word);
    names.word_id(whole).is_some()
}

/// Both readings of one text.
#[derive(Default)]
pub(crate) struct Readings {
    plain: Window,
    joined: Window,
    pending: Pending,
    /// Words given to the joined reading since the last it joined.
    since_join: usize,
    /// Room for two pieces put together, kept so that trying them allocates nothing.
    scratch: String,
    /// The names found by the last call were all names of everyday words in small letters,
    /// joined as an address's words are: no name if the text turns out to be an address.
    pub(crate) only_in_address: bool,
}

impl Readings {
    /// A word of the text: its folded letters, its id among the names' words, its flags and
    /// its bytes. Returns the span of any name found ending at it (or at the word before,
    /// in the joined reading).
    pub(crate) fn word(
        &mut self,
        names: &Names,
        word: &str,
        (id, flags): Seen,
        overlong: bool,
        span: Span,
    ) -> [Option<Span>; 2] {
        self.only_in_address = false;
        let plain = self.plain.push(names, (id, flags), span, true);
        let single = word.len() == 1;
        let p = &self.pending;
        let joins = p.active
            && (flags & LINE_HYPHEN != 0
                || (p.letters
                    && single
                    && flags & SPACED != 0
                    && (p.last_capital || flags & CAPITAL == 0))
                || (id.is_none() && broken_word(names, p, word, flags, &mut self.scratch)));
        let masked = !joins && p.active && masked_word(names, p, word, flags, &mut self.scratch);
        if joins || masked {
            let p = &mut self.pending;
            if masked {
                p.word.push(MASK);
            }
            if p.word.len() + word.len() > MAX_WORD {
                p.overlong = true;
            } else {
                p.word.push_str(word);
            }
            p.pieces += 1;
            p.id = None;
            p.span.1 = span.1;
            p.letters &= single;
            p.last_capital = flags & CAPITAL != 0;
            p.overlong |= overlong;
            return self.found([plain, None]);
        }
        let joined = self.flush(names);
        let p = &mut self.pending;
        p.word.clear();
        p.word.push_str(word);
        (p.active, p.id, p.flags, p.span, p.pieces) = (true, id, flags, span, 1);
        (p.letters, p.last_capital, p.overlong) = (single, flags & CAPITAL != 0, overlong);
        self.found([plain, joined])
    }

    /// The spans of the names found, noting whether each is a name only outside an address.
    fn found<const N: usize>(&mut self, found: [Option<Found>; N]) -> [Option<Span>; N] {
        let any = found.iter().flatten().next().is_some();
        self.only_in_address = any && found.iter().flatten().all(|(_, strict)| !strict);
        found.map(|f| f.map(|(span, _)| span))
    }

    /// Gives the word being put together to the joined reading. A word of one piece keeps
    /// the id the plain reading found; a joined one is looked up.
    fn flush(&mut self, names: &Names) -> Option<Found> {
        let p = &mut self.pending;
        if !p.active {
            return None;
        }
        p.active = false;
        let id = match p.pieces {
            1 => p.id,
            _ if p.overlong => None,
            _ => names.word_id(&p.word),
        };
        if p.pieces > 1 {
            self.since_join = 0;
        } else {
            self.since_join = self.since_join.saturating_add(1);
        }
        let look = self.since_join < MAX_WORDS;
        let (flags, span) = (p.flags, p.span);
        self.joined.push(names, (id, flags), span, look)
    }

    /// The end of the text, or of a part no word runs across: the word being put together
    /// is read; the span of a name it ends, if any.
    pub(crate) fn end(&mut self, names: &Names) -> Option<Span> {
        let found = self.flush(names);
        let [found] = self.found([found]);
        found
    }

    /// A boundary no name runs across: what was read is forgotten, after reading the word
    /// being put together.
    pub(crate) fn part(&mut self, names: &Names) -> Option<Span> {
        let found = self.end(names);
        self.plain.clear();
        self.joined.clear();
        found
    }
}
