//! Judging each aspect and the review as a whole against the framework.
//!
//! An aspect is complete with an agreed level and commentary: with a group workbook, its
//! agreed commentary, which is what the assessor reads; otherwise any reviewer's.
//! Commentary is sufficient when that agreed commentary (or, without a group workbook, the
//! longest entry) has at least `min-commentary-words` words; citing no evidence is
//! reported but does not by itself hold back readiness, since the commentary may describe
//! evidence the assessor will see on the visit. The review is ready to apply for the Mark
//! only when every aspect is at or better than its benchmark with sufficient commentary.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{
    AgreedBy, AspectScore, Average, Commentary, Planned, Settings, commentary, consolidate,
};
use crate::framework::{Aspect, Element, Framework, Strand};
use crate::rounding::round2;
use crate::workbook::{Filled, Row, ScoredBy};

/// Whether an aspect's commentary is enough to show its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommentaryCheck {
    /// Long enough and cites evidence.
    Ok,
    /// No commentary at all.
    Missing,
    /// Shorter than the review's minimum.
    TooShort,
    /// Long enough, but names no evidence.
    NoEvidence,
}

/// Why the review is not yet ready to apply for the Mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The aspect concerned.
    pub aspect: String,
    /// One for each thing wrong with the aspect, in the order the message says them.
    pub kinds: Vec<Shortfall>,
    /// Everything wrong with the aspect, in sentences.
    pub message: String,
}

/// One thing that holds an aspect back; in JSON, a stable kebab-case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shortfall {
    /// `not-scored`: no level has been given.
    NotScored,
    /// `below-benchmark`: the agreed level is below the benchmark.
    BelowBenchmark,
    /// `evidence-does-not-support-level`: a check the claimed level calls for is not met.
    EvidenceDoesNotSupportLevel,
    /// `evidence-needed`: the records a check needs were not imported.
    EvidenceNeeded,
    /// `explanation-too-short`: why the records differ says too little to count.
    ExplanationTooShort,
    /// `no-commentary`: there is no commentary.
    NoCommentary,
    /// `commentary-too-short`: the commentary is shorter than the review's minimum.
    CommentaryTooShort,
    /// `unevidenced`: nothing stands behind the level, and the framework needs something.
    Unevidenced,
}

/// How far the review has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestones {
    /// Commitment: at least one aspect has been scored or commented on.
    pub started: bool,
    /// How many elements have every aspect complete.
    pub elements_complete: usize,
    /// Progress: at least two elements complete.
    pub progress: bool,
    /// Ready to apply for the Online Safety Mark.
    pub ready: bool,
}

/// Words of a text: dashes, bullets and other marks on their own do not count.
pub(super) fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Different words of two letters or more: what an explanation says, so that filler
/// ("x x x x", "TBC TBC TBC") says nothing.
pub(super) fn different_words(text: &str) -> usize {
    let mut seen: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    seen.sort();
    seen.dedup();
    seen.len()
}

