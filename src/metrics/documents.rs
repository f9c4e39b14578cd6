//! Whether the school's key documents are current: each document of the policy register
//! with its review dates judged as of the review date, what falls due in the next 90 days,
//! and the findings for a review that is overdue.
//!
//! Two things make a document out of date. Its register may say its next review is due on
//! a day already past; or its last review may be older than the framework's checks allow
//! for its topic (the online safety policy reviewed in the last 12 months, say). That
//! interval is read from the framework's `documents.reviewed` checks at the benchmark
//! ([`review_months`]), so the freshness the report shows and the check that judges a
//! claim agree.

use std::collections::BTreeMap;

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

use crate::diag::Location;
use crate::evidence::import::Evidence;
use crate::evidence::registers::{DateCells, Document};
use crate::framework::{Framework, Metric, Param, Topic};

/// How far ahead the report looks for reviews falling due.
pub const DUE_SOON_DAYS: u64 = 90;

/// The longest time since its last review each topic's documents may go, in months.
pub type ReviewMonths = BTreeMap<Topic, u32>;

/// The intervals the framework's `documents.reviewed` checks ask at each aspect's
/// benchmark: for each topic, the shortest.
pub fn review_months(fw: &Framework) -> ReviewMonths {
    let mut out = ReviewMonths::new();
    for (_, _, a) in fw.aspects() {
        for c in a
            .checks
            .iter()
            .filter(|c| c.metric == Metric::DocumentsReviewed && c.supports_level >= a.benchmark)
        {
            let topic = c.params.text(Param::Document).and_then(Topic::from_name);
            if let (Some(topic), Some(months)) = (topic, c.params.months()) {
                let entry = out.entry(topic).or_insert(months);
                *entry = (*entry).min(months);
            }
        }
    }
    out
}

/// Where a document stands as of the review date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Reviewed, and nothing falls due in the next 90 days.
    Current,
    /// A review falls due in the next 90 days.
    DueSoon,
    /// The next review date the register gives is past.
    Overdue,
    /// The last review is older than the framework allows for its topic.
    Stale,
    /// No last review date that can be used is recorded (a next review to come may be):
    /// the document cannot be shown to be current.
    Undated,
    /// Another row of the register is the same document reviewed since (last year's
    /// "E-Safety Policy 2024" beside this year's "E-Safety Policy 2025").
    Replaced,
}

/// One document as the report shows it. Every output (the findings, `import`, the
/// reports, the pack's documents.csv, `--json`) reads these fields, so that none can give
/// a document another due date or standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentStatus {
    /// The name as written (names of children withheld).
    pub name: String,
    /// What it is about.
    pub topics: Vec<Topic>,
    /// Its owner as written.
    pub owner: String,
    /// Who approved it.
    pub approved_by: String,
    /// When it was last reviewed; `None` when the register gives no date, or one after
    /// the review date (`reviewed_after`).
    pub last_reviewed: Option<NaiveDate>,
    /// A last review the register dates after the review date (a slip in the year, most
    /// often): not used as a last review, by the checks or anywhere else.
    pub reviewed_after: Option<NaiveDate>,
    /// A next review the register dates before the document's own last review.
    pub next_before_last: bool,
    /// When the next review is due: the register's own date where it gives one; else the
    /// last review plus the framework's interval for its topic (`due_computed`).
    pub due: Option<NaiveDate>,
    /// Whether `due` was worked out from the last review, the register giving no date.
    pub due_computed: bool,
    /// How often the register says the document is reviewed, in months, where it gives
    /// that instead of a next review date: `due` is then that long after the last review.
    pub every_months: Option<u32>,
    /// Where it stands: the more pressing of its standings, when it has two.
    pub standing: Standing,
    /// The register's next review date is past.
    pub overdue: bool,
    /// The last review is older than the framework allows for its topic: the months it
    /// allows.
    pub stale_after_months: Option<u32>,
    /// Where the register lists it, for findings.
    #[serde(skip)]
    pub place: Option<Location>,
    /// The cells of its review dates, for findings about them.
    #[serde(skip)]
    pub cells: DateCells,
}

impl DocumentStatus {
    /// Whether it is out of date: overdue, or not reviewed in time, or both.
    pub fn late(&self) -> bool {
        self.overdue || self.stale_after_months.is_some()
    }

    /// The review dates the register types that give no day, in words, each with its
    /// column and cell: "the last review, `31/02/2026`, is not a real date (“Last
    /// reviewed”, row 2, column B)"; `None` when every date typed was read.
    pub fn unread(&self) -> Option<String> {
        let said: Vec<String> = self
            .cells
            .unread
            .iter()
            .map(|(c, why)| {
                let what = if Some(c) == self.cells.next_due.as_ref() {
                    "next review"
                } else {
                    "last review"
                };
                let cell =
                    c.at.cell
                        .clone()
                        .unwrap_or_else(|| format!("column {}", c.letters));
                format!("its {what}: {why} (“{}”, {cell})", c.heading)
            })
            .collect();
        (!said.is_empty()).then(|| said.join("; "))
    }

