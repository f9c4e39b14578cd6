//! `summary.xlsx`: the review at a glance for people who live in spreadsheets.
//!
//! A Summary sheet (one row per aspect, reviewers' levels, agreed, benchmark, gap and
//! status, coloured by conditional formatting, with a chart of levels against the
//! benchmark), an Action plan sheet with columns to fill in, and an Evidence sheet of the
//! metrics. The document date is the review date, so the bytes depend only on the review.

use chrono::Datelike;
use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatText, ConditionalFormatTextRule, DocProperties,
    ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::Reviewers;
use crate::metrics::compute::IncidentSummary;
use crate::metrics::documents::Standing;
use crate::metrics::registers::{REGISTER_MONTHS, Registers};
use crate::pipeline::Reviewed;
use crate::score::AspectScore;

fn header(sheet: &mut Worksheet, headers: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    for (c, h) in (0u16..).zip(headers) {
        sheet.write_with_format(0, c, *h, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
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
    let mut headers: Vec<&str> = vec!["Code", "Aspect", "Element", "Strand"];
    headers.extend(&columns);
    headers.extend([
        "Agreed",
        "Evidenced",
        "Benchmark",
        "Gap",
        "Status",
        "Complete",
        "Why the records differ",
    ]);
    header(sheet, &headers)?;
    let agreed_col =
        FIRST_LEVEL_COL + u16::try_from(columns.len()).expect("a handful of reviewers");
    for (row, a) in (1u32..).zip(&s.aspects) {
        aspect_row(sheet, row, a, &columns, reviewers, agreed_col)?;
    }
    let last = u32::try_from(s.aspects.len()).expect("a few dozen aspects");
    status_colours(sheet, last, agreed_col + 4)?;
    sheet.insert_chart(last + 2, 0, &levels_chart(last, agreed_col))?;
    Ok(())
}

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
    sheet.write(row, 0, a.code.as_str())?;
    sheet.write(row, 1, a.name.as_str())?;
    sheet.write(row, 2, a.element.as_str())?;
    sheet.write(row, 3, a.strand.as_str())?;
    let levels = reviewers.levels(&a.reviewers);
    for (c, name) in (FIRST_LEVEL_COL..).zip(columns) {
        if let Some((_, level)) = levels.iter().find(|(n, _)| n == name) {
            sheet.write(row, c, *level)?;
        }
    }
    if let Some(level) = a.agreed {
        sheet.write(row, agreed_col, level)?;
    }
    if let Some(level) = a.evidenced {
        sheet.write(row, agreed_col + 1, level)?;
    }
    sheet.write(row, agreed_col + 2, a.benchmark)?;
    if let Some(gap) = a.gap_to_benchmark {
        sheet.write(row, agreed_col + 3, gap)?;
    }
    let status = match a.gap_to_benchmark {
        None => "Not scored",
        Some(g) if g > 0 && a.evidenced > a.agreed => "Below benchmark on the records",
        Some(g) if g > 0 => "Below benchmark",
        Some(_) if explained.is_some() => "Meets benchmark as explained",
        Some(_) => "Meets benchmark",
    };
    sheet.write(row, agreed_col + 4, status)?;
    sheet.write(row, agreed_col + 5, if a.complete { "yes" } else { "no" })?;
    if let Some(why) = explained {
        sheet.write(row, agreed_col + 6, why)?;
    }
    Ok(())
}

/// Colours the status column by what it says, and sets the column widths.
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
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(status_col, 18)?;
    sheet.set_column_width(status_col + 2, 50)?;
    Ok(())
}

/// The chart of agreed and evidenced levels against the benchmark, aspect by aspect.
fn levels_chart(last: u32, agreed_col: u16) -> Chart {
    let mut chart = Chart::new(ChartType::Column);
    chart
        .title()
        .set_name("Agreed level, level evidenced and benchmark (1 is best)");
    for (name, col) in [
        ("Agreed", agreed_col),
        ("Evidenced", agreed_col + 1),
        ("Benchmark", agreed_col + 2),
    ] {
        chart
            .add_series()
            .set_name(name)
            .set_categories(("Summary", 1, 0, last, 0))
            .set_values(("Summary", 1, col, last, col));
    }
    chart.y_axis().set_min(0).set_max(5).set_name("Level");
    chart.set_width(900).set_height(320);
    chart
}

