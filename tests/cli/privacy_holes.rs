//! Names that reach an output only in pieces or by a side road: a citation cut at its comma
//! into two halves of a name, and an output path given on the command line.

use crate::content_pdf;
use crate::privacy::{CLEAN, outputs, refused, review, run, workbook};

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

#[test]
fn a_pdf_drawing_a_names_letters_out_of_order_refuses_the_pack() {
    let tmp = review(LOG, Some(PUPILS));
    let dir = tmp.path();
    // Each letter drawn on its own, in an order that is not the reading order.
    let letters: Vec<(usize, char)> = "Grace Adeyemi".chars().enumerate().collect();
    let order = [7, 2, 11, 0, 9, 4, 12, 1, 6, 10, 3, 8];
    let content: String = order
        .iter()
        .map(|&i| letters[i])
        .map(|(i, c)| format!("BT /F1 12 Tf {} 700 Td ({c}) Tj ET\n", 100 + 8 * i))
        .collect();
    std::fs::write(dir.join("evidence/letters.pdf"), content_pdf(&content)).expect("write");
    workbook(dir, &[("A1.1", CLEAN, "letters.pdf", "", "")]);
    let stderr = refused(dir, "private-name-in-pack", &["Adeyemi"]);
    assert!(stderr.contains("letters.pdf"), "{stderr}");
}

#[test]
fn a_table_is_read_cell_by_cell_whatever_its_file_is_called() {
    let tmp = review(LOG, Some(PUPILS));
    let dir = tmp.path();
    for (file, text) in [
        ("export", "Forename,Surname,Year\nSummer,Rain,5\n"),
        ("export.dat", "Forename;Surname\nSummer;Rain\n"),
        ("notes.txt", "Pupil,Also\n\"Summer\",\"Rain\"\n"),
    ] {
        std::fs::write(dir.join("evidence").join(file), text).expect("write");
        workbook(dir, &[("A1.1", CLEAN, file, "", "")]);
        let stderr = refused(dir, "private-name-in-pack", &["Summer Rain"]);
        assert!(stderr.contains(file), "{file}: {stderr}");
        std::fs::remove_file(dir.join("evidence").join(file)).expect("remove");
    }
}

#[test]
fn a_pupil_list_with_one_cell_in_windows_encoding_still_names_that_child() {
    let mut pupils = b"First name,Surname\nSummer,Rain\n".to_vec();
    pupils.extend_from_slice(b"Zo\xEB,Bront\xEB\n");
    let tmp = review(LOG, None);
    let dir = tmp.path();
    std::fs::write(dir.join("evidence/pupils.csv"), &pupils).expect("write");
    let toml = std::fs::read_to_string(dir.join("review.toml")).expect("toml");
    std::fs::write(
        dir.join("review.toml"),
        format!("{toml}\n[[evidence]]\nkind = \"pupils\"\npath = \"evidence/pupils.csv\"\n"),
    )
    .expect("write");
    workbook(dir, &[("A1.1", CLEAN, "", "ask Zoë Brontë", "")]);
    let (status, stdout, stderr) = run(dir, &["report"]);
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("error[private-name-in-workbook]"),
        "{stderr}"
    );
    for (path, text) in outputs(dir) {
        assert!(!text.contains("Brontë"), "{}", path.display());
    }
    assert!(!stdout.contains("Brontë") && !stderr.contains("Brontë"));
}

#[test]
fn a_pupil_list_row_shifted_out_of_its_columns_makes_the_list_unreadable() {
    for list in [
        "First name,Surname,Year\nSummer,Rain,5\n,Grace,Adeyemi,5\n",
        "First name,Surname,Year\nSummer,Rain,5\n,Grace,Adeyemi\n",
        "First name,Surname,Year\nSummer,Rain,5\nGrace,Adeyemi,5,6B\n",
    ] {
        let tmp = review(LOG, Some(list));
        let dir = tmp.path();
        workbook(dir, &[("A1.1", CLEAN, "", "ask Grace Adeyemi", "")]);
        let (status, stdout, stderr) = run(dir, &["import"]);
        assert_eq!(status, 2, "{list}: {stderr}");
        assert!(stderr.contains("pupils.csv"), "{list}: {stderr}");
        assert!(!stdout.contains("Adeyemi") && !stderr.contains("Adeyemi"));
        let (status, _, stderr) = run(dir, &["pack"]);
        assert_eq!(status, 1, "{list}: {stderr}");
        assert!(stderr.contains("names-unreadable"), "{list}: {stderr}");
        for (path, text) in outputs(dir) {
            assert!(!text.contains("Adeyemi"), "{}", path.display());
        }
    }
}
