//! `summary.xlsx`: the review at a glance for people who live in spreadsheets.
//!
//! A Summary sheet (one row per aspect, reviewers' levels, agreed, benchmark, gap and
//! status, coloured by conditional formatting), for a big group a Reviewers sheet of each
//! reviewer's levels ([`overview`]), a Chart sheet of levels against the benchmark, an
//! Action plan sheet with columns to fill in, and an Evidence sheet of the metrics; a sheet
//! with nothing to show says why in a line. Every sheet prints on A4 landscape, one page
//! wide, the tables at one scale, with its heading row on every page, the school and the
//! review date at the head of every page, and rows as tall as their wrapped text
//! ([`crate::sheetprint`]); text too long for a row runs on in rows below, each naming the
//! aspect it continues, so that no row is taller than Excel allows and every word prints. The document date is the review date, so the bytes depend only
//! on the review.

mod chart;
#[cfg(test)]
mod fits;
mod overview;
mod plan;

use chrono::Datelike;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::Reviewers;
use crate::metrics::compute::IncidentSummary;
use crate::metrics::documents::Standing;
use crate::metrics::registers::{FilteringSummary, REGISTER_MONTHS, Registers};
use crate::pipeline::Reviewed;
use crate::sheetprint::{self, Orientation, Running};

/// The most lines of text a cell holds on one row; longer text runs on in rows below,
/// each naming the aspect it continues ([`sheetprint::Pieces`]). Rows this tall still let a
/// landscape page hold several, where rows as tall as Excel allows left pages half empty.
const LONG_TEXT_LINES: usize = 16;

/// Writes the heading row of a sheet whose columns are `columns` (heading and width), sized
/// to its wrapped headings in bold, frozen on screen and repeated on every printed page.
/// Returns the columns' widths in the xlsx unit, for the scale the sheet prints at.
fn heading_row(sheet: &mut Worksheet, columns: &[(&str, f64)]) -> Result<Vec<f64>, XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    for (c, (h, width)) in (0u16..).zip(columns) {
        sheet.write_with_format(0, c, *h, &bold)?;
        sheet.set_column_width(c, *width)?;
    }
    let bold: Vec<(&str, f64)> = columns
        .iter()
        .map(|(h, w)| (*h, w / sheetprint::BOLD_WIDER))
        .collect();
    sheet.set_row_height(0, sheetprint::height(&bold, 11.0))?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(columns.iter().map(|(_, w)| *w).collect())
}

/// Says in row 1 of a sheet with no rows why it has none, in a line of its own.
fn empty_line(sheet: &mut Worksheet, why: &str) -> Result<(), XlsxError> {
    let format = Format::new().set_italic().set_align(FormatAlign::Top);
    sheet.write_with_format(1, 0, why, &format)?;
    Ok(())
}

/// The print setup of a sheet whose table runs to `last_row` and `last_col`.
fn print_table(
    sheet: &mut Worksheet,
    orientation: Orientation,
    last_row: u32,
    last_col: u16,
    running: &Running<'_>,
) -> Result<(), XlsxError> {
    sheetprint::setup(sheet, orientation, 1, running)?;
    sheet.set_print_area(0, 0, last_row.max(1), last_col)?;
    Ok(())
}

