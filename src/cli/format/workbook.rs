//! What `selfreview workbook` says of each workbook file.

use selfreview::workbook::{WriteOutcome, Written};

/// "  created  scores/dsl.xlsx  (DSL)", saying why a workbook with entries was kept.
pub fn written(w: &Written) -> String {
    let what = match w.outcome {
        WriteOutcome::Created => "created",
        WriteOutcome::Replaced => "replaced",
        WriteOutcome::Unchanged => "unchanged",
        WriteOutcome::Kept => "kept",
    };
    let why = if w.outcome == WriteOutcome::Kept {
        "; it has entries, so it was left as it is (--force replaces it)"
    } else {
        ""
    };
    format!("{what:>9}  {}  ({}{why})", w.path.display(), w.reviewer)
}
