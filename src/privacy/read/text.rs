//! Plain text and the markup inside it: telling the encoding, then reading as it streams.
//!
//! The encoding comes from a byte order mark when there is one (encoding_rs reads UTF-8 and
//! both UTF-16s); without one, a pattern of zero bytes in every other place is UTF-16, valid
//! UTF-8 is UTF-8, and text that is neither is read as Windows-1252, which is how older
//! Windows programs save it. Text that begins with a tag is handed to [`super::markup`].

use std::io::Read;

use encoding_rs::{
    CoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252,
    WINDOWS_1253, WINDOWS_1254, WINDOWS_1257,
};

use super::{Ctx, Verdict, WHOLE_LIMIT, markup};

const CHUNK: usize = 64 * 1024;

/// The code pages European names are written in by older Windows programs.
pub(super) const SINGLE_BYTE: [&Encoding; 6] = [
    WINDOWS_1252,
    WINDOWS_1250,
    WINDOWS_1254,
    WINDOWS_1257,
    WINDOWS_1251,
    WINDOWS_1253,
];

/// The character set a web page or XML file declares in its first bytes, if any.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head
        .find("charset=")
        .map(|i| i + 8)
        .or_else(|| head.find("encoding=").map(|i| i + 9))?;
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// The encoding of text that starts with `head`, or `None` if it is not text.
pub(super) fn sniff(head: &[u8]) -> Option<&'static Encoding> {
    if let Some((encoding, bom)) = Encoding::for_bom(head) {
        // A byte order mark followed by what is not text in that encoding is not text.
        return looks_like_text(encoding, &head[bom..]).then_some(encoding);
    }
    let zeros_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let zeros_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = head.len() / 2;
    if half > 0 && zeros_odd * 3 > half && zeros_even * 10 < half {
        return looks_like_text(UTF_16LE, head).then_some(UTF_16LE);
    }
    if half > 0 && zeros_even * 3 > half && zeros_odd * 10 < half {
        return looks_like_text(UTF_16BE, head).then_some(UTF_16BE);
    }
    if head.contains(&0) {
        return None;
    }
    match std::str::from_utf8(head) {
        Ok(_) => return Some(UTF_8),
        // A character cut off by the end of the sample is still UTF-8.
        Err(e) if e.error_len().is_none() && head.len() - e.valid_up_to() < 4 => {
            return Some(UTF_8);
        }
        Err(_) => {}
    }
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a | 0x1b))
        .count();
    (controls * 100 <= head.len()).then_some(WINDOWS_1252)
}

/// Whether `head` decoded as `encoding` reads as text: hardly any control characters.
fn looks_like_text(encoding: &'static Encoding, head: &[u8]) -> bool {
    let (text, _) = encoding.decode_without_bom_handling(head);
    let total = text.chars().count();
    if total == 0 {
        return true;
    }
    let odd = text
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || *c == '\u{fffd}'
        })
        .count();
    odd * 100 <= total
}

/// Reads text in `encoding` whose first bytes are `head`.
pub(super) fn read(
    ctx: &mut Ctx<'_>,
    r: impl Read,
    encoding: &'static Encoding,
    head: &[u8],
    hint: &str,
) -> std::io::Result<Verdict> {
    let (start, _) = encoding.decode_with_bom_removal(&head[..head.len().min(1024)]);
    let start = start.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let lower_hint = hint.to_ascii_lowercase();
    if start.starts_with("BEGIN:VCALENDAR") || start.starts_with("BEGIN:VCARD") {
        return calendar(ctx, r, encoding);
    }
    if is_email(start) {
        return email(ctx, r, encoding);
    }
    if start.starts_with("{\\rtf") {
        return Ok(Verdict::Unreadable(
            "it is a rich text (RTF) file, which selfreview cannot read reliably; save it as .docx or PDF".into(),
        ));
    }
    let is_markup = start.starts_with('<')
        || [".html", ".htm", ".xhtml"]
            .iter()
            .any(|e| lower_hint.ends_with(e));
    if is_markup {
        return read_markup(ctx, r, encoding);
    }
    // A table is told by its content, whatever its name (.csv, .tsv, .txt, .dat or none).
    let named_csv = lower_hint.ends_with(".csv");
    if let Some(delimiter) = super::delimited::delimiter(start, named_csv) {
        return super::delimited::read(ctx, r, encoding, head.contains(&0), delimiter);
    }
    read_plain(ctx, r, encoding, head.contains(&0))
}

