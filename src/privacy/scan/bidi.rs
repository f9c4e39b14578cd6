//! Text in the order it is shown, where direction controls reorder it.
//!
//! The right-to-left override (U+202E) shows the letters after it in reverse: the text
//! "imeyedA ecarG" after one reads "Grace Adeyemi" on screen and on paper. The embeddings,
//! overrides and isolates (U+202A–U+202E, U+2066–U+2069) are what can turn letters round; a
//! text holding any of them is also read in the order shown, worked out by the Unicode
//! Bidirectional Algorithm as the `unicode-bidi` crate (Servo's, which browsers' engines
//! follow) implements it. A control left open at the end of one piece of a stream goes on
//! into the next, so the end of that piece is carried over and read again with the next.
//! Marks (U+200E, U+200F) and right-to-left letters only change the order of whole words,
//! and both orders of a name are held already.

/// How much of the end of a piece is read again with the next while a control is open: far
/// more than the longest name.
const CARRIED: usize = 512;

/// Whether `c` is an embedding, override or isolate control, or the end of one.
fn is_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` ends a paragraph, and with it every open control.
fn ends_paragraph(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}')
}

/// The state carried from one piece of a stream to the next.
#[derive(Default)]
pub(super) struct Bidi {
    /// The controls open at the end of the last piece, then its last characters.
    carry: String,
}

impl Bidi {
    /// The text as shown, controls left out, when it or the piece before holds a control.
    pub(super) fn shown(&mut self, text: &str) -> Option<String> {
        if self.carry.is_empty() && !text.contains(is_control) {
            return None;
        }
        let mut whole = std::mem::take(&mut self.carry);
        whole.push_str(text);
        let info = unicode_bidi::BidiInfo::new(&whole, None);
        let mut shown = String::with_capacity(whole.len());
        for para in &info.paragraphs {
            shown.extend(
                info.reorder_line(para, para.range.clone())
                    .chars()
                    .filter(|&c| !is_control(c)),
            );
        }
        self.carry = still_open(&whole);
        Some(shown)
    }

    /// A boundary no text runs across: nothing is carried over.
    pub(super) fn part(&mut self) {
        self.carry.clear();
    }
}

/// The controls still open at the end of `text` followed by its last [`CARRIED`]
/// characters (of its last paragraph), or nothing when none is open.
fn still_open(text: &str) -> String {
    let mut open: Vec<char> = Vec::new();
    let mut since = 0;
    for (i, c) in text.char_indices() {
        match c {
            '\u{202A}'..='\u{202E}' if c != '\u{202C}' => open.push(c),
            '\u{2066}'..='\u{2068}' => open.push(c),
            '\u{202C}' => {
                if let Some(at) = open
                    .iter()
                    .rposition(|o| !matches!(o, '\u{2066}'..='\u{2068}'))
                {
                    open.truncate(at);
                }
            }
            '\u{2069}' => {
                if let Some(at) = open
                    .iter()
                    .rposition(|o| matches!(o, '\u{2066}'..='\u{2068}'))
                {
                    open.truncate(at);
                }
            }
            _ if ends_paragraph(c) => {
                open.clear();
                since = i + c.len_utf8();
            }
            _ => {}
        }
    }
    if open.is_empty() {
        return String::new();
    }
    let tail = &text[since..];
    let skip = tail.chars().count().saturating_sub(CARRIED);
    let mut carried: String = open.into_iter().collect();
    carried.extend(tail.chars().skip(skip).filter(|&c| !is_control(c)));
    carried
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reversed_letters_are_read_as_shown() {
        let mut b = Bidi::default();
        assert_eq!(
            b.shown("see \u{202E}imeyedA ecarG\u{202C} today")
                .as_deref(),
            Some("see Grace Adeyemi today")
        );
        assert_eq!(b.shown("plain"), None);
    }

    #[test]
    fn an_override_left_open_goes_on_into_the_next_piece() {
        let mut b = Bidi::default();
        let first = b.shown("x \u{202E}imey").unwrap_or_default();
        assert!(first.contains("yemi"), "{first}");
        let next = b.shown("edA ecarG").unwrap_or_default();
        assert!(next.contains("Grace Adeyemi"), "{next}");
        b.shown("\u{202C} done\nnew line");
        assert_eq!(b.shown("plain"), None, "closed: nothing carried");
    }
}
