//! A mistyped key in review.toml, through the binary: every command that reads the file
//! stops with the file, line and column of the key and the known key nearest it, so a
//! school's `[evidence.role]` is never read as nothing.

use crate::{init_review, line_of, says, selfreview};

fn review_with(tail: &str, replace: Option<(&str, &str)>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    init_review(dir.path(), &[]).success();
    let path = dir.path().join("review.toml");
    let mut text = std::fs::read_to_string(&path).expect("review.toml");
    if let Some((from, to)) = replace {
        text = text.replacen(from, to, 1);
    }
    text.push_str(tail);
    std::fs::write(&path, text).expect("write review.toml");
    dir
}

fn fails(dir: &std::path::Path, command: &str) -> String {
    let out = selfreview()
        .env("SELFREVIEW_TODAY", "2026-11-01")
        .arg("-C")
        .arg(dir)
        .arg(command)
        .assert()
        .failure()
        .code(2);
    String::from_utf8(out.get_output().stderr.clone()).expect("utf-8")
}

#[test]
fn a_mistyped_table_name_is_named_with_the_one_meant() {
    let dir = review_with(
        "\n[[evidence]]\nkind = \"agreements\"\npath = \"evidence/acceptable-use-agreements.xlsx\"\n\n[evidence.role]\n\"Oak\" = \"pupils\"\n",
        None,
    );
    let text = std::fs::read_to_string(dir.path().join("review.toml")).expect("read");
    let line = line_of(&text, "[evidence.role]");
    for command in ["score", "import"] {
        let err = fails(dir.path(), command);
        says(
            &err,
            &[
                &format!(
                    "review.toml:{line}:11: error[unknown-key]: unknown key `role` in `evidence["
                ),
                "the nearest key known there is `roles`",
                "help: did you mean `roles`?",
            ],
        );
    }
}

#[test]
fn a_mistyped_key_anywhere_is_named_and_a_stranger_is_only_refused() {
    let dir = review_with(
        "\n[pack]\nstaff-name = true\n",
        Some(("[pack]\n", "[pack-old]\n")),
    );
    let err = fails(dir.path(), "score");
    says(
        &err,
        &[
            "unknown key `staff-name` in `pack`; the nearest key known there is `staff-names`",
            "error[unknown-key]: unknown key `pack-old`",
            "check the spelling against the notes in review.toml, or remove the key",
        ],
    );
}
