//! `selfreview import` on records that could mislead: quotes that swallow rows, columns
//! it does not recognise, records dated after the review.

use std::path::Path;

use crate::selfreview;

/// `import --kind KIND FILE` in `dir`, expecting `code`: (stdout, stderr).
fn import(dir: &Path, kind: &str, file: &str, code: i32) -> (String, String) {
    let out = selfreview()
        .current_dir(dir)
        .args(["import", "--as-of", "2025-11-20", "--kind", kind, file])
        .assert()
        .code(code)
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

#[test]
fn a_quote_closed_lines_later_is_refused_naming_its_line() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let head = "Name,Role,Date completed\n\"Amy Lee,Teacher,01/03/2025\nBen Hart,Teacher,01/03/2025\nCat Doe,Teacher,01/03/2025\n";
    let cases = [
        ("pair.csv", format!("{head}\"Dan Fox\",Teacher,01/03/2025\nEve Gold,Teacher,01/03/2025\n")),
        ("variant.csv", "Name,Role,Date completed\n\"Amy Lee,Teacher,01/03/2025\nDan Fox,\"Teacher\",01/03/2025\nEve Gold,Teacher,01/03/2025\n".to_string()),
    ];
    for (name, text) in cases {
        std::fs::write(tmp.path().join(name), text).expect("write");
        let (_, stderr) = import(tmp.path(), "training", name, 2);
        assert!(
            stderr.contains("line 2: a cell starts with a quote"),
            "{name}: {stderr}"
        );
    }
    // A notes cell over two lines, with a comma in it, is still one cell.
    std::fs::write(
        tmp.path().join("notes.csv"),
        "Name,Role,Date completed,Notes\nAmy Lee,Teacher,01/03/2025,\"Refresher booked.\nSee HR, May\"\nBen Hart,Teacher,01/03/2025,\n",
    )
    .expect("write");
    let (stdout, _) = import(tmp.path(), "training", "notes.csv", 0);
    assert!(stdout.contains("2 read, 2 used"), "{stdout}");
}

/// Writes `text` as `name` in `dir`.
fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

#[test]
fn training_dates_under_the_headings_schools_use_are_read() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    for heading in [
        "Course date",
        "Last trained",
        "Date of course",
        "Session date",
        "Date Completed (dd/mm/yy)",
        "When",
    ] {
        write(
            tmp.path(),
            "t.csv",
            &format!(
                "Name,Role,{heading}\nAmy Lee,Teacher,01/03/2025\nBen Hart,Teacher,01/03/2025\n"
            ),
        );
        let (stdout, stderr) = import(tmp.path(), "training", "t.csv", 0);
        assert!(
            stdout.contains(&format!("{heading} → date")),
            "{heading}: {stdout}"
        );
        assert!(
            stdout.contains("staff 2 of 2 trained (100%)"),
            "{heading}: {stdout}"
        );
        assert!(
            !stderr.contains("column-not-recognised"),
            "{heading}: {stderr}"
        );
    }
}

