//! Rows that record what did not happen, through the binary, on the fixture review in
//! `tests/fixtures/status/`: agreements refused, declined, not returned or withdrawn with a
//! date beside them; filtering checks crossed, counted impossibly, counting nothing or
//! still to do; surveys cancelled, planned, in draft or answered by nobody, and parent
//! questionnaires that name a year group; parent sessions cancelled, postponed or planned,
//! and rows about payments and games rather than online safety; meetings cancelled and
//! training booked or missed. `import` and `score` must agree on every figure.

use std::path::Path;

use serde_json::Value;

use crate::{fixtures, says, selfreview};

/// A copy of the status fixture review, its folder kept while the value lives.
fn review() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("make the folder");
        for e in std::fs::read_dir(from).expect("read the fixture") {
            let e = e.expect("an entry");
            let target = to.join(e.file_name());
            if e.path().is_dir() {
                copy(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), &target).expect("copy a file");
            }
        }
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    copy(&fixtures().join("status"), dir.path());
    // A review not yet scored: its scores folder is empty, and git keeps no empty folder.
    std::fs::create_dir_all(dir.path().join("scores")).expect("make the scores folder");
    dir
}

fn output(dir: &Path, args: &[&str]) -> String {
    let out = selfreview()
        .env("SELFREVIEW_TODAY", "2026-12-01")
        .arg("-C")
        .arg(dir)
        .args(args)
        .assert()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).expect("utf-8")
}

/// `import --json`'s metrics, `score --json`'s registers and `import`'s text.
fn figures() -> (Value, Value, String) {
    let dir = review();
    let import: Value =
        serde_json::from_str(&output(dir.path(), &["--json", "import"])).expect("JSON");
    let score: Value =
        serde_json::from_str(&output(dir.path(), &["score", "--json"])).expect("JSON");
    let text = output(dir.path(), &["import"]);
    (import["metrics"].clone(), score["registers"].clone(), text)
}

fn group<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .and_then(|l| l.iter().find(|g| g["group"] == name))
        .unwrap_or_else(|| panic!("no group {name} in {list}"))
}

#[test]
fn an_agreement_refused_or_withdrawn_beside_a_date_is_not_signed() {
    let (metrics, registers, text) = figures();
    for agreements in [&metrics["agreements"], &registers["agreements"]] {
        let staff = group(agreements, "staff");
        // Signed: the tick, "Returned" and the plain yes with a note that is no refusal.
        assert_eq!(
            (&staff["signed"], &staff["of"]),
            (&3.into(), &7.into()),
            "{staff}"
        );
        let pupils = group(agreements, "pupils");
        // Year 6's count is marked void: its 30 count, none of them signed.
        assert_eq!(
            (&pupils["signed"], &pupils["of"]),
            (&28.into(), &60.into()),
            "{pupils}"
        );
    }
    says(
        &text,
        &[
            "note Sheet!C5: the AUA signed column says it was refused, declined or not returned; counted as not signed",
            "note Sheet!E6: the Status column says \"declined\": it was refused, declined or not returned; counted as not signed",
            "note Sheet!E7: the Status column says \"not returned\": it was refused, declined or not returned",
            "note Sheet!F8: the Notes column says it was withdrawn or is void; counted as not signed",
            "note row 3, column E: the Status column says \"void\": it was withdrawn or is void; its group's number counted with none signed",
        ],
    );
}

#[test]
fn a_crossed_impossible_or_planned_filtering_check_is_no_pass() {
    let (metrics, registers, text) = figures();
    for f in [&metrics["filtering"], &registers["filtering"]] {
        let n = |k: &str| f[k].as_u64().unwrap_or(u64::MAX);
        // Nine made: two passes (a tick, 10/10), six crossed or short, one impossible.
        assert_eq!((n("checks"), n("failed"), n("unclear")), (9, 6, 1), "{f}");
    }
    says(
        &text,
        &[
            "skipped Sheet!C11: Blocked? counts nothing tested; not counted as a check",
            "skipped Sheet!C14: Blocked? says \"planned\": the check was not made",
            "skipped Sheet!C15: Blocked? says \"scheduled\": the check was not made",
            "skipped Sheet!C16: Blocked? says \"to do\": the check was not made",
            "note Sheet!C10: Blocked? counts more blocked than were tested, so the result cannot be read; not counted as a pass",
        ],
    );
}

#[test]
fn a_survey_not_run_or_answered_by_nobody_is_not_done_and_a_parent_questionnaire_asked_parents() {
    let (metrics, registers, text) = figures();
    for surveys in [&metrics["surveys"], &registers["surveys"]] {
        let parents = group(surveys, "parents");
        assert_eq!(
            (&parents["count"], &parents["responses"]),
            (&2.into(), &53.into())
        );
        let learners = group(surveys, "learners");
        assert_eq!(
            (&learners["count"], &learners["responses"]),
            (&1.into(), &28.into())
        );
        let groups: Vec<&Value> = surveys
            .as_array()
            .expect("a list")
            .iter()
            .map(|g| &g["group"])
            .collect();
        assert!(!groups.contains(&&"staff".into()), "{surveys}");
        assert!(!groups.contains(&&"governors".into()), "{surveys}");
    }
    says(
        &text,
        &[
            "skipped row 4, column D: nobody responded, so it is not counted as a survey done",
            "skipped row 5, column E: Status says \"cancelled\": it did not take place; not counted",
            "skipped row 6, column E: Status says \"planned\": it has not taken place",
            "skipped row 7, column C: Survey says \"not yet\": it has not taken place",
            "skipped row 9, column C: Survey says \"draft\": it is not valid",
        ],
    );
}

#[test]
fn only_parent_sessions_that_took_place_and_are_about_online_safety_count() {
    let (metrics, registers, text) = figures();
    for e in [&metrics["engagement"], &registers["engagement"]] {
        let n = |k: &str| e[k].as_u64().unwrap_or(u64::MAX);
        assert_eq!(
            (n("sessions"), n("attendance"), n("communications")),
            (2, 20, 1),
            "{e}"
        );
    }
    let off_topic = "its type and title do not say it is about online safety; not counted";
    for cell in ["C4", "C5", "C6", "C7"] {
        says(&text, &[&format!("skipped Sheet!{cell}: {off_topic}")]);
    }
    says(
        &text,
        &[
            "skipped Sheet!E8: Status says \"cancelled\": it did not take place; not counted",
            "skipped Sheet!E9: Status says \"postponed\": it did not take place; not counted",
            "skipped Sheet!E10: Status says \"planned\": it has not taken place",
        ],
    );
}

#[test]
fn a_meeting_cancelled_and_training_booked_or_missed_do_not_count() {
    let (metrics, _, text) = figures();
    let meetings = group(&metrics["meetings"], "online-safety-group");
    assert_eq!(meetings["count"], 2, "{meetings}");
    let training = group(&metrics["training"], "staff");
    assert_eq!(
        (&training["trained"], &training["people"]),
        (&1.into(), &4.into())
    );
    says(
        &text,
        &[
            "skipped row 3, column D: Status says \"cancelled\": it did not take place; not counted",
            "skipped row 4, column C: Items says \"postponed\": it did not take place; not counted",
            "Ben Jones: Status says \"did not attend\": it did not take place; counted as not trained",
            "Dev Brown: Status says \"booked\": it has not taken place",
        ],
    );
}
