//! The verdict follows the records: claimed and evidenced levels side by side in every
//! output, findings in plain words, and `score --strict` failing when the records hold the
//! review back.

use std::path::Path;

use predicates::prelude::*;

use crate::{
    filled_workbook, filled_workbook_explained, fixtures, init_review, selfreview, set_sources,
};

const LONG: &str = "Every member of staff has had the online safety update this year, new staff at \
    induction; the training log is kept by the office and checked each term by the online safety \
    lead, who follows up anyone missing and reports the figures to governors in the termly report.";

const EXPLAINED: &str = "Eight teachers joined in September and are booked on the November update.";

/// A review where every aspect is claimed at level 2 with commentary, half the staff are
/// trained and the online safety group never met; `explained` fills the workbook's "Why the
/// records differ" column.
fn review(dir: &Path, explained: &[(&str, &str)]) {
    init_review(dir, &[]).success();
    for f in [
        "half-the-staff-trained.csv",
        "governors-meet-group-does-not.csv",
    ] {
        std::fs::copy(
            fixtures().join("verdict").join(f),
            dir.join("evidence").join(f),
        )
        .expect("copy");
    }
    // The other registers are listed as the blank templates init made: checks resting on
    // them are "evidence needed", not held against the level.
    let blank: String = [
        ("incidents", "incident-log.xlsx"),
        ("documents", "policy-register.xlsx"),
        ("agreements", "acceptable-use-agreements.xlsx"),
        ("filtering", "filtering-checks.xlsx"),
        ("surveys", "surveys.xlsx"),
        ("engagement", "parent-engagement.xlsx"),
    ]
    .iter()
    .map(|(k, p)| format!("\n[[evidence]]\nkind = \"{k}\"\npath = \"evidence/{p}\"\n"))
    .collect();
    set_sources(
        dir,
        &format!(
            "[[evidence]]\nkind = \"training\"\npath = \"evidence/half-the-staff-trained.csv\"\n\n\
             [[evidence]]\nkind = \"meetings\"\npath = \"evidence/governors-meet-group-does-not.csv\"\n{blank}"
        ),
    );
    let codes = [
        "A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "B1.1", "B1.2", "B2.1", "B3.1", "B4.1",
        "B4.2", "C1.1", "C1.2", "C1.3", "C1.4", "C2.1", "C2.2", "C2.3", "C2.4", "D1.1",
    ];
    let rows: Vec<(&str, u8, &str, &str)> =
        codes.iter().map(|c| (*c, 2, LONG, "policy.pdf")).collect();
    let path = dir.join("scores/osl.xlsx");
    if explained.is_empty() {
        filled_workbook(&path, "OSL", &rows);
    } else {
        filled_workbook_explained(&path, "OSL", &rows, explained);
    }
}

fn run(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    selfreview().arg("-C").arg(dir).args(args).assert()
}

fn aspect<'a>(doc: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    crate::aspect_json(doc, code)
}