/// The workbook's bytes, its reviewers shown as `reviewers` names them.
pub fn render(r: &Reviewed, reviewers: &Reviewers) -> Result<Vec<u8>, XlsxError> {
    let s = &r.scored;
    let mut wb = Workbook::new();
    let d = s.review_date;
    let month = u8::try_from(d.month()).expect("months fit a byte");
    let day = u8::try_from(d.day()).expect("days fit a byte");
    let year = u16::try_from(d.year()).unwrap_or(2000);
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{}: online safety self-review summary", s.school))
            .set_author("selfreview")
            .set_creation_datetime(&ExcelDateTime::from_ymd(year, month, day)?),
    );
    let running = Running {
        school: &s.school,
        date: d,
    };
    // Every table prints at one scale, that of the widest fitted one page wide, so that a
    // narrow sheet's type is no larger than a wide one's; a sheet too wide to be read one
    // page wide runs on over pages at its own (`sheetprint::keep_readable`).
    let mut widths = vec![(
        "Summary",
        overview::summary_sheet(wb.add_worksheet(), r, reviewers, &running)?,
    )];
    if overview::columns(r, reviewers).len() > overview::MAX_REVIEWER_COLUMNS {
        let across = overview::reviewers_sheet(wb.add_worksheet(), r, reviewers, &running)?;
        if across.iter().sum::<f64>() <= sheetprint::READABLE_UNITS {
            widths.push((overview::REVIEWERS_SHEET, across));
        }
    }
    chart::sheet(wb.add_worksheet(), &s.aspects, &running)?;
    widths.push(("Action plan", plan::sheet(wb.add_worksheet(), r, &running)?));
    widths.push(("Evidence", evidence_sheet(wb.add_worksheet(), r, &running)?));
    let scale = widths
        .iter()
        .map(|(_, across)| sheetprint::scale_to_width(across, Orientation::Landscape))
        .min()
        .unwrap_or(100);
    for (name, _) in &widths {
        wb.worksheet_from_name(name)?.set_print_scale(scale);
    }
    wb.save_to_buffer()
}

/// Writes the Evidence sheet; returns its columns' widths.
fn evidence_sheet(
    sheet: &mut Worksheet,
    r: &Reviewed,
    running: &Running<'_>,
) -> Result<Vec<f64>, XlsxError> {
    sheet.set_name("Evidence")?;
    let m = &r.metrics;
    let mut rows = Rows(Vec::new());
    for g in m.training.iter().flatten() {
        rows.put(
            "People trained",
            &crate::text::group_name(&g.group),
            g.trained as f64,
            Some(g.people as f64),
            Some(g.months),
        )?;
    }
    for g in m.meetings.iter().flatten() {
        rows.put("Meetings", &g.name, g.count as f64, None, Some(g.months))?;
        rows.put(
            "Longest gap between meetings (days)",
            &g.name,
            g.longest_gap_days as f64,
            None,
            Some(g.months),
        )?;
    }
    if let Some(i) = &m.incidents {
        incident_rows(&mut rows, i)?;
    }
    register_rows(&mut rows, &m.registers)?;
    let (last, across) = rows.write(sheet)?;
    if last == 0 {
        empty_line(
            sheet,
            "No figures yet: no records were imported, or those imported hold none.",
        )?;
    }
    // Landscape, as every other sheet: one rule for the page head and the scale.
    print_table(sheet, Orientation::Landscape, last, 4, running)?;
    Ok(across)
}

fn incident_rows(rows: &mut Rows, i: &IncidentSummary) -> Result<(), XlsxError> {
    rows.put("Incidents", "all", i.count as f64, None, Some(i.months))?;
    // With no records from the window before, there is no figure to give: a 0 would read
    // as a quiet year.
    if i.previous_covered {
        rows.put(
            "Incidents in the window before",
            "all",
            i.previous_count as f64,
            None,
            Some(i.months),
        )?;
    }
    for c in &i.by_category {
        rows.put(
            "Incidents by category",
            &c.label,
            c.count as f64,
            None,
            Some(i.months),
        )?;
    }
    for c in &i.by_term {
        let term = crate::metrics::terms::in_words(&c.label);
        rows.put("Incidents by term", &term, c.count as f64, None, None)?;
    }
    Ok(())
}

/// The registers' figures: documents by standing, agreements signed this school year,
/// filtering checks, surveys and parent engagement.
fn register_rows(rows: &mut Rows, r: &Registers) -> Result<(), XlsxError> {
    if let Some(d) = &r.documents {
        let all = Some(d.documents.len() as f64);
        for (what, standing) in [
            ("Documents with the review overdue", Standing::Overdue),
            ("Documents not reviewed in time", Standing::Stale),
            (
                "Documents due for review in the next 90 days",
                Standing::DueSoon,
            ),
            (
                "Documents with no review date that can be used",
                Standing::Undated,
            ),
        ] {
            rows.put(what, "policy register", d.count(standing) as f64, all, None)?;
        }
    }
    // A group whose registers give no dates of signing has no count signed this school
    // year to show: its row says "not known", with the group's size, as the report does.
    for g in r.agreements.iter().flatten() {
        let signed = Value::known(g.dates_recorded.then_some(g.signed as f64));
        rows.put_value(
            "Agreements signed this school year",
            &g.group,
            signed,
            Some(g.of as f64),
            None,
        );
    }
    if let Some(f) = &r.filtering {
        filtering_rows(rows, f)?;
    }
    for g in r.surveys.iter().flatten() {
        rows.put(
            "Surveys",
            &g.group,
            g.count as f64,
            None,
            Some(REGISTER_MONTHS),
        )?;
    }
    if let Some(g) = &r.engagement {
        rows.put(
            "Sessions for parents",
            "parents",
            g.sessions as f64,
            None,
            Some(g.months),
        )?;
        let sent = g.communications as f64;
        rows.put(
            "Communications to parents",
            "parents",
            sent,
            None,
            Some(g.months),
        )?;
    }
    Ok(())
}

