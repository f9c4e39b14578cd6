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
    tokens: Tokenizer,
    recent: Vec<Seen>,
    found: bool,
    /// The same text with its escapes decoded (`%20`, `\u0041`), read alongside.
    decoded: Option<Box<Scanner<'n>>>,
}

/// What reading a character did to the words.
pub(super) enum Token<'a> {
    /// A word began; after a stop (the end of a sentence, a colon…) no name runs across.
    Start {
        /// A stop stood before it.
        after_stop: bool,
    },
    /// A word ended: its folded letters, whether it was cut for length, and its flags.
    End {
        /// The folded word.
        word: &'a str,
        /// It was longer than any name's word.
        overlong: bool,
        /// [`CAPITAL`], [`COMMA`], [`TITLED`], [`NEWLINE`], [`JOINED`].
        flags: u8,
    },
}

/// Folds characters into words, with what stands between them: the one reading of text that
/// both the search ([`Scanner`]) and the redaction (`super::redact`) use.
#[derive(Default)]
pub(super) struct Tokenizer {
    word: String,
    overlong: bool,
    capital: bool,
    /// Punctuation seen since the last word: a comma, or a stop (full stop, colon, slash,
    /// bracket…) that no name runs across.
    comma: bool,
    stop: bool,
    /// A full stop just seen: a sentence ends if a space follows, not in "Alfie.Brooks".
    dot: bool,
    last_len: usize,
    last_title: bool,
    /// The word being read is written as a title is ("Mr", "Miss"): a capital, then lower case.
    title_case: bool,
    /// Characters between the last word and the next, whether they are one joint, one space,
    /// and whether a line ends among them.
    gap: u8,
    joint: bool,
    space: bool,
    newline: bool,
}

impl Tokenizer {
    /// Reads one character of decomposed text.
    pub(super) fn feed(&mut self, c: char, mut on: impl FnMut(Token<'_>)) {
        let before = self.word.len();
        match fold_char(c, &mut self.word) {
            Piece::Letter => {
                if before == 0 {
                    self.capital = c.is_uppercase();
                    self.title_case = self.capital;
                    self.dot = false;
                    on(Token::Start {
                        after_stop: self.stop && self.last_len > 1,
                    });
                } else if c.is_uppercase() {
                    self.title_case = false;
                }
                if self.word.len() > MAX_WORD {
                    self.word.truncate(before);
                    self.overlong = true;
                }
            }
            Piece::Mark => {}
            Piece::Apostrophe => self.end(on),
            Piece::Break => {
                self.end(on);
                self.comma |= c == ',';
                self.stop |= is_stop(c) || (self.dot && c.is_whitespace());
                self.dot = c == '.';
                self.gap = self.gap.saturating_add(1);
                self.joint = self.gap == 1 && matches!(c, '.' | '_' | '-');
                self.space = self.gap == 1 && c == ' ';
                self.newline |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            }
        }
    }

    /// Ends the word being read, if there is one.
    pub(super) fn end(&mut self, mut on: impl FnMut(Token<'_>)) {
        if self.word.is_empty() {
            return;
        }
        let flags = if self.capital { CAPITAL } else { 0 }
            | if self.comma { COMMA } else { 0 }
            | if self.last_title && self.space {
                TITLED
            } else {
                0
            }
            | if self.newline { NEWLINE } else { 0 }
            | if self.joint && self.gap == 1 {
                JOINED
            } else {
                0
            };
        on(Token::End {
            word: &self.word,
            overlong: self.overlong,
            flags,
        });
        self.last_len = self.word.len();
        self.last_title = self.title_case && is_title_before_a_name(&self.word);
        self.word.clear();
        self.overlong = false;
        self.gap = 0;
        self.joint = false;
        self.space = false;
        self.newline = false;
        self.comma = false;
        self.stop = false;
    }
}

/// A word began with a capital letter.
pub const CAPITAL: u8 = 1;
/// A comma stood between this word and the one before.
pub const COMMA: u8 = 2;
/// The word before was a title, a single space away: this word is an adult's name.
pub const TITLED: u8 = 4;
/// A line ended between this word and the one before.
pub const NEWLINE: u8 = 16;
/// This word is joined to the one before by a single `.`, `_` or `-`, as in an e-mail
/// address or a file name ("alfie.brooks"), where capitals are not written.
pub const JOINED: u8 = 8;

/// Whether `c` ends a sentence or a clause, or sets words apart, so that no name runs across
/// it ("the Online Safety Mark. Ward 3 …", "Red / Amber / Green").
pub fn is_stop(c: char) -> bool {
    matches!(
        c,
        ':' | '!'
            | '?'
            | '/'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '\u{2026}'
            | '\u{2014}'
    )
}

/// Whether a folded word is a title written before an adult's name in running text. Titles
/// that are also everyday abbreviations ("PC" for a computer) are left out.
pub fn is_title_before_a_name(word: &str) -> bool {
    is_title(word)
        && !matches!(
            word,
            "pc" | "pcso" | "sgt" | "dc" | "ds" | "insp" | "head" | "headteacher"
        )
}

/// Whether a folded word is a title an adult's name follows ("Mr", "Mrs", "PC", "Dr").
pub fn is_title(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "miss"
            | "ms"
            | "mx"
            | "dr"
            | "sir"
            | "dame"
            | "prof"
            | "rev"
            | "revd"
            | "pc"
            | "pcso"
            | "sgt"
            | "dc"
            | "ds"
            | "insp"
            | "cllr"
            | "headteacher"
            | "head"
            | "lady"
            | "lord"
    )
}
impl<'n> Scanner<'n> {
    /// A scanner for `names`.
    pub fn new(names: &'n Names) -> Self {
        Scanner {
            names,
            tokens: Tokenizer::default(),
            recent: Vec::with_capacity(MAX_WORDS + 1),
            found: false,
            decoded: None,
        }
    }

