//! Telling apart the people one cell of an incident log names.
//!
//! Logs kept by hand put several children in one cell ("Amy Lee (Y6) / Ben Hart", "Amy Lee
//! and Ben Hart", "Lee, Amy; Hart, Ben") with year groups, classes and notes around them.
//! The cell is cut at the separators people use, bracketed notes and year groups are set
//! aside, and a comma is read as "Surname, Forename" unless every piece it parts is a name
//! of two words or more.

use super::fold::words;

/// Splits a cell naming several people into one text per person, with year groups, classes
/// and bracketed notes taken out.
pub fn people_in_cell(cell: &str) -> Vec<String> {
    let mut plain = String::with_capacity(cell.len());
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut pieces: Vec<String> = Vec::new();
    for part in plain.split(['/', ';', '&', '+', '\n', '\r', '|', '\\', '\t']) {
        let mut rest = part.to_string();
        for joiner in [" and ", " AND ", " And ", " with ", " With "] {
            rest = rest.replace(joiner, ";");
        }
        pieces.extend(rest.split(';').map(str::to_string));
    }
    let mut out = Vec::new();
    for piece in pieces {
        let piece = drop_year_groups(&piece);
        let commas: Vec<&str> = piece.split(',').map(str::trim).collect();
        let counts: Vec<usize> = commas.iter().map(|p| words(p, false).len()).collect();
        if commas.len() > 1 && counts.iter().all(|&n| n >= 2) {
            out.extend(commas.iter().map(|s| s.to_string()));
        } else if commas.len() == 2 || commas.len() == 1 {
            out.push(piece.trim().to_string());
        } else {
            out.extend(commas.iter().map(|s| s.to_string()));
        }
    }
    out.retain(|p| is_a_child(p));
    out
}

/// Removes year groups and classes: "Y6", "Yr 6", "Year 6", "6B", "Reception".
fn drop_year_groups(text: &str) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].trim_matches(|c: char| !c.is_alphanumeric() && c != ',');
        let bare = t.trim_end_matches(',').to_ascii_lowercase();
        let is_year_word = matches!(bare.as_str(), "year" | "yr" | "y" | "class" | "form");
        let next_is_number = tokens.get(i + 1).is_some_and(|n| {
            n.trim_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_ascii_digit())
        });
        if is_year_word && next_is_number {
            if tokens[i + 1].ends_with(',') {
                kept.push(",");
            }
            i += 2;
            continue;
        }
        if is_year_group(&bare) {
            if t.ends_with(',') {
                kept.push(",");
            }
            i += 1;
            continue;
        }
        kept.push(tokens[i]);
        i += 1;
    }
    kept.join(" ").replace(" ,", ",")
}

fn is_year_group(word: &str) -> bool {
    let w = word.trim_start_matches("yr").trim_start_matches('y');
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    let starts_y = word.starts_with('y');
    (digits > 0
        && w.len() - digits <= 2
        && (starts_y || digits == w.len() || w.len() - digits <= 1))
        || matches!(
            word,
            "reception" | "nursery" | "ks1" | "ks2" | "ks3" | "ks4" | "eyfs" | "rec"
        )
}

/// Whether a piece of a cell can name a child: not empty, not an adult by title and surname
/// ("Mr Patel", "PC Jones", "Mrs A. Khan"; a title before a whole name may be a pupil's),
/// not an agency's acronym ("CEOP", "NSPCC"), not a note that opens with a
/// word such as "pupil" or "staff" ("Pupil at St Mary's").
fn is_a_child(piece: &str) -> bool {
    let folded = words(piece, false);
    let Some(first) = folded.first() else {
        return false;
    };
    let titled = folded.iter().any(|w| crate::privacy::scan::is_title(w));
    // "Mr Patel", "Mr G. Patel": a title before a surname, or an initial and a surname, is
    // an adult; before a whole name ("Miss Grace Adeyemi") it may be a pupil's.
    let named: Vec<&String> = folded
        .iter()
        .filter(|w| !crate::privacy::scan::is_title(w))
        .collect();
    let long = named.iter().filter(|w| w.chars().count() > 1).count();
    if titled && long < 2 {
        return false;
    }
    if super::words::is_filler(first) {
        return false;
    }
    let letters: Vec<char> = piece.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym =
        folded.len() == 1 && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase());
    !acronym
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_before_a_surname_is_an_adult_and_before_a_whole_name_may_be_a_pupil() {
        assert!(people_in_cell("Mr Patel / PC Jones / Mrs A. Khan").is_empty());
        assert_eq!(
            people_in_cell("Miss Grace Adeyemi (Year 6)"),
            ["Miss Grace Adeyemi"]
        );
    }

    #[test]
    fn cells_are_cut_into_people() {
        assert_eq!(
            people_in_cell("Ömer Yılmaz (Y6) / Łukasz Nowak and Amy Lee, Ben Hart"),
            ["Ömer Yılmaz", "Łukasz Nowak", "Amy Lee", "Ben Hart"]
        );
        assert_eq!(people_in_cell("Nowak, Łukasz"), ["Nowak, Łukasz"]);
        assert_eq!(people_in_cell("Jamie Fox Year 6"), ["Jamie Fox"]);
        assert_eq!(
            people_in_cell("Sam Lee 6B; Yr 5 Ava Singh"),
            ["Sam Lee", "Ava Singh"]
        );
    }
}
