//! The framework map file as written: a serde mirror of the TOML, every key optional, so
//! that one missing key does not hide the others (the validator reports each absence).

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawMap {
    /// The map's own id; its presence at the top of a file is what makes the file a map.
    pub map: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub aspects: Option<Vec<RawEntry>>,
}

/// One aspect of the framework mapped to.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct RawEntry {
    pub code: Option<String>,
    pub from: Option<Vec<String>>,
    pub new: Option<bool>,
    pub note: Option<String>,
}
