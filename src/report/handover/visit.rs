//! The view of `visit.html`: the agenda for the assessment visit and the lead's desk-check
//! list, built from the scored review.
//!
//! The assessor's half day goes where the review is weakest, so the agenda starts with the
//! aspects at or below the benchmark, then the levels the group disagreed on and the claims
//! the records do not support. Whom to meet follows the people an assessor asks to see
//! (senior leaders, the governor for online safety, staff, pupils across year groups,
//! parents), each with the aspects whose strand or name concerns them. The documents to
//! have ready are those the workbooks cite, and for an aspect that cites none, the kinds of
//! evidence the framework suggests.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dates::uk;
use crate::pipeline::Reviewed;
use crate::score::AspectScore;

/// What `visit.html` shows.
#[derive(Debug, Serialize)]
pub struct VisitView {
    school: String,
    review_date: String,
    generator: String,
    weakest: Vec<Weak>,
    disagreements: Vec<String>,
    unsupported: Vec<String>,
    people: Vec<Person>,
    documents: Vec<Document>,
    suggested: Vec<Suggested>,
    checks: Vec<Check>,
    group: Vec<String>,
    /// How many aspects have an agreed level: with none, the agenda says so.
    scored_count: usize,
}

#[derive(Debug, Serialize)]
struct Weak {
    code: String,
    name: String,
    /// The level given, however it was reached.
    level: Option<u8>,
    /// How it was reached, when the group did not agree it: "middle of the reviewers'
    /// levels"; empty for the group's own level.
    how: &'static str,
    /// The level the records support, when it is not the level given.
    records: Option<u8>,
    benchmark: u8,
    status: String,
}

