//! The reports written into the review's `out/`: all of them from one run, or none.
//!
//! A report left in out/ from an earlier run reads as the review's own. So when a run
//! cannot write them (a level that cannot be read, a child's name, a file in the way), the
//! ones it would have replaced are removed ([`withdraw`]) rather than left to look
//! current; and a run that can write them stages every file in full before renaming any
//! over its old one, so that a failure while writing changes none.

use std::path::PathBuf;

use super::{Rendered, own_scripts};
use crate::error::{Error, Result};
use crate::review::Paths;

/// The files `report` writes into out/, in the order it writes them.
pub const OUTPUTS: [&str; 5] = [
    "report.html",
    "governors.html",
    "online-tool.html",
    "visit.html",
    "summary.xlsx",
];

/// Writes the rendered reports into the review's `out/`; returns the paths written.
/// Nothing is written if any of them would land on one of the review's own files (an out/
/// folder linked into evidence/, say) or on something that is not a file, or if any would
/// hold one of `names`: the names were taken out of the school's text before rendering, so
/// this is the last check, and it fails closed. Every file is staged in full before any is
/// renamed into place.
pub fn write(
    rendered: &Rendered,
    paths: &Paths,
    names: &crate::privacy::Names,
) -> Result<Vec<PathBuf>> {
    let out = paths.out();
    let bytes: [&[u8]; 5] = [
        rendered.report.as_bytes(),
        rendered.governors.as_bytes(),
        rendered.online_tool.as_bytes(),
        rendered.visit.as_bytes(),
        rendered.summary.as_slice(),
    ];
    let files: Vec<(PathBuf, &[u8])> = OUTPUTS.iter().map(|n| out.join(n)).zip(bytes).collect();
    for (path, bytes) in &files {
        crate::review::outputs::check_place(path, paths)?;
        let name = path.to_string_lossy();
        match crate::privacy::read::output(names, bytes, &name, own_scripts()) {
            crate::privacy::Verdict::Clean => {}
            crate::privacy::Verdict::Name => {
                return Err(Error::NameInOutput {
                    path: path.clone(),
                    place: crate::review::where_named(paths, names),
                });
            }
            crate::privacy::Verdict::Unreadable(why) => {
                return Err(Error::OutputUnsearchable {
                    path: path.clone(),
                    why,
                });
            }
        }
    }
    let staged = files
        .iter()
        .map(|(path, bytes)| crate::fsutil::stage(path, bytes))
        .collect::<Result<Vec<_>>>()?;
    let mut written = Vec::new();
    for (staged, (path, _)) in staged.into_iter().zip(files) {
        staged.commit()?;
        written.push(path);
    }
    Ok(written)
}

/// Removes from out/ the reports a run that refused would have replaced, so that none
/// left from an earlier run is taken for this review's; returns those removed. Only the
/// names in [`OUTPUTS`] are touched, and only where an output may be written at all.
pub fn withdraw(paths: &Paths) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for name in OUTPUTS {
        let path = paths.out().join(name);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir()
            || crate::review::outputs::check_place(&path, paths).is_err()
            || !made_by_selfreview(&path)
        {
            continue;
        }
        std::fs::remove_file(&path).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        removed.push(path);
    }
    Ok(removed)
}

/// The most of a file read to tell whether selfreview made it.
const MARK_LIMIT: u64 = 256 << 20;

/// Whether the file at `path` is a report selfreview wrote: a page whose footer says it
/// was made by selfreview, or a workbook whose author is selfreview. Anything else of the
/// same name (the school's own file, or one from another program) is never removed.
fn made_by_selfreview(path: &std::path::Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if path.extension().is_some_and(|e| e == "xlsx") {
        let Ok(mut zip) = zip::ZipArchive::new(file) else {
            return false;
        };
        let Ok(core) = zip.by_name("docProps/core.xml") else {
            return false;
        };
        let mut text = String::new();
        return core.take(MARK_LIMIT).read_to_string(&mut text).is_ok()
            && text.contains("<dc:creator>selfreview</dc:creator>");
    }
    let mut bytes = Vec::new();
    file.take(MARK_LIMIT).read_to_end(&mut bytes).is_ok()
        && String::from_utf8_lossy(&bytes).contains("<footer>Made by selfreview ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An xlsx whose author is `author`, as rust_xlsxwriter writes it.
    fn workbook(path: &std::path::Path, author: &str) {
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_author(author));
        wb.add_worksheet();
        wb.save(path).expect("workbook");
    }

    #[test]
    fn only_the_reports_selfreview_made_are_withdrawn() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let paths = Paths::new(dir.path());
        let out = paths.out();
        std::fs::create_dir_all(&out).expect("out");
        let ours = "<html><body>…<footer>Made by selfreview 1.0.0 from the school's own scoring workbooks.</footer></body></html>";
        std::fs::write(out.join("report.html"), ours).expect("write");
        std::fs::write(out.join("governors.html"), "<p>The school's own page</p>").expect("write");
        std::fs::write(out.join("online-tool.html"), "earlier").expect("write");
        workbook(&out.join("summary.xlsx"), "selfreview");
        for name in ["school-evidence-2026-11-01.zip", "notes.txt"] {
            std::fs::write(out.join(name), ours).expect("write");
        }
        std::fs::create_dir(out.join("visit.html")).expect("a folder of that name");
        let removed = withdraw(&paths).expect("withdrawn");
        assert_eq!(
            removed,
            vec![out.join("report.html"), out.join("summary.xlsx")]
        );
        for kept in [
            "notes.txt",
            "school-evidence-2026-11-01.zip",
            "governors.html",
            "online-tool.html",
        ] {
            assert!(out.join(kept).is_file(), "{kept} is not ours to remove");
        }
        assert!(
            out.join("visit.html").is_dir(),
            "a folder is not ours to remove"
        );
        workbook(&out.join("summary.xlsx"), "Bursar");
        assert_eq!(
            withdraw(&paths).expect("nothing left"),
            Vec::<PathBuf>::new(),
            "a workbook another program or person wrote stays"
        );
    }
}
