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

/// One spoke of the radar: an aspect's code and its levels (1 best … 5), if any.
pub struct Spoke {
    /// The aspect code, the spoke's label.
    pub code: String,
    /// The agreed level now.
    pub agreed: Option<u8>,
    /// The benchmark level.
    pub benchmark: u8,
    /// The agreed level at the previous snapshot.
    pub previous: Option<u8>,
}

/// Distance from the centre for a level: level 1 at the rim, level 5 a fifth of the way.
fn radius(level: Option<u8>, r: f64) -> f64 {
    level.map_or(0.0, |l| f64::from(6 - l.clamp(1, 5)) / 5.0 * r)
}

fn point(i: usize, n: usize, dist: f64, c: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    (c + dist * angle.cos(), c + dist * angle.sin())
}

fn polygon(spokes: &[Spoke], r: f64, c: f64, level: impl Fn(&Spoke) -> Option<u8>) -> String {
    spokes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (x, y) = point(i, spokes.len(), radius(level(s), r), c);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A radar chart of agreed levels against the benchmark (better levels further out).
pub fn radar(spokes: &[Spoke]) -> String {
    let (size, c, r) = (520.0, 260.0, 200.0);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" aria-labelledby="radar-title"><title id="radar-title">Agreed levels against the benchmark for each aspect; level 1 is at the rim</title>"#
    );
    if spokes.is_empty() {
        s.push_str("</svg>");
        return s;
    }
    for level in 1..=5u8 {
        let pts = polygon(spokes, r, c, |_| Some(level));
        let _ = write!(
            s,
            r##"<polygon points="{pts}" fill="none" stroke="#d0d0d0" stroke-width="1"/>"##
        );
    }
    for (i, spoke) in spokes.iter().enumerate() {
        let (x, y) = point(i, spokes.len(), r, c);
        let _ = write!(
            s,
            r##"<line x1="{c}" y1="{c}" x2="{x:.1}" y2="{y:.1}" stroke="#e0e0e0"/>"##
        );
        let (lx, ly) = point(i, spokes.len(), r + 24.0, c);
        let _ = write!(
            s,
            r#"<text x="{lx:.1}" y="{ly:.1}" font-size="12" text-anchor="middle" dominant-baseline="middle">{}</text>"#,
            esc(&spoke.code)
        );
    }
    if spokes.iter().any(|s| s.previous.is_some()) {
        let pts = polygon(spokes, r, c, |s| s.previous);
        let _ = write!(
            s,
            r##"<polygon points="{pts}" fill="none" stroke="#7f7f7f" stroke-width="2" stroke-dasharray="2 4"/>"##
        );
    }
    let bench = polygon(spokes, r, c, |s| Some(s.benchmark));
    let _ = write!(
        s,
        r##"<polygon points="{bench}" fill="none" stroke="#b00020" stroke-width="2" stroke-dasharray="8 5"/>"##
    );
    let agreed = polygon(spokes, r, c, |s| s.agreed);
    let _ = write!(
        s,
        r##"<polygon points="{agreed}" fill="#1f5fa8" fill-opacity="0.25" stroke="#1f5fa8" stroke-width="3"/>"##
    );
    for level in 1..=5u8 {
        let (_, y) = point(0, 1, radius(Some(level), r), c);
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{y:.1}" font-size="10" fill="#555">{level}</text>"##,
            c + 4.0
        );
    }
    s.push_str("</svg>");
    s
}

/// One bar: a label and a share from 0 to 1.
pub struct Bar {
    /// What the bar is for.
    pub label: String,
    /// The share, 0 to 1.
    pub share: f64,
    /// Text printed after the bar, e.g. "18 of 20".
    pub note: String,
    /// The share expected of this bar's group, marked on the bar when known.
    pub target: Option<f64>,
}

/// Horizontal bars of shares, each with a marker at its own expected share when known.
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
        let _ = write!(
            s,
            r##"<text x="0" y="{:.1}" font-size="12">{}</text><rect x="{label_w}" y="{y:.1}" width="{bar_w}" height="18" fill="#eeeeee"/><rect x="{label_w}" y="{y:.1}" width="{w:.1}" height="18" fill="#1f5fa8"/><text x="{:.1}" y="{:.1}" font-size="12">{:.0}% ({})</text>"##,
            y + 13.0,
            esc(&b.label),
            label_w + bar_w + 6.0,
            y + 13.0,
            b.share * 100.0,
            esc(&b.note)
        );
        if let Some(t) = b.target {
            let x = label_w + bar_w * t.clamp(0.0, 1.0);
            let _ = write!(
                s,
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#b00020" stroke-width="3"/><text x="{x:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#b00020">{:.0}% expected</text>"##,
                y - 3.0,
                y + 21.0,
                y + 31.0,
                t * 100.0
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
        let _ = write!(
            s,
            r##"<text x="0" y="{:.1}" font-size="12">{}</text><line x1="{label_w}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#cccccc"/>"##,
            y + 4.0,
            esc(group),
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
    fn radar_puts_level_1_at_the_rim_and_escapes_labels() {
        assert_eq!(radius(Some(1), 200.0), 200.0);
        assert_eq!(radius(Some(5), 200.0), 40.0);
        assert_eq!(radius(None, 200.0), 0.0);
        let svg = radar(&[
            Spoke {
                code: "A<1>".into(),
                agreed: Some(2),
                benchmark: 2,
                previous: None,
            },
            Spoke {
                code: "B".into(),
                agreed: None,
                benchmark: 2,
                previous: Some(3),
            },
            Spoke {
                code: "C".into(),
                agreed: Some(1),
                benchmark: 2,
                previous: None,
            },
        ]);
        assert!(svg.contains("A&lt;1&gt;"));
        assert!(
            svg.contains("stroke-dasharray=\"2 4\""),
            "previous snapshot drawn"
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    #[test]
    fn bars_and_timeline_are_well_formed() {
        let b = bars(
            "Training",
            &[
                Bar {
                    label: "staff".into(),
                    share: 0.5,
                    note: "1 of 2".into(),
                    target: Some(0.9),
                },
                Bar {
                    label: "governors".into(),
                    share: 1.0,
                    note: "2 of 2".into(),
                    target: Some(0.5),
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
    }
}
