//! What the pack will hold: every entry with its name inside the zip and where its bytes
//! come from.
//!
//! Planning is split from writing so that the privacy guard can check every entry, and the
//! whole pack can be refused, before a byte is written. The evidence documents are planned
//! first, from the workbooks' citations: each is resolved in the evidence folder, left out
//! when it is a source spreadsheet that names people, and given a name under its aspect's
//! folder that no other document takes. Their names inside the pack are the links the
//! reports are then rendered with ([`super::contents`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::cite::{self, Cited, Unresolved};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::evidence::Kind;
use crate::pipeline::Reviewed;
use crate::report::Links;

/// Where an entry's bytes come from.
#[derive(Debug)]
pub enum Content {
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
    pub content: Content,
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

impl Plan {
    /// The plan of the evidence `documents` and the files `made` by the tool, in name order.
    pub fn new(documents: Documents, made: Vec<Entry>) -> Self {
        let evidence_documents = documents.entries.len();
        let mut entries = documents.entries;
        entries.extend(made);
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Self {
            entries,
            findings: documents.findings,
            evidence_documents,
        }
    }
}

/// The evidence documents the workbooks cite, planned.
#[derive(Debug, Default)]
pub struct Documents {
    /// One entry per document, in the order first cited.
    pub entries: Vec<Entry>,
    /// For each aspect, each citation → the name inside the pack of the first file it names.
    pub links: Links,
    /// Citations that cannot be packed (errors) and documents left out (warnings).
    pub findings: Diagnostics,
    /// The names given so far, and the name given to each (aspect, file).
    names: Names,
}

/// Plans the evidence documents: every citation in every workbook, resolved in the evidence
/// folder. A citation that cannot be resolved is an error finding; a source spreadsheet that
/// names people is left out with a warning.
pub fn documents(r: &Reviewed) -> Documents {
    let mut documents = Documents::default();
    let evidence = r.paths.evidence();
    for c in cite::citations(r) {
        match cite::resolve(&evidence, c.text) {
            Ok(files) => documents.add(r, &c, files),
            Err(why) => documents.findings.push(unresolved(&c, why)),
        }
    }
    documents
}

impl Documents {
    /// Adds the files citation `c` names; the first one packed is what the citation links to.
    fn add(&mut self, r: &Reviewed, c: &Cited<'_>, files: Vec<PathBuf>) {
        let mut first = None;
        for file in files {
            if let Some(why) = withheld(r, &file) {
                self.findings.push(Diagnostic::warning(
                    Code::EvidenceNotPacked,
                    c.at.clone(),
                    format!("{}: `{}` is left out of the pack: {why}", c.aspect, c.text),
                ));
                continue;
            }
            let (name, new) = self.names.name(c.aspect, &file);
            if new {
                self.entries.push(Entry {
                    name: name.clone(),
                    content: Content::File(file),
                });
            }
            first.get_or_insert(name);
        }
        if let Some(name) = first {
            self.links
                .entry(c.aspect.to_string())
                .or_default()
                .entry(c.text.to_string())
                .or_insert(name);
        }
    }
}

/// The error finding for a citation that cannot be packed.
fn unresolved(c: &Cited<'_>, why: Unresolved) -> Diagnostic {
    let help = match why.code {
        Code::MissingEvidence => {
            "put the file in the evidence folder, or correct its name in the workbook"
        }
        Code::EvidenceNotAFile => "cite documents: files saved in the evidence folder",
        _ => "cite files inside the review's evidence folder only",
    };
    Diagnostic::error(
        why.code,
        c.at.clone(),
        format!("{} cites {}", c.aspect, why.message),
    )
    .with_help(help)
}

/// Why a source spreadsheet may not go in the pack, if it may not.
fn withheld(r: &Reviewed, file: &Path) -> Option<&'static str> {
    let canon = file.canonicalize().ok()?;
    let source = r
        .review
        .evidence
        .iter()
        .find(|s| r.paths.root.join(&s.path).canonicalize().ok().as_ref() == Some(&canon))?;
    match source.kind {
        Kind::Incidents => Some(
            "incident records are never packed; the pack holds their anonymised summary instead",
        ),
        Kind::Pupils => Some("a pupil list is never packed"),
        Kind::Agreements => Some(
            "records of acceptable use agreements may name pupils, so they are never packed; the report gives their figures instead",
        ),
        _ if r.review.staff_names_in_pack => None,
        _ => Some(
            "it names staff; set `staff-names = true` under [pack] in review.toml to include it",
        ),
    }
}

/// The names evidence documents take inside the pack: `aspects/<aspect>/<file name>`, with
/// " (2)", " (3)", … before the extension when two files of one name are cited for an
/// aspect. The same file cited twice for an aspect is packed once.
#[derive(Debug, Default)]
struct Names {
    taken: BTreeSet<String>,
    given: BTreeMap<(String, PathBuf), String>,
}

impl Names {
    /// The name of `file` under `aspect`, and whether it is newly given.
    fn name(&mut self, aspect: &str, file: &Path) -> (String, bool) {
        let key = (aspect.to_string(), file.to_path_buf());
        if let Some(name) = self.given.get(&key) {
            return (name.clone(), false);
        }
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = self.unique(&format!("aspects/{aspect}"), &file_name);
        self.given.insert(key, name.clone());
        (name, true)
    }

    fn unique(&mut self, folder: &str, file: &str) -> String {
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
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_one_name_are_numbered_and_a_file_cited_twice_is_named_once() {
        let mut names = Names::default();
        let policy = Path::new("/r/evidence/policy.pdf");
        let older = Path::new("/r/evidence/older/policy.pdf");
        assert_eq!(
            names.name("A1.1", policy),
            ("aspects/A1.1/policy.pdf".to_string(), true)
        );
        assert_eq!(
            names.name("A1.1", older),
            ("aspects/A1.1/policy (2).pdf".to_string(), true)
        );
        assert_eq!(
            names.name("A1.1", policy),
            ("aspects/A1.1/policy.pdf".to_string(), false)
        );
        assert_eq!(
            names.name("A2.1", older),
            ("aspects/A2.1/policy.pdf".to_string(), true)
        );
        let dotted = Path::new("/r/evidence/.notes");
        assert_eq!(names.name("A1.1", dotted).0, "aspects/A1.1/.notes");
        assert_eq!(
            names.name("A1.1", Path::new("/r/evidence/x/.notes")).0,
            "aspects/A1.1/.notes (2)"
        );
    }
}
