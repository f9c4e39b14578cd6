//! Who a group named in a register is: the pupils of a year or class, their parents, the
//! staff, the governors, volunteers, or a group the tool cannot place.
//!
//! Agreements registers and surveys name groups as schools write them: "Year 6", "Y6
//! parents", "Class teachers", "Local governing body", "PGCE students", "Kitchen". The
//! word for the people decides over the year group beside it: "Y6 parents" are parents and
//! "Year 6 teachers" staff, though both name a year. A group none of whose words says who
//! it is ("Oak", "Blue team") is not placed at all, rather than taken for pupils: counting
//! it as pupils could raise a share the files do not justify.
//!
//! [`part_key`] gives one name to the ways a school writes the same class ("Year 3", "Y3",
//! "Yr 3", "year three") or group ("Staff", "All staff"), so that a recount replaces the
//! count before it instead of adding a class.

use crate::text::normalise;

/// Who a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    /// Pupils: a year group, a class, a key stage, or a group pupils serve in.
    Learners,
    /// Parents and carers.
    Parents,
    /// Governors and trustees.
    Governors,
    /// Volunteers.
    Volunteers,
    /// Staff by any of their roles, trainees and other adults working in the school.
    Staff,
}

/// Words for parents and carers, however a school writes them.
const PARENT_WORDS: &[&str] = &[
    "parent",
    "parents",
    "carer",
    "carers",
    "mum",
    "mums",
    "mother",
    "mothers",
    "dad",
    "dads",
    "father",
    "fathers",
    "family",
    "families",
    "guardian",
    "guardians",
    "grandparents",
];

/// Words for governors and trustees.
const GOVERNOR_WORDS: &[&str] = &[
    "governor",
    "governors",
    "governing",
    "governance",
    "lgb",
    "fgb",
    "trustee",
    "trustees",
    "board",
];

/// Words for volunteers and other unpaid adults.
const VOLUNTEER_WORDS: &[&str] = &["volunteer", "volunteers", "helpers", "helper"];

/// Words for staff by their roles and for the adults who work in a school.
const STAFF_WORDS: &[&str] = &[
    "staff",
    "teacher",
    "teachers",
    "teaching",
    "ta",
    "tas",
    "assistant",
    "assistants",
    "support",
    "employee",
    "employees",
    "colleagues",
    "adults",
    "head",
    "headteacher",
    "deputy",
    "senco",
    "dsl",
    "slt",
    "leadership",
    "admin",
    "administration",
    "office",
    "business",
    "manager",
    "managers",
    "technician",
    "technicians",
    "caretaker",
    "site",
    "lunchtime",
    "midday",
    "mdsa",
    "mdsas",
    "cleaner",
    "cleaners",
    "cleaning",
    "supply",
    "agency",
    "pgce",
    "scitt",
    "ect",
    "ects",
    "nqt",
    "nqts",
    "trainee",
    "trainees",
    "kitchen",
    "catering",
    "cook",
    "cooks",
    "chef",
    "coach",
    "coaches",
    "instructor",
    "instructors",
    "tutor",
    "tutors",
    "peripatetic",
    "nurse",
    "therapist",
    "therapists",
    "contractor",
    "contractors",
    "visitor",
    "visitors",
    "practitioner",
    "practitioners",
    "nursery nurses",
    "hlta",
    "hltas",
    "lsa",
    "lsas",
    "ssa",
    "clerk",
    "librarian",
    "lead",
    "leads",
    "leader",
    "leaders",
    "coordinator",
    "coordinators",
    "ordinator",
    "ordinators",
    "mentor",
    "mentors",
    "hoy",
];

/// Words that say a group is pupils.
const PUPIL_WORDS: &[&str] = &[
    "pupil",
    "pupils",
    "learner",
    "learners",
    "student",
    "students",
    "children",
    "child",
    "year",
    "years",
    "yr",
    "reception",
    "nursery",
    "class",
    "form",
    "ks1",
    "ks2",
    "ks3",
    "ks4",
    "ks5",
    "key",
    "eyfs",
    "sixth",
    "foundation",
    "infants",
    "juniors",
];

