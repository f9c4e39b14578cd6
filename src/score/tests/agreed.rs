//! The agreed commentary: the group's, or the only reviewer's; what completeness and the
//! commentary check judge when a group workbook is there.

use super::*;

fn group(rows: Vec<Row>) -> Filled {
    Filled {
        path: "scores/group.xlsx".into(),
        kind: ScoredBy::Group {
            members: vec!["Ann".into(), "Bob".into()],
        },
        framework: "online-safety-21".into(),
        version: "1.0.0".into(),
        named_at: Vec::new(),
        rows,
    }
}

#[test]
fn the_group_agreed_commentary_is_judged_and_its_working_notes_are_not() {
    let mut notes_only = row("A1.1", vec![("Ann", 2)], LONG, &["policy.pdf"]);
    notes_only.agreed = Some(2);
    notes_only.agreed_commentary = Some(String::new());
    let mut agreed = row("A1.2", vec![("Ann", 2)], "Ann: a note.", &["policy.pdf"]);
    agreed.agreed = Some(2);
    agreed.agreed_commentary = Some(LONG.into());
    let books = vec![
        group(vec![notes_only, agreed]),
        individual("Bob", vec![row("A1.1", vec![("Bob", 2)], LONG, &[])]),
    ];
    let (scored, _) = score(&fw(), &settings(), &books, &good_records());
    let a11 = aspect(&scored, "A1.1");
    assert_eq!(a11.agreed_commentary, None);
    assert_eq!(a11.commentary_check, CommentaryCheck::Missing);
    assert!(
        !a11.complete,
        "a reviewer's commentary does not stand for the group's"
    );
    assert_eq!(a11.commentary.len(), 1, "the notes are not a commentary");
    let a12 = aspect(&scored, "A1.2");
    let c = a12.agreed_commentary.as_ref().expect("agreed");
    assert_eq!((c.text.as_str(), c.by), (LONG, CommentaryBy::Group));
    assert!(a12.complete);
    assert_eq!(a12.commentary[0].text, LONG);
}

#[test]
fn an_older_group_workbook_commentary_stands_for_the_agreed_one() {
    let mut r = row("A1.1", vec![("Ann", 2)], LONG, &["policy.pdf"]);
    r.agreed = Some(2);
    let (scored, _) = score(&fw(), &settings(), &[group(vec![r])], &good_records());
    let a = aspect(&scored, "A1.1");
    assert_eq!(
        a.agreed_commentary.as_ref().map(|c| c.by),
        Some(CommentaryBy::Group)
    );
    assert_eq!(a.commentary_check, CommentaryCheck::Ok);
}

#[test]
fn one_reviewer_alone_gives_the_agreed_commentary_and_several_do_not() {
    let (alone, _) = score(
        &fw(),
        &settings(),
        &[everything_at("Ann", 2)],
        &good_records(),
    );
    let c = aspect(&alone, "A1.1")
        .agreed_commentary
        .as_ref()
        .expect("agreed");
    assert_eq!(c.by, CommentaryBy::OnlyReviewer);
    let books = [everything_at("Ann", 2), everything_at("Bob", 2)];
    let (several, _) = score(&fw(), &settings(), &books, &good_records());
    let a = aspect(&several, "A1.1");
    assert_eq!(a.agreed_commentary, None);
    assert_eq!(
        a.commentary_check,
        CommentaryCheck::Ok,
        "without a group workbook the reviewers' commentary is judged"
    );
    assert!(
        !a.complete,
        "the middle of their levels is worked out, not agreed"
    );
}

