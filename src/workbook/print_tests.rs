//! How group workbooks print, read back: a small group's level columns print beside the
//! agreed level, a big group's are hidden behind Levels given, and either way (and in a
//! group workbook made by the layout that printed every column at full width) the reader
//! finds every member's level and the agreed one.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader};

use super::*;
use crate::framework::load_embedded;

fn framework() -> Framework {
    load_embedded("online-safety-21")
        .expect("embedded")
        .framework
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day")
}

/// A group of `n` members, each with a level on every aspect, and the agreed level 3,
/// made into a workbook.
fn group(n: usize, dir: &Path) -> (Vec<String>, std::path::PathBuf) {
    let fw = framework();
    let members: Vec<String> = (1..=n).map(|i| format!("Teacher {i:02}")).collect();
    let mut prefill = prefill::Prefill::new();
    for (_, _, aspect) in fw.aspects() {
        let levels = (0u8..)
            .zip(&members)
            .map(|(i, m)| (m.clone(), 1 + i % 5))
            .collect();
        let start = prefill::Start {
            levels,
            own: Some(3),
            ..prefill::Start::default()
        };
        prefill.insert(aspect.code.clone(), start);
    }
    let kind = ScoredBy::Group {
        members: members.clone(),
    };
    let bytes = write::render_from(&fw, &kind, "Hill Primary", day(), &prefill).expect("renders");
    let path = dir.join("group.xlsx");
    std::fs::write(&path, bytes).expect("written");
    (members, path)
}

fn part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("opens");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    zip.by_name(name)
        .expect("part")
        .read_to_string(&mut xml)
        .expect("text");
    xml
}

/// The Scores sheet's heading row, and the row of A1.1.
fn heading_and_first(path: &Path) -> (Vec<String>, Vec<Data>) {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).expect("opens");
    let range = book.worksheet_range(layout::SCORES_SHEET).expect("sheet");
    let mut rows = range.rows();
    let heading = rows
        .next()
        .expect("a heading")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let first = rows.find(|r| r[0] == "A1.1").expect("A1.1").to_vec();
    (heading, first)
}

