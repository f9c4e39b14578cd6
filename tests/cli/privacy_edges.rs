//! The less obvious routes for a child's name, and the false alarms that would make a school
//! give up on the guard: each found by trying to break it.

use std::path::Path;

use crate::privacy::{CLEAN, ZIP, outputs, refused, review, run, workbook};
use crate::{AspectRow, scoring_workbook, set_checked_by_hand, set_sources};

const LOG: &str = "Date,Category,Pupil\n01/10/2026,Gaming,Alfie Brooks\n";

fn no_name_anywhere(dir: &Path, printed: &str, secrets: &[&str]) {
    for s in secrets {
        assert!(!printed.contains(s), "`{s}` printed:\n{printed}");
        for (path, text) in outputs(dir) {
            assert!(!text.contains(s), "`{s}` in {}", path.display());
        }
    }
}

#[test]
fn a_name_in_a_level_cell_or_a_workbook_file_name_is_never_repeated() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    let row = AspectRow {
        code: "A1.1",
        level: 2,
        commentary: CLEAN,
        level_text: "Alfie Brooks",
        ..AspectRow::default()
    };
    scoring_workbook(&dir.join("scores/osl.xlsx"), "Online Safety Lead", &[row]);
    std::fs::copy(
        dir.join("scores/osl.xlsx"),
        dir.join("scores/Alfie Brooks notes.xlsx"),
    )
    .expect("copy");
    let mut printed = String::new();
    for args in [&["score"][..], &["score", "--json"], &["report"], &["pack"]] {
        let (_, stdout, stderr) = run(dir, args);
        printed.push_str(&stdout);
        printed.push_str(&stderr);
    }
    assert!(printed.contains("invalid-level"), "{printed}");
    no_name_anywhere(dir, &printed, &["Alfie", "Brooks"]);
    // The pack may be written (the name is in no file it holds); read back, it holds none.
    if dir.join(ZIP).exists() {
        let mut zip =
            zip::ZipArchive::new(std::fs::File::open(dir.join(ZIP)).expect("pack")).expect("a zip");
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).expect("entry");
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut entry, &mut text);
            assert!(
                !text.contains("Alfie") && !text.contains("Brooks"),
                "{}",
                entry.name().unwrap_or_default()
            );
        }
    }
}

#[test]
fn a_level_cell_with_a_name_beside_the_level_is_no_level_and_names_a_pupil() {
    for typed in [
        "2 (Alfie Brooks)",
        "2 Alfie Brooks",
        "2 - Alfie Brooks",
        "Alfie Brooks",
    ] {
        let tmp = review(LOG, None);
        let dir = tmp.path();
        let row = AspectRow {
            code: "A1.1",
            level: 2,
            commentary: CLEAN,
            level_text: typed,
            ..AspectRow::default()
        };
        scoring_workbook(&dir.join("scores/osl.xlsx"), "Online Safety Lead", &[row]);
        let (code, stdout, stderr) = run(dir, &["score"]);
        let printed = format!("{stdout}{stderr}");
        assert_eq!(code, 1, "{typed}: {printed}");
        assert!(
            printed.contains("invalid-level") && printed.contains("private-name-in-workbook"),
            "{typed}: {printed}"
        );
        no_name_anywhere(dir, &printed, &["Alfie", "Brooks"]);
        let (_, stdout, stderr) = run(dir, &["pack"]);
        assert!(!dir.join(ZIP).exists(), "{typed}: {stdout}{stderr}");
    }
}

#[test]
fn a_cited_file_named_after_a_child_is_refused_not_called_missing() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::write(dir.join("evidence/Alfie Brooks.txt"), "a note").expect("write");
    workbook(dir, &[("A1.1", CLEAN, "Alfie Brooks.txt", "", "")]);
    let stderr = refused(dir, "private-name-in-pack", &["Alfie", "Brooks"]);
    assert!(!stderr.contains("missing-evidence"), "{stderr}");
}

