//! A workbook's sheets folded into records as they stream: the header is looked for in a
//! sheet's first rows, and every row after them goes straight into the [`Accumulator`], so
//! a sheet of a million rows is never held. For records that name children, every other
//! sheet whose headings name people is streamed the same way for its names.

use super::accumulate::Accumulator;
use super::read::find_header;
use super::{Evidence, Request, SourceReport};
use crate::error::{Error, Result};
use crate::evidence::header::{self, Header, SEARCH_ROWS};
use crate::evidence::table::{Origin, SheetRow};
use crate::evidence::{Kind, sheet};
use crate::spreadsheet::{self, Book};

/// How far reading one sheet has got.
enum Fold<'e> {
    /// Its first rows, kept until the header is found in them.
    Looking {
        head: Vec<SheetRow>,
        evidence: &'e mut Evidence,
    },
    /// Its header was found: rows go into records.
    Folding(Box<Accumulator<'e>>),
    /// Its first rows hold no header: the rest is not read.
    Passed {
        head: Vec<SheetRow>,
        evidence: &'e mut Evidence,
    },
}

/// An xlsx, xls or ods workbook: the chosen sheet's records, and the names on its other
/// sheets.
pub(super) fn read(req: &Request<'_>, evidence: &mut Evidence) -> Result<SourceReport> {
    let fail = |why: spreadsheet::Error| Error::Evidence {
        path: req.shown.to_path_buf(),
        message: why.to_string(),
    };
    spreadsheet::guarded(|| {
        let mut book = spreadsheet::open(req.path).map_err(fail)?;
        let hidden = spreadsheet::hidden_sheets(&book);
        let (mut acc, chosen) = choose_sheet(req, &mut book, &hidden, evidence)?;
        let mut folded = vec![chosen.clone()];
        if req.sheet.is_none()
            && let Ok(acc) = acc.as_mut()
        {
            let names = spreadsheet::sheet_names(&book);
            for name in names.iter().filter(|n| hidden.contains(n)) {
                acc.sheet_unread(name, HIDDEN);
            }
            let after = names.iter().skip_while(|n| **n != chosen).skip(1);
            let first = fields_of(acc.header());
            for name in after.filter(|n| !hidden.contains(n)) {
                if fold_more(req, &mut book, name, &first, acc)? {
                    folded.push(name.clone());
                }
            }
        }
        if req.kind.names_children() && req.sheet.is_none() {
            for name in spreadsheet::sheet_names(&book) {
                if !folded.contains(&name) {
                    names_on(req, &mut book, &name, acc.as_mut().ok())?;
                }
            }
        }
        acc.map(Accumulator::finish)
    })
    .map_err(fail)?
}

/// Why a hidden sheet is not read: the school put it out of sight, often an old year's copy
/// or a working sheet, and a record on it is not one the school shows. Its names are still
/// learnt, for records that name children.
const HIDDEN: &str = "it is hidden in the workbook, so it is not read as evidence; unhide it, or name it with `sheet` in review.toml, to read it";

