//! Carrying a review from one framework to a revised one (`selfreview migrate --to ID`).
//!
//! A school part-way through a review on England's 21 aspects should not have to start again
//! when the framework moves to 18. Migrating keeps every workbook exactly as it was, under
//! `scores/<old framework>/`, and writes in its place a workbook for the new framework
//! filled from it through the framework map ([`crate::framework::map`]): see [`carry`] for
//! what each aspect gets. review.toml then names the new framework, its notes kept, and a
//! summary of what happened to each aspect goes to `out/`.
//!
//! Everything is planned before anything is written: the workbooks are read (one that
//! cannot be read stops the migration with nothing written), the new workbooks rendered,
//! the summary checked for children's names. The writes then go in an order that a run
//! stopped at any point can be finished by running it again: every workbook is first kept
//! (each copy read back and checked byte for byte), then every new workbook is written to a
//! temporary file beside its final name, then they are all renamed in, then the summary,
//! and review.toml last. A run that finds review.toml already
//! naming the new framework does nothing.

pub mod carry;
mod settings;
mod sources;
mod summary;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::map::{self, Carry};
use crate::framework::{self, Framework};
use crate::fsutil::{copy_verified, stage, write_atomic};
use crate::review::{self, Paths};
use crate::workbook::write::render_from;
use carry::Carried;
pub use summary::text as summary_text;

/// What `migrate` did.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Migration {
    /// review.toml already names the framework asked for: nothing was changed.
    AlreadyThere {
        /// The framework.
        framework: String,
    },
    /// The review was carried across.
    Migrated(Box<Migrated>),
}

/// A review carried across.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Migrated {
    /// The school.
    pub school: String,
    /// The framework the review was scored against.
    pub from: String,
    /// The framework it now uses.
    pub to: String,
    /// The id of the framework map used.
    pub map: String,
    /// The map's title.
    pub map_title: String,
    /// Where the map was found: its file in the review folder, or that it is built in.
    pub map_source: String,
    /// Where the workbooks as they were are kept.
    pub kept: PathBuf,
    /// Whether an earlier run stopped part-way and this one finished it.
    pub resumed: bool,
    /// What happened to each aspect of the new framework.
    pub aspects: Vec<AspectChange>,
    /// Each workbook carried across.
    pub workbooks: Vec<WorkbookCarried>,
    /// Files in scores/ removed after being kept (a workbook saved as .ods is written anew as
    /// .xlsx).
    pub removed: Vec<PathBuf>,
    /// The summary file written.
    pub summary: PathBuf,
}

/// One aspect of the new framework and where it came from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct AspectChange {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// How it carried over.
    pub carry: Carry,
    /// The aspects it came from: code and name in the old framework.
    pub from: Vec<(String, String)>,
    /// The map's note on the change.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One workbook carried across.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct WorkbookCarried {
    /// Whose it is.
    pub reviewer: String,
    /// The copy kept as it was.
    pub kept: PathBuf,
    /// The workbook written for the new framework.
    pub written: PathBuf,
    /// Each aspect's carried level and flag (never the commentary).
    pub aspects: Vec<Carried>,
}

/// Carries the review at `root` to framework `to`; `today` is the date the review is
/// scored as of when review.toml sets none (to find the children's names to keep out of
/// the summary).
pub fn migrate(root: &Path, to: &str, today: NaiveDate) -> Result<Migration> {
    let opened = review::open(root)?;
    let old = &opened.framework.framework;
    let new = framework::resolve(to, root)?.framework;
    if old.id == new.id {
        return Ok(Migration::AlreadyThere { framework: new.id });
    }
    let map = map::find(&old.id, &new.id, root)?.ok_or_else(|| Error::NoMap {
        from: old.id.clone(),
        to: new.id.clone(),
    })?;
    let paths = Paths::new(root);
    let found = sources::find(&paths, old, &new)?;
    let mut kept: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut writes: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut workbooks = Vec::new();
    for source in &found.books {
        let (prefill, aspects) = carry::carry(&source.book, &map, old, &new);
        let as_of = opened.review.review_date.unwrap_or(today);
        let school = &opened.review.school;
        let bytes = render_from(&new, &source.book.kind, school, as_of, &prefill).map_err(|e| {
            Error::Spreadsheet {
                path: source.written.clone(),
                source: e,
            }
        })?;
        if let Some(original) = &source.original {
            kept.push((source.kept.clone(), original.clone()));
        }
        writes.push((source.written.clone(), bytes));
        workbooks.push(WorkbookCarried {
            reviewer: source.book.kind.reviewer().to_string(),
            kept: relative(root, &source.kept),
            written: relative(root, &source.written),
            aspects,
        });
    }
    let summary_path = paths.out().join(format!("migration-{}.txt", map.id));
    let migrated = Migrated {
        school: opened.review.school.clone(),
        from: old.id.clone(),
        to: new.id.clone(),
        map: map.id.clone(),
        map_title: map.title.clone(),
        map_source: map.source.clone(),
        kept: relative(root, &found.kept),
        resumed: found.resumed,
        aspects: changes(&map, old, &new),
        workbooks,
        removed: found.removed.iter().map(|p| relative(root, p)).collect(),
        summary: relative(root, &summary_path),
    };
    let summary = summary::text(&migrated);
    guard(root, today, &paths, &summary_path, summary.as_bytes())?;
    let review_file = paths.review_file();
    let settings = crate::fsutil::read_text(&review_file)?;
    let settings = settings::with_framework(&settings, &new.id, today, &review_file)?;
    for (path, bytes) in &kept {
        copy_verified(path, bytes)?;
    }
    let staged = writes
        .iter()
        .map(|(path, bytes)| stage(path, bytes))
        .collect::<Result<Vec<_>>>()?;
    for file in staged {
        file.commit()?;
    }
    for path in &found.removed {
        std::fs::remove_file(path).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
    }
    write_atomic(&summary_path, summary.as_bytes())?;
    write_atomic(&review_file, settings.as_bytes())?;
    Ok(Migration::Migrated(Box::new(migrated)))
}

/// Refuses the summary if it may not be written where it goes, or would hold a child's
/// name: it names aspects, reviewers and levels only, so this is the last check, and it
/// fails closed when the names could not all be read.
fn guard(root: &Path, today: NaiveDate, paths: &Paths, path: &Path, bytes: &[u8]) -> Result<()> {
    review::outputs::check_place(path, paths)?;
    let reviewed = crate::pipeline::run(root, today)?;
    reviewed.names_checked()?;
    let shown = path.to_string_lossy();
    if crate::privacy::read::bytes(&reviewed.evidence.private, bytes, &shown)
        == crate::privacy::Verdict::Name
    {
        return Err(Error::NameInOutput {
            path: path.to_path_buf(),
            place: None,
        });
    }
    Ok(())
}

/// What happens to each aspect of the new framework, in its order.
fn changes(map: &map::Map, old: &Framework, new: &Framework) -> Vec<AspectChange> {
    map.aspects
        .iter()
        .map(|e| AspectChange {
            code: e.code.clone(),
            name: new
                .aspect(&e.code)
                .map_or(String::new(), |(_, _, a)| a.name.clone()),
            carry: e.carry,
            from: e
                .from
                .iter()
                .map(|c| {
                    let name = old
                        .aspect(c)
                        .map_or(String::new(), |(_, _, a)| a.name.clone());
                    (c.clone(), name)
                })
                .collect(),
            note: e.note.clone(),
        })
        .collect()
}

/// `path` inside the review folder, as the school sees it.
fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
