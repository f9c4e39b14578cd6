//! Writing files so that a crash never leaves a half-written file under its final name.
//!
//! Everything the tool writes goes to a temporary file in the same folder first, is flushed,
//! and is then renamed over the final name in one step.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub mod temporaries;
pub use temporaries::Tracked;

/// Reads a text file a person edits, naming the file when it is unreadable or not UTF-8.
pub fn read_text(path: &Path) -> Result<String> {
    // A pipe or device would make the read wait for ever or never end.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(Error::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other("it is a folder, pipe or device, not a text file"),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Writes `bytes` to `path` atomically, creating the parent folder if needed: a temporary
/// beside it, synced, then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, bytes)?.commit()
}

/// Writes `bytes` to `path` atomically, then reads the file back and checks it holds
/// exactly those bytes: for a copy that is all that is left of a file once it is replaced.
pub fn copy_verified(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic(path, bytes)?;
    let back = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if back != bytes {
        return Err(Error::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other("the copy written differs from the file it copies"),
        });
    }
    Ok(())
}

/// A file written in full to a temporary beside its final name, not yet renamed over it:
/// several are staged, then all renamed in, so that a failure while writing any of them
/// changes none. Dropped without [`Staged::commit`], the temporary is removed.
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
    _tracked: Tracked,
}

/// Writes `bytes` to a temporary beside `path`, ready to be renamed over it.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    let write_err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(write_err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(temporaries::PREFIX)
        .suffix(temporaries::SUFFIX)
        .tempfile_in(dir)
        .map_err(write_err)?;
    let tracked = Tracked::new(tmp.as_file(), tmp.path());
    tmp.write_all(bytes).map_err(write_err)?;
    tmp.as_file().sync_all().map_err(write_err)?;
    let permissions = match std::fs::metadata(path) {
        Ok(old) => old.permissions(),
        Err(_) => default_permissions(tmp.as_file()).map_err(write_err)?,
    };
    // Temporary files are private to their owner; the final file gets the permissions of
    // the one it replaces, or the usual ones for a new document.
    std::fs::set_permissions(tmp.path(), permissions).map_err(write_err)?;
    Ok(Staged {
        tmp,
        path: path.to_path_buf(),
        _tracked: tracked,
    })
}

impl Staged {
    /// Renames the temporary over the final name.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tmp.persist(&path).map_err(|e| Error::Write {
            path: path.clone(),
            source: e.error,
        })?;
        Ok(())
    }
}

#[cfg(unix)]
fn default_permissions(_tmp: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(tmp: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    // Elsewhere only the read-only flag exists, and a new temporary file does not have it.
    Ok(tmp.metadata()?.permissions())
}

/// What `path` is when it exists and is not a regular file, links followed, judged from its
/// type without opening it (opening a named pipe would wait for ever): "a folder", "a named
/// pipe", "a socket", "a device"; `None` for a regular file or nothing at all.
pub fn not_a_regular_file(path: &Path) -> Option<&'static str> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a named pipe");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// `path` as it is reached from `dir`, shown as a person typed it: from the current folder
/// (`.`) it stays `../x.toml`, not `./../x.toml`; an absolute path stays itself.
pub fn within(dir: &Path, path: &str) -> PathBuf {
    if dir.as_os_str().is_empty() || dir == Path::new(".") {
        PathBuf::from(path)
    } else {
        dir.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_said_to_be_one_and_a_file_is_not_flagged() {
        let dir = tempfile::tempdir().expect("temporary folder");
        assert_eq!(not_a_regular_file(dir.path()), Some("a folder"));
        let file = dir.path().join("f.txt");
        std::fs::write(&file, "x").expect("write");
        assert_eq!(not_a_regular_file(&file), None);
        assert_eq!(not_a_regular_file(&dir.path().join("none")), None);
    }

    #[test]
    fn writes_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temporary folder for the test");
        let target = dir.path().join("sub").join("out.txt");
        write_atomic(&target, b"hello").expect("write succeeds");
        write_atomic(&target, b"second").expect("overwrite succeeds");
        assert_eq!(std::fs::read(&target).expect("readable"), b"second");
        let names: Vec<_> = std::fs::read_dir(target.parent().expect("has parent"))
            .expect("listable")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.txt")]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target)
                .expect("exists")
                .permissions()
                .mode();
            assert_eq!(
                mode & 0o777,
                0o644,
                "a document others on the machine may read"
            );
        }
    }
}
