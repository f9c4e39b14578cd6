//! Judging each aspect and the review as a whole against the framework.
//!
//! An aspect is complete with an agreed level and commentary long enough to count: with a
//! group workbook, its agreed commentary, which is what the assessor reads; otherwise any
//! reviewer's.
//! Commentary is sufficient when that agreed commentary (or, without a group workbook, the
//! longest entry) has at least `min-commentary-words` words; citing no evidence is
//! reported but does not by itself hold back readiness, since the commentary may describe
//! evidence the assessor will see on the visit. The review is ready to apply for the Mark
//! only when every aspect is at or better than its benchmark with sufficient commentary.

use serde::Serialize;

use super::{AgreedBy, AspectScore, Average, Commentary, Settings, commentary, consolidate};
use crate::framework::{Aspect, Element, Framework, Strand};
use crate::rounding::round2;
use crate::workbook::{Filled, ScoredBy};

mod agreement;
mod gathered;
pub use agreement::{NotAgreed, NotAgreedWhy};
use gathered::Gathered;

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
    /// `agree-again`: a framework change merged the aspect from aspects the group had not
    /// all agreed; no level is claimed until the group agrees one.
    AgreeAgain,
    /// `not-agreed`: the group workbook's Agreed level is blank though levels were given, or
    /// several reviewers gave levels and no group workbook records one they agreed.
    NotAgreed,
    /// `carried-not-checked`: a framework change carried the level over and the group has
    /// not yet checked it (its "Review after the change" cell is not empty).
    CarriedNotChecked,
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
    let explanations = rows.records_differ();
    let records_differ = (!explanations.is_empty()).then(|| {
        let texts: Vec<&str> = explanations.iter().map(|e| e.text.as_str()).collect();
        texts.join(" ")
    });
    let has_group = books
        .iter()
        .any(|b| matches!(b.kind, ScoredBy::Group { .. }));
    let rationale = rows.rationale.take();
    let planned = rows.planned.take().map(|(_, p)| p);
    let evidence: Vec<String> = std::mem::take(&mut rows.evidence).into_iter().collect();
    let group_notes = rows.group_notes;
    let group = (rows.group_agreed, rows.group_flag.take());
    let (reviewers, commentary) = rows.reviewers_and_commentary();
    let levels: Vec<u8> = reviewers.values().copied().collect();
    let (agreed, agreed_by, not_agreed) = agreement::agree(group, has_group, &levels, books.len());
    // While the "Review after the change" cell asks the group to check the aspect, what the
    // framework change carried into its Agreed commentary is not yet the group's for it.
    let flagged = agreed_by == Some(AgreedBy::Carried)
        || not_agreed
            .as_ref()
            .is_some_and(|n| n.why == NotAgreedWhy::AgreeAgain);
    let agreed_commentary = commentary::agreed(&commentary, has_group, books.len(), flagged);
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
    // Complete as what stands in the way says: a commentary too short to count leaves the
    // aspect incomplete.
    let complete = agreed.is_some()
        && !matches!(agreed_by, Some(AgreedBy::Carried | AgreedBy::Median))
        && !judged.is_empty()
        && matches!(
            commentary_check,
            CommentaryCheck::Ok | CommentaryCheck::NoEvidence
        );
    AspectScore {
        code: a.code.clone(),
        name: a.name.clone(),
        element: e.code.clone(),
        strand: s.code.clone(),
        benchmark: a.benchmark,
        agreed,
        agreed_by,
        not_agreed,
        rationale,
        spread,
        disagreement: spread.is_some_and(|d| d > 0),
        needs_discussion: spread.is_some_and(|d| d >= 2),
        evidenced: agreed,
        counted: agreed,
        records_differ,
        explanations,
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
    let Some(level) = a.agreed else {
        if let Some(n) = &a.not_agreed {
            let (kind, text) = agreement::reason(n);
            kinds.push(kind);
            said.push(text);
        } else {
            kinds.push(Shortfall::NotScored);
            said.push("no level has been given yet".to_string());
        }
        return;
    };
    match a.agreed_by {
        Some(AgreedBy::Carried) => {
            kinds.push(Shortfall::CarriedNotChecked);
            said.push(format!(
                "level {level} was carried over by the framework change and the group has not checked it yet: once it agrees the level, it empties the aspect's “Review after the change” cell"
            ));
        }
        // Several reviewers' workbooks and no group workbook: the middle of their levels is
        // a figure worked out, not a level anyone agreed, and the Mark asks for the group's.
        Some(AgreedBy::Median) => {
            kinds.push(Shortfall::NotAgreed);
            said.push(format!(
                "not agreed by the group: level {level} is only the middle of the levels the reviewers gave; the group writes the level it agrees in a group workbook's Agreed column"
            ));
        }
        _ => {}
    }
    if level > a.benchmark {
        kinds.push(Shortfall::BelowBenchmark);
        said.push(format!(
            "level {level} is below the benchmark of {}",
            a.benchmark
        ));
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
                .filter(|c| c.by != super::CommentaryBy::OnlyReviewer)
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
            .any(|a| a.agreed.is_some() || !a.reviewers.is_empty() || !a.commentary.is_empty()),
        elements_complete,
        progress: elements_complete >= 2,
        ready,
    }
}
