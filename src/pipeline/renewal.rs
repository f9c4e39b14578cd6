//! When the Online Safety Mark is due for reassessment, and what has changed since it was
//! awarded.
//!
//! The Mark lasts three years. Renewal is by a full visit or by a desk assessment, and a
//! desk assessment is allowed only once between full visits, so the next renewal must be a
//! visit when the last one was a desk assessment. What changed is measured against the
//! history snapshot nearest the award date (before or after it, but before this review),
//! comparing the levels that stood (as the records support them, or as the group
//! explained), as the governors' report compares progress.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::diag::{Code, Diagnostic, Location};
use crate::review::handover::{Assessment, Mark};
use crate::score::Scored;

/// How long the Mark lasts.
const YEARS: u32 = 3;
/// Within this many days of the due date, every run reminds the school.
const REMIND_DAYS: i64 = 183;

/// The renewal of the Mark, as of the review date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renewal {
    /// When it was awarded.
    pub awarded: NaiveDate,
    /// How that award was assessed.
    pub last_assessment: Assessment,
    /// When reassessment is due: three years after the award.
    pub due: NaiveDate,
    /// Days from the review date to the due date; negative when it had passed by then. The
    /// reports count from the review date so that one review always gives the same files.
    pub days_after_review: i64,
    /// Days from today to the due date; negative once it has passed. Only the terminal's
    /// reminders use it, labelled as today's, so it is not written to `score --json`.
    #[serde(skip)]
    pub days_from_today: i64,
    /// Whether the renewal may be a desk assessment (only when the last was a visit).
    pub desk_allowed: bool,
    /// The award is dated after the review: a mistyped date.
    #[serde(skip)]
    pub after_review: bool,
    /// What changed since the snapshot nearest the award, if history holds one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Since>,
}

/// Aspect levels now against a snapshot near the award.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Since {
    /// The snapshot's review date.
    pub snapshot: NaiveDate,
    /// The framework the snapshot was scored on, when no framework map leads from it to the
    /// review's, so that its levels cannot be compared (the lists are then empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unmapped: Option<String>,
    /// That framework's title, as the reports name it, when selfreview or the review's
    /// `frameworks/` folder holds it.
    #[serde(skip)]
    pub unmapped_title: Option<String>,
    /// Why the review's own map for the two frameworks cannot be used (broken, or two of
    /// them), when that is why the levels cannot be compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unusable: Option<String>,
    /// The framework map the snapshot's levels were carried through, named with where it
    /// was found, when it was scored on another framework.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<String>,
    /// Aspects whose level went up (a lower number).
    pub improved: Vec<Change>,
    /// Aspects whose level went down.
    pub declined: Vec<Change>,
    /// Aspects at the same level.
    pub unchanged: usize,
    /// Aspects with a level then and now that are not compared, with their names: a
    /// framework change made them from other aspects, so the level the snapshot gives them
    /// is the map's copy of those aspects' levels, not one the school gave them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_comparable: Vec<Change>,
}

/// One aspect's level then and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The aspect code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The level in the snapshot.
    pub from: u8,
    /// The level now.
    pub to: u8,
}

/// How far from the award a snapshot may be and still be compared as the award's.
const NEAREST_DAYS: i64 = 365;

/// The renewal for a review recorded as awarded the Mark, with history in `history`; the
/// days left to the due date are counted from `today`, and a snapshot scored on another
/// framework is carried through the framework map found from `review_dir`, as the progress
/// since the last review is.
pub fn renewal(
    mark: &Mark,
    scored: &Scored,
    history: &Path,
    review_dir: &Path,
    today: NaiveDate,
) -> Renewal {
    let due = mark
        .awarded
        .checked_add_months(Months::new(12 * YEARS))
        .unwrap_or(mark.awarded);
    Renewal {
        awarded: mark.awarded,
        last_assessment: mark.last_assessment,
        due,
        days_after_review: (due - scored.review_date).num_days(),
        days_from_today: (due - today).num_days(),
        desk_allowed: mark.last_assessment == Assessment::Visit,
        after_review: mark.awarded > scored.review_date,
        since: nearest(history, mark.awarded, scored.review_date).map(
            |(date, framework, levels)| match framework {
                Some(f) if f != scored.framework => {
                    match crate::framework::map::find(&f, &scored.framework, review_dir) {
                        Ok(Some(map)) => {
                            let (comparable, left_out) = map.comparable_levels(&levels);
                            let carried = map.carry_levels(&levels);
                            let mut since = compare(scored, date, &comparable);
                            since.map = Some(map.named());
                            since.not_comparable = unpaired(scored, &carried, &left_out);
                            since
                        }
                        found => Since {
                            snapshot: date,
                            unmapped_title: crate::framework::title_of(&f, review_dir),
                            unmapped: Some(f),
                            unusable: found.err().map(|e| e.to_string()),
                            map: None,
                            improved: Vec::new(),
                            declined: Vec::new(),
                            unchanged: 0,
                            not_comparable: Vec::new(),
                        },
                    }
                }
                _ => compare(scored, date, &levels),
            },
        ),
    }
}

