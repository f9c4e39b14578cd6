//! Taking children's names out of what the school typed, before anything is scored, shown
//! or saved.
//!
//! A reviewer may write a pupil's name into a commentary, a planned action or an owner cell;
//! a category or meeting cell may hold one too. Each such text is kept with the name
//! replaced by [`PLACEHOLDER`], so the report, the history snapshot and `--json` never carry
//! it, and a finding names the cell (never the name) so the school can take it out at the
//! source. The finding is an error: `score` and `report` exit 1, and `pack` refuses.

use std::path::Path;

use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::evidence::Kind as EvidenceKind;
use crate::evidence::import::Evidence;
use crate::privacy::{Names, PLACEHOLDER, redact};
use crate::workbook::Filled;
use crate::workbook::layout::{self, ScoredBy};

const HELP: &str = "write about pupils without naming them (a year group or \"a pupil\" is enough), then score again";

/// Takes names out of every text of every workbook; returns the findings.
pub fn workbooks(books: &mut [Filled], names: &Names) -> Diagnostics {
    let mut found = Diagnostics::default();
    if names.is_empty() {
        return found;
    }
    for book in books.iter_mut() {
        reviewers(book, names, &mut found);
        let path = &book.path;
        for row in &mut book.rows {
            let cells = &row.cells;
            let at = |column: &str| {
                let mut at = Location::file(path);
                at.cell = cells
                    .iter()
                    .find(|(c, _)| *c == column)
                    .map(|(_, c)| c.clone());
                at
            };
            let had_agreed = row.agreed_commentary.is_some();
            let mut agreed = row.agreed_commentary.take();
            let mut texts = [
                (layout::COMMENTARY, &mut row.commentary),
                (
                    layout::AGREED_COMMENTARY,
                    agreed.get_or_insert_with(String::new),
                ),
                (layout::RATIONALE, &mut row.rationale),
                (layout::RECORDS_DIFFER, &mut row.records_differ),
                (layout::ACTIONS, &mut row.actions),
                (layout::OWNER, &mut row.owner),
            ];
            for (column, text) in texts.iter_mut() {
                if let Some(clean) = redact(names, text) {
                    **text = clean;
                    found.push(finding(at(column), &row.code, column));
                }
            }
            for (first, second) in super::across::split_names(names, &mut texts) {
                found.push(split_finding(
                    at(first),
                    at(second),
                    &row.code,
                    (first, second),
                ));
            }
            row.agreed_commentary = agreed.filter(|_| had_agreed);
            // The citation is kept as written so the pack can find (and refuse) the file; what
            // is shown of it is taken care of by [`scored`].
            if row.evidence.iter().any(|c| names.found_in(c)) {
                found.push(finding(at(layout::EVIDENCE), &row.code, layout::EVIDENCE));
            }
        }
    }
    found
}

fn finding(at: Location, code: &str, column: &str) -> Diagnostic {
    Diagnostic::error(
        Code::PrivateNameInWorkbook,
        at,
        format!(
            "the {} for {code} names a pupil; reports show {PLACEHOLDER} in its place, and no pack can be made until it is taken out",
            column.to_lowercase()
        ),
    )
    .with_help(HELP)
}

/// A name split between the cells `first` and `second` of a row, at the first, naming both.
fn split_finding(
    first: Location,
    second: Location,
    code: &str,
    columns: (&str, &str),
) -> Diagnostic {
    let place = |at: &Location, column: &str| match &at.cell {
        Some(cell) => format!("{} ({cell})", column.to_lowercase()),
        None => column.to_lowercase(),
    };
    let both = format!(
        "{} and {}",
        place(&first, columns.0),
        place(&second, columns.1)
    );
    Diagnostic::error(
        Code::PrivateNameInWorkbook,
        first,
        format!("the {both} for {code} name a pupil when read together, as the reports show them; reports show {PLACEHOLDER} in its place, and no pack can be made until it is taken out"),
    )
    .with_help(HELP)
}

/// Takes names out of the names under `[sign-off]`, which the reports, the pack's index.html
/// and its manifest show; a finding names the key and its line in review.toml.
pub fn sign_off(
    sign_off: Option<&mut crate::review::handover::SignOff>,
    names: &Names,
) -> Diagnostics {
    let mut found = Diagnostics::default();
    let Some(s) = sign_off else {
        return found;
    };
    for (key, place, name) in s.names_mut() {
        if let Some(clean) = redact(names, name) {
            *name = clean;
            let at = place
                .cloned()
                .unwrap_or_else(|| Location::file(Path::new("review.toml")));
            found.push(
                Diagnostic::error(
                    Code::PrivateNameInSignOff,
                    at,
                    format!("[sign-off] {key} is a pupil's name; reports show {PLACEHOLDER} in its place, and no pack can be made until it is changed"),
                )
                .with_help("write the adults' names as they sign (with a title, e.g. \"Mrs J. Hall\"), then run this again"),
            );
        }
    }
    found
}

