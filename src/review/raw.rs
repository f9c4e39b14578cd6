//! review.toml as written: every key optional, so that validation can say what is missing
//! with a location instead of stopping at serde's first complaint.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct RawReview {
    pub(super) school: Option<String>,
    pub(super) framework: Option<String>,
    pub(super) review_date: Option<toml::Value>,
    pub(super) framework_changed: Option<toml::Value>,
    pub(super) terms: Option<Vec<RawTerm>>,
    pub(super) reviewers: Option<Vec<String>>,
    pub(super) min_commentary_words: Option<u32>,
    pub(super) evidence: Option<Vec<RawSource>>,
    pub(super) pack: Option<RawPack>,
    pub(super) sign_off: Option<super::handover::RawSignOff>,
    pub(super) mark: Option<super::handover::RawMark>,
}

/// One `[[evidence]]` table.
#[derive(Debug, Default, Deserialize)]
pub(super) struct RawSource {
    pub(super) kind: Option<String>,
    pub(super) path: Option<String>,
    pub(super) sheet: Option<String>,
    pub(super) columns: Option<BTreeMap<String, String>>,
    pub(super) categories: Option<BTreeMap<String, String>>,
    pub(super) roles: Option<BTreeMap<String, String>>,
    pub(super) groups: Option<BTreeMap<String, String>>,
}

/// One `[[terms]]` table.
#[derive(Debug, Default, Deserialize)]
pub(super) struct RawTerm {
    pub(super) name: Option<String>,
    pub(super) starts: Option<toml::Value>,
}

/// The `[pack]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct RawPack {
    pub(super) staff_names: Option<bool>,
    pub(super) reviewer_commentary: Option<bool>,
    pub(super) checked_by_hand: Option<Vec<String>>,
}
