//! `selfreview report`: the HTML reports and the summary workbook, read back.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use predicates::prelude::*;

use crate::{PRIVATE, fixtures, selfreview, set_sources, two_reviewers};

/// A review with DSL's LibreOffice-saved workbook, a blank one for OSL, and every kind of
/// evidence, including an export that names pupils.
pub fn full_review(dir: &Path) {
    two_reviewers(dir);
    for f in [
        "training-records.xlsx",
        "meeting-register.xlsx",
        "safeguarding-export.csv",
        "reporting-log.xlsx",
    ] {
        std::fs::copy(
            fixtures().join("evidence").join(f),
            dir.join("evidence").join(f),
        )
        .expect("copy");
    }
    set_sources(
        dir,
        "[[evidence]]\nkind = \"training\"\npath = \"evidence/training-records.xlsx\"\n\n\
         [[evidence]]\nkind = \"meetings\"\npath = \"evidence/meeting-register.xlsx\"\n\n\
         [[evidence]]\nkind = \"incidents\"\npath = \"evidence/safeguarding-export.csv\"\n\n\
         [[evidence]]\nkind = \"incidents\"\npath = \"evidence/reporting-log.xlsx\"\n",
    );
}

/// HTML as a reader sees it: the entities the templates' escaping writes turned back.
fn read_html(path: &Path) -> String {
    std::fs::read_to_string(path)
        .expect("readable")
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn report(dir: &Path) {
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote out/report.html"));
}

fn cells(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens summary.xlsx");
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).expect("sheet");
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (n, rows)
        })
        .collect()
}

#[test]
fn report_governors_report_and_summary_are_written_and_read_back() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    full_review(tmp.path());
    report(tmp.path());
    let html = read_html(&tmp.path().join("out/report.html"));
    for part in [
        "<h1>Hill Primary</h1>",
        "Not yet ready to apply for the Online Safety Mark",
        "<svg",
        "id=\"aspect-D1.1\"",
        "<strong>Below the benchmark (",
        "Action plan",
        "Cyberbullying",
        // A term is said one way in every table and sentence.
        "autumn term 2026-27",
        "<td class=\"text\">Online safety group</td>",
    ] {
        assert!(html.contains(part), "report.html lacks {part}");
    }
    assert!(!html.contains("2026-27 autumn"), "a term said two ways");
    // Self-contained: nothing to fetch, no scripts.
    for page in [&html, &read_html(&tmp.path().join("out/governors.html"))] {
        for banned in ["<script", "<link", " src=", "url("] {
            assert!(!page.contains(banned), "a report contains {banned}");
        }
        let outside = page.replace("http://www.w3.org/2000/svg", "");
        assert!(!outside.contains("http://") && !outside.contains("https://"));
    }
    // The overview of the first strand, as a person reads it.
    let start = html
        .find("<tr class=\"strand\"><th colspan=\"6\" scope=\"rowgroup\">A1")
        .expect("strand row");
    let end = html[start..]
        .find("<tr class=\"strand\"><th colspan=\"6\" scope=\"rowgroup\">A2")
        .expect("next strand")
        + start;
    insta::assert_snapshot!(html[start..end].to_string(), @r##"
    <tr class="strand"><th colspan="6" scope="rowgroup">A1 Responsibilities · average 2.5</th></tr>
    <tr><td class="text"><a href="#aspect-A1.1">A1.1 Online Safety Responsibilities</a></td><td class="num">2</td><td class="num">–</td><td class="num">2</td><td>Meets benchmark</td><td>no</td></tr>
    <tr><td class="text"><a href="#aspect-A1.2">A1.2 Online Safety Group</a></td><td class="num">3</td><td class="num">3</td><td class="num">2</td><td class="below">1 below benchmark</td><td>no</td></tr>
    <tr><td class="text"><a href="#aspect-A1.3">A1.3 Professional Standards</a></td><td class="num">–</td><td class="num">–</td><td class="num">2</td><td>Not scored</td><td>no</td></tr>
    "##);

    let governors = read_html(&tmp.path().join("out/governors.html"));
    assert!(governors.contains("report to governors"));
    assert!(governors.contains("This is the first scored review"));

    let sheets = cells(&tmp.path().join("out/summary.xlsx"));
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Summary", "Chart", "Action plan", "Evidence"]);
    let summary = &sheets[0].1;
    assert_eq!(
        summary[0][..8].join("|"),
        "Code|Aspect|Element|Strand|DSL|Level|How reached|Evidenced"
    );
    assert_eq!(summary.len(), 22);
    assert_eq!(
        summary[1][..10],
        [
            "A1.1",
            "Online Safety Responsibilities",
            "A",
            "A1",
            "2",
            "2",
            "one reviewer's level, not agreed by the group",
            "",
            "2",
            "0"
        ]
    );
    assert_eq!(summary[13][10], "Below benchmark", "C1.1");
    let plan = &sheets[2].1;
    assert_eq!(plan[1][0], "C1.1", "furthest below the benchmark first");
    let evidence = &sheets[3].1;
    assert!(
        evidence
            .iter()
            .any(|r| r[0] == "People trained" && r[1] == "Staff" && r[2] == "4" && r[3] == "7")
    );
}

