//! Mapping what schools write to what the tool reports: incident categories, roles to
//! groups, meeting names to groups. The school's own mapping in review.toml always comes
//! first; the built-in names cover the common cases.

use std::collections::BTreeMap;

use super::header::normalise;

/// The group a role counts in: the school's mapping, else governors for governors and
/// trustees, volunteers for volunteers, and staff for everyone else.
pub fn group_for_role(role: &str, overrides: &BTreeMap<String, String>) -> String {
    let r = normalise(role);
    if let Some((_, g)) = overrides.iter().find(|(k, _)| normalise(k) == r) {
        return slug(g);
    }
    let words: Vec<&str> = r.split(' ').collect();
    if (r.contains("governor") || r.contains("trustee")) && !words.contains(&"clerk") {
        "governors".into()
    } else if r.contains("volunteer") {
        "volunteers".into()
    } else {
        "staff".into()
    }
}

/// A name as a kebab-case group id: "Site staff" → `site-staff`.
pub fn slug(text: &str) -> String {
    normalise(text).replace(' ', "-")
}
const CATEGORIES: &[(&str, &[&str])] = &[
    (
        "Cyberbullying",
        &[
            "cyberbullying",
            "cyber bullying",
            "online bullying",
            "bullying online",
            "bullying",
        ],
    ),
    (
        "Inappropriate content",
        &[
            "inappropriate content",
            "harmful content",
            "explicit content",
            "pornography",
            "violent content",
            "inappropriate website",
            "inappropriate search",
        ],
    ),
    (
        "Sharing nudes",
        &[
            "sexting",
            "nudes",
            "sharing nudes",
            "youth produced sexual imagery",
            "indecent images",
            "nude images",
        ],
    ),
    (
        "Grooming or unwanted contact",
        &[
            "grooming",
            "online grooming",
            "unwanted contact",
            "contact from stranger",
            "inappropriate contact",
            "stranger contact",
        ],
    ),
    (
        "Radicalisation",
        &["radicalisation", "radicalization", "extremism", "prevent"],
    ),
    (
        "Filtering or monitoring alert",
        &[
            "filtering",
            "filtering alert",
            "monitoring alert",
            "filter breach",
            "blocked site",
            "monitoring",
        ],
    ),
    (
        "Misuse of technology",
        &[
            "device misuse",
            "misuse of device",
            "misuse of technology",
            "hacking",
            "unauthorised access",
            "password sharing",
            "acceptable use breach",
            "aup breach",
        ],
    ),
    ("Gaming", &["gaming", "online gaming"]),
    ("Scams and fraud", &["scam", "scams", "fraud", "phishing"]),
    (
        "Self-harm content",
        &["self harm", "self harm content", "suicide content"],
    ),
    ("Data breach", &["data breach", "data protection"]),
];

/// The category every incident without one is counted under.
pub const UNCATEGORISED: &str = "Uncategorised";

/// Splits a category cell and maps each part: the school's mapping, then the built-in
/// names; anything else is kept as written and counted in `unmapped`.
pub fn categories(
    cell: &str,
    own: &BTreeMap<String, String>,
    unmapped: &mut BTreeMap<String, usize>,
) -> Vec<String> {
    CategoryMapper::new(own).map(cell, unmapped)
}

/// Maps category cells for one source, remembering each distinct cell's result: a log
/// of a million rows usually has a few dozen distinct category cells.
#[derive(Debug, Clone, Default)]
pub struct CategoryMapper {
    own: std::collections::HashMap<String, String>,
    memo: std::collections::HashMap<String, (Vec<String>, Vec<String>)>,
}

impl CategoryMapper {
    /// A mapper with the school's own mapping (keys are compared normalised).
    pub fn new(own: &BTreeMap<String, String>) -> Self {
        CategoryMapper {
            own: own
                .iter()
                .map(|(k, v)| (normalise(k), v.trim().to_string()))
                .collect(),
            memo: std::collections::HashMap::new(),
        }
    }

