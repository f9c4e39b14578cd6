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
    let mut findings = Diagnostics::default();
    let at = |entry: &str| {
        let mut l = Location::file(path);
        l.cell = Some(entry.to_string());
        l
    };
    let mut zip = match zip::ZipArchive::new(file) {
        Ok(z) => z,
        Err(e) => {
            findings.push(Diagnostic::error(
                Code::PackManifestMalformed,
                Location::file(path),
                format!("this is not a readable zip file ({e})"),
            ));
            return Ok(Verified {
                manifest: None,
                intact: 0,
                findings,
            });
        }
    };
    let manifest = read_manifest(&mut zip).map_err(|message| {
        Diagnostic::error(Code::PackManifestMalformed, at(manifest::NAME), message).with_help(
            "the pack cannot be checked without its manifest; ask for it to be sent again",
        )
    });
    let manifest = match manifest {
        Ok(m) => m,
        Err(d) => {
            findings.push(d);
            return Ok(Verified {
                manifest: None,
                intact: 0,
                findings,
            });
        }
    };
    let mut expected: BTreeMap<&str, &manifest::FileEntry> = manifest
        .files
        .iter()
        .map(|f| (f.path.as_str(), f))
        .collect();
    let mut intact = 0;
    for i in 0..zip.len() {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                findings.push(Diagnostic::error(
                    Code::PackEntryAltered,
                    Location::file(path),
                    format!("entry {} cannot be read ({e})", i + 1),
                ));
                continue;
            }
        };
        let name = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("entry {}", i + 1));
        let safe =
            entry.enclosed_name().is_some() && !name.contains('\\') && !name.starts_with('/');
        if !safe {
            findings.push(
                Diagnostic::error(
                    Code::PackEntryUnsafeName,
                    at(&name),
                    format!(
                        "the entry name `{name}` would write outside the folder it is extracted to"
                    ),
                )
                .with_help("do not extract this pack; ask for a new one"),
            );
            continue;
        }
        if name == manifest::NAME || entry.is_dir() {
            continue;
        }
        let Some(want) = expected.remove(name.as_str()) else {
            findings.push(Diagnostic::error(
                Code::PackEntryExtra,
                at(&name),
                format!("`{name}` is in the pack but not in its manifest"),
            ));
            continue;
        };
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; 64 * 1024];
        let mut limited = (&mut entry).take(want.size + 1);
        loop {
            match limited.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&buf[..n]);
                    size += n as u64;
                }
                Err(e) => {
                    findings.push(Diagnostic::error(
                        Code::PackEntryAltered,
                        at(&name),
                        format!("`{name}` cannot be read ({e})"),
                    ));
                    size = u64::MAX;
                    break;
                }
            }
        }
        if size == u64::MAX {
            continue;
        }
        let sha = manifest::hex(&hasher.finalize());
        if size != want.size || sha != want.sha256 {
            findings.push(Diagnostic::error(
                Code::PackEntryAltered,
                at(&name),
                format!("`{name}` has changed since the pack was made (size {size}, manifest {}; SHA-256 {})", want.size, if sha == want.sha256 { "matches" } else { "differs" }),
            ));
        } else {
            intact += 1;
        }
    }
    for missing in expected.keys() {
        findings.push(Diagnostic::error(
            Code::PackEntryMissing,
            at(missing),
            format!("`{missing}` is in the manifest but not in the pack"),
        ));
    }
    Ok(Verified {
        manifest: Some(manifest),
        intact,
        findings,
    })
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