/// A figure of the Evidence sheet: a number, or "not known" where the records cannot give it.
#[derive(Debug, Clone, Copy)]
enum Value {
    Number(f64),
    NotKnown,
}

impl Value {
    fn known(n: Option<f64>) -> Self {
        n.map_or(Value::NotKnown, Value::Number)
    }
}

/// The filtering checks: how many, how many found something getting through or do not
/// say, the terms missed, the terms whose latest check did not pass (each named), and the terms
/// not counted as checked, as the report gives them.
fn filtering_rows(rows: &mut Rows, f: &FilteringSummary) -> Result<(), XlsxError> {
    rows.put(
        "Filtering checks",
        "all",
        f.checks as f64,
        None,
        Some(f.months),
    )?;
    let (checks, months) = (Some(f.checks as f64), Some(f.months));
    rows.put(
        "Filtering checks finding something that got through",
        "all",
        f.failed as f64,
        checks,
        months,
    )?;
    rows.put(
        "Filtering checks whose result does not say whether the filter held",
        "all",
        f.unclear as f64,
        checks,
        months,
    )?;
    let terms = Some(f.terms.len() as f64);
    let missed = f.unchecked.len() as f64;
    rows.put(
        "Terms with no filtering check",
        "all",
        missed,
        terms,
        months,
    )?;
    let none_passed = f.none_passed.len() as f64;
    rows.put(
        "Terms whose latest filtering check did not pass",
        "all",
        none_passed,
        terms,
        months,
    )?;
    // A term counts as checked only when its latest check passed: the termly check goes by this.
    rows.put(
        "Terms not counted as checked: latest check did not pass",
        "all",
        missed + none_passed,
        terms,
        months,
    )?;
    for t in f.by_term.iter().filter(|t| f.none_passed.contains(&t.term)) {
        rows.put(
            "Term whose latest filtering check failed or was unclear",
            &crate::metrics::terms::in_words(&t.term),
            t.checks as f64,
            None,
            months,
        )?;
    }
    Ok(())
}

/// One row of the Evidence sheet: a measure, for whom, its value, what it is out of and
/// its window in months.
type Measure = (String, String, Value, Option<f64>, Option<u32>);

/// The Evidence sheet's rows, gathered so that its columns can be as wide as what they hold.
struct Rows(Vec<Measure>);

impl Rows {
    /// A measure for a group or category: its value, what it is out of, and the window.
    fn put(
        &mut self,
        what: &str,
        who: &str,
        value: f64,
        of: Option<f64>,
        months: Option<u32>,
    ) -> Result<(), XlsxError> {
        self.put_value(what, who, Value::Number(value), of, months);
        Ok(())
    }

    /// A measure whose value may not be known.
    fn put_value(
        &mut self,
        what: &str,
        who: &str,
        value: Value,
        of: Option<f64>,
        months: Option<u32>,
    ) {
        self.0
            .push((what.to_string(), who.to_string(), value, of, months));
    }