#[test]
fn a_small_groups_level_columns_print_beside_the_agreed_level_with_their_names_turned_up() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (members, path) = group(3, dir.path());
    let (heading, _) = heading_and_first(&path);
    assert!(!heading.iter().any(|h| h == layout::LEVELS_GIVEN));
    let scores = part(&path, "xl/worksheets/sheet1.xml");
    assert!(!scores.contains(r#"hidden="1""#), "no column is hidden");
    let styles = part(&path, "xl/styles.xml");
    assert!(
        styles.contains(r#"textRotation="90""#),
        "headings turned up"
    );
    // One page wide, at the scale that fits its columns to the page (so that the page
    // breaks placed from its rows' heights fall where meant), not spread over several at
    // the scale of a sheet too wide for one.
    let scale: u16 = scores
        .split(r#"scale=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("a print scale");
    assert!((55..100).contains(&scale), "{scale}");
    assert_ne!(scale, crate::sheetprint::FLOW_SCALE);
    // A1.1's row (the fourth) leaves lines for the meeting to type its agreed commentary.
    let ht: f64 = scores
        .split(r#"<row r="4" "#)
        .nth(1)
        .and_then(|r| r.split(r#"ht=""#).nth(1))
        .and_then(|h| h.split('"').next())
        .and_then(|h| h.parse().ok())
        .expect("A1.1's row has a height");
    assert!(ht >= 6.0 * crate::sheetprint::WRAPPED_LINE_POINTS, "{ht}");
    let book = part(&path, "xl/workbook.xml");
    assert!(!book.contains(layout::REVIEWERS_SHEET));
    let (filled, diags) = read(&path, &framework());
    assert!(diags.is_empty(), "{diags:?}");
    let row = &filled.expect("readable").rows[0];
    assert_eq!(row.levels.len(), members.len());
    assert_eq!(row.agreed, Some(3));
}

#[test]
fn a_big_groups_levels_are_gathered_under_letters_and_its_own_columns_hidden() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (members, path) = group(30, dir.path());
    let (heading, first) = heading_and_first(&path);
    let given = heading
        .iter()
        .position(|h| h == layout::LEVELS_GIVEN)
        .expect("a Levels given column");
    assert_eq!(heading[given - 1], layout::AGREED, "after the agreed level");
    // The saved result of the formula is each member's level under the member's letter.
    let levels: Vec<String> = (0..30)
        .map(|i| format!("{}: {}", columns_key(i), 1 + i % 5))
        .collect();
    assert_eq!(first[given].to_string(), levels.join(", "));
    let scores = part(&path, "xl/worksheets/sheet1.xml");
    assert!(scores.contains(r#"hidden="1""#));
    assert!(
        scores.contains("<f>MID(IF(D4=\"\",\"\",\", A: \"&amp;D4)"),
        "{scores:.3000}"
    );
    // The Reviewers sheet spells out each letter.
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("opens");
    let reviewers = book
        .worksheet_range(layout::REVIEWERS_SHEET)
        .expect("sheet");
    let named: Vec<(String, String)> = reviewers
        .rows()
        .skip(1)
        .take(30)
        .map(|r| (r[0].to_string(), r[1].to_string()))
        .collect();
    assert_eq!(named[0], ("A".to_string(), members[0].clone()));
    assert_eq!(named[29], ("AD".to_string(), members[29].clone()));
    // The reader still reads each member's own column, hidden as it is.
    let (filled, diags) = read(&path, &framework());
    assert!(diags.is_empty(), "{diags:?}");
    let filled = filled.expect("readable");
    for row in &filled.rows {
        assert_eq!(row.levels.len(), 30, "{}", row.code);
        assert_eq!(row.agreed, Some(3), "{}", row.code);
    }
    assert_eq!(filled.rows[0].levels[29], (members[29].clone(), 5));
}

fn columns_key(i: usize) -> String {
    rust_xlsxwriter::column_number_to_name(u16::try_from(i).expect("small"))
}

#[test]
fn a_group_workbook_made_by_the_wide_layout_still_reads() {
    // The demo's group workbook as the layout before this one made it (every member's
    // column at full width) and openpyxl filled it: three members and the agreed levels.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workbooks/group-old-layout.xlsx");
    let (filled, diags) = read(&path, &framework());
    assert!(diags.is_empty(), "{diags:?}");
    let filled = filled.expect("readable");
    let ScoredBy::Group { members } = &filled.kind else {
        panic!("a group workbook")
    };
    assert_eq!(members, &["Online Safety Lead", "DSL", "Link Governor"]);
    assert_eq!(filled.rows.len(), 21);
    let a12 = filled.rows.iter().find(|r| r.code == "A1.2").expect("A1.2");
    assert_eq!(a12.agreed, Some(2));
    assert_eq!(a12.levels.len(), 3);
    assert_eq!(a12.levels[2], ("Link Governor".to_string(), 3));
    assert!(
        a12.agreed_commentary
            .as_deref()
            .is_some_and(|c| c.starts_with("The online safety group has terms of reference"))
    );
    assert!(a12.rationale.starts_with("The group has met six times"));
}

#[test]
fn the_levels_sheet_breaks_its_pages_before_an_aspects_heading_row() {
    for name in ["online-safety-18", "online-safety-21"] {
        let fw = load_embedded(name).expect("embedded").framework;
        let kind = ScoredBy::Individual {
            reviewer: "DSL".to_string(),
        };
        let bytes = write::render_from(&fw, &kind, "Hill Primary", day(), &prefill::Prefill::new())
            .expect("renders");
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("dsl.xlsx");
        std::fs::write(&path, bytes).expect("written");
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("opens");
        let range = book.worksheet_range(layout::LEVELS_SHEET).expect("sheet");
        let codes: Vec<String> = range.rows().map(|r| r[0].to_string()).collect();
        let levels = part(&path, "xl/worksheets/sheet3.xml");
        assert!(
            levels.contains(r#"<pageSetup paperSize="9" scale=""#),
            "{name}: {levels:.300}"
        );
        // A break's id is the last row of its page, counted from 1: the row after it, the
        // first of the next page, heads an aspect.
        let breaks: Vec<usize> = levels
            .split("<brk id=\"")
            .skip(1)
            .map(|b| b.split('"').next().expect("an id").parse().expect("a row"))
            .collect();
        // The 18 aspects take four pages or more, so three breaks at the least.
        assert!(breaks.len() >= 3, "{name}: {breaks:?}");
        for b in breaks {
            let first = &codes[b];
            assert!(
                fw.aspects().any(|(_, _, a)| a.code == *first),
                "{name}: row {b} is {first:?}"
            );
        }
    }
}

/// The Scores sheet's manual breaks, each the last row of its page counted from 1.
fn scores_breaks(path: &Path) -> Vec<usize> {
    part(path, "xl/worksheets/sheet1.xml")
        .split("<brk id=\"")
        .skip(1)
        .map(|b| b.split('"').next().expect("an id").parse().expect("a row"))
        .collect()
}

#[test]
fn the_scores_sheet_never_ends_a_page_on_an_element_or_strand_heading() {
    let fw = framework();
    let members = vec!["Online Safety Lead".to_string(), "DSL".to_string()];
    let kinds = [
        ScoredBy::Individual {
            reviewer: "DSL".to_string(),
        },
        ScoredBy::Group {
            members: members.clone(),
        },
    ];
    for kind in kinds {
        // Commentary of uneven lengths, so that pages fill at many places.
        let mut prefill = prefill::Prefill::new();
        for (i, (_, _, aspect)) in fw.aspects().enumerate() {
            let words = "The school keeps records of this and reviews them each term. ";
            let start = prefill::Start {
                commentary: words.repeat(2 + i % 7),
                ..prefill::Start::default()
            };
            prefill.insert(aspect.code.clone(), start);
        }
        let bytes =
            write::render_from(&fw, &kind, "Hill Primary", day(), &prefill).expect("renders");
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("book.xlsx");
        std::fs::write(&path, bytes).expect("written");
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("opens");
        let range = book.worksheet_range(layout::SCORES_SHEET).expect("sheet");
        let codes: Vec<String> = range.rows().map(|r| r[0].to_string()).collect();
        let breaks = scores_breaks(&path);
        assert!(breaks.len() >= 2, "{kind:?}: {breaks:?}");
        let heading = |code: &str| !code.contains('.');
        for b in breaks {
            // Row `b` (from 1) is codes[b - 1], the page's last; the next page starts at
            // codes[b].
            assert!(
                !heading(&codes[b - 1]),
                "{kind:?}: page ends on {}",
                codes[b - 1]
            );
            assert!(codes[b] != "A1.1" || b == 3, "{kind:?}");
        }
        let sheet = part(&path, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(r#"<pageSetup paperSize="9" scale=""#),
            "{sheet:.300}"
        );
    }
}

#[test]
fn the_instructions_print_words_and_keep_the_ids_the_tool_reads_on_hidden_rows() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (_, path) = group(3, dir.path());
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("opens");
    let range = book
        .worksheet_range(layout::INSTRUCTIONS_SHEET)
        .expect("sheet");
    let labels: Vec<String> = range.rows().map(|r| r[0].to_string()).collect();
    let xml = part(&path, "xl/worksheets/sheet2.xml");
    let hidden = |label: &str| {
        let at = labels.iter().position(|l| l == label).expect(label) + 1;
        let row = xml
            .split(&format!(r#"<row r="{at}""#))
            .nth(1)
            .and_then(|r| r.split('>').next())
            .expect("the row");
        row.contains(r#"hidden="1""#)
    };
    assert!(hidden(layout::detail::FORMAT));
    assert!(hidden(layout::detail::FRAMEWORK_ID));
    for shown in [
        layout::detail::REVIEWER,
        layout::detail::SCHOOL,
        layout::detail::FRAMEWORK,
    ] {
        assert!(!hidden(shown), "{shown}");
    }
    // How to make a row fit text typed later, in both office programs.
    let text = labels.join("\n");
    assert!(text.contains("AutoFit Row Height"), "{text}");
    assert!(text.contains("Format > Rows > Optimal Height"), "{text}");
}

#[test]
fn a_blank_workbook_leaves_its_scores_pages_to_the_office_program() {
    // Its rows grow as a reviewer types, so breaks placed for empty rows would fall
    // mid-page once it is filled in.
    let kind = ScoredBy::Individual {
        reviewer: "DSL".to_string(),
    };
    let bytes = write::render(&framework(), &kind, "Hill Primary", day()).expect("renders");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("dsl.xlsx");
    std::fs::write(&path, bytes).expect("written");
    assert!(scores_breaks(&path).is_empty());
}

/// The print scale the Scores sheet of the workbook at `path` is given.
fn scores_scale(path: &Path) -> u16 {
    part(path, "xl/worksheets/sheet1.xml")
        .split(r#"scale=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("a print scale")
}

#[test]
fn every_scores_sheet_prints_its_text_at_nine_points_or_more() {
    // 11-point text at the scale is 9 points or more: a reviewer's workbook, one carried
    // to a revised framework (a column more) and groups whose members' columns are hidden.
    let dir = tempfile::tempdir().expect("temporary folder");
    let fw = framework();
    for flagged in [false, true] {
        let kind = ScoredBy::Individual {
            reviewer: "DSL".into(),
        };
        let mut prefill = prefill::Prefill::new();
        if flagged {
            let start = prefill::Start {
                flag: "The aspect was reworded".into(),
                ..prefill::Start::default()
            };
            prefill.insert("A1.1".into(), start);
        }
        let bytes =
            write::render_from(&fw, &kind, "Hill Primary", day(), &prefill).expect("renders");
        let path = dir.path().join("dsl.xlsx");
        std::fs::write(&path, bytes).expect("written");
        let scale = scores_scale(&path);
        assert!(scale >= crate::sheetprint::BODY_SCALE, "{flagged}: {scale}");
        assert!(11.0 * f64::from(scale) / 100.0 >= 9.0);
    }
    for n in [6, 15, 30, 60] {
        let (_, path) = group(n, dir.path());
        let scale = scores_scale(&path);
        assert!(
            scale >= crate::sheetprint::BODY_SCALE,
            "{n} members: {scale}"
        );
    }
}
