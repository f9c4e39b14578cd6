//! Finding the header row of a school's spreadsheet and mapping its columns to fields.
//!
//! Real files have title rows above the header ("Online safety log", "Group: Hill
//! Primary"), and sometimes a two-row header with a merged cell over sub-headings ("Action
//! taken" over "What?" and "By whom?"). Each of the first rows, and each pair of adjacent
//! rows, is tried; headers are compared after folding case, punctuation and spacing; the
//! candidate that maps the most fields, including every required one, wins.

use serde::Serialize;

use super::people::name_part;
pub use super::people::{PeopleColumns, people_columns};
use super::table::SheetRow;
use super::{ColumnMap, Field, Kind};

/// How many rows from the top may hold the header.
pub const SEARCH_ROWS: usize = 30;

/// One column of the found header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// 0-based column index.
    #[serde(skip)]
    pub index: u32,
    /// Column letter, for people.
    pub column: String,
    /// The header text as written (both rows of a two-row header).
    pub header: String,
    /// The field it maps to; `None` for a column the tool does not use.
    pub field: Option<Field>,
}

/// The header found in a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// 0-based index of the header's last row; data starts below it.
    pub last_row: u32,
    /// 0-based index of its first row (the same as `last_row` for a one-row header).
    pub first_row: u32,
    /// Every non-blank header column.
    pub columns: Vec<Column>,
    /// The columns that name people (children, in incident logs and pupil lists).
    pub people: PeopleColumns,
}

impl Header {
    /// The column of a field.
    pub fn col(&self, field: Field) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.field == Some(field))
            .map(|c| c.index)
    }

    /// How many fields were mapped.
    fn mapped(&self) -> usize {
        self.columns.iter().filter(|c| c.field.is_some()).count()
    }
}

/// Why no header was found: the best row seen and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoHeader {
    /// The texts of the row that looked most like a header.
    pub found: Vec<String>,
    /// The headers the required fields are known by.
    pub expected: Vec<String>,
}

pub use crate::text::normalise;

/// The field a header names, if any: the school's own mapping first, then the template
/// header and the known variants.
pub fn field_for(kind: Kind, header: &str, overrides: &ColumnMap) -> Option<Field> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    if let Some(field) = overrides.get(&h) {
        return (field.kind() == kind).then_some(field);
    }
    kind.fields()
        .find(|f| normalise(f.header()) == h || f.aliases().contains(&h.as_str()))
}

fn columns(kind: Kind, texts: &[String], overrides: &ColumnMap) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        let field =
            field_for(kind, text, overrides).filter(|f| !out.iter().any(|c| c.field == Some(*f)));
        let index = u32::try_from(i).expect("columns fit u32");
        out.push(Column {
            index,
            column: crate::diag::column_letters(index),
            header: text.trim().to_string(),
            field,
        });
    }
    out
}

/// The header texts of two rows read as one: a top cell left blank because it was merged
/// with the one on its left carries that label over the sub-headings below it.
fn combine(top: &SheetRow, bottom: &SheetRow) -> Vec<String> {
    let width = top.cells.len().max(bottom.cells.len());
    let mut out = Vec::with_capacity(width);
    let mut carried = String::new();
    for c in 0..width {
        let c32 = u32::try_from(c).expect("columns fit u32");
        let t = top.get(c32).text();
        let b = bottom.get(c32).text();
        if !t.is_empty() {
            carried = t.clone();
        } else if b.is_empty() || c == 0 || bottom.get(c32 - 1).is_empty() {
            carried.clear();
        }
        let label = if t.is_empty() { carried.clone() } else { t };
        out.push(format!("{label} {b}").trim().to_string());
    }
    out
}

fn has_required(kind: Kind, header: &Header) -> bool {
    if kind == Kind::Pupils {
        // A pupil list's headings vary more than any list of them ("Student Full Name",
        // "Pupil Surname"): any heading that reads as a name will do.
        return kind
            .fields()
            .any(|f| name_part(f).is_some() && header.col(f).is_some())
            || header
                .columns
                .iter()
                .any(|c| super::people::person_part(&c.header).is_some());
    }
    kind.fields()
        .filter(|f| f.required())
        .all(|f| header.col(f).is_some())
}

/// Finds the header among the first rows of a sheet.
pub fn detect(kind: Kind, rows: &[SheetRow], overrides: &ColumnMap) -> Result<Header, NoHeader> {
    let head = &rows[..rows.len().min(SEARCH_ROWS)];
    let mut best: Option<Header> = None;
    let mut best_any: Option<(usize, Vec<String>)> = None;
    for i in 0..head.len() {
        for c in candidates(kind, head, i, overrides) {
            if best_any.as_ref().is_none_or(|(n, _)| c.mapped() > *n) {
                best_any = Some((
                    c.mapped(),
                    c.columns.iter().map(|col| col.header.clone()).collect(),
                ));
            }
            if has_required(kind, &c) && best.as_ref().is_none_or(|b| c.mapped() > b.mapped()) {
                best = Some(c);
            }
        }
    }
    match best {
        Some(mut header) => {
            find_people(kind, &mut header, overrides);
            Ok(header)
        }
        None => Err(NoHeader {
            found: best_any.map(|(_, f)| f).unwrap_or_default(),
            expected: expected(kind),
        }),
    }
}

