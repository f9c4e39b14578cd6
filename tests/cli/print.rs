//! How the outputs print: the xlsx print settings read back from the files' XML parts, and
//! the HTML reports' print stylesheet, radar labels, subtitle and group names.
//!
//! CI also prints the demo's reports through Chromium and its workbooks through LibreOffice
//! and checks the PDFs (`.ci/print_check.py`); these tests pin what makes that work.

use std::io::Read;
use std::path::Path;

use calamine::{Reader, Xlsx, open_workbook};
use predicates::prelude::*;

use crate::{AspectRow, init_review, scoring_workbook, selfreview, set_sources};

/// The text of `part` inside the xlsx at `path`.
fn part(path: &Path, part: &str) -> String {
    let file = std::fs::File::open(path).expect("the workbook opens");
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut text = String::new();
    zip.by_name(part)
        .unwrap_or_else(|_| panic!("{} has {part}", path.display()))
        .read_to_string(&mut text)
        .expect("XML is text");
    text
}

/// The sheet names of a workbook in order, each with its worksheet part.
fn sheets(path: &Path) -> Vec<(String, String)> {
    let wb: Xlsx<_> = open_workbook(path).expect("calamine opens it");
    wb.sheet_names()
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name, format!("xl/worksheets/sheet{}.xml", i + 1)))
        .collect()
}

