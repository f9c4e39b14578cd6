//! `[sign-off]` and `[mark]` in review.toml through the binary: the sign-off in the pack's
//! index.html and manifest.json and the warnings while it is missing or incomplete; when the
//! Mark is due for reassessment, by what kind of assessment, and what changed since the
//! snapshot nearest the award, in score (terminal and --json) and the reports; bad values
//! named with their line and column.

use predicates::prelude::*;

use crate::handover::{append, entry, json, pack_path, run, with_group};
use crate::selfreview;

#[test]
fn the_sign_off_is_shown_recorded_and_warned_of_until_complete() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    run(tmp.path(), &["pack"])
        .success()
        .stderr(predicate::str::contains("warning[sign-off-missing]"));
    let manifest: serde_json::Value =
        serde_json::from_str(&entry(&pack_path(tmp.path()), "manifest.json")).expect("json");
    assert!(manifest["sign_off"].is_null());

    append(tmp.path(), "\n[sign-off]\nheadteacher = \"Mrs J. Hall\"\n");
    run(tmp.path(), &["pack"])
        .success()
        .stderr(predicate::str::contains("warning[sign-off-incomplete]"))
        .stderr(predicate::str::contains(
            "the sign-off does not record the chair of governors, the date",
        ));

    append(
        tmp.path(),
        "chair-of-governors = \"Mr K. Osei\"\ndate = 2026-10-20\n",
    );
    run(tmp.path(), &["pack"])
        .success()
        .stderr(predicate::str::contains("sign-off").not());
    let zip = pack_path(tmp.path());
    let manifest: serde_json::Value =
        serde_json::from_str(&entry(&zip, "manifest.json")).expect("json");
    assert_eq!(
        manifest["sign_off"],
        serde_json::json!({"headteacher": "Mrs J. Hall", "chair-of-governors": "Mr K. Osei", "date": "2026-10-20"})
    );
    let index = entry(&zip, "index.html");
    assert!(
        index.contains("Signed off on 20&#x2f;10&#x2f;2026 by Mrs J. Hall (headteacher) and Mr K. Osei (chair of governors)"),
        "the sign-off is in index.html"
    );
    selfreview_verify(&zip);
}

fn selfreview_verify(zip: &std::path::Path) {
    crate::selfreview()
        .arg("verify")
        .arg(zip)
        .assert()
        .success();
}

#[test]
fn bad_sign_off_and_mark_values_are_named_with_their_place() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    append(
        tmp.path(),
        "\n[sign-off]\nheadteacher = \"Mrs J. Hall\"\ndate = \"20/10/2026\"\nsigned = true\n\n[mark]\nlast-assessment = \"online\"\n",
    );
    let review = std::fs::read_to_string(tmp.path().join("review.toml")).expect("toml");
    let line = |start: &str| crate::line_of(&review, start);
    run(tmp.path(), &["score"])
        .code(2)
        .stderr(predicate::str::contains(format!(
            "review.toml:{}:8: error[invalid-date]",
            line("date =")
        )))
        .stderr(predicate::str::contains(format!(
            "review.toml:{}:1: error[unknown-key]",
            line("signed")
        )))
        .stderr(predicate::str::contains(format!(
            "review.toml:{}:19: error[invalid-value]: last-assessment `online`",
            line("last-assessment")
        )))
        .stderr(predicate::str::contains(
            "error[missing-key]: [mark] has no `awarded` date",
        ));
}

