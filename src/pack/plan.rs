//! Deciding what goes in the pack, and checking it before anything is written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::cite;
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::error::Result;
use crate::evidence::Kind;
use crate::pipeline::Reviewed;
use crate::report;

/// Where an entry's bytes come from.
#[derive(Debug)]
pub enum Source {
    /// Made by the tool.
    Bytes(Vec<u8>),
    /// A file in the evidence folder, streamed when written.
    File(PathBuf),
}

/// One file of the pack.
#[derive(Debug)]
pub struct Entry {
    /// Its path inside the pack.
    pub name: String,
    /// Its content.
    pub source: Source,
}

/// Everything the pack will hold, and what was found on the way.
#[derive(Debug)]
pub struct Plan {
    /// The entries, in name order.
    pub entries: Vec<Entry>,
    /// Missing or unsafe evidence (errors) and evidence left out (warnings).
    pub findings: Diagnostics,
    /// How many entries are evidence documents.
    pub evidence_documents: usize,
}

/// Why a source spreadsheet may not go in the pack, if it may not.
fn withheld(r: &Reviewed, file: &Path) -> Option<String> {
    let canon = file.canonicalize().ok()?;
    let source = r
        .review
        .evidence
        .iter()
        .find(|s| r.paths.root.join(&s.path).canonicalize().ok().as_ref() == Some(&canon))?;
    match source.kind {
        Kind::Incidents => Some(
            "incident records are never packed; the pack holds their anonymised summary instead"
                .into(),
        ),
        Kind::Pupils => Some("a pupil list is never packed".into()),
        _ if r.review.staff_names_in_pack => None,
        _ => Some(
            "it names staff; set `staff-names = true` under [pack] in review.toml to include it"
                .into(),
        ),
    }
}

fn unique_name(taken: &mut BTreeSet<String>, folder: &str, file: &str) -> String {
    let (stem, ext) = match file.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (file.to_string(), String::new()),
    };
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            format!("{folder}/{file}")
        } else {
            format!("{folder}/{stem} ({n}){ext}")
        };
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

