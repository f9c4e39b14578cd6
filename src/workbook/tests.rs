//! Round trips: workbooks we write read back, and workbooks filled and re-saved by other
//! programs (openpyxl, LibreOffice as xlsx and ods) read as the reviewer meant.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::*;
use crate::diag::Code;
use crate::framework::load_embedded;

fn framework() -> Framework {
    load_embedded("online-safety-21")
        .expect("embedded")
        .framework
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workbooks")
        .join(name)
}

#[test]
fn a_blank_workbook_reads_back_with_every_aspect_and_no_entries() {
    let fw = framework();
    let dir = tempfile::tempdir().expect("temporary folder");
    for kind in [
        ScoredBy::Individual {
            reviewer: "Online Safety Lead".into(),
        },
        ScoredBy::Group {
            members: vec!["OSL".into(), "DSL".into(), "Head".into()],
        },
    ] {
        let path = dir.path().join(kind.file_name());
        std::fs::write(
            &path,
            write::render(&fw, &kind, "Hill Primary", review_day()).expect("renders"),
        )
        .expect("write");
        let (filled, diags) = read(&path, &fw);
        assert!(diags.is_empty(), "{diags:?}");
        let filled = filled.expect("readable");
        assert_eq!(filled.kind, kind);
        assert_eq!(filled.framework, fw.id);
        assert_eq!(filled.version, fw.version);
        assert_eq!(filled.rows.len(), 21);
        assert!(!filled.has_entries());
    }
}

#[test]
fn the_same_request_gives_the_same_bytes() {
    let fw = framework();
    let kind = ScoredBy::Individual {
        reviewer: "DSL".into(),
    };
    let a = write::render(&fw, &kind, "Hill Primary", review_day()).expect("renders");
    let b = write::render(&fw, &kind, "Hill Primary", review_day()).expect("renders");
    assert!(a == b);
}

#[test]
fn workbooks_filled_by_openpyxl_and_resaved_by_libreoffice_read_the_same() {
    let fw = framework();
    for name in [
        "dsl-openpyxl.xlsx",
        "dsl-libreoffice.xlsx",
        "dsl-libreoffice.ods",
    ] {
        let path = fixture(name);
        let (filled, diags) = read(&path, &fw);
        let filled = filled.unwrap_or_else(|| panic!("{name} readable: {diags:?}"));
        assert_eq!(
            filled.kind,
            ScoredBy::Individual {
                reviewer: "DSL".into()
            },
            "{name}"
        );
        let row = |code: &str| filled.rows.iter().find(|r| r.code == code).expect("row");
        let a11 = row("A1.1");
        assert_eq!(a11.levels, vec![("DSL".to_string(), 2)], "{name}");
        assert!(a11.commentary.starts_with("Roles are set out"), "{name}");
        assert_eq!(
            a11.evidence,
            ["policy.pdf", "roles-briefing.pptx"],
            "{name}"
        );
        assert_eq!(a11.owner, "OSL");
        assert_eq!(a11.target, NaiveDate::from_ymd_opt(2027, 3, 31), "{name}");
        assert_eq!(row("A1.2").levels[0].1, 3, "{name}: a level typed as text");
        assert_eq!(
            row("A1.2").target,
            NaiveDate::from_ymd_opt(2027, 1, 31),
            "{name}"
        );
        assert_eq!(row("B2.1").levels[0].1, 1, "{name}");
        assert!(row("B2.1").commentary.is_empty());
        assert_eq!(row("C1.1").levels[0].1, 4);
        assert!(row("A2.1").levels.is_empty());
        let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::InvalidTargetDate], "{name}: {diags:?}");
        assert!(filled.has_entries());
    }
}

