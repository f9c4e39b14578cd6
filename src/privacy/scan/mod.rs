//! Reading text for names as it streams: pieces of any size, in any number.
//!
//! A [`Scanner`] folds characters into words as they arrive and keeps only the last few
//! words, so a name split across two reads, two runs of a document or two lines is found,
//! and memory does not grow with the text. [`Scanner::brk`] marks a boundary between pieces
//! that are not joined (two table cells, two paragraphs): a word ends there. The words are
//! read as written and with a word's spaced-out or hyphenated pieces joined ([`join`]).

mod address;
mod bidi;
mod join;
mod masks;
mod tokens;

use unicode_normalization::UnicodeNormalization;

use super::names::Names;
pub(crate) use join::{Readings, Span};
pub use tokens::{
    APOSTROPHE, AT, CAPITAL, COMMA, DOTTED, JOINED, LINE_HYPHEN, NEWLINE, SPACED, STOPPED, SYMBOL,
    SYMBOL_AFTER, SYMBOL_BEFORE, TITLED, is_stop, is_title, is_title_before_a_name,
};
pub(crate) use tokens::{Token, Tokenizer};

/// A search for names through text fed in pieces.
pub struct Scanner<'n> {
    names: &'n Names,
    tokens: Tokenizer,
    readings: Readings,
    bidi: bidi::Bidi,
    masks: masks::Masks,
    address: address::Address,
    found: bool,
    /// The same text with its escapes decoded (`%20`, `\u0041`), and in the order it is
    /// shown where direction controls reorder it ([`bidi`]), read alongside.
    decoded: Option<Box<Scanner<'n>>>,
}

impl<'n> Scanner<'n> {
    /// A scanner for `names`.
    pub fn new(names: &'n Names) -> Self {
        Scanner {
            names,
            tokens: Tokenizer::default(),
            readings: Readings::default(),
            bidi: bidi::Bidi::default(),
            masks: masks::Masks::default(),
            address: address::Address::default(),
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
            self.shadow().push(&decoded);
            self.shadow().brk();
        }
        if let Some(shown) = super::shown::shown(text) {
            self.shadow().push(&shown);
            self.shadow().brk();
        }
        if let Some(shown) = self.bidi.shown(text) {
            self.shadow().push(&shown);
            self.shadow().brk();
        }
        for c in text.nfkd() {
            self.masks.feed(self.names, c);
            let (names, readings) = (self.names, &mut self.readings);
            let (found, pending) = (&mut self.found, &mut self.address.pending);
            self.tokens.feed(c, |t| {
                take(names, readings, (&mut *found, &mut *pending), t)
            });
            self.found |= self.address.feed(c);
        }
    }

    /// The scanner reading the text another way (escapes decoded, in the order shown).
    fn shadow(&mut self) -> &mut Scanner<'n> {
        let names = self.names;
        self.decoded
            .get_or_insert_with(|| Box::new(Scanner::new(names)))
    }

    /// A boundary: the current word ends here.
    pub fn brk(&mut self) {
        self.end_word();
        self.found |= self.address.end();
    }

    /// The edge of a piece of markup (a tag) that joins the words either side: the word
    /// goes on, but a web address ends, as a link's text ends at its closing tag.
    pub fn edge(&mut self) {
        self.found |= self.address.end();
    }

    /// A boundary no name runs across (the end of a table row): the words before it are
    /// forgotten.
    pub fn part(&mut self) {
        self.end_word();
        self.masks.part(self.names);
        let ended = self.readings.part(self.names).is_some();
        self.ended(ended);
        self.found |= self.address.end();
        self.bidi.part();
    }

    /// Whether a name has been found so far.
    pub fn found(&self) -> bool {
        self.found || self.masks.found || self.decoded.as_ref().is_some_and(|d| d.found())
    }

    /// Ends the text and says whether it held a name.
    pub fn finish(&mut self) -> bool {
        self.end_word();
        let ended = self.readings.end(self.names).is_some();
        self.ended(ended);
        self.found |= self.address.end();
        let decoded = self.decoded.as_mut().is_some_and(|d| d.finish());
        self.found || self.masks.found || decoded
    }

    fn end_word(&mut self) {
        self.masks.end(self.names);
        let (names, readings) = (self.names, &mut self.readings);
        let (found, pending) = (&mut self.found, &mut self.address.pending);
        self.tokens
            .end(|t| take(names, readings, (&mut *found, &mut *pending), t));
    }

    /// A name ended with the text or a part: found, or waiting on its address.
    fn ended(&mut self, any: bool) {
        if any {
            note(&self.readings, (&mut self.found, &mut self.address.pending));
        }
    }
}

/// A name was found: it counts, or waits on whether its run of characters is an address.
fn note(readings: &Readings, (found, pending): (&mut bool, &mut bool)) {
    if readings.only_in_address {
        *pending = true;
    } else {
        *found = true;
    }
}

