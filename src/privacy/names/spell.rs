//! The spellings of one part of a name: every way a person may write it.
//!
//! A part is folded both as it looks and as it sounds ([`Spelling`]), in the composed form
//! whichever form the pupil list was saved in (a "Zoë" typed as `e` and a combining
//! diaeresis is the same name), with its umlauts and Nordic letters written out, with its
//! words run together ("Smith-Jones" as "Smithjones", "van der Berg" as "Vanderberg") and,
//! for a name of several words, each word that is no particle on its own (half of a
//! double-barrelled name, which counts only with the other name).

use unicode_normalization::UnicodeNormalization;

use super::Words;
use crate::privacy::fold::{Spelling, words_as};

/// The most words a part may have for every joining of them to be held (2^(n-1) of them).
const MOST_JOINED: usize = 4;

/// The spellings, and each word of a spelling of several words on its own: half of a
/// double-barrelled name ("Marie" of "Anna-Marie", "Smith" of "Smith-Jones") is still the
/// child's name when written with the other name. A particle ("van", "de", "O") is no half:
/// "Pieter van" is not the name.
pub(super) fn with_halves(mut spellings: Vec<Words>) -> Vec<Words> {
    let halves: Vec<Words> = spellings
        .iter()
        .filter(|w| w.len() > 1)
        .flat_map(|w| {
            w.iter()
                .filter(|h| !is_particle(h))
                .map(|h| vec![h.clone()])
        })
        .collect();
    for h in halves {
        if !spellings.contains(&h) {
            spellings.push(h);
        }
    }
    spellings
}

/// The spellings, and each of several words written with some or all of them run together:
/// a particle written apart or joined ("Ó Briain" as "OBriain", "van der Berg" as
/// "Vanderberg" or "Van derBerg"), a double-barrelled name without its hyphen
/// ("Smithjones"), as a surname with an apostrophe is ("O'Sullivan" as "OSullivan").
pub(super) fn with_joinings(mut spellings: Vec<Words>) -> Vec<Words> {
    let joined: Vec<Words> = spellings
        .iter()
        .filter(|w| (2..=MOST_JOINED).contains(&w.len()))
        .flat_map(|w| joinings(w))
        .collect();
    for j in joined {
        if !spellings.contains(&j) {
            spellings.push(j);
        }
    }
    spellings
}

/// The spellings, and each with a surname's particle run together into a word written apart
/// again ("Vanderberg" as "Van der Berg", "Van Derberg" and "Vander Berg"; "OBrien" as
/// "O Brien"; "McDonald" as "Mc Donald"): a log may write it run together and the text apart.
/// The core left over is no half of the name.
pub(super) fn with_particles_apart(mut spellings: Vec<Words>) -> Vec<Words> {
    let mut apart: Vec<Words> = Vec::new();
    for w in &spellings {
        for (i, word) in w.iter().enumerate() {
            for pieces in particles_apart(word) {
                let mut spelt = w[..i].to_vec();
                spelt.extend(pieces);
                spelt.extend(w[i + 1..].iter().cloned());
                apart.push(spelt);
            }
        }
    }
    for a in apart {
        if !spellings.contains(&a) {
            spellings.push(a);
        }
    }
    spellings
}

/// A word that starts with particles, cut after each: "vanderberg" as "van derberg",
/// "van der berg" and "vander berg". The core must keep three letters.
fn particles_apart(word: &str) -> Vec<Words> {
    const JOINED: &[&str] = &[
        "vander", "vanden", "vonder", "van", "von", "mac", "mc", "de", "del", "der", "den", "di",
        "da", "du", "le", "la", "o",
    ];
    let mut out = Vec::new();
    for p in JOINED {
        let Some(rest) = word.strip_prefix(p) else {
            continue;
        };
        if rest.len() < 3 {
            continue;
        }
        out.push(vec![p.to_string(), rest.to_string()]);
        for more in particles_apart(rest) {
            let mut pieces = vec![p.to_string()];
            pieces.extend(more);
            out.push(pieces);
        }
    }
    out
}

/// Every way of running some of the words together, but the one that runs none.
fn joinings(w: &[String]) -> Vec<Words> {
    let gaps = w.len() - 1;
    (1..1u32 << gaps)
        .map(|mask| {
            let mut out: Words = vec![w[0].clone()];
            for (i, word) in w.iter().enumerate().skip(1) {
                if mask & (1 << (i - 1)) != 0 {
                    out.last_mut().expect("starts with a word").push_str(word);
                } else {
                    out.push(word.clone());
                }
            }
            out
        })
        .collect()
}

/// Whether a folded word is a particle of a surname, written apart or joined.
pub(super) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "o" | "mc"
            | "mac"
            | "de"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "ver"
            | "ter"
            | "ten"
            | "di"
            | "da"
            | "das"
            | "dos"
            | "du"
            | "le"
            | "la"
            | "les"
            | "los"
            | "ni"
            | "nic"
            | "ui"
            | "mhic"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "ben"
            | "ap"
            | "st"
            | "y"
    )
}