#[test]
fn problems_in_a_filled_workbook_name_the_cell() {
    let fw = framework();
    let dir = tempfile::tempdir().expect("temporary folder");
    // A workbook of our layout, filled badly: level 7, a made-up code, A1.2 left out.
    let make = |name: &str, framework: &str| {
        let path = dir.path().join(name);
        let mut wb = rust_xlsxwriter::Workbook::new();
        let sheet = wb
            .add_worksheet()
            .set_name(layout::SCORES_SHEET)
            .expect("name");
        let headers = ScoredBy::Individual {
            reviewer: "X".into(),
        }
        .headers();
        for (c, h) in (0u16..).zip(&headers) {
            sheet.write(0, c, h.as_str()).expect("write");
        }
        let mut r = 1;
        for (_, _, a) in fw.aspects().filter(|(_, _, a)| a.code != "A1.2") {
            sheet.write(r, 0, a.code.as_str()).expect("write");
            r += 1;
        }
        sheet.write(1, 3, 7).expect("write");
        sheet.write(r, 0, "Z9.9").expect("write");
        let info = wb
            .add_worksheet()
            .set_name(layout::INSTRUCTIONS_SHEET)
            .expect("name");
        info.write(0, 0, layout::detail::FRAMEWORK).expect("write");
        info.write(0, 1, framework).expect("write");
        info.write(1, 0, layout::detail::VERSION).expect("write");
        info.write(1, 1, fw.version.as_str()).expect("write");
        wb.save(&path).expect("save");
        (path, r)
    };
    let (path, r) = make("bad.xlsx", &fw.id);
    let (filled, diags) = read(&path, &fw);
    assert!(filled.is_some());
    let found: Vec<(Code, String)> = diags
        .iter()
        .map(|d| (d.code, d.location.cell.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Code::InvalidLevel, "Scores!D2".to_string()),
            (Code::UnknownAspectCode, format!("Scores!A{}", r + 1)),
            (Code::MissingAspectRow, String::new()),
        ]
    );

    // Made for another framework: named, and its levels are not counted at all.
    let (path, _) = make("other.xlsx", "another-framework");
    let (filled, diags) = read(&path, &fw);
    assert!(filled.is_none());
    let found: Vec<(Code, String)> = diags
        .iter()
        .map(|d| (d.code, d.location.cell.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [(
            Code::WorkbookFrameworkMismatch,
            "Instructions!B1".to_string()
        )]
    );
}

#[test]
fn files_that_are_not_workbooks_are_findings_not_failures() {
    let fw = framework();
    let dir = tempfile::tempdir().expect("temporary folder");
    let csv = dir.path().join("scores.XLSX");
    std::fs::write(&csv, "Code,Level\nA1.1,2\n").expect("write");
    let (filled, diags) = read(&csv, &fw);
    assert!(filled.is_none());
    assert_eq!(
        diags.iter().next().map(|d| d.code),
        Some(Code::UnreadableWorkbook)
    );

    let other = dir.path().join("other.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write(0, 0, "hello").expect("write");
    wb.save(&other).expect("save");
    let (filled, diags) = read(&other, &fw);
    assert!(filled.is_none());
    assert_eq!(
        diags.iter().next().map(|d| d.code),
        Some(Code::NotAScoringWorkbook)
    );
}

#[test]
fn workbooks_with_entries_are_kept_unless_forced() {
    let fw = framework();
    let dir = tempfile::tempdir().expect("temporary folder");
    let filled = dir.path().join("dsl.xlsx");
    std::fs::copy(fixture("dsl-openpyxl.xlsx"), &filled).expect("copy");
    let before = std::fs::read(&filled).expect("read");
    let reviewers = vec!["DSL".to_string(), "Head".to_string()];
    let mut req = Request {
        dir: dir.path(),
        school: "Hill Primary",
        reviewers: &reviewers,
        group: false,
        force: false,
        as_of: review_day(),
    };
    let written = write_all(&fw, &req).expect("writes the missing one");
    let outcomes: Vec<WriteOutcome> = written.iter().map(|w| w.outcome).collect();
    assert_eq!(outcomes, [WriteOutcome::Kept, WriteOutcome::Created]);
    assert_eq!(
        std::fs::read(&filled).expect("read"),
        before,
        "entries kept"
    );
    req.force = true;
    let written = write_all(&fw, &req).expect("forced");
    let outcomes: Vec<WriteOutcome> = written.iter().map(|w| w.outcome).collect();
    assert_eq!(outcomes, [WriteOutcome::Replaced, WriteOutcome::Unchanged]);
    req.force = false;
    let again = write_all(&fw, &req).expect("blank workbooks may be rewritten");
    assert!(again.iter().all(|w| w.outcome == WriteOutcome::Unchanged));
}

#[test]
fn reviewers_must_be_named_and_distinct() {
    let fw = framework();
    let dir = tempfile::tempdir().expect("temporary folder");
    let refused = |reviewers: &[&str]| {
        let reviewers: Vec<String> = reviewers.iter().map(|r| r.to_string()).collect();
        let req = Request {
            dir: dir.path(),
            school: "S",
            reviewers: &reviewers,
            group: false,
            force: false,
            as_of: review_day(),
        };
        write_all(&fw, &req).expect_err("refused")
    };
    assert!(matches!(refused(&[" "]), Error::NoReviewers));
    assert!(matches!(refused(&["Group"]), Error::ReservedReviewer { name } if name == "Group"));
    let shared = refused(&["DSL", "dsl"]);
    assert!(
        matches!(&shared, Error::SharedWorkbook { first, second, file }
            if first == "DSL" && second == "dsl" && file == "dsl.xlsx"),
        "{shared}"
    );
    assert_eq!(
        shared.to_string(),
        "reviewers: `DSL` and `dsl` would share the workbook dsl.xlsx; tell them apart, e.g. by adding a role"
    );
    assert!(
        std::fs::read_dir(dir.path())
            .expect("readable")
            .next()
            .is_none()
    );
}

#[test]
fn an_older_framework_version_warns_and_a_repeated_row_is_an_error() {
    let fw = framework();
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("dsl.xlsx");
    // A workbook of an older version whose second row repeats the first row's code.
    let mut older = fw.clone();
    older.version = "0.9.0".into();
    older.elements[0].strands[0].aspects[1].code = "A1.1".into();
    let kind = ScoredBy::Individual {
        reviewer: "DSL".into(),
    };
    std::fs::write(
        &path,
        write::render(&older, &kind, "S", review_day()).expect("renders"),
    )
    .expect("write");
    let (_, diags) = read(&path, &fw);
    let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            Code::WorkbookVersionMismatch,
            Code::DuplicateAspectRow,
            Code::MissingAspectRow
        ]
    );
}

