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
