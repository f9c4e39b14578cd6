//! Findings about a user's data: what is wrong, where, and what to do about it.
//!
//! A [`Diagnostic`] means the job ran and found a problem in a file the school wrote; an
//! [`crate::Error`] means the job could not be done at all. Every diagnostic carries a stable
//! kebab-case [`Code`] that schools, scripts and our tests can rely on across releases,
//! and a [`Location`] the user can find in their editor or spreadsheet.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// The file can be used, but something looks unintended.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident => $text:literal,)*) => {
        /// Stable identifiers of every kind of finding: add codes, never rename released ones.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case text of the code.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }
        }
    };
}

codes! {
    /// The file is not valid TOML.
    TomlSyntax => "toml-syntax",
    /// A value has the wrong type, e.g. text where a number belongs.
    WrongType => "wrong-type",
    /// A key the format does not define (often a typo).
    UnknownKey => "unknown-key",
    /// A required key is absent.
    MissingKey => "missing-key",
    /// A required text is present but blank.
    EmptyText => "empty-text",
    /// The framework id is not lower-case kebab-case.
    InvalidId => "invalid-id",
    /// An element, strand or aspect code is malformed.
    InvalidCode => "invalid-code",
    /// Two elements, strands or aspects share a code.
    DuplicateCode => "duplicate-code",
    /// A strand code does not start with its element's code, or an aspect's with its strand's.
    CodeNotUnderParent => "code-not-under-parent",
    /// The framework has no elements.
    EmptyFramework => "empty-framework",
    /// An element has no strands.
    EmptyElement => "empty-element",
    /// A strand has no aspects.
    EmptyStrand => "empty-strand",
    /// One of the five level labels or level statements is missing.
    MissingLevel => "missing-level",
    /// Two level statements of one aspect are the same text.
    DuplicateLevelStatement => "duplicate-level-statement",
    /// A step up from one level to the next has no improvement actions.
    MissingImprovementActions => "missing-improvement-actions",
    /// A benchmark level outside 1 to 5.
    BenchmarkOutOfRange => "benchmark-out-of-range",
    /// An aspect lists no kinds of evidence.
    NoSuggestedEvidence => "no-suggested-evidence",
    /// An evidence check names a metric the tool does not compute.
    UnknownMetric => "unknown-metric",
    /// An evidence check passes a parameter its metric does not take.
    UnknownMetricParam => "unknown-metric-param",
    /// An evidence check leaves out a parameter its metric needs.
    MissingMetricParam => "missing-metric-param",
    /// A metric parameter has the wrong type or is out of range.
    InvalidMetricParam => "invalid-metric-param",
    /// An evidence check has no threshold, or both `at-least` and `at-most`.
    CheckThreshold => "check-threshold",
    /// A threshold the metric can never reach (a share above 1, a negative count).
    ThresholdOutOfRange => "threshold-out-of-range",
    /// The level a check supports is outside 1 to 5.
    CheckLevelOutOfRange => "check-level-out-of-range",
    /// A framework map names a framework that is neither built in nor in the review.
    MapUnknownFramework => "map-unknown-framework",
    /// A framework map names an aspect code its framework does not have.
    MapUnknownAspect => "map-unknown-aspect",
    /// An aspect of the framework mapped from whose work lands nowhere.
    MapSourceNotCarried => "map-source-not-carried",
    /// An aspect of the framework mapped to that the map leaves out.
    MapTargetMissing => "map-target-missing",
    /// An aspect of the framework mapped to that the map lists twice.
    MapTargetDuplicated => "map-target-duplicated",
    /// A map entry with no source aspect, or a new aspect with more than one.
    MapSourceCount => "map-source-count",
    /// A date in a settings file that is not a real date.
    InvalidDate => "invalid-date",
    /// The same reviewer is listed twice.
    DuplicateReviewer => "duplicate-reviewer",
    /// An evidence source or a framework's `evidence-kinds` names a kind not imported.
    UnknownEvidenceKind => "unknown-evidence-kind",
    /// A file in `scores/` that cannot be opened as a spreadsheet.
    UnreadableWorkbook => "unreadable-workbook",
    /// A spreadsheet in `scores/` without the Scores sheet or its header row.
    NotAScoringWorkbook => "not-a-scoring-workbook",
    /// A workbook made for another framework than the review's.
    WorkbookFrameworkMismatch => "workbook-framework-mismatch",
    /// A workbook made for another version of the review's framework.
    WorkbookVersionMismatch => "workbook-version-mismatch",
    /// A level cell holding something other than a level from 1 to 5.
    InvalidLevel => "invalid-level",
    /// A row whose code is not an aspect of the framework.
    UnknownAspectCode => "unknown-aspect-code",
    /// An aspect of the framework with no row in a workbook.
    MissingAspectRow => "missing-aspect-row",
    /// Two rows for the same aspect in one workbook.
    DuplicateAspectRow => "duplicate-aspect-row",
    /// A level or date typed on a row that continues an aspect's text, where it is not read.
    LevelOnContinuationRow => "level-on-continuation-row",
    /// A target date that cannot be read as a date.
    InvalidTargetDate => "invalid-target-date",
    /// A workbook whose reviewer is named as the group or a column is ("Group").
    ReservedReviewerName => "reserved-reviewer-name",
    /// Two workbooks in `scores/` hold the same reviewer's scores.
    DuplicateReviewerWorkbook => "duplicate-reviewer-workbook",
    /// A workbook whose name says it is a copy ("dsl (1).xlsx", "Copy of dsl.xlsx").
    CopiedWorkbook => "copied-workbook",
    /// A level cell holding a formula whose result was never saved.
    LevelFormulaWithoutValue => "level-formula-without-value",
    /// An agreed level worked out by a formula, not typed as the level agreed.
    AgreedLevelFormula => "agreed-level-formula",
    /// An agreed commentary typed as a formula whose result was never saved.
    CommentaryFormulaWithoutValue => "commentary-formula-without-value",
    /// A group workbook gathering members' notes in Commentary lost its Agreed commentary column.
    AgreedCommentaryColumnMissing => "agreed-commentary-column-missing",
    /// An aspect a move to a revised framework changed, not yet reviewed by the group.
    ReviewAfterChange => "review-after-change",
    /// A pack made while aspects a framework change touched are still flagged for review.
    PackChangesNotReviewed => "pack-changes-not-reviewed",
    /// Two of a review's framework maps lead between the same two frameworks.
    MapConflict => "map-conflict",
    /// A file in scores/ that would stop a migration leaving the workbooks as they were.
    MigrationConflict => "migration-conflict",
    /// An evidence source listed in review.toml that could not be imported.
    EvidenceNotImported => "evidence-not-imported",
    /// review.toml sets no review date, so today's date is used.
    ReviewDateNotSet => "review-date-not-set",
    /// Every record of an evidence source is dated before the window the review measures.
    RecordsPredateWindow => "records-predate-window",
    /// Every record of an evidence source is dated after the review date.
    RecordsPostdateReview => "records-postdate-review",
    /// A document's next review, as its register gives it, is past.
    DocumentReviewOverdue => "document-review-overdue",
    /// A document was last reviewed longer ago than the framework's checks allow.
    DocumentReviewStale => "document-review-stale",
    /// A document's review dates cannot both be right: a last review after the review
    /// date, or a next review before the last.
    DocumentReviewDatesWrong => "document-review-dates-wrong",
    /// People in an agreements register whose date of signing cannot be read, or who are
    /// marked signed with no date: in their group, not shown signed this school year.
    AgreementDatesUnreadable => "agreement-dates-unreadable",
    /// Groups of an agreements register that cannot be placed: not counted as anyone.
    AgreementGroupUnplaced => "agreement-group-unplaced",
    /// Two different counts of one group on one day: the lower share is taken.
    AgreementCountsConflict => "agreement-counts-conflict",
    /// An aspect has a level, but no evidence cited, no check measured and no record of the
    /// kinds the framework names for it.
    AspectUnevidenced => "aspect-unevidenced",
    /// A framework's aspect has no check and names no evidence kinds.
    AspectWithoutRecords => "aspect-without-records",
    /// An evidence source has no column for a field its figures rest on (training dates,
    /// the action taken on an incident).
    ColumnNotRecognised => "column-not-recognised",
    /// Evidence cited in a workbook that is not in the evidence folder.
    MissingEvidence => "missing-evidence",
    /// Evidence cited in a workbook that is a pipe, socket or device, not a document.
    EvidenceNotAFile => "evidence-not-a-file",
    /// Evidence cited by a path that leads outside the review's evidence folder.
    UnsafeEvidencePath => "unsafe-evidence-path",
    /// Cited evidence left out of the pack to protect people's names.
    EvidenceNotPacked => "evidence-not-packed",
    /// A child's name found in something the pack would contain.
    PrivateNameInPack => "private-name-in-pack",
    /// A child's name typed into a scoring workbook: outputs show a placeholder instead.
    PrivateNameInWorkbook => "private-name-in-workbook",
    /// A child's name in an evidence record's category or group, which reports would show.
    PrivateNameInRecords => "private-name-in-records",
    /// A child's name under `[sign-off]` in review.toml: outputs show a placeholder instead.
    PrivateNameInSignOff => "private-name-in-sign-off",
    /// A child's name in review.toml's own text (the school's name): outputs show a
    /// placeholder instead.
    PrivateNameInSettings => "private-name-in-settings",
    /// A pupil list or incident log that could not be read, so names cannot be checked for.
    NamesUnreadable => "names-unreadable",
    /// No pupil list or incident log with names: nothing to check the pack against.
    NoSourceOfNames => "no-source-of-names",
    /// A snapshot in history/ that cannot be read; passed over for an earlier one.
    SnapshotUnreadable => "snapshot-unreadable",
    /// A file the pack would hold that cannot be read as text, so it cannot be searched.
    UnsearchableEvidence => "unsearchable-evidence",
    /// A file listed as checked by hand that the evidence folder does not hold.
    CheckedFileMissing => "checked-file-missing",
    /// A pack entry whose size or SHA-256 differs from the manifest.
    PackEntryAltered => "pack-entry-altered",
    /// A file the manifest lists that the pack lacks.
    PackEntryMissing => "pack-entry-missing",
    /// An entry in the pack that the manifest does not list.
    PackEntryExtra => "pack-entry-extra",
    /// An entry name that would write outside a folder when extracted.
    PackEntryUnsafeName => "pack-entry-unsafe-name",
    /// A pack whose manifest.json is missing or cannot be read.
    PackManifestMalformed => "pack-manifest-malformed",
    /// Two entries of the pack under the same name: an extractor keeps one of them.
    PackEntryDuplicate => "pack-entry-duplicate",
    /// A folder entry in the pack; the manifest lists files only.
    PackEntryFolder => "pack-entry-folder",
    /// An entry marked as a link, device, pipe or socket rather than a file.
    PackEntryNotAFile => "pack-entry-not-a-file",
    /// An entry whose local header says something other than the central directory.
    PackEntryHeaderMismatch => "pack-entry-header-mismatch",
    /// Bytes in the zip that belong to no entry the central directory lists.
    PackStrayBytes => "pack-stray-bytes",
    /// The zip's own structure is damaged: cut short, its end record repeated or wrong.
    PackDamaged => "pack-damaged",
    /// The manifest's fingerprint is not the one the school sent.
    PackFingerprintMismatch => "pack-fingerprint-mismatch",
    /// There is no group workbook, so there is no agreed commentary for the assessor.
    NoGroupWorkbook => "no-group-workbook",
    /// review.toml records no sign-off of the review.
    SignOffMissing => "sign-off-missing",
    /// review.toml's sign-off lacks the headteacher, the chair of governors or the date.
    SignOffIncomplete => "sign-off-incomplete",
    /// The sign-off's date is after today or the review date, or long before the review.
    SignOffDateImplausible => "sign-off-date-implausible",
    /// A value review.toml does not accept for its key.
    InvalidValue => "invalid-value",
    /// The Online Safety Mark's three years have run out, or are about to.
    ReassessmentDue => "reassessment-due",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Where a finding is, in the terms the user sees: a file and, for text files, a line and
/// column counted from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// Line number, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column number in characters, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// A spreadsheet cell such as `Scores!D7`, as the spreadsheet program shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Location {
    /// A whole file.
    pub fn file(file: &Path) -> Self {
        Location {
            file: file.to_path_buf(),
            line: None,
            column: None,
            cell: None,
        }
    }

    /// A line and column in a text file.
    pub fn at(file: &Path, line: usize, column: usize) -> Self {
        Location {
            file: file.to_path_buf(),
            line: Some(line),
            column: Some(column),
            cell: None,
        }
    }

    /// A cell of a spreadsheet; `row` and `col` count from 0, as the reader gives them.
    pub fn cell(file: &Path, sheet: &str, row: u32, col: u32) -> Self {
        Location {
            cell: Some(format!("{sheet}!{}{}", column_letters(col), row + 1)),
            ..Location::file(file)
        }
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`: spreadsheet column names.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(
            b'A' + u8::try_from(rem).expect("a remainder of 26 fits a byte"),
        ));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(cell) = &self.cell {
            write!(f, ": {cell}")?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// One finding about the user's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The stable identifier of this kind of finding.
    pub code: Code,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Where it is.
    pub location: Location,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error-severity finding.
    pub fn error(code: Code, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location,
            help: None,
        }
    }

    /// A warning-severity finding.
    pub fn warning(code: Code, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, location, message)
        }
    }

    /// Adds the line telling the user what to do.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error[code]: message`, then `  help: …` on its own line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.location, self.severity, self.code, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Every finding of one job, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records a finding.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|d| d.severity == severity).count()
    }

    /// Orders findings by file, line and column so output reads top to bottom.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.location.file, a.location.line, a.location.column, a.code).cmp(&(
                &b.location.file,
                b.location.line,
                b.location.column,
                b.code,
            ))
        });
    }

    /// Whether there are no findings.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The findings.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_code_and_help() {
        let d = Diagnostic::error(
            Code::BenchmarkOutOfRange,
            Location::at(Path::new("fw.toml"), 42, 5),
            "benchmark 7 is not a level",
        )
        .with_help("use a level from 1 (aspirational) to 5");
        assert_eq!(
            d.to_string(),
            "fw.toml:42:5: error[benchmark-out-of-range]: benchmark 7 is not a level\n  help: use a level from 1 (aspirational) to 5"
        );
    }

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} used twice");
            assert!(
                text.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{text} is not kebab-case"
            );
        }
    }

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
        let at = Location::cell(Path::new("scores/dsl.xlsx"), "Scores", 6, 3);
        assert_eq!(at.to_string(), "scores/dsl.xlsx: Scores!D7");
    }

    #[test]
    fn whole_file_location_has_no_line() {
        assert_eq!(Location::file(Path::new("a.toml")).to_string(), "a.toml");
    }
}
