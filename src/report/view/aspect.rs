//! The view of one aspect in full: its level and statement, claimed and evidenced, the
//! commentary, the evidence cited and the evidence checks in plain words.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Named, Said, excerpted, named, said};
use crate::framework::Framework;
use crate::report::Reviewers;
use crate::score::{
    AspectScore, CheckResult, CheckStatus, CommentaryCheck, Explanation, NotAgreedWhy,
};

#[derive(Debug, Serialize)]
pub(super) struct EvidenceLink {
    name: String,
    href: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct CheckView {
    needs: String,
    fact: String,
    outcome: String,
    /// The outcome is a word or two ("met", "not met"), printed on one line so that it
    /// never breaks in a narrow column.
    brief: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct Detail {
    code: String,
    name: String,
    descriptor: String,
    benchmark: u8,
    agreed: Option<u8>,
    evidenced: Option<u8>,
    records_differ: Option<String>,
    /// Each different explanation of why the records differ once, with who gave it.
    explanations: Vec<ExplanationView>,
    agreed_label: String,
    statement: String,
    agreed_how: String,
    /// With no agreed level, why the group has agreed none, in a sentence; else empty.
    not_agreed: String,
    rationale: Option<String>,
    /// The rationale's heading, as true as the level: "Why the group agreed this level" only
    /// for a level the group agreed.
    rationale_heading: &'static str,
    reviewers: Vec<Named>,
    /// Many reviewers' levels in brief, counted by level, instead of each by name.
    reviewers_in_brief: Option<String>,
    /// The one commentary for the assessor, and whose it is.
    agreed_commentary: Option<String>,
    /// Its heading: "Agreed commentary" only when the group agreed it for this aspect.
    agreed_commentary_heading: &'static str,
    /// Reviewers' own commentary (none in the pack unless review.toml asks).
    commentary: Vec<Said>,
    commentary_check: String,
    evidence: Vec<EvidenceLink>,
    checks: Vec<CheckView>,
    /// Nothing stands behind the level: no evidence cited, no supporting record imported
    /// (or only files holding none); why, in words, else empty.
    unevidenced: String,
}

impl Detail {
    /// Whether any reviewer's own commentary is shown by its start.
    pub(super) fn excerpted(&self) -> bool {
        self.commentary.iter().any(Said::is_excerpt)
    }
}

/// Whether there is anything to say of an aspect beyond the framework's own words: a
/// level, commentary or evidence. An aspect nobody has scored is only listed by name.
pub(super) fn started(a: &AspectScore) -> bool {
    a.agreed.is_some()
        || a.not_agreed.is_some()
        || !a.commentary.is_empty()
        || !a.evidence.is_empty()
}

#[derive(Debug, Serialize)]
pub(super) struct ExplanationView {
    /// Who gave it: empty for the group's, else the reviewers named or counted.
    by: String,
    text: String,
}

/// Reviewers named one by one up to so many; more are counted.
const NAMED_REVIEWERS: usize = 6;

/// An explanation as one line of text: "Headteacher and DSL: …", or the group's alone.
pub fn said_by(e: &Explanation, reviewers: &Reviewers) -> String {
    let view = explanation(e, reviewers);
    if view.by.is_empty() {
        view.text
    } else {
        format!("{}: {}", view.by, view.text)
    }
}

fn explanation(e: &Explanation, reviewers: &Reviewers) -> ExplanationView {
    let names: Vec<&str> = e.by.iter().map(|n| reviewers.shown(n)).collect();
    let by = match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first @ .., last] if names.len() <= 3 => format!("{} and {last}", first.join(", ")),
        _ => format!("{} reviewers", names.len()),
    };
    ExplanationView {
        by,
        text: e.text.clone(),
    }
}

/// "30 reviewers: 12 at level 2, 18 at level 3", where there are too many to name.
pub(super) fn in_brief<'a>(levels: impl ExactSizeIterator<Item = &'a u8>) -> Option<String> {
    let many = levels.len();
    if many <= NAMED_REVIEWERS {
        return None;
    }
    let mut counts: BTreeMap<u8, usize> = BTreeMap::new();
    for level in levels {
        *counts.entry(*level).or_default() += 1;
    }
    let each: Vec<String> = counts
        .iter()
        .map(|(level, n)| format!("{n} at level {level}"))
        .collect();
    Some(format!("{many} reviewers: {}", each.join(", ")))
}

