//! The registers through the binary: a policy register, acceptable use agreement returns,
//! filtering checks, surveys and parent engagement, each in xlsx and another format, with
//! title rows, merged headings, dates typed several ways and footers; their templates from
//! `init`; and what `score`, `report` and the summary workbook then say.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::says;
use crate::{aspect_json, filled_workbook, fixtures, init_review, selfreview, set_sources};

/// `import --json --as-of 2026-12-01 --kind KIND FILE`: the JSON and the findings.
fn import(kind: &str, file: &str) -> (Value, String) {
    let out = selfreview()
        .current_dir(fixtures().join("evidence"))
        .args([
            "--json",
            "import",
            "--as-of",
            "2026-12-01",
            "--kind",
            kind,
            file,
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let doc = serde_json::from_slice(&out.stdout).expect("JSON");
    (doc, String::from_utf8(out.stderr).expect("utf-8"))
}

fn texts<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|x| x[key].as_str().unwrap_or(""))
        .collect()
}

fn mapped(source: &Value) -> Vec<(&str, &str)> {
    source["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| {
            (
                c["header"].as_str().expect("header"),
                c["field"].as_str().unwrap_or("-"),
            )
        })
        .collect()
}

#[test]
fn a_policy_register_under_a_merged_heading_reads_the_same_from_xlsx_and_ods() {
    for file in ["policy-register.xlsx", "policy-register.ods"] {
        let (doc, stderr) = import("documents", file);
        let source = &doc["sources"][0];
        assert_eq!(source["header_row"], 5, "{file}");
        assert_eq!(
            mapped(source),
            vec![
                ("Document", "document"),
                ("Owner", "owner"),
                ("Approved by", "approved-by"),
                ("Review Last", "last-reviewed"),
                ("Review Next due", "next-review"),
                ("Where kept", "kept"),
            ],
            "{file}"
        );
        assert_eq!(
            (source["rows_read"].as_u64(), source["rows_used"].as_u64()),
            (Some(8), Some(7))
        );
        assert_eq!(
            texts(&source["skipped"], "reason"),
            vec!["a note or footer row"]
        );
        assert_eq!(
            texts(&source["noted"], "reason"),
            vec![
                "Social media policy: last reviewed: `TBC` is not a date, so the register gives no last review date"
            ]
        );
        assert_eq!(texts(&source["noted"], "place"), vec!["Policies!D12"]);
        let documents = &doc["metrics"]["documents"]["documents"];
        assert_eq!(
            texts(documents, "standing"),
            vec![
                "overdue", "current", "stale", "due-soon", "current", "undated", "undated"
            ],
            "{file}"
        );
        assert_eq!(
            documents[1]["topics"],
            serde_json::json!(["online-safety-policy", "acceptable-use"])
        );
        assert_eq!(documents[3]["due"], "2027-02-01");
        // Dates typed as 10/11/2026, Sept 2027, a serial number and 1st February 2026.
        assert_eq!(documents[0]["due"], "2026-11-10");
        // "Sept 2027" is due by the end of September: the register's own date stands,
        // though a year after its review of 03/09/2026 comes first.
        assert_eq!(documents[1]["due"], "2027-09-30");
        assert_eq!(documents[1]["due_computed"], false);
        // With no next review date, the framework's 12 months after the last review.
        assert_eq!(documents[2]["due"], "2026-10-20");
        assert_eq!(documents[2]["due_computed"], true);
        assert_eq!(documents[2]["last_reviewed"], "2025-10-20");
        assert_eq!(documents[3]["last_reviewed"], "2026-02-01");
        assert!(
            stderr.contains(&format!(
                "{file}: Policies, row 6: warning[document-review-overdue]: “E-Safety Policy” was due for review on 10/11/2026, before the review date of 01/12/2026"
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!(
                "{file}: Policies, row 8: warning[document-review-stale]: “Filtering and monitoring review 2025” was last reviewed on 20/10/2025, more than 12 months before the review date of 01/12/2026"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn import_says_what_is_out_of_date_and_what_falls_due() {
    let out = selfreview()
        .current_dir(fixtures().join("evidence"))
        .args([
            "import",
            "--as-of",
            "2026-12-01",
            "--kind",
            "documents",
            "policy-register.xlsx",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    says(
        &text,
        &[
            "documents: 7 listed, 1 overdue, 1 reviewed too long ago, 1 due in the next 90 days, 2 with no last review date",
            "due soon: “Staff Code of Conduct” (by 01/02/2027)",
        ],
    );
}

#[test]
fn agreement_returns_are_counted_by_group() {
    let (doc, _) = import("agreements", "acceptable-use-agreements.xlsx");
    let source = &doc["sources"][0];
    assert_eq!(
        mapped(source),
        vec![
            ("Group", "group"),
            ("Agreements Returned", "signed"),
            ("Agreements Out of", "of"),
            ("Date counted", "date"),
        ]
    );
    let skipped = texts(&source["skipped"], "reason");
    assert_eq!(
        skipped,
        [
            "a count of who signed with no number in the group (Out of)",
            "a note or footer row"
        ]
    );
    // More signed than the group holds is no count: the group keeps its 30, none signed.
    let noted = texts(&source["noted"], "reason");
    assert!(
        noted.iter().any(|n| n.starts_with("40 signed out of 30")),
        "{noted:?}"
    );
    let groups = &doc["metrics"]["agreements"];
    assert_eq!(texts(groups, "group"), vec!["governors", "pupils", "staff"]);
    // Reception 25/30, Year 1 28/30, Y2 27/29, Year 3 30/30 and Year 4's return of July,
    // last school year: none of its 31 this year; and the 30 whose count (40) cannot be
    // right, kept with none signed.
    assert_eq!(
        (groups[1]["signed"].as_u64(), groups[1]["of"].as_u64()),
        (Some(110), Some(180))
    );
    assert_eq!(groups[1]["since"], "2026-09-01");
    assert_eq!(groups[2]["share"], 0.87);
}

#[test]
fn a_pupil_register_names_no_one_and_a_date_that_cannot_be_read_keeps_its_pupil() {
    let out = selfreview()
        .current_dir(fixtures().join("evidence"))
        .args([
            "import",
            "--as-of",
            "2026-12-01",
            "--kind",
            "agreements",
            "acceptable-use-agreements.csv",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let json = selfreview()
        .current_dir(fixtures().join("evidence"))
        .args([
            "--json",
            "import",
            "--as-of",
            "2026-12-01",
            "--kind",
            "agreements",
            "acceptable-use-agreements.csv",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let shown = [out.stdout, out.stderr, json.stdout, json.stderr].concat();
    let shown = String::from_utf8(shown).expect("utf-8");
    for name in [
        "Zofia",
        "Nowakowska",
        "Kwame",
        "Mensah",
        "Eloise",
        "Éloise",
        "Fairbairn",
        "Ravindra",
        "Thistlewood",
    ] {
        assert!(!shown.contains(name), "{name} was shown: {shown}");
    }
    // The pupil whose date cannot be read still counts among the pupils, as not shown
    // signed, and the row says so without repeating the cell.
    says(
        &shown,
        &[
            "note row 6, column C: the cell is not a date; counted as not shown signed this school year",
            "pupils 2 of 4 (50%)",
        ],
    );
}

#[test]
fn filtering_checks_read_the_same_from_xlsx_and_xls_and_name_the_term_missed() {
    for file in ["filtering-checks.xlsx", "filtering-checks.xls"] {
        let (doc, _) = import("filtering", file);
        let source = &doc["sources"][0];
        assert_eq!(source["header_row"], 3, "{file}");
        assert_eq!(source["rows_used"], 4, "{file}");
        assert_eq!(
            texts(&source["skipped"], "reason"),
            vec!["`31/06/2026` is not a real date", "a note or footer row"],
            "{file}"
        );
        let f = &doc["metrics"]["filtering"];
        assert_eq!(
            (f["checks"].as_u64(), f["failed"].as_u64()),
            (Some(3), Some(1)),
            "{file}"
        );
        assert_eq!(f["last"], "2026-09-15");
        assert_eq!(
            f["unchecked"],
            serde_json::json!(["2025-26 summer"]),
            "{file}"
        );
    }
}

#[test]
fn surveys_read_the_same_from_xlsx_and_csv() {
    for file in ["surveys.xlsx", "surveys.csv"] {
        let (doc, _) = import("surveys", file);
        let source = &doc["sources"][0];
        assert_eq!(
            texts(&source["skipped"], "reason")[0],
            "`thirteenth` is not a date",
            "{file}"
        );
        let groups = &doc["metrics"]["surveys"];
        assert_eq!(
            texts(groups, "group"),
            vec!["governors", "learners", "parents", "staff"],
            "{file}"
        );
        let counts: Vec<(u64, u64)> = groups
            .as_array()
            .expect("groups")
            .iter()
            .map(|g| {
                (
                    g["count"].as_u64().expect("n"),
                    g["responses"].as_u64().expect("n"),
                )
            })
            .collect();
        // The governors' survey of 2024 is outside the last twelve months.
        assert_eq!(counts, vec![(0, 0), (1, 112), (1, 57), (1, 24)], "{file}");
    }
}

#[test]
fn parent_engagement_reads_the_same_from_xlsx_and_ods() {
    for file in ["parent-engagement.xlsx", "parent-engagement.ods"] {
        let (doc, _) = import("engagement", file);
        let source = &doc["sources"][0];
        assert_eq!(
            texts(&source["skipped"], "place"),
            vec!["Parents!C9", "Parents, row 11"],
            "{file}"
        );
        // A figure that is no count of people keeps its row, with a note naming the cell.
        assert!(
            texts(&source["noted"], "place").contains(&"Parents!D8"),
            "{file}: {source}"
        );
        let g = &doc["metrics"]["engagement"];
        assert_eq!(
            (
                g["sessions"].as_u64(),
                g["attendance"].as_u64(),
                g["communications"].as_u64()
            ),
            (Some(3), Some(32), Some(3)),
            "{file}"
        );
    }
}

/// Each register's kind, template file, sheet and headings.
const TEMPLATES: [(&str, &str, &str, &[&str]); 5] = [
    (
        "documents",
        "policy-register.xlsx",
        "Documents",
        &[
            "Document",
            "Owner",
            "Approved by",
            "Last reviewed",
            "Next review due",
            "Where kept",
        ],
    ),
    (
        "agreements",
        "acceptable-use-agreements.xlsx",
        "Agreements",
        &["Group", "Signed", "Out of", "Date signed"],
    ),
    (
        "filtering",
        "filtering-checks.xlsx",
        "Filtering checks",
        &[
            "Date",
            "What was tested",
            "Result",
            "Checked by",
            "Action taken",
        ],
    ),
    (
        "surveys",
        "surveys.xlsx",
        "Surveys",
        &[
            "Date",
            "Who was asked",
            "Survey",
            "Responses",
            "Main findings",
        ],
    ),
    (
        "engagement",
        "parent-engagement.xlsx",
        "Parent engagement",
        &["Date", "Type", "What", "Attended"],
    ),
];

/// The first row of `sheet` in the workbook at `path`, read by calamine.
fn first_row(path: &Path, sheet: &str) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens the template");
    let range = wb.worksheet_range(sheet).expect("sheet readable");
    range
        .rows()
        .next()
        .expect("a header row")
        .iter()
        .map(|c| match c {
            Data::String(s) => s.clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn the_register_templates_from_init_read_back_and_import_with_every_heading_known() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    let review = std::fs::read_to_string(tmp.path().join("review.toml")).expect("review.toml");
    for (kind, file, sheet, headers) in TEMPLATES {
        assert!(
            review.contains(&format!(
                "# kind = \"{kind}\"\n# path = \"evidence/{file}\""
            )),
            "{kind} is listed, commented, in review.toml"
        );
        let path = tmp.path().join("evidence").join(file);
        let first = first_row(&path, sheet);
        assert_eq!(first, headers, "{file}");
        let out = selfreview()
            .current_dir(tmp.path().join("evidence"))
            .args(["--json", "import", "--kind", kind, file])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let doc: Value = serde_json::from_slice(&out).expect("JSON");
        let source = &doc["sources"][0];
        assert!(
            mapped(source).iter().all(|(_, f)| *f != "-"),
            "{file}: {source}"
        );
        assert_eq!(source["rows_read"], 0, "{file}");
    }
}

/// A review as of 01/12/2026 importing every register fixture, scored by one reviewer who
/// cites evidence only for A1.1.
fn registers_review(dir: &Path) {
    init_review(dir, &[]).success();
    let path = dir.join("review.toml");
    let text = std::fs::read_to_string(&path).expect("review.toml");
    std::fs::write(
        &path,
        text.replace("review-date = 2026-11-01", "review-date = 2026-12-01"),
    )
    .expect("write");
    let mut sources = String::new();
    for (kind, file) in [
        ("documents", "policy-register.xlsx"),
        ("agreements", "acceptable-use-agreements.xlsx"),
        ("agreements", "acceptable-use-agreements.csv"),
        ("filtering", "filtering-checks.xls"),
        ("surveys", "surveys.csv"),
        ("engagement", "parent-engagement.ods"),
    ] {
        std::fs::copy(
            fixtures().join("evidence").join(file),
            dir.join("evidence").join(file),
        )
        .expect("copy");
        sources.push_str(&format!(
            "[[evidence]]\nkind = \"{kind}\"\npath = \"evidence/{file}\"\n\n"
        ));
    }
    set_sources(dir, &sources);
    let commentary = "The policy is reviewed by the group and governors, shared with staff, learners and parents, and checked against what the records show each term so that it stays current and known.";
    let rows: Vec<(&str, u8, &str, &str)> = ["A1.1", "A2.1", "A2.2", "B4.1", "C1.1", "C2.4"]
        .iter()
        .map(|code| {
            (
                *code,
                2,
                commentary,
                if *code == "A1.1" { "policy.pdf" } else { "" },
            )
        })
        .collect();
    filled_workbook(&dir.join("scores/osl.xlsx"), "OSL", &rows);
}

#[test]
fn score_checks_claims_against_the_registers_and_names_what_has_nothing_behind_it() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    registers_review(dir);
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let facts = |code: &str| -> Vec<String> {
        aspect_json(&doc, code)["evidence_checks"]
            .as_array()
            .expect("checks")
            .iter()
            .map(|c| {
                format!(
                    "{} {}",
                    c["status"].as_str().unwrap_or(""),
                    c["fact"].as_str().unwrap_or("")
                )
            })
            .collect()
    };
    let a21 = facts("A2.1");
    assert!(
        // The newer of the two documents on the online safety policy counts.
        a21.contains(&"met the online safety policy (“Online Safety & Acceptable Use Policy (pupils)”) was last reviewed on 03/09/2026, within the last year".to_string()),
        "{a21:?}"
    );
    let c11 = facts("C1.1");
    assert!(
        c11.contains(&// Spring's pass was followed by a failure not put right in that term.
        "not-met the latest filtering check did not pass in 2 of the 3 terms finished in the last year: no check was recorded in summer term 2025-26; in spring term 2025-26 the latest check found something getting through or did not say whether the filter held".to_string()),
        "{c11:?}"
    );
    let a22 = facts("A2.2");
    assert!(
        a22.iter().any(|f| f.starts_with(
            "not-met 28 of 32 staff signed an acceptable use agreement since 01/09/2026"
        )),
        "{a22:?}"
    );
    assert!(
        a22.iter()
            .any(|f| f.starts_with("not-met 112 of 184 pupils signed")),
        "{a22:?}"
    );
    let b41 = facts("B4.1");
    assert!(
        b41.iter().any(|f| f
            .starts_with("met 3 sessions for parents and carers in the last year, attended by at least 32 parents and carers (1 session's attendance not known)")),
        "{b41:?}"
    );
    // A1.1 cites evidence; C2.4 names documents among its evidence kinds: both stand.
    assert_eq!(aspect_json(&doc, "A1.1")["unevidenced"], false);
    assert_eq!(aspect_json(&doc, "C2.4")["unevidenced"], false);
    assert_eq!(
        doc["registers"]["filtering"]["unchecked"],
        serde_json::json!(["2025-26 summer"])
    );
    let codes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"document-review-overdue"), "{codes:?}");
    assert!(codes.contains(&"document-review-stale"), "{codes:?}");
    assert!(!codes.contains(&"aspect-unevidenced"), "{codes:?}");
}

#[test]
fn without_the_registers_the_same_claims_have_nothing_behind_them() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    registers_review(dir);
    set_sources(dir, "");
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .args(["--json", "score"])
        .assert()
        .get_output()
        .clone();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let unevidenced: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "aspect-unevidenced")
        .collect();
    assert_eq!(unevidenced.len(), 5, "{unevidenced:?}");
    assert_eq!(unevidenced[0]["location"]["file"], "scores/osl.xlsx");
    let reason = doc["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|r| r["aspect"] == "C2.4")
        .expect("C2.4 is held back");
    assert!(
        reason["kinds"]
            .as_array()
            .expect("kinds")
            .contains(&Value::from("unevidenced")),
        "{reason}"
    );
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("score")
        .assert()
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let line = text
        .lines()
        .find(|l| l.starts_with("C2.4 "))
        .expect("C2.4 is listed");
    assert!(line.contains("  no evidence"), "{line}");
    let line = text
        .lines()
        .find(|l| l.starts_with("A1.1 "))
        .expect("A1.1 is listed");
    assert!(!line.contains("no evidence"), "{line}");
}

#[test]
fn the_report_lists_what_falls_due_and_the_summary_gives_the_registers_figures() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    registers_review(dir);
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(
        html.contains("Falling due in the next 90 days"),
        "no due list"
    );
    // The report's templates write a slash as `&#x2f;`, as browsers read it.
    let html = html.replace("&#x2f;", "/");
    assert!(
        html.contains("<li>Staff Code of Conduct: by 01/02/2027</li>"),
        "due list"
    );
    assert!(html.contains("<td class=\"text\">E-Safety Policy</td><td>10/11/2025</td><td>10/11/2026</td><td class=\"below\">Review overdue</td>"));
    // The register gives no next review date: the one worked out is shown as such, the
    // same date import, the findings and the pack give.
    assert!(
        html.contains("<td class=\"text\">Filtering and monitoring review 2025</td><td>20/10/2025</td><td>20/10/2026 (worked out from the last review)</td><td class=\"below\">Not reviewed in time</td>"),
        "worked-out due date"
    );
    assert!(html.contains("No check was recorded in summer term 2025-26, but in spring term 2025-26 the latest check did not pass, so that term does not count as checked."));
    assert!(html.contains("Signed since 01/09/2026, the start of the school year"));
    for name in ["Zofia", "Kwame", "Fairbairn", "Thistlewood", "Okafor"] {
        assert!(!html.contains(name), "{name} in the report");
    }
    let mut wb: Xlsx<_> = open_workbook(dir.join("out/summary.xlsx")).expect("summary opens");
    let range = wb.worksheet_range("Evidence").expect("Evidence sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let has = |what: &str, who: &str, value: &str, of: &str| {
        rows.iter()
            .any(|r| r[0] == what && r[1] == who && r[2] == value && r[3] == of)
    };
    assert!(
        has("Agreements signed this school year", "pupils", "112", "184"),
        "{rows:?}"
    );
    assert!(
        has("Terms with no filtering check", "all", "1", "3"),
        "{rows:?}"
    );
    assert!(
        has(
            "Documents with the review overdue",
            "policy register",
            "1",
            "7"
        ),
        "{rows:?}"
    );
}

#[test]
fn an_agreements_register_cited_as_evidence_is_never_packed() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    registers_review(dir);
    let path = dir.join("review.toml");
    let text = std::fs::read_to_string(&path).expect("review.toml");
    std::fs::write(
        &path,
        text.replace("staff-names = false", "staff-names = true"),
    )
    .expect("write");
    let commentary = "Every class and all staff sign an agreement each September; the returns are counted by class and the gaps are chased by the class teachers, so that almost every pupil has signed.";
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A2.2", 2, commentary, "acceptable-use-agreements.csv")],
    );
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("pack")
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        stderr.contains("`acceptable-use-agreements.csv` is left out of the pack: records of acceptable use agreements may name pupils"),
        "{stderr}"
    );
    let zip = std::fs::read_dir(dir.join("out"))
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "zip"))
        .expect("a pack");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).expect("pack")).expect("zip");
    let mut summary = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("evidence-summary/documents.csv")
            .expect("the documents' summary is packed"),
        &mut summary,
    )
    .expect("read");
    assert!(
        summary.starts_with("document,topics,last_reviewed,review_due,review_due_from,standing\nE-Safety Policy,online-safety-policy,2025-11-10,2026-11-10,register,overdue\n"),
        "{summary}"
    );
    // The date a review falls due is the register's where it gives one, and said to be
    // worked out where it does not: the same dates import and the report show.
    assert!(
        summary.contains("\nFiltering and monitoring review 2025,filtering-monitoring,2025-10-20,2026-10-20,worked out from the last review,stale\n"),
        "{summary}"
    );
    for name in [
        "agreements.csv",
        "filtering-checks-by-term.csv",
        "surveys.csv",
        "parent-engagement.csv",
    ] {
        assert!(
            archive.by_name(&format!("evidence-summary/{name}")).is_ok(),
            "{name}"
        );
    }
    for i in 0..archive.len() {
        let mut e = archive.by_index(i).expect("entry");
        let entry = e.name().expect("name").to_string();
        assert!(!entry.contains("acceptable-use"), "{entry}");
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut bytes).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        for name in ["Zofia", "Kwame", "Fairbairn", "Thistlewood"] {
            assert!(!text.contains(name), "{name} in {entry}");
        }
    }
}

