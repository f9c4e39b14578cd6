//! Incident categories: what schools write, mapped to the names reports use, and sorted
//! into online safety and other.
//!
//! A whole-school safeguarding export (CPOMS, MyConcern, …) logs every concern: behaviour,
//! attendance, neglect as well as cyberbullying. Only online safety incidents belong in an
//! online safety review, so each category is sorted: the school's own mapping in
//! review.toml first (a category mapped to `leave out` is other; any other mapping brings
//! it in), then the built-in names below, then any category whose words are about being
//! online (kept as written, and listed so the school can name it). Everything else is other.
//! An incident counts when one of its categories is online safety, or when it has no
//! category at all (an online safety reporting log often has none). Plain "Bullying" and
//! "Self harm" are not taken as online: in a whole-school export they are usually not, and
//! the school can bring them in with its mapping.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::evidence::header::normalise;

const CATEGORIES: &[(&str, &[&str])] = &[
    (
        "Cyberbullying",
        &[
            "cyberbullying",
            "cyber bullying",
            "online bullying",
            "bullying online",
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
            "sextortion",
            "sexual extortion",
            "sexual extortion online",
            "financially motivated sexual extortion",
            "financially motivated sextortion",
            "sextortion online",
            "sex tortion",
            "semi nudes",
            "nudes semi nudes",
            "sharing nudes semi nudes",
            "deepfake",
            "deepfakes",
            "deep fake",
            "deepfake images",
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
        &["self harm content", "suicide content", "self harm online"],
    ),
    ("Data breach", &["data breach", "data protection"]),
];

/// The category every incident without one is counted under.
pub const UNCATEGORISED: &str = "Uncategorised";

/// What a school writes under `[evidence.categories]` to leave a category out.
pub const LEAVE_OUT: &str = "leave out";

/// The name general online safety concerns are counted under.
const GENERAL: &str = "Online safety (general)";

/// Words that make a category about being online, when it is not a known one.
const ONLINE_WORDS: &[&str] = &[
    "online",
    "cyber",
    "internet",
    "esafety",
    "digital",
    "social",
    "media",
    "website",
    "web",
    "app",
    "apps",
    "gaming",
    "game",
    "games",
    "chat",
    "messaging",
    "messages",
    "email",
    "sexting",
    "nudes",
    "phone",
    "mobile",
    "device",
    "devices",
    "laptop",
    "computer",
    "ipad",
    "tablet",
    "filtering",
    "monitoring",
    "youtube",
    "tiktok",
    "snapchat",
    "instagram",
    "whatsapp",
    "facebook",
    "roblox",
    "fortnite",
    "minecraft",
    "streaming",
    "webcam",
    "nude",
    "sextortion",
    "deepfake",
    "deepfakes",
    "livestream",
    "livestreaming",
    "discord",
    "twitch",
    "telegram",
];

/// Whether a category counts in the online safety review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// An online safety category.
    Online,
    /// Another kind of concern (behaviour, attendance, …): left out, and counted.
    Other,
}

/// Splits a category cell and maps each part: the school's mapping, then the built-in
/// names; anything else is kept as written and counted in `unmapped`.
pub fn categories(
    cell: &str,
    own: &BTreeMap<String, String>,
    unmapped: &mut BTreeMap<String, usize>,
) -> Vec<String> {
    CategoryMapper::new(own).map(cell, unmapped)
}

/// One part of a category cell, mapped.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mapped {
    name: String,
    scope: Scope,
    /// Kept as written: neither the school's mapping nor the built-in names know it.
    unknown: bool,
}

/// How many distinct category cells a mapper remembers.
const MEMO_LIMIT: usize = 4096;

/// Maps category cells for one source, remembering each distinct cell's result (up to
/// [`MEMO_LIMIT`] of them): a log of a million rows usually has a few dozen distinct
/// category cells.
#[derive(Debug, Clone, Default)]
pub struct CategoryMapper {
    own: HashMap<String, String>,
    /// Looked up for every row of a log: hashed the fast way (the text is the school's own).
    memo: FxHashMap<String, Vec<Mapped>>,
    other: FxHashSet<String>,
}