/// Streams the sheet that holds the records: the one `sheet` names, else the first sheet
/// not hidden whose first rows hold a header. With none, the error for the sheet that was
/// to be read (the first), and its name.
fn choose_sheet<'e>(
    req: &Request<'_>,
    book: &mut Book,
    hidden: &[String],
    evidence: &'e mut Evidence,
) -> Result<(Result<Accumulator<'e>>, String)> {
    let names = spreadsheet::sheet_names(book);
    let candidates: Vec<&String> = match req.sheet {
        Some(wanted) => {
            let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(wanted.trim())) else {
                return Err(Error::Evidence {
                    path: req.shown.to_path_buf(),
                    message: format!(
                        "it has no sheet called `{wanted}` (its sheets: {}); fix `sheet` in review.toml",
                        names.join(", ")
                    ),
                });
            };
            vec![name]
        }
        None => names.iter().filter(|n| !hidden.contains(n)).collect(),
    };
    let mut evidence = evidence;
    let mut first: Option<(String, Vec<SheetRow>)> = None;
    for name in candidates {
        match fold_sheet(req, book, name, evidence)? {
            Fold::Folding(mut acc) => {
                // An agreements register's counts may be formulas: one never saved reads
                // blank, and the lead is told to save the file rather than given no reason.
                if req.kind == Kind::Agreements
                    && let Ok(cells) = spreadsheet::formula_cells(book, name)
                {
                    acc.formulas(cells);
                }
                return Ok((Ok(*acc), name.clone()));
            }
            Fold::Looking { head, evidence: e } | Fold::Passed { head, evidence: e } => {
                evidence = e;
                if first.is_none() {
                    first = Some((name.clone(), head));
                }
            }
        }
    }
    let Some((name, head)) = first else {
        let message = if hidden.is_empty() {
            "it has no sheets".to_string()
        } else {
            "every sheet of it is hidden, and a hidden sheet is not read as evidence; unhide the sheet of records, or name it with `sheet` in review.toml".to_string()
        };
        return Err(Error::Evidence {
            path: req.shown.to_path_buf(),
            message,
        });
    };
    let origin = Origin::new(req.shown, Some(&name));
    let err = find_header(req, &origin, &head)
        .err()
        .ok_or_else(|| Error::Evidence {
            path: req.shown.to_path_buf(),
            message: "its header could not be read twice alike".into(),
        })?;
    // The records may be on a sheet the school hid: say which, rather than leave the lead
    // wondering why the visible sheet was read.
    let err = match err {
        Error::Evidence { path, message } if req.sheet.is_none() && !hidden.is_empty() => {
            Error::Evidence {
                path,
                message: format!(
                    "{message}. It also has {} ({}), not read as evidence: unhide the one that holds the records, or name it with `sheet` in review.toml",
                    if hidden.len() == 1 {
                        "a hidden sheet"
                    } else {
                        "hidden sheets"
                    },
                    hidden.join(", ")
                ),
            }
        }
        other => other,
    };
    Ok((Err(err), name))
}

/// Streams sheet `name` into records if its first rows hold a header.
fn fold_sheet<'e>(
    req: &Request<'_>,
    book: &mut Book,
    name: &str,
    evidence: &'e mut Evidence,
) -> Result<Fold<'e>> {
    let mut state = Some(Fold::Looking {
        head: Vec::new(),
        evidence,
    });
    let (formulas, concealed) = looks(req, book, name);
    let decide = |head: Vec<SheetRow>, evidence: &'e mut Evidence| match header::detect(
        req.kind,
        &head,
        req.columns,
    ) {
        Ok(header) => {
            let origin = Origin::new(req.shown, Some(name));
            let mut acc = Accumulator::new(req, origin, header, evidence);
            acc.formulas(formulas.iter().copied());
            acc.concealed(concealed.clone());
            for row in &head {
                acc.row(row);
            }
            Fold::Folding(Box::new(acc))
        }
        Err(_) => Fold::Passed { head, evidence },
    };
    sheet::each_row(book, req.shown, name, |row| {
        let next = match state.take().expect("a state between rows") {
            Fold::Looking { mut head, evidence } => {
                head.push(row);
                if head.len() < SEARCH_ROWS {
                    Fold::Looking { head, evidence }
                } else {
                    decide(head, evidence)
                }
            }
            Fold::Folding(mut acc) => {
                acc.row(&row);
                Fold::Folding(acc)
            }
            passed @ Fold::Passed { .. } => passed,
        };
        let going = !matches!(next, Fold::Passed { .. });
        state = Some(next);
        going
    })?;
    Ok(match state.take().expect("a state after the rows") {
        Fold::Looking { head, evidence } => decide(head, evidence),
        done => done,
    })
}

/// The fields a header maps, in a form two sheets' headers can be compared by.
fn fields_of(header: &Header) -> Vec<String> {
    let mut fields: Vec<String> = header
        .columns
        .iter()
        .filter_map(|c| c.field.map(|f| f.to_string()))
        .collect();
    fields.sort();
    fields
}

/// Streams a sheet after the one the records were found on into the same records, when
/// its headings map every field `first` (the first sheet read) maps, and maybe more (a log
/// kept one sheet per term, a column added in spring); says whether it did.
/// What the sheet's rows do not show as values, looked for before they are read: the
/// cells of a policy register that hold a formula (a date never saved reads blank, and its
/// note says so; the register is small), and the rows the school hid or struck through,
/// set aside as it set them aside (a pupil list's and an incident log's are read all the
/// same, so that no name goes unlearnt).
fn looks(
    req: &Request<'_>,
    book: &mut Book,
    name: &str,
) -> (
    Vec<(u32, u32)>,
    std::collections::BTreeMap<u32, spreadsheet::Concealed>,
) {
    let formulas = if req.kind == Kind::Documents {
        spreadsheet::formula_cells(book, name).unwrap_or_default()
    } else {
        Vec::new()
    };
    let concealed = if req.kind.names_children() && req.kind != Kind::Agreements {
        Default::default()
    } else {
        spreadsheet::concealed_rows(req.path, name)
    };
    (formulas, concealed)
}

