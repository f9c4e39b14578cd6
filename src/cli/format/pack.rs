//! What `selfreview pack` and `selfreview verify` say: where the pack went, and whether a
//! pack matches its manifest.

use std::path::Path;

use selfreview::pack::Verified;

/// Where the pack was written and how the assessor checks it.
pub fn written(path: &Path, files: usize) -> String {
    format!(
        "wrote {} ({files} files and manifest.json)\nThe assessor can check it with: selfreview verify {}",
        path.display(),
        path.display()
    )
}

/// A pack that matches its manifest, with what the manifest says it is.
pub fn intact(pack: &Path, verified: &Verified) -> String {
    let described = verified.manifest.as_ref().map_or(String::new(), |m| {
        format!(
            " ({}, review of {}, framework {} {})",
            m.school, m.review_date, m.framework.id, m.framework.version
        )
    });
    format!(
        "{}: intact. {} files match the manifest{described}.",
        pack.display(),
        verified.intact
    )
}

/// A pack that does not match its manifest.
pub fn not_intact(pack: &Path, verified: &Verified) -> String {
    format!(
        "{}: NOT intact: {} problem(s). Do not rely on this pack; ask the school to send it again.",
        pack.display(),
        verified.findings.0.len()
    )
}
