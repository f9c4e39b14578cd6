//! An agreements register kept as counts for each group: groups with no date of counting
//! are counted and said to be of unknown date, and a row whose count cannot be read keeps
//! its group's size, so no unreadable row ever raises the share signed.

use std::path::Path;

use serde_json::Value;

use crate::{filled_workbook, init_review, says, selfreview, set_sources, stdout_of};

/// A review whose agreements register is `csv`, as evidence/returns.csv.
fn review(dir: &Path, csv: &str) {
    init_review(dir, &[]).success();
    std::fs::write(dir.join("evidence/returns.csv"), csv).expect("write the register");
    // The pupil list gives the pack's guard the names to look for.
    std::fs::write(
        dir.join("evidence/pupil-list.csv"),
        "Forename,Surname\nAmy,Lee\n",
    )
    .expect("write the pupil list");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"agreements\"\npath = \"evidence/returns.csv\"\n\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupil-list.csv\"\n\n",
    );
    let commentary = "Every pupil signs the agreement each September, class teachers chase the missing returns, and the group checks the count each term.";
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A2.2", 2, commentary, "")],
    );
}

fn import_json(dir: &Path) -> (Value, String) {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "import"])
        .assert()
        .success()
        .get_output()
        .clone();
    let doc = serde_json::from_slice(&out.stdout).expect("JSON");
    (doc, String::from_utf8(out.stderr).expect("utf-8"))
}

fn pack_csv(dir: &Path) -> String {
    let packed = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("pack")
        .assert()
        .get_output()
        .clone();
    assert!(
        packed.status.success(),
        "{}",
        String::from_utf8_lossy(&packed.stderr)
    );
    let zip = std::fs::read_dir(dir.join("out"))
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "zip"))
        .expect("a pack");
    crate::handover::entry(&zip, "evidence-summary/agreements.csv")
}

#[test]
fn counts_with_no_date_column_are_counted_and_their_date_is_not_known() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    review(
        dir,
        "Group,Number in group,Number signed\nYear 1,30,28\nYear 2,30,29\n",
    );
    let (doc, _) = import_json(dir);
    let pupils = &doc["metrics"]["agreements"][0];
    assert_eq!(pupils["group"], "pupils", "{doc}");
    assert_eq!(pupils["of"], 60);
    assert_eq!(pupils["signed"], 0, "not shown signed this school year");
    assert_eq!(pupils["dates_recorded"], false);
    let text = stdout_of(dir, &["import"]);
    says(
        &text,
        &["pupils 60 people, who signed this school year not known"],
    );
    let csv = pack_csv(dir);
    says(&csv, &["pupils,Year 1,not known,30"]);
    assert!(!csv.contains("not recorded"), "one wording: {csv}");
}

#[test]
fn a_date_in_a_column_of_counts_keeps_its_group_in_the_share() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    review(
        dir,
        "Group,Number signed,Number in group,Date counted\nYear 1,27,30,18/09/2026\nYear 2,28,30,18/09/2026\nYear 3,18/09/2026,30,18/09/2026\n",
    );
    let (doc, _) = import_json(dir);
    let pupils = &doc["metrics"]["agreements"][0];
    assert_eq!(
        (pupils["signed"].clone(), pupils["of"].clone()),
        (55.into(), 90.into()),
        "{doc}"
    );
    let text = stdout_of(dir, &["import"]);
    says(
        &text,
        &[
            "pupils 55 of 90 (61%)",
            "note row 4, column B: the cell is a date, but most of the Number signed column holds counts",
            "its group's number counted with none signed",
        ],
    );
}

#[test]
fn a_count_that_cannot_be_read_never_raises_the_share() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    review(
        dir,
        "Group,Number signed,Number in group,Date counted\nYear 1,27,30,18/09/2026\nYear 2,28,30,18/09/2026\nYear 3,lots,30,18/09/2026\nYear 4,,30,18/09/2026\n",
    );
    let (doc, _) = import_json(dir);
    let pupils = &doc["metrics"]["agreements"][0];
    assert_eq!(
        (pupils["signed"].clone(), pupils["of"].clone()),
        (55.into(), 120.into()),
        "{doc}"
    );
    says(
        &stdout_of(dir, &["import"]),
        &[
            "note row 4, column B: the cell is neither a count nor a yes/no mark; its group's number counted with none signed",
            "note row 5, column B: a number in the group but no count of who signed",
        ],
    );
}
