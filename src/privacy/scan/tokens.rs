//! Folding characters into words, with what stands between them: the one reading of text
//! that both the search ([`super::Scanner`]) and the redaction (`crate::privacy::redact`) use.

use crate::privacy::fold::{Piece, fold_char};

/// Words longer than this are not names; they are not kept whole.
pub(super) const MAX_WORD: usize = 64;

/// What reading a character did to the words.
pub(crate) enum Token<'a> {
    /// A word began.
    Start,
    /// A word ended: its folded letters, whether it was cut for length, and its flags.
    End {
        /// The folded word.
        word: &'a str,
        /// It was longer than any name's word.
        overlong: bool,
        /// [`CAPITAL`], [`COMMA`], [`TITLED`], [`NEWLINE`], [`JOINED`], [`SPACED`],
        /// [`LINE_HYPHEN`], [`STOPPED`], [`DOTTED`], [`AT`], [`APOSTROPHE`].
        flags: u16,
    },
}

/// Folds characters into words, with what stands between them: the one reading of text that
/// both the search ([`super::Scanner`]) and the redaction (`crate::privacy::redact`) use.
#[derive(Default)]
pub(crate) struct Tokenizer {
    pub(super) word: String,
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
    /// The one character between the last word and the next is a space or a joint: the
    /// words may be the letters of one word spaced out ("G r a c e").
    spaced: bool,
    /// The gap opens with a hyphen, or the word before ended in a soft hyphen: with a line
    /// break in it, the word goes on after the break ("Ade-" / "yemi").
    hyphen: bool,
    /// Nothing but white space stands in the gap after its first character.
    blank_after: bool,
    /// A soft hyphen stands after the last letter read.
    soft: bool,
    /// The one character between the last word and the next is no space: it may stand for
    /// a letter ("Gr*ce").
    symbol: bool,
    /// The last character before the next word is a symbol that may stand for a letter
    /// ("*race").
    symbol_before: bool,
    /// The word being read began straight after an apostrophe that follows a letter, as
    /// the "s" of "Maya's" does.
    apostrophe: bool,
}