    /// What is wrong with its review dates, in words, as the `document-review-dates-wrong`
    /// warnings say it: a date that gives no day, a last review after the review date, a
    /// next review before the last.
    pub fn dates_wrong(&self, as_of: NaiveDate) -> Option<String> {
        let uk = crate::dates::uk;
        if let Some(unread) = self.unread().filter(|_| self.standing == Standing::Undated) {
            return Some(unread);
        }
        if let Some(ahead) = self.reviewed_after {
            return Some(format!(
                "its last review, {}, is after the review date of {}, so it is not taken as a last review",
                uk(ahead),
                uk(as_of)
            ));
        }
        let last = self.last_reviewed.filter(|_| self.next_before_last)?;
        Some(format!(
            "its next review, {}, is dated before its last review, {}, so one of the two dates is wrong",
            self.due.map(uk).unwrap_or_default(),
            uk(last)
        ))
    }
}

/// The policy register, judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSummary {
    /// Every document, in the register's order.
    pub documents: Vec<DocumentStatus>,
    /// The topics the framework's checks ask about that no document covers.
    pub topics_missing: Vec<Topic>,
    /// The topics the framework's checks ask about that only a document not in force (a
    /// draft, one withdrawn) covers: the register lists it, but it backs no check.
    pub topics_not_in_force: Vec<Topic>,
}

impl DocumentSummary {
    /// The documents whose review falls due in the next 90 days, soonest first.
    pub fn due_soon(&self) -> Vec<&DocumentStatus> {
        let mut due: Vec<&DocumentStatus> = self
            .documents
            .iter()
            .filter(|d| d.standing == Standing::DueSoon)
            .collect();
        due.sort_by_key(|d| d.due);
        due
    }

    /// How many documents stand so. A document both overdue and not reviewed in time
    /// counts under each.
    pub fn count(&self, standing: Standing) -> usize {
        self.documents
            .iter()
            .filter(|d| match standing {
                Standing::Overdue => d.overdue,
                Standing::Stale => d.stale_after_months.is_some(),
                other => d.standing == other,
            })
            .count()
    }

    /// How many documents are out of date, each counted once.
    pub fn late(&self) -> usize {
        self.documents.iter().filter(|d| d.late()).count()
    }
}

/// The framework's interval for a document's topics: the shortest, in months.
fn interval(d: &Document, months: &ReviewMonths) -> Option<u32> {
    d.topics.iter().filter_map(|t| months.get(t)).min().copied()
}

/// The day a review on `last` falls due again, `months` later.
pub fn review_due(last: NaiveDate, months: u32) -> Option<NaiveDate> {
    last.checked_add_months(Months::new(months))
}

/// The one rule for whether a review still stands, used by the registers, the reports, the
/// pack and the checks alike: a review on `last`, repeated every `months`, stands from that
/// day up to and including the day it falls due again. A policy reviewed exactly a year
/// before the review date is still within the year and due that day; a day earlier, it is
/// too old. A review dated after `as_of` does not stand (it has not happened yet).
pub fn review_stands(last: NaiveDate, months: u32, as_of: NaiveDate) -> bool {
    last <= as_of && review_due(last, months).is_none_or(|due| as_of <= due)
}

/// Where `d` stands as of `as_of` by its own dates. The register's next review date is the
/// due date when it gives one; the framework's interval after the last review only stands
/// in for it when it gives none, and still judges whether the last review is too old.
pub fn status(d: &Document, months: &ReviewMonths, as_of: NaiveDate) -> DocumentStatus {
    let reviewed_after = d.last_reviewed.filter(|r| *r > as_of);
    let next_before_last = d.next_due.zip(d.last_reviewed).is_some_and(|(n, l)| n < l);
    let d = &Document {
        last_reviewed: d.last_reviewed.filter(|r| *r <= as_of),
        ..d.clone()
    };
    let interval = interval(d, months);
    // A next review typed but not read leaves the review date not known: nothing is
    // worked out in its place.
    let next_unread = next_unread(d);
    let by_interval = interval
        .filter(|_| !next_unread)
        .and_then(|m| review_due(d.last_reviewed?, m));
    // The register's own word: its next review date, or how often it says the document
    // is reviewed ("Annually") after the last review.
    let by_register = register_due(d, d.last_reviewed).filter(|_| !next_unread);
    let due = by_register.or(by_interval);
    let soon = as_of
        .checked_add_days(Days::new(DUE_SOON_DAYS))
        .unwrap_or(as_of);
    let overdue = by_register.is_some_and(|n| n < as_of);
    // Overdue by a register date no later than the framework's allows says it all; a
    // register that allowed longer than the framework leaves the document late both ways.
    let stale_after_months = interval.filter(|&m| {
        d.last_reviewed
            .is_some_and(|last| last <= as_of && !review_stands(last, m, as_of))
            && !(overdue && by_register.is_some_and(|r| by_interval.is_some_and(|n| r <= n)))
    });
    let standing = if overdue {
        Standing::Overdue
    } else if stale_after_months.is_some() {
        Standing::Stale
    } else if next_unread || d.last_reviewed.is_none() && due.is_none_or(|n| n > soon) {
        // A next review still to come does not say when the document was last reviewed:
        // with no last review it cannot be shown to be current (one falling due soon is
        // listed as that, so the lead sees it coming).
        Standing::Undated
    } else if due.is_some_and(|n| n <= soon) {
        Standing::DueSoon
    } else {
        Standing::Current
    };
    DocumentStatus {
        name: d.name.clone(),
        topics: d.topics.clone(),
        owner: d.owner.clone(),
        approved_by: d.approved_by.clone(),
        last_reviewed: d.last_reviewed,
        reviewed_after,
        next_before_last,
        due,
        due_computed: d.next_due.is_none() && due.is_some(),
        every_months: d.every_months,
        standing,
        overdue,
        stale_after_months,
        place: d.place.clone(),
        cells: d.cells.clone(),
    }
}

