//! The sample review `selfreview demo` writes: Oakfield Primary School, a fictional school.
//!
//! Every file under `samples/` is embedded in the binary, so the demo needs nothing but the
//! program: a review.toml, three reviewers' filled workbooks, evidence spreadsheets in
//! several formats with the mess real ones have, and a few small evidence documents.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::fsutil::write_atomic;

/// One embedded file: its path inside the review folder and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// Path inside the review folder, `/`-separated.
    pub path: &'static str,
    /// The file's bytes.
    pub bytes: &'static [u8],
}

macro_rules! sample {
    ($path:literal) => {
        Sample {
            path: $path,
            bytes: include_bytes!(concat!("../samples/", $path)),
        }
    };
}

/// Every sample file.
pub const SAMPLES: &[Sample] = &[
    sample!("evidence/documents/acceptable-use-ks2.txt"),
    sample!("evidence/documents/curriculum-map.csv"),
    sample!("evidence/documents/filtering-review.txt"),
    sample!("evidence/documents/online-safety-policy.pdf"),
    sample!("evidence/documents/osg-terms-of-reference.txt"),
    sample!("evidence/documents/parent-newsletter.html"),
    sample!("evidence/documents/school-photo.png"),
    sample!("evidence/meeting-register.ods"),
    sample!("evidence/pupil-list.csv"),
    sample!("evidence/safeguarding-export.csv"),
    sample!("evidence/staff-training.xlsx"),
    sample!("review.toml"),
    sample!("scores/dsl.xlsx"),
    sample!("scores/link-governor.xlsx"),
    sample!("scores/online-safety-lead.xlsx"),
];

/// The folder the demo uses when none is named.
pub const DEFAULT_DIR: &str = "selfreview-demo";

/// Writes the sample review into `dir`, which must be empty or not exist yet.
pub fn write_samples(dir: &Path) -> Result<Vec<PathBuf>> {
    if let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(Error::BadInput {
            what: format!("the demo folder {}", dir.display()),
            message: "it already holds files; name an empty or new folder, e.g. `selfreview demo my-demo`".into(),
        });
    }
    let mut written = Vec::new();
    for s in SAMPLES {
        let path = dir.join(s.path);
        write_atomic(&path, s.bytes)?;
        written.push(path);
    }
    for folder in ["out", "history"] {
        std::fs::create_dir_all(dir.join(folder)).map_err(|source| Error::Write {
            path: dir.join(folder),
            source,
        })?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_review_is_valid_and_writes_into_an_empty_folder_only() {
        let review = SAMPLES
            .iter()
            .find(|s| s.path == "review.toml")
            .expect("embedded");
        let text = std::str::from_utf8(review.bytes).expect("utf-8");
        let (parsed, diags) = crate::review::check(text, Path::new("review.toml"));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(parsed.expect("valid").reviewers.len(), 4);
        let dir = tempfile::tempdir().expect("temporary folder");
        let target = dir.path().join("demo");
        assert_eq!(write_samples(&target).expect("writes").len(), SAMPLES.len());
        assert!(
            write_samples(&target).is_err(),
            "a second demo into the same folder is refused"
        );
    }
}