/// Groups pupils serve in, whose names hold a word that would otherwise say adults.
const PUPIL_PHRASES: &[&str] = &[
    "digital leader",
    "school council",
    "pupil voice",
    "learner voice",
    "student voice",
    "prefect",
    "pupil leader",
    "play leader",
    "sports leader",
    "young leader",
];

/// Who the group `text` is, as its words say; `None` when they do not say.
pub(crate) fn who(text: &str) -> Option<Who> {
    let n = normalise(text);
    let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
    let any = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if PUPIL_PHRASES.iter().any(|p| n.contains(p)) {
        return Some(Who::Learners);
    }
    // "Parent governor", "Parent staff governor": the last word for people names the role;
    // "Y6 parents", "Parent helpers" are parents.
    let last = |list: &[&str]| words.iter().rposition(|w| list.contains(w));
    if let (Some(p), Some(g)) = (last(PARENT_WORDS), last(GOVERNOR_WORDS))
        && g > p
    {
        return Some(Who::Governors);
    }
    if any(PARENT_WORDS) {
        Some(Who::Parents)
    } else if any(GOVERNOR_WORDS) && !words.contains(&"clerk") {
        Some(Who::Governors)
    } else if any(VOLUNTEER_WORDS) {
        Some(Who::Volunteers)
    } else if any(STAFF_WORDS) {
        Some(Who::Staff)
    } else if any(PUPIL_WORDS) || words.iter().any(|w| year_code(w) || class_code(w)) {
        Some(Who::Learners)
    } else {
        None
    }
}

/// Whether a word is a year group's code: `y4`, `y10`, `yr4`, `year4`.
fn year_code(w: &str) -> bool {
    ["year", "yr", "y"].iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|n| (1..=2).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()))
    })
}

/// Whether a word is a class as schools code them: a year's number and a letter or two
/// (`6b`, `10x`, `3mb`), or reception's (`r1`, `rb`).
fn class_code(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    let rest = &w[digits..];
    (1..=2).contains(&digits)
        && (1..=2).contains(&rest.len())
        && rest.chars().all(|c| c.is_ascii_lowercase())
}

/// The year group a class code belongs to, as [`part_key`] names it: "4B" and "Class 4W"
/// are `year 4`, "RB" and "R1" `reception`; `None` for anything else, a year group itself
/// among it.
pub(crate) fn class_year(part: &str) -> Option<String> {
    let n = normalise(part);
    let words: Vec<&str> = n
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "class")
        .collect();
    let [code] = words.as_slice() else {
        return None;
    };
    if class_code(code) {
        let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
        return Some(format!("year {}", digits.trim_start_matches('0')));
    }
    let reception = code.len() == 2
        && code.starts_with('r')
        && code[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase());
    reception.then(|| "reception".to_string())
}

/// Numbers in words, as a year group may be written ("year three").
const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen",
];

