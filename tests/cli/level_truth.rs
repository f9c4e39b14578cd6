//! Every output says how each level was reached, and calls a level agreed only when the
//! group agreed it; each figure beside a threshold is the figure its check uses; and
//! summary.xlsx carries every reason the reviewers gave for the records differing.

use std::path::Path;

use crate::{init_review, selfreview, stdout_of};

/// A file of the review as text, with the characters the templates escape put back.
fn text(path: &Path) -> String {
    std::fs::read_to_string(path)
        .expect("readable")
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn the_middle_of_the_reviewers_levels_is_never_called_agreed() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    let why = "The register was kept on paper for the first term and has not been typed up yet, so the import misses it.";
    for (file, name, level) in [("dsl.xlsx", "DSL", 2), ("osl.xlsx", "OSL", 3)] {
        crate::filled_workbook_explained(
            &dir.join("scores").join(file),
            name,
            &[("A1.1", level, "Roles are written down.", "")],
            &[("A1.1", why)],
        );
    }
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    let out = dir.join("out");
    let tool = text(&out.join("online-tool.html"));
    assert!(tool.contains("Level, not agreed"), "{tool}");
    assert!(
        tool.contains("Not agreed by the group: this is the middle of the reviewers' levels."),
        "{tool}"
    );
    let visit = text(&out.join("visit.html"));
    assert!(
        visit.contains("Every aspect has a level agreed by the group (0 of 21)."),
        "{visit}"
    );
    assert!(
        !visit.contains("Every aspect has an agreed level"),
        "{visit}"
    );
    assert!(
        visit.contains("(the middle of the reviewers' levels)"),
        "the agenda's level says how it was reached: {visit}"
    );
    let governors = text(&out.join("governors.html"));
    assert!(
        governors.contains("Of the 1 level shown, 1 is the middle of the reviewers' levels, not agreed by the group."),
        "{governors}"
    );
    let rows = crate::rows_by_code(&out.join("summary.xlsx"), "Summary");
    assert_eq!(
        rows["A1.1"]["How reached"],
        "the middle of the reviewers' levels"
    );
    assert_eq!(
        rows["A1.1"]["Why the records differ"],
        format!("DSL and OSL: {why}"),
        "given, after who gave it, though the records bear the claim out"
    );
    let said = stdout_of(dir, &["score"]);
    assert!(
        said.contains("the middle of the reviewers' levels, not agreed"),
        "{said}"
    );
    // Nor does it count toward readiness: the reason names it as not agreed.
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(dir, &["score", "--json"])).expect("json");
    let reason = json["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|r| r["aspect"] == "A1.1")
        .expect("A1.1 holds readiness back");
    assert!(
        reason["kinds"]
            .as_array()
            .expect("kinds")
            .contains(&serde_json::json!("not-agreed")),
        "{reason}"
    );
    assert!(
        reason["message"]
            .as_str()
            .expect("message")
            .contains("only the middle of the levels the reviewers gave"),
        "{reason}"
    );
}

