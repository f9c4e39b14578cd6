//! The evidence spreadsheets a school already keeps, by kind.
//!
//! Each kind has a set of fields the tool understands, each with the header it writes in
//! its blank templates. The importer recognises these headers (and the common variants
//! schools use) when it reads a school's own files, so a template filled in by hand always
//! imports.

mod aliases;
pub mod csvfile;
pub mod dating;
pub mod header;
pub mod import;
pub mod mapping;
pub mod people;
pub mod records;
pub mod sheet;
pub mod table;
pub mod tally;
pub mod template;
pub mod unrecorded;

use serde::{Deserialize, Serialize};

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
    /// The pupil list from the school's management information system: read only to learn
    /// the names that must never leave, never reported beyond a count.
    Pupils,
}

impl Kind {
    /// Every kind, in the order they are documented.
    pub const ALL: [Kind; 4] = [
        Kind::Training,
        Kind::Incidents,
        Kind::Meetings,
        Kind::Pupils,
    ];

    /// The kinds `init` writes a blank template for: a pupil list is exported from the
    /// school's own system, never typed into a template.
    pub const TEMPLATES: [Kind; 3] = [Kind::Training, Kind::Incidents, Kind::Meetings];

    /// Whether records of this kind name children: their cell values are never echoed, and
    /// the files are never packed.
    pub fn names_children(self) -> bool {
        matches!(self, Kind::Incidents | Kind::Pupils)
    }

    /// The name used in `review.toml` and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Training => "training",
            Kind::Incidents => "incidents",
            Kind::Meetings => "meetings",
            Kind::Pupils => "pupils",
        }
    }

    /// The file name `init` gives the blank template.
    pub fn template_file(self) -> &'static str {
        match self {
            Kind::Training => "training-records.xlsx",
            Kind::Incidents => "incident-log.xlsx",
            Kind::Meetings => "meeting-register.xlsx",
            Kind::Pupils => "pupil-list.csv",
        }
    }

    /// The name of the sheet holding the table in the template.
    pub fn sheet_name(self) -> &'static str {
        match self {
            Kind::Training => "Training",
            Kind::Incidents => "Incidents",
            Kind::Meetings => "Meetings",
            Kind::Pupils => "Pupils",
        }
    }

    /// The fields the blank template has columns for, in column order.
    pub fn template_fields(self) -> impl Iterator<Item = &'static Field> {
        self.fields().iter().filter(|f| f.in_template)
    }

    /// Every field of this kind, in template column order.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Training => TRAINING,
            Kind::Incidents => INCIDENTS,
            Kind::Meetings => MEETINGS,
            Kind::Pupils => PUPILS,
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
                format!(
                    "`{s}` is not an evidence kind (use training, incidents, meetings or pupils)"
                )
            })
    }
}

/// How a field's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// Free text.
    Text,
    /// A date (UK order when typed as text).
    Date,
    /// A time of day.
    Time,
    /// One or more categories, separated by commas or semicolons.
    Categories,
}

/// One column the tool understands.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The field's name in `review.toml` column mappings.
    pub name: &'static str,
    /// The header the templates use.
    pub header: &'static str,
    /// How its values are read.
    pub value: Value,
    /// Whether a table without it cannot be used.
    pub required: bool,
    /// What to write in it, shown in the template's notes sheet.
    pub about: &'static str,
    /// Whether the blank template has a column for it.
    pub in_template: bool,
}

const fn field(
    name: &'static str,
    header: &'static str,
    value: Value,
    required: bool,
    about: &'static str,
) -> Field {
    Field {
        name,
        header,
        value,
        required,
        about,
        in_template: true,
    }
}

const TRAINING: &[Field] = &[
    field(
        "person",
        "Name",
        Value::Text,
        true,
        "The person trained: a name or initials.",
    ),
    field(
        "role",
        "Role",
        Value::Text,
        true,
        "Their role, e.g. Teacher, Teaching assistant, Governor, Chair of Governors.",
    ),
    field(
        "group",
        "Group",
        Value::Text,
        false,
        "Staff, Governors or another group you report on. Leave it blank to go by the role.",
    ),
    field(
        "course",
        "Course",
        Value::Text,
        false,
        "What the training was.",
    ),
    field(
        "provider",
        "Provider",
        Value::Text,
        false,
        "Who delivered it.",
    ),
    field(
        "date",
        "Date completed",
        Value::Date,
        false,
        "When it was completed, as dd/mm/yyyy. Leave blank for someone not yet trained.",
    ),
    field(
        "next-due",
        "Next due",
        Value::Date,
        false,
        "When a refresher is due, if known.",
    ),
    field(
        "certificate",
        "Certificate",
        Value::Text,
        false,
        "Where the certificate is kept, if there is one.",
    ),
];

