//! What a school's key documents are about, read from the names it gives them.
//!
//! A policy register names its documents as each school pleases: "E-Safety Policy",
//! "Online Safety & Acceptable Use Policy", "Filtering and monitoring review 2025", "AUP
//! (KS1)". A framework's checks ask about a topic ("the online safety policy reviewed in the
//! last year"), so the topics are a closed set, [`Topic`], and a document's name is matched
//! to them by its words: one document may cover several topics, and a name that matches none
//! is still listed, and its review dates still watched. The vocabulary lives with the
//! framework because a check names a topic and `framework check` must know the names.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::text::normalise;

/// What a key document is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    /// `online-safety-policy`: the online safety (e-safety) policy.
    OnlineSafetyPolicy,
    /// `acceptable-use`: acceptable (or responsible) use agreements and policies.
    AcceptableUse,
    /// `filtering-monitoring`: the filtering and monitoring provision and its review.
    FilteringMonitoring,
    /// `safeguarding`: the safeguarding and child protection policy.
    Safeguarding,
    /// `anti-bullying`: the anti-bullying policy.
    AntiBullying,
    /// `data-protection`: data protection, GDPR, privacy notices.
    DataProtection,
    /// `cyber-security`: cyber and technical security, passwords.
    CyberSecurity,
    /// `mobile-devices`: mobile phones and personal devices.
    MobileDevices,
    /// `social-media`: social media use.
    SocialMedia,
    /// `images`: photographs, video and the consent to use them.
    Images,
    /// `staff-conduct`: the staff code of conduct.
    StaffConduct,
    /// `group-terms`: the online safety group's terms of reference.
    GroupTerms,
    /// `curriculum`: the online safety curriculum map or scheme of work.
    Curriculum,
}

impl Topic {
    /// Every topic, in the order they are documented.
    pub const ALL: [Topic; 13] = [
        Topic::OnlineSafetyPolicy,
        Topic::AcceptableUse,
        Topic::FilteringMonitoring,
        Topic::Safeguarding,
        Topic::AntiBullying,
        Topic::DataProtection,
        Topic::CyberSecurity,
        Topic::MobileDevices,
        Topic::SocialMedia,
        Topic::Images,
        Topic::StaffConduct,
        Topic::GroupTerms,
        Topic::Curriculum,
    ];

