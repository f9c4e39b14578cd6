//! The evidence spreadsheets a school already keeps, by kind.
//!
//! Each kind has a set of fields the tool understands ([`field`]), each with the header it
//! writes in its blank templates. The importer recognises these headers (and the common
//! variants schools use) when it reads a school's own files, so a template filled in by hand
//! always imports. What review.toml says about each file ([`SourceSpec`]) is described here
//! too, so that importing needs nothing from the review above it.

pub mod csvfile;
pub mod dating;
pub mod field;
pub mod header;
pub mod import;
pub mod mapping;
pub mod people;
pub mod records;
pub mod registers;
pub mod sheet;
pub mod source;
pub mod status;
pub mod table;
pub mod tally;
pub mod template;
pub mod unrecorded;
pub mod wording;

use serde::{Deserialize, Serialize};

pub use field::{Field, ValueType};
pub use source::{ColumnMap, SourceSpec, UnknownField};

/// What an evidence spreadsheet records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Staff and governor training records, or a training needs audit.
    Training,
    /// An online safety incident log or a safeguarding system's export.
    Incidents,
    /// A register or minutes of meetings.
    Meetings,
    /// A register of policies and other key documents, with their review dates.
    Documents,
    /// Records of acceptable use agreements signed, person by person or as counts by group.
    Agreements,
    /// A log of the checks made that the filtering blocks what it should.
    Filtering,
    /// Surveys of learners, staff or parents.
    Surveys,
    /// Sessions held for parents and carers, and communications sent to them.
    Engagement,
    /// The pupil list from the school's management information system: read only to learn
    /// the names that must never leave, never reported beyond a count.
    Pupils,
}

impl Kind {
    /// Every kind, in the order they are documented.
    pub const ALL: [Kind; 9] = [
        Kind::Training,
        Kind::Incidents,
        Kind::Meetings,
        Kind::Documents,
        Kind::Agreements,
        Kind::Filtering,
        Kind::Surveys,
        Kind::Engagement,
        Kind::Pupils,
    ];

    /// The kinds `init` writes a blank template for: a pupil list is exported from the
    /// school's own system, never typed into a template.
    pub const TEMPLATES: [Kind; 8] = [
        Kind::Training,
        Kind::Incidents,
        Kind::Meetings,
        Kind::Documents,
        Kind::Agreements,
        Kind::Filtering,
        Kind::Surveys,
        Kind::Engagement,
    ];

    /// The kinds whose templates `init` lists in review.toml with the `[[evidence]]` lines
    /// commented out, so a review starts with the three records every school keeps and
    /// takes on the others when the school fills them in.
    pub const OPTIONAL: [Kind; 5] = [
        Kind::Documents,
        Kind::Agreements,
        Kind::Filtering,
        Kind::Surveys,
        Kind::Engagement,
    ];

    /// Whether records of this kind may name children: their cell values are never echoed,
    /// and the files are never packed. An agreements log lists pupils who signed.
    pub fn names_children(self) -> bool {
        matches!(self, Kind::Incidents | Kind::Pupils | Kind::Agreements)
    }

    /// The name used in `review.toml` and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Training => "training",
            Kind::Incidents => "incidents",
            Kind::Meetings => "meetings",
            Kind::Documents => "documents",
            Kind::Agreements => "agreements",
            Kind::Filtering => "filtering",
            Kind::Surveys => "surveys",
            Kind::Engagement => "engagement",
            Kind::Pupils => "pupils",
        }
    }

    /// The file name `init` gives the blank template.
    pub fn template_file(self) -> &'static str {
        match self {
            Kind::Training => "training-records.xlsx",
            Kind::Incidents => "incident-log.xlsx",
            Kind::Meetings => "meeting-register.xlsx",
            Kind::Documents => "policy-register.xlsx",
            Kind::Agreements => "acceptable-use-agreements.xlsx",
            Kind::Filtering => "filtering-checks.xlsx",
            Kind::Surveys => "surveys.xlsx",
            Kind::Engagement => "parent-engagement.xlsx",
            Kind::Pupils => "pupil-list.csv",
        }
    }

    /// The name of the sheet holding the table in the template.
    pub fn sheet_name(self) -> &'static str {
        match self {
            Kind::Training => "Training",
            Kind::Incidents => "Incidents",
            Kind::Meetings => "Meetings",
            Kind::Documents => "Documents",
            Kind::Agreements => "Agreements",
            Kind::Filtering => "Filtering checks",
            Kind::Surveys => "Surveys",
            Kind::Engagement => "Parent engagement",
            Kind::Pupils => "Pupils",
        }
    }

    /// The fields the blank template has columns for, in column order.
    pub fn template_fields(self) -> impl Iterator<Item = Field> {
        self.fields().filter(|f| f.in_template())
    }

    /// Every field of this kind, in template column order.
    pub fn fields(self) -> impl Iterator<Item = Field> {
        Field::ALL.iter().copied().filter(move |f| f.kind() == self)
    }

    /// The field a column naming people is shown as when no field of its own was found
    /// for it; meeting registers name no one the tool reads.
    pub fn person_field(self) -> Option<Field> {
        match self {
            Kind::Training => Some(Field::TrainingPerson),
            Kind::Incidents => Some(Field::IncidentPerson),
            Kind::Meetings
            | Kind::Documents
            | Kind::Filtering
            | Kind::Surveys
            | Kind::Engagement => None,
            Kind::Agreements => Some(Field::AgreementPerson),
            Kind::Pupils => Some(Field::PupilName),
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                let (last, rest) = names.split_last().expect("there are kinds");
                format!(
                    "`{s}` is not an evidence kind (use {} or {last})",
                    rest.join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_have_distinct_headers() {
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>(), Ok(kind));
            let mut headers: Vec<_> = kind.fields().map(Field::header).collect();
            headers.sort_unstable();
            headers.dedup();
            assert_eq!(headers.len(), kind.fields().count());
            assert!(kind.fields().any(Field::required) || kind == Kind::Pupils);
        }
        assert!("pupil".parse::<Kind>().is_err());
    }
}
