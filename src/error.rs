//! Why a job could not be done at all.
//!
//! Problems *in* a user's data are [`crate::diag::Diagnostic`]s; an [`Error`] is for when we
//! could not read, write or even start. Every variant names the file it concerns so that the
//! message alone tells the Online Safety Lead where to look.

use std::path::PathBuf;

use crate::diag::Diagnostics;

/// A job that could not be done.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A text file that is not UTF-8, e.g. saved as "ANSI" by an older editor.
    #[error("{} is not saved as UTF-8 text (byte {offset} is not valid UTF-8); open it in a text editor and save it again choosing the UTF-8 encoding", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// A command that needs a review folder was run outside one.
    #[error("{} is not a review folder: it has no review.toml. Run selfreview inside your review folder, name the folder with `-C DIR` (e.g. `selfreview -C my-review score`), or create one with `selfreview init DIR --school \"Your School\"`", dir.display())]
    NoReview {
        /// The folder looked in.
        dir: PathBuf,
    },
    /// A file or folder could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A spreadsheet could not be produced.
    #[error("cannot write the spreadsheet {}: {source}", path.display())]
    Spreadsheet {
        /// The workbook being written.
        path: PathBuf,
        /// Why.
        source: rust_xlsxwriter::XlsxError,
    },
    /// A text for a workbook holds a word longer than a spreadsheet cell can hold.
    #[error(
        "cannot write {}: the {column} for {aspect} has a word of {chars} characters with no space or line break, more than the 32,767 a spreadsheet cell can hold, so it cannot be cut over rows; shorten it in the workbooks it is gathered from, then make the workbook again",
        path.display()
    )]
    CellTooLong {
        /// The workbook being written.
        path: PathBuf,
        /// The aspect whose row it is.
        aspect: String,
        /// The column, as its heading reads.
        column: &'static str,
        /// How many characters its longest word has.
        chars: usize,
    },
    /// A file that holds findings at error severity was needed as input.
    #[error("{} has {} to fix first", path.display(), crate::text::plural(diagnostics.count(crate::diag::Severity::Error), "problem", "problems"))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Its findings, to be shown to the user.
        diagnostics: Diagnostics,
    },
    /// A framework id that is neither embedded nor in the review's `frameworks/` folder.
    #[error("no framework with id `{id}` (known: {})", known.join(", "))]
    UnknownFramework {
        /// The id asked for.
        id: String,
        /// The ids that do exist.
        known: Vec<String>,
    },
    /// An aspect code that the framework does not define.
    #[error("framework `{framework}` has no aspect `{code}`")]
    UnknownAspect {
        /// The framework searched.
        framework: String,
        /// The code asked for.
        code: String,
    },
    /// A command would overwrite files the school may have edited.
    #[error("{} already holds files this command would write; nothing was changed:\n{}\n\
        selfreview never overwrites a file you may have edited: move or rename these to start again",
        dir.display(),
        existing.iter().map(|p| format!("  {}", p.display())).collect::<Vec<_>>().join("\n"))]
    WouldOverwrite {
        /// The folder being written to.
        dir: PathBuf,
        /// Each path in the way.
        existing: Vec<PathBuf>,
    },
    /// An output path that would replace something the tool must not replace.
    #[error("will not write to {}: {why}", path.display())]
    OutputRefused {
        /// The path asked for.
        path: PathBuf,
        /// Why, and what to do instead.
        why: String,
    },
    /// An output path given on the command line that names a child: the file would be named
    /// after them. The path is never said.
    #[error(
        "will not write to the path given with {option}: it names a child, and a file's name is seen wherever it goes; give it another name"
    )]
    OutputNamed {
        /// The command-line option that gave the path.
        option: &'static str,
    },
    /// An evidence spreadsheet that cannot be imported at all.
    #[error("cannot import {}: {message}", path.display())]
    Evidence {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do, in sentences.
        message: String,
    },
    /// An output that would hold a child's name, caught as a last check before writing.
    #[error("{} was not written: a child's name is still in it after the names found in the workbooks and records were taken out. {}", path.display(), place.as_ref().map_or_else(|| "It may be in review.toml (the school's name, a reviewer, a mapping under [evidence.roles] or [evidence.groups]), a custom template in templates/ or the framework file; take it out and try again".to_string(), |p| format!("It is in {p}: take it out (or write it another way) and try again")))]
    NameInOutput {
        /// The output refused.
        path: PathBuf,
        /// Where in the review's own files the name stands, when it could be found.
        place: Option<String>,
    },
    /// An output whose text cannot all be searched for children's names, so it is not
    /// written: a custom template's page that runs a script of its own, say.
    #[error("{} was not written: {why}, so selfreview cannot make sure it shows no child's name. If it comes from a custom template in templates/, take the script out of the template and try again", path.display())]
    OutputUnsearchable {
        /// The output refused.
        path: PathBuf,
        /// Why its text cannot be searched.
        why: String,
    },
    /// Outputs that carry the school's own text cannot be written while a source of
    /// children's names is unread: names in that text could not be taken out.
    #[error("nothing was written: {} could not be read or names no one, so children's names cannot be taken out of the commentary. Run `selfreview import` to see what is wrong with it, fix it, and run this again", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" and "))]
    NamesUnchecked {
        /// The pupil lists, incident logs and agreements registers that could not be read.
        paths: Vec<PathBuf>,
    },
    /// Scoring workbooks show their reviewer's name on every sheet: none is written while a
    /// source of children's names is unread, since the reviewers cannot be checked against it.
    #[error("no workbook was written: {} could not be read or names no one, so the reviewers' names cannot be checked against the children's names (a workbook shows its reviewer's name on every sheet). Run `selfreview import` to see what is wrong with it, fix it, and run this again", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" and "))]
    ReviewersUnchecked {
        /// The pupil lists, incident logs and agreements registers that could not be read.
        paths: Vec<PathBuf>,
    },
    /// A report template, ours or the school's, that does not parse or cannot be rendered.
    #[error("the template {}: {message}{}", path.display(), line.map_or(String::new(), |l| format!(" at line {l}")))]
    Template {
        /// The template file.
        path: PathBuf,
        /// The line the problem is on, when the template engine knows it.
        line: Option<usize>,
        /// What the template engine said.
        message: String,
    },
    /// An anonymised evidence summary that could not be written as CSV.
    #[error("the evidence summaries: {message}")]
    EvidenceSummary {
        /// The summary's file name in the pack, e.g. `meetings.csv`.
        name: String,
        /// What the CSV writer said.
        message: String,
    },
    /// A review date the zip format cannot hold as its entries' time.
    #[error("the pack's date: {message}")]
    PackDate {
        /// The review date.
        date: chrono::NaiveDate,
        /// What the zip writer said.
        message: String,
    },
    /// A column mapping in review.toml names no field of its source's kind.
    #[error("review.toml, the [[evidence]] entry for {}: {message}", path.display())]
    ColumnMapping {
        /// The evidence file the mapping belongs to.
        path: PathBuf,
        /// Which column, which field, and the fields there are.
        message: String,
    },
    /// Scoring workbooks were asked for, but no reviewer is named.
    #[error(
        "reviewers: no reviewers are named; list the online safety group under `reviewers` in review.toml, or give --reviewer NAME"
    )]
    NoReviewers,
    /// A reviewer's name that the workbooks use for the group or for a column.
    #[error(
        "reviewers: `{name}` cannot be a reviewer's name: the workbooks use it for the group or for a column; add a role or initials, e.g. `{name} (OSL)`"
    )]
    ReservedReviewer {
        /// The name, as given.
        name: String,
    },
    /// Two reviewers whose workbooks would have the same file name.
    #[error(
        "reviewers: `{first}` and `{second}` would share the workbook {file}; tell them apart, e.g. by adding a role"
    )]
    SharedWorkbook {
        /// The reviewer named first.
        first: String,
        /// The reviewer named later.
        second: String,
        /// The file name under `scores/` both would have.
        file: String,
    },
    /// The folder the demo was asked to write into already holds files.
    #[error("the demo folder {}: it already holds files; name an empty or new folder, e.g. `selfreview demo my-demo`", dir.display())]
    DemoFolderNotEmpty {
        /// The folder.
        dir: PathBuf,
    },
    /// A school's name that is blank.
    #[error("--school: the school's name is blank")]
    BlankSchool,
    /// No framework map leads from the review's framework to the one asked for.
    #[error(
        "no framework map leads from `{from}` to `{to}`, so the review cannot be carried across; nothing was changed. The built-in maps lead from online-safety-21 to online-safety-18; a review's own map goes in its frameworks/maps/ folder (frameworks/README.md describes the format)"
    )]
    NoMap {
        /// The review's framework.
        from: String,
        /// The framework asked for.
        to: String,
    },
    /// Two of the review's framework maps lead between the same frameworks.
    #[error(
        "two framework maps lead from `{from}` to `{to}`, {} and {}: keep one of them in frameworks/maps/ and remove the other, so it is clear which is meant",
        first.display(),
        second.display()
    )]
    MapConflict {
        /// The framework mapped from.
        from: String,
        /// The framework mapped to.
        to: String,
        /// The first map file, by name.
        first: PathBuf,
        /// The second.
        second: PathBuf,
    },
    /// A workbook in scores/ that `migrate` cannot carry across as it is.
    #[error("{} has {} to fix before the review can be carried across; nothing was changed", path.display(), crate::text::plural(diagnostics.count(crate::diag::Severity::Error), "problem", "problems"))]
    MigrateBlocked {
        /// The folder or file with the problems.
        path: PathBuf,
        /// The findings, to be shown to the user.
        diagnostics: Diagnostics,
    },
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