/// Keeps the last words read, and notes when they end a name.
fn take(names: &Names, readings: &mut Readings, found: (&mut bool, &mut bool), token: Token<'_>) {
    match token {
        Token::Start => {}
        Token::End {
            word,
            overlong,
            flags,
        } => {
            let id = if overlong {
                None
            } else {
                names.id_of(word, flags)
            };
            let ends = readings.word(names, word, (id, flags), overlong, (0, 0));
            if ends.iter().any(Option::is_some) {
                note(readings, found);
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

    fn grace() -> Names {
        let mut names = Names::default();
        names.add_cell("Grace Adeyemi");
        names
    }

    #[test]
    fn a_name_spaced_out_dotted_or_hyphenated_at_a_line_end_is_found() {
        let names = grace();
        for text in [
            "G r a c e  A d e y e m i",
            "G r a c e A d e y e m i",
            "met G.r.a.c.e Adeyemi",
            "G-r-a-c-e A-d-e-y-e-m-i",
            "Grace A d e y e m i",
            "I saw a G r a c e A d e y e m i",
            "A D E Y E M I, G R A C E",
            "Grace Ade-\nyemi",
            "Gra-\n  ce Adeyemi",
            "Grace Ade\u{ad}\nyemi",
            "Gr ace Adeyemi",
            "Grace Ade yemi",
            "G race Adeyemi",
        ] {
            assert!(names.found_in(text), "{text:?}");
        }
        for text in [
            "a b c d e",
            "Grace period",
            "Ade- yemi",
            "Grace Ade - yemi",
            "plan A B then C",
            "Gr ace ADE YEMI",
            "gr ace ade yemi",
        ] {
            assert!(!names.found_in(text), "{text:?}");
        }
    }

    #[test]
    fn a_name_with_punctuation_symbols_or_digits_between_its_letters_or_parts_is_found() {
        let names = grace();
        for text in [
            "Grace \u{2014} Adeyemi",
            "Grace \u{2026} Adeyemi",
            "Grace: Adeyemi",
            "Grace (Adeyemi)",
            "Grace/Adeyemi",
            "GRACE / ADEYEMI",
            "G\u{b7}r\u{b7}a\u{b7}c\u{b7}e A\u{b7}d\u{b7}e\u{b7}y\u{b7}e\u{b7}m\u{b7}i",
            "G\u{2022}r\u{2022}a\u{2022}c\u{2022}e Adeyemi",
            "G,r,a,c,e A,d,e,y,e,m,i",
            "Gr4ce Ad3yemi",
        ] {
            assert!(names.found_in(text), "{text:?}");
            let cleaned = crate::privacy::redact(&names, text).expect("a name to take out");
            assert!(!names.found_in(&cleaned), "{text:?} -> {cleaned:?}");
        }
        for text in [
            "Grace: adeyemi said",
            "by grace / of",
            "A/B/C tests",
            "Y6 4A",
        ] {
            assert!(!names.found_in(text), "{text:?}");
        }
    }

    #[test]
    fn a_name_split_by_markup_quoted_printable_folding_or_encoded_words_is_found() {
        let names = grace();
        for text in [
            "**Gr**ace Adeyemi",
            "_Grace_ _Adeyemi_",
            "Gr<b>ace</b> Adeyemi",
            "Grace=20Adeyemi",
            "Gra=\nce Adeyemi",
            "=47race Adeyemi",
            "SUMMARY:Gra\r\n ce Adeyemi",
            "=?UTF-8?Q?Grace_Adeyemi?=",
            "=?UTF-8?B?R3JhY2UgQWRleWVtaQ==?=",
        ] {
            assert!(names.found_in(text), "{text:?}");
            let cleaned = crate::privacy::redact(&names, text).expect("a name to take out");
            assert!(!names.found_in(&cleaned), "{text:?} -> {cleaned:?}");
        }
        for text in ["**Grace** period", "x = 2 * y", "<b>Gr</b> and <i>ace</i>"] {
            assert!(!names.found_in(text), "{text:?}");
        }
    }

    #[test]
    fn a_name_turned_round_by_a_direction_override_is_found() {
        let names = grace();
        assert!(names.found_in("\u{202E}imeyedA ecarG\u{202C}"));
        assert!(names.found_in("ok \u{2067}\u{202E}imeyedA\u{202C} Grace\u{2069}"));
        let mut s = Scanner::new(&names);
        s.push("note \u{202E}imeye");
        s.push("dA ecarG");
        assert!(s.finish(), "an override open across two pieces");
        assert!(
            names.found_in("\u{202E}Grace Adeyemi\u{202C}"),
            "as stored, too"
        );
    }

    #[test]
    fn everyday_words_in_small_letters_in_an_address_are_no_name() {
        let mut names = Names::default();
        names.add_cell("Summer Rain");
        names.add_cell("Grace Adeyemi");
        for text in [
            "see summer-rain.co.uk for the fair",
            "https://www.example.org/summer-rain/",
            "www.summer-rain.com",
            "write to summer.rain@example.org.",
            "(summer-rain.org.uk)",
        ] {
            assert!(!names.found_in(text), "{text:?}");
        }
        for text in [
            "grace.adeyemi@example.org",
            "https://example.org/grace-adeyemi",
            "Summer-Rain.co.uk",
            "summer-rain_notes.docx",
            "summer-rain",
            "Summer Rain wrote www.example.org",
        ] {
            assert!(names.found_in(text), "{text:?}");
        }
        let mut s = Scanner::new(&names);
        s.push("see summer-ra");
        s.push("in.co");
        s.push(".uk today");
        assert!(!s.finish(), "an address across pieces");
    }

    #[test]
    fn a_name_in_pieces_is_found_across_pushes() {
        let names = grace();
        let mut s = Scanner::new(&names);
        s.push("G r a c ");
        s.push("e A d e y ");
        s.push("e m i");
        assert!(s.finish());
    }
}
