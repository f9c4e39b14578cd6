//! A meeting register's row: its date, group, attendees and items, unless its status or its
//! notes say it did not take place. Apart from the other records only to keep each file
//! short.
//!
//! A meeting that met is still no evidence of an item it did not get to: "Filtering and
//! monitoring review deferred", "Online safety report not received", "Not discussed -
//! carried forward to next meeting". Each item is read on its own (items are cut at
//! semicolons, line breaks and bullets, never at commas, so "report, not received" stays
//! one item) and one that says it did not happen is left out of the items the checks
//! search, with a note at its cell.

use super::super::Field;
use super::super::header::{Header, normalise};
use super::super::mapping::{group_for_meeting, meeting_group_name};
use super::super::status::{self, Standing};
use super::super::table::SheetRow;
use super::{Mappings, Meeting, RowOutcome, dated, is_one_of, skip, text};

/// Words that say a meeting met but could not do its business, or did not go ahead.
const MEETING_OFF: &[&str] = &[
    "inquorate",
    "not quorate",
    "no quorum",
    "quorum not met",
    "quorum not reached",
    "not quorum",
    "meeting did not go ahead",
    "meeting didn t go ahead",
    "meeting not held",
    "meeting cancelled",
    "meeting canceled",
    "meeting postponed",
    "meeting called off",
    "meeting abandoned",
    "meeting did not take place",
    "meeting didn t take place",
    "did not meet",
    "didn t meet",
    "not taken place",
    "has not taken place",
    "not gone ahead",
];

/// Words that say an agenda item was not taken, wherever they stand in it.
const ITEM_OFF: &[&str] = &[
    "not discussed",
    "not covered",
    "not taken",
    "not reached",
    "not considered",
    "not presented",
    "not received",
    "not available",
    "not ready",
    "not tabled",
    "not reviewed",
    "no report",
    "carried forward",
    "carried over",
    "held over",
    "deferred",
    "postponed",
    "moved to",
    "next meeting",
    "ran out of time",
    "no time",
    "removed from agenda",
    "withdrawn",
    "awaited",
    "to follow",
    "no papers",
    "no paper",
    "papers not circulated",
    "papers not sent",
    "papers not ready",
];

/// Answers in a Held column that say the meeting did not go ahead.
const NO: &[&str] = &["no", "n", "x", "false", "0", "not held"];

/// Headings of a Status column that asks whether the meeting was held, so "No" answers it.
const ASKS_HELD: &[&str] = &[
    "held",
    "went ahead",
    "meeting held",
    "held y n",
    "took place",
];

