//! Citations of evidence in the workbooks, and the files each one names.
//!
//! A workbook's Evidence cell is typed by a person, so a citation may name a file that is
//! not there, a folder, a path out of the evidence folder (`..`, an absolute path, a drive
//! letter) or a link that leads out of it. Only documents inside the evidence folder may be
//! packed: a citation is found as written or, failing that, with its accents in the other
//! Unicode form; it must stay inside the evidence folder, links included; and it must name
//! documents: a pipe, socket or device is refused from its type alone, never opened.

use std::path::{Component, Path, PathBuf};

use crate::diag::{Code, Location};
use crate::pipeline::Reviewed;

/// A citation of evidence in a workbook.
pub(super) struct Cited<'a> {
    /// The aspect it backs.
    pub(super) aspect: &'a str,
    /// The citation as written.
    pub(super) text: &'a str,
    /// The Evidence cell.
    pub(super) at: Location,
}

/// Why a citation names no file that may be packed.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Unresolved {
    /// Missing, outside the evidence folder, or not a document.
    pub(super) code: Code,
    /// The citation and what is wrong with it, to follow "cites".
    pub(super) message: String,
}

impl Unresolved {
    fn new(code: Code, message: String) -> Self {
        Self { code, message }
    }
}

/// Every citation in the review's workbooks, workbooks in path order.
pub(super) fn citations(r: &Reviewed) -> Vec<Cited<'_>> {
    let mut books: Vec<_> = r.workbooks.iter().collect();
    books.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = Vec::new();
    for book in books {
        for row in &book.rows {
            for text in &row.evidence {
                let mut at = Location::file(&book.path);
                at.cell = row.evidence_cell.clone();
                out.push(Cited {
                    aspect: &row.code,
                    text,
                    at,
                });
            }
        }
    }
    out
}

/// The files a citation names inside the evidence folder `root`: one file, or every file in
/// a cited folder, in name order.
pub(super) fn resolve(root: &Path, cited: &str) -> Result<Vec<PathBuf>, Unresolved> {
    let rel = relative(cited)?;
    // Found as written, or with its accents written the other way (normal form C).
    let Some(full) = crate::workbook::citations::locate(root, &rel) else {
        return Err(Unresolved::new(
            Code::MissingEvidence,
            format!("`{cited}`, which is not in the evidence folder"),
        ));
    };
    if !inside(root, &full) {
        return Err(Unresolved::new(
            Code::UnsafeEvidencePath,
            format!("`{cited}`, which leads outside the evidence folder through a link"),
        ));
    }
    files_under(root, &full, cited)
}

