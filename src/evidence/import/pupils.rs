//! Whether a pupil list was understood well enough for its names to be known.
//!
//! A pupil list is the guard's source of children's names: a name it failed to read is a
//! name nothing is checked for. So a list is taken as unreadable, failing closed, when any
//! of its rows gave no name, or when it has a column whose heading speaks of a name part
//! ("Family", "Last", "Preferred name") that was not read as one: the full names would
//! then be known only in part ("Grace" without "Adeyemi").

use super::SourceReport;

/// Words of a heading that say its column holds part of a child's name.
const NAME_PARTS: &[&str] = &[
    "name",
    "names",
    "surname",
    "forename",
    "forenames",
    "firstname",
    "lastname",
    "family",
    "last",
    "first",
    "given",
    "middle",
    "preferred",
    "known",
    "legal",
    "nickname",
];

/// Words of a heading that say the names in it are adults' (a parent, a teacher).
const ADULTS: &[&str] = &[
    "parent",
    "parents",
    "carer",
    "carers",
    "contact",
    "guardian",
    "mother",
    "father",
    "mum",
    "dad",
    "teacher",
    "tutor",
    "staff",
    "keyworker",
    "doctor",
    "gp",
    "emergency",
    "school",
    "class",
    "form",
    "group",
    "house",
    "file",
    "user",
    "username",
    "login",
    "email",
];

/// Why the pupil list that gave `report` cannot be trusted for its names, if it cannot.
pub(super) fn not_understood(report: &SourceReport) -> Option<String> {
    if let Some(first) = report.skipped.first() {
        return Some(format!(
            "{} of its rows gave no name that could be read (the first, {}: {}), so the names on it are not all known; mend those rows, or its headings, and run again",
            report.skipped.len(),
            first.place,
            first.reason
        ));
    }
    let unread: Vec<&str> = report
        .columns
        .iter()
        .filter(|c| c.field.is_none() && names_a_part(&c.header))
        .map(|c| c.header.trim())
        .collect();
    let first = unread.first()?;
    Some(format!(
        "its column headed `{first}` looks like part of the children's names but was not read as one, so the full names are not known; head it Forename, Surname or Name (the whole name), or map it under [evidence.columns] in review.toml"
    ))
}

/// Whether `heading` speaks of part of a child's name, not an adult's.
fn names_a_part(heading: &str) -> bool {
    let words: Vec<String> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| NAME_PARTS.contains(&w.as_str()))
        && !words.iter().any(|w| ADULTS.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::names_a_part;

    #[test]
    fn headings_of_name_parts_are_told_from_adults_and_other_columns() {
        for part in [
            "Family",
            "Last",
            "Preferred name",
            "Legal Surname",
            "Middle names",
        ] {
            assert!(names_a_part(part), "{part}");
        }
        for other in [
            "UPN",
            "Date of birth",
            "Year",
            "Parent name",
            "Contact 1 name",
            "Class teacher",
            "Form",
            "Email",
        ] {
            assert!(!names_a_part(other), "{other}");
        }
    }
}
