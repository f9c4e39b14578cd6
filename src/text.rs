//! Small text forms shared by several stages: the words of a heading for comparison, and a
//! name made safe for a file name. They live at the bottom of the library so that evidence,
//! metrics, workbooks and the pack each use the same rule without importing one another.

/// Lower-case words without punctuation: "Action taken — What?" → "action taken what".
pub fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many characters of a cell a message quotes before cutting it short.
pub const QUOTE_CHARS: usize = 80;

/// `text` cut to `max` characters with "…" after, so that a message quoting a cell of
/// thousands of characters stays one readable line; shorter text as it is.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_string(),
    }
}

/// How a message names a cell it does not quote.
pub const UNQUOTED: &str = "the cell";

/// A cell's text for a message about it: between backticks when every word of letters in
/// it is one `expected` accepts (given in lower case), and [`UNQUOTED`] otherwise. A date,
/// count or mark column may hold anything ("Reviewed by Jane Smith", "Ask Mr Patel"), and a
/// note, warning or `--json` line goes wherever the lead sends it: only the words the
/// column is meant to hold are repeated, and a cell holding any other is named by its
/// place alone. Letters in a word with digits ("1st", "10O") are a word of their own.
pub fn quote_cell(typed: &str, expected: impl Fn(&str) -> bool) -> String {
    let t = typed.trim();
    let known = t
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| expected(&w.to_lowercase()));
    if known && !t.is_empty() {
        format!("`{}`", clip(t, QUOTE_CHARS))
    } else {
        UNQUOTED.to_string()
    }
}

/// `message` with every piece of it quoted between backticks cut to [`QUOTE_CHARS`]: a
/// message that repeats a cell stays one line, however long the cell.
pub fn clip_quotes(message: &str) -> String {
    if !message.contains('`') {
        return message.to_string();
    }
    message
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                clip(part, QUOTE_CHARS)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// `n` and the word for it, one or many: "1 session", "2 sessions", "0 sessions". Every
/// count the tool writes in words goes through here, so none reads "1 sessions".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A file-name-safe form of a name: lower-case letters and digits joined by hyphens; empty
/// when the name has no letters or digits.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Text as it flows in a cell: the line breaks a framework file wraps its long texts with
/// become spaces, and a blank line between paragraphs stays one line break.
pub fn flow(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` with its first letter in capitals, as the start of a sentence or a table cell;
/// unchanged when its first word is a path, a file name, a code or an id
/// ("evidence/agreements.xlsx", "filtering-checks.csv", "A2.1", "iPad"), whose letters are
/// part of what it names.
pub fn capitalise(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or_default();
    let word = first_word.trim_end_matches([',', ';', ':', ')', '”', '’']);
    let named = word.contains(['/', '\\', '.', '_', '-', '@'])
        || word.chars().any(|c| c.is_ascii_digit())
        || word.chars().skip(1).any(char::is_uppercase);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !named => first.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// A group id in people's words, for a report: the usual groups by their usual names
/// (`online-safety-group` → "Online safety group"), any other id with its hyphens as spaces
/// and a capital first letter (`site-staff` → "Site staff").
pub fn group_name(id: &str) -> String {
    match id {
        "online-safety-group" => "Online safety group".to_string(),
        "senior-leadership" => "Senior leadership".to_string(),
        "governors" => "Governors".to_string(),
        "staff" => "Staff".to_string(),
        "volunteers" => "Volunteers".to_string(),
        _ => capitalise(&id.replace('-', " ")),
    }
}

#[cfg(test)]
mod tests {
    use super::{capitalise, clip, flow, group_name, normalise, plural, slug};

    #[test]
    fn a_long_cell_is_cut_short_with_a_mark_and_a_short_one_kept() {
        assert_eq!(clip("Blocked", 80), "Blocked");
        let long = "é".repeat(5000);
        let cut = clip(&long, 80);
        assert_eq!(cut.chars().count(), 81);
        assert!(cut.ends_with('…'));
        assert_eq!(clip(&"x".repeat(80), 80), "x".repeat(80));
        let said = super::clip_quotes(&format!("`{}` is not a date; `ok`", "y".repeat(300)));
        assert_eq!(said, format!("`{}…` is not a date; `ok`", "y".repeat(80)));
    }

    #[test]
    fn a_sentence_starts_with_a_capital_but_a_path_or_code_keeps_its_letters() {
        assert_eq!(
            capitalise("the register holds no dates"),
            "The register holds no dates"
        );
        assert_eq!(
            capitalise("evidence/acceptable-use-agreements.xlsx has no column"),
            "evidence/acceptable-use-agreements.xlsx has no column"
        );
        assert_eq!(capitalise("policy.csv: no rows"), "policy.csv: no rows");
        assert_eq!(capitalise("filtering-checks.csv"), "filtering-checks.csv");
        assert_eq!(capitalise("a2.1 is flagged"), "a2.1 is flagged");
        assert_eq!(capitalise("iPad rules"), "iPad rules");
        assert_eq!(capitalise("year 6"), "Year 6");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn a_count_agrees_with_its_number() {
        assert_eq!(plural(0, "session", "sessions"), "0 sessions");
        assert_eq!(plural(1, "session", "sessions"), "1 session");
        assert_eq!(plural(2, "session", "sessions"), "2 sessions");
        assert_eq!(plural(1, "person", "people"), "1 person");
        assert_eq!(plural(2, "person", "people"), "2 people");
    }

    #[test]
    fn wrapped_text_flows() {
        assert_eq!(
            flow("\nWho is\naccountable,\n\nand how.\n"),
            "Who is accountable,\nand how."
        );
        assert_eq!(flow("one"), "one");
    }

    #[test]
    fn groups_are_named_in_words() {
        assert_eq!(group_name("online-safety-group"), "Online safety group");
        assert_eq!(group_name("governors"), "Governors");
        assert_eq!(group_name("site-staff"), "Site staff");
        assert_eq!(group_name(""), "");
    }

    #[test]
    fn headings_compare_by_their_words() {
        assert_eq!(normalise("Action taken — What?"), "action taken what");
        assert_eq!(normalise("  Date:  "), "date");
        assert_eq!(normalise("--"), "");
    }

    #[test]
    fn names_become_file_names() {
        assert_eq!(slug("Oakfield Primary School"), "oakfield-primary-school");
        assert_eq!(slug("St. Mary's C of E"), "st-mary-s-c-of-e");
        assert_eq!(slug("Zoë Ørsted"), "zoë-ørsted");
        assert_eq!(slug("!!"), "");
    }
}
