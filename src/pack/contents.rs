//! The files the tool makes for the pack: the reports, each aspect's commentary as text,
//! and the evidence summaries.
//!
//! The reports are the same as `selfreview report` writes, but with every cited document
//! linked to its place inside the pack, and, unless review.toml turns staff names on, with
//! reviewers shown as "Reviewer 1", "Reviewer 2", … since the pack leaves the school.

use std::path::Path;

use super::plan::{Content, Entry};
use super::summaries;
use crate::error::Result;
use crate::pipeline::Reviewed;
use crate::report::{self, Links, Reviewers};
use crate::score::AspectScore;
use crate::workbook::layout::GROUP_REVIEWER;

/// Renders everything the tool adds to the pack, the reports' evidence links pointing at
/// `links`; `templates` is a folder whose templates replace ours.
pub fn render(r: &Reviewed, links: &Links, templates: Option<&Path>) -> Result<Vec<Entry>> {
    let mut reviewers = if r.review.staff_names_in_pack {
        Reviewers::as_named()
    } else {
        Reviewers::numbered(&r.scored)
    };
    if !r.review.reviewer_commentary_in_pack {
        reviewers = reviewers.without_commentary();
    }
    let previous = report::previous_snapshot(
        &r.paths.history(),
        r.scored.review_date,
        &r.scored.framework,
        &r.paths.root,
    );
    let rendered = report::render_linked(r, previous.as_ref(), templates, links, &reviewers)?;
    let mut entries = vec![
        generated("index.html", rendered.report.into_bytes()),
        generated("governors.html", rendered.governors.into_bytes()),
        generated("summary.xlsx", rendered.summary),
    ];
    for a in &r.scored.aspects {
        if a.agreed.is_some() || a.not_agreed.is_some() || !a.commentary.is_empty() {
            entries.push(generated(
                &format!("aspects/{}/commentary.txt", a.code),
                commentary_text(r, a, &reviewers).into_bytes(),
            ));
        }
    }
    for (name, bytes) in summaries::tables(&r.metrics)? {
        entries.push(generated(&format!("evidence-summary/{name}"), bytes));
    }
    Ok(entries)
}

fn generated(name: &str, bytes: Vec<u8>) -> Entry {
    Entry {
        name: name.to_string(),
        content: Content::Bytes(bytes),
    }
}

/// An aspect's level, the levels given, the group's reasons, the commentary and the
/// evidence cited, as plain text.
fn commentary_text(r: &Reviewed, a: &AspectScore, reviewers: &Reviewers) -> String {
    let fw = &r.framework.framework;
    let mut s = format!("{} {}\n", a.code, a.name);
    match a.agreed {
        Some(l) if report::group_agreed(a) => s.push_str(&format!(
            "Agreed level: {l} ({}), agreed by the group; benchmark: {}\n",
            fw.level_label(l),
            a.benchmark
        )),
        Some(l) => s.push_str(&format!(
            "Level: {l} ({}), {}, not agreed by the group; benchmark: {}\n",
            fw.level_label(l),
            report::reached(a),
            a.benchmark
        )),
        None => s.push_str(&format!(
            "{}; benchmark: {}\n",
            report::not_scored(a),
            a.benchmark
        )),
    }
    if !a.reviewers.is_empty() {
        let levels: Vec<String> = reviewers
            .levels(&a.reviewers)
            .iter()
            .map(|(n, l)| format!("{n}: {l}"))
            .collect();
        s.push_str(&format!("Levels given: {}\n", levels.join(", ")));
    }
    if let Some(rationale) = &a.rationale {
        let heading = report::rationale_heading(a);
        s.push_str(&format!("{heading}: {rationale}\n"));
    }
    match &a.agreed_commentary {
        Some(c) => s.push_str(&format!(
            "\n{}:\n{}\n",
            report::commentary_heading(c),
            c.text
        )),
        None => s.push_str("\nNo agreed commentary.\n"),
    }
    let own = a.commentary.iter().filter(|c| {
        reviewers.shows_commentary()
            && c.reviewer != GROUP_REVIEWER
            && a.agreed_commentary
                .as_ref()
                .is_none_or(|g| g.text != c.text)
    });
    for c in own {
        s.push_str(&format!(
            "\n{} (own commentary):\n{}\n",
            reviewers.shown(&c.reviewer),
            c.text
        ));
    }
    if !a.evidence.is_empty() {
        s.push_str(&format!("\nEvidence cited: {}\n", a.evidence.join("; ")));
    }
    s
}
