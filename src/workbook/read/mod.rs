//! Reading a filled scoring workbook back, as we wrote it or after Excel or LibreOffice
//! saved it (xlsx or ods).
//!
//! Columns are found by header text (see [`super::layout`]), rows by the aspect code in the
//! Code column; element and strand heading rows are passed over. Every problem is a finding
//! naming the file and the cell, so a reviewer can go straight to it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use calamine::{Data, Range};
use chrono::NaiveDate;
use serde::Serialize;

mod agreed;
mod continued;
mod reserved;
mod rows;

use reserved::reserved;
use rows::RowReader;

use super::layout::{self, ScoredBy, detail, same_header};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::framework::Framework;
use crate::spreadsheet;

/// One aspect's row of a filled workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The aspect code.
    pub code: String,
    /// Where the row is, for findings (0-based sheet row).
    #[serde(skip)]
    pub sheet_row: u32,
    /// Each reviewer's level: one entry for an individual workbook, one per member with a
    /// level for a group workbook.
    pub levels: Vec<(String, u8)>,
    /// A group workbook's agreed level.
    pub agreed: Option<u8>,
    /// Why the group agreed that level.
    pub rationale: String,
    /// What the school does and how it knows: a reviewer's own commentary, or in a group
    /// workbook the meeting's working notes.
    pub commentary: String,
    /// A group workbook's agreed commentary; `None` when the workbook has no such column
    /// (an individual workbook, or a group workbook made before the column existed).
    pub agreed_commentary: Option<String>,
    /// Why the school's records differ from the level claimed, where they do.
    pub records_differ: String,
    /// File names under `evidence/` cited for the aspect.
    pub evidence: Vec<String>,
    /// The Evidence cell as written, to tell citations apart again once the evidence
    /// folder is known (see [`super::citations`]).
    #[serde(skip)]
    pub evidence_text: String,
    /// The cell the evidence was cited in, e.g. `Scores!F7`.
    #[serde(skip)]
    pub evidence_cell: Option<String>,
    /// Planned actions.
    pub actions: String,
    /// Who owns them.
    pub owner: String,
    /// When they are due.
    pub target: Option<NaiveDate>,
    /// The Target date cell as written, kept when it is not a date ("next term") so that
    /// carrying the row to a revised framework loses nothing.
    #[serde(skip)]
    pub target_text: String,
    /// What a move to a revised framework changed in this aspect, still to be reviewed
    /// (the [`layout::CHANGE_FLAG`] column); empty once the group has cleared it.
    pub change_flag: String,
    /// The cell of each text column in this row (`Commentary` → `Scores!F7`), for findings.
    #[serde(skip)]
    pub cells: Vec<(&'static str, String)>,
}

impl Row {
    /// The cell of the column headed `column` in this row, if the workbook has it.
    pub fn cell(&self, column: &str) -> Option<String> {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, cell)| cell.clone())
    }
}

impl Row {
    /// Whether a reviewer has entered anything in the row.
    pub fn has_entries(&self) -> bool {
        !self.levels.is_empty()
            || self.agreed.is_some()
            || self.target.is_some()
            || !self.evidence.is_empty()
            || [
                self.rationale.as_str(),
                &self.commentary,
                self.agreed_commentary.as_deref().unwrap_or_default(),
                &self.records_differ,
                &self.actions,
                &self.owner,
                &self.change_flag,
            ]
            .iter()
            .any(|s| !s.is_empty())
    }
}

/// A filled workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Filled {
    /// The file read.
    pub path: PathBuf,
    /// Whose workbook it is.
    #[serde(skip)]
    pub kind: ScoredBy,
    /// The framework id recorded in it.
    pub framework: String,
    /// The framework version recorded in it.
    pub version: String,
    /// The aspect rows, in sheet order.
    pub rows: Vec<Row>,
    /// The cell each reviewer's name was read from (`Instructions!B4`, or a group member's
    /// column heading), in the order of [`ScoredBy`], for findings about the name.
    #[serde(skip)]
    pub named_at: Vec<String>,
}

impl Filled {
    /// Whether any row has entries.
    pub fn has_entries(&self) -> bool {
        self.rows.iter().any(Row::has_entries)
    }
}

/// Reads the workbook at `path`, checking it against `fw`. Returns `None` when the file is
/// not a readable scoring workbook; the findings say why.
pub fn read(path: &Path, fw: &Framework) -> (Option<Filled>, Diagnostics) {
    spreadsheet::guarded(|| read_unguarded(path, fw)).unwrap_or_else(|why| {
        let mut diags = Diagnostics::default();
        diags.push(unreadable(Location::file(path), &why));
        (None, diags)
    })
}

