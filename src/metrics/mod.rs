//! The facts the tool derives from a school's evidence spreadsheets, by name.
//!
//! A framework's evidence checks refer to metrics by name with parameters
//! (`training.coverage` of group `staff` within 24 months). This module is the one list of
//! those names, their parameters and the range of their values, so that a framework naming
//! a metric that does not exist, or passing it a parameter it does not take, is caught when
//! the framework is checked rather than when a school scores its review. [`compute`] holds
//! the computations themselves.

pub mod compute;
pub mod measure;
pub mod terms;

/// What kind of value a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Free text, such as a group name (`staff`, `governors`).
    Text,
    /// A whole number of months, from 1 to 120.
    Months,
}

/// One parameter a metric takes.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// Its name in a framework file.
    pub name: &'static str,
    /// Its kind.
    pub kind: ParamKind,
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

/// One metric the tool computes.
#[derive(Debug, Clone, Copy)]
pub struct MetricSpec {
    /// Its name in a framework file.
    pub name: &'static str,
    /// What it measures, as of the review date.
    pub about: &'static str,
    /// The kind of its value.
    pub value: ValueKind,
    /// The parameters it takes.
    pub params: &'static [ParamSpec],
}

impl MetricSpec {
    /// The parameter with this name, if the metric takes it.
    pub fn param(&self, name: &str) -> Option<&'static ParamSpec> {
        self.params.iter().find(|p| p.name == name)
    }
}

const GROUP: ParamSpec = ParamSpec {
    name: "group",
    kind: ParamKind::Text,
    default: None,
    about: "the group of people or meetings, as the school's evidence names it after mapping (e.g. `staff`, `governors`, `online-safety-group`)",
};

const fn months(default: &'static str) -> ParamSpec {
    ParamSpec {
        name: "months",
        kind: ParamKind::Months,
        default: Some(default),
        about: "the window, in months back from the review date",
    }
}

/// Every metric, in the order they are documented.
pub static CATALOG: &[MetricSpec] = &[
    MetricSpec {
        name: "training.coverage",
        about: "share of the people in a group whose latest online safety training falls within the window",
        value: ValueKind::Share,
        params: &[GROUP, months("24")],
    },
    MetricSpec {
        name: "training.overdue",
        about: "number of people in a group with no online safety training within the window",
        value: ValueKind::Count,
        params: &[GROUP, months("24")],
    },
    MetricSpec {
        name: "meetings.count",
        about: "number of meetings of a group held within the window",
        value: ValueKind::Count,
        params: &[GROUP, months("12")],
    },
    MetricSpec {
        name: "meetings.longest-gap-days",
        about: "longest stretch in days between meetings of a group within the window (counting up to the review date)",
        value: ValueKind::Days,
        params: &[GROUP, months("12")],
    },
    MetricSpec {
        name: "meetings.with-item",
        about: "number of meetings within the window whose agenda items or minutes mention a topic",
        value: ValueKind::Count,
        params: &[
            ParamSpec {
                name: "group",
                kind: ParamKind::Text,
                default: Some("any"),
                about: "the meeting group, or `any` for every group",
            },
            ParamSpec {
                name: "topic",
                kind: ParamKind::Text,
                default: None,
                about: "words looked for, ignoring case, in the items (e.g. `policy review`)",
            },
            months("12"),
        ],
    },
    MetricSpec {
        name: "incidents.count",
        about: "number of online safety incidents logged within the window",
        value: ValueKind::Count,
        params: &[months("12")],
    },
    MetricSpec {
        name: "incidents.actioned-share",
        about: "share of incidents within the window with the action taken recorded",
        value: ValueKind::Share,
        params: &[months("12")],
    },
    MetricSpec {
        name: "incidents.closed-share",
        about: "share of incidents within the window recorded as closed",
        value: ValueKind::Share,
        params: &[months("12")],
    },
];

/// The metric with this name.
pub fn find(name: &str) -> Option<&'static MetricSpec> {
    CATALOG.iter().find(|m| m.name == name)
}

/// The names of every metric, for messages.
pub fn names() -> Vec<&'static str> {
    CATALOG.iter().map(|m| m.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_findable() {
        for m in CATALOG {
            assert!(std::ptr::eq(find(m.name).expect("listed"), m));
            let mut params: Vec<_> = m.params.iter().map(|p| p.name).collect();
            params.sort_unstable();
            params.dedup();
            assert_eq!(
                params.len(),
                m.params.len(),
                "{} repeats a parameter",
                m.name
            );
        }
        assert!(find("training.nonsense").is_none());
    }

    #[test]
    fn share_thresholds_are_bounded() {
        assert!(ValueKind::Share.accepts(0.9));
        assert!(!ValueKind::Share.accepts(1.5));
        assert!(!ValueKind::Count.accepts(-1.0));
        assert!(ValueKind::Days.accepts(70.0));
    }
}