/// The reminder every run gives within six months of the due date, or once it has passed.
pub fn reminder(r: &Renewal, review_file: &Path) -> Option<Diagnostic> {
    if r.after_review {
        return Some(
            Diagnostic::warning(
                Code::InvalidDate,
                Location::file(review_file),
                format!(
                    "[mark] says the Mark was awarded on {}, after the review date, so when reassessment is due and what changed since the award are not worked out",
                    crate::dates::uk(r.awarded)
                ),
            )
            .with_help(
                "write the date on the award letter under [mark] awarded, as year-month-day",
            ),
        );
    }
    if r.days_from_today > REMIND_DAYS {
        return None;
    }
    let how = if r.desk_allowed {
        "a full visit or a desk assessment"
    } else {
        "a full visit (the last was a desk assessment, and a desk assessment is allowed only once between visits)"
    };
    let when = if r.days_from_today < 0 {
        format!("was due on {}", crate::dates::uk(r.due))
    } else {
        format!("is due by {}", crate::dates::uk(r.due))
    };
    Some(
        Diagnostic::warning(
            Code::ReassessmentDue,
            Location::file(review_file),
            format!(
                "the Online Safety Mark awarded on {} lasts three years: reassessment {when}, by {how}",
                crate::dates::uk(r.awarded)
            ),
        )
        .with_help("apply for reassessment in good time; after it, record the new award date under [mark] in review.toml"),
    )
}

/// The snapshot in `history` dated nearest `awarded` and before `before`, and within
/// [`NEAREST_DAYS`] of the award (one further away says nothing about the award): its date,
/// the framework it names (older snapshots name none), and its levels by aspect code (the
/// level that stood, or the claim in a snapshot from before levels were checked against the
/// records).
fn nearest(
    history: &Path,
    awarded: NaiveDate,
    before: NaiveDate,
) -> Option<(NaiveDate, Option<String>, BTreeMap<String, u8>)> {
    let mut dated: Vec<(i64, NaiveDate, std::path::PathBuf)> = std::fs::read_dir(history)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            // One of the review's own date, kept from before a migration, is this review.
            let (date, _kept) = super::snapshot_date(&p)?;
            let apart = (date - awarded).num_days().abs();
            (date < before && apart <= NEAREST_DAYS).then_some((apart, date, p))
        })
        .collect();
    dated.sort();
    dated.into_iter().find_map(|(_, date, path)| {
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
        let levels = doc["aspects"]
            .as_array()?
            .iter()
            .filter_map(|a| {
                let level = a.get("counted").or_else(|| a.get("agreed"))?.as_u64()?;
                Some((a["code"].as_str()?.to_string(), u8::try_from(level).ok()?))
            })
            .collect();
        Some((date, doc["framework"].as_str().map(str::to_string), levels))
    })
}

fn compare(scored: &Scored, snapshot: NaiveDate, then: &BTreeMap<String, u8>) -> Since {
    let mut since = Since {
        snapshot,
        unmapped: None,
        unmapped_title: None,
        unusable: None,
        map: None,
        improved: Vec::new(),
        declined: Vec::new(),
        unchanged: 0,
        not_comparable: Vec::new(),
    };
    for a in &scored.aspects {
        let (Some(&from), Some(to)) = (then.get(&a.code), a.counted) else {
            continue;
        };
        let change = Change {
            code: a.code.clone(),
            name: a.name.clone(),
            from,
            to,
        };
        match to.cmp(&from) {
            std::cmp::Ordering::Less => since.improved.push(change),
            std::cmp::Ordering::Greater => since.declined.push(change),
            std::cmp::Ordering::Equal => since.unchanged += 1,
        }
    }
    since
}

