//! Temporary files: locked while written, swept when left behind, removed on Ctrl-C.
//!
//! Every file the tool writes is first a `.selfreview-*.tmp` beside its final name. A run
//! killed part-way leaves one behind (for a pack, possibly hundreds of megabytes). Each
//! temporary is locked by the run writing it, so a later run can tell a leftover (no lock)
//! from one another run is still writing (locked), and remove only leftovers. The runs in
//! progress also list their temporaries here, so an interrupt handler can remove them
//! before the program exits.

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The prefix of every temporary file the tool makes.
pub const PREFIX: &str = ".selfreview-";
/// The suffix of every temporary file the tool makes.
pub const SUFFIX: &str = ".tmp";

static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// A temporary file being written: locked, and listed for removal on interrupt until
/// dropped.
#[derive(Debug)]
pub struct Tracked {
    path: PathBuf,
}

impl Tracked {
    /// Locks `file` (the temporary at `path`) and lists it; a lock that cannot be taken
    /// (a file system without locks) only means a later run will leave it alone.
    pub fn new(file: &File, path: &Path) -> Self {
        let _ = file.try_lock();
        live().insert(path.to_path_buf());
        Tracked {
            path: path.to_path_buf(),
        }
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        live().remove(&self.path);
    }
}

fn live() -> std::sync::MutexGuard<'static, BTreeSet<PathBuf>> {
    // A panic while the list was held leaves it usable: it is only a set of paths.
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes every temporary file runs in progress are writing; for an interrupt handler,
/// just before the program exits. Returns how many were removed.
pub fn remove_live() -> usize {
    remove_live_where(|_| true)
}

/// Removes the temporaries runs in progress are writing whose paths pass `keep`; the
/// interrupt handler takes them all. Returns how many were removed.
fn remove_live_where(keep: impl Fn(&Path) -> bool) -> usize {
    let paths: Vec<PathBuf> = live().iter().filter(|p| keep(p)).cloned().collect();
    paths
        .iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count()
}

/// Whether a file name is one of our temporaries.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with(PREFIX) && name.ends_with(SUFFIX)
}

/// Removes the temporaries in `dir` left behind by runs that were killed: those no run
/// holds a lock on. Returns the paths removed. A folder that cannot be read is passed over.
pub fn sweep(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !is_temporary(&name.to_string_lossy()) || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = File::options().read(true).write(true).open(&path) else {
            continue;
        };
        // Locked means another run is writing it now.
        if file.try_lock().is_err() {
            continue;
        }
        drop(file);
        if std::fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed.sort();
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_are_swept_and_files_being_written_are_not() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let leftover = dir.path().join(".selfreview-pack-abc.tmp");
        std::fs::write(&leftover, b"half a zip").expect("write");
        let other = dir.path().join("notes.tmp");
        std::fs::write(&other, b"not ours").expect("write");
        let busy = tempfile::Builder::new()
            .prefix(PREFIX)
            .suffix(SUFFIX)
            .tempfile_in(dir.path())
            .expect("temporary");
        let tracked = Tracked::new(busy.as_file(), busy.path());
        assert_eq!(sweep(dir.path()), vec![leftover.clone()]);
        assert!(busy.path().exists() && other.exists() && !leftover.exists());
        assert!(live().contains(busy.path()));
        drop(tracked);
        assert!(!live().contains(busy.path()));
    }

    #[test]
    fn an_interrupt_removes_the_temporaries_being_written() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let busy = tempfile::Builder::new()
            .prefix(PREFIX)
            .suffix(SUFFIX)
            .tempfile_in(dir.path())
            .expect("temporary");
        let path = busy.path().to_path_buf();
        let _tracked = Tracked::new(busy.as_file(), &path);
        // Only this test's folder: other tests in this process are writing temporaries too.
        assert_eq!(remove_live_where(|p| p.starts_with(dir.path())), 1);
        assert!(!path.exists());
    }
}
