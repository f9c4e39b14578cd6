//! The metrics a framework's evidence checks may name: their names, parameters and values.
//!
//! A framework file refers to a metric by name with parameters (`training.coverage` of
//! group `staff` within 24 months). The names form a closed set, so they are the
//! [`Metric`] enum: a file naming a metric that does not exist, or passing one a parameter
//! it does not take, is caught when the framework is checked rather than when a school
//! scores its review. The vocabulary lives here, with the framework that names it, so that
//! checking a framework needs nothing from the stages that compute the values
//! (the metrics stage, above the evidence, computes a value for each [`Metric`]).
//! Every property of a metric is an exhaustive `match`: a new metric does not compile until
//! it is described here and computed there.

use serde::{Serialize, Serializer};

/// The kinds of record the tool imports that a framework's `evidence-kinds` may name, by
/// their review.toml names. A metric's name starts with the kind it is measured from
/// (`training.coverage`), so [`Metric::kind`] is the same vocabulary.
pub const EVIDENCE_KINDS: [&str; 8] = [
    "training",
    "incidents",
    "meetings",
    "documents",
    "agreements",
    "filtering",
    "surveys",
    "engagement",
];

/// A metric the tool computes from the school's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    /// `training.coverage`: share of a group trained within the window.
    TrainingCoverage,
    /// `training.overdue`: people in a group not trained within the window.
    TrainingOverdue,
    /// `training.role-coverage`: share of the people holding a role trained within the window.
    TrainingRoleCoverage,
    /// `meetings.count`: meetings of a group within the window.
    MeetingsCount,
    /// `meetings.longest-gap-days`: longest stretch between a group's meetings.
    MeetingsLongestGapDays,
    /// `meetings.with-item`: meetings whose items mention a topic.
    MeetingsWithItem,
    /// `incidents.count`: incidents logged within the window.
    IncidentsCount,
    /// `incidents.actioned-share`: share of incidents with the action taken recorded.
    IncidentsActionedShare,
    /// `incidents.closed-share`: share of incidents recorded as closed.
    IncidentsClosedShare,
    /// `documents.reviewed`: documents on a topic reviewed within the window.
    DocumentsReviewed,
    /// `agreements.signed-share`: share of a group who signed this school year.
    AgreementsSignedShare,
    /// `filtering.checks`: filtering checks made within the window.
    FilteringChecks,
    /// `filtering.terms-unchecked`: finished terms within the window with no check that
    /// passed (none made, or every one failed or was unclear).
    FilteringTermsUnchecked,
    /// `surveys.count`: surveys of a group within the window.
    SurveysCount,
    /// `engagement.sessions`: sessions held for parents within the window.
    EngagementSessions,
    /// `engagement.communications`: communications sent to parents within the window.
    EngagementCommunications,
}

/// A parameter a metric may take, by its name in a framework file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Param {
    /// `group`: a group of people or meetings.
    Group,
    /// `months`: the window, in months back from the review date.
    Months,
    /// `topic`: words looked for in meeting items.
    Topic,
    /// `document`: what a key document is about, from [`super::Topic`]'s names.
    Document,
    /// `role`: words looked for in the roles of training records.
    Role,
}

/// What kind of value a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Free text, such as a group name (`staff`, `governors`).
    Text,
    /// A whole number of months, from 1 to 120.
    Months,
    /// One of the document topics ([`super::Topic`]).
    Document,
}

/// One parameter a metric takes.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// Which parameter.
    pub param: Param,
    /// The value used when a check leaves it out; `None` means a check must give it.
    pub default: Option<&'static str>,
    /// What it means.
    pub about: &'static str,
}

/// The kind, and so the possible range, of a metric's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A proportion from 0 to 1.
    Share,
    /// A number of things, 0 or more.
    Count,
    /// A number of days, 0 or more.
    Days,
}

impl Param {
    /// Its name in a framework file.
    pub fn name(self) -> &'static str {
        match self {
            Param::Group => "group",
            Param::Months => "months",
            Param::Topic => "topic",
            Param::Document => "document",
            Param::Role => "role",
        }
    }

    /// The kind of value it takes.
    pub fn kind(self) -> ParamKind {
        match self {
            Param::Group | Param::Topic | Param::Role => ParamKind::Text,
            Param::Months => ParamKind::Months,
            Param::Document => ParamKind::Document,
        }
    }
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl ValueKind {
    /// Whether a threshold can ever be meaningful for this kind of value.
    pub fn accepts(self, threshold: f64) -> bool {
        match self {
            ValueKind::Share => (0.0..=1.0).contains(&threshold),
            ValueKind::Count | ValueKind::Days => threshold >= 0.0 && threshold.is_finite(),
        }
    }

    /// The range in words, for messages.
    pub fn range_text(self) -> &'static str {
        match self {
            ValueKind::Share => "a share from 0 to 1",
            ValueKind::Count => "a count of 0 or more",
            ValueKind::Days => "a number of days, 0 or more",
        }
    }
}

