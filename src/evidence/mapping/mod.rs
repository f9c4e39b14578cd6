//! Mapping what schools write to what the tool reports: incident categories, roles to
//! groups, meeting names to groups. The school's own mapping in review.toml always comes
//! first; the built-in names cover the common cases.

use std::collections::BTreeMap;

use super::header::normalise;

mod categories;
pub use categories::{CategoryMapper, LEAVE_OUT, Scope, UNCATEGORISED, categories};

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
/// The name a meeting's group is shown by: the usual groups by their usual names, a name the
/// school's mapping gives as written there, else the meeting's name as the register writes
/// it ("DSL/OSL catch-up", not `dsl-osl-catch-up`).
pub fn meeting_group_name(name: &str, overrides: &BTreeMap<String, String>) -> String {
    let group = group_for_meeting(name, overrides);
    if matches!(
        group.as_str(),
        "online-safety-group" | "governors" | "senior-leadership"
    ) {
        return crate::text::group_name(&group);
    }
    let n = normalise(name);
    let written = overrides
        .iter()
        .find(|(k, _)| normalise(k) == n)
        .map_or(name, |(_, g)| g.as_str());
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    if written == group {
        // The mapping gave the group's id itself.
        crate::text::group_name(&group)
    } else {
        written
    }
}

/// The group a meeting belongs to: the school's mapping, else the online safety group,
/// governors or senior leadership when the register's group or meeting type names nothing
/// but that group ("Online Safety Group", "E-Safety Committee", "FGB", "Full Governing
/// Body", "SLT meeting"), else the name as a slug. The whole name decides, not a phrase
/// inside it: "Governors' committee on Online Safety and Wellbeing" is a group of its own,
/// neither the online safety group nor the governing body.
pub fn group_for_meeting(name: &str, overrides: &BTreeMap<String, String>) -> String {
    let n = normalise(name);
    if let Some((_, g)) = overrides.iter().find(|(k, _)| normalise(k) == n) {
        return slug(g);
    }
    let words: Vec<&str> = n
        .split(' ')
        .filter(|w| !MEETING_WORDS.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let only = |allowed: &[&str]| !words.is_empty() && words.iter().all(|w| allowed.contains(w));
    match words.as_slice() {
        ["online", "safety"] | ["e", "safety"] | ["esafety"] | ["osg"] => {
            "online-safety-group".into()
        }
        _ if only(&["governors", "governor", "governing", "fgb", "lgb", "local"])
            && words != ["local"] =>
        {
            "governors".into()
        }
        ["senior", "leadership"] | ["slt"] => "senior-leadership".into(),
        _ => slug(name),
    }
}

/// Words that say what kind of gathering a meeting was or when, not whose: left out when
/// the register's group is matched to a usual group, so "SLT briefing", "Governors'
/// update" and "OSG catch-up" are found as "SLT meeting" is.
const MEETING_WORDS: [&str; 28] = [
    "meeting",
    "meetings",
    "briefing",
    "briefings",
    "catch",
    "up",
    "catchup",
    "update",
    "updates",
    "review",
    "reviews",
    "session",
    "sessions",
    "huddle",
    "committee",
    "group",
    "team",
    "body",
    "board",
    "full",
    "the",
    "of",
    "termly",
    "term",
    "autumn",
    "spring",
    "summer",
    "minutes",
];

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
    fn meeting_groups_keep_the_schools_words() {
        let none = BTreeMap::new();
        assert_eq!(
            meeting_group_name("DSL/OSL  catch-up", &none),
            "DSL/OSL catch-up"
        );
        assert_eq!(meeting_group_name("FGB", &none), "Governors");
        assert_eq!(
            meeting_group_name("E-Safety Committee", &none),
            "Online safety group"
        );
        let mut own = BTreeMap::new();
        own.insert("Catch-up".to_string(), "Leads' catch-up".to_string());
        own.insert("Huddle".to_string(), "site-team".to_string());
        assert_eq!(meeting_group_name("catch-up", &own), "Leads' catch-up");
        assert_eq!(meeting_group_name("Huddle", &own), "Site team");
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
        assert_eq!(group_for_meeting("Governors' meeting", &none), "governors");
        assert_eq!(
            group_for_meeting("Local Governing Body", &none),
            "governors"
        );
        assert_eq!(group_for_meeting("Governing Board", &none), "governors");
        assert_eq!(group_for_meeting("SLT meeting", &none), "senior-leadership");
        // Any word for the kind of gathering after the group's name, as "meeting" is.
        for (name, id) in [
            ("SLT briefing", "senior-leadership"),
            ("Senior leadership catch-up", "senior-leadership"),
            ("SLT update", "senior-leadership"),
            ("Governors' update", "governors"),
            ("FGB review session", "governors"),
            ("OSG catch up", "online-safety-group"),
            ("E-safety huddle", "online-safety-group"),
            ("Staff briefing", "staff-briefing"),
        ] {
            assert_eq!(group_for_meeting(name, &none), id, "{name}");
        }
        assert_eq!(
            group_for_meeting("Senior Leadership Team", &none),
            "senior-leadership"
        );
        assert_eq!(
            group_for_meeting("Online safety group meeting (autumn 2026)", &none),
            "online-safety-group"
        );
    }

    #[test]
    fn a_group_is_decided_by_its_whole_name_not_a_phrase_inside_it() {
        let none = BTreeMap::new();
        for (name, id) in [
            (
                "Governors' committee on Online Safety and Wellbeing",
                "governors-committee-on-online-safety-and-wellbeing",
            ),
            (
                "Online Safety and Wellbeing Group",
                "online-safety-and-wellbeing-group",
            ),
            (
                "Parents' forum on online safety",
                "parents-forum-on-online-safety",
            ),
            (
                "Curriculum committee (governors)",
                "curriculum-committee-governors",
            ),
            (
                "Staff briefing: online safety",
                "staff-briefing-online-safety",
            ),
            ("SLT online safety review", "slt-online-safety-review"),
        ] {
            assert_eq!(group_for_meeting(name, &none), id, "{name}");
        }
        assert_eq!(
            meeting_group_name("Governors' committee on Online Safety and Wellbeing", &none),
            "Governors' committee on Online Safety and Wellbeing"
        );
        // The school's mapping still puts such a group where it says.
        let mut own = BTreeMap::new();
        own.insert(
            "Governors' committee on Online Safety and Wellbeing".to_string(),
            "online-safety-group".to_string(),
        );
        assert_eq!(
            group_for_meeting("governors committee on online safety and wellbeing", &own),
            "online-safety-group"
        );
    }
}
