//! Text as a person sees it once the markup typed into it is shown: a second reading that
//! the search reads alongside the text as written ([`super::scan::Scanner`]).
//!
//! A name can be split by what a program later shows as nothing: Markdown's emphasis and
//! link marks (`**Gr**ace`, `_Grace_ _Adeyemi_`, `[Grace](url) Adeyemi`), inline HTML tags
//! typed into plain text (`Gr<b>ace</b>`), quoted-printable (`Grace=20Adeyemi`, `Gra=`
//! with `ce` on the next line, `=47race`), a folded line of a calendar, a contact card or an
//! email header (a line break then a space or tab continues the line, even mid-word), and a
//! MIME encoded word (`=?UTF-8?Q?Grace_Adeyemi?=`, `=?UTF-8?B?R3JhY2U=?=`). These are
//! undone here by hand, over the base64 of `data-url` and the character sets of
//! `encoding_rs` the tool already uses: the text they sit in is a piece of a cell, a note or
//! a stream, seldom a whole message that a mail parser would read, and each is a few lines.
//! Undoing them can only join more letters into words, so reading this text as well can
//! only find more.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// HTML elements that do not break the text they sit in.
pub(crate) const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "tspan", "textpath",
];

/// The longest tag read as one: past it, a `<` is only a character.
const LONGEST_TAG: usize = 256;

/// The text as shown, or `None` when nothing in it is shown otherwise than written.
pub fn shown(text: &str) -> Option<String> {
    if !text.contains(['*', '_', '~', '`', '[', '<', '=', '\n']) {
        return None;
    }
    let mut out = unfolded(text);
    if out.contains("=?") {
        out = encoded_words(&out);
    }
    if out.contains('=') {
        out = quoted_printable(&out);
    }
    if out.contains('<') {
        out = without_tags(&out);
    }
    out = without_marks(&out);
    (out != text).then_some(out)
}

/// Folded lines joined: a line break followed by a space or a tab continues the line.
fn unfolded(text: &str) -> String {
    text.replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "")
}

/// Markdown's emphasis, code and link marks taken out: `**Gr**ace`, `[Grace](url)`.
fn without_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..at]);
        rest = &rest[at + 2..];
        // The link's address is not shown: skip it, up to its closing bracket.
        match rest.find([')', '\n']) {
            Some(end) if rest.as_bytes()[end] == b')' => rest = &rest[end + 1..],
            _ => {}
        }
    }
    out.push_str(rest);
    out.retain(|c| !matches!(c, '*' | '_' | '~' | '`' | '[' | ']'));
    out
}

/// HTML tags typed into text: an inline one (`<b>`, `</span>`) shows as nothing, any other
/// as a space.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at + 1..];
        let end = tag
            .as_bytes()
            .iter()
            .take(LONGEST_TAG)
            .position(|&b| b == b'>');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match end {
            Some(end)
                if !name.is_empty() && name.starts_with(|c: char| c.is_ascii_alphabetic()) =>
            {
                if !INLINE.contains(&name.as_str()) {
                    out.push(' ');
                }
                rest = &tag[end + 1..];
            }
            _ => {
                out.push('<');
                rest = tag;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Quoted-printable undone: `=` at a line's end joins the lines, `=47` is the byte 0x47.
/// The bytes are read as UTF-8, or as Windows-1252 where they are not UTF-8.
fn quoted_printable(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let next = &bytes[i + 1..];
            if next.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if next.starts_with(b"\n") {
                i += 2;
                continue;
            }
            if let Some(byte) = hex_pair(next) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    decoded(&out, UTF_8)
}

/// The byte two hexadecimal digits at the start of `bytes` stand for.
fn hex_pair(bytes: &[u8]) -> Option<u8> {
    let digit = |b: u8| char::from(b).to_digit(16);
    let (hi, lo) = (digit(*bytes.first()?)?, digit(*bytes.get(1)?)?);
    u8::try_from(hi * 16 + lo).ok()
}

/// `bytes` in `encoding`, or in Windows-1252 where they are not valid in it.
fn decoded(bytes: &[u8], encoding: &'static Encoding) -> String {
    let (text, _, bad) = encoding.decode(bytes);
    if bad && encoding == UTF_8 {
        return WINDOWS_1252.decode(bytes).0.into_owned();
    }
    text.into_owned()
}

/// MIME encoded words (`=?charset?Q?…?=`, `=?charset?B?…?=`) decoded; the white space
/// between two of them is not shown, as a mail program shows a header.
fn encoded_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut after_word = false;
    while let Some(at) = rest.find("=?") {
        let before = &rest[..at];
        if !(after_word && before.trim().is_empty()) {
            out.push_str(before);
        }
        match encoded_word(&rest[at + 2..]) {
            Some((word, len)) => {
                out.push_str(&word);
                rest = &rest[at + 2 + len..];
                after_word = true;
            }
            None => {
                out.push_str("=?");
                rest = &rest[at + 2..];
                after_word = false;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One encoded word after its `=?`: its text, and how many bytes it took to its `?=`.
fn encoded_word(text: &str) -> Option<(String, usize)> {
    let end = text.find("?=")?;
    let mut parts = text[..end].splitn(3, '?');
    let (charset, how, body) = (parts.next()?, parts.next()?, parts.next()?);
    let charset = charset.split('*').next().unwrap_or(charset);
    let encoding = Encoding::for_label(charset.as_bytes()).unwrap_or(UTF_8);
    let bytes = match how {
        "Q" | "q" => {
            let mut bytes = Vec::with_capacity(body.len());
            let raw = body.as_bytes();
            let mut i = 0;
            while i < raw.len() {
                match (raw[i], hex_pair(&raw[i + 1..])) {
                    (b'=', Some(byte)) => {
                        bytes.push(byte);
                        i += 3;
                        continue;
                    }
                    (b'_', _) => bytes.push(b' '),
                    (b, _) => bytes.push(b),
                }
                i += 1;
            }
            bytes
        }
        "B" | "b" => data_url::forgiving_base64::decode_to_vec(body.as_bytes()).ok()?,
        _ => return None,
    };
    Some((decoded(&bytes, encoding), end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_read_as_it_is_shown() {
        for (typed, seen) in [
            ("**Gr**ace Adeyemi", "Grace Adeyemi"),
            ("_Grace_ _Adeyemi_", "Grace Adeyemi"),
            ("[Grace](https://x.org/a) Adeyemi", "Grace Adeyemi"),
            ("Gr<b>ace</b> Adeyemi", "Grace Adeyemi"),
            ("Grace<br>Adeyemi", "Grace Adeyemi"),
            ("Grace=20Adeyemi", "Grace Adeyemi"),
            ("Gra=\nce", "Grace"),
            ("=47race", "Grace"),
            ("Gra=\r\nce", "Grace"),
            ("Gra\r\n ce", "Grace"),
            ("Gra\n\tce", "Grace"),
            ("=?UTF-8?Q?Grace_Adeyemi?=", "Grace Adeyemi"),
            ("=?utf-8?B?R3JhY2UgQWRleWVtaQ==?=", "Grace Adeyemi"),
            ("=?UTF-8?Q?Gr?= =?UTF-8?Q?ace?=", "Grace"),
            ("=?ISO-8859-1?Q?Zo=EB?=", "Zoë"),
            ("Zo=C3=AB", "Zoë"),
        ] {
            assert_eq!(shown(typed).as_deref(), Some(seen), "{typed:?}");
        }
        assert_eq!(shown("Nothing marked here"), None);
        assert_eq!(shown("a < b and c > d"), None);
        assert_eq!(shown("=?broken"), None);
    }
}
