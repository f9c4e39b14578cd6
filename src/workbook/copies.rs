//! Telling a copy of a workbook from its original by the names the two files have.
//!
//! A reviewer who saves their workbook twice leaves "dsl (1).xlsx", "dsl(1).xlsx",
//! "dsl 2.xlsx", "Copy of Copy of dsl.xlsx" or "DSL.xlsx" beside "dsl.xlsx". Reading both
//! would count the reviewer twice, or the copy in place of the original, depending only on
//! which name sorts first. So each name is stripped of every copy marker, however many
//! were stacked, and a file whose stripped name is another file's is the copy; of names
//! that differ only in capitals, the one `workbook` writes (all lower case) is the
//! original.

use std::path::{Path, PathBuf};

/// The lower-case stem of a workbook's file name.
pub(super) fn stem(path: &Path) -> String {
    exact_stem(path).to_lowercase()
}

fn exact_stem(path: &Path) -> &str {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .trim()
}

/// The name a copy was made from, if `stem` (lower-case) is named as copies are: "x (1)",
/// "x(1)", "copy of x", "x - copy", "x - copy (2)", "x copy".
pub(super) fn copy_of(stem: &str) -> Option<String> {
    let mut s = stem.trim();
    if let Some(open) = s.rfind('(')
        && s.ends_with(')')
        && s.len() > open + 2
        && s[open + 1..s.len() - 1].chars().all(|c| c.is_ascii_digit())
        && open > 0
    {
        s = s[..open].trim_end();
        if let Some(base) = s.strip_suffix(" - copy") {
            return Some(base.trim().to_string());
        }
        return Some(s.to_string());
    }
    for suffix in [" - copy", " copy"] {
        if let Some(base) = s.strip_suffix(suffix) {
            return Some(base.trim().to_string());
        }
    }
    s.strip_prefix("copy of ").map(|b| b.trim().to_string())
}

/// `stem` without every copy marker stacked on it ("copy of copy of dsl (1) (1)" → "dsl"),
/// and without a number after a space ("dsl 2") where that leaves the name of another file.
fn base(stem: &str, stems: &[String]) -> String {
    let mut s = stem.to_string();
    while let Some(b) = copy_of(&s).filter(|b| !b.is_empty()) {
        s = b;
    }
    // "dsl 2", "dsl-1", "dsl (copy)", "dsl old", "dsl v2", "dsl final": a marker after a
    // space, hyphen or underscore, where what is left is the name of another file.
    for sep in [' ', '-', '_'] {
        if let Some((b, n)) = s.rsplit_once(sep)
            && is_version_mark(n)
            && stems.iter().any(|t| t == b.trim_end())
        {
            s = b.trim_end().to_string();
            break;
        }
    }
    s
}

/// What people add to a file's name to mark another version of it.
fn is_version_mark(mark: &str) -> bool {
    let m = mark.trim_matches(|c| c == '(' || c == ')');
    !m.is_empty()
        && (m.chars().all(|c| c.is_ascii_digit())
            || (m.starts_with('v') && m[1..].chars().all(|c| c.is_ascii_digit()) && m.len() > 1)
            || matches!(
                m,
                "copy" | "old" | "final" | "new" | "backup" | "draft" | "latest" | "edited"
            ))
}

/// For each path, in order: the original's lower-case stem when its name says it is a
/// copy, and whether that original is among `paths`.
pub(super) fn classify(paths: &[PathBuf]) -> Vec<Option<(String, bool)>> {
    let stems: Vec<String> = paths.iter().map(|p| stem(p)).collect();
    paths
        .iter()
        .zip(&stems)
        .map(|(path, own)| {
            let original = base(own, &stems);
            if original != *own {
                let beside = stems.contains(&original);
                return Some((original, beside));
            }
            // Names that differ only in capitals: the all-lower-case one is the original,
            // or else the first in name order.
            let mut twins: Vec<&PathBuf> = paths
                .iter()
                .zip(&stems)
                .filter(|(p, s)| *s == own && (*p == path || exact_stem(p) != exact_stem(path)))
                .map(|(p, _)| p)
                .collect();
            if twins.len() < 2 {
                return None;
            }
            twins.sort();
            let original = twins
                .iter()
                .find(|p| exact_stem(p) == stem(p))
                .unwrap_or(&twins[0]);
            (*original != path).then(|| (own.clone(), true))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_beside_their_original_are_copies() {
        let stems: Vec<String> = vec!["dsl".into()];
        for name in [
            "dsl-1",
            "dsl (copy)",
            "dsl old",
            "dsl v2",
            "dsl final",
            "dsl_2",
        ] {
            assert_eq!(base(name, &stems), "dsl", "{name}");
        }
        assert_eq!(base("dsl-team", &stems), "dsl-team");
    }

    #[test]
    fn copies_are_told_by_their_names() {
        assert_eq!(copy_of("dsl (1)"), Some("dsl".into()));
        assert_eq!(copy_of("dsl(1)"), Some("dsl".into()));
        assert_eq!(copy_of("copy of dsl"), Some("dsl".into()));
        assert_eq!(copy_of("dsl - copy"), Some("dsl".into()));
        assert_eq!(copy_of("dsl - copy (2)"), Some("dsl".into()));
        assert_eq!(copy_of("dsl copy"), Some("dsl".into()));
        assert_eq!(copy_of("dsl"), None);
        assert_eq!(copy_of("online-safety-lead (osl)"), None);
        assert_eq!(copy_of("dsl ()"), None);
        assert_eq!(copy_of("(1)"), None);
    }

    /// Each name's classification, in the order the names are given.
    fn classified(names: &[&str]) -> Vec<Option<(String, bool)>> {
        let mut paths: Vec<PathBuf> = names
            .iter()
            .map(|n| PathBuf::from(format!("scores/{n}")))
            .collect();
        paths.sort();
        let out = classify(&paths);
        names
            .iter()
            .map(|n| {
                let at = paths.iter().position(|p| p.ends_with(n)).expect("given");
                out[at].clone()
            })
            .collect()
    }

    #[test]
    fn every_kind_of_copy_beside_its_original_is_a_copy_whatever_sorts_first() {
        let copy = Some(("dsl".to_string(), true));
        for name in [
            "dsl(1).xlsx",
            "dsl 2.xlsx",
            "DSL.xlsx",
            "Copy of Copy of dsl.xlsx",
            "dsl (1) (1).xlsx",
            "Dsl - Copy (2).xlsx",
        ] {
            assert_eq!(
                classified(&["dsl.xlsx", name]),
                [None, copy.clone()],
                "{name}"
            );
        }
        // Without its original, a numbered name is only a name.
        assert_eq!(classified(&["governor 2.xlsx"]), [None]);
        assert_eq!(
            classified(&["dsl (1).xlsx"]),
            [Some(("dsl".to_string(), false))]
        );
        // Two names that differ in capitals only: the first in name order is kept.
        assert_eq!(
            classified(&["DSL.xlsx", "Dsl.xlsx"]),
            [None, Some(("dsl".to_string(), true))]
        );
        // The same name with two extensions is not a copy (two workbooks for one reviewer).
        assert_eq!(classified(&["dsl.xlsx", "dsl.ods"]), [None, None]);
    }
}
