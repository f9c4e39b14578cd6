//! Which columns of an incident log or pupil list name people, and which part of a name
//! each holds.
//!
//! Header detection maps one column to each field; people are often named in several
//! ("Pupil", "Others involved", "Forename" and "Surname" apart), under headings no list can
//! foresee. Every column is judged by the words of its heading: words that say it names
//! people ("pupil", "victim", "involved", "concern raised about"), and words that say it is
//! about something else (staff who reported or acted, dates, ids, descriptions, parents).

use std::collections::BTreeMap;

use super::Kind;
use super::header::{Column, normalise};

/// The columns of a sheet that name people, by the part of the name each holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleColumns {
    /// Forenames, legal or preferred.
    pub forenames: Vec<u32>,
    /// Surnames.
    pub surnames: Vec<u32>,
    /// Whole names, perhaps several to a cell.
    pub whole: Vec<u32>,
}

impl PeopleColumns {
    /// Every column, in no particular order.
    pub fn all(&self) -> impl Iterator<Item = u32> + '_ {
        self.forenames
            .iter()
            .chain(&self.surnames)
            .chain(&self.whole)
            .copied()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.all().next().is_none()
    }
}

/// Words of a heading that say the column names people.
const PERSON_WORDS: &[&str] = &[
    "accused",
    "affected",
    "aggressor",
    "aggressors",
    "alleged",
    "bullies",
    "bully",
    "child",
    "children",
    "childs",
    "complainant",
    "complainants",
    "cyp",
    "individual",
    "individuals",
    "instigator",
    "instigators",
    "involved",
    "involving",
    "learner",
    "learners",
    "name",
    "names",
    "parties",
    "party",
    "people",
    "perpetrator",
    "perpetrators",
    "person",
    "persons",
    "pupil",
    "pupils",
    "student",
    "students",
    "subject",
    "target",
    "targets",
    "victim",
    "victims",
    "who",
    "whom",
    "witness",
    "witnesses",
];

/// Words of a heading that say the column is about something else: staff, dates, ids,
/// descriptions, parents.
const NOT_PEOPLE_WORDS: &[&str] = &[
    "action",
    "actioned",
    "actions",
    "address",
    "adult",
    "adults",
    "age",
    "agencies",
    "agency",
    "assigned",
    "author",
    "birth",
    "by",
    "carer",
    "carers",
    "category",
    "comment",
    "comments",
    "contact",
    "contacted",
    "count",
    "created",
    "date",
    "dealt",
    "description",
    "details",
    "dob",
    "dsl",
    "email",
    "ethnicity",
    "external",
    "father",
    "file",
    "gender",
    "group",
    "guardian",
    "handled",
    "happened",
    "id",
    "incident",
    "informed",
    "lead",
    "location",
    "logged",
    "mother",
    "no",
    "notes",
    "notified",
    "number",
    "officer",
    "organisation",
    "organisations",
    "outcome",
    "owner",
    "parent",
    "parents",
    "phone",
    "police",
    "professional",
    "professionals",
    "raised",
    "recorded",
    "ref",
    "reference",
    "reported",
    "reporter",
    "responsible",
    "school",
    "service",
    "services",
    "sex",
    "signature",
    "signed",
    "staff",
    "status",
    "summary",
    "teacher",
    "teachers",
    "time",
    "total",
    "tutor",
    "type",
    "uln",
    "upn",
    "what",
];

/// Which part of a name a heading's column holds, if it holds one.
pub(super) fn person_part(heading: &str) -> Option<fn(&mut PeopleColumns) -> &mut Vec<u32>> {
    let words: Vec<String> = crate::privacy::fold::words(heading, true);
    let has = |w: &str| words.iter().any(|x| x == w);
    // Who a record is about, whatever else the heading says: "Concern raised about",
    // "Concern for", "Record for", "Regarding".
    let about = has("about")
        || has("concerning")
        || has("regarding")
        || ((has("concern") || has("record")) && has("for"));
    if about && !has("by") {
        return Some(|p| &mut p.whole);
    }
    if words.iter().any(|w| NOT_PEOPLE_WORDS.contains(&w.as_str())) {
        return None;
    }
    let forename = has("forename")
        || has("middle")
        || has("forenames")
        || has("firstname")
        || has("preferred")
        || has("nickname")
        || has("christian")
        || (has("known") && has("as"))
        || ((has("first") || has("given")) && (has("name") || has("names")));
    let surname = has("surname")
        || has("surnames")
        || has("lastname")
        || ((has("last") || has("family")) && (has("name") || has("names")));
    match (forename, surname) {
        (true, false) => Some(|p| &mut p.forenames),
        (false, true) => Some(|p| &mut p.surnames),
        (true, true) => Some(|p| &mut p.whole),
        (false, false) if words.iter().any(|w| PERSON_WORDS.contains(&w.as_str())) => {
            Some(|p| &mut p.whole)
        }
        (false, false) => None,
    }
}

/// Whether the school's own mapping sends this heading to a name field.
fn mapped_to_person(heading: &str, overrides: &BTreeMap<String, String>) -> bool {
    let h = normalise(heading);
    overrides.iter().any(|(k, field)| {
        normalise(k) == h && matches!(field.as_str(), "person" | "name" | "forename" | "surname")
    })
}

/// The columns naming people in an incident log or pupil list: every column mapped to a
/// name field, and every other column whose heading reads as one ("Child's name",
/// "Pupil(s) involved", "Victim", "Pupil 2").
pub fn people_columns(
    kind: Kind,
    columns: &[Column],
    overrides: &BTreeMap<String, String>,
) -> PeopleColumns {
    let mut people = PeopleColumns::default();
    if !kind.names_children() {
        return people;
    }
    for c in columns {
        let part: Option<fn(&mut PeopleColumns) -> &mut Vec<u32>> = match c.field {
            Some("forename" | "preferred-forename") => Some(|p| &mut p.forenames),
            Some("surname" | "legal-surname") => Some(|p| &mut p.surnames),
            Some("name" | "person") => Some(|p| &mut p.whole),
            Some(_) => None,
            None if mapped_to_person(&c.header, overrides) => Some(|p| &mut p.whole),
            None => person_part(&c.header),
        };
        if let Some(part) = part {
            part(&mut people).push(c.index);
        }
    }
    people
}
