//! What the commands print about the school's own strings (a file's path, a citation, a key
//! or value of review.toml): a child's name in one never reaches the terminal or `--json`.

use std::path::Path;

use crate::privacy::{CLEAN, review, run, workbook};
use crate::set_checked_by_hand;

const LOG: &str = "Date,Category,Pupil\n01/10/2026,Gaming,Alfie Brooks\n";

/// Everything `args` print from `dir`, each run as it is and with `--json`.
fn printed(dir: &Path, commands: &[&[&str]]) -> String {
    let mut all = String::new();
    for args in commands {
        for json in [false, true] {
            let mut args = args.to_vec();
            if json {
                args.push("--json");
            }
            let (_, stdout, stderr) = run(dir, &args);
            all.push_str(&stdout);
            all.push_str(&stderr);
        }
    }
    all
}

fn named_nowhere(printed: &str) {
    assert!(
        !printed.contains("Alfie") && !printed.contains("Brooks"),
        "{printed}"
    );
}

const EVERY: &[&[&str]] = &[&["import"], &["score"], &["report"], &["pack"]];

#[test]
fn an_unknown_key_or_a_wrong_value_in_review_toml_named_after_a_pupil_is_not_repeated() {
    for (from, to) in [
        ("min-commentary-words = 40", "\"Alfie Brooks\" = 40"),
        (
            "min-commentary-words = 40",
            "min-commentary-words = \"Alfie Brooks\"",
        ),
    ] {
        let tmp = review(LOG, None);
        let dir = tmp.path();
        let toml = std::fs::read_to_string(dir.join("review.toml")).expect("review.toml");
        assert!(toml.contains(from), "the template sets {from}");
        std::fs::write(dir.join("review.toml"), toml.replace(from, to)).expect("write");
        let all = printed(dir, EVERY);
        assert!(
            all.contains("unknown-key") || all.contains("wrong-type"),
            "{all}"
        );
        assert!(all.contains("[name removed]"), "{all}");
        named_nowhere(&all);
    }
}

#[test]
fn a_checked_file_or_a_citation_named_after_a_pupil_is_not_repeated_by_pack() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    set_checked_by_hand(dir, &["Alfie Brooks.jpg"]);
    let all = printed(dir, &[&["pack"]]);
    assert!(all.contains("checked-file-missing"), "{all}");
    named_nowhere(&all);

    for cited in ["evidence/Alfie Brooks.pdf", "../Alfie Brooks.pdf"] {
        workbook(dir, &[("A1.1", CLEAN, cited, "", "")]);
        let all = printed(dir, &[&["pack"]]);
        assert!(
            all.contains("missing-evidence") || all.contains("unsafe-evidence-path"),
            "{all}"
        );
        named_nowhere(&all);
    }
}

#[test]
fn an_evidence_file_named_after_a_pupil_is_not_repeated_by_import() {
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::write(dir.join("evidence/Alfie Brooks.csv"), "Date,Meeting\n").expect("write");
    let toml = std::fs::read_to_string(dir.join("review.toml")).expect("review.toml");
    let toml = format!(
        "{toml}\n[[evidence]]\nkind = \"meetings\"\npath = \"evidence/Alfie Brooks.csv\"\n"
    );
    std::fs::write(dir.join("review.toml"), toml).expect("write");
    let all = printed(dir, &[&["import"]]);
    assert!(all.contains("[name removed]"), "{all}");
    named_nowhere(&all);
}

#[test]
fn while_a_pupil_list_cannot_be_read_no_message_can_repeat_a_name_from_it() {
    // A pupil list saved as UTF-16 with no byte-order mark cannot be read, so its names are
    // not known; review.toml has a key named after one of them and an unquoted value.
    let list: Vec<u8> = "First name,Surname\r\nPoppy,Walsh\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for (from, to) in [
        ("min-commentary-words = 40", "\"Poppy Walsh\" = 3"),
        (
            "min-commentary-words = 40",
            "min-commentary-words = Poppy Walsh",
        ),
    ] {
        let tmp = review(LOG, Some("First name,Surname\nAda,Lane\n"));
        let dir = tmp.path();
        std::fs::write(dir.join("evidence/pupils.csv"), &list).expect("write");
        let toml = std::fs::read_to_string(dir.join("review.toml")).expect("review.toml");
        std::fs::write(dir.join("review.toml"), toml.replace(from, to)).expect("write");
        let mut commands = EVERY.to_vec();
        commands.push(&["workbook"]);
        let all = printed(dir, &commands);
        assert!(all.contains("evidence/pupils.csv"), "{all}");
        assert!(all.contains("is withheld"), "{all}");
        assert!(!all.contains("Poppy") && !all.contains("Walsh"), "{all}");
        named_nowhere(&all);
    }
}
