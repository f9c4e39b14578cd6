//! `summary.xlsx`: the review at a glance for people who live in spreadsheets.
//!
//! A Summary sheet (one row per aspect, reviewers' levels, agreed, benchmark, gap and
//! status, coloured by conditional formatting), a Chart sheet of levels against the
//! benchmark, an Action plan sheet with columns to fill in, and an Evidence sheet of the
//! metrics. Every sheet prints on A4, one page wide, with its heading row on every page, and
//! rows are as tall as their wrapped text ([`crate::sheetprint`]). The document date is the
//! review date, so the bytes depend only on the review.

mod chart;

use chrono::Datelike;
use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::Reviewers;
use crate::metrics::compute::IncidentSummary;
use crate::pipeline::Reviewed;
use crate::score::AspectScore;
use crate::sheetprint::{self, Orientation};

/// Writes the heading row of a sheet whose columns are `columns` (heading and width), sized
/// to its wrapped headings, frozen on screen and repeated on every printed page.
fn heading_row(sheet: &mut Worksheet, columns: &[(&str, f64)]) -> Result<(), XlsxError> {
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
    sheet.set_row_height(0, sheetprint::height(columns, 11.0))?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The print setup of a sheet whose table runs to `last_row` and `last_col`.
fn print_table(
    sheet: &mut Worksheet,
    orientation: Orientation,
    last_row: u32,
    last_col: u16,
) -> Result<(), XlsxError> {
    sheetprint::setup(sheet, orientation, 1)?;
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
    summary_sheet(wb.add_worksheet(), r, reviewers)?;
    chart::sheet(wb.add_worksheet(), &s.aspects)?;
    plan_sheet(wb.add_worksheet(), r)?;
    evidence_sheet(wb.add_worksheet(), r)?;
    wb.save_to_buffer()
}

/// The Summary sheet's first column of reviewers' levels.
const FIRST_LEVEL_COL: u16 = 4;

fn summary_sheet(
    sheet: &mut Worksheet,
    r: &Reviewed,
    reviewers: &Reviewers,
) -> Result<(), XlsxError> {
    let s = &r.scored;
    sheet.set_name("Summary")?;
    // A column per reviewer, by the name shown, in the order of those names.
    let mut columns: Vec<&str> = s
        .aspects
        .iter()
        .flat_map(|a| a.reviewers.keys().map(|n| reviewers.shown(n)))
        .collect();
    columns.sort_unstable();
    columns.dedup();
    let mut headers: Vec<(&str, f64)> = vec![
        ("Code", 7.0),
        ("Aspect", ASPECT_WIDTH),
        ("Element", 9.0),
        ("Strand", 8.0),
    ];
    headers.extend(columns.iter().map(|c| (*c, 10.0)));
    headers.extend([
        ("Agreed", 8.0),
        ("Evidenced", 10.0),
        ("Benchmark", 11.0),
        ("Gap", 6.0),
        ("Status", STATUS_WIDTH),
        ("Complete", 10.0),
        ("Why the records differ", WHY_WIDTH),
    ]);
    heading_row(sheet, &headers)?;
    let agreed_col =
        FIRST_LEVEL_COL + u16::try_from(columns.len()).expect("a handful of reviewers");
    for (row, a) in (1u32..).zip(&s.aspects) {
        aspect_row(sheet, row, a, &columns, reviewers, agreed_col)?;
    }
    let last = u32::try_from(s.aspects.len()).expect("a few dozen aspects");
    status_colours(sheet, last, agreed_col + 4)?;
    print_table(sheet, Orientation::Landscape, last, agreed_col + 6)?;
    Ok(())
}

/// The widths of the Summary sheet's columns of text.
const ASPECT_WIDTH: f64 = 40.0;
const STATUS_WIDTH: f64 = 26.0;
const WHY_WIDTH: f64 = 45.0;

/// One aspect's row of the Summary sheet: levels from `agreed_col` on.
fn aspect_row(
    sheet: &mut Worksheet,
    row: u32,
    a: &AspectScore,
    columns: &[&str],
    reviewers: &Reviewers,
    agreed_col: u16,
) -> Result<(), XlsxError> {
    // The group's explanation is what lets a claim the records fall short of stand.
    let explained = a
        .records_differ
        .as_deref()
        .filter(|_| a.evidenced > a.agreed && a.counted == a.agreed);
    // Every cell reads from the top of its row, as the wrapped ones do.
    let top = Format::new().set_align(FormatAlign::Top);
    let number = top.clone().set_align(FormatAlign::Center);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.write_with_format(row, 0, a.code.as_str(), &top)?;
    sheet.write_with_format(row, 2, a.element.as_str(), &top)?;
    sheet.write_with_format(row, 3, a.strand.as_str(), &top)?;
    let levels = reviewers.levels(&a.reviewers);
    for (c, name) in (FIRST_LEVEL_COL..).zip(columns) {
        if let Some((_, level)) = levels.iter().find(|(n, _)| n == name) {
            sheet.write_with_format(row, c, *level, &number)?;
        }
    }
    if let Some(level) = a.agreed {
        sheet.write_with_format(row, agreed_col, level, &number)?;
    }
    if let Some(level) = a.evidenced {
        sheet.write_with_format(row, agreed_col + 1, level, &number)?;
    }
    sheet.write_with_format(row, agreed_col + 2, a.benchmark, &number)?;
    if let Some(gap) = a.gap_to_benchmark {
        sheet.write_with_format(row, agreed_col + 3, gap, &number)?;
    }
    let status = match a.gap_to_benchmark {
        None => "Not scored",
        Some(g) if g > 0 && a.evidenced > a.agreed => "Below benchmark on the records",
        Some(g) if g > 0 => "Below benchmark",
        Some(_) if explained.is_some() => "Meets benchmark as explained",
        Some(_) => "Meets benchmark",
    };
    sheet.write_with_format(row, agreed_col + 4, status, &top)?;
    sheet.write_with_format(
        row,
        agreed_col + 5,
        if a.complete { "yes" } else { "no" },
        &top,
    )?;
    if let Some(why) = explained {
        sheet.write_with_format(row, agreed_col + 6, why, &wrap)?;
    }
    sheet.write_with_format(row, 1, a.name.as_str(), &wrap)?;
    let height = sheetprint::height(
        &[
            (a.name.as_str(), ASPECT_WIDTH),
            (status, STATUS_WIDTH),
            (explained.unwrap_or(""), WHY_WIDTH),
        ],
        11.0,
    );
    sheet.set_row_height(row, height)?;
    Ok(())
}

/// Colours the status column by what it says.
fn status_colours(sheet: &mut Worksheet, last: u32, status_col: u16) -> Result<(), XlsxError> {
    let red = Format::new().set_background_color("#F8CBAD").set_bold();
    let green = Format::new().set_background_color("#C6EFCE");
    let grey = Format::new().set_background_color("#EDEDED");
    for (text, format) in [("Below", &red), ("Meets", &green), ("Not scored", &grey)] {
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(text.to_string()))
            .set_format(format);
        sheet.add_conditional_format(1, status_col, last, status_col, &rule)?;
    }
    Ok(())
}