#[test]
fn a_group_starts_from_its_members_own_levels_and_commentary() {
    let fw = framework();
    let book = |name: &str, level: u8, text: &str| Filled {
        path: PathBuf::from(format!("scores/{name}.xlsx")),
        kind: ScoredBy::Individual {
            reviewer: name.into(),
        },
        framework: fw.id.clone(),
        version: fw.version.clone(),
        named_at: Vec::new(),
        rows: vec![Row {
            code: "A1.1".into(),
            sheet_row: 4,
            levels: vec![(name.into(), level)],
            agreed: None,
            rationale: String::new(),
            commentary: text.into(),
            agreed_commentary: None,
            records_differ: String::new(),
            evidence: Vec::new(),
            evidence_cell: None,
            evidence_text: String::new(),
            actions: String::new(),
            owner: String::new(),
            target: None,
            target_text: String::new(),
            change_flag: String::new(),
            cells: Vec::new(),
        }],
    };
    let books = [book("DSL", 3, "Roles written."), book("Head", 2, "")];
    let start = prefill::from_individuals(&["dsl".into(), "Head".into(), "OSL".into()], &books);
    let a = &start["A1.1"];
    assert_eq!(
        a.levels,
        [("Head".to_string(), 2), ("dsl".to_string(), 3)]
            .into_iter()
            .collect()
    );
    assert_eq!(a.commentary, "dsl: Roles written.");
    let bytes = write::render_from(
        &fw,
        &ScoredBy::Group {
            members: vec!["dsl".into(), "Head".into(), "OSL".into()],
        },
        "S",
        review_day(),
        &start,
    )
    .expect("renders");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("group.xlsx");
    std::fs::write(&path, bytes).expect("write");
    let (filled, diags) = read(&path, &fw);
    assert!(diags.is_empty(), "{diags:?}");
    let row = &filled.expect("readable").rows[0];
    assert_eq!(
        row.levels,
        [("dsl".to_string(), 3), ("Head".to_string(), 2)]
    );
    assert_eq!(row.agreed, None);
}

