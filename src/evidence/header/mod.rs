//! Finding the header row of a school's spreadsheet and mapping its columns to fields.
//!
//! Real files have title rows above the header ("Online safety log", "Group: Hill
//! Primary"), and sometimes a two-row header with a merged cell over sub-headings ("Action
//! taken" over "What?" and "By whom?"). Each of the first rows, and each pair of adjacent
//! rows, is tried; headers are compared after folding case, punctuation and spacing; the
//! candidate that maps the most fields, including every required one, wins.

use serde::Serialize;

mod room;

use super::people::name_part;
pub use super::people::{PeopleColumns, people_columns};
use super::table::SheetRow;
use super::{ColumnMap, Field, Kind};
pub use room::either_review;
use room::{give_way, make_room};

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

    /// Every column of a field: more than one only for a field that [`Field::gathers`].
    pub fn cols(&self, field: Field) -> impl Iterator<Item = u32> + '_ {
        self.columns
            .iter()
            .filter(move |c| c.field == Some(field))
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
    /// The header was found, but two of its columns have one heading for one field ("Result"
    /// twice): which is meant cannot be told, so neither is guessed. Says both cells.
    pub doubled: Option<String>,
}

pub use crate::text::normalise;

/// How plainly a heading names its field, so that of two columns read as one field the
/// plainer is taken ("Main items" over "Notes", "Signed" over "Returned?") and only two
/// equally plain ones are refused as ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// A heading read once the words saying how to fill it in are taken off ("Returned?
    /// Yes/No").
    Hinted,
    /// One of the other headings schools give the field.
    Alias,
    /// The field's own heading, as the template writes it.
    Own,
    /// The school's own mapping in review.toml.
    School,
}

/// Words at the end of a heading that say how to fill it in ("Signed (Y/N)"), normalised.
const HOW: &[&str] = &[" y n", " yes no", " y or n", " yes or no", " tick"];

/// The field a header names, if any: the school's own mapping first, then the template
/// header and the known variants.
pub fn field_for(kind: Kind, header: &str, overrides: &ColumnMap) -> Option<Field> {
    reading(kind, header, overrides).map(|(f, _)| f)
}

/// The field a header names and how plainly it names it.
fn reading(kind: Kind, header: &str, overrides: &ColumnMap) -> Option<(Field, Strength)> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    if let Some(field) = overrides.get(&h) {
        return (field.kind() == kind).then_some((field, Strength::School));
    }
    let known = |h: &str| {
        kind.fields().find_map(|f| {
            if normalise(f.header()) == h {
                Some((f, Strength::Own))
            } else {
                f.aliases().contains(&h).then_some((f, Strength::Alias))
            }
        })
    };
    // "Signed (Y/N)", "Returned? Yes/No": a heading that says how to fill it in is still
    // the heading before it, though less plainly than one that says no more.
    known(&h)
        .or_else(|| {
            HOW.iter()
                .find_map(|how| h.strip_suffix(how))
                .and_then(known)
                .map(|(f, s)| (f, s.min(Strength::Hinted)))
        })
        .or_else(|| reworded(kind, &h))
}

/// The field a heading names once it is put more plainly ("What tested", "Title of
/// policy"): compared word for word with the known headings put the same way, as
/// [`super::wording`] says. Less plain than any heading known as it stands.
fn reworded(kind: Kind, h: &str) -> Option<(Field, Strength)> {
    use super::wording::{core, plainer};
    let forms = plainer(h);
    forms.iter().find_map(|form| {
        kind.fields()
            .find(|f| {
                core(&normalise(f.header())) == *form
                    || f.aliases().iter().any(|a| core(a) == *form)
            })
            .map(|f| (f, Strength::Hinted))
    })
}

/// One heading cell as it may be read: its text, and for a sub-heading under a parent
/// heading spanning several columns, the other ways of reading it, tried in order when the
/// two together name no field.
struct Heading {
    text: String,
    others: Vec<String>,
}

impl Heading {
    fn plain(text: String) -> Self {
        Heading {
            text,
            others: Vec::new(),
        }
    }
}

