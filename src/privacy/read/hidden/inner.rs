//! A document read with every element that begins and ends inside a word left out.
//!
//! Which pieces of a page a reader sees cannot always be told from the file: a style sheet
//! has more ways to hide text (white on white, a size of nothing, a place off the page,
//! selectors the guard reads loosely) than any list of them. A name split by such a piece
//! ("Gra", a hidden "XQ", "ce Adeyemi") is a name only with the piece left out, and no
//! hidden piece splits a word of a name without beginning and ending inside it. So besides
//! reading every piece kept (the joined reading), this one leaves out every element or run
//! whose text is a letter or digit at both ends, straight after a letter or digit and
//! followed straight by one, and a name
//! either way refuses the file. An element that begins or ends between words is kept, so
//! the pieces of a word either side of the one left out are still read ("Gra" and
//! "ce Adeyemi" around a hidden "XQ").

use crate::privacy::scan::Scanner;

/// The most text held while it is not yet known whether its element ends inside a word;
/// a longer element is read as written.
const MOST_HELD: usize = 4096;

/// An open element: its name, whether it began inside a word, and then its text while it
/// may be left out (none once it is too long to hold, or across a table row's end).
struct Frame {
    tag: String,
    began: bool,
    held: Option<String>,
}

/// An element that has ended: its text, which open element holds it (none: the text
/// itself), and whether it began inside a word (else it is kept whatever follows).
struct Ended {
    text: String,
    to: Option<usize>,
    began: bool,
}

/// The reading with elements inside words left out.
pub(crate) struct Inner<'n> {
    scanner: Scanner<'n>,
    open: Vec<Frame>,
    /// An element has ended, and whether it is left out waits for the next character.
    ended: Option<Ended>,
    /// The last character read was a letter or digit.
    in_word: bool,
}

impl<'n> Inner<'n> {
    pub(crate) fn new(scanner: Scanner<'n>) -> Self {
        Inner {
            scanner,
            open: Vec::new(),
            ended: None,
            in_word: false,
        }
    }

    /// An element starts (one that holds text; not an empty or void one).
    pub(crate) fn open(&mut self, tag: &str) {
        self.open.push(Frame {
            tag: tag.to_string(),
            began: self.in_word,
            held: self.in_word.then(String::new),
        });
    }

    /// An element ends, with any left open inside it.
    pub(crate) fn close(&mut self, tag: &str) {
        let Some(at) = self.open.iter().rposition(|f| f.tag == tag) else {
            return;
        };
        while self.open.len() > at {
            let Some(frame) = self.open.pop() else {
                break;
            };
            let index = self.open.len();
            let mut held = frame.held;
            // What ended inside this element stays with it, whatever follows.
            if let Some(inside) = self.ended.take_if(|e| e.to == Some(index)) {
                match held.as_mut() {
                    Some(h) => h.push_str(&inside.text),
                    None => self.put(&inside.text, self.holder()),
                }
            }
            // An element with no text leaves nothing to decide; one with text was read
            // after anything ended before it, which its first character settled.
            if let Some(text) = held.filter(|t| !t.is_empty()) {
                // Inside a word from its first character to its last.
                let inside = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                let began =
                    frame.began && inside(text.chars().next()) && inside(text.chars().last());
                self.ended = Some(Ended {
                    text,
                    to: self.holder(),
                    began,
                });
            }
        }
    }

    /// Text, which goes on from the last.
    pub(crate) fn text(&mut self, t: &str) {
        let Some(first) = t.chars().next() else {
            return;
        };
        self.settle(first.is_alphanumeric());
        self.put(t, self.holder());
        self.in_word = t.chars().last().is_some_and(char::is_alphanumeric);
    }

    /// A boundary between words: what ended before it is kept.
    pub(crate) fn brk(&mut self) {
        self.settle(false);
        match self.holder() {
            Some(_) => self.put(" ", self.holder()),
            None => self.scanner.brk(),
        }
        self.in_word = false;
    }

