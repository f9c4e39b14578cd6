//! The snapshots `score` keeps in history/: reading one back, and warning of any that
//! cannot be read, so that a damaged file is never taken as there being no earlier review.

use std::path::{Path, PathBuf};

/// The snapshot at `path` as JSON with its aspects, or why it does not read as one.
pub fn read(path: &Path) -> std::result::Result<serde_json::Value, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let doc: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| format!("it is not whole JSON ({e}); it may have been cut short or edited"))?;
    if !doc["aspects"].is_array() {
        return Err("it holds no list of aspects, so it is not a snapshot `score` saved".into());
    }
    Ok(doc)
}

/// A warning for each snapshot in `history` that cannot be read: the comparison with the
/// last review then passes it over for an earlier one, or there is none, and the school
/// should know which.
pub fn unreadable(history: &Path) -> crate::diag::Diagnostics {
    let mut found = crate::diag::Diagnostics::default();
    let Ok(entries) = std::fs::read_dir(history) else {
        return found;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| super::snapshot_date(p).is_some())
        .collect();
    paths.sort();
    for path in paths {
        if let Err(why) = read(&path) {
            let shown = Path::new("history").join(path.file_name().unwrap_or_default());
            found.push(
                crate::diag::Diagnostic::warning(
                    crate::diag::Code::SnapshotUnreadable,
                    crate::diag::Location::file(&shown),
                    format!("this snapshot of an earlier review cannot be read: {why}; the comparison with the last review passes it over for an earlier snapshot, or says there is none"),
                )
                .with_help("restore the file from a backup, or move it out of history/ if it is not a review's snapshot"),
            );
        }
    }
    found
}