    /// Its name in a framework file and in `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Topic::OnlineSafetyPolicy => "online-safety-policy",
            Topic::AcceptableUse => "acceptable-use",
            Topic::FilteringMonitoring => "filtering-monitoring",
            Topic::Safeguarding => "safeguarding",
            Topic::AntiBullying => "anti-bullying",
            Topic::DataProtection => "data-protection",
            Topic::CyberSecurity => "cyber-security",
            Topic::MobileDevices => "mobile-devices",
            Topic::SocialMedia => "social-media",
            Topic::Images => "images",
            Topic::StaffConduct => "staff-conduct",
            Topic::GroupTerms => "group-terms",
            Topic::Curriculum => "curriculum",
        }
    }

    /// The topic in words, for facts and findings: "the online safety policy".
    pub fn words(self) -> &'static str {
        match self {
            Topic::OnlineSafetyPolicy => "the online safety policy",
            Topic::AcceptableUse => "the acceptable use agreement",
            Topic::FilteringMonitoring => "the filtering and monitoring review",
            Topic::Safeguarding => "the safeguarding policy",
            Topic::AntiBullying => "the anti-bullying policy",
            Topic::DataProtection => "the data protection policy",
            Topic::CyberSecurity => "the cyber security policy",
            Topic::MobileDevices => "the mobile devices policy",
            Topic::SocialMedia => "the social media policy",
            Topic::Images => "the images and video policy",
            Topic::StaffConduct => "the staff code of conduct",
            Topic::GroupTerms => "the online safety group's terms of reference",
            Topic::Curriculum => "the online safety curriculum map",
        }
    }

    /// The topic with this name in a framework file.
    pub fn from_name(name: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The names of every topic, for messages.
    pub fn names() -> Vec<&'static str> {
        Topic::ALL.iter().map(|t| t.name()).collect()
    }

    /// The topics a document's name says it covers, in [`Topic::ALL`] order; none for a
    /// name the vocabulary does not know.
    pub fn of(name: &str) -> Vec<Topic> {
        let n = Name::new(name);
        if NOT_DOCUMENTS.iter().any(|w| n.has(w)) {
            return Vec::new();
        }
        Topic::ALL
            .into_iter()
            .filter(|t| t.matches(&n) && t.kind_named(&n))
            .collect()
    }

    /// Whether the name says what kind of document it is, as the topic needs: a policy
    /// (or procedure, guidance, code…) for most, a review or arrangements for filtering and
    /// monitoring, an agreement for acceptable use, a map or scheme of work for the
    /// curriculum. "Mobile phone lockers purchase" names the topic and no document.
    fn kind_named(self, n: &Name) -> bool {
        let any = |list: &[&str]| list.iter().any(|w| n.has(w));
        match self {
            // Judged whole by [`Topic::matches`]: the policy, or the topic's name alone.
            Topic::OnlineSafetyPolicy => true,
            Topic::GroupTerms => true,
            Topic::AcceptableUse => {
                any(&["aup", "aups", "aua", "auas", "rua"]) || any(AGREEMENTS) || any(POLICIES)
            }
            Topic::FilteringMonitoring => any(REVIEWS) || any(POLICIES),
            Topic::Curriculum => {
                let online = [
                    "online safety",
                    "e safety",
                    "esafety",
                    "internet safety",
                    "digital safety",
                    "digital literacy",
                    "digital citizenship",
                ];
                any(&online)
                    && any(&[
                        "map",
                        "maps",
                        "scheme",
                        "schemes",
                        "plan",
                        "plans",
                        "overview",
                        "progression",
                        "policy",
                        "framework",
                    ])
            }
            Topic::Safeguarding if any(&["kcsie", "keeping children safe"]) => true,
            Topic::Images if n.has("consent") => true,
            Topic::StaffConduct if any(&["code of conduct", "professional standards"]) => true,
            // A name that is nothing but the topic ("Mobile phones and personal devices",
            // "Photography and images") is the register's name for its policy.
            _ => any(POLICIES) || any(AGREEMENTS) || self.only_topic(n),
        }
    }

    /// Whether every word of the name is a word of this topic's phrases, a year or a
    /// small word.
    fn only_topic(self, n: &Name) -> bool {
        let words: Vec<&str> = self.phrases().iter().flat_map(|p| p.split(' ')).collect();
        n.words.iter().all(|w| {
            words.contains(&w.as_str())
                || w.chars().all(|c| c.is_ascii_digit())
                || ["and", "the", "of", "for", "in", "use", "school"].contains(&w.as_str())
        })
    }

    /// Words or phrases any one of which in a name says the document is on this topic;
    /// the online safety policy and filtering are judged by [`Topic::matches`] too.
    fn phrases(self) -> &'static [&'static str] {
        match self {
            Topic::OnlineSafetyPolicy => &[],
            Topic::AcceptableUse => &[
                "acceptable use",
                "responsible use",
                "user agreement",
                "home school agreement",
                "aup",
                "aups",
                "aua",
                "auas",
                "rua",
            ],
            Topic::FilteringMonitoring => &["filtering", "filter"],
            Topic::Safeguarding => &[
                "safeguarding",
                "child protection",
                "keeping children safe",
                "kcsie",
            ],
            Topic::AntiBullying => &["bullying", "antibullying"],
            Topic::DataProtection => &[
                "data protection",
                "gdpr",
                "privacy notice",
                "data handling",
                "data breach",
                "information governance",
            ],
            Topic::CyberSecurity => &[
                "cyber",
                "cybersecurity",
                "password",
                "passwords",
                "technical security",
                "information security",
                "it security",
                "network security",
            ],
            Topic::MobileDevices => &[
                "mobile",
                "phones",
                "mobile phone",
                "byod",
                "personal devices",
            ],
            Topic::SocialMedia => &["social media", "social networking"],
            Topic::Images => &[
                "photography",
                "photographs",
                "photos",
                "images",
                "video",
                "videos",
                "cctv",
            ],
            Topic::StaffConduct => &[
                "code of conduct",
                "staff conduct",
                "staff behaviour",
                "professional standards",
            ],
            Topic::GroupTerms => &["terms of reference", "tor"],
            Topic::Curriculum => &["curriculum", "scheme of work", "schemes of work"],
        }
    }

    fn matches(self, n: &Name) -> bool {
        let online = [
            "online safety",
            "e safety",
            "esafety",
            "internet safety",
            "digital safety",
        ]
        .iter()
        .any(|p| n.has(p));
        match self {
            // A policy, or a name that is nothing but the topic ("Online Safety 2025"); the
            // group's terms of reference and the curriculum map are documents of their own.
            Topic::OnlineSafetyPolicy => {
                online
                    && !Topic::GroupTerms.matches(n)
                    && !Topic::Curriculum.matches(n)
                    && (n.has("policy")
                        || n.has("policies")
                        || n.only_besides(&[
                            "online", "e", "esafety", "internet", "digital", "safety",
                        ]))
            }
            // Monitoring alone is too common a word ("monitoring and evaluation").
            Topic::FilteringMonitoring if n.has("monitoring") => {
                online
                    || ["online", "internet", "web", "network", "digital", "it"]
                        .iter()
                        .any(|w| n.has(w))
                    || self.phrases().iter().any(|p| n.has(p))
            }
            _ => self.phrases().iter().any(|p| n.has(p)),
        }
    }
}

