//! A reader in front of the CSV parser that keeps quoting honest and cells bounded.
//!
//! It follows the quoting rules the csv crate applies (a quote opens a quoted cell only at
//! the start of a cell; `""` inside one is a quote; a quote followed by anything else ends
//! it) and counts lines as a text editor shows them. When a cell grows past
//! [`super::MAX_FIELD`], a row past [`super::MAX_RECORD`], or the file ends inside quotes,
//! it stops with an error and keeps the problem, worded for the school, for the caller.

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
    problem: Option<Problem>,
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
            problem: None,
        }
    }

    /// The problem that stopped reading, if one did.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    fn end_field(&mut self) {
        self.state = State::StartField;
        self.field_len = 0;
        self.field_line = self.line;
    }

    fn end_record(&mut self) {
        self.end_field();
        self.record_len = 0;
        self.record_line = self.line;
    }

    /// Counts lines as editors do, whether they end in LF, CR LF or CR alone.
    fn count_line(&mut self, b: u8) {
        if b == b'\r' || (b == b'\n' && !self.after_cr) {
            self.line += 1;
        }
        self.after_cr = b == b'\r';
    }

    fn step(&mut self, b: u8) -> Option<Problem> {
        let newline = b == b'\n' || b == b'\r';
        match self.state {
            State::StartField if b == b'"' => {
                self.field_line = self.line;
                self.state = State::Quoted;
            }
            // `""` inside quotes is a quote character, and the cell goes on.
            State::QuoteInQuoted if b == b'"' => self.state = State::Quoted,
            State::StartField | State::Unquoted | State::QuoteInQuoted if b == self.delimiter => {
                self.end_field()
            }
            State::StartField | State::Unquoted | State::QuoteInQuoted if newline => {
                self.count_line(b);
                self.end_record();
                return None;
            }
            State::StartField | State::QuoteInQuoted => {
                if self.state == State::StartField {
                    self.field_line = self.line;
                }
                self.state = State::Unquoted;
            }
            State::Unquoted => {}
            State::Quoted if b == b'"' => self.state = State::QuoteInQuoted,
            State::Quoted => {}
        }
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
            return Ok(0);
        }
        for &b in &buf[..n] {
            let at_start = self.seen < 3;
            self.seen += 1;
            // A byte-order mark is not part of the first cell.
            if at_start && matches!(b, 0xEF | 0xBB | 0xBF) && self.line == 1 {
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

    fn run(bytes: &[u8]) -> Option<Problem> {
        let mut g = Guard::new(bytes, b',');
        let mut sink = Vec::new();
        match g.read_to_end(&mut sink) {
            Ok(_) => None,
            Err(_) => g.problem().cloned(),
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
        assert_eq!(run(&text), Some(Problem::Unclosed { line: 2 }));
        assert_eq!(
            run(b"a,b\nc,\"d\"\"\ne,f\n"),
            Some(Problem::Unclosed { line: 2 })
        );
        // Lines ending in CR LF, or in CR alone, are counted once each.
        assert_eq!(
            run(b"a,b\r\nc,d\r\n\"e,f\r\n"),
            Some(Problem::Unclosed { line: 3 })
        );
        assert_eq!(
            run(b"a,b\rc,d\r\"e,f\r"),
            Some(Problem::Unclosed { line: 3 })
        );
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
