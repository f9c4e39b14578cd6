//! The standard places inside a review folder, in one place so that every command finds
//! them alike.

use std::path::{Path, PathBuf};

use super::REVIEW_FILE;

/// The standard paths of a review folder.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The folder itself.
    pub root: PathBuf,
}

impl Paths {
    /// The paths of the review folder at `root`.
    pub fn new(root: &Path) -> Self {
        // Findings then say `review.toml:3:1`, not `./review.toml:3:1`.
        let root = if root == Path::new(".") {
            PathBuf::new()
        } else {
            root.to_path_buf()
        };
        Paths { root }
    }

    /// `review.toml`.
    pub fn review_file(&self) -> PathBuf {
        self.root.join(REVIEW_FILE)
    }

    /// `scores/`, the scoring workbooks.
    pub fn scores(&self) -> PathBuf {
        self.root.join("scores")
    }

    /// `evidence/`, the school's spreadsheets and documents.
    pub fn evidence(&self) -> PathBuf {
        self.root.join("evidence")
    }

    /// `out/`, everything the tool writes for people.
    pub fn out(&self) -> PathBuf {
        self.root.join("out")
    }

    /// `history/`, dated snapshots.
    pub fn history(&self) -> PathBuf {
        self.root.join("history")
    }
}
