//! The evidence summaries: what the school's records show, as CSV an assessor can open.
//!
//! The records themselves never go in the pack (incident logs name children, training
//! records name staff), yet an assessor wants to see what they show. These tables are made
//! from the metrics, which hold counts and no names, so they can travel where the records
//! cannot.

use crate::error::{Error, Result};
use crate::metrics::compute::{Count, IncidentSummary, MeetingPattern, Metrics, TrainingCoverage};
use crate::metrics::documents::Standing;
use crate::metrics::registers::Registers;

/// One summary: its file name (under `evidence-summary/` in the pack) and its bytes.
pub(super) type Summary = (String, Vec<u8>);

/// Every summary the metrics allow, in a fixed order: training coverage, meetings,
/// incidents by category, by term and by month, then the registers'.
pub(super) fn tables(m: &Metrics) -> Result<Vec<Summary>> {
    let mut out = Vec::new();
    if let Some(groups) = &m.training {
        out.push(training(groups)?);
    }
    if let Some(groups) = &m.meetings {
        out.push(meetings(groups)?);
    }
    if let Some(i) = &m.incidents {
        out.extend(incidents(i)?);
    }
    out.extend(registers(&m.registers)?);
    Ok(out)
}

/// The registers' summaries: documents with their standing (names and dates, no owners),
/// agreements signed by group and part, the terms the filtering was checked in, surveys
/// and parent engagement.
fn registers(r: &Registers) -> Result<Vec<Summary>> {
    let mut out = Vec::new();
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    if let Some(d) = &r.documents {
        out.push(documents(d)?);
    }
    if let Some(groups) = &r.agreements {
        let rows = groups.iter().flat_map(|g| {
            g.parts.iter().map(move |p| {
                // With no dates of signing, who signed this school year is not known.
                let signed = if g.dates_recorded {
                    p.signed.to_string()
                } else {
                    "not known".to_string()
                };
                vec![
                    g.group.clone(),
                    p.part.clone(),
                    signed,
                    p.of.to_string(),
                    g.since.to_string(),
                ]
            })
        });
        let header = ["group", "part", "signed", "of", "since"];
        out.push(table("agreements.csv", &header, rows)?);
    }
    if let Some(f) = &r.filtering {
        // Each term's checks with their results, so a term whose checks all failed never
        // reads as a term that passed.
        let rows = f.by_term.iter().map(|t| {
            vec![
                t.term.clone(),
                t.checks.to_string(),
                t.passed.to_string(),
                t.failed.to_string(),
                t.unclear.to_string(),
                t.outcome().to_string(),
            ]
        });
        let header = ["term", "checks", "passed", "failed", "unclear", "outcome"];
        out.push(table("filtering-checks-by-term.csv", &header, rows)?);
    }
    if let Some(groups) = &r.surveys {
        let rows = groups.iter().map(|g| {
            vec![
                g.group.clone(),
                g.count.to_string(),
                g.responses
                    .map_or("not known".to_string(), |n| n.to_string()),
                day(g.last),
            ]
        });
        let header = ["asked", "surveys", "responses", "last"];
        out.push(table("surveys.csv", &header, rows)?);
    }
    if let Some(g) = &r.engagement {
        let row = vec![
            g.sessions.to_string(),
            g.attendance.to_string(),
            g.communications.to_string(),
            g.months.to_string(),
        ];
        let header = ["sessions", "attendance", "communications", "months"];
        out.push(table("parent-engagement.csv", &header, [row])?);
    }
    Ok(out)
}

/// The policy register: each document's dates, where its due date comes from, and its
/// standing (names and dates, no owners).
fn documents(d: &crate::metrics::documents::DocumentSummary) -> Result<Summary> {
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows = d.documents.iter().map(|x| {
        let topics: Vec<&str> = x.topics.iter().map(|t| t.name()).collect();
        let name = |s: Standing| {
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        // A document both overdue and not reviewed in time is said to be both.
        let standing = if x.overdue && x.stale_after_months.is_some() {
            format!("{} {}", name(Standing::Overdue), name(Standing::Stale))
        } else {
            name(x.standing)
        };
        let due_from = match (x.due, x.due_computed) {
            (None, _) => "",
            (Some(_), true) => "worked out from the last review",
            (Some(_), false) => "register",
        };
        vec![
            x.name.clone(),
            topics.join(" "),
            day(x.last_reviewed),
            day(x.due),
            due_from.to_string(),
            standing,
        ]
    });
    let header = [
        "document",
        "topics",
        "last_reviewed",
        "review_due",
        "review_due_from",
        "standing",
    ];
    table("documents.csv", &header, rows)
}

fn training(groups: &[TrainingCoverage]) -> Result<Summary> {
    let rows = groups.iter().map(|g| {
        vec![
            g.group.clone(),
            g.people.to_string(),
            g.trained.to_string(),
            g.share.to_string(),
            g.months.to_string(),
        ]
    });
    table(
        "training-coverage.csv",
        &["group", "people", "trained", "share", "months"],
        rows,
    )
}

fn meetings(groups: &[MeetingPattern]) -> Result<Summary> {
    let rows = groups.iter().map(|g| {
        vec![
            g.group.clone(),
            g.count.to_string(),
            g.months.to_string(),
            g.longest_gap_days.to_string(),
            g.last.map(|d| d.to_string()).unwrap_or_default(),
        ]
    });
    table(
        "meetings.csv",
        &["group", "count", "months", "longest_gap_days", "last"],
        rows,
    )
}

fn incidents(i: &IncidentSummary) -> Result<[Summary; 3]> {
    let rows = |list: &[Count]| {
        list.iter()
            .map(|c| vec![c.label.clone(), c.count.to_string()])
            .collect::<Vec<_>>()
    };
    Ok([
        table(
            "incidents-by-category.csv",
            &["category", "count"],
            rows(&i.by_category),
        )?,
        table(
            "incidents-by-term.csv",
            &["term", "count"],
            rows(&i.by_term),
        )?,
        table(
            "incidents-by-month.csv",
            &["month", "count"],
            rows(&i.by_month),
        )?,
    ])
}

/// One CSV table named `name`: the header, then the rows.
fn table(
    name: &str,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<Summary> {
    let failed = |message: String| Error::EvidenceSummary {
        name: name.to_string(),
        message,
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(|e| failed(e.to_string()))?;
    for row in rows {
        w.write_record(&row).map_err(|e| failed(e.to_string()))?;
    }
    let bytes = w.into_inner().map_err(|e| failed(e.to_string()))?;
    Ok((name.to_string(), bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_its_header_then_its_rows_quoted_as_csv() {
        let (name, bytes) = table(
            "incidents-by-category.csv",
            &["category", "count"],
            [vec![
                "Cyberbullying, \"group chats\"".to_string(),
                "3".into(),
            ]],
        )
        .expect("CSV into memory");
        assert_eq!(name, "incidents-by-category.csv");
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            "category,count\n\"Cyberbullying, \"\"group chats\"\"\",3\n"
        );
    }

    #[test]
    fn a_table_with_no_rows_keeps_its_header() {
        let (_, bytes) = table("incidents-by-term.csv", &["term", "count"], []).expect("CSV");
        assert_eq!(bytes, b"term,count\n");
    }
}
