//! Checking claimed levels against the school's own records.
//!
//! A framework check says that a claimed level of N or better needs a metric to meet a
//! threshold. Every check the claimed level calls for is run against the imported evidence.
//! The **evidenced level** is the best level, from the claim down, whose checks all pass; a
//! check that cannot be evaluated for want of records ("evidence needed") only counts
//! against a level when the framework marks it `required`. When the group records in its
//! workbook why the records differ from its claim, checks not met stop counting against
//! the claim (the assessor reads the explanation); missing required records still do,
//! because no explanation replaces importing them. An explanation must say something: one
//! shorter than a quarter of `min-commentary-words` (and never fewer than
//! [`MIN_EXPLANATION_WORDS`] words) is taken as blank, so "x" or "-" lets nothing stand.

use chrono::NaiveDate;
use serde::Serialize;

use super::{AspectScore, Reason, Shortfall, ThinExplanation};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::evidence::import::Evidence;
use crate::framework::{Aspect, Check, LOWEST_LEVEL, Metric, Threshold};
use crate::metrics::measure;
use crate::metrics::terms::Terms;
use crate::rounding::{down2, up2};
use crate::workbook::Filled;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    /// The evidence meets the threshold.
    Met,
    /// The evidence does not meet the threshold.
    NotMet,
    /// The records the check needs were not imported, or hold nothing to measure.
    EvidenceNeeded,
}

/// One evidence check run against the school's records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    /// The metric.
    pub metric: Metric,
    /// The rule as the framework states it, for readers who know the metric names.
    pub rule: String,
    /// The bound.
    pub threshold: Threshold,
    /// The level the check is needed for (this level or better).
    pub supports_level: u8,
    /// Whether missing records for this check hold back readiness.
    pub required: bool,
    /// The metric's value, when it could be computed.
    pub value: Option<f64>,
    /// What the records show, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// What the level needs, in words: "level 2 needs 9 in 10 staff trained in the last year".
    pub needs: String,
    /// Met, not met, or evidence needed.
    pub status: CheckStatus,
    /// Why the evidence is needed, or the framework's note on a failed check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The records the check needs were listed and could not be read.
    #[serde(skip)]
    pub unreadable: bool,
}

impl CheckResult {
    /// Whether the check lets a level stand; `explained` when the group has recorded why
    /// the records differ from its claim.
    fn lets_stand(&self, explained: bool) -> bool {
        match self.status {
            CheckStatus::Met => true,
            CheckStatus::NotMet => explained,
            CheckStatus::EvidenceNeeded => !self.required,
        }
    }
}

/// Runs the checks of `aspect` that a claimed level calls for.
pub fn run(
    aspect: &Aspect,
    claimed: Option<u8>,
    evidence: &Evidence,
    (as_of, terms): (NaiveDate, &Terms),
) -> Vec<CheckResult> {
    let Some(level) = claimed else {
        return Vec::new();
    };
    aspect
        .checks
        .iter()
        .filter(|c| level <= c.supports_level)
        .map(|c| {
            let measured = measure::measure(c, evidence, as_of, terms);
            let unreadable = matches!(measured, Err(measure::Unmeasured::Unreadable { .. }));
            // No register of the kind listed at all: fail closed, as a required check does.
            let not_listed = matches!(&measured, Err(why) if why.not_listed());
            let (value, fact, status, detail) = match measured {
                Ok(m) if c.passes(m.value) => (Some(m.value), Some(m.fact), CheckStatus::Met, None),
                Ok(m) => (
                    Some(m.value),
                    Some(m.fact),
                    CheckStatus::NotMet,
                    c.note.clone(),
                ),
                // The records were there and every row was skipped: nothing valid.
                Err(why) if why.not_met() => (
                    None,
                    Some(why.to_string()),
                    CheckStatus::NotMet,
                    c.note.clone(),
                ),
                Err(why) => (
                    None,
                    None,
                    CheckStatus::EvidenceNeeded,
                    Some(why.to_string()),
                ),
            };
            let at = if c.supports_level == level {
                format!("level {level}")
            } else {
                format!("level {} or better", c.supports_level)
            };
            CheckResult {
                metric: c.metric,
                rule: c.describe(),
                threshold: c.threshold,
                supports_level: c.supports_level,
                required: c.required || not_listed,
                value: value.map(|v| shown(c, v)),
                fact,
                needs: format!("{at} needs {}", measure::expectation(c)),
                status,
                detail,
                unreadable,
            }
        })
        .collect()
}

/// A check's value as its JSON shows it: to two decimals, rounded away from passing, so the
/// figure shown never reads as meeting a threshold the exact value misses (an exact value of
/// 0.8995 against "at least 0.9" shows 0.89, not 0.9).
fn shown(c: &Check, value: f64) -> f64 {
    match c.threshold {
        Threshold::AtLeast(_) => down2(value),
        Threshold::AtMost(_) => up2(value),
    }
}

