//! A PDF page's text read by where each glyph stands, not by the order the file draws them.
//!
//! The text extractor gives glyphs in the order the page's content draws them, which is
//! the reading order for most producers; but a page may draw each letter on its own, in any
//! order, and still show "Grace Adeyemi". So the glyphs are also collected with their
//! positions and laid out as a reader sees them: lines from the top of the page down
//! (glyphs within half a glyph's height of a line are on it), each line left to right.
//! Where the words part is a guess when letters are drawn one by one with gaps of their
//! own, so each line is given three ways: a space at every gap wider than a tenth of the
//! glyphs' size, only at gaps wider than half of it, and with no spaces at all (a name run
//! together is still one of the ways a name is matched).

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One glyph: where it starts, how wide and tall it is, and what it shows.
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// Collects every page's glyphs and lays each page out when it ends.
#[derive(Default)]
pub(super) struct Layout {
    page: Vec<Glyph>,
    /// The text of the pages laid out so far.
    pub(super) text: String,
}

impl OutputDev for Layout {
    fn begin_page(
        &mut self,
        _page: u32,
        _media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let lines = lines(std::mem::take(&mut self.page));
        for gap in GAPS {
            self.text.push_str(&lay_out(&lines, gap));
            self.text.push('\n');
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The glyph's size on the page: the side of a square of the area the text matrix
        // makes of a square of the font's size.
        let (sx, sy) = (
            font_size * (trm.m11 + trm.m21),
            font_size * (trm.m12 + trm.m22),
        );
        let size = (sx * sy).abs().sqrt();
        let size = if size.is_finite() && size > 0.0 {
            size
        } else {
            1.0
        };
        let (x, y) = (trm.m31, trm.m32);
        if x.is_finite() && y.is_finite() {
            self.page.push(Glyph {
                x,
                y,
                end: x + width * size,
                size,
                text: text.to_string(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The gaps, as shares of the glyphs' size, past which a space is read: a tenth, a half, and
/// none (no spaces at all).
const GAPS: [f64; 3] = [0.1, 0.5, f64::INFINITY];

/// The glyphs of a page as lines, top down, each left to right.
fn lines(mut glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    // PDF measures up from the foot of the page: the top line has the largest y.
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line) if (line[0].y - g.y).abs() <= line[0].size.max(g.size) * 0.5 => {
                line.push(g);
            }
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// The lines as text, a space at each gap wider than `gap` times the glyphs' size.
fn lay_out(lines: &[Vec<Glyph>], gap: f64) -> String {
    let mut out = String::new();
    for line in lines {
        let mut last_end = f64::NEG_INFINITY;
        for g in line {
            if last_end.is_finite() && g.x > last_end + g.size * gap {
                out.push(' ');
            }
            out.push_str(&g.text);
            last_end = g.end;
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f64, y: f64, text: &str) -> Glyph {
        Glyph {
            x,
            y,
            end: x + 6.0,
            size: 12.0,
            text: text.into(),
        }
    }

    #[test]
    fn glyphs_drawn_in_any_order_are_read_by_where_they_stand() {
        let word = "Grace Adeyemi";
        let mut glyphs: Vec<Glyph> = word
            .chars()
            .enumerate()
            .filter(|(_, c)| *c != ' ')
            .map(|(i, c)| {
                glyph(
                    100.0 + 6.0 * i as f64,
                    700.0 + (i % 3) as f64,
                    &c.to_string(),
                )
            })
            .collect();
        glyphs.reverse();
        glyphs.swap(0, 5);
        glyphs.push(glyph(100.0, 680.0, "Y"));
        glyphs.push(glyph(106.0, 680.0, "5"));
        let lines = lines(glyphs);
        assert_eq!(lay_out(&lines, 0.1), "Grace Adeyemi\nY5\n");
        assert_eq!(lay_out(&lines, f64::INFINITY), "GraceAdeyemi\nY5\n");
        // Letters drawn with gaps between them of their own read as words at half a size.
        let spaced: Vec<Glyph> = "Grace Adeyemi"
            .chars()
            .enumerate()
            .filter(|(_, c)| *c != ' ')
            .map(|(i, c)| Glyph {
                end: 100.0 + 9.0 * i as f64 + 4.0,
                ..glyph(100.0 + 9.0 * i as f64, 500.0, &c.to_string())
            })
            .collect();
        assert_eq!(lay_out(&super::lines(spaced), 0.5), "Grace Adeyemi\n");
    }
}
