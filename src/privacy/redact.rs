//! Replacing names in a text with a placeholder, for outputs that must keep the rest.
//!
//! The text is folded word by word as [`super::scan`] folds it, but each word remembers the
//! bytes it came from, so the longest name ending at each word can be cut out of the
//! original text, accents, line breaks and all.

use super::PLACEHOLDER;
use super::names::{MAX_WORDS, Names, Seen};

/// `text` with every name in it replaced by [`PLACEHOLDER`]; `None` when it holds none.
pub fn redact(names: &Names, text: &str) -> Option<String> {
    if names.is_empty() || !names.found_in(text) {
        return None;
    }
    let cleaned = redact_words(names, text);
    // A name found only once its escapes are decoded ("Alfie%20Brooks") cannot be cut out
    // word by word: the whole text goes.
    if names.found_in(&cleaned) {
        return Some(PLACEHOLDER.to_string());
    }
    Some(cleaned)
}

/// The folded words of `text` with the byte range each covers in it and their flags, read
/// as [`super::scan::Scanner`] reads them; a stop before a word is a `None` between words.
fn words_at(text: &str) -> Vec<Option<(String, usize, usize, u8)>> {
    use crate::privacy::fold::{Piece, fold_char};
    use crate::privacy::scan::{
        CAPITAL, COMMA, JOINED, NEWLINE, TITLED, is_stop, is_title_before_a_name,
    };
    use unicode_normalization::UnicodeNormalization;
    let mut out = Vec::new();
    let mut word = String::new();
    let (mut start, mut flags, mut last_len) = (0, 0u8, 0);
    let (mut comma, mut stop, mut dot, mut titled) = (false, false, false, false);
    let (mut gap, mut joint, mut space, mut newline, mut title_case) =
        (0u8, false, false, false, false);
    for (at, c) in text.char_indices() {
        for d in std::iter::once(c).nfkd() {
            let before = word.len();
            match fold_char(d, &mut word) {
                Piece::Letter if before == 0 => {
                    start = at;
                    if stop && last_len > 1 {
                        out.push(None);
                    }
                    flags = if d.is_uppercase() { CAPITAL } else { 0 }
                        | if comma { COMMA } else { 0 }
                        | if titled && space { TITLED } else { 0 }
                        | if newline { NEWLINE } else { 0 }
                        | if joint && gap == 1 { JOINED } else { 0 };
                    gap = 0;
                    joint = false;
                    space = false;
                    newline = false;
                    title_case = d.is_uppercase();
                    comma = false;
                    stop = false;
                    dot = false;
                }
                Piece::Letter => title_case &= !d.is_uppercase(),
                Piece::Mark => {}
                Piece::Apostrophe | Piece::Break => {
                    if !word.is_empty() {
                        last_len = word.len();
                        titled = title_case && is_title_before_a_name(&word);
                        out.push(Some((std::mem::take(&mut word), start, at, flags)));
                    }
                    comma |= d == ',';
                    stop |= is_stop(d) || (dot && d.is_whitespace());
                    dot = d == '.';
                    gap = gap.saturating_add(1);
                    joint = gap == 1 && matches!(d, '.' | '_' | '-');
                    space = gap == 1 && d == ' ';
                    newline |= matches!(d, '\n' | '\r' | '\u{2028}' | '\u{2029}');
                }
            }
        }
    }
    if !word.is_empty() {
        out.push(Some((word, start, text.len(), flags)));
    }
    out
}

/// `text` with every name replaced by the placeholder.
fn redact_words(names: &Names, text: &str) -> String {
    let mut recent: Vec<Seen> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for word in words_at(text) {
        let Some((word, start, end, flags)) = word else {
            recent.clear();
            spans.clear();
            continue;
        };
        recent.push((names.word_id(&word), flags));
        spans.push((start, end));
        let from = recent.len().saturating_sub(MAX_WORDS);
        if let Some(len) = names.name_length_ending(&recent[from..]) {
            let first = spans[spans.len() - len].0;
            match cuts.last_mut() {
                Some(last) if first <= last.1 => last.1 = end,
                _ => cuts.push((first, end)),
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (a, b) in cuts {
        out.push_str(&text[at..a]);
        out.push_str(PLACEHOLDER);
        at = b;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cut_out_and_the_rest_is_kept() {
        let mut n = Names::default();
        n.add_cell("Zoë Ärnström");
        n.add_cell("Jamie Fox");
        assert_eq!(
            redact(&n, "Spoke to Ärnström, Zoë and JAMIE\nFOX today.").as_deref(),
            Some("Spoke to [name removed] and [name removed] today.")
        );
        assert_eq!(redact(&n, "Nothing here"), None);
        assert_eq!(
            redact(&n, "Zoe\u{308} A\u{308}rnstro\u{308}m").as_deref(),
            Some("[name removed]")
        );
        assert_eq!(
            redact(&n, "see x.org/Jamie%20Fox").as_deref(),
            Some("[name removed]"),
            "an escaped name takes the whole text"
        );
    }
}
