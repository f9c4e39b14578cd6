//! The whole review, from files to a scored result: what `score`, `report` and `pack` share.
//!
//! Reads review.toml and the framework, every workbook in scores/ and every evidence source,
//! scores the review and computes the metrics. Problems in the school's files are gathered
//! as findings; only a missing or broken review.toml or framework stops the run. The
//! result, [`Reviewed`], holds every imported record; it is made once and every later stage
//! borrows it.

mod across;
pub mod imported;
mod kept_out;
pub mod renewal;
mod signoff;
pub mod snapshots;
mod withhold;

use std::path::Path;

use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::error::Result;
use crate::evidence::dating;
use crate::evidence::import::{self, Evidence, Request};
use crate::framework::Loaded;
use crate::metrics::compute::{self, Metrics};
use crate::metrics::documents;
use crate::review::{self, Paths, Review};
use crate::score::{self, Scored, Settings};
use crate::workbook;

pub use kept_out::{KeptOut, names_to_keep_out};

/// A review read and scored. It is never copied: every later stage borrows it.
#[derive(Debug)]
pub struct Reviewed {
    /// The settings.
    pub review: Review,
    /// The framework.
    pub framework: Loaded,
    /// The scored review.
    pub scored: Scored,
    /// What the evidence sources held (with the private names, for the privacy guard).
    pub evidence: Evidence,
    /// The metrics as of the review date.
    pub metrics: Metrics,
    /// Every finding in the school's files, sorted.
    pub diagnostics: Diagnostics,
    /// The review folder's standard paths.
    pub paths: Paths,
    /// The workbooks read, for where each piece of evidence was cited.
    pub workbooks: Vec<crate::workbook::Filled>,
    /// When the Online Safety Mark is due for reassessment, where review.toml records an
    /// award.
    pub renewal: Option<renewal::Renewal>,
}

/// Reads and scores the review folder at `root`; `today` is used when review.toml sets no
/// review date.
pub fn run(root: &Path, today: chrono::NaiveDate) -> Result<Reviewed> {
    let paths = Paths::new(root);
    let review::Opened {
        mut review,
        framework,
        warnings: mut diagnostics,
    } = review::open(root)?;
    diagnostics.0.extend(crate::framework::map::survey(root).0);
    let (mut books, found) = workbook::read_dir(&paths.scores(), &framework.framework)?;
    diagnostics.0.extend(found.0);
    let mut settings = Settings {
        school: review.school.clone(),
        review_date: review.review_date.unwrap_or(today),
        min_commentary_words: review.min_commentary_words,
        terms: review.terms(),
    };
    if review.review_date.is_none() {
        diagnostics.push(dating::date_not_set(&paths.review_file(), today));
    }
    let mut evidence = import_evidence(&review, root, settings.review_date, &mut diagnostics);
    cite_existing_files(&mut books, &paths.evidence(), &evidence.private);
    diagnostics
        .0
        .extend(withhold::workbooks(&mut books, &evidence.private).0);
    diagnostics
        .0
        .extend(withhold::sign_off(review.sign_off.as_mut(), &evidence.private).0);
    let toml = std::fs::read_to_string(paths.review_file()).unwrap_or_default();
    let school = withhold::school(&mut review.school, &evidence.private, &toml);
    diagnostics.0.extend(school.0);
    settings.school.clone_from(&review.school);
    let name_paths: Vec<(&Path, crate::evidence::Kind)> = review
        .evidence
        .iter()
        .map(|s| (s.path.as_path(), s.kind))
        .collect();
    diagnostics
        .0
        .extend(withhold::records(&mut evidence, &name_paths).0);
    let review_months = documents::review_months(&framework.framework);
    diagnostics.0.extend(documents::findings(
        &evidence,
        &review_months,
        settings.review_date,
    ));
    let (mut scored, found) = score::score(&framework.framework, &settings, &books, &evidence);
    diagnostics.0.extend(found.0);
    withhold::scored(&mut scored, &evidence.private);
    withhold::diagnostics(&mut diagnostics, &evidence.private);
    if evidence.private.is_empty() && evidence.unread.is_empty() {
        diagnostics.push(no_source_of_names());
    }
    let renewal = handover(&review, &scored, &paths, root, today, &mut diagnostics);
    diagnostics
        .0
        .extend(snapshots::unreadable(&paths.history()).0);
    diagnostics.sort();
    scored.hold_for_problems(&diagnostics);
    let metrics = compute::compute(
        &evidence,
        settings.review_date,
        &review.terms(),
        &review_months,
    );
    Ok(Reviewed {
        review,
        framework,
        scored,
        evidence,
        metrics,
        diagnostics,
        paths,
        workbooks: books,
        renewal,
    })
}

