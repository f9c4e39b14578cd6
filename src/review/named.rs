//! Where in the review's own files a child's name stands that the workbooks and records do
//! not explain: said in the message of an output refused at its last check, so the lead
//! can go straight to it.

use super::Paths;
use crate::privacy::{Names, redact};

/// The first place in review.toml (its line), a custom template or a framework file of the
/// review that holds one of `names`; `None` when none does (the name came some other way).
pub fn where_named(paths: &Paths, names: &Names) -> Option<String> {
    if let Ok(text) = std::fs::read_to_string(paths.review_file())
        && let Some(n) = text.lines().position(|l| names.found_in(l))
    {
        return Some(format!("{}, line {}", super::REVIEW_FILE, n + 1));
    }
    for folder in ["templates", "frameworks"] {
        let Ok(entries) = std::fs::read_dir(paths.root.join(folder)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            if let Some(n) = text.lines().position(|l| names.found_in(l)) {
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
                let name = name.unwrap_or_default();
                let name = redact(names, &name).unwrap_or(name);
                return Some(format!("{folder}/{name}, line {}", n + 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_of_review_toml_or_a_template_holding_a_name_is_told() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let paths = Paths::new(dir.path());
        let mut names = Names::default();
        names.add_cell("Jamie Fox");
        std::fs::write(paths.review_file(), "school = \"Hill\"\nlead = \"x\"\n").expect("write");
        assert_eq!(where_named(&paths, &names), None);
        std::fs::create_dir_all(dir.path().join("templates")).expect("mkdir");
        std::fs::write(
            dir.path().join("templates/report.html"),
            "<p>\n<b>Jamie Fox</b>",
        )
        .expect("write");
        assert_eq!(
            where_named(&paths, &names).as_deref(),
            Some("templates/report.html, line 2")
        );
        std::fs::write(paths.review_file(), "school = \"Jamie Fox School\"\n").expect("write");
        assert_eq!(
            where_named(&paths, &names).as_deref(),
            Some("review.toml, line 1")
        );
    }
}
