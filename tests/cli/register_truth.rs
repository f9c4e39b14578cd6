//! Every output tells the registers' truth as the checks do: a review whose filtering
//! checks failed in whole terms, whose policy register has documents overdue, undated and
//! dated wrongly, run through `score`, `report` and `pack`, and each output read back
//! (calamine for summary.xlsx, the zip crate for the pack).

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::{aspect_json, filled_workbook, fixtures, init_review, selfreview, set_sources};

/// A copy of the fixture review, scored, reported and packed: its folder (kept while the
/// value lives), `score --json`, the terminal text of `score` and the pack's path.
struct Run {
    dir: tempfile::TempDir,
    score: Value,
    text: String,
    pack: PathBuf,
}

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

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    selfreview()
        .env("SELFREVIEW_TODAY", "2026-12-01")
        .arg("-C")
        .arg(dir)
        .args(args)
        .assert()
        .get_output()
        .clone()
}

fn everything() -> Run {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy(&fixtures().join("registers-disagree"), dir.path());
    let score: Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "score"]).stdout).expect("JSON");
    let text = String::from_utf8(run(dir.path(), &["score"]).stdout).expect("utf-8");
    assert!(run(dir.path(), &["report"]).status.success());
    let packed = run(dir.path(), &["pack"]);
    assert!(
        packed.status.success(),
        "{}",
        String::from_utf8_lossy(&packed.stderr)
    );
    let pack = dir
        .path()
        .join("out/hill-primary-school-evidence-2026-12-01.zip");
    Run {
        dir,
        score,
        text,
        pack,
    }
}

/// An HTML page's text as a browser shows it: the escapes minijinja writes undone.
fn plain(html: &str) -> String {
    html.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

impl Run {
    fn out(&self, name: &str) -> String {
        plain(&std::fs::read_to_string(self.dir.path().join("out").join(name)).expect(name))
    }

    /// The check of `aspect` on `metric`: its status and fact.
    fn check(&self, aspect: &str, metric: &str) -> (String, String) {
        let c = aspect_json(&self.score, aspect)["evidence_checks"]
            .as_array()
            .expect("checks")
            .iter()
            .find(|c| c["metric"] == metric)
            .unwrap_or_else(|| panic!("{aspect} has a {metric} check"))
            .clone();
        (
            c["status"].as_str().unwrap_or("").to_string(),
            c["fact"].as_str().unwrap_or("").to_string(),
        )
    }
}

/// The Evidence sheet of a summary workbook: (measure, group, value, out of) per row.
fn evidence_rows(path: &Path) -> Vec<(String, String, String, String)> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("calamine opens summary.xlsx");
    let range = wb.worksheet_range("Evidence").expect("the Evidence sheet");
    range
        .rows()
        .skip(1)
        .map(|r| {
            let cell = |i: usize| r.get(i).map_or(String::new(), Data::to_string);
            (cell(0), cell(1), cell(2), cell(3))
        })
        .collect()
}

fn row<'a>(
    rows: &'a [(String, String, String, String)],
    measure: &str,
) -> &'a (String, String, String, String) {
    rows.iter()
        .find(|r| r.0 == measure)
        .unwrap_or_else(|| panic!("no row {measure:?} in {rows:?}"))
}