/// The finding for a file that could not be read at all; `why` continues "cannot read this
/// workbook: …".
fn unreadable(whole: Location, why: &spreadsheet::Error) -> Diagnostic {
    if let spreadsheet::Error::TextFile { format } = why {
        // Renamed to .csv it would not be read either: scores/ holds workbooks only.
        return Diagnostic::error(
            Code::UnreadableWorkbook,
            whole,
            format!("cannot read this workbook: it is a text file (probably CSV) with a .{format} name, and scores/ takes only scoring workbooks (.xlsx, .xlsm, .xls or .ods), not CSV"),
        )
        .with_help("make a scoring workbook with `selfreview workbook --reviewer NAME` and copy the levels and commentary into it, or move this file out of scores/");
    }
    Diagnostic::error(
        Code::UnreadableWorkbook,
        whole,
        format!("cannot read this workbook: {why}"),
    )
    .with_help("open it in Excel or LibreOffice and save it again as .xlsx or .ods")
}

fn read_unguarded(path: &Path, fw: &Framework) -> (Option<Filled>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let filled = match open_sheets(path) {
        Ok(sheets) => fill(path, fw, &sheets, &mut diags),
        Err(finding) => {
            diags.push(*finding);
            None
        }
    };
    (filled, diags)
}

/// What a scoring workbook is read from: its details, its scores sheet and the cells of
/// that sheet that hold a formula.
struct Sheets {
    details: Details,
    scores: Range<Data>,
    formulas: BTreeSet<(u32, u32)>,
}

/// Opens the workbook and reads the sheets a scoring workbook has, or says why it cannot.
fn open_sheets(path: &Path) -> Result<Sheets, Box<Diagnostic>> {
    let unreadable = |why: spreadsheet::Error| Box::new(unreadable(Location::file(path), &why));
    let mut book = spreadsheet::open(path).map_err(unreadable)?;
    let names = spreadsheet::sheet_names(&book);
    let has = |sheet: &str| names.iter().any(|n| n == sheet);
    if !has(layout::SCORES_SHEET) {
        let what = format!("it has no sheet called {}", layout::SCORES_SHEET);
        return Err(Box::new(not_ours(path, &what)));
    }
    let details = if has(layout::INSTRUCTIONS_SHEET) {
        read_details(
            &spreadsheet::range(&mut book, layout::INSTRUCTIONS_SHEET).map_err(unreadable)?,
        )
    } else {
        Details::default()
    };
    let scores = spreadsheet::range(&mut book, layout::SCORES_SHEET).map_err(unreadable)?;
    // A level typed as a formula whose result was never saved reads as empty: find them, so
    // such a level is named rather than silently missing.
    let formulas = spreadsheet::formula_cells(&mut book, layout::SCORES_SHEET)
        .unwrap_or_default()
        .into_iter()
        .collect();
    Ok(Sheets {
        details,
        scores,
        formulas,
    })
}

/// The finding for a file that is readable but not one of our scoring workbooks.
fn not_ours(path: &Path, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::NotAScoringWorkbook,
        Location::file(path),
        format!("this is not a scoring workbook: {what}"),
    )
    .with_help("make scoring workbooks with `selfreview workbook`, and keep only them in scores/")
}

/// Reads the rows of a workbook's sheets, once it is known to be a scoring workbook for
/// `fw` whose reviewer is not a name the workbooks keep for themselves.
fn fill(path: &Path, fw: &Framework, sheets: &Sheets, diags: &mut Diagnostics) -> Option<Filled> {
    let Some(table) = find_table(&sheets.scores) else {
        diags.push(not_ours(
            path,
            &format!(
                "the {} sheet has no header row with Code and Level columns",
                layout::SCORES_SHEET
            ),
        ));
        return None;
    };
    let details = &sheets.details;
    // Earlier workbooks give the id in the Framework row; later ones in a row of its own.
    let framework = match details.get(detail::FRAMEWORK_ID) {
        "" => details.get(detail::FRAMEWORK),
        id => id,
    }
    .to_string();
    let version = details.get(detail::VERSION).to_string();
    if !check_framework(path, fw, &framework, &version, diags) {
        return None;
    }
    let at = |sheet: &str, row: u32, col: u32| {
        Location::cell(path, sheet, row, col)
            .cell
            .unwrap_or_default()
    };
    let (scored_by, named_at) = match &table.members {
        Some(members) => (
            ScoredBy::Group {
                members: members.iter().map(|(_, m)| m.clone()).collect(),
            },
            (members.iter())
                .map(|(col, _)| at(layout::SCORES_SHEET, table.header_row, *col))
                .collect(),
        ),
        None => (
            ScoredBy::Individual {
                reviewer: details.get(detail::REVIEWER).to_string(),
            },
            vec![at(
                layout::INSTRUCTIONS_SHEET,
                details.row(detail::REVIEWER),
                1,
            )],
        ),
    };
    if let ScoredBy::Individual { reviewer } = &scored_by
        && layout::is_reserved(reviewer)
    {
        diags.push(reserved(path, details.row(detail::REVIEWER), reviewer));
        return None;
    }
    let mut reader = RowReader {
        path,
        range: &sheets.scores,
        table: &table,
        scored_by: &scored_by,
        formulas: &sheets.formulas,
        labels: &fw.levels,
        diags,
    };
    let mut rows = reader.rows(fw);
    agreed::check(path, &sheets.scores, &table, &scored_by, &mut rows, diags);
    Some(Filled {
        path: path.to_path_buf(),
        kind: scored_by,
        framework,
        version,
        rows,
        named_at,
    })
}

