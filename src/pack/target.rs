//! Where a pack may go: never over the school's own files.
//!
//! `pack -o` takes any path, so a slip of the keyboard could name review.toml, a workbook
//! or an evidence document, and the zip would replace it. The pack is written only to a
//! path outside the review's input folders (evidence/, scores/, templates/, frameworks/),
//! that is not review.toml, and that is either free or holds an earlier evidence pack (a
//! zip whose manifest.json was written by selfreview). Anything else that is already
//! there (a folder, a device, a pipe, any other file) is left alone and the pack refused.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};
use crate::review::{Paths, outputs};

/// The largest manifest read to recognise an earlier pack.
const MANIFEST_LIMIT: u64 = 64 << 20;

/// Checks that a pack may be written to `path` in the review at `paths`.
pub fn check(path: &Path, paths: &Paths) -> Result<()> {
    outputs::check_place(path, paths)?;
    if path.exists() && !is_earlier_pack(path) {
        return Err(Error::OutputRefused {
            path: path.to_path_buf(),
            why: "a file of that name is already there and it is not an evidence pack made by selfreview, so it is left as it is; give the pack another name, or move that file away first".into(),
        });
    }
    Ok(())
}

/// Whether the file at `path` is a zip whose manifest.json was written by selfreview.
fn is_earlier_pack(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        return false;
    };
    let Ok(entry) = zip.by_name(super::MANIFEST) else {
        return false;
    };
    let mut text = Vec::new();
    if entry.take(MANIFEST_LIMIT).read_to_end(&mut text).is_err() {
        return false;
    }
    serde_json::from_slice::<serde_json::Value>(&text).is_ok_and(|m| {
        m["tool"]
            .as_str()
            .is_some_and(|t| t.starts_with("selfreview "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review() -> (tempfile::TempDir, Paths) {
        let dir = tempfile::tempdir().expect("temporary folder");
        for d in ["evidence", "scores", "out"] {
            std::fs::create_dir(dir.path().join(d)).expect("folder");
        }
        std::fs::write(dir.path().join("review.toml"), "school = \"x\"\n").expect("write");
        let paths = Paths::new(dir.path());
        (dir, paths)
    }

    fn refused(path: &Path, paths: &Paths) -> String {
        match check(path, paths) {
            Err(Error::OutputRefused { why, .. }) => why,
            other => panic!("{} was not refused: {other:?}", path.display()),
        }
    }

    #[test]
    fn inputs_folders_and_other_files_are_refused() {
        let (dir, paths) = review();
        let root = dir.path();
        assert!(refused(&root.join("evidence/pack.zip"), &paths).contains("inside evidence/"));
        assert!(refused(&root.join("scores/../scores/x.zip"), &paths).contains("inside scores/"));
        assert!(refused(&root.join("review.toml"), &paths).contains("review.toml"));
        assert!(refused(&root.join("out"), &paths).contains("a folder"));
        std::fs::write(root.join("out/notes.zip"), b"PK\x05\x06").expect("write");
        assert!(refused(&root.join("out/notes.zip"), &paths).contains("not an evidence pack"));
        assert!(check(&root.join("out/new.zip"), &paths).is_ok());
        assert!(check(&root.join("elsewhere.zip"), &paths).is_ok());
    }

    #[test]
    fn every_input_folder_and_the_workbooks_in_it_are_refused() {
        let (dir, paths) = review();
        let root = dir.path();
        for d in ["templates", "frameworks"] {
            std::fs::create_dir(root.join(d)).expect("folder");
            let why = refused(&root.join(d).join("pack.zip"), &paths);
            assert!(why.contains(&format!("inside {d}/")), "{why}");
        }
        std::fs::write(root.join("scores/dsl.xlsx"), b"PK").expect("write");
        // Refused for where it is, before what it holds is looked at.
        assert!(refused(&root.join("scores/dsl.xlsx"), &paths).contains("inside scores/"));
        assert!(refused(&root.join("out/../evidence/x.zip"), &paths).contains("inside evidence/"));
        assert!(check(&root.join("evidence/../out/pack.zip"), &paths).is_ok());
    }

    /// Writes a zip at `path` whose manifest says `tool` made it.
    fn zip_made_by(path: &Path, tool: &str) {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
        zip.start_file(
            super::super::MANIFEST,
            zip::write::SimpleFileOptions::default(),
        )
        .expect("entry");
        let manifest = format!(r#"{{"tool": "{tool}"}}"#);
        std::io::Write::write_all(&mut zip, manifest.as_bytes()).expect("write");
        zip.finish().expect("finish");
    }

    #[test]
    fn a_zip_made_by_another_tool_is_not_an_earlier_pack() {
        let (dir, paths) = review();
        let path = dir.path().join("out/pack.zip");
        zip_made_by(&path, "packer 2.0");
        assert!(refused(&path, &paths).contains("not an evidence pack"));
    }

    #[test]
    fn an_earlier_pack_may_be_replaced() {
        let (dir, paths) = review();
        let path = dir.path().join("out/pack.zip");
        zip_made_by(&path, "selfreview 0.1.0");
        assert!(check(&path, &paths).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn links_into_the_review_are_refused_as_where_they_lead() {
        let (dir, paths) = review();
        let root = dir.path();
        std::fs::write(root.join("evidence/log.xlsx"), b"x").expect("write");
        let link = |name: &str, to: &str| {
            std::os::unix::fs::symlink(to, root.join(name)).expect("link");
            root.join(name)
        };
        let to_file = link("a.zip", "evidence/log.xlsx");
        assert!(refused(&to_file, &paths).contains("inside evidence/"));
        let to_settings = link("b.zip", "review.toml");
        assert!(refused(&to_settings, &paths).contains("review.toml"));
        // A link to a file not there yet still leads into evidence/.
        let dangling = link("c.zip", "evidence/new.zip");
        assert!(refused(&dangling, &paths).contains("inside evidence/"));
        let chained = link("d.zip", "c.zip");
        assert!(refused(&chained, &paths).contains("inside evidence/"));
        let elsewhere = link("e.zip", "out/new.zip");
        assert!(check(&elsewhere, &paths).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_being_opened() {
        let (_dir, paths) = review();
        assert!(refused(Path::new("/dev/null"), &paths).contains("a device"));
    }
}