#[test]
fn terms_whose_filtering_checks_all_failed_are_named_in_every_output() {
    let r = everything();
    // Spring's only check was partly blocked and summer's let content through: a term
    // counts as checked only with a check that passed, so the termly check is not met, and
    // the terms whose checks all failed are named as the reason in every output.
    let (status, fact) = r.check("C1.1", "filtering.terms-unchecked");
    assert_eq!(status, "not-met");
    let why = "the latest filtering check did not pass in 2 of the 3 terms finished in the last year: in spring term 2025-26 and summer term 2025-26 the latest check found something getting through or did not say whether the filter held";
    assert!(fact.ends_with(why), "{fact}");
    assert!(r.text.contains(why), "the terminal names the terms");
    let reason = r.score["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|x| x["aspect"] == "C1.1")
        .expect("C1.1 holds readiness back");
    assert!(
        reason["message"].as_str().unwrap_or("").contains(why),
        "{reason}"
    );
    let html = r.out("report.html");
    assert!(html.contains(why), "the report names the terms");
    assert!(
        html.contains(
            "Every finished term had a check, but in spring term 2025-26 and summer term 2025-26 the latest check did not pass, so those terms do not count as checked."
        ),
        "the report says which terms failed"
    );
    let json = &r.score["registers"]["filtering"];
    assert_eq!(json["none_passed"][0], "2025-26 spring", "{json}");
    let rows = evidence_rows(&r.dir.path().join("out/summary.xlsx"));
    let failed = row(&rows, "Filtering checks finding something that got through");
    assert_eq!((failed.2.as_str(), failed.3.as_str()), ("3", "6"));
    let terms = row(&rows, "Terms whose latest filtering check did not pass");
    assert_eq!((terms.2.as_str(), terms.3.as_str()), ("2", "3"));
    let unchecked = row(
        &rows,
        "Terms not counted as checked: latest check did not pass",
    );
    assert_eq!((unchecked.2.as_str(), unchecked.3.as_str()), ("2", "3"));
    for term in ["spring term 2025-26", "summer term 2025-26"] {
        assert!(
            rows.iter().any(
                |x| x.0 == "Term whose latest filtering check failed or was unclear" && x.1 == term
            ),
            "{term} is named in {rows:?}"
        );
    }
    // The pack's summary in the zip carries the same figures as the one in out/.
    let csv = crate::handover::entry(&r.pack, "evidence-summary/filtering-checks-by-term.csv");
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        vec![
            "term,checks,passed,failed,unclear,outcome",
            "2025-26 autumn,1,1,0,0,passed",
            "2025-26 spring,1,0,1,0,failed",
            "2025-26 summer,1,0,1,0,failed",
        ]
    );
    let index = plain(&crate::handover::entry(&r.pack, "index.html"));
    assert!(index.contains("in spring term 2025-26 and summer term 2025-26 the latest check did not pass, so those terms do not count as checked"));
}

#[test]
fn a_document_overdue_or_dated_wrongly_backs_no_check_as_current() {
    let r = everything();
    // Reviewed within two years, but "Biannually" made it due in May: overdue.
    for aspect in ["C1.3", "C1.5"] {
        let (status, fact) = r.check(aspect, "documents.reviewed");
        assert_eq!(status, "not-met", "{aspect}: {fact}");
        assert!(
            fact.ends_with(
                "within the last two years, but its next review was due on 01/05/2026, so it is overdue"
            ),
            "{fact}"
        );
    }
    let (status, fact) = r.check("C2.1", "documents.reviewed");
    assert_eq!(status, "not-met", "{fact}");
    assert!(
        fact.contains("the register dates its next review 01/01/2026, before that last review, so one of the two dates is wrong"),
        "{fact}"
    );
    // The document that is current still backs its aspect.
    assert_eq!(r.check("A2.1", "documents.reviewed").0, "met");
    let html = r.out("report.html");
    assert!(html.contains(
        "No review dates: its last review, 15/12/2026, is after the review date of 01/12/2026, so it is not taken as a last review"
    ));
    assert!(html.contains(
        "Review overdue: its next review, 01/01/2026, is dated before its last review, 01/06/2026, so one of the two dates is wrong"
    ));
    let visit = r.out("visit.html");
    assert!(
        visit.contains("The policy register's review dates are put right (3 with dates that cannot be right: Filtering and monitoring review 2026: its last review: `31/09/2026` is not a real date (“Review dates Last reviewed”, Policies!D10); Social Media Policy: its last review, 15/12/2026"),
        "the desk check names the misdated documents, a day that is no real date among them"
    );
    assert!(visit.contains("(3 out of date: Filtering and monitoring review 2025; Mobile Devices Policy; Cyber Security Policy)"));
}

#[test]
fn governors_see_every_document_that_holds_back_readiness() {
    let r = everything();
    let html = r.out("governors.html");
    for (name, said) in [
        (
            "Data Protection Policy",
            "no review dates in the register, so it cannot be shown to be current",
        ),
        (
            "Images Policy",
            "no review dates in the register, so it cannot be shown to be current",
        ),
        (
            "Social Media Policy",
            "no review date that can be used, so it cannot be shown to be current",
        ),
        (
            "Cyber Security Policy",
            "review overdue (due 01/05/2026, worked out from the last review)",
        ),
    ] {
        assert!(
            html.contains(&format!("<li>{name}: {said}")),
            "governors.html names {name}"
        );
    }
    assert!(!html.contains("(due )"), "no empty due date");
}