/// Words that say a row of the register is not a key document at all, whatever topic it
/// names: a log, a contract, a poster, an incident report, a purchase, and the papers that
/// go with a policy (its checklist, sign-off sheet, template or form) rather than the policy.
const NOT_DOCUMENTS: &[&str] = &[
    "log",
    "logs",
    "logbook",
    "checklist",
    "checklists",
    "check list",
    "sign off",
    "signoff",
    "sign offs",
    "signed off sheet",
    "signature sheet",
    "signatures",
    "sheet",
    "sheets",
    "template",
    "templates",
    "form",
    "forms",
    "proforma",
    "pro forma",
    "tracker",
    "audit tool",
    "record sheet",
    "crib sheet",
    "slides",
    "presentation",
    "contract",
    "contracts",
    "poster",
    "posters",
    "incident",
    "incidents",
    "purchase",
    "purchases",
    "invoice",
    "invoices",
    "quote",
    "quotation",
    "receipt",
    "order",
    "lockers",
    "leaflet",
    "leaflets",
    "flyer",
    "flyers",
    "newsletter",
    "minutes",
    "certificate",
    "certificates",
    "sticker",
    "stickers",
    "display",
    "licence",
    "license",
    "subscription",
];

/// Words that name a policy or a document of its standing.
const POLICIES: &[&str] = &[
    "policy",
    "policies",
    "procedure",
    "procedures",
    "guidance",
    "guidelines",
    "statement",
    "code",
    "rules",
    "protocol",
    "protocols",
    "notice",
    "notices",
    "strategy",
    "charter",
];

/// Words that name an agreement.
const AGREEMENTS: &[&str] = &["agreement", "agreements", "consent", "form", "forms"];

/// Words that name a review or the arrangements it reviews.
const REVIEWS: &[&str] = &[
    "review",
    "reviews",
    "reviewed",
    "arrangements",
    "provision",
    "audit",
    "assessment",
    "self assessment",
    "plan",
];

/// A document's name as words: lower case, punctuation as spaces, `&` as "and".
struct Name {
    padded: String,
    words: Vec<String>,
}

