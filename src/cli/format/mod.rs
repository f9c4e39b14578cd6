//! The terminal text of each command's results, built as strings for `output.rs` to print.
//!
//! Kept apart from the subcommand files so that each of those stays a few lines that parse,
//! call the library and print, and so that the wording of every report is in one place.

pub mod checked;
pub mod demo;
pub mod documents;
pub mod framework;
pub mod import;
mod logs;
pub mod metrics;
pub mod pack;
pub mod registers;
pub mod renewal;
pub mod score;
pub mod show;
mod verdict;
pub mod withheld;
pub mod workbook;

/// Colours for text on a terminal: none when standard output is not one, or `NO_COLOR` is
/// set (see [`super::output::Output::colour`]).
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    /// Whether to colour at all.
    pub colour: bool,
}

impl Paint {
    fn paint(self, text: &str, code: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Red: below the benchmark, not ready.
    pub fn red(self, text: &str) -> String {
        self.paint(text, "31")
    }

    /// Yellow: the records differ from the claim.
    pub fn yellow(self, text: &str) -> String {
        self.paint(text, "33")
    }

    /// Green: ready.
    pub fn green(self, text: &str) -> String {
        self.paint(text, "32")
    }
}

/// "", " (1 warning)" or " (3 warnings)".
pub fn plural_warnings(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " (1 warning)".into(),
        n => format!(" ({n} warnings)"),
    }
}