    /// The edge of a tag that joins the words either side ([`Scanner::edge`]).
    pub(crate) fn edge(&mut self) {
        self.scanner.edge();
    }

    /// A boundary no name runs across (the end of a table row).
    /// The elements still open across it are read as written.
    pub(crate) fn part(&mut self) {
        self.brk();
        self.spill();
        self.scanner.part();
    }

    pub(crate) fn found(&self) -> bool {
        self.scanner.found()
    }

    /// The end of the document: what is still held is read as written.
    pub(crate) fn finish(&mut self) -> bool {
        self.settle(false);
        self.spill();
        self.scanner.finish()
    }

    /// Every open element's held text is read as written, in the order it came.
    fn spill(&mut self) {
        for frame in &mut self.open {
            if let Some(text) = frame.held.take() {
                self.scanner.push(&text);
            }
        }
    }

    /// The innermost open element whose text is held.
    fn holder(&self) -> Option<usize> {
        self.open.iter().rposition(|f| f.held.is_some())
    }

    /// What ended is left out when it began inside a word and the word goes on (`word`),
    /// and read otherwise.
    fn settle(&mut self, word: bool) {
        if let Some(ended) = self.ended.take()
            && !(word && ended.began)
        {
            self.put(&ended.text, ended.to);
        }
    }

    /// Text for the element at `to` to hold, or to read at once.
    fn put(&mut self, t: &str, to: Option<usize>) {
        let Some(frame) = to.and_then(|i| self.open.get_mut(i)) else {
            self.scanner.push(t);
            return;
        };
        let Some(held) = frame.held.as_mut() else {
            self.scanner.push(t);
            return;
        };
        held.push_str(t);
        if held.len() > MOST_HELD {
            let text = std::mem::take(held);
            frame.held = None;
            self.put(&text, self.holder());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::Names;

    fn read(names: &Names, pieces: &[(&str, &str)]) -> bool {
        let mut inner = Inner::new(Scanner::new(names));
        for (what, arg) in pieces {
            match *what {
                "<" => inner.open(arg),
                ">" => inner.close(arg),
                "|" => inner.brk(),
                _ => inner.text(arg),
            }
        }
        inner.finish()
    }

    #[test]
    fn an_element_inside_a_word_is_left_out_and_one_at_its_edge_kept() {
        let mut names = Names::default();
        names.add_cell("Grace Adeyemi");
        let t = |s| ("", s);
        let split = [t("Gra"), ("<", "r"), t("XQ"), (">", "r"), t("ce Adeyemi")];
        assert!(read(&names, &split));
        let runs = [
            ("<", "r"),
            t("Gra"),
            (">", "r"),
            ("<", "r"),
            ("<", "t"),
            t("XQ"),
            (">", "t"),
            (">", "r"),
            ("<", "r"),
            t("ce Adeyemi"),
            (">", "r"),
            ("|", ""),
        ];
        assert!(read(&names, &runs));
        let edge = [t("Gr"), ("<", "b"), t("ace"), (">", "b"), t(" Adeyemi")];
        assert!(read(&names, &edge), "an element ending a word is kept");
        let before_break = [t("Grace Ade"), ("<", "b"), t("yemi"), (">", "b"), ("|", "")];
        assert!(read(&names, &before_break));
        let long = "x".repeat(MOST_HELD + 10);
        let spill = [t("Gra"), ("<", "s"), t(&long), (">", "s"), t("ce Adeyemi")];
        assert!(!read(&names, &spill), "too long to hold: read as written");
        let after = [t("Grace "), ("<", "s"), t("XQ"), (">", "s"), t("Adeyemi")];
        assert!(!read(&names, &after), "begun between words: kept");
        let before = [t("Grace"), ("<", "s"), t("XQ "), (">", "s"), t("Adeyemi")];
        assert!(!read(&names, &before), "ended between words: kept");
    }
}