#[test]
fn a_carried_workbook_reads_back_every_column_and_its_flags() {
    let fw = framework();
    let dir = tempfile::tempdir().expect("temporary folder");
    let kind = ScoredBy::Group {
        members: vec!["OSL".into(), "DSL".into()],
    };
    let mut prefill = prefill::Prefill::new();
    prefill.insert(
        "A1.1".into(),
        prefill::Start {
            levels: [("OSL".to_string(), 2), ("DSL".to_string(), 3)].into(),
            own: Some(3),
            rationale: "The weaker.".into(),
            commentary: "From A1.1: written.".into(),
            agreed_commentary: "From A1.1: agreed.".into(),
            evidence: "policy.pdf".into(),
            records_differ: String::new(),
            actions: "Review roles".into(),
            owner: "OSL".into(),
            target: NaiveDate::from_ymd_opt(2027, 3, 31),
            target_text: String::new(),
            flag: "Merged from A1.1 and A1.3.".into(),
        },
    );
    prefill.insert(
        "A1.2".into(),
        prefill::Start {
            own: Some(2),
            ..prefill::Start::default()
        },
    );
    let path = dir.path().join("group.xlsx");
    let bytes =
        write::render_from(&fw, &kind, "Hill Primary", review_day(), &prefill).expect("renders");
    std::fs::write(&path, bytes).expect("write");
    let (filled, diags) = read(&path, &fw);
    assert!(diags.is_empty(), "{diags:?}");
    let filled = filled.expect("reads");
    let row = |code: &str| filled.rows.iter().find(|r| r.code == code).expect("row");
    let a = row("A1.1");
    assert_eq!(a.levels, [("OSL".to_string(), 2), ("DSL".to_string(), 3)]);
    assert_eq!(a.agreed, Some(3));
    assert_eq!(
        (
            a.rationale.as_str(),
            a.commentary.as_str(),
            a.evidence_text.as_str()
        ),
        ("The weaker.", "From A1.1: written.", "policy.pdf")
    );
    assert_eq!(
        (a.actions.as_str(), a.owner.as_str()),
        ("Review roles", "OSL")
    );
    assert_eq!(a.target, NaiveDate::from_ymd_opt(2027, 3, 31));
    assert_eq!(a.agreed_commentary.as_deref(), Some("From A1.1: agreed."));
    assert_eq!(a.change_flag, "Merged from A1.1 and A1.3.");
    assert!(a.cell(layout::CHANGE_FLAG).is_some());
    assert_eq!(
        row("A1.2").change_flag,
        "",
        "an aspect the change did not touch"
    );
    assert_eq!(row("A1.2").agreed, Some(2));
    // A workbook without flags has no such column at all.
    let plain = write::render(&fw, &kind, "Hill Primary", review_day()).expect("renders");
    std::fs::write(&path, plain).expect("write");
    let (filled, _) = read(&path, &fw);
    assert!(
        filled
            .expect("reads")
            .rows
            .iter()
            .all(|r| r.cell(layout::CHANGE_FLAG).is_none())
    );
}

/// A group workbook whose gathered commentary for A1.1 runs to `chars` characters or more,
/// from ten members of 500 words each, written and read back.
fn long_notes(words: usize) -> (prefill::Prefill, ScoredBy) {
    let members: Vec<String> = (1..=10).map(|i| format!("Teacher {i:02}")).collect();
    let mut start = prefill::Start::default();
    let said: Vec<String> = members
        .iter()
        .map(|m| {
            let text: Vec<String> = (0..words).map(|w| format!("note{}", w % 37)).collect();
            format!("{m}: {}", text.join(" "))
        })
        .collect();
    start.commentary = said.join("\n\n");
    start.actions = "Review the policy with governors. "
        .repeat(200)
        .trim()
        .to_string();
    for m in &members {
        start.levels.insert(m.clone(), 2);
    }
    let mut prefill = prefill::Prefill::new();
    prefill.insert("A1.1".into(), start);
    (prefill, ScoredBy::Group { members })
}

