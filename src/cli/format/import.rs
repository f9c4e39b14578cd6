//! The text `selfreview import` shows for each evidence spreadsheet read: the header row
//! found, how each column was mapped, and every row used, skipped or noted.

use std::fmt::Write as _;

use selfreview::dates::uk;
use selfreview::evidence::Kind;
use selfreview::evidence::import::SourceReport;

/// What was read from one source, with every skipped row and its reason.
pub fn source(r: &SourceReport) -> String {
    let mut s = String::new();
    header_and_columns(&mut s, r);
    rows(&mut s, r);
    if !r.names_also_from.is_empty() {
        let counted = if r.kind == Kind::Incidents {
            " (only this sheet's incidents are counted; `sheet = \"…\"` in review.toml chooses another)"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  names also read from sheets {}{counted}",
            r.names_also_from.join(", ")
        );
    }
    if !r.sheets_unread.is_empty() {
        let _ = writeln!(s, "  sheets not read: {}", r.sheets_unread.join("; "));
    }
    for k in &r.noted {
        let _ = writeln!(s, "  note {}: {}", k.place, k.reason);
    }
    categories(&mut s, r);
    s.trim_end().to_string()
}

fn header_and_columns(s: &mut String, r: &SourceReport) {
    let sheet = r.sheet.as_ref().map_or(String::new(), |n| {
        let many = if r.sheets_read > 1 { "sheets" } else { "sheet" };
        format!(", {many} {n}")
    });
    let _ = writeln!(
        s,
        "{} ({}{sheet}, header on row {})",
        r.path.display(),
        r.kind.as_str(),
        r.header_row
    );
    let mapped: Vec<String> = r
        .columns
        .iter()
        .filter_map(|c| c.field.map(|f| format!("{} → {f}", c.header)))
        .collect();
    let _ = writeln!(s, "  columns: {}", mapped.join(", "));
    let unknown = r.unknown_columns();
    if !unknown.is_empty() {
        let _ = writeln!(s, "  not used: {}", unknown.join(", "));
    }
}

fn rows(s: &mut String, r: &SourceReport) {
    // The dates shown are those that count: a record after the review date is skipped or
    // noted as such below, and is said here only as there being later ones.
    let later = r.date_range.map(|(_, b)| b) > r.dates_counted.map(|(_, b)| b);
    let range = match (r.dates_counted, later) {
        (Some((a, b)), false) => format!("; dates {} to {}", uk(a), uk(b)),
        (Some((a, b)), true) => format!(
            "; dates {} to {}, and later ones after the review date, not counted",
            uk(a),
            uk(b)
        ),
        (None, true) => "; every date after the review date, so none counted".to_string(),
        (None, false) => String::new(),
    };
    let noted = match r.noted.len() {
        0 => String::new(),
        n => format!(" ({n} with a note below)"),
    };
    let left_out = match r.rows_left_out {
        0 => String::new(),
        n => format!(", {n} left out as not online safety"),
    };
    let _ = writeln!(
        s,
        "  rows: {} read, {} used{noted}, {} skipped{left_out}{range}",
        r.rows_read,
        r.rows_used,
        r.skipped.len()
    );
    for k in &r.skipped {
        let _ = writeln!(s, "  skipped {}: {}", k.place, k.reason);
    }
}

/// "Cyberbullying (3), Sexting (1)".
fn counted(categories: &std::collections::BTreeMap<String, usize>) -> String {
    categories
        .iter()
        .map(|(c, n)| format!("{c} ({n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn categories(s: &mut String, r: &SourceReport) {
    if !r.left_out_categories.is_empty() {
        let _ = writeln!(
            s,
            "  left out, not online safety (to count one, map it under [evidence.categories]): {}",
            counted(&r.left_out_categories)
        );
    }
    if !r.unmapped_categories.is_empty() {
        let _ = writeln!(
            s,
            "  categories kept as written (add them under [evidence.categories] to group them): {}",
            counted(&r.unmapped_categories)
        );
    }
}