/// The citation as a `/`-separated path inside the evidence folder (a leading `evidence/`
/// taken off), refused when it is absolute or climbs out with `..`.
fn relative(cited: &str) -> Result<String, Unresolved> {
    let c = cited.trim().replace('\\', "/");
    let rel = c.strip_prefix("evidence/").unwrap_or(&c);
    let path = Path::new(rel);
    let outside = path.is_absolute()
        || rel.starts_with('/')
        || rel.chars().nth(1) == Some(':')
        || path.components().any(|p| {
            matches!(
                p,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    if outside {
        return Err(Unresolved::new(
            Code::UnsafeEvidencePath,
            format!("`{cited}`, which points outside the evidence folder"),
        ));
    }
    Ok(rel.to_string())
}

/// Whether `path`, links followed, is inside `root`.
fn inside(root: &Path, path: &Path) -> bool {
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(p), Ok(r)) => p.starts_with(r),
        _ => false,
    }
}

/// Every file at or under `full`, in name order; refused whole if any of them is not a
/// document or leads out of `root`.
fn files_under(root: &Path, full: &Path, cited: &str) -> Result<Vec<PathBuf>, Unresolved> {
    let mut files = Vec::new();
    let mut stack = vec![full.to_path_buf()];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            let mut children: Vec<PathBuf> = std::fs::read_dir(&p)
                .map_err(|e| {
                    Unresolved::new(
                        Code::MissingEvidence,
                        format!("`{cited}`, which cannot be read: {e}"),
                    )
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            children.sort();
            stack.extend(children.into_iter().rev());
        } else if let Some(what) = not_a_file(&p) {
            // A pipe would make the pack wait for ever and a device never ends: refused
            // from the file's type alone, without opening it.
            let which = if p == full {
                String::new()
            } else {
                let inner = p.strip_prefix(full).unwrap_or(&p);
                format!(" holds {} and that", inner.display())
            };
            return Err(Unresolved::new(
                Code::EvidenceNotAFile,
                format!("`{cited}`, which{which} is {what}, not a document"),
            ));
        } else if inside(root, &p) {
            files.push(p);
        } else {
            return Err(Unresolved::new(
                Code::UnsafeEvidencePath,
                format!("`{cited}`, which holds a link to a file outside the evidence folder"),
            ));
        }
    }
    Ok(files)
}

/// What `path` is when it is not a regular file (links followed), judged without opening it;
/// a link that leads nowhere is named as such.
fn not_a_file(path: &Path) -> Option<&'static str> {
    if std::fs::metadata(path).is_err() {
        return Some("a link to nothing");
    }
    crate::fsutil::not_a_regular_file(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A review folder with an evidence folder holding `files`; returns it and the evidence
    /// folder.
    fn evidence(files: &[&str]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("evidence");
        std::fs::create_dir(&root).expect("evidence folder");
        for f in files {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
            std::fs::write(&path, b"minutes").expect("write");
        }
        std::fs::write(dir.path().join("review.toml"), "school = \"x\"\n").expect("write");
        (dir, root)
    }

    fn refused(root: &Path, cited: &str) -> Unresolved {
        match resolve(root, cited) {
            Err(why) => why,
            Ok(files) => panic!("`{cited}` resolved to {files:?}"),
        }
    }

    #[test]
    fn a_file_inside_the_evidence_folder_resolves_however_it_is_written() {
        let (_dir, root) = evidence(&["policy.pdf", "minutes/2026-10.txt"]);
        let policy = vec![root.join("policy.pdf")];
        assert_eq!(resolve(&root, "policy.pdf"), Ok(policy.clone()));
        assert_eq!(resolve(&root, " evidence/policy.pdf "), Ok(policy));
        assert_eq!(
            resolve(&root, "minutes\\2026-10.txt"),
            Ok(vec![root.join("minutes/2026-10.txt")])
        );
        assert_eq!(
            resolve(&root, "./minutes/./2026-10.txt"),
            Ok(vec![root.join("./minutes/./2026-10.txt")])
        );
    }

    #[test]
    fn accents_written_the_other_way_still_find_the_file() {
        // Saved in normal form D (as a Mac names files), cited in normal form C.
        let (_dir, root) = evidence(&["cafe\u{301}-rota.txt"]);
        assert_eq!(
            resolve(&root, "caf\u{e9}-rota.txt"),
            Ok(vec![root.join("cafe\u{301}-rota.txt")])
        );
    }

    #[test]
    fn a_folder_gives_every_file_under_it_in_name_order() {
        let (_dir, root) = evidence(&["minutes/b.txt", "minutes/a.txt", "minutes/2025/c.txt"]);
        let want: Vec<PathBuf> = ["minutes/2025/c.txt", "minutes/a.txt", "minutes/b.txt"]
            .iter()
            .map(|f| root.join(f))
            .collect();
        assert_eq!(resolve(&root, "minutes/"), Ok(want.clone()));
        assert_eq!(resolve(&root, "minutes"), Ok(want));
        std::fs::create_dir(root.join("empty")).expect("folder");
        assert_eq!(resolve(&root, "empty"), Ok(Vec::new()));
    }

    #[test]
    fn a_missing_file_is_named_as_missing() {
        let (_dir, root) = evidence(&["policy.pdf"]);
        assert_eq!(
            refused(&root, "polcy.pdf"),
            Unresolved::new(
                Code::MissingEvidence,
                "`polcy.pdf`, which is not in the evidence folder".into()
            )
        );
    }

    #[test]
    fn parent_folders_and_absolute_paths_are_refused_before_looking() {
        let (_dir, root) = evidence(&["policy.pdf"]);
        for cited in [
            "../review.toml",
            "evidence/../review.toml",
            "minutes/../../review.toml",
            "..\\review.toml",
            "/etc/passwd",
            "\\\\server\\share\\policy.pdf",
            "C:\\Users\\dsl\\policy.pdf",
            "c:policy.pdf",
        ] {
            assert_eq!(
                refused(&root, cited),
                Unresolved::new(
                    Code::UnsafeEvidencePath,
                    format!("`{cited}`, which points outside the evidence folder")
                ),
                "{cited}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_evidence_folder_are_refused() {
        let (dir, root) = evidence(&["policy.pdf"]);
        let link = |name: &str, to: &Path| {
            std::os::unix::fs::symlink(to, root.join(name)).expect("link");
        };
        link("settings.toml", &dir.path().join("review.toml"));
        assert_eq!(
            refused(&root, "settings.toml").message,
            "`settings.toml`, which leads outside the evidence folder through a link"
        );
        std::fs::create_dir(root.join("shared")).expect("folder");
        link("shared/settings.toml", &dir.path().join("review.toml"));
        let why = refused(&root, "shared");
        assert_eq!(why.code, Code::UnsafeEvidencePath);
        assert_eq!(
            why.message,
            "`shared`, which holds a link to a file outside the evidence folder"
        );
        // A link that stays inside is followed.
        link("current-policy.pdf", &root.join("policy.pdf"));
        assert_eq!(
            resolve(&root, "current-policy.pdf"),
            Ok(vec![root.join("current-policy.pdf")])
        );
    }

    #[cfg(unix)]
    #[test]
    fn what_is_not_a_document_is_refused_by_its_type() {
        let (_dir, root) = evidence(&["minutes/a.txt"]);
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("minutes/old.txt"))
            .expect("link");
        let why = refused(&root, "minutes");
        assert_eq!(why.code, Code::EvidenceNotAFile);
        assert_eq!(
            why.message,
            "`minutes`, which holds old.txt and that is a link to nothing, not a document"
        );
        let _socket =
            std::os::unix::net::UnixListener::bind(root.join("chat.sock")).expect("socket");
        assert_eq!(
            refused(&root, "chat.sock"),
            Unresolved::new(
                Code::EvidenceNotAFile,
                "`chat.sock`, which is a socket, not a document".into()
            )
        );
    }
}