#[test]
fn a_checks_needs_say_whom_they_count_and_each_once() {
    let r = everything();
    assert!(
        r.text.contains("2 of 4 staff signed an acceptable use agreement since 01/09/2026 (50%); level 2 needs 9 in 10 staff signed this school year; 2 of 5 pupils signed an acceptable use agreement since 01/09/2026 (40%); level 3 or better needs 3 in 4 pupils signed this school year and level 2 needs 9 in 10 pupils signed this school year."),
        "{}",
        r.text
    );
    assert!(r.text.contains(
        "level 2 needs all the people whose role is DSL or designated safeguarding lead trained in the last two years."
    ));
    assert!(
        r.text
            .contains("level 2 needs at least half the governors trained in the last two years")
    );
    for bare in [
        "needs all.",
        "needs 9 in 10 and",
        "needs 9 in 10;",
        "needs 3 in 4 and",
    ] {
        assert!(!r.text.contains(bare), "{bare:?} in {}", r.text);
    }
}

#[test]
fn a_frequency_after_a_last_review_dated_after_the_review_date_works_out_nothing() {
    let r = everything();
    let out = run(r.dir.path(), &["import"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("Social Media Policy: next review due: `Annually in September` says how often, not a date: the next review would be worked out as 12 months after the last review, but that last review is dated after the review date, so no next review date is worked out"),
        "{text}"
    );
    // Rows whose last review stands keep the note that the date was worked out.
    assert!(text.contains(
        "Online Safety Policy: next review due: `Annually` says how often, not a date: the next review is worked out as 12 months after the last review"
    ));
}

#[test]
fn agreements_with_no_dates_of_signing_are_in_the_summary_as_not_known_and_paths_keep_their_case() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    let file = "agreements-undated-marks.csv";
    std::fs::copy(
        fixtures().join("evidence").join(file),
        dir.join("evidence").join(file),
    )
    .expect("copy the register");
    set_sources(
        dir,
        &format!("[[evidence]]\nkind = \"agreements\"\npath = \"evidence/{file}\"\n\n"),
    );
    let commentary = "Every member of staff signs the agreement each September at the first staff meeting, and the office chases anyone who has not signed by half term.";
    filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("A2.2", 2, commentary, "")],
    );
    assert!(run(dir, &["report"]).status.success());
    let rows = evidence_rows(&dir.join("out/summary.xlsx"));
    let staff = rows
        .iter()
        .find(|r| r.0 == "Agreements signed this school year" && r.1 == "staff")
        .unwrap_or_else(|| panic!("no agreements row in {rows:?}"));
    assert_eq!((staff.2.as_str(), staff.3.as_str()), ("not known", "3"));
    // The check's reason names the file: its path is never given a capital.
    let html = plain(&std::fs::read_to_string(dir.join("out/report.html")).expect("report"));
    assert!(
        html.contains("evidence/agreements-undated-marks.csv has"),
        "the path as typed"
    );
    assert!(!html.contains("Evidence/agreements-undated-marks.csv"));
}

#[test]
fn governors_see_the_terms_the_filtering_held_in_and_those_it_failed_in_plain_words() {
    let r = everything();
    let html = r.out("governors.html");
    let start = html
        .find("<h2 id=\"filtering\">Filtering</h2>")
        .expect("a filtering section");
    let section = &html[start
        ..html[start..]
            .find("</section>")
            .map_or(html.len(), |e| start + e)];
    crate::says(
        section,
        &[
            "Of the 3 school terms that finished in the last 12 months, the filtering was checked and held in 1: autumn term 2025-26.",
            "In spring term 2025-26 and summer term 2025-26 the latest check found something getting through or did not say whether the filter held, so those terms do not count as checked.",
        ],
    );
    for code in ["C1.1", "terms-unchecked", "none_passed", "2025-26 spring"] {
        assert!(!section.contains(code), "{code} in {section}");
    }
}
