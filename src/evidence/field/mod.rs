//! The columns the tool understands in each kind of record, in one table.
//!
//! Each row gives a field's kind of record, the name review.toml's column mappings use, the
//! heading the blank template writes, how its values are read, and the headings schools
//! give it in their own files (compared after [`crate::text::normalise`]: lower case,
//! punctuation as spaces). The headings were gathered from the layouts schools use: the
//! reporting log, the training needs audit, safeguarding system exports, training records,
//! meeting registers and MIS pupil lists.
//!
//! Adding a field is one row here. The rest of the tool names fields by their [`Field`]
//! variant, so every `match` over fields is checked by the compiler and says where a new
//! field must be handled.

mod logs;
mod meetings;
mod registers;
mod status;

use std::fmt;

use serde::{Serialize, Serializer};

use super::Kind;

/// How a field's values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// Free text.
    Text,
    /// Free text that runs to sentences: read as text, given a wide column in the template.
    LongText,
    /// A date (UK order when typed as text).
    Date,
    /// A time of day.
    Time,
    /// One or more categories, separated by commas or semicolons.
    Categories,
    /// A whole number of people or things.
    Count,
}

/// One row of the table of fields; read through [`Field`]'s methods.
struct Row {
    /// The kind of record it belongs to.
    kind: Kind,
    /// Its name in review.toml's column mappings.
    name: &'static str,
    /// The heading the template writes.
    header: &'static str,
    /// How its values are read.
    value: ValueType,
    /// Whether a table without it cannot be used.
    required: bool,
    /// Whether the template has a column for it.
    in_template: bool,
    /// What to write in it, for the template's notes sheet.
    about: &'static str,
    /// Other headings schools use for it, normalised.
    aliases: &'static [&'static str],
}