fn plan_sheet(sheet: &mut Worksheet, r: &Reviewed) -> Result<(), XlsxError> {
    sheet.set_name("Action plan")?;
    header(
        sheet,
        &[
            "Code",
            "Aspect",
            "Level now",
            "Next level",
            "What the next level looks like",
            "Improvement actions",
            "Planned actions",
            "Owner",
            "Target date",
            "Status",
        ],
    )?;
    let wrap = Format::new().set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (row, p) in (1u32..).zip(&r.scored.actions) {
        sheet.write(row, 0, p.aspect.as_str())?;
        sheet.write(row, 1, p.name.as_str())?;
        sheet.write(row, 2, p.level)?;
        sheet.write(row, 3, p.next_level)?;
        sheet.write_with_format(row, 4, p.next_statement.as_str(), &wrap)?;
        sheet.write_with_format(row, 5, p.improvement_actions.join("\n"), &wrap)?;
        if let Some(planned) = &p.planned {
            sheet.write_with_format(row, 6, planned.actions.as_str(), &wrap)?;
            sheet.write(row, 7, planned.owner.as_str())?;
            if let Some(t) = planned.target {
                sheet.write_with_format(row, 8, &t, &date)?;
            }
        }
    }
    for (c, w) in [
        (1u16, 30.0),
        (4, 50.0),
        (5, 50.0),
        (6, 35.0),
        (7, 14.0),
        (8, 12.0),
        (9, 14.0),
    ] {
        sheet.set_column_width(c, w)?;
    }
    Ok(())
}

fn evidence_sheet(sheet: &mut Worksheet, r: &Reviewed) -> Result<(), XlsxError> {
    sheet.set_name("Evidence")?;
    header(
        sheet,
        &[
            "Measure",
            "Group or category",
            "Value",
            "Out of",
            "Window (months)",
        ],
    )?;
    let m = &r.metrics;
    let mut rows = Rows { sheet, next: 1 };
    for g in m.training.iter().flatten() {
        rows.put(
            "People trained",
            &g.group,
            g.trained as f64,
            Some(g.people as f64),
            Some(g.months),
        )?;
    }
    for g in m.meetings.iter().flatten() {
        rows.put("Meetings", &g.group, g.count as f64, None, Some(g.months))?;
        rows.put(
            "Longest gap between meetings (days)",
            &g.group,
            g.longest_gap_days as f64,
            None,
            Some(g.months),
        )?;
    }
    if let Some(i) = &m.incidents {
        incident_rows(&mut rows, i)?;
    }
    register_rows(&mut rows, &m.registers)?;
    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(1, 28)?;
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

/// The registers' figures: documents by standing, agreements signed this school year,
/// filtering checks, surveys and parent engagement.
fn register_rows(rows: &mut Rows<'_>, r: &Registers) -> Result<(), XlsxError> {
    if let Some(d) = &r.documents {
        let all = Some(d.documents.len() as f64);
        for (what, standing) in [
            ("Documents with the review overdue", Standing::Overdue),
            ("Documents not reviewed in time", Standing::Stale),
            (
                "Documents due for review in the next 90 days",
                Standing::DueSoon,
            ),
        ] {
            rows.put(what, "policy register", d.count(standing) as f64, all, None)?;
        }
    }
    for g in r.agreements.iter().flatten() {
        let (signed, of) = (g.signed as f64, Some(g.of as f64));
        rows.put(
            "Agreements signed this school year",
            &g.group,
            signed,
            of,
            None,
        )?;
    }
    if let Some(f) = &r.filtering {
        rows.put(
            "Filtering checks",
            "all",
            f.checks as f64,
            None,
            Some(f.months),
        )?;
        let terms = Some(f.terms.len() as f64);
        let missed = f.unchecked.len() as f64;
        rows.put(
            "Terms with no filtering check",
            "all",
            missed,
            terms,
            Some(f.months),
        )?;
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
