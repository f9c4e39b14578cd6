//! `manifest.json`: what the pack holds, so an assessor can check nothing was changed.

use serde::{Deserialize, Serialize};

/// The name of the manifest inside the pack.
pub const NAME: &str = "manifest.json";

/// One file in the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// The entry's path inside the pack, `/`-separated.
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, lower-case hex.
    pub sha256: String,
}

/// The framework the review was scored against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkEntry {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// The SHA-256 of its file.
    pub sha256: String,
}

/// Counts, for a person skimming the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Files in the pack, the manifest aside.
    pub files: usize,
    /// Evidence documents among them.
    pub evidence_documents: usize,
    /// Aspects in the framework.
    pub aspects: usize,
    /// Aspects complete (a level and commentary).
    pub aspects_complete: usize,
}

/// The manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// What made the pack.
    pub tool: String,
    /// The school.
    pub school: String,
    /// The review date, `YYYY-MM-DD`.
    pub review_date: String,
    /// The framework.
    pub framework: FrameworkEntry,
    /// Counts.
    pub counts: Counts,
    /// Every file but the manifest, in path order.
    pub files: Vec<FileEntry>,
}

/// Lower-case hex of bytes (sha2 0.11's digests do not format as hex themselves).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lower_case_and_padded() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
    }
}
