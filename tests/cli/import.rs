//! `selfreview import`: every layout in shared/domain.md, in several formats, with exact
//! counts and metrics; and every kind of bad file.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use crate::{fixtures, init_review, selfreview, set_sources};

fn evidence(name: &str) -> PathBuf {
    fixtures().join("evidence").join(name)
}

/// `import --json --as-of 2026-11-01 --kind KIND FILES…`, parsed.
fn import(kind: &str, files: &[&str]) -> Value {
    let out = selfreview()
        .current_dir(fixtures().join("evidence"))
        .args(["--json", "import", "--as-of", "2026-11-01", "--kind", kind])
        .args(files)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON")
}

fn fields(source: &Value) -> Vec<(String, Option<String>)> {
    source["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| {
            (
                c["header"].as_str().expect("header").to_string(),
                c["field"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn training_records_read_the_same_from_xlsx_xls_and_ods() {
    for file in [
        "training-records.xlsx",
        "training-records.xls",
        "training-records.ods",
    ] {
        let doc = import("training", &[file]);
        let s = &doc["sources"][0];
        assert_eq!(s["header_row"], 2, "{file}: below a title row");
        assert_eq!(s["sheet"], "Staff training");
        assert_eq!(
            (s["rows_read"].as_u64(), s["rows_used"].as_u64()),
            (Some(11), Some(10)),
            "{file}"
        );
        let skipped: Vec<&str> = s["skipped"]
            .as_array()
            .expect("list")
            .iter()
            .map(|k| k["reason"].as_str().expect("reason"))
            .collect();
        assert_eq!(skipped, ["a note or footer row"], "{file}");
        // A person whose date cannot be read stays in the count, as not trained.
        let ivy = s["noted"]
            .as_array()
            .expect("notes")
            .iter()
            .find(|n| {
                n["reason"]
                    .as_str()
                    .is_some_and(|r| r.starts_with("Ivy King"))
            })
            .expect("Ivy King noted");
        assert_eq!(
            ivy["reason"], "Ivy King: `31/06/2025` is not a real date; counted as not trained",
            "{file}"
        );
        assert_eq!(ivy["place"], "Staff training!E11");
        // Someone listed with no date is noted too, with the reason.
        assert_eq!(
            s["noted"][0]["reason"], "Finn Hall: no date; counted as not trained",
            "{file}"
        );
        assert_eq!(
            s["date_range"],
            serde_json::json!(["2024-09-02", "2026-10-01"])
        );
        let t = &doc["metrics"]["training"];
        assert_eq!(
            t[0],
            serde_json::json!({"group": "governors", "people": 2, "trained": 1, "share": 0.5, "months": 24, "overdue": ["Gail Irwin"], "dates_recorded": true}),
            "{file}"
        );
        assert_eq!(
            t[1],
            serde_json::json!({"group": "staff", "people": 7, "trained": 4, "share": 0.57, "months": 24, "overdue": ["Dan Foster", "Finn Hall", "Ivy King"], "dates_recorded": true}),
            "{file}"
        );
    }
}

#[test]
fn a_semicolon_csv_with_a_byte_order_mark_reads_names_with_accents() {
    let doc = import("training", &["training-records.csv"]);
    let s = &doc["sources"][0];
    assert_eq!(
        (s["rows_read"].as_u64(), s["rows_used"].as_u64()),
        (Some(5), Some(5))
    );
    assert_eq!(doc["metrics"]["training"][1]["trained"], 2);
    assert_eq!(
        doc["metrics"]["training"][1]["overdue"],
        serde_json::json!(["Dan Foster", "Finn Hall"])
    );
}

#[test]
fn a_training_needs_audit_lists_its_people_and_its_unused_columns() {
    let doc = import("training", &["training-audit.xlsx"]);
    let s = &doc["sources"][0];
    let f = fields(s);
    assert!(f.contains(&("Position".into(), Some("role".into()))));
    assert!(f.contains(&(
        "Relevant training in last 12 months".into(),
        Some("course".into())
    )));
    assert!(f.contains(&("Review date".into(), Some("next-due".into()))));
    assert!(f.contains(&("Identified training need".into(), None)));
    assert_eq!(s["rows_used"], 2);
    assert_eq!(doc["metrics"]["training"][0]["share"], 0.0);
}

#[test]
fn the_reporting_log_with_a_merged_two_row_header_reads_from_xlsx_and_ods() {
    for file in ["reporting-log.xlsx", "reporting-log.ods"] {
        let doc = import("incidents", &[file]);
        let s = &doc["sources"][0];
        assert_eq!(s["header_row"], 5, "{file}: the header's second row");
        let f = fields(s);
        assert!(
            f.contains(&("Action taken What?".into(), Some("action".into()))),
            "{file}: {f:?}"
        );
        assert!(
            f.contains(&("Action taken By whom?".into(), Some("action-by".into()))),
            "{file}"
        );
        assert!(f.contains(&("Signature".into(), None)));
        assert_eq!(
            (s["rows_read"].as_u64(), s["rows_used"].as_u64()),
            (Some(7), Some(5)),
            "{file}"
        );
        let i = &doc["metrics"]["incidents"];
        assert_eq!(i["count"], 5);
        assert_eq!(i["actioned_share"], 0.8);
        assert_eq!(
            i["by_category"],
            serde_json::json!([{"category": "Uncategorised", "count": 5}])
        );
        assert_eq!(
            i["by_term"],
            serde_json::json!([{"term": "2025-26 autumn", "count": 1}, {"term": "2026-27 autumn", "count": 4}])
        );
    }
}

#[test]
fn a_safeguarding_export_with_several_categories_per_incident() {
    for (file, place) in [
        ("safeguarding-export.csv", "row 5, column C"),
        ("safeguarding-export.xlsx", "Export!C5"),
    ] {
        let doc = import("incidents", &[file]);
        let s = &doc["sources"][0];
        assert_eq!(
            (s["rows_read"].as_u64(), s["rows_used"].as_u64()),
            (Some(5), Some(4)),
            "{file}"
        );
        assert_eq!(s["skipped"][0]["place"], place);
        // Nothing from a cell of records that name children is repeated back.
        assert_eq!(s["skipped"][0]["reason"], "the cell is not a real date");
        assert_eq!(
            s["unmapped_categories"],
            serde_json::json!({"Online - peer on peer": 1, "Tiktok trend": 1})
        );
        let i = &doc["metrics"]["incidents"];
        assert_eq!(i["count"], 4);
        assert_eq!(i["actioned_share"], 0.75);
        assert_eq!(i["closed_share"], 0.5);
        assert_eq!(i["previous_count"], 0);
        assert_eq!(
            i["by_month"],
            serde_json::json!([
                {"month": "2025-11", "count": 1},
                {"month": "2026-09", "count": 2},
                {"month": "2026-10", "count": 1}
            ])
        );
        let cats: Vec<(&str, u64)> = i["by_category"]
            .as_array()
            .expect("list")
            .iter()
            .map(|c| {
                (
                    c["category"].as_str().expect("category"),
                    c["count"].as_u64().expect("count"),
                )
            })
            .collect();
        assert_eq!(cats.len(), 6, "{file}");
        assert!(cats.contains(&("Sharing nudes", 1)) && cats.contains(&("Cyberbullying", 1)));
    }
}

#[test]
fn a_meeting_register_from_xlsx_and_xls() {
    for file in ["meeting-register.xlsx", "meeting-register.xls"] {
        let doc = import("meetings", &[file]);
        let s = &doc["sources"][0];
        assert_eq!(
            (s["rows_read"].as_u64(), s["rows_used"].as_u64()),
            (Some(10), Some(8)),
            "{file}"
        );
        let m = &doc["metrics"]["meetings"];
        assert_eq!(
            m[0],
            serde_json::json!({"group": "governors", "name": "Governors", "count": 2, "months": 12, "longest_gap_days": 221, "last": "2026-10-07"}),
            "{file}"
        );
        assert_eq!(
            m[1],
            serde_json::json!({"group": "online-safety-group", "name": "Online safety group", "count": 6, "months": 12, "longest_gap_days": 98, "last": "2026-10-14"}),
            "{file}"
        );
    }
}

#[test]
fn pupil_names_never_reach_the_output() {
    for json in [true, false] {
        let mut cmd = selfreview();
        cmd.current_dir(fixtures().join("evidence"));
        if json {
            cmd.arg("--json");
        }
        let out = cmd
            .args([
                "import",
                "--as-of",
                "2026-11-01",
                "--kind",
                "incidents",
                "safeguarding-export.csv",
                "reporting-log.xlsx",
            ])
            .assert()
            .success()
            .get_output()
            .clone();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        for name in crate::PRIVATE {
            assert!(!all.contains(name), "{name} printed");
        }
    }
}

#[test]
fn a_review_imports_its_sources_with_the_schools_mappings() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    for f in [
        "safeguarding-export.csv",
        "training-records.xlsx",
        "meeting-register.xlsx",
    ] {
        std::fs::copy(evidence(f), tmp.path().join("evidence").join(f)).expect("copy");
    }
    let sources = r#"[[evidence]]
kind = "incidents"
path = "evidence/safeguarding-export.csv"
[evidence.categories]
"Online - peer on peer" = "Cyberbullying"
"Tiktok trend" = "Online challenges"

[[evidence]]
kind = "training"
path = "evidence/training-records.xlsx"
sheet = "staff training"
[evidence.roles]
"Chair of Governors" = "governors"
"Caretaker" = "site staff"

[[evidence]]
kind = "meetings"
path = "evidence/meeting-register.xlsx"

"#;
    set_sources(tmp.path(), sources);
    let out = selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["--json", "import"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(doc["as_of"], "2026-11-01", "the review date");
    assert_eq!(
        doc["sources"][0]["unmapped_categories"],
        serde_json::json!({})
    );
    let cats = &doc["metrics"]["incidents"]["by_category"];
    // "Cyberbullying; Online - peer on peer" now names one category twice: counted once.
    let labels: Vec<(&str, u64)> = cats
        .as_array()
        .expect("list")
        .iter()
        .map(|c| {
            (
                c["category"].as_str().expect("category"),
                c["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert!(labels.contains(&("Cyberbullying", 1)), "{labels:?}");
    assert!(labels.contains(&("Online challenges", 1)), "{labels:?}");
    assert_eq!(labels.len(), 5, "{labels:?}");
    let groups: Vec<&str> = doc["metrics"]["training"]
        .as_array()
        .expect("list")
        .iter()
        .map(|g| g["group"].as_str().expect("group"))
        .collect();
    assert_eq!(groups, ["governors", "site-staff", "staff"]);
    assert_eq!(doc["sources"][1]["path"], "evidence/training-records.xlsx");
}

fn bad(file: &Path, kind: &str) -> String {
    let out = selfreview()
        .args(["import", "--kind", kind])
        .arg(file)
        .assert()
        .code(2)
        .get_output()
        .clone();
    String::from_utf8(out.stderr).expect("utf-8")
}

#[test]
fn bad_files_are_named_with_what_is_wrong_and_exit_2() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let p = |name: &str| tmp.path().join(name);
    let real = std::fs::read(evidence("training-records.xlsx")).expect("fixture");
    std::fs::write(p("empty.xlsx"), b"").expect("write");
    std::fs::write(p("empty.csv"), b"").expect("write");
    std::fs::write(p("corrupt.xlsx"), b"\x00\x01\x02 not a workbook \xff").expect("write");
    std::fs::write(p("truncated.xlsx"), &real[..real.len() / 2]).expect("write");
    // Encrypted with a password by msoffcrypto-tool, as Excel does.
    std::fs::copy(evidence("password-protected.xlsx"), p("locked.xlsx")).expect("copy");
    std::fs::write(
        p("Training.XLSX"),
        std::fs::read(evidence("training-records.csv")).expect("fixture"),
    )
    .expect("write");
    std::fs::write(p("colours.csv"), "Colour,Shape\nred,square\n").expect("write");

    let cases: [(&str, &str); 7] = [
        ("empty.xlsx", "the file is empty"),
        ("empty.csv", "the file is empty"),
        ("corrupt.xlsx", "could not be opened as a .xlsx spreadsheet"),
        ("truncated.xlsx", "damaged or only partly copied"),
        ("locked.xlsx", "password-protected"),
        (
            "Training.XLSX",
            "a text file (probably CSV) with a .xlsx name; rename it to end in .csv",
        ),
        (
            "colours.csv",
            "it has the headings Colour | Shape, but needs columns for Name and Role",
        ),
    ];
    for (name, expected) in cases {
        let stderr = bad(&p(name), "training");
        assert!(
            stderr.contains(&format!("cannot import {}", p(name).display())),
            "{name}: {stderr}"
        );
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    let missing = bad(&p("nowhere.xlsx"), "training");
    assert!(missing.contains("nowhere.xlsx"), "{missing}");
}

#[test]
fn a_stray_cell_at_the_far_corner_does_not_exhaust_memory() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = tmp.path().join("stray.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Date", "Group"].iter().enumerate() {
        ws.write(0, c as u16, *h).expect("write");
    }
    ws.write(1, 0, "01/10/2026").expect("write");
    ws.write(1, 1, "Online Safety Group").expect("write");
    ws.write(1_048_575, 16_383, "x").expect("write");
    wb.save(&path).expect("save");
    let out = selfreview()
        .args([
            "--json",
            "import",
            "--as-of",
            "2026-11-01",
            "--kind",
            "meetings",
        ])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(doc["sources"][0]["rows_used"], 1);
    assert_eq!(
        doc["sources"][0]["rows_read"], 2,
        "the stray cell's row is read and skipped"
    );
}

/// An .ods file in which one row of filled cells says it repeats across every column of a
/// million rows: a few hundred bytes that would unfold to sixteen billion cells.
fn ods_bomb(path: &Path) {
    use std::io::Write;
    let file = std::fs::File::create(path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("entry");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write");
    zip.start_file("META-INF/manifest.xml", stored)
        .expect("entry");
    zip.write_all(b"<?xml version=\"1.0\"?><manifest:manifest/>")
        .expect("write");
    zip.start_file("content.xml", stored).expect("entry");
    zip.write_all(
        b"<?xml version=\"1.0\"?><office:document-content><office:body><office:spreadsheet>\
          <table:table table:name=\"Log\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>Date</text:p></table:table-cell></table:table-row>\
          <table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell office:value-type=\"float\" office:value=\"1\" table:number-columns-repeated=\"16384\"/></table:table-row>\
          </table:table></office:spreadsheet></office:body></office:document-content>",
    )
    .expect("write");
    zip.finish().expect("finish");
}

#[test]
fn files_that_would_exhaust_memory_are_refused_by_name() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let bomb = tmp.path().join("incidents.ods");
    ods_bomb(&bomb);
    // Made from the ordinary fixtures by tests/fixtures/oversized.py.
    let far = evidence("stray-far-cell.xls");
    let count = evidence("shared-text-count.xlsx");
    let cases = [
        (
            bomb.as_path(),
            "reading it would take about 2.3 TB of memory, more than the 1 GB selfreview \
             allows for an .ods file (its sheet `Log` spans 1,000,001 rows by 16,384 columns)",
        ),
        (
            far.as_path(),
            "reading it would take about 32 GB of memory, more than the 1 GB selfreview \
             allows for an .xls file (its sheet `Staff training` spans 65,536 rows by 16,384 \
             columns)",
        ),
        (
            count.as_path(),
            "the text stored in it would take about 2.2 TB of memory to read, more than the \
             1 GB selfreview allows for an .xlsx file",
        ),
    ];
    for (path, expected) in cases {
        let stderr = bad(path, "training");
        assert!(
            stderr.contains(&format!("cannot import {}: {expected}", path.display())),
            "{stderr}"
        );
        assert!(stderr.contains("save it as"), "{stderr}");
    }
}

#[test]
fn an_xls_file_larger_than_memory_allows_is_refused_before_it_is_read() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = tmp.path().join("huge.xls");
    let file = std::fs::File::create(&path).expect("create");
    {
        use std::io::Write;
        (&file)
            .write_all(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            .expect("write");
    }
    // Sparse: 1.5 GiB long without taking the space.
    file.set_len(3 << 29).expect("length");
    let stderr = bad(&path, "training");
    assert!(
        stderr.contains(&format!(
            "cannot import {}: it is 1.5 GB in size, more than the 1 GB selfreview reads from an .xls file",
            path.display()
        )),
        "{stderr}"
    );
}

#[test]
fn kind_and_files_go_together() {
    selfreview()
        .args(["import", "--kind", "training"])
        .assert()
        .code(2);
    selfreview()
        .args(["import", "--kind", "register", "x.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not an evidence kind"));
}

#[test]
fn a_school_can_set_its_own_terms() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    std::fs::copy(
        evidence("safeguarding-export.csv"),
        tmp.path().join("evidence/export.csv"),
    )
    .expect("copy");
    set_sources(
        tmp.path(),
        "[[evidence]]\nkind = \"incidents\"\npath = \"evidence/export.csv\"\n\n\
         [[terms]]\nname = \"Term 1\"\nstarts = 2025-09-03\n\n\
         [[terms]]\nname = \"Term 4\"\nstarts = 2026-09-02\n",
    );
    let out = selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["--json", "import"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(
        doc["metrics"]["incidents"]["by_term"],
        serde_json::json!([{"term": "Term 1", "count": 1}, {"term": "Term 4", "count": 3}])
    );
}

#[test]
fn import_names_meeting_groups_in_the_registers_words_not_by_id() {
    selfreview()
        .current_dir(fixtures().join("evidence"))
        .args(["import", "--as-of", "2026-12-01", "--kind", "meetings"])
        .arg(evidence("meeting-register.xlsx"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Online safety group met"))
        .stdout(predicate::str::contains("online-safety-group met").not());
}

/// A workbook saved with another format's ending, or text with a workbook's, is named for
/// what its content is, with the ending to rename it to, not with the message of the
/// reader its name picks.
#[test]
fn a_file_renamed_to_another_formats_ending_is_named_for_what_it_is() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let p = |name: &str| tmp.path().join(name);
    let copy = |from: &str, to: &str| std::fs::copy(evidence(from), p(to)).expect("copy");
    copy("training-records.xlsx", "xlsx-named.ods");
    copy("training-records.xlsx", "xlsx-named.xls");
    copy("training-records.ods", "ods-named.xlsx");
    copy("training-records.xls", "xls-named.xlsx");
    copy("training-records.xls", "xls-named.ods");
    copy("training-records.csv", "csv-named.ods");
    copy("training-records.csv", "csv-named.xls");
    std::fs::write(
        p("export.xls"),
        "\u{feff}<html><body><table><tr><td>Name</td></tr></table></body></html>",
    )
    .expect("write");
    std::fs::write(p("flat.ods"), "<?xml version=\"1.0\"?>\n<office:document/>").expect("write");
    let cases = [
        (
            "xlsx-named.ods",
            "really an xlsx workbook saved with the .ods ending; rename it to end in .xlsx",
        ),
        (
            "xlsx-named.xls",
            "really an xlsx workbook saved with the .xls ending; rename it to end in .xlsx",
        ),
        (
            "ods-named.xlsx",
            "really an ods workbook saved with the .xlsx ending; rename it to end in .ods",
        ),
        (
            "xls-named.xlsx",
            "really an xls workbook saved with the .xlsx ending; rename it to end in .xls",
        ),
        (
            "xls-named.ods",
            "really an xls workbook saved with the .ods ending; rename it to end in .xls",
        ),
        (
            "csv-named.ods",
            "a text file (probably CSV) with a .ods name; rename it to end in .csv",
        ),
        (
            "csv-named.xls",
            "a text file (probably CSV) with a .xls name; rename it to end in .csv",
        ),
        (
            "export.xls",
            "a web page or XML file with a .xls name, not a workbook",
        ),
        (
            "flat.ods",
            "a web page or XML file with a .ods name, not a workbook",
        ),
    ];
    for (name, expected) in cases {
        let stderr = bad(&p(name), "training");
        assert!(stderr.contains(expected), "{name}: {stderr}");
    }
    // Renamed back, each is read.
    for (name, right) in [
        ("xlsx-named.ods", "r.xlsx"),
        ("ods-named.xlsx", "r.ods"),
        ("xls-named.xlsx", "r.xls"),
    ] {
        std::fs::rename(p(name), p(right)).expect("renamed");
        selfreview()
            .args(["import", "--kind", "training"])
            .arg(p(right))
            .assert()
            .success();
    }
}

/// A CSV saved as .xlsx in scores/ is not told to become a .csv there, which scores/ does
/// not read: it is told what scores/ takes.
#[test]
fn a_csv_named_xlsx_in_scores_is_told_what_scores_takes() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    crate::init_review(tmp.path(), &[]).success();
    std::fs::write(
        tmp.path().join("scores/levels.xlsx"),
        "Code,Level\nA1.1,2\n",
    )
    .expect("write");
    let out = selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("score")
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("scores/levels.xlsx")
            && stderr.contains(
                "scores/ takes only scoring workbooks (.xlsx, .xlsm, .xls or .ods), not CSV"
            )
            && !stderr.contains("rename it to end in .csv"),
        "{stderr}"
    );
}

#[test]
fn the_dates_shown_are_those_that_count_and_later_ones_are_only_said_to_be_there() {
    for (kind, csv) in [
        (
            "filtering",
            "Date checked,What was tested,Result\n01/10/2026,Adult content,Blocked\n05/11/2026,Gambling,Blocked\n",
        ),
        (
            "training",
            "Name,Role,Course,Date completed\nAnn Lee,Teacher,Online safety,01/10/2026\nBob Hart,TA,Online safety,05/11/2026\n",
        ),
        (
            "meetings",
            "Date,Group,Items\n01/10/2026,Online safety group,Filtering report\n05/11/2026,Online safety group,Filtering report\n",
        ),
    ] {
        let (doc, text, _) = crate::register_words::import_csv(kind, csv);
        assert!(
            text.contains(
                "dates 01/10/2026 to 01/10/2026, and later ones after the review date, not counted"
            ),
            "{kind}: {text}"
        );
        let source = &doc["sources"][0];
        assert_eq!(source["dates_counted"][1], "2026-10-01", "{kind}: {source}");
        assert_eq!(source["date_range"][1], "2026-11-05", "{kind}: {source}");
    }
    let (doc, text, _) = crate::register_words::import_csv(
        "meetings",
        "Date,Group,Items\n01/10/2026,Online safety group,Filtering report\n05/11/2026,Online safety group,Filtering report\n",
    );
    // A meeting after the review date is skipped, as a check or a survey is.
    assert_eq!(doc["sources"][0]["rows_used"], 1, "{text}");
    assert!(
        text.contains("dated 05/11/2026, after the review date (01/11/2026): not counted"),
        "{text}"
    );
    let (_, text, _) = crate::register_words::import_csv(
        "filtering",
        "Date checked,What was tested,Result\n05/11/2026,Gambling,Blocked\n",
    );
    assert!(
        text.contains("every date after the review date, so none counted"),
        "{text}"
    );
}
