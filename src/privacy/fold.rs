//! Folding text the way a person compares names: case, accents and spelling of letters set
//! aside, punctuation and markup read as a space.
//!
//! "Zoë", "ZOE", "Zoe" and a "Zoë" typed with a separate combining diaeresis all fold to
//! `zoe`; "Łukasz" to `lukasz`; "Ömer" to `omer`. Text is put through Unicode compatibility
//! decomposition (NFKD, from the `unicode-normalization` crate, the Rust project's own
//! implementation of the Unicode tables), combining marks are dropped, letters are
//! lower-cased with their full mapping, and letters with no decomposition (ł, ø, ß, æ, ı)
//! are transliterated to ASCII by the `deunicode` crate. Both the names and the text searched
//! go through the same fold, so any consistent transliteration matches itself.
//!
//! Letters of other scripts drawn like Latin ones (a Cyrillic "а" in "Grаce", a Greek "Α",
//! a Cherokee "Ꮐ") are read as the Latin letter they look like: the reader sees "Grace".
//! Which letter each looks like is the confusable table of Unicode's security mechanisms
//! (UTS #39), taken from the `unicode-security` crate of the same Rust project as
//! `unicode-normalization` rather than copied into a list of our own, which would miss the
//! hundreds of rarer look-alikes. That is [`Spelling::Look`], how every text is read.
//! A name is also held as it sounds ([`Spelling::Sound`], the transliteration alone), since
//! a Cyrillic or Greek name written in Latin letters is spelt by sound, not by look.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What a character of text is to a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// Part of a word.
    Letter,
    /// Nothing: a combining mark, which belongs to the letter before it.
    Mark,
    /// An apostrophe inside a name ("O'Neill"): a word break for matching, with a joined
    /// spelling kept as well (see [`words`]).
    Apostrophe,
    /// Anything else: a space between words.
    Break,
}

/// Whether `c` is drawn as nothing inside a word: every Unicode format character (a soft
/// hyphen, a zero-width space or joiner, a direction mark, a tag), fillers and variation
/// selectors. A reader sees the word whole.
pub fn is_invisible(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.general_category() == GeneralCategory::Format
        || matches!(
            c,
            '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{0640}'
                | '\u{FFA0}'
                | '\u{180B}'..='\u{180F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}
/// Whether `c` is one of the apostrophes people type in names.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}'
    )
}

/// How a letter of another script is spelt in the folded words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// As the Latin letter it is drawn like, if any, else transliterated: how text is read.
    Look,
    /// Transliterated by sound only: a second spelling held for names.
    Sound,
}

/// Folds one character of already-decomposed text, appending its letters to `out`.
pub fn fold_char(c: char, out: &mut String) -> Piece {
    fold_char_as(c, out, Spelling::Look)
}

/// [`fold_char`] with letters of other scripts spelt as `spelling` says.
pub fn fold_char_as(c: char, out: &mut String, spelling: Spelling) -> Piece {
    if is_combining_mark(c) || is_invisible(c) {
        return Piece::Mark;
    }
    if is_apostrophe(c) {
        return Piece::Apostrophe;
    }
    if !c.is_alphanumeric() {
        return Piece::Break;
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return Piece::Letter;
    }
    if spelling == Spelling::Look && looks_latin(c, out) {
        return Piece::Letter;
    }
    let mut any = false;
    for lower in c.to_lowercase() {
        if lower.is_ascii_alphanumeric() {
            out.push(lower.to_ascii_lowercase());
            any = true;
            continue;
        }
        // A letter with no decomposition: spell it in ASCII. Transliterations that hold a
        // space (some scripts give a syllable per character) end the word there.
        let spelt = deunicode::deunicode_char(lower).unwrap_or("");
        for s in spelt.chars() {
            if s.is_ascii_alphanumeric() {
                out.push(s.to_ascii_lowercase());
                any = true;
            } else if any {
                return Piece::Break;
            }
        }
    }
    if any { Piece::Letter } else { Piece::Break }
}