#[test]
fn a_training_bar_beside_a_threshold_shows_the_window_its_check_measures() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .current_dir(tmp.path())
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["demo", "school"])
        .assert()
        .success();
    let dir = tmp.path().join("school");
    for args in [&["migrate", "--to", "online-safety-18"][..], &["report"]] {
        selfreview()
            .arg("-C")
            .arg(&dir)
            .env("SELFREVIEW_TODAY", "2026-12-02")
            .args(args)
            .assert()
            .success();
    }
    let governors = text(&dir.join("out/governors.html"));
    // Level 2 asks for nine in ten staff trained in the last year: that share is drawn
    // against the 90% mark, beside the two years' share the level-3 check measures.
    for needed in [
        "Staff, last 12 months</text>",
        "71% (10 of 14)",
        "Staff, last 24 months</text>",
        "92% (13 of 14)",
    ] {
        assert!(governors.contains(needed), "{needed}: {governors}");
    }
    // Each bar is marked with what its own window's check at the benchmark asks: over two
    // years, level 2 asks that no member of staff is untrained, not nine in ten.
    let bar = |label: &str| {
        let from = governors.find(label).expect("the bar") + label.len();
        let rest = &governors[from..];
        rest[..rest.find(r#"<text x="0.0""#).unwrap_or(rest.len())].to_string()
    };
    let two_years = bar("Staff, last 24 months</text>");
    assert!(
        two_years.contains(">all expected (none untrained)</text>"),
        "{two_years}"
    );
    assert!(!two_years.contains("90% expected"), "{two_years}");
    assert!(bar("Staff, last 12 months</text>").contains(">90% expected</text>"));
    assert!(bar(">Governors</text>").contains(">50% expected</text>"));
    let report = text(&dir.join("out/report.html"));
    assert!(report.contains(">Staff, last 12 months</td>"), "{report}");
    assert!(
        report.contains(">all expected (none untrained)</text>"),
        "{report}"
    );
}

#[test]
fn a_level_written_plainly_is_read_and_one_that_cannot_be_read_stops_every_output() {
    use crate::AspectRow;
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    let row = |code, level_text| AspectRow {
        code,
        level_text,
        commentary: "Written down and shared with staff.",
        ..AspectRow::default()
    };
    let book = dir.join("scores/dsl.xlsx");
    let plain = [
        row("A1.1", "Level 1"),
        row("A1.2", "L2"),
        row("A1.3", "Two"),
        row("A2.1", "3 (Developing)"),
        row("A2.2", "Established"),
    ];
    crate::scoring_workbook(&book, "DSL", &plain);
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(dir, &["score", "--json"])).expect("json");
    for (code, level) in [
        ("A1.1", 1),
        ("A1.2", 2),
        ("A1.3", 2),
        ("A2.1", 3),
        ("A2.2", 2),
    ] {
        assert_eq!(
            crate::aspect_json(&json, code)["agreed"],
            level,
            "{code} is read"
        );
    }
    // A number with another level's label leaves doubt: it is no level, named at its cell,
    // and nothing is written from a review that cannot be read in full.
    let mut doubtful = plain.to_vec();
    doubtful[0] = row("A1.1", "2 - Developing");
    crate::scoring_workbook(&book, "DSL", &doubtful);
    let refused = selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .code(1);
    let said = String::from_utf8_lossy(&refused.get_output().stderr).to_string()
        + &String::from_utf8_lossy(&refused.get_output().stdout);
    assert!(said.contains("invalid-level"), "{said}");
    assert!(
        said.contains("dsl.xlsx") && said.contains("Scores!D2"),
        "{said}"
    );
    assert!(said.contains("Nothing was written"), "{said}");
    assert!(
        std::fs::read_dir(dir.join("out")).map_or(0, |d| d.count()) == 0,
        "no report from a review that cannot be read"
    );
    selfreview().arg("-C").arg(dir).arg("pack").assert().code(1);
    assert!(
        std::fs::read_dir(dir.join("out")).map_or(0, |d| d.count()) == 0,
        "no pack either"
    );
    let before = std::fs::read_dir(dir.join("history")).map_or(0, |d| d.count());
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("score")
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read_dir(dir.join("history")).map_or(0, |d| d.count()),
        before,
        "no snapshot of a review that cannot be read"
    );
}

#[test]
fn a_short_commentary_leaves_the_aspect_incomplete_and_no_records_support_nothing() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    crate::filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "DSL",
        &[("B2.1", 2, "Staff are trained every year.", "")],
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(dir, &["score", "--json"])).expect("json");
    let b21 = crate::aspect_json(&json, "B2.1");
    assert_eq!(
        b21["complete"], false,
        "a commentary too short to count stands in the way, so the aspect is not complete"
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
    let report = text(&dir.join("out/report.html"));
    assert!(
        report.contains(
            "Claimed level 2; no imported records check this level, so the records support none."
        ),
        "{report}"
    );
    assert!(
        !report.contains("the school's records support level"),
        "{report}"
    );
    let rows = crate::rows_by_code(&dir.join("out/summary.xlsx"), "Summary");
    assert_eq!(rows["B2.1"]["Complete"], "no");
    assert_eq!(
        rows["B2.1"]["Evidenced"], "",
        "no records: nothing evidenced"
    );
}

