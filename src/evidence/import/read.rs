//! Opening a source and finding its table: a CSV file streamed row by row, or the chosen
//! sheet of a workbook and, for records that name children, every other sheet whose
//! headings name people.

use super::accumulate::Accumulator;
use super::{Evidence, Request, SourceReport};
use crate::error::{Error, Result};
use crate::evidence::header::{self, Header, NoHeader};
use crate::evidence::records;
use crate::evidence::table::{Origin, SheetRow};
use crate::evidence::{csvfile, sheet};
use crate::spreadsheet;

/// Reads the source `req` names into `evidence`.
pub(super) fn read(req: &Request<'_>, evidence: &mut Evidence) -> Result<SourceReport> {
    // A folder, a missing file or a device is said for what it is, whatever its name.
    if let Some(why) = spreadsheet::missing(req.path) {
        return Err(Error::Evidence {
            path: req.shown.to_path_buf(),
            message: why.to_string(),
        });
    }
    if let Some(unknown) = req.columns.unknown() {
        return Err(Error::ColumnMapping {
            path: req.shown.to_path_buf(),
            message: unknown.to_string(),
        });
    }
    if !evidence.kinds.contains(&req.kind) {
        evidence.kinds.push(req.kind);
    }
    let ext = req
        .path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if ext.as_deref() == Some("csv") || ext.as_deref() == Some("txt") {
        read_text(req, evidence)
    } else {
        read_workbook(req, evidence)
    }
}

/// A CSV or text file, streamed: only the columns the records read are decoded.
fn read_text(req: &Request<'_>, evidence: &mut Evidence) -> Result<SourceReport> {
    let origin = Origin::new(req.shown, None);
    let mut rows = csvfile::open(req.path)?;
    let mut head: Vec<SheetRow> = Vec::new();
    for row in rows.by_ref().take(header::SEARCH_ROWS) {
        head.push(row?);
    }
    let header = find_header(req, &origin, &head)?;
    rows.keep_only(&read_columns(&header));
    let mut acc = Accumulator::new(req, origin, header, evidence);
    for row in &head {
        acc.row(row);
    }
    for row in rows {
        acc.row(&row?);
    }
    Ok(acc.finish())
}

/// The columns of fields the records read, and those naming people, in order.
fn read_columns(header: &Header) -> Vec<u32> {
    let mut used: Vec<u32> = header
        .columns
        .iter()
        .filter(|c| c.field.is_some_and(records::reads))
        .map(|c| c.index)
        .chain(header.people.all())
        .collect();
    used.sort_unstable();
    used.dedup();
    used
}

/// An xlsx, xls or ods workbook: the chosen sheet's records, and the names on its other
/// sheets.
fn read_workbook(req: &Request<'_>, evidence: &mut Evidence) -> Result<SourceReport> {
    let read = spreadsheet::guarded(|| {
        let mut book = spreadsheet::open(req.path).map_err(|why| Error::Evidence {
            path: req.shown.to_path_buf(),
            message: why.to_string(),
        })?;
        let chosen = choose_sheet(req, &mut book)?;
        let others = if req.kind.names_children() && req.sheet.is_none() {
            sheets_naming_people(req, &mut book, &chosen.0)?
        } else {
            Vec::new()
        };
        Ok::<_, Error>((chosen, others))
    });
    let ((name, sheet_rows), others) = read.map_err(|why| Error::Evidence {
        path: req.shown.to_path_buf(),
        message: why.to_string(),
    })??;
    let origin = Origin::new(req.shown, Some(&name));
    let header = find_header(req, &origin, &sheet_rows)?;
    let mut acc = Accumulator::new(req, origin, header, evidence);
    for row in &sheet_rows {
        acc.row(row);
    }
    for (sheet, header, rows) in &others {
        acc.names_from(sheet, header, rows);
    }
    Ok(acc.finish())
}

/// The other sheets of a workbook of records that name children whose headings name people:
/// every pupil on every sheet must be learnt, not only those on the sheet that is counted.
fn sheets_naming_people(
    req: &Request<'_>,
    book: &mut spreadsheet::Book,
    chosen: &str,
) -> Result<Vec<(String, Header, Vec<SheetRow>)>> {
    let mut out = Vec::new();
    for name in spreadsheet::sheet_names(book) {
        if name == chosen {
            continue;
        }
        let rows = sheet::rows(book, req.shown, &name)?;
        if let Ok(header) = header::detect(req.kind, &rows, req.columns)
            && !header.people.is_empty()
        {
            out.push((name, header, rows));
        }
    }
    Ok(out)
}

fn choose_sheet(
    req: &Request<'_>,
    book: &mut spreadsheet::Book,
) -> Result<(String, Vec<SheetRow>)> {
    let names = spreadsheet::sheet_names(book);
    if let Some(wanted) = req.sheet {
        let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(wanted.trim())) else {
            return Err(Error::Evidence {
                path: req.shown.to_path_buf(),
                message: format!(
                    "it has no sheet called `{wanted}` (its sheets: {}); fix `sheet` in review.toml",
                    names.join(", ")
                ),
            });
        };
        let rows = sheet::rows(book, req.shown, name)?;
        return Ok((name.clone(), rows));
    }
    let mut first: Option<(String, Vec<SheetRow>)> = None;
    for name in &names {
        let rows = sheet::rows(book, req.shown, name)?;
        if header::detect(req.kind, &rows, req.columns).is_ok() {
            return Ok((name.clone(), rows));
        }
        if first.is_none() {
            first = Some((name.clone(), rows));
        }
    }
    first.ok_or_else(|| Error::Evidence {
        path: req.shown.to_path_buf(),
        message: "it has no sheets".into(),
    })
}

fn find_header(req: &Request<'_>, origin: &Origin, rows: &[SheetRow]) -> Result<Header> {
    header::detect(req.kind, rows, req.columns).map_err(|NoHeader { found, expected }| {
        let place = origin.sheet.as_ref().map_or(String::new(), |s| format!(" on sheet `{s}`"));
        // The best row may be a row of records: for records that name children, its cells
        // are not repeated back.
        let found = if found.is_empty() {
            "no headings at all".to_string()
        } else if req.kind.names_children() {
            "no row that reads as headings".to_string()
        } else {
            format!("the headings {}", found.join(" | "))
        };
        Error::Evidence {
            path: req.shown.to_path_buf(),
            message: format!(
                "no header row for {} records was found in its first {} rows{place}: it has {found}, but needs columns for {}; rename the headings, or map them under [evidence.columns] in review.toml",
                req.kind.as_str(),
                header::SEARCH_ROWS,
                expected.join(" and ")
            ),
        }
    })
}
