//! `selfreview demo`: the whole pipeline on the embedded sample school.

use predicates::prelude::*;

use crate::selfreview;

#[test]
fn the_demo_runs_every_stage_and_its_pack_verifies() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let assert = selfreview()
        .current_dir(tmp.path())
        .arg("demo")
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).expect("utf-8");
    for step in [
        "1. Wrote the sample review",
        "2. workbook:",
        "3. import:",
        "4. score:",
        "5. report:",
        "6. pack:",
        "7. verify: the pack is intact",
    ] {
        assert!(stdout.contains(step), "{step} missing from:\n{stdout}");
    }
    // The sample school keeps a policy register; the demo says what it shows.
    assert!(
        stdout
            .contains("Key documents: 1 of 11 out of date, 2 due for review in the next 90 days."),
        "{stdout}"
    );
    let dir = tmp.path().join("selfreview-demo");
    let html = std::fs::read_to_string(dir.join("out/report.html"))
        .expect("report")
        .replace("&#x2f;", "/");
    for fact in [
        "<li>Social Media Policy: by 14/11/2026</li>",
        "<li>Staff Code of Conduct: by 20/01/2027</li>",
        "Every finished term had a check that passed.",
        "2 sessions for parents and carers in the last 12 months, attended by 23",
    ] {
        assert!(html.contains(fact), "{fact} missing from the report");
    }
    let governors = std::fs::read_to_string(dir.join("out/governors.html"))
        .expect("governors' report")
        .replace("&#x2f;", "/");
    assert!(
        governors.contains(
            "<li>Online Safety Group terms of reference: review overdue (due 15/09/2026)</li>"
        ),
        "the governors see what is out of date"
    );
    for f in [
        "out/report.html",
        "out/governors.html",
        "out/summary.xlsx",
        "out/online-tool.html",
        "out/visit.html",
        "scores/computing-lead.xlsx",
        "history/2026-11-01.json",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    let pack = dir.join("out/oakfield-primary-school-evidence-2026-11-01.zip");
    selfreview().arg("verify").arg(&pack).assert().success();

    // The pack carries no pupil name from the sample safeguarding export.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&pack).expect("pack")).expect("zip");
    for i in 0..archive.len() {
        let mut e = archive.by_index(i).expect("entry");
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut bytes).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        for name in ["Alfie Brooks", "Freya Mason", "Maya Singh", "Amelia Hart"] {
            assert!(
                !text.contains(name),
                "{name} in {}",
                e.name().expect("name")
            );
        }
    }

    // A second demo into the same folder is refused, and nothing is changed.
    selfreview()
        .current_dir(tmp.path())
        .arg("demo")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it already holds files"));
}
