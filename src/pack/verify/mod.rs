//! Checking a pack against its manifest, as the assessor does: nothing is extracted.
//!
//! Every entry is streamed through SHA-256 and compared with the manifest; entries the
//! manifest does not list, entries it lists that are missing, and entry names that would
//! escape a folder if extracted are all reported. Reads are capped at the size the manifest
//! gives (plus one byte), so a zip bomb cannot make verification run away. The zip's own
//! structure is checked too ([`layout`]): two entries under one name, folder entries,
//! links and special files, local headers that disagree with the central directory,
//! bytes that belong to no entry, and an end record cut off, repeated or wrong. That check
//! runs first: when the zip library cannot open a damaged file, or opens a zip stored
//! inside it instead and finds no manifest, the damage it names is the reason given. The manifest's own SHA-256 is its fingerprint: the school
//! sends it separately, and an assessor who gives it to `verify` catches a manifest that
//! was recomputed after a change.

mod end;
mod fields;
mod layout;
mod raw;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use chrono::Datelike;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::manifest::{self, Fingerprint, Manifest};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::error::{Error, Result};

/// The outcome of verifying a pack.
#[derive(Debug, Serialize)]
pub struct Verified {
    /// The manifest, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifest: Option<Manifest>,
    /// Entries checked and found intact.
    pub intact: usize,
    /// Every problem found; none means the pack is intact.
    pub findings: Diagnostics,
    /// The SHA-256 of manifest.json, lower-case hex, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

const MANIFEST_LIMIT: u64 = 64 * 1024 * 1024;

/// Verifies the pack at `path`, and, when `expected` is given, that its manifest's
/// fingerprint is that one. A file that cannot be read (missing, unreadable, a folder, a
/// named pipe or a device, refused before it is opened so that a pipe cannot make it wait)
/// is an error; a file that was read but is not a sound zip (empty, not a zip, cut short),
/// or a zip that does not match its manifest, gives findings.
pub fn verify(path: &Path, expected: Option<&Fingerprint>) -> Result<Verified> {
    if let Some(what) = crate::fsutil::not_a_regular_file(path) {
        return Err(Error::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(format!(
                "it is not a regular file ({what}): name the pack's .zip file"
            )),
        });
    }
    let open = || {
        std::fs::File::open(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })
    };
    // The structure is read first: when the zip library cannot open the file, what is
    // wrong with it in plain words is in there.
    let problems = layout::check(&mut open()?);
    // An entry the structure check names is there, though it may not read as a file.
    let named: Vec<String> = problems.iter().filter_map(|p| p.entry.clone()).collect();
    let layout: Vec<Diagnostic> = problems.into_iter().map(|p| structure(path, p)).collect();
    let mut zip = match zip::ZipArchive::new(open()?) {
        Ok(z) => z,
        // A file that is no zip at all is said to be that, more plainly than its damage.
        Err(e) if layout.is_empty() || !begins_as_a_zip(path) => {
            return Ok(unverifiable(Diagnostic::error(
                Code::PackManifestMalformed,
                Location::file(path),
                format!("this is not a readable zip file ({e})"),
            )));
        }
        Err(_) => return Ok(damaged(layout)),
    };
    let (manifest, fingerprint) = match read_manifest(&mut zip) {
        Ok(m) => m,
        // A damaged zip can show the library another zip's directory (a workbook stored
        // in it, or one hidden in its comment), which has no manifest: the damage is why.
        Err(_) if !layout.is_empty() => return Ok(damaged(layout)),
        Err(message) => {
            return Ok(unverifiable(
                Diagnostic::error(
                    Code::PackManifestMalformed,
                    at(path, manifest::NAME),
                    message,
                )
                .with_help(
                    "the pack cannot be checked without its manifest; ask for it to be sent again",
                ),
            ));
        }
    };
    let mut check = Check {
        pack: path,
        expected: manifest
            .files
            .iter()
            .map(|f| (f.path.as_str(), f))
            .collect(),
        intact: 0,
        findings: Diagnostics::default(),
        dated: writer_date(&manifest.review_date),
    };
    check.findings.0.extend(layout);
    for i in 0..zip.len() {
        check.entry(&mut zip, i);
    }
    if let Some(want) = expected
        && !want.matches(&fingerprint)
    {
        check
            .findings
            .push(other_fingerprint(path, want, &fingerprint));
    }
    let (intact, findings) = check.missing(&named);
    Ok(Verified {
        manifest: Some(manifest),
        intact,
        findings,
        fingerprint: Some(fingerprint),
    })
}

