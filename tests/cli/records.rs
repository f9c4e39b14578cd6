//! `selfreview import` on records that could mislead: quotes that swallow rows, columns
//! it does not recognise, records dated after the review.

use std::path::Path;

use crate::selfreview;

/// `import --kind KIND FILE` in `dir`, expecting `code`: (stdout, stderr).
fn import(dir: &Path, kind: &str, file: &str, code: i32) -> (String, String) {
    let out = selfreview()
        .current_dir(dir)
        .args(["import", "--as-of", "2025-11-20", "--kind", kind, file])
        .assert()
        .code(code)
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

#[test]
fn a_quote_closed_lines_later_is_refused_naming_its_line() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let head = "Name,Role,Date completed\n\"Amy Lee,Teacher,01/03/2025\nBen Hart,Teacher,01/03/2025\nCat Doe,Teacher,01/03/2025\n";
    let cases = [
        ("pair.csv", format!("{head}\"Dan Fox\",Teacher,01/03/2025\nEve Gold,Teacher,01/03/2025\n")),
        ("variant.csv", "Name,Role,Date completed\n\"Amy Lee,Teacher,01/03/2025\nDan Fox,\"Teacher\",01/03/2025\nEve Gold,Teacher,01/03/2025\n".to_string()),
    ];
    for (name, text) in cases {
        std::fs::write(tmp.path().join(name), text).expect("write");
        let (_, stderr) = import(tmp.path(), "training", name, 2);
        assert!(
            stderr.contains("line 2: a cell starts with a quote"),
            "{name}: {stderr}"
        );
    }
    // A notes cell over two lines, with a comma in it, is still one cell.
    std::fs::write(
        tmp.path().join("notes.csv"),
        "Name,Role,Date completed,Notes\nAmy Lee,Teacher,01/03/2025,\"Refresher booked.\nSee HR, May\"\nBen Hart,Teacher,01/03/2025,\n",
    )
    .expect("write");
    let (stdout, _) = import(tmp.path(), "training", "notes.csv", 0);
    assert!(stdout.contains("2 read, 2 used"), "{stdout}");
}
