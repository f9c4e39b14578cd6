//! Aspects a move to a revised framework changed, until the group has looked at them.
//!
//! `migrate` writes what it did to a merged or new aspect in the workbook's
//! "Review after the change" column. Each such cell is a finding until someone empties it.
//! Where a group workbook takes part, only its flags count: the group agrees the level and
//! commentary, so the group clears the flag. Without one, each reviewer clears their own.

use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::framework::Framework;
use crate::workbook::layout;
use crate::workbook::{Filled, ScoredBy};

/// A warning for every aspect still flagged, at the flag's cell.
pub(super) fn findings(fw: &Framework, used: &[&Filled], diags: &mut Diagnostics) {
    let group = used
        .iter()
        .any(|b| matches!(b.kind, ScoredBy::Group { .. }));
    let counted = used
        .iter()
        .filter(|b| !group || matches!(b.kind, ScoredBy::Group { .. }));
    for book in counted {
        for row in &book.rows {
            let flag = row.change_flag.trim();
            if flag.is_empty() {
                continue;
            }
            let name = fw.aspect(&row.code).map_or("", |(_, _, a)| a.name.as_str());
            let at = Location {
                cell: row.cell(layout::CHANGE_FLAG),
                ..Location::file(&book.path)
            };
            diags.push(
                Diagnostic::warning(
                    Code::ReviewAfterChange,
                    at,
                    format!("{} {name}: review after the change: {flag}", row.code),
                )
                .with_help(format!(
                    "check the level and commentary together, then empty the “{}” cell",
                    layout::CHANGE_FLAG
                )),
            );
        }
    }
}

/// The codes of the aspects still flagged among `diags`, in order, each once.
pub fn flagged(diags: &Diagnostics) -> Vec<String> {
    let mut codes: Vec<String> = diags
        .0
        .iter()
        .filter(|d| d.code == Code::ReviewAfterChange)
        .filter_map(|d| d.message.split_whitespace().next())
        .map(|c| c.trim_end_matches(':').to_string())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::workbook::Row;

    fn book(file: &str, kind: ScoredBy, flag: &str) -> Filled {
        let row = Row {
            code: "A1.1".into(),
            sheet_row: 3,
            levels: Vec::new(),
            agreed: None,
            rationale: String::new(),
            commentary: String::new(),
            agreed_commentary: None,
            records_differ: String::new(),
            evidence: Vec::new(),
            evidence_text: String::new(),
            evidence_cell: None,
            actions: String::new(),
            owner: String::new(),
            target: None,
            target_text: String::new(),
            change_flag: flag.into(),
            cells: vec![(layout::CHANGE_FLAG, "Scores!K4".into())],
        };
        Filled {
            path: PathBuf::from(file),
            kind,
            framework: "online-safety-18".into(),
            version: "1.0.0".into(),
            named_at: Vec::new(),
            rows: vec![row],
        }
    }

    fn found(books: &[Filled]) -> Vec<String> {
        let fw = crate::framework::load_embedded("online-safety-18")
            .expect("built in")
            .framework;
        let used: Vec<&Filled> = books.iter().collect();
        let mut diags = Diagnostics::default();
        findings(&fw, &used, &mut diags);
        diags.iter().map(|d| d.location.to_string()).collect()
    }

    #[test]
    fn a_flag_counts_until_emptied_and_the_group_clears_it_for_everyone() {
        let dsl = || ScoredBy::Individual {
            reviewer: "DSL".into(),
        };
        let group = || ScoredBy::Group {
            members: vec!["DSL".into()],
        };
        let flagged = "Merged from A1.1 and A1.3.";
        assert_eq!(
            found(&[book("scores/dsl.xlsx", dsl(), flagged)]),
            ["scores/dsl.xlsx: Scores!K4"]
        );
        assert!(found(&[book("scores/dsl.xlsx", dsl(), "  ")]).is_empty());
        let both = [
            book("scores/dsl.xlsx", dsl(), flagged),
            book("scores/group.xlsx", group(), ""),
        ];
        assert!(found(&both).is_empty(), "the group has cleared it");
        let both = [
            book("scores/dsl.xlsx", dsl(), ""),
            book("scores/group.xlsx", group(), flagged),
        ];
        assert_eq!(found(&both), ["scores/group.xlsx: Scores!K4"]);
    }

    #[test]
    fn the_flagged_aspects_are_listed_once_each_in_order() {
        let mut diags = Diagnostics::default();
        for (code, message) in [
            (
                Code::ReviewAfterChange,
                "C1.5 Cyber Security: review after the change: new",
            ),
            (
                Code::ReviewAfterChange,
                "A1.1 Online Safety Responsibilities: review after",
            ),
            (
                Code::ReviewAfterChange,
                "C1.5 Cyber Security: review after the change: new",
            ),
            (Code::CopiedWorkbook, "B1.1 is not a flag"),
        ] {
            diags.push(Diagnostic::warning(
                code,
                Location::file(&PathBuf::from("x")),
                message,
            ));
        }
        assert_eq!(flagged(&diags), ["A1.1", "C1.5"]);
    }
}
