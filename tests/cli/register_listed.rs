//! A register taken out of review.toml holds the review back wherever a claimed level needs
//! it: the checks resting on it are not merely "evidence needed", and the reason names the
//! kind and how to list it again. A survey nobody answered backs nothing either.

use crate::ready_truth::{ready_review, scored};

/// The registers the ready review lists whose checks the framework does not mark required.
const OPTIONAL: [&str; 5] = [
    "documents",
    "agreements",
    "filtering",
    "surveys",
    "engagement",
];

/// review.toml of `dir` without its `[[evidence]]` entry for `kind`.
fn unlist(dir: &std::path::Path, kind: &str) {
    let path = dir.join("review.toml");
    let text = std::fs::read_to_string(&path).expect("review.toml");
    let entry = format!("[[evidence]]\nkind = \"{kind}\"\n");
    let start = text.find(&entry).expect("listed");
    let end = text[start..]
        .find("\n\n")
        .map_or(text.len(), |e| start + e + 2);
    std::fs::write(&path, format!("{}{}", &text[..start], &text[end..])).expect("written");
}

#[test]
fn the_ready_review_lists_every_register_and_is_ready() {
    let tmp = ready_review();
    let text = std::fs::read_to_string(tmp.path().join("review.toml")).expect("review.toml");
    for kind in OPTIONAL {
        assert!(text.contains(&format!("kind = \"{kind}\"")), "{kind}");
    }
    let (doc, code) = scored(tmp.path());
    assert_eq!((doc["ready"].as_bool(), code), (Some(true), 0), "{doc:#}");
}

#[test]
fn a_register_taken_out_of_review_toml_holds_the_review_back_and_says_how_to_list_it() {
    for kind in OPTIONAL {
        let tmp = ready_review();
        unlist(tmp.path(), kind);
        let (doc, code) = scored(tmp.path());
        assert_eq!(doc["ready"], false, "{kind}: {doc:#}");
        assert_ne!(code, 0, "{kind}");
        let how = format!(
            "review.toml lists no register of kind \"{kind}\"; add one as [[evidence]] with kind = \"{kind}\""
        );
        let reasons = doc["reasons"].as_array().expect("reasons");
        assert!(
            reasons
                .iter()
                .any(|r| r["message"].as_str().is_some_and(|m| m.contains(&how))),
            "{kind}: {reasons:#?}"
        );
    }
}

#[test]
fn a_survey_nobody_answered_is_skipped_in_every_wording_and_holds_the_review_back() {
    for none in [
        "none",
        "nil",
        "no responses",
        "0 returned",
        "No-one replied",
    ] {
        let tmp = ready_review();
        let path = tmp.path().join("evidence/surveys.csv");
        let text = std::fs::read_to_string(&path).expect("surveys");
        let changed = text.replace("June 2026,90", &format!("June 2026,{none}"));
        assert_ne!(changed, text, "the fixture has the survey");
        std::fs::write(&path, changed).expect("written");
        let out = crate::selfreview()
            .arg("-C")
            .arg(tmp.path())
            .arg("import")
            .output()
            .expect("runs");
        let said = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(
            said.contains("nobody responded, so it is not counted as a survey done"),
            "{none}: {said}"
        );
        let (doc, code) = scored(tmp.path());
        assert_eq!(doc["ready"], false, "{none}: {doc:#}");
        assert_ne!(code, 0, "{none}");
    }
}

#[test]
fn an_inquorate_attendance_and_an_item_without_papers_are_not_counted() {
    let tmp = ready_review();
    std::fs::write(
        tmp.path().join("evidence/meetings.csv"),
        "Date,Meeting,Present,Agenda items\n\
         12/11/2025,Online safety group,Inquorate,Filtering report\n\
         10/02/2026,Online safety group,6,Policy review (no papers); Budget\n",
    )
    .expect("written");
    let toml = tmp.path().join("review.toml");
    let text = std::fs::read_to_string(&toml).expect("review.toml");
    let repointed = text.replace("evidence/meeting-register.ods", "evidence/meetings.csv");
    assert_ne!(repointed, text, "the fixture lists its meeting register");
    std::fs::write(&toml, repointed).expect("written");
    let out = crate::selfreview()
        .arg("-C")
        .arg(tmp.path())
        .arg("import")
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        said.contains("skipped row 2, column C: Present says \"inquorate\""),
        "{said}"
    );
    assert!(
        said.contains("an item under Agenda items says \"no papers\": it was not taken"),
        "{said}"
    );
}
