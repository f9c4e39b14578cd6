//! The children's names that nothing the command line prints may repeat, read before any
//! command runs.
//!
//! Each stage takes names out of what it reports, but a message built from a file name, a
//! citation or a key of review.toml is made before (or without) those stages: a review.toml
//! that cannot be read stops every command before its pupil list is imported. So the pupil
//! lists, incident logs and agreements logs the folder names are read here first (from
//! review.toml as written, even when it has problems), for the printing to take every name
//! out of every message, warning, error and JSON document.

use std::path::{Path, PathBuf};

use crate::evidence::import::{self, Evidence, Request};
use crate::evidence::{Kind, SourceSpec};
use crate::privacy::Names;
use crate::review;

/// The children's names a folder's lists give, and the lists that could not be read.
#[derive(Debug, Default)]
pub struct KeptOut {
    /// The names read.
    pub names: Names,
    /// Each list of children that could not be read, with why; while any is here, a
    /// message might quote a name the tool does not know, so the printing withholds it.
    pub unread: Vec<String>,
}

/// The names on the lists of children that the review folder at `root` names; empty when
/// there is no review.toml or it names none. A list that cannot be read, or a review.toml
/// too broken to say which lists it names, is in `unread`: fail closed.
pub fn names_to_keep_out(root: &Path) -> KeptOut {
    let sources = match review::load(root) {
        Ok((review, _)) => review.evidence,
        Err(_) => match loose_sources(root) {
            Some(sources) => sources,
            None => {
                return KeptOut {
                    names: Names::default(),
                    unread: vec![
                        "review.toml cannot be read as TOML, so which lists of children it names is not known"
                            .into(),
                    ],
                };
            }
        },
    };
    let mut kept = KeptOut::default();
    let mut evidence = Evidence::default();
    for source in sources.iter().filter(|s| s.kind.names_children()) {
        let path = root.join(&source.path);
        match import::import(&Request::for_source(source, &path), &mut evidence) {
            Err(e) => kept.unread.push(format!("{}: {e}", source.path.display())),
            // A pupil list with rows but no name read from them is not understood: its
            // names are not known.
            Ok(report)
                if source.kind == Kind::Pupils && report.rows_read > 0 && report.rows_used == 0 =>
            {
                kept.unread.push(format!(
                    "{}: none of its rows gave a child's name, so its name columns were not recognised",
                    source.path.display()
                ));
            }
            Ok(_) => {}
        }
    }
    kept.names = evidence.private;
    kept
}

/// The `[[evidence]]` sources of a review.toml that does not validate, read as plain TOML
/// with the standard headings (a list the school mapped headings for then fails to import,
/// and is unread). A line that is not TOML is blanked and the rest read again, so one typo
/// does not hide which lists the folder names; `None` when a blanked line was inside an
/// `[[evidence]]` entry (that entry is not known) or the text cannot be read at all.
fn loose_sources(root: &Path) -> Option<Vec<SourceSpec>> {
    let file = review::Paths::new(root).review_file();
    let Ok(text) = std::fs::read_to_string(file) else {
        return Some(Vec::new());
    };
    let table = readable_part(&text)?;
    let Some(toml::Value::Array(items)) = table.get("evidence") else {
        return Some(Vec::new());
    };
    let sources = items
        .iter()
        .filter_map(|item| {
            let kind: Kind = item.get("kind")?.as_str()?.parse().ok()?;
            let path = PathBuf::from(item.get("path")?.as_str()?);
            let sheet = item.get("sheet").and_then(|s| s.as_str()).map(String::from);
            Some(SourceSpec {
                kind,
                path,
                sheet,
                columns: Default::default(),
                maps: Default::default(),
            })
        })
        .collect();
    Some(sources)
}

/// `text` read as TOML with each line that stops the reading blanked, one at a time (at
/// most 50); `None` when a blanked line belongs to an `[[evidence]]` entry.
fn readable_part(text: &str) -> Option<toml::Table> {
    let mut lines: Vec<&str> = text.lines().collect();
    for _ in 0..50 {
        let joined = lines.join("\n");
        let err = match joined.parse::<toml::Table>() {
            Ok(table) => return Some(table),
            Err(err) => err,
        };
        let at = err.span()?.start.min(joined.len());
        let line = joined[..at].matches('\n').count();
        if line >= lines.len() || lines[line].is_empty() || in_evidence_entry(&lines, line) {
            return None;
        }
        lines[line] = "";
    }
    None
}

/// Whether line `at` lies in an `[[evidence]]` entry (or its sub-tables), or is a table
/// heading itself.
fn in_evidence_entry(lines: &[&str], at: usize) -> bool {
    if lines[at].trim_start().starts_with('[') {
        return true;
    }
    lines[..at]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| l.starts_with('['))
        .is_some_and(|heading| {
            heading
                .trim_start_matches('[')
                .trim_start()
                .starts_with("evidence")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder whose evidence/pupils.csv names Jamie Fox.
    fn folder_with_pupils() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("evidence")).expect("mkdir");
        let list = "First name,Surname\nJamie,Fox\n";
        std::fs::write(dir.path().join("evidence/pupils.csv"), list).expect("write");
        dir
    }

    #[test]
    fn the_pupil_list_is_read_even_when_review_toml_has_a_problem() {
        let dir = folder_with_pupils();
        let toml = "school = \"Hill\"\n\"Jamie Fox\" = 40\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.csv\"\n";
        std::fs::write(dir.path().join("review.toml"), toml).expect("write");
        assert!(review::load(dir.path()).is_err());
        assert!(names_to_keep_out(dir.path()).names.found_in("Jamie Fox"));
        std::fs::remove_file(dir.path().join("review.toml")).expect("remove");
        assert!(names_to_keep_out(dir.path()).names.is_empty());
    }

    #[test]
    fn a_list_that_cannot_be_read_or_a_review_toml_that_is_no_toml_is_unread() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let toml =
            "school = \"Hill\"\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/gone.csv\"\n";
        std::fs::write(dir.path().join("review.toml"), toml).expect("write");
        let kept = names_to_keep_out(dir.path());
        assert_eq!(kept.unread.len(), 1, "{:?}", kept.unread);
        assert!(
            kept.unread[0].starts_with("evidence/gone.csv: "),
            "{:?}",
            kept.unread
        );
        std::fs::write(dir.path().join("review.toml"), "school = [").expect("write");
        assert!(names_to_keep_out(dir.path()).unread.is_empty());
        let broken = "school = [\n[[evidence]]\nkind = \"pupils\"\npath = evidence/gone.csv\n";
        std::fs::write(dir.path().join("review.toml"), broken).expect("write");
        assert_eq!(names_to_keep_out(dir.path()).unread.len(), 1);
    }

    #[test]
    fn a_line_that_is_not_toml_outside_the_evidence_entries_hides_no_list() {
        let dir = folder_with_pupils();
        let toml = "school = \"Hill\"\nreview_date = 2026/01/05\nlead = Jamie Fox\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.csv\"\n";
        std::fs::write(dir.path().join("review.toml"), toml).expect("write");
        let kept = names_to_keep_out(dir.path());
        assert!(kept.unread.is_empty(), "{:?}", kept.unread);
        assert!(kept.names.found_in("Jamie Fox"));
    }
}
