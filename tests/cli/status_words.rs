//! Status words through the binary: a policy whose status says it was rejected, sent
//! back, deferred or only approved in principle, or whose status is not understood, or
//! whose notes contradict its status, is not in force; a survey that never went out is
//! not counted; training not completed, in progress, failed, cancelled or not attended
//! leaves the person untrained, and a deputy DSL alone is not the DSL trained.

use std::path::Path;

use serde_json::Value;

use crate::{says, selfreview};

/// `import` of `csv`, written as `log.csv`, as `kind`: the JSON and the text.
fn import_csv(kind: &str, csv: &str) -> (Value, String) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::write(tmp.path().join("log.csv"), csv).expect("write the log");
    let run = |dir: &Path, json: bool| {
        let mut cmd = selfreview();
        cmd.current_dir(dir);
        if json {
            cmd.arg("--json");
        }
        cmd.args(["import", "--as-of", "2026-11-01", "--kind", kind, "log.csv"])
            .assert()
            .success()
            .get_output()
            .clone()
    };
    let (json, text) = (run(tmp.path(), true), run(tmp.path(), false));
    (
        serde_json::from_slice(&json.stdout).expect("JSON"),
        String::from_utf8(text.stdout).expect("utf-8"),
    )
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|d| d["name"].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn a_policy_is_in_force_only_when_its_status_says_so_and_its_notes_do_not_deny_it() {
    let (doc, text) = import_csv(
        "documents",
        "Policy,Status,Last reviewed,Next review,Comments\n\
         Online Safety Policy,Rejected by FGB,01/10/2026,01/10/2027,\n\
         Acceptable Use Policy,Approved?,01/10/2026,01/10/2027,\n\
         Mobile Phone Policy,Approved in principle,01/10/2026,01/10/2027,\n\
         Filtering Policy,Ready for FGB,01/10/2026,01/10/2027,\n\
         Remote Learning Policy,Sent back by governors,01/10/2026,01/10/2027,\n\
         Social Media Policy,Approval deferred,01/10/2026,01/10/2027,\n\
         Data Protection Policy,Not current,01/10/2026,01/10/2027,\n\
         Images Policy,Unsigned,01/10/2026,01/10/2027,\n\
         Cyber Security Policy,Old version,01/10/2026,01/10/2027,\n\
         Behaviour Policy,N/A,01/10/2026,01/10/2027,\n\
         Anti-bullying Policy,Approved,01/10/2026,01/10/2027,Still in draft - awaiting FGB\n\
         Safeguarding Policy,Ratified by FGB,01/10/2026,01/10/2027,New draft due in spring\n\
         Child Protection Policy,Live,01/10/2026,01/10/2027,\n\
         Staff Code of Conduct,Current,01/10/2026,01/10/2027,\n\
         Prevent Policy,Approved,01/10/2026,01/10/2027,\n\
         Complaints Policy,,01/10/2026,01/10/2027,\n",
    );
    assert_eq!(
        names(&doc["metrics"]["documents"]["documents"]),
        vec![
            "Safeguarding Policy",
            "Child Protection Policy",
            "Staff Code of Conduct",
            "Prevent Policy",
            "Complaints Policy",
        ],
        "{text}"
    );
    says(
        &text,
        &[
            "skipped row 2, column B: Online Safety Policy is not approved: it was rejected",
            "skipped row 3, column B: Acceptable Use Policy is not known to be approved",
            "skipped row 4, column B: Mobile Phone Policy is approved only in principle",
            "skipped row 5, column B: Filtering Policy is not yet approved",
            "skipped row 6, column B: Remote Learning Policy is sent back for changes",
            "skipped row 7, column B: Social Media Policy is not yet approved",
            "skipped row 8, column B: Data Protection Policy is not approved or not current",
            "skipped row 9, column B: Images Policy is not approved",
            "skipped row 10, column B: Cyber Security Policy is an old version",
            "skipped row 11, column B: status not understood: the status does not say Behaviour Policy is in force",
            "skipped row 12, column E: Anti-bullying Policy is a draft, as its notes say",
        ],
    );
}
