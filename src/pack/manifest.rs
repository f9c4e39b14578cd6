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
    /// Who signed the review off, as review.toml records it (`null` when it does not).
    #[serde(default)]
    pub sign_off: Option<crate::review::handover::SignOff>,
    /// Counts.
    pub counts: Counts,
    /// Every file but the manifest, in path order.
    pub files: Vec<FileEntry>,
}

/// Lower-case hex of bytes (sha2 0.11's digests do not format as hex themselves).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fingerprint of a manifest as a person gives it: the SHA-256 of manifest.json, whole
/// (64 hex digits) or its first 32, as [`Fingerprint::short`] prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(String);

/// How many hex digits the short fingerprint has: 128 bits, as hard to forge as anyone
/// needs, and short enough to read out or copy from a letter.
const SHORT: usize = 32;

impl Fingerprint {
    /// Reads a fingerprint as typed: spaces, dashes, colons and capitals do not matter.
    pub fn parse(text: &str) -> Result<Self, String> {
        let digits: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | ':'))
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(bad) = digits.chars().find(|c| !c.is_ascii_hexdigit()) {
            return Err(format!(
                "`{bad}` is not a hex digit: a fingerprint is made of 0-9 and a-f"
            ));
        }
        match digits.len() {
            SHORT | 64 => Ok(Fingerprint(digits)),
            n => Err(format!(
                "the fingerprint has {n} hex digits; it should have {SHORT} (as pack prints it) or 64"
            )),
        }
    }

    /// The whole fingerprint of a manifest whose SHA-256 is `full` (hex).
    pub fn from_sha256(full: &str) -> Self {
        Fingerprint(full.to_ascii_lowercase())
    }

    /// Whether the manifest whose SHA-256 is `full` (lower-case hex) has this fingerprint.
    pub fn matches(&self, full: &str) -> bool {
        full.starts_with(&self.0)
    }

    /// The short fingerprint of the manifest whose SHA-256 is `full`: its first 32 hex
    /// digits in groups of four.
    pub fn short(full: &str) -> String {
        grouped(full, SHORT)
    }

    /// The manifest whose SHA-256 is `full` as long as this fingerprint was given: its
    /// first 32 digits, or all 64 when 64 were given, so that two that differ only after
    /// the 32nd digit are not shown as the same.
    pub fn as_long(&self, full: &str) -> String {
        grouped(full, self.0.len())
    }
}

/// The first `n` hex digits of `full`, in groups of four.
fn grouped(full: &str, n: usize) -> String {
    let digits: Vec<char> = full.chars().take(n).collect();
    let groups: Vec<String> = digits.chunks(4).map(|c| c.iter().collect()).collect();
    groups.join(" ")
}

impl std::fmt::Display for Fingerprint {
    /// Every digit given, in groups of four.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&grouped(&self.0, self.0.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_read_as_typed_and_printed_in_groups() {
        let full = "0123456789abcdef0123456789abcdef00000000000000000000000000000000";
        let long = Fingerprint::from_sha256(full);
        assert_eq!(
            long.to_string().split(' ').count(),
            16,
            "all 64 digits are shown"
        );
        let other = format!("{}1", &full[..63]);
        assert_ne!(long.as_long(&other), long.to_string());
        let short = Fingerprint::short(full);
        assert_eq!(short, "0123 4567 89ab cdef 0123 4567 89ab cdef");
        for typed in [short.as_str(), "0123456789ABCDEF-0123456789abcdef", full] {
            let f = Fingerprint::parse(typed).expect("read");
            assert!(f.matches(full), "{typed}");
        }
        let other = Fingerprint::parse("1123456789abcdef0123456789abcdef").expect("read");
        assert!(!other.matches(full));
        assert!(Fingerprint::parse("0123 4567").is_err());
        assert!(Fingerprint::parse("0123456789abcdef0123456789abcdeg").is_err());
        assert!(Fingerprint::parse("").is_err());
    }

    #[test]
    fn hex_is_lower_case_and_padded() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
    }
}