/// The best level, from `claimed` down to the lowest, that the check results let stand.
pub fn evidenced(claimed: Option<u8>, results: &[CheckResult], explained: bool) -> Option<u8> {
    let claimed = claimed?;
    let level = (claimed..LOWEST_LEVEL)
        .find(|&n| {
            results
                .iter()
                .filter(|r| n <= r.supports_level)
                .all(|r| r.lets_stand(explained))
        })
        .unwrap_or(LOWEST_LEVEL);
    Some(level)
}

/// The fewest words an explanation of why the records differ may have.
pub const MIN_EXPLANATION_WORDS: usize = 8;

/// The words an explanation needs: a quarter of the commentary's minimum, at least
/// [`MIN_EXPLANATION_WORDS`].
pub fn explanation_words(min_commentary_words: u32) -> usize {
    (min_commentary_words as usize / 4).max(MIN_EXPLANATION_WORDS)
}

/// Sets aside an explanation too short to let a claim stand, where a check is not met.
pub fn weigh_explanation(a: &mut AspectScore, results: &[CheckResult], min_commentary_words: u32) {
    let needed = explanation_words(min_commentary_words);
    let words = a
        .records_differ
        .as_deref()
        .map_or(0, super::judge::different_words);
    let matters = results.iter().any(|r| r.status == CheckStatus::NotMet);
    if a.records_differ.is_some() && words < needed && matters {
        a.records_differ = None;
        a.explanations.clear();
        a.thin_explanation = Some(ThinExplanation { words, needed });
    }
}

/// Whether the records were checked at all: a check ran, or a required one lacked its
/// records (which counts against the claim).
pub fn checked(results: &[CheckResult]) -> bool {
    results
        .iter()
        .any(|r| r.status != CheckStatus::EvidenceNeeded || r.required)
}

/// One finding per aspect whose records differ from its claim or lack what a check needs,
/// in plain words: "Staff (B2.1): 8 of 16 staff trained in the last two years (50%); level
/// 2 needs 9 in 10 staff trained in the last two years. The records support level 3."
pub fn findings(aspects: &[AspectScore]) -> Vec<Reason> {
    aspects.iter().filter_map(finding).collect()
}

fn finding(a: &AspectScore) -> Option<Reason> {
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    let mut kinds = Vec::new();
    for r in &a.evidence_checks {
        let fact = match r.status {
            CheckStatus::Met => continue,
            CheckStatus::NotMet => {
                push_kind(&mut kinds, Shortfall::EvidenceDoesNotSupportLevel);
                r.fact.clone().unwrap_or_default()
            }
            CheckStatus::EvidenceNeeded => {
                push_kind(&mut kinds, Shortfall::EvidenceNeeded);
                let why = r.detail.clone().unwrap_or_default();
                format!("evidence needed: {why}")
            }
        };
        // Several levels' checks often rest on one fact: say the fact once.
        match parts.iter_mut().find(|(f, _)| *f == fact) {
            Some((_, needs)) if needs.contains(&r.needs) => {}
            Some((_, needs)) => needs.push(r.needs.clone()),
            None => parts.push((fact, vec![r.needs.clone()])),
        }
    }
    if parts.is_empty() {
        return None;
    }
    let mut message = format!("{} ({}): {}.", a.name, a.code, said_once(&parts));
    match (a.agreed, a.evidenced, &a.records_differ) {
        (Some(c), Some(e), None) if e > c => message.push_str(&verdict(a, c, e)),
        (_, _, Some(why)) => {
            message.push_str(&format!(" The group records why the records differ: {why}"));
        }
        _ => {}
    }
    if let Some(thin) = a.thin_explanation {
        push_kind(&mut kinds, Shortfall::ExplanationTooShort);
        let plural = if thin.words == 1 { "" } else { "s" };
        message.push_str(&format!(
            " Why the records differ holds {} word{plural}, too few to let the claim stand (an explanation needs at least {}), so it is taken as blank.",
            thin.words, thin.needed
        ));
    }
    Some(Reason {
        aspect: a.code.clone(),
        kinds,
        message,
    })
}

/// The facts and what each check needs, each fact said once and a document named once:
/// two facts about one document ("the policy (“…”) was last reviewed on 01/04/2025,
/// within the last two years, but …" and "… 01/04/2025, not within the last year") share
/// their start, and the second goes on from it.
fn said_once(parts: &[(String, Vec<String>)]) -> String {
    let mut out = String::new();
    let mut shared: Option<&str> = None;
    for (i, (fact, needs)) in parts.iter().enumerate() {
        let needs = needs.join(" and ");
        let prefix = |others: &[(String, Vec<String>)]| {
            others
                .iter()
                .filter_map(|(other, _)| common_clause(fact, other))
                .max_by_key(|p| p.len())
        };
        let (joiner, text) = match (shared, prefix(&parts[i + 1..])) {
            (Some(p), _) if fact.starts_with(p) => {
                (", ", format!("and {} ({needs})", &fact[p.len()..]))
            }
            (_, Some(p)) => {
                shared = Some(p);
                ("; ", format!("{fact} ({needs})"))
            }
            _ => {
                shared = None;
                ("; ", format!("{fact}; {needs}"))
            }
        };
        if !out.is_empty() {
            out.push_str(joiner);
        }
        out.push_str(&text);
    }
    out
}