#[test]
fn the_incident_tables_print_whole_side_by_side() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    full_review(tmp.path());
    report(tmp.path());
    // Never a row or two of a table left on a page of its own.
    for page in ["report.html", "governors.html"] {
        let html = read_html(&tmp.path().join("out").join(page));
        assert!(
            html.contains(r#"<div class="side-by-side"><table class="whole">"#),
            "{page}"
        );
    }
}

#[test]
fn no_pupil_name_or_incident_description_reaches_any_output() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    full_review(tmp.path());
    report(tmp.path());
    let mut texts = Vec::new();
    for f in ["report.html", "governors.html"] {
        texts.push((f.to_string(), read_html(&tmp.path().join("out").join(f))));
    }
    let sheets = cells(&tmp.path().join("out/summary.xlsx"));
    texts.push(("summary.xlsx".into(), format!("{sheets:?}")));
    for (file, text) in texts {
        for word in PRIVATE {
            assert!(!text.contains(word), "{word} appears in {file}");
        }
    }
}

#[test]
fn the_same_review_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    full_review(tmp.path());
    report(tmp.path());
    let first: Vec<Vec<u8>> = ["report.html", "governors.html", "summary.xlsx"]
        .iter()
        .map(|f| std::fs::read(tmp.path().join("out").join(f)).expect("read"))
        .collect();
    report(tmp.path());
    for (i, f) in ["report.html", "governors.html", "summary.xlsx"]
        .iter()
        .enumerate()
    {
        assert!(
            std::fs::read(tmp.path().join("out").join(f)).expect("read") == first[i],
            "{f} changed"
        );
    }
}

#[test]
fn progress_since_the_last_snapshot_is_shown_to_governors() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    full_review(tmp.path());
    std::fs::write(
        tmp.path().join("history/2026-03-01.json"),
        r#"{"aspects": [{"code": "A1.1", "agreed": 3}, {"code": "C1.1", "agreed": 3}, {"code": "B2.1", "agreed": 1}]}"#,
    )
    .expect("write");
    report(tmp.path());
    let governors = read_html(&tmp.path().join("out/governors.html"));
    assert!(
        governors
            .contains("Since 01/03/2026, aspects improved: 1; fell back: 2; stayed the same: 0."),
        "{governors}"
    );
    assert!(governors.contains("A1.1 Online Safety Responsibilities (from 3 to 2)"));
    // B2.1 is still claimed at 1, but the records support only 3: it fell back.
    assert!(governors.contains("B2.1 Staff (from 1 to 3; level 1 claimed)"));
    let html = read_html(&tmp.path().join("out/report.html"));
    assert!(html.contains("Dotted grey: 01/03/2026"));
}

#[test]
fn a_school_can_use_its_own_templates_and_mistakes_in_them_are_named() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    full_review(tmp.path());
    std::fs::create_dir(tmp.path().join("templates")).expect("mkdir");
    std::fs::write(
        tmp.path().join("templates/governors.html"),
        "<h1>{{ school }} for the board</h1>",
    )
    .expect("write");
    report(tmp.path());
    let governors = std::fs::read_to_string(tmp.path().join("out/governors.html")).expect("read");
    assert_eq!(governors, "<h1>Hill Primary for the board</h1>");

    std::fs::write(
        tmp.path().join("templates/governors.html"),
        "<h1>{{ shcool }}</h1>",
    )
    .expect("write");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("report")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the template templates/governors.html",
        ))
        .stderr(predicate::str::contains("undefined"));
}

#[test]
fn line_breaks_the_school_typed_are_kept_in_the_report() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    crate::init_review(dir, &[]).success();
    let row = crate::AspectRow {
        code: "A1.1",
        level: 3,
        commentary: "First paragraph about the policy.\n\nSecond paragraph about staff.",
        actions: "1. Train new staff in September\n2. Update the policy",
        ..crate::AspectRow::default()
    };
    crate::scoring_workbook(&dir.join("scores/dsl.xlsx"), "DSL", &[row]);
    let _ = selfreview().arg("-C").arg(dir).arg("report").assert();
    let html = read_html(&dir.join("out/report.html"));
    for typed in [
        "First paragraph about the policy.\n\nSecond paragraph",
        "<p class=\"next\">1. Train new staff in September\n2. Update the policy</p>",
    ] {
        assert!(html.contains(typed), "{typed} not in the report");
    }
    assert!(html.contains(
        "article.aspect p, article.aspect li, article.aspect td.text, .plan td.text p.next { white-space: pre-line; }"
    ));
}