/// The bytes with every NUL left out, as a browser or a text editor shows them ("G\0r\0a…"
/// is "Gra…"), or `None` when there is none.
fn without_nuls(bytes: &[u8]) -> Option<Vec<u8>> {
    bytes
        .contains(&0)
        .then(|| bytes.iter().copied().filter(|b| *b != 0).collect())
}

/// Reads a file that must be searched whole, up to [`WHOLE_LIMIT`]; past it, the verdict
/// that `what` is too large to search.
pub(super) fn whole(r: &mut impl Read, what: &str) -> std::io::Result<Result<Vec<u8>, Verdict>> {
    let mut bytes = Vec::new();
    r.take(WHOLE_LIMIT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > WHOLE_LIMIT {
        return Ok(Err(Verdict::Unreadable(format!(
            "it is {what} larger than {} MB, too large to search",
            WHOLE_LIMIT >> 20
        ))));
    }
    Ok(Ok(bytes))
}

/// Reads a web page or XML file whole (up to [`WHOLE_LIMIT`]), in its declared charset and
/// then the code pages older programs save in.
fn read_markup(
    ctx: &mut Ctx<'_>,
    mut r: impl Read,
    encoding: &'static Encoding,
) -> std::io::Result<Verdict> {
    let bytes = match whole(&mut r, "a web page or XML file")? {
        Ok(bytes) => bytes,
        Err(too_large) => return Ok(too_large),
    };
    // A page's own charset, then the code pages older programs save in.
    let mut tried: Vec<&'static Encoding> = declared_charset(&bytes).into_iter().collect();
    if encoding != WINDOWS_1252 || !tried.is_empty() {
        tried.push(encoding);
    }
    if encoding == WINDOWS_1252 {
        tried.extend(SINGLE_BYTE);
    }
    let mut verdict = Verdict::Clean;
    // A page holding NULs shows the text between them, whatever charset it declares: a
    // browser takes `<meta charset="utf-16">` for UTF-8 and drops the NULs of the UTF-16.
    let stripped = without_nuls(&bytes);
    let readings = tried
        .into_iter()
        .map(|e| (e, &bytes))
        .chain(stripped.iter().flat_map(|s| {
            std::iter::once(UTF_8)
                .chain(SINGLE_BYTE)
                .map(move |e| (e, s))
        }));
    for (e, bytes) in readings {
        let (decoded, _) = e.decode_with_bom_removal(bytes);
        match markup::document(ctx, &decoded) {
            Verdict::Name => return Ok(Verdict::Name),
            Verdict::Unreadable(why) => verdict = Verdict::Unreadable(why),
            Verdict::Clean => {}
        }
    }
    Ok(verdict)
}

/// Reads plain text as it streams, in `encoding` or, when that is a guess, in each code
/// page it might be. Text whose start holds NULs (UTF-16, or text with NULs between its
/// letters) is read with them left out too, as UTF-8 and Windows-1252, the way an editor
/// shows it; a NUL further on in text whose start had none is refused, since the text
/// was not read that way from its start.
pub(super) fn read_plain(
    ctx: &mut Ctx<'_>,
    mut r: impl Read,
    encoding: &'static Encoding,
    nuls: bool,
) -> std::io::Result<Verdict> {
    // Text that is not UTF-8 was saved by an older program in its own code page; which one
    // cannot be told for sure, so it is read in each that European names are written in.
    let encodings: &[&'static Encoding] = if encoding == WINDOWS_1252 {
        &SINGLE_BYTE
    } else if encoding == UTF_16LE || encoding == UTF_16BE {
        // Also byte by byte, in case what looked like UTF-16 was not.
        &[encoding, WINDOWS_1252]
    } else {
        &[encoding]
    };
    let mut readers: Vec<_> = encodings
        .iter()
        .map(|e| {
            let decoder = if *e == encoding {
                e.new_decoder_with_bom_removal()
            } else {
                e.new_decoder_without_bom_handling()
            };
            (decoder, ctx.scanner(), false)
        })
        .collect();
    if nuls {
        for e in [UTF_8, WINDOWS_1252] {
            readers.push((e.new_decoder_with_bom_removal(), ctx.scanner(), true));
        }
    }
    let mut buf = vec![0u8; CHUNK];
    let mut kept = Vec::with_capacity(CHUNK);
    let mut out = String::with_capacity(CHUNK * 3 + 16);
    loop {
        let n = r.read(&mut buf)?;
        if !nuls && buf[..n].contains(&0) {
            return Ok(Verdict::Unreadable(
                "it is text with NUL characters part of the way through, which hide words from a search; save it again as plain text".into(),
            ));
        }
        if nuls {
            kept.clear();
            kept.extend(buf[..n].iter().filter(|b| **b != 0));
        }
        for (decoder, scanner, drop) in &mut readers {
            let mut input = if *drop { &kept[..] } else { &buf[..n] };
            loop {
                out.clear();
                let (result, read, _) = decoder.decode_to_string(input, &mut out, n == 0);
                scanner.push(&out);
                input = &input[read..];
                if result == CoderResult::InputEmpty {
                    break;
                }
            }
            if scanner.found() {
                return Ok(Verdict::Name);
            }
        }
        if n == 0 {
            break;
        }
    }
    let found = readers
        .iter_mut()
        .fold(false, |f, (_, s, _)| s.finish() | f);
    Ok(if found { Verdict::Name } else { Verdict::Clean })
}

/// Whether text is a saved email (or a web archive, built the same way) with MIME parts or
/// encoded header words (`Content-Transfer-Encoding:`, `=?UTF-8?Q?…?=`).
fn is_email(start: &str) -> bool {
    let lower = start.to_ascii_lowercase();
    lower.contains("mime-version:")
        || lower.contains("content-transfer-encoding:")
        || ((lower.contains("?q?") || lower.contains("?b?")) && lower.contains("=?"))
}

/// A saved email: read as a mail program shows it (folded headers joined, encoded words
/// and quoted-printable decoded, by the search's second reading, `crate::privacy::shown`)
/// when every part is plain text written out or quoted-printable; a part in base64 or
/// another encoding, or one that is a web page or a file, is not searched here, so the
/// message is refused.
fn email(ctx: &Ctx<'_>, mut r: impl Read, encoding: &'static Encoding) -> std::io::Result<Verdict> {
    let bytes = match whole(&mut r, "an email")? {
        Ok(bytes) => bytes,
        Err(too_large) => return Ok(too_large),
    };
    let (text, _) = encoding.decode_with_bom_removal(&bytes);
    let lower = text.to_ascii_lowercase();
    let value = |at: usize| {
        lower[at..]
            .trim_start()
            .split([';', '\r', '\n'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let heading = |name: &str| {
        lower
            .match_indices(name)
            .filter(|(at, _)| *at == 0 || lower.as_bytes()[at - 1] == b'\n')
            .map(|(at, _)| value(at + name.len()))
            .collect::<Vec<_>>()
    };
    let plain_encoding = heading("content-transfer-encoding:")
        .iter()
        .all(|e| matches!(e.as_str(), "7bit" | "8bit" | "binary" | "quoted-printable"));
    let plain_parts = heading("content-type:").iter().all(|t| {
        t.starts_with("text/plain") || t.starts_with("multipart/") || t.starts_with("message/")
    });
    if !plain_encoding || !plain_parts {
        return Ok(Verdict::Unreadable(
            "it is an email or web archive with a part in base64, a web page or an attached file, so its text cannot be searched; save the message or page as PDF or text".into(),
        ));
    }
    let mut scanner = ctx.scanner();
    scanner.push(&text);
    Ok(if scanner.finish() {
        Verdict::Name
    } else {
        Verdict::Clean
    })
}

/// A calendar or contact file (.ics, .vcf), whose long lines are folded: a line break
/// followed by a space continues the line, even mid-word ("Alfie Bro" / " oks").
fn calendar(
    ctx: &Ctx<'_>,
    mut r: impl Read,
    encoding: &'static Encoding,
) -> std::io::Result<Verdict> {
    let bytes = match whole(&mut r, "a calendar or contacts file")? {
        Ok(bytes) => bytes,
        Err(too_large) => return Ok(too_large),
    };
    let (text, _) = encoding.decode_with_bom_removal(&bytes);
    let unfolded = text
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "")
        .replace("\\n", "\n")
        .replace("\\,", ",");
    let mut scanner = ctx.scanner();
    scanner.push(&unfolded);
    Ok(if scanner.finish() {
        Verdict::Name
    } else {
        Verdict::Clean
    })
}
