//! selfreview: an online safety self-review for schools, from framework to evidence pack.
//!
//! A school's online safety group scores itself against a framework of aspects (each with
//! five level statements and a benchmark level), backs its scores with the spreadsheets it
//! already keeps, sees whether it is ready to apply for the Online Safety Mark, and sends an
//! assessor a verifiable evidence pack. The pipeline runs framework → workbooks and evidence
//! import → scoring → reports → pack; each stage takes the previous stage's typed value.
//! This library holds every stage; the `selfreview` binary only parses arguments and prints.

// The library returns values, findings and errors; only the command line prints.
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::dbg_macro)]

pub mod dates;
pub mod demo;
pub mod diag;
pub mod error;
pub mod evidence;
pub mod framework;
pub mod fsutil;
pub mod metrics;
pub mod migrate;
pub mod pack;
pub mod pipeline;
pub mod privacy;
pub mod report;
pub mod review;
pub mod rounding;
pub mod score;
pub mod sheetprint;
pub mod spreadsheet;
pub mod text;
mod tomldoc;
pub mod workbook;

pub use diag::{Code, Diagnostic, Diagnostics, Location, Severity};
pub use error::{Error, Result};
pub use framework::Framework;