const GROUP: ParamSpec = ParamSpec {
    param: Param::Group,
    default: None,
    about: "the group of people or meetings, as the school's evidence names it after mapping (e.g. `staff`, `governors`, `online-safety-group`)",
};

const fn months(default: &'static str) -> ParamSpec {
    ParamSpec {
        param: Param::Months,
        default: Some(default),
        about: "the window, in months back from the review date",
    }
}

const TRAINING: &[ParamSpec] = &[GROUP, months("24")];
const ROLE: &[ParamSpec] = &[
    ParamSpec {
        param: Param::Role,
        default: None,
        about: "words looked for, ignoring case, in the role column of the training records; alternatives separated by `|` (e.g. `DSL|designated safeguarding lead`)",
    },
    months("24"),
];
const MEETINGS: &[ParamSpec] = &[GROUP, months("12")];
const WITH_ITEM: &[ParamSpec] = &[
    ParamSpec {
        param: Param::Group,
        default: Some("any"),
        about: "the meeting group, or `any` for every group",
    },
    ParamSpec {
        param: Param::Topic,
        default: None,
        about: "words looked for, ignoring case, in the items (e.g. `policy review`)",
    },
    months("12"),
];
/// Only a window: incidents, filtering checks, parent engagement.
const WINDOW: &[ParamSpec] = &[months("12")];
const DOCUMENTS: &[ParamSpec] = &[
    ParamSpec {
        param: Param::Document,
        default: None,
        about: "what the document is about: online-safety-policy, acceptable-use, filtering-monitoring, … (frameworks/README.md lists them)",
    },
    months("12"),
];
const AGREEMENTS: &[ParamSpec] = &[ParamSpec {
    param: Param::Group,
    default: None,
    about: "who signed: `pupils`, `staff`, `governors`, `volunteers` or a group the school names",
}];
const SURVEYS: &[ParamSpec] = &[
    ParamSpec {
        param: Param::Group,
        default: Some("any"),
        about: "who was asked: `learners`, `staff`, `parents`, `governors`, or `any`",
    },
    months("12"),
];

impl Metric {
    /// Every metric, in the order they are documented. A metric left out of this list
    /// cannot be named in a framework file.
    pub const ALL: [Metric; 16] = [
        Metric::TrainingCoverage,
        Metric::TrainingOverdue,
        Metric::TrainingRoleCoverage,
        Metric::MeetingsCount,
        Metric::MeetingsLongestGapDays,
        Metric::MeetingsWithItem,
        Metric::IncidentsCount,
        Metric::IncidentsActionedShare,
        Metric::IncidentsClosedShare,
        Metric::DocumentsReviewed,
        Metric::AgreementsSignedShare,
        Metric::FilteringChecks,
        Metric::FilteringTermsUnchecked,
        Metric::SurveysCount,
        Metric::EngagementSessions,
        Metric::EngagementCommunications,
    ];

