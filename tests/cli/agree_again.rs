//! A level the group did not agree is never claimed: an aspect merged by `migrate` from
//! aspects the group had not all agreed is "to be agreed again" in the migration summary,
//! the group workbook, `score` and the report; and a group workbook's blank Agreed cell is
//! never filled from the reviewers' middle level.

use std::path::Path;

use selfreview::workbook::ScoredBy;
use selfreview::workbook::prefill::{Prefill, Start};

use crate::migrate::run;
use crate::{aspect_json, init_review, rows_by_code, says};

const AGREED: &str = "The group agreed this in the meeting after reading the curriculum map, the pupil survey results and the minutes of the digital leaders, which show learners shaping the programme each term across every year group, and the programme is reviewed each summer with the digital leaders and the class teachers together.";

fn start(members: &[(&str, u8)], agreed: Option<u8>) -> Start {
    Start {
        levels: members.iter().map(|(m, l)| (m.to_string(), *l)).collect(),
        own: agreed,
        agreed_commentary: AGREED.into(),
        evidence: "curriculum-map.pdf".into(),
        ..Start::default()
    }
}

/// A review on 21 aspects with a group workbook: Education Programme agreed at 3,
/// Contribution of Learners scored 2 by both members and never agreed; Responsibilities
/// agreed at 2 and Professional Standards at 3.
fn group_on_21(dir: &Path) {
    init_review(dir, &["--framework", "online-safety-21"]).success();
    let fw = selfreview::framework::load_embedded("online-safety-21")
        .expect("built in")
        .framework;
    let mut prefill = Prefill::new();
    prefill.insert(
        "B1.1".into(),
        start(&[("Head", 2), ("Governor", 2)], Some(3)),
    );
    prefill.insert("B1.2".into(), start(&[("Head", 2), ("Governor", 2)], None));
    prefill.insert(
        "A1.1".into(),
        start(&[("Head", 2), ("Governor", 2)], Some(2)),
    );
    prefill.insert(
        "A1.3".into(),
        start(&[("Head", 2), ("Governor", 2)], Some(3)),
    );
    let kind = ScoredBy::Group {
        members: vec!["Head".into(), "Governor".into()],
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day");
    let bytes = selfreview::workbook::write::render_from(&fw, &kind, "School", day, &prefill)
        .expect("rendered");
    std::fs::write(dir.join("scores/group.xlsx"), bytes).expect("written");
}

fn text_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

#[test]
fn a_merged_aspect_the_group_had_not_agreed_in_full_is_to_be_agreed_again_everywhere() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    std::fs::create_dir(&dir).expect("folder");
    group_on_21(&dir);
    let migrated = text_of(&run(&dir, &["migrate", "--to", "online-safety-18"]).success());
    let summary = std::fs::read_to_string(dir.join("out/migration-online-safety-21-to-18.txt"))
        .expect("summary");
    assert!(migrated.starts_with(&summary), "{migrated}");
    says(
        &summary,
        &[
            "scores/group.xlsx: to be agreed again, no level carried (the group agreed B1.1 at level 3 and did not agree B1.2)",
            "The group must agree these aspects again: B1.1 Online Safety Education Programme.",
        ],
    );

    let rows = rows_by_code(&dir.join("scores/group.xlsx"), "Scores");
    assert_eq!(rows["B1.1"]["Agreed"], "");
    let flag = rows["B1.1"]
        .iter()
        .find(|(k, _)| k.starts_with("Review after"))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    says(
        &flag,
        &[
            "To be agreed again",
            "B1.1 Online Safety Education Programme (agreed at level 3)",
            "B1.2 Contribution of Learners (no agreed level)",
        ],
    );

    let out = run(&dir, &["--json", "score"]).success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let b11 = aspect_json(&doc, "B1.1");
    assert_eq!(b11["agreed"], serde_json::Value::Null, "{b11}");
    assert_eq!(b11["not_agreed"]["why"], "agree-again");
    assert_eq!(b11["complete"], false);
    let reason = doc["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|r| r["aspect"] == "B1.1")
        .expect("B1.1 holds readiness back");
    assert_eq!(reason["kinds"], serde_json::json!(["agree-again"]));
    says(
        reason["message"].as_str().expect("text"),
        &["Online Safety Education Programme (B1.1): to be agreed again"],
    );
    // Sources agreed at different levels: the weaker is carried, and said to be carried.
    let a11 = aspect_json(&doc, "A1.1");
    assert_eq!(
        (a11["agreed"].clone(), a11["agreed_by"].clone()),
        (3.into(), "carried".into())
    );

    let screen = text_of(&run(&dir, &["score"]).success());
    says(
        &screen,
        &[
            "to be agreed again",
            "no level is claimed: to be agreed again after the framework change",
            "Online Safety Education Programme (B1.1): to be agreed again",
        ],
    );

    run(&dir, &["report"]).success();
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    says(
        &report,
        &[
            "To be agreed again",
            "B1.1 Online Safety Education Programme (agreed at level 3)",
        ],
    );
}

#[test]
fn a_blank_agreed_cell_in_a_group_workbook_claims_no_level() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("review");
    std::fs::create_dir(&dir).expect("folder");
    group_on_21(&dir);
    let out = run(&dir, &["--json", "score"]).success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let b12 = aspect_json(&doc, "B1.2");
    assert_eq!(b12["agreed"], serde_json::Value::Null, "{b12}");
    assert_eq!(b12["not_agreed"]["why"], "blank");
    assert_eq!(b12["not_agreed"]["middle"], 2);
    let reason = doc["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|r| r["aspect"] == "B1.2")
        .expect("B1.2 holds readiness back");
    assert_eq!(reason["kinds"], serde_json::json!(["not-agreed"]));
    let screen = text_of(&run(&dir, &["score"]).success());
    says(
        &screen,
        &[
            "no level is claimed: not agreed by the group: its Agreed level is blank; the reviewers' middle level is 2, not counted",
        ],
    );
    run(&dir, &["report"]).success();
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    says(&report, &["Not agreed by the group"]);
}
