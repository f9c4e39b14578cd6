//! The layout of a scoring workbook, shared by the writer and the reader.
//!
//! Everything both sides must agree on lives here: sheet names, column headers, the labels
//! of the details block on the instructions sheet. The reader finds columns by their header
//! text rather than their position, so a reviewer who widens, hides or moves a column, or a
//! spreadsheet program that re-saves the file, does not break the round trip.

/// The sheet with one row per aspect.
pub const SCORES_SHEET: &str = "Scores";
/// The sheet with instructions and the workbook's details.
pub const INSTRUCTIONS_SHEET: &str = "Instructions";
/// The sheet with every aspect's descriptor and level statements.
pub const LEVELS_SHEET: &str = "Levels";
/// A big group's sheet naming the member behind each letter of [`LEVELS_GIVEN`].
pub const REVIEWERS_SHEET: &str = "Reviewers";

/// What the details block calls the format, so the reader knows the file is one of ours.
pub const FORMAT_NAME: &str = "selfreview scoring workbook 1";

/// Labels of the details block (column A of the instructions sheet; values in column B).
pub mod detail {
    /// Which kind of workbook and format version.
    pub const FORMAT: &str = "Workbook";
    /// The reviewer's name, or `Group` for a meeting workbook.
    pub const REVIEWER: &str = "Reviewer";
    /// Group workbooks: the members, separated by semicolons.
    pub const MEMBERS: &str = "Members";
    /// The school.
    pub const SCHOOL: &str = "School";
    /// The framework, by its title as reviewers know it; in workbooks made before the id
    /// had a row of its own, the framework id.
    pub const FRAMEWORK: &str = "Framework";
    /// The framework id, which the reader matches against the review's; its row is hidden,
    /// as reviewers know the framework by its title.
    pub const FRAMEWORK_ID: &str = "Framework id";
    /// The framework version.
    pub const VERSION: &str = "Framework version";
}

/// The reviewer name a group workbook records.
pub const GROUP_REVIEWER: &str = "Group";

/// The fixed columns before the level columns.
pub const CODE: &str = "Code";
/// The aspect name column.
pub const ASPECT: &str = "Aspect";
/// The benchmark column.
pub const BENCHMARK: &str = "Benchmark";
/// The level column of an individual workbook.
pub const LEVEL: &str = "Level";
/// The agreed level column of a group workbook.
pub const AGREED: &str = "Agreed";
/// A big group's members' levels gathered in one cell after the agreed level ("A: 2, B: 3"),
/// each under the letter the [`REVIEWERS_SHEET`] gives the member, for when their own
/// columns are too many to print readably and are hidden. Written as a formula over the
/// members' columns, which stay what the reader reads; the reader passes over this one.
pub const LEVELS_GIVEN: &str = "Levels given";
/// Why the group settled on its agreed level.
pub const RATIONALE: &str = "Rationale";
/// A group workbook's agreed commentary: the one commentary per aspect the assessor reads.
/// Group workbooks made before this column existed are read without it, their Commentary
/// column standing for the agreed commentary.
pub const AGREED_COMMENTARY: &str = "Agreed commentary";
/// The commentary column: a reviewer's own, or in a group workbook the members' commentary
/// gathered as the meeting's working notes.
pub const COMMENTARY: &str = "Commentary";
/// The evidence column: file names under `evidence/`.
pub const EVIDENCE: &str = "Evidence";
/// Where the school's records differ from the claimed level, why: read by scoring, which
/// then lets the claim stand for readiness and shows the explanation beside the records.
/// Workbooks made before this column existed are read without it.
pub const RECORDS_DIFFER: &str = "Why the records differ";
/// Planned actions.
pub const ACTIONS: &str = "Planned actions";
/// Who owns the actions.
pub const OWNER: &str = "Owner";
/// When the actions are due.
pub const TARGET: &str = "Target date";

/// A workbook carried to a revised framework by `migrate`: on each aspect the change
/// touched (merged from several aspects, or new), what happened and what to check. Scoring
/// reports a flagged aspect until the cell is emptied. Only migrated workbooks have it.
pub const CHANGE_FLAG: &str = "Review after the change";

/// What marks a row that continues the aspect above it: text too long for one row (no row
/// may be taller than Excel allows) goes on as many rows below as it needs, each with the
/// aspect's code and its name followed by this. Their pieces are read back joined onto the
/// aspect's own row; a level in one is never counted. Every workbook selfreview writes marks
/// such rows alike, from [`crate::sheetprint`]; the Aspect cell of a continuation row is
/// [`continued`] of the aspect's name.
pub use crate::sheetprint::{CONTINUED, continued};

/// Whether a row whose Code and Aspect cells read `code` and `aspect` continues an aspect,
/// and the aspect's code if so: the Aspect cell ends with "(continued)", or the Code cell
/// does ("A1.1 (continued)", "A1.1 continued", as a person may retype it).
pub fn continuation<'a>(code: &'a str, aspect: &str) -> Option<&'a str> {
    let marked = |text: &str| {
        let folded = text.trim().to_lowercase();
        folded.ends_with(CONTINUED) || folded.ends_with("continued")
    };
    let bare = |text: &'a str| {
        // ASCII folding keeps every byte where it was, so the cut falls on the same place.
        let lower = text.to_ascii_lowercase();
        let cut = lower.rfind("continued").unwrap_or(text.len());
        text[..cut]
            .trim()
            .trim_end_matches(['(', ',', '-', ' '])
            .trim()
    };
    if marked(code) {
        Some(bare(code))
    } else if marked(aspect) && !code.trim().is_empty() {
        Some(code.trim())
    } else {
        None
    }
}

