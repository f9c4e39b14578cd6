//! The two pages the online safety lead uses to hand the review over: `online-tool.html`,
//! each aspect's agreed level and commentary laid out to copy field by field into the
//! provider's online tool, and `visit.html`, the agenda for the assessment visit with a
//! desk-check list. Both are built from the scored review and the metrics, like the other
//! reports, and written by `report` after the same check for children's names.

use serde::Serialize;

use crate::pipeline::Reviewed;
use crate::score::CommentaryBy;

pub mod visit;

/// What `online-tool.html` shows.
#[derive(Debug, Serialize)]
pub struct ToolView {
    school: String,
    review_date: String,
    framework_title: String,
    framework_version: String,
    generator: String,
    aspects: Vec<ToolAspect>,
    /// Aspects with no agreed commentary yet.
    without_commentary: usize,
    /// Why there is no agreed commentary at all, when there is none to copy.
    no_group: bool,
    /// How many aspects have an agreed level.
    scored_count: usize,
    /// Aspects with an agreed level, or levels given that the group has not agreed.
    given_count: usize,
    /// The aspects still flagged for review after a framework change.
    flagged: Vec<String>,
    /// Every level and commentary on the page is the group's own: only then is the page
    /// headed "Agreed levels and commentary".
    all_agreed: bool,
}

#[derive(Debug, Serialize)]
struct ToolAspect {
    code: String,
    name: String,
    element: String,
    strand: String,
    level: Option<u8>,
    /// How the level was reached, when the group did not agree it ("middle of the
    /// reviewers' levels"); empty for the group's own level.
    level_how: &'static str,
    level_label: String,
    statement: String,
    benchmark: u8,
    commentary: String,
    commentary_by: &'static str,
    /// Whether the group agreed the commentary for this aspect: only then is it labelled
    /// "Agreed commentary".
    commentary_agreed: bool,
    /// With no agreed level though levels were given, why: "To be agreed again" or "Not
    /// agreed by the group"; else empty.
    not_agreed: &'static str,
    /// Still flagged for review after a framework change: its level and commentary were
    /// carried from the old framework and are not yet reviewed.
    flagged: bool,
}

/// The view of `online-tool.html`: every aspect in the framework's order.
pub fn online_tool(r: &Reviewed) -> ToolView {
    let fw = &r.framework.framework;
    let s = &r.scored;
    let flagged = crate::score::flagged(&r.diagnostics);
    let aspects: Vec<ToolAspect> = fw
        .elements
        .iter()
        .flat_map(|e| e.strands.iter().map(move |st| (e, st)))
        .flat_map(|(e, st)| st.aspects.iter().map(move |a| (e, st, a)))
        .filter_map(|(e, st, a)| {
            let scored = s.aspects.iter().find(|x| x.code == a.code)?;
            let agreed = scored.agreed_commentary.as_ref();
            Some(ToolAspect {
                code: a.code.clone(),
                name: a.name.clone(),
                element: e.name.clone(),
                strand: st.name.clone(),
                level: scored.agreed,
                level_how: if crate::report::group_agreed(scored) {
                    ""
                } else {
                    crate::report::reached(scored)
                },
                level_label: scored
                    .agreed
                    .map(|l| fw.level_label(l).to_string())
                    .unwrap_or_default(),
                statement: scored
                    .agreed
                    .and_then(|l| a.statement(l))
                    .unwrap_or_default()
                    .to_string(),
                benchmark: a.benchmark,
                commentary: agreed.map(|c| c.text.clone()).unwrap_or_default(),
                commentary_by: agreed.map_or("", crate::report::commentary_by),
                commentary_agreed: agreed.is_some_and(|c| c.by == CommentaryBy::Group),
                not_agreed: if scored.not_agreed.is_some() {
                    super::view::not_scored(scored)
                } else {
                    ""
                },
                flagged: flagged.contains(&a.code),
            })
        })
        .collect();
    ToolView {
        school: s.school.clone(),
        review_date: crate::dates::uk(s.review_date),
        framework_title: fw.title.clone(),
        framework_version: fw.version.clone(),
        generator: format!("selfreview {}", env!("CARGO_PKG_VERSION")),
        without_commentary: aspects.iter().filter(|a| a.commentary.is_empty()).count(),
        scored_count: aspects.iter().filter(|a| a.level.is_some()).count(),
        given_count: aspects
            .iter()
            .filter(|a| a.level.is_some() || !a.not_agreed.is_empty())
            .count(),
        no_group: s.workbooks.len() > 1
            && !s
                .workbooks
                .iter()
                .any(|w| w.reviewer == crate::workbook::layout::GROUP_REVIEWER),
        all_agreed: aspects
            .iter()
            .all(|a| a.level_how.is_empty() && (a.commentary.is_empty() || a.commentary_agreed)),
        aspects,
        flagged,
    }
}