#[test]
fn nothing_carrying_commentary_is_written_while_a_source_of_names_is_unread() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::write(dir.join("evidence/pupils.xlsx"), b"PK\x03\x04 damaged").expect("write");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.xlsx\"\n",
    );
    workbook(dir, &[("A1.1", "Tobias Wainwright raised it.", "", "", "")]);
    for args in [&["score"][..], &["score", "--json"], &["report"]] {
        let (status, stdout, stderr) = run(dir, args);
        assert_eq!(status, 2, "{args:?}: {stderr}");
        // The notice naming the list is on standard error, or is the JSON document.
        let told = if args.contains(&"--json") {
            &stdout
        } else {
            &stderr
        };
        assert!(told.contains("evidence/pupils.xlsx"), "{args:?}: {told}");
        assert!(
            !stdout.contains("Tobias") && !stderr.contains("Tobias"),
            "{stdout}"
        );
    }
    assert!(
        outputs(dir).is_empty(),
        "nothing written to out/ or history/"
    );
    refused(dir, "names-unreadable", &[]);
}

#[test]
fn a_pupil_list_with_headings_and_no_pupils_refuses_the_pack() {
    let tmp = review(LOG, Some("Forename,Surname\n"));
    let stderr = refused(tmp.path(), "names-unreadable", &[]);
    assert!(stderr.contains("evidence/pupils.csv"), "{stderr}");
}

#[test]
fn every_sheet_of_a_pupil_list_is_read() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (sheet, pupil) in [
        ("Year 5", ["Maisie", "Hartley"]),
        ("Year 6", ["Oskar", "Lindqvist"]),
    ] {
        let ws = wb.add_worksheet().set_name(sheet).expect("name");
        ws.write(0, 0, "Forename").expect("write");
        ws.write(0, 1, "Surname").expect("write");
        ws.write(1, 0, pupil[0]).expect("write");
        ws.write(1, 1, pupil[1]).expect("write");
    }
    wb.save(dir.join("evidence/pupils.xlsx")).expect("save");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.xlsx\"\n",
    );
    workbook(
        dir,
        &[("A1.1", "Oskar Lindqvist spoke to the group.", "", "", "")],
    );
    refused(dir, "private-name-in-workbook", &["Oskar", "Lindqvist"]);
}

#[test]
fn people_are_learnt_under_the_headings_hand_made_logs_use() {
    for heading in [
        "Bully",
        "Accused",
        "Concern raised about",
        "Reported about",
        "Record for",
        "Name / class",
        "Subject of concern",
        "Complainant",
    ] {
        let tmp = review(
            &format!("Date,Category,{heading}\n01/10/2026,Gaming,Felicity Dunmore\n"),
            None,
        );
        workbook(
            tmp.path(),
            &[("A1.1", "Felicity Dunmore was supported.", "", "", "")],
        );
        refused(
            tmp.path(),
            "private-name-in-workbook",
            &["Felicity", "Dunmore"],
        );
    }
}

#[test]
fn a_checked_photo_is_still_searched_for_hidden_details_and_folders_can_be_checked() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("evidence/photos")).expect("mkdir");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(b"\0\0\0\x10tEXtTitle\0Alfie Brooks");
    std::fs::write(dir.join("evidence/photos/display.png"), &png).expect("write");
    std::fs::write(
        dir.join("evidence/photos/hall.png"),
        b"\x89PNG\r\n\x1a\n\0\0",
    )
    .expect("write");
    set_checked_by_hand(dir, &["photos"]);
    workbook(dir, &[("A1.1", CLEAN, "photos/hall.png", "", "")]);
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 0, "a checked folder covers its files: {stderr}");
    std::fs::remove_file(dir.join(ZIP)).expect("remove");
    workbook(dir, &[("A1.1", CLEAN, "photos/display.png", "", "")]);
    let stderr = refused(dir, "private-name-in-pack", &["Alfie"]);
    assert!(stderr.contains("hidden details"), "{stderr}");
}

#[test]
fn everyday_words_and_placeholders_raise_no_false_alarm() {
    let log = "Date,Category,Pupil\n01/10/2026,Gaming,Digital leaders\n02/10/2026,Gaming,Whole school\n03/10/2026,Gaming,See notes\n";
    let pupils = "Forename,Surname\nAmber,Green\nMay,Do\nWill,Brown\nChloe,\n";
    let tmp = review(log, Some(pupils));
    let dir = tmp.path();
    let text = format!(
        "{CLEAN} The digital leaders rate each strand red, amber, green; pupils may do the survey and staff will do the rest, with notes for the whole school."
    );
    workbook(dir, &[("A1.1", &text, "", "", "")]);
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 0, "{stderr}");
    std::fs::remove_file(dir.join(ZIP)).expect("remove");
    workbook(
        dir,
        &[("A1.1", "Amber Green and Will Brown led it.", "", "", "")],
    );
    refused(dir, "private-name-in-workbook", &["Amber Green"]);
}