/// The Action plan sheet's columns: heading and width.
const PLAN_COLUMNS: [(&str, f64); 10] = [
    ("Code", 7.0),
    ("Aspect", 22.0),
    ("Level now", 7.0),
    ("Next level", 7.0),
    ("What the next level looks like", 42.0),
    ("Improvement actions", 42.0),
    ("Planned actions", 30.0),
    ("Owner", 13.0),
    ("Target date", 11.0),
    ("Status", 12.0),
];

fn plan_sheet(sheet: &mut Worksheet, r: &Reviewed) -> Result<(), XlsxError> {
    sheet.set_name("Action plan")?;
    heading_row(sheet, &PLAN_COLUMNS)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Top);
    let width = |c: usize| PLAN_COLUMNS[c].1;
    for (row, p) in (1u32..).zip(&r.scored.actions) {
        let actions: Vec<String> = p
            .improvement_actions
            .iter()
            .map(|a| format!("• {a}"))
            .collect();
        let actions = actions.join("\n");
        let (planned, owner) = p
            .planned
            .as_ref()
            .map_or(("", ""), |x| (x.actions.as_str(), x.owner.as_str()));
        sheet.write_with_format(row, 0, p.aspect.as_str(), &top)?;
        sheet.write_with_format(row, 1, p.name.as_str(), &wrap)?;
        sheet.write_with_format(row, 2, p.level, &top)?;
        sheet.write_with_format(row, 3, p.next_level, &top)?;
        sheet.write_with_format(row, 4, p.next_statement.as_str(), &wrap)?;
        sheet.write_with_format(row, 5, actions.as_str(), &wrap)?;
        if p.planned.is_some() {
            sheet.write_with_format(row, 6, planned, &wrap)?;
            sheet.write_with_format(row, 7, owner, &wrap)?;
        }
        if let Some(t) = p.planned.as_ref().and_then(|x| x.target) {
            sheet.write_with_format(row, 8, &t, &date)?;
        }
        let height = sheetprint::height(
            &[
                (p.name.as_str(), width(1)),
                (p.next_statement.as_str(), width(4)),
                (actions.as_str(), width(5)),
                (planned, width(6)),
                (owner, width(7)),
            ],
            11.0,
        );
        sheet.set_row_height(row, height)?;
    }
    let last = u32::try_from(r.scored.actions.len()).expect("a few dozen aspects");
    print_table(sheet, Orientation::Landscape, last, 9)?;
    Ok(())
}

fn evidence_sheet(sheet: &mut Worksheet, r: &Reviewed) -> Result<(), XlsxError> {
    sheet.set_name("Evidence")?;
    heading_row(
        sheet,
        &[
            ("Measure", 36.0),
            ("Group or category", 30.0),
            ("Value", 9.0),
            ("Out of", 9.0),
            ("Window (months)", 10.0),
        ],
    )?;
    let m = &r.metrics;
    let mut rows = Rows { sheet, next: 1 };
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
    let last = rows.next - 1;
    print_table(sheet, Orientation::Portrait, last, 4)?;
    Ok(())
}

fn incident_rows(rows: &mut Rows<'_>, i: &IncidentSummary) -> Result<(), XlsxError> {
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
        rows.put("Incidents by term", &c.label, c.count as f64, None, None)?;
    }
    Ok(())
}

/// The Evidence sheet's rows, written one after another.
struct Rows<'a> {
    sheet: &'a mut Worksheet,
    next: u32,
}

impl Rows<'_> {
    /// A measure for a group or category: its value, what it is out of, and the window.
    fn put(
        &mut self,
        what: &str,
        who: &str,
        value: f64,
        of: Option<f64>,
        months: Option<u32>,
    ) -> Result<(), XlsxError> {
        let row = self.next;
        self.sheet.write(row, 0, what)?;
        self.sheet.write(row, 1, who)?;
        self.sheet.write(row, 2, value)?;
        if let Some(of) = of {
            self.sheet.write(row, 3, of)?;
        }
        if let Some(months) = months {
            self.sheet.write(row, 4, months)?;
        }
        self.next += 1;
        Ok(())
    }
}
