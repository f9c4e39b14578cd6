//! A register that held rows, every one of them skipped (drafts, cancelled, planned, no
//! responses, dated after the review date), or whose skipped rows took away a whole
//! group, leaves the checks resting on it not met, saying every row was skipped and why:
//! the records were there and show nothing valid. Only a register holding no record's
//! row at all (a blank template, footers only) leaves them wanting evidence.

use std::path::Path;

use serde_json::Value;

use crate::{filled_workbook, init_review, selfreview, set_sources};

const LONG: &str = "The register is kept by the office and checked each term by the online \
    safety lead, who follows up anything missing and reports to governors each term.";

/// `score --json` on a [`review`] of `csv` imported as `kind`.
pub(crate) fn scored(kind: &str, csv: &str) -> Value {
    let tmp = review(kind, csv);
    let out = run(tmp.path(), &["--json", "score"]);
    serde_json::from_str(&out).expect("JSON")
}

/// A review (dated 01/11/2026) claiming level 2 for every aspect, whose only evidence is
/// `csv` imported as `kind`, its folder kept while the value lives.
pub(crate) fn review(kind: &str, csv: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::write(dir.join("evidence/register.csv"), csv).expect("write the register");
    set_sources(
        dir,
        &format!("[[evidence]]\nkind = \"{kind}\"\npath = \"evidence/register.csv\"\n"),
    );
    let codes = [
        "A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "B1.1", "B1.2", "B2.1", "B3.1", "B4.1",
        "B4.2", "C1.1", "C1.2", "C1.3", "C1.4", "C2.1", "C2.2", "C2.3", "C2.4", "D1.1",
    ];
    let rows: Vec<(&str, u8, &str, &str)> =
        codes.iter().map(|c| (*c, 2, LONG, "policy.pdf")).collect();
    filled_workbook(&dir.join("scores/osl.xlsx"), "OSL", &rows);
    tmp
}

/// The standard output of `selfreview -C DIR ARGS…` on 01/11/2026.
pub(crate) fn run(dir: &Path, args: &[&str]) -> String {
    let out = selfreview()
        .env("SELFREVIEW_TODAY", "2026-11-01")
        .arg("-C")
        .arg(dir)
        .args(args)
        .assert()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Every check of `metric` run, as (status, fact or detail).
pub(crate) fn checks(doc: &Value, metric: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for a in doc["aspects"].as_array().expect("aspects") {
        for c in a["evidence_checks"].as_array().into_iter().flatten() {
            if c["metric"] == metric {
                let said = c["fact"].as_str().or(c["detail"].as_str()).unwrap_or("");
                found.push((c["status"].as_str().unwrap_or("").to_string(), said.into()));
            }
        }
    }
    assert!(!found.is_empty(), "no {metric} check ran: {doc}");
    found
}

/// Every check of `metric` is not met and its fact holds each of `parts`.
fn not_met(doc: &Value, metric: &str, parts: &[&str]) {
    for (status, fact) in checks(doc, metric) {
        assert_eq!(status, "not-met", "{metric}: {fact}");
        for p in parts {
            assert!(fact.contains(p), "{metric}: {fact} lacks {p}");
        }
    }
    assert_eq!(doc["ready"], false);
}

#[test]
fn a_policy_register_of_drafts_leaves_every_document_check_not_met() {
    let csv = "Document,Status,Last reviewed,Next review\n\
        Online Safety Policy,Draft,08/09/2026,08/09/2027\n\
        Acceptable Use Policy,Draft,08/09/2026,08/09/2027\n\
        Staff Code of Conduct,Draft,08/09/2026,08/09/2027\n";
    let doc = scored("documents", csv);
    not_met(&doc, "documents.reviewed", &["skipped", "draft"]);
    let (_, fact) = checks(&doc, "documents.reviewed")
        .into_iter()
        .find(|(_, f)| f.contains("Online Safety Policy"))
        .expect("the online safety policy's check");
    // The register lists the policy: the fact says so, and why its row did not count.
    assert!(fact.contains("lists “Online Safety Policy”"), "{fact}");
    assert!(!fact.contains("lists nothing"), "{fact}");
}

#[test]
fn a_register_of_footers_alone_still_wants_evidence() {
    let csv = "Document,Status,Last reviewed,Next review\n\
        Printed from the office system on 01/10/2026 by the school business manager\n";
    let doc = scored("documents", csv);
    for (status, fact) in checks(&doc, "documents.reviewed") {
        assert_eq!(status, "evidence-needed", "{fact}");
    }
}

#[test]
fn a_survey_log_whose_surveys_did_not_count_is_not_met() {
    for (row, why) in [
        (
            "02/10/2026,Parents,Online safety survey,0,",
            "nobody responded",
        ),
        (
            "02/10/2026,Parents,Online safety survey,41,Planned",
            "Status says \"planned\"",
        ),
        (
            "02/10/2026,Parents,Online safety survey,41,Draft",
            "Status says \"draft\"",
        ),
        (
            "02/12/2026,Parents,Online safety survey,41,",
            "after the review date",
        ),
    ] {
        let csv = format!("Date,Who was asked,Survey,Responses,Status\n{row}\n");
        not_met(&scored("surveys", &csv), "surveys.count", &["skipped", why]);
    }
}

#[test]
fn logs_of_sessions_checks_and_meetings_that_never_happened_are_not_met() {
    let engagement = "Date,Type,What,Attended,Status\n\
        10/10/2026,Workshop,Online safety for parents,20,Cancelled\n\
        11/10/2026,Workshop,Online safety for parents,20,Postponed\n";
    let doc = scored("engagement", engagement);
    not_met(
        &doc,
        "engagement.sessions",
        &["all 2 were skipped", "(1 row)"],
    );
    let filtering = "Date checked,What was tested,Result\n\
        10/10/2026,Adult content,Planned\n";
    not_met(
        &scored("filtering", filtering),
        "filtering.checks",
        &["skipped", "Result says \"planned\""],
    );
    let meetings = "Date,Group,Items,Status\n\
        15/09/2026,Online Safety Group,Filtering report,Cancelled\n\
        15/10/2026,Online Safety Group,Filtering report,Cancelled\n";
    not_met(
        &scored("meetings", meetings),
        "meetings.count",
        &["all 2 were skipped", "(2 rows)"],
    );
}

#[test]
fn a_group_whose_only_count_is_after_the_review_date_is_not_met() {
    let csv = "Group,Number signed,Out of,Date counted\n\
        Staff,10,10,20/12/2026\n\
        Reception,28,28,10/09/2026\n";
    let doc = scored("agreements", csv);
    let staff: Vec<(String, String)> = checks(&doc, "agreements.signed-share")
        .into_iter()
        .filter(|(_, f)| f.contains("staff"))
        .collect();
    assert!(!staff.is_empty(), "{doc}");
    for (status, fact) in staff {
        assert_eq!(status, "not-met", "{fact}");
        assert!(fact.contains("after the review date"), "{fact}");
    }
}

#[test]
fn a_training_file_that_cannot_be_read_is_said_so_not_to_support_a_level() {
    let tmp = review("training", "Colour,Shape\nred,square\n");
    let text = run(tmp.path(), &["score"]);
    let staff = text
        .lines()
        .find(|l| l.contains("Staff (B2.1):"))
        .unwrap_or_else(|| panic!("no finding for B2.1: {text}"));
    assert!(staff.contains("could not be read"), "{staff}");
    assert!(!staff.contains("The records support"), "{staff}");
}
