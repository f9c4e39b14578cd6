//! Replacing names in a text with a placeholder, for outputs that must keep the rest.
//!
//! The text is read word by word by the same tokenizer the search uses (`super::scan`), and
//! each word remembers the bytes it came from, so the longest name ending at each word can
//! be cut out of the original text, accents, line breaks and all.

use super::PLACEHOLDER;
use super::names::Names;
use super::scan::{Readings, Span, Token, Tokenizer};

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
    let mut readings = Readings::default();
    let mut cuts: Vec<Span> = Vec::new();
    let mut start = 0;
    // The words are read as the search reads them; each remembers the bytes it came from.
    let mut take = |token: Token<'_>, at: usize, cuts: &mut Vec<Span>| match token {
        Token::Start => start = at,
        Token::End {
            word,
            flags,
            overlong,
        } => {
            let id = if overlong {
                None
            } else {
                names.id_of(word, flags)
            };
            cuts.extend(
                readings
                    .word(names, word, (id, flags), overlong, (start, at))
                    .into_iter()
                    .flatten(),
            );
        }
    };
    for (at, c) in text.char_indices() {
        for d in std::iter::once(c).nfkd() {
            tokens.feed(d, |t| take(t, at, &mut cuts));
        }
    }
    tokens.end(|t| take(t, text.len(), &mut cuts));
    cuts.extend(readings.end(names));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (a, b) in merged(cuts) {
        out.push_str(&text[at..a]);
        out.push_str(PLACEHOLDER);
        at = b;
    }
    out.push_str(&text[at..]);
    out
}

/// The spans in order, those that overlap or touch made one.
fn merged(mut cuts: Vec<Span>) -> Vec<Span> {
    cuts.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(cuts.len());
    for (a, b) in cuts {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
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

    #[test]
    fn a_name_in_pieces_is_cut_out_whole() {
        let mut n = Names::default();
        n.add_cell("Grace Adeyemi");
        assert_eq!(
            redact(&n, "Spoke to G r a c e  A d e y e m i today.").as_deref(),
            Some("Spoke to [name removed] today.")
        );
        assert_eq!(
            redact(&n, "Spoke to Grace Ade-\nyemi and G.r.a.c.e Adeyemi.").as_deref(),
            Some("Spoke to [name removed] and [name removed].")
        );
    }
}
