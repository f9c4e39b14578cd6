//! Reading the Evidence column: how several citations in one cell are told apart, and how
//! a cited name finds its file.
//!
//! The rule, as the README gives it to schools:
//!
//! 1. Each line of the cell is read on its own.
//! 2. A line that names a file or folder in `evidence/` as a whole is one citation, commas,
//!    semicolons and all ("minutes, spring 2025.txt").
//! 3. Otherwise the line is cut at semicolons and commas, and neighbouring pieces are put
//!    back together wherever they make the name of an existing file, longest first, so a
//!    file's name is never cut in two; the other pieces are citations on their own.
//!
//! 4. Neighbouring pieces that, put back together, hold something that must stay whole
//!    (a child's name typed as "Grace, Adeyemi.txt") are kept as one citation, so that the
//!    name is found, taken out of what is shown, and never printed half by half.
//!
//! Names are compared in Unicode normal form C, so "é" typed as one character and as "e"
//! with an accent mark find the same file, whichever way the file system stores it.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// The citations in an Evidence cell; `exists` says whether a name is in the evidence
/// folder (give `|_| false` where the folder is not known).
pub fn split(cell: &str, exists: &dyn Fn(&str) -> bool) -> Vec<String> {
    split_keeping(cell, exists, &|_| false)
}

/// The citations in an Evidence cell, as [`split`] tells them apart, except that a run of
/// neighbouring pieces for which `whole` holds (and which no shorter run from its first
/// piece does without that piece) is kept as one citation.
pub fn split_keeping(
    cell: &str,
    exists: &dyn Fn(&str) -> bool,
    whole: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut out = Vec::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if exists(line) {
            out.push(line.to_string());
            continue;
        }
        let pieces: Vec<&str> = pieces(line);
        let mut i = 0;
        while i < pieces.len() {
            // The longest run of pieces from here that names a file, else the piece alone.
            let joined = (i + 1..=pieces.len())
                .rev()
                .map(|j| (j, pieces[i..j].concat()))
                .find(|(j, text)| *j > i + 1 && exists(clean(text)))
                .or_else(|| kept_whole(&pieces, i, whole));
            let (next, text) = joined.unwrap_or((i + 1, pieces[i].to_string()));
            let text = clean(&text);
            if !text.is_empty() {
                out.push(text.to_string());
            }
            i = next;
        }
    }
    out
}

/// The shortest run of two or more pieces from `i` that `whole` holds for, when the pieces
/// after `i` do not hold it alone: `i` is part of what must stay whole.
fn kept_whole(pieces: &[&str], i: usize, whole: &dyn Fn(&str) -> bool) -> Option<(usize, String)> {
    if whole(clean(pieces[i])) {
        return None;
    }
    (i + 2..=pieces.len()).find_map(|j| {
        let text = pieces[i..j].concat();
        let rest = pieces[i + 1..j].concat();
        (whole(clean(&text)) && !whole(clean(&rest))).then_some((j, text))
    })
}

/// The line cut after each semicolon and comma, each piece keeping its separator, so that
/// pieces put back together read exactly as typed.
fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, ch) in line.char_indices() {
        if ch == ';' || ch == ',' {
            out.push(&line[start..=i]);
            start = i + 1;
        }
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// A piece without its trailing separator and surrounding spaces.
fn clean(text: &str) -> &str {
    text.trim().trim_end_matches([';', ',']).trim()
}

/// A name in Unicode normal form C.
pub fn nfc(name: &str) -> String {
    name.nfc().collect()
}

/// The path of `rel` (a `/`-separated name inside `root`) as it is on disk, matching each
/// part in normal form C when it is not found as written; `None` when there is no such
/// entry. Links are not followed here: the caller checks where they lead.
pub fn locate(root: &Path, rel: &str) -> Option<PathBuf> {
    let direct = root.join(rel);
    if direct.symlink_metadata().is_ok() {
        return Some(direct);
    }
    let mut at = root.to_path_buf();
    for part in rel.split('/').filter(|p| !p.is_empty() && *p != ".") {
        let exact = at.join(part);
        if exact.symlink_metadata().is_ok() {
            at = exact;
            continue;
        }
        let want = nfc(part);
        let found = std::fs::read_dir(&at)
            .ok()?
            .filter_map(Result::ok)
            .find(|e| nfc(&e.file_name().to_string_lossy()) == want)?;
        at = found.path();
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(files: &'static [&'static str]) -> impl Fn(&str) -> bool {
        move |name: &str| files.contains(&name)
    }

    #[test]
    fn a_name_with_commas_or_semicolons_is_never_cut() {
        let files = with(&["minutes, spring 2025.txt", "a; b.pdf", "policy.pdf"]);
        assert_eq!(
            split("minutes, spring 2025.txt", &files),
            ["minutes, spring 2025.txt"]
        );
        assert_eq!(
            split("policy.pdf, minutes, spring 2025.txt; a; b.pdf", &files),
            ["policy.pdf", "minutes, spring 2025.txt", "a; b.pdf"]
        );
        assert_eq!(
            split("policy.pdf\nminutes, spring 2025.txt\n\n", &files),
            ["policy.pdf", "minutes, spring 2025.txt"]
        );
    }

    #[test]
    fn pieces_that_hold_a_name_only_together_stay_one_citation() {
        let none = |_: &str| false;
        let name = |t: &str| t.contains("Grace") && t.contains("Adeyemi");
        assert_eq!(
            split_keeping(
                "policy.pdf, documents/Grace, Adeyemi.txt; b.pdf",
                &none,
                &name
            ),
            ["policy.pdf", "documents/Grace, Adeyemi.txt", "b.pdf"]
        );
        // Only the pieces the name needs are joined.
        assert_eq!(
            split_keeping("a.pdf, Grace; Adeyemi, b.pdf", &none, &name),
            ["a.pdf", "Grace; Adeyemi", "b.pdf"]
        );
        assert_eq!(
            split("documents/Grace, Adeyemi.txt", &none),
            ["documents/Grace", "Adeyemi.txt"]
        );
    }

    #[test]
    fn names_not_in_the_folder_are_cut_at_every_separator() {
        let none = |_: &str| false;
        assert_eq!(
            split("a.pdf; b.pdf, c.pdf", &none),
            ["a.pdf", "b.pdf", "c.pdf"]
        );
        assert_eq!(split(" ; ,\n", &none), Vec::<String>::new());
    }

    #[test]
    fn composed_and_decomposed_accents_find_the_same_file() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let decomposed = "cafe\u{301}";
        std::fs::create_dir(dir.path().join(decomposed)).expect("folder");
        std::fs::write(dir.path().join(decomposed).join("menu.txt"), "x").expect("write");
        let found = locate(dir.path(), "caf\u{e9}/menu.txt").expect("found");
        assert_eq!(found, dir.path().join(decomposed).join("menu.txt"));
        assert_eq!(locate(dir.path(), "cafe/menu.txt"), None);
    }
}
