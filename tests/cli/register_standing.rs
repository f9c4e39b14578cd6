//! What the policy register shows of a document it cannot show to be current, through the
//! binary: one with a next review to come but no last review that can be read, one the
//! register lists only as withdrawn or a draft, and the advice `import --kind` gives where
//! there is no review.toml to map a column in.

use crate::register_words::import_csv;
use crate::{says, selfreview};

const REGISTER: &str = "Document,Owner,Last reviewed,Next review due,Status\n\
     Online Safety Policy,DSL,to be checked,01/09/2027,Current\n\
     Acceptable Use Policy,Head,01/09/2026,01/09/2027,Current\n\
     Mobile Phone Policy,Head,01/09/2024,01/09/2025,Withdrawn\n\
     Social Media Policy,Head,01/09/2026,01/09/2027,Draft\n\
     Filtering and Monitoring Policy,Head,,01/09/2027,Current\n";

#[test]
fn a_next_review_to_come_does_not_make_a_document_with_no_last_review_current() {
    let (doc, text, _) = import_csv("documents", REGISTER);
    let docs = doc["metrics"]["documents"]["documents"]
        .as_array()
        .expect("documents");
    let standing = |name: &str| {
        docs.iter()
            .find(|d| d["name"] == name)
            .map(|d| d["standing"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(standing("Online Safety Policy").as_deref(), Some("undated"));
    assert_eq!(
        standing("Filtering and Monitoring Policy").as_deref(),
        Some("undated")
    );
    assert_eq!(
        standing("Acceptable Use Policy").as_deref(),
        Some("current")
    );
    says(
        &text,
        &["3 listed, 0 overdue", "2 with no last review date"],
    );
}

#[test]
fn a_document_listed_only_as_withdrawn_or_a_draft_is_not_said_to_be_missing() {
    let (doc, text, _) = import_csv("documents", REGISTER);
    let summary = &doc["metrics"]["documents"];
    let missing = summary["topics_missing"].to_string();
    let not_in_force = summary["topics_not_in_force"].to_string();
    for topic in ["mobile-devices", "social-media"] {
        assert!(!missing.contains(topic), "{missing}");
        assert!(not_in_force.contains(topic), "{not_in_force}");
    }
    assert!(missing.contains("data-protection"), "{missing}");
    says(
        &text,
        &[
            "in the register but not in force (a draft, withdrawn or not approved), so backing no check: the mobile devices policy, the social media policy",
        ],
    );
    let not_in = text
        .lines()
        .find(|l| l.contains("not in the register:"))
        .unwrap_or("");
    assert!(!not_in.contains("mobile devices"), "{text}");
}

#[test]
fn import_with_kind_says_there_is_no_review_toml_to_map_a_column_in() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::write(
        tmp.path().join("log.csv"),
        "When,Thing,Outcome thing\n01/10/2026,Adult content,Blocked\n",
    )
    .expect("write");
    let out = selfreview()
        .current_dir(tmp.path())
        .args([
            "import",
            "--as-of",
            "2026-11-01",
            "--kind",
            "filtering",
            "log.csv",
        ])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("column-not-recognised"), "{stderr}");
    assert!(
        stderr.contains("files read with --kind have no review.toml"),
        "{stderr}"
    );
}

#[test]
fn a_review_date_that_is_a_formula_never_saved_is_noted_and_a_day_that_cannot_be_is_named() {
    let file = crate::fixtures().join("evidence/policy-register-unsaved-formulas.xlsx");
    let (doc, text) = crate::import_both(&file, "documents", "2026-11-01");
    says(
        &text,
        &[
            "note Policies!C2: Online Safety Policy: its last reviewed and next review dates are formulas whose values were never saved",
            "note Policies!D3: Acceptable Use Policy: its next review date is a formula whose value was never saved",
        ],
    );
    let first = &doc["metrics"]["documents"]["documents"][0];
    assert_eq!(first["standing"], "undated", "{text}");
    assert!(
        !text.contains("Filtering and Monitoring Policy: its"),
        "{text}"
    );
    let (_, text, _) = import_csv(
        "documents",
        "Document,Owner,Last reviewed,Next review due\nOnline Safety Policy,DSL,Approved 31/02/2026,01/09/2027\n",
    );
    says(&text, &["`Approved 31/02/2026` is not a real date"]);
}
