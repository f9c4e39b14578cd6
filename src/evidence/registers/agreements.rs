//! Rows of an acceptable use agreements register: a person who signed, or a count for a
//! group, and which group it is. A pupil's name is learnt for the privacy guard and never
//! kept: a person is held as a hash of the folded name, so that the same pupil signing
//! twice counts once.

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::NaiveDate;

use super::{Agreement, count};
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::mapping::group_for_role;
use crate::evidence::records::{self, Mappings, NOTE, RowOutcome, is_note, skip, text};
use crate::evidence::table::SheetRow;
use crate::privacy::Names;

/// Words of a group that say it is pupils: a year group, a class, a key stage.
const PUPIL_WORDS: &[&str] = &[
    "pupil",
    "pupils",
    "learner",
    "learners",
    "student",
    "students",
    "children",
    "child",
    "year",
    "yr",
    "reception",
    "nursery",
    "class",
    "form",
    "ks1",
    "ks2",
    "ks3",
    "ks4",
    "ks5",
    "key",
    "eyfs",
    "sixth",
    "foundation",
    "infants",
    "juniors",
];

/// Words of a group that say it is adults: staff by their roles, governors, volunteers,
/// visitors.
const ADULT_WORDS: &[&str] = &[
    "staff",
    "teacher",
    "teachers",
    "teaching",
    "ta",
    "tas",
    "assistant",
    "assistants",
    "support",
    "governor",
    "governors",
    "trustee",
    "trustees",
    "volunteer",
    "volunteers",
    "visitor",
    "visitors",
    "contractor",
    "contractors",
    "admin",
    "administration",
    "office",
    "head",
    "headteacher",
    "deputy",
    "senco",
    "dsl",
    "technician",
    "caretaker",
    "site",
    "lunchtime",
    "midday",
    "cleaner",
    "cleaners",
    "supply",
    "leader",
    "leaders",
    "leadership",
    "slt",
    "business",
    "manager",
    "employee",
    "employees",
    "adults",
];

/// Whether a group, normalised, is learners: a year, class or key stage, or the groups
/// learners serve in ("Digital leaders", "School council").
pub(crate) fn is_learners(n: &str) -> bool {
    n.split(' ')
        .any(|w| PUPIL_WORDS.contains(&w) || year_code(w))
        || [
            "digital leader",
            "school council",
            "pupil voice",
            "learner voice",
            "student voice",
            "prefect",
        ]
        .iter()
        .any(|p| n.contains(p))
}

/// Whether a word is a year group's code: `y4`, `y10`.
fn year_code(w: &str) -> bool {
    (2..=3).contains(&w.len()) && w.starts_with('y') && w[1..].chars().all(|c| c.is_ascii_digit())
}

/// The group an agreement counts in: the school's role mapping first; then pupils by
/// year, class or key stage, parents, and adults in the groups their roles fall into. A
/// group that says neither ("Oak", "6B": classes named as schools name them) counts as
/// pupils, so that the names on its rows are kept out of everything the tool writes.
pub(super) fn agreement_group(part: &str, maps: &Mappings) -> String {
    let n = normalise(part);
    if maps.roles.keys().any(|k| normalise(k) == n) {
        return group_for_role(part, &maps.roles);
    }
    let words: Vec<&str> = n.split(' ').collect();
    if is_learners(&n) {
        "pupils".into()
    } else if words
        .iter()
        .any(|w| w.starts_with("parent") || w.starts_with("carer"))
    {
        "parents".into()
    } else if words.iter().any(|w| ADULT_WORDS.contains(w)) {
        group_for_role(part, &maps.roles)
    } else {
        "pupils".into()
    }
}

fn person_key(name: &str) -> u64 {
    let mut h = DefaultHasher::new();
    crate::privacy::fold::words(name, true).hash(&mut h);
    h.finish()
}

/// A row of an agreements register. A pupil's name is learnt into `private` and never
/// kept; a row is a person when it names one and gives no count.
pub fn agreement(
    row: &SheetRow,
    header: &Header,
    maps: &Mappings,
    private: &mut Names,
) -> RowOutcome<Agreement> {
    if row.is_blank() {
        return RowOutcome::Blank;
    }
    let part = text(row, header, Field::AgreementGroup);
    let group = agreement_group(&part, maps);
    if group == "pupils" || part.is_empty() {
        records::learn_names(row, header, private);
    }
    if is_note(row) {
        return skip(NOTE, None);
    }
    if part.is_empty() {
        return skip("no group", header.col(Field::AgreementGroup));
    }
    let date = match records::date(row, header, Field::AgreementDate) {
        Ok(d) => d,
        Err(reason) => return skip(reason, header.col(Field::AgreementDate)),
    };
    let signed = match count(row, header, Field::AgreementSigned) {
        Ok(c) => c,
        Err(reason) => return skip(reason, header.col(Field::AgreementSigned)),
    };
    let of = match count(row, header, Field::AgreementOf) {
        Ok(c) => c.map(|(n, _)| n),
        Err(reason) => return skip(reason, header.col(Field::AgreementOf)),
    };
    let read = Read {
        group,
        part,
        person: text(row, header, Field::AgreementPerson),
        signed,
        of,
        date,
        dates_recorded: header.col(Field::AgreementDate).is_some(),
    };
    match read.record() {
        Ok(record) => RowOutcome::Used(record),
        Err((reason, field)) => skip(reason, header.col(field)),
    }
}

/// What a row of an agreements register gives, before it is judged a person, a count or
/// neither.
struct Read {
    group: String,
    part: String,
    person: String,
    signed: Option<(usize, Option<usize>)>,
    of: Option<usize>,
    date: Option<NaiveDate>,
    /// Whether the register has a column of dates signed at all: with none, the source is
    /// named once as not recording dates rather than every count skipped.
    dates_recorded: bool,
}

impl Read {
    /// The record, or why the row is skipped and the column at fault.
    fn record(self) -> Result<Agreement, (String, Field)> {
        let Read {
            group,
            part,
            person,
            signed,
            of,
            date,
            dates_recorded,
        } = self;
        match (signed, of) {
            (None, None) if !person.is_empty() => Ok(Agreement {
                group,
                part,
                person: Some(person_key(&person)),
                signed: usize::from(date.is_some()),
                of: 1,
                date,
            }),
            (None, None) => Err((
                "no name and no count of who signed".into(),
                Field::AgreementSigned,
            )),
            (Some((n, of_in_cell)), of) => match of.or(of_in_cell) {
                Some(of) if n <= of && (date.is_some() || !dates_recorded) => Ok(Agreement {
                    group,
                    part,
                    person: None,
                    signed: n,
                    of,
                    date,
                }),
                Some(_) if date.is_none() => {
                    Err(("a count with no date signed".into(), Field::AgreementDate))
                }
                Some(of) => Err((
                    format!("{n} signed out of {of}: more signed than are in the group"),
                    Field::AgreementSigned,
                )),
                None => Err((
                    "a count of who signed with no number in the group (Out of)".into(),
                    Field::AgreementOf,
                )),
            },
            (None, Some(_)) => Err((
                "a number in the group but no count of who signed".into(),
                Field::AgreementSigned,
            )),
        }
    }
}
