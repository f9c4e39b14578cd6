//! What the report templates see: plain values built from the scored review and metrics.
//!
//! Everything here is safe to show anyone the school shows its review to: levels,
//! commentary, evidence file names and counts. No child's name and no incident description
//! exist in the inputs, and staff names from training records are left out (counts only).
//! Reviewers are named as [`super::Reviewers`] shows them: in the evidence pack, by number.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Reviewers;
use super::svg;

mod aspect;
mod plan;
pub use aspect::said_by;
mod brief;
mod first_page;
mod handover;
mod progress;
mod records;
mod registers;
mod said;
use crate::framework::Framework;
use crate::pipeline::Reviewed;
use crate::score::{AspectScore, Scored};
use aspect::{Detail, detail, started};
pub(super) use progress::in_words;
use records::{Incidents, Meetings, Training};
pub(super) use said::{Said, excerpted, said};

/// The agreed levels of an earlier snapshot, for progress and the radar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    /// The snapshot's review date.
    pub date: NaiveDate,
    /// Agreed level by aspect code.
    pub levels: BTreeMap<String, u8>,
    /// The level that stood, by aspect code: as the records support it, or as the group
    /// explained (progress is measured by it, not by the claim).
    pub counted: BTreeMap<String, u8>,
    /// The framework the snapshot was scored on and the map its levels were carried
    /// through (named with where it was found), when that is not the review's framework.
    pub mapped: Option<(String, String)>,
    /// The framework the snapshot was scored on, in words, when no framework map carries
    /// its levels to the review's: `levels` and `counted` are then empty, and the reports
    /// say the two cannot be compared.
    pub uncomparable: Option<String>,
    /// The aspects a framework map made from other aspects (merged or new), by code: the
    /// level it carries to them is a copy of other aspects' levels, so they are left out of
    /// `levels` and `counted` and named as not compared.
    pub not_comparable: Vec<String>,
}

pub(super) use crate::dates::uk;

#[derive(Debug, Serialize)]
pub(super) struct Named {
    name: String,
    level: u8,
}

/// An aspect listed by name only, as nobody has scored it yet.
#[derive(Debug, Serialize)]
struct Unscored {
    code: String,
    name: String,
}

#[derive(Debug, Serialize)]
struct AspectRow {
    code: String,
    name: String,
    agreed: Option<u8>,
    evidenced: Option<u8>,
    benchmark: u8,
    status: String,
    below: bool,
    complete: bool,
}

#[derive(Debug, Serialize)]
struct Group {
    code: String,
    name: String,
    average: Option<f64>,
    rows: Vec<AspectRow>,
}

#[derive(Debug, Serialize)]
struct Element {
    code: String,
    name: String,
    average: Option<f64>,
    strands: Vec<Group>,
}

#[derive(Debug, Default, Serialize)]
struct PlanRow {
    code: String,
    name: String,
    level: u8,
    next_level: u8,
    next_label: String,
    next_statement: String,
    improvement_actions: Vec<String>,
    below: bool,
    planned: String,
    owner: String,
    target: String,
    /// So long that kept whole it would leave much of a page empty: it may run over a page.
    tall: bool,
}

/// A printed table row of more words than this may run over a page; a shorter one is kept
/// whole.
const TALL_ROW_WORDS: usize = 150;

#[derive(Debug, Serialize)]
struct AgendaRow {
    code: String,
    name: String,
    spread: u8,
    needs_discussion: bool,
    levels: Vec<Named>,
    /// Many reviewers' levels counted by level, instead of each by name.
    levels_in_brief: Option<String>,
    commentary: Vec<Said>,
}

#[derive(Debug, Serialize)]
struct Milestone {
    name: &'static str,
    reached: bool,
}

/// Everything the report and governors' templates use.
#[derive(Debug, Serialize)]
pub struct View {
    school: String,
    review_date: String,
    framework_title: String,
    framework_version: String,
    generator: String,
    ready: bool,
    /// What holds each aspect back, in full (each aspect's section says it; the first page
    /// only counts them).
    reasons: Vec<String>,
    /// The errors in the review's files that hold the verdict back whatever the aspects say.
    problems: Vec<String>,
    /// The reasons grouped by what holds the aspects back, in brief, for the first page.
    reasons_brief: Vec<brief::Group>,
    /// Evidence findings about aspects not already among the reasons, grouped the same way.
    evidence_findings: Vec<brief::Group>,
    milestones: Vec<Milestone>,
    elements_complete: usize,
    element_count: usize,
    aspects_complete: usize,
    aspect_count: usize,
    radar_svg: String,
    /// How tall the radar prints, in millimetres, so that the first page holds the sign-off.
    radar_mm: u32,
    previous_date: Option<String>,
    /// Some aspects have a level and some none: the radar marks those with none.
    radar_unscored: bool,
    elements: Vec<Element>,
    /// Aspects with a level, commentary or evidence, in full.
    details: Vec<Detail>,
    /// Aspects nobody has scored or written about yet.
    unscored: Vec<Unscored>,
    /// Some reviewer's own commentary is shown by its start: the printed page says once
    /// where the whole of it is, since nothing on paper opens.
    excerpted: bool,
    /// How many aspects have a level: with none, the reports say so instead of showing
    /// empty tables and a chart without a line on it.
    scored_count: usize,
    /// How the levels shown were reached, when the group did not agree them all.
    levels_reached: String,
    actions: Vec<PlanRow>,
    /// Whether any row of the action plan has planned actions, an owner or a date.
    any_planned: bool,
    /// The Planned column's share of the action plan's width, in percent.
    planned_percent: usize,

