//! Whether a session or communication for parents is about online safety.
//!
//! A school's log of parent engagement runs from ParentPay set-up evenings to gaming
//! tournaments, and a loose test ("game", "pay", "online") counts them as online safety
//! sessions. So the test is strict: a phrase that means online safety on its own ("online
//! safety", "e-safety", "internet safety", "cyberbullying", "screen time"), or a word for
//! being online ("online", "gaming", "TikTok", "apps") with a word of keeping safe
//! ("safe", "risks", "wellbeing", "parental controls") at most three words from it:
//! "Keeping your child safe on TikTok". A row about payments or bookings counts only
//! through a phrase of its own ("Online parents' evening booking", "Paying online safely
//! with ParentPay" do not), and so does one about another kind of safety ("Sun safety
//! leaflet (online)").

use crate::text::normalise;

/// Phrases that say online safety on their own.
const ALONE: &[&str] = &[
    "online safety",
    "on line safety",
    "online safe",
    "e safety",
    "esafety",
    "e safe",
    "esafe",
    "internet safety",
    "safer internet",
    "safe internet",
    "digital safety",
    "digital wellbeing",
    "digital well being",
    "digital resilience",
    "digital citizenship",
    "digital footprint",
    "digital parenting",
    "cyber safety",
    "cybersafety",
    "cyber bullying",
    "cyberbullying",
    "online bullying",
    "online grooming",
    "online harms",
    "online harm",
    "online risks",
    "online abuse",
    "online wellbeing",
    "online privacy",
    "online reputation",
    "screen time",
    "screentime",
    "parental controls",
    "parental control",
    "social media safety",
    "sexting",
    "sextortion",
    "sharing nudes",
    "nude images",
    "age ratings",
    "pegi",
    "thinkuknow",
    "think u know",
    "ceop",
    "viral challenge",
    "viral challenges",
    "online challenge",
    "online challenges",
];

/// Words for being online, which say online safety beside a word of keeping safe.
const ONLINE: &[&str] = &[
    "online",
    "internet",
    "web",
    "digital",
    "cyber",
    "social media",
    "gaming",
    "games",
    "game",
    "gamers",
    "app",
    "apps",
    "phone",
    "phones",
    "smartphone",
    "smartphones",
    "mobile",
    "mobiles",
    "device",
    "devices",
    "tablet",
    "tablets",
    "ipad",
    "ipads",
    "console",
    "consoles",
    "screen",
    "screens",
    "technology",
    "tech",
    "computer",
    "computers",
    "ai",
    "chatbot",
    "chatbots",
    "wifi",
    "streaming",
    "influencers",
    "selfies",
    "passwords",
    "tiktok",
    "youtube",
    "snapchat",
    "instagram",
    "whatsapp",
    "facebook",
    "roblox",
    "fortnite",
    "minecraft",
    "discord",
];

/// Words of keeping safe, which say online safety beside a word for being online.
const SAFE: &[&str] = &[
    "safety",
    "safe",
    "safer",
    "safely",
    "risk",
    "risks",
    "risky",
    "harm",
    "harms",
    "harmful",
    "danger",
    "dangers",
    "dangerous",
    "wellbeing",
    "awareness",
    "security",
    "secure",
    "privacy",
    "protect",
    "protecting",
    "protection",
    "bullying",
    "grooming",
    "exploitation",
    "abuse",
    "controls",
    "settings",
    "restrictions",
    "resilience",
    "responsibly",
    "responsible",
    "healthy",
    "scams",
    "addiction",
];

/// Words of things that are not online safety however they are held: payments and
/// bookings, and other kinds of safety.
const OTHER: &[&str] = &[
    "pay",
    "paying",
    "payment",
    "payments",
    "parentpay",
    "parentmail",
    "scopay",
    "booking",
    "bookings",
    "tickets",
    "sun safety",
    "road safety",
    "fire safety",
    "water safety",
    "food safety",
    "bike safety",
    "cycle safety",
    "stranger danger",
];

/// How many words apart a word for being online and a word of keeping safe may be.
const NEAR: usize = 3;

/// Whether `text` (a row's type and title) says it is about online safety.
pub(crate) fn online_safety(text: &str) -> bool {
    let n = normalise(text);
    let padded = format!(" {n} ");
    let has = |p: &&str| padded.contains(&format!(" {p} "));
    if ALONE.iter().any(has) {
        return true;
    }
    if OTHER.iter().any(has) {
        return false;
    }
    // "social media" is one word for being online: joined so a window counts it once.
    let joined = n.replace("social media", "social_media");
    let words: Vec<&str> = joined.split(' ').collect();
    let online = |w: &str| ONLINE.contains(&w.replace('_', " ").as_str());
    let positions = |f: &dyn Fn(&str) -> bool| -> Vec<usize> {
        (0..words.len()).filter(|&i| f(words[i])).collect()
    };
    let online_at = positions(&online);
    let safe_at = positions(&|w: &str| SAFE.contains(&w));
    online_at
        .iter()
        .any(|o| safe_at.iter().any(|s| o.abs_diff(*s) <= NEAR))
}

#[cfg(test)]
mod tests {
    use super::online_safety;

    #[test]
    fn only_rows_about_online_safety_count_and_false_friends_do_not() {
        for about in [
            "Online safety workshop",
            "E-Safety evening",
            "esafety coffee morning",
            "Internet Safety talk",
            "Safer Internet Day assembly for parents",
            "Digital safety newsletter",
            "Screen time: a guide for parents",
            "Cyberbullying - what parents can do",
            "Keeping your child safe on TikTok",
            "Staying safe online",
            "Gaming safely: a session for parents",
            "Social media: risks and age limits",
            "Parental controls drop-in",
            "Newsletter: online safety update",
        ] {
            assert!(online_safety(about), "{about}");
        }
        for not_about in [
            "ParentPay setup",
            "ParentPay app launch",
            "Pay",
            "Paying online safely with ParentPay",
            "Gaming tournament",
            "Board game evening",
            "game",
            "Online parents' evening",
            "Online parents' evening booking",
            "Phonics workshop",
            "Sun safety leaflet sent online",
            "Sports day",
            "Follow us on social media",
            "Digital photography club",
            "Safeguarding update",
            "Road safety talk",
        ] {
            assert!(!online_safety(not_about), "{not_about}");
        }
    }
}