/// Declares [`Field`] and its lookup from one list of rows, as `codes!` does for finding
/// codes: a variant cannot be added without its row.
macro_rules! fields {
    ($($(#[$doc:meta])* $variant:ident => $row:expr,)*) => {
        /// One column the tool understands, in one kind of record.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Field {
            $($(#[$doc])* $variant,)*
        }

        impl Field {
            /// Every field: each kind's together, in the template's column order.
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];

            fn row(self) -> &'static Row {
                match self {
                    $(Field::$variant => const { &$row },)*
                }
            }
        }
    };
}

/// A row with what most fields share: not required, in the template, no other headings.
const fn row(kind: Kind, name: &'static str, header: &'static str, value: ValueType) -> Row {
    Row {
        kind,
        name,
        header,
        value,
        required: false,
        in_template: true,
        about: "",
        aliases: &[],
    }
}

// Short names for the table's sake.
use Kind::{Incidents, Pupils, Training};
use ValueType::{Categories, Date, LongText, Text, Time};
use logs::*;
use meetings::*;
use registers::*;
use status::*;

fields! {
    /// Training: the person trained.
    TrainingPerson => Row {
        required: true,
        about: "The person trained: a name or initials.",
        aliases: &["name", "staff name", "staff member", "member of staff", "person",
            "full name", "employee", "trainee", "attendee", "delegate", "governor name",
            "name of staff member", "staff member name", "name of member of staff",
            "staff member s name", "name of staff", "employee name", "name of governor"],
        ..row(Training, "person", "Name", Text)
    },
    /// Training: their role.
    TrainingRole => Row {
        required: true,
        about: "Their role, e.g. Teacher, Teaching assistant, Governor, Chair of Governors.",
        aliases: &["role", "position", "job title", "post", "job role", "staff role",
            "designation", "role position", "position role", "job title role", "role job title",
            "staff position", "position held", "role in school"],
        ..row(Training, "role", "Role", Text)
    },
    /// Training: the group the person counts in, when the school gives it.
    TrainingGroup => Row {
        about: "Staff, Governors or another group you report on. Leave it blank to go by the role.",
        aliases: &["group", "staff group", "category"],
        ..row(Training, "group", "Group", Text)
    },
    /// Training: what the training was.
    TrainingCourse => Row {
        about: "What the training was.",
        aliases: &["course", "course title", "course name", "training", "training course",
            "training title", "relevant training in last 12 months", "session", "module",
            "course attended", "training attended", "training completed"],
        ..row(Training, "course", "Course", Text)
    },
    /// Training: who delivered it.
    TrainingProvider => Row {
        about: "Who delivered it.",
        aliases: &["provider", "training provider", "delivered by", "trainer", "organisation"],
        ..row(Training, "provider", "Provider", Text)
    },
    /// Training: when it was completed.
    TrainingDate => Row {
        about: "When it was completed, as dd/mm/yyyy. Leave blank for someone not yet trained.",
        aliases: &["date completed", "completed", "completion date", "date of training",
            "training date", "date attended", "date trained", "completed on", "date",
            "course date", "date of course", "session date", "date of session", "last trained",
            "date last trained", "last training", "last training date", "date of last training",
            "trained on", "attended on", "date taken", "when", "when trained", "when completed",
            "date completed dd mm yy", "date completed dd mm yyyy", "date dd mm yy",
            "date dd mm yyyy", "training date dd mm yy", "training date dd mm yyyy"],
        ..row(Training, "date", "Date completed", Date)
    },
    /// Training: when a refresher is due.
    TrainingNextDue => Row {
        about: "When a refresher is due, if known.",
        aliases: &["next due", "due", "expiry", "expires", "expiry date", "renewal date",
            "refresher due", "review date"],
        ..row(Training, "next-due", "Next due", Date)
    },
    /// Training: where the certificate is kept.
    TrainingCertificate => Row {
        about: "Where the certificate is kept, if there is one.",
        aliases: &["certificate", "cert", "certificate ref", "certificate number"],
        ..row(Training, "certificate", "Certificate", Text)
    },
    /// Training: whether it took place for this person.
    TrainingStatus => TRAINING_STATUS,
    /// Training: a note beside it, read for whether it says the training did not take
    /// place ("Did not attend - off sick").
    TrainingNotes => TRAINING_NOTES,

    /// Incidents: when it happened or was reported.
    IncidentDate => Row {
        required: true,
        about: "When it happened or was reported, as dd/mm/yyyy.",
        aliases: &["date", "incident date", "date of incident", "date reported", "date time",
            "datetime", "date raised", "reported on", "created", "date logged"],
        ..row(Incidents, "date", "Date", Date)
    },
    /// Incidents: the time of day.
    IncidentTime => Row {
        about: "The time, as hh:mm.",
        aliases: &["time", "time of incident"],
        ..row(Incidents, "time", "Time", Time)
    },
    /// Incidents: the categories, as the school writes them.
    IncidentCategory => Row {
        about: "One or more categories, separated by semicolons, e.g. Cyberbullying; Inappropriate content.",
        aliases: &["category", "categories", "type", "incident type", "concern type",
            "nature of incident", "classification", "tags", "category of concern", "type of concern",
            "concern category", "nature of concern", "type of incident", "incident category",
            "category type", "concern types", "types of concern"],
        ..row(Incidents, "category", "Category", Categories)
    },
    /// Incidents: the pupil or person concerned. Read from safeguarding exports so the pack
    /// can be checked for these names; the template has no such column, so a school using
    /// it never writes children's names.
    IncidentPerson => Row {
        in_template: false,
        about: "The pupil or person concerned.",
        aliases: &["pupil", "pupil name", "student", "student name", "child", "child name",
            "learner", "person concerned", "young person", "name"],
        ..row(Incidents, "person", "Pupil", Text)
    },
    /// Incidents: the year group concerned.
    IncidentYearGroup => Row {
        about: "The year group concerned. Do not write children's names in this template.",
        aliases: &["year group", "year", "yr", "class", "form"],
        ..row(Incidents, "year-group", "Year group", Text)
    },
    /// Incidents: what happened; never copied anywhere.
    IncidentDescription => Row {
        about: "What happened, briefly. Never copied into reports or the evidence pack.",
        aliases: &["incident", "details", "description", "summary", "what happened", "concern",
            "incident details", "concern details"],
        ..row(Incidents, "description", "Incident", LongText)
    },
    /// Incidents: what was done in response.
    IncidentAction => Row {
        about: "What was done in response.",
        aliases: &["action taken", "action", "actions", "actions taken", "action taken what",
            "outcome", "response", "follow up", "followup", "follow up action",
            "follow up actions", "what was done", "what action was taken", "next steps",
            "next step", "action and outcome", "actions and outcomes", "response and outcome",
            "steps taken"],
        ..row(Incidents, "action", "Action taken", Text)
    },
    /// Incidents: who took the action.
    IncidentActionBy => Row {
        about: "Who took the action.",
        aliases: &["action taken by", "action taken by whom", "by whom", "action by",
            "actioned by", "dealt with by", "assigned to", "handled by"],
        ..row(Incidents, "action-by", "Action taken by", Text)
    },
    /// Incidents: who reported it.
    IncidentReportedBy => Row {
        about: "Who reported it.",
        aliases: &["reported by", "incident reported by", "raised by", "logged by",
            "recorded by", "reporter", "created by"],
        ..row(Incidents, "reported-by", "Reported by", Text)
    },
    /// Incidents: open or closed.
    IncidentStatus => Row {
        about: "Open or Closed.",
        aliases: &["status", "open closed", "state", "case status", "open or closed",
            "outcome status"],
        ..row(Incidents, "status", "Status", Text)
    },

    /// Meetings: when the meeting took place.
    MeetingDate => MEETING_DATE,
    /// Meetings: which group met.
    MeetingGroup => MEETING_GROUP,
    /// Meetings: who attended.
    MeetingAttendees => MEETING_ATTENDEES,
    /// Meetings: who sent apologies.
    MeetingApologies => MEETING_APOLOGIES,
    /// Meetings: the agenda items or topics discussed.
    MeetingItems => MEETING_ITEMS,
    /// Meetings: the actions agreed.
    MeetingActionsAgreed => MEETING_ACTIONS_AGREED,
    /// Meetings: the earlier actions reported done.
    MeetingActionsCompleted => MEETING_ACTIONS_COMPLETED,
    /// Meetings: whether the meeting took place.
    MeetingStatus => MEETING_STATUS,
    /// Meetings: a note beside it, read for whether it says the meeting did not take place.
    MeetingNotes => MEETING_NOTES,

    /// Documents: the document's name or title.
    DocumentName => DOCUMENT_NAME,
    /// Documents: who owns it.
    DocumentOwner => DOCUMENT_OWNER,
    /// Documents: who approved it.
    DocumentApprovedBy => DOCUMENT_APPROVED_BY,
    /// Documents: when it was last reviewed.
    DocumentLastReviewed => DOCUMENT_LAST_REVIEWED,
    /// Documents: when the next review is due.
    DocumentNextDue => DOCUMENT_NEXT_DUE,
    /// Documents: where it is kept.
    DocumentKept => DOCUMENT_KEPT,
    /// Documents: when it was approved.
    DocumentApprovedOn => DOCUMENT_APPROVED_ON,
    /// Documents: how often it is reviewed.
    DocumentFrequency => DOCUMENT_FREQUENCY,
    /// Documents: whether it is in force.
    DocumentStatus => DOCUMENT_STATUS,
    /// Documents: a note beside it, read only for whether it says the row is superseded.
    DocumentNotes => DOCUMENT_NOTES,

    /// Agreements: the group the agreement is for.
    AgreementGroup => AGREEMENT_GROUP,
    /// Agreements: the person who signed; a pupil's name is never echoed or kept.
    AgreementPerson => AGREEMENT_PERSON,
    /// Agreements: how many signed, for a register kept as counts.
    AgreementSigned => AGREEMENT_SIGNED,
    /// Agreements: how many are in the group.
    AgreementOf => AGREEMENT_OF,
    /// Agreements: when it was signed.
    AgreementDate => AGREEMENT_DATE,
    /// Agreements: whether the agreement stands.
    AgreementStatus => AGREEMENT_STATUS,

    /// Filtering: when the check was made.
    FilteringDate => FILTERING_DATE,
    /// Filtering: what was tested.
    FilteringTested => FILTERING_TESTED,
    /// Filtering: the result.
    FilteringResult => FILTERING_RESULT,
    /// Filtering: who made the check.
    FilteringBy => FILTERING_BY,
    /// Filtering: what was done about a failure.
    FilteringAction => FILTERING_ACTION,
    /// Filtering: whether the check was made.
    FilteringStatus => FILTERING_STATUS,

    /// Surveys: when the survey ran.
    SurveyDate => SURVEY_DATE,
    /// Surveys: who was asked.
    SurveyGroup => SURVEY_GROUP,
    /// Surveys: what the survey was.
    SurveyTitle => SURVEY_TITLE,
    /// Surveys: how many responded.
    SurveyResponses => SURVEY_RESPONSES,
    /// Surveys: what it found.
    SurveyFindings => SURVEY_FINDINGS,
    /// Surveys: whether the survey ran.
    SurveyStatus => SURVEY_STATUS,

    /// Engagement: when it happened or was sent.
    EngagementDate => ENGAGEMENT_DATE,
    /// Engagement: a session or a communication.
    EngagementType => ENGAGEMENT_TYPE,
    /// Engagement: what it was.
    EngagementTitle => ENGAGEMENT_TITLE,
    /// Engagement: how many attended.
    EngagementAttendance => ENGAGEMENT_ATTENDANCE,
    /// Engagement: whether it took place or went out.
    EngagementStatus => ENGAGEMENT_STATUS,
    /// Engagement: a note beside it, read for whether it says the row did not take place.
    EngagementNotes => ENGAGEMENT_NOTES,
    /// Engagement: who it was for: parents and carers, or pupils or staff.
    EngagementAudience => ENGAGEMENT_AUDIENCE,

    /// Pupils: the whole name.
    PupilName => Row {
        about: "The pupil's whole name, as \"Surname, Forename\" or \"Forename Surname\".",
        aliases: &["name", "full name", "pupil", "pupil name", "child", "child name",
            "child s name", "student", "student name", "learner", "learner name",
            "name of pupil", "surname forename", "forename surname", "name surname forename",
            "legal name", "pupil s name"],
        ..row(Pupils, "name", "Name", Text)
    },
    /// Pupils: the legal forename.
    PupilForename => Row {
        about: "The legal forename.",
        aliases: &["forename", "forenames", "first name", "first names", "firstname",
            "given name", "given names", "legal forename", "legal first name", "christian name"],
        ..row(Pupils, "forename", "Forename", Text)
    },
    /// Pupils: the name the pupil is known by.
    PupilPreferredForename => Row {
        about: "The name the pupil is known by, if different.",
        aliases: &["preferred forename", "preferred name", "preferred first name", "known as",
            "chosen name", "nickname"],
        ..row(Pupils, "preferred-forename", "Preferred forename", Text)
    },
    /// Pupils: the surname.
    PupilSurname => Row {
        about: "The surname.",
        aliases: &["surname", "last name", "lastname", "family name", "preferred surname"],
        ..row(Pupils, "surname", "Surname", Text)
    },
    /// Pupils: the legal surname.
    PupilLegalSurname => Row {
        about: "The legal surname, if different.",
        aliases: &["legal surname", "legal last name", "legal family name"],
        ..row(Pupils, "legal-surname", "Legal surname", Text)
    },
}

impl Field {
    /// The field of `kind` that review.toml's column mappings call `name`.
    pub fn parse(kind: Kind, name: &str) -> Option<Field> {
        kind.fields().find(|f| f.name() == name)
    }

    /// The kind of record the field belongs to.
    pub fn kind(self) -> Kind {
        self.row().kind
    }

    /// The field's name in review.toml's column mappings: kebab-case, and the same for
    /// the like fields of different kinds (`date`, `person`, `group`).
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// The heading the blank template writes.
    pub fn header(self) -> &'static str {
        self.row().header
    }

    /// The headings schools give the field in their own files, beyond the template's,
    /// already normalised.
    pub fn aliases(self) -> &'static [&'static str] {
        self.row().aliases
    }

    /// How its values are read.
    pub fn value(self) -> ValueType {
        self.row().value
    }

    /// Whether a table without it cannot be used.
    pub fn required(self) -> bool {
        self.row().required
    }

    /// Whether the blank template has a column for it.
    pub fn in_template(self) -> bool {
        self.row().in_template
    }

    /// What to write in it, shown in the template's notes sheet.
    pub fn about(self) -> &'static str {
        self.row().about
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// As its name in review.toml, which is what `import --json` shows for a column.
impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise;

    #[test]
    fn every_field_parses_from_its_name_within_its_kind() {
        for &field in Field::ALL {
            assert_eq!(Field::parse(field.kind(), field.name()), Some(field));
        }
        assert_eq!(Field::parse(Kind::Meetings, "person"), None);
        assert_eq!(
            Field::parse(Kind::Training, "date"),
            Some(Field::TrainingDate)
        );
        assert_eq!(
            Field::parse(Kind::Incidents, "date"),
            Some(Field::IncidentDate)
        );
    }

    #[test]
    fn aliases_are_written_as_they_are_compared() {
        for &field in Field::ALL {
            for alias in field.aliases() {
                assert_eq!(&normalise(alias), alias, "{field:?}");
            }
            assert!(!field.about().is_empty(), "{field:?}");
        }
    }

    #[test]
    fn no_heading_is_given_to_two_fields_of_one_kind() {
        for kind in Kind::ALL {
            let mut seen: std::collections::BTreeMap<String, Field> = Default::default();
            for field in kind.fields() {
                let own = normalise(field.header());
                for heading in field.aliases().iter().map(|a| a.to_string()).chain([own]) {
                    if let Some(first) = seen.insert(heading.clone(), field) {
                        assert_eq!(first, field, "`{heading}` is {first:?} and {field:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_field_shows_and_serialises_as_its_name() {
        assert_eq!(Field::TrainingNextDue.to_string(), "next-due");
        assert_eq!(
            serde_json::to_string(&Some(Field::IncidentActionBy)).expect("serialises"),
            "\"action-by\""
        );
    }
}
