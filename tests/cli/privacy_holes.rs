//! Names that reach an output only in pieces or by a side road: a citation cut at its comma
//! into two halves of a name, and an output path given on the command line.

use crate::privacy::{CLEAN, outputs, review, run, workbook};

const LOG: &str = "Date,Category,Pupil\n01/10/2026,Gaming,Jamie Fox\n";
const PUPILS: &str = "First name,Surname\nSummer,Rain\nWill,Bell\nGrace,Adeyemi\n";

#[test]
fn a_citation_cut_into_halves_of_a_name_is_never_shown_in_either_half() {
    let tmp = review(LOG, Some(PUPILS));
    let dir = tmp.path();
    workbook(
        dir,
        &[(
            "A1.1",
            CLEAN,
            "policy.pdf, documents/Grace, Adeyemi.txt",
            "",
            "",
        )],
    );
    for args in [&["score"][..], &["score", "--json"], &["report"], &["pack"]] {
        let (status, stdout, stderr) = run(dir, args);
        assert_eq!(status, 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("error[private-name-in-workbook]")
                || stdout.contains("\"private-name-in-workbook\""),
            "{args:?}: {stderr}"
        );
        for half in ["Adeyemi", "documents/Grace"] {
            assert!(
                !stdout.contains(half) && !stderr.contains(half),
                "{args:?} printed `{half}`:\n{stdout}{stderr}"
            );
        }
    }
    for (path, text) in outputs(dir) {
        assert!(!text.contains("Adeyemi"), "{}", path.display());
        assert!(!text.contains("documents/Grace"), "{}", path.display());
    }
}

#[test]
fn a_pack_is_never_written_under_a_childs_name_given_on_the_command_line() {
    let tmp = review(LOG, Some(PUPILS));
    let dir = tmp.path();
    for name in [
        "out/Grace Adeyemi.zip",
        "out/adeyemi_grace.zip",
        "Summer Rain/pack.zip",
    ] {
        let (status, stdout, stderr) = run(dir, &["pack", "-o", name]);
        assert_eq!(status, 2, "{name}: {stderr}");
        assert!(stderr.contains("--output"), "{name}: {stderr}");
        for s in ["Adeyemi", "adeyemi", "Summer Rain"] {
            assert!(
                !stdout.contains(s) && !stderr.contains(s),
                "{name}: {stderr}"
            );
        }
        assert!(!dir.join(name).exists(), "{name} written");
    }
    let entries: Vec<_> = std::fs::read_dir(dir.join("out"))
        .expect("out")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(entries.is_empty(), "{entries:?}");
    let (status, _, stderr) = run(dir, &["pack", "-o", "out/ours.zip"]);
    assert_eq!(status, 0, "{stderr}");
}
