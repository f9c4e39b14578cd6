//! The radar chart: each aspect's agreed level against the benchmark and the previous
//! review, its spokes labelled clear of each other and of the lines tying them to the rim.

use std::fmt::Write as _;

use super::esc;

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

fn point(i: usize, n: usize, dist: f64, c: (f64, f64)) -> (f64, f64) {
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

/// The radius of the radar's level-1 ring: small beside its labels, so that the chart
/// printed a third of a page high still has labels that can be read.
const RADAR_RADIUS: f64 = 135.0;
/// The shapes a spoke label's name may take, tried in turn where labels crowd: at most so
/// many lines of at most so many characters, shortened with an ellipsis beyond.
const LABEL_SHAPES: [(usize, usize); 2] = [(19, 2), (13, 3)];
/// The height of a label's line, and its type's size.
const LABEL_LINE: f64 = 12.0;
const LABEL_SIZE: f64 = 10.5;
/// The least room left between two labels' boxes, across and down: about two spaces, so
/// that two names side by side never read as one.
const LABEL_GAP: (f64, f64) = (6.0, 2.0);

/// The advance widths of Arial's (and Helvetica's, Liberation Sans's) printable ASCII
/// characters, space to tilde, in thousandths of the type's size: the reports name Arial
/// after Segoe UI, and a browser without either draws a font of the same widths.
const ARIAL: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];

/// How wide `line` is drawn at the labels' size, a little over Arial's widths (Segoe UI,
/// named first, is a little wider; bold, as the code line is, wider again). A character
/// outside ASCII is taken as wide as a capital M, an ellipsis as wide as the type is tall.
fn text_width(line: &str, bold: bool) -> f64 {
    let thousandths: u32 = line
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(ARIAL[c as usize - 32]),
            '…' => 1000,
            _ => 833,
        })
        .sum();
    let widen = if bold { 1.16 } else { 1.06 };
    f64::from(thousandths) / 1000.0 * LABEL_SIZE * widen
}

/// Small words a short name can do without.
const SMALL_WORDS: [&str; 9] = ["of", "and", "the", "for", "in", "on", "to", "with", "&"];

/// The forms of an aspect's name to try on a label, longest first: the name; without
/// "Online Safety", which every aspect is about; without small words; without both.
fn short_names(name: &str) -> Vec<String> {
    let without_topic = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut kept = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let pair = words.get(i..i + 2).map(|p| p.join(" ").to_lowercase());
            if pair.as_deref() == Some("online safety") && words.len() > 2 {
                i += 2;
            } else {
                kept.push(words[i]);
                i += 1;
            }
        }
        kept.join(" ")
    };
    let without_small = |text: &str| {
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
            .collect();
        words.join(" ")
    };
    let mut forms = vec![
        name.to_string(),
        without_topic(name),
        without_small(name),
        without_small(&without_topic(name)),
    ];
    forms.retain(|f| !f.is_empty());
    forms.dedup();
    forms
}