    agenda: Vec<AgendaRow>,
    training: Option<Training>,
    meetings: Option<Meetings>,
    incidents: Option<Incidents>,
    registers: registers::View,
    progress: Option<progress::Progress>,
    sign_off: handover::SignOffView,
    renewal: Option<handover::RenewalView>,
    /// The aspects still flagged for review after a framework change.
    flagged: Vec<String>,
    /// The kinds of record imported whose files hold none yet.
    no_records: Vec<&'static str>,
}

pub(super) fn named<'a>(levels: impl Iterator<Item = (&'a str, u8)>) -> Vec<Named> {
    levels
        .map(|(name, level)| Named {
            name: name.to_string(),
            level,
        })
        .collect()
}

fn status(a: &AspectScore) -> (String, bool) {
    match a.gap_to_benchmark {
        None => (not_scored(a).into(), false),
        Some(g) if g > 0 && a.evidenced > a.agreed => {
            (format!("{g} below benchmark on the records"), true)
        }
        Some(g) if g > 0 => (format!("{g} below benchmark"), true),
        Some(_) => ("Meets benchmark".into(), false),
    }
}

/// What is said of an aspect with no agreed level: never scored, or given levels the group
/// has not agreed.
pub fn not_scored(a: &AspectScore) -> &'static str {
    match a.not_agreed.as_ref().map(|n| n.why) {
        Some(crate::score::NotAgreedWhy::AgreeAgain) => "To be agreed again",
        Some(crate::score::NotAgreedWhy::Blank) => "Not agreed by the group",
        None => "Not scored",
    }
}

pub(super) fn percent(share: Option<f64>) -> String {
    share.map_or("–".to_string(), crate::rounding::percent)
}

/// Builds the view of a reviewed review, its reviewers shown as `reviewers` names them.
pub fn build(
    r: &Reviewed,
    previous: Option<&Previous>,
    links: Option<&super::Links>,
    reviewers: &Reviewers,
) -> View {
    let fw = &r.framework.framework;
    let s = &r.scored;
    let mut named = brief::NAMED_IN_ALL;
    let mut view = View {
        school: s.school.clone(),
        review_date: uk(s.review_date),
        framework_title: fw.title.clone(),
        framework_version: fw.version.clone(),
        generator: format!("selfreview {}", env!("CARGO_PKG_VERSION")),
        ready: s.ready,
        reasons: s.reasons.iter().map(|r| r.message.clone()).collect(),
        reasons_brief: brief::groups(s, &s.reasons, &mut named),
        problems: s.problems.clone(),
        evidence_findings: brief::findings(s, &mut named),
        milestones: milestones(s),
        elements_complete: s.milestones.elements_complete,
        element_count: s.elements.len(),
        aspects_complete: s.aspects.iter().filter(|a| a.complete).count(),
        aspect_count: s.aspects.len(),
        radar_svg: String::new(),
        radar_mm: first_page::FULL_MM,
        previous_date: previous
            .filter(|p| p.uncomparable.is_none())
            .map(|p| uk(p.date)),
        radar_unscored: s.aspects.iter().any(|a| a.agreed.is_none()),
        elements: elements(fw, s),
        details: s
            .aspects
            .iter()
            .filter(|a| started(a))
            .map(|a| detail(fw, a, links.and_then(|l| l.get(&a.code)), reviewers))
            .collect(),
        unscored: s
            .aspects
            .iter()
            .filter(|a| !started(a))
            .map(|a| Unscored {
                code: a.code.clone(),
                name: a.name.clone(),
            })
            .collect(),
        excerpted: false,
        scored_count: s.aspects.iter().filter(|a| a.agreed.is_some()).count(),
        levels_reached: crate::report::reached::tally(&s.aspects),
        any_planned: s.actions.iter().any(|p| p.planned.is_some()),
        planned_percent: 0,
        actions: actions(fw, s),
        agenda: agenda(s, reviewers),
        training: records::training(&r.metrics, &r.evidence, fw),
        meetings: records::meetings(&r.metrics),
        incidents: records::incidents(&r.metrics),
        registers: registers::view(&r.metrics.registers, s.review_date),
        no_records: r
            .metrics
            .no_records_yet
            .keys()
            .map(|k| k.as_str())
            .collect(),
        progress: previous.map(|p| progress::progress(s, p)),
        sign_off: handover::sign_off(r.review.sign_off.as_ref()),
        renewal: r.renewal.as_ref().map(handover::renewal),
        flagged: crate::score::flagged(&r.diagnostics),
    };
    view.radar_mm = first_page::radar_mm(&view);
    view.planned_percent = plan::planned_percent(&view.actions);
    view.excerpted = view.details.iter().any(Detail::excerpted);
    view.radar_svg = radar(s, previous, view.radar_mm);
    view
}