#[test]
fn notes_too_long_for_a_row_go_on_in_continuation_rows_and_read_back_whole() {
    let fw = framework();
    let (prefill, kind) = long_notes(500);
    let bytes =
        write::render_from(&fw, &kind, "Hill Primary", review_day(), &prefill).expect("renders");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("group.xlsx");
    std::fs::write(&path, &bytes).expect("write");
    // calamine sees the continuation rows: the code repeated, the name marked.
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("opens");
    let scores = calamine::Reader::worksheet_range(&mut book, layout::SCORES_SHEET).expect("sheet");
    let continued: Vec<u32> = (0u32..)
        .zip(scores.rows())
        .filter(|(_, r)| r[0] == "A1.1" && r[1].to_string().ends_with("(continued)"))
        .map(|(i, _)| i)
        .collect();
    assert!(continued.len() >= 4, "{continued:?}");
    let (filled, diags) = read(&path, &fw);
    assert!(diags.is_empty(), "{diags:?}");
    let filled = filled.expect("readable");
    assert_eq!(filled.rows.len(), 21, "continuation rows are not aspects");
    let a = filled.rows.iter().find(|r| r.code == "A1.1").expect("A1.1");
    let start = &prefill["A1.1"];
    assert_eq!(a.commentary, start.commentary);
    assert_eq!(a.actions, start.actions);
    assert_eq!(a.levels.len(), 10, "each member's level once");
    // Every row is within what Excel allows, so nothing is cut in print.
    let sheet = part_of(&bytes, "xl/worksheets/sheet1.xml");
    for height in sheet.split(" ht=\"").skip(1) {
        let points: f64 = height
            .split('"')
            .next()
            .and_then(|h| h.parse().ok())
            .expect("ht");
        assert!(points < crate::sheetprint::MAX_ROW_POINTS, "{points}");
    }
}

#[test]
fn notes_longer_than_a_cell_holds_are_written_over_rows_instead_of_refused() {
    let fw = framework();
    let dir = tempfile::tempdir().expect("temporary folder");
    // Ten members' individual workbooks with 700 words each for A1.1 gather to more than
    // the 32,767 characters one cell holds.
    let members: Vec<String> = (1..=10).map(|i| format!("Teacher {i:02}")).collect();
    let text: Vec<String> = (0..700).map(|w| format!("commentary{}", w % 41)).collect();
    let text = text.join(" ");
    for m in &members {
        let kind = ScoredBy::Individual {
            reviewer: m.clone(),
        };
        let mut own = prefill::Prefill::new();
        own.insert(
            "A1.1".into(),
            prefill::Start {
                own: Some(2),
                commentary: text.clone(),
                ..prefill::Start::default()
            },
        );
        let bytes = write::render_from(&fw, &kind, "S", review_day(), &own).expect("renders");
        std::fs::write(dir.path().join(kind.file_name()), bytes).expect("write");
    }
    let req = Request {
        dir: dir.path(),
        school: "S",
        reviewers: &members,
        group: true,
        force: false,
        as_of: review_day(),
    };
    let written = write_all(&fw, &req).expect("made, not refused");
    assert_eq!(written[0].outcome, WriteOutcome::Created);
    let (filled, diags) = read(&written[0].path, &fw);
    assert!(diags.is_empty(), "{diags:?}");
    let a = filled
        .expect("readable")
        .rows
        .into_iter()
        .find(|r| r.code == "A1.1")
        .expect("A1.1");
    assert!(a.commentary.chars().count() > prefill::MAX_CELL_CHARS);
    for m in &members {
        assert_eq!(
            a.commentary.matches(&format!("{m}: {text}")).count(),
            1,
            "{m}"
        );
    }
    // Only a word longer than a cell cannot be cut, and is still refused.
    let word = "x".repeat(prefill::MAX_CELL_CHARS + 1);
    let kind = ScoredBy::Individual {
        reviewer: members[0].clone(),
    };
    let mut own = prefill::Prefill::new();
    own.insert(
        "A1.1".into(),
        prefill::Start {
            own: Some(2),
            commentary: format!("see {word}"),
            ..prefill::Start::default()
        },
    );
    assert!(own["A1.1"].too_long().is_some());
    assert!(write::render_from(&fw, &kind, "S", review_day(), &own).is_err());
}

