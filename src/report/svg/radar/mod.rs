//! The radar chart: each aspect's agreed level against the benchmark and the previous
//! review, its spokes labelled clear of each other and of the lines tying them to the rim
//! (`place`), with names in short forms (`names`), in type large enough to read at the
//! height the chart is printed.

use std::fmt::Write as _;

mod names;
mod place;

use place::{LABEL_SIZE, Label, Type, labels};

/// One spoke of the radar: an aspect's code and name and its levels (1 best … 5), if any.
pub struct Spoke {
    /// The aspect code, the first line of the spoke's label.
    pub code: String,
    /// The aspect name, shortened under the code.
    pub name: String,
    /// The agreed level now.
    pub agreed: Option<u8>,
    /// The benchmark level.
    pub benchmark: u8,
    /// The agreed level at the previous snapshot.
    pub previous: Option<u8>,
}

/// Distance from the centre for a level: level 1 at the rim, level 5 (nothing in place) at
/// the centre, each level a ring between; an aspect not scored is drawn at the centre too.
/// The axis has a tick for each level and nothing else.
fn radius(level: Option<u8>, r: f64) -> f64 {
    level.map_or(0.0, |l| f64::from(5 - l.clamp(1, 5)) / 4.0 * r)
}

pub(super) fn point(i: usize, n: usize, dist: f64, c: (f64, f64)) -> (f64, f64) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    (c.0 + dist * angle.cos(), c.1 + dist * angle.sin())
}

