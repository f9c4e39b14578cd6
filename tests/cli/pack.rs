//! `selfreview pack` and `selfreview verify`, with the zip read back by the zip crate.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::PRIVATE;
use crate::report::full_review;
use crate::{filled_workbook, selfreview, set_checked_by_hand, text_pdf};

const LONG: &str = "Roles are written into the policy and were explained to every group this term; the online safety lead meets the safeguarding lead each half term and keeps notes, and staff asked on a learning walk could describe their own part.";

/// A packable review: the full review's workbooks replaced by one citing real documents.
fn packable(dir: &Path) {
    full_review(dir);
    for f in std::fs::read_dir(dir.join("scores")).expect("scores") {
        std::fs::remove_file(f.expect("entry").path()).expect("remove");
    }
    std::fs::create_dir_all(dir.join("evidence/minutes")).expect("mkdir");
    std::fs::create_dir_all(dir.join("evidence/older")).expect("mkdir");
    std::fs::write(
        dir.join("evidence/policy.pdf"),
        text_pdf(&["Online safety policy", "Approved by governors"]),
    )
    .expect("write");
    std::fs::write(
        dir.join("evidence/older/policy.pdf"),
        text_pdf(&["Online safety policy, 2024 edition"]),
    )
    .expect("write");
    std::fs::write(
        dir.join("evidence/minutes/2026-10.txt"),
        "Minutes: filtering report discussed.",
    )
    .expect("write");
    let mut video = b"\0\0\0\x20ftypisom".to_vec();
    video.resize(3_000_000, 7);
    std::fs::write(dir.join("evidence/assembly.mp4"), video).expect("write");
    set_checked_by_hand(dir, &["assembly.mp4"]);
    filled_workbook(
        &dir.join("scores/dsl.xlsx"),
        "Dana Smith",
        &[
            ("A1.1", 2, LONG, "policy.pdf; older/policy.pdf"),
            ("A1.2", 3, "Termly meetings with minutes.", "minutes/"),
            ("B1.1", 2, LONG, "assembly.mp4"),
            ("A2.3", 2, LONG, "safeguarding-export.csv"),
        ],
    );
}

fn pack(dir: &Path) -> PathBuf {
    selfreview()
        .arg("-C")
        .arg(dir)
        .arg("pack")
        .assert()
        .success();
    dir.join("out/hill-primary-evidence-2026-11-01.zip")
}

fn entries(zip: &Path) -> Vec<(String, Vec<u8>, zip::CompressionMethod)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).expect("pack")).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut e = archive.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).expect("read");
            (e.name().expect("name").to_string(), bytes, e.compression())
        })
        .collect()
}

