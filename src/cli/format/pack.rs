//! What `selfreview pack` and `selfreview verify` say: where the pack went, and whether a
//! pack matches its manifest.

use std::path::Path;

use selfreview::pack::{Fingerprint, Verified};

/// Where the pack was written, its fingerprint, and how the assessor checks it.
pub fn written(path: &Path, files: usize, fingerprint: &str) -> String {
    let short = Fingerprint::short(fingerprint);
    format!(
        "wrote {} ({files} files and manifest.json)\nFingerprint of its manifest: {short}\nSend the fingerprint to the assessor separately from the pack (a letter, or an email of its own).\nThe assessor can check both with: selfreview verify {} --fingerprint \"{short}\"",
        path.display(),
        path.display()
    )
}

/// A pack that matches its manifest, with what the manifest says it is, and its
/// fingerprint (checked against the one given, or to compare with the school's).
pub fn intact(pack: &Path, verified: &Verified, fingerprint_checked: bool) -> String {
    let described = verified.manifest.as_ref().map_or(String::new(), |m| {
        format!(
            " ({}, review of {}, framework {} {})",
            m.school, m.review_date, m.framework.id, m.framework.version
        )
    });
    let short = verified
        .fingerprint
        .as_deref()
        .map(Fingerprint::short)
        .unwrap_or_default();
    let fingerprint = if fingerprint_checked {
        format!("Its manifest has the fingerprint given ({short}).")
    } else {
        format!(
            "Fingerprint of its manifest: {short}. Check it is the one the school sent separately (or give it with --fingerprint): without that, a manifest remade after a change would pass."
        )
    };
    format!(
        "{}: intact. {} files match the manifest{described}.\n{fingerprint}",
        pack.display(),
        verified.intact
    )
}

/// A pack that does not match its manifest, and the fingerprint of the manifest it holds.
pub fn not_intact(pack: &Path, verified: &Verified) -> String {
    let fingerprint = verified.fingerprint.as_deref().map_or(String::new(), |f| {
        format!(
            "\nFingerprint of the manifest it holds: {}.",
            Fingerprint::short(f)
        )
    });
    format!(
        "{}: NOT intact: {}. Do not rely on this pack; ask the school to send it again.{fingerprint}",
        pack.display(),
        selfreview::text::plural(verified.findings.0.len(), "problem", "problems")
    )
}

/// What is said of an earlier pack removed by a run that refused.
pub fn withdrawn(path: &Path) -> String {
    format!(
        "The earlier pack {} was removed, so that it is not taken for this review's.",
        path.display()
    )
}
