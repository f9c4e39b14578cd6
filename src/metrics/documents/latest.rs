//! Which row of a policy register is the latest review of its document: rows of one
//! document reviewed year after year ("E-Safety Policy 2024-25", "E-Safety Policy 2026")
//! are known as one by their names without years and versions.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::evidence::import::Evidence;
use crate::evidence::registers::Document;

/// A document's name without its years, versions and drafts, so that the rows of one
/// document reviewed year after year are known as one. Only a year ("2024", "2024-25") or a
/// version ("v2", "version 3", "1.1") is taken away: a key stage, a year group or a part
/// ("Images Policy KS1", "Year 6 residential policy") names another document.
fn family(name: &str) -> String {
    let words: Vec<String> = crate::text::normalise(name)
        .split(' ')
        .map(str::to_string)
        .collect();
    let mut kept: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let before = i.checked_sub(1).map(|b| words[b].as_str());
        let digits = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
        let numbered = matches!(
            before,
            Some("year" | "yr" | "y" | "ks" | "stage" | "phase" | "part" | "section" | "key")
        );
        let version =
            w.len() > 1 && w.starts_with('v') && w[1..].chars().all(|c| c.is_ascii_digit());
        let worded = [
            "v", "version", "draft", "final", "updated", "revised", "rev",
        ];
        if (digits && !numbered) || version || worded.contains(&w.as_str()) {
            continue;
        }
        kept.push(w);
    }
    kept.join(" ")
}

/// The latest review on or before `as_of` of each document, by [`family`]: a row reviewed
/// before its document's latest is replaced. Worked out once, so a long register is read
/// in one pass.
pub struct Latest(BTreeMap<String, NaiveDate>);

impl Latest {
    /// The latest reviews of the register's documents as of `as_of`.
    pub fn of(e: &Evidence, as_of: NaiveDate) -> Self {
        let mut latest: BTreeMap<String, NaiveDate> = BTreeMap::new();
        for d in &e.documents {
            if let Some(r) = d.last_reviewed.filter(|r| *r <= as_of) {
                let entry = latest.entry(family(&d.name)).or_insert(r);
                *entry = (*entry).max(r);
            }
        }
        Latest(latest)
    }

    pub(super) fn replaces(&self, d: &Document) -> bool {
        d.last_reviewed
            .is_some_and(|mine| self.0.get(&family(&d.name)).is_some_and(|l| *l > mine))
    }
}