/// One aspect's rows from every workbook, consolidated and judged.
pub fn aspect(
    e: &Element,
    s: &Strand,
    a: &Aspect,
    books: &[&Filled],
    settings: &Settings,
) -> AspectScore {
    let mut rows = Gathered::gather(&a.code, books);
    let records_differ = rows.records_differ();
    let rationale = rows.rationale.take();
    let planned = rows.planned.take().map(|(_, p)| p);
    let evidence: Vec<String> = std::mem::take(&mut rows.evidence).into_iter().collect();
    let group_agreed = rows.group_agreed;
    let group_notes = rows.group_notes;
    let has_group = books
        .iter()
        .any(|b| matches!(b.kind, ScoredBy::Group { .. }));
    let (reviewers, commentary) = rows.reviewers_and_commentary();
    let agreed_commentary = commentary::agreed(&commentary, has_group, books.len());
    let levels: Vec<u8> = reviewers.values().copied().collect();
    let (agreed, agreed_by) = agree(group_agreed, &levels);
    let spread = consolidate::spread(&levels);
    // With a group workbook, the agreed commentary is what the assessor reads, so it alone
    // is judged; otherwise the longest of the reviewers' commentaries.
    let judged: &[Commentary] = if has_group {
        commentary
            .get(..usize::from(agreed_commentary.is_some()))
            .unwrap_or_default()
    } else {
        &commentary
    };
    let commentary_check = commentary::check(judged, &evidence, settings);
    let complete = agreed.is_some() && !judged.is_empty();
    AspectScore {
        code: a.code.clone(),
        name: a.name.clone(),
        element: e.code.clone(),
        strand: s.code.clone(),
        benchmark: a.benchmark,
        agreed,
        agreed_by,
        rationale,
        spread,
        disagreement: spread.is_some_and(|d| d > 0),
        needs_discussion: spread.is_some_and(|d| d >= 2),
        evidenced: agreed,
        counted: agreed,
        records_differ,
        thin_explanation: None,
        gap_to_benchmark: agreed.map(|l| l as i8 - a.benchmark as i8),
        gap_to_aspirational: agreed.map(|l| l - 1),
        complete,
        reviewers,
        commentary,
        agreed_commentary,
        group_notes,
        evidence,
        commentary_check,
        planned,
        evidence_checks: Vec::new(),
        unevidenced: false,
        empty_records: Vec::new(),
        evidence_required: false,
    }
}

/// Everything the workbooks say about one aspect, before it is judged.
#[derive(Default)]
struct Gathered {
    /// Each reviewer's level from their own workbook.
    reviewers: BTreeMap<String, u8>,
    /// The members' levels in a group workbook.
    group_levels: Vec<(String, u8)>,
    group_agreed: Option<u8>,
    rationale: Option<String>,
    differ_group: Option<String>,
    /// Reviewers' explanations of why the records differ, with who wrote them.
    differ_reviewers: Vec<(String, String)>,
    group_commentary: Option<Commentary>,
    /// A group workbook's Commentary column holds its meeting's notes.
    group_notes: bool,
    commentary: Vec<Commentary>,
    evidence: BTreeSet<String>,
    /// The planned actions, and whether they are the group's.
    planned: Option<(bool, Planned)>,
}

impl Gathered {
    /// The aspect's row of every workbook that has one.
    fn gather(code: &str, books: &[&Filled]) -> Gathered {
        let mut gathered = Gathered::default();
        for book in books {
            if let Some(row) = book.rows.iter().find(|r| r.code == code) {
                gathered.add(book, row);
            }
        }
        gathered
    }

    fn add(&mut self, book: &Filled, row: &Row) {
        let is_group = matches!(book.kind, ScoredBy::Group { .. });
        for (name, level) in &row.levels {
            // A reviewer's own workbook says what they think; the member's column of a
            // group workbook fills in for reviewers without one.
            if is_group {
                self.group_levels.push((name.clone(), *level));
            } else {
                self.reviewers.insert(name.clone(), *level);
            }
        }
        self.evidence.extend(row.evidence.iter().cloned());
        // A group workbook's entry is its agreed commentary; one made before that column
        // existed had only Commentary, which stood for it.
        let own = match (&row.agreed_commentary, is_group) {
            (Some(agreed), true) => agreed,
            _ => &row.commentary,
        };
        let entry = (!own.is_empty()).then(|| Commentary {
            reviewer: book.kind.reviewer().to_string(),
            text: own.clone(),
            words: words(own),
        });
        let differ = (!row.records_differ.is_empty()).then(|| row.records_differ.clone());
        if is_group {
            self.group_notes |= row.agreed_commentary.is_some() && !row.commentary.is_empty();
            self.group_agreed = self.group_agreed.or(row.agreed);
            let rationale = (!row.rationale.is_empty()).then(|| row.rationale.clone());
            self.rationale = self.rationale.take().or(rationale);
            self.group_commentary = self.group_commentary.take().or(entry);
            self.differ_group = self.differ_group.take().or(differ);
        } else {
            self.commentary.extend(entry);
            if let Some(text) = differ {
                let who = book.kind.reviewer().to_string();
                self.differ_reviewers.push((who, text));
            }
        }
        if let Some(p) = planned_of(row) {
            // The group's plan wins; otherwise the first reviewer's, in file order.
            if self
                .planned
                .as_ref()
                .is_none_or(|(from_group, _)| is_group && !from_group)
            {
                self.planned = Some((is_group, p));
            }
        }
    }

