//! Scoring: the group's workbooks consolidated and judged against the framework.
//!
//! [`score`] is a pure function from the framework, the review settings and the filled
//! workbooks to a [`Scored`] review: each aspect's agreed level and spread, the gaps to the
//! benchmark and to level 1, completeness, commentary checks, milestones, the readiness
//! verdict for the Online Safety Mark with every reason, the discussion agenda and the
//! action plan. Reading the workbooks and printing happen elsewhere.

mod checks;
mod commentary;
mod consolidate;
mod flags;
pub use flags::flagged;
mod judge;
mod plan;

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::evidence::Kind;
use crate::evidence::import::Evidence;
use crate::framework::{Aspect, Framework};
use crate::workbook::{Filled, ScoredBy};
pub use checks::{CheckResult, CheckStatus};
pub use consolidate::{median_toward_weaker, spread};
pub use judge::{CommentaryCheck, Milestones, NotAgreed, NotAgreedWhy, Reason, Shortfall};
pub use plan::{AgendaItem, PlanItem};

/// What scoring needs besides the framework and the workbooks.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The school.
    pub school: String,
    /// The date the review is scored as of.
    pub review_date: NaiveDate,
    /// Commentary shorter than this many words is too thin.
    pub min_commentary_words: u32,
    /// The school's terms, for the checks counted by term.
    pub terms: crate::metrics::terms::Terms,
}

/// One reviewer's commentary on an aspect.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commentary {
    /// Who wrote it (`Group` for a meeting workbook).
    pub reviewer: String,
    /// The text.
    pub text: String,
    /// Its length in words.
    pub words: usize,
}

/// The one commentary per aspect the assessor reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreedCommentary {
    /// The text.
    pub text: String,
    /// Its length in words.
    pub words: usize,
    /// Whose it is.
    pub by: CommentaryBy,
}

/// Where an aspect's agreed commentary came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommentaryBy {
    /// A group workbook's Agreed commentary column (or, in a group workbook made before
    /// that column existed, its Commentary column).
    Group,
    /// The only reviewer's own commentary, in a review scored by one person.
    OnlyReviewer,
    /// A group workbook's Agreed commentary as a framework change carried it from the old
    /// aspects, while its "Review after the change" cell still asks the group to check it:
    /// the group wrote it for other aspects and has not yet agreed it for this one.
    Carried,
}

/// Where an aspect's agreed level came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgreedBy {
    /// A group workbook's Agreed column.
    Group,
    /// The median of the reviewers' levels, toward the weaker level on a tie: where there
    /// are several reviewers' workbooks and no group workbook. Worked out, not agreed, so
    /// it never makes the review ready.
    Median,
    /// The level in the one scoring workbook of a review with no group workbook.
    OnlyReviewer,
    /// A group workbook's Agreed level as a framework change carried it (the weakest the
    /// group had agreed for the aspects merged into it), until the group checks it.
    Carried,
}

/// One aspect, scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AspectScore {
    /// Aspect code.
    pub code: String,
    /// Aspect name.
    pub name: String,
    /// Its element's code.
    pub element: String,
    /// Its strand's code.
    pub strand: String,
    /// The benchmark level.
    pub benchmark: u8,
    /// Each reviewer's level.
    pub reviewers: BTreeMap<String, u8>,
    /// The agreed level: the level the group claims.
    pub agreed: Option<u8>,
    /// The best level, from the claim down, that the school's records support; `None` when
    /// no records check the claim (no evidence checks apply, or none could be run and none
    /// is required).
    pub evidenced: Option<u8>,
    /// The level readiness and the action plan go by: the evidenced level, or the claim
    /// where the group records why the records differ.
    pub counted: Option<u8>,
    /// Why the records differ from the claim, as the group (or reviewers) recorded it, when
    /// it says enough to let the claim stand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records_differ: Option<String>,
    /// The explanations behind `records_differ`, each once with the reviewers who gave it
    /// (none for the group's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explanations: Vec<Explanation>,
    /// An explanation of why the records differ too short to let the claim stand ("x",
    /// "-"): taken as blank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thin_explanation: Option<ThinExplanation>,
    /// Where the agreed level came from.
    pub agreed_by: Option<AgreedBy>,
    /// Why a group workbook gives no agreed level though levels were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_agreed: Option<NotAgreed>,
    /// Why the group settled on its agreed level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    /// Highest minus lowest reviewer level.
    pub spread: Option<u8>,
    /// Reviewers gave different levels.
    pub disagreement: bool,
    /// Reviewers are 2 or more levels apart.
    pub needs_discussion: bool,
    /// Levels the counted level is below the benchmark (positive) or better (negative).
    pub gap_to_benchmark: Option<i8>,
    /// Levels still to climb to level 1.
    pub gap_to_aspirational: Option<u8>,
    /// Every non-blank commentary, the group's agreed commentary first, then reviewers'
    /// own by name.
    pub commentary: Vec<Commentary>,
    /// The one commentary the assessor reads: the group's agreed commentary, or the only
    /// reviewer's; `None` when neither is written (several reviewers and no group workbook,
    /// or a group that left it blank).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreed_commentary: Option<AgreedCommentary>,
    /// Whether a group workbook holds notes in its Commentary column for the aspect: with no
    /// agreed commentary, they are likely what was meant to be it.
    #[serde(skip)]
    pub group_notes: bool,
    /// Evidence file names cited, sorted, without repeats.
    pub evidence: Vec<String>,
    /// Has an agreed level and commentary.
    pub complete: bool,
    /// Whether the commentary is enough to show the level.
    pub commentary_check: CommentaryCheck,
    /// Planned actions, owner and target date, where a workbook gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<Planned>,
    /// The framework's evidence checks that the claimed level calls for, with their results.
    pub evidence_checks: Vec<CheckResult>,
    /// The aspect has a level but nothing behind it: no evidence cited, and no record
    /// imported of the kinds its checks measure or the framework names for it.
    pub unevidenced: bool,
    /// For an unevidenced aspect, the files of those kinds that were imported and hold no
    /// records (blank templates, most likely), as review.toml names them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub empty_records: Vec<String>,
    /// Whether the framework makes an unevidenced aspect hold back readiness.
    pub evidence_required: bool,
}