#[test]
fn a_blank_agreed_cell_never_makes_the_review_ready() {
    let rows = |blank: Option<&str>| {
        fw().aspects()
            .map(|(_, _, a)| {
                let mut r = row(&a.code, vec![("Ann", 1), ("Bob", 1)], LONG, &["policy.pdf"]);
                r.agreed = (Some(a.code.as_str()) != blank).then_some(2);
                r.agreed_commentary = Some(LONG.into());
                r
            })
            .collect()
    };
    let (all, _) = score(&fw(), &settings(), &[group(rows(None))], &good_records());
    assert!(all.ready, "{:?}", all.reasons);
    let (scored, _) = score(
        &fw(),
        &settings(),
        &[group(rows(Some("A1.2")))],
        &good_records(),
    );
    assert!(!scored.ready, "the group has not agreed A1.2");
    let a = aspect(&scored, "A1.2");
    assert_eq!((a.agreed, a.complete), (None, false));
    assert_eq!(a.not_agreed.as_ref().and_then(|n| n.middle), Some(1));
    assert_eq!(scored.reasons.len(), 1);
    assert_eq!(scored.reasons[0].kinds, [Shortfall::NotAgreed]);
    assert!(
        scored.reasons[0]
            .message
            .starts_with("Online Safety Group (A1.2): not agreed by the group")
    );
}

#[test]
fn commentary_a_framework_change_carried_is_the_groups_only_once_it_checks_it() {
    let flagged = |code: &str, agreed: Option<u8>| {
        let mut r = row(code, vec![("Ann", 2)], "Notes.", &["policy.pdf"]);
        r.agreed = agreed;
        r.agreed_commentary = Some(LONG.into());
        r.change_flag = "Merged from two aspects: check the level and commentary.".into();
        r
    };
    let mut checked = flagged("A1.3", Some(2));
    checked.change_flag = String::new();
    let books = vec![group(vec![
        flagged("A1.1", Some(2)),
        flagged("A1.2", None),
        checked,
    ])];
    let (scored, _) = score(&fw(), &settings(), &books, &good_records());
    let by = |code| {
        let a = aspect(&scored, code);
        (a.agreed_by, a.agreed_commentary.as_ref().map(|c| c.by))
    };
    assert_eq!(
        by("A1.1"),
        (Some(AgreedBy::Carried), Some(CommentaryBy::Carried))
    );
    assert_eq!(
        by("A1.2"),
        (None, Some(CommentaryBy::Carried)),
        "to be agreed again"
    );
    assert_eq!(
        by("A1.3"),
        (Some(AgreedBy::Group), Some(CommentaryBy::Group)),
        "checked: the group's own"
    );
}

#[test]
fn several_reviewers_without_a_group_workbook_are_never_ready_on_their_middle_level() {
    let alone = [everything_at("Ann", 2)];
    let (one, _) = score(&fw(), &settings(), &alone, &good_records());
    assert!(one.ready, "{:?}", one.reasons);
    let two = [everything_at("Ann", 2), everything_at("Bob", 2)];
    let (scored, _) = score(&fw(), &settings(), &two, &good_records());
    assert!(!scored.ready);
    assert_eq!(scored.reasons.len(), fw().aspects().count());
    assert!(
        scored
            .reasons
            .iter()
            .all(|r| r.kinds.contains(&Shortfall::NotAgreed)
                && r.message
                    .contains("only the middle of the levels the reviewers gave")),
        "{:?}",
        scored.reasons
    );
}

#[test]
fn an_aspect_only_one_of_several_reviewers_scored_is_not_agreed_either() {
    let mut bob = everything_at("Bob", 2);
    bob.rows.retain(|r| r.code == "A1.1");
    let mut ann = everything_at("Ann", 2);
    ann.rows.retain(|r| r.code != "A1.1");
    let (scored, _) = score(&fw(), &settings(), &[ann, bob], &good_records());
    assert!(!scored.ready);
    for a in &scored.aspects {
        assert_eq!(a.reviewers.len(), 1, "{}", a.code);
        assert_eq!(a.agreed_by, Some(AgreedBy::Median), "{}", a.code);
        assert!(
            !a.complete,
            "{}: a worked-out level leaves it incomplete",
            a.code
        );
    }
    assert_eq!(scored.reasons.len(), fw().aspects().count());
    let (alone, _) = score(
        &fw(),
        &settings(),
        &[everything_at("Ann", 2)],
        &good_records(),
    );
    assert!(
        alone
            .aspects
            .iter()
            .all(|a| a.agreed_by == Some(AgreedBy::OnlyReviewer))
    );
}
