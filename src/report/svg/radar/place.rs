//! Where each spoke's label goes: beside the rim, or further out along its spoke with a
//! line tying it back, clear of every other label and of every other label's line.
//!
//! Labels are placed one at a time, each at the first distance and shape that clears the
//! labels already placed. Around the top and bottom of the chart the spokes are closer
//! together than a label is wide, so the order matters: a label placed early can leave the
//! next no place its line does not cross. Every order round the chart, either way from any
//! spoke, is tried with the names whole (or cut only where no short form fits their
//! lines), then with names cut shorter, ending in "…", and last with a few letters of the
//! name under the code.

use std::fmt::Write as _;

use super::names::{label_lines, text_width};
use super::{RADAR_RADIUS, Spoke, point};
use crate::report::svg::esc;

/// The labels' type: its size in the chart's units. Line height and the room kept between
/// labels grow with it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Type {
    pub size: f64,
}

/// The labels' usual size; a chart printed small has larger ones (`super::radar`).
pub(super) const LABEL_SIZE: f64 = 10.5;

impl Type {
    /// The height of a line of the label.
    pub fn line(self) -> f64 {
        self.size * 12.0 / LABEL_SIZE
    }

    /// The least room left between two labels' boxes, across and down: about two spaces,
    /// so that two names side by side never read as one.
    pub fn gap(self) -> (f64, f64) {
        (self.size * 6.0 / LABEL_SIZE, self.size * 2.0 / LABEL_SIZE)
    }
}

/// The shapes a label's name may take, tried in turn where labels crowd: at most so many
/// characters on at most so many lines; a name that fits none of its short forms into a
/// shape is cut, ending in "…".
const SHAPES: [(usize, usize); 2] = [(19, 2), (13, 3)];
/// Shapes that cut a name more, tried when no order round the chart places every label
/// with the shapes above; the last, the least a label shows, is the code and the name's
/// start on one line (`least`).
const CUT_SHAPES: [(usize, usize); 5] = [(13, 2), (10, 2), (13, 1), (8, 1), (6, 1)];

/// The least a label shows: the code and the first letters of the name's shortest form,
/// ending "…" if cut, on one line as short as the code alone was, since a code alone
/// tells a reader nothing.
fn least(code: &str, name: &str) -> Vec<String> {
    let lines = label_lines(code, name, (7, 1));
    vec![lines.join(" ")]
}
/// How far beyond the rim a label first sits, and each step further out it may be moved.
const FIRST_OUT: f64 = 14.0;
const STEP_OUT: f64 = 6.0;
/// How many steps out a label may be moved.
const STEPS: u8 = 40;
/// How many steps out a cut name is tried before the code alone.
const NEAR_STEPS: u8 = 5;

/// A spoke's label, placed beside the rim.
pub(super) struct Label {
    /// How far out along its spoke the label sits.
    pub dist: f64,
    x: f64,
    top: f64,
    anchor: &'static str,
    pub lines: Vec<String>,
    /// The box the label takes: left, top, right, bottom.
    pub bounds: (f64, f64, f64, f64),
    kind: Type,
}

/// A straight line from one point to another.
pub(super) type Segment = ((f64, f64), (f64, f64));

impl Label {
    /// The label of spoke `i` of `n` at `dist` from the centre, anchored away from the
    /// chart so that it never crosses it: left of the spoke on the left half, right on the
    /// right, and stacked upwards above the centre and downwards below it.
    pub fn at(i: usize, n: usize, dist: f64, lines: &[String], kind: Type) -> Label {
        let (x, y) = point(i, n, dist, (0.0, 0.0));
        let (dx, dy) = (x / dist, y / dist);
        let width = lines
            .iter()
            .enumerate()
            .map(|(k, l)| text_width(l, k == 0, kind.size))
            .fold(0.0, f64::max);
        let height = kind.line() * lines.len() as f64;
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
            kind,
        }
    }

    /// Whether the label was moved out from the rim, and so is tied to it by a line.
    pub fn moved(&self) -> bool {
        self.dist > RADAR_RADIUS + FIRST_OUT
    }

    /// The line tying a label moved out along spoke `i` of `n` to the rim, if it was moved.
    pub fn leader(&self, i: usize, n: usize) -> Option<Segment> {
        self.moved().then(|| {
            (
                point(i, n, RADAR_RADIUS + 4.0, (0.0, 0.0)),
                point(i, n, self.dist - 3.0, (0.0, 0.0)),
            )
        })
    }

    /// Whether the line from `a` to `b` runs through this label's box, or within a little
    /// of it: the part of the line inside the box's slab across and its slab down, clipped
    /// in turn, is not empty.
    pub fn crossed_by(&self, (a, b): Segment) -> bool {
        let (l, t, r, bottom) = self.bounds;
        let (l, t, r, bottom) = (l - 1.5, t - 1.0, r + 1.5, bottom + 1.0);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut from, mut to) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.0 - l),
            (dx, r - a.0),
            (-dy, a.1 - t),
            (dy, bottom - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else if p < 0.0 {
                from = from.max(q / p);
            } else {
                to = to.min(q / p);
            }
        }
        from <= to
    }

    /// Whether `other`'s box overlaps this one's or comes within the type's gap of it.
    pub fn meets(&self, other: &Label) -> bool {
        let (a, b) = (self.bounds, other.bounds);
        let (across, down) = self.kind.gap();
        a.0 < b.2 + across && b.0 < a.2 + across && a.1 < b.3 + down && b.1 < a.3 + down
    }

    pub fn draw(&self, s: &mut String) {
        let (x, line, size) = (self.x, self.kind.line(), self.kind.size);
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{:.1}" font-size="{size:.1}" text-anchor="{}">"#,
            self.top + line - 2.5 * size / LABEL_SIZE,
            self.anchor
        );
        for (k, text) in self.lines.iter().enumerate() {
            let (dy, weight) = if k == 0 {
                (0.0, r#" font-weight="bold""#)
            } else {
                (line, "")
            };
            let _ = write!(
                s,
                r#"<tspan x="{x:.1}" dy="{dy:.1}"{weight}>{}</tspan>"#,
                esc(text)
            );
        }
        s.push_str("</text>");
    }
}

