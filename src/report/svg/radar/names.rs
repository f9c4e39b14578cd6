//! What a spoke's label says: the aspect's code, then its name in a few short lines, in the
//! shortest form that still reads as the name, and how wide each line is drawn.

/// The advance widths of Arial's (and Helvetica's, Liberation Sans's) printable ASCII
/// characters, space to tilde, in thousandths of the type's size: the reports name Arial
/// after Segoe UI, and a browser without either draws a font of the same widths.
const ARIAL: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];

/// How wide `line` is drawn in type of `size`, a little over Arial's widths (Segoe UI,
/// named first, is a little wider; bold, as the code line is, wider again). A character
/// outside ASCII is taken as wide as a capital M, an ellipsis as wide as the type is tall.
pub(super) fn text_width(line: &str, bold: bool, size: f64) -> f64 {
    let thousandths: u32 = line
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(ARIAL[c as usize - 32]),
            '…' => 1000,
            _ => 833,
        })
        .sum();
    let widen = if bold { 1.16 } else { 1.06 };
    f64::from(thousandths) / 1000.0 * size * widen
}

/// Small words a short name can do without.
const SMALL_WORDS: [&str; 9] = ["of", "and", "the", "for", "in", "on", "to", "with", "&"];

/// The forms of an aspect's name to try on a label, longest first: the name; without
/// "Online Safety", which every aspect is about; without small words; without both.
fn short_names(name: &str) -> Vec<String> {
    let without_topic = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut kept = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let pair = words.get(i..i + 2).map(|p| p.join(" ").to_lowercase());
            if pair.as_deref() == Some("online safety") && words.len() > 2 {
                i += 2;
            } else {
                kept.push(words[i]);
                i += 1;
            }
        }
        kept.join(" ")
    };
    let without_small = |text: &str| {
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
            .collect();
        words.join(" ")
    };
    let mut forms = vec![
        name.to_string(),
        without_topic(name),
        without_small(name),
        without_small(&without_topic(name)),
    ];
    forms.retain(|f| !f.is_empty());
    forms.dedup();
    forms
}

/// `name`'s words in lines of at most `chars` characters, a longer word on a line of its own.
fn words_in_lines(name: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// `name` wrapped at word boundaries into at most `most` lines of `chars` characters, if it
/// fits.
fn wrap(name: &str, (chars, most): (usize, usize)) -> Option<Vec<String>> {
    let wrapped = words_in_lines(name, chars);
    let fits = wrapped.len() <= most && wrapped.iter().all(|l| l.chars().count() <= chars);
    fits.then_some(wrapped)
}

/// The lines of a spoke's label: the code, then the first short form of the name that fits
/// in at most `most` lines of `chars` characters; only a name no form of which fits is cut,
/// its last line ending in "…". A shape of no lines gives the code alone.
pub(super) fn label_lines(code: &str, name: &str, shape: (usize, usize)) -> Vec<String> {
    let (chars, most) = shape;
    let mut all = vec![code.to_string()];
    if most == 0 || chars < 2 {
        return all;
    }
    if let Some(lines) = short_names(name).iter().find_map(|f| wrap(f, shape)) {
        all.extend(lines);
        return all;
    }
    // The shortest form is cut, so that as much of the name as can be shows.
    let forms = short_names(name);
    let shortest = forms.last().map_or(name, String::as_str);
    let mut wrapped = words_in_lines(shortest, chars);
    if wrapped.len() > most {
        // The name runs on past its lines: the last ends in an ellipsis.
        wrapped.truncate(most);
        let last = &mut wrapped[most - 1];
        *last = format!("{}…", last.chars().take(chars - 1).collect::<String>());
    }
    for line in &mut wrapped {
        if line.chars().count() > chars {
            // One word longer than a line is cut too.
            *line = format!("{}…", line.chars().take(chars - 1).collect::<String>());
        }
    }
    all.extend(wrapped);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_takes_its_shortest_form_that_fits_and_is_cut_only_when_none_does() {
        assert_eq!(
            label_lines(
                "D1.1",
                "Impact of Online Safety Policy and Practice",
                (19, 2)
            ),
            ["D1.1", "Impact of Policy", "and Practice"]
        );
        assert_eq!(
            label_lines("X", "Supercalifragilistic Expialidocious Things", (13, 3)),
            ["X", "Supercalifra…", "Expialidocio…", "Things"]
        );
        assert_eq!(label_lines("A", "Staff", (19, 2)), ["A", "Staff"]);
        assert_eq!(label_lines("A", "", (19, 2)), ["A"]);
        assert_eq!(
            label_lines("A", &"x".repeat(30), (13, 3)),
            ["A".to_string(), format!("{}…", "x".repeat(12))]
        );
        // Cut, the name loses its small words and "Online Safety" first.
        assert_eq!(
            label_lines("B1.1", "Online Safety Education Programme", (10, 1)),
            ["B1.1", "Education…"]
        );
        assert_eq!(label_lines("B1.1", "Anything", (10, 0)), ["B1.1"]);
    }

    #[test]
    fn a_line_is_at_least_as_wide_as_arial_draws_it() {
        // "Agencies" is 43.2 wide at 10.5 in Arial.
        assert!(text_width("Agencies", false, 10.5) >= 43.2);
        assert!(text_width("B4.2", true, 10.5) >= 4.0 * 556.0 / 1000.0 * 10.5);
        assert!(text_width("Ünïcödé…", false, 10.5) > text_width("Unicode", false, 10.5));
        assert!(text_width("Agencies", false, 21.0) > 1.99 * text_width("Agencies", false, 10.5));
    }
}