/// The aspects among `codes` with a level then (as carried) and now, as changes not to be
/// counted.
fn unpaired(scored: &Scored, carried: &BTreeMap<String, u8>, codes: &[String]) -> Vec<Change> {
    scored
        .aspects
        .iter()
        .filter(|a| codes.contains(&a.code))
        .filter_map(|a| {
            Some(Change {
                code: a.code.clone(),
                name: a.name.clone(),
                from: *carried.get(&a.code)?,
                to: a.counted?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn the_mark_lasts_three_years_and_a_desk_assessment_is_not_twice_in_a_row() {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let (scored, _) = crate::score::score(
            &crate::framework::load_embedded(crate::framework::DEFAULT_ID)
                .expect("fw")
                .framework,
            &crate::score::Settings {
                school: "S".into(),
                review_date: day(2027, 1, 10),
                min_commentary_words: 40,
                terms: crate::metrics::terms::Terms::English,
            },
            &[],
            &crate::evidence::import::Evidence::default(),
        );
        let leap = Mark {
            awarded: day(2024, 2, 29),
            last_assessment: Assessment::Desk,
        };
        let r = renewal(&leap, &scored, tmp.path(), tmp.path(), day(2027, 1, 10));
        assert_eq!(r.due, day(2027, 2, 28));
        assert_eq!(r.days_from_today, 49);
        assert!(!r.desk_allowed);
        let said = reminder(&r, Path::new("review.toml"))
            .expect("due soon")
            .message;
        assert!(said.contains("by a full visit"), "{said}");
        let visit = Mark {
            awarded: day(2025, 6, 1),
            last_assessment: Assessment::Visit,
        };
        let r = renewal(&visit, &scored, tmp.path(), tmp.path(), day(2027, 1, 10));
        let later_day = renewal(&visit, &scored, tmp.path(), tmp.path(), day(2027, 3, 1));
        assert_eq!(
            later_day.days_from_today,
            (day(2028, 6, 1) - day(2027, 3, 1)).num_days(),
            "the reminder's days are counted from today"
        );
        assert_eq!(
            later_day.days_after_review,
            (day(2028, 6, 1) - scored.review_date).num_days(),
            "the reports' days are counted from the review date"
        );
        assert_eq!(later_day.days_after_review, r.days_after_review);
        assert!(r.desk_allowed && r.since.is_none());
        assert!(reminder(&r, Path::new("review.toml")).is_none());
        let later = Mark {
            awarded: day(2027, 1, 11),
            last_assessment: Assessment::Visit,
        };
        let said = reminder(
            &renewal(&later, &scored, tmp.path(), tmp.path(), day(2027, 1, 10)),
            Path::new("review.toml"),
        );
        assert_eq!(said.map(|d| d.code), Some(Code::InvalidDate));
        // A snapshot more than a year from the award is not compared as the award's.
        std::fs::write(tmp.path().join("2023-01-01.json"), r#"{"aspects":[]}"#).expect("write");
        let far = Mark {
            awarded: day(2025, 6, 1),
            last_assessment: Assessment::Visit,
        };
        assert!(
            renewal(&far, &scored, tmp.path(), tmp.path(), day(2027, 1, 10))
                .since
                .is_none()
        );
        std::fs::write(tmp.path().join("2025-01-01.json"), r#"{"aspects":[]}"#).expect("write");
        let near = renewal(&far, &scored, tmp.path(), tmp.path(), day(2027, 1, 10));
        assert_eq!(near.since.map(|s| s.snapshot), Some(day(2025, 1, 1)));
    }

    #[test]
    fn a_snapshot_on_another_framework_is_compared_through_the_map_or_said_to_have_none() {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let fw = crate::framework::load_embedded(crate::framework::DEFAULT_ID)
            .expect("fw")
            .framework;
        let (scored, _) = crate::score::score(
            &fw,
            &crate::score::Settings {
                school: "S".into(),
                review_date: day(2027, 1, 10),
                min_commentary_words: 40,
                terms: crate::metrics::terms::Terms::English,
            },
            &[],
            &crate::evidence::import::Evidence::default(),
        );
        let doc = serde_json::json!({
            "framework": "online-safety-99",
            "aspects": [{ "code": "A1.1", "agreed": 3, "counted": 3 }],
        });
        std::fs::write(tmp.path().join("2024-06-01.json"), doc.to_string()).expect("written");
        let mark = Mark {
            awarded: day(2024, 6, 1),
            last_assessment: Assessment::Visit,
        };
        let since = renewal(&mark, &scored, tmp.path(), tmp.path(), day(2027, 1, 10))
            .since
            .expect("the snapshot is found");
        assert_eq!(since.unmapped.as_deref(), Some("online-safety-99"));
        assert_eq!((since.improved.len(), since.unchanged), (0, 0));
    }
}