    /// Why the records differ: the group's explanation wins; without a group workbook,
    /// the reviewers' in name order.
    fn records_differ(&self) -> Option<String> {
        let mut reviewers = self.differ_reviewers.clone();
        reviewers.sort();
        self.differ_group.clone().or_else(|| {
            (!reviewers.is_empty()).then(|| {
                let texts: Vec<String> = reviewers.into_iter().map(|(_, t)| t).collect();
                texts.join(" ")
            })
        })
    }

    /// Each reviewer's level, a group workbook's member columns filling in for reviewers
    /// without a workbook of their own; and the commentary, the group's first, then the
    /// reviewers' by name.
    fn reviewers_and_commentary(self) -> (BTreeMap<String, u8>, Vec<Commentary>) {
        let mut reviewers = self.reviewers;
        for (name, level) in self.group_levels {
            let folded = name.to_lowercase();
            if !reviewers.keys().any(|k| k.to_lowercase() == folded) {
                reviewers.insert(name, level);
            }
        }
        let mut commentary = self.commentary;
        commentary.sort_by(|x, y| x.reviewer.cmp(&y.reviewer));
        if let Some(g) = self.group_commentary {
            commentary.insert(0, g);
        }
        (reviewers, commentary)
    }
}

/// The agreed level and where it came from: the group's, else the reviewers' median.
fn agree(group_agreed: Option<u8>, levels: &[u8]) -> (Option<u8>, Option<AgreedBy>) {
    match group_agreed {
        Some(level) => (Some(level), Some(AgreedBy::Group)),
        None => {
            let m = consolidate::median_toward_weaker(levels);
            (m, m.map(|_| AgreedBy::Median))
        }
    }
}

fn planned_of(row: &Row) -> Option<Planned> {
    let any = !row.actions.is_empty() || !row.owner.is_empty() || row.target.is_some();
    any.then(|| Planned {
        actions: row.actions.clone(),
        owner: row.owner.clone(),
        target: row.target,
    })
}

/// Strand and element averages of the agreed levels.
pub fn averages(fw: &Framework, aspects: &[AspectScore]) -> (Vec<Average>, Vec<Average>) {
    let average = |code: &str, name: &str, pick: &dyn Fn(&AspectScore) -> bool| {
        let members: Vec<&AspectScore> = aspects.iter().filter(|a| pick(a)).collect();
        let levels: Vec<f64> = members
            .iter()
            .filter_map(|a| a.agreed)
            .map(f64::from)
            .collect();
        Average {
            code: code.to_string(),
            name: name.to_string(),
            average: (!levels.is_empty())
                .then(|| round2(levels.iter().sum::<f64>() / levels.len() as f64)),
            complete: !members.is_empty() && members.iter().all(|a| a.complete),
        }
    };
    let strands = fw
        .elements
        .iter()
        .flat_map(|e| &e.strands)
        .map(|s| average(&s.code, &s.name, &|a| a.strand == s.code))
        .collect();
    let elements = fw
        .elements
        .iter()
        .map(|e| average(&e.code, &e.name, &|a| a.element == e.code))
        .collect();
    (strands, elements)
}