#[test]
fn a_register_without_the_dates_its_figures_rest_on_is_not_recorded_rather_than_none() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let cases = [
        (
            "documents",
            "Document,Owner,Review date\nE-Safety Policy,OSL,Sept 2027\nAUP,DSL,01/01/2026\n",
            "no column of the dates documents were last reviewed was recognised",
        ),
        (
            "agreements",
            "Class,Returned,Out of\nYear 1,20,30\nStaff,10,10\n",
            "no column of the dates agreements were signed was recognised",
        ),
    ];
    for (kind, text, said) in cases {
        std::fs::write(tmp.path().join("r.csv"), text).expect("write");
        let out = selfreview()
            .current_dir(tmp.path())
            .args(["import", "--as-of", "2026-12-01", "--kind", kind, "r.csv"])
            .assert()
            .success()
            .get_output()
            .clone();
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert!(
            stderr.contains(&format!("r.csv: warning[column-not-recognised]: {said}")),
            "{stderr}"
        );
        // Every row is still read: the file is named once, not each row.
        assert!(
            stdout.contains("rows: 2 read, 2 used, 0 skipped"),
            "{stdout}"
        );
    }
}

#[test]
fn framework_show_names_the_records_that_support_an_aspect() {
    let out = selfreview()
        .args(["framework", "show", "online-safety-21", "--aspect", "C2.4"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.contains("Records that support it (review.toml kinds): documents, engagement"),
        "{text}"
    );
    let out = selfreview()
        .args([
            "--json",
            "framework",
            "show",
            "online-safety-21",
            "--aspect",
            "A2.1",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("JSON");
    let aspect = &doc["aspect"];
    assert_eq!(
        aspect["evidence_kinds"],
        serde_json::json!(["documents"]),
        "{doc}"
    );
    assert_eq!(aspect["evidence_required"], true, "{doc}");
    // The 18-aspect framework's Online Publishing is backed by the same records.
    let out = selfreview()
        .args(["framework", "show", "online-safety-18", "--aspect", "C2.3"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    says(
        &text,
        &[
            "C2.3  Online Publishing",
            "Records that support it (review.toml kinds): documents, engagement",
        ],
    );
}

#[test]
fn a_childs_name_in_a_document_name_is_withheld_from_findings_and_reports() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    registers_review(dir);
    std::fs::write(
        dir.join("evidence/named.csv"),
        "Document,Last reviewed,Next review due\nOnline safety plan for Kwame Mensah-Boateng,01/01/2025,01/01/2026\n",
    )
    .expect("write");
    let path = dir.join("review.toml");
    let text = std::fs::read_to_string(&path).expect("review.toml");
    let text = text.replacen(
        "[[evidence]]\n",
        "[[evidence]]\nkind = \"documents\"\npath = \"evidence/named.csv\"\n\n[[evidence]]\n",
        1,
    );
    std::fs::write(&path, text).expect("write");
    for args in [
        &["import"][..],
        &["--json", "import"],
        &["score"],
        &["--json", "score"],
        &["report"],
    ] {
        let out = selfreview()
            .arg("-C")
            .arg(dir)
            .args(args)
            .assert()
            .get_output()
            .clone();
        let shown = String::from_utf8([out.stdout, out.stderr].concat()).expect("utf-8");
        assert!(
            !shown.contains("Kwame") && !shown.contains("Mensah"),
            "{args:?}: {shown}"
        );
        if args == ["score"] {
            assert!(
                shown.contains("warning[document-review-overdue]: “Online safety plan for [name removed]” was due for review on 01/01/2026"),
                "{shown}"
            );
        }
    }
    let html = std::fs::read_to_string(dir.join("out/report.html")).expect("report");
    assert!(!html.contains("Kwame") && html.contains("Online safety plan for [name removed]"));
}

#[test]
fn an_agreements_register_that_cannot_be_read_stops_the_reports_as_an_incident_log_does() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    registers_review(dir);
    std::fs::write(
        dir.join("evidence/acceptable-use-agreements.xlsx"),
        b"PK\x03\x04 not really a workbook",
    )
    .expect("write");
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        stderr.contains("  evidence/acceptable-use-agreements.xlsx: cannot import")
            && stderr.contains("Also withheld: 1 problem to fix and 3 warnings")
            && stderr.contains("error[evidence-not-imported] ×1"),
        "{stderr}"
    );
    assert!(!dir.join("out/report.html").exists());
}

#[test]
fn a_total_row_at_the_foot_of_a_register_is_a_footer_not_a_document() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let text = "Document,Owner,Last reviewed,Next review due\n\
                Online Safety Policy,OSL,01/09/2026,01/09/2027\n\
                Acceptable Use Policy,DSL,01/10/2026,01/10/2027\n\
                Total,2,,\n\
                Grand total,,,\n";
    std::fs::write(tmp.path().join("r.csv"), text).expect("write");
    let out = selfreview()
        .current_dir(tmp.path())
        .args([
            "--json",
            "import",
            "--as-of",
            "2026-12-01",
            "--kind",
            "documents",
            "r.csv",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let json = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!json.contains("\"Total\""), "{json}");
    assert!(!json.contains("\"Grand total\""), "{json}");
    says(&json, &["Online Safety Policy", "a note or footer row"]);
}
