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

/// The names on the lists of children that the review folder at `root` names; empty when
/// there is no review.toml or it names none.
pub fn names_to_keep_out(root: &Path) -> Names {
    let sources = match review::load(root) {
        Ok((review, _)) => review.evidence,
        Err(_) => loose_sources(root),
    };
    let mut evidence = Evidence::default();
    for source in sources.iter().filter(|s| s.kind.names_children()) {
        let path = root.join(&source.path);
        // A list that cannot be read is reported by the command itself, which then refuses.
        let _ = import::import(&Request::for_source(source, &path), &mut evidence);
    }
    evidence.private
}

/// The `[[evidence]]` sources of a review.toml that does not validate, read as plain TOML
/// with the standard headings (a syntax error leaves none).
fn loose_sources(root: &Path) -> Vec<SourceSpec> {
    let file = review::Paths::new(root).review_file();
    let Ok(text) = std::fs::read_to_string(file) else {
        return Vec::new();
    };
    let Ok(table) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let Some(toml::Value::Array(items)) = table.get("evidence") else {
        return Vec::new();
    };
    items
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
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pupil_list_is_read_even_when_review_toml_has_a_problem() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("evidence")).expect("mkdir");
        std::fs::write(
            dir.path().join("evidence/pupils.csv"),
            "First name,Surname\nJamie,Fox\n",
        )
        .expect("write");
        let toml = "school = \"Hill\"\n\"Jamie Fox\" = 40\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.csv\"\n";
        std::fs::write(dir.path().join("review.toml"), toml).expect("write");
        assert!(review::load(dir.path()).is_err());
        assert!(names_to_keep_out(dir.path()).found_in("Jamie Fox"));
        std::fs::remove_file(dir.path().join("review.toml")).expect("remove");
        assert!(names_to_keep_out(dir.path()).is_empty());
    }
}