/// The columns after the level columns, shared by both kinds of workbook.
pub const TRAILING: [&str; 6] = [COMMENTARY, EVIDENCE, RECORDS_DIFFER, ACTIONS, OWNER, TARGET];

/// Who a workbook is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoredBy {
    /// One reviewer's own scores.
    Individual {
        /// The reviewer's name.
        reviewer: String,
    },
    /// A meeting of the group: a level column per member, an agreed level, its rationale
    /// and the agreed commentary.
    Group {
        /// The members, in column order.
        members: Vec<String>,
    },
}

impl ScoredBy {
    /// The headers of the scores sheet, in column order; a workbook carried to a revised
    /// framework adds [`CHANGE_FLAG`] at the end.
    pub fn headers_with(&self, flagged: bool) -> Vec<String> {
        let mut headers = self.headers();
        if flagged {
            headers.push(CHANGE_FLAG.to_string());
        }
        headers
    }

    /// The headers of the scores sheet, in column order.
    pub fn headers(&self) -> Vec<String> {
        let mut headers = vec![CODE.to_string(), ASPECT.into(), BENCHMARK.into()];
        match self {
            ScoredBy::Individual { .. } => headers.push(LEVEL.into()),
            ScoredBy::Group { members } => {
                headers.extend(members.iter().cloned());
                headers.push(AGREED.into());
                headers.push(RATIONALE.into());
                headers.push(AGREED_COMMENTARY.into());
            }
        }
        headers.extend(TRAILING.iter().map(|h| h.to_string()));
        headers
    }

    /// The name recorded as the workbook's reviewer.
    pub fn reviewer(&self) -> &str {
        match self {
            ScoredBy::Individual { reviewer } => reviewer,
            ScoredBy::Group { .. } => GROUP_REVIEWER,
        }
    }

    /// The file name under `scores/`.
    pub fn file_name(&self) -> String {
        format!("{}.xlsx", slug(self.reviewer()))
    }
}

/// Whether a name cannot be a reviewer's: the group's name (or one whose file would be the
/// group workbook's), or a column heading, which would make a group workbook's member
/// column impossible to tell from the fixed ones.
pub fn is_reserved(name: &str) -> bool {
    let fixed = [
        GROUP_REVIEWER,
        CODE,
        ASPECT,
        BENCHMARK,
        LEVEL,
        AGREED,
        RATIONALE,
        AGREED_COMMENTARY,
        LEVELS_GIVEN,
    ];
    slug(name) == slug(GROUP_REVIEWER)
        || fixed
            .iter()
            .chain(TRAILING.iter())
            .chain([CHANGE_FLAG].iter())
            .any(|h| same_header(h, name))
}

/// A reviewer's name as a file name: [`crate::text::slug`], or `reviewer` when the name has
/// no letters or digits at all.
pub fn slug(name: &str) -> String {
    let out = crate::text::slug(name);
    if out.is_empty() {
        "reviewer".to_string()
    } else {
        out
    }
}

/// Whether two header texts name the same column: case, spacing and a trailing colon do
/// not matter, since people retype headers.
pub fn same_header(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.trim()
            .trim_end_matches(':')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(slug("Online Safety Lead"), "online-safety-lead");
        assert_eq!(slug("Mrs O'Brien (DSL)"), "mrs-o-brien-dsl");
        assert_eq!(slug("  "), "reviewer");
        assert_eq!(
            ScoredBy::Group { members: vec![] }.file_name(),
            "group.xlsx"
        );
    }

    #[test]
    fn continuation_rows_are_told_by_their_code_or_their_name() {
        assert_eq!(continuation("A1.1", &continued("Staff")), Some("A1.1"));
        assert_eq!(continuation("A1.1 (continued)", ""), Some("A1.1"));
        assert_eq!(continuation("a1.1 Continued", "Staff"), Some("a1.1"));
        assert_eq!(continuation("A1.1", "Staff"), None);
        assert_eq!(continuation("", &continued("Staff")), None);
    }

    #[test]
    fn group_headers_put_members_between_benchmark_and_agreed() {
        let kind = ScoredBy::Group {
            members: vec!["DSL".into(), "Head".into()],
        };
        let h = kind.headers();
        assert_eq!(&h[2..6], ["Benchmark", "DSL", "Head", "Agreed"]);
        assert!(same_header(" level: ", "Level"));
        for reserved in [
            "Group",
            "group!",
            "GROUP",
            "Agreed",
            "agreed commentary",
            "commentary",
            "Target date",
        ] {
            assert!(is_reserved(reserved), "{reserved}");
        }
        assert!(!is_reserved("Group leader"));
        assert!(!is_reserved("DSL"));
    }
}
