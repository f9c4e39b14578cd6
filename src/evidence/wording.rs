//! The other ways a school words a heading the tool knows: "What tested" for "What was
//! tested", "Title of policy" for "Policy title", "Date (dd/mm/yyyy)" for "Date".
//!
//! Headings are compared after [`crate::text::normalise`]; a heading that matches no field
//! as it stands is tried again in its plainer forms: with the little words that carry no
//! meaning taken out (of the heading and of each known heading alike), with "X of Y" read
//! as "Y X", and with a hint of how to type a date taken off its end.

/// Words a heading may have or leave out without changing what it names.
const FILLER: &[&str] = &["the", "a", "an", "was", "were", "is", "are", "been", "has"];

/// Hints of how to type a date, at the end of a heading: "Date (dd/mm/yyyy)".
const DATE_HINTS: &[&str] = &[
    " dd mm yyyy",
    " dd mm yy",
    " ddmmyyyy",
    " ddmmyy",
    " mm yyyy",
    " mm yy",
    " date format",
];

/// `heading` (normalised) with the filler words taken out.
pub fn core(heading: &str) -> String {
    heading
        .split(' ')
        .filter(|w| !FILLER.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The plainer forms of a normalised heading, each as [`core()`] gives it, the heading's
/// own first: what to compare with the known headings' core forms when the heading itself
/// matches none.
pub fn plainer(heading: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |h: &str| {
        let c = core(h);
        if !c.is_empty() && !out.contains(&c) {
            out.push(c);
        }
    };
    let undated = DATE_HINTS
        .iter()
        .find_map(|hint| heading.strip_suffix(hint))
        .unwrap_or(heading);
    for h in [heading, undated] {
        push(h);
        // "Title of policy" is "Policy title"; "Date of the next review" is "Next review
        // date". Only the first "of" is turned round.
        if let Some((what, whose)) = h.split_once(" of ")
            && !what.is_empty()
            && !whose.is_empty()
        {
            push(&format!("{whose} {what}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filler_words_are_left_out_and_of_is_turned_round() {
        assert_eq!(core("what was tested"), "what tested");
        assert_eq!(core("the date"), "date");
        assert!(plainer("title of policy").contains(&"policy title".to_string()));
        assert!(plainer("name of the document").contains(&"document name".to_string()));
        assert!(plainer("date dd mm yyyy").contains(&"date".to_string()));
        assert!(plainer("date of check dd mm yy").contains(&"check date".to_string()));
        // A heading of filler alone has no plainer form.
        assert!(plainer("the").is_empty());
    }
}
