//! Children's names never leave: every route a name could take into the pack, the reports,
//! the history, `--json` or the terminal, each refused or replaced, and never printed.

use std::path::{Path, PathBuf};

use crate::{
    AspectRow, PRIVACY_CODES, fixtures, init_review, scoring_workbook, selfreview, set_sources,
};

pub const CLEAN: &str = "Roles are written into the policy and were explained to every group this term; the online safety lead meets the safeguarding lead each half term and keeps notes, and staff asked on a learning walk could describe their own part.";

pub const ZIP: &str = "out/hill-primary-evidence-2026-11-01.zip";

/// A review whose incident log is `incidents` (CSV text) and whose pupil list, if any, is
/// `pupils` (CSV text), with one clean workbook.
pub fn review(incidents: &str, pupils: Option<&str>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::write(dir.join("evidence/incidents.csv"), incidents).expect("write");
    let mut sources =
        "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/incidents.csv\"\n".to_string();
    if let Some(p) = pupils {
        std::fs::write(dir.join("evidence/pupils.csv"), p).expect("write");
        sources.push_str("\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.csv\"\n");
    }
    set_sources(dir, &sources);
    workbook(dir, &[("A1.1", CLEAN, "", "", "")]);
    tmp
}

/// Writes `scores/osl.xlsx`: rows of (code, commentary, evidence, planned actions, owner).
pub fn workbook(dir: &Path, rows: &[(&str, &str, &str, &str, &str)]) {
    let rows: Vec<AspectRow<'_>> = rows
        .iter()
        .map(|&(code, commentary, evidence, actions, owner)| AspectRow {
            code,
            level: 2,
            commentary,
            evidence,
            actions,
            owner,
            ..AspectRow::default()
        })
        .collect();
    std::fs::create_dir_all(dir.join("scores")).expect("scores");
    scoring_workbook(&dir.join("scores/osl.xlsx"), "Online Safety Lead", &rows);
}

pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Packs and expects a refusal with `code`, nothing written and no secret printed.
pub fn refused(dir: &Path, code: &str, secrets: &[&str]) -> String {
    let (status, stdout, stderr) = run(dir, &["pack"]);
    let cited = std::fs::read_dir(dir.join("evidence"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    assert_eq!(status, 1, "evidence {cited:?}: {stderr}");
    assert!(
        stderr.contains(&format!("error[{code}]")),
        "wanted {code}:\n{stderr}"
    );
    assert!(!dir.join(ZIP).exists(), "no pack is written");
    for s in secrets {
        assert!(
            !stdout.contains(s) && !stderr.contains(s),
            "`{s}` printed:\n{stderr}"
        );
    }
    stderr
}

/// Every text file the review wrote, read as a person would.
pub fn outputs(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for sub in ["out", "history"] {
        for e in std::fs::read_dir(dir.join(sub)).expect("folder").flatten() {
            let p = e.path();
            let bytes = std::fs::read(&p).expect("read");
            let text = if p.extension().is_some_and(|x| x == "xlsx") {
                let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("xlsx");
                let mut all = String::new();
                for i in 0..z.len() {
                    let mut part = z.by_index(i).expect("part");
                    let _ = std::io::Read::read_to_string(&mut part, &mut all);
                }
                all
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            found.push((p, text));
        }
    }
    found
}

#[test]
fn every_privacy_code_is_produced_here() {
    let source = [
        include_str!("privacy.rs"),
        include_str!("privacy_documents.rs"),
        include_str!("privacy_edges.rs"),
        include_str!("privacy_forms.rs"),
    ]
    .concat();
    for code in PRIVACY_CODES {
        assert!(
            source.contains(&format!("\"{}\"", code.as_str()))
                || source.contains(&format!("[{}]", code.as_str())),
            "{code} has no test"
        );
    }
}

#[test]
fn names_are_learnt_from_every_person_heading_and_several_to_a_cell() {
    for heading in [
        "Child's name",
        "Pupil(s) involved",
        "Name of pupil",
        "Pupils",
        "Victim",
        "Young person",
        "Name",
    ] {
        let log = format!(
            "Date,Category,{heading},Others involved\n01/10/2026,Cyberbullying,Ömer Yılmaz (Y6),Amy Lee and Ben Hart\n"
        );
        let tmp = review(&log, None);
        for commentary in [
            "We spoke with OMER YILMAZ about it.",
            "Hart, Ben was supported.",
            "amy Lee  was supported.",
        ] {
            workbook(tmp.path(), &[("A1.1", commentary, "", "", "")]);
            refused(
                tmp.path(),
                "private-name-in-workbook",
                &["Yılmaz", "YILMAZ", "Hart", "Lee"],
            );
        }
    }
}

#[test]
fn names_match_across_accents_case_order_and_line_breaks() {
    let log = "Date,Category,Pupil\n01/10/2026,Gaming,Zoë Ärnström / Łukasz Nowak\n02/10/2026,Gaming,\"Fox, Jamie\"\n";
    let tmp = review(log, None);
    for commentary in [
        "Zoe\u{308} A\u{308}rnstro\u{308}m reported it.",
        "NOWAK, Łukasz reported it.",
        "Lukasz\nNowak reported it.",
        "Arnstrom Zoe reported it.",
        "Jamie Fox reported it.",
    ] {
        workbook(tmp.path(), &[("A1.1", commentary, "", "", "")]);
        refused(
            tmp.path(),
            "private-name-in-workbook",
            &["rnstr", "Nowak", "NOWAK", "Fox"],
        );
    }
}

#[test]
fn a_pupil_list_protects_every_pupil_by_any_of_their_names() {
    let pupils = "Legal Forename,Preferred Forename,Legal Surname,Year\nOluwaseun,Seun,Okafor,Year 5\nGrace,,Adeyemi,Year 1\n";
    let tmp = review("Date,Category\n01/10/2026,Gaming\n", Some(pupils));
    for commentary in [
        "Seun Okafor spoke at assembly.",
        "Adeyemi, Grace led the digital leaders.",
    ] {
        workbook(tmp.path(), &[("A1.1", commentary, "", "", "")]);
        refused(
            tmp.path(),
            "private-name-in-workbook",
            &["Okafor", "Adeyemi"],
        );
    }
    // A name that is also a word needs both parts: "grace" alone is no alarm.
    workbook(
        tmp.path(),
        &[("A1.1", &format!("{CLEAN} We acted with grace."), "", "", "")],
    );
    let (status, _, stderr) = run(tmp.path(), &["pack"]);
    assert_eq!(status, 0, "{stderr}");
}

#[test]
fn a_pupil_list_in_a_spreadsheet_with_one_name_column_is_read() {
    let tmp = review("Date,Category\n01/10/2026,Gaming\n", None);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    sheet
        .write(0, 0, "Pupil export, Hill Primary")
        .expect("write");
    for (r, row) in [
        ["Name (Surname, Forename)", "Year"],
        ["O'NEILL, Siobhán", "2"],
        ["Patel, Amelia", "1"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            sheet.write(r as u32 + 2, c as u16, *v).expect("write");
        }
    }
    wb.save(tmp.path().join("evidence/pupils.xlsx"))
        .expect("save");
    set_sources(
        tmp.path(),
        "[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.xlsx\"\n",
    );
    let (status, stdout, _) = run(tmp.path(), &["import"]);
    assert_eq!(status, 0);
    assert!(
        !stdout.contains("Patel") && !stdout.contains("NEILL"),
        "{stdout}"
    );
    workbook(
        tmp.path(),
        &[("A1.1", "Siobhan O'Neill and amelia patel", "", "", "")],
    );
    refused(tmp.path(), "private-name-in-workbook", &["Patel", "Neill"]);
}

#[test]
fn an_unreadable_source_of_names_refuses_the_pack() {
    let tmp = review("Date,Category,Pupil\n01/10/2026,Gaming,Jamie Fox\n", None);
    let dir = tmp.path();
    let cases: [(&str, Option<Vec<u8>>); 3] = [
        ("missing", None),
        (
            "damaged",
            Some(b"PK\x03\x04 this is not a workbook".to_vec()),
        ),
        (
            "password",
            Some(
                std::fs::read(fixtures().join("evidence/password-protected.xlsx"))
                    .expect("fixture"),
            ),
        ),
    ];
    for (what, bytes) in cases {
        let path = dir.join("evidence/log.xlsx");
        let _ = std::fs::remove_file(&path);
        if let Some(b) = &bytes {
            std::fs::write(&path, b).expect("write");
        }
        set_sources(
            dir,
            "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/log.xlsx\"\n",
        );
        let stderr = refused(dir, "names-unreadable", &[]);
        assert!(stderr.contains("evidence/log.xlsx"), "{what}: {stderr}");
    }
}

#[test]
fn a_pack_with_no_source_of_names_is_refused() {
    let tmp = review("Date,Category\n01/10/2026,Gaming\n", None);
    let stderr = refused(tmp.path(), "no-source-of-names", &[]);
    assert!(stderr.contains("kind = \"pupils\""), "{stderr}");
}

#[test]
fn names_typed_into_workbooks_are_replaced_in_every_output() {
    let tmp = review("Date,Category,Pupil\n01/10/2026,Gaming,Jamie Fox\n", None);
    let dir = tmp.path();
    workbook(
        dir,
        &[
            ("A1.1", &format!("{CLEAN} Jamie Fox helped."), "", "", ""),
            (
                "A1.2",
                CLEAN,
                "",
                "Follow up with Fox, Jamie",
                "Jamie Fox's teacher",
            ),
        ],
    );
    let (status, stdout, stderr) = run(dir, &["score"]);
    assert_eq!(status, 1, "{stderr}");
    for cell in ["Scores!E2", "Scores!G3", "Scores!H3"] {
        assert!(
            stderr.contains(&format!("{cell}: error[private-name-in-workbook]")),
            "{cell}: {stderr}"
        );
    }
    let (json_status, json, _) = run(dir, &["score", "--json"]);
    assert_eq!(json_status, 1);
    let (report_status, _, _) = run(dir, &["report"]);
    assert_eq!(report_status, 1);
    let mut all = vec![
        (PathBuf::from("stdout"), stdout + &stderr),
        (PathBuf::from("json"), json.clone()),
    ];
    all.extend(outputs(dir));
    for (path, text) in &all {
        assert!(
            !text.contains("Jamie") && !text.contains("Fox"),
            "{} holds the name",
            path.display()
        );
    }
    assert!(json.contains("[name removed]"));
    let report = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(report.contains("[name removed]"));
}

#[test]
fn a_category_holding_a_name_is_withheld_from_reports() {
    let tmp = review(
        "Date,Category,Pupil\n01/10/2026,Jamie Fox,Jamie Fox\n",
        None,
    );
    let dir = tmp.path();
    let (status, _, stderr) = run(dir, &["report"]);
    assert_eq!(status, 1);
    assert!(
        stderr.contains("error[private-name-in-records]"),
        "{stderr}"
    );
    for (path, text) in outputs(dir) {
        assert!(!text.contains("Jamie"), "{}", path.display());
    }
    refused(dir, "private-name-in-records", &["Jamie"]);
}

#[test]
fn import_never_repeats_a_cell_of_records_that_name_children() {
    let log = "Incident log for Leo Brown's class\nDate,Category,Pupil,Details\nAva Singh,Gaming,Ava Singh,Jamie Fox was upset\n01/10/2026,Leo Brown,Leo Brown,ok\n";
    let pupils = "Forename,Surname\nAva,Singh\nLeo,Brown\n";
    let tmp = review(log, Some(pupils));
    for args in [&["import"][..], &["import", "--json"][..]] {
        let (status, stdout, stderr) = run(tmp.path(), args);
        // A pupil's name as a category is an error: the import is done, with problems.
        assert_eq!(status, 1, "{stderr}");
        for secret in ["Jamie", "Ava", "Singh", "Leo", "Brown", "upset"] {
            assert!(
                !stdout.contains(secret) && !stderr.contains(secret),
                "{secret} in {args:?}:\n{stdout}"
            );
        }
    }
}

#[test]
fn the_sample_schools_own_documents_raise_no_false_alarm() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .current_dir(tmp.path())
        .arg("demo")
        .assert()
        .success();
    let dir = tmp.path().join("selfreview-demo");
    let (status, _, stderr) = run(&dir, &["pack"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(!stderr.contains("error["), "{stderr}");
}

#[test]
fn a_log_with_no_heading_row_is_described_without_its_cells() {
    let tmp = review("Jamie Fox,Gaming,Y6\nAva Singh,Scam,Y5\n", None);
    let (status, stdout, stderr) = run(tmp.path(), &["import"]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("evidence/incidents.csv"), "{stderr}");
    assert!(
        !stderr.contains("Jamie") && !stdout.contains("Jamie"),
        "{stderr}"
    );
}