/// Appends the Latin letters `c` is drawn like (UTS #39's skeleton, marks dropped) when they
/// are plain ASCII letters, and says whether it did. The table's prototype for a capital I
/// is a small l (the two are drawn alike); folded text is lower case, so a capital that
/// looks like I is read as i.
fn looks_latin(c: char, out: &mut String) -> bool {
    let mut buf = [0u8; 4];
    let mut latin = [0u8; 8];
    let mut n = 0;
    let mut small_l = false;
    for p in unicode_security::skeleton(c.encode_utf8(&mut buf)) {
        if is_combining_mark(p) {
            continue;
        }
        if !p.is_ascii_alphanumeric() || n == latin.len() {
            return false;
        }
        small_l = p == 'l';
        latin[n] = p.to_ascii_lowercase() as u8;
        n += 1;
    }
    if n == 0 {
        return false;
    }
    if n == 1 && small_l && c.is_uppercase() {
        latin[0] = b'i';
    }
    out.extend(latin[..n].iter().map(|&b| b as char));
    true
}

/// The folded words of `text`. With `join_apostrophes`, "O'Neill" is one word `oneill`;
/// without, two words `o` and `neill`.
pub fn words(text: &str, join_apostrophes: bool) -> Vec<String> {
    words_as(text, join_apostrophes, Spelling::Look)
}

/// [`words`] with letters of other scripts spelt as `spelling` says.
pub fn words_as(text: &str, join_apostrophes: bool, spelling: Spelling) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.nfkd() {
        match fold_char_as(c, &mut word, spelling) {
            Piece::Letter | Piece::Mark => {}
            Piece::Apostrophe if join_apostrophes => {}
            Piece::Apostrophe | Piece::Break => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Text folded to its words separated by single spaces: for comparing headings and the like.
pub fn folded(text: &str) -> String {
    words(text, false).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_special_letters_fold_alike() {
        assert_eq!(words("Zoë Ärnström", false), ["zoe", "arnstrom"]);
        assert_eq!(
            words("Zoe\u{308} A\u{308}rnstro\u{308}m", false),
            ["zoe", "arnstrom"]
        );
        assert_eq!(words("ÖMER", false), ["omer"]);
        assert_eq!(words("Łukasz Żółć", false), ["lukasz", "zolc"]);
        assert_eq!(words("Strauß", false), ["strauss"]);
        assert_eq!(words("Søren Ærø", false), ["soren", "aero"]);
        assert_eq!(words("İlkay Yılmaz", false), ["ilkay", "yilmaz"]);
        assert_eq!(words("ＪＡＭＩＥ", false), ["jamie"]);
        assert_eq!(
            words("Al\u{ad}fie Bro\u{200b}oks", false),
            ["alfie", "brooks"]
        );
    }

    #[test]
    fn punctuation_breaks_words_and_apostrophes_may_join() {
        assert_eq!(words("Fox,Jamie (Y6)", false), ["fox", "jamie", "y6"]);
        assert_eq!(words("O’Neill-Smith", false), ["o", "neill", "smith"]);
        assert_eq!(words("O’Neill-Smith", true), ["oneill", "smith"]);
        assert_eq!(folded("  Pupil(s)   involved "), "pupil s involved");
    }

    #[test]
    fn letters_of_other_scripts_read_as_the_latin_letters_they_look_like() {
        // Cyrillic а, с, е, р; Greek Α, Ι, ο; a Cherokee letter drawn like G.
        assert_eq!(words("Gr\u{430}\u{441}\u{435}", false), ["grace"]);
        assert_eq!(words("\u{420}\u{43e}\u{440}py", false), ["poppy"]);
        assert_eq!(
            words("\u{391}LF\u{399}E \u{3bf}wen", false),
            ["alfie", "owen"]
        );
        assert_eq!(words("\u{13c0}race", false), ["grace"]);
        // By sound, every letter is transliterated.
        assert_eq!(
            words_as(
                "\u{414}\u{43c}\u{438}\u{442}\u{440}\u{438}\u{439}",
                false,
                Spelling::Sound
            ),
            ["dmitrii"]
        );
        // Latin letters keep their fold.
        assert_eq!(words("Søren Łukasz ı", false), ["soren", "lukasz", "i"]);
    }
}
