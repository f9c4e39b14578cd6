//! The unpacked XML as quick-xml reads it, with a cap on how much it may read.
//!
//! quick-xml reads each piece of the XML (a tag, a run of text, a comment) whole into the
//! buffer it is given, asking its `BufRead` for more until the piece ends; it cannot be told
//! to stop. [`Capped`] is that `BufRead`: it hands out no more than a piece's worth of bytes
//! between two calls to [`Capped::start_piece`], and no more than the content's worth in all,
//! and past either it fails the read and remembers which cap was passed. quick-xml's buffer
//! therefore never holds more than one piece's worth, however long the piece in the file.
//! An error unpacking the content ends it, as the end of the content does.

use std::io::{self, BufRead, Read};

use super::Refusal;

/// How much is read from the unpacked content at a time.
const CHUNK: usize = 64 << 10;

/// A `BufRead` over unpacked content that refuses to hand out a longer piece or more content
/// than its caps allow.
pub struct Capped<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    filled: usize,
    /// The most one piece may take, its brackets included.
    piece_room: usize,
    /// The most that may be read from `inner` in all.
    content_cap: u64,
    /// Bytes read from `inner` so far.
    read: u64,
    /// Bytes handed out since the current piece began.
    piece: usize,
    /// The input has ended, or failed, which counts the same: a file cut short fails to
    /// unpack where it was cut.
    ended: bool,
    /// The cap that stopped the reading, once one has.
    refused: Option<Refusal>,
}

impl<R: Read> Capped<R> {
    /// Caps `inner` at pieces of `piece_room` bytes and `content_cap` bytes in all.
    pub fn new(inner: R, piece_room: usize, content_cap: u64) -> Self {
        Capped {
            inner,
            buf: vec![0; CHUNK].into_boxed_slice(),
            pos: 0,
            filled: 0,
            piece_room,
            content_cap,
            read: 0,
            piece: 0,
            ended: false,
            refused: None,
        }
    }

    /// Begins a new piece: its bytes are counted from here.
    pub fn start_piece(&mut self) {
        self.piece = 0;
    }

    /// The cap that stopped the reading, if one did.
    pub fn refused(&mut self) -> Option<Refusal> {
        self.refused.take()
    }

    /// Whether every byte of the input has been handed out.
    pub fn at_end(&self) -> bool {
        self.ended && self.pos == self.filled
    }

    fn refuse(&mut self, why: Refusal) -> io::Error {
        // No more is handed out.
        self.piece_room = 0;
        self.refused = Some(why);
        io::Error::other("the content passes selfreview's cap")
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Capped<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let room = self.piece_room.saturating_sub(self.piece);
        if room == 0 || self.pos == self.filled {
            return self.refill(room);
        }
        let end = self.filled.min(self.pos.saturating_add(room));
        Ok(&self.buf[self.pos..end])
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
        self.piece += n;
    }
}

impl<R: Read> Capped<R> {
    /// The slow side of [`BufRead::fill_buf`], kept apart so that the frequent call stays
    /// small: the piece has no room left, or the bytes read so far are all handed out.
    #[cold]
    fn refill(&mut self, room: usize) -> io::Result<&[u8]> {
        if self.refused.is_some() {
            return Err(io::Error::other("the content passed selfreview's cap"));
        }
        if room == 0 {
            return Err(self.refuse(Refusal::Piece));
        }
        if !self.ended {
            self.pos = 0;
            self.filled = loop {
                match self.inner.read(&mut self.buf) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Ok(n) => break n,
                    Err(_) => break 0,
                }
            };
            self.ended = self.filled == 0;
            self.read += self.filled as u64;
            if self.read > self.content_cap {
                return Err(self.refuse(Refusal::Content));
            }
        }
        let end = self.filled.min(self.pos.saturating_add(room));
        Ok(&self.buf[self.pos..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `capped` to its end one piece of `each` bytes at a time, as quick-xml would.
    fn drain(capped: &mut Capped<&[u8]>, each: usize) -> io::Result<usize> {
        let mut total = 0;
        loop {
            capped.start_piece();
            let mut piece = Vec::new();
            let got = capped.by_ref().take(each as u64).read_to_end(&mut piece)?;
            total += got;
            if got < each {
                return Ok(total);
            }
        }
    }

    #[test]
    fn content_within_the_caps_is_handed_out_whole() {
        let input = vec![b'x'; 3 * CHUNK + 5];
        let mut capped = Capped::new(&input[..], 100, input.len() as u64);
        assert_eq!(
            drain(&mut capped, 100).expect("within the caps"),
            input.len()
        );
        assert!(capped.at_end());
        assert_eq!(capped.refused(), None);
    }

    #[test]
    fn a_piece_longer_than_its_room_is_refused() {
        let input = vec![b'x'; 1000];
        let mut capped = Capped::new(&input[..], 100, u64::MAX);
        let mut piece = Vec::new();
        assert!(capped.read_to_end(&mut piece).is_err());
        assert_eq!(piece.len(), 100, "no more than the room is handed out");
        assert_eq!(capped.refused(), Some(Refusal::Piece));
    }

    #[test]
    fn each_piece_gets_its_own_room() {
        let input = vec![b'x'; 1000];
        let mut capped = Capped::new(&input[..], 100, u64::MAX);
        assert_eq!(drain(&mut capped, 100).expect("pieces of 100"), 1000);
    }

    #[test]
    fn content_past_its_cap_is_refused() {
        let input = vec![b'x'; 2 * CHUNK];
        let mut capped = Capped::new(&input[..], usize::MAX, CHUNK as u64 + 1);
        assert!(drain(&mut capped, 10).is_err());
        assert_eq!(capped.refused(), Some(Refusal::Content));
        let mut exact = Capped::new(&input[..], usize::MAX, input.len() as u64);
        assert_eq!(drain(&mut exact, 10).expect("exactly the cap"), input.len());
    }

    #[test]
    fn a_failing_input_ends_like_a_short_one() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("damaged"))
            }
        }
        let mut capped = Capped::new(Failing, 10, 10);
        assert_eq!(capped.fill_buf().expect("an end, not an error"), b"");
        assert!(capped.at_end());
    }
}