impl Name {
    fn new(name: &str) -> Self {
        let text = normalise(&name.replace(['&', '+'], " and "));
        Name {
            padded: format!(" {text} "),
            words: text
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    fn has(&self, word: &str) -> bool {
        self.padded.contains(&format!(" {word} "))
    }

    /// Whether every word is one of `words`, a year, or a small word: "Online Safety 2025".
    fn only_besides(&self, words: &[&str]) -> bool {
        self.words.iter().all(|w| {
            words.contains(&w.as_str())
                || w.chars().all(|c| c.is_ascii_digit())
                || ["and", "the", "v", "version", "draft", "final"].contains(&w.as_str())
        })
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Topic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Topic::*;

    #[test]
    fn names_are_unique_and_findable() {
        for t in Topic::ALL {
            assert_eq!(Topic::from_name(t.name()), Some(t));
        }
        assert_eq!(Topic::from_name("online-safety"), None);
    }

    #[test]
    fn documents_are_matched_by_their_words() {
        let cases: &[(&str, &[Topic])] = &[
            ("E-Safety Policy", &[OnlineSafetyPolicy]),
            ("eSafety policy 2024-25", &[OnlineSafetyPolicy]),
            ("Online Safety Policy", &[OnlineSafetyPolicy]),
            ("ONLINE SAFETY", &[OnlineSafetyPolicy]),
            (
                "Online Safety & Acceptable Use Policy",
                &[OnlineSafetyPolicy, AcceptableUse],
            ),
            ("Acceptable Use Agreement (KS2)", &[AcceptableUse]),
            ("AUP - staff", &[AcceptableUse]),
            ("Responsible use agreement, EYFS", &[AcceptableUse]),
            (
                "Filtering and monitoring review 2025",
                &[FilteringMonitoring],
            ),
            ("Web filtering review", &[FilteringMonitoring]),
            ("Online monitoring arrangements", &[FilteringMonitoring]),
            ("Safeguarding & Child Protection Policy", &[Safeguarding]),
            ("KCSIE 2025 - staff read and signed", &[Safeguarding]),
            ("Anti-bullying policy", &[AntiBullying]),
            ("GDPR / Data Protection Policy", &[DataProtection]),
            ("Password policy", &[CyberSecurity]),
            ("Mobile phones and devices policy", &[MobileDevices]),
            ("Mobile phones and personal devices", &[MobileDevices]),
            ("Photography and images", &[Images]),
            ("Social Media Policy", &[SocialMedia]),
            ("Photography and video consent", &[Images]),
            ("Staff Code of Conduct", &[StaffConduct]),
            ("Online Safety Group - Terms of Reference", &[GroupTerms]),
            ("Online safety curriculum map", &[Curriculum]),
        ];
        for (name, topics) in cases {
            assert_eq!(&Topic::of(name), topics, "{name}");
        }
    }

    #[test]
    fn names_outside_the_vocabulary_match_nothing() {
        for name in [
            "Monitoring and evaluation policy",
            "Attendance policy",
            "Safety at work",
            "Online learning timetable",
            "Lettings policy",
            "Web filtering contract",
            "Web filtering log",
            "Curriculum map (maths)",
            "Data protection breach log",
            "Cyber security incident report",
            "Acceptable use poster",
            "Mobile phone lockers purchase",
            "Social media lockers",
            "",
        ] {
            assert_eq!(Topic::of(name), Vec::<Topic>::new(), "{name}");
        }
    }

    #[test]
    fn the_papers_that_go_with_a_policy_are_not_the_policy() {
        for name in [
            "Online safety checklist",
            "Online Safety Policy checklist",
            "Online safety policy sign-off sheet",
            "Online Safety Policy - staff sign off log",
            "Online Safety Policy template",
            "Acceptable Use Agreement form",
            "Acceptable use agreement - parent consent form",
            "Filtering and monitoring review checklist",
            "Safeguarding policy audit tool",
            "Data protection policy record sheet",
            "Mobile phone policy proforma",
            "Online safety policy staff training slides",
        ] {
            assert_eq!(Topic::of(name), Vec::<Topic>::new(), "{name}");
        }
        for (name, topic) in [
            ("Online safety policy", Topic::OnlineSafetyPolicy),
            ("Acceptable use policy (pupils)", Topic::AcceptableUse),
            (
                "Filtering and monitoring review",
                Topic::FilteringMonitoring,
            ),
        ] {
            assert_eq!(Topic::of(name), vec![topic], "{name}");
        }
    }
}