#[test]
fn a_level_typed_on_a_continuation_row_is_named_and_not_counted() {
    let fw = framework();
    let (prefill, kind) = long_notes(300);
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("group.xlsx");
    std::fs::write(
        &path,
        write::render_from(&fw, &kind, "S", review_day(), &prefill).expect("renders"),
    )
    .expect("write");
    // Re-save with a level in the first continuation row's Agreed cell and the member's.
    let (filled, _) = read(&path, &fw);
    let first = filled.expect("reads").rows[0].sheet_row;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb
        .add_worksheet()
        .set_name(layout::SCORES_SHEET)
        .expect("name");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("opens");
    let range = calamine::Reader::worksheet_range(&mut book, layout::SCORES_SHEET).expect("sheet");
    let headers = kind.headers();
    let agreed = headers
        .iter()
        .position(|h| h == layout::AGREED)
        .expect("Agreed");
    for (r, row) in (0u32..).zip(range.rows()) {
        for (c, cell) in (0u16..).zip(row) {
            let text = crate::spreadsheet::text(cell);
            if let Ok(n) = text.parse::<f64>() {
                sheet.write(r, c, n).expect("cell");
            } else if !text.is_empty() {
                sheet.write(r, c, cell.to_string()).expect("cell");
            }
        }
    }
    sheet
        .write(first + 1, u16::try_from(agreed).expect("col"), 1)
        .expect("cell");
    let details = wb
        .add_worksheet()
        .set_name(layout::INSTRUCTIONS_SHEET)
        .expect("name");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("opens");
    let info =
        calamine::Reader::worksheet_range(&mut book, layout::INSTRUCTIONS_SHEET).expect("sheet");
    for (r, row) in (0u32..).zip(info.rows()) {
        for (c, cell) in (0u16..).zip(row) {
            sheet_write(details, r, c, cell);
        }
    }
    let resaved = dir.path().join("resaved.xlsx");
    wb.save(&resaved).expect("save");
    let (filled, diags) = read(&resaved, &fw);
    let a = filled
        .expect("reads")
        .rows
        .into_iter()
        .find(|r| r.code == "A1.1")
        .expect("A1.1");
    assert_eq!(
        a.agreed, None,
        "the continuation row's level is not counted"
    );
    assert_eq!(a.commentary, prefill["A1.1"].commentary.trim());
    assert!(
        diags
            .0
            .iter()
            .any(|d| d.code == Code::LevelOnContinuationRow),
        "{diags:?}"
    );
}

fn sheet_write(sheet: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, cell: &calamine::Data) {
    let text = crate::spreadsheet::text(cell);
    if !text.is_empty() {
        sheet.write(r, c, text).expect("cell");
    }
}

/// The text of `name` inside the xlsx `bytes`.
fn part_of(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an xlsx is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("part")
        .read_to_string(&mut text)
        .expect("text");
    text
}

/// The review date the workbooks in these tests are made for.
fn review_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day")
}

#[test]
fn rows_people_fill_in_are_never_marked_as_sized_by_hand() {
    let fw = framework();
    let (prefill, kind) = long_notes(500);
    let bytes = write::render_from(&fw, &kind, "S", review_day(), &prefill).expect("renders");
    let sheet = part_of(&bytes, "xl/worksheets/sheet1.xml");
    let rows: Vec<&str> = sheet
        .split("<row ")
        .skip(1)
        .map(|r| r.split('>').next().unwrap_or(""))
        .collect();
    assert!(
        rows[0].contains(r#"customHeight="1""#),
        "the heading row keeps its height"
    );
    assert!(
        rows.iter().skip(1).any(|r| r.contains(" ht=")),
        "gathered notes get a height"
    );
    assert!(
        rows.iter().skip(1).all(|r| !r.contains("customHeight")),
        "{rows:?}"
    );
    // The parts other than the Scores sheet are copied as rust_xlsxwriter wrote them, and
    // the same request still gives the same bytes.
    let again = write::render_from(&fw, &kind, "S", review_day(), &prefill).expect("renders");
    assert!(bytes == again);
}

#[test]
fn a_big_groups_workbook_filled_by_openpyxl_reads_every_members_level_once() {
    let fw = framework();
    let (filled, diags) = read(&fixture("group-30-openpyxl.xlsx"), &fw);
    assert!(diags.is_empty(), "{diags:?}");
    let filled = filled.expect("readable");
    let ScoredBy::Group { members } = &filled.kind else {
        panic!("a group workbook")
    };
    assert_eq!(members.len(), 30);
    assert_eq!(filled.rows.len(), 21);
    for row in &filled.rows {
        assert_eq!(row.levels.len(), 30, "{}", row.code);
        assert_eq!(row.agreed, Some(2));
        assert!(
            row.commentary
                .starts_with("Teacher 01 with a rather long job title: ")
        );
    }
}
