//! Replacing names in a text with a placeholder, for outputs that must keep the rest.
//!
//! The text is read word by word by the same tokenizer the search uses (`super::scan`), and
//! each word remembers the bytes it came from, so the longest name ending at each word can
//! be cut out of the original text, accents, line breaks and all.

use super::PLACEHOLDER;
use super::names::{MAX_WORDS, Names, Seen};
use super::scan::{Token, Tokenizer};

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

/// `text` with every name replaced by the placeholder.
fn redact_words(names: &Names, text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut tokens = Tokenizer::default();
    let mut recent: Vec<Seen> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    // The words are read as the search reads them; each remembers the bytes it came from.
    let mut take = |token: Token<'_>, at: usize| match token {
        Token::Start { after_stop } => {
            if after_stop {
                recent.clear();
                spans.clear();
            }
            start = at;
        }
        Token::End { word, flags, .. } => {
            recent.push((names.word_id(word), flags));
            spans.push((start, at));
            let from = recent.len().saturating_sub(MAX_WORDS);
            if let Some(len) = names.name_length_ending(&recent[from..]) {
                let first = spans[spans.len() - len].0;
                match cuts.last_mut() {
                    Some(last) if first <= last.1 => last.1 = at,
                    _ => cuts.push((first, at)),
                }
            }
        }
    };
    for (at, c) in text.char_indices() {
        for d in std::iter::once(c).nfkd() {
            tokens.feed(d, |t| take(t, at));
        }
    }
    tokens.end(|t| take(t, text.len()));
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
