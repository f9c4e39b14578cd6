//! UTF-16 text, as Excel saves "Unicode Text", turned into UTF-8 as it is read.

use std::io::{self, Read};

use encoding_rs::{Decoder, UTF_16LE};

/// Whether `bytes` start with a UTF-16 byte-order mark (little or big endian).
pub fn has_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// The start of a UTF-16 file as UTF-8, for detecting the delimiter.
pub fn decode(sample: &[u8]) -> Vec<u8> {
    // The byte-order mark decides between little and big endian.
    UTF_16LE.decode(sample).0.into_owned().into_bytes()
}

/// Reads UTF-16 with a byte-order mark from `inner` and gives UTF-8 without it.
pub struct Utf16<R> {
    inner: R,
    decoder: Decoder,
    out: Vec<u8>,
    at: usize,
    done: bool,
}

impl<R: Read> Utf16<R> {
    /// Wraps `inner`.
    pub fn new(inner: R) -> Self {
        Utf16 {
            inner,
            decoder: UTF_16LE.new_decoder(),
            out: Vec::new(),
            at: 0,
            done: false,
        }
    }
}

impl<R: Read> Read for Utf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.at < self.out.len() {
                let n = buf.len().min(self.out.len() - self.at);
                buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
                self.at += n;
                return Ok(n);
            }
            if self.done {
                return Ok(0);
            }
            let mut chunk = [0u8; 8192];
            let n = self.inner.read(&mut chunk)?;
            let last = n == 0;
            let room = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.out.clear();
            self.out.resize(room, 0);
            // With room for the longest output, every input byte is consumed at once.
            let (_, _, written, _) = self
                .decoder
                .decode_to_utf8(&chunk[..n], &mut self.out, last);
            self.out.truncate(written);
            self.at = 0;
            self.done = last;
        }
    }
}
