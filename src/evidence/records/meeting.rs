//! A meeting register's row: its date, group, attendees and items, unless its status says
//! it did not take place. Apart from the other records only to keep each file short.

use super::super::Field;
use super::super::header::{Header, normalise};
use super::super::mapping::{group_for_meeting, meeting_group_name};
use super::super::status;
use super::super::table::SheetRow;
use super::{Mappings, Meeting, RowOutcome, dated, skip, text};

/// A meeting row.
pub fn meeting(row: &SheetRow, header: &Header, maps: &Mappings) -> RowOutcome<Meeting> {
    let date = match dated(row, header, Field::MeetingDate) {
        Ok(d) => d,
        Err(outcome) => return outcome,
    };
    let held = status::not_held(
        row,
        header,
        Field::MeetingStatus,
        &[Field::MeetingGroup, Field::MeetingItems],
    );
    if let Some((typed, standing, col)) = held {
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
    RowOutcome::Used(Meeting {
        date,
        group: group_for_meeting(&group, &maps.groups),
        name: meeting_group_name(&group, &maps.groups),
        attendees,
        items: normalise(&text(row, header, Field::MeetingItems)),
    })
}
