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

const RATIONALE: &str = "The minutes show the programme reviewed each summer.";

fn start(members: &[(&str, u8)], agreed: Option<u8>) -> Start {
    Start {
        levels: members.iter().map(|(m, l)| (m.to_string(), *l)).collect(),
        own: agreed,
        agreed_commentary: AGREED.into(),
        rationale: RATIONALE.into(),
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

    // What the group wrote for the old aspects is not a reason it agreed this level.
    says(
        &screen,
        &[
            "What the group wrote for the old framework's aspects, before it agrees this level again: From B1.1",
        ],
    );
    assert!(!screen.contains("agreed because"), "{screen}");
    assert_eq!(b11["agreed_commentary"]["by"], "carried", "{b11}");

    run(&dir, &["report"]).success();
    reports_say_b11_is_to_be_agreed_again(&dir);
}

/// The reports say B1.1 is to be agreed again, and head what was carried for it as such.
fn reports_say_b11_is_to_be_agreed_again(dir: &Path) {
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    says(
        &report,
        &[
            "To be agreed again",
            "B1.1 Online Safety Education Programme (agreed at level 3)",
            "What the group wrote for the old framework&#x27;s aspects, before it agrees this level again:</strong> From B1.1",
            "Commentary carried by the framework change, for the group to check:</strong>",
        ],
    );
    assert!(
        !report.contains("Why the group agreed this level:</strong> From"),
        "{report}"
    );
    let tool = std::fs::read_to_string(dir.join("out/online-tool.html")).expect("tool");
    says(&tool, &["Commentary, not agreed"]);
    let visit = std::fs::read_to_string(dir.join("out/visit.html")).expect("visit");
    says(&visit, &["<td class=\"below\">to be agreed again</td>"]);
    let summary = dir.join("out/summary.xlsx");
    let rows = rows_by_code(&summary, "Summary");
    assert_eq!(rows["B1.1"]["Level"], "");
    assert_eq!(rows["B1.1"]["How reached"], "to be agreed again");
    assert_eq!(rows["B1.1"]["Status"], "To be agreed again");
    let chart = chart_text(&summary);
    says(
        &chart,
        &[
            "No bars for B1.1: to be agreed again after the framework change, so no level is claimed.",
        ],
    );
    says(
        &chart,
        &["B1.1\nOnline Safety Education Programme\nto be agreed again\n2"],
    );
}

/// Every cell of summary.xlsx's Chart sheet, a line each.
fn chart_text(path: &Path) -> String {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).expect("calamine opens it");
    let range = wb.worksheet_range("Chart").expect("the Chart sheet");
    range
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
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
    assert!(
        screen
            .contains("What the group wrote of the level, though it has agreed none: The minutes"),
        "{screen}"
    );
    run(&dir, &["report"]).success();
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    says(
        &report,
        &[
            "Not agreed by the group",
            "What the group wrote of the level, though it has agreed none:</strong> The minutes",
        ],
    );
    let chart = chart_text(&dir.join("out/summary.xlsx"));
    says(
        &chart,
        &[
            "No bars for B1.2: not agreed by the group (the Agreed level is blank), so no level is claimed.",
        ],
    );
}
