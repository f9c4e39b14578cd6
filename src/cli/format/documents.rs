//! The lines about the policy register: what `import` shows of each document out of date
//! or falling due, and the sentence the demo says about the sample school's register.

use selfreview::dates::uk;
use selfreview::metrics::documents::{DocumentStatus, DocumentSummary, Standing};

use super::registers::line;

/// What the policy register shows: the documents out of date and falling due.
pub fn demo(r: &selfreview::pipeline::Reviewed) -> String {
    let Some(d) = &r.metrics.registers.documents else {
        return String::new();
    };
    let late = d.late();
    format!(
        " Key documents: {} of {} out of date, {} due for review in the next 90 days.",
        late,
        d.documents.len(),
        d.count(Standing::DueSoon)
    )
}

/// The register's line of `import`, and one line for each document out of date or due soon.
pub fn documents(s: &mut String, d: &DocumentSummary) {
    // Counted by what the register lacks, whatever else stands against the document: a
    // document due soon may have no last review date too.
    let standing = d
        .documents
        .iter()
        .filter(|x| x.standing != Standing::Replaced);
    let no_last = standing
        .clone()
        .filter(|x| x.last_reviewed.is_none())
        .count();
    let next_unread = standing
        .filter(|x| x.standing == Standing::Undated && x.last_reviewed.is_some())
        .count();
    let next_unread = match next_unread {
        0 => String::new(),
        n => format!(", {n} whose next review date cannot be read"),
    };
    line(
        s,
        &format!(
            "  documents: {} listed, {} overdue, {} reviewed too long ago, {} due in the next 90 days, {no_last} with no last review date{next_unread}",
            d.documents.len(),
            d.count(Standing::Overdue),
            d.count(Standing::Stale),
            d.count(Standing::DueSoon),
        ),
    );
    for doc in d.documents.iter().filter(|x| x.late()) {
        line(
            s,
            &format!("    out of date: “{}” ({})", doc.name, lateness(doc)),
        );
    }
    for doc in d.due_soon() {
        line(
            s,
            &format!("    due soon: “{}” (by {})", doc.name, due(doc)),
        );
    }
    if !d.topics_missing.is_empty() {
        let missing: Vec<&str> = d.topics_missing.iter().map(|t| t.words()).collect();
        line(
            s,
            &format!("    not in the register: {}", missing.join(", ")),
        );
    }
    if !d.topics_not_in_force.is_empty() {
        let listed: Vec<&str> = d.topics_not_in_force.iter().map(|t| t.words()).collect();
        line(
            s,
            &format!(
                "    in the register but not in force (a draft, withdrawn or not approved), so backing no check: {}",
                listed.join(", ")
            ),
        );
    }
}

/// A document's due date, saying when it was worked out from the last review because the
/// register gives none.
fn due(doc: &DocumentStatus) -> String {
    match doc.due {
        Some(d) if doc.due_computed => format!("{}, worked out from the last review", uk(d)),
        Some(d) => uk(d),
        None => String::new(),
    }
}

/// Why a document is out of date: its review overdue, its last review too old, or both.
fn lateness(doc: &DocumentStatus) -> String {
    let mut why = Vec::new();
    if doc.overdue {
        why.push(format!("review was due {}", due(doc)));
    }
    if let Some(months) = doc.stale_after_months {
        why.push(format!(
            "last reviewed {}, more than {} ago",
            doc.last_reviewed.map(uk).unwrap_or_default(),
            selfreview::metrics::documents::months_words(months)
        ));
    }
    why.join("; ")
}