#[test]
fn pupil_lists_under_any_name_headings_are_read() {
    for heading in [
        "Student Full Name",
        "Pupil Surname,Pupil Forename",
        "Child's first name,Child's surname",
    ] {
        let row = if heading.contains(',') {
            if heading.starts_with("Pupil Surname") {
                "Lindqvist,Oskar"
            } else {
                "Oskar,Lindqvist"
            }
        } else {
            "Oskar Lindqvist"
        };
        let tmp = review(LOG, Some(&format!("{heading}\n{row}\n")));
        workbook(
            tmp.path(),
            &[("A1.1", "Oskar Lindqvist spoke.", "", "", "")],
        );
        refused(
            tmp.path(),
            "private-name-in-workbook",
            &["Oskar", "Lindqvist"],
        );
    }
}

#[test]
fn adults_agencies_dates_and_lowercase_words_raise_no_alarm() {
    let log = "Date,Category,Pupil,Agencies involved,Others involved\n01/10/2026,Gaming,Alfie Brooks,CEOP,PC Jones\n02/10/2026,Gaming,Pupil at St Mary's,NSPCC,Mrs Okafor (TA)\n";
    let pupils = "Forename,Surname\nMay,Hall\nApril,Green\nHarry,May\nSam,Will\n";
    let tmp = review(log, Some(pupils));
    let dir = tmp.path();
    let text = format!(
        "{CLEAN} Referrals to CEOP and the NSPCC were made with PC Jones and Mrs Okafor. Filtering test: Mr Hall, May 2027. Lead: Mrs Green\nApril 2027 review. Pupils at St Mary's joined us."
    );
    workbook(dir, &[("A1.1", &text, "", "", "")]);
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 0, "{stderr}");
}

#[test]
fn separators_quotes_and_links_do_not_hide_a_name() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    for (file, text) in [
        ("list.csv", "Forename;Surname\nAlfie;Brooks\n"),
        (
            "links.txt",
            "https://photos.example.org/search?q=Alfie+Brooks",
        ),
        ("nick.txt", "Alfie \"Alf\" Brooks came in."),
        ("mail.txt", "write to alfie.brooks@pupils.example.org"),
    ] {
        std::fs::write(dir.join("evidence").join(file), text).expect("write");
        workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
        refused(dir, "private-name-in-pack", &["Alfie", "Brooks"]);
        std::fs::remove_file(dir.join("evidence").join(file)).expect("remove");
    }
}

#[test]
fn import_takes_a_name_out_of_every_message_and_mapping() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::write(
        dir.join("evidence/training.csv"),
        "Name,Role,Date completed\nAmy Jones,Teacher,Alfie Brooks\n",
    )
    .expect("write");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/incidents.csv\"\n\n[[evidence]]\nkind = \"training\"\npath = \"evidence/training.csv\"\n[evidence.roles]\n\"Teacher\" = \"Alfie Brooks\"\n",
    );
    for args in [&["import"][..], &["import", "--json"]] {
        let (_, stdout, stderr) = run(dir, args);
        for s in ["Alfie", "alfie", "Brooks", "brooks"] {
            assert!(
                !stdout.contains(s) && !stderr.contains(s),
                "{s} in {args:?}:\n{stdout}{stderr}"
            );
        }
    }
}

