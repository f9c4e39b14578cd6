//! An evidence check: the framework's rule tying a claimed level to a metric's value.
//!
//! Checks are what make a self-review more than self-assessment: a school claiming level 2
//! for staff training must show that nine in ten staff were trained. This module holds the
//! validated rule; the metrics stage measures it and scoring weighs the result.

use std::collections::BTreeMap;

use serde::Serialize;

use super::metric::{Metric, Param};

/// An evidence check: a claimed level this good or better needs the metric to pass.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Check {
    /// The metric measured.
    pub metric: Metric,
    /// Every parameter of the metric, defaults filled in.
    pub params: Params,
    /// The bound the metric's value must meet.
    pub threshold: Threshold,
    /// A claimed level of this or better (numerically lower or equal) needs the check.
    pub supports_level: u8,
    /// The school's records must be imported to claim the level: a check that cannot be
    /// evaluated for want of them holds back readiness instead of being passed over.
    pub required: bool,
    /// The expectation in words, shown beside a failed check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A check's parameters: once validated, every one its metric takes, defaults filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Params(BTreeMap<Param, ParamValue>);

impl Params {
    /// The value of a parameter.
    pub fn get(&self, param: Param) -> Option<&ParamValue> {
        self.0.get(&param)
    }

    /// The value of a text parameter (`group`, `topic`).
    pub fn text(&self, param: Param) -> Option<&str> {
        match self.0.get(&param) {
            Some(ParamValue::Text(t)) => Some(t),
            Some(ParamValue::Months(_)) | None => None,
        }
    }

    /// The window in months.
    pub fn months(&self) -> Option<u32> {
        match self.0.get(&Param::Months) {
            Some(ParamValue::Months(m)) => Some(*m),
            Some(ParamValue::Text(_)) | None => None,
        }
    }

    /// Every parameter, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (Param, &ParamValue)> {
        self.0.iter().map(|(p, v)| (*p, v))
    }

    pub(super) fn contains(&self, param: Param) -> bool {
        self.0.contains_key(&param)
    }

    pub(super) fn insert(&mut self, param: Param, value: ParamValue) {
        self.0.insert(param, value);
    }
}

/// A metric parameter's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// Free text such as a group name.
    Text(String),
    /// A window in months.
    Months(u32),
}

impl std::fmt::Display for ParamValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamValue::Text(t) => f.write_str(t),
            ParamValue::Months(m) => write!(f, "{m}"),
        }
    }
}

/// The bound in an evidence check.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Threshold {
    /// The value must be at least this.
    AtLeast(f64),
    /// The value must be at most this.
    AtMost(f64),
}

impl std::fmt::Display for Threshold {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Threshold::AtLeast(v) => write!(f, "≥ {v}"),
            Threshold::AtMost(v) => write!(f, "≤ {v}"),
        }
    }
}

impl Check {
    /// The rule in words: "a claimed level of 2 or better needs training.coverage
    /// (group=staff, months=24) ≥ 0.9".
    pub fn describe(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|(k, v)| format!("{}={v}", k.name()))
            .collect();
        let claim = match self.supports_level {
            1 => "a claimed level of 1".to_string(),
            n => format!("a claimed level of {n} or better"),
        };
        format!(
            "{claim} needs {} ({}) {}",
            self.metric,
            params.join(", "),
            self.threshold
        )
    }

    /// Whether `value` meets the threshold.
    pub fn passes(&self, value: f64) -> bool {
        match self.threshold {
            Threshold::AtLeast(t) => value >= t,
            Threshold::AtMost(t) => value <= t,
        }
    }
}
