//! The governors' report: each group's expected training share from the framework, what
//! stands in the way listed, no "0 the year before" when the records start this year, and
//! an earlier review on a framework no map leads from named in words.

use crate::{fixtures, init_review, selfreview, set_sources};

#[test]
fn the_governors_report_takes_its_expectations_from_the_framework() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::copy(
        fixtures().join("verdict/half-the-staff-trained.csv"),
        dir.join("evidence/training.csv"),
    )
    .expect("copy");
    std::fs::copy(
        fixtures().join("scope/whole-school-export.csv"),
        dir.join("evidence/export.csv"),
    )
    .expect("copy");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"training\"\npath = \"evidence/training.csv\"\n\n\
         [[evidence]]\nkind = \"incidents\"\npath = \"evidence/export.csv\"\n",
    );
    crate::filled_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[("B2.1", 2, "Staff are trained.", "training.csv")],
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.join("out/governors.html"))
        .expect("governors.html")
        .replace("&#x2f;", "/");
    // Staff at benchmark need nine in ten; governors (B3.1) half.
    assert!(html.contains("90% expected"), "staff expectation");
    assert!(
        html.contains("50% expected"),
        "governors' expectation from B3.1"
    );
    // What stands in the way, listed rather than counted.
    assert!(html.contains("aspects stand in the way:"));
    // Twenty aspects unscored and one the records do not support, grouped by what holds
    // them back, so that the first page keeps the radar.
    assert!(html.contains(
        "<li><strong>The records do not support the level claimed (1):</strong> Staff (B2.1).</li>"
    ), "{html}");
    assert!(
        html.contains("<li><strong>Not scored yet (20):</strong>"),
        "{html}"
    );
    assert!(
        html.contains("; and 16 more.</li>"),
        "at most four named: {html}"
    );
    assert!(html.contains("The self-review report says in full what holds each aspect back."));
    assert!(!html.contains("the full report lists them"));
    // The log starts this year: no comparison with an empty year before.
    assert!(
        html.contains("3 incidents in the last 12 months; the records start on 12/09/2026, so there are no earlier records to compare with."),
        "{html}"
    );
    assert!(!html.contains("against 0"));
}

#[test]
fn a_log_reaching_into_the_year_before_is_compared_with_it() {
    let out = selfreview()
        .args([
            "--json",
            "import",
            "--kind",
            "incidents",
            "--as-of",
            "2026-11-10",
        ])
        .arg(fixtures().join("evidence/safeguarding-export.csv"))
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    let i = &doc["metrics"]["incidents"];
    assert_eq!(
        (
            i["previous_covered"].as_bool(),
            i["previous_count"].as_u64()
        ),
        (Some(true), Some(1))
    );
    let out = selfreview()
        .args([
            "--json",
            "import",
            "--kind",
            "incidents",
            "--as-of",
            "2026-10-31",
        ])
        .arg(fixtures().join("evidence/safeguarding-export.csv"))
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(doc["metrics"]["incidents"]["previous_covered"], false);
}

/// The demo, its earlier review (the one nearest the Mark's award) relabelled as scored on
/// `framework`, scored and reported again.
fn demo_earlier_on(tmp: &std::path::Path, framework: &str) -> std::path::PathBuf {
    let run = |dir: &std::path::Path, args: &[&str]| {
        selfreview()
            .current_dir(dir)
            .env("SELFREVIEW_TODAY", "2026-12-01")
            .args(args)
            .assert()
            .success();
    };
    run(tmp, &["demo", "--quiet", "school"]);
    let dir = tmp.join("school");
    let snapshot = dir.join("history/2023-11-20.json");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&snapshot).expect("snapshot")).expect("JSON");
    doc["framework"] = serde_json::json!(framework);
    std::fs::write(&snapshot, doc.to_string()).expect("write");
    run(&dir, &["score", "-q"]);
    run(&dir, &["report", "-q"]);
    dir
}

#[test]
fn an_earlier_review_no_map_leads_from_is_named_by_its_title_and_said_not_comparable() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    // No map leads from the 18 aspects back to the demo's 21.
    let dir = demo_earlier_on(tmp.path(), "online-safety-18");
    let read = |name: &str| std::fs::read_to_string(dir.join("out").join(name)).expect(name);
    let governors = read("governors.html");
    assert!(
        governors.contains(
            "The last review, of 20&#x2f;11&#x2f;2023, was scored on Online safety self-review (18 aspects, England). \
             No framework map carries its levels to this review's framework, Online safety self-review (21 aspects), \
             so the two cannot be compared level by level."
        ),
        "{governors}"
    );
    assert!(!governors.contains("This is the first scored review"));
    assert!(
        governors.contains("was scored on Online safety self-review (18 aspects, England), and no framework map leads from it to this one, so its levels cannot be compared."),
        "the Mark's paragraph names the framework in words"
    );
    let report = read("report.html");
    assert!(report.contains(
        "was scored on Online safety self-review (18 aspects, England), and no framework map"
    ));
    // The radar draws no earlier review it cannot place, and its legend names none.
    assert!(!report.contains("Dotted grey") && !governors.contains("Dotted grey"));
    for name in [
        "report.html",
        "governors.html",
        "visit.html",
        "online-tool.html",
    ] {
        assert!(
            !read(name).contains("online-safety-18"),
            "{name} names a framework by its id"
        );
    }
}

#[test]
fn an_earlier_review_on_a_framework_nobody_holds_is_described_not_named_by_its_id() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = demo_earlier_on(tmp.path(), "county-review-2019");
    for name in ["report.html", "governors.html"] {
        let html = std::fs::read_to_string(dir.join("out").join(name)).expect(name);
        assert!(!html.contains("county-review-2019"), "{name} names the id");
        assert!(
            html.contains("was scored on a framework that neither selfreview nor this review&#x27;s frameworks folder holds"),
            "{name} describes it"
        );
    }
}
