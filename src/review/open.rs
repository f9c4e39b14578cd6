//! Opening a review folder: its `review.toml`, then the framework it names.
//!
//! Every command that works on a review needs both, in that order, and a framework that
//! cannot be found or read stops it just as a broken `review.toml` does. Doing it here once
//! means each command gets the same errors and the same warnings, in the same order.

use std::path::Path;

use crate::diag::Diagnostics;
use crate::error::Result;
use crate::framework::{self, Loaded};

use super::Review;

/// A review folder opened: its settings and the framework they name.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The validated `review.toml`.
    pub review: Review,
    /// The framework `review.toml` names, resolved from the folder.
    pub framework: Loaded,
    /// The findings below error severity, those of `review.toml` first and then the
    /// framework's, for the caller to show.
    pub warnings: Diagnostics,
}

/// Reads `review.toml` in the review folder at `root` and resolves its framework (built in,
/// a file, or one of the folder's `frameworks/`).
pub fn open(root: &Path) -> Result<Opened> {
    let (review, mut warnings) = super::load(root)?;
    let framework = framework::resolve(&review.framework, root)?;
    warnings.0.extend(framework.warnings.0.iter().cloned());
    Ok(Opened {
        review,
        framework,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_opens_with_its_framework_and_a_missing_one_is_named() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
        let text = super::super::render_template("Hill Primary", "online-safety-21", date);
        std::fs::write(dir.path().join(super::super::REVIEW_FILE), text).expect("written");
        let opened = open(dir.path()).expect("opens");
        assert_eq!(opened.review.school, "Hill Primary");
        assert_eq!(opened.framework.framework.id, "online-safety-21");
        assert!(opened.warnings.is_empty());

        let text = super::super::render_template("Hill Primary", "no-such-framework", date);
        std::fs::write(dir.path().join(super::super::REVIEW_FILE), text).expect("written");
        let err = open(dir.path()).expect_err("the framework does not exist");
        assert!(
            matches!(err, crate::Error::UnknownFramework { ref id, .. } if id == "no-such-framework"),
            "{err}"
        );
    }
}