#[test]
fn records_that_contradict_the_claims_hold_back_readiness_in_every_output() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review(tmp.path(), &[]);

    let out = run(tmp.path(), &["score", "--strict"]).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("claimed evidenced"), "{text}");
    assert!(
        text.contains(
            "Staff (B2.1): 8 of 16 staff trained in the last two years (50%); level 2 needs 9 in 10 \
             staff trained in the last two years. The records support level 3, not the level 2 claimed."
        ),
        "{text}"
    );
    assert!(
        text.contains("Online Safety Group (A1.2): the online safety group did not meet in the last year; level 3 or better needs at least 3 meetings and level 2 needs at least 6 meetings"),
        "{text}"
    );
    assert!(text.contains("Not yet ready"), "{text}");
    // Each aspect is named once in the verdict and findings, however many checks failed.
    for code in ["(B2.1)", "(A1.2)"] {
        assert_eq!(text.matches(code).count(), 1, "{code} listed once: {text}");
    }
    let json = run(tmp.path(), &["--json", "score"]).success();
    let doc: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).expect("JSON");
    assert_eq!(doc["ready"], false);
    let b21 = aspect(&doc, "B2.1");
    assert_eq!(
        (b21["agreed"].as_u64(), b21["evidenced"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(aspect(&doc, "A1.2")["evidenced"], 4);
    // No records check A1.1's claim: no evidenced level is made up for it.
    assert_eq!(aspect(&doc, "A1.1")["evidenced"], serde_json::Value::Null);

    let snapshot: serde_json::Value = serde_json::from_slice(
        &std::fs::read(tmp.path().join("history/2026-11-01.json")).expect("snapshot"),
    )
    .expect("snapshot JSON");
    assert_eq!(aspect(&snapshot, "B2.1")["evidenced"], 3);

    run(tmp.path(), &["report"]).success();
    let html = std::fs::read_to_string(tmp.path().join("out/report.html")).expect("report");
    assert!(html.contains("<th scope=\"col\" class=\"num\">Evidenced</th>"));
    assert!(
        html.contains("records support level 3."),
        "report shows both: {html}"
    );
    assert!(html.contains("8 of 16 staff trained in the last two years (50%)"));
    // In the report too, each aspect is named once on the first page, however many lists
    // it fits, in brief: what its records show is said in its own section.
    let verdict = html
        .split(r#"<section class="verdict"#)
        .nth(1)
        .and_then(|v| v.split("</section>").next())
        .expect("the verdict");
    assert_eq!(
        verdict.matches("Staff (B2.1)").count(),
        1,
        "B2.1 named once in the verdict: {verdict}"
    );
    assert!(!verdict.contains("8 of 16 staff"), "{verdict}");

    let rows = crate::rows_by_code(&tmp.path().join("out/summary.xlsx"), "Summary");
    let b21 = &rows["B2.1"];
    assert_eq!(b21["Level"], "2");
    assert_eq!(b21["Evidenced"], "3");
    assert_eq!(b21["Status"], "Below benchmark on the records");
}

#[test]
fn an_explanation_of_why_the_records_differ_lets_the_claim_stand() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review(tmp.path(), &[("B2.1", EXPLAINED)]);
    let json = run(tmp.path(), &["--json", "score"]).success();
    let doc: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).expect("JSON");
    let b21 = aspect(&doc, "B2.1");
    assert_eq!(
        (
            b21["agreed"].as_u64(),
            b21["evidenced"].as_u64(),
            b21["counted"].as_u64()
        ),
        (Some(2), Some(3), Some(2))
    );
    assert_eq!(b21["records_differ"], EXPLAINED);
    let held: Vec<&str> = doc["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| r["aspect"].as_str().expect("aspect"))
        .collect();
    assert_eq!(
        held,
        ["A1.2"],
        "only the unexplained group meetings hold it back"
    );
    run(tmp.path(), &["score"])
        .success()
        .stdout(predicate::str::contains(format!(
            "The group records why the records differ: {EXPLAINED}"
        )))
        .stdout(predicate::str::contains("(1 aspect holds it back)"));
    run(tmp.path(), &["report"]).success();
    let (header, rows) = summary_rows(tmp.path());
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let b21 = rows.iter().find(|r| r[0] == "B2.1").expect("B2.1 row");
    // After the reviewer who gave it.
    let why = &b21[col("Why the records differ")];
    assert!(why.ends_with(&format!(": {EXPLAINED}")), "{why}");
    assert!(!why.starts_with(':'), "{why}");
    assert_eq!(b21[col("Status")], "Meets benchmark as explained");
    let a11 = rows.iter().find(|r| r[0] == "A1.1").expect("A1.1 row");
    assert_eq!(a11[col("Why the records differ")], "");
}

/// The Summary sheet of `out/summary.xlsx`: its heading row and the rows under it, as text.
fn summary_rows(dir: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(dir.join("out/summary.xlsx")).expect("summary");
    let sheet = book.worksheet_range("Summary").expect("Summary sheet");
    let mut rows = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<String>>());
    let header = rows.next().expect("header");
    (header, rows.collect())
}

#[test]
fn an_explanation_of_a_word_or_a_dash_lets_nothing_stand() {
    for thin in ["x", "-", "see notes"] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        review(tmp.path(), &[("B2.1", thin)]);
        let out = run(tmp.path(), &["--json", "score"]).success();
        let doc: serde_json::Value =
            serde_json::from_slice(&out.get_output().stdout).expect("JSON");
        let b21 = aspect(&doc, "B2.1");
        assert_eq!(b21["counted"].as_u64(), Some(3), "{thin}");
        assert_eq!(b21["records_differ"], serde_json::Value::Null, "{thin}");
        assert_eq!(doc["ready"], false);
        let reason = doc["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .find(|r| r["aspect"] == "B2.1")
            .expect("B2.1 holds the review back");
        assert!(
            reason["kinds"]
                .as_array()
                .expect("kinds")
                .contains(&serde_json::json!("explanation-too-short")),
            "{reason}"
        );
        assert!(
            reason["message"]
                .as_str()
                .expect("message")
                .contains("too few to let the claim stand (an explanation needs at least 10), so it is taken as blank"),
            "{reason}"
        );
        run(tmp.path(), &["score", "--strict"]).code(1);
    }
}

#[test]
fn checks_whose_register_is_not_listed_hold_the_review_back_and_say_how_to_list_it() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review(tmp.path(), &[]);
    set_sources(tmp.path(), "");
    let out = run(tmp.path(), &["score", "--strict"]).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("Staff (B2.1): evidence needed: no training records were imported: review.toml lists no register of kind \"training\"; add one as [[evidence]] with kind = \"training\" and its path; level 3 or better needs at least half the staff trained in the last two years and level 2 needs 9 in 10 staff trained in the last two years"),
        "{text}"
    );
    // No meeting register is listed at all: the policy-review check is not required, but
    // a kind missing from review.toml holds readiness back and says how to add it.
    assert!(
        text.contains(
            "Online Safety Policy (A2.1): evidence needed: no meeting registers were imported: review.toml lists no register of kind \"meetings\"; add one as [[evidence]] with kind = \"meetings\" and its path"
        ),
        "{text}"
    );
}

