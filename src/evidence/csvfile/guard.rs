//! A reader in front of the CSV parser that keeps quoting honest and cells bounded.
//!
//! It follows the quoting rules the csv crate applies (a quote opens a quoted cell only at
//! the start of a cell; `""` inside one is a quote; a quote followed by anything else ends
//! it) and counts lines as a text editor shows them. When a cell grows past
//! [`super::MAX_FIELD`], a row past [`super::MAX_RECORD`], or the file ends inside quotes,
//! it stops with an error and keeps the problem, worded for the school, for the caller.
//!
//! A quote that is never closed is not the only way to lose rows: a stray opening quote
//! closed by a quote several lines later makes the rows between one cell, and the file
//! still ends tidily. So a closing quote must be followed by a delimiter or a line end, and
//! a quoted cell that runs over lines may not hold a line that reads as a whole row of its
//! own (as many delimiters as the widest row before it). A notes cell over two lines, with
//! a comma or two in it, still reads as one cell.

use std::collections::VecDeque;
use std::io::{self, Read};

use super::{MAX_FIELD, MAX_RECORD};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    StartField,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// What went wrong, with the line where the cell or row began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file ends inside a quoted cell.
    Unclosed { line: u64 },
    /// A cell longer than the limit.
    LongField { line: u64 },
    /// A row longer than the limit.
    LongRecord { line: u64 },
    /// A quoted cell is closed, but something other than a delimiter or a line end follows.
    TextAfterQuote { line: u64, at: u64 },
    /// A quoted cell runs over lines and holds a line that reads as a row of its own.
    SwallowsRows { line: u64, at: u64 },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Unclosed { line } => write!(
                f,
                "line {line}: a cell starts with a quote (\") that is never closed, so everything after it would be read as one cell; add the missing closing quote on that line, or remove the opening one, and import again"
            ),
            Problem::LongField { line } => write!(
                f,
                "line {line}: a cell that starts here is longer than {} MB, which no real entry is; the file is probably damaged, or a quote (\") on that line is never closed",
                MAX_FIELD / (1024 * 1024)
            ),
            Problem::LongRecord { line } => write!(
                f,
                "line {line}: the row that starts here is longer than {} MB; the file is probably damaged",
                MAX_RECORD / (1024 * 1024)
            ),
            Problem::TextAfterQuote { line, at } => write!(
                f,
                "line {line}: a cell starts with a quote (\") that is closed on line {at} by a quote with more text straight after it, so the lines between would be read as one cell and their rows lost; a quote on line {line} is probably not closed where it should be: add the missing closing quote, or remove the stray one, and import again"
            ),
            Problem::SwallowsRows { line, at } => write!(
                f,
                "line {line}: a cell starts with a quote (\") that is not closed on that line, and line {at} inside it reads as a row of its own, so rows would be lost in one cell; add the missing closing quote on line {line}, or remove the opening one, and import again"
            ),
        }
    }
}

/// Wraps the file the CSV parser reads.
pub struct Guard<R> {
    inner: R,
    delimiter: u8,
    state: State,
    /// The current line, from 1.
    line: u64,
    field_line: u64,
    field_len: u64,
    record_line: u64,
    record_len: u64,
    /// Bytes seen so far, to pass over a byte-order mark at the very start.
    seen: u64,
    /// The last byte was a carriage return: a line feed after it ends no further line.
    after_cr: bool,
    /// Delimiters outside quotes in the current row, and the most in any row so far.
    record_delims: u64,
    widest: u64,
    /// Inside a quoted cell: it has run onto another line, and the delimiters on the line
    /// of it being read.
    field_broken: bool,
    line_delims: u64,
    /// Lines of the quoted cell, after its first, that held a delimiter: two such lines are
    /// rows swallowed, even rows shorter than the widest (trailing cells left off).
    lines_with_delims: u32,
    problem: Option<Problem>,
    /// The line each row read so far began on, for the rows the CSV parser has not yet
    /// taken: it passes over blank lines and counts a quoted cell's line breaks as its own,
    /// so it cannot give the line a spreadsheet program shows. It never runs more than a
    /// buffer's worth of rows behind.
    starts: VecDeque<u64>,
}

impl<R: Read> Guard<R> {
    /// Guards `inner`, whose cells are separated by `delimiter`.
    pub fn new(inner: R, delimiter: u8) -> Self {
        Guard {
            inner,
            delimiter,
            state: State::StartField,
            line: 1,
            field_line: 1,
            field_len: 0,
            record_line: 1,
            record_len: 0,
            seen: 0,
            after_cr: false,
            record_delims: 0,
            widest: 0,
            field_broken: false,
            line_delims: 0,
            lines_with_delims: 0,
            problem: None,
            starts: VecDeque::new(),
        }
    }

