//! Writing the zip: streamed, deterministic, atomic.
//!
//! Entries go in name order with a fixed time (the review date), Unix permissions 0644 and
//! a fixed compression level, so the same review gives the same bytes. Files are streamed
//! from disk through a SHA-256 hasher straight into the zip, so a 1 GiB video costs a
//! buffer, not a gigabyte. Formats that are already compressed are stored; text is
//! deflated; entries of 4 GiB or more use zip64. The zip is written to a temporary file in
//! the output folder and renamed into place only when complete.

use std::io::{self, Write};
use std::path::Path;

use chrono::Datelike;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::manifest::{self, Counts, FileEntry, FrameworkEntry, Manifest};
use super::plan::{Content, Entry, Plan};
use crate::error::{Error, Result};
use crate::pipeline::Reviewed;

/// Extensions whose files are already compressed: stored, not deflated again.
const STORED: [&str; 24] = [
    "pdf", "jpg", "jpeg", "png", "gif", "webp", "heic", "mp4", "m4v", "mov", "avi", "mkv", "webm",
    "mp3", "m4a", "zip", "gz", "7z", "docx", "xlsx", "pptx", "odt", "ods", "odp",
];

struct Hashing<W> {
    inner: W,
    hasher: Sha256,
    size: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn options(r: &Reviewed, name: &str, size: u64) -> Result<SimpleFileOptions> {
    let d = r.scored.review_date;
    let year = u16::try_from(d.year().clamp(1980, 2107)).unwrap_or(1980);
    let month = u8::try_from(d.month()).unwrap_or(1);
    let day = u8::try_from(d.day()).unwrap_or(1);
    let time = zip::DateTime::from_date_and_time(year, month, day, 0, 0, 0).map_err(|e| {
        Error::PackDate {
            date: d,
            message: e.to_string(),
        }
    })?;
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let method = if STORED.contains(&ext.as_str()) {
        CompressionMethod::Stored
    } else {
        CompressionMethod::Deflated
    };
    let mut options = SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(time)
        .unix_permissions(0o644)
        .system(zip::System::Unix)
        .large_file(size >= zip::ZIP64_BYTES_THR);
    if method == CompressionMethod::Deflated {
        options = options.compression_level(Some(6));
    }
    Ok(options)
}

/// Writes the planned pack to `path`; returns how many files it holds, the manifest aside,
/// and the manifest's fingerprint (its SHA-256, lower-case hex).
pub fn write(r: &Reviewed, plan: &Plan, path: &Path) -> Result<(usize, String)> {
    let failed = write_error(path);
    let zip_failed = |e: zip::result::ZipError| failed(io::Error::other(e));
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!("{}pack-", crate::fsutil::temporaries::PREFIX))
        .suffix(crate::fsutil::temporaries::SUFFIX)
        .tempfile_in(dir)
        .map_err(failed)?;
    let _tracked = crate::fsutil::Tracked::new(tmp.as_file(), tmp.path());
    let mut zip = ZipWriter::new(tmp.as_file());
    // One large buffer for every file: few system calls for a big video, bounded memory.
    let mut buffer = vec![0u8; 1 << 20];
    let mut files = Vec::with_capacity(plan.entries.len());
    for entry in &plan.entries {
        files.push(add(&mut zip, r, entry, &mut buffer, path)?);
    }
    let manifest = manifest(r, plan, files);
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| failed(io::Error::other(e)))?;
    zip.start_file(
        manifest::NAME,
        options(r, manifest::NAME, json.len() as u64)?,
    )
    .map_err(zip_failed)?;
    zip.write_all(&json).map_err(failed)?;
    zip.finish().map_err(zip_failed)?;
    tmp.as_file().sync_all().map_err(failed)?;
    put_in_place(tmp, path)?;
    Ok((manifest.counts.files, manifest::hex(&Sha256::digest(&json))))
}

/// The error for a failure to write the pack at `path`.
fn write_error(path: &Path) -> impl Fn(io::Error) -> Error + Copy + '_ {
    move |source| Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Streams one entry into the zip through a hasher; returns its line of the manifest.
fn add<W: Write + io::Seek>(
    zip: &mut ZipWriter<W>,
    r: &Reviewed,
    entry: &Entry,
    buffer: &mut [u8],
    path: &Path,
) -> Result<FileEntry> {
    let failed = write_error(path);
    let read_failed = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Read { path: p, source }
    };
    let size = match &entry.content {
        Content::Bytes(b) => b.len() as u64,
        Content::File(p) => std::fs::metadata(p).map_err(read_failed(p))?.len(),
    };
    zip.start_file(entry.name.as_str(), options(r, &entry.name, size)?)
        .map_err(|e| failed(io::Error::other(e)))?;
    let mut sink = Hashing {
        inner: zip,
        hasher: Sha256::new(),
        size: 0,
    };
    match &entry.content {
        Content::Bytes(b) => sink.write_all(b).map_err(failed)?,
        Content::File(p) => {
            let mut f = std::fs::File::open(p).map_err(read_failed(p))?;
            copy(&mut f, &mut sink, buffer).map_err(failed)?;
        }
    }
    Ok(FileEntry {
        path: entry.name.clone(),
        size: sink.size,
        sha256: manifest::hex(&sink.hasher.finalize()),
    })
}

/// The manifest of a pack holding `files`.
fn manifest(r: &Reviewed, plan: &Plan, files: Vec<FileEntry>) -> Manifest {
    Manifest {
        tool: format!("selfreview {}", env!("CARGO_PKG_VERSION")),
        school: r.scored.school.clone(),
        review_date: r.scored.review_date.format("%Y-%m-%d").to_string(),
        framework: FrameworkEntry {
            id: r.framework.framework.id.clone(),
            version: r.framework.framework.version.clone(),
            sha256: manifest::hex(&Sha256::digest(r.framework.text.as_bytes())),
        },
        sign_off: r.review.sign_off.clone(),
        counts: Counts {
            files: files.len(),
            evidence_documents: plan.evidence_documents,
            aspects: r.scored.aspects.len(),
            aspects_complete: r.scored.aspects.iter().filter(|a| a.complete).count(),
        },
        files,
    }
}

/// Renames the finished zip onto `path`, keeping the permissions of an earlier pack there.
fn put_in_place(tmp: tempfile::NamedTempFile, path: &Path) -> Result<()> {
    let failed = write_error(path);
    let permissions = std::fs::metadata(path).map(|m| m.permissions()).ok();
    tmp.persist(path).map_err(|e| failed(e.error))?;
    if let Some(p) = permissions {
        std::fs::set_permissions(path, p).map_err(failed)?;
    } else {
        set_default_permissions(path).map_err(failed)?;
    }
    Ok(())
}

fn copy(from: &mut impl io::Read, to: &mut impl Write, buffer: &mut [u8]) -> io::Result<()> {
    loop {
        let n = match from.read(buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        to.write_all(&buffer[..n])?;
    }
}

#[cfg(unix)]
fn set_default_permissions(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_path: &Path) -> io::Result<()> {
    Ok(())
}
