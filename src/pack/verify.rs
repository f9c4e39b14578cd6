//! Checking a pack against its manifest, as the assessor does: nothing is extracted.
//!
//! Every entry is streamed through SHA-256 and compared with the manifest; entries the
//! manifest does not list, entries it lists that are missing, and entry names that would
//! escape a folder if extracted are all reported. Reads are capped at the size the manifest
//! gives (plus one byte), so a zip bomb cannot make verification run away.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::manifest::{self, Manifest};
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
}

const MANIFEST_LIMIT: u64 = 64 * 1024 * 1024;

/// Verifies the pack at `path`. An unreadable file is an error; a file that is not a zip,
/// or a zip that does not match its manifest, gives findings.
pub fn verify(path: &Path) -> Result<Verified> {
    let file = std::fs::File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut zip = match zip::ZipArchive::new(file) {
        Ok(z) => z,
        Err(e) => {
            return Ok(unverifiable(Diagnostic::error(
                Code::PackManifestMalformed,
                Location::file(path),
                format!("this is not a readable zip file ({e})"),
            )));
        }
    };
    let manifest = match read_manifest(&mut zip) {
        Ok(m) => m,
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
    for i in 0..zip.len() {
        check.entry(&mut zip, i);
    }
    let (intact, findings) = check.missing();
    Ok(Verified {
        manifest: Some(manifest),
        intact,
        findings,
    })
}

/// The outcome for a pack that cannot be checked at all, and why.
fn unverifiable(why: Diagnostic) -> Verified {
    Verified {
        manifest: None,
        intact: 0,
        findings: Diagnostics(vec![why]),
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
        if name == manifest::NAME || entry.is_dir() {
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
    fn missing(mut self) -> (usize, Diagnostics) {
        for missing in self.expected.keys() {
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

fn read_manifest<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> std::result::Result<Manifest, String> {
    let entry = zip
        .by_name(manifest::NAME)
        .map_err(|_| "the pack has no manifest.json".to_string())?;
    let mut bytes = Vec::new();
    entry
        .take(MANIFEST_LIMIT)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("manifest.json cannot be read ({e})"))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| format!("manifest.json is not a selfreview manifest ({e})"))
}
