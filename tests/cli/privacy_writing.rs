//! Children's names as people write them: after a title, siblings sharing a surname, in
//! capitals that formatting adds, as symbols Word inserts; and everyday words in a web
//! address that are no alarm.

use crate::privacy::{CLEAN, ZIP, refused, review, run, workbook};

const PUPILS: &str = "Legal Forename,Preferred Forename,Legal Surname,Year\nGrace,,Adeyemi,Year 6\nTom,,Adeyemi,Year 3\nOla,,Adeyemi,Year 1\nSiobhán,Shiv,O'Neill,Year 4\nŁukasz,,Kowalski,Year 5\nZephyrine,,,Year 3\nSummer,,Rain,Year 2\nWilliam,Will,Bell,Year 6\n";

const SECRETS: &[&str] = &["Adeyemi", "Neill", "Kowalski", "Zephyrine", "Rain", "Bell"];

/// Writes `commentary` for A1.1 and expects the pack refused for a name in the workbook.
fn names_a_pupil(dir: &std::path::Path, commentary: &str) {
    workbook(
        dir,
        &[("A1.1", &format!("{CLEAN} {commentary}"), "", "", "")],
    );
    refused(dir, "private-name-in-workbook", SECRETS);
}

/// Writes `commentary` for A1.1 and expects the pack written.
fn names_no_pupil(dir: &std::path::Path, commentary: &str) {
    workbook(
        dir,
        &[("A1.1", &format!("{CLEAN} {commentary}"), "", "", "")],
    );
    let (status, _, stderr) = run(dir, &["pack"]);
    assert_eq!(status, 0, "{commentary}: {stderr}");
    std::fs::remove_file(dir.join(ZIP)).expect("remove pack");
}

#[test]
fn a_title_before_a_pupils_whole_name_or_one_word_name_is_still_the_pupils_name() {
    let tmp = review("Date,Category\n01/10/2026,Gaming\n", Some(PUPILS));
    for commentary in [
        "Miss Grace Adeyemi (Year 6) won the prize.",
        "Ms Siobhán O'Neill, pupil in Year 4, spoke.",
        "Mr Shiv O'Neill of Year 4.",
        "Dr Łukasz Kowalski visited.",
        "Miss Zephyrine of Year 3.",
        "Miss Summer Rain read a poem.",
    ] {
        names_a_pupil(tmp.path(), commentary);
    }
    for commentary in [
        "Mr Adeyemi (IT technician) set up the filter.",
        "Mrs G. Adeyemi chairs the parents' forum.",
        "Staff will ring the bell at break.",
        "Parents have a grace period to reply.",
    ] {
        names_no_pupil(tmp.path(), commentary);
    }
}

#[test]
fn siblings_named_before_the_surname_they_share_are_each_a_pupils_name() {
    // Only Grace is listed: her brothers' names stand between her forename and surname.
    let pupils = "Legal Forename,Legal Surname\nGrace,Adeyemi\nWilliam,Bell\n";
    let tmp = review("Date,Category\n01/10/2026,Gaming\n", Some(pupils));
    for commentary in [
        "Grace and Tom Adeyemi joined the digital leaders.",
        "Tom, Grace and Ola Adeyemi joined the digital leaders.",
        "Grace, Tom and Ola Adeyemi joined the digital leaders.",
    ] {
        names_a_pupil(tmp.path(), commentary);
    }
    for commentary in [
        "Mr Adeyemi (IT technician) and Mrs Adeyemi set up the filter.",
        "Staff will ring the bell and parents have a grace period.",
    ] {
        names_no_pupil(tmp.path(), commentary);
    }
}