/// The warning that no pupil list names anyone, so typed names cannot be caught.
fn no_source_of_names() -> Diagnostic {
    Diagnostic::warning(
        Code::NoSourceOfNames,
        Location::file(Path::new("review.toml")),
        "no pupil list names anyone, so a child's name typed into a workbook cannot be caught; `pack` refuses while the pack would hold any text the school typed (commentary, rationale, planned actions or owners, cited documents, the sign-off's names), and makes a pack of levels alone",
    )
    .with_help("export your pupil list into evidence/ and add it to review.toml as [[evidence]] kind = \"pupils\"")
}

/// What review.toml records of the hand-over: a sign-off whose date does not fit the review
/// is warned of, and an award of the Mark gives the renewal, with a reminder as it falls due.
fn handover(
    review: &review::Review,
    scored: &Scored,
    paths: &Paths,
    root: &Path,
    today: chrono::NaiveDate,
    diagnostics: &mut Diagnostics,
) -> Option<renewal::Renewal> {
    diagnostics.0.extend(
        review
            .sign_off
            .as_ref()
            .and_then(|s| signoff::date_warning(s, scored.review_date, today)),
    );
    if let (Some(s), Some(changed)) = (&review.sign_off, review.framework_changed) {
        diagnostics
            .0
            .extend(signoff::before_change(s, changed, &scored.framework));
    }
    let renewal = review
        .mark
        .map(|m| renewal::renewal(&m, scored, &paths.history(), root, today));
    diagnostics.0.extend(
        renewal
            .as_ref()
            .and_then(|r| renewal::reminder(r, &paths.review_file())),
    );
    // An award after the review date is a mistyped date: its figures would mislead.
    renewal.filter(|r| !r.after_review)
}

/// What `score --json` prints and `history/` keeps: the scored review and its findings.
#[derive(Debug, serde::Serialize)]
pub struct Snapshot<'a> {
    /// The scored review.
    #[serde(flatten)]
    pub scored: &'a Scored,
    /// The findings in the school's files.
    pub diagnostics: &'a Diagnostics,
    /// What the policy register, agreements, filtering checks, surveys and parent
    /// engagement records show as of the review date.
    pub registers: &'a crate::metrics::registers::Registers,
    /// When the Mark is due for reassessment, where review.toml records an award.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal: Option<&'a renewal::Renewal>,
}

impl Reviewed {
    /// The findings of levels that could not be read (a level or agreed level written so
    /// that it cannot be read, a formula with no saved result, a scoring workbook that
    /// cannot be read at all): while there are any, no report, pack or snapshot is made,
    /// since each would show a level in its place that the group did not give, or leave a
    /// reviewer's levels out. Other errors are said in the outputs where they arise.
    pub fn unreadable_levels(&self) -> Diagnostics {
        let unreadable = |c: Code| {
            matches!(
                c,
                Code::InvalidLevel | Code::LevelFormulaWithoutValue | Code::UnreadableWorkbook
            )
        };
        Diagnostics(
            self.diagnostics
                .iter()
                .filter(|d| unreadable(d.code))
                .cloned()
                .collect(),
        )
    }