/// One explanation of why the records differ from the claim, and who gave it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// What it says.
    pub text: String,
    /// The reviewers who wrote it in their own workbooks, by name; empty for the group's.
    pub by: Vec<String>,
}

/// An explanation of why the records differ that is too short to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ThinExplanation {
    /// Its words.
    pub words: usize,
    /// The words an explanation needs.
    pub needed: usize,
}

/// Planned actions recorded in a workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Planned {
    /// What.
    pub actions: String,
    /// Who.
    pub owner: String,
    /// By when.
    pub target: Option<NaiveDate>,
}

/// The average agreed level of a strand or element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Average {
    /// Strand or element code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The mean of its aspects' agreed levels, to two decimals; `None` with none agreed.
    pub average: Option<f64>,
    /// Every aspect in it is complete.
    pub complete: bool,
}

/// A workbook that took part in the scoring.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkbookUsed {
    /// The file.
    pub path: PathBuf,
    /// Whose it is.
    pub reviewer: String,
    /// How many aspect rows have entries.
    pub rows_with_entries: usize,
}

/// The scored review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    /// The school.
    pub school: String,
    /// The review date.
    pub review_date: NaiveDate,
    /// Framework id.
    pub framework: String,
    /// Framework version.
    pub framework_version: String,
    /// The workbooks used.
    pub workbooks: Vec<WorkbookUsed>,
    /// Every aspect, in framework order.
    pub aspects: Vec<AspectScore>,
    /// Strand averages.
    pub strands: Vec<Average>,
    /// Element averages.
    pub elements: Vec<Average>,
    /// How far the review has come.
    pub milestones: Milestones,
    /// Ready to apply for the Online Safety Mark.
    pub ready: bool,
    /// What holds back readiness: one reason per aspect, naming it.
    pub reasons: Vec<Reason>,
    /// The errors found in the review's own files, each as "where: what" (see
    /// [`Scored::hold_for_problems`]); while there is one, the review is not ready.
    pub problems: Vec<String>,
    /// Where the school's own records differ from a claimed level, or lack what a check
    /// needs: one finding per aspect, naming it.
    pub evidence_findings: Vec<Reason>,
    /// The disagreements to discuss, widest first.
    pub agenda: Vec<AgendaItem>,
    /// What to do next, below-benchmark aspects first.
    pub actions: Vec<PlanItem>,
}

/// Scores the review from the workbooks read. Workbooks are taken in path order, so the
/// result does not depend on the order they were found in; a second workbook for a
/// reviewer already seen is left out with a finding.
/// `evidence` is what was imported from the review's sources (empty if none): the
/// framework's evidence checks are run against it for every aspect's agreed level.
pub fn score(
    fw: &Framework,
    settings: &Settings,
    workbooks: &[Filled],
    evidence: &Evidence,
) -> (Scored, Diagnostics) {
    let mut diags = Diagnostics::default();
    let used = choose_workbooks(workbooks, &mut diags);
    flags::findings(fw, &used, &mut diags);
    let aspects: Vec<AspectScore> = fw
        .aspects()
        .map(|(e, s, a)| {
            let scored = judge::aspect(e, s, a, &used, settings);
            weigh_records(scored, a, evidence, settings)
        })
        .collect();
    checks::unevidenced_findings(&aspects, &used, &mut diags);
    let evidence_findings = checks::findings(&aspects);
    let (strands, elements) = judge::averages(fw, &aspects);
    let (ready, reasons) = judge::readiness(&aspects, &evidence_findings, settings);
    let milestones = judge::milestones(&aspects, &elements, ready);
    let scored = Scored {
        school: settings.school.clone(),
        review_date: settings.review_date,
        framework: fw.id.clone(),
        framework_version: fw.version.clone(),
        workbooks: used
            .iter()
            .map(|b| WorkbookUsed {
                path: b.path.clone(),
                reviewer: b.kind.reviewer().to_string(),
                rows_with_entries: b.rows.iter().filter(|r| r.has_entries()).count(),
            })
            .collect(),
        agenda: plan::agenda(&aspects),
        actions: plan::actions(fw, &aspects),
        aspects,
        strands,
        elements,
        milestones,
        ready,
        reasons,
        problems: Vec::new(),
        evidence_findings,
    };
    (scored, diags)
}