fn columns(kind: Kind, texts: &[Heading], overrides: &ColumnMap) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    // How plainly each column of `out` names the field it took.
    let mut strengths: Vec<Strength> = Vec::new();
    let free = |f: Field, out: &[Column]| !out.iter().any(|c| c.field == Some(f));
    for (i, heading) in texts.iter().enumerate() {
        if heading.text.trim().is_empty() {
            continue;
        }
        let wanted = std::iter::once(&heading.text)
            .chain(&heading.others)
            .find_map(|t| reading(kind, t, overrides))
            .map(|(f, s)| give_way(&mut out, &strengths, (f, s), &heading.text));
        if let Some((f, _)) = wanted
            && !free(f, &out)
        {
            make_room(&mut out, f);
        }
        // A plainer heading wins over one that names the field less plainly, and the
        // school's own mapping over any heading the tool only recognised: the earlier
        // column gives the field up. A note or a status is read from every column naming it.
        if let Some((f, strength)) = wanted.filter(|(f, _)| !f.gathers())
            && let Some(at) = out.iter().position(|c| c.field == Some(f))
            && strengths[at] < strength
            && (strength == Strength::School || !f.refuses_rivals())
        {
            out[at].field = None;
        }
        let field = wanted
            .filter(|(f, _)| f.gathers() || free(*f, &out))
            .map(|(f, _)| f);
        let index = u32::try_from(i).expect("columns fit u32");
        out.push(Column {
            index,
            column: crate::diag::column_letters(index),
            header: heading.text.trim().to_string(),
            field,
        });
        strengths.push(wanted.map_or(Strength::Hinted, |(_, s)| s));
    }
    out
}

/// The header texts of two rows read as one: a top cell left blank because it was merged
/// with the one on its left carries that label over the sub-headings below it. A
/// sub-heading under a label spanning several columns ("Review" over "Reviewed on" and
/// "Next review"; "Dates" over "Last" and "Next due") may also be read alone, or with each
/// word of the label, since schools put any parent heading over the sub-headings they use.
fn combine(top: &SheetRow, bottom: &SheetRow) -> Vec<Heading> {
    let width = top.cells.len().max(bottom.cells.len());
    // Each column's label, and whether it was carried there from the left.
    let mut labels: Vec<(String, bool)> = Vec::with_capacity(width);
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
        let spread = t.is_empty() && !carried.is_empty();
        labels.push((if t.is_empty() { carried.clone() } else { t }, spread));
    }
    (0..width)
        .map(|c| {
            let (label, spread) = &labels[c];
            let b = bottom
                .get(u32::try_from(c).expect("columns fit u32"))
                .text();
            let text = format!("{label} {b}").trim().to_string();
            let spans = *spread || labels.get(c + 1).is_some_and(|(_, s)| *s);
            if !spans || b.is_empty() || label.is_empty() {
                return Heading::plain(text);
            }
            let words: Vec<String> = normalise(label).split(' ').map(str::to_string).collect();
            let others = std::iter::once(b.clone())
                .chain(
                    words
                        .iter()
                        .flat_map(|w| [format!("{w} {b}"), format!("{b} {w}")]),
                )
                .collect();
            Heading { text, others }
        })
        .collect()
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
        Some(header) if doubled(kind, &header, overrides).is_some() => Err(NoHeader {
            found: header.columns.iter().map(|c| c.header.clone()).collect(),
            expected: expected(kind),
            doubled: doubled(kind, &header, overrides),
        }),
        Some(mut header) => {
            find_people(kind, &mut header, overrides);
            Ok(header)
        }
        None => Err(NoHeader {
            found: best_any.map(|(_, f)| f).unwrap_or_default(),
            expected: expected(kind),
            doubled: None,
        }),
    }
}

/// Two columns that name one field equally plainly, the first taken for it and the second
/// left unused ("Result" twice, or "Result" and "Outcome"): which one the school means
/// cannot be told, unless the school's own mapping names the one it means. A column naming
/// the field less plainly than the one taken ("Notes" beside "Main items") is no rival.
/// Says both cells.
fn doubled(kind: Kind, header: &Header, overrides: &ColumnMap) -> Option<String> {
    let mut mapped = header
        .columns
        .iter()
        .filter(|c| c.field.is_some() && overrides.get(&c.header).is_none());
    let (first, second) = mapped.find_map(|m| {
        let taken = reading(kind, &m.header, overrides).map(|(_, s)| s);
        let again = header.columns.iter().find(|c| {
            c.field.is_none()
                && c.index != m.index
                && overrides.get(&c.header).is_none()
                && reading(kind, &c.header, overrides).is_some_and(|(f, s)| {
                    Some(f) == m.field && (f.refuses_rivals() || taken.is_none_or(|t| s >= t))
                })
        })?;
        Some((m, again))
    })?;
    let field = first.field.map(|f| f.to_string()).unwrap_or_default();
    // The row the heading sits on, counted from 1 as a spreadsheet shows it.
    let row = header.last_row + 1;
    if normalise(&first.header) == normalise(&second.header) {
        return Some(format!(
            "two columns are headed `{}` ({}{row} and {}{row}), and which holds the {field} cannot be told; rename the one not meant, or delete it",
            first.header, first.column, second.column,
        ));
    }
    Some(format!(
        "two columns, `{}` ({}{row}) and `{}` ({}{row}), both read as the {field}, and which is meant cannot be told; rename the one not meant, or name the one meant under [evidence.columns] in review.toml (`\"{}\" = \"{field}\"`)",
        first.header, first.column, second.header, second.column, first.header,
    ))
}