#[test]
fn reassessment_is_due_three_years_after_the_award_and_changes_are_shown() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    // Snapshots before and after the award: the nearer one is compared.
    std::fs::create_dir_all(tmp.path().join("history")).expect("history");
    let snapshot = |date: &str, a11: u8| {
        let doc = serde_json::json!({"aspects": [
            {"code": "A1.1", "agreed": a11, "counted": a11},
            {"code": "A1.2", "agreed": 2, "counted": 2},
        ]});
        std::fs::write(
            tmp.path().join(format!("history/{date}.json")),
            doc.to_string(),
        )
        .expect("write");
    };
    snapshot("2023-01-10", 4);
    snapshot("2024-04-02", 3);
    append(
        tmp.path(),
        "\n[mark]\nawarded = 2024-03-15\nlast-assessment = \"desk\"\n",
    );
    let out = selfreview()
        .env("SELFREVIEW_TODAY", "2026-12-01")
        .arg("-C")
        .arg(tmp.path())
        .args(["--json", "score"])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let r = &doc["renewal"];
    assert_eq!(r["due"], "2027-03-15");
    // Counted from the review date (2026-11-01), not from today (2026-12-01), so that the
    // same review always gives the same figures; today's count is not written.
    assert_eq!(r["days_after_review"], 134);
    assert!(r.get("days_left").is_none() && r.get("days_from_today").is_none());
    assert_eq!(r["desk_allowed"], false);
    assert_eq!(r["since"]["snapshot"], "2024-04-02");
    assert_eq!(r["since"]["improved"][0]["code"], "A1.1");
    assert_eq!(
        (
            r["since"]["improved"][0]["from"].as_u64(),
            r["since"]["improved"][0]["to"].as_u64()
        ),
        (Some(3), Some(2))
    );
    assert_eq!(r["since"]["declined"][0]["code"], "A1.2");
    selfreview()
        .env("SELFREVIEW_TODAY", "2026-12-01")
        .arg("-C")
        .arg(tmp.path())
        .arg("score")
        .assert()
        .stdout(predicate::str::contains(
            "Online Safety Mark: awarded 15/03/2024; reassessment is due by 15/03/2027 (134 days after this review's date; in ",
        ))
        .stdout(predicate::str::contains("days from today), by a full visit"))
        .stdout(predicate::str::contains("up A1.1 Online Safety Responsibilities (3 to 2)"))
        .stderr(predicate::str::contains("warning[reassessment-due]"));
    run(tmp.path(), &["report"]);
    let report = std::fs::read_to_string(tmp.path().join("out/report.html")).expect("report");
    assert!(
        report.contains("Awarded on 15&#x2f;03&#x2f;2024"),
        "report shows the award"
    );
    assert!(report.contains("a desk assessment is allowed only once between visits"));
    let governors = std::fs::read_to_string(tmp.path().join("out/governors.html")).expect("gov");
    assert!(governors.contains("is due by 15&#x2f;03&#x2f;2027"));

    // An award two years back is no reminder yet; a visit allows a desk renewal.
    let toml = std::fs::read_to_string(tmp.path().join("review.toml")).expect("toml");
    let toml = toml.replace(
        "awarded = 2024-03-15\nlast-assessment = \"desk\"",
        "awarded = 2025-09-01",
    );
    std::fs::write(tmp.path().join("review.toml"), toml).expect("write");
    let doc = json(tmp.path(), &["score"]);
    assert_eq!(doc["renewal"]["desk_allowed"], true);
    run(tmp.path(), &["score"]).stderr(predicate::str::contains("reassessment-due").not());
}

#[test]
fn the_init_template_documents_the_sign_off_and_the_award() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    crate::init_review(tmp.path(), &[]).success();
    let review = std::fs::read_to_string(tmp.path().join("review.toml")).expect("toml");
    for key in [
        "# [sign-off]",
        "# headteacher =",
        "# chair-of-governors =",
        "# [mark]",
        "# awarded =",
        "# last-assessment =",
        "reviewer-commentary = false",
    ] {
        assert!(review.contains(key), "{key} missing from the template");
    }
    // The commented examples, uncommented, load.
    let mut blocks = String::new();
    for table in ["# [sign-off]", "# [mark]"] {
        let at = review.find(table).expect(table);
        for l in review[at..]
            .lines()
            .take_while(|l| l.starts_with("# ") && !l.starts_with("# ("))
        {
            blocks.push_str(&l[2..]);
            blocks.push('\n');
        }
    }
    append(tmp.path(), &format!("\n{blocks}"));
    let doc = json(tmp.path(), &["score"]);
    assert!(doc["renewal"]["due"].is_string(), "{doc}");
}

#[test]
fn a_pupil_named_in_the_sign_off_refuses_the_pack() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    append(
        tmp.path(),
        "\n[sign-off]\nheadteacher = \"Jamie Fox\"\nchair-of-governors = \"Mr K. Osei\"\ndate = 2026-10-20\n",
    );
    let review = std::fs::read_to_string(tmp.path().join("review.toml")).expect("toml");
    let line = review
        .lines()
        .position(|l| l.starts_with("headteacher"))
        .expect("headteacher")
        + 1;
    let said = format!(
        "review.toml:{line}:15: error[private-name-in-sign-off]: [sign-off] headteacher is a pupil's name"
    );
    for command in ["score", "report", "pack"] {
        run(tmp.path(), &[command])
            .code(1)
            .stderr(predicate::str::contains(said.as_str()))
            .stderr(predicate::str::contains("Jamie Fox").not());
    }
    assert!(!pack_path(tmp.path()).exists());
    let report = std::fs::read_to_string(tmp.path().join("out/report.html")).expect("report");
    assert!(!report.contains("Jamie Fox") && report.contains("[name removed]"));
}

#[test]
fn every_sign_off_key_of_the_wrong_type_is_named_at_once() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    append(
        tmp.path(),
        "\n[sign-off]\nheadteacher = 3\nchair-of-governors = \"Mr K. Osei\"\nlead = true\ndate = 2026-10-20\n",
    );
    let review = std::fs::read_to_string(tmp.path().join("review.toml")).expect("toml");
    let line = |start: &str| crate::line_of(&review, start);
    run(tmp.path(), &["score"])
        .code(2)
        .stderr(predicate::str::contains(format!(
            "review.toml:{}:15: error[wrong-type]: [sign-off] headteacher is 3",
            line("headteacher")
        )))
        .stderr(predicate::str::contains(format!(
            "review.toml:{}:8: error[wrong-type]: [sign-off] lead is true",
            line("lead =")
        )))
        .stderr(predicate::str::contains("2 problems"));
}