/// `name`'s words in lines of at most `chars` characters, a longer word on a line of its own.
fn words_in_lines(name: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// `name` wrapped at word boundaries into at most `most` lines of `chars` characters, if it
/// fits.
fn wrap(name: &str, (chars, most): (usize, usize)) -> Option<Vec<String>> {
    let wrapped = words_in_lines(name, chars);
    let fits = wrapped.len() <= most && wrapped.iter().all(|l| l.chars().count() <= chars);
    fits.then_some(wrapped)
}

/// The lines of a spoke's label: the code, then the first short form of the name that fits
/// in at most `most` lines of `chars` characters; only a name no form of which fits is cut,
/// its last line ending in "…".
fn label_lines(code: &str, name: &str, shape: (usize, usize)) -> Vec<String> {
    if let Some(lines) = short_names(name).iter().find_map(|f| wrap(f, shape)) {
        let mut all = vec![code.to_string()];
        all.extend(lines);
        return all;
    }
    let (chars, most) = shape;
    let mut wrapped = words_in_lines(name, chars);
    if wrapped.len() > most {
        // The name runs on past its lines: the last ends in an ellipsis.
        wrapped.truncate(most);
        let last = &mut wrapped[most - 1];
        *last = format!("{}…", last.chars().take(chars - 1).collect::<String>());
    }
    for line in &mut wrapped {
        if line.chars().count() > chars {
            // One word longer than a line is cut too.
            *line = format!("{}…", line.chars().take(chars - 1).collect::<String>());
        }
    }
    let mut lines = vec![code.to_string()];
    lines.extend(wrapped);
    lines
}

/// A spoke's label, placed beside the rim.
struct Label {
    /// How far out along its spoke the label sits.
    dist: f64,
    x: f64,
    top: f64,
    anchor: &'static str,
    lines: Vec<String>,
    /// The box the label takes: left, top, right, bottom.
    bounds: (f64, f64, f64, f64),
}

impl Label {
    /// The label of spoke `i` of `n` at `dist` from the centre, anchored away from the
    /// chart so that it never crosses it: left of the spoke on the left half, right on the
    /// right, and stacked upwards above the centre and downwards below it.
    fn at(i: usize, n: usize, dist: f64, lines: &[String]) -> Label {
        let (x, y) = point(i, n, dist, (0.0, 0.0));
        let (dx, dy) = (x / dist, y / dist);
        let width = lines
            .iter()
            .enumerate()
            .map(|(k, l)| text_width(l, k == 0))
            .fold(0.0, f64::max);
        let height = LABEL_LINE * lines.len() as f64;
        let (anchor, left) = if dx > 0.15 {
            ("start", x)
        } else if dx < -0.15 {
            ("end", x - width)
        } else {
            ("middle", x - width / 2.0)
        };
        let top = y - height * (1.0 - dy) / 2.0;
        Label {
            dist,
            x,
            top,
            anchor,
            lines: lines.to_vec(),
            bounds: (left, top, left + width, top + height),
        }
    }

    /// The line tying a label moved out along spoke `i` of `n` to the rim, if it was moved.
    fn leader(&self, i: usize, n: usize) -> Option<((f64, f64), (f64, f64))> {
        (self.dist > RADAR_RADIUS + 14.0).then(|| {
            (
                point(i, n, RADAR_RADIUS + 4.0, (0.0, 0.0)),
                point(i, n, self.dist - 3.0, (0.0, 0.0)),
            )
        })
    }

    /// Whether the line from `a` to `b` runs through this label (with a little room).
    fn crossed_by(&self, (a, b): ((f64, f64), (f64, f64))) -> bool {
        let (l, t, r, bottom) = self.bounds;
        let steps = (((b.0 - a.0).hypot(b.1 - a.1)) / 1.5).ceil().max(1.0) as usize;
        (0..=steps).any(|k| {
            let f = k as f64 / steps as f64;
            let (x, y) = (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f);
            x > l - 1.5 && x < r + 1.5 && y > t - 1.0 && y < bottom + 1.0
        })
    }

    /// Whether `other`'s box overlaps this one's or comes within [`LABEL_GAP`] of it.
    fn meets(&self, other: &Label) -> bool {
        let (a, b) = (self.bounds, other.bounds);
        let (across, down) = LABEL_GAP;
        a.0 < b.2 + across && b.0 < a.2 + across && a.1 < b.3 + down && b.1 < a.3 + down
    }

    fn draw(&self, s: &mut String) {
        let x = self.x;
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{:.1}" font-size="{LABEL_SIZE}" text-anchor="{}">"#,
            self.top + LABEL_LINE - 2.5,
            self.anchor
        );
        for (k, line) in self.lines.iter().enumerate() {
            let (dy, weight) = if k == 0 {
                (0.0, r#" font-weight="bold""#)
            } else {
                (LABEL_LINE, "")
            };
            let _ = write!(
                s,
                r#"<tspan x="{x:.1}" dy="{dy}"{weight}>{}</tspan>"#,
                esc(line)
            );
        }
        s.push_str("</text>");
    }
}

/// Every spoke's label, each narrowed or moved further out along its spoke until it clears
/// the labels already placed, and neither its line to the rim nor theirs runs through
/// another label: around the top and bottom the spokes are closer than a label is wide.
/// The spokes are taken clockwise, else anticlockwise when a label then finds no clear
/// place (a label pushed out has its line run past its neighbour on the side it was
/// placed after); with so many spokes that neither clears every line, labels only clear
/// each other, and a label that cannot is left where it first goes.
fn labels(spokes: &[Spoke]) -> Vec<Label> {
    let n = spokes.len();
    let clockwise: Vec<usize> = (0..n).collect();
    let anticlockwise: Vec<usize> = (0..n).rev().collect();
    place(spokes, &clockwise, true, false)
        .or_else(|| place(spokes, &anticlockwise, true, false))
        .or_else(|| place(spokes, &clockwise, false, false))
        .or_else(|| place(spokes, &clockwise, false, true))
        .unwrap_or_default()
}

/// The labels placed in the order of `order`, clear of each other and, with `lines`, of
/// each other's lines to the rim; without `anyway`, none when one finds no clear place.
fn place(spokes: &[Spoke], order: &[usize], lines: bool, anyway: bool) -> Option<Vec<Label>> {
    let n = spokes.len();
    let mut placed: Vec<Option<Label>> = (0..n).map(|_| None).collect();
    for &i in order {
        let spoke = &spokes[i];
        let shapes = LABEL_SHAPES.map(|shape| label_lines(&spoke.code, &spoke.name, shape));
        let clear = (0..60u8)
            .flat_map(|step| {
                let dist = RADAR_RADIUS + 14.0 + 6.0 * f64::from(step);
                shapes.iter().map(move |lines| Label::at(i, n, dist, lines))
            })
            .find(|label| {
                let own = label.leader(i, n).filter(|_| lines);
                placed.iter().enumerate().all(|(j, p)| {
                    p.as_ref().is_none_or(|p| {
                        let theirs = p.leader(j, n).filter(|_| lines);
                        !(p.meets(label)
                            || own.is_some_and(|line| p.crossed_by(line))
                            || theirs.is_some_and(|line| label.crossed_by(line)))
                    })
                })
            });
        let label = match clear {
            Some(label) => label,
            None if anyway => Label::at(i, n, RADAR_RADIUS + 14.0, &shapes[0]),
            None => return None,
        };
        placed[i] = Some(label);
    }
    placed.into_iter().collect()
}

/// A radar chart of agreed levels against the benchmark (better levels further out), each
/// spoke labelled with the aspect's code and a short form of its name. The centre is at the
/// origin; the view box reaches as far as the rim and the labels do.
pub fn radar(spokes: &[Spoke]) -> String {
    let r = RADAR_RADIUS;
    let c = (0.0, 0.0);
    let labels = labels(spokes);
    let bounds = labels
        .iter()
        .map(|l| l.bounds)
        .fold((-r - 20.0, -r - 20.0, r + 20.0, r + 20.0), |a, b| {
            (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
        });
    let (x0, y0) = (bounds.0 - 6.0, bounds.1 - 6.0);
    let (w, h) = (bounds.2 - bounds.0 + 12.0, bounds.3 - bounds.1 + 12.0);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.0} {y0:.0} {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-labelledby="radar-title"><title id="radar-title">Agreed levels against the benchmark for each aspect; level 1 is at the rim</title>"#
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
        if label.dist > r + 14.0 {
            // A label moved out to clear its neighbours is tied to its spoke.
            let (x1, y1) = point(i, spokes.len(), r + 4.0, c);
            let (x2, y2) = point(i, spokes.len(), label.dist - 3.0, c);
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
    for level in 1..=5u8 {
        let y = -radius(Some(level), r) - 2.0;
        let _ = write!(
            s,
            r##"<text x="3" y="{y:.1}" font-size="9" fill="#555">{level}</text>"##
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

    #[test]
    fn radar_puts_level_1_at_the_rim_and_escapes_labels() {
        assert_eq!(radius(Some(1), 200.0), 200.0);
        assert_eq!(radius(Some(5), 200.0), 0.0);
        assert_eq!(radius(Some(3), 200.0), 100.0);
        assert_eq!(radius(None, 200.0), 0.0);
        let svg = radar(&[
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
        ]);
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

    fn spokes(names: &[&str]) -> Vec<Spoke> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| Spoke {
                code: format!("X{i}.1"),
                name: (*name).to_string(),
                agreed: Some(2),
                benchmark: 2,
                previous: None,
            })
            .collect()
    }

    #[test]
    fn spoke_labels_are_short_and_never_meet() {
        assert_eq!(
            label_lines(
                "D1.1",
                "Impact of Online Safety Policy and Practice",
                (19, 2)
            ),
            ["D1.1", "Impact of Policy", "and Practice"]
        );
        assert_eq!(
            label_lines("X", "Supercalifragilistic Expialidocious Things", (13, 3)),
            ["X", "Supercalifra…", "Expialidocio…", "Things"]
        );
        assert_eq!(label_lines("A", "Staff", (19, 2)), ["A", "Staff"]);
        assert_eq!(label_lines("A", "", (19, 2)), ["A"]);
        assert_eq!(
            label_lines("A", &"x".repeat(30), (13, 3)),
            ["A".to_string(), format!("{}…", "x".repeat(12))]
        );
        let fw = crate::framework::load_embedded(crate::framework::DEFAULT_ID)
            .expect("embedded")
            .framework;
        let names: Vec<&str> = fw.aspects().map(|(_, _, a)| a.name.as_str()).collect();
        let long = ["Online Safety Education Programme and Curriculum"; 40];
        let fw18 = crate::framework::load_embedded("online-safety-18")
            .expect("embedded")
            .framework;
        let names18: Vec<&str> = fw18.aspects().map(|(_, _, a)| a.name.as_str()).collect();
        for set in [
            &names[..],
            &names18[..],
            &long[..],
            &names[..1],
            &names[..2],
        ] {
            let placed = labels(&spokes(set));
            assert_eq!(placed.len(), set.len());
            for (i, a) in placed.iter().enumerate() {
                for b in &placed[i + 1..] {
                    assert!(!a.meets(b), "{:?} meets {:?}", a.lines, b.lines);
                }
                // No line tying a label to its spoke runs through another label, with
                // the frameworks' spokes (forty long names cannot all clear every line).
                if let Some(line) = a.leader(i, set.len()).filter(|_| set.len() < 40) {
                    for (j, b) in placed.iter().enumerate().filter(|(j, _)| *j != i) {
                        assert!(!b.crossed_by(line), "{j}: {:?} crossed", b.lines);
                    }
                }
            }
        }
        // Every aspect of both shipped frameworks has a short name that fits, uncut.
        for id in ["online-safety-21", "online-safety-18"] {
            let fw = crate::framework::load_embedded(id)
                .expect("embedded")
                .framework;
            let names: Vec<&str> = fw.aspects().map(|(_, _, a)| a.name.as_str()).collect();
            for label in labels(&spokes(&names)) {
                assert!(
                    label.lines.iter().all(|l| !l.contains('…')),
                    "{id}: {:?}",
                    label.lines
                );
            }
        }
        // The picture's box holds every label.
        let svg = radar(&spokes(&names));
        assert!(svg.contains(">Online Safety Group</tspan>"), "{svg}");
    }
    /// How far apart two boxes are across and down (negative where they overlap).
    fn apart(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> (f64, f64) {
        ((b.0 - a.2).max(a.0 - b.2), (b.1 - a.3).max(a.1 - b.3))
    }

    #[test]
    fn no_two_labels_touch_in_either_framework_or_with_long_custom_names() {
        // A box is at least as wide as Arial draws its text ("Agencies" is 43.2 at 10.5).
        assert!(text_width("Agencies", false) >= 43.2);
        assert!(text_width("B4.2", true) >= 4.0 * 556.0 / 1000.0 * 10.5);
        assert!(text_width("Ünïcödé…", false) > text_width("Unicode", false));
        let custom = [
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
        let mut sets: Vec<(String, Vec<String>)> = ["online-safety-21", "online-safety-18"]
            .iter()
            .map(|id| {
                let fw = crate::framework::load_embedded(id)
                    .expect("embedded")
                    .framework;
                let names = fw.aspects().map(|(_, _, a)| a.name.clone()).collect();
                ((*id).to_string(), names)
            })
            .collect();
        sets.push((
            "custom".into(),
            custom.iter().map(|s| (*s).to_string()).collect(),
        ));
        for (id, names) in &sets {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let placed = labels(&spokes(&names));
            assert_eq!(placed.len(), names.len());
            for (i, a) in placed.iter().enumerate() {
                for b in &placed[i + 1..] {
                    let (across, down) = apart(a.bounds, b.bounds);
                    assert!(
                        across >= 5.0 || down >= 1.5,
                        "{id}: {:?} and {:?} are {across:.1} apart across and {down:.1} down",
                        a.lines,
                        b.lines
                    );
                }
            }
        }
        // The two the sample school's radar drew side by side at its foot.
        let fw = crate::framework::load_embedded("online-safety-21")
            .expect("embedded")
            .framework;
        let names: Vec<&str> = fw.aspects().map(|(_, _, a)| a.name.as_str()).collect();
        let placed = labels(&spokes(&names));
        let find = |name: &str| {
            placed
                .iter()
                .find(|l| l.lines.iter().any(|x| x == name))
                .unwrap_or_else(|| panic!("{name} labelled"))
        };
        let (across, down) = apart(find("Agencies").bounds, find("Families").bounds);
        assert!(across >= 5.0 || down >= 1.5, "{across:.1} {down:.1}");
    }
}
