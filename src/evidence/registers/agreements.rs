//! Rows of an acceptable use agreements register: a person who signed, or a count for a
//! group, and which group it is. A pupil's name is learnt for the privacy guard and never
//! kept: a person is held as a hash of the folded name, so that the same pupil signing
//! twice counts once.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Agreement, Pending};
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

/// A row of an agreements register, read as far as it can be before the whole Signed
/// column is known ([`super::settle`] finishes it); `Err` for a row that is blank or
/// skipped whatever the column holds. A pupil's name is learnt into `private` and never
/// kept.
pub fn agreement(
    row: &SheetRow,
    header: &Header,
    maps: &Mappings,
    private: &mut Names,
) -> Result<Pending, RowOutcome<Agreement>> {
    if row.is_blank() {
        return Err(RowOutcome::Blank);
    }
    let part = text(row, header, Field::AgreementGroup);
    // A Total row at the foot adds up the rows above it, whether the register is kept by
    // group (Total in the group column) or by person (Total in the name column, or in
    // the first cell): it is no group and no person, and names nobody.
    let person = text(row, header, Field::AgreementPerson);
    let first = row
        .cells
        .iter()
        .find(|c| !c.is_empty())
        .map(|c| c.text())
        .unwrap_or_default();
    let total = [&part, &person, &first]
        .iter()
        .any(|t| records::is_total(t));
    if total {
        return Err(skip(NOTE, None));
    }
    let group = agreement_group(&part, maps);
    if group == "pupils" || part.is_empty() {
        records::learn_names(row, header, private);
    }
    if is_note(row) {
        return Err(skip(NOTE, None));
    }
    if part.is_empty() {
        return Err(skip("no group", header.col(Field::AgreementGroup)));
    }
    let person = (!person.is_empty()).then(|| person_key(&person));
    Ok(Pending::new(row, header, (group, part), person))
}