    /// The categories of a cell; parts mapped nowhere are counted in `unmapped`.
    pub fn map(&mut self, cell: &str, unmapped: &mut BTreeMap<String, usize>) -> Vec<String> {
        if !self.memo.contains_key(cell) {
            let result = self.compute(cell);
            self.memo.insert(cell.to_string(), result);
        }
        let (names, missing) = &self.memo[cell];
        for part in missing {
            *unmapped.entry(part.clone()).or_insert(0) += 1;
        }
        names.clone()
    }

    fn compute(&self, cell: &str) -> (Vec<String>, Vec<String>) {
        let mut out: Vec<String> = Vec::new();
        let mut missing = Vec::new();
        for part in cell
            .split([';', ',', '/', '|', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let key = normalise(part);
            let mapped = self.own.get(&key).cloned().or_else(|| {
                CATEGORIES
                    .iter()
                    .find(|(_, names)| names.contains(&key.as_str()))
                    .map(|(c, _)| c.to_string())
            });
            let name = mapped.unwrap_or_else(|| {
                missing.push(part.to_string());
                part.to_string()
            });
            if !out.contains(&name) {
                out.push(name);
            }
        }
        if out.is_empty() {
            out.push(UNCATEGORISED.to_string());
        }
        (out, missing)
    }
}

/// The group a meeting belongs to: the school's mapping, else the online safety group,
/// governors or senior leadership by their usual names, else the name as a slug.
pub fn group_for_meeting(name: &str, overrides: &BTreeMap<String, String>) -> String {
    let n = normalise(name);
    if let Some((_, g)) = overrides.iter().find(|(k, _)| normalise(k) == n) {
        return slug(g);
    }
    let words: Vec<&str> = n.split(' ').collect();
    if n.contains("online safety") || n.contains("e safety") || n.contains("esafety") {
        "online-safety-group".into()
    } else if n.contains("governor") || n.contains("governing") || words.contains(&"fgb") {
        "governors".into()
    } else if n.contains("senior leadership") || words.contains(&"slt") {
        "senior-leadership".into()
    } else {
        slug(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_fall_into_groups() {
        let none = BTreeMap::new();
        assert_eq!(group_for_role("Chair of Governors", &none), "governors");
        assert_eq!(group_for_role("Teaching Assistant", &none), "staff");
        assert_eq!(group_for_role("TA", &none), "staff");
        assert_eq!(group_for_role("Clerk to the Governors", &none), "staff");
        assert_eq!(group_for_role("Parent volunteer", &none), "volunteers");
        let mut own = BTreeMap::new();
        own.insert(
            "Clerk to the governors".to_string(),
            "Governors".to_string(),
        );
        assert_eq!(group_for_role("clerk to the Governors", &own), "governors");
    }

    #[test]
    fn meetings_fall_into_groups() {
        let none = BTreeMap::new();
        assert_eq!(
            group_for_meeting("Online Safety Group", &none),
            "online-safety-group"
        );
        assert_eq!(
            group_for_meeting("E-Safety Committee", &none),
            "online-safety-group"
        );
        assert_eq!(group_for_meeting("FGB", &none), "governors");
        assert_eq!(group_for_meeting("Full Governing Body", &none), "governors");
        assert_eq!(group_for_meeting("Staff meeting", &none), "staff-meeting");
    }

    #[test]
    fn categories_map_and_unmapped_ones_are_counted() {
        let mut own = BTreeMap::new();
        own.insert(
            "Online - Peer on peer".to_string(),
            "Cyberbullying".to_string(),
        );
        let mut unmapped = BTreeMap::new();
        let got = categories(
            "Online - peer on peer; Sexting, Tiktok trend",
            &own,
            &mut unmapped,
        );
        assert_eq!(got, ["Cyberbullying", "Sharing nudes", "Tiktok trend"]);
        assert_eq!(unmapped.get("Tiktok trend"), Some(&1));
        assert_eq!(categories("", &own, &mut unmapped), [UNCATEGORISED]);
    }
}