/// The Instructions sheet's labelled values, each with its row (from 0).
#[derive(Debug, Default)]
struct Details(Vec<(u32, String, String)>);

impl Details {
    fn get(&self, label: &str) -> &str {
        self.0
            .iter()
            .find(|(_, l, _)| same_header(l, label))
            .map_or("", |(_, _, v)| v.as_str())
    }

    fn row(&self, label: &str) -> u32 {
        self.0
            .iter()
            .find(|(_, l, _)| same_header(l, label))
            .map_or(0, |(r, _, _)| *r)
    }
}

fn read_details(range: &Range<Data>) -> Details {
    let first = range.start().map_or(0, |(r, _)| r);
    let rows = (first..).zip(range.rows()).map(|(at, r)| {
        let cell = |i: usize| r.get(i).map(spreadsheet::text).unwrap_or_default();
        (at, cell(0), cell(1))
    });
    Details(rows.filter(|(_, l, _)| !l.is_empty()).collect())
}

/// Whether the workbook was made for the review's framework; one made for another is
/// named and not counted, since its rows may mean something else.
fn check_framework(
    path: &Path,
    fw: &Framework,
    id: &str,
    version: &str,
    diags: &mut Diagnostics,
) -> bool {
    let at = Location::cell(path, layout::INSTRUCTIONS_SHEET, 0, 1);
    if id != fw.id {
        let found = if id.is_empty() {
            "no framework".to_string()
        } else {
            format!("framework `{id}`")
        };
        diags.push(
            Diagnostic::error(
                Code::WorkbookFrameworkMismatch,
                at,
                format!(
                    "made for {found}, but the review uses `{}`; its levels are not counted",
                    fw.id
                ),
            )
            .with_help(
                "make a new workbook with `selfreview workbook` and copy the entries across",
            ),
        );
        return false;
    }
    if version != fw.version {
        diags.push(
            Diagnostic::warning(
                Code::WorkbookVersionMismatch,
                at,
                format!(
                    "made for version {version} of `{}`; the review uses version {}",
                    fw.id, fw.version
                ),
            )
            .with_help("check the level statements still match what the reviewer chose"),
        );
    }
    true
}

/// Where the columns are, as absolute sheet positions.
pub(super) struct Table {
    header_row: u32,
    code: u32,
    /// The Aspect column, where a continuation row is marked.
    aspect: Option<u32>,
    level: Option<u32>,
    members: Option<Vec<(u32, String)>>,
    agreed: Option<u32>,
    others: Vec<(&'static str, u32)>,
}

fn find_table(range: &Range<Data>) -> Option<Table> {
    let (row0, col0) = range.start()?;
    for (i, row) in range.rows().enumerate() {
        let headers: Vec<String> = row.iter().map(spreadsheet::text).collect();
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| same_header(h, name))
                .map(|c| col0 + u32::try_from(c).expect("sheet columns fit u32"))
        };
        let (Some(code), Some(benchmark)) = (find(layout::CODE), find(layout::BENCHMARK)) else {
            continue;
        };
        let level = find(layout::LEVEL);
        let agreed = find(layout::AGREED);
        if level.is_none() && agreed.is_none() {
            continue;
        }
        let members = agreed.map(|agreed| {
            (benchmark + 1..agreed)
                .filter_map(|c| {
                    let h = headers.get((c - col0) as usize)?;
                    (!h.is_empty()).then(|| (c, h.clone()))
                })
                .collect()
        });
        let mut others = Vec::new();
        for name in [
            layout::RATIONALE,
            layout::AGREED_COMMENTARY,
            layout::COMMENTARY,
            layout::EVIDENCE,
            layout::RECORDS_DIFFER,
            layout::ACTIONS,
            layout::OWNER,
            layout::TARGET,
            layout::CHANGE_FLAG,
        ] {
            if let Some(c) = find(name) {
                others.push((name, c));
            }
        }
        let header_row = row0 + u32::try_from(i).expect("sheet rows fit u32");
        return Some(Table {
            header_row,
            code,
            aspect: find(layout::ASPECT),
            level: level.filter(|_| agreed.is_none()),
            members,
            agreed,
            others,
        });
    }
    None
}