/// The finding for a manifest whose fingerprint is not the one given.
fn other_fingerprint(path: &Path, want: &Fingerprint, fingerprint: &str) -> Diagnostic {
    Diagnostic::error(
        Code::PackFingerprintMismatch,
        at(path, manifest::NAME),
        format!(
            "the manifest's fingerprint is {}, not the {} given: the manifest is not the one the school made",
            want.as_long(fingerprint),
            want
        ),
    )
    .with_help("check the fingerprint against the school's letter or email; if it was copied right, ask the school to send the pack again")
}

/// The finding for a problem with the zip's structure.
fn structure(pack: &Path, p: layout::Problem) -> Diagnostic {
    use layout::ProblemKind as K;
    let code = match p.kind {
        K::Duplicate => Code::PackEntryDuplicate,
        K::Folder => Code::PackEntryFolder,
        K::NotAFile => Code::PackEntryNotAFile,
        K::HeaderMismatch => Code::PackEntryHeaderMismatch,
        K::Unreadable => Code::PackDamaged,
        K::Stray => Code::PackStrayBytes,
    };
    let place = match &p.entry {
        Some(name) => at(pack, name),
        None => Location::file(pack),
    };
    Diagnostic::error(code, place, p.message)
        .with_help("the zip is not as selfreview wrote it: do not rely on it, and ask the school to send the pack again")
}

/// Whether the file begins as a zip does: with an entry, or with the end record of an
/// empty zip.
fn begins_as_a_zip(path: &Path) -> bool {
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| matches!(head, [0x50, 0x4b, 3 | 5, 4 | 6]))
}

/// The outcome for a pack whose structure is too damaged to check its entries.
fn damaged(layout: Vec<Diagnostic>) -> Verified {
    Verified {
        manifest: None,
        intact: 0,
        findings: Diagnostics(layout),
        fingerprint: None,
    }
}

/// The outcome for a pack that cannot be checked at all, and why.
fn unverifiable(why: Diagnostic) -> Verified {
    Verified {
        manifest: None,
        intact: 0,
        findings: Diagnostics(vec![why]),
        fingerprint: None,
    }
}

/// Where an entry of the pack is, for a finding.
fn at(pack: &Path, entry: &str) -> Location {
    let mut l = Location::file(pack);
    l.cell = Some(entry.to_string());
    l
}

/// A pack's entries checked one by one against its manifest.
struct Check<'a> {
    /// The pack.
    pack: &'a Path,
    /// The manifest's lines not yet matched by an entry, by path.
    expected: BTreeMap<&'a str, &'a manifest::FileEntry>,
    /// Entries found intact.
    intact: usize,
    findings: Diagnostics,
    /// The date the pack writer gives every entry: midnight on the manifest's review date.
    dated: Option<zip::DateTime>,
}

/// The date and time the pack writer gives every entry of a pack whose manifest names
/// `review_date` (YYYY-MM-DD): midnight that day, the year held to what a zip can store.
fn writer_date(review_date: &str) -> Option<zip::DateTime> {
    let d = chrono::NaiveDate::parse_from_str(review_date, "%Y-%m-%d").ok()?;
    let year = u16::try_from(d.year().clamp(1980, 2107)).ok()?;
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    zip::DateTime::from_date_and_time(year, month, day, 0, 0, 0).ok()
}