/// Takes a name out of the school's name (`school =` in review.toml, whose text is `toml`),
/// which every output shows; a finding names its line.
pub fn school(school: &mut String, names: &Names, toml: &str) -> Diagnostics {
    let mut found = Diagnostics::default();
    if let Some(clean) = redact(names, school) {
        *school = clean;
        let mut at = Location::file(Path::new("review.toml"));
        at.line = toml
            .lines()
            .position(|l| l.trim_start().starts_with("school"))
            .map(|i| i + 1);
        found.push(
            Diagnostic::error(
                Code::PrivateNameInSettings,
                at,
                format!("`school` in review.toml names a pupil; reports show {PLACEHOLDER} in its place, and no pack can be made until it is changed"),
            )
            .with_help("write the school's name as it is, without a pupil's name in it, then run this again"),
        );
    }
    found
}

/// Each of `reviewers` named like a pupil, as an error at the line of review.toml (`file`,
/// whose text is `toml`) that holds it, or at review.toml alone when it was given on the
/// command line.
pub fn reviewer_names(reviewers: &[String], names: &Names, file: &Path, toml: &str) -> Diagnostics {
    let mut found = Diagnostics::default();
    for name in reviewers.iter().filter(|r| names.found_in(r)) {
        let mut at = Location::file(file);
        at.line = toml
            .lines()
            .position(|l| l.contains(&format!("\"{name}\"")))
            .map(|i| i + 1);
        found.push(
            Diagnostic::error(
                Code::PrivateNameInWorkbook,
                at,
                format!("the reviewer {PLACEHOLDER} is named like a pupil; no workbook is made, since its file name and every sheet would show the name"),
            )
            .with_help("name pupils' representatives by their role, e.g. \"Pupil representative (Y6)\", in review.toml, then make the workbooks again"),
        );
    }
    found
}

/// A reviewer or member named like a pupil (a pupils' representative, say) is shown by role.
fn reviewers(book: &mut Filled, names: &Names, found: &mut Diagnostics) {
    // Which of the reviewers' names (in the order of `named_at`) a pupil's name is in.
    let mut named = Vec::new();
    let mut renamed = false;
    let who: Vec<&mut String> = match &mut book.kind {
        ScoredBy::Individual { reviewer } => vec![reviewer],
        ScoredBy::Group { members } => members.iter_mut().collect(),
    };
    for (i, name) in who.into_iter().enumerate() {
        if let Some(clean) = redact(names, name) {
            *name = clean;
            named.push(i);
        }
    }
    for row in &mut book.rows {
        for (who, _) in &mut row.levels {
            if let Some(clean) = redact(names, who) {
                *who = clean;
                renamed = true;
            }
        }
    }
    let help = "name pupils' representatives by their role, e.g. \"Pupil representative (Y6)\", in review.toml and the workbook";
    for i in &named {
        let (at, message) = match book.named_at.get(*i) {
            Some(cell) => (
                Location {
                    cell: Some(cell.clone()),
                    ..Location::file(&book.path)
                },
                format!(
                    "the reviewer's name in {cell} of this workbook is named like a pupil; reports show {PLACEHOLDER} in its place"
                ),
            ),
            None => (
                Location::file(&book.path),
                format!(
                    "a reviewer of this workbook is named like a pupil; reports show {PLACEHOLDER} in its place"
                ),
            ),
        };
        found.push(Diagnostic::error(Code::PrivateNameInWorkbook, at, message).with_help(help));
    }
    if renamed && named.is_empty() {
        found.push(
            Diagnostic::error(
                Code::PrivateNameInWorkbook,
                Location::file(&book.path),
                format!("a reviewer of this workbook is named like a pupil; reports show {PLACEHOLDER} in its place"),
            )
            .with_help(help),
        );
    }
}

