//! What in a training row leaves it in doubt whether the person was trained, beyond the
//! status words every register shares ([`crate::evidence::status`]): a Status with a
//! question mark ("Completed?"), a Status saying someone else went in the person's place
//! ("Deputy attended"), or a date cell whose words say the course is still to come
//! ("Booked 2 Sept 2026", "Due 14/10/2026"). Each counts the person as not trained, as a
//! status that is not known to mean done already does: counting them would raise the
//! share trained on a record that does not show it.
//!
//! A reason names the column and the words read, never the rest of the cell.

use super::text;
use crate::evidence::Field;
use crate::evidence::header::Header;
use crate::evidence::status::{self, Standing};
use crate::evidence::table::SheetRow;

/// Words in a Status cell that say someone other than the person attended.
const SOMEONE_ELSE: &[&str] = &[
    "deputy",
    "on behalf",
    "instead",
    "in place of",
    "someone else",
    "somebody else",
    "another member",
    "colleague",
    "proxy",
    "representative",
    "represented",
    "substitute",
    "stood in",
    "stand in",
    "sent a",
];

/// Words in a date cell that say the date is one still to come, not a completion, beside
/// the words of courses not yet run ([`Standing::NotYet`]: booked, planned, scheduled).
const TO_COME: &[&str] = &[
    "due",
    "expected",
    "intended",
    "to attend",
    "attending",
    "will attend",
];

/// The words of `list` that `typed` holds whole, after normalising.
fn holds(typed: &str, list: &[&'static str]) -> Option<&'static str> {
    let padded = format!(" {} ", crate::text::normalise(typed));
    list.iter()
        .find(|w| padded.contains(&format!(" {w} ")))
        .copied()
}

/// Why the row does not show the person trained, with the column that says so, when its
/// Status is in doubt or speaks of someone else, or its date is one still to come.
pub(super) fn doubt(row: &SheetRow, header: &Header) -> Option<(String, Option<u32>)> {
    for c in header
        .columns
        .iter()
        .filter(|c| c.field == Some(Field::TrainingStatus))
    {
        let typed = row.get(c.index).text();
        let heading = c.header.trim();
        if typed.contains('?') {
            let why = format!(
                "the {heading} column holds a question mark, which does not say the training was done"
            );
            return Some((why, Some(c.index)));
        }
        if let Some(words) = holds(&typed, SOMEONE_ELSE) {
            let why = format!(
                "the {heading} column says \"{words}\": someone else attended, not this person"
            );
            return Some((why, Some(c.index)));
        }
    }
    let col = header.col(Field::TrainingDate)?;
    let typed = text(row, header, Field::TrainingDate);
    // Words with no date ("not yet") are no date at all, and said so where dates are read.
    if !typed.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words = status::said_of(&typed, &[Standing::NotYet, Standing::DidNotHappen])
        .map(|(_, w)| w)
        .or_else(|| holds(&typed, TO_COME))?;
    let heading = status::heading(header, Field::TrainingDate);
    let why = format!(
        "the {heading} column says \"{}\": a date still to come, not the day the training was completed",
        status::spoken(words)
    );
    Some((why, Some(col)))
}

#[cfg(test)]
mod tests {
    use super::super::{Mappings, RowOutcome, training};
    use crate::evidence::header::detect;
    use crate::evidence::table::{SheetRow, Value};
    use crate::evidence::{ColumnMap, Kind};

    fn row(index: u32, cells: &[&str]) -> SheetRow {
        SheetRow {
            index,
            cells: cells.iter().map(|t| Value::from_text(t)).collect(),
        }
    }

    /// Whether the person on a row of Name, Role, Course, Date completed, Status counts as
    /// trained, and the note when not.
    fn trained(date: &str, status: &str) -> (bool, Option<String>) {
        let rows = vec![
            row(
                0,
                &["Staff member", "Role", "Course", "Date completed", "Status"],
            ),
            row(1, &["Ann Lee", "Teacher", "Online safety", date, status]),
        ];
        let header = detect(Kind::Training, &rows, &ColumnMap::default()).expect("a header");
        match training(&rows[1], &header, &Mappings::default()) {
            RowOutcome::Used(t) => (t.date.is_some(), None),
            RowOutcome::Noted { record, note, .. } => (record.date.is_some(), Some(note)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_date_still_to_come_is_no_completion() {
        for date in [
            "Booked 2 Sept 2026",
            "booked for 02/09/2026",
            "Planned 2 Sept 2026",
            "Due 02/09/2026",
            "Scheduled 2/9/2026",
            "Expected 2 Sept 2026",
            "Provisional 2 Sept 2026",
        ] {
            let (yes, note) = trained(date, "");
            assert!(!yes, "{date}");
            let note = note.expect("a note");
            assert!(note.contains("Date completed column says"), "{note}");
            assert!(note.ends_with("counted as not trained"), "{note}");
        }
        assert_eq!(trained("2 Sept 2026", ""), (true, None));
        assert_eq!(trained("Completed 2 Sept 2026", ""), (true, None));
        // Words with no date are no date, as the date reader says.
        let (yes, note) = trained("booked", "");
        assert!(!yes && note.expect("a note").contains("`booked`"));
    }

    #[test]
    fn someone_else_attending_does_not_train_the_person() {
        for status in [
            "Deputy attended",
            "Attended by deputy",
            "Colleague attended on her behalf",
            "Attended instead: J Smith",
            "Substitute sent",
        ] {
            let (yes, note) = trained("2 Sept 2026", status);
            assert!(!yes, "{status}");
            assert!(note.expect("a note").contains("someone else attended"));
        }
        assert_eq!(trained("2 Sept 2026", "Attended"), (true, None));
    }

    #[test]
    fn a_status_in_doubt_is_not_done() {
        for status in ["Completed?", "completed ?", "Attended??", "? done"] {
            let (yes, note) = trained("2 Sept 2026", status);
            assert!(!yes, "{status}");
            assert!(note.expect("a note").contains("question mark"));
        }
        assert_eq!(trained("2 Sept 2026", "Completed"), (true, None));
    }
}