impl Check<'_> {
    /// Checks entry `i`: its name is safe, the manifest lists it, and its size and SHA-256
    /// are the manifest's.
    fn entry<R: Read + std::io::Seek>(&mut self, zip: &mut zip::ZipArchive<R>, i: usize) {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                self.findings.push(Diagnostic::error(
                    Code::PackEntryAltered,
                    Location::file(self.pack),
                    format!("entry {} cannot be read ({e})", i + 1),
                ));
                return;
            }
        };
        let name = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("entry {}", i + 1));
        let safe =
            entry.enclosed_name().is_some() && !name.contains('\\') && !name.starts_with('/');
        if !safe {
            self.findings.push(
                Diagnostic::error(
                    Code::PackEntryUnsafeName,
                    at(self.pack, &name),
                    format!(
                        "the entry name `{name}` would write outside the folder it is extracted to"
                    ),
                )
                .with_help("do not extract this pack; ask for a new one"),
            );
            return;
        }
        // Folders, links and special files are named by the structure check.
        let special = entry
            .unix_mode()
            .is_some_and(|m| !matches!(m & 0o170_000, 0 | 0o100_000));
        if name == manifest::NAME || entry.is_dir() || special {
            self.dated_as_written(&name, entry.last_modified());
            return;
        }
        self.dated_as_written(&name, entry.last_modified());
        let Some(want) = self.expected.remove(name.as_str()) else {
            self.findings.push(Diagnostic::error(
                Code::PackEntryExtra,
                at(self.pack, &name),
                format!("`{name}` is in the pack but not in its manifest"),
            ));
            return;
        };
        // Read no more than the manifest says, plus one byte to tell that it is longer.
        match hash(&mut (&mut entry).take(want.size + 1)) {
            Err(e) => self.findings.push(Diagnostic::error(
                Code::PackEntryAltered,
                at(self.pack, &name),
                format!("`{name}` cannot be read ({e})"),
            )),
            Ok((size, sha)) if size == want.size && sha == want.sha256 && entry.size() != size => {
                self.findings.push(Diagnostic::error(
                    Code::PackEntryHeaderMismatch,
                    at(self.pack, &name),
                    format!("the zip's headers give `{name}` a size of {} bytes, but its data holds {size}", entry.size()),
                ));
            }
            Ok((size, sha)) if size != want.size || sha != want.sha256 => {
                self.findings.push(Diagnostic::error(
                    Code::PackEntryAltered,
                    at(self.pack, &name),
                    format!("`{name}` has changed since the pack was made (size {size}, manifest {}; SHA-256 {})", want.size, if sha == want.sha256 { "matches" } else { "differs" }),
                ));
            }
            Ok(_) => self.intact += 1,
        }
    }

    /// Reports an entry dated otherwise than the writer dates every entry: a pack whose
    /// dates were changed was rewritten by something else, even if its files are the same.
    fn dated_as_written(&mut self, name: &str, date: Option<zip::DateTime>) {
        let Some(want) = self.dated else { return };
        if date == Some(want) {
            return;
        }
        let given = date.map_or("no date".to_string(), |d| {
            format!(
                "{:02}/{:02}/{} {:02}:{:02}",
                d.day(),
                d.month(),
                d.year(),
                d.hour(),
                d.minute()
            )
        });
        self.findings.push(Diagnostic::error(
            Code::PackEntryHeaderMismatch,
            at(self.pack, name),
            format!(
                "`{name}` is dated {given}; the pack writer dates every entry midnight on the review date ({:02}/{:02}/{})",
                want.day(),
                want.month(),
                want.year()
            ),
        ));
    }

    /// Reports every file the manifest lists that no entry matched; returns how many
    /// entries were intact and every finding.
    fn missing(mut self, named: &[String]) -> (usize, Diagnostics) {
        let listed = self
            .expected
            .keys()
            .filter(|m| !named.iter().any(|n| n == *m));
        for missing in listed {
            self.findings.push(Diagnostic::error(
                Code::PackEntryMissing,
                at(self.pack, missing),
                format!("`{missing}` is in the manifest but not in the pack"),
            ));
        }
        (self.intact, self.findings)
    }
}

/// The size and SHA-256 (lower-case hex) of everything `reader` gives.
fn hash(reader: &mut impl Read) -> std::io::Result<(u64, String)> {
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&buf[..n]);
                size += n as u64;
            }
            Err(e) => return Err(e),
        }
    }
    Ok((size, manifest::hex(&hasher.finalize())))
}