/// The readiness verdict and, for each aspect holding it back, one reason saying everything
/// that stands in the way. `evidence` holds the evidence findings, one per aspect.
pub fn readiness(
    aspects: &[AspectScore],
    evidence: &[Reason],
    settings: &Settings,
) -> (bool, Vec<Reason>) {
    let mut reasons = Vec::new();
    for a in aspects {
        let mut kinds = Vec::new();
        let mut said = Vec::new();
        let (mut on_commentary, mut commentary_said) = (Vec::new(), Vec::new());
        level_reason(a, &mut kinds, &mut said);
        commentary_reason(a, settings, &mut on_commentary, &mut commentary_said);
        let finding = evidence.iter().find(|f| f.aspect == a.code);
        let blocks = a.agreed.is_some_and(|l| l <= a.benchmark)
            && a.counted.is_some_and(|l| l > a.benchmark);
        let listed = blocks || !kinds.is_empty() || !on_commentary.is_empty();
        if let Some(f) = finding.filter(|_| listed) {
            // The records' side is said here too, so the aspect is listed once.
            if blocks {
                kinds.extend(f.kinds.iter().copied());
            }
            let prefix = format!("{} ({}): ", a.name, a.code);
            let text = f.message.strip_prefix(&prefix).unwrap_or(&f.message);
            said.push(text.trim_end_matches('.').to_string());
        }
        kinds.extend(on_commentary);
        said.extend(commentary_said);
        super::checks::unevidenced_reason(a, &mut kinds, &mut said);
        if !kinds.is_empty() {
            reasons.push(Reason {
                aspect: a.code.clone(),
                kinds,
                message: format!("{} ({}): {}.", a.name, a.code, said.join("; ")),
            });
        }
    }
    (reasons.is_empty(), reasons)
}

fn level_reason(a: &AspectScore, kinds: &mut Vec<Shortfall>, said: &mut Vec<String>) {
    match a.agreed {
        None => {
            kinds.push(Shortfall::NotScored);
            said.push("no level has been given yet".to_string());
        }
        Some(level) if level > a.benchmark => {
            kinds.push(Shortfall::BelowBenchmark);
            said.push(format!(
                "level {level} is below the benchmark of {}",
                a.benchmark
            ));
        }
        Some(_) => {}
    }
}

fn commentary_reason(
    a: &AspectScore,
    settings: &Settings,
    kinds: &mut Vec<Shortfall>,
    said: &mut Vec<String>,
) {
    match a.commentary_check {
        // Reviewers wrote commentary, but with a group workbook only the agreed one counts.
        CommentaryCheck::Missing if !a.commentary.is_empty() || a.group_notes => {
            kinds.push(Shortfall::NoCommentary);
            said.push("the group workbook's Agreed commentary is blank; what members wrote elsewhere is not what the assessor reads".into());
        }
        CommentaryCheck::Missing => {
            kinds.push(Shortfall::NoCommentary);
            said.push("there is no commentary".into());
        }
        CommentaryCheck::TooShort => {
            let longest = a.commentary.iter().map(|c| c.words).max().unwrap_or(0);
            let n = a
                .agreed_commentary
                .as_ref()
                .filter(|c| c.by == super::CommentaryBy::Group)
                .map_or(longest, |c| c.words);
            kinds.push(Shortfall::CommentaryTooShort);
            let has = if n == 1 {
                "1 word".to_string()
            } else {
                format!("{n} words")
            };
            said.push(format!(
                "the commentary has {has}; at least {} are needed to show how the level is met",
                settings.min_commentary_words
            ));
        }
        CommentaryCheck::NoEvidence | CommentaryCheck::Ok => {}
    }
}

/// The milestones reached.
pub fn milestones(aspects: &[AspectScore], elements: &[Average], ready: bool) -> Milestones {
    let elements_complete = elements.iter().filter(|e| e.complete).count();
    Milestones {
        started: aspects
            .iter()
            .any(|a| a.agreed.is_some() || !a.commentary.is_empty()),
        elements_complete,
        progress: elements_complete >= 2,
        ready,
    }
}
