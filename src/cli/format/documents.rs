//! The lines about the policy register: what `import` shows of each document out of date
//! or falling due, and the sentence the demo says about the sample school's register.

use selfreview::dates::uk;
use selfreview::metrics::documents::{DocumentSummary, Standing};

use super::registers::line;

/// What the policy register shows: the documents out of date and falling due.
pub fn demo(r: &selfreview::pipeline::Reviewed) -> String {
    let Some(d) = &r.metrics.registers.documents else {
        return String::new();
    };
    let late = d.count(Standing::Overdue) + d.count(Standing::Stale);
    format!(
        " Key documents: {} of {} out of date, {} due for review in the next 90 days.",
        late,
        d.documents.len(),
        d.count(Standing::DueSoon)
    )
}

/// The register's line of `import`, and one line for each document out of date or due soon.
pub fn documents(s: &mut String, d: &DocumentSummary) {
    line(
        s,
        &format!(
            "  documents: {} listed, {} overdue, {} reviewed too long ago, {} due in the next 90 days, {} undated",
            d.documents.len(),
            d.count(Standing::Overdue),
            d.count(Standing::Stale),
            d.count(Standing::DueSoon),
            d.count(Standing::Undated)
        ),
    );
    for doc in d
        .documents
        .iter()
        .filter(|x| matches!(x.standing, Standing::Overdue | Standing::Stale))
    {
        let due = doc.due.map(uk).unwrap_or_default();
        line(
            s,
            &format!("    out of date: “{}” (review was due {due})", doc.name),
        );
    }
    for doc in d.due_soon() {
        let due = doc.due.map(uk).unwrap_or_default();
        line(s, &format!("    due soon: “{}” (by {due})", doc.name));
    }
    if !d.topics_missing.is_empty() {
        let missing: Vec<&str> = d.topics_missing.iter().map(|t| t.words()).collect();
        line(
            s,
            &format!("    not in the register: {}", missing.join(", ")),
        );
    }
}