    /// The line (from 1) the next row the parser gives began on, as a spreadsheet program
    /// numbers it: blank lines and the line breaks inside quoted cells counted.
    pub fn take_start(&mut self) -> Option<u64> {
        self.starts.pop_front()
    }

    /// The problem that stopped reading, if one did.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    fn end_field(&mut self) {
        self.state = State::StartField;
        self.field_len = 0;
        self.field_line = self.line;
        self.field_broken = false;
        self.line_delims = 0;
        self.lines_with_delims = 0;
    }

    fn end_record(&mut self) {
        // A blank line is no row to the parser: only a row with something in it is one.
        if self.record_len > 0 {
            self.starts.push_back(self.record_line);
        }
        self.end_field();
        self.record_len = 0;
        self.record_line = self.line;
        self.widest = self.widest.max(self.record_delims);
        self.record_delims = 0;
    }

    /// A line of a quoted cell, after its first, with as many delimiters as a whole row.
    fn line_is_a_row(&self) -> bool {
        self.field_broken
            && ((self.widest > 0 && self.line_delims >= self.widest)
                || (self.lines_with_delims >= 1 && self.line_delims > 0))
    }

    /// Checks the quoted cell that has just been read, before it ends.
    fn check_quoted(&self) -> Option<Problem> {
        self.line_is_a_row().then_some(Problem::SwallowsRows {
            line: self.field_line,
            at: self.line,
        })
    }

    /// Counts lines as editors do, whether they end in LF, CR LF or CR alone.
    fn count_line(&mut self, b: u8) {
        if b == b'\r' || (b == b'\n' && !self.after_cr) {
            self.line += 1;
        }
        self.after_cr = b == b'\r';
    }

    /// Follows one byte through the quoting rules; the problem, if it makes one.
    fn step(&mut self, b: u8) -> Option<Problem> {
        let newline = b == b'\n' || b == b'\r';
        match self.state {
            State::StartField if b == b'"' => {
                self.field_line = self.line;
                self.state = State::Quoted;
            }
            // `""` inside quotes is a quote character, and the cell goes on.
            State::QuoteInQuoted if b == b'"' => self.state = State::Quoted,
            State::QuoteInQuoted if b != self.delimiter && !newline => {
                return Some(Problem::TextAfterQuote {
                    line: self.field_line,
                    at: self.line,
                });
            }
            State::StartField | State::Unquoted | State::QuoteInQuoted if b == self.delimiter => {
                if let Some(problem) = self.check_quoted() {
                    return Some(problem);
                }
                self.record_delims += 1;
                self.end_field()
            }
            State::StartField | State::Unquoted | State::QuoteInQuoted if newline => {
                if let Some(problem) = self.check_quoted() {
                    return Some(problem);
                }
                self.count_line(b);
                self.end_record();
                return None;
            }
            State::StartField | State::QuoteInQuoted => {
                self.field_line = self.line;
                self.state = State::Unquoted;
            }
            State::Unquoted => {}
            State::Quoted if b == b'"' => self.state = State::QuoteInQuoted,
            State::Quoted if b == self.delimiter => self.line_delims += 1,
            State::Quoted if newline => {
                if let Some(problem) = self.quoted_line_end(b) {
                    return Some(problem);
                }
            }
            State::Quoted => {}
        }
        self.grow(b)
    }

    /// A line end inside a quoted cell: the line before it must not read as a whole row.
    fn quoted_line_end(&mut self, b: u8) -> Option<Problem> {
        // A CR LF pair is one line end, and the line before it is complete.
        if !(b == b'\n' && self.after_cr)
            && let Some(problem) = self.check_quoted()
        {
            return Some(problem);
        }
        if self.field_broken && self.line_delims > 0 {
            self.lines_with_delims += 1;
        }
        self.field_broken = true;
        self.line_delims = 0;
        None
    }

    /// How many bytes at the start of `bytes` [`Guard::step`] would only count into the
    /// cell: inside a cell, bytes other than quotes (in quotes), delimiters and line ends;
    /// never so many that the cell or the row would pass its limit, which `step` reports.
    /// A cell that does not start with a quote starts as it does in [`Guard::step`].
    fn plain_run(&mut self, bytes: &[u8]) -> usize {
        let room = (MAX_FIELD - self.field_len.min(MAX_FIELD))
            .min(MAX_RECORD - self.record_len.min(MAX_RECORD));
        let most = bytes.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let d = self.delimiter;
        let quoted = match self.state {
            State::Unquoted => false,
            State::Quoted => true,
            State::StartField
                if most > 0 && !matches!(bytes[0], b'"' | b'\n' | b'\r') && bytes[0] != d =>
            {
                self.field_line = self.line;
                self.state = State::Unquoted;
                false
            }
            State::StartField | State::QuoteInQuoted => return 0,
        };
        let bytes = &bytes[..most];
        if quoted {
            bytes
                .iter()
                .position(|&c| c == d || c == b'\n' || c == b'\r' || c == b'"')
                .unwrap_or(most)
        } else {
            memchr::memchr3(d, b'\n', b'\r', bytes).unwrap_or(most)
        }
    }

    /// A delimiter after a cell without quotes (or after none) ends the cell as it does in
    /// [`Guard::step`]; `false`, having done nothing, for any other byte or state, or when
    /// the row would pass its limit, which `step` reports.
    fn plain_delimiter(&mut self, b: u8) -> bool {
        if b != self.delimiter
            || !matches!(self.state, State::StartField | State::Unquoted)
            || self.record_len >= MAX_RECORD
        {
            return false;
        }
        self.record_delims += 1;
        self.end_field();
        self.after_cr = false;
        self.field_len += 1;
        self.record_len += 1;
        true
    }

    /// Counts a byte that stays in its cell, refusing a cell or a row grown too long.
    fn grow(&mut self, b: u8) -> Option<Problem> {
        self.count_line(b);
        self.field_len += 1;
        self.record_len += 1;
        if self.field_len > MAX_FIELD {
            return Some(Problem::LongField {
                line: self.field_line,
            });
        }
        if self.record_len > MAX_RECORD {
            return Some(Problem::LongRecord {
                line: self.record_line,
            });
        }
        None
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.problem.is_some() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "damaged CSV"));
        }
        let n = self.inner.read(buf)?;
        if n == 0 {
            if self.state == State::Quoted {
                self.problem = Some(Problem::Unclosed {
                    line: self.field_line,
                });
                return Err(io::Error::new(io::ErrorKind::InvalidData, "damaged CSV"));
            }
            // The last row, with no line end after it.
            self.end_record();
            return Ok(0);
        }
        let mut i = 0;
        while i < n {
            let b = buf[i];
            let at_start = self.seen < 3;
            // Most bytes only lengthen their cell: a run of them is counted at once.
            if !at_start && self.plain_delimiter(b) {
                self.seen += 1;
                i += 1;
                continue;
            }
            let run = if at_start {
                0
            } else {
                self.plain_run(&buf[i..n])
            };
            if run > 0 {
                self.after_cr = false;
                self.field_len += run as u64;
                self.record_len += run as u64;
                self.seen += run as u64;
                i += run;
                continue;
            }
            self.seen += 1;
            i += 1;
            // A byte-order mark is not part of the first cell.
            if at_start && matches!(b, 0xEF | 0xBB | 0xBF) && self.line == 1 {
                // The parser keeps the mark in the first cell: a row of it alone is a row.
                self.record_len += 1;
                continue;
            }
            if let Some(problem) = self.step(b) {
                self.problem = Some(problem);
                return Err(io::Error::new(io::ErrorKind::InvalidData, "damaged CSV"));
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_is_known_by_the_line_it_begins_on_past_blank_lines_and_quoted_breaks() {
        let bytes = b"\xef\xbb\xbfA,B\r\n\r\n1,\"x\r\ny\"\r\n\n\n2,z\r3,w";
        let mut g = Guard::new(&bytes[..], b',');
        let mut sink = Vec::new();
        g.read_to_end(&mut sink).expect("reads");
        let starts: Vec<u64> = std::iter::from_fn(|| g.take_start()).collect();
        assert_eq!(starts, vec![1, 3, 7, 8]);
    }

    fn run(bytes: &[u8]) -> Option<Problem> {
        let mut g = Guard::new(bytes, b',');
        let mut sink = Vec::new();
        match g.read_to_end(&mut sink) {
            Ok(_) => None,
            Err(_) => g.problem().cloned(),
        }
    }

    /// The guard fed one byte at a time through its rules, without counting runs at once.
    fn byte_by_byte(bytes: &[u8]) -> (Option<Problem>, u64) {
        let mut g = Guard::new(&[][..], b',');
        for (i, &b) in bytes.iter().enumerate() {
            if i < 3 && matches!(b, 0xEF | 0xBB | 0xBF) && g.line == 1 {
                continue;
            }
            if let Some(problem) = g.step(b) {
                return (Some(problem), g.line);
            }
        }
        let unclosed =
            (g.state == State::Quoted).then_some(Problem::Unclosed { line: g.field_line });
        (unclosed, g.line)
    }

    proptest::proptest! {
        #[test]
        fn runs_counted_at_once_find_what_single_bytes_do(
            text in "(\u{feff})?([ab\",;\n\r\t]|\r\n|\"\"|[xé]{1,20}){0,80}",
            chunk in 1usize..64,
        ) {
            let bytes = text.as_bytes();
            let mut g = Guard::new(bytes, b',');
            let mut buf = vec![0u8; chunk];
            let got = loop {
                match g.read(&mut buf) {
                    Ok(0) => break None,
                    Ok(_) => {}
                    Err(_) => break g.problem().cloned(),
                }
            };
            let (want, line) = byte_by_byte(bytes);
            proptest::prop_assert_eq!(&got, &want);
            if want.is_none() {
                proptest::prop_assert_eq!(g.line, line);
            }
        }
    }

    #[test]
    fn well_quoted_files_pass_whole() {
        assert_eq!(
            run(b"a,\"b, c\"\n\"x\"\"y\",\"multi\nline\"\nlast,row"),
            None
        );
        assert_eq!(run(b"\xEF\xBB\xBF\"a\",b\r\n1,2\r\n"), None);
        // A quote inside an unquoted cell is only a character.
        assert_eq!(run(b"5'2\" tall,b\nc,d\n"), None);
    }

    #[test]
    fn an_unclosed_quote_names_the_line_it_opens_on() {
        let mut text = b"Name,Date\n\"Ann,01/02/2025\n".to_vec();
        for _ in 0..1000 {
            text.extend_from_slice(b"Bob,02/02/2025\n");
        }
        // The first line inside the cell that reads as a row gives it away.
        assert_eq!(run(&text), Some(Problem::SwallowsRows { line: 2, at: 3 }));
        assert_eq!(
            run(b"a,b\nc,\"d\"\"\ne f\n"),
            Some(Problem::Unclosed { line: 2 })
        );
        // Lines ending in CR LF, or in CR alone, are counted once each.
        assert_eq!(
            run(b"a,b\r\nc,d\r\n\"e,f\r\ng\r\n"),
            Some(Problem::Unclosed { line: 3 })
        );
        assert_eq!(
            run(b"a,b\rc,d\r\"e,f\rg\r"),
            Some(Problem::Unclosed { line: 3 })
        );
    }

    #[test]
    fn a_stray_quote_closed_lines_later_is_refused() {
        let rows = b"Ben Hart,Teacher,01/03/2025\nCat Doe,Teacher,01/03/2025\n";
        let mut text = b"Name,Role,Date\n\"Amy Lee,Teacher,01/03/2025\n".to_vec();
        text.extend_from_slice(rows);
        let mut closed_by_name = text.clone();
        closed_by_name
            .extend_from_slice(b"\"Dan Fox\",Teacher,01/03/2025\nEve,Teacher,01/03/2025\n");
        assert_eq!(
            run(&closed_by_name),
            Some(Problem::SwallowsRows { line: 2, at: 3 })
        );
        // With no whole row between, the quote after the closing one gives it away.
        let text2 =
            b"Name,Role,Date\n\"Amy Lee,Teacher,01/03/2025\nDan Fox,\"Teacher\",01/03/2025\n";
        assert_eq!(run(text2), Some(Problem::TextAfterQuote { line: 2, at: 3 }));
        // A quoted cell that holds whole rows and closes tidily.
        assert_eq!(
            run(b"a,b,c\n\"x,y,z\r\np,q,r\",s\n"),
            Some(Problem::SwallowsRows { line: 2, at: 3 })
        );
    }

    #[test]
    fn a_notes_cell_over_lines_stays_one_cell() {
        assert_eq!(
            run(b"Name,Notes,Date\nAnn,\"Met parents.\nFollow up, next week\",01/02/2025\nBob,x,02/02/2025\n"),
            None
        );
        assert_eq!(run(b"a,b\n\"\",c\n\"say \"\"hi\"\"\",d\n"), None);
    }

    #[test]
    fn a_huge_cell_is_refused_without_being_held() {
        let mut text = b"a,b\n1,".to_vec();
        text.extend(std::iter::repeat_n(b'x', MAX_FIELD as usize + 1));
        assert_eq!(run(&text), Some(Problem::LongField { line: 2 }));
        let mut text = b"a\n\"".to_vec();
        text.extend(std::iter::repeat_n(b'\n', MAX_FIELD as usize + 1));
        assert_eq!(run(&text), Some(Problem::LongField { line: 2 }));
    }

    #[test]
    fn a_huge_row_of_small_cells_is_refused() {
        let mut text = b"a\n".to_vec();
        text.extend(std::iter::repeat_n(b',', MAX_RECORD as usize + 1));
        assert_eq!(run(&text), Some(Problem::LongRecord { line: 2 }));
    }
}
