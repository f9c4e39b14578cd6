//! Splitting the XML inside xlsx and ods files into pieces without building a tree, so that
//! a file can be looked through before calamine reads it. Only one tag is held at a time and
//! text is counted, not kept; a piece longer than [`MAX_PIECE`] or content longer than
//! [`MAX_CONTENT`] ends the look with a refusal, since calamine's XML reader would hold such a
//! piece whole.
//!
//! quick-xml, which calamine uses, is not used here for the same reason: it hands out each
//! event whole, so the look itself would hold a giant piece before it could refuse it.

use std::io::Read;

/// The longest single tag, text run or comment we follow. calamine's XML reader holds one
/// such piece whole, so a longer one is itself a cost worth refusing.
pub const MAX_PIECE: usize = 16 << 20;
/// The most unpacked content we stream through before giving up on the file.
pub const MAX_CONTENT: u64 = 2 << 30;

/// Why the content could not be surveyed to the end.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A single tag, text or comment is longer than [`MAX_PIECE`].
    Piece,
    /// The content unpacks to more than [`MAX_CONTENT`].
    Content,
    /// The content stops part-way through the named sheet, where calamine would wait for the
    /// sheet's end for ever.
    Unfinished(String),
}

impl Refusal {
    /// The sentence for the user, continuing "the file …".
    pub fn sentence(&self, format: &str) -> String {
        match self {
            Refusal::Piece => format!(
                "one entry in it is longer than {} MB, more than selfreview reads from an \
                 .{format} file; save it as .csv",
                MAX_PIECE >> 20
            ),
            Refusal::Content => format!(
                "unpacked, it holds more than {} GB, more than selfreview reads from an \
                 .{format} file; save it as .csv",
                MAX_CONTENT >> 30
            ),
            Refusal::Unfinished(sheet) => format!(
                "it is damaged (its content stops part-way through the sheet `{sheet}`); open it \
                 in Excel or LibreOffice and save it again"
            ),
        }
    }
}

/// One piece of the XML: a start tag (its full text, and whether it closes itself), an end
/// tag's name, or the length of text between tags.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    Open { tag: String, closed: bool },
    Close(String),
    Text(u64),
}

/// Splits XML into pieces without building a tree, holding one tag at a time. Comments,
/// processing instructions, CDATA and declarations are skipped; only their length counts
/// against [`MAX_PIECE`].
pub struct Pieces<R> {
    input: R,
    buf: Vec<u8>,
    at: usize,
    read: u64,
}

impl<R: Read> Pieces<R> {
    pub fn new(input: R) -> Self {
        Pieces {
            input,
            buf: Vec::with_capacity(64 << 10),
            at: 0,
            read: 0,
        }
    }

    pub fn next(&mut self) -> Result<Option<Piece>, Refusal> {
        loop {
            if !self.ensure(1)? {
                return Ok(None);
            }
            if self.buf[self.at] != b'<' {
                return Ok(Some(Piece::Text(self.skip_text()?)));
            }
            self.ensure(9)?;
            let head = &self.buf[self.at..];
            let end: Option<&[u8]> = if head.starts_with(b"<!--") {
                Some(b"-->")
            } else if head.starts_with(b"<![CDATA[") {
                Some(b"]]>")
            } else if head.starts_with(b"<?") {
                Some(b"?>")
            } else if head.starts_with(b"<!") {
                Some(b">")
            } else {
                None
            };
            if let Some(end) = end {
                self.skip_past(end)?;
                continue;
            }
            self.at += 1;
            let tag = String::from_utf8(self.tag()?)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            if let Some(rest) = tag.strip_prefix('/') {
                return Ok(Some(Piece::Close(rest.trim().to_string())));
            }
            return Ok(Some(match tag.strip_suffix('/') {
                Some(open) => Piece::Open {
                    tag: open.to_string(),
                    closed: true,
                },
                None => Piece::Open { tag, closed: false },
            }));
        }
    }

    /// A tag's text after its `<`, up to its `>`, which does not count inside a quoted
    /// attribute value.
    fn tag(&mut self) -> Result<Vec<u8>, Refusal> {
        let mut tag = Vec::new();
        let mut quote = None;
        while self.ensure(1)? {
            let rest = &self.buf[self.at..];
            let mut used = 0;
            let mut done = false;
            for &b in rest {
                used += 1;
                match quote {
                    Some(q) if b == q => quote = None,
                    None if b == b'"' || b == b'\'' => quote = Some(b),
                    None if b == b'>' => {
                        done = true;
                        break;
                    }
                    _ => {}
                }
            }
            tag.extend_from_slice(&rest[..if done { used - 1 } else { used }]);
            self.at += used;
            if tag.len() > MAX_PIECE {
                return Err(Refusal::Piece);
            }
            if done {
                break;
            }
        }
        Ok(tag)
    }

