//! A training register's row: the person, their role and group, and the date they were
//! trained, unless its status, a note or the course's name says the training did not
//! take place (then the person is kept, counted as not trained, so the share is not raised).
//! Apart from the other records only to keep each file short.

use chrono::NaiveDate;

use super::super::Field;
use super::super::header::{Header, normalise};
use super::super::mapping::{group_for_role, slug};
use super::super::status;
use super::super::table::SheetRow;
use super::{Mappings, NOTE, RowOutcome, Training, date, doubt, is_note, skip, text};

/// What a training Status cell must say for the person to count as trained.
const TRAINED: &str = "trained (completed, passed, attended, certificate, yes or a tick)";

/// A training row.
pub fn training(row: &SheetRow, header: &Header, maps: &Mappings) -> RowOutcome<Training> {
    if row.is_blank() {
        return RowOutcome::Blank;
    }
    if is_note(row) {
        return skip(NOTE, None);
    }
    let person = text(row, header, Field::TrainingPerson);
    if person.is_empty() {
        return skip("no name", header.col(Field::TrainingPerson));
    }
    // A person whose date cannot be read is still one of the people to train: dropping the
    // row would raise the share trained.
    // The Status column, a note or the course's name may say it did not take place.
    let status = doubt::doubt(row, header).or_else(|| {
        status::said_in(
            row,
            header,
            Field::TrainingStatus,
            &[Field::TrainingNotes, Field::TrainingCourse],
            (status::Standing::NOT_TRAINED, TRAINED),
        )
    });
    let (date, note) = match date(row, header, Field::TrainingDate) {
        // "Booked", "Cancelled", "Did not attend", "Failed": not trained.
        _ if let Some((why, _)) = &status => (
            None,
            Some(format!("{person}: {why}; counted as not trained")),
        ),
        // With no date column at all the file is named once, not each person.
        Ok(None) if header.col(Field::TrainingDate).is_some() => (
            None,
            Some(format!("{person}: no date; counted as not trained")),
        ),
        Ok(d) => (d, None),
        Err(reason) => (
            None,
            Some(format!("{person}: {reason}; counted as not trained")),
        ),
    };
    let role = text(row, header, Field::TrainingRole);
    let explicit = text(row, header, Field::TrainingGroup);
    let group = if explicit.is_empty() {
        group_for_role(&role, &maps.roles)
    } else {
        slug(&explicit)
    };
    let record = Training {
        key: normalise(&person),
        person,
        role,
        group,
        course: text(row, header, Field::TrainingCourse),
        date,
        next_due: date_or_none(row, header, Field::TrainingNextDue),
    };
    match note {
        None => RowOutcome::Used(record),
        Some(note) => RowOutcome::Noted {
            record,
            note,
            col: status.map_or(header.col(Field::TrainingDate), |s| s.1),
        },
    }
}

fn date_or_none(row: &SheetRow, header: &Header, field: Field) -> Option<NaiveDate> {
    date(row, header, field).ok().flatten()
}