/// The headers row `i` of `head` may start: itself, and with the row below it when that
/// row is the next in the sheet.
fn candidates(kind: Kind, head: &[SheetRow], i: usize, overrides: &ColumnMap) -> Vec<Header> {
    let row = &head[i];
    let texts: Vec<Heading> = row.cells.iter().map(|v| Heading::plain(v.text())).collect();
    let mut out = vec![Header {
        first_row: row.index,
        last_row: row.index,
        columns: columns(kind, &texts, overrides),
        people: PeopleColumns::default(),
    }];
    if let Some(next) = head.get(i + 1).filter(|n| n.index == row.index + 1) {
        let both = Header {
            first_row: row.index,
            last_row: next.index,
            columns: columns(kind, &combine(row, next), overrides),
            people: PeopleColumns::default(),
        };
        // A title over the whole header spans every column too: the two rows are one header
        // only when they name more than the lower row does alone.
        let below: Vec<Heading> = next
            .cells
            .iter()
            .map(|v| Heading::plain(v.text()))
            .collect();
        let alone = columns(kind, &below, overrides)
            .iter()
            .filter(|c| c.field.is_some())
            .count();
        if both.mapped() > alone {
            out.push(both);
        }
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
    fn review_sub_headings_are_read_under_any_parent_heading() {
        let subs = [
            ("Reviewed on", "Next review"),
            ("Last reviewed", "Next due"),
            ("Date reviewed", "Due"),
            ("Last review", "Review due"),
            ("Review date", "Next review"),
            ("Review date", "Renewal date"),
            ("Last", "Next due"),
            ("Last", "Next"),
        ];
        for parent in ["Review", "Review dates", "Dates", "Policy review"] {
            for (last, next) in subs {
                let rows = vec![
                    row(0, &["Policy register 2026"]),
                    row(
                        2,
                        &[
                            "Policy name",
                            "Owner",
                            "Ratified by",
                            parent,
                            "",
                            "Location",
                        ],
                    ),
                    row(3, &["", "", "", last, next, ""]),
                    row(
                        4,
                        &[
                            "E-Safety Policy",
                            "OSL",
                            "FGB",
                            "3.2.25",
                            "Sept 2026",
                            "Web",
                        ],
                    ),
                ];
                let h = detect(Kind::Documents, &rows, &ColumnMap::default()).expect("found");
                let case = format!("{parent} over {last} / {next}");
                assert_eq!((h.first_row, h.last_row), (2, 3), "{case}");
                assert_eq!(h.col(Field::DocumentLastReviewed), Some(3), "{case}");
                assert_eq!(h.col(Field::DocumentNextDue), Some(4), "{case}");
                assert_eq!(h.col(Field::DocumentName), Some(0), "{case}");
                assert_eq!(h.col(Field::DocumentKept), Some(5), "{case}");
            }
        }
    }

    #[test]
    fn a_heading_that_says_how_to_fill_it_in_is_still_its_heading() {
        let none = ColumnMap::default();
        for heading in [
            "Signed (Y/N)",
            "AUA signed (Y/N)",
            "Returned? Yes/No",
            "Signed - tick",
        ] {
            assert_eq!(
                field_for(Kind::Agreements, heading, &none),
                Some(Field::AgreementSigned),
                "{heading}"
            );
        }
    }

    #[test]
    fn a_title_over_the_header_is_not_read_as_a_parent_heading() {
        let rows = vec![
            row(0, &["Policies", "", ""]),
            row(1, &["Policy", "Last reviewed", "Next review"]),
            row(2, &["E-Safety Policy", "3.2.25", "Sept 2026"]),
        ];
        let h = detect(Kind::Documents, &rows, &ColumnMap::default()).expect("found");
        assert_eq!((h.first_row, h.last_row), (1, 1));
        assert_eq!(h.columns[1].header, "Last reviewed");
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
    fn two_columns_of_one_field_are_ambiguous_until_the_school_names_one() {
        let rows = vec![
            row(
                0,
                &["Date", "What was tested", "Result", "Checked by", "Outcome"],
            ),
            row(
                1,
                &["01/10/2026", "Proxies", "Blocked", "IT", "Not blocked"],
            ),
        ];
        let none = ColumnMap::default();
        let err = detect(Kind::Filtering, &rows, &none).expect_err("ambiguous");
        let said = err.doubled.expect("says why");
        assert!(said.contains("`Result` (C1) and `Outcome` (E1)"), "{said}");
        let mut own = std::collections::BTreeMap::new();
        own.insert("Outcome".to_string(), "result".to_string());
        let own = ColumnMap::parse(Kind::Filtering, &own);
        let h = detect(Kind::Filtering, &rows, &own).expect("the school named one");
        assert_eq!(h.col(Field::FilteringResult), Some(4));
        let same = vec![row(0, &["Date", "Tested", "Result", "Result"])];
        let said = detect(Kind::Filtering, &same, &none)
            .expect_err("ambiguous")
            .doubled
            .expect("says why");
        assert!(
            said.contains("two columns are headed `Result` (C1 and D1)"),
            "{said}"
        );
    }

    #[test]
    fn a_filtering_status_beside_a_result_is_the_check_status_and_alone_the_result() {
        let none = ColumnMap::default();
        let found = |heads: &[&str], own: &ColumnMap| {
            let rows = vec![row(0, heads)];
            detect(Kind::Filtering, &rows, own)
        };
        for heads in [
            ["Date", "What was tested", "Result", "Status", "Checked by"],
            ["Date", "What was tested", "Status", "Result", "Checked by"],
            ["Date", "What was tested", "Outcome", "Status", "Checked by"],
            [
                "Date",
                "What was tested",
                "Status",
                "Was it blocked?",
                "Checked by",
            ],
        ] {
            let h = found(&heads, &none).unwrap_or_else(|e| panic!("{heads:?}: {e:?}"));
            let status = heads.iter().position(|h| h.starts_with("Status"));
            let status = status.map(|i| i as u32);
            assert_eq!(h.col(Field::FilteringStatus), status, "{heads:?}");
            assert_ne!(h.col(Field::FilteringResult), status, "{heads:?}");
            assert!(h.col(Field::FilteringResult).is_some(), "{heads:?}");
        }
        let h = found(&["Date", "Result", "Current status"], &none).expect("found");
        assert_eq!(h.col(Field::FilteringStatus), Some(2));
        let h = found(&["Date", "Status", "Check status"], &none).expect("found");
        assert_eq!(h.col(Field::FilteringResult), Some(1));
        assert_eq!(h.col(Field::FilteringStatus), Some(2));
        // Two columns that could each be the result are still refused.
        for heads in [
            &["Date", "Status", "Status"][..],
            &["Date", "Result", "Outcome", "Status"],
        ] {
            let err = found(heads, &none).expect_err("ambiguous");
            assert!(err.doubled.is_some(), "{heads:?}");
        }
        // The school's own mapping of Status to the result is kept.
        let mut own = std::collections::BTreeMap::new();
        own.insert("Status".to_string(), "result".to_string());
        let own = ColumnMap::parse(Kind::Filtering, &own);
        let h = found(&["Date", "Result", "Status"], &own).expect("found");
        assert_eq!(h.col(Field::FilteringResult), Some(2));
        // Other kinds' Status beside a Results column is their own status.
        let rows = vec![row(0, &["Date", "Who was asked", "Results", "Status"])];
        let h = detect(Kind::Surveys, &rows, &none).expect("found");
        assert_eq!(h.col(Field::SurveyStatus), Some(3));
        assert_eq!(h.col(Field::SurveyFindings), Some(2));
    }

    #[test]
    fn a_plainer_heading_wins_and_notes_or_statuses_are_read_from_every_column() {
        let none = ColumnMap::default();
        let found = |kind: Kind, heads: &[&str]| {
            let rows = vec![row(0, heads)];
            detect(kind, &rows, &none).unwrap_or_else(|e| panic!("{heads:?}: {e:?}"))
        };
        let h = found(Kind::Meetings, &["Date", "Group", "Main items", "Notes"]);
        assert_eq!(h.col(Field::MeetingItems), Some(2));
        assert_eq!(h.col(Field::MeetingNotes), Some(3));
        let h = found(
            Kind::Meetings,
            &["Date", "Group", "Status", "Held", "Notes", "Comments"],
        );
        assert_eq!(h.cols(Field::MeetingStatus).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(h.cols(Field::MeetingNotes).collect::<Vec<_>>(), [4, 5]);
        let h = found(
            Kind::Training,
            &[
                "Name",
                "Role",
                "Date completed",
                "Status",
                "Progress",
                "Notes",
                "Comments",
            ],
        );
        assert_eq!(h.cols(Field::TrainingStatus).collect::<Vec<_>>(), [3, 4]);
        assert_eq!(h.cols(Field::TrainingNotes).collect::<Vec<_>>(), [5, 6]);
        let h = found(Kind::Engagement, &["Date", "What", "Status", "Progress"]);
        assert_eq!(h.cols(Field::EngagementStatus).collect::<Vec<_>>(), [2, 3]);
        // The field's own heading is plainer than another a school gives it, on either side.
        for heads in [
            ["Group", "Returned?", "Signed"],
            ["Group", "Signed", "Returned?"],
        ] {
            let h = found(Kind::Agreements, &heads);
            let at = heads.iter().position(|h| *h == "Signed").map(|i| i as u32);
            assert_eq!(h.col(Field::AgreementSigned), at, "{heads:?}");
        }
        // Two headings as plain as each other are still refused.
        let rows = vec![row(0, &["Group", "Returned", "Number signed"])];
        assert!(detect(Kind::Agreements, &rows, &none).is_err());
    }

    #[test]
    fn headings_schools_give_people_roles_and_concerns_are_recognised() {
        let none = ColumnMap::default();
        for (kind, heading, field) in [
            (
                Kind::Training,
                "Name of staff member",
                Field::TrainingPerson,
            ),
            (Kind::Training, "Staff member name", Field::TrainingPerson),
            (
                Kind::Training,
                "Name of member of staff",
                Field::TrainingPerson,
            ),
            (Kind::Training, "Job title", Field::TrainingRole),
            (Kind::Training, "Role/position", Field::TrainingRole),
            (Kind::Training, "Position / role", Field::TrainingRole),
            (Kind::Incidents, "Type of concern", Field::IncidentCategory),
            (Kind::Incidents, "Concern type", Field::IncidentCategory),
            (
                Kind::Incidents,
                "Nature of concern",
                Field::IncidentCategory,
            ),
            (Kind::Incidents, "Concern category", Field::IncidentCategory),
            (Kind::Incidents, "Type of incident", Field::IncidentCategory),
            (Kind::Engagement, "Audience", Field::EngagementAudience),
            (Kind::Engagement, "Who for", Field::EngagementAudience),
            (Kind::Engagement, "Notes", Field::EngagementNotes),
            (Kind::Meetings, "Comments", Field::MeetingNotes),
        ] {
            assert_eq!(field_for(kind, heading, &none), Some(field), "{heading}");
        }
    }

    #[test]
    fn no_header_says_what_was_found_and_expected() {
        let rows = vec![row(0, &["Colour", "Shape"]), row(1, &["red", "square"])];
        let err = detect(Kind::Meetings, &rows, &ColumnMap::default()).expect_err("no header");
        assert_eq!(err.found, ["Colour", "Shape"]);
        assert_eq!(err.expected, ["Date", "Group"]);
    }

    #[test]
    fn headings_put_another_way_are_still_their_fields() {
        use Field::*;
        let cases = [
            (Kind::Documents, "Title of policy", DocumentName),
            (Kind::Documents, "Name of the document", DocumentName),
            (
                Kind::Documents,
                "Date of the last review",
                DocumentLastReviewed,
            ),
            (Kind::Filtering, "What tested", FilteringTested),
            (Kind::Filtering, "What were tested?", FilteringTested),
            (Kind::Filtering, "Date (dd/mm/yyyy)", FilteringDate),
            (Kind::Filtering, "Date of the check", FilteringDate),
        ];
        for (kind, heading, field) in cases {
            assert_eq!(
                field_for(kind, heading, &ColumnMap::default()),
                Some(field),
                "{heading}"
            );
        }
        // A heading of filler words alone names nothing.
        assert_eq!(
            field_for(Kind::Filtering, "The", &ColumnMap::default()),
            None
        );
    }

    #[test]
    fn known_headings_put_plainly_still_name_one_field_each() {
        use crate::evidence::wording::core;
        for kind in Kind::ALL {
            let mut seen: std::collections::BTreeMap<String, Field> = Default::default();
            for f in kind.fields() {
                let own = normalise(f.header());
                for a in std::iter::once(own.as_str()).chain(f.aliases().iter().copied()) {
                    if let Some(other) = seen.insert(core(a), f) {
                        assert_eq!(other, f, "{kind:?}: `{a}` put plainly names two fields");
                    }
                }
            }
        }
    }

    #[test]
    fn normalising_folds_case_and_punctuation() {
        assert_eq!(normalise("Action taken — What?"), "action taken what");
        assert_eq!(normalise("Date/Time"), "date time");
    }
}
