//! The framework file as written: a serde mirror of the TOML, every key optional.
//!
//! Keys are optional here so that one missing key does not hide every other problem; the
//! validator reports each absence with its place. Unknown keys are reported by
//! [`crate::tomldoc::parse`].

use std::collections::BTreeMap;

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawFramework {
    pub id: Option<String>,
    pub title: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    pub levels: Option<RawLevels>,
    pub evidence_required: Option<bool>,
    pub elements: Option<Vec<RawElement>>,
}

/// Five texts keyed by level, used both for the scale's labels and an aspect's statements.
#[derive(Debug, Default, Deserialize)]
pub struct RawLevels {
    #[serde(rename = "5")]
    pub l5: Option<String>,
    #[serde(rename = "4")]
    pub l4: Option<String>,
    #[serde(rename = "3")]
    pub l3: Option<String>,
    #[serde(rename = "2")]
    pub l2: Option<String>,
    #[serde(rename = "1")]
    pub l1: Option<String>,
}

impl RawLevels {
    /// The texts from level 5 (lowest) to level 1 (aspirational).
    pub fn by_level(&self) -> [(u8, &Option<String>); 5] {
        [
            (5, &self.l5),
            (4, &self.l4),
            (3, &self.l3),
            (2, &self.l2),
            (1, &self.l1),
        ]
    }
}

/// An element: the top grouping.
#[derive(Debug, Default, Deserialize)]
pub struct RawElement {
    pub code: Option<String>,
    pub name: Option<String>,
    pub strands: Option<Vec<RawStrand>>,
}

/// A strand within an element.
#[derive(Debug, Default, Deserialize)]
pub struct RawStrand {
    pub code: Option<String>,
    pub name: Option<String>,
    pub aspects: Option<Vec<RawAspect>>,
}

/// An aspect: what a school scores.
#[derive(Debug, Default, Deserialize)]
pub struct RawAspect {
    pub code: Option<String>,
    pub name: Option<String>,
    pub descriptor: Option<String>,
    pub benchmark: Option<i64>,
    pub levels: Option<RawLevels>,
    pub actions: Option<RawActions>,
    pub evidence: Option<Vec<String>>,
    #[serde(rename = "evidence-kinds")]
    pub evidence_kinds: Option<Vec<String>>,
    #[serde(rename = "evidence-required")]
    pub evidence_required: Option<bool>,
    pub checks: Option<Vec<RawCheck>>,
}

/// The improvement actions for each step up, keyed by the level reached.
#[derive(Debug, Default, Deserialize)]
pub struct RawActions {
    #[serde(rename = "to-4")]
    pub to4: Option<Vec<String>>,
    #[serde(rename = "to-3")]
    pub to3: Option<Vec<String>>,
    #[serde(rename = "to-2")]
    pub to2: Option<Vec<String>>,
    #[serde(rename = "to-1")]
    pub to1: Option<Vec<String>>,
}

impl RawActions {
    /// Each step as (key, level reached, actions), from the lowest step up.
    pub fn steps(&self) -> [(&'static str, u8, &Option<Vec<String>>); 4] {
        [
            ("to-4", 4, &self.to4),
            ("to-3", 3, &self.to3),
            ("to-2", 2, &self.to2),
            ("to-1", 1, &self.to1),
        ]
    }
}

/// An evidence check tying a claimed level to a metric.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawCheck {
    pub metric: Option<String>,
    pub params: Option<BTreeMap<String, toml::Value>>,
    pub at_least: Option<f64>,
    pub at_most: Option<f64>,
    pub supports_level: Option<i64>,
    pub required: Option<bool>,
    pub note: Option<String>,
}
