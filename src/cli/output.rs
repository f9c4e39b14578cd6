//! The one place that prints: human text on a terminal, JSON for scripts.
//!
//! Results go to standard output; findings and errors go to standard error in human mode,
//! so that a school can redirect a listing to a file and still see the problems. With
//! `--json` everything a script needs is one JSON document on standard output.

use std::fmt::Display;
use std::io::IsTerminal;

use selfreview::{Diagnostics, Error, Severity};
use serde::Serialize;

use super::format::withheld::withheld_findings;
use super::kept_out::{clean, clean_json, withholding};
use super::terminal::{Keep, escape, finding};

/// How to print.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// JSON instead of text.
    pub json: bool,
    /// Only errors.
    pub quiet: bool,
}

impl Output {
    /// Printing as the global flags ask.
    pub fn new(json: bool, quiet: bool) -> Self {
        Output { json, quiet }
    }

    /// Whether text for standard output may be coloured: it is a terminal and `NO_COLOR`
    /// is not set.
    pub fn colour(&self) -> bool {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
    }

    /// A line of human text for standard output; silent with `--json` or `--quiet`.
    pub fn info(&self, text: impl Display) {
        // Withheld lines are not printed one by one: the notice has said why.
        if !self.json && !self.quiet && !withholding() {
            println!("{}", escape(&clean(&text.to_string()), self.ours()));
        }
    }

    /// What our own text keeps when it is escaped: its line breaks, and its colours when
    /// standard output is coloured.
    fn ours(&self) -> Keep {
        Keep {
            newlines: true,
            colours: self.colour(),
        }
    }

    /// A line about a problem, on standard error; shown even with `--quiet`.
    pub fn problem(&self, text: impl Display) {
        if !self.json && !withholding() {
            eprintln!("{}", escape(&clean(&text.to_string()), self.ours()));
        }
    }

    /// A line of the tool's own on standard error, printed as it is: only for text that
    /// quotes nothing of the school's but what has passed the name check already.
    pub fn notice(&self, text: &str) {
        eprintln!("{}", escape(text, self.ours()));
    }

    /// A JSON document on standard output.
    pub fn data<T: Serialize>(&self, value: &T) -> anyhow::Result<()> {
        let mut value = serde_json::to_value(value)?;
        clean_json(&mut value);
        println!("{}", serde_json::to_string_pretty(&value)?);
        Ok(())
    }

    /// Findings, in human form on standard error; warnings are hidden by `--quiet`.
    pub fn diagnostics(&self, diagnostics: &Diagnostics) {
        if withholding() {
            let shown = diagnostics
                .iter()
                .filter(|d| !self.quiet || d.severity == Severity::Error);
            if let Some(line) = withheld_findings(shown) {
                eprintln!("{line}");
            }
            return;
        }
        for d in diagnostics.iter() {
            if self.quiet && d.severity != Severity::Error {
                continue;
            }
            eprintln!("{}", finding(d, clean));
        }
    }

    /// A job that could not be done: the message, the cause chain and any findings behind it.
    pub fn failure(&self, err: &anyhow::Error) {
        let diagnostics = err.downcast_ref::<Error>().and_then(|e| match e {
            Error::Invalid { diagnostics, .. } | Error::MigrateBlocked { diagnostics, .. } => {
                Some(diagnostics)
            }
            _ => None,
        });
        // Our errors already name their cause in their own message; skip a cause whose text
        // the message before it already ends with, so nothing is said twice.
        let mut chain: Vec<String> = Vec::new();
        for cause in err.chain().map(ToString::to_string) {
            if !chain.last().is_some_and(|prev| prev.ends_with(&cause)) {
                chain.push(cause);
            }
        }
        if self.json {
            let mut doc = serde_json::json!({
                "error": chain.join(": "),
                "diagnostics": diagnostics,
            });
            clean_json(&mut doc);
            println!("{doc:#}");
            return;
        }
        if let Some(diagnostics) = diagnostics {
            self.diagnostics(diagnostics);
        }
        if withholding() {
            eprintln!(
                "error: the command stopped; what it said is withheld, as the notice above says"
            );
            return;
        }
        eprintln!("error: {}", escape(&clean(&chain.join(": ")), self.ours()));
    }
}
