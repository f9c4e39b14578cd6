//! Rows of an acceptable use agreements register: a person who signed, or a count for a
//! group, and which group it is. A pupil's name is learnt for the privacy guard and never
//! kept: a person is held as a hash of the folded name, so that the same pupil signing
//! twice counts once.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::groups::{Who, who};
use super::{Agreement, Pending, not_given};
use crate::evidence::Field;
use crate::evidence::header::{Header, normalise};
use crate::evidence::mapping::group_for_role;
use crate::evidence::records::{self, Mappings, NOTE, RowOutcome, is_note, skip, text};
use crate::evidence::table::SheetRow;
use crate::privacy::Names;

/// The group an agreement counts in: the school's role mapping first; then who the
/// group's words say it is ([`who`]): pupils by year, class or key stage, parents,
/// governors, volunteers, or staff by their roles. `None` for a group whose words say none
/// of these ("Oak", "Blue team"): it is not counted as anyone, and a warning names it.
pub(super) fn agreement_group(part: &str, maps: &Mappings) -> Option<String> {
    let n = normalise(part);
    if maps.roles.keys().any(|k| normalise(k) == n) {
        return Some(group_for_role(part, &maps.roles));
    }
    Some(
        match who(part)? {
            Who::Learners => "pupils",
            Who::Parents => "parents",
            Who::Governors => "governors",
            Who::Volunteers => "volunteers",
            Who::Staff => return Some(group_for_role(part, &maps.roles)),
        }
        .to_string(),
    )
}

/// Why a row with figures but no group is skipped: it may be any group's, so every
/// group's agreements check is then not met.
pub(crate) const NO_GROUP: &str = "no group";

/// Why a row of a group the tool cannot place is not counted.
pub(crate) const UNPLACED: &str = "the group is not one selfreview can place as pupils (a year, class or key stage), parents, staff, governors or volunteers, so the row is not counted as anyone";

fn person_key(name: &str) -> u64 {
    let mut h = DefaultHasher::new();
    crate::privacy::fold::words(name, true).hash(&mut h);
    h.finish()
}

/// Why a row holding a group and nothing else is skipped: "Year 5" with no figures beside
/// it is a group whose count was never typed, not a footer, and the lead should know it is
/// missing. A group in capitals or ending with a colon ("KEY STAGE 2", "Key stage 2:") is a
/// heading over the classes below it, and is left to be a note.
fn no_figures(
    part: &str,
    person: &str,
    placed: bool,
    header: &Header,
) -> Option<RowOutcome<Agreement>> {
    let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase());
    let heading = capitals || part.trim_end().ends_with(':');
    // A sentence at the foot ("Returns chased by class teachers each September: 6
    // classes") is a note, not a group: a group is named in a few words.
    let sentence = part.split_whitespace().count() > 4 || part.contains([':', ';', '.']);
    // In a register kept person by person, a group alone heads the people below it.
    let by_person = header.col(Field::AgreementPerson).is_some();
    (placed && !part.is_empty() && person.is_empty() && !heading && !sentence && !by_person).then(
        || {
            skip(
                NO_FIGURES,
                header
                    .col(Field::AgreementSigned)
                    .or(header.col(Field::AgreementGroup)),
            )
        },
    )
}

/// Why a group's row with no figures beside it is skipped.
pub(crate) const NO_FIGURES: &str = "a group with no figures: nothing beside it says how many signed or how many are in the group, so it is skipped and counts for no one";

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
    // `n/a` or `-` in the group column names no group.
    let part = Some(text(row, header, Field::AgreementGroup))
        .filter(|t| !not_given(t))
        .unwrap_or_default();
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
    // A group that is not placed may be a class named as a school names it ("Oak"): its
    // names are learnt as pupils' are, so that none of them is shown anywhere.
    if group.as_deref().is_none_or(|g| g == "pupils") {
        records::learn_names(row, header, private);
    }
    if is_note(row) {
        return Err(no_figures(&part, &person, group.is_some(), header).unwrap_or(skip(NOTE, None)));
    }
    if part.is_empty() {
        return Err(skip(NO_GROUP, header.col(Field::AgreementGroup)));
    }
    let Some(group) = group else {
        return Err(skip(UNPLACED, header.col(Field::AgreementGroup)));
    };
    let person = (!person.is_empty()).then(|| person_key(&person));
    Ok(Pending::new(row, header, (group, part), person))
}
