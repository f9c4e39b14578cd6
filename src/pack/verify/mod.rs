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
            return;
        }
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
