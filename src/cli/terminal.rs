//! Text from the school's files made safe to show on a terminal.
//!
//! A zip's entry names, a manifest's fields, file names and cell text reach the terminal
//! inside our messages. A control character in them (carriage return, escape, bell, NUL,
//! the C1 controls) or a format character (the bidirectional overrides, zero-width marks,
//! the line and paragraph separators) could move the cursor, erase a line or reorder what
//! is shown, so that a forged pack draws an "intact" line of its own. Every line printed
//! passes through [`escape`], which writes such characters as visible escapes (`\r`,
//! `\x1b`, `\u{202e}`). The only sequences left as they are, when colour is on, are the
//! four colour codes [`super::format::Paint`] writes; they change colour and nothing else.

use selfreview::Diagnostic;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The colour sequences our own text holds: red, green, yellow and back to plain.
const OUR_COLOURS: [&str; 4] = ["\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m"];

/// What [`escape`] leaves as it is.
#[derive(Debug, Clone, Copy)]
pub struct Keep {
    /// Line breaks: our own multi-line text. Off for a single field such as a finding's
    /// message, so that a name holding a line break cannot start a line of its own.
    pub newlines: bool,
    /// [`OUR_COLOURS`], when colour is on.
    pub colours: bool,
}

/// `text` with every control and format character written as a visible escape.
pub fn escape(text: &str, keep: Keep) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if keep.colours
            && let Some(colour) = OUR_COLOURS.iter().find(|s| rest.starts_with(**s))
        {
            out.push_str(colour);
            rest = &rest[colour.len()..];
            continue;
        }
        push_shown(&mut out, c, keep.newlines);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn push_shown(out: &mut String, c: char, newlines: bool) {
    match c {
        '\n' if newlines => out.push('\n'),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\\' => out.push('\\'),
        c if u32::from(c) < 0x80 && c.is_control() => {
            out.push_str(&format!("\\x{:02x}", u32::from(c)));
        }
        c if unsafe_to_show(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        c => out.push(c),
    }
}

/// Controls (C0, DEL, C1), format characters (bidirectional controls, zero-width marks,
/// the byte-order mark) and the Unicode line and paragraph separators.
fn unsafe_to_show(c: char) -> bool {
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// A finding as [`Diagnostic`]'s own form prints it, each part cleaned by `clean` and
/// escaped on its own, line
/// breaks included, so that a name in it can neither move the cursor nor begin a line.
pub fn finding(d: &Diagnostic, clean: impl Fn(&str) -> String) -> String {
    let field = Keep {
        newlines: false,
        colours: false,
    };
    // Each part is cleaned before it is escaped: escaping a line break or a zero-width
    // character would hide a name written across it from the check.
    let part = |text: &str| escape(&clean(text), field);
    let mut line = format!(
        "{}: {}[{}]: {}",
        part(&d.location.to_string()),
        d.severity,
        d.code,
        part(&d.message)
    );
    if let Some(help) = &d.help {
        line.push_str("\n  help: ");
        line.push_str(&part(help));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELD: Keep = Keep {
        newlines: false,
        colours: false,
    };

    #[test]
    fn controls_are_written_as_escapes() {
        assert_eq!(
            escape("a\rb\x1b[2Kc\x07\0", FIELD),
            "a\\rb\\x1b[2Kc\\x07\\x00"
        );
        assert_eq!(escape("x\u{9b}y", FIELD), "x\\u{9b}y");
        assert_eq!(escape("\u{202e}txt.exe", FIELD), "\\u{202e}txt.exe");
        assert_eq!(
            escape("a\u{2066}b\u{200b}c\u{2028}", FIELD),
            "a\\u{2066}b\\u{200b}c\\u{2028}"
        );
        assert_eq!(escape("one\ntwo\t", FIELD), "one\\ntwo\\t");
        assert_eq!(escape("\x7f", FIELD), "\\x7f");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        let text = "Oakfield Primary School: Zoë's café, 2026-11-01 — naïve";
        assert_eq!(escape(text, FIELD), text);
    }

    #[test]
    fn our_line_breaks_and_colours_stay_only_when_kept() {
        let ours = "\x1b[31mbelow\x1b[0m\nnext";
        let keep = Keep {
            newlines: true,
            colours: true,
        };
        assert_eq!(escape(ours, keep), ours);
        assert_eq!(escape(ours, FIELD), "\\x1b[31mbelow\\x1b[0m\\nnext");
        // Any other sequence is escaped even with colour on.
        assert_eq!(
            escape("\x1b[8mhidden\x1b[2J", keep),
            "\\x1b[8mhidden\\x1b[2J"
        );
    }
}