    /// The names searched for.
    pub fn names(&self) -> &'n Names {
        self.names
    }

    /// Reads the next piece of text, which continues the last (a word may run across).
    pub fn push(&mut self, text: &str) {
        if self.found() {
            return;
        }
        if let Some(decoded) = super::escapes::decode(text) {
            let names = self.names;
            let shadow = self
                .decoded
                .get_or_insert_with(|| Box::new(Scanner::new(names)));
            shadow.push(&decoded);
            shadow.brk();
        }
        for c in text.nfkd() {
            let (names, recent, found) = (self.names, &mut self.recent, &mut self.found);
            self.tokens.feed(c, |t| take(names, recent, found, t));
        }
    }

    /// A boundary: the current word ends here.
    pub fn brk(&mut self) {
        self.end_word();
    }

    /// A boundary no name runs across (the end of a table row): the words before it are
    /// forgotten.
    pub fn part(&mut self) {
        self.end_word();
        self.recent.clear();
    }

    /// Whether a name has been found so far.
    pub fn found(&self) -> bool {
        self.found || self.decoded.as_ref().is_some_and(|d| d.found())
    }

    /// Ends the text and says whether it held a name.
    pub fn finish(&mut self) -> bool {
        self.end_word();
        let decoded = self.decoded.as_mut().is_some_and(|d| d.finish());
        self.found || decoded
    }

    fn end_word(&mut self) {
        let (names, recent, found) = (self.names, &mut self.recent, &mut self.found);
        self.tokens.end(|t| take(names, recent, found, t));
    }
}

/// Keeps the last words read, and notes when they end a name.
fn take(names: &Names, recent: &mut Vec<Seen>, found: &mut bool, token: Token<'_>) {
    match token {
        Token::Start { after_stop } => {
            if after_stop {
                recent.clear();
            }
        }
        Token::End {
            word,
            overlong,
            flags,
        } => {
            let id = if overlong { None } else { names.word_id(word) };
            if recent.len() == MAX_WORDS {
                recent.remove(0);
            }
            recent.push((id, flags));
            if id.is_some() && names.ends_a_name(recent) {
                *found = true;
            }
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
        assert!(s.tokens.word.capacity() < 1024);
    }
}