const INCIDENTS: &[Field] = &[
    field(
        "date",
        "Date",
        Value::Date,
        true,
        "When it happened or was reported, as dd/mm/yyyy.",
    ),
    field("time", "Time", Value::Time, false, "The time, as hh:mm."),
    field(
        "category",
        "Category",
        Value::Categories,
        false,
        "One or more categories, separated by semicolons, e.g. Cyberbullying; Inappropriate content.",
    ),
    // Read from safeguarding exports so the pack can be checked for these names; the
    // template has no such column, so a school using it never writes children's names.
    Field {
        in_template: false,
        ..field(
            "person",
            "Pupil",
            Value::Text,
            false,
            "The pupil or person concerned.",
        )
    },
    field(
        "year-group",
        "Year group",
        Value::Text,
        false,
        "The year group concerned. Do not write children's names in this template.",
    ),
    field(
        "description",
        "Incident",
        Value::Text,
        false,
        "What happened, briefly. Never copied into reports or the evidence pack.",
    ),
    field(
        "action",
        "Action taken",
        Value::Text,
        false,
        "What was done in response.",
    ),
    field(
        "action-by",
        "Action taken by",
        Value::Text,
        false,
        "Who took the action.",
    ),
    field(
        "reported-by",
        "Reported by",
        Value::Text,
        false,
        "Who reported it.",
    ),
    field("status", "Status", Value::Text, false, "Open or Closed."),
];

const MEETINGS: &[Field] = &[
    field(
        "date",
        "Date",
        Value::Date,
        true,
        "When the meeting took place, as dd/mm/yyyy.",
    ),
    field(
        "group",
        "Group",
        Value::Text,
        true,
        "Which group met, e.g. Online safety group, Governors, Senior leadership.",
    ),
    field(
        "attendees",
        "Attended",
        Value::Text,
        false,
        "Who attended: names, initials or roles, separated by semicolons.",
    ),
    field(
        "apologies",
        "Apologies",
        Value::Text,
        false,
        "Who sent apologies.",
    ),
    field(
        "items",
        "Items",
        Value::Text,
        false,
        "The agenda items or topics discussed, e.g. Policy review; Filtering report.",
    ),
    field(
        "actions-agreed",
        "Actions agreed",
        Value::Text,
        false,
        "How many actions were agreed, or what they were.",
    ),
    field(
        "actions-completed",
        "Actions completed",
        Value::Text,
        false,
        "How many earlier actions were reported done.",
    ),
];

/// A pupil list needs at least one of these; every one it has is read.
pub const PUPIL_NAME_FIELDS: [&str; 5] = [
    "name",
    "forename",
    "preferred-forename",
    "surname",
    "legal-surname",
];

const PUPILS: &[Field] = &[
    field(
        "name",
        "Name",
        Value::Text,
        false,
        "The pupil's whole name, as \"Surname, Forename\" or \"Forename Surname\".",
    ),
    field(
        "forename",
        "Forename",
        Value::Text,
        false,
        "The legal forename.",
    ),
    field(
        "preferred-forename",
        "Preferred forename",
        Value::Text,
        false,
        "The name the pupil is known by, if different.",
    ),
    field("surname", "Surname", Value::Text, false, "The surname."),
    field(
        "legal-surname",
        "Legal surname",
        Value::Text,
        false,
        "The legal surname, if different.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_have_distinct_headers() {
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>(), Ok(kind));
            let mut headers: Vec<_> = kind.fields().iter().map(|f| f.header).collect();
            headers.sort_unstable();
            headers.dedup();
            assert_eq!(headers.len(), kind.fields().len());
            assert!(kind.fields().iter().any(|f| f.required) || kind == Kind::Pupils);
        }
        assert!("pupil".parse::<Kind>().is_err());
    }
}
