//! The frameworks built into the binary, so a school needs no other file to start.

/// A framework shipped inside the binary.
#[derive(Debug, Clone, Copy)]
pub struct Embedded {
    /// Its id, matching the `id` key inside the file.
    pub id: &'static str,
    /// The file name under `frameworks/` in the source tree, used in findings.
    pub file_name: &'static str,
    /// The TOML text.
    pub text: &'static str,
}

/// The id of the framework used when none is named.
pub const DEFAULT_ID: &str = "online-safety-21";

/// Every embedded framework; the first is the default.
pub const EMBEDDED: &[Embedded] = &[Embedded {
    id: DEFAULT_ID,
    file_name: "frameworks/online-safety-21.toml",
    text: include_str!("../../frameworks/online-safety-21.toml"),
}];