impl CategoryMapper {
    /// A mapper with the school's own mapping (keys are compared normalised).
    pub fn new(own: &BTreeMap<String, String>) -> Self {
        CategoryMapper {
            own: own
                .iter()
                .map(|(k, v)| (normalise(k), v.trim().to_string()))
                .collect(),
            memo: FxHashMap::default(),
            other: FxHashSet::default(),
        }
    }

    /// The categories of a cell, online safety and other alike; online safety parts
    /// mapped nowhere are counted in `unmapped`.
    pub fn map(&mut self, cell: &str, unmapped: &mut BTreeMap<String, usize>) -> Vec<String> {
        let computed;
        let mapped = match self.memo.get(cell) {
            Some(m) => m,
            None => {
                let result = self.compute(cell);
                for m in result.iter().filter(|m| m.scope == Scope::Other) {
                    self.other.insert(m.name.clone());
                }
                // A column of free text has as many distinct cells as rows: past the
                // limit each is worked out afresh, so memory stays flat.
                if self.memo.len() < MEMO_LIMIT {
                    self.memo.insert(cell.to_string(), result);
                    &self.memo[cell]
                } else {
                    computed = result;
                    &computed
                }
            }
        };
        for m in mapped
            .iter()
            .filter(|m| m.unknown && m.scope == Scope::Online)
        {
            *unmapped.entry(m.name.clone()).or_insert(0) += 1;
        }
        mapped.iter().map(|m| m.name.clone()).collect()
    }

    /// The scope of a category name this mapper returned.
    pub fn scope(&self, name: &str) -> Scope {
        if self.other.contains(name) {
            Scope::Other
        } else {
            Scope::Online
        }
    }

    fn compute(&self, cell: &str) -> Vec<Mapped> {
        let mut out: Vec<Mapped> = Vec::new();
        for part in cell
            .split([';', ',', '/', '|', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let mapped = self.part(part);
            if !out.iter().any(|m| m.name == mapped.name) {
                out.push(mapped);
            }
        }
        if out.is_empty() {
            out.push(Mapped {
                name: UNCATEGORISED.to_string(),
                scope: Scope::Online,
                unknown: false,
            });
        }
        out
    }

    fn part(&self, part: &str) -> Mapped {
        let key = normalise(part);
        if let Some(own) = self.own.get(&key) {
            let left_out = normalise(own) == LEAVE_OUT;
            return Mapped {
                name: if left_out {
                    part.to_string()
                } else {
                    own.clone()
                },
                scope: if left_out {
                    Scope::Other
                } else {
                    Scope::Online
                },
                unknown: false,
            };
        }
        if let Some(name) = built_in(&key) {
            return Mapped {
                name: name.to_string(),
                scope: Scope::Online,
                unknown: false,
            };
        }
        let online = about_being_online(&key);
        Mapped {
            name: part.to_string(),
            scope: if online { Scope::Online } else { Scope::Other },
            unknown: true,
        }
    }
}

/// Words that make a category about something other than being online, whatever else it
/// says ("Online attendance", "Attendance (online lessons)").
const OTHER_WORDS: &[&str] = &[
    "attendance",
    "absence",
    "absences",
    "punctuality",
    "lateness",
    "uniform",
];

/// Whether a category not known by name is about being online: it has a word about being
/// online, not negated ("Not online safety", "non online") and not about attendance or the
/// like.
fn about_being_online(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    let online = |w: &&str| ONLINE_WORDS.contains(w) || *w == "safety";
    // "Not online safety", "Not an online safety concern", "Online safety: no".
    let negated = words.iter().enumerate().any(|(i, w)| {
        online(w)
            && words[i.saturating_sub(3)..i]
                .iter()
                .any(|p| matches!(*p, "not" | "non"))
    }) || matches!(words.last(), Some(&"no"));
    let elsewhere = words.iter().any(|w| OTHER_WORDS.contains(w));
    let says_online = words.iter().any(|w| ONLINE_WORDS.contains(w)) || key.contains("e safety");
    says_online && !negated && !elsewhere
}

/// The built-in name for a normalised category, trying it as written, then without a
/// trailing "concern", "incident" or "issue", then without a leading "online".
fn built_in(key: &str) -> Option<&'static str> {
    let find = |k: &str| {
        CATEGORIES
            .iter()
            .find(|(_, names)| names.contains(&k))
            .map(|(c, _)| *c)
            .or_else(|| GENERAL_NAMES.contains(&k).then_some(GENERAL))
    };
    let mut k = key.to_string();
    for suffix in [" concern", " concerns", " incident", " issue", " report"] {
        if let Some(stem) = k.strip_suffix(suffix) {
            k = stem.to_string();
        }
    }
    find(key)
        .or_else(|| find(&k))
        .or_else(|| k.strip_prefix("online ").and_then(find))
}

