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
    Some(redact_words(names, text))
}

/// The folded words of `text` with the byte range each covers in it.
fn words_at(text: &str) -> Vec<(String, usize, usize, bool)> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    let mut capital = false;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let mut brk = false;
        for d in std::iter::once(c).nfkd() {
            let before = word.len();
            match crate::privacy::fold::fold_char(d, &mut word) {
                crate::privacy::fold::Piece::Letter => {
                    if before == 0 {
                        start = at;
                        capital = d.is_uppercase();
                    }
                }
                crate::privacy::fold::Piece::Mark => {}
                _ => brk = true,
            }
        }
        if brk && !word.is_empty() {
            out.push((std::mem::take(&mut word), start, at, capital));
        }
        if !brk && !word.is_empty() && end == text.len() {
            out.push((std::mem::take(&mut word), start, end, capital));
        }
    }
    out
}

/// `text` with every name replaced by the placeholder.
fn redact_words(names: &Names, text: &str) -> String {
    let found = words_at(text);
    let mut recent: Vec<Seen> = Vec::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, (word, _, end, capital)) in found.iter().enumerate() {
        recent.push((names.word_id(word), *capital));
        let from = recent.len().saturating_sub(MAX_WORDS);
        let window = &recent[from..];
        if let Some(len) = names.name_length_ending(window) {
            let first = found[i + 1 - len].1;
            match cuts.last_mut() {
                Some(last) if first <= last.1 => last.1 = *end,
                _ => cuts.push((first, *end)),
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
    }
}
