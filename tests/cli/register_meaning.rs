//! What a policy register's words mean, through the binary: a status, an Approved by cell
//! or a note read by what it says of the document (consultation, review, pending approval
//! are not in force; an archived draft beside an approval is); the papers that go with a
//! policy are not the policy; only a year or a version makes two rows one document; review
//! frequencies that name the month or term; and dates that are no real day, named by cell.

use serde_json::Value;

use crate::{fixtures, says};

/// `import` of the register fixture: the JSON and the text, warnings included.
fn import() -> (Value, String) {
    let file = fixtures().join("evidence/policy-register-standing.csv");
    crate::import_both(&file, "documents", "2026-11-01")
}

fn listed(doc: &Value) -> Vec<(String, Vec<String>, String)> {
    doc["metrics"]["documents"]["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| {
            let topics = d["topics"].as_array().expect("topics");
            (
                d["name"].as_str().expect("name").to_string(),
                topics
                    .iter()
                    .map(|t| t.as_str().expect("topic").to_string())
                    .collect(),
                d["standing"].as_str().expect("standing").to_string(),
            )
        })
        .collect()
}

#[test]
fn a_status_is_read_by_what_it_says_of_the_document() {
    let (doc, text) = import();
    let names: Vec<String> = listed(&doc).into_iter().map(|(n, _, _)| n).collect();
    for gone in [
        "Online Safety Policy",
        "Child Protection Policy",
        "Acceptable Use Policy (working copy)",
        "Anti-bullying Policy",
        "Behaviour Policy",
        "Data Protection Policy",
        "Mobile Phone Policy",
        "Remote Learning Policy",
        "E-Safety Policy 2023",
    ] {
        assert!(!names.iter().any(|n| n == gone), "{gone} is listed: {text}");
    }
    for kept in [
        "Safeguarding Policy",
        "Social Media Policy",
        "Images Policy KS1",
    ] {
        assert!(
            names.iter().any(|n| n == kept),
            "{kept} is not listed: {text}"
        );
    }
    says(
        &text,
        &[
            "skipped row 5, column D: Online Safety Policy is out for consultation, not yet approved, as its status says",
            "skipped row 6, column D: Child Protection Policy is out of date, as its status says",
            "skipped row 7, column A: Acceptable Use Policy (working copy) is a working copy",
            "skipped row 8, column D: Anti-bullying Policy is under review",
            "skipped row 11, column C: Mobile Phone Policy is not yet approved, as its Approved by cell says",
            "skipped row 12, column C: Remote Learning Policy is not yet approved, as its Approved by cell says",
            "skipped row 15, column H: E-Safety Policy 2023 is superseded or withdrawn, as its notes say",
        ],
    );
}

#[test]
fn the_papers_that_go_with_a_policy_back_no_topic() {
    let (doc, text) = import();
    for (name, topics, _) in listed(&doc) {
        let paper = ["checklist", "sign-off sheet", "template"]
            .iter()
            .any(|w| name.contains(w));
        if paper {
            assert!(topics.is_empty(), "{name} is on {topics:?}: {text}");
        }
    }
    // The papers cover no topic: the online safety policy's only other row is out for
    // consultation, so the register lists it but not in force; no filtering review is
    // listed at all.
    let summary = &doc["metrics"]["documents"];
    let not_in = summary["topics_missing"].to_string();
    let not_in_force = summary["topics_not_in_force"].to_string();
    assert!(
        not_in_force.contains("online-safety-policy"),
        "{not_in_force}"
    );
    assert!(!not_in.contains("online-safety-policy"), "{not_in}");
    assert!(not_in.contains("filtering-monitoring"), "{not_in}");
}

#[test]
fn a_key_stage_names_a_document_of_its_own() {
    let (doc, text) = import();
    let standing = |want: &str| {
        listed(&doc)
            .into_iter()
            .find(|(n, _, _)| n == want)
            .map(|(_, _, s)| s)
            .unwrap_or_else(|| panic!("{want} is not listed: {text}"))
    };
    assert_eq!(standing("Images Policy KS1"), "current");
    assert_eq!(standing("Images Policy"), "current");
}

#[test]
fn frequencies_that_name_the_month_or_term_are_yearly() {
    let (doc, text) = import();
    let every = |want: &str| {
        doc["metrics"]["documents"]["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .find(|d| d["name"] == want)
            .map(|d| (d["every_months"].clone(), d["due"].clone()))
            .unwrap_or_else(|| panic!("{want} is not listed: {text}"))
    };
    assert_eq!(every("Social Media Policy").0, 12, "{text}");
    assert_eq!(
        every("Images Policy"),
        (12.into(), "2027-09-01".into()),
        "{text}"
    );
    says(
        &text,
        &[
            "note row 24, column G: Whistleblowing Policy: review frequency: the cell is not understood as how often",
        ],
    );
    // The cell is not quoted: free text there may name someone.
    assert!(!text.contains("When Ofsted next visits"), "{text}");
}

#[test]
fn a_date_that_is_no_real_day_is_named_by_its_cell() {
    let (doc, text) = import();
    says(
        &text,
        &[
            "row 23, column E: warning[document-review-dates-wrong]: “Staff Code of Conduct”: its last review: `31/02/2026` is not a real date (“Date of last review”, row 23, column E); its next review: `00/13/2027` is not a real date (“Next review due”, row 23, column F)",
        ],
    );
    let staff = doc["metrics"]["documents"]["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["name"] == "Staff Code of Conduct")
        .cloned()
        .expect("listed");
    assert_eq!(staff["standing"], "undated");
}
