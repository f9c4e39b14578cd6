//! A register's other columns and the order of its rows count, through the binary: a
//! filtering check's Action taken, Notes or What was tested that says content got through
//! or the check was not made outweighs a Result of "Blocked", and a term passes only when
//! its latest check passed.

use std::path::Path;

use serde_json::Value;

use crate::says;

/// `import --kind KIND` of `csv` as of 1 December 2026: its JSON and its text.
pub(crate) fn import(dir: &Path, kind: &str, csv: &str) -> (Value, String) {
    let file = dir.join(format!("{kind}.csv"));
    std::fs::write(&file, csv).expect("write the register");
    crate::import_both(&file, kind, "2026-12-01")
}

#[test]
fn a_filtering_check_whose_other_columns_say_it_failed_or_was_not_made_is_no_pass() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let csv = "Date checked,What was tested,Result,Checked by,Action taken,Notes\n\
        10/10/2025,SWGfL test set,Blocked,Tech,None needed,\n\
        10/02/2026,SWGfL test set,Blocked,Tech,\"3 sites got through - reported to provider, not yet fixed\",\n\
        12/02/2026,SWGfL test set,Blocked,Tech,,Check not actually completed - laptop died\n\
        14/02/2026,Not tested - no devices available,Blocked,Tech,,\n\
        10/05/2026,SWGfL test set,Blocked,Tech,,\n\
        20/06/2026,Gambling sites,Blocked,Tech,,\n";
    let (doc, text) = import(dir.path(), "filtering", csv);
    let f = &doc["metrics"]["filtering"];
    // Within the 12 months: the spring failure and two summer passes; two not made.
    assert_eq!((&f["checks"], &f["failed"]), (&3.into(), &1.into()), "{f}");
    assert_eq!(
        f["none_passed"],
        serde_json::json!(["2025-26 spring"]),
        "{f}"
    );
    says(
        &text,
        &[
            "row 3, column E: the Action taken column says content got through or a failure is not put right; counted as a failed check",
            "skipped row 4, column F: the Notes column says the check was not made or not finished",
            "skipped row 5, column B: the What was tested column says the check was not made or not finished",
        ],
    );
}

#[test]
fn a_term_passes_only_when_its_latest_check_passed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let csv = "Date checked,What was tested,Result,Checked by,Action taken\n\
        10/10/2025,SWGfL test set,Not blocked - gambling sites loaded,Tech,Reported\n\
        20/10/2025,SWGfL test set,Blocked,Tech,\n\
        10/02/2026,SWGfL test set,Blocked,Tech,\n\
        20/03/2026,SWGfL test set,Not blocked - gambling sites loaded,Tech,\n\
        10/05/2026,SWGfL test set,Blocked,Tech,\n";
    let (doc, text) = import(dir.path(), "filtering", csv);
    let f = &doc["metrics"]["filtering"];
    // Autumn's failure was put right by a later pass; spring's pass was followed by one.
    assert_eq!(
        f["none_passed"],
        serde_json::json!(["2025-26 spring"]),
        "{f}"
    );
    let outcome = |term: &str| {
        f["by_term"]
            .as_array()
            .expect("terms")
            .iter()
            .find(|t| t["term"] == term)
            .map(|t| t["latest_passed"].clone())
    };
    assert_eq!(outcome("2025-26 autumn"), Some(true.into()), "{f}");
    assert_eq!(outcome("2025-26 spring"), Some(false.into()), "{f}");
    says(
        &text,
        &["spring term 2025-26 the latest check did not pass"],
    );
}