impl Scored {
    /// Holds the verdict back for every error found in the review's own files (a second
    /// workbook for one reviewer, a second row for an aspect, records that could not be
    /// imported, …): the levels and checks the verdict stands on would then be read from
    /// whichever file or row came first, or from no records at all, so calling the review
    /// ready would not be true. Each error is kept as "where: what" for the verdict to say.
    pub fn hold_for_problems(&mut self, diagnostics: &Diagnostics) {
        self.problems = diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .map(|d| format!("{}: {}", d.location, d.message))
            .collect();
        self.problems.dedup();
        if !self.problems.is_empty() {
            self.ready = false;
            self.milestones.ready = false;
        }
    }
}

/// An aspect as the workbooks judge it, weighed against the school's records: the level
/// the records support, and the level that counts.
fn weigh_records(
    mut scored: AspectScore,
    a: &Aspect,
    evidence: &Evidence,
    settings: &Settings,
) -> AspectScore {
    let results = checks::run(
        a,
        scored.agreed,
        evidence,
        (settings.review_date, &settings.terms),
    );
    // Only an aspect whose records were actually checked has an evidenced level.
    scored.evidenced =
        checks::evidenced(scored.agreed, &results, false).filter(|_| checks::checked(&results));
    checks::weigh_explanation(&mut scored, &results, settings.min_commentary_words);
    let explained = scored.records_differ.is_some();
    scored.counted = checks::evidenced(scored.agreed, &results, explained);
    scored.gap_to_benchmark = scored.counted.map(|l| l as i8 - a.benchmark as i8);
    scored.gap_to_aspirational = scored.counted.map(|l| l - 1);
    scored.evidence_checks = results;
    scored.evidence_required = a.evidence_required;
    // A kind backs the aspect only when its sources hold a record: a blank template
    // imported shows nothing.
    let backing: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| backing_kinds(a).any(|b| b == k.as_str()))
        .collect();
    scored.unevidenced = scored.agreed.is_some()
        && scored.evidence.is_empty()
        && !backing.iter().any(|k| evidence.holds_records(*k));
    if scored.unevidenced {
        scored.empty_records = backing
            .iter()
            .flat_map(|k| evidence.empty_of(*k))
            .map(|p| p.display().to_string())
            .collect();
    }
    scored
}

/// The kinds of record that can stand behind an aspect: those its checks measure, and
/// those the framework names for it.
fn backing_kinds(a: &Aspect) -> impl Iterator<Item = &str> {
    a.checks
        .iter()
        .map(|c| c.metric.kind())
        .chain(a.evidence_kinds.iter().map(String::as_str))
}

/// The workbooks that take part, in path order so the result does not depend on the order
/// they were found in: every reviewer's own workbook, and one group workbook. A second
/// workbook for a reviewer, or a second group workbook, is left out with a finding. A
/// group workbook beside individual ones is not a duplicate: its agreed levels and
/// commentary win, and the individual workbooks still show each reviewer's level.
fn choose_workbooks<'a>(workbooks: &'a [Filled], diags: &mut Diagnostics) -> Vec<&'a Filled> {
    let mut books: Vec<&Filled> = workbooks.iter().collect();
    books.sort_by(|a, b| a.path.cmp(&b.path));
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut used = Vec::new();
    for book in books {
        let key = match &book.kind {
            ScoredBy::Individual { reviewer } => reviewer.to_lowercase(),
            // Reviewer names never equal the group's: `workbook` refuses the reserved name.
            ScoredBy::Group { .. } => format!("\u{0}{}", crate::workbook::layout::GROUP_REVIEWER),
        };
        if let Some(first) = seen.get(&key) {
            let who = match &book.kind {
                ScoredBy::Individual { reviewer } => format!("`{reviewer}` already has scores"),
                ScoredBy::Group { .. } => "the group already has a workbook".to_string(),
            };
            diags.push(
                Diagnostic::error(
                    Code::DuplicateReviewerWorkbook,
                    Location::file(&book.path),
                    format!("{who} in {}; this workbook is left out", first.display()),
                )
                .with_help("keep one workbook per reviewer, and one group workbook, in scores/"),
            );
            continue;
        }
        seen.insert(key, book.path.clone());
        used.push(book);
    }
    used
}

#[cfg(test)]
mod tests;