#[test]
fn a_level_carried_by_a_framework_change_and_not_yet_checked_holds_back_readiness() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("school");
    selfreview()
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["demo", "--quiet"])
        .arg(&dir)
        .assert()
        .success();
    selfreview()
        .arg("-C")
        .arg(&dir)
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["migrate", "--to", "online-safety-18"])
        .assert()
        .success();
    let out = selfreview()
        .arg("-C")
        .arg(&dir)
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["score", "--json"])
        .output()
        .expect("ran");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let carried: Vec<&serde_json::Value> = json["aspects"]
        .as_array()
        .expect("aspects")
        .iter()
        .filter(|a| a["agreed_by"] == "carried")
        .collect();
    assert!(!carried.is_empty(), "{json}");
    for a in &carried {
        assert_eq!(a["complete"], false, "{a}");
        let code = a["code"].as_str().expect("a code");
        let reason = json["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .find(|r| r["aspect"] == code)
            .unwrap_or_else(|| panic!("no reason for {code}: {json}"));
        assert!(
            reason["kinds"]
                .as_array()
                .expect("kinds")
                .iter()
                .any(|k| k == "carried-not-checked"),
            "{reason}"
        );
    }
    assert_eq!(json["milestones"]["ready"], false, "{json}");
}

/// Every cell of one sheet of a workbook, as text, row by row.
fn sheet_cells(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).expect("calamine opens it");
    let range = wb.worksheet_range(sheet).expect("the sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// The demo school carried to the 18 aspects, its reports and pack written.
fn carried_demo(tmp: &Path) -> std::path::PathBuf {
    let dir = tmp.join("school");
    selfreview()
        .env("SELFREVIEW_TODAY", "2026-12-02")
        .args(["demo", "--quiet"])
        .arg(&dir)
        .assert()
        .success();
    for args in [
        &["migrate", "--to", "online-safety-18"][..],
        &["report"],
        &["pack"],
    ] {
        selfreview()
            .arg("-C")
            .arg(&dir)
            .env("SELFREVIEW_TODAY", "2026-12-02")
            .args(args)
            .assert()
            .success();
    }
    dir
}

/// No page heads what migrate carried as agreed, and each says it was carried.
fn pages_say_what_was_carried(out: &Path) {
    // What migrate carried under an old aspect's code starts "From B1.2 …": no heading
    // beside it may call it agreed, in any page.
    for page in [
        "report.html",
        "online-tool.html",
        "governors.html",
        "visit.html",
    ] {
        let html = text(&out.join(page));
        for agreed in [
            "Why the group agreed this level:</strong> From",
            "Agreed commentary:</strong> From",
        ] {
            assert!(!html.contains(agreed), "{page}: {agreed}");
        }
    }
    let report = text(&out.join("report.html"));
    assert!(
        report.contains(
            "Commentary carried by the framework change, for the group to check:</strong> From B1.1"
        ),
        "{report}"
    );
    assert!(
        report.contains("Solid blue, shaded: each aspect's level, not all agreed by the group")
    );
    let tool = text(&out.join("online-tool.html"));
    assert!(
        tool.contains("Not agreed by the group: this commentary is carried by the framework change, for the group to check."),
        "{tool}"
    );
    assert!(tool.contains("Commentary, not agreed"), "{tool}");
    assert!(
        tool.contains("Levels and commentary, not all agreed by the group, as of")
            && !tool.contains("Agreed levels and commentary"),
        "{tool}"
    );
    let visit = text(&out.join("visit.html"));
    assert!(
        visit.contains("Every aspect has a commentary agreed by the group saying how the benchmark is met and what shows it (13 of 18)."),
        "{visit}"
    );
}

/// The pack's commentary and summary.xlsx say which levels were carried.
fn pack_and_summary_say_what_was_carried(out: &Path) {
    let pack = std::fs::read_dir(out)
        .expect("out")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "zip"))
        .expect("a pack");
    let b11 = crate::handover::entry(&pack, "aspects/B1.1/commentary.txt");
    for needed in [
        "Level: 3 (Developing), carried by the framework change, for the group to check, not agreed by the group",
        "Why the group agreed the old framework's levels, carried by the framework change for it to check: From B1.2",
        "Commentary carried by the framework change, for the group to check:\nFrom B1.1",
    ] {
        assert!(b11.contains(needed), "{needed}: {b11}");
    }
    assert!(
        !b11.contains("Agreed commentary") && !b11.contains("agreed this level"),
        "{b11}"
    );
    let a12 = crate::handover::entry(&pack, "aspects/A1.2/commentary.txt");
    assert!(
        a12.contains("Why the group agreed this level:") && a12.contains("\nAgreed commentary:\n"),
        "{a12}"
    );
    let summary = out.join("summary.xlsx");
    let rows = crate::rows_by_code(&summary, "Summary");
    assert!(!rows["B1.1"].contains_key("Agreed"), "{:?}", rows["B1.1"]);
    assert_eq!(rows["B1.1"]["Level"], "3");
    assert_eq!(
        rows["B1.1"]["How reached"],
        "carried by the framework change, for the group to check"
    );
    assert_eq!(rows["A1.2"]["How reached"], "agreed by the group");
    let chart = sheet_cells(&summary, "Chart").concat().join("\n");
    assert!(
        chart.contains("The Level bars of A1.1, B1.1, B4.1, C1.5, C2.3 are carried by the framework change, for the group to check, not agreed by the group."),
        "{chart}"
    );
    assert!(!chart.contains("Agreed"), "{chart}");
}

