//! Which columns of an incident log or pupil list name people, and which part of a name
//! each holds.
//!
//! Header detection maps one column to each field; people are often named in several
//! ("Pupil", "Others involved", "Forename" and "Surname" apart), under headings no list can
//! foresee. Every column is judged by the words of its heading: words that say it names
//! people ("pupil", "victim", "involved", "concern raised about"), and words that say it is
//! about something else (staff who reported or acted, dates, ids, descriptions, parents).

use super::header::Column;
use super::{ColumnMap, Field, Kind};

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

/// Which part of a person's name a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamePart {
    /// Forenames, legal or preferred.
    Forename,
    /// Surnames.
    Surname,
    /// Whole names, perhaps several to a cell.
    Whole,
}

impl PeopleColumns {
    /// The columns holding `part`.
    fn of_part(&mut self, part: NamePart) -> &mut Vec<u32> {
        match part {
            NamePart::Forename => &mut self.forenames,
            NamePart::Surname => &mut self.surnames,
            NamePart::Whole => &mut self.whole,
        }
    }

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

/// Which part of a name a field holds, if it holds one.
pub fn name_part(field: Field) -> Option<NamePart> {
    use Field::*;
    match field {
        PupilForename | PupilPreferredForename => Some(NamePart::Forename),
        PupilSurname | PupilLegalSurname => Some(NamePart::Surname),
        PupilName | IncidentPerson | TrainingPerson | AgreementPerson => Some(NamePart::Whole),
        TrainingRole
        | TrainingGroup
        | TrainingCourse
        | TrainingProvider
        | TrainingDate
        | TrainingNextDue
        | TrainingCertificate
        | IncidentDate
        | IncidentTime
        | IncidentCategory
        | IncidentYearGroup
        | IncidentDescription
        | IncidentAction
        | IncidentActionBy
        | IncidentReportedBy
        | IncidentStatus
        | MeetingDate
        | MeetingGroup
        | MeetingAttendees
        | MeetingApologies
        | MeetingItems
        | MeetingNotes
        | MeetingActionsAgreed
        | MeetingActionsCompleted
        | DocumentName
        | DocumentOwner
        | DocumentApprovedBy
        | DocumentLastReviewed
        | DocumentNextDue
        | DocumentKept
        | DocumentApprovedOn
        | DocumentFrequency
        | DocumentStatus
        | DocumentNotes
        | AgreementGroup
        | AgreementSigned
        | AgreementOf
        | AgreementDate
        | FilteringDate
        | FilteringTested
        | FilteringResult
        | FilteringBy
        | FilteringAction
        | SurveyDate
        | SurveyGroup
        | SurveyTitle
        | SurveyResponses
        | SurveyFindings
        | EngagementDate
        | EngagementType
        | EngagementTitle
        | EngagementAttendance
        | TrainingStatus
        | TrainingNotes
        | MeetingStatus
        | AgreementStatus
        | FilteringStatus
        | SurveyStatus
        | EngagementStatus
        | EngagementNotes
        | EngagementAudience => None,
    }
}

/// Which part of a name a heading's column holds, if it holds one.
pub(super) fn person_part(heading: &str) -> Option<NamePart> {
    let words: Vec<String> = crate::privacy::fold::words(heading, true);
    let has = |w: &str| words.iter().any(|x| x == w);
    // Who a record is about, whatever else the heading says: "Concern raised about",
    // "Concern for", "Record for", "Regarding".
    let about = has("about")
        || has("concerning")
        || has("regarding")
        || ((has("concern") || has("record")) && has("for"));
    if about && !has("by") {
        return Some(NamePart::Whole);
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
        (true, false) => Some(NamePart::Forename),
        (false, true) => Some(NamePart::Surname),
        (true, true) => Some(NamePart::Whole),
        (false, false) if words.iter().any(|w| PERSON_WORDS.contains(&w.as_str())) => {
            Some(NamePart::Whole)
        }
        (false, false) => None,
    }
}

/// Whether the school's own mapping sends this heading to a whole name, a forename or a
/// surname: a second heading mapped to the same field finds it taken by the first, and
/// still names people.
fn mapped_to_person(heading: &str, overrides: &ColumnMap) -> bool {
    use Field::*;
    overrides.get(heading).is_some_and(|f| {
        matches!(
            f,
            TrainingPerson
                | IncidentPerson
                | PupilName
                | PupilForename
                | PupilSurname
                | AgreementPerson
        )
    })
}

/// The columns naming people in an incident log or pupil list: every column mapped to a
/// name field, and every other column whose heading reads as one ("Child's name",
/// "Pupil(s) involved", "Victim", "Pupil 2").
pub fn people_columns(kind: Kind, columns: &[Column], overrides: &ColumnMap) -> PeopleColumns {
    let mut people = PeopleColumns::default();
    if !kind.names_children() {
        return people;
    }
    for c in columns {
        let part = match c.field {
            Some(field) => name_part(field),
            None if mapped_to_person(&c.header, overrides) => Some(NamePart::Whole),
            None => person_part(&c.header),
        };
        if let Some(part) = part {
            people.of_part(part).push(c.index);
        }
    }
    people
}