    /// Skips text up to the next `<`, returning its length.
    fn skip_text(&mut self) -> Result<u64, Refusal> {
        let mut len: u64 = 0;
        while self.ensure(1)? {
            let rest = &self.buf[self.at..];
            let stop = rest.iter().position(|b| *b == b'<');
            let used = stop.unwrap_or(rest.len());
            self.at += used;
            len += used as u64;
            if len > MAX_PIECE as u64 {
                return Err(Refusal::Piece);
            }
            if stop.is_some() {
                break;
            }
        }
        Ok(len)
    }

    /// Skips past the next `end` (or to the end of the input).
    fn skip_past(&mut self, end: &[u8]) -> Result<(), Refusal> {
        let mut len = 0usize;
        while self.ensure(end.len())? {
            let rest = &self.buf[self.at..];
            if let Some(i) = rest.windows(end.len()).position(|w| w == end) {
                self.at += i + end.len();
                if len + i > MAX_PIECE {
                    return Err(Refusal::Piece);
                }
                return Ok(());
            }
            // The marker may straddle the next read: keep its length less one.
            let used = rest.len() + 1 - end.len();
            self.at += used;
            len += used;
            if len > MAX_PIECE {
                return Err(Refusal::Piece);
            }
        }
        self.at = self.buf.len();
        Ok(())
    }

    /// Makes at least `n` unread bytes available if the input has them; false when fewer
    /// remain. A read error ends the survey as if the input ended: calamine reports the
    /// damage when it reads the file.
    fn ensure(&mut self, n: usize) -> Result<bool, Refusal> {
        if self.buf.len() - self.at >= n {
            return Ok(true);
        }
        self.refill(n)
    }

    /// The slow side of [`Self::ensure`], kept apart so that the frequent check stays small.
    #[cold]
    fn refill(&mut self, n: usize) -> Result<bool, Refusal> {
        const CHUNK: usize = 64 << 10;
        self.buf.drain(..self.at);
        self.at = 0;
        while self.buf.len() < n {
            let old = self.buf.len();
            self.buf.resize(old + CHUNK, 0);
            let got = self.input.read(&mut self.buf[old..]).unwrap_or(0);
            self.buf.truncate(old + got);
            if got == 0 {
                break;
            }
            self.read += got as u64;
            if self.read > MAX_CONTENT {
                return Err(Refusal::Content);
            }
        }
        Ok(self.buf.len() >= n)
    }
}

/// A tag's element name.
pub fn name(tag: &str) -> &str {
    tag.split(|c: char| c.is_ascii_whitespace())
        .next()
        .unwrap_or("")
}

/// The raw value of attribute `key` in `tag`.
pub fn attr(tag: &str, key: &str) -> Option<String> {
    let mut rest = tag[name(tag).len()..].trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let found = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let close = after[1..].find(quote)? + 1;
        if found == key {
            return Some(after[1..close].to_string());
        }
        rest = after[close + 1..].trim_start();
    }
    None
}

/// XML's five named escapes, enough for a sheet name in a message.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_follow_quotes_comments_and_cdata() {
        let xml = "<a x='1>2' y=\"<\"/><!-- <b> --><![CDATA[<c>]]><?pi <d>?>text<e/></a>";
        let mut pieces = Pieces::new(xml.as_bytes());
        let mut seen = Vec::new();
        while let Some(p) = pieces.next().expect("short input") {
            seen.push(p);
        }
        assert_eq!(
            seen,
            vec![
                Piece::Open {
                    tag: "a x='1>2' y=\"<\"".to_string(),
                    closed: true
                },
                Piece::Text(4),
                Piece::Open {
                    tag: "e".to_string(),
                    closed: true
                },
                Piece::Close("a".to_string()),
            ]
        );
        assert_eq!(attr("a x='1>2' y=\"<\"", "x").as_deref(), Some("1>2"));
        assert_eq!(attr("a x='1>2' y=\"<\"", "y").as_deref(), Some("<"));
        assert_eq!(attr("a x='1>2'", "z"), None);
    }

    #[test]
    fn a_giant_piece_is_refused() {
        let text = "x".repeat(MAX_PIECE + 1);
        assert_eq!(drain(text.as_bytes()), Err(Refusal::Piece));
        let tag = format!("<a b=\"{text}\">");
        assert_eq!(drain(tag.as_bytes()), Err(Refusal::Piece));
        let comment = format!("<!--{text}-->");
        assert_eq!(drain(comment.as_bytes()), Err(Refusal::Piece));
    }

    fn drain(xml: &[u8]) -> Result<usize, Refusal> {
        let mut pieces = Pieces::new(xml);
        let mut n = 0;
        while pieces.next()?.is_some() {
            n += 1;
        }
        Ok(n)
    }
}