#[test]
fn the_pack_holds_reports_commentary_evidence_summaries_and_a_manifest() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    packable(tmp.path());
    let zip = pack(tmp.path());
    let all = entries(&zip);
    let names: Vec<&str> = all.iter().map(|(n, ..)| n.as_str()).collect();
    for want in [
        "index.html",
        "governors.html",
        "summary.xlsx",
        "aspects/A1.1/commentary.txt",
        "aspects/A1.1/policy.pdf",
        "aspects/A1.1/policy (2).pdf",
        "aspects/A1.2/2026-10.txt",
        "aspects/B1.1/assembly.mp4",
        "evidence-summary/training-coverage.csv",
        "evidence-summary/incidents-by-category.csv",
        "manifest.json",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    assert!(
        !names.iter().any(|n| n.contains("safeguarding-export")),
        "incident records are never packed"
    );
    let get = |n: &str| all.iter().find(|(name, ..)| name == n).expect("entry");
    assert_eq!(
        get("aspects/B1.1/assembly.mp4").2,
        zip::CompressionMethod::Stored
    );
    assert_eq!(get("index.html").2, zip::CompressionMethod::Deflated);
    let index = String::from_utf8(get("index.html").1.clone()).expect("utf-8");
    assert!(
        index.contains("href=\"aspects&#x2f;A1.1&#x2f;policy.pdf\""),
        "links into the pack"
    );

    // Reviewers' names are left out unless the school allows them.
    let commentary =
        String::from_utf8(get("aspects/A1.1/commentary.txt").1.clone()).expect("utf-8");
    assert!(commentary.contains("Reviewer 1:"), "{commentary}");
    for (name, bytes, _) in &all {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("Dana Smith"), "a staff name in {name}");
        for word in PRIVATE {
            assert!(!text.contains(word), "{word} in {name}");
        }
    }

    let manifest: serde_json::Value =
        serde_json::from_slice(&get("manifest.json").1).expect("JSON");
    assert_eq!(manifest["school"], "Hill Primary");
    assert_eq!(manifest["review_date"], "2026-11-01");
    assert_eq!(manifest["framework"]["id"], "online-safety-21");
    assert_eq!(
        manifest["framework"]["sha256"].as_str().map(str::len),
        Some(64)
    );
    let listed = manifest["files"].as_array().expect("files");
    assert_eq!(listed.len(), all.len() - 1);
    let policy = listed
        .iter()
        .find(|f| f["path"] == "aspects/A1.1/policy.pdf")
        .expect("listed");
    let size = std::fs::metadata(tmp.path().join("evidence/policy.pdf"))
        .expect("policy")
        .len();
    assert_eq!(policy["size"], size);

    // The same review gives the same bytes.
    let first = std::fs::read(&zip).expect("read");
    pack(tmp.path());
    assert!(
        std::fs::read(&zip).expect("read") == first,
        "two packs differ"
    );

    selfreview()
        .arg("verify")
        .arg(&zip)
        .assert()
        .success()
        .stdout(predicate::str::contains("intact"));
}

#[test]
fn staff_names_appear_when_the_school_turns_them_on() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    packable(tmp.path());
    let review = std::fs::read_to_string(tmp.path().join("review.toml")).expect("read");
    std::fs::write(
        tmp.path().join("review.toml"),
        review.replace("staff-names = false", "staff-names = true"),
    )
    .expect("write");
    let zip = pack(tmp.path());
    let all = entries(&zip);
    let commentary = all
        .iter()
        .find(|(n, ..)| n == "aspects/A1.1/commentary.txt")
        .expect("entry");
    assert!(String::from_utf8_lossy(&commentary.1).contains("Dana Smith:"));
    assert!(all.iter().any(|(n, ..)| n == "aspects/A1.2/2026-10.txt"));
}