/// The start two facts share, up to and with the ", " that ends a clause, when it is long
/// enough to name something (a document and a date).
fn common_clause<'a>(a: &'a str, b: &str) -> Option<&'a str> {
    let same = a
        .char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, x), _)| i + x.len_utf8());
    let end = a[..same].rfind(", ")? + 2;
    (end >= 30).then(|| &a[..end])
}

/// What the records say of a claim they hold back: the level they support, or, when every
/// check short of it wants records that could not be read, that they could not be read.
fn verdict(a: &AspectScore, claimed: u8, evidenced: u8) -> String {
    let short: Vec<&CheckResult> = a
        .evidence_checks
        .iter()
        .filter(|r| r.status != CheckStatus::Met)
        .collect();
    if !short.is_empty() && short.iter().all(|r| r.unreadable) {
        format!(
            " The records these checks need could not be read, so they say nothing of the level {claimed} claimed; until they can be read, the evidence shows no more than level {evidenced}."
        )
    } else {
        format!(" The records support level {evidenced}, not the level {claimed} claimed.")
    }
}

impl AspectScore {
    /// Why an unevidenced aspect has nothing behind it, in words: nothing cited, and the
    /// records that support it not imported, or imported and empty.
    pub fn nothing_behind(&self) -> String {
        match self.empty_records.as_slice() {
            [] => "none is cited, and none of the records that support it was imported".into(),
            [one] => format!("none is cited, and the {one} file holds no records"),
            [first @ .., last] => format!(
                "none is cited, and the {} and {last} files hold no records",
                first.join(", ")
            ),
        }
    }
}

/// The readiness reason of an aspect with nothing behind its level, where the framework
/// needs evidence behind it.
pub(super) fn unevidenced_reason(
    a: &AspectScore,
    kinds: &mut Vec<Shortfall>,
    said: &mut Vec<String>,
) {
    if a.unevidenced && a.evidence_required {
        kinds.push(Shortfall::Unevidenced);
        said.push(format!("no evidence behind it: {}", a.nothing_behind()));
    }
}

fn push_kind(kinds: &mut Vec<Shortfall>, kind: Shortfall) {
    if !kinds.contains(&kind) {
        kinds.push(kind);
    }
}

/// A warning for each aspect with a level and nothing behind it, at the cell where the
/// workbook that gave the level cites evidence.
pub(super) fn unevidenced_findings(
    aspects: &[AspectScore],
    used: &[&Filled],
    diags: &mut Diagnostics,
) {
    for a in aspects.iter().filter(|a| a.unevidenced) {
        let row = used.iter().find_map(|b| {
            b.rows
                .iter()
                .find(|r| r.code == a.code && r.has_entries())
                .map(|r| (b, r))
        });
        let at = match row {
            Some((b, r)) => Location {
                cell: r.evidence_cell.clone(),
                ..Location::file(&b.path)
            },
            None => Location::file(std::path::Path::new("scores")),
        };
        let blocks = if a.evidence_required {
            "; the framework needs evidence behind every aspect, so this holds back readiness"
        } else {
            ""
        };
        diags.push(
            Diagnostic::warning(
                Code::AspectUnevidenced,
                at,
                format!(
                    "{} ({}) is at level {} with no evidence behind it: {}{blocks}",
                    a.name,
                    a.code,
                    a.agreed.map_or_else(String::new, |l| l.to_string()),
                    a.nothing_behind()
                ),
            )
            .with_help("cite the documents that show it in the workbook's Evidence column, or import the records that support it"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_two_checks_are_about_is_named_once() {
        let policy =
            "the online safety policy (“Online Safety Policy”) was last reviewed on 01/04/2025, ";
        let parts = vec![
            (
                format!("{policy}within the last two years, but it is overdue"),
                vec!["level 3 or better needs it current".to_string()],
            ),
            (
                format!("{policy}not within the last year"),
                vec!["level 2 or better needs it reviewed".to_string()],
            ),
            (
                "no filtering check was recorded".to_string(),
                vec!["level 2 or better needs 3 checks".to_string()],
            ),
        ];
        let said = said_once(&parts);
        assert_eq!(said.matches("Online Safety Policy").count(), 1, "{said}");
        assert_eq!(said.matches("01/04/2025").count(), 1, "{said}");
        assert_eq!(
            said,
            format!(
                "{policy}within the last two years, but it is overdue (level 3 or better needs it current), and not within the last year (level 2 or better needs it reviewed); no filtering check was recorded; level 2 or better needs 3 checks"
            )
        );
        // Facts that share no clause are said as they were.
        let apart = vec![
            (
                "8 of 16 staff trained".to_string(),
                vec!["level 2 needs 9 in 10".to_string()],
            ),
            (
                "no meetings".to_string(),
                vec!["level 3 needs 3".to_string()],
            ),
        ];
        assert_eq!(
            said_once(&apart),
            "8 of 16 staff trained; level 2 needs 9 in 10; no meetings; level 3 needs 3"
        );
    }
}
