//! Text as it reads once its escapes are decoded: a link's `Alfie%20Brooks`, a script's or
//! a JSON file's `Alfie\u0020Brooks`, a style sheet's `\41 lfie`.
//!
//! Percent-encoding is decoded by the `percent-encoding` crate, and HTML's character
//! references (`&#71;`, `&#x47;`, `&Ouml;`, and `&amp;#71;`, a reference written out once
//! more) by html5gum, the HTML reader the guard already reads web pages with, every `<`
//! escaped first so that only references are decoded. The backslash escapes of JSON,
//! JavaScript and CSS are decoded here by hand: no kept crate decodes all three in a piece
//! of text that is not a whole JSON or CSS document, and each is a few lines. Text encoded
//! more than once is decoded again, up to [`ROUNDS`] times.

/// How many times over text is decoded: a link or a page may be encoded twice or thrice.
const ROUNDS: usize = 3;

/// The text with its escapes decoded, or `None` when it has none.
pub fn decode(text: &str) -> Option<String> {
    if !text.contains(['%', '\\', '&']) {
        return None;
    }
    let mut out = text.to_string();
    for _ in 0..ROUNDS {
        let before = out.clone();
        if out.contains('%') {
            out = percent_encoding::percent_decode_str(&out)
                .decode_utf8_lossy()
                .into_owned();
        }
        if has_reference(&out) {
            out = references(&out);
        }
        if out.contains('\\') {
            out = backslashes(&out);
        }
        if out == before {
            break;
        }
    }
    (out != text).then_some(out)
}

/// Whether `text` holds what may be a character reference: `&#`, or `&`, letters and `;`.
/// A plain "Parents & carers" is not read again.
fn has_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'&', bytes).any(|at| {
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'#') {
            return true;
        }
        let letters = rest
            .iter()
            .take(33)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        letters > 1 && rest.get(letters) == Some(&b';')
    })
}

/// HTML's character references decoded, as a browser decodes them in a page's text.
fn references(text: &str) -> String {
    let escaped = text.replace('<', "&lt;");
    let mut out = String::with_capacity(text.len());
    for token in html5gum::Tokenizer::new(escaped.as_str()) {
        let Ok(token) = token;
        if let html5gum::Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s.value));
        }
    }
    out
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
        assert_eq!(
            decode("&#71;race &amp;#65;deyemi").as_deref(),
            Some("Grace Adeyemi")
        );
        assert_eq!(decode("&amp;amp;#71;race").as_deref(), Some("Grace"));
        assert_eq!(decode("Parents & carers <b>"), None);
        assert!(!has_reference("Parents & carers; R&D") && has_reference("x &Ouml;mer"));
        assert_eq!(decode("plain text"), None);
        assert_eq!(decode("100% sure"), None);
    }
}
