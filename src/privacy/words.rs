//! Words that keep the privacy guard's false alarms rare.
//!
//! A one-word name that is also an everyday word ("Grace", "Will", "Brook") would stop a
//! pack over an ordinary sentence, so such a name is matched only with another part of it.
//! Filler words are what incident logs write where a name would go ("whole class",
//! "unknown", "several pupils"): they are not names at all. Both lists are folded words
//! (lower case, no accents), kept sorted so a binary search finds them.

/// Everyday words that are also given names or surnames.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "abbey", "aim", "amber", "angel", "april", "archer", "art", "ash", "august", "autumn",
    "avenue", "baker", "bank", "banks", "barber", "bay", "beck", "bell", "berry", "best",
    "bill", "birch", "bird", "bishop", "black", "blake", "bliss", "bloom", "blue", "bob",
    "bond", "bone", "booth", "bow", "bowl", "brave", "bridge", "bright", "brook", "brooke",
    "brooks", "brown", "buck", "bull", "bunny", "burns", "bush", "butcher", "butler", "can",
    "carpenter", "carter", "case", "chance", "chase", "cherry", "church", "city", "clay",
    "cliff", "close", "coal", "cole", "cook", "cooper", "coral", "cotton", "court", "crane",
    "cross", "crow", "crystal", "daisy", "dale", "dash", "dawn", "day", "dean", "dell",
    "diamond", "do", "dove", "drake", "drew", "duke", "dyer", "earl", "early", "east", "eden",
    "ella", "ember", "english", "eve", "fair", "faith", "fern", "field", "fields", "finch",
    "fish", "fisher", "fleet", "fletcher", "foot", "ford", "forest", "fortune", "fox", "frank",
    "free", "friend", "fuller", "gale", "gardener", "gay", "gem", "gene", "gift", "glad",
    "glass", "go", "gold", "golden", "good", "grace", "grant", "gray", "green", "grey", "grove",
    "guy", "hale", "hall", "ham", "hand", "hardy", "harper", "hart", "haven", "hawk", "hay",
    "hazel", "head", "heart", "heath", "heather", "hill", "holly", "honey", "hood", "hope",
    "horn", "house", "hunt", "hunter", "iris", "ivy", "jack", "jade", "jay", "jewel", "joy",
    "june", "just", "keen", "kind", "king", "knight", "lake", "lamb", "land", "lane", "lark",
    "law", "lea", "lee", "lewis", "light", "lily", "lime", "link", "little", "lock", "long",
    "love", "low", "lucky", "major", "mark", "marsh", "marshall", "mason", "may", "mead",
    "meadow", "mercy", "merry", "miles", "mill", "miller", "mint", "moon", "moore", "moss",
    "nash", "new", "newman", "nick", "night", "noble", "north", "oak", "oakley", "ocean",
    "olive", "page", "palmer", "park", "parker", "pat", "peace", "pearl", "penny", "pepper",
    "pike", "pine", "piper", "pool", "poppy", "port", "porter", "post", "power", "price",
    "pride", "prince", "quick", "rain", "ray", "read", "red", "reed", "rex", "rich", "ridge",
    "river", "road", "rob", "robin", "rock", "rose", "ross", "row", "royal", "ruby", "rush",
    "rye", "sage", "salt", "sandy", "savage", "say", "scott", "sea", "shaw", "shepherd",
    "short", "silver", "sky", "slater", "small", "smart", "smith", "snow", "south", "spencer",
    "spring", "stand", "star", "steel", "sterling", "stone", "storm", "street", "strong", "sue",
    "summer", "sun", "sunny", "swan", "sweet", "tanner", "taylor", "temple", "thorn", "top",
    "tower", "town", "troy", "true", "tucker", "turner", "vale", "victor", "view", "violet",
    "wade", "walker", "wall", "ward", "warren", "waters", "way", "weaver", "webb", "well",
    "wells", "west", "white", "wild", "will", "wing", "winter", "wise", "wolf", "won", "wood",
    "woods", "wren", "york", "young",
];

/// What logs write where a name would go: not a name.
#[rustfmt::skip]
const FILLER: &[&str] = &[
    "a", "above", "adult", "adults", "agency", "all", "ambassador", "ambassadors", "an", "and",
    "anon", "anonymous", "assembly", "at", "below", "both", "boy", "boys", "by", "carer",
    "carers", "case", "child", "children", "class", "classroom", "club", "concern", "concerns",
    "council", "councillor", "councillors", "deputy", "digital", "dsl", "etc", "external",
    "families", "family", "few", "filtering", "five", "for", "form", "four", "friend",
    "friends", "from", "girl", "girls", "governor", "governors", "group", "in", "incident",
    "incidents", "individual", "internal", "involved", "known", "lead", "leader", "leaders",
    "learner", "learners", "lesson", "lessons", "log", "many", "meeting", "member", "members",
    "mixed", "monitoring", "multiple", "n", "na", "name", "names", "no", "none", "not", "note",
    "notes", "of", "on", "online", "or", "osl", "other", "others", "parent", "parents",
    "person", "plus", "police", "policy", "prefect", "prefects", "pupil", "pupils", "record",
    "records", "report", "reports", "review", "s", "safety", "school", "see", "service",
    "services", "several", "sibling", "siblings", "social", "some", "staff", "student",
    "students", "tbc", "teacher", "teachers", "team", "the", "three", "to", "training", "two",
    "unknown", "unnamed", "various", "visitor", "visitors", "whole", "y", "year", "yes", "yr",
];

/// Whether a folded word is an everyday word as well as a name.
pub fn is_common(word: &str) -> bool {
    COMMON.binary_search(&word).is_ok() || FILLER.binary_search(&word).is_ok()
}

/// Whether a folded word stands where a name would, without being one.
pub fn is_filler(word: &str) -> bool {
    FILLER.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_folded_and_searchable() {
        for list in [COMMON, FILLER] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "sorted without repeats"
            );
            for w in list {
                assert_eq!(crate::privacy::fold::folded(w), *w);
            }
        }
        assert!(is_common("grace") && is_common("will") && !is_common("jamie"));
        assert!(is_filler("unknown") && !is_filler("grace"));
    }
}