/// Where `d` stands among the register's documents: replaced by a later review (and then
/// neither overdue nor late), or as its own dates say.
pub fn judged(
    latest: &Latest,
    d: &Document,
    months: &ReviewMonths,
    as_of: NaiveDate,
) -> DocumentStatus {
    let mut s = status(d, months, as_of);
    if latest.replaces(d) {
        s.standing = Standing::Replaced;
        s.overdue = false;
        s.stale_after_months = None;
    }
    s
}

/// The policy register judged as of `as_of`; `None` when no register was imported, or
/// when every register imported holds no records (the metrics then say "no records yet").
pub fn summary(e: &Evidence, months: &ReviewMonths, as_of: NaiveDate) -> Option<DocumentSummary> {
    if !e.holds_records(crate::evidence::Kind::Documents) || e.documents.is_empty() {
        return None;
    }
    let latest = Latest::of(e, as_of);
    let documents = e
        .documents
        .iter()
        .map(|d| judged(&latest, d, months, as_of))
        .collect();
    let not_in_force: Vec<Topic> = e
        .skips
        .iter()
        .filter(|s| s.kind == crate::evidence::Kind::Documents)
        .filter(|s| {
            s.reason
                .contains(crate::evidence::registers::BACKS_NO_CHECK)
        })
        .filter_map(|s| s.subject.as_deref())
        .flat_map(Topic::of)
        .collect();
    let (topics_not_in_force, topics_missing) = months
        .keys()
        .filter(|t| !e.documents.iter().any(|d| d.topics.contains(t)))
        .copied()
        .partition(|t| not_in_force.contains(t));
    Some(DocumentSummary {
        documents,
        topics_missing,
        topics_not_in_force,
    })
}

/// A number of months in words: "1 month", "12 months".
pub fn months_words(n: u32) -> String {
    crate::text::plural(n as usize, "month", "months")
}

/// Why a document whose last review falls within a check's window is still not current:
/// the register's own dates say its review is overdue, or cannot both be right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotCurrent {
    /// The register's next review (its date, or how often after the last review) was due
    /// on this day, before the review date.
    Overdue(NaiveDate),
    /// The register's next review is dated on this day, before the last review itself.
    NextBeforeLast(NaiveDate),
    /// The register's next review cell holds something that cannot be read as a date or
    /// as how often, so when the review falls due is not known.
    NextUnread,
}

/// Whether the register's next review cell for `d` holds something that is neither a date
/// nor how often ("TBC", "10/31/2026"), as import found it.
fn next_unread(d: &Document) -> bool {
    d.unread
        .iter()
        .any(|(f, _)| *f == crate::evidence::Field::DocumentNextDue)
}

/// Whether the register's own dates keep `d` from counting as current as of `as_of`, as
/// [`status`] judges them: a next review dated before the last review, or a next review
/// (the register's date, or how often after the last review) already past. A last review
/// after `as_of` is not a last review, as everywhere else.
pub fn not_current(d: &Document, as_of: NaiveDate) -> Option<NotCurrent> {
    let last = d.last_reviewed.filter(|r| *r <= as_of);
    if next_unread(d) {
        return Some(NotCurrent::NextUnread);
    }
    if let Some(next) = d.next_due.filter(|n| last.is_some_and(|l| *n < l)) {
        return Some(NotCurrent::NextBeforeLast(next));
    }
    let due = register_due(d, last)?;
    (due < as_of).then_some(NotCurrent::Overdue(due))
}

/// When the register says `d` is next due: its next review date, or how often it says the
/// document is reviewed after the `last` review, the sooner when it gives both.
fn register_due(d: &Document, last: Option<NaiveDate>) -> Option<NaiveDate> {
    let by_frequency = last.zip(d.every_months).and_then(|(l, m)| review_due(l, m));
    match (d.next_due, by_frequency) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

mod latest;
pub use latest::Latest;
mod reviewed;
pub use reviewed::reviewed;

mod findings;
pub use findings::findings;

#[cfg(test)]
mod tests;