impl Tokenizer {
    /// Reads one character of decomposed text.
    pub(crate) fn feed(&mut self, c: char, mut on: impl FnMut(Token<'_>)) {
        let before = self.word.len();
        match fold_char(c, &mut self.word) {
            Piece::Letter => {
                self.soft = false;
                if before == 0 {
                    self.capital = c.is_uppercase();
                    self.title_case = self.capital;
                    self.dot = false;
                    on(Token::Start);
                } else if c.is_uppercase() {
                    self.title_case = false;
                }
                if self.word.len() > MAX_WORD {
                    self.word.truncate(before);
                    self.overlong = true;
                }
            }
            Piece::Mark => {
                if c == '\u{ad}' && before > 0 {
                    self.soft = true;
                }
            }
            Piece::Apostrophe => {
                self.end(on);
                self.apostrophe = before > 0;
            }
            Piece::Break => {
                self.end_before(c, on);
                self.apostrophe = false;
                self.comma |= c == ',';
                self.stop |= is_stop(c) || (self.dot && c.is_whitespace());
                self.dot = c == '.';
                self.gap = self.gap.saturating_add(1);
                self.joint = self.gap == 1 && matches!(c, '.' | '_' | '-');
                self.space = self.gap == 1 && c == ' ';
                // Any one mark between letters may space them out: "G·r·a·c·e", "G,r,a,c,e".
                self.spaced = self.gap == 1;
                self.symbol = self.gap == 1 && !c.is_whitespace();
                self.symbol_before = stands_for_letter(c);
                if self.gap == 1 {
                    let dash = matches!(c, '-' | '\u{2010}' | '\u{2011}');
                    self.hyphen = self.soft || dash;
                    self.blank_after = dash || c.is_whitespace();
                } else {
                    self.blank_after &= c.is_whitespace();
                }
                self.soft = false;
                self.newline |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            }
        }
    }

    /// Ends the word being read, if there is one.
    pub(crate) fn end(&mut self, on: impl FnMut(Token<'_>)) {
        self.end_before('\0', on);
    }

    /// Ends the word being read at `next`, the character after it: a full stop straight
    /// after a word is an initial's ("G. Adeyemi"), an `@` ends an e-mail address's local
    /// part.
    fn end_before(&mut self, next: char, mut on: impl FnMut(Token<'_>)) {
        if self.word.is_empty() {
            return;
        }
        let after = match next {
            '.' => DOTTED,
            '@' => AT | SYMBOL_AFTER,
            c if stands_for_letter(c) => SYMBOL_AFTER,
            _ => 0,
        };
        let flags = after
            | if self.capital { CAPITAL } else { 0 }
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
            }
            | if self.spaced && self.gap == 1 {
                SPACED
            } else {
                0
            }
            | if self.hyphen && self.blank_after && self.newline {
                LINE_HYPHEN
            } else {
                0
            }
            | if self.symbol && self.gap == 1 {
                SYMBOL
            } else {
                0
            }
            | if self.symbol_before { SYMBOL_BEFORE } else { 0 }
            | if self.apostrophe { APOSTROPHE } else { 0 }
            | if self.stop && self.last_len > 1 {
                STOPPED
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
        self.spaced = false;
        self.hyphen = false;
        self.blank_after = false;
        self.comma = false;
        self.stop = false;
        self.symbol = false;
        self.symbol_before = false;
        self.apostrophe = false;
    }
}

/// A word began with a capital letter.
pub const CAPITAL: u16 = 1;
/// A comma stood between this word and the one before.
pub const COMMA: u16 = 2;
/// The word before was a title, a single space away: this word is an adult's name.
pub const TITLED: u16 = 4;
/// A line ended between this word and the one before.
pub const NEWLINE: u16 = 16;
/// This word is joined to the one before by a single `.`, `_` or `-`, as in an e-mail
/// address or a file name ("alfie.brooks"), where capitals are not written.
pub const JOINED: u16 = 8;
/// One character (a space, a joint, any punctuation or symbol) stands between this word and
/// the one before: if both are single letters, they may be one word spaced out ("G r a c e",
/// "G.r.a.c.e", "G•r•a•c•e").
pub const SPACED: u16 = 32;
/// This word goes on from the one before across a hyphen and a line break ("Ade-" then
/// "yemi" on the next line), or a soft hyphen where the line broke.
pub const LINE_HYPHEN: u16 = 64;

/// A stop stood between this word and the one before (the word before longer than an
/// initial): a name made only of everyday words does not run across it.
pub const STOPPED: u16 = 128;
/// A full stop stands straight after this word, as after an initial ("G. Adeyemi").
pub const DOTTED: u16 = 256;
/// An `@` stands straight after this word: it ends an e-mail address's local part.
pub const AT: u16 = 512;

/// One character, no space, stands between this word and the one before: if together they
/// spell a name's word with one letter in its place, it stands for that letter ("Gr*ce").
pub const SYMBOL: u16 = 1024;
/// A symbol that may stand for a letter ([`stands_for_letter`]) stands straight before
/// this word ("*race").
pub const SYMBOL_BEFORE: u16 = 2048;
/// A symbol that may stand for a letter stands straight after this word ("Adeyem*").
pub const SYMBOL_AFTER: u16 = 4096;

/// This word goes on straight after an apostrophe that follows a letter ("Maya's",
/// "O'Neill"): an "s" so written is a possessive, never an initial.
pub const APOSTROPHE: u16 = 8192;

/// Whether `c`, at the start or the end of a word, may stand for a letter of it ("*race",
/// "Adeyem#"): a symbol, not the punctuation a sentence puts after or before a word.
pub fn stands_for_letter(c: char) -> bool {
    !c.is_alphanumeric()
        && !c.is_whitespace()
        && !c.is_control()
        && !matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '\''
                | '"'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '<'
                | '>'
                | '/'
                | '-'
                | '\u{2010}'..='\u{2015}'
                | '\u{2018}'..='\u{201f}'
                | '\u{2026}'
                | '\u{0}'
        )
}

/// Whether `c` ends a sentence or a clause, or sets words apart, so that a name made only of
/// everyday words does not run across it ("the Online Safety Mark. Ward 3 …", "Red / Amber /
/// Green"); any other name does ("Grace: Adeyemi", "Grace (Adeyemi)").
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