    /// The snapshot of this review.
    pub fn snapshot(&self) -> Snapshot<'_> {
        Snapshot {
            scored: &self.scored,
            diagnostics: &self.diagnostics,
            registers: &self.metrics.registers,
            renewal: self.renewal.as_ref(),
        }
    }

    /// Refuses, when a pupil list or incident log could not be read, to go on to outputs that
    /// carry the school's own text: names in that text could not be taken out.
    pub fn names_checked(&self) -> Result<()> {
        if self.evidence.unread.is_empty() {
            Ok(())
        } else {
            Err(crate::error::Error::NamesUnchecked {
                paths: self.evidence.unread.clone(),
            })
        }
    }

    /// The snapshot as JSON, refused if it would hold a child's name (the last check:
    /// names were taken out of the school's text before scoring). `shown` names the output.
    pub fn snapshot_json(&self, shown: &Path) -> Result<Vec<u8>> {
        self.names_checked()?;
        let json = serde_json::to_vec_pretty(&self.snapshot()).map_err(|e| {
            crate::error::Error::Write {
                path: shown.to_path_buf(),
                source: std::io::Error::other(e),
            }
        })?;
        if self
            .evidence
            .private
            .found_in(&String::from_utf8_lossy(&json))
        {
            return Err(crate::error::Error::NameInOutput {
                path: shown.to_path_buf(),
                place: None,
            });
        }
        Ok(json)
    }

    /// Saves the snapshot as `history/<review date>.json`, for comparing later reviews.
    pub fn save_snapshot(&self) -> Result<std::path::PathBuf> {
        let path = self.paths.history().join(format!(
            "{}.json",
            self.scored.review_date.format("%Y-%m-%d")
        ));
        crate::review::outputs::check_place(&path, &self.paths)?;
        let json = self.snapshot_json(&path)?;
        self.keep_other_framework(&path)?;
        crate::fsutil::write_atomic(&path, &json)?;
        Ok(path)
    }

    /// A snapshot of the same date scored on another framework (the review before a
    /// migration) is kept as `history/<date>.<framework>.json` rather than replaced, so the
    /// reports still find it as the previous review.
    fn keep_other_framework(&self, path: &Path) -> Result<()> {
        let Ok(old) = std::fs::read(path) else {
            return Ok(());
        };
        let doc: serde_json::Value = serde_json::from_slice(&old).unwrap_or_default();
        let Some(framework) = doc["framework"].as_str() else {
            return Ok(());
        };
        let safe = !framework.is_empty()
            && framework
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if framework == self.scored.framework || !safe {
            return Ok(());
        }
        let kept = path.with_file_name(format!(
            "{}.{framework}.json",
            self.scored.review_date.format("%Y-%m-%d")
        ));
        crate::review::outputs::check_place(&kept, &self.paths)?;
        crate::fsutil::copy_verified(&kept, &old)
    }
}

