//! The command line's global options and subcommands; the doc comments are the `--help`
//! text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::{demo, framework, import, init, migrate, pack, report, score, workbook};

/// Online safety self-review for schools: score the framework's aspects as a group, back the
/// scores with the spreadsheets you already keep, and prepare the Online Safety Mark evidence.
///
/// Exit codes: 0 done; 1 done, and problems were found that need fixing; 2 could not be done.
#[derive(Debug, Parser)]
#[command(name = "selfreview", version, max_term_width = 100)]
pub struct Cli {
    /// Run as if started in DIR (the review folder).
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub chdir: Option<PathBuf>,

    /// Print results as JSON on standard output, for scripts.
    #[arg(long, global = true)]
    pub json: bool,

    /// Print only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a whole review of a fictional school, from workbooks to a verified pack.
    ///
    /// Writes the sample review of Oakfield Primary School into DIR (default
    /// selfreview-demo), then runs workbook, import, score, report, pack and verify on it,
    /// and says where the report and the pack are. The first thing to try.
    Demo(demo::Args),
    /// Create a review folder: review.toml, evidence templates, scores/ and out/.
    ///
    /// Writes a commented review.toml, blank evidence templates (training records, incident
    /// log, meeting register) and the scores/, evidence/, out/ and history/ folders. Nothing
    /// is ever overwritten: if any file it would write exists, it writes nothing and lists
    /// what is in the way.
    Init(init::Args),
    /// List, show and check self-review frameworks.
    #[command(subcommand)]
    Framework(framework::Command),
    /// Make scoring workbooks for the online safety group in scores/.
    ///
    /// One workbook per reviewer (named with --reviewer, else listed in review.toml), or with
    /// --group one workbook for a meeting. Each has a row per aspect with a level dropdown,
    /// commentary, evidence and action columns; the level statements are in a note on each
    /// aspect and on the Levels sheet. A workbook that already holds entries is never
    /// replaced without --force.
    Workbook(workbook::Args),
    /// Read the school's evidence spreadsheets and show what they say.
    ///
    /// Reads every [[evidence]] source in review.toml (or, with --kind, the FILEs given):
    /// xlsx, xlsm, xls, ods or csv. For each it shows the header row found, how each column
    /// was mapped, how many rows were used and every row skipped with the reason, then the
    /// metrics as of the review date: training coverage by group, meetings by group, and
    /// incidents by category and term (counts only: children's names and incident details are
    /// never shown).
    Import(import::Args),
    /// Consolidate the workbooks in scores/ and say whether the school is ready for the Mark.
    ///
    /// Reads every workbook in scores/ (xlsx or ods, as saved by Excel or LibreOffice),
    /// reports problems with the file and cell, and for each aspect gives the agreed level
    /// (the group's where a group workbook records one, otherwise the median, rounded toward
    /// the weaker level), the spread, the gap to the benchmark, whether it is complete, and
    /// the commentary check. Then the milestones, the readiness verdict with every reason,
    /// the disagreements to discuss and the next steps. A dated snapshot goes to history/.
    /// Exits 1 if a workbook has errors, or with --strict if the review is not ready.
    Score(score::Args),
    /// Carry the review to a revised framework, e.g. from 21 aspects to England's 18.
    ///
    /// Keeps every workbook in scores/ exactly as it is, under scores/<old framework>/, and
    /// writes in its place a workbook for the new framework, filled in through the framework
    /// map: levels, commentary, evidence and actions carried across. An aspect merged from
    /// several takes the weaker level and each one's commentary under its old code; a new
    /// aspect takes its source's level with blank commentary. Both are flagged "Review after
    /// the change" until the group empties the flag. review.toml then names the new
    /// framework (its notes kept), and out/migration-<map>.txt says what happened to each
    /// aspect. Nothing is written if a workbook cannot be read; running it again after it
    /// has finished changes nothing.
    Migrate(migrate::Args),
    /// Write the reports: out/report.html, out/governors.html and out/summary.xlsx.
    ///
    /// report.html is the whole review in one file that opens in any browser and prints
    /// well: the verdict, a radar chart of levels against the benchmark, every aspect with
    /// its commentary and evidence, the action plan, what the records show (counts only)
    /// and the points to discuss. governors.html is a short report for the governing body.
    /// summary.xlsx has the same figures for spreadsheets. Put report.html, governors.html
    /// or style.css in a templates/ folder of the review to use your own.
    Report(report::Args),
    /// Write the evidence pack for the assessor: one zip with a manifest.
    ///
    /// The zip holds the report as index.html (its evidence links open the documents in the
    /// pack), governors.html, summary.xlsx, a folder per aspect with its agreed level and
    /// agreed commentary and the evidence documents the workbooks cite, anonymised evidence
    /// summaries as CSV, and manifest.json with the size and SHA-256 of every file and the
    /// sign-off. It prints the manifest's fingerprint, to send the assessor separately. It is refused, with every
    /// reason, if a cited file is missing or outside the evidence folder, or if anything in
    /// it contains a name from the incident records. Incident spreadsheets are never packed;
    /// reviewers' and staff names only with `staff-names = true` under [pack] in review.toml.
    Pack(pack::PackArgs),
    /// Check an evidence pack against its manifest (for the assessor).
    ///
    /// Reports every file that was changed, removed or added since the pack was made, any
    /// entry whose name would escape the folder it is extracted to, and anything in the zip
    /// that is not as selfreview writes it: two entries under one name, folders, links and
    /// special files, local headers that disagree with the directory, hidden bytes. With
    /// --fingerprint, also that the manifest is the school's. Nothing is extracted. Exits 0
    /// when the pack is intact and 1 otherwise.
    Verify(pack::VerifyArgs),
}
