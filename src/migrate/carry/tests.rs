//! Carrying rows: one aspect as it was, several merged, a new one, and blank rows.

use std::path::PathBuf;

use super::*;
use crate::framework::load_embedded;
use crate::framework::map::find;

fn frameworks() -> (Framework, Framework, Map) {
    let old = load_embedded("online-safety-21")
        .expect("built in")
        .framework;
    let new = load_embedded("online-safety-18")
        .expect("built in")
        .framework;
    let map = find(&old.id, &new.id, std::path::Path::new("/nonexistent"))
        .expect("readable")
        .expect("built in");
    (old, new, map)
}

fn row(code: &str, level: Option<u8>, commentary: &str) -> Row {
    Row {
        code: code.into(),
        sheet_row: 0,
        levels: level.map(|l| ("DSL".to_string(), l)).into_iter().collect(),
        agreed: None,
        rationale: String::new(),
        commentary: commentary.into(),
        agreed_commentary: None,
        records_differ: String::new(),
        evidence: Vec::new(),
        evidence_text: String::new(),
        evidence_cell: None,
        actions: String::new(),
        owner: String::new(),
        target: None,
        target_text: String::new(),
        change_flag: String::new(),
        cells: Vec::new(),
    }
}

fn book(rows: Vec<Row>) -> Filled {
    Filled {
        path: PathBuf::from("scores/dsl.xlsx"),
        kind: ScoredBy::Individual {
            reviewer: "DSL".into(),
        },
        framework: "online-safety-21".into(),
        version: "1.0.0".into(),
        named_at: Vec::new(),
        rows,
    }
}

#[test]
fn merged_aspects_take_the_weaker_level_and_keep_each_commentary() {
    let (old, new, map) = frameworks();
    let mut a12 = row("A1.2", Some(2), "The group meets.");
    a12.owner = "OSL".into();
    let filled = book(vec![
        row("A1.1", Some(2), "Duties are written."),
        row("A1.3", Some(3), "Staff sign a code."),
        a12,
        row("C1.3", Some(2), "Accounts are managed."),
        row("C2.3", None, ""),
    ]);
    let (prefill, carried) = carry(&filled, &map, &old, &new);
    let a11 = &prefill["A1.1"];
    assert_eq!(a11.own, Some(3));
    assert_eq!(
        a11.commentary,
        "From A1.1 Online Safety Responsibilities: Duties are written.\n\nFrom A1.3 Professional Standards: Staff sign a code."
    );
    assert!(a11.flag.starts_with("Merged from A1.1 Online Safety Responsibilities (level 2) and A1.3 Professional Standards (level 3)"), "{}", a11.flag);
    let same = &prefill["A1.2"];
    assert_eq!(
        (same.own, same.commentary.as_str(), same.owner.as_str()),
        (Some(2), "The group meets.", "OSL")
    );
    assert!(same.flag.is_empty());
    let cyber = &prefill["C1.5"];
    assert_eq!(cyber.own, Some(2));
    assert!(cyber.commentary.is_empty());
    assert!(
        cyber.flag.starts_with("C1.5 Cyber Security is new"),
        "{}",
        cyber.flag
    );
    assert!(!prefill.contains_key("C2.2"), "a blank row stays blank");
    let c = carried.iter().find(|c| c.code == "A1.1").expect("listed");
    assert_eq!(c.commentary_from, ["A1.1", "A1.3"]);
    assert!(c.flagged);
    assert!(
        !carried
            .iter()
            .find(|c| c.code == "C2.2")
            .expect("listed")
            .flagged
    );
}

#[test]
fn a_group_workbook_merges_member_by_member() {
    let (old, new, map) = frameworks();
    let mut b11 = row("B1.1", None, "Lessons are planned.");
    b11.levels = vec![("DSL".into(), 2), ("Head".into(), 3)];
    b11.agreed = Some(2);
    b11.agreed_commentary = Some("We plan lessons for every year.".into());
    b11.target = chrono::NaiveDate::from_ymd_opt(2027, 3, 1);
    let mut b12 = row("B1.2", None, "");
    b12.levels = vec![("DSL".into(), 4), ("Head".into(), 2)];
    b12.agreed = Some(3);
    b12.target = chrono::NaiveDate::from_ymd_opt(2027, 1, 1);
    let mut filled = book(vec![b11, b12]);
    filled.kind = ScoredBy::Group {
        members: vec!["DSL".into(), "Head".into()],
    };
    let (prefill, _) = carry(&filled, &map, &old, &new);
    let b = &prefill["B1.1"];
    assert_eq!(b.levels["DSL"], 4);
    assert_eq!(b.levels["Head"], 3);
    assert_eq!(b.own, Some(3));
    assert_eq!(b.target, chrono::NaiveDate::from_ymd_opt(2027, 1, 1));
    assert_eq!(
        b.commentary,
        "From B1.1 Online Safety Education Programme: Lessons are planned."
    );
}

#[test]
fn a_merged_aspect_with_a_source_not_scored_is_left_without_a_level_and_flagged_so() {
    let (old, new, map) = frameworks();
    let mut b11 = row("B1.1", None, "Lessons are planned.");
    b11.levels = vec![("DSL".into(), 2), ("Head".into(), 3)];
    b11.agreed = Some(2);
    let mut b12 = row("B1.2", None, "Pupils lead assemblies.");
    b12.levels = vec![("DSL".into(), 4)];
    b12.agreed = None;
    let mut filled = book(vec![b11, b12]);
    filled.kind = ScoredBy::Group {
        members: vec!["DSL".into(), "Head".into()],
    };
    let (prefill, carried) = carry(&filled, &map, &old, &new);
    let b = &prefill["B1.1"];
    assert_eq!(
        b.own, None,
        "no agreed level for B1.2, so none for the merged aspect"
    );
    assert_eq!(b.levels.get("DSL"), Some(&4));
    assert_eq!(b.levels.get("Head"), None, "Head gave B1.2 no level");
    for part in [
        "To be agreed again",
        "B1.1 Online Safety Education Programme (agreed at level 2)",
        "B1.2 Contribution of Learners (no agreed level)",
        "No level is carried",
    ] {
        assert!(b.flag.contains(part), "{part:?} is not in {}", b.flag);
    }
    let c = carried.iter().find(|c| c.code == "B1.1").expect("listed");
    assert_eq!((c.level, c.agree_again), (None, true));
    // An individual's workbook: one source scored, one not.
    let filled = book(vec![
        row("A1.1", Some(2), "Duties are written."),
        row("A1.3", None, "Staff sign a code."),
    ]);
    let (prefill, carried) = carry(&filled, &map, &old, &new);
    assert_eq!(prefill["A1.1"].own, None);
    assert!(prefill["A1.1"].flag.contains("the level is left blank"));
    assert!(!carried[0].agree_again, "only a group agrees a level");
    assert!(
        prefill["A1.1"]
            .flag
            .contains("A1.3 Professional Standards (no level)")
    );
}
