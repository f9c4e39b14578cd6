//! The rows of a kind that were all skipped, in words, counting the reasons: a register
//! that held rows, none of them valid, shows nothing valid, which differs from holding
//! nothing at all.

use super::{Evidence, Skip};
use crate::evidence::Kind;

/// The most reasons named before the rest are counted together.
const REASONS_NAMED: usize = 3;

impl Evidence {
    /// Why every record's row of `kind` (of `group`, when given) was skipped, counting the
    /// reasons: "all 10 were skipped: `Draft` says it is not valid … (10 rows)"; `None`
    /// when no row of it was skipped.
    pub fn all_skipped(&self, kind: Kind, group: Option<&str>) -> Option<String> {
        let rows: Vec<&Skip> = self
            .skips
            .iter()
            .filter(|s| s.kind == kind && group.is_none_or(|g| s.subject.as_deref() == Some(g)))
            .collect();
        (!rows.is_empty()).then(|| skipped_words(&rows))
    }

    /// Why `group`'s agreements cannot be measured, when a register held a row that could
    /// not be used and may be theirs: one of the group whose count cannot be read, or one
    /// with no group at all, which may be any group's. Leaving such a row out could raise
    /// the share signed, so the group's check is not met rather than left without evidence.
    pub fn unusable_agreements(&self, group: &str) -> Option<String> {
        let of = |grouped: bool| -> Vec<&Skip> {
            self.skips
                .iter()
                .filter(|s| s.kind == Kind::Agreements && s.unusable)
                .filter(|s| match &s.subject {
                    Some(g) => grouped && g == group,
                    None => !grouped,
                })
                .collect()
        };
        let (theirs, ungrouped) = (of(true), of(false));
        let says = |rows: &[&Skip], whose: &str| {
            format!("{whose} could not be used: {}", reasons(rows).join("; "))
        };
        let mut why = Vec::new();
        if !theirs.is_empty() {
            why.push(says(&theirs, "some of theirs"));
        }
        if !ungrouped.is_empty() {
            why.push(says(&ungrouped, "some with no group, which may be theirs,"));
        }
        (!why.is_empty()).then(|| why.join("; and "))
    }
}

/// The skipped rows as words, each reason with how many rows it was given for.
fn skipped_words(rows: &[&Skip]) -> String {
    let total = rows.len();
    let every = if total == 1 {
        "its only row was skipped".to_string()
    } else {
        format!("all {total} were skipped")
    };
    format!("{every}: {}", reasons(rows).join("; "))
}

/// Each reason the rows were skipped for, with how many rows it was given for, the most
/// given first.
fn reasons(rows: &[&Skip]) -> Vec<String> {
    let mut reasons: Vec<(String, usize)> = Vec::new();
    for s in rows {
        let why = kind_of(&s.reason());
        match reasons.iter_mut().find(|(r, _)| *r == why) {
            Some((_, n)) => *n += 1,
            None => reasons.push((why, 1)),
        }
    }
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    let mut named: Vec<String> = reasons
        .iter()
        .take(REASONS_NAMED)
        .map(|(why, n)| format!("{why} ({})", crate::text::plural(*n, "row", "rows")))
        .collect();
    let rest: usize = reasons.iter().skip(REASONS_NAMED).map(|(_, n)| n).sum();
    if rest > 0 {
        named.push(format!(
            "other reasons ({})",
            crate::text::plural(rest, "row", "rows")
        ));
    }
    named
}

impl Skip {
    /// Why the row was skipped, without the name of what it was of ("it is a draft"
    /// for "Online Safety Policy is a draft") or the "not counted" the sentence says.
    pub fn reason(&self) -> String {
        let reason = self
            .reason
            .trim_end_matches("; not counted")
            .trim_end_matches(": not counted");
        match self.subject.as_deref().and_then(|s| reason.strip_prefix(s)) {
            Some(rest) if rest.starts_with(' ') => format!("it{rest}"),
            _ => reason.to_string(),
        }
    }
}

/// A reason as it is counted: the day of a row dated after the review date is left out,
/// so those rows count as one reason.
fn kind_of(reason: &str) -> String {
    match reason.find("after the review date") {
        Some(at) if reason.starts_with("dated ") => format!("dated {}", &reason[at..]),
        _ => reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip(reason: &str, group: Option<&str>) -> Skip {
        Skip {
            kind: Kind::Documents,
            subject: group.map(str::to_string),
            reason: reason.to_string(),
            unusable: false,
        }
    }

    #[test]
    fn every_skipped_row_is_counted_under_its_reason() {
        let mut e = Evidence::default();
        assert_eq!(e.all_skipped(Kind::Documents, None), None);
        e.skips = vec![
            skip("`Draft` says it is not valid; not counted", None),
            skip(
                "dated 20/12/2026, after the review date (23/11/2026): not counted",
                None,
            ),
            skip("`Draft` says it is not valid; not counted", None),
            skip(
                "dated 21/12/2026, after the review date (23/11/2026): not counted",
                None,
            ),
            skip(
                "dated 22/12/2026, after the review date (23/11/2026): not counted",
                None,
            ),
        ];
        assert_eq!(
            e.all_skipped(Kind::Documents, None).expect("skipped"),
            "all 5 were skipped: dated after the review date (23/11/2026) (3 rows); `Draft` says it is not valid (2 rows)"
        );
        assert_eq!(e.all_skipped(Kind::Surveys, None), None);
    }

    #[test]
    fn a_document_skipped_is_counted_without_its_name() {
        let mut e = Evidence::default();
        for name in ["Online Safety Policy", "Acceptable Use Policy"] {
            let mut s = skip(
                &format!("{name} is a draft, as its status says; not listed"),
                None,
            );
            s.subject = Some(name.to_string());
            e.skips.push(s);
        }
        assert_eq!(
            e.all_skipped(Kind::Documents, None).expect("skipped"),
            "all 2 were skipped: it is a draft, as its status says; not listed (2 rows)"
        );
    }

    #[test]
    fn a_group_counts_only_its_own_skipped_rows() {
        let e = Evidence {
            skips: vec![
                skip("no name", Some("pupils")),
                skip(
                    "dated 20/12/2026, after the review date (23/11/2026): not counted",
                    Some("staff"),
                ),
            ],
            ..Evidence::default()
        };
        assert_eq!(
            e.all_skipped(Kind::Documents, Some("staff"))
                .expect("skipped"),
            "its only row was skipped: dated after the review date (23/11/2026) (1 row)"
        );
        assert_eq!(e.all_skipped(Kind::Documents, Some("governors")), None);
    }
}
