//! Who an agreements register counts, through the binary: a year group counted whole and
//! class by class counts each child once; a role word makes a person staff or a governor,
//! whatever year it names; and a group with no figures is said to have none.

use serde_json::Value;

use crate::{fixtures, says, selfreview};

fn import(json: bool) -> std::process::Output {
    let mut cmd = selfreview();
    if json {
        cmd.arg("--json");
    }
    cmd.args(["import", "--as-of", "2026-11-01", "--kind", "agreements"])
        .arg(fixtures().join("evidence/agreements-years-and-classes.csv"))
        .assert()
        .success()
        .get_output()
        .clone()
}

fn groups() -> Vec<(String, u64, u64, Vec<String>)> {
    let doc: Value = serde_json::from_slice(&import(true).stdout).expect("JSON");
    doc["metrics"]["agreements"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            let parts = g["parts"].as_array().expect("parts");
            (
                g["group"].as_str().expect("group").to_string(),
                g["signed"].as_u64().expect("signed"),
                g["of"].as_u64().expect("of"),
                parts
                    .iter()
                    .map(|p| p["part"].as_str().expect("part").to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn a_year_counted_whole_and_by_class_counts_each_child_once() {
    let g = groups();
    let pupils = g.iter().find(|x| x.0 == "pupils").expect("pupils");
    // Year 1 28/30; Year 4 by its classes 4B 25/30 and 4W 24/30; Year 5 by its later
    // count of the whole year, 20/30.
    assert_eq!((pupils.1, pupils.2), (97, 120), "{pupils:?}");
    assert_eq!(pupils.3, ["Year 1", "4B", "4W", "Y5"]);
    let text = String::from_utf8(import(false).stdout).expect("utf-8");
    says(
        &text,
        &[
            "skipped row 8, column A: a year group whose classes are counted on rows 9, 10: counted by its classes, so each child counts once",
            "skipped row 12, column A: a class of a year group counted again, later, for the whole year on row 11",
        ],
    );
}

#[test]
fn a_role_word_decides_the_group() {
    let g = groups();
    let of = |name: &str| {
        g.iter()
            .find(|x| x.0 == name)
            .map(|x| x.3.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        of("staff"),
        [
            "Year 6 lead",
            "KS2 leader",
            "Year 3 teacher",
            "EYFS co-ordinator"
        ]
    );
    assert_eq!(of("governors"), ["Parent governor", "Staff governors"]);
    assert!(of("parents").is_empty(), "{g:?}");
}

#[test]
fn a_group_with_no_figures_is_said_to_have_none() {
    let text = String::from_utf8(import(false).stdout).expect("utf-8");
    says(
        &text,
        &[
            "skipped row 6, column B: a group with no figures: nothing beside it says how many signed",
            "skipped row 4: a note or footer row",
            "skipped row 21: a note or footer row",
        ],
    );
}