#[test]
fn missing_outside_and_linked_out_citations_are_all_refused_with_their_cells() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    packable(tmp.path());
    let outside = tempfile::tempdir().expect("another folder");
    std::fs::write(outside.path().join("secret.txt"), "not for the pack").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        tmp.path().join("evidence/link.txt"),
    )
    .expect("symlink");
    filled_workbook(
        &tmp.path().join("scores/dsl.xlsx"),
        "Dana Smith",
        &[
            ("A1.1", 2, LONG, "../../etc/passwd"),
            ("A1.2", 2, LONG, "nowhere.pdf"),
            ("A1.3", 2, LONG, "link.txt"),
            ("A2.1", 2, LONG, "/etc/hostname"),
        ],
    );
    let assert = selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("pack")
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    assert!(
        stderr.contains(
            "scores/dsl.xlsx: Scores!F2: error[unsafe-evidence-path]: A1.1 cites `../../etc/passwd`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("scores/dsl.xlsx: Scores!F3: error[missing-evidence]: A1.2 cites `nowhere.pdf`, which is not in the evidence folder"), "{stderr}");
    #[cfg(unix)]
    assert!(stderr.contains("Scores!F4: error[unsafe-evidence-path]: A1.3 cites `link.txt`, which leads outside the evidence folder through a link"), "{stderr}");
    assert!(
        stderr.contains("Scores!F5: error[unsafe-evidence-path]: A2.1 cites `/etc/hostname`"),
        "{stderr}"
    );
    assert!(stderr.contains("The pack was not written"));
    assert!(
        !tmp.path()
            .join("out/hill-primary-evidence-2026-11-01.zip")
            .exists()
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path().join("out"))
        .expect("out")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn a_pupil_name_in_commentary_refuses_the_pack_without_printing_it() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    packable(tmp.path());
    filled_workbook(
        &tmp.path().join("scores/dsl.xlsx"),
        "Dana Smith",
        &[(
            "C2.2",
            2,
            "After Jamie Fox was targeted in a group chat we changed how we teach about group chats and reported to governors.",
            "",
        )],
    );
    let assert = selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("pack")
        .assert()
        .code(1);
    let out = assert.get_output();
    let stderr = String::from_utf8(out.stderr.clone()).expect("utf-8");
    assert!(
        stderr.contains("scores/dsl.xlsx: Scores!E19: error[private-name-in-workbook]: the commentary for C2.2 names a pupil"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("Jamie") && !String::from_utf8_lossy(&out.stdout).contains("Jamie"),
        "the name itself is never printed"
    );
    assert!(
        !tmp.path()
            .join("out/hill-primary-evidence-2026-11-01.zip")
            .exists()
    );
}

/// Copies the pack at `from` to `to`, changing entries on the way.
fn rewrite(
    from: &Path,
    to: &Path,
    change: impl Fn(&str, Vec<u8>) -> Option<(String, Vec<u8>)>,
    extra: Option<(&str, &[u8])>,
) {
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).expect("create"));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes, _) in entries(from) {
        if let Some((name, bytes)) = change(&name, bytes) {
            out.start_file(name.as_str(), options).expect("start");
            out.write_all(&bytes).expect("write");
        }
    }
    if let Some((name, bytes)) = extra {
        out.start_file(name, options).expect("start");
        out.write_all(bytes).expect("write");
    }
    out.finish().expect("finish");
}

#[test]
fn verify_catches_changed_removed_added_and_unsafe_entries() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    packable(tmp.path());
    let zip = pack(tmp.path());
    let case = |name: &str| tmp.path().join(name);

    rewrite(
        &zip,
        &case("changed.zip"),
        |n, mut b| {
            if n == "index.html" {
                b[100] ^= 1;
            }
            Some((n.to_string(), b))
        },
        None,
    );
    rewrite(
        &zip,
        &case("removed.zip"),
        |n, b| (n != "governors.html").then(|| (n.to_string(), b)),
        None,
    );
    rewrite(
        &zip,
        &case("added.zip"),
        |n, b| Some((n.to_string(), b)),
        Some(("extra.html", b"<p>added</p>")),
    );
    rewrite(
        &zip,
        &case("unsafe.zip"),
        |n, b| Some((n.to_string(), b)),
        Some(("../x", b"escape")),
    );
    rewrite(
        &zip,
        &case("no-manifest.zip"),
        |n, b| (n != "manifest.json").then(|| (n.to_string(), b)),
        None,
    );
    std::fs::write(case("not-a-zip.zip"), "hello").expect("write");

    for (file, code, what) in [
        ("changed.zip", "pack-entry-altered", "index.html"),
        ("removed.zip", "pack-entry-missing", "governors.html"),
        ("added.zip", "pack-entry-extra", "extra.html"),
        ("unsafe.zip", "pack-entry-unsafe-name", "../x"),
        (
            "no-manifest.zip",
            "pack-manifest-malformed",
            "manifest.json",
        ),
        (
            "not-a-zip.zip",
            "pack-manifest-malformed",
            "not a readable zip",
        ),
    ] {
        selfreview()
            .arg("verify")
            .arg(case(file))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!("error[{code}]")))
            .stderr(predicate::str::contains(what))
            .stderr(
                predicate::str::contains("NOT intact")
                    .or(predicate::str::contains("not a readable zip")),
            );
    }
    assert!(!tmp.path().join("x").exists(), "nothing is extracted");
    selfreview()
        .arg("verify")
        .arg(case("absent.zip"))
        .assert()
        .code(2);
}