/// Every pupil of the sample school's list, written all in lower case in a commentary, as
/// a text typed without capitals has them, refuses the pack.
#[test]
fn pupils_named_all_in_lower_case_refuse_the_pack() {
    let list = std::fs::read_to_string(crate::repo().join("samples/evidence/pupil-list.csv"))
        .expect("the sample pupil list");
    let pupils: Vec<(String, String)> = list
        .lines()
        .skip(1)
        .filter_map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            let fore = if cells.get(1).is_some_and(|p| !p.is_empty()) {
                cells[1]
            } else {
                cells.first()?
            };
            Some((fore.to_lowercase(), cells.get(2)?.to_lowercase()))
        })
        .collect();
    assert!(pupils.len() >= 10, "{pupils:?}");
    const EVERYDAY_ONLY: [&str; 1] = ["jack palmer"];
    let tmp = crate::privacy::review("Date,Category\n01/10/2026,Gaming\n", Some(&list));
    for (fore, sur) in &pupils {
        let commentary = format!("we thank {fore} {sur} for the poster.");
        crate::privacy::workbook(tmp.path(), &[("A1.1", &commentary, "", "", "")]);
        if EVERYDAY_ONLY.contains(&format!("{fore} {sur}").as_str()) {
            // Both parts are everyday words ("jack", "palmer"): still matched only written
            // as a name is, as "pupils may do the survey" is no alarm for May Do.
            continue;
        }
        let stderr = crate::privacy::refused(tmp.path(), "private-name-in-workbook", &[sur]);
        assert!(stderr.contains("A1.1"), "{fore} {sur}: {stderr}");
    }
}

/// A pupil's whole name typed in any mix of capitals and small letters, in either order,
/// across a line break or a non-breaking space, with any apostrophe, is taken out of every
/// report and refuses the pack, when one part of it is no everyday word.
#[test]
fn pupils_named_in_any_mix_of_cases_are_kept_out_of_reports_and_pack() {
    let pupils = "Forename,Surname\nGrace,Adeyemi\nHarry,May\nAoife,O'Brien\n";
    let tmp = review("Date,Category\n01/10/2026,Gaming\n", Some(pupils));
    let dir = tmp.path();
    for written in [
        "grace Adeyemi",
        "Grace ADEYEMI",
        "gRACE adeyemi",
        "Adeyemi, grace",
        "ADEYEMI Grace",
        "grace\nAdeyemi",
        "grace \u{a0} Adeyemi",
        "Harry may",
        "aoife O\u{2019}brien",
    ] {
        let commentary = format!("{CLEAN} We thank {written} for the poster.");
        workbook(dir, &[("A1.1", &commentary, "", "", "")]);
        let secrets = ["deyemi", "DEYEMI", "Harry", "brien"];
        let stderr = refused(dir, "private-name-in-workbook", &secrets);
        assert!(stderr.contains("A1.1"), "{written}: {stderr}");
        let (status, stdout, stderr) = run(dir, &["report"]);
        assert_eq!(status, 1, "{written}: {stderr}");
        no_name_anywhere(dir, &(stdout + &stderr), &secrets);
    }
    // A name made only of everyday words still needs its capitals.
    let pupils = "Forename,Surname\nMay,Do\n";
    let tmp = review("Date,Category\n01/10/2026,Gaming\n", Some(pupils));
    let commentary = format!("{CLEAN} Pupils May do the survey.");
    workbook(tmp.path(), &[("A1.1", &commentary, "", "", "")]);
    let (status, _, stderr) = run(tmp.path(), &["pack"]);
    assert_eq!(status, 0, "{stderr}");
}

/// A pupil's name under [sign-off], in any of its keys, is found by score, named by its key
/// and line, and taken out of what is written.
#[test]
fn a_pupil_named_in_any_sign_off_key_is_found_by_score() {
    let tmp = review("Date,Category,Pupil\n01/10/2026,Gaming,Jamie Fox\n", None);
    for key in ["headteacher", "chair-of-governors", "lead"] {
        let path = tmp.path().join("review.toml");
        let mut text = std::fs::read_to_string(&path).expect("toml");
        if let Some(at) = text.find("\n[sign-off]") {
            text.truncate(at);
        }
        text.push_str(&format!("\n[sign-off]\n{key} = \"jamie fox\"\n"));
        std::fs::write(&path, &text).expect("write");
        let line = text.lines().count();
        let (status, stdout, stderr) = run(tmp.path(), &["score"]);
        assert_eq!(status, 1, "{stderr}");
        assert!(
            stderr.contains(&format!("review.toml:{line}:"))
                && stderr.contains(&format!(
                    "error[private-name-in-sign-off]: [sign-off] {key} is a pupil's name"
                )),
            "{key}: {stderr}"
        );
        assert!(
            !stdout.contains("jamie") && !stderr.contains("jamie"),
            "{stderr}"
        );
    }
}

