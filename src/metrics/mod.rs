//! The facts the tool derives from a school's imported evidence, as of the review date.
//!
//! Two audiences read the same figures. The import report, the report and the pack show
//! each group's training coverage and meeting pattern and the incident counts
//! ([`compute`]); scoring asks for the value of the [`Metric`](crate::framework::Metric) an
//! evidence check names, with the fact behind it in words ([`measure`]). Both rest on the
//! same computations, so a figure in the report can never disagree with the check that
//! judged a claim. Which metrics exist, and what they take, is the framework's vocabulary:
//! this module depends on it, never the other way round. Later stages read these figures
//! rather than recounting the records.

pub mod compute;
pub mod documents;
pub mod incidents;
pub mod measure;
pub mod registers;
pub mod terms;