/// The headers row `i` of `head` may start: itself, and with the row below it when that
/// row is the next in the sheet.
fn candidates(kind: Kind, head: &[SheetRow], i: usize, overrides: &ColumnMap) -> Vec<Header> {
    let row = &head[i];
    let texts: Vec<String> = row.cells.iter().map(|v| v.text()).collect();
    let mut out = vec![Header {
        first_row: row.index,
        last_row: row.index,
        columns: columns(kind, &texts, overrides),
        people: PeopleColumns::default(),
    }];
    if let Some(next) = head.get(i + 1).filter(|n| n.index == row.index + 1) {
        let both = combine(row, next);
        out.push(Header {
            first_row: row.index,
            last_row: next.index,
            columns: columns(kind, &both, overrides),
            people: PeopleColumns::default(),
        });
    }
    out
}

/// Notes the header's columns that name people; those no field was found for are shown by
/// `import` as names rather than "not used".
fn find_people(kind: Kind, header: &mut Header, overrides: &ColumnMap) {
    header.people = people_columns(kind, &header.columns, overrides);
    let Some(shown) = kind.person_field() else {
        return;
    };
    let people: Vec<u32> = header.people.all().collect();
    for c in header.columns.iter_mut().filter(|c| c.field.is_none()) {
        if people.contains(&c.index) {
            c.field = Some(shown);
        }
    }
}

/// The headings a header of `kind` needs, for saying that none was found.
fn expected(kind: Kind) -> Vec<String> {
    if kind == Kind::Pupils {
        vec!["Name (or Forename and Surname)".to_string()]
    } else {
        kind.fields()
            .filter(|f| f.required())
            .map(|f| f.header().to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::Value;
    use super::*;

    fn row(index: u32, cells: &[&str]) -> SheetRow {
        SheetRow {
            index,
            cells: cells.iter().map(|c| Value::from_text(c)).collect(),
        }
    }

    #[test]
    fn finds_a_two_row_header_below_title_rows() {
        let rows = vec![
            row(0, &["Online Safety Reporting Log"]),
            row(1, &["Group: Hill Primary"]),
            row(
                3,
                &[
                    "Date",
                    "Time",
                    "Incident",
                    "Action taken",
                    "",
                    "Incident Reported By",
                    "Signature",
                ],
            ),
            row(4, &["", "", "", "What?", "By whom?", "", ""]),
            row(
                5,
                &[
                    "02/09/2024",
                    "10:15",
                    "x",
                    "Spoke to pupil",
                    "OSL",
                    "TA",
                    "",
                ],
            ),
        ];
        let h = detect(Kind::Incidents, &rows, &ColumnMap::default()).expect("found");
        assert_eq!((h.first_row, h.last_row), (3, 4));
        assert_eq!(h.col(Field::IncidentAction), Some(3));
        assert_eq!(h.col(Field::IncidentActionBy), Some(4));
        assert_eq!(h.col(Field::IncidentReportedBy), Some(5));
        assert_eq!(h.col(Field::IncidentDescription), Some(2));
        let unused: Vec<&str> = h
            .columns
            .iter()
            .filter(|c| c.field.is_none())
            .map(|c| c.header.as_str())
            .collect();
        assert_eq!(unused, ["Signature"]);
    }

    #[test]
    fn the_schools_own_mapping_wins() {
        let rows = vec![
            row(0, &["Staff member", "Job", "When"]),
            row(1, &["A", "Teacher", "01/01/2025"]),
        ];
        let mut own = std::collections::BTreeMap::new();
        own.insert("Job".to_string(), "role".to_string());
        own.insert("when".to_string(), "date".to_string());
        let own = ColumnMap::parse(Kind::Training, &own);
        let h = detect(Kind::Training, &rows, &own).expect("found");
        assert_eq!(
            (
                h.col(Field::TrainingPerson),
                h.col(Field::TrainingRole),
                h.col(Field::TrainingDate)
            ),
            (Some(0), Some(1), Some(2))
        );
    }

    #[test]
    fn no_header_says_what_was_found_and_expected() {
        let rows = vec![row(0, &["Colour", "Shape"]), row(1, &["red", "square"])];
        let err = detect(Kind::Meetings, &rows, &ColumnMap::default()).expect_err("no header");
        assert_eq!(err.found, ["Colour", "Shape"]);
        assert_eq!(err.expected, ["Date", "Group"]);
    }

    #[test]
    fn normalising_folds_case_and_punctuation() {
        assert_eq!(normalise("Action taken — What?"), "action taken what");
        assert_eq!(normalise("Date/Time"), "date time");
    }
}