/// Plans the pack: resolves every cited document, renders the reports with links into the
/// pack, and lists every entry.
pub fn plan(r: &Reviewed, templates: Option<&Path>) -> Result<Plan> {
    let mut findings = Diagnostics::default();
    let mut taken = BTreeSet::new();
    let mut by_source: BTreeMap<(String, PathBuf), String> = BTreeMap::new();
    let mut links: report::Links = BTreeMap::new();
    let mut documents: Vec<Entry> = Vec::new();
    let evidence_root = r.paths.evidence();
    for c in cite::citations(r) {
        let files = match cite::resolve(&evidence_root, &c.text) {
            Ok(files) => files,
            Err((code, message)) => {
                let help = match code {
                    Code::MissingEvidence => {
                        "put the file in the evidence folder, or correct its name in the workbook"
                    }
                    Code::EvidenceNotAFile => "cite documents: files saved in the evidence folder",
                    _ => "cite files inside the review's evidence folder only",
                };
                findings.push(
                    Diagnostic::error(code, c.at.clone(), format!("{} cites {message}", c.aspect))
                        .with_help(help),
                );
                continue;
            }
        };
        let mut first = None;
        for file in files {
            if let Some(why) = withheld(r, &file) {
                findings.push(Diagnostic::warning(
                    Code::EvidenceNotPacked,
                    c.at.clone(),
                    format!("{}: `{}` is left out of the pack: {why}", c.aspect, c.text),
                ));
                continue;
            }
            let key = (c.aspect.clone(), file.clone());
            let name = match by_source.get(&key) {
                Some(name) => name.clone(),
                None => {
                    let file_name = file
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let name =
                        unique_name(&mut taken, &format!("aspects/{}", c.aspect), &file_name);
                    by_source.insert(key, name.clone());
                    documents.push(Entry {
                        name: name.clone(),
                        source: Source::File(file.clone()),
                    });
                    name
                }
            };
            first.get_or_insert(name);
        }
        if let Some(name) = first {
            links
                .entry(c.aspect.clone())
                .or_default()
                .entry(c.text.clone())
                .or_insert(name);
        }
    }
    let shown = if r.review.staff_names_in_pack {
        r.clone()
    } else {
        anonymised(r)
    };
    let previous = report::previous_snapshot(&r.paths.history(), r.scored.review_date);
    let rendered = report::render_with_links(&shown, previous.as_ref(), templates, Some(&links))?;
    let evidence_documents = documents.len();
    let mut entries = documents;
    entries.push(Entry {
        name: "index.html".into(),
        source: Source::Bytes(rendered.report.into_bytes()),
    });
    entries.push(Entry {
        name: "governors.html".into(),
        source: Source::Bytes(rendered.governors.into_bytes()),
    });
    entries.push(Entry {
        name: "summary.xlsx".into(),
        source: Source::Bytes(rendered.summary),
    });
    for a in &shown.scored.aspects {
        if a.agreed.is_some() || !a.commentary.is_empty() {
            let name = format!("aspects/{}/commentary.txt", a.code);
            entries.push(Entry {
                name,
                source: Source::Bytes(commentary_text(&shown, a).into_bytes()),
            });
        }
    }
    for (name, bytes) in super::summaries::tables(&r.metrics)? {
        entries.push(Entry {
            name: format!("evidence-summary/{name}"),
            source: Source::Bytes(bytes),
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Plan {
        entries,
        findings,
        evidence_documents,
    })
}

/// The review with reviewers' names replaced by "Reviewer 1", "Reviewer 2", … in name order.
fn anonymised(r: &Reviewed) -> Reviewed {
    let mut out = r.clone();
    let mut names: Vec<String> = r
        .scored
        .aspects
        .iter()
        .flat_map(|a| a.reviewers.keys().cloned())
        .collect();
    names.extend(
        r.scored
            .aspects
            .iter()
            .flat_map(|a| a.commentary.iter().map(|c| c.reviewer.clone())),
    );
    names.extend(r.scored.workbooks.iter().map(|w| w.reviewer.clone()));
    names.retain(|n| n != crate::workbook::layout::GROUP_REVIEWER);
    names.sort();
    names.dedup();
    let alias: BTreeMap<String, String> = names
        .into_iter()
        .enumerate()
        .map(|(i, n)| (n, format!("Reviewer {}", i + 1)))
        .collect();
    let swap = |n: &str| alias.get(n).cloned().unwrap_or_else(|| n.to_string());
    for a in &mut out.scored.aspects {
        a.reviewers = a.reviewers.iter().map(|(n, l)| (swap(n), *l)).collect();
        for c in &mut a.commentary {
            c.reviewer = swap(&c.reviewer);
        }
    }
    for item in &mut out.scored.agenda {
        for (n, _) in &mut item.levels {
            *n = swap(n);
        }
        for c in &mut item.commentary {
            c.reviewer = swap(&c.reviewer);
        }
    }
    for w in &mut out.scored.workbooks {
        w.reviewer = swap(&w.reviewer);
    }
    out
}

fn commentary_text(r: &Reviewed, a: &crate::score::AspectScore) -> String {
    let fw = &r.framework.framework;
    let mut s = format!("{} {}\n", a.code, a.name);
    match a.agreed {
        Some(l) => s.push_str(&format!(
            "Agreed level: {l} ({}); benchmark: {}\n",
            fw.level_label(l),
            a.benchmark
        )),
        None => s.push_str(&format!("Not scored; benchmark: {}\n", a.benchmark)),
    }
    if !a.reviewers.is_empty() {
        let levels: Vec<String> = a
            .reviewers
            .iter()
            .map(|(n, l)| format!("{n}: {l}"))
            .collect();
        s.push_str(&format!("Levels given: {}\n", levels.join(", ")));
    }
    if let Some(rationale) = &a.rationale {
        s.push_str(&format!("Why the group agreed this level: {rationale}\n"));
    }
    for c in &a.commentary {
        s.push_str(&format!("\n{}:\n{}\n", c.reviewer, c.text));
    }
    if !a.evidence.is_empty() {
        s.push_str(&format!("\nEvidence cited: {}\n", a.evidence.join("; ")));
    }
    s
}