/// Names of general online safety concerns.
const GENERAL_NAMES: &[&str] = &[
    "online safety",
    "e safety",
    "esafety",
    "internet safety",
    "online",
    "online concern",
];

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn categories_are_sorted_into_online_safety_and_other() {
        let mut own = BTreeMap::new();
        own.insert(
            "Peer on peer abuse".to_string(),
            "Cyberbullying".to_string(),
        );
        own.insert("Gaming".to_string(), "Leave out".to_string());
        let mut m = CategoryMapper::new(&own);
        let mut unmapped = BTreeMap::new();
        let got = m.map(
            "Online Grooming Concern; Online Safety; Behaviour; Attendance; Peer on peer abuse; Gaming; Misuse of school iPad",
            &mut unmapped,
        );
        assert_eq!(
            got,
            [
                "Grooming or unwanted contact",
                "Online safety (general)",
                "Behaviour",
                "Attendance",
                "Cyberbullying",
                "Gaming",
                "Misuse of school iPad"
            ]
        );
        let scopes: Vec<Scope> = got.iter().map(|c| m.scope(c)).collect();
        use Scope::{Online, Other};
        assert_eq!(
            scopes,
            [Online, Online, Other, Other, Online, Other, Online]
        );
        assert_eq!(
            unmapped.keys().collect::<Vec<_>>(),
            ["Misuse of school iPad"],
            "only online safety categories kept as written are listed to map"
        );
        assert_eq!(m.scope(UNCATEGORISED), Online);
        let got = m.map(
            "Bullying; Self harm; Cyber bullying; E-Safety Concern; Nude image sharing",
            &mut unmapped,
        );
        assert_eq!(got[3], "Online safety (general)");
        let scopes: Vec<Scope> = got.iter().map(|c| m.scope(c)).collect();
        assert_eq!(scopes, [Other, Other, Online, Online, Online]);
    }

    #[test]
    fn a_free_text_category_column_is_mapped_in_bounded_memory() {
        let mut m = CategoryMapper::new(&BTreeMap::new());
        let mut unmapped = BTreeMap::new();
        for i in 0..MEMO_LIMIT + 50 {
            let got = m.map(&format!("Cyberbullying; note {i}"), &mut unmapped);
            assert_eq!(got, ["Cyberbullying".to_string(), format!("note {i}")]);
        }
        assert_eq!(m.memo.len(), MEMO_LIMIT);
        // Past the limit, a cell seen before is worked out again to the same answer.
        let last = format!("Cyberbullying; note {}", MEMO_LIMIT + 49);
        assert_eq!(
            m.map(&last, &mut unmapped)[1],
            format!("note {}", MEMO_LIMIT + 49)
        );
        assert_eq!(m.memo.len(), MEMO_LIMIT);
    }

    #[test]
    fn negations_and_newer_harms_are_read() {
        assert!(!about_being_online("not an online safety concern"));
        assert!(!about_being_online("online safety no"));
        assert!(about_being_online("online safety"));
        assert_eq!(built_in("sex tortion"), Some("Sharing nudes"));
        assert_eq!(built_in("semi nudes"), Some("Sharing nudes"));
        assert_eq!(built_in("deepfake"), Some("Sharing nudes"));
    }

    #[test]
    fn sextortion_is_online_and_online_attendance_is_not() {
        let mut m = CategoryMapper::new(&BTreeMap::new());
        let mut unmapped = BTreeMap::new();
        let got = m.map(
            "Sextortion; Sexual extortion; Not online safety; Online attendance; Attendance (online lessons); Non-online bullying; Nudes - no consent",
            &mut unmapped,
        );
        // Both name one category, counted once for the incident.
        assert_eq!(got[0], "Sharing nudes");
        assert_eq!(got.len(), 6, "{got:?}");
        let scopes: Vec<Scope> = got.iter().map(|c| m.scope(c)).collect();
        use Scope::{Online, Other};
        assert_eq!(scopes, [Online, Other, Other, Other, Other, Online]);
    }
}
