//! What `selfreview score` says after its table: whether the school is ready and what holds
//! it back, the other findings from the records, the disagreements and the next steps.

use std::fmt::Write as _;

use selfreview::Framework;
use selfreview::score::{CommentaryBy, Scored};

use super::Paint;
use super::score::levels;

/// The problems in the review's files the verdict names; the rest are counted.
const PROBLEMS_SHOWN: usize = 5;

pub(super) fn verdict(o: &mut String, s: &Scored, paint: Paint) {
    if s.ready {
        let _ = writeln!(
            o,
            "\n{}",
            paint.green(
                "Ready to apply for the Online Safety Mark: every aspect meets its benchmark with commentary."
            )
        );
        return;
    }
    let mut why = Vec::new();
    if !s.problems.is_empty() {
        why.push(format!(
            "{} in the review's files to fix first",
            selfreview::metrics::measure::plural(s.problems.len(), "problem", "problems")
        ));
    }
    if !s.reasons.is_empty() {
        why.push(format!(
            "{} {} it back",
            selfreview::metrics::measure::plural(s.reasons.len(), "aspect", "aspects"),
            if s.reasons.len() == 1 {
                "holds"
            } else {
                "hold"
            }
        ));
    }
    let held = format!(
        "Not yet ready to apply for the Online Safety Mark ({}):",
        why.join("; ")
    );
    let _ = writeln!(o, "\n{}", paint.red(&held));
    for p in s.problems.iter().take(PROBLEMS_SHOWN) {
        let _ = writeln!(o, "  - {p}");
    }
    if s.problems.len() > PROBLEMS_SHOWN {
        let _ = writeln!(
            o,
            "  - and {} more (the errors above)",
            s.problems.len() - PROBLEMS_SHOWN
        );
    }
    for r in &s.reasons {
        let _ = writeln!(o, "  - {}", r.message);
    }
}

/// Each aspect is listed once: findings already given as a reason are not repeated.
pub(super) fn other_findings(o: &mut String, s: &Scored) {
    let more: Vec<_> = s
        .evidence_findings
        .iter()
        .filter(|f| !s.reasons.iter().any(|r| r.aspect == f.aspect))
        .collect();
    if !more.is_empty() {
        let _ = writeln!(o, "\nWhat the school's records show against other claims:");
        for f in more {
            let _ = writeln!(o, "  - {}", f.message);
        }
    }
}

pub(super) fn agenda(o: &mut String, s: &Scored) {
    if !s.agenda.is_empty() {
        let _ = writeln!(o, "\nTo discuss (widest disagreement first):");
        for item in &s.agenda {
            let _ = writeln!(
                o,
                "  - {} {}: {}",
                item.aspect,
                item.name,
                levels(item.levels.iter().map(|(n, l)| (n, l)))
            );
        }
    }
}

pub(super) fn next_steps(o: &mut String, s: &Scored, fw: &Framework) {
    let below: Vec<_> = s.actions.iter().filter(|p| p.below_benchmark).collect();
    if below.is_empty() {
        return;
    }
    let _ = writeln!(o, "\nNext steps for aspects below the benchmark:");
    for p in below {
        let _ = writeln!(
            o,
            "  - {} {}: from level {} to {} ({})",
            p.aspect,
            p.name,
            p.level,
            p.next_level,
            fw.level_label(p.next_level)
        );
        for action in &p.improvement_actions {
            let _ = writeln!(o, "      * {action}");
        }
    }
}

/// How many aspects have the commentary the assessor reads, and whose it is: only the
/// group's own is counted as agreed.
pub(super) fn commentary_count(s: &Scored) -> String {
    let by = |who: CommentaryBy| {
        s.aspects
            .iter()
            .filter(|a| a.agreed_commentary.as_ref().is_some_and(|c| c.by == who))
            .count()
    };
    let n = s.aspects.len();
    let only = by(CommentaryBy::OnlyReviewer);
    if only > 0 {
        return format!(
            "Commentary (what the assessor reads): the only reviewer's, not agreed by a group, for {only} of {n} aspects"
        );
    }
    let mut said = format!(
        "Agreed commentary (what the assessor reads): {} of {n} aspects",
        by(CommentaryBy::Group)
    );
    let carried = by(CommentaryBy::Carried);
    if carried > 0 {
        said.push_str(&format!(
            "; {carried} more carried by the framework change, for the group to check"
        ));
    }
    said
}