    /// Its name in a framework file.
    pub fn name(self) -> &'static str {
        match self {
            Metric::TrainingCoverage => "training.coverage",
            Metric::TrainingOverdue => "training.overdue",
            Metric::TrainingRoleCoverage => "training.role-coverage",
            Metric::MeetingsCount => "meetings.count",
            Metric::MeetingsLongestGapDays => "meetings.longest-gap-days",
            Metric::MeetingsWithItem => "meetings.with-item",
            Metric::IncidentsCount => "incidents.count",
            Metric::IncidentsActionedShare => "incidents.actioned-share",
            Metric::IncidentsClosedShare => "incidents.closed-share",
            Metric::DocumentsReviewed => "documents.reviewed",
            Metric::AgreementsSignedShare => "agreements.signed-share",
            Metric::FilteringChecks => "filtering.checks",
            Metric::FilteringTermsUnchecked => "filtering.terms-unchecked",
            Metric::SurveysCount => "surveys.count",
            Metric::EngagementSessions => "engagement.sessions",
            Metric::EngagementCommunications => "engagement.communications",
        }
    }

    /// The kind of record it is measured from, by its review.toml name: one of
    /// [`EVIDENCE_KINDS`].
    pub fn kind(self) -> &'static str {
        self.name()
            .split('.')
            .next()
            .expect("a metric's name has a kind before its dot")
    }

    /// The metric with this name in a framework file.
    pub fn from_name(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The names of every metric, for messages.
    pub fn names() -> Vec<&'static str> {
        Metric::ALL.iter().map(|m| m.name()).collect()
    }

    /// What it measures, as of the review date.
    pub fn about(self) -> &'static str {
        match self {
            Metric::TrainingCoverage => {
                "share of the people in a group whose latest online safety training falls within the window"
            }
            Metric::TrainingOverdue => {
                "number of people in a group with no online safety training within the window"
            }
            Metric::TrainingRoleCoverage => {
                "share of the people whose role mentions the words (such as the DSL) whose latest training falls within the window"
            }
            Metric::MeetingsCount => "number of meetings of a group held within the window",
            Metric::MeetingsLongestGapDays => {
                "longest stretch in days between meetings of a group within the window (counting up to the review date)"
            }
            Metric::MeetingsWithItem => {
                "number of meetings within the window whose agenda items or minutes mention a topic"
            }
            Metric::IncidentsCount => "number of online safety incidents logged within the window",
            Metric::IncidentsActionedShare => {
                "share of incidents within the window with the action taken recorded"
            }
            Metric::IncidentsClosedShare => {
                "share of incidents within the window recorded as closed"
            }
            Metric::DocumentsReviewed => {
                "number of documents on a topic in the policy register last reviewed within the window"
            }
            Metric::AgreementsSignedShare => {
                "share of a group who signed an acceptable use agreement this school year (from 1 September)"
            }
            Metric::FilteringChecks => "number of filtering checks recorded within the window",
            Metric::FilteringTermsUnchecked => {
                "number of school terms finished within the window with no filtering check that passed (none recorded, or every one found something getting through or was unclear)"
            }
            Metric::SurveysCount => "number of surveys of a group within the window",
            Metric::EngagementSessions => {
                "number of sessions held for parents and carers within the window"
            }
            Metric::EngagementCommunications => {
                "number of communications sent to parents and carers within the window"
            }
        }
    }

    /// The kind of its value.
    pub fn value(self) -> ValueKind {
        match self {
            Metric::TrainingCoverage
            | Metric::TrainingRoleCoverage
            | Metric::IncidentsActionedShare
            | Metric::IncidentsClosedShare
            | Metric::AgreementsSignedShare => ValueKind::Share,
            Metric::TrainingOverdue
            | Metric::MeetingsCount
            | Metric::MeetingsWithItem
            | Metric::IncidentsCount
            | Metric::DocumentsReviewed
            | Metric::FilteringChecks
            | Metric::FilteringTermsUnchecked
            | Metric::SurveysCount
            | Metric::EngagementSessions
            | Metric::EngagementCommunications => ValueKind::Count,
            Metric::MeetingsLongestGapDays => ValueKind::Days,
        }
    }

    /// The parameters it takes, in the order they are documented.
    pub fn params(self) -> &'static [ParamSpec] {
        match self {
            Metric::TrainingCoverage | Metric::TrainingOverdue => TRAINING,
            Metric::TrainingRoleCoverage => ROLE,
            Metric::MeetingsCount | Metric::MeetingsLongestGapDays => MEETINGS,
            Metric::MeetingsWithItem => WITH_ITEM,
            Metric::IncidentsCount
            | Metric::IncidentsActionedShare
            | Metric::IncidentsClosedShare
            | Metric::FilteringChecks
            | Metric::FilteringTermsUnchecked
            | Metric::EngagementSessions
            | Metric::EngagementCommunications => WINDOW,
            Metric::DocumentsReviewed => DOCUMENTS,
            Metric::AgreementsSignedShare => AGREEMENTS,
            Metric::SurveysCount => SURVEYS,
        }
    }

    /// The parameter with this name, if the metric takes it.
    pub fn param(self, name: &str) -> Option<&'static ParamSpec> {
        self.params().iter().find(|p| p.param.name() == name)
    }
}

impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_findable() {
        for m in Metric::ALL {
            assert_eq!(Metric::from_name(m.name()), Some(m));
            let mut params: Vec<_> = m.params().iter().map(|p| p.param).collect();
            params.sort_unstable();
            params.dedup();
            assert_eq!(params.len(), m.params().len(), "{m} repeats a parameter");
        }
        assert_eq!(Metric::from_name("training.nonsense"), None);
        assert_eq!(Metric::names().len(), Metric::ALL.len());
        for m in Metric::ALL {
            assert!(EVIDENCE_KINDS.contains(&m.kind()), "{m}");
        }
    }

    #[test]
    fn share_thresholds_are_bounded() {
        assert!(ValueKind::Share.accepts(0.9));
        assert!(!ValueKind::Share.accepts(1.5));
        assert!(!ValueKind::Count.accepts(-1.0));
        assert!(ValueKind::Days.accepts(70.0));
    }

    #[test]
    fn defaults_match_their_kind() {
        for m in Metric::ALL {
            for p in m.params() {
                if let (ParamKind::Months, Some(d)) = (p.param.kind(), p.default) {
                    assert!(d.parse::<u32>().is_ok(), "{m} {}", p.param.name());
                }
            }
        }
    }
}