/// A sheet with other headings, or none, is named in the report as not read, with why.
fn fold_more(
    req: &Request<'_>,
    book: &mut Book,
    name: &str,
    first: &[String],
    acc: &mut Accumulator<'_>,
) -> Result<bool> {
    let mut head: Vec<SheetRow> = Vec::new();
    let mut same: Option<bool> = None;
    let (formulas, concealed) = looks(req, book, name);
    let decide = |head: &[SheetRow], acc: &mut Accumulator<'_>| {
        let detected = header::detect(req.kind, head, req.columns);
        if let Err(doubled) = detected.as_ref().map_err(|e| e.doubled.clone())
            && let Some(doubled) = doubled
        {
            acc.sheet_unread(name, &format!("its heading row is ambiguous: {doubled}"));
            return false;
        }
        let found = detected.ok();
        // A term's sheet may have a column more ("Checked by", "Notes"): it is read when it
        // has every field the first sheet had, so no figure is read from fewer columns.
        let alike = found.as_ref().is_some_and(|h| {
            let theirs = fields_of(h);
            first.iter().all(|f| theirs.contains(f))
        });
        match found {
            Some(header) if alike => {
                acc.next_sheet(Origin::new(req.shown, Some(name)), header, name);
                acc.formulas(formulas.iter().copied());
                acc.concealed(concealed.clone());
                for row in head {
                    acc.row(row);
                }
            }
            Some(_) => acc.sheet_unread(
                name,
                "its headings lack a column the sheets read have, so its records cannot be read alike",
            ),
            None if head.iter().all(SheetRow::is_blank) => {}
            None => acc.sheet_unread(
                name,
                &format!(
                    "no headings of {} records were found on it",
                    req.kind.as_str()
                ),
            ),
        }
        alike
    };
    sheet::each_row(book, req.shown, name, |row| {
        match same {
            Some(true) => {
                acc.row(&row);
                return true;
            }
            Some(false) => return false,
            None => head.push(row),
        }
        if head.len() < SEARCH_ROWS {
            return true;
        }
        let alike = decide(&head, acc);
        same = Some(alike);
        head.clear();
        alike
    })?;
    Ok(match same {
        Some(alike) => alike,
        None => decide(&head, acc),
    })
}

/// Streams another sheet of a workbook of records that name children for its names, if its
/// headings name people: every pupil on every sheet must be learnt, not only those on the
/// sheet that is counted. Without `acc` (the records' sheet had no header) the sheet is
/// still read, so that a sheet that cannot be read is said to be so.
fn names_on(
    req: &Request<'_>,
    book: &mut Book,
    name: &str,
    mut acc: Option<&mut Accumulator<'_>>,
) -> Result<()> {
    let mut head: Vec<SheetRow> = Vec::new();
    let mut people: Option<Header> = None;
    let mut decided = false;
    let decide = |head: &[SheetRow], acc: &mut Option<&mut Accumulator<'_>>| {
        let found = header::detect(req.kind, head, req.columns)
            .ok()
            .filter(|h| !h.people.is_empty());
        if let (Some(header), Some(acc)) = (&found, acc.as_mut()) {
            for row in head {
                acc.names_row(header, row);
            }
        }
        found
    };
    sheet::each_row(book, req.shown, name, |row| {
        if decided {
            if let (Some(header), Some(acc)) = (&people, acc.as_mut()) {
                acc.names_row(header, &row);
            }
            return people.is_some();
        }
        head.push(row);
        if head.len() < SEARCH_ROWS {
            return true;
        }
        decided = true;
        people = decide(&head, &mut acc);
        head.clear();
        people.is_some()
    })?;
    if !decided {
        people = decide(&head, &mut acc);
    }
    if people.is_some()
        && let Some(acc) = acc
    {
        acc.names_done(name);
    }
    Ok(())
}