/// The points of a ring through each spoke's level. A spoke without one (an aspect nobody
/// scored) is left out, not drawn at the centre, where it would read as level 5.
fn polygon(
    spokes: &[Spoke],
    r: f64,
    c: (f64, f64),
    level: &dyn Fn(&Spoke) -> Option<u8>,
) -> String {
    spokes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (x, y) = point(i, spokes.len(), radius(Some(level(s)?), r), c);
            Some(format!("{x:.1},{y:.1}"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The radius of the radar's level-1 ring, in the chart's units.
const RADAR_RADIUS: f64 = 135.0;

/// The smallest type, in points, a label may print at: a chart printed small has its labels
/// in larger type for its size, cut shorter where they then crowd, rather than too small
/// to read.
pub const LEAST_LABEL_POINTS: f64 = 7.0;

/// The largest labels' type tried, in the chart's units, for a chart printed very small.
const MOST_LABEL_SIZE: f64 = 30.0;

/// The labels, in the smallest type (from [`LABEL_SIZE`] up) that prints at least
/// [`LEAST_LABEL_POINTS`] tall when the chart, labels and all, is printed `printed` points
/// high; and the box the chart and its labels take. Larger type makes the labels crowd and
/// the box grow, so the size is found again from each try.
fn sized(spokes: &[Spoke], printed: f64) -> (Vec<Label>, (f64, f64, f64, f64), Type) {
    let mut kind = Type { size: LABEL_SIZE };
    loop {
        let placed = labels(spokes, kind);
        let bounds = extent(&placed);
        let points = kind.size * printed / (bounds.3 - bounds.1 + 12.0);
        if points >= LEAST_LABEL_POINTS || kind.size >= MOST_LABEL_SIZE {
            return (placed, bounds, kind);
        }
        let wanted = kind.size * LEAST_LABEL_POINTS / points;
        // Half a unit more than was wanted, at least, so that each try gets closer.
        kind.size = (wanted.max(kind.size) + 0.5).min(MOST_LABEL_SIZE);
    }
}

/// The box the rim and the labels take: left, top, right, bottom.
fn extent(labels: &[Label]) -> (f64, f64, f64, f64) {
    let r = RADAR_RADIUS;
    labels
        .iter()
        .map(|l| l.bounds)
        .fold((-r - 20.0, -r - 20.0, r + 20.0, r + 20.0), |a, b| {
            (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
        })
}

/// A radar chart of agreed levels against the benchmark (better levels further out), each
/// spoke labelled with the aspect's code and a short form of its name, for printing
/// `printed` points high: its labels and level numbers print no smaller than
/// [`LEAST_LABEL_POINTS`]. The centre is at the origin; the view box reaches as far as the
/// rim and the labels do.
pub fn radar(spokes: &[Spoke], printed: f64) -> String {
    let r = RADAR_RADIUS;
    let c = (0.0, 0.0);
    let (labels, bounds, kind) = sized(spokes, printed);
    let (x0, y0) = (bounds.0 - 6.0, bounds.1 - 6.0);
    let (w, h) = (bounds.2 - bounds.0 + 12.0, bounds.3 - bounds.1 + 12.0);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.0} {y0:.0} {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-labelledby="radar-title"><title id="radar-title">Each aspect's level against the benchmark; level 1 is at the rim</title>"#
    );
    if spokes.is_empty() {
        s.push_str("</svg>");
        return s;
    }
    let ring = |level: &dyn Fn(&Spoke) -> Option<u8>| polygon(spokes, r, c, level);
    // A ring for each level but the centre's.
    for level in 1..=4u8 {
        let pts = ring(&|_: &Spoke| Some(level));
        let _ = write!(
            s,
            r##"<polygon points="{pts}" fill="none" stroke="#d0d0d0" stroke-width="1"/>"##
        );
    }
    for (i, label) in labels.iter().enumerate() {
        let (x, y) = point(i, spokes.len(), r, c);
        let _ = write!(
            s,
            r##"<line x1="0" y1="0" x2="{x:.1}" y2="{y:.1}" stroke="#e0e0e0"/>"##
        );
        if let Some(((x1, y1), (x2, y2))) = label.leader(i, spokes.len()) {
            // A label moved out to clear its neighbours is tied to its spoke.
            let _ = write!(
                s,
                r##"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="#9a9a9a" stroke-width="0.8"/>"##
            );
        }
        label.draw(&mut s);
    }
    if spokes.iter().any(|s| s.previous.is_some()) {
        let pts = ring(&|sp: &Spoke| sp.previous);
        let _ = write!(
            s,
            r##"<polygon points="{pts}" fill="none" stroke="#7f7f7f" stroke-width="2" stroke-dasharray="2 4"/>"##
        );
    }
    let bench = ring(&|sp: &Spoke| Some(sp.benchmark));
    let _ = write!(
        s,
        r##"<polygon points="{bench}" fill="none" stroke="#b00020" stroke-width="2" stroke-dasharray="8 5"/>"##
    );
    let agreed = ring(&|sp: &Spoke| sp.agreed);
    let _ = write!(
        s,
        r##"<polygon points="{agreed}" fill="#1f5fa8" fill-opacity="0.25" stroke="#1f5fa8" stroke-width="3"/>"##
    );
    marks(&mut s, spokes, r);
    // The level numbers up the top spoke, a little smaller than the labels.
    let size = kind.size * 9.0 / LABEL_SIZE;
    for level in 1..=5u8 {
        let y = -radius(Some(level), r) - 2.0;
        let _ = write!(
            s,
            r##"<text x="3" y="{y:.1}" font-size="{size:.1}" fill="#555">{level}</text>"##
        );
    }
    s.push_str("</svg>");
    s
}

/// A dot at each agreed level, so that one or two scored aspects show even where their ring
/// has no area, and a hollow circle at the rim of each spoke nobody scored.
fn marks(s: &mut String, spokes: &[Spoke], r: f64) {
    for (i, spoke) in spokes.iter().enumerate() {
        let (x, y, style) = match spoke.agreed {
            Some(level) => {
                let (x, y) = point(i, spokes.len(), radius(Some(level), r), (0.0, 0.0));
                (x, y, r##"r="3" fill="#1f5fa8""##)
            }
            None => {
                let (x, y) = point(i, spokes.len(), r, (0.0, 0.0));
                (
                    x,
                    y,
                    r##"r="4" fill="#fff" stroke="#1f5fa8" stroke-width="1.5""##,
                )
            }
        };
        let _ = write!(s, r#"<circle cx="{x:.1}" cy="{y:.1}" {style}/>"#);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The height in points of a chart printed `mm` millimetres high.
    fn points(mm: f64) -> f64 {
        mm * 72.0 / 25.4
    }

    #[test]
    fn radar_puts_level_1_at_the_rim_and_escapes_labels() {
        assert_eq!(radius(Some(1), 200.0), 200.0);
        assert_eq!(radius(Some(5), 200.0), 0.0);
        assert_eq!(radius(Some(3), 200.0), 100.0);
        assert_eq!(radius(None, 200.0), 0.0);
        let svg = radar(
            &[
                Spoke {
                    code: "A<1>".into(),
                    name: "Online Safety & Responsibilities".into(),
                    agreed: Some(2),
                    benchmark: 2,
                    previous: None,
                },
                Spoke {
                    code: "B".into(),
                    name: "Group".into(),
                    agreed: None,
                    benchmark: 2,
                    previous: Some(3),
                },
                Spoke {
                    code: "C".into(),
                    name: "Impact of Online Safety Policy and Practice".into(),
                    agreed: Some(1),
                    benchmark: 2,
                    previous: None,
                },
            ],
            points(96.0),
        );
        assert!(svg.contains("A&lt;1&gt;"));
        assert!(
            svg.contains("stroke-dasharray=\"2 4\""),
            "previous snapshot drawn"
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        // B, nobody's score, is a hollow circle at the rim, not a point at the centre.
        assert!(svg.contains(r##"r="4" fill="#fff""##), "{svg}");
        assert_eq!(svg.matches(r##"r="3" fill="#1f5fa8""##).count(), 2, "{svg}");
        let shaded = svg
            .split(r#"fill-opacity="0.25""#)
            .next()
            .and_then(|s| s.rsplit("points=\"").next())
            .expect("the agreed ring");
        assert_eq!(
            shaded.matches(',').count(),
            2,
            "two scored points: {shaded}"
        );
        assert!(
            !shaded.contains("0.0,0.0"),
            "nothing at the centre: {shaded}"
        );
    }

    fn spokes(names: &[String]) -> Vec<Spoke> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| Spoke {
                code: format!("X{}.{}", i / 3 + 1, i % 3 + 1),
                name: name.clone(),
                agreed: Some(2),
                benchmark: 2,
                previous: None,
            })
            .collect()
    }

    /// The shipped frameworks' spokes, with their own codes.
    fn framework(id: &str) -> Vec<Spoke> {
        let fw = crate::framework::load_embedded(id)
            .expect("embedded")
            .framework;
        fw.aspects()
            .map(|(_, _, a)| Spoke {
                code: a.code.clone(),
                name: a.name.clone(),
                agreed: Some(2),
                benchmark: 2,
                previous: None,
            })
            .collect()
    }

    /// Long names a school's own framework might give its aspects.
    const CUSTOM: [&str; 14] = [
        "Leadership Responsibilities for Safeguarding Pupils Online",
        "Whole-School Policy Review and Governance Arrangements",
        "Acceptable Use Agreements for Learners, Staff and Visitors",
        "Reporting, Responding and Recording of Concerns",
        "Curriculum Progression from Early Years to Year Six",
        "Pupil Voice and Digital Leaders Programme",
        "Professional Development for Teaching and Support Staff",
        "Governing Body Oversight and Training",
        "Engagement with Parents, Carers and the Wider Community",
        "Filtering, Monitoring and Technical Safeguards",
        "Data Protection, Breach Handling and Retention",
        "Mobile Devices, Wearables and Personal Technology",
        "Images, Video and Publishing Consent",
        "Measuring Impact through Surveys and Incident Trends",
    ];

    /// Every set of spokes the checks below are made on: both frameworks, the long names,
    /// twice as many of them, and one and two spokes.
    fn sets() -> Vec<(String, Vec<Spoke>)> {
        let custom: Vec<String> = CUSTOM.iter().map(|s| (*s).to_string()).collect();
        let many: Vec<String> = custom.iter().chain(&custom).cloned().collect();
        vec![
            ("online-safety-21".into(), framework("online-safety-21")),
            ("online-safety-18".into(), framework("online-safety-18")),
            ("custom".into(), spokes(&custom)),
            ("28 custom".into(), spokes(&many)),
            ("one".into(), spokes(&custom[..1])),
            ("two".into(), spokes(&custom[..2])),
        ]
    }

    /// How far apart two boxes are across and down (negative where they overlap).
    fn apart(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> (f64, f64) {
        ((b.0 - a.2).max(a.0 - b.2), (b.1 - a.3).max(a.1 - b.3))
    }

    #[test]
    fn a_line_crosses_a_box_only_where_it_runs_through_it() {
        let label = Label::at(0, 4, 200.0, &["A1.1".to_string()], Type { size: 10.5 });
        let (l, t, r, b) = label.bounds;
        let (mx, my) = ((l + r) / 2.0, (t + b) / 2.0);
        assert!(
            label.crossed_by(((l - 20.0, my), (r + 20.0, my))),
            "straight through"
        );
        assert!(
            label.crossed_by(((mx, my), (mx, my + 100.0))),
            "from inside"
        );
        assert!(
            label.crossed_by(((l - 10.0, t - 10.0), (r + 10.0, b + 10.0))),
            "corner to corner"
        );
        assert!(
            !label.crossed_by(((l - 20.0, t - 5.0), (r + 20.0, t - 5.0))),
            "above it"
        );
        assert!(
            !label.crossed_by(((l - 30.0, b), (l - 5.0, t))),
            "beside it"
        );
        assert!(
            !label.crossed_by(((r + 3.0, t - 3.0), (r + 30.0, t - 30.0))),
            "away from it"
        );
    }

    #[test]
    fn no_line_to_the_rim_runs_through_another_label_and_no_two_labels_touch_and_all_can_be_read() {
        for (id, spokes) in sets() {
            let n = spokes.len();
            for mm in [96.0, 80.0, 72.0, 66.0, 60.0] {
                let (placed, bounds, kind) = sized(&spokes, points(mm));
                let printed = kind.size * points(mm) / (bounds.3 - bounds.1 + 12.0);
                // Seven points, the least a page's small print is read at (labels of 6.6
                // points were too small once printed).
                assert!(
                    printed >= 7.0 - 1e-9,
                    "{id} at {mm} mm: labels of {printed:.1} pt"
                );
                // The chart stays narrower than the page's text.
                let wide = (bounds.2 - bounds.0 + 12.0) * points(mm) / (bounds.3 - bounds.1 + 12.0);
                assert!(wide < points(180.0), "{id} at {mm} mm: {wide:.0} pt wide");
                assert_eq!(placed.len(), n);
                // Every label names its aspect, in a short form ending "…" if cut.
                for label in &placed {
                    let named = label.lines.len() > 1 || label.lines[0].contains(' ');
                    assert!(named, "{id} at {mm} mm: {:?}", label.lines);
                }
                let (across, down) = kind.gap();
                for (i, a) in placed.iter().enumerate() {
                    for b in &placed[i + 1..] {
                        let (x, y) = apart(a.bounds, b.bounds);
                        assert!(
                            x >= across - 0.01 || y >= down - 0.01,
                            "{id} at {mm} mm: {:?} and {:?} are {x:.1} apart across and {y:.1} down",
                            a.lines,
                            b.lines
                        );
                    }
                    // Twenty-eight long names crowd too close for every line to clear
                    // every label: they only keep apart.
                    let Some(line) = a.leader(i, n).filter(|_| n <= 21) else {
                        continue;
                    };
                    for (j, b) in placed.iter().enumerate().filter(|(j, _)| *j != i) {
                        assert!(
                            !b.crossed_by(line),
                            "{id} at {mm} mm: the line to {:?} runs through {j}, {:?}",
                            a.lines,
                            b.lines
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_chart_printed_small_has_larger_labels_cut_shorter() {
        // Printed small, the 21 aspects' labels are larger in the chart's units, and some
        // are cut short rather than made smaller.
        let spokes = framework("online-safety-21");
        let (full, _, full_kind) = sized(&spokes, points(96.0));
        let (small, _, small_kind) = sized(&spokes, points(60.0));
        assert!(small_kind.size > full_kind.size);
        let cut = |placed: &[Label]| {
            placed
                .iter()
                .filter(|l| l.lines.iter().any(|x| x.ends_with('…')))
                .count()
        };
        assert_eq!(cut(&full), 0);
        assert!(cut(&small) > 0);
        let svg = radar(&spokes, points(60.0));
        assert!(
            svg.contains(&format!(r#"font-size="{:.1}""#, small_kind.size)),
            "{svg:.600}"
        );
    }

    #[test]
    fn every_aspect_of_both_frameworks_is_named_uncut_at_full_size() {
        for id in ["online-safety-21", "online-safety-18"] {
            let (placed, _, kind) = sized(&framework(id), points(96.0));
            assert_eq!(kind.size, LABEL_SIZE, "{id}");
            for label in placed {
                assert!(label.lines.len() > 1, "{id}: {:?}", label.lines);
                assert!(
                    label.lines.iter().all(|l| !l.contains('…')),
                    "{id}: {:?}",
                    label.lines
                );
            }
        }
        let svg = radar(&framework("online-safety-21"), points(96.0));
        assert!(svg.contains(">Online Safety Group</tspan>"), "{svg}");
    }
}