/// With no source of names, a pack holding only levels is made, as the warning says, and
/// any text the school typed (here only the names under [sign-off]) refuses it.
#[test]
fn with_no_source_of_names_only_a_pack_of_levels_alone_is_made() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    crate::init_review(dir, &[]).success();
    crate::privacy::run(dir, &["workbook", "--reviewer", "OSL"]);
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(
        stderr.contains("warning[no-source-of-names]")
            && stderr.contains("makes a pack of levels alone"),
        "{stderr}"
    );
    assert!(!stderr.contains("will be refused until"), "{stderr}");
    let path = dir.join("review.toml");
    let mut text = std::fs::read_to_string(&path).expect("toml");
    text.push_str("\n[sign-off]\nheadteacher = \"Mrs J. Hall\"\n");
    std::fs::write(&path, text).expect("write");
    std::fs::remove_dir_all(dir.join("out")).expect("out");
    refused(dir, "no-source-of-names", &[]);
}

#[test]
fn a_reviewer_named_like_a_pupil_gets_no_workbook_and_the_name_is_not_printed() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    let toml = std::fs::read_to_string(dir.join("review.toml")).expect("review.toml");
    let line = toml
        .lines()
        .position(|l| l.starts_with("reviewers"))
        .expect("a reviewers line");
    let toml: Vec<String> = toml
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == line {
                "reviewers = [\"Online Safety Lead\", \"Alfie Brooks\"]".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(dir.join("review.toml"), toml.join("\n") + "\n").expect("write");
    for args in [
        &["workbook"][..],
        &["workbook", "--reviewer", "alfie brooks"],
    ] {
        let (code, stdout, stderr) = run(dir, args);
        let printed = format!("{stdout}{stderr}");
        assert_eq!(code, 1, "{printed}");
        assert!(printed.contains("private-name-in-workbook"), "{printed}");
        no_name_anywhere(dir, &printed, &["Alfie", "alfie", "Brooks", "brooks"]);
        assert!(!dir.join("scores/alfie-brooks.xlsx").exists(), "{printed}");
    }
    let (_, _, stderr) = run(dir, &["workbook"]);
    assert!(
        stderr.contains(&format!("review.toml:{}", line + 1)),
        "{stderr}"
    );
}

#[test]
fn a_name_in_a_training_course_or_a_document_title_is_a_private_name_in_records_error() {
    let cases = [
        (
            "training",
            "Name,Role,Course,Date completed\nAmy Jones,Teacher,Course with Alfie Brooks,01/09/2026\n",
        ),
        (
            "documents",
            "Document,Last reviewed,Next review due\nPlan for Alfie Brooks,01/01/2026,01/01/2027\n",
        ),
    ];
    for (kind, csv) in cases {
        let tmp = review(LOG, None);
        let dir = tmp.path();
        std::fs::write(dir.join("evidence/records.csv"), csv).expect("write");
        set_sources(
            dir,
            &format!(
                "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/incidents.csv\"\n\n[[evidence]]\nkind = \"{kind}\"\npath = \"evidence/records.csv\"\n"
            ),
        );
        let (code, stdout, stderr) = run(dir, &["score"]);
        let printed = format!("{stdout}{stderr}");
        assert_eq!(code, 1, "{kind}: {printed}");
        assert!(
            printed
                .lines()
                .any(|l| l.starts_with("evidence/records.csv")
                    && l.contains("error[private-name-in-records]")),
            "{kind}: {printed}"
        );
        no_name_anywhere(dir, &printed, &["Alfie", "Brooks"]);
        refused(dir, "private-name-in-records", &["Alfie", "Brooks"]);
    }
    // A member of staff who shares a pupil's name is replaced, with no error.
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::write(
        dir.join("evidence/records.csv"),
        "Name,Role,Course,Date completed\nAlfie Brooks,Teacher,Safeguarding,01/09/2026\n",
    )
    .expect("write");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/incidents.csv\"\n\n[[evidence]]\nkind = \"training\"\npath = \"evidence/records.csv\"\n",
    );
    let (_, stdout, stderr) = run(dir, &["score"]);
    assert!(
        !stderr.contains("private-name-in-records"),
        "{stdout}{stderr}"
    );
}
