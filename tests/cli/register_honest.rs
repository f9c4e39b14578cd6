//! The agreements, surveys and parent engagement registers count only what their rows
//! justify, as a school's real registers are typed: words in a Signed column that are no
//! signature, adult groups beside year groups, one class recounted under four spellings,
//! surveys of a year's parents, sessions that never ran, rows dated after the review date
//! and figures typed wrongly. Each through the binary, as `import` shows it and as
//! `--json` gives it.

use std::path::Path;

use serde_json::Value;

use crate::{says, selfreview};

/// `import --kind KIND FILE --as-of 2026-11-01` on `csv` written as `name`: the text
/// shown (standard output and error together) and the JSON.
fn import(dir: &Path, kind: &str, name: &str, csv: &str) -> (String, Value) {
    let file = dir.join(name);
    std::fs::write(&file, csv).expect("write the register");
    let run = |json: bool| {
        let mut cmd = selfreview();
        if json {
            cmd.arg("--json");
        }
        let out = cmd
            .args(["import", "--as-of", "2026-11-01", "--kind", kind])
            .arg(&file)
            .output()
            .expect("runs");
        assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
        out
    };
    let text = run(false);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&text.stdout),
        String::from_utf8_lossy(&text.stderr)
    );
    let json = serde_json::from_slice(&run(true).stdout).expect("JSON");
    (text, json)
}

