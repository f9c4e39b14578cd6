//! Inline SVG charts for the reports: no scripts, nothing fetched, readable in print.
//!
//! Colour is never the only signal: series differ in line style too, and every chart has a
//! text legend and a table beside it in the report.

use std::fmt::Write as _;

use chrono::NaiveDate;

/// Escapes text for SVG.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

mod radar;

pub use radar::{Spoke, radar};

/// One bar: a label and a share from 0 to 1.
pub struct Bar {
    /// What the bar is for.
    pub label: String,
    /// The share, 0 to 1.
    pub share: f64,
    /// Text printed after the bar, e.g. "18 of 20".
    pub note: String,
    /// What is expected of this bar's group, marked on the bar when known.
    pub target: Option<Expected>,
}

/// A mark on a bar: the share a check expects, and the words under it, which say what
/// the check asks ("90% expected", "all expected (none untrained)").
pub struct Expected {
    /// The share, 0 to 1.
    pub share: f64,
    /// The words under the mark.
    pub said: String,
}

/// Horizontal bars of shares, each with a marker at its own expected share when known.
/// Characters of a 12-pixel label that fit beside a bar or a timeline, clear of it.
const ROW_LABEL_CHARS: usize = 26;

/// A row's label, at most [`ROW_LABEL_CHARS`] characters (shortened with "…" at a space),
/// drawn at (`x`, `y`); a shortened one carries its whole name as a tooltip, and the table
/// beside the chart names it in full.
fn row_label(s: &mut String, x: f64, y: f64, text: &str) {
    let shown = super::shorten(text, ROW_LABEL_CHARS);
    let title = if shown == text {
        String::new()
    } else {
        format!("<title>{}</title>", esc(text))
    };
    let _ = write!(
        s,
        r#"<text x="{x:.1}" y="{y:.1}" font-size="12">{title}{}</text>"#,
        esc(&shown)
    );
}

pub fn bars(title: &str, items: &[Bar]) -> String {
    let row = 28.0;
    let (label_w, bar_w) = (170.0, 300.0);
    let row = if items.iter().any(|b| b.target.is_some()) {
        row + 12.0
    } else {
        row
    };
    let height = row * items.len() as f64 + 30.0;
    let width = label_w + bar_w + 120.0;
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{}">"#,
        esc(title)
    );
    for (i, b) in items.iter().enumerate() {
        let y = 10.0 + row * i as f64;
        let w = bar_w * b.share.clamp(0.0, 1.0);
        row_label(&mut s, 0.0, y + 13.0, &b.label);
        let _ = write!(
            s,
            r##"<rect x="{label_w}" y="{y:.1}" width="{bar_w}" height="18" fill="#eeeeee"/><rect x="{label_w}" y="{y:.1}" width="{w:.1}" height="18" fill="#1f5fa8"/><text x="{:.1}" y="{:.1}" font-size="12">{} ({})</text>"##,
            label_w + bar_w + 6.0,
            y + 13.0,
            crate::rounding::percent(b.share),
            esc(&b.note)
        );
        if let Some(t) = &b.target {
            let x = label_w + bar_w * t.share.clamp(0.0, 1.0);
            let _ = write!(
                s,
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#b00020" stroke-width="3"/><text x="{x:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#b00020">{}</text>"##,
                y - 3.0,
                y + 21.0,
                y + 31.0,
                esc(&t.said)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// A timeline of meetings: one row per group, a mark per meeting over the window.
pub fn timeline(start: NaiveDate, end: NaiveDate, rows: &[(String, Vec<NaiveDate>)]) -> String {
    let (label_w, span_w, row) = (170.0, 400.0, 26.0);
    let height = row * rows.len() as f64 + 34.0;
    let width = label_w + span_w + 20.0;
    let days = (end - start).num_days().max(1) as f64;
    let x_of =
        |d: NaiveDate| label_w + span_w * ((d - start).num_days() as f64 / days).clamp(0.0, 1.0);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="Meetings by group over the last twelve months">"#
    );
    for (i, (group, dates)) in rows.iter().enumerate() {
        let y = 14.0 + row * i as f64;
        row_label(&mut s, 0.0, y + 4.0, group);
        let _ = write!(
            s,
            r##"<line x1="{label_w}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#cccccc"/>"##,
            label_w + span_w
        );
        for d in dates.iter().filter(|d| **d >= start && **d <= end) {
            let _ = write!(
                s,
                r##"<circle cx="{:.1}" cy="{y:.1}" r="5" fill="#1f5fa8"><title>{}</title></circle>"##,
                x_of(*d),
                crate::dates::uk(*d)
            );
        }
    }
    let y = height - 8.0;
    let _ = write!(
        s,
        r##"<text x="{label_w}" y="{y:.1}" font-size="11">{}</text><text x="{:.1}" y="{y:.1}" font-size="11" text-anchor="end">{}</text>"##,
        crate::dates::uk(start),
        label_w + span_w,
        crate::dates::uk(end)
    );
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_timeline_are_well_formed() {
        let b = bars(
            "Training",
            &[
                Bar {
                    label: "staff".into(),
                    share: 0.5,
                    note: "1 of 2".into(),
                    target: Some(Expected {
                        share: 0.9,
                        said: "90% expected".into(),
                    }),
                },
                Bar {
                    label: "governors".into(),
                    share: 1.0,
                    note: "2 of 2".into(),
                    target: Some(Expected {
                        share: 0.5,
                        said: "50% expected".into(),
                    }),
                },
                Bar {
                    label: "volunteers".into(),
                    share: 1.0,
                    note: "1 of 1".into(),
                    target: None,
                },
            ],
        );
        assert!(b.contains("50% (1 of 2)") && b.contains("90% expected"));
        assert!(
            b.contains("50% expected"),
            "each group has its own expectation"
        );
        assert_eq!(
            b.matches("expected").count(),
            2,
            "none where nothing is expected"
        );
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).expect("valid");
        let t = timeline(
            d(1, 1),
            d(12, 31),
            &[("governors".into(), vec![d(6, 1), d(10, 1)])],
        );
        assert_eq!(t.matches("<circle").count(), 2);
        // A long group name is shortened to stay clear of the line and the dots, with the
        // whole name as its tooltip; a short one is left as it is.
        let long = "Joint Safeguarding Wellbeing and Online Behaviour Working Party";
        let t = timeline(d(1, 1), d(12, 31), &[(long.into(), vec![d(1, 2)])]);
        assert!(
            t.contains(&format!("<title>{long}</title>Joint Safeguarding…</text>")),
            "{t}"
        );
        let b = bars(
            "Training",
            &[Bar {
                label: "Midday supervisors and lunchtime play leaders".into(),
                share: 0.5,
                note: "1 of 2".into(),
                target: None,
            }],
        );
        assert!(b.contains(">Midday supervisors and…</text>"), "{b}");
        assert!(b.contains("<title>Midday supervisors and lunchtime play leaders</title>"));
        for label in [long, "Midday supervisors and lunchtime play leaders"] {
            let shown = super::super::shorten(label, ROW_LABEL_CHARS);
            // 12-pixel text averages under 6.5 pixels a character: clear of the 170 the
            // labels are given.
            assert!(shown.chars().count() as f64 * 6.5 < 170.0, "{shown}");
        }
    }
}
