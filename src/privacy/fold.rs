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

/// Folds one character of already-decomposed text, appending its letters to `out`.
pub fn fold_char(c: char, out: &mut String) -> Piece {
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

/// The folded words of `text`. With `join_apostrophes`, "O'Neill" is one word `oneill`;
/// without, two words `o` and `neill`.
pub fn words(text: &str, join_apostrophes: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.nfkd() {
        match fold_char(c, &mut word) {
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
}
