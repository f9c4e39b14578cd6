//! Online safety scope: from a whole-school safeguarding export only online safety
//! incidents count; the others are listed as left out; review.toml can bring one in or
//! leave one out; common headings are recognised.

use std::path::Path;

use crate::{fixtures, init_review, selfreview, set_sources};

fn json(args: &[&str], files: &[&Path]) -> serde_json::Value {
    let out = selfreview()
        .args(["--json", "import", "--as-of", "2026-11-01"])
        .args(args)
        .args(files)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("JSON")
}

fn labels(counts: &serde_json::Value) -> Vec<(String, u64)> {
    counts
        .as_array()
        .expect("counts")
        .iter()
        .map(|c| {
            (
                c["category"].as_str().expect("label").to_string(),
                c["count"].as_u64().expect("count"),
            )
        })
        .collect()
}

#[test]
fn only_online_safety_categories_count_and_the_rest_are_listed() {
    let export = fixtures().join("scope/whole-school-export.csv");
    let doc = json(&["--kind", "incidents"], &[&export]);
    let s = &doc["sources"][0];
    assert_eq!(
        (
            s["rows_read"].as_u64(),
            s["rows_used"].as_u64(),
            s["rows_left_out"].as_u64()
        ),
        (Some(7), Some(3), Some(4))
    );
    assert_eq!(
        s["left_out_categories"],
        serde_json::json!({"Attendance": 2, "Behaviour": 1, "Peer on peer abuse": 1})
    );
    let incidents = &doc["metrics"]["incidents"];
    assert_eq!(incidents["count"], 3);
    assert_eq!(
        labels(&incidents["by_category"]),
        [
            ("Cyberbullying".to_string(), 1),
            ("Grooming or unwanted contact".to_string(), 1),
            ("Online safety (general)".to_string(), 1)
        ]
    );
    selfreview()
        .args(["import", "--as-of", "2026-11-01", "--kind", "incidents"])
        .arg(&export)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "7 read, 3 used, 0 skipped, 4 left out as not online safety",
        ))
        .stdout(predicates::str::contains(
            "left out, not online safety (to count one, map it under [evidence.categories]): Attendance (2), Behaviour (1), Peer on peer abuse (1)",
        ));
}

#[test]
fn review_toml_brings_a_category_in_or_leaves_one_out_in_every_report() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::copy(
        fixtures().join("scope/whole-school-export.csv"),
        dir.join("evidence/export.csv"),
    )
    .expect("copy");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/export.csv\"\n\n\
         [evidence.categories]\n\"Peer on peer abuse\" = \"Cyberbullying\"\n\"Online Safety\" = \"leave out\"\n",
    );
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "import"])
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(
        labels(&doc["metrics"]["incidents"]["by_category"]),
        [
            ("Cyberbullying".to_string(), 2),
            ("Grooming or unwanted contact".to_string(), 1)
        ]
    );
    assert_eq!(
        doc["sources"][0]["left_out_categories"],
        serde_json::json!({"Attendance": 2, "Behaviour": 1, "Online Safety": 1})
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    for page in ["out/report.html", "out/governors.html"] {
        let html = std::fs::read_to_string(dir.join(page)).expect("report");
        for other in [
            "<td class=\"text\">Attendance</td>",
            "<td class=\"text\">Behaviour</td>",
        ] {
            assert!(!html.contains(other), "{page} counts {other}");
        }
        assert!(
            html.contains("<td class=\"text\">Grooming or unwanted contact</td>"),
            "{page}"
        );
        assert!(
            html.contains("Attendance (2), Behaviour (1), Online Safety (1)"),
            "{page} says what was left out"
        );
    }
}

#[test]
fn a_register_with_main_items_is_searched_for_topics() {
    let doc = json(
        &["--kind", "meetings"],
        &[&fixtures().join("scope/register-main-items.csv")],
    );
    let columns = doc["sources"][0]["columns"].as_array().expect("columns");
    assert!(
        columns
            .iter()
            .any(|c| c["header"] == "Main items" && c["field"] == "items"),
        "{columns:?}"
    );
}
