//! Opening a source and finding its table: a CSV file streamed row by row, or a workbook
//! (see [`super::workbook`]).

use super::accumulate::Accumulator;
use super::{Evidence, Request, SourceReport};
use crate::error::{Error, Result};
use crate::evidence::Kind;
use crate::evidence::csvfile;
use crate::evidence::header::{self, Header, NoHeader};
use crate::evidence::records;
use crate::evidence::table::{Origin, SheetRow};
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
        super::workbook::read(req, evidence)
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
    rows.keep_only(&read_columns(&header, req.kind == Kind::Agreements));
    let mut acc = Accumulator::new(req, origin, header, evidence);
    for row in &head {
        acc.row(row);
    }
    // One row's room serves every row.
    let mut row = SheetRow {
        index: 0,
        cells: Vec::new(),
    };
    while let Some(read) = rows.next_row(&mut row) {
        read?;
        acc.row(&row);
    }
    Ok(acc.finish())
}

/// The columns of fields the records read, and those naming people, in order; with
/// `unmapped`, the columns no field was found for too (an agreements register's notes may
/// say an agreement was refused, whatever the Signed column holds).
fn read_columns(header: &Header, unmapped: bool) -> Vec<u32> {
    let mut used: Vec<u32> = header
        .columns
        .iter()
        .filter(|c| c.field.map_or(unmapped, records::reads))
        .map(|c| c.index)
        .chain(header.people.all())
        .collect();
    used.sort_unstable();
    used.dedup();
    used
}

pub(super) fn find_header(req: &Request<'_>, origin: &Origin, rows: &[SheetRow]) -> Result<Header> {
    header::detect(req.kind, rows, req.columns).map_err(|NoHeader { found, expected, doubled }| {
        let place = origin.sheet.as_ref().map_or(String::new(), |s| format!(" on sheet `{s}`"));
        if let Some(doubled) = doubled {
            return Error::Evidence {
                path: req.shown.to_path_buf(),
                message: format!("its heading row{place} is ambiguous: {doubled}"),
            };
        }
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
