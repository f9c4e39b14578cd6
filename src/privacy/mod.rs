//! Keeping children's names out of everything the tool writes.
//!
//! Names are learnt from the school's pupil list and from every person column of its
//! incident records ([`Names`]); they are folded as a reader compares them ([`fold`]) and
//! searched for word by word as text streams ([`scan`]). [`read`] turns any file the pack
//! would hold into that text, or says why it cannot. The names themselves are never shown,
//! printed or saved: every message names the file or the cell instead.

mod cell;
mod escapes;
pub mod fold;
pub mod names;
pub mod read;
mod redact;
pub mod scan;
mod shown;
mod words;

pub use names::{Names, Person};
pub use read::Verdict;
pub use redact::redact;

/// What stands in an output where a name was found.
pub const PLACEHOLDER: &str = "[name removed]";