    /// Writes the heading row and the rows, the two columns of words as wide as their
    /// longest entry within a cap and wrapped beyond it, a group or category too long for
    /// a row running on in rows below; returns the last row and the columns' widths.
    fn write(&self, sheet: &mut Worksheet) -> Result<(u32, Vec<f64>), XlsxError> {
        let what = self.0.iter().map(|r| r.0.as_str());
        let who = self.0.iter().map(|r| r.1.as_str());
        let columns = [
            (
                "Measure",
                sheetprint::width_for(what.chain(["Measure"]), 20.0, 44.0),
            ),
            (
                "Group or category",
                sheetprint::width_for(who.chain(["Group or category"]), 14.0, 30.0),
            ),
            ("Value", 9.0),
            ("Out of", 9.0),
            ("Window (months)", 10.0),
        ];
        let across = heading_row(sheet, &columns)?;
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let top = Format::new().set_align(FormatAlign::Top);
        let mut row = 0u32;
        for (what, who, value, of, months) in &self.0 {
            row += 1;
            // A group or category as long as a paragraph (typed into a record) runs on in
            // rows below, each naming the measure it continues.
            let pieces = sheetprint::Pieces::new(&[(who.as_str(), columns[1].1)], LONG_TEXT_LINES);
            sheet.write_with_format(row, 0, what.as_str(), &wrap)?;
            sheet.write_with_format(row, 1, pieces.shown(0, 0), &wrap)?;
            match value {
                Value::Number(n) => sheet.write_with_format(row, 2, *n, &top)?,
                Value::NotKnown => sheet.write_with_format(row, 2, "not known", &top)?,
            };
            if let Some(of) = of {
                sheet.write_with_format(row, 3, *of, &top)?;
            }
            if let Some(months) = months {
                sheet.write_with_format(row, 4, *months, &top)?;
            }
            let continued = sheetprint::continued(what);
            for part in 0..pieces.rows() {
                let name = if part == 0 {
                    what.as_str()
                } else {
                    continued.as_str()
                };
                if part > 0 {
                    row += 1;
                    sheet.write_with_format(row, 0, name, &wrap)?;
                    sheet.write_with_format(row, 1, pieces.shown(0, part), &wrap)?;
                }
                let texts = [
                    (name, columns[0].1),
                    (pieces.shown(0, part).trim_end(), columns[1].1),
                ];
                if texts.iter().any(|(t, w)| sheetprint::lines(t, *w) > 1) {
                    sheet.set_row_height(row, sheetprint::height(&texts, 11.0))?;
                }
            }
        }
        Ok((row, across))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a day")
    }

    fn bytes(root: &Path) -> Vec<u8> {
        let r = crate::pipeline::run(root, day()).expect("the review runs");
        render(&r, &Reviewers::as_named()).expect("renders")
    }

