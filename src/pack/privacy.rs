//! The privacy guard: no pack is written that could hold a child's name.
//!
//! It is a stage of its own, between planning and writing, so that it sees exactly the
//! entries that would be written, generated or copied, and a refusal leaves nothing behind.
//! It fails closed. Before anything is written it checks that the names it guards against
//! were learnt: every pupil list and incident log was read, and at least one of them named
//! someone; otherwise the pack is refused, since an empty search proves nothing. Then every
//! entry the pack would hold, generated or copied, is read as text by
//! [`crate::privacy::read`] and searched, its name inside the pack too. An entry that holds a
//! name is refused; one that cannot be read as text is refused unless review.toml lists it
//! under `[pack] checked-by-hand`. Names typed into the workbooks were already found while
//! the review was read (they are findings there) and refuse the pack as well. No message
//! ever holds a name: each names the file or the cell.

use std::path::Path;

use super::plan::{Content, Entry, Plan};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::pipeline::Reviewed;
use crate::privacy::{Verdict, read};

const HELP: &str = "take the name out of the document (or cite another), then run selfreview pack again; the pack must not identify any child";

/// Checks the whole plan; any error in the result refuses the pack.
pub fn guard(r: &Reviewed, plan: &Plan) -> Diagnostics {
    let mut found = Diagnostics::default();
    if !sources_read(r, plan, &mut found) {
        return found;
    }
    found.0.extend(
        r.diagnostics
            .iter()
            .filter(|d| {
                matches!(
                    d.code,
                    Code::PrivateNameInWorkbook
                        | Code::PrivateNameInRecords
                        | Code::PrivateNameInSignOff
                )
            })
            .cloned(),
    );
    checked_files_present(r, &mut found);
    sign_off_names(r, &mut found);
    for e in &plan.entries {
        if let Some(d) = check_entry(r, e) {
            found.push(d);
        }
    }
    found
}

/// Warns of each file listed under `checked-by-hand` that is not in the evidence folder.
fn checked_files_present(r: &Reviewed, found: &mut Diagnostics) {
    for listed in &r.review.checked_by_hand {
        if !r.paths.evidence().join(listed).exists() {
            found.push(
                Diagnostic::warning(
                    Code::CheckedFileMissing,
                    Location::file(Path::new("review.toml")),
                    format!("`{}` is listed under checked-by-hand but is not in the evidence folder", listed.display()),
                )
                .with_help("give its path under evidence/, as the workbooks cite it, or take it off the list"),
            );
        }
    }
}

/// The sign-off goes into the manifest as well as index.html: its names are searched too.
fn sign_off_names(r: &Reviewed, found: &mut Diagnostics) {
    let Some(s) = &r.review.sign_off else {
        return;
    };
    let names = [&s.headteacher, &s.chair_of_governors, &s.lead];
    if names
        .iter()
        .filter_map(|n| n.as_deref())
        .any(|n| r.evidence.private.found_in(n))
    {
        found.push(
            Diagnostic::error(
                Code::PrivateNameInPack,
                Location::file(Path::new("review.toml")),
                "a name under [sign-off] is a pupil's name; the manifest and index.html would carry it",
            )
            .with_help("write the adults' names as they sign (with a title, e.g. \"Mrs J. Hall\"), then pack again"),
        );
    }
}

/// Reads one entry as text and searches it, its name too; the error that refuses it, if any.
fn check_entry(r: &Reviewed, e: &Entry) -> Option<Diagnostic> {
    let names = &r.evidence.private;
    let verdict = if names.found_in(&e.name) {
        Verdict::Name
    } else {
        match &e.content {
            Content::Bytes(bytes) => {
                read::output(names, bytes, &e.name, crate::report::own_scripts())
            }
            Content::File(path) => read::file(names, path).unwrap_or_else(|err| {
                Verdict::Unreadable(format!("it could not be opened ({err})"))
            }),
        }
    };
    let shown = match &e.content {
        Content::File(path) => shown_path(r, path),
        Content::Bytes(_) => e.name.clone(),
    };
    // A file may be named after a child: its name is shown with the name taken out.
    let shown = crate::privacy::redact(names, &shown).unwrap_or(shown);
    let entry = crate::privacy::redact(names, &e.name).unwrap_or_else(|| e.name.clone());
    let at = Location::file(Path::new(&shown));
    match verdict {
        Verdict::Clean => None,
        Verdict::Name => Some(
            Diagnostic::error(
                Code::PrivateNameInPack,
                at,
                format!("`{entry}` would hold a child's name"),
            )
            .with_help(HELP),
        ),
        Verdict::Unreadable(why) => match &e.content {
            Content::File(path) if checked_by_hand(r, path) => hidden_details(r, path, at, &entry),
            _ => Some(
                Diagnostic::error(
                    Code::UnsearchableEvidence,
                    at,
                    format!("cannot be searched for children's names: {why}"),
                )
                .with_help("open it and make sure it shows no child's name; then list it under `checked-by-hand` in the [pack] part of review.toml, or save it in a form that can be searched (text, .docx, .xlsx, a PDF with text)"),
            ),
        },
    }
}

