//! The lines `selfreview import` shows for the surveys and parent engagement logs.

use selfreview::dates::uk;
use selfreview::evidence::Kind;
use selfreview::metrics::registers::Registers;
use selfreview::text::plural;

use super::metrics::{Empty, absent};
use super::registers::line;

/// Surveys in the last year, by who was asked.
pub(super) fn surveys(s: &mut String, r: &Registers, empty: &Empty) {
    match &r.surveys {
        None => absent(s, empty, Kind::Surveys, "no survey records imported"),
        Some(groups) => {
            let all: Vec<String> = groups
                .iter()
                .map(|g| {
                    format!(
                        "{} {} ({})",
                        g.group,
                        g.count,
                        plural(g.responses, "response", "responses")
                    )
                })
                .collect();
            line(s, &format!("  surveys (12 months): {}", all.join(", ")));
        }
    }
}

/// Sessions and communications for parents in the last year.
pub(super) fn engagement(s: &mut String, r: &Registers, empty: &Empty) {
    match &r.engagement {
        None => absent(
            s,
            empty,
            Kind::Engagement,
            "no parent engagement records imported",
        ),
        Some(g) => line(
            s,
            &format!(
                "  engagement ({} months): {} attended by {}{}, {}, last {}",
                g.months,
                plural(g.sessions, "session", "sessions"),
                g.attendance,
                if g.unattended > 0 {
                    format!(
                        " ({} attended by nobody)",
                        plural(g.unattended, "more", "more")
                    )
                } else {
                    String::new()
                },
                plural(g.communications, "communication", "communications"),
                g.last.map_or("never".into(), uk)
            ),
        ),
    }
}
