//! `selfreview demo`: a fictional school's whole review, from workbooks to a verified pack.
//!
//! Every file under `samples/` is embedded in the binary, so the demo needs nothing but the
//! program: a review.toml, three reviewers' filled workbooks, evidence spreadsheets in
//! several formats with the mess real ones have, and a few small evidence documents.
//! [`run`] writes them into a folder of Oakfield Primary School (fictional) and takes them
//! through every stage a school's own review goes through, reporting each stage as it is
//! done, so that the first thing a school tries shows the whole product.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::evidence::import::{self, SourceReport};
use crate::fsutil::write_atomic;
use crate::pipeline::{self, Reviewed};
use crate::workbook::{self, Request};
use crate::{pack, report, review};

/// One embedded file: its path inside the review folder and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// Path inside the review folder, `/`-separated.
    pub path: &'static str,
    /// The file's bytes.
    pub bytes: &'static [u8],
}

macro_rules! sample {
    ($path:literal) => {
        Sample {
            path: $path,
            bytes: include_bytes!(concat!("../samples/", $path)),
        }
    };
}

/// Every sample file.
pub const SAMPLES: &[Sample] = &[
    sample!("evidence/aua-returns.csv"),
    sample!("evidence/documents/acceptable-use-ks2.txt"),
    sample!("evidence/documents/curriculum-map.csv"),
    sample!("evidence/documents/filtering-review.txt"),
    sample!("evidence/documents/online-safety-policy.pdf"),
    sample!("evidence/documents/osg-terms-of-reference.txt"),
    sample!("evidence/documents/parent-newsletter.html"),
    sample!("evidence/documents/school-photo.png"),
    sample!("evidence/filtering-checks.xlsx"),
    sample!("evidence/meeting-register.ods"),
    sample!("evidence/parent-engagement.xlsx"),
    sample!("evidence/policy-register.xlsx"),
    sample!("evidence/pupil-list.csv"),
    sample!("evidence/safeguarding-export.csv"),
    sample!("evidence/staff-training.xlsx"),
    sample!("evidence/surveys.csv"),
    sample!("history/2023-11-20.json"),
    sample!("review.toml"),
    sample!("scores/dsl.xlsx"),
    sample!("scores/group.xlsx"),
    sample!("scores/link-governor.xlsx"),
    sample!("scores/online-safety-lead.xlsx"),
];

/// The folder the demo uses when none is named.
pub const DEFAULT_DIR: &str = "selfreview-demo";

/// Writes the sample review into `dir`, which must be empty or not exist yet.
pub fn write_samples(dir: &Path) -> Result<Vec<PathBuf>> {
    if let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(Error::DemoFolderNotEmpty {
            dir: dir.to_path_buf(),
        });
    }
    let mut written = Vec::new();
    for s in SAMPLES {
        let path = dir.join(s.path);
        write_atomic(&path, s.bytes)?;
        written.push(path);
    }
    for folder in ["out", "history"] {
        std::fs::create_dir_all(dir.join(folder)).map_err(|source| Error::Write {
            path: dir.join(folder),
            source,
        })?;
    }
    Ok(written)
}

