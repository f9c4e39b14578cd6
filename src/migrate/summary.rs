//! The migration summary: aspect by aspect, what happened, and what was done to each
//! workbook. It names aspects, workbooks and levels, never what the school wrote, so it is
//! safe to print and to keep in out/.

use std::fmt::Write;

use super::{AspectChange, Migrated};
use crate::framework::map::Carry;

/// The summary as text, for the terminal and `out/migration-<map>.txt`.
pub fn text(m: &Migrated) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: the review is carried from `{}` to `{}`{}, through the framework map `{}` ({}).",
        m.school,
        m.from,
        m.to,
        if m.map_title.is_empty() {
            String::new()
        } else {
            format!(" ({})", m.map_title)
        },
        m.map,
        m.map_source
    );
    if m.resumed {
        s.push_str("An earlier migration stopped part-way; this one started again from the workbooks it had kept.\n");
    }
    let _ = writeln!(
        s,
        "The workbooks as they were are kept unchanged in {}/.\n\nAspect by aspect:",
        m.kept.display()
    );
    aspects(m, &mut s);
    s.push_str("\nWorkbooks:\n");
    if m.workbooks.is_empty() {
        s.push_str("  none were in scores/; make them with `selfreview workbook`\n");
    }
    for w in &m.workbooks {
        let flagged = w.aspects.iter().filter(|c| c.flagged).count();
        let _ = writeln!(
            s,
            "  {} ({}): written from {}; {} aspect{} flagged",
            w.written.display(),
            w.reviewer,
            w.kept.display(),
            flagged,
            if flagged == 1 { "" } else { "s" }
        );
    }
    for r in &m.removed {
        let _ = writeln!(
            s,
            "  {} removed: its copy is kept and its new workbook is .xlsx",
            r.display()
        );
    }
    again(m, &mut s);
    let _ = writeln!(
        s,
        "\nreview.toml now names `{}`. Each flagged aspect is listed by `selfreview score` until the group has checked it and emptied its \"Review after the change\" cell.",
        m.to
    );
    s
}

/// Each aspect, with what each workbook gave it.
fn aspects(m: &Migrated, s: &mut String) {
    for a in &m.aspects {
        let _ = writeln!(s, "  {} {}: {}", a.code, a.name, what(a));
        for w in &m.workbooks {
            let Some(c) = w.aspects.iter().find(|c| c.code == a.code) else {
                continue;
            };
            if c.level.is_none() && c.commentary_from.is_empty() && !c.flagged {
                continue;
            }
            let unscored = c.sources.iter().any(|(_, l)| l.is_none())
                && c.sources.iter().any(|(_, l)| l.is_some());
            let level = match c.level {
                None if c.agree_again => format!(
                    "to be agreed again, no level carried (the group {})",
                    agreed_each(&c.sources)
                ),
                Some(l) => format!("level {l}"),
                None if a.carry == Carry::Merged && unscored => {
                    "no level, left blank as a source has none".to_string()
                }
                None => "no level".to_string(),
            };
            let sources = if a.carry == Carry::Merged && !c.agree_again {
                let each: Vec<String> = c
                    .sources
                    .iter()
                    .map(|(code, l)| {
                        format!("{code} {}", l.map_or("-".to_string(), |l| l.to_string()))
                    })
                    .collect();
                format!(" (from {})", each.join(", "))
            } else {
                String::new()
            };
            let commentary = match c.commentary_from.as_slice() {
                [] => String::new(),
                codes => format!("; commentary from {}", codes.join(", ")),
            };
            let flag = if c.flagged { "; flagged" } else { "" };
            let _ = writeln!(
                s,
                "      {}: {level}{sources}{commentary}{flag}",
                w.written.display()
            );
        }
    }
}

/// The aspects a group workbook carried with no Agreed level, for the group to agree again.
fn again(m: &Migrated, s: &mut String) {
    let named: Vec<String> = m
        .aspects
        .iter()
        .filter(|a| {
            m.workbooks
                .iter()
                .any(|w| w.aspects.iter().any(|c| c.code == a.code && c.agree_again))
        })
        .map(|a| format!("{} {}", a.code, a.name))
        .collect();
    if !named.is_empty() {
        let _ = writeln!(
            s,
            "\nThe group must agree these aspects again: {}. The group had not agreed every aspect each one came from, so no level is carried and none is claimed until the group writes one in Agreed.",
            named.join("; ")
        );
    }
}

/// What the group had agreed for each source: "agreed B1.1 at level 3 and did not agree B1.2".
fn agreed_each(sources: &[(String, Option<u8>)]) -> String {
    let each: Vec<String> = sources
        .iter()
        .map(|(code, l)| match l {
            Some(l) => format!("agreed {code} at level {l}"),
            None => format!("did not agree {code}"),
        })
        .collect();
    match each.as_slice() {
        [rest @ .., last] if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => each.join(""),
    }
}

/// What happened to an aspect, in words.
fn what(a: &AspectChange) -> String {
    let named: Vec<String> = a.from.iter().map(|(c, n)| format!("{c} {n}")).collect();
    match a.carry {
        Carry::Same if a.from.first().is_some_and(|(c, _)| c == &a.code) => {
            "carried as it was".to_string()
        }
        Carry::Same => format!("carried from {}", named.join("")),
        Carry::Merged => format!(
            "merged from {}: the weaker level, each one's commentary under its old code, flagged for review",
            named.join(" and ")
        ),
        Carry::New => format!(
            "new: level copied from {}, commentary blank, flagged for review",
            named.join("")
        ),
    }
}
