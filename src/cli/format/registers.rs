//! The lines `selfreview import` shows for the registers: the policy register judged, the
//! agreements signed this school year, filtering checks by term, surveys and engagement.

use std::fmt::Write as _;

use selfreview::dates::uk;
use selfreview::evidence::Kind;
use selfreview::metrics::registers::Registers;

use super::metrics::{Empty, absent};

use selfreview::rounding::percent;
use selfreview::text::plural;

/// Every register's lines, each saying when none was imported.
pub fn registers(s: &mut String, r: &Registers, empty: &Empty) {
    match &r.documents {
        None => absent(s, empty, Kind::Documents, "no policy register imported"),
        Some(d) => super::documents::documents(s, d),
    }
    agreements(s, r, empty);
    match &r.filtering {
        None => absent(s, empty, Kind::Filtering, "no filtering check log imported"),
        Some(f) => {
            let last = f.last.map_or("never".into(), uk);
            let unchecked = f.terms_words();
            let unclear = if f.unclear == 0 {
                String::new()
            } else {
                format!(
                    ", {} with a result that does not say whether the filter held",
                    f.unclear
                )
            };
            line(
                s,
                &format!(
                    "  filtering ({} months): {}, {} finding something that got through{unclear}, last {last}; {unchecked}",
                    f.months,
                    plural(f.checks, "check", "checks"),
                    f.failed
                ),
            );
        }
    }
    super::logs::surveys(s, r, empty);
    super::logs::engagement(s, r, empty);
}

fn agreements(s: &mut String, r: &Registers, empty: &Empty) {
    match &r.agreements {
        None => absent(
            s,
            empty,
            Kind::Agreements,
            "no acceptable use agreement records imported",
        ),
        Some(groups) if groups.is_empty() => {
            line(
                s,
                "  agreements: nobody can be counted as signed this school year",
            );
        }
        Some(groups) => {
            let since = groups.first().map(|g| uk(g.since)).unwrap_or_default();
            let all: Vec<String> = groups
                .iter()
                .map(|g| {
                    if g.dates_recorded {
                        format!(
                            "{} {} of {} ({})",
                            g.group,
                            g.signed,
                            g.of,
                            percent(g.share)
                        )
                    } else {
                        format!("{} {}, {UNDATED}", g.group, people(g.of))
                    }
                })
                .collect();
            line(
                s,
                &format!("  agreements (signed since {since}): {}", all.join(", ")),
            );
            for g in groups
                .iter()
                .filter(|g| g.parts.len() > 1 && g.dates_recorded)
            {
                let parts: Vec<String> = g
                    .parts
                    .iter()
                    .map(|p| format!("{} {} of {}", p.part, p.signed, p.of))
                    .collect();
                line(s, &format!("    {}: {}", g.group, parts.join(", ")));
            }
        }
    }
}

/// What the figures say of a group whose registers give no dates of signing, as the
/// checks on it are "evidence needed".
const UNDATED: &str = "who signed this school year not known (no dates of signing recorded)";

fn people(n: usize) -> String {
    plural(n, "person", "people")
}

pub(super) fn line(s: &mut String, text: &str) {
    let _ = writeln!(s, "{text}");
}
