//! The line printed in place of the findings withheld while a file that names children
//! cannot be read: how many of each kind, and their codes, which quote nothing.

use std::collections::BTreeMap;

use selfreview::{Diagnostic, Severity};

/// One line in place of withheld findings: how many of each severity, by their codes
/// (the tool's own words, which quote nothing); `None` when there are none.
pub fn withheld_findings<'a>(findings: impl Iterator<Item = &'a Diagnostic>) -> Option<String> {
    let mut by: BTreeMap<(Severity, String), usize> = BTreeMap::new();
    for d in findings {
        *by.entry((d.severity, d.code.to_string())).or_default() += 1;
    }
    if by.is_empty() {
        return None;
    }
    let count = |s: Severity| -> usize {
        by.iter()
            .filter(|((severity, _), _)| *severity == s)
            .map(|(_, n)| n)
            .sum()
    };
    let mut kinds = Vec::new();
    for (s, one, many) in [
        (Severity::Error, "problem to fix", "problems to fix"),
        (Severity::Warning, "warning", "warnings"),
    ] {
        let n = count(s);
        if n > 0 {
            kinds.push(selfreview::text::plural(n, one, many));
        }
    }
    let codes: Vec<String> = by
        .iter()
        .map(|((severity, code), n)| format!("{severity}[{code}] ×{n}"))
        .collect();
    Some(format!(
        "Also withheld: {}, shown in full once that file can be read (by code: {}).",
        kinds.join(" and "),
        codes.join(", ")
    ))
}
