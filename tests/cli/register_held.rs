//! Registers whose rows say what did not happen, or who a session was for, through the
//! binary: a meeting that was inquorate or an item deferred, a session for pupils or staff
//! in the parent engagement log, headings one register gives two columns of, and a review
//! one of whose registers cannot be imported while the others still are.

use std::path::Path;

use serde_json::Value;

use crate::{says, selfreview};

/// A review folder holding `files` (path, contents) under `evidence/`, each listed with
/// its kind.
fn review(files: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut toml = String::from(
        "school = \"Brook Lane Primary School\"\nframework = \"online-safety-18\"\nreview-date = 2026-12-01\nreviewers = []\n",
    );
    std::fs::create_dir_all(dir.path().join("evidence")).expect("make the folder");
    for (kind, name, body) in files {
        std::fs::write(dir.path().join("evidence").join(name), body).expect("write");
        toml.push_str(&format!(
            "\n[[evidence]]\nkind = \"{kind}\"\npath = \"evidence/{name}\"\n"
        ));
    }
    std::fs::write(dir.path().join("review.toml"), toml).expect("write review.toml");
    dir
}

/// `import`'s text (both streams), its exit code and `import --json`.
fn import(dir: &Path) -> (String, Option<i32>, Value) {
    let run = |json: bool| {
        let mut cmd = selfreview();
        cmd.env("SELFREVIEW_TODAY", "2026-12-01").arg("-C").arg(dir);
        if json {
            cmd.arg("--json");
        }
        cmd.arg("import").output().expect("runs")
    };
    let out = run(false);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let json = serde_json::from_slice(&run(true).stdout).expect("JSON");
    (text, out.status.code(), json)
}

const MEETINGS: &str = "Date,Group,Main items,Notes,Status,Held\n\
    01/10/2026,Governors,Online safety report; Filtering and monitoring review deferred,,,\n\
    05/11/2026,Governors,Online safety report,Inquorate - meeting did not go ahead,,\n\
    12/11/2026,Governors,Online safety report,,,No\n\
    19/11/2026,Governors,Online safety report,,Inquorate,\n";

#[test]
fn a_meeting_that_did_not_go_ahead_or_an_item_deferred_is_not_counted_and_says_why() {
    let dir = review(&[("meetings", "meetings.csv", MEETINGS)]);
    let (text, code, json) = import(dir.path());
    assert_eq!(code, Some(0), "{text}");
    says(
        &text,
        &[
            "Main items → items, Notes → notes, Status → status, Held → status",
            "skipped row 3, column D: Notes says \"did not go ahead\": it did not take place",
            "skipped row 4, column F: Held says \"no\"",
            "skipped row 5, column E: Status says \"inquorate\": it did not take place",
            "note row 2, column C: an item under Main items says \"deferred\": it was not taken",
        ],
    );
    assert_eq!(json["metrics"]["meetings"][0]["count"], 1, "{json}");
}

#[test]
fn only_sessions_for_parents_count_as_parent_engagement() {
    let log = "Date,Type,What,Audience,Attended,Status,Notes\n\
        01/10/2026,Assembly,Internet safety day assembly,,210,Held,\n\
        02/10/2026,Training,Online safety INSET,Staff,40,Held,\n\
        03/10/2026,Workshop,Year 6 pupils' online safety workshop,,30,,\n\
        04/10/2026,Workshop,Online safety workshop,Parents,,Not taken place,\n\
        05/10/2026,Workshop,Online safety workshop,Parents,,Snow day,\n\
        06/10/2026,Workshop,Online safety workshop,Parents,25,,Cancelled - speaker ill\n\
        07/10/2026,Workshop,Online safety workshop,,25,,\n\
        08/10/2026,Workshop,Online safety workshop,Parents and carers,18,Held,\n";
    let dir = review(&[("engagement", "engagement.csv", log)]);
    let (text, code, json) = import(dir.path());
    assert_eq!(code, Some(0), "{text}");
    let e = &json["metrics"]["engagement"];
    assert_eq!(
        (e["sessions"].as_u64(), e["attendance"].as_u64()),
        (Some(1), Some(18)),
        "{e}"
    );
    says(
        &text,
        &[
            "skipped row 2, column C: `assembly` says it was for someone other than parents",
            "skipped row 3, column D: `staff` says",
            "skipped row 4, column C: `pupils` says",
            "Status says \"not taken place\": it did not take place",
            "Status says \"snow day\": it did not take place",
            "Notes says \"cancelled\": it did not take place",
            "skipped row 8, column C: nothing says it was for parents or carers",
        ],
    );
}

#[test]
fn a_register_that_cannot_be_imported_is_named_and_the_others_are_still_reported() {
    let dir = review(&[
        ("training", "training.csv", "Colour,Shape\nred,square\n"),
        ("meetings", "meetings.csv", MEETINGS),
        (
            "training",
            "staff.csv",
            "Name of staff member,Job title,Date completed\nA Jones,Teacher,01/10/2026\n",
        ),
    ]);
    let (text, code, json) = import(dir.path());
    assert_eq!(code, Some(2), "{text}");
    says(
        &text,
        &[
            "evidence/meetings.csv (meetings, header on row 1)",
            "evidence/staff.csv (training, header on row 1)",
            "Name of staff member → person, Job title → role",
            "cannot import evidence/training.csv: no header row for training records",
            "Colour | Shape",
        ],
    );
    assert_eq!(json["failed"][0]["path"], "evidence/training.csv", "{json}");
    assert_eq!(json["sources"].as_array().map(Vec::len), Some(2), "{json}");
    // The reports stand on every register: they still refuse, and write nothing.
    let out = selfreview()
        .env("SELFREVIEW_TODAY", "2026-12-01")
        .arg("-C")
        .arg(dir.path())
        .arg("report")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!dir.path().join("out").join("report.html").exists());
}