    /// Every row height the workbook `bytes` sets, in points, with its sheet's part.
    fn heights(bytes: &[u8]) -> Vec<(String, f64)> {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut out = Vec::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).expect("a part");
            let name = file.name().expect("a name").to_string();
            if !name.starts_with("xl/worksheets/sheet") {
                continue;
            }
            let mut xml = String::new();
            file.read_to_string(&mut xml).expect("reads");
            for piece in xml.split(" ht=\"").skip(1) {
                let end = piece.find('"').expect("a closed attribute");
                out.push((name.clone(), piece[..end].parse().expect("points")));
            }
        }
        out
    }

    /// The text of every cell of `sheet` in the workbook `bytes`, row by row, read back
    /// as an office program reads it.
    fn cells(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
        use calamine::Reader;
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("opens");
        let range = wb.worksheet_range(sheet).expect("the sheet");
        range
            .rows()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .collect()
    }

    /// Twenty numbered actions, each a line, about 2,000 characters in all.
    fn twenty_actions() -> Vec<String> {
        (1..=20)
            .map(|k| format!("{k}. Action {k}: review the acceptable use agreements with the class teachers and report back to governors"))
            .collect()
    }

    #[test]
    fn long_texts_run_on_in_rows_that_each_fit_excel_and_lose_nothing() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut r = crate::pipeline::run(&samples, day()).expect("the review runs");
        let lines = twenty_actions();
        let item = r
            .scored
            .actions
            .first_mut()
            .expect("the demo plans actions");
        let code = item.aspect.clone();
        item.planned = Some(crate::score::Planned {
            actions: lines.join("\n"),
            owner: "Online Safety Lead".into(),
            target: None,
        });
        let aspect = &mut r.scored.aspects[0];
        let why_code = aspect.code.clone();
        aspect.records_differ = Some(lines.join(" "));
        aspect.explanations.clear();
        let incidents = r
            .metrics
            .incidents
            .as_mut()
            .expect("the demo has incidents");
        let category = &mut incidents.by_category.first_mut().expect("a category").label;
        *category = lines.join(" ");
        let bytes = render(&r, &Reviewers::as_named()).expect("renders");
        for (sheet, text_col) in [("Action plan", 6), ("Summary", usize::MAX)] {
            let rows = cells(&bytes, sheet);
            let (wanted, col) = if sheet == "Summary" {
                let col = rows[0].iter().position(|h| h == "Why the records differ");
                (&why_code, col.expect("the Why column"))
            } else {
                (&code, text_col)
            };
            let own: Vec<&Vec<String>> = rows.iter().filter(|r| &r[0] == wanted).collect();
            assert!(own.len() > 1, "{sheet}: the text runs on: {own:#?}");
            assert!(
                own[1..]
                    .iter()
                    .all(|r| r[1].ends_with(crate::sheetprint::CONTINUED)),
                "{sheet}: {own:#?}"
            );
            let joined: String = own.iter().map(|r| r[col].as_str()).collect();
            for line in &lines {
                assert!(
                    joined.contains(line.as_str()),
                    "{sheet}: {line} is lost: {joined}"
                );
            }
        }
        let rows = cells(&bytes, "Evidence");
        let at = rows
            .iter()
            .position(|r| r[0] == "Incidents by category")
            .expect("the category's row");
        let continued = crate::sheetprint::continued("Incidents by category");
        let more = rows[at + 1..]
            .iter()
            .take_while(|r| r[0] == continued)
            .count();
        assert!(more > 0, "{:#?}", &rows[at..]);
        let joined: String = rows[at..=at + more].iter().map(|r| r[1].as_str()).collect();
        assert_eq!(joined, lines.join(" "));
        let heights = heights(&bytes);
        assert!(!heights.is_empty());
        let tall: Vec<_> = heights
            .iter()
            .filter(|(_, h)| *h > crate::sheetprint::MAX_ROW_POINTS)
            .collect();
        assert!(tall.is_empty(), "{tall:?}");
        let misfits = fits::misfits(&bytes);
        assert!(misfits.is_empty(), "{misfits:#?}");
    }

    #[test]
    fn every_cell_of_the_demo_fits_its_column_or_its_row() {
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let misfits = fits::misfits(&bytes(&samples));
        assert!(misfits.is_empty(), "{misfits:#?}");
    }

    #[test]
    fn every_cell_of_a_new_review_fits_its_column_or_its_row() {
        let dir = tempfile::tempdir().expect("a folder");
        let root = dir.path().join("review");
        let framework = crate::framework::load_embedded("online-safety-18").expect("shipped");
        crate::review::init(&crate::review::InitOptions {
            dir: &root,
            school: "The Blessed Saint Bartholomew and All Angels Church of England Voluntary Aided Primary School",
            framework: &framework,
            review_date: day(),
        })
        .expect("made");
        let misfits = fits::misfits(&bytes(&root));
        assert!(misfits.is_empty(), "{misfits:#?}");
    }

    #[test]
    fn the_check_finds_text_cut_by_its_row() {
        let mut wb = Workbook::new();
        let sheet = wb.add_worksheet();
        let wrap = Format::new().set_text_wrap();
        let bold = Format::new().set_bold();
        sheet.set_column_width(0, 10).expect("sized");
        sheet.set_column_width(1, 27).expect("sized");
        sheet.set_column_width(2, 9).expect("sized");
        sheet
            .write_with_format(0, 0, "several words that wrap over lines", &wrap)
            .expect("written");
        sheet.set_row_height(0, 18).expect("sized");
        // Thirty characters of bold text in a column sized for thirty of regular text.
        sheet
            .write_with_format(1, 1, "Below benchmark on the records", &bold)
            .expect("written");
        sheet.write(1, 2, "yes").expect("written");
        sheet.write(2, 1, "fits").expect("written");
        let bytes = wb.save_to_buffer().expect("saved");
        let misfits = fits::misfits(&bytes);
        assert_eq!(misfits.len(), 2, "{misfits:#?}");
        assert!(misfits[0].starts_with("Sheet1!A1"), "{}", misfits[0]);
        assert!(misfits[1].starts_with("Sheet1!B2"), "{}", misfits[1]);
    }
}