/// Asserts that every sheet prints on A4, one page wide, in the orientation `landscape`
/// names for it, and that `titled` sheets repeat their heading row on every page.
fn assert_prints(path: &Path, landscape: &[&str], titled: &[&str]) {
    let workbook = part(path, "xl/workbook.xml");
    for (i, (name, sheet)) in sheets(path).iter().enumerate() {
        let xml = part(path, sheet);
        let setup = xml
            .split("<pageSetup ")
            .nth(1)
            .and_then(|s| s.split("/>").next())
            .unwrap_or_else(|| panic!("{name} has a page setup"));
        assert!(setup.contains(r#"paperSize="9""#), "{name} on A4: {setup}");
        let orientation = if landscape.contains(&name.as_str()) {
            "landscape"
        } else {
            "portrait"
        };
        assert!(
            setup.contains(&format!(r#"orientation="{orientation}""#)),
            "{name} {orientation}: {setup}"
        );
        assert!(
            !setup.contains("fitToWidth=") || setup.contains(r#"fitToWidth="1""#),
            "{name} one page wide: {setup}"
        );
        let local = format!(r#"localSheetId="{i}""#);
        let titles = workbook
            .split("<definedName ")
            .find(|d| d.contains("_xlnm.Print_Titles") && d.contains(&local))
            .and_then(|d| d.split("</definedName>").next())
            .unwrap_or_default();
        // Fitted one page wide, or, too wide for that at a readable size, printed at 80%
        // with its first columns on every page.
        // Or, in summary.xlsx, at the one scale of all its tables, which fits the widest.
        let fitted = xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#);
        let flowed = setup.contains(r#"scale="80""#) && titles.contains("!$A:$");
        let scaled = setup.contains("scale=") && titled.contains(&name.as_str());
        // The Levels sheet: at a scale that fits its columns, its pages broken by aspect.
        let broken = setup.contains("scale=") && xml.contains("<rowBreaks");
        assert!(
            fitted || flowed || scaled || broken,
            "{name} is fitted to the page, flows or is scaled: {setup} {titles}"
        );
        assert!(xml.contains("&amp;P of &amp;N"), "{name} numbers its pages");
        assert!(
            xml.contains("&amp;L&amp;8&amp;A"),
            "{name} names its sheet at the foot"
        );
        let head = xml
            .split("<oddHeader>")
            .nth(1)
            .and_then(|h| h.split("</oddHeader>").next())
            .unwrap_or_else(|| panic!("{name} has a page head"));
        assert!(
            head.contains("online safety self-review as of "),
            "{name} dates its pages: {head}"
        );
        assert!(
            xml.contains(r#"scaleWithDoc="0""#),
            "{name}'s head keeps its size however the sheet is scaled"
        );
        let defined = |kind: &str| {
            workbook
                .split("<definedName ")
                .any(|d| d.contains(kind) && d.contains(&local))
        };
        assert!(defined("_xlnm.Print_Area"), "{name} has a print area");
        if titled.contains(&name.as_str()) {
            assert!(
                titles.ends_with(&format!("'{name}'!$1:$1"))
                    || titles.ends_with(&format!("{name}!$1:$1")),
                "{name} repeats its heading row: {titles}"
            );
        }
    }
}

/// The height of row `row` (1-based, as the XML numbers it) of a sheet part, if one is set.
fn row_height(xml: &str, row: u32) -> Option<f64> {
    let start = xml.find(&format!(r#"<row r="{row}" "#))?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let ht = tag.split(r#"ht=""#).nth(1)?.split('"').next()?;
    ht.parse().ok()
}

/// A commentary of `words` words, as a reviewer might write at length.
fn long_commentary(words: usize) -> String {
    let sentence = "The online safety group meets every half term with the DSL, the technician, \
                    two parents and four digital leaders, and its minutes record actions";
    sentence
        .split_whitespace()
        .cycle()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn scoring_workbooks_print_on_a4_one_page_wide_with_their_headings_repeated() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["workbook", "--reviewer", "DSL", "--reviewer", "OSL"])
        .assert()
        .success();
    let osl = tmp.path().join("scores/osl.xlsx");
    assert_prints(&osl, &["Scores"], &["Scores", "Levels"]);
    // The Instructions sheet prints on one page.
    let instructions = part(&osl, "xl/worksheets/sheet2.xml");
    assert!(
        instructions.contains(r#"fitToHeight="1""#) || !instructions.contains("fitToHeight="),
        "{instructions}"
    );
    // A blank row is left for the office program to size as the reviewer types.
    let scores = part(&osl, "xl/worksheets/sheet1.xml");
    assert_eq!(
        row_height(&scores, 4),
        None,
        "A1.1's row keeps its own height"
    );

    // DSL writes 73 words on A1.2; the group workbook gathers them, and its row is as tall
    // as they wrap to.
    let commentary = long_commentary(73);
    scoring_workbook(
        &tmp.path().join("scores/dsl.xlsx"),
        "DSL",
        &[AspectRow {
            code: "A1.2",
            level: 2,
            commentary: &commentary,
            ..AspectRow::default()
        }],
    );
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args([
            "workbook",
            "--group",
            "--reviewer",
            "DSL",
            "--reviewer",
            "OSL",
        ])
        .assert()
        .success();
    let group = tmp.path().join("scores/group.xlsx");
    assert_prints(&group, &["Scores"], &["Scores", "Levels"]);
    let scores = part(&group, "xl/worksheets/sheet1.xml");
    // Rows: headings, element A, strand A1, A1.1, then A1.2.
    let height = row_height(&scores, 5).expect("the long commentary's row has a height");
    // 460 characters in a column 50 wide: at least seven lines of 15 points.
    assert!(height >= 7.0 * 15.0, "{height}");
    assert!(scores.contains(r#"<row r="5" "#) && scores.contains(r#"customHeight="1""#));
}

/// A review whose meeting register names a meeting in the school's own words.
fn review_with_meetings(dir: &Path) {
    init_review(dir, &[]).success();
    std::fs::write(
        dir.join("evidence/meetings.csv"),
        "Date,Group,Attended,Items\n\
         14/01/2026,DSL/OSL catch-up,DSL; OSL,Incident log\n\
         11/03/2026,DSL/OSL catch-up,DSL; OSL,Filtering report\n\
         20/05/2026,Online Safety Group,OSL; DSL; Parents,Policy review\n\
         17/06/2026,Governors' committee on Online Safety and Wellbeing,Chair; OSL,Filtering\n",
    )
    .expect("write the register");
    set_sources(
        dir,
        "[[evidence]]\nkind = \"meetings\"\npath = \"evidence/meetings.csv\"\n",
    );
    scoring_workbook(
        &dir.join("scores/osl.xlsx"),
        "OSL",
        &[AspectRow {
            code: "A1.2",
            level: 2,
            commentary: &long_commentary(50),
            ..AspectRow::default()
        }],
    );
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("report")
        .assert()
        .success();
}

#[test]
fn the_summary_workbook_prints_every_sheet_and_names_groups_in_words() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review_with_meetings(tmp.path());
    let summary = tmp.path().join("out/summary.xlsx");
    assert_prints(
        &summary,
        &["Summary", "Chart", "Action plan", "Evidence"],
        &["Summary", "Action plan", "Evidence"],
    );
    // Every table at one scale, so that none prints larger than another.
    let scale = |sheet: &str| {
        let xml = part(&summary, sheet);
        xml.split("scale=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .map(str::to_string)
    };
    let scales: Vec<_> = [1, 3, 4]
        .iter()
        .map(|i| scale(&format!("xl/worksheets/sheet{i}.xml")))
        .collect();
    assert!(scales[0].is_some(), "{scales:?}");
    assert!(scales.iter().all(|s| *s == scales[0]), "{scales:?}");
    // The chart fills its page, its figures on the next, its axis from level 5 up to 1.
    let chart = part(&summary, "xl/worksheets/sheet2.xml");
    assert!(chart.contains("<rowBreaks"), "{chart}");
    assert!(chart.contains(r#"fitToWidth="1""#) || !chart.contains("fitToWidth="));
    let drawing = part(&summary, "xl/charts/chart1.xml");
    assert!(
        drawing.contains(r#"<c:orientation val="maxMin"/>"#),
        "level 1 at the top"
    );
    assert!(drawing.contains(r#"<c:majorUnit val="1"/>"#), "whole steps");
    let mut wb: Xlsx<_> = open_workbook(&summary).expect("calamine opens it");
    // The chart's figures are the levels themselves, an aspect a row below the headings; an
    // aspect not scored says so where its evidenced level would be.
    let figures = wb.worksheet_range("Chart").expect("a Chart sheet");
    let a11: Vec<String> = figures
        .rows()
        .find(|r| r[0] == "A1.1")
        .expect("A1.1")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        a11[..5],
        [
            "A1.1",
            "Online Safety Responsibilities",
            "",
            "not scored",
            "2"
        ]
    );
    let evidence = wb.worksheet_range("Evidence").expect("an Evidence sheet");
    let groups: Vec<String> = evidence.rows().map(|r| r[1].to_string()).collect();
    assert!(groups.iter().any(|g| g == "DSL/OSL catch-up"), "{groups:?}");
    assert!(
        groups.iter().any(|g| g == "Online safety group"),
        "{groups:?}"
    );
    assert!(
        !groups
            .iter()
            .any(|g| g.contains("catch-up") && g.contains("dsl-"))
    );
}

#[test]
fn the_reports_print_on_a4_with_the_school_on_every_page_and_name_what_they_show() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    review_with_meetings(tmp.path());
    let out = tmp.path().join("out");
    for page in ["report.html", "governors.html"] {
        let html = std::fs::read_to_string(out.join(page)).expect("written");
        assert!(html.contains("size: A4"), "{page}: A4 pages");
        assert!(
            html.contains("@top-left { content: \"Hill Primary"),
            "{page}: running head"
        );
        assert!(html.contains("counter(pages)"), "{page}: page numbers");
        assert!(
            html.contains("break-inside: avoid"),
            "{page}: rows kept whole"
        );
        assert!(
            html.contains("break-after: avoid"),
            "{page}: headings kept with text"
        );
        // The radar is one block with its heading, sized to share the first page: the
        // report gives its height, smaller when the first page has much to say.
        let report = page == "report.html";
        let radar = [
            r#"><div class="keep">"#,
            r#" style="--radar-height: 96mm">"#,
        ][usize::from(report)];
        let section = format!(r#"<section class="radar" aria-labelledby="radar"{radar}"#);
        assert!(html.contains(&section), "{page}");
        assert!(
            html.contains("svg { height: var(--radar-height, 96mm);"),
            "{page}"
        );
        // The radar names its spokes, not only codes.
        assert!(html.contains(">Online Safety Group</tspan>"), "{page}");
        assert!(html.contains(">Acceptable Use</tspan>"), "{page}");
    }
    let report = std::fs::read_to_string(out.join("report.html")).expect("written");
    let governors = std::fs::read_to_string(out.join("governors.html")).expect("written");
    assert!(
        report.contains(
            "<p class=\"meta\">Online safety self-review (21 aspects), version 1.0.0 · as of 01&#x2f;11&#x2f;2026</p>"
        ),
        "the subtitle names the framework once"
    );
    assert!(!report.contains("(online-safety-21 1.0.0)"));
    assert_eq!(report.matches("Online safety self-review (21").count(), 1);
    let tool = std::fs::read_to_string(out.join("online-tool.html")).expect("written");
    let subtitle = tool
        .split("<p class=\"meta\">")
        .nth(1)
        .and_then(|t| t.split("</p>").next())
        .expect("a subtitle");
    assert_eq!(subtitle.matches("21").count(), 1, "{subtitle}");
    // Each aspect's heading, descriptor and level are one block the printer never splits,
    // and that block is never split in print.
    let article = report
        .split(r#"<article class="aspect" id="aspect-A1.2">"#)
        .nth(1)
        .expect("A1.2 is scored");
    assert!(article.starts_with("\n<div class=\"keep\">"), "{article}");
    let keep = article.split("</div>").next().expect("closed");
    assert!(
        keep.contains("<h3>A1.2 Online Safety Group</h3>") && keep.contains("class=\"statement\"")
    );
    assert!(report.contains(".keep, table.whole, .side-by-side { break-inside: avoid;"));
    // Aspects nobody scored are listed by name, each still a place the overview links to.
    assert!(
        report.contains(r#"<span id="aspect-A1.1">A1.1 Online Safety Responsibilities</span>"#)
    );
    assert!(!report.contains(r#"<article class="aspect" id="aspect-A1.1">"#));
    // The action plan has no column for plans nobody wrote.
    assert!(!report.contains(r#"<th scope="col">Planned</th>"#));
    for html in [&report, &governors] {
        assert!(html.contains("DSL&#x2f;OSL catch-up"), "the school's words");
        assert!(!html.contains("dsl-osl-catch-up"), "no internal id");
        assert!(!html.contains(">online-safety-group<"), "no internal id");
    }
    assert!(report.contains("<td class=\"text\">Online safety group</td>"));
    // A committee whose name mentions online safety is a group of its own: the online
    // safety group met once, not twice.
    assert!(
        report.contains(
            "<td class=\"text\">Governors&#x27; committee on Online Safety and Wellbeing</td>"
        ),
        "{report}"
    );
    assert!(report.contains(r#"<td class="text">Online safety group</td><td class="num">1</td>"#));
}

#[test]
fn a_review_with_nothing_scored_says_so_instead_of_printing_empty_tables() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("score")
        .assert()
        .stdout(predicates::str::contains(
            "Workbooks: none read (make one in scores/ for each member of the group with `selfreview workbook`)",
        ))
        .stdout(predicates::str::contains("Workbooks: 0 ()").not());
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("report")
        .assert()
        .success();
    let read =
        |name: &str| std::fs::read_to_string(tmp.path().join("out").join(name)).expect("written");
    let (report, governors, visit, tool) = (
        read("report.html"),
        read("governors.html"),
        read("visit.html"),
        read("online-tool.html"),
    );
    for html in [&report, &governors, &visit, &tool] {
        assert!(html.contains("Nothing is scored yet"), "{html}");
        assert!(
            !html.contains("<tbody>\n</tbody>"),
            "no empty table: {html}"
        );
    }
    for (html, empty) in [
        (&report, "The reviewers agree on every aspect"),
        (&report, r#"aria-labelledby="radar""#),
        (&report, r#"<th scope="col">Category</th>"#),
        (&report, "No aspect has a level below 1"),
        (&governors, r#"aria-labelledby="radar""#),
        (&governors, "aspects stand in the way"),
        (&visit, "The reviewers agreed on every aspect"),
        (&visit, "support every level they check"),
        (&visit, "(0 left)"),
        (&tool, "No agreed level yet"),
        (&tool, "Copy</button>"),
    ] {
        assert!(!html.contains(empty), "{empty}");
    }
    // The page for the online tool lists what is to be scored instead of empty fields.
    assert!(tool.contains("aspects to score</h2>"), "{tool}");
    assert!(tool.contains("<li>A1.1 "), "{tool}");
    // The blank templates `init` wrote hold no records yet, and the report says so.
    assert!(report.contains("No records yet: the training records imported hold none."));
    assert!(report.contains("No records yet: the incident logs imported hold none."));
    assert!(visit.contains(
        r#"<li class="not-done">Claims the records do not support are fixed or explained: nothing is scored yet"#
    ));
}

#[test]
fn thirty_reviewers_giving_one_reason_are_counted_once_and_their_commentary_kept_short() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    let why = "New staff are booked on the course next term and the register is being updated.";
    let other = "Two teachers who joined in October are booked on the course for the spring term.";
    let commentary = long_commentary(500);
    for i in 1..=30 {
        let name = format!("Teacher {i:02}");
        scoring_workbook(
            &tmp.path().join(format!("scores/teacher-{i:02}.xlsx")),
            &name,
            &[AspectRow {
                code: "B2.1",
                level: 2 + u8::from(i % 3 == 0),
                commentary: &commentary,
                why: if i == 30 { other } else { why },
                ..AspectRow::default()
            }],
        );
    }
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("report")
        .assert()
        .success();
    let report = std::fs::read_to_string(tmp.path().join("out/report.html")).expect("written");
    // Once under the aspect, not thirty times; the verdict groups the aspects in the way
    // and leaves the reasons to each aspect.
    assert_eq!(report.matches(why).count(), 1, "the reason once");
    assert!(report.contains("Each aspect's section below says in full what holds it back"));
    // summary.xlsx names who gave each reason, each on a line of its own.
    let summary = crate::rows_by_code(&tmp.path().join("out/summary.xlsx"), "Summary");
    assert_eq!(
        summary["B2.1"]["Why the records differ"],
        format!("29 reviewers: {why}\nTeacher 30: {other}")
    );
    // The label prints with the first explanation; the second follows in a list of its own.
    assert!(report.contains(&format!(
        "<p class=\"label\"><strong>Why the records differ:</strong></p><ul class=\"tight first\"><li><strong>29 reviewers:</strong> {why}</li></ul></div>"
    )), "{report}");
    assert!(report.contains(&format!(
        "<ul class=\"tight rest\"><li><strong>Teacher 30:</strong> {other}</li></ul>"
    )));
    assert!(report.contains("30 reviewers: 20 at level 2, 10 at level 3."));
    // Each reviewer's 500 words are shown by their start, the whole a click away; the
    // agenda points to them rather than printing them again.
    assert_eq!(report.matches("<details><summary>").count(), 30);
    assert_eq!(report.matches("(the start of 500 words)").count(), 30);
    // On paper, where nothing opens, the report says once where the whole of it is.
    assert_eq!(
        report
            .matches("the whole of it is in that reviewer's scoring workbook")
            .count(),
        1
    );
    let agenda = report
        .split(r#"<h2 id="agenda">"#)
        .nth(1)
        .expect("an agenda");
    assert!(
        agenda.contains(r##"<a href="#aspect-B2.1">B2.1 Staff</a>"##),
        "{agenda}"
    );
    assert!(
        !agenda.contains("The online safety group meets"),
        "{agenda}"
    );
}

#[test]
fn a_school_name_cannot_break_out_of_the_print_stylesheet() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args([
            "init",
            "--school",
            "St Mary's \"Hill\" </style><script>x</script>",
            "--review-date",
            "2026-11-01",
        ])
        .assert()
        .success();
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["workbook", "--reviewer", "OSL"])
        .assert()
        .success();
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("report")
        .assert()
        .success();
    let html = std::fs::read_to_string(tmp.path().join("out/report.html")).expect("written");
    assert!(!html.contains("<script>"), "no markup from the name");
    assert_eq!(
        html.matches("</style>").count(),
        2,
        "only our style elements close"
    );
    assert!(html.contains(r#"content: "St Mary\27 s \22 Hill\22  \3c /style\3e \3c script\3e x"#));
}

#[test]
fn the_evidence_templates_print_on_a4_one_page_wide() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    for template in [
        "training-records.xlsx",
        "incident-log.xlsx",
        "meeting-register.xlsx",
    ] {
        let path = tmp.path().join("evidence").join(template);
        let xml = part(&path, "xl/workbook.xml");
        assert!(xml.contains("_xlnm.Print_Titles"), "{template}: {xml}");
        for (name, sheet) in sheets(&path) {
            let setup = part(&path, &sheet);
            assert!(setup.contains(r#"paperSize="9""#), "{template} {name}");
            assert!(
                setup.contains(r#"orientation="landscape""#),
                "{template} {name}"
            );
            assert!(
                setup.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
                "{template} {name}"
            );
        }
        assert_eq!(sheets(&path).len(), 2, "{template}");
    }
}

#[test]
fn every_workbook_written_heads_its_pages_with_the_school_and_the_review_date() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    init_review(tmp.path(), &[]).success();
    selfreview()
        .arg("-C")
        .arg(tmp.path())
        .args(["workbook", "--reviewer", "DSL"])
        .assert()
        .success();
    let mut books = vec![tmp.path().join("scores/dsl.xlsx")];
    for entry in std::fs::read_dir(tmp.path().join("evidence")).expect("evidence") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "xlsx") {
            books.push(path);
        }
    }
    assert!(books.len() > 1, "the evidence templates are there");
    for book in &books {
        for (name, sheet) in sheets(book) {
            let xml = part(book, &sheet);
            assert!(
                xml.contains("<oddHeader>&amp;L&amp;8Hill Primary&amp;R&amp;8online safety self-review as of 01/11/2026</oddHeader>"),
                "{} {name}: {xml}",
                book.display()
            );
            assert!(xml.contains(
                "<oddFooter>&amp;L&amp;8&amp;A&amp;R&amp;8Page &amp;P of &amp;N</oddFooter>"
            ));
        }
    }
}

#[test]
fn a_big_groups_levels_print_on_a_sheet_of_their_own_and_columns_fit_their_words() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path();
    init_review(dir, &[]).success();
    std::fs::copy(
        crate::fixtures().join("workbooks/group-30-openpyxl.xlsx"),
        dir.join("scores/group.xlsx"),
    )
    .expect("copy");
    for command in ["score", "report"] {
        selfreview()
            .arg("-C")
            .arg(dir)
            .arg(command)
            .assert()
            .success();
    }
    let summary = dir.join("out/summary.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&summary).expect("opens");
    let names = wb.sheet_names();
    assert_eq!(
        names,
        ["Summary", "Reviewers", "Chart", "Action plan", "Evidence"]
    );
    let sheet = wb.worksheet_range("Summary").expect("Summary");
    let headings: Vec<String> = sheet
        .rows()
        .next()
        .expect("heading")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(
        !headings.iter().any(|h| h.starts_with("Teacher")),
        "{headings:?}"
    );
    let reviewers = wb.worksheet_range("Reviewers").expect("Reviewers");
    assert_eq!(
        reviewers.rows().count(),
        31,
        "a heading and a row per member"
    );
    assert_eq!(
        reviewers.rows().nth(1).expect("a member")[0].to_string(),
        "Teacher 01 with a rather long job title"
    );
    // The Status column is as wide as its longest entry, so none spills out of it.
    let status = headings.iter().position(|h| h == "Status").expect("Status") + 1;
    let xml = part(&summary, "xl/worksheets/sheet1.xml");
    let width = xml
        .split("<col ")
        .find(|c| c.contains(&format!(r#"min="{status}""#)))
        .and_then(|c| c.split(r#"width=""#).nth(1))
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse::<f64>().ok())
        .expect("the Status column has a width");
    let longest = sheet
        .rows()
        .skip(1)
        .map(|r| r[status - 1].to_string().chars().count())
        .max()
        .expect("rows");
    assert!(
        width * 1.2 >= longest as f64,
        "{width} for {longest} characters"
    );
}