/// One stage of the demo, done: handed to the caller as soon as it is, so that a long run
/// shows its progress.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// The sample review was written: every file.
    Samples(&'a [PathBuf]),
    /// Scoring workbooks for the reviewers: the filled-in ones kept, blank ones made.
    Workbooks(&'a [workbook::Written]),
    /// The evidence spreadsheets imported.
    Import(&'a [SourceReport]),
    /// The review scored, and the snapshot saved in history/.
    Score {
        /// The scored review.
        reviewed: &'a Reviewed,
        /// The snapshot.
        snapshot: &'a Path,
    },
    /// The reports written.
    Report(&'a [PathBuf]),
    /// The evidence pack written, or refused.
    Pack(&'a pack::PackOutcome),
    /// The pack checked against its manifest.
    Verify(&'a pack::Verified),
}

/// Everything the demo did.
#[derive(Debug)]
pub struct Demo {
    /// The sample files written.
    pub samples: Vec<PathBuf>,
    /// The scoring workbooks, kept or made.
    pub workbooks: Vec<workbook::Written>,
    /// What each evidence spreadsheet held.
    pub sources: Vec<SourceReport>,
    /// The scored review.
    pub reviewed: Reviewed,
    /// The snapshot saved in history/.
    pub snapshot: PathBuf,
    /// The reports written, report.html first.
    pub reports: Vec<PathBuf>,
    /// The evidence pack written, or refused.
    pub pack: pack::PackOutcome,
    /// The pack checked against its manifest; `None` when it was refused.
    pub verified: Option<pack::Verified>,
}

impl Demo {
    /// Whether the demo ran to the end with an intact pack: anything else is a bug in the
    /// samples.
    pub fn succeeded(&self) -> bool {
        self.verified
            .as_ref()
            .is_some_and(|v| v.findings.is_empty())
    }

    /// The pack written, if it was.
    pub fn pack_path(&self) -> Option<&Path> {
        match &self.pack {
            pack::PackOutcome::Written { path, .. } => Some(path),
            pack::PackOutcome::Refused(_) => None,
        }
    }
}

/// Writes the sample review into `dir` (empty or new) and runs workbook, import, score,
/// report, pack and verify on it, as of `today` where the review sets no date. Each stage
/// is handed to `progress` once done; a refused pack is not verified.
pub fn run(dir: &Path, today: NaiveDate, mut progress: impl FnMut(Step<'_>)) -> Result<Demo> {
    let samples = write_samples(dir)?;
    progress(Step::Samples(&samples));
    let opened = review::open(dir)?;
    let settings = &opened.review;
    let workbooks = workbook::write_all(
        &opened.framework.framework,
        &Request {
            dir: &review::Paths::new(dir).scores(),
            school: &settings.school,
            reviewers: &settings.reviewers,
            group: false,
            force: false,
            as_of: settings.review_date.unwrap_or(today),
        },
    )?;
    progress(Step::Workbooks(&workbooks));
    let (_, sources) = import::import_review(
        &settings.evidence,
        dir,
        Some(settings.review_date.unwrap_or(today)),
    )?;
    progress(Step::Import(&sources));

    let reviewed = pipeline::run(dir, today)?;
    let snapshot = reviewed.save_snapshot()?;
    progress(Step::Score {
        reviewed: &reviewed,
        snapshot: &snapshot,
    });
    let templates = dir.join("templates");
    let templates = templates.is_dir().then_some(templates.as_path());
    let previous = report::previous_snapshot(
        &reviewed.paths.history(),
        reviewed.scored.review_date,
        &reviewed.scored.framework,
        &reviewed.paths.root,
    );
    let rendered = report::render(&reviewed, previous.as_ref(), templates)?;
    let reports = report::write(&rendered, &reviewed.paths, &reviewed.evidence.private)?;
    progress(Step::Report(&reports));

    let outcome = pack::pack(&reviewed, None, templates)?;
    progress(Step::Pack(&outcome));
    let verified = match &outcome {
        pack::PackOutcome::Written {
            path, fingerprint, ..
        } => {
            // As an assessor would: with the fingerprint the school sends separately.
            let sent = pack::Fingerprint::from_sha256(fingerprint);
            let verified = pack::verify(path, Some(&sent))?;
            progress(Step::Verify(&verified));
            Some(verified)
        }
        pack::PackOutcome::Refused(_) => None,
    };
    Ok(Demo {
        samples,
        workbooks,
        sources,
        reviewed,
        snapshot,
        reports,
        pack: outcome,
        verified,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_review_is_valid_and_writes_into_an_empty_folder_only() {
        let review = SAMPLES
            .iter()
            .find(|s| s.path == "review.toml")
            .expect("embedded");
        let text = std::str::from_utf8(review.bytes).expect("utf-8");
        let (parsed, diags) = crate::review::check(text, Path::new("review.toml"));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(parsed.expect("valid").reviewers.len(), 4);
        let dir = tempfile::tempdir().expect("temporary folder");
        let target = dir.path().join("demo");
        assert_eq!(write_samples(&target).expect("writes").len(), SAMPLES.len());
        assert!(
            write_samples(&target).is_err(),
            "a second demo into the same folder is refused"
        );
    }

    #[test]
    fn the_demo_reports_every_stage_in_order_and_ends_with_an_intact_pack() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let target = dir.path().join("demo");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
        let mut stages = Vec::new();
        let demo = run(&target, today, |step| {
            stages.push(match step {
                Step::Samples(_) => "samples",
                Step::Workbooks(_) => "workbooks",
                Step::Import(_) => "import",
                Step::Score { .. } => "score",
                Step::Report(_) => "report",
                Step::Pack(_) => "pack",
                Step::Verify(_) => "verify",
            });
        })
        .expect("the demo runs");
        assert_eq!(
            stages,
            [
                "samples",
                "workbooks",
                "import",
                "score",
                "report",
                "pack",
                "verify"
            ]
        );
        assert!(demo.succeeded(), "{:?}", demo.verified);
        assert_eq!(demo.samples.len(), SAMPLES.len());
        assert!(demo.pack_path().is_some_and(Path::is_file));
        assert!(demo.snapshot.ends_with("history/2026-11-01.json"));
        assert_eq!(demo.reports.len(), 5);
        assert!(
            demo.reviewed
                .scored
                .aspects
                .iter()
                .all(|a| a.agreed_commentary.is_some()),
            "the sample group agreed every commentary"
        );
        assert!(demo.reviewed.renewal.is_some());
    }

    /// How each sheet of a workbook prints: its manual page breaks (the rows they follow)
    /// and the page set-up a program keeps when it saves the workbook again.
    fn print_layout(bytes: &[u8]) -> Vec<(Vec<String>, Vec<String>)> {
        use quick_xml::events::Event;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a workbook");
        let mut sheets: Vec<String> = zip
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.to_string()))
            .filter(|n| n.starts_with("xl/worksheets/sheet"))
            .collect();
        sheets.sort_by_key(|n| (n.len(), n.clone()));
        let kept = [
            "orientation",
            "scale",
            "fitToHeight",
            "fitToWidth",
            "fitToPage",
        ];
        let mut out = Vec::new();
        for name in sheets {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(&name).expect("listed"), &mut xml)
                .expect("the sheet reads");
            let (mut breaks, mut setup) = (Vec::new(), Vec::new());
            let mut in_rows = false;
            let mut reader = quick_xml::Reader::from_str(&xml);
            loop {
                match reader.read_event().expect("the sheet parses") {
                    Event::Start(e) | Event::Empty(e) => {
                        let tag = e.name().0.to_string();
                        in_rows |= tag == "rowBreaks";
                        for a in e.attributes().flatten() {
                            let (key, value) = (a.key.0.to_string(), a.value.to_string());
                            if tag == "brk" && in_rows && key == "id" {
                                breaks.push(value);
                            } else if (tag == "pageSetup" || tag == "pageSetUpPr")
                                && kept.contains(&key.as_str())
                            {
                                setup.push(format!("{key}={value}"));
                            }
                        }
                    }
                    Event::End(e) if e.name().0 == "rowBreaks" => in_rows = false,
                    Event::Eof => break,
                    _ => {}
                }
            }
            setup.sort();
            out.push((breaks, setup));
        }
        out
    }

    /// The sample workbooks were made by the workbook writer and filled in by a script
    /// (samples/make.py): each must still print as the writer lays it out now, its page
    /// breaks and page set-up the same, so that the demo shows what a school gets. Make
    /// them again with that script when the writer's layout changes.
    #[test]
    fn the_sample_workbooks_print_as_the_writer_lays_them_out_now() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let (members_dir, group_dir) = (dir.path().join("members"), dir.path().join("group"));
        let fw = crate::framework::load_embedded("online-safety-21").expect("shipped");
        let members = ["Online Safety Lead", "DSL", "Link Governor"].map(String::from);
        let books: Vec<&Sample> = SAMPLES
            .iter()
            .filter(|s| s.path.starts_with("scores/"))
            .collect();
        std::fs::create_dir_all(&group_dir).expect("made");
        for s in books.iter().filter(|s| s.path != "scores/group.xlsx") {
            let file = s.path.trim_start_matches("scores/");
            std::fs::write(group_dir.join(file), s.bytes).expect("written");
        }
        for (at, group) in [(&members_dir, false), (&group_dir, true)] {
            let request = Request {
                dir: at,
                school: "Oakfield Primary School",
                reviewers: &members,
                group,
                force: false,
                as_of: NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"),
            };
            workbook::write_all(&fw.framework, &request).expect("written");
        }
        for s in &books {
            let file = s.path.trim_start_matches("scores/");
            let at = if file == "group.xlsx" {
                &group_dir
            } else {
                &members_dir
            };
            let now = std::fs::read(at.join(file)).expect("the writer made it");
            assert_eq!(
                print_layout(s.bytes),
                print_layout(&now),
                "samples/{} prints otherwise than the writer lays it out now: run samples/make.py",
                s.path
            );
        }
    }
}
