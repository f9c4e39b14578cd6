//! Text as it reads once its escapes are decoded: a link's `Alfie%20Brooks`, a script's or
//! a JSON file's `Alfie\u0020Brooks`, a style sheet's `\41 lfie`.
//!
//! Percent-encoding is decoded by the `percent-encoding` crate, twice over for links
//! encoded twice. The backslash escapes of JSON, JavaScript and CSS are decoded here by
//! hand: no kept crate decodes all three in a piece of text that is not a whole JSON or CSS
//! document, and each is a few lines.

/// The text with its escapes decoded, or `None` when it has none.
pub fn decode(text: &str) -> Option<String> {
    if !text.contains(['%', '\\']) {
        return None;
    }
    let mut out = text.to_string();
    for _ in 0..2 {
        if !out.contains('%') {
            break;
        }
        out = percent_encoding::percent_decode_str(&out)
            .decode_utf8_lossy()
            .into_owned();
    }
    if out.contains('\\') {
        out = backslashes(&out);
    }
    (out != text).then_some(out)
}

/// `\uXXXX`, `\xXX` and CSS's `\` followed by one to six hex digits and an optional space.
fn backslashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let (max, skip) = match chars.peek() {
            Some('u') => (4, true),
            Some('x') => (2, true),
            Some(h) if h.is_ascii_hexdigit() => (6, false),
            Some(_) | None => {
                out.push(c);
                continue;
            }
        };
        if skip {
            chars.next();
        }
        let mut hex = String::new();
        while hex.len() < max && chars.peek().is_some_and(char::is_ascii_hexdigit) {
            hex.extend(chars.next());
        }
        if !skip && chars.peek() == Some(&' ') {
            chars.next();
        }
        match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
            Some(decoded) => out.push(decoded),
            None => out.push_str(&hex),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_scripts_and_style_sheets_are_decoded() {
        assert_eq!(
            decode("x.org/Alfie%20Brooks").as_deref(),
            Some("x.org/Alfie Brooks")
        );
        assert_eq!(decode("Alfie%2520Brooks").as_deref(), Some("Alfie Brooks"));
        assert_eq!(
            decode(r#"{"n":"\u0041lfie\u0020Brooks"}"#).as_deref(),
            Some(r#"{"n":"Alfie Brooks"}"#)
        );
        assert_eq!(
            decode(r"content:'\41 lfie Brooks'").as_deref(),
            Some("content:'Alfie Brooks'")
        );
        assert_eq!(decode("plain text"), None);
        assert_eq!(decode("100% sure"), None);
    }
}