/// The review date of a snapshot file in history/: `<date>.json`, or
/// `<date>.<framework>.json` for one kept when a migration's first score replaced it; the
/// second says whether it is such a kept one.
pub fn snapshot_date(path: &Path) -> Option<(chrono::NaiveDate, bool)> {
    if path.extension()? != "json" {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let (date, rest) = (stem.get(..10)?, stem.get(10..)?);
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    match rest {
        "" => Some((date, false)),
        r if r.len() > 1 && r.starts_with('.') => Some((date, true)),
        _ => None,
    }
}

/// Tells the citations in each Evidence cell apart knowing the evidence folder, so a file
/// whose name holds a comma or semicolon is cited whole (see `workbook::citations`), and
/// pieces that name a child only when read together stay one citation, so the name in it is
/// found and taken out like any other.
fn cite_existing_files(
    books: &mut [workbook::Filled],
    evidence: &Path,
    names: &crate::privacy::Names,
) {
    let exists = |name: &str| {
        let rel = name.trim().replace('\\', "/");
        let rel = rel.strip_prefix("evidence/").unwrap_or(&rel);
        workbook::citations::locate(evidence, rel).is_some()
    };
    for row in books.iter_mut().flat_map(|b| b.rows.iter_mut()) {
        let named = |text: &str| names.found_in(text);
        row.evidence = workbook::citations::split_keeping(&row.evidence_text, &exists, &named);
    }
}

/// Imports every evidence source; one that cannot be imported becomes a finding, and the
/// checks that needed it are reported as not evaluated.
/// The reviewers among `reviewers` named like a pupil on the review's lists of names, as
/// errors naming the line of review.toml (or the `--reviewer` given) that holds each, the
/// name removed: a workbook is named after its reviewer and shows the name on every sheet,
/// so none is made for such a name. When a pupil list or incident log cannot be read the
/// check cannot be made: the second part is then the error that refuses, and the first the
/// findings that say what is wrong with each such file.
pub fn pupil_named_reviewers(
    root: &Path,
    review: &Review,
    reviewers: &[String],
    today: chrono::NaiveDate,
) -> (Diagnostics, Result<()>) {
    let mut imported = Diagnostics::default();
    let evidence = import_evidence(
        review,
        root,
        review.review_date.unwrap_or(today),
        &mut imported,
    );
    if !evidence.unread.is_empty() {
        imported
            .0
            .retain(|d| matches!(d.code, Code::EvidenceNotImported | Code::NamesUnreadable));
        let refused = crate::error::Error::ReviewersUnchecked {
            paths: evidence.unread.clone(),
        };
        return (imported, Err(refused));
    }
    let file = Paths::new(root).review_file();
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut found = withhold::reviewer_names(reviewers, &evidence.private, &file, &text);
    if evidence.private.is_empty() {
        found.push(
            Diagnostic::warning(
                Code::NoSourceOfNames,
                Location::file(Path::new("review.toml")),
                "no pupil list names anyone, so the reviewers' names cannot be checked against the children's; the workbooks are written all the same, as `score` and `report` run",
            )
            .with_help("export your pupil list into evidence/ and add it to review.toml as [[evidence]] kind = \"pupils\""),
        );
    }
    (found, Ok(()))
}

fn import_evidence(
    review: &Review,
    root: &Path,
    as_of: chrono::NaiveDate,
    diags: &mut Diagnostics,
) -> Evidence {
    let mut evidence = Evidence::default();
    for source in &review.evidence {
        let path = root.join(&source.path);
        let before = evidence.name_sources.len();
        let req = Request {
            as_of: Some(as_of),
            ..Request::for_source(source, &path)
        };
        let imported = import::import(&req, &mut evidence);
        if let Ok(report) = &imported {
            diags.0.extend(dating::findings(report, as_of));
        }
        // A pupil list that names no one (its heading row alone) is as good as an unread one.
        if evidence.name_sources[before..]
            .iter()
            .any(|(_, kind, people)| *kind == crate::evidence::Kind::Pupils && *people == 0)
        {
            evidence.unread.push(source.path.clone());
            diags.push(
                Diagnostic::error(Code::NamesUnreadable, Location::file(&source.path), "this pupil list names no one that could be read, so children's names cannot be taken out of the school's text")
                    .with_help("export the whole pupil list again, with its name columns and its pupils, and run this again"),
            );
        }
        if let Err(err) = imported {
            if source.kind.names_children() {
                evidence.unread.push(source.path.clone());
            }
            diags.push(
                Diagnostic::error(Code::EvidenceNotImported, Location::file(&source.path), err.to_string())
                    .with_help("run `selfreview import` to see the problem, fix the file or review.toml, and score again"),
            );
        }
    }
    evidence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_names_are_a_date_with_or_without_the_framework_kept_on_it() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
        let read = |n: &str| snapshot_date(Path::new(n));
        assert_eq!(read("history/2026-11-01.json"), Some((day, false)));
        assert_eq!(read("2026-11-01.online-safety-21.json"), Some((day, true)));
        for not in [
            "2026-11-01.txt",
            "2026-11-01x.json",
            "2026-11-01..json",
            "notes.json",
            "2026-13-01.json",
        ] {
            assert_eq!(read(not), None, "{not}");
        }
    }
}