/// One name for every way a school writes the same class or group: "Year 3", "Y3", "Yr
/// 3", "year three" and "Year 3 pupils" are `year 3`; "Staff" and "All staff" are `staff`;
/// "Rec" and "Reception class" are `reception`.
pub(crate) fn part_key(part: &str) -> String {
    let n = normalise(part);
    let mut words: Vec<String> = Vec::new();
    for w in n.split(' ').filter(|w| !w.is_empty()) {
        let year = ["year", "yr", "y"].iter().find_map(|p| {
            w.strip_prefix(p)
                .filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
        });
        match (w, year) {
            (_, Some(n)) => {
                words.push("year".into());
                words.push(n.trim_start_matches('0').to_string());
            }
            ("yr" | "y" | "years", _) => words.push("year".into()),
            ("rec", _) => words.push("reception".into()),
            _ => match NUMBERS.iter().position(|x| *x == w) {
                Some(i) if words.last().is_some_and(|l| l == "year") => {
                    words.push((i + 1).to_string());
                }
                _ if w.chars().all(|c| c.is_ascii_digit())
                    && words.last().is_some_and(|l| l == "year") =>
                {
                    words.push(w.trim_start_matches('0').to_string());
                }
                _ => words.push(w.to_string()),
            },
        }
    }
    // "All staff", "The whole staff", "Year 3 pupils", "Reception class": the words
    // around the group do not make another group.
    while words.len() > 1 && ["all", "the", "whole", "entire"].contains(&words[0].as_str()) {
        words.remove(0);
    }
    while words.len() > 1
        && [
            "pupils", "children", "class", "group", "learners", "students",
        ]
        .contains(&words[words.len() - 1].as_str())
        && words[..words.len() - 1]
            .iter()
            .any(|w| w == "year" || w == "reception")
    {
        words.pop();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_for_the_people_decides_over_the_year() {
        for (text, expected) in [
            ("Year 6", Some(Who::Learners)),
            ("6B", Some(Who::Learners)),
            ("Y6 parents", Some(Who::Parents)),
            ("Reception parents", Some(Who::Parents)),
            ("KS2 carers", Some(Who::Parents)),
            ("Year 6 mums", Some(Who::Parents)),
            ("dads", Some(Who::Parents)),
            ("Year 6 teachers", Some(Who::Staff)),
            ("Class teachers", Some(Who::Staff)),
            ("Local governing body", Some(Who::Governors)),
            ("PGCE students", Some(Who::Staff)),
            ("Kitchen", Some(Who::Staff)),
            ("Sports coaches", Some(Who::Staff)),
            ("Parent helpers", Some(Who::Parents)),
            ("Volunteers", Some(Who::Volunteers)),
            ("Digital leaders", Some(Who::Learners)),
            ("Clerk to governors", Some(Who::Staff)),
            ("Year 6 lead", Some(Who::Staff)),
            ("KS2 leader", Some(Who::Staff)),
            ("Year 3 teacher", Some(Who::Staff)),
            ("EYFS co-ordinator", Some(Who::Staff)),
            ("Phase leaders", Some(Who::Staff)),
            ("Parent governor", Some(Who::Governors)),
            ("Parent governors", Some(Who::Governors)),
            ("Play leaders", Some(Who::Learners)),
            ("Oak", None),
            ("Blue team", None),
        ] {
            assert_eq!(who(text), expected, "{text}");
        }
    }

    #[test]
    fn one_class_written_many_ways_is_one_part() {
        for text in [
            "Year 3",
            "Y3",
            "Yr 3",
            "year three",
            "YR3",
            "Year 03",
            "Year 3 pupils",
        ] {
            assert_eq!(part_key(text), "year 3", "{text}");
        }
        assert_eq!(part_key("All staff"), "staff");
        assert_eq!(part_key("Staff"), "staff");
        assert_eq!(part_key("Rec"), "reception");
        assert_eq!(part_key("Reception class"), "reception");
        assert_eq!(part_key("Year 13"), "year 13");
        assert_eq!(part_key("Teaching staff"), "teaching staff");
        assert_ne!(part_key("Year 1"), part_key("Year 11"));
    }

    #[test]
    fn a_class_code_belongs_to_its_year() {
        assert_eq!(class_year("4B").as_deref(), Some("year 4"));
        assert_eq!(class_year("Class 4W").as_deref(), Some("year 4"));
        assert_eq!(class_year("10X").as_deref(), Some("year 10"));
        assert_eq!(class_year("RB").as_deref(), Some("reception"));
        assert_eq!(part_key("Year 4"), "year 4");
        for not in ["Year 4", "Oak", "Staff", "4B and 4W"] {
            assert_eq!(class_year(not), None, "{not}");
        }
    }
}
