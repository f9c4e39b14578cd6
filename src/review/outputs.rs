//! Where the tool may write: never over the review's own files.
//!
//! An output path given on the command line, or an out/ folder that is a link, could lead
//! into evidence/ or scores/, onto review.toml, or onto a device or pipe. Every output is
//! checked here first; each command adds its own check of what may already be there.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::review::Paths;

/// Checks that an output may be written to `path` in the review at `paths`: not a folder,
/// device, pipe or socket, not inside the review's input folders, not review.toml.
pub fn check_place(path: &Path, paths: &Paths) -> Result<()> {
    let refuse = |why: String| {
        Err(Error::OutputRefused {
            path: path.to_path_buf(),
            why,
        })
    };
    if let Some(what) = crate::fsutil::not_a_regular_file(path) {
        return refuse(format!("it is {what}, not a file; choose a file name"));
    }
    let at = resolved(path);
    // The review the command runs in, and any review folder the path itself lies in (a
    // path may lead out of this review into another, or up into the one this is below).
    let mut roots = vec![std::fs::canonicalize(&paths.root).unwrap_or_else(|_| paths.root.clone())];
    roots.extend(
        at.ancestors()
            .skip(1)
            .filter(|dir| dir.join(super::REVIEW_FILE).is_file())
            .map(Path::to_path_buf),
    );
    roots.dedup();
    for root in roots {
        inside_inputs(path, &at, &Paths::new(&root))?;
    }
    Ok(())
}

/// Refuses `path` (resolved to `at`) when it is review.toml or inside an input folder of
/// the review at `paths`.
fn inside_inputs(path: &Path, at: &Path, paths: &Paths) -> Result<()> {
    let refuse = |why: String| {
        Err(Error::OutputRefused {
            path: path.to_path_buf(),
            why,
        })
    };
    let root = paths.root.as_path();
    let is_review = paths.review_file().is_file();
    let inputs = [
        ("evidence", paths.evidence()),
        ("scores", paths.scores()),
        ("templates", root.join("templates")),
        ("frameworks", root.join("frameworks")),
    ];
    for (name, dir) in inputs {
        // In a review, a folder not made yet is where it would be made, below the review
        // folder; elsewhere only a folder that is there is kept clear.
        let dir = match std::fs::canonicalize(&dir) {
            Ok(dir) => dir,
            Err(_) if is_review => resolved(&dir),
            Err(_) => continue,
        };
        if at.starts_with(&dir) {
            return refuse(format!(
                "it is inside {name}/, which holds the review's own files; write to out/ or outside the review folder"
            ));
        }
    }
    if is_review && resolved(&paths.review_file()) == at {
        return refuse("it is review.toml, the review's settings; choose another name".into());
    }
    Ok(())
}

/// The built-in framework or framework map `id`, as shipped in the binary.
pub fn built_in(id: &str) -> Result<&'static crate::framework::Embedded> {
    use crate::framework::{EMBEDDED, EMBEDDED_MAPS};
    EMBEDDED
        .iter()
        .chain(EMBEDDED_MAPS)
        .find(|e| e.id == id)
        .ok_or_else(|| Error::UnknownFramework {
            id: id.to_string(),
            known: EMBEDDED
                .iter()
                .chain(EMBEDDED_MAPS)
                .map(|e| e.id.to_string())
                .collect(),
        })
}

/// Writes the built-in framework or framework map `id` to `path` exactly as it is embedded,
/// so a school can start its own from it: atomically, never into the review's own folders
/// (`paths`), and over an existing file only with `force`.
pub fn export_framework(
    id: &str,
    path: &Path,
    force: bool,
    paths: &Paths,
) -> Result<&'static crate::framework::Embedded> {
    let embedded = built_in(id)?;
    check_place(path, paths)?;
    if !force && path.symlink_metadata().is_ok() {
        return Err(Error::OutputRefused {
            path: path.to_path_buf(),
            why: "a file of that name is already there; choose another name, or add --force to replace it".into(),
        });
    }
    crate::fsutil::write_atomic(path, embedded.text.as_bytes())?;
    Ok(embedded)
}

/// `path` with links and `..` resolved as far as it exists. A link whose target does not
/// exist yet is followed too, since writing "to the link" would write where it leads.
fn resolved(path: &Path) -> PathBuf {
    resolved_within(path, 40)
}

fn resolved_within(path: &Path, hops: u32) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    if hops > 0
        && let Ok(target) = std::fs::read_link(path)
    {
        let base = path.parent().unwrap_or(Path::new("."));
        return resolved_within(&base.join(target), hops - 1);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // Folders that do not exist yet are created on the way to the file, so the place is
    // where the nearest existing folder leads, with the rest of the path below it.
    match path.file_name() {
        Some(name) => resolved_within(parent, hops).join(name),
        None => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::check_place;
    use crate::review::Paths;

    #[test]
    fn folders_still_to_be_made_inside_the_inputs_are_refused() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path();
        std::fs::create_dir_all(root.join("evidence")).expect("evidence folder");
        std::fs::create_dir_all(root.join("out")).expect("out folder");
        let paths = Paths::new(root);
        for inside in ["evidence/new/pack.zip", "evidence/a/b/c/pack.zip"] {
            let err = check_place(&root.join(inside), &paths).expect_err(inside);
            assert!(
                err.to_string().contains("inside evidence/"),
                "{inside}: {err}"
            );
        }
        check_place(&root.join("out/new/pack.zip"), &paths).expect("out/ is for outputs");
        check_place(&root.join("elsewhere/pack.zip"), &paths).expect("a new folder of its own");
    }
}