#[derive(Debug, Serialize)]
struct Person {
    role: &'static str,
    about: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Document {
    name: String,
    aspects: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Suggested {
    aspect: String,
    kinds: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Check {
    item: String,
    /// `done`, `not-done` or `by-hand` (the tool cannot tell).
    state: &'static str,
}

/// Whom an assessor meets, and the words in a strand's or aspect's name that concern them.
const PEOPLE: [(&str, &[&str]); 7] = [
    (
        "Senior leaders and the online safety lead",
        &["responsibilit", "policy", "leadership", "outcome", "impact"],
    ),
    (
        "The designated safeguarding lead",
        &["reporting", "monitoring", "respond"],
    ),
    ("The governor for online safety", &["governor"]),
    ("Staff", &["staff", "professional"]),
    (
        "Pupils across the year groups",
        &["learner", "pupil", "education programme"],
    ),
    ("Parents and carers", &["famil", "parent"]),
    (
        "The technician or technical provider",
        &["technical", "filtering", "security", "monitoring"],
    ),
];

/// The view of `visit.html`.
pub fn visit(r: &Reviewed) -> VisitView {
    let s = &r.scored;
    VisitView {
        school: s.school.clone(),
        review_date: uk(s.review_date),
        generator: format!("selfreview {}", env!("CARGO_PKG_VERSION")),
        weakest: weakest(&s.aspects),
        disagreements: s
            .agenda
            .iter()
            .map(|a| {
                let levels: Vec<String> =
                    a.levels.iter().map(|(n, l)| format!("{n} {l}")).collect();
                format!(
                    "{} {}: {} (spread {})",
                    a.aspect,
                    a.name,
                    levels.join(", "),
                    a.spread
                )
            })
            .collect(),
        unsupported: s
            .evidence_findings
            .iter()
            .map(|f| f.message.clone())
            .collect(),
        people: people(r),
        documents: documents(&s.aspects),
        suggested: suggested(r),
        checks: checks(r),
        scored_count: s.aspects.iter().filter(|a| a.agreed.is_some()).count(),
        // A pupils' representative named like a pupil is shown as the reports show them.
        group: r
            .review
            .reviewers
            .iter()
            .map(|n| crate::privacy::redact(&r.evidence.private, n).unwrap_or_else(|| n.clone()))
            .collect(),
    }
}

/// The aspects at or below their benchmark: not scored first, then furthest below, then at
/// the benchmark, each group in the framework's order.
fn weakest(aspects: &[AspectScore]) -> Vec<Weak> {
    let mut weak: Vec<(i8, Weak)> = aspects
        .iter()
        .filter_map(|a| Some((a.gap_to_benchmark.unwrap_or(i8::MAX), weak(a)?)))
        .collect();
    // A stable sort keeps the framework's order within each gap.
    weak.sort_by_key(|(gap, _)| std::cmp::Reverse(*gap));
    weak.into_iter().map(|(_, w)| w).collect()
}

/// An aspect at or below its benchmark (or not scored), as the records let it stand.
fn weak(a: &AspectScore) -> Option<Weak> {
    let status = match a.gap_to_benchmark {
        // Levels given that the group has not agreed are not "not scored".
        None => {
            let said = crate::report::view::not_scored(a);
            said[..1].to_lowercase() + &said[1..]
        }
        Some(0) => "at the benchmark".to_string(),
        Some(g) if g > 0 => format!("{g} below the benchmark"),
        Some(_) => return None,
    };
    Some(Weak {
        code: a.code.clone(),
        name: a.name.clone(),
        level: a.agreed,
        how: if crate::report::group_agreed(a) {
            ""
        } else {
            crate::report::reached(a)
        },
        records: a.counted.filter(|_| a.counted != a.agreed),
        benchmark: a.benchmark,
        status,
    })
}

fn people(r: &Reviewed) -> Vec<Person> {
    let fw = &r.framework.framework;
    PEOPLE
        .iter()
        .map(|(role, words)| Person {
            role,
            about: fw
                .aspects()
                .filter(|(_, st, a)| {
                    let text = format!("{} {}", st.name, a.name).to_lowercase();
                    words.iter().any(|w| text.contains(w))
                })
                .map(|(_, _, a)| format!("{} {}", a.code, a.name))
                .collect(),
        })
        .collect()
}

fn documents(aspects: &[AspectScore]) -> Vec<Document> {
    let mut by_name: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for a in aspects {
        for e in &a.evidence {
            by_name.entry(e).or_default().push(a.code.clone());
        }
    }
    by_name
        .into_iter()
        .map(|(name, aspects)| Document {
            name: name.to_string(),
            aspects,
        })
        .collect()
}

fn suggested(r: &Reviewed) -> Vec<Suggested> {
    let fw = &r.framework.framework;
    r.scored
        .aspects
        .iter()
        .filter(|a| a.evidence.is_empty())
        .filter_map(|a| {
            let (_, _, aspect) = fw.aspect(&a.code)?;
            Some(Suggested {
                aspect: format!("{} {}", a.code, a.name),
                kinds: aspect.evidence.clone(),
            })
        })
        .collect()
}

fn checks(r: &Reviewed) -> Vec<Check> {
    let s = &r.scored;
    let n = s.aspects.len();
    let count = |f: &dyn Fn(&AspectScore) -> bool| s.aspects.iter().filter(|a| f(a)).count();
    let levels = count(&|a| a.agreed.is_some());
    // Only a level the group agreed is an agreed level.
    let by_group = count(&crate::report::group_agreed);
    // Only the group's own commentary for the aspect is an agreed commentary: not one a
    // framework change carried, nor a lone reviewer's.
    let agreed = count(&|a| {
        a.agreed_commentary
            .as_ref()
            .is_some_and(|c| c.by == crate::score::CommentaryBy::Group)
    });
    let state = |done: bool| if done { "done" } else { "not-done" };
    let mut checks = vec![
        Check {
            item: format!("Every aspect has a level agreed by the group ({by_group} of {n})."),
            state: state(by_group == n),
        },
        Check {
            item: format!(
                "Every aspect has a commentary agreed by the group saying how the benchmark is met and what shows it ({agreed} of {n})."
            ),
            state: state(agreed == n),
        },
        Check {
            item: "Every aspect meets the benchmark, as the records support it or the group explains.".into(),
            state: state(s.ready),
        },
        Check {
            item: if levels == 0 {
                "Claims the records do not support are fixed or explained: nothing is scored yet, so no claim has been checked.".into()
            } else {
                format!(
                    "Claims the records do not support are fixed or explained ({} left).",
                    s.evidence_findings.len()
                )
            },
            state: state(levels > 0 && s.evidence_findings.is_empty()),
        },
        sign_off_check(r),
        Check {
            item: "The children's names to keep out are known: the pupil list (or an incident log that names pupils) is imported.".into(),
            state: state(!r.evidence.private.is_empty()),
        },
    ];
    checks.extend(flagged(r));
    checks.extend(register_dates(r));
    if let Some(m) = &r.renewal {
        let how = if m.desk_allowed {
            "a full visit or a desk assessment"
        } else {
            "a full visit, since the last was a desk assessment"
        };
        checks.push(Check {
            item: format!(
                "Reassessment for the Mark, awarded on {}, is applied for by {} ({how}).",
                uk(m.awarded),
                uk(m.due)
            ),
            state: "by-hand",
        });
    }
    for item in [
        "The agreed levels and commentary are entered in the online tool (out/online-tool.html).",
        "Every photo, scan and video in the pack has been opened and checked for children.",
        "The evidence pack is made with the command selfreview pack and checked with selfreview verify.",
        "The manifest's fingerprint is sent to the assessor separately from the pack.",
        "The people on the agenda know the date and time of the visit.",
    ] {
        checks.push(Check {
            item: item.into(),
            state: "by-hand",
        });
    }
    checks
}

/// Whether the review is signed off. A sign-off given while aspects are still flagged for
/// review after a framework change does not cover them, as report.html says, so it is not
/// ticked until they are reviewed and it is given again.
fn sign_off_check(r: &Reviewed) -> Check {
    let flagged_codes = crate::score::flagged(&r.diagnostics);
    let sign_off = r.review.sign_off.as_ref().map(|s| s.missing());
    let state = |done: bool| if done { "done" } else { "not-done" };
    Check {
            item: match &sign_off {
            Some(m) if m.is_empty() && !flagged_codes.is_empty() => format!(
                "The headteacher and the chair of governors signed the review off, but that sign-off does not cover the aspects still flagged for review after the framework change ({}): they sign it off again once those are reviewed.",
                flagged_codes.join(", ")
            ),
            Some(m) if m.is_empty() => "The headteacher and the chair of governors have signed the review off.".into(),
            Some(m) => format!("The sign-off records {}: the online safety lead adds what is missing to the review's settings file, review.toml.", m.join(", ")),
            None => "The headteacher and the chair of governors sign the review off, and the online safety lead writes their names and the date in the review's settings file, review.toml.".into(),
        },
        state: state(sign_off.is_some_and(|m| m.is_empty()) && flagged_codes.is_empty()),
    }
}

/// With a policy register imported: its documents reviewed in time, and its review dates
/// right, each document whose dates cannot be right named with what is wrong, as the
/// `document-review-dates-wrong` warnings say it.
fn register_dates(r: &Reviewed) -> Vec<Check> {
    let Some(d) = &r.metrics.registers.documents else {
        return Vec::new();
    };
    let as_of = r.scored.review_date;
    let state = |done: bool| if done { "done" } else { "not-done" };
    let late: Vec<&str> = d
        .documents
        .iter()
        .filter(|x| x.late())
        .map(|x| x.name.as_str())
        .collect();
    let wrong: Vec<String> = d
        .documents
        .iter()
        .filter_map(|x| x.dates_wrong(as_of).map(|w| format!("{}: {w}", x.name)))
        .collect();
    vec![
        Check {
            item: if late.is_empty() {
                "Every document of the policy register is reviewed in time.".into()
            } else {
                format!(
                    "Every document of the policy register is reviewed in time ({} out of date: {}).",
                    late.len(),
                    late.join("; ")
                )
            },
            state: state(late.is_empty()),
        },
        Check {
            item: if wrong.is_empty() {
                "The policy register's review dates can all be right.".into()
            } else {
                format!(
                    "The policy register's review dates are put right ({} with dates that cannot be right: {}).",
                    wrong.len(),
                    wrong.join("; ")
                )
            },
            state: state(wrong.is_empty()),
        },
    ]
}

/// While aspects a framework change touched are flagged, clearing them (and signing off
/// again) is on the list.
fn flagged(r: &Reviewed) -> Option<Check> {
    let flagged = crate::score::flagged(&r.diagnostics);
    (!flagged.is_empty()).then(|| Check {
        item: format!(
            "The group reviews each aspect the framework change touched and empties its “Review after the change” cell ({} left: {}), then the review is signed off again.",
            flagged.len(),
            flagged.join(", ")
        ),
        state: "not-done",
    })
}