/// Each agreements group's (group, signed, of) as `--json` gives it.
fn shares(doc: &Value) -> Vec<(String, u64, u64)> {
    doc["metrics"]["agreements"]
        .as_array()
        .map(|groups| {
            groups
                .iter()
                .map(|g| {
                    (
                        g["group"].as_str().expect("group").to_string(),
                        g["signed"].as_u64().expect("signed"),
                        g["of"].as_u64().expect("of"),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_pupil_whose_form_was_refused_lost_or_sent_home_stays_in_the_class_as_not_signed() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let mut csv = String::from("Name,Group,Signed,Date signed\n");
    for (i, first) in ["Ava", "Ben", "Cara", "Dev", "Eli", "Fay"]
        .iter()
        .enumerate()
    {
        csv.push_str(&format!("{first} Testname,Year 6,Y,0{}/09/2026\n", i + 1));
    }
    for (first, mark) in [
        ("Gus", "Refused"),
        ("Hana", "Absent"),
        ("Ivo", "Sent home"),
        ("Jude", "Lost form"),
        ("Kit", "parent to sign"),
    ] {
        csv.push_str(&format!("{first} Testname,Year 6,{mark},\n"));
    }
    csv.push_str("Mr Lowe,Class teachers,Y,02/09/2026\n");
    let (text, doc) = import(tmp.path(), "agreements", "aua.csv", &csv);
    assert_eq!(
        shares(&doc),
        [("pupils".to_string(), 6, 11), ("staff".to_string(), 1, 1)]
    );
    says(
        &text,
        &[
            "12 used (5 with a note below), 0 skipped",
            // A refusal is read as one, without repeating the pupil's cell.
            "note row 8, column C: the Signed column says it was refused, declined or not returned; counted as not signed",
            "note row 9, column C: the cell is neither a count nor a yes/no mark; counted as not signed",
            "pupils 6 of 11 (54%)",
        ],
    );
    // The pupils' words are never repeated back.
    assert!(!text.contains("Refused") && !text.contains("Gus"), "{text}");
}

#[test]
fn adult_groups_are_placed_as_adults_and_a_group_that_cannot_be_placed_is_named() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let csv = "Group,Signed,Out of,Date counted\n\
               Year 1,29,34,18/09/2026\n\
               Y2,30,33,18/09/2026\n\
               6B,20,30,18/09/2026\n\
               Class teachers,12,12,02/09/2026\n\
               PGCE students,2,2,02/09/2026\n\
               Kitchen,4,4,02/09/2026\n\
               Sports coaches,3,3,02/09/2026\n\
               Local governing body,10,10,12/10/2026\n\
               Year 6 parents,40,60,12/10/2026\n\
               Oak,30,30,18/09/2026\n\
               Blue team,5,5,18/09/2026\n";
    let (text, doc) = import(tmp.path(), "agreements", "aua.csv", csv);
    assert_eq!(
        shares(&doc),
        [
            ("governors".to_string(), 10, 10),
            ("parents".to_string(), 40, 60),
            ("pupils".to_string(), 79, 97),
            ("staff".to_string(), 21, 21),
        ]
    );
    says(
        &text,
        &[
            "warning[agreement-group-unplaced]",
            "are not counted as anyone: the group on row 11; the group on row 12 (a group's name is not repeated",
            "[evidence.roles]",
            "skipped row 11, column A: the group is not one selfreview can place",
        ],
    );
}

#[test]
fn one_class_recounted_under_other_spellings_is_one_class_at_its_latest_count() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let csv = "Class,Returned,Number on roll,Date counted\n\
               Year 3,10,30,05/09/2026\n\
               Y3,28,30,30/09/2026\n\
               Yr 3,29,30,10/10/2026\n\
               year three,30,30,12/10/2026\n\
               Staff,10,20,05/09/2026\n\
               All staff,20,20,01/10/2026\n";
    let (text, doc) = import(tmp.path(), "agreements", "aua.csv", csv);
    assert_eq!(
        shares(&doc),
        [
            ("pupils".to_string(), 30, 30),
            ("staff".to_string(), 20, 20)
        ]
    );
    says(
        &text,
        &[
            "skipped row 2, column B: an earlier count of the same group than row 3: replaced by it",
            "skipped row 3, column B: an earlier count of the same group than row 4",
            "skipped row 4, column B: an earlier count of the same group than row 5",
            "skipped row 6, column B: an earlier count of the same group than row 7",
        ],
    );
}

#[test]
fn two_counts_of_one_class_on_one_day_take_the_lower_and_warn_naming_both_rows() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let csv = "Group,Signed,Out of,Date\n\
               Year 1,28,30,05/09/2026\n\
               Y1,10,30,05/09/2026\n\
               Year 2,25,30,05/09/2026\n\
               Year 2,25,30,05/09/2026\n";
    let (text, doc) = import(tmp.path(), "agreements", "aua.csv", csv);
    assert_eq!(shares(&doc), [("pupils".to_string(), 35, 60)]);
    says(
        &text,
        &[
            "warning[agreement-counts-conflict]",
            "different counts of the same group on the same day (rows 2 and 3)",
            "skipped row 5, column B: the same count as row 4: taken once",
        ],
    );
}

#[test]
fn rows_dated_after_the_review_date_are_skipped_and_move_no_share() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (text, doc) = import(
        tmp.path(),
        "agreements",
        "counts.csv",
        "Group,Signed,Out of,Date\nStaff,20,20,15/11/2026\nYear 1,28,30,05/09/2026\n",
    );
    assert_eq!(shares(&doc), [("pupils".to_string(), 28, 30)]);
    says(
        &text,
        &[
            "skipped row 2, column D: dated 15/11/2026, after the review date (01/11/2026): not counted",
        ],
    );
    let (text, doc) = import(
        tmp.path(),
        "agreements",
        "people.csv",
        "Name,Group,Signed,Date signed\nJo Jam,Teacher,Y,05/09/2027\nMo Ma,Teacher,Y,15/09/2026\n",
    );
    assert_eq!(shares(&doc), [("staff".to_string(), 1, 1)]);
    says(
        &text,
        &["skipped row 2, column D: dated 05/09/2027, after the review date"],
    );
    let (text, doc) = import(
        tmp.path(),
        "surveys",
        "surveys.csv",
        "Survey,Who was asked,Date,Responses\nPupil survey,Pupils,20/11/2026,50\nPupil survey,Pupils,05/10/2026,30\n",
    );
    assert_eq!(doc["metrics"]["surveys"][0]["count"], 1);
    assert_eq!(doc["metrics"]["surveys"][0]["responses"], 30);
    says(
        &text,
        &["skipped row 2, column C: dated 20/11/2026, after the review date"],
    );
}

#[test]
fn a_survey_of_parents_or_staff_of_a_year_is_not_a_survey_of_learners() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let csv = "Survey,Who was asked,Date,Responses\n\
               Parent online safety survey,Y6 parents,05/10/2026,40\n\
               Survey,Reception parents,06/10/2026,20\n\
               Survey,KS2 carers,07/10/2026,30\n\
               Staff survey,Year 6 teachers,08/10/2026,3\n\
               Survey,Year 6 mums and dads,09/10/2026,12\n\
               Survey,Year 5,10/10/2026,28\n\
               Survey,n/a,11/10/2026,10\n\
               Survey,-,12/10/2026,5\n";
    let (text, doc) = import(tmp.path(), "surveys", "surveys.csv", csv);
    says(
        &text,
        &[
            "surveys (12 months): learners 1 (28 responses), parents 4 (102 responses), staff 1 (3 responses), not known 2 (15 responses)",
            "note row 8, column B: who was asked `n/a` taken as not known",
        ],
    );
    let groups: Vec<&str> = doc["metrics"]["surveys"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["group"].as_str().expect("group"))
        .collect();
    assert!(!groups.contains(&"dads") && !groups.contains(&"n a") && !groups.contains(&""));
}

