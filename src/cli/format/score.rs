//! The text `selfreview score` shows: the table of aspects, the verdict and what to do next.

use std::fmt::Write as _;

use selfreview::Framework;
use selfreview::score::{AspectScore, NotAgreedWhy, Scored};

use super::{Paint, verdict};

/// The whole summary of a scored review; `paint` colours the verdict and the flags.
pub fn summary(s: &Scored, fw: &Framework, paint: Paint) -> String {
    let mut o = String::new();
    heading(&mut o, s);
    let _ = writeln!(
        o,
        "{:<48} {:>7} {:>9} {:>5}  reviewers",
        "aspect", "claimed", "evidenced", "bench"
    );
    for a in &s.aspects {
        aspect_line(&mut o, a, paint);
    }
    verdict::verdict(&mut o, s, paint);
    verdict::other_findings(&mut o, s);
    verdict::agenda(&mut o, s);
    verdict::next_steps(&mut o, s, fw);
    let _ = write!(o, "\nThe full action plan is in the JSON output (--json).");
    o
}

fn tick(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

fn heading(o: &mut String, s: &Scored) {
    let _ = writeln!(
        o,
        "{}: online safety self-review as of {} ({} {})",
        s.school,
        selfreview::dates::uk(s.review_date),
        s.framework,
        s.framework_version
    );
    let names: Vec<&str> = s.workbooks.iter().map(|w| w.reviewer.as_str()).collect();
    if names.is_empty() {
        let _ = writeln!(
            o,
            "Workbooks: none read (make one in scores/ for each member of the group with `selfreview workbook`)"
        );
    } else {
        let _ = writeln!(o, "Workbooks: {} ({})", names.len(), names.join(", "));
    }
    let group = names.contains(&selfreview::workbook::layout::GROUP_REVIEWER);
    if group || names.len() == 1 {
        let _ = writeln!(o, "{}", verdict::commentary_count(s));
    } else if names.len() > 1 {
        let _ = writeln!(
            o,
            "Agreed commentary: none, as there is no group workbook (make one with `selfreview workbook --group`)"
        );
    }
    let m = &s.milestones;
    let _ = writeln!(
        o,
        "Milestones: started {} · elements complete {} of {} · progress {} · ready {}\n",
        tick(m.started),
        m.elements_complete,
        s.elements.len(),
        tick(m.progress),
        tick(m.ready)
    );
}

/// Reviewers' levels as "DSL 2, Head 3".
pub(super) fn levels<'a>(levels: impl Iterator<Item = (&'a String, &'a u8)>) -> String {
    levels
        .map(|(n, l)| format!("{n} {l}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn aspect_line(o: &mut String, a: &AspectScore, paint: Paint) {
    let level = |l: Option<u8>| l.map_or("-".to_string(), |l| l.to_string());
    let mut flags = String::new();
    if a.gap_to_benchmark.is_some_and(|g| g > 0) {
        flags.push_str(&paint.red("  below benchmark"));
    }
    if a.evidenced > a.agreed {
        flags.push_str(&paint.yellow("  records differ"));
    }
    if a.unevidenced {
        flags.push_str(&paint.yellow("  no evidence"));
    }
    match a.not_agreed.as_ref().map(|n| n.why) {
        Some(NotAgreedWhy::AgreeAgain) => flags.push_str(&paint.red("  to be agreed again")),
        Some(NotAgreedWhy::Blank) => flags.push_str(&paint.red("  not agreed")),
        None => {}
    }
    if a.needs_discussion {
        flags.push_str("  needs discussion");
    } else if a.disagreement {
        flags.push_str("  differ");
    }
    if a.agreed.is_some() && !selfreview::report::group_agreed(a) {
        let how = selfreview::report::reached(a);
        flags.push_str(&paint.yellow(&format!("  {how}, not agreed")));
    }
    if !a.complete {
        flags.push_str("  incomplete");
    }
    let title = format!("{} {}", a.code, a.name);
    let _ = writeln!(
        o,
        "{title:<48} {:>7} {:>9} {:>5}  {}{flags}",
        level(a.agreed),
        level(a.evidenced),
        a.benchmark,
        levels(a.reviewers.iter())
    );
    if let Some(rationale) = &a.rationale {
        let heading = selfreview::report::rationale_heading(a);
        let _ = writeln!(o, "{:<48} {heading}: {rationale}", "");
    }
    if let Some(n) = &a.not_agreed {
        let how = selfreview::report::reached_in_full(a);
        let middle = n.middle.map_or_else(String::new, |m| {
            format!("; the reviewers' middle level is {m}, not counted")
        });
        let _ = writeln!(o, "{:<48} no level is claimed: {how}{middle}", "");
    }
}