/// What a label must clear to be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clear {
    /// The other labels, and their lines to the rim.
    LabelsAndLines,
    /// The other labels.
    Labels,
    /// The other labels where it can; where not, it is left beside the rim.
    Anyhow,
}

/// Every spoke's label in type `kind`, clear of every other label and of every other
/// label's line to the rim: the first order round the chart that places them all with
/// whole names, else with names cut shorter. With so many spokes that even codes alone
/// cannot all clear every line, labels only clear each other, and one that cannot is left
/// where it first goes.
pub(super) fn labels(spokes: &[Spoke], kind: Type) -> Vec<Label> {
    let n = spokes.len();
    let orders: Vec<Vec<usize>> = (0..n)
        .flat_map(|start| {
            let round: Vec<usize> = (0..n).map(|k| (start + k) % n).collect();
            let back: Vec<usize> = (0..n).map(|k| (start + n - k) % n).collect();
            [round, back]
        })
        .collect();
    let tries = [
        (false, Clear::LabelsAndLines),
        (true, Clear::LabelsAndLines),
        (true, Clear::Labels),
    ];
    for (cut, clear) in tries {
        if let Some(placed) = orders
            .iter()
            .find_map(|o| place(spokes, o, kind, cut, clear))
        {
            return placed;
        }
    }
    let order: Vec<usize> = (0..n).collect();
    place(spokes, &order, kind, true, Clear::Anyhow).unwrap_or_default()
}

/// The labels placed in the order of `order`, each at the first place and shape that
/// clears what `clear` says among those placed before: none when one finds no such place,
/// unless [`Clear::Anyhow`].
fn place(
    spokes: &[Spoke],
    order: &[usize],
    kind: Type,
    cut: bool,
    clear: Clear,
) -> Option<Vec<Label>> {
    let lines = clear == Clear::LabelsAndLines;
    let n = spokes.len();
    let mut placed: Vec<Option<Label>> = (0..n).map(|_| None).collect();
    for &i in order {
        let spoke = &spokes[i];
        let whole = SHAPES.map(|shape| label_lines(&spoke.code, &spoke.name, shape));
        let shorter = CUT_SHAPES.map(|shape| label_lines(&spoke.code, &spoke.name, shape));
        let named: Vec<&Vec<String>> = whole.iter().chain(shorter.iter().filter(|_| cut)).collect();
        let code = &least(&spoke.code, &spoke.name);
        let at = |step: u8, lines: &Vec<String>| {
            let dist = RADAR_RADIUS + FIRST_OUT + STEP_OUT * f64::from(step);
            Label::at(i, n, dist, lines, kind)
        };
        // Nearest the rim first, and at each distance the whole name before a cut one;
        // cut, a name is tried a few steps out before the code alone is, near the rim.
        let near = if cut { NEAR_STEPS } else { STEPS };
        let tries = (0..near)
            .flat_map(|step| named.iter().map(move |lines| (step, *lines)))
            .chain((0..STEPS).filter(|_| cut).map(|step| (step, code)))
            .chain((near..STEPS).flat_map(|step| named.iter().map(move |lines| (step, *lines))));
        let found = tries
            .map(|(step, lines)| at(step, lines))
            .find(|label| clears(label, i, &placed, lines));
        let label = match found {
            Some(label) => label,
            None if clear == Clear::Anyhow => at(0, code),
            None => return None,
        };
        placed[i] = Some(label);
    }
    placed.into_iter().collect()
}

/// Whether `label`, for spoke `i`, clears every label placed: their boxes apart and, with
/// `lines`, neither's line to the rim through the other.
fn clears(label: &Label, i: usize, placed: &[Option<Label>], lines: bool) -> bool {
    let n = placed.len();
    let own = label.leader(i, n).filter(|_| lines);
    placed.iter().enumerate().all(|(j, p)| {
        p.as_ref().is_none_or(|p| {
            let theirs = p.leader(j, n).filter(|_| lines);
            !(p.meets(label)
                || own.is_some_and(|line| p.crossed_by(line))
                || theirs.is_some_and(|line| label.crossed_by(line)))
        })
    })
}
