//! How tall the radar prints, so that the report's first page holds the verdict, the radar
//! and the sign-off with the Mark under it. The verdict's reasons are grouped and the Mark's
//! changes named in brief, but a review with many kinds of shortfall, a sign-off still to
//! fill in and a Mark to renew still says more than fits beside a full-size radar: the text
//! is measured in printed lines and the radar gives up a line's height for each line over
//! what fits beside it, down to a size whose labels can still be read.

use super::View;

/// The radar's printed height, in millimetres, when the first page's text fits beside it.
pub const FULL_MM: u32 = 96;
/// The smallest it is printed: its labels are drawn larger for the size and cut shorter
/// where they crowd, so that they still print at least 7 points tall (`svg::radar`).
const LEAST_MM: u32 = 60;
/// Printed lines of text that fit on the first page beside a full-size radar, measured
/// on the sample school's report and reviews part way through, with a few to spare.
const FITS: f64 = 24.0;
/// One printed line of the report's body text, in millimetres, with its spacing.
const LINE_MM: f64 = 4.6;
/// Characters on a line of the title (the school's name, in 18 point type).
const TITLE_CHARS: usize = 55;
/// Characters on a printed line inside the verdict's box (about 180 mm of 9 point type,
/// the fewest of any line on the page).
const LINE_CHARS: usize = 105;

/// How many printed lines `text` takes, wrapped at [`LINE_CHARS`], with a little spacing
/// for the paragraph or list item it is.
pub(super) fn lines(text: &str) -> f64 {
    let chars = text.chars().count().max(1);
    chars.div_ceil(LINE_CHARS) as f64 + 0.25
}

/// The radar's printed height for the view's first page.
pub fn radar_mm(v: &View) -> u32 {
    // The verdict's sentence and its milestones; then what stands in the way.
    let mut text: Vec<String> = vec!["x".into(); 1 + v.milestones.len()];
    text.extend(v.reasons_brief.iter().map(super::brief::Group::text));
    text.extend(v.evidence_findings.iter().map(super::brief::Group::text));
    if !(v.reasons_brief.is_empty() && v.evidence_findings.is_empty()) {
        text.push("Each aspect's section below says in full what holds it back.".into());
    }
    text.extend(v.sign_off.texts());
    if !v.flagged.is_empty() {
        text.push(format!(
            "Still flagged for review after the change: {}. The group checks each one's level and commentary and empties its cell; a sign-off given before then did not cover them.",
            v.flagged.join(", ")
        ));
    }
    if let Some(r) = &v.renewal {
        text.extend(r.texts());
    }
    // A school's name too long for one line of the title takes two body lines a line.
    let title = v.school.chars().count().div_ceil(TITLE_CHARS).max(1) - 1;
    text.extend(std::iter::repeat_n("x".to_string(), 2 * title));
    // The headings of what stands in the way and of the findings.
    let headings =
        f64::from(u8::from(!v.reasons.is_empty()) + u8::from(!v.evidence_findings.is_empty()));
    let over = text.iter().map(|t| lines(t)).sum::<f64>() + 1.5 * headings - FITS;
    if over <= 0.0 {
        return FULL_MM;
    }
    let smaller = (f64::from(FULL_MM) - over * LINE_MM).floor();
    (smaller.max(f64::from(LEAST_MM))) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_measured_in_printed_lines() {
        assert_eq!(lines(""), 1.25);
        assert_eq!(lines(&"x".repeat(LINE_CHARS)), 1.25);
        assert_eq!(lines(&"x".repeat(LINE_CHARS + 1)), 2.25);
    }
}
