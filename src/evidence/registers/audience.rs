//! Who a row of the parent engagement log was for: parents and carers, or pupils or staff.
//!
//! A log kept by the online safety lead holds the Safer Internet Day assembly, the staff
//! INSET and the Year 6 pupils' workshop beside the evening for parents. Only a session or
//! a communication for parents, carers or families is parent engagement. An Audience column
//! decides when it says; otherwise the row's type and title do. A session that says neither
//! is not counted, since nothing shows parents came, unless the register's attendance column
//! is headed as a count of parents ("Parents attending"). A communication sent home (a
//! newsletter, a letter, a text) is for families unless its words name pupils or staff.

use crate::text::normalise;

/// Who a row was for, as far as its words say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Audience {
    /// Parents, carers or families.
    Parents,
    /// Someone else: the words that say so ("pupils", "staff", "assembly").
    Others(&'static str),
    /// Nothing says who it was for.
    Unclear,
}

/// Words that name parents, carers or families, or speak to them.
const PARENTS: &[&str] = &[
    "parent",
    "parents",
    "parent s",
    "parents s",
    "carer",
    "carers",
    "carer s",
    "family",
    "families",
    "guardian",
    "guardians",
    "mums",
    "dads",
    "grandparents",
    "your child",
    "your children",
    "your family",
    "at home",
    "coffee morning",
    "home",
];

/// Words that name someone other than parents as a row's audience.
const OTHERS: &[&str] = &[
    "pupil",
    "pupils",
    "pupil s",
    "pupils s",
    "student",
    "students",
    "learners",
    "staff",
    "inset",
    "teacher",
    "teachers",
    "teaching assistants",
    "governor",
    "governors",
    "assembly",
    "assemblies",
    "lesson",
    "lessons",
    "class",
    "classes",
    "children only",
    "pshe",
    "school council",
    "digital leaders",
];

/// Words of a type that say a row was sent home rather than held.
const SENT_HOME: &[&str] = &[
    "newsletter",
    "newsletters",
    "letter",
    "letters",
    "text",
    "text message",
    "texts",
    "email",
    "e mail",
    "parentmail",
    "leaflet",
    "flyer",
    "website",
    "web page",
    "app",
    "blog",
    "social media",
];

/// The first of `list` that `padded` (normalised, a space each side) holds as words.
fn first_of(padded: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter()
        .copied()
        .find(|w| padded.contains(&format!(" {w} ")))
}

/// Who a row was for: its Audience cell when it has one, else its type and title. A row
/// naming parents and others ("Parents and pupils") is for parents too; `session` says
/// whether it is a session, `parents_counted` whether the attendance column is headed as
/// a count of parents.
pub(super) fn audience(
    said: &str,
    kind: &str,
    title: &str,
    session: bool,
    parents_counted: bool,
) -> Audience {
    let read = |t: &str| {
        let padded = format!(" {} ", normalise(t));
        if first_of(&padded, PARENTS).is_some() {
            return Audience::Parents;
        }
        first_of(&padded, OTHERS).map_or(Audience::Unclear, Audience::Others)
    };
    if !said.trim().is_empty() {
        return read(said);
    }
    match read(&format!("{kind} {title}")) {
        Audience::Unclear if parents_counted && session => Audience::Parents,
        Audience::Unclear if !session => {
            let padded = format!(" {} ", normalise(&format!("{kind} {title}")));
            if first_of(&padded, SENT_HOME).is_some() {
                Audience::Parents
            } else {
                Audience::Unclear
            }
        }
        other => other,
    }
}

/// Whether an attendance heading counts parents ("Parents attending", "Number of parents").
pub(super) fn counts_parents(heading: &str) -> bool {
    first_of(&format!(" {} ", normalise(heading)), PARENTS).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_for_pupils_or_staff_is_not_for_parents() {
        for (said, kind, title, session, want) in [
            (
                "",
                "Assembly",
                "Internet safety day assembly",
                true,
                "assembly",
            ),
            ("", "Training", "Staff INSET: online safety", true, "staff"),
            ("", "Workshop", "Year 6 pupils' workshop", true, "pupils"),
            (
                "Year 6 pupils",
                "Workshop",
                "Online safety workshop",
                true,
                "pupils",
            ),
            (
                "Staff",
                "Newsletter",
                "Online safety update",
                false,
                "staff",
            ),
            (
                "",
                "Newsletter",
                "Staff newsletter: online safety",
                false,
                "staff",
            ),
        ] {
            assert_eq!(
                audience(said, kind, title, session, false),
                Audience::Others(want),
                "{said} {kind} {title}"
            );
        }
    }

    #[test]
    fn a_row_for_parents_says_so_or_is_sent_home() {
        for (said, kind, title, session) in [
            ("Parents and carers", "Workshop", "Online safety", true),
            ("Y6 parents", "Workshop", "Online safety", true),
            ("Parents and pupils", "Assembly", "Online safety", true),
            ("Families", "Talk", "Online safety", true),
            ("", "Workshop", "Online safety evening for parents", true),
            ("", "Coffee morning", "Screen time", true),
            ("", "Talk", "Keeping your child safe on TikTok", true),
            ("", "Newsletter", "Online safety corner: gaming", false),
            ("", "Text message", "Viral challenge warning", false),
        ] {
            assert_eq!(
                audience(said, kind, title, session, false),
                Audience::Parents,
                "{said} {kind} {title}"
            );
        }
    }

    #[test]
    fn a_session_that_says_nobody_is_unclear_unless_parents_are_counted() {
        assert_eq!(
            audience("", "Workshop", "Online safety workshop", true, false),
            Audience::Unclear
        );
        assert_eq!(
            audience("", "Workshop", "Online safety workshop", true, true),
            Audience::Parents
        );
        assert_eq!(
            audience("Whole school", "Workshop", "Online safety", true, true),
            Audience::Unclear
        );
        assert!(counts_parents("Parents attending"));
        assert!(!counts_parents("Number attended"));
    }
}