pub(super) fn detail(
    fw: &Framework,
    a: &AspectScore,
    links: Option<&BTreeMap<String, String>>,
    reviewers: &Reviewers,
) -> Detail {
    let aspect = fw.aspect(&a.code).map(|(_, _, x)| x);
    let statement = a
        .agreed
        .and_then(|l| aspect.and_then(|x| x.statement(l)))
        .unwrap_or("")
        .to_string();
    Detail {
        unevidenced: if a.unevidenced {
            a.nothing_behind()
        } else {
            String::new()
        },
        code: a.code.clone(),
        name: a.name.clone(),
        descriptor: aspect.map(|x| x.descriptor.clone()).unwrap_or_default(),
        benchmark: a.benchmark,
        agreed: a.agreed,
        evidenced: crate::report::records_support(a),
        records_differ: a.records_differ.clone(),
        explanations: a
            .explanations
            .iter()
            .map(|e| explanation(e, reviewers))
            .collect(),
        agreed_label: a
            .agreed
            .map(|l| fw.level_label(l).to_string())
            .unwrap_or_default(),
        statement,
        agreed_how: crate::report::reached_in_full(a),
        not_agreed: not_agreed(a),
        rationale: a.rationale.clone(),
        rationale_heading: crate::report::rationale_heading(a),
        reviewers: named(reviewers.levels(&a.reviewers).into_iter()),
        reviewers_in_brief: in_brief(a.reviewers.values()),
        agreed_commentary: a.agreed_commentary.as_ref().map(|c| c.text.clone()),
        agreed_commentary_heading: a
            .agreed_commentary
            .as_ref()
            .map_or("", crate::report::commentary_heading),
        // The only reviewer's commentary is the agreed one: it is not said twice.
        commentary: excerpted(
            said(&a.commentary, reviewers)
                .into_iter()
                .filter(|c| {
                    a.agreed_commentary
                        .as_ref()
                        .is_none_or(|g| g.text != c.text)
                })
                .collect(),
        ),
        commentary_check: match a.commentary_check {
            CommentaryCheck::Missing if !a.commentary.is_empty() || a.group_notes => {
                "No agreed commentary yet: the group workbook's Agreed commentary is blank."
            }
            check => commentary_check(check),
        }
        .to_string(),
        evidence: a
            .evidence
            .iter()
            .map(|name| EvidenceLink {
                name: name.clone(),
                href: links.and_then(|l| l.get(name)).cloned(),
            })
            .collect(),
        checks: a.evidence_checks.iter().map(check_view).collect(),
    }
}

/// Why the group has agreed no level, with the reviewers' middle level (never counted) and,
/// after a framework change, what the group had agreed for the aspects merged into it.
fn not_agreed(a: &AspectScore) -> String {
    let Some(n) = &a.not_agreed else {
        return String::new();
    };
    let mut said = match n.why {
        NotAgreedWhy::AgreeAgain => "To be agreed again after the framework change: no level is claimed until the group writes one in its Agreed column.".to_string(),
        NotAgreedWhy::Blank => "Not agreed by the group: its Agreed level is blank, so no level is claimed.".to_string(),
    };
    if let Some(m) = n.middle {
        said.push_str(&format!(
            " The reviewers' middle level is {m}; it is not counted."
        ));
    }
    if let Some(change) = &n.change {
        said.push_str(&format!(" The workbook says: {change}"));
    }
    said
}

/// What is wrong with the commentary, if anything, in words.
fn commentary_check(check: CommentaryCheck) -> &'static str {
    match check {
        CommentaryCheck::Ok => "",
        CommentaryCheck::Missing => "No commentary yet.",
        CommentaryCheck::TooShort => "The commentary is too short to show how the level is met.",
        CommentaryCheck::NoEvidence => "The commentary cites no evidence.",
    }
}

/// An evidence check: what the level needs, what the records show, and the result. When
/// the records could not show anything, why not is what they show, and the result says only
/// that evidence is needed.
fn check_view(c: &CheckResult) -> CheckView {
    let needed = c.status == CheckStatus::EvidenceNeeded;
    let (fact, why) = match (&c.fact, &c.detail) {
        (Some(f), d) => (f.clone(), d.clone().filter(|_| needed)),
        (None, Some(d)) if needed => (crate::text::capitalise(d), None),
        (None, _) => (String::new(), None),
    };
    let outcome = match c.status {
        CheckStatus::Met => "met".into(),
        CheckStatus::NotMet => "not met".into(),
        CheckStatus::EvidenceNeeded => {
            let why = why.map(|w| format!(": {w}")).unwrap_or_default();
            let required = if c.required {
                "; holds back readiness"
            } else {
                ""
            };
            format!("evidence needed{why}{required}")
        }
    };
    CheckView {
        needs: c.needs.clone(),
        fact,
        brief: outcome.split_whitespace().count() <= 2,
        outcome,
    }
}