/// The manifest and its fingerprint (the SHA-256 of its bytes, lower-case hex).
fn read_manifest<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> std::result::Result<(Manifest, String), String> {
    let entry = zip
        .by_name(manifest::NAME)
        .map_err(|_| "the pack has no manifest.json".to_string())?;
    let mut bytes = Vec::new();
    entry
        .take(MANIFEST_LIMIT)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("manifest.json cannot be read ({e})"))?;
    let manifest = serde_json::from_slice(&bytes)
        .map_err(|e| format!("manifest.json is not a selfreview manifest ({e})"))?;
    Ok((manifest, manifest::hex(&Sha256::digest(&bytes))))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use sha2::{Digest, Sha256};

    use super::*;

    /// A pack as the writer makes one, dated midnight on `date`: a stored file, a deflated
    /// file, a file with zip64 sizes, and the manifest that lists them.
    fn pack_dated(date: (u16, u8, u8)) -> Vec<u8> {
        let files: [(&str, &[u8], bool); 3] = [
            ("evidence/photo.png", b"not really a picture", false),
            (
                "report.html",
                b"<p>the report, the report, the report</p>",
                false,
            ),
            (
                "scores/big.xlsx",
                b"a workbook that might have been large",
                true,
            ),
        ];
        let time =
            zip::DateTime::from_date_and_time(date.0, date.1, date.2, 0, 0, 0).expect("a real day");
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let mut listed = Vec::new();
        for (name, bytes, large) in files {
            let method = if name.ends_with(".png") {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(method)
                .last_modified_time(time)
                .unix_permissions(0o644)
                .system(zip::System::Unix)
                .large_file(large);
            out.start_file(name, options).expect("start");
            out.write_all(bytes).expect("write");
            listed.push(serde_json::json!({
                "path": name,
                "size": bytes.len(),
                "sha256": manifest::hex(&Sha256::digest(bytes)),
            }));
        }
        let manifest = serde_json::json!({
            "tool": "selfreview",
            "school": "Hill Primary",
            "review_date": "2026-11-01",
            "framework": {"id": "online-safety-18", "version": "1.0.0", "sha256": "00"},
            "counts": {"files": 3, "evidence_documents": 1, "aspects": 18, "aspects_complete": 0},
            "files": listed,
        });
        let options = zip::write::SimpleFileOptions::default()
            .last_modified_time(time)
            .unix_permissions(0o644)
            .system(zip::System::Unix);
        out.start_file(manifest::NAME, options).expect("start");
        out.write_all(manifest.to_string().as_bytes())
            .expect("write");
        out.finish().expect("finish").into_inner()
    }

    fn verified(bytes: &[u8]) -> Verified {
        let file = tempfile::NamedTempFile::new().expect("temporary file");
        std::fs::write(file.path(), bytes).expect("write");
        verify(file.path(), None).expect("read")
    }

    fn u16_at(b: &[u8], at: usize) -> usize {
        usize::from(u16::from_le_bytes([b[at], b[at + 1]]))
    }

    /// Every byte of every local header, central header and end record of `bytes`.
    fn header_bytes(bytes: &[u8]) -> Vec<usize> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut places = Vec::new();
        let mut dir_end = 0;
        for i in 0..zip.len() {
            let (local, central) = {
                let mut zip = zip.clone();
                let e = zip.by_index_raw(i).expect("entry");
                (e.header_start() as usize, e.central_header_start() as usize)
            };
            let local_len = 30 + u16_at(bytes, local + 26) + u16_at(bytes, local + 28);
            let central_len = 46
                + u16_at(bytes, central + 28)
                + u16_at(bytes, central + 30)
                + u16_at(bytes, central + 32);
            places.extend(local..local + local_len);
            places.extend(central..central + central_len);
            dir_end = dir_end.max(central + central_len);
        }
        places.extend(dir_end..bytes.len());
        places
    }

    #[test]
    fn a_pack_as_written_is_intact() {
        let v = verified(&pack_dated((2026, 11, 1)));
        assert_eq!(v.intact, 3, "{:?}", v.findings);
        assert!(v.findings.0.is_empty(), "{:?}", v.findings);
    }

    #[test]
    fn an_entry_dated_otherwise_than_the_review_date_is_not_intact() {
        let v = verified(&pack_dated((2026, 11, 2)));
        let said: Vec<&str> = v.findings.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(
            said.iter()
                .all(|m| m.contains("is dated 02/11/2026 00:00") && m.contains("(01/11/2026)")),
            "{said:?}"
        );
    }

    #[test]
    fn any_one_bit_changed_in_any_entrys_headers_or_the_end_records_is_not_intact() {
        let bytes = pack_dated((2026, 11, 1));
        let places = header_bytes(&bytes);
        // The zip64 entry's local header carries its sizes in a zip64 extra field (id 1).
        let zip64 = bytes.windows(4).filter(|w| *w == [1, 0, 16, 0]).count();
        assert!(zip64 >= 1, "no zip64 extra field");
        assert!(places.len() > 300, "{} header bytes", places.len());
        for at in places {
            for bit in 0..8 {
                let mut changed = bytes.clone();
                changed[at] ^= 1 << bit;
                let v = verified(&changed);
                assert!(
                    !v.findings.0.is_empty(),
                    "bit {bit} of byte {at} changed went unseen"
                );
            }
        }
    }
}
