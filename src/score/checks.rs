//! Checking claimed levels against the school's own records.
//!
//! A framework check says that a claimed level of N or better needs a metric to meet a
//! threshold. Each check that an aspect's agreed level calls for is run against the
//! imported evidence; one the evidence does not meet becomes a finding naming the metric,
//! its value and the threshold. A check whose evidence was not imported is reported as not
//! evaluated rather than passed or failed.

use chrono::NaiveDate;
use serde::Serialize;

use super::{AspectScore, Reason};
use crate::evidence::import::Evidence;
use crate::framework::{Aspect, Threshold};
use crate::metrics::compute;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    /// The evidence meets the threshold.
    Met,
    /// The evidence does not meet the threshold.
    NotMet,
    /// The evidence needed was not imported.
    NotEvaluated,
}

/// One evidence check run against the school's records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    /// The metric.
    pub metric: String,
    /// The rule in words.
    pub rule: String,
    /// The bound.
    pub threshold: Threshold,
    /// The level the check is needed for.
    pub supports_level: u8,
    /// The metric's value, when it could be computed.
    pub value: Option<f64>,
    /// Met, not met, or not evaluated.
    pub status: CheckStatus,
    /// Why it was not evaluated, or the framework's note on a failed check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Runs the checks of `aspect` that its agreed level calls for.
pub fn run(
    aspect: &Aspect,
    agreed: Option<u8>,
    evidence: &Evidence,
    as_of: NaiveDate,
) -> Vec<CheckResult> {
    let Some(level) = agreed else {
        return Vec::new();
    };
    aspect
        .checks
        .iter()
        .filter(|c| level <= c.supports_level)
        .map(|c| {
            let (value, status, detail) = match compute::value(c, evidence, as_of) {
                Ok(v) if c.passes(v) => (Some(v), CheckStatus::Met, None),
                Ok(v) => (Some(v), CheckStatus::NotMet, c.note.clone()),
                Err(why) => (None, CheckStatus::NotEvaluated, Some(why)),
            };
            CheckResult {
                metric: c.metric.clone(),
                rule: c.describe(),
                threshold: c.threshold,
                supports_level: c.supports_level,
                value: value.map(super::round2),
                status,
                detail,
            }
        })
        .collect()
}

/// Every check not met, as findings naming the aspect, the metric, its value and the bound.
pub fn findings(aspects: &[AspectScore]) -> Vec<Reason> {
    let mut out = Vec::new();
    for a in aspects {
        for r in a
            .evidence_checks
            .iter()
            .filter(|r| r.status == CheckStatus::NotMet)
        {
            let level = a.agreed.unwrap_or(0);
            out.push(Reason {
                aspect: a.code.clone(),
                kind: "evidence-does-not-support-level",
                message: format!(
                    "{} {}: level {level} is claimed, but {}; the records give {}{}",
                    a.code,
                    a.name,
                    r.rule,
                    r.value.map_or("no value".to_string(), |v| v.to_string()),
                    // The framework's expectation in plain words, for readers who do not
                    // know the metric names.
                    r.detail
                        .as_ref()
                        .map_or(String::new(), |note| format!(" (expected: {note})"))
                ),
            });
        }
    }
    out
}
