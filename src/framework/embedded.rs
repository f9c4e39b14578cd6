//! The frameworks and framework maps built into the binary, so a school needs no other file
//! to start or to carry a review from one framework to the next.

/// A framework, or a framework map, shipped inside the binary.
#[derive(Debug, Clone, Copy)]
pub struct Embedded {
    /// Its id, matching the `id` key (a map's `map` key) inside the file.
    pub id: &'static str,
    /// The file name under `frameworks/` in the source tree, used in findings.
    pub file_name: &'static str,
    /// The TOML text.
    pub text: &'static str,
}

/// The id of the framework a new review uses when none is named: England's current
/// self-review, with 18 aspects.
pub const DEFAULT_ID: &str = "online-safety-18";

/// Every embedded framework; the first is the default.
pub const EMBEDDED: &[Embedded] = &[
    Embedded {
        id: DEFAULT_ID,
        file_name: "frameworks/online-safety-18.toml",
        text: include_str!("../../frameworks/online-safety-18.toml"),
    },
    Embedded {
        id: "online-safety-21",
        file_name: "frameworks/online-safety-21.toml",
        text: include_str!("../../frameworks/online-safety-21.toml"),
    },
];

/// Every embedded framework map.
pub const EMBEDDED_MAPS: &[Embedded] = &[Embedded {
    id: "online-safety-21-to-18",
    file_name: "frameworks/maps/online-safety-21-to-18.toml",
    text: include_str!("../../frameworks/maps/online-safety-21-to-18.toml"),
}];