#[test]
fn training_without_a_date_column_is_not_recorded_rather_than_untrained() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    write(
        tmp.path(),
        "undated.csv",
        "Name,Role,Course notes\nAmy Lee,Teacher,01/03/2025\nBen Hart,Teacher,01/03/2025\n",
    );
    let (stdout, stderr) = import(tmp.path(), "training", "undated.csv", 0);
    assert!(
        stdout.contains("staff 2 listed, dates not recorded"),
        "{stdout}"
    );
    assert!(!stdout.contains("0 of 2"), "{stdout}");
    assert!(
        stderr.contains("undated.csv: warning[column-not-recognised]: no column of training dates was recognised (columns not used: Course notes)"),
        "{stderr}"
    );
    assert!(stderr.contains("[evidence.columns]"), "{stderr}");

    // In a review, the training checks are "evidence needed", naming the file.
    let dir = tmp.path().join("review");
    std::fs::create_dir(&dir).expect("review folder");
    crate::init_review(&dir, &[]).success();
    std::fs::copy(
        tmp.path().join("undated.csv"),
        dir.join("evidence/undated.csv"),
    )
    .expect("copy");
    crate::set_sources(
        &dir,
        "[[evidence]]\nkind = \"training\"\npath = \"evidence/undated.csv\"\n",
    );
    crate::filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("B2.1", 2, "Training is kept up to date.", "policy.pdf")],
    );
    let out = selfreview()
        .arg("-C")
        .arg(&dir)
        .args(["--json", "score"])
        .assert()
        .get_output()
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let b21 = crate::aspect_json(&doc, "B2.1");
    let statuses: Vec<&str> = b21["evidence_checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| c["status"].as_str().expect("status"))
        .collect();
    assert!(!statuses.is_empty());
    assert!(
        statuses.iter().all(|s| *s == "evidence-needed"),
        "{statuses:?}"
    );
    let detail = b21["evidence_checks"][0]["detail"]
        .as_str()
        .expect("detail");
    assert!(
        detail.contains("undated.csv has no column of training dates"),
        "{detail}"
    );
    selfreview()
        .arg("-C")
        .arg(&dir)
        .arg("report")
        .assert()
        .success();
    let governors = std::fs::read_to_string(dir.join("out/governors.html")).expect("governors");
    assert!(
        governors.contains(
            "The training records give no dates for staff, so who is trained is not known."
        ),
        "{governors}"
    );
    assert!(!governors.contains("0% (0 of 2)"), "{governors}");
}

#[test]
fn an_incident_log_without_an_action_column_is_not_recorded_rather_than_none() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    write(
        tmp.path(),
        "follow.csv",
        "Date,Category,Follow up,Status\n01/03/2025,Cyberbullying,Spoke to parents,Closed\n",
    );
    let (stdout, stderr) = import(tmp.path(), "incidents", "follow.csv", 0);
    assert!(stdout.contains("Follow up → action"), "{stdout}");
    assert!(
        stdout.contains("with the action taken recorded: 100%, closed: 100%"),
        "{stdout}"
    );
    assert!(!stderr.contains("column-not-recognised"), "{stderr}");
    for heading in ["What was done", "Next steps"] {
        write(
            tmp.path(),
            "other.csv",
            &format!("Date,Category,{heading}\n01/03/2025,Cyberbullying,Talked to class\n"),
        );
        let (stdout, _) = import(tmp.path(), "incidents", "other.csv", 0);
        assert!(stdout.contains(&format!("{heading} → action")), "{stdout}");
    }
    write(
        tmp.path(),
        "bare.csv",
        "Date,Category\n01/03/2025,Cyberbullying\n",
    );
    let (stdout, stderr) = import(tmp.path(), "incidents", "bare.csv", 0);
    assert!(
        stdout.contains("with the action taken recorded: not recorded, closed: not recorded"),
        "{stdout}"
    );
    assert!(
        stderr.contains("bare.csv: warning[column-not-recognised]: no column for the action taken was recognised"),
        "{stderr}"
    );
}

#[test]
fn records_all_dated_after_the_review_date_are_named() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    write(
        tmp.path(),
        "later.csv",
        "Name,Role,Date completed\nAmy Lee,Teacher,03/01/2026\nBen Hart,Teacher,01/10/2026\n",
    );
    let (_, stderr) = import(tmp.path(), "training", "later.csv", 0);
    assert!(
        stderr.contains("later.csv: warning[records-postdate-review]: every record is dated after the review date (from 03/01/2026 to 01/10/2026)"),
        "{stderr}"
    );
}