#[test]
fn only_online_safety_sessions_that_happened_count_and_each_other_row_says_why() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let csv = "Date,Type,What,Parents attending\n\
               12/11/2025,Workshop,Online safety workshop for parents,nobody\n\
               20/11/2025,Workshop,Gaming safety workshop for parents,no-one came\n\
               20/10/2026,Workshop,Online safety workshop (planned),\n\
               21/10/2026,Workshop,Provisional - online safety evening,\n\
               24/10/2026,Workshop,Online safety workshop - moved to spring,\n\
               25/10/2026,Workshop,Online safety workshop - not enough sign-ups,\n\
               05/10/2026,1:1 meeting,Meeting with Y6 parent about an incident,1\n\
               06/10/2026,Survey,Parent questionnaire,\n\
               07/07/2026,Sports day,Sports day,\n\
               10/12/2025,Nativity,Nativity play,\n\
               12/02/2026,Workshop,Screen time talk,14\n\
               10/03/2026,Letter,Letter re TikTok safety,\n";
    let (text, doc) = import(tmp.path(), "engagement", "eng.csv", csv);
    let g = &doc["metrics"]["engagement"];
    assert_eq!(
        (g["sessions"].as_u64(), g["unattended"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(g["communications"], 1);
    says(
        &text,
        &[
            "skipped row 4, column C: What says \"planned\": it has not taken place",
            "skipped row 7, column C: What says \"not enough\": it has not taken place",
            "skipped row 8, column B: a meeting with one parent or family is not a session for parents",
            "skipped row 10, column C: its type and title do not say it is about online safety",
            "note row 2, column D: attended by nobody",
            "1 session, attended by 14 parents and carers; 2 sessions attended by nobody not counted, 1 communication",
        ],
    );
}

#[test]
fn impossible_head_counts_are_noted_at_their_cell_and_not_used() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let (text, doc) = import(
        tmp.path(),
        "engagement",
        "eng.csv",
        "Date,Type,What,Parents attending\n05/10/2026,Workshop,Online safety evening,99999999999\n",
    );
    says(
        &text,
        &[
            "note row 2, column D: attendance `99999999999` is more people than a school has",
            "1 session, attendance not known",
        ],
    );
    assert_eq!(doc["metrics"]["engagement"]["attendance_not_known"], 1);
    let (text, _) = import(
        tmp.path(),
        "surveys",
        "surv.csv",
        "Survey,Who was asked,Date,Responses\nPupil survey,Pupils,05/10/2026,\"99,999,999,999\"\n",
    );
    says(&text, &["learners 1 (responses not known)"]);
    let (text, doc) = import(
        tmp.path(),
        "agreements",
        "agr.csv",
        "Group,Signed,Out of,Date\nStaff,5,2958466,05/09/2026\nYear 1,20,30,05/09/2026\n",
    );
    assert_eq!(shares(&doc), [("pupils".to_string(), 20, 30)]);
    says(
        &text,
        &["skipped row 2, column C: the cell is more people than a school has, so it is not used"],
    );
}
