//! Plain text and the markup inside it: telling the encoding, then reading as it streams.
//!
//! The encoding comes from a byte order mark when there is one (encoding_rs reads UTF-8 and
//! both UTF-16s); without one, a pattern of zero bytes in every other place is UTF-16, valid
//! UTF-8 is UTF-8, and text that is neither is read as Windows-1252, which is how older
//! Windows programs save it. Text that begins with a tag is handed to [`super::markup`].

use std::io::Read;

use encoding_rs::{CoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{Ctx, Verdict, WHOLE_LIMIT, markup};

const CHUNK: usize = 64 * 1024;

/// The encoding of text that starts with `head`, or `None` if it is not text.
pub(super) fn sniff(head: &[u8]) -> Option<&'static Encoding> {
    if let Some((encoding, _)) = Encoding::for_bom(head) {
        return Some(encoding);
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
    let odd = text
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || *c == '\u{fffd}'
        })
        .count();
    total > 0 && odd * 100 <= total
}

/// Reads text in `encoding` whose first bytes are `head`.
pub(super) fn read(
    ctx: &mut Ctx<'_>,
    mut r: impl Read,
    encoding: &'static Encoding,
    head: &[u8],
    hint: &str,
) -> std::io::Result<Verdict> {
    let (start, _) = encoding.decode_with_bom_removal(&head[..head.len().min(1024)]);
    let start = start.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let lower_hint = hint.to_ascii_lowercase();
    let lower_start = start.to_ascii_lowercase();
    if lower_start.contains("mime-version:") || lower_start.contains("content-transfer-encoding:") {
        return Ok(Verdict::Unreadable(
            "it is an email or web archive whose parts are encoded, so its text cannot be searched; save the message or page as PDF or text".into(),
        ));
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
        let mut bytes = Vec::new();
        (&mut r).take(WHOLE_LIMIT + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > WHOLE_LIMIT {
            return Ok(Verdict::Unreadable(
                "it is a web page or XML file larger than 256 MB, too large to search".into(),
            ));
        }
        let (decoded, _) = encoding.decode_with_bom_removal(&bytes);
        return Ok(markup::document(ctx, &decoded));
    }
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut scanner = ctx.scanner();
    let mut buf = vec![0u8; CHUNK];
    let mut out = String::with_capacity(CHUNK * 3 + 16);
    loop {
        let n = r.read(&mut buf)?;
        let mut input = &buf[..n];
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
        if n == 0 {
            break;
        }
    }
    Ok(if scanner.finish() {
        Verdict::Name
    } else {
        Verdict::Clean
    })
}