/// A file a person has looked at: what they cannot see, its metadata, is still searched.
fn hidden_details(r: &Reviewed, path: &Path, at: Location, entry: &str) -> Option<Diagnostic> {
    read::raw(&r.evidence.private, path).unwrap_or(true).then(|| {
        Diagnostic::error(
            Code::PrivateNameInPack,
            at,
            format!("`{entry}` holds a child's name in its hidden details (a title, author or caption stored in the file)"),
        )
        .with_help("remove the file's details (in Windows: Properties, Details, Remove properties), or cite another")
    })
}

/// Whether the sources of names were all read and named someone; findings say what is wrong.
fn sources_read(r: &Reviewed, plan: &Plan, found: &mut Diagnostics) -> bool {
    for path in &r.evidence.unread {
        found.push(
            Diagnostic::error(
                Code::NamesUnreadable,
                Location::file(path),
                "this file could not be read, so the pack cannot be checked for the children it names",
            )
            .with_help("run `selfreview import` to see what is wrong with it, fix it, and run selfreview pack again"),
        );
    }
    if !r.evidence.unread.is_empty() {
        return false;
    }
    let mut empty = false;
    for (path, kind, people) in &r.evidence.name_sources {
        if *kind == crate::evidence::Kind::Pupils && *people == 0 {
            empty = true;
            found.push(
                Diagnostic::error(
                    Code::NamesUnreadable,
                    Location::file(path),
                    "this pupil list names no one that could be read, so the pack cannot be checked for the children it should name",
                )
                .with_help("export the whole pupil list again, with its name columns, and run selfreview pack again"),
            );
        }
    }
    if empty {
        return false;
    }
    if r.evidence.private.is_empty() && holds_school_text(r, plan) {
        let named: Vec<String> = r
            .evidence
            .name_sources
            .iter()
            .map(|(p, _, _)| format!("`{}`", p.display()))
            .collect();
        let message = if named.is_empty() {
            "no pupil list is listed in review.toml, so the pack cannot be checked for children's names".to_string()
        } else {
            format!(
                "{} named no one that could be read, so the pack cannot be checked for children's names",
                named.join(" and ")
            )
        };
        found.push(
            Diagnostic::error(Code::NoSourceOfNames, Location::file(Path::new("review.toml")), message)
                .with_help("export your pupil list from your management information system into evidence/, and add it to review.toml as [[evidence]] kind = \"pupils\" with its path"),
        );
        return false;
    }
    true
}

/// Whether the pack would hold anything the school typed or wrote: documents, any
/// commentary, rationale, explanation of why the records differ, planned action or owner,
/// or a name under `[sign-off]`. Only a pack of levels alone may be made with no source of
/// children's names, since there is nothing in it a name could be typed into.
fn holds_school_text(r: &Reviewed, plan: &Plan) -> bool {
    let typed = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
    plan.evidence_documents > 0
        || r.scored.aspects.iter().any(|a| {
            !a.commentary.is_empty()
                || typed(&a.rationale)
                || typed(&a.records_differ)
                || a.planned
                    .as_ref()
                    .is_some_and(|p| !p.actions.trim().is_empty() || !p.owner.trim().is_empty())
        })
        || r.review.sign_off.as_ref().is_some_and(|s| {
            [&s.headteacher, &s.chair_of_governors, &s.lead]
                .iter()
                .any(|n| n.is_some())
        })
}

/// The path a person knows a file by: under the review folder where it is.
fn shown_path(r: &Reviewed, path: &Path) -> String {
    path.strip_prefix(&r.paths.root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Whether review.toml lists `path` as checked by a person.
fn checked_by_hand(r: &Reviewed, path: &Path) -> bool {
    let evidence = r.paths.evidence();
    let Ok(canon) = path.canonicalize() else {
        return false;
    };
    r.review.checked_by_hand.iter().any(|c| {
        evidence
            .join(c)
            .canonicalize()
            .is_ok_and(|p| canon.starts_with(p))
    })
}