#[test]
fn a_carried_level_and_its_commentary_are_said_to_be_carried_in_every_output() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = carried_demo(tmp.path());
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&dir, &["score", "--json"])).expect("json");
    let b11 = crate::aspect_json(&json, "B1.1");
    assert_eq!(b11["agreed_by"], "carried");
    assert_eq!(b11["agreed_commentary"]["by"], "carried", "{b11}");
    assert_eq!(
        crate::aspect_json(&json, "A1.2")["agreed_commentary"]["by"],
        "group"
    );
    let said = stdout_of(&dir, &["score"]);
    assert!(!said.contains("agreed because"), "{said}");
    assert!(
        said.contains("Why the group agreed the old framework's levels, carried by the framework change for it to check: From B1.2"),
        "{said}"
    );
    assert!(
        said.contains("Why the group agreed this level: The group has met six times"),
        "A1.2 the group agreed: {said}"
    );
    assert!(
        said.contains("Agreed commentary (what the assessor reads): 13 of 18 aspects; 4 more carried by the framework change, for the group to check"),
        "{said}"
    );
    let out = dir.join("out");
    pages_say_what_was_carried(&out);
    pack_and_summary_say_what_was_carried(&out);
}

/// The names of the files in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

#[test]
fn a_run_that_refuses_leaves_no_earlier_report_or_pack_to_be_taken_for_this_one() {
    use crate::AspectRow;
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    // The incident records name the children a pack is checked for.
    crate::report::full_review(dir);
    for f in std::fs::read_dir(dir.join("scores")).expect("scores") {
        std::fs::remove_file(f.expect("entry").path()).expect("remove");
    }
    let book = dir.join("scores/dsl.xlsx");
    let row = |level_text| AspectRow {
        code: "A1.1",
        level_text,
        commentary: "Written down and shared with staff.",
        ..AspectRow::default()
    };
    crate::scoring_workbook(&book, "DSL", &[row("2")]);
    made(dir);
    let report = text(&dir.join("out/report.html"));
    assert!(
        report.contains("The only reviewer's commentary:</strong> Written down"),
        "one reviewer's commentary is not called agreed: {report}"
    );
    std::fs::write(dir.join("out/notes.txt"), "the school's own").expect("a file of ours");
    let before = names_in(&dir.join("out"));
    assert_eq!(
        before.len(),
        7,
        "five reports, the pack, the notes: {before:?}"
    );
    let pack = before.iter().find(|n| n.ends_with(".zip")).expect("a pack");
    let pack_and_notes = [pack.clone(), "notes.txt".to_string()];

    // A level that cannot be read: nothing from the earlier run is left to look current,
    // and what is not the tool's is left alone.
    crate::scoring_workbook(&book, "DSL", &[row("2 - Developing")]);
    let said = refused(dir, "report");
    assert!(
        said.contains("Nothing was written, and the earlier out/report.html, out/governors.html, out/online-tool.html, out/visit.html, out/summary.xlsx were removed"),
        "{said}"
    );
    assert_eq!(names_in(&dir.join("out")), pack_and_notes);
    let said = refused(dir, "pack");
    assert!(
        said.contains("The earlier pack") && said.contains("was removed"),
        "{said}"
    );
    assert_eq!(names_in(&dir.join("out")), ["notes.txt"]);

    // A review that cannot be opened at all refuses the same way.
    crate::scoring_workbook(&book, "DSL", &[row("2")]);
    made(dir);
    let settings = std::fs::read_to_string(dir.join("review.toml")).expect("settings");
    std::fs::write(dir.join("review.toml"), format!("{settings}\nnot toml [")).expect("broken");
    assert!(refused(dir, "report").contains("review.toml"));
    assert_eq!(names_in(&dir.join("out")), pack_and_notes);

    // Records of children's names that cannot be read: the names in the school's text
    // cannot be taken out, so the report refuses, and so does the pack.
    std::fs::write(dir.join("review.toml"), &settings).expect("mended");
    made(dir);
    std::fs::write(dir.join("evidence/reporting-log.xlsx"), "not a workbook").expect("spoilt");
    assert!(refused(dir, "report").contains("reporting-log.xlsx"));
    assert_eq!(names_in(&dir.join("out")), pack_and_notes);
    refused(dir, "pack");
    assert_eq!(names_in(&dir.join("out")), ["notes.txt"]);

    // A file of a report's name that selfreview did not make is the school's: it stays.
    std::fs::write(dir.join("evidence/reporting-log.xlsx"), "not a workbook").expect("spoilt");
    let own = "<html><body><p>The governors' own page</p></body></html>";
    std::fs::write(dir.join("out/governors.html"), own).expect("the school's page");
    let mut summary = rust_xlsxwriter::Workbook::new();
    summary.set_properties(&rust_xlsxwriter::DocProperties::new().set_author("Bursar"));
    summary.add_worksheet();
    summary
        .save(dir.join("out/summary.xlsx"))
        .expect("the school's workbook");
    refused(dir, "report");
    assert_eq!(
        names_in(&dir.join("out")),
        ["governors.html", "notes.txt", "summary.xlsx"]
    );
    assert_eq!(text(&dir.join("out/governors.html")), own);
}

/// Runs `report`, then `pack`, each of which must succeed.
fn made(dir: &Path) {
    for command in ["report", "pack"] {
        selfreview()
            .arg("-C")
            .arg(dir)
            .arg(command)
            .assert()
            .success();
    }
}

/// Runs `command`, which must fail; returns what it said on standard error.
fn refused(dir: &Path, command: &str) -> String {
    let out = selfreview()
        .arg("-C")
        .arg(dir)
        .arg(command)
        .assert()
        .failure();
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}