/// Takes names out of incident categories, meeting names, training records, document titles
/// and agreement groups, which reports show; a finding names the source of each kind of
/// record that held one.
pub fn records(evidence: &mut Evidence, sources: &[(&Path, EvidenceKind)]) -> Diagnostics {
    let mut found = Diagnostics::default();
    let held = evidence.withhold_names();
    let source = |kind: EvidenceKind| {
        sources
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(p, _)| Location::file(p))
            .next()
            .unwrap_or_else(|| Location::file(Path::new("review.toml")))
    };
    // Each document title is named by its cell, so the lead can find it.
    for at in &held.documents {
        found.push(
            Diagnostic::error(
                Code::PrivateNameInRecords,
                at.clone()
                    .unwrap_or_else(|| source(EvidenceKind::Documents)),
                format!(
                    "this document title names a pupil; reports show {PLACEHOLDER} in its place"
                ),
            )
            .with_help("take the name out of the document column, then run selfreview again"),
        );
    }
    for (count, kind, what, column) in kinds_held(&held) {
        if count == 0 {
            continue;
        }
        let (names, their) = if count == 1 {
            ("names", "its")
        } else {
            ("name", "their")
        };
        found.push(
            Diagnostic::error(
                Code::PrivateNameInRecords,
                source(kind),
                format!(
                    "{} {names} a pupil; reports show {PLACEHOLDER} in {their} place",
                    crate::text::plural(count, what.0, what.1)
                ),
            )
            .with_help(format!(
                "take the name out of the {column} column, then run selfreview again"
            )),
        );
    }
    found
}

/// Each kind of record whose texts held a name: how many, the kind, what a text is called
/// (one, many), and the column the lead takes the name out of.
type Held = (
    usize,
    EvidenceKind,
    (&'static str, &'static str),
    &'static str,
);

fn kinds_held(held: &crate::pipeline::import::Withheld) -> [Held; 5] {
    [
        (
            held.categories,
            EvidenceKind::Incidents,
            ("incident category", "incident categories"),
            "category",
        ),
        (
            held.meetings,
            EvidenceKind::Meetings,
            ("meeting name", "meeting names"),
            "meeting or group",
        ),
        (
            held.training,
            EvidenceKind::Training,
            (
                "role, course or group in the training records",
                "roles, courses or groups in the training records",
            ),
            "role, course and group",
        ),
        (
            held.agreements,
            EvidenceKind::Agreements,
            (
                "group in the agreements register",
                "groups in the agreements register",
            ),
            "group",
        ),
        (
            held.surveys,
            EvidenceKind::Surveys,
            ("survey group asked", "survey groups asked"),
            "who was asked",
        ),
    ]
}

/// Takes names out of what the scored review shows that came from file names: evidence
/// citations and the workbooks' own paths.
pub fn scored(scored: &mut crate::score::Scored, names: &Names) {
    if names.is_empty() {
        return;
    }
    for a in &mut scored.aspects {
        for citation in &mut a.evidence {
            if let Some(clean) = redact(names, citation) {
                *citation = clean;
            }
        }
    }
    for w in &mut scored.workbooks {
        if let Some(clean) = redact(names, &w.path.to_string_lossy()) {
            w.path = clean.into();
        }
    }
}

/// Takes names out of every finding: a child's name typed into a level or date cell, or a
/// file named after a child, is echoed by the findings about it. A name in a workbook's
/// cell that a finding echoes (a level or a date with a name in it) is also a
/// `private-name-in-workbook` error at that cell, as a name in a text column is.
pub fn diagnostics(found: &mut Diagnostics, names: &Names) {
    if names.is_empty() {
        return;
    }
    let mut named = Vec::new();
    for d in &mut found.0 {
        // The file first: a finding about a cell is repeated at its location, file and all.
        if let Some(clean) = redact(names, &d.location.file.to_string_lossy()) {
            d.location.file = clean.into();
        }
        // A cell's place names its sheet, which may be named after a pupil.
        if let Some(cell) = d.location.cell.as_mut()
            && let Some(clean) = redact(names, cell)
        {
            *cell = clean;
        }
        if let Some(clean) = redact(names, &d.message) {
            d.message = clean;
            let in_cell = d
                .location
                .cell
                .as_deref()
                .is_some_and(|c| c.starts_with(&format!("{}!", layout::SCORES_SHEET)))
                && d.code != Code::PrivateNameInWorkbook;
            if in_cell {
                named.push(d.location.clone());
            }
        }
        if let Some(help) = d.help.as_mut()
            && let Some(clean) = redact(names, help)
        {
            *help = clean;
        }
    }
    for at in named {
        found.push(
            Diagnostic::error(
                Code::PrivateNameInWorkbook,
                at,
                format!("this cell names a pupil; findings show {PLACEHOLDER} in its place, and no pack can be made until it is taken out"),
            )
            .with_help(HELP),
        );
    }
}
