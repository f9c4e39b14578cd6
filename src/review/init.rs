//! `init`: a new review folder with a commented `review.toml` and blank evidence templates.
//!
//! Nothing a school may have edited is ever overwritten: every file to be written is planned
//! first, and if any of them exists, nothing at all is written and the caller is told what is
//! in the way.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Paths, render_template};
use crate::error::{Error, Result};
use crate::evidence::{Kind, template};
use crate::framework::{Loaded, Origin};
use crate::fsutil::write_atomic;

/// What `init` needs to know.
#[derive(Debug)]
pub struct InitOptions<'a> {
    /// The folder to create or fill.
    pub dir: &'a Path,
    /// The school's name.
    pub school: &'a str,
    /// The framework chosen; a framework from a file is copied into `frameworks/`.
    pub framework: &'a Loaded,
    /// The review date written into `review.toml`.
    pub review_date: NaiveDate,
}

/// Creates the review folder and returns the files written, in the order written.
pub fn init(opts: &InitOptions<'_>) -> Result<Vec<PathBuf>> {
    let paths = Paths::new(opts.dir);
    let files = plan(opts, &paths)?;
    let folders = [
        paths.scores(),
        paths.evidence(),
        paths.out(),
        paths.history(),
    ];
    let in_the_way = in_the_way(&files, &folders);
    if !in_the_way.is_empty() {
        return Err(Error::WouldOverwrite {
            dir: opts.dir.to_path_buf(),
            existing: in_the_way,
        });
    }
    for folder in &folders {
        std::fs::create_dir_all(folder).map_err(|source| Error::Write {
            path: folder.clone(),
            source,
        })?;
    }
    write_all(files)
}

/// Every file `init` writes, with its bytes: a framework from a file, review.toml and the
/// blank evidence templates.
fn plan(opts: &InitOptions<'_>, paths: &Paths) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if let Origin::File(source) = &opts.framework.origin {
        let text = std::fs::read(source).map_err(|e| Error::Read {
            path: source.clone(),
            source: e,
        })?;
        let name = format!("{}.toml", opts.framework.framework.id);
        files.push((paths.root.join("frameworks").join(name), text));
    }
    let review = render_template(opts.school, &opts.framework.framework.id, opts.review_date);
    files.push((paths.review_file(), review.into_bytes()));
    for kind in Kind::TEMPLATES {
        let target = paths.evidence().join(kind.template_file());
        let bytes = template::render(kind, opts.school, opts.review_date).map_err(|source| {
            Error::Spreadsheet {
                path: target.clone(),
                source,
            }
        })?;
        files.push((target, bytes));
    }
    Ok(files)
}

/// The planned files that already exist (even as broken links), and the folders that
/// exist as something other than folders.
fn in_the_way(files: &[(PathBuf, Vec<u8>)], folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = files
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| p.symlink_metadata().is_ok())
        .collect();
    found.extend(
        folders
            .iter()
            .filter(|f| f.exists() && !f.is_dir())
            .cloned(),
    );
    found
}

/// Writes every file, or, when one cannot be written, none.
fn write_all(files: Vec<(PathBuf, Vec<u8>)>) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (path, bytes) in files {
        if let Err(err) = write_atomic(&path, &bytes) {
            // Every file written so far is new (nothing was in the way), so removing them
            // leaves the folder as it was and a second attempt is not refused.
            for done in &written {
                let _ = std::fs::remove_file(done);
            }
            return Err(err);
        }
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::load_embedded;

    #[test]
    fn second_init_writes_nothing_and_names_what_is_in_the_way() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fw = load_embedded("online-safety-21").expect("embedded");
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid");
        let opts = InitOptions {
            dir: dir.path(),
            school: "Test School",
            framework: &fw,
            review_date: date,
        };
        let written = init(&opts).expect("first init works");
        // review.toml and a blank template for each kind of record.
        assert_eq!(written.len(), 1 + crate::evidence::Kind::TEMPLATES.len());
        std::fs::write(dir.path().join("review.toml"), "school = \"edited\"").expect("edit");
        match init(&opts) {
            Err(Error::WouldOverwrite { existing, .. }) => {
                assert_eq!(existing.len(), written.len())
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        let kept = std::fs::read_to_string(dir.path().join("review.toml")).expect("readable");
        assert_eq!(kept, "school = \"edited\"");
    }
}