/// Each part's folded words, as it looks and as it sounds, and with apostrophes joined
/// where that differs.
pub(super) fn spellings(parts: &[&str]) -> Vec<Words> {
    let mut out: Vec<Words> = Vec::new();
    let spelt: Vec<String> = parts.iter().flat_map(|p| composed_forms(p)).collect();
    for p in &spelt {
        for spelling in [Spelling::Look, Spelling::Sound] {
            for join in [false, true] {
                let w = name_words(p, join, spelling);
                if !w.is_empty() && !out.contains(&w) {
                    out.push(w);
                }
            }
        }
    }
    out
}

/// A text in its composed form, then every spelling of it with umlauts written out.
pub(super) fn composed_forms(text: &str) -> Vec<String> {
    let composed: String = text.nfc().collect();
    let mut forms = umlauts_spelt_out(&composed);
    forms.insert(0, composed);
    forms
}

/// A name with its umlauts and Nordic letters written out as they are typed without them
/// ("Müller" as "Mueller", "Ørsted" as "Oersted", "Åsa" as "Aasa"), each letter either way
/// ("Arnstroem" for "Ärnström"): every other spelling, none when it has none of them. The
/// plain spelling (ä as a) comes from the fold itself. `text` is in composed form.
pub(super) fn umlauts_spelt_out(text: &str) -> Vec<String> {
    const MOST: usize = 6;
    let spelt = |c: char| match c {
        'ä' | 'Ä' => Some("ae"),
        'ö' | 'Ö' | 'ø' | 'Ø' => Some("oe"),
        'ü' | 'Ü' => Some("ue"),
        'å' | 'Å' => Some("aa"),
        _ => None,
    };
    let places: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| spelt(*c).is_some())
        .map(|(i, _)| i)
        .take(MOST)
        .collect();
    (1..1usize << places.len())
        .map(|mask| {
            text.char_indices()
                .map(|(i, c)| match places.iter().position(|&p| p == i) {
                    Some(k) if mask & (1 << k) != 0 => spelt(c).unwrap_or_default().to_string(),
                    _ => c.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The folded words of a name: words with digits in them (year groups, ids) are never part
/// of one.
pub(super) fn name_words(text: &str, join: bool, spelling: Spelling) -> Words {
    words_as(text, join, spelling)
        .into_iter()
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// Whether a folded word is a title written before a name in a cell.
pub(super) fn is_title(word: &str) -> bool {
    matches!(word, "mr" | "mrs" | "miss" | "ms" | "mx" | "master" | "dr")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(words: &[&str]) -> Words {
        words.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn words_are_run_together_every_way_and_particles_are_no_halves() {
        let all = with_joinings(vec![w(&["van", "der", "berg"])]);
        for want in [
            w(&["vanderberg"]),
            w(&["vander", "berg"]),
            w(&["van", "derberg"]),
        ] {
            assert!(all.contains(&want), "{want:?} in {all:?}");
        }
        assert_eq!(all.len(), 4);
        let halves = with_halves(all);
        assert!(halves.contains(&w(&["berg"])));
        assert!(!halves.contains(&w(&["van"])) && !halves.contains(&w(&["der"])));
        assert_eq!(with_joinings(vec![w(&["smith"])]).len(), 1);
        let apart = with_particles_apart(vec![w(&["vanderberg"])]);
        for want in [
            w(&["van", "derberg"]),
            w(&["van", "der", "berg"]),
            w(&["vander", "berg"]),
        ] {
            assert!(apart.contains(&want), "{want:?} in {apart:?}");
        }
        assert!(with_particles_apart(vec![w(&["obrien"])]).contains(&w(&["o", "brien"])));
        assert_eq!(with_particles_apart(vec![w(&["smith"])]).len(), 1);
        assert_eq!(
            with_particles_apart(vec![w(&["dean"])]).len(),
            1,
            "no core of three"
        );
    }

    #[test]
    fn a_name_saved_decomposed_is_spelt_as_one_saved_composed() {
        let nfd = spellings(&["Mu\u{308}ller"]);
        let nfc = spellings(&["Müller"]);
        assert_eq!(nfd, nfc);
        assert!(nfd.contains(&w(&["mueller"])) && nfd.contains(&w(&["muller"])));
    }

    #[test]
    fn a_name_in_another_script_is_held_as_it_looks_and_as_it_sounds() {
        let held = spellings(&["\u{414}\u{43c}\u{438}\u{442}\u{440}\u{438}\u{439}"]);
        assert!(held.contains(&w(&["dmitrii"])), "{held:?}");
        assert!(held.len() >= 2, "{held:?}");
    }
}
