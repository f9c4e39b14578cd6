//! Words that keep the privacy guard's false alarms rare.
//!
//! A one-word name that is also an everyday word ("Grace", "Will", "Brook") would stop a
//! pack over an ordinary sentence, so such a name is matched only with another part of it.
//! Filler words are what incident logs write where a name would go ("whole class",
//! "unknown", "several pupils"): they are not names at all. Both lists are folded words
//! (lower case, no accents), kept sorted so a binary search finds them.

/// Everyday words that are also given names or surnames.
const COMMON: &[&str] = &[
    "abbey", "aim", "amber", "angel", "april", "archer", "art", "ash", "august", "autumn",
    "baker", "bank", "banks", "barber", "bay", "beck", "bell", "berry", "bill", "birch",
    "bird", "bishop", "black", "blake", "bliss", "bloom", "blue", "bond", "bone", "booth",
    "bow", "bowl", "brave", "bridge", "bright", "brook", "brooke", "brooks", "brown",
    "buck", "bull", "bunny", "burns", "bush", "butcher", "butler", "carpenter", "carter",
    "case", "chance", "chase", "cherry", "church", "clay", "cliff", "close", "coal", "cole",
    "cook", "cooper", "coral", "cotton", "crane", "cross", "crow", "crystal", "dale",
    "dash", "dawn", "day", "dean", "dell", "diamond", "dove", "drake", "drew", "duke",
    "dyer", "earl", "early", "east", "eden", "ella", "ember", "english", "eve", "fair",
    "faith", "fern", "field", "fields", "finch", "fish", "fisher", "fleet", "fletcher",
    "ford", "forest", "fortune", "fox", "frank", "free", "friend", "fuller", "gale",
    "gardener", "gay", "gem", "gene", "gift", "glad", "glass", "gold", "golden", "good",
    "grace", "grant", "gray", "green", "grey", "grove", "guy", "hale", "hall", "ham",
    "hardy", "harper", "hart", "haven", "hawk", "hay", "hazel", "heath", "heather", "hill",
    "holly", "honey", "hood", "hope", "horn", "house", "hunt", "hunter", "iris", "ivy",
    "jade", "jay", "jewel", "joy", "june", "just", "keen", "kind", "king", "knight", "lake",
    "lamb", "land", "lane", "lark", "law", "lea", "lee", "lewis", "light", "lily", "lime",
    "link", "little", "lock", "long", "love", "low", "lucky", "major", "mark", "marsh",
    "marshall", "mason", "may", "mead", "meadow", "mercy", "merry", "miles", "mill",
    "miller", "mint", "moon", "moore", "moss", "nash", "new", "newman", "nick", "noble",
    "north", "oak", "oakley", "ocean", "olive", "page", "palmer", "park", "parker", "pat",
    "peace", "pearl", "penny", "pepper", "pike", "pine", "piper", "pool", "poppy", "porter",
    "post", "power", "price", "pride", "prince", "quick", "rain", "ray", "read", "reed",
    "rex", "rich", "ridge", "river", "rob", "robin", "rock", "rose", "ross", "row", "royal",
    "ruby", "rush", "rye", "sage", "salt", "sandy", "savage", "scott", "sea", "shaw",
    "shepherd", "short", "silver", "sky", "slater", "small", "smart", "snow", "south",
    "spencer", "spring", "stand", "star", "steel", "sterling", "stone", "storm", "strong",
    "summer", "sunny", "swan", "sweet", "tanner", "taylor", "temple", "thorn", "tower",
    "troy", "true", "tucker", "turner", "vale", "victor", "violet", "wade", "walker",
    "wall", "ward", "warren", "waters", "weaver", "webb", "well", "wells", "west", "white",
    "wild", "will", "winter", "wise", "wolf", "wood", "woods", "wren", "york", "young",
];

/// What logs write where a name would go: not a name.
const FILLER: &[&str] = &[
    "a", "adult", "adults", "all", "an", "and", "anon", "anonymous", "boy", "boys", "child",
    "children", "class", "form", "girl", "girls", "group", "individual", "known", "learner",
    "learners", "many", "multiple", "n", "na", "no", "none", "not", "of", "other", "others",
    "parent", "parents", "person", "pupil", "pupils", "s", "several", "staff", "student",
    "students", "tbc", "the", "unknown", "unnamed", "various", "whole", "year", "yes",
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
            assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted without repeats");
            for w in list {
                assert_eq!(crate::privacy::fold::folded(w), *w);
            }
        }
        assert!(is_common("grace") && is_common("will") && !is_common("jamie"));
        assert!(is_filler("unknown") && !is_filler("grace"));
    }
}