#[test]
fn progress_for_governors_goes_by_the_levels_the_records_support() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review(tmp.path(), &[]);
    // Last time B2.1 was claimed at 3 and the records bore it out; now 2 is claimed, but
    // the records still support only 3: no improvement. A1.3 stood at 4 and now stands at
    // 2 with no records against it.
    std::fs::write(
        tmp.path().join("history/2026-03-01.json"),
        r#"{"aspects": [{"code": "B2.1", "agreed": 3, "counted": 3}, {"code": "A1.3", "agreed": 4, "counted": 4}]}"#,
    )
    .expect("write");
    run(tmp.path(), &["report"]).success();
    let governors =
        std::fs::read_to_string(tmp.path().join("out/governors.html")).expect("governors");
    assert!(
        governors.contains("aspects improved: 1; fell back: 0; stayed the same: 1."),
        "{governors}"
    );
    assert!(!governors.contains("B2.1 Staff (from"), "{governors}");

    // Had the records stood at 4 last time, B2.1 improved to 3, and the claim is said.
    std::fs::write(
        tmp.path().join("history/2026-03-01.json"),
        r#"{"aspects": [{"code": "B2.1", "agreed": 4, "counted": 4}]}"#,
    )
    .expect("write");
    run(tmp.path(), &["report"]).success();
    let governors =
        std::fs::read_to_string(tmp.path().join("out/governors.html")).expect("governors");
    assert!(
        governors.contains("B2.1 Staff (from 4 to 3; level 2 claimed)"),
        "{governors}"
    );
}

#[test]
fn a_group_that_never_met_is_said_once_in_its_finding() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review(tmp.path(), &[]);
    let out = run(tmp.path(), &["score"]).success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let line = text
        .lines()
        .find(|l| l.contains("(A1.2):"))
        .expect("A1.2 is held back");
    assert_eq!(
        line.matches("did not meet in the last year").count(),
        1,
        "{line}"
    );
    assert!(line.contains("365 days without a meeting"), "{line}");
}