#[test]
fn a_sign_off_dated_after_today_or_the_review_or_long_before_is_warned_of() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    append(
        tmp.path(),
        "\n[sign-off]\nheadteacher = \"Mrs J. Hall\"\nchair-of-governors = \"Mr K. Osei\"\ndate = 2027-06-01\n",
    );
    let review = std::fs::read_to_string(tmp.path().join("review.toml")).expect("toml");
    let line = review.lines().count();
    for (date, said) in [
        ("2027-06-01", "is after today (2026-12-01)"),
        ("2026-11-20", "is after the review date (2026-11-01)"),
        ("2025-09-01", "is more than a year before the review date"),
    ] {
        crate::handover::set(
            tmp.path(),
            review.lines().last().expect("date line"),
            &format!("date = {date}"),
        );
        for command in ["score", "pack"] {
            crate::selfreview()
                .env("SELFREVIEW_TODAY", "2026-12-01")
                .arg("-C")
                .arg(tmp.path())
                .arg(command)
                .assert()
                .success()
                .stderr(predicate::str::contains(format!(
                    "review.toml:{line}:8: warning[sign-off-date-implausible]: the sign-off's date {date} {said}"
                )));
        }
        let now = std::fs::read_to_string(tmp.path().join("review.toml")).expect("toml");
        crate::handover::set(tmp.path(), &format!("date = {date}"), "date = 2027-06-01");
        assert!(now.contains(date));
    }
    crate::handover::set(tmp.path(), "date = 2027-06-01", "date = 2026-10-20");
    run(tmp.path(), &["pack"])
        .success()
        .stderr(predicate::str::contains("sign-off").not());
}

#[test]
fn the_reports_count_reassessment_from_the_review_date_whatever_the_day() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    crate::selfreview()
        .current_dir(tmp.path())
        .env("SELFREVIEW_TODAY", "2026-12-01")
        .args(["demo", "--quiet", "school"])
        .assert()
        .success();
    let dir = tmp.path().join("school");
    let outputs = |today: &str| {
        crate::selfreview()
            .arg("-C")
            .arg(&dir)
            .env("SELFREVIEW_TODAY", today)
            .args(["report", "-q"])
            .assert()
            .success();
        [
            "report.html",
            "governors.html",
            "visit.html",
            "online-tool.html",
        ]
        .map(|f| std::fs::read_to_string(dir.join("out").join(f)).expect("written"))
    };
    let before = outputs("2026-12-01");
    // The demo's Mark is due on 05/12/2026, 34 days after its review of 01/11/2026.
    assert!(
        before[0].contains("34 days after this review's date"),
        "report"
    );
    assert!(
        before[1].contains("34 days after this review's date"),
        "governors"
    );
    let after = outputs("2027-03-01");
    for (i, name) in ["report", "governors", "visit", "online-tool"]
        .iter()
        .enumerate()
    {
        assert_eq!(before[i], after[i], "{name}.html changed with the day");
    }
    let doc = |today: &str| {
        let out = crate::selfreview()
            .arg("-C")
            .arg(&dir)
            .env("SELFREVIEW_TODAY", today)
            .args(["--json", "score"])
            .output()
            .expect("runs");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")["renewal"].clone()
    };
    assert_eq!(doc("2026-12-01"), doc("2027-03-01"));
    assert_eq!(doc("2026-12-01")["days_after_review"], 34);
}

/// With every aspect changed since the award, the report names the first six each way and
/// counts the rest, so the sign-off with the Mark under it stays on the first page.
#[test]
fn many_changes_since_the_award_are_named_in_brief_and_counted() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let run = |dir: &std::path::Path, args: &[&str]| {
        selfreview()
            .current_dir(dir)
            .env("SELFREVIEW_TODAY", "2026-12-01")
            .args(args)
            .assert()
            .success();
    };
    run(tmp.path(), &["demo", "--quiet", "school"]);
    let dir = tmp.path().join("school");
    let snapshot = dir.join("history/2023-11-20.json");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&snapshot).expect("snapshot")).expect("JSON");
    for aspect in doc["aspects"].as_array_mut().expect("aspects") {
        aspect["agreed"] = serde_json::json!(5);
        aspect["counted"] = serde_json::json!(5);
    }
    std::fs::write(&snapshot, doc.to_string()).expect("write");
    run(&dir, &["score", "-q"]);
    run(&dir, &["report", "-q"]);
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(
        report.contains("the one nearest the award: 21 aspects up, 0 down, 0 unchanged."),
        "the counts are whole"
    );
    let up = report
        .split("<p>Up: ")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .expect("the aspects up");
    assert_eq!(up.matches(" (from 5 to ").count(), 6, "{up}");
    assert!(up.ends_with("; and 15 more."), "{up}");
    let governors = std::fs::read_to_string(dir.join("out/governors.html")).expect("governors");
    assert!(governors.contains("21 aspects up, 0 down, 0 unchanged"));
}