fn milestones(s: &Scored) -> Vec<Milestone> {
    vec![
        Milestone {
            name: "Review started",
            reached: s.milestones.started,
        },
        Milestone {
            name: "At least two elements complete",
            reached: s.milestones.progress,
        },
        Milestone {
            name: "Ready to apply for the Online Safety Mark",
            reached: s.milestones.ready,
        },
    ]
}

/// The radar chart of agreed levels against the benchmark, and the earlier review's, for
/// printing `mm` millimetres high.
fn radar(s: &Scored, previous: Option<&Previous>, mm: u32) -> String {
    let spokes: Vec<svg::Spoke> = s
        .aspects
        .iter()
        .map(|a| svg::Spoke {
            code: a.code.clone(),
            name: a.name.clone(),
            agreed: a.agreed,
            benchmark: a.benchmark,
            previous: previous.and_then(|p| p.levels.get(&a.code).copied()),
        })
        .collect();
    svg::radar(&spokes, f64::from(mm) * 72.0 / 25.4)
}

fn agenda(s: &Scored, reviewers: &Reviewers) -> Vec<AgendaRow> {
    s.agenda
        .iter()
        .map(|a| AgendaRow {
            code: a.aspect.clone(),
            name: a.name.clone(),
            spread: a.spread,
            needs_discussion: a.needs_discussion,
            levels: named(a.levels.iter().map(|(n, l)| (reviewers.shown(n), *l))),
            levels_in_brief: aspect::in_brief(a.levels.iter().map(|(_, l)| l)),
            commentary: said(&a.commentary, reviewers),
        })
        .collect()
}

fn elements(fw: &Framework, s: &Scored) -> Vec<Element> {
    let average = |code: &str, list: &[crate::score::Average]| {
        list.iter().find(|a| a.code == code).and_then(|a| a.average)
    };
    fw.elements
        .iter()
        .map(|e| Element {
            code: e.code.clone(),
            name: e.name.clone(),
            average: average(&e.code, &s.elements),
            strands: e
                .strands
                .iter()
                .map(|st| Group {
                    code: st.code.clone(),
                    name: st.name.clone(),
                    average: average(&st.code, &s.strands),
                    rows: s
                        .aspects
                        .iter()
                        .filter(|a| a.strand == st.code)
                        .map(|a| {
                            let (status, below) = status(a);
                            AspectRow {
                                code: a.code.clone(),
                                name: a.name.clone(),
                                agreed: a.agreed,
                                evidenced: crate::report::records_support(a),
                                benchmark: a.benchmark,
                                status,
                                below,
                                complete: a.complete,
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn actions(fw: &Framework, s: &Scored) -> Vec<PlanRow> {
    let words = |t: &str| t.split_whitespace().count();
    s.actions
        .iter()
        .map(|p| PlanRow {
            tall: words(&p.next_statement)
                + p.improvement_actions
                    .iter()
                    .map(|a| words(a))
                    .sum::<usize>()
                + p.planned.as_ref().map_or(0, |x| words(&x.actions))
                > TALL_ROW_WORDS,
            code: p.aspect.clone(),
            name: p.name.clone(),
            level: p.level,
            next_level: p.next_level,
            next_label: fw.level_label(p.next_level).to_string(),
            next_statement: p.next_statement.clone(),
            improvement_actions: p.improvement_actions.clone(),
            below: p.below_benchmark,
            planned: p
                .planned
                .as_ref()
                .map(|x| x.actions.clone())
                .unwrap_or_default(),
            owner: p
                .planned
                .as_ref()
                .map(|x| x.owner.clone())
                .unwrap_or_default(),
            target: p
                .planned
                .as_ref()
                .and_then(|x| x.target)
                .map(uk)
                .unwrap_or_default(),
        })
        .collect()
}