/// The first of `words` that `text` holds as whole words with no "not" before them.
fn said_word(text: &str, words: &[&'static str]) -> Option<&'static str> {
    let padded = format!(" {} ", normalise(text));
    words.iter().copied().find(|w| {
        padded
            .match_indices(&format!(" {w} "))
            .any(|(at, _)| !padded[..=at].ends_with(" not "))
    })
}

/// The cell saying the meeting did not take place, with what it says (its heading and the
/// words read, never the rest of the cell, which could name someone), what that means and
/// the column: a Status column (any word of [`status`], a "No" under a Held heading, or an
/// inquorate meeting), a note, an attendance written as "Inquorate", then the group or the
/// first item.
fn not_held(row: &SheetRow, header: &Header) -> Option<(String, Standing, Option<u32>)> {
    let quote = |field: Field, words: &str| {
        let heading = status::heading(header, field);
        format!("{} says \"{}\"", heading.trim(), status::spoken(words))
    };
    let cells = |f: Field| {
        header
            .cols(f)
            .map(|c| (row.get(c).text(), Some(c)))
            .filter(|(t, _)| !t.trim().is_empty())
            .collect::<Vec<_>>()
    };
    let asks_held = |c: Option<u32>| {
        header
            .columns
            .iter()
            .any(|h| Some(h.index) == c && ASKS_HELD.contains(&normalise(&h.header).as_str()))
    };
    // The Status column is read from the head of its clauses: "Held - 2 governors absent"
    // is a meeting held.
    if let Some(said) = status::column(row, header, Field::MeetingStatus) {
        return Some((said.quote(), said.standing, said.col));
    }
    for (typed, col) in cells(Field::MeetingStatus) {
        if let Some(w) = said_word(&typed, MEETING_OFF) {
            return Some((quote(Field::MeetingStatus, w), Standing::DidNotHappen, col));
        }
        if asks_held(col) && is_one_of(&typed, NO) {
            return Some((
                quote(Field::MeetingStatus, "no"),
                Standing::DidNotHappen,
                col,
            ));
        }
    }
    for (typed, col) in cells(Field::MeetingNotes) {
        if let Some((standing, w)) = status::said_of(&typed, Standing::NOT_HELD) {
            return Some((quote(Field::MeetingNotes, w), standing, col));
        }
        if let Some(w) = said_word(&typed, MEETING_OFF) {
            return Some((quote(Field::MeetingNotes, w), Standing::DidNotHappen, col));
        }
    }
    // "Inquorate" where the attendance is written: too few came for the meeting to count.
    for (typed, col) in cells(Field::MeetingAttendees) {
        if let Some(w) = said_word(&typed, MEETING_OFF) {
            return Some((
                quote(Field::MeetingAttendees, w),
                Standing::DidNotHappen,
                col,
            ));
        }
    }
    status::not_held(row, header, Field::MeetingStatus, &[Field::MeetingGroup]).or_else(|| {
        let field = items_field(header);
        let (typed, col) = cells(field).into_iter().next()?;
        let (standing, w) = status::starts(&typed, Standing::NOT_HELD)?;
        Some((quote(field, w), standing, col))
    })
}

/// The field a meeting's items are read from: its items column, or with none its notes.
fn items_field(header: &Header) -> Field {
    if header.col(Field::MeetingItems).is_some() {
        Field::MeetingItems
    } else {
        Field::MeetingNotes
    }
}

/// The words by which one agenda item says it did not happen, if it does.
fn item_off(item: &str) -> Option<&'static str> {
    status::standing(item, &[Standing::DidNotHappen])
        .or_else(|| status::said_of(item, Standing::NOT_HELD))
        .map(|(_, w)| w)
        .or_else(|| said_word(item, ITEM_OFF))
}

/// The items that were taken, folded for topic searches, and a note for each left out.
fn items(row: &SheetRow, header: &Header) -> (String, Vec<(String, Option<u32>)>) {
    let mut kept = Vec::new();
    let mut notes = Vec::new();
    let heading = status::heading(header, items_field(header));
    for col in header.cols(items_field(header)) {
        let cell = row.get(col).text();
        for item in cell.split([';', '\n', '•', '|']).map(str::trim) {
            if item.is_empty() {
                continue;
            }
            if let Some(w) = item_off(item) {
                // Only the words read are quoted: the rest of an item could name someone.
                notes.push((
                    format!(
                        "an item under {} says \"{}\": it was not taken; not counted as discussed",
                        heading.trim(),
                        status::spoken(w)
                    ),
                    Some(col),
                ));
            } else {
                kept.push(normalise(item));
            }
        }
    }
    (kept.join(" "), notes)
}

/// A meeting row.
pub fn meeting(row: &SheetRow, header: &Header, maps: &Mappings) -> RowOutcome<Meeting> {
    let date = match dated(row, header, Field::MeetingDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    if let Some((typed, standing, col)) = not_held(row, header) {
        return skip(status::reason(&typed, standing), col);
    }
    let group = text(row, header, Field::MeetingGroup);
    if group.is_empty() {
        return skip("no group or meeting name", header.col(Field::MeetingGroup));
    }
    let attendees = text(row, header, Field::MeetingAttendees)
        .split([';', ',', '\n'])
        .filter(|p| !p.trim().is_empty())
        .count();
    let (items, notes) = items(row, header);
    let meeting = Meeting {
        date,
        group: group_for_meeting(&group, &maps.groups),
        name: meeting_group_name(&group, &maps.groups),
        attendees,
        items,
    };
    RowOutcome::with_notes(meeting, notes)
}

#[cfg(test)]
mod tests {
    use super::super::super::ColumnMap;
    use super::super::super::Kind;
    use super::super::super::header::detect;
    use super::super::super::table::Value;
    use super::*;

    fn row(index: u32, cells: &[&str]) -> SheetRow {
        SheetRow {
            index,
            cells: cells.iter().map(|c| Value::from_text(c)).collect(),
        }
    }

    fn read(heads: &[&str], cells: &[&str]) -> RowOutcome<Meeting> {
        let rows = vec![row(0, heads), row(1, cells)];
        let header = detect(Kind::Meetings, &rows, &ColumnMap::default()).expect("a header");
        meeting(&rows[1], &header, &Mappings::default())
    }

    #[test]
    fn a_meeting_its_status_or_notes_say_did_not_go_ahead_is_not_counted() {
        let heads = ["Date", "Group", "Main items", "Status", "Notes"];
        for (status, notes) in [
            ("Inquorate - meeting did not go ahead", ""),
            ("Inquorate", ""),
            ("", "Inquorate - meeting did not go ahead"),
            ("", "Cancelled"),
            ("", "Postponed - head ill"),
            ("", "Meeting cancelled due to snow"),
            ("Not taken place", ""),
        ] {
            let got = read(
                &heads,
                &["01/10/2026", "Governors", "Filtering report", status, notes],
            );
            assert!(
                matches!(got, RowOutcome::Skipped { .. }),
                "{status} / {notes}: {got:?}"
            );
        }
        let held = ["Date", "Group", "Items", "Held"];
        let got = read(
            &held,
            &["01/10/2026", "Governors", "Filtering report", "No"],
        );
        assert!(matches!(got, RowOutcome::Skipped { .. }), "{got:?}");
        let got = read(
            &held,
            &["01/10/2026", "Governors", "Filtering report", "Yes"],
        );
        assert!(matches!(got, RowOutcome::Used(_)), "{got:?}");
    }

    #[test]
    fn an_attendance_written_as_inquorate_is_a_meeting_that_did_not_count() {
        let heads = ["Date", "Group", "Present", "Main items"];
        for present in [
            "Inquorate",
            "Inquorate - 2 governors",
            "not quorate",
            "No quorum",
        ] {
            let got = read(
                &heads,
                &["01/10/2026", "Governors", present, "Filtering report"],
            );
            let RowOutcome::Skipped { col, .. } = got else {
                panic!("{present}: {got:?}");
            };
            assert_eq!(col, Some(2), "{present}");
        }
        let got = read(
            &heads,
            &["01/10/2026", "Governors", "6 governors", "Filtering report"],
        );
        assert!(matches!(got, RowOutcome::Used(_)), "{got:?}");
    }

    #[test]
    fn an_item_that_says_it_did_not_happen_is_not_searched() {
        let heads = ["Date", "Group", "Main items"];
        for item in [
            "Filtering and monitoring review deferred",
            "Filtering report not discussed",
            "Online safety report not received",
            "Online safety report postponed",
            "Online safety report - carried forward to next meeting",
            "Online safety report cancelled",
            "Policy review (no papers)",
            "Policy review - papers not circulated",
        ] {
            let cell = format!("Minutes of last meeting; {item}");
            let got = read(&heads, &["01/10/2026", "Governors", &cell]);
            let RowOutcome::Noted { record, note, col } = got else {
                panic!("{item}: {got:?}");
            };
            assert_eq!(record.items, "minutes of last meeting", "{item}");
            assert!(
                note.starts_with("an item under Main items says") && !note.contains(item),
                "{note}"
            );
            assert_eq!(col, Some(2));
        }
        let got = read(
            &heads,
            &["01/10/2026", "Governors", "Filtering report; Policy review"],
        );
        let RowOutcome::Used(m) = got else {
            panic!("{got:?}")
        };
        assert_eq!(m.items, "filtering report policy review");
    }

    #[test]
    fn notes_are_read_for_items_only_when_there_is_no_items_column() {
        let got = read(
            &["Date", "Group", "Notes"],
            &["01/10/2026", "Governors", "Online safety report"],
        );
        let RowOutcome::Used(m) = got else {
            panic!("{got:?}")
        };
        assert_eq!(m.items, "online safety report");
        let got = read(
            &["Date", "Group", "Main items", "Notes", "Comments"],
            &[
                "01/10/2026",
                "Governors",
                "Filtering report",
                "Online safety",
                "Good",
            ],
        );
        let RowOutcome::Used(m) = got else {
            panic!("{got:?}")
        };
        assert_eq!(m.items, "filtering report");
    }
}