#[test]
fn sextortion_counts_as_online_safety_and_online_attendance_does_not() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    write(
        tmp.path(),
        "log.csv",
        "Date,Category,Action taken,Status\n\
         01/03/2025,Sextortion,Police informed,Closed\n\
         02/03/2025,Sexual extortion,Police informed,Closed\n\
         03/03/2025,Not online safety,Spoke to parents,Closed\n\
         04/03/2025,Online attendance,Letter home,Closed\n\
         05/03/2025,Attendance (online lessons),Letter home,Closed\n",
    );
    let out = selfreview()
        .current_dir(tmp.path())
        .args([
            "--json",
            "import",
            "--as-of",
            "2025-11-20",
            "--kind",
            "incidents",
            "log.csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let i = &doc["metrics"]["incidents"];
    assert_eq!(i["count"], 2, "{i}");
    assert_eq!(
        i["by_category"],
        serde_json::json!([{"category": "Sharing nudes", "count": 2}])
    );
    let left_out = &doc["sources"][0]["left_out_categories"];
    for c in [
        "Not online safety",
        "Online attendance",
        "Attendance (online lessons)",
    ] {
        assert_eq!(left_out[c], 1, "{c} in {left_out}");
    }
}

#[test]
fn a_folder_given_to_import_is_said_to_be_a_folder() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir(tmp.path().join("evidence")).expect("folder");
    let (_, stderr) = import(tmp.path(), "training", "evidence", 2);
    assert!(
        stderr.contains("cannot import evidence: it is a folder, not a file"),
        "{stderr}"
    );
}

#[test]
fn training_notes_say_why_each_person_counts_as_not_trained_and_only_then() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    write(
        tmp.path(),
        "notes.csv",
        "Name,Role,Date completed\n\
         Amy Lee,Teacher,31/02/2025\n\
         Amy Lee,Teacher,01/03/2025\n\
         Ben Hart,Teacher,\n\
         Cat Doe,Teacher,01/03/2026\n\
         Dan Fox,Teacher,next week\n",
    );
    let (stdout, _) = import(tmp.path(), "training", "notes.csv", 0);
    for note in [
        "note row 2, column C: Amy Lee: `31/02/2025` is not a real date; another row gives their date, which is used",
        "note row 4, column C: Ben Hart: no date; counted as not trained",
        "note row 5, column C: Cat Doe: dated 01/03/2026, after the review date; counted as not trained",
        "note row 6, column C: Dan Fox: `next week` is not a date; counted as not trained",
    ] {
        assert!(stdout.contains(note), "{note}\n{stdout}");
    }
    assert!(
        !stdout.contains("Amy Lee: `31/02/2025` is not a real date; counted"),
        "{stdout}"
    );
    assert!(stdout.contains("staff 1 of 4 trained (25%)"), "{stdout}");
}

#[test]
fn unicode_text_saved_by_excel_is_read() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let text = "Name\tRole\tDate completed\r\nZoë Ødegaard\tTeacher\t01/03/2025\r\nBen Hart\tTA\t02/03/2025\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(tmp.path().join("unicode.csv"), bytes).expect("write");
    let (stdout, _) = import(tmp.path(), "training", "unicode.csv", 0);
    assert!(stdout.contains("2 read, 2 used"), "{stdout}");
    assert!(stdout.contains("staff 2 of 2 trained (100%)"), "{stdout}");
}

#[test]
fn the_action_check_of_a_log_without_an_action_column_is_evidence_needed() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    crate::init_review(dir, &[]).success();
    write(
        &dir.join("evidence"),
        "log.csv",
        "Date,Category\n01/03/2026,Cyberbullying\n02/04/2026,Gaming\n",
    );
    crate::set_sources(
        dir,
        "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/log.csv\"\n",
    );
    crate::filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[(
            "A2.3",
            2,
            "Incidents are logged and acted on.",
            "policy.pdf",
        )],
    );
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert()
        .get_output()
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let a23 = crate::aspect_json(&doc, "A2.3");
    let action: Vec<&serde_json::Value> = a23["evidence_checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["metric"] == "incidents.actioned-share")
        .collect();
    assert!(!action.is_empty(), "{a23}");
    for c in action {
        assert_eq!(c["status"], "evidence-needed", "{c}");
        assert!(
            c["detail"]
                .as_str()
                .is_some_and(|d| d.contains("evidence/log.csv has no column for the action taken")),
            "{c}"
        );
    }
    let found: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(found.contains(&"column-not-recognised"), "{found:?}");
}
