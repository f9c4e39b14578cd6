//! Evidence checks in scoring: evidenced levels, explanations, required records, findings.

use super::*;

#[test]
fn records_that_contradict_a_claim_set_the_level_for_readiness() {
    let (scored, _) = score(
        &fw(),
        &settings(),
        &[everything_at("Ann", 2)],
        &half_the_staff(),
    );
    let b21 = aspect(&scored, "B2.1");
    assert_eq!(
        (b21.agreed, b21.evidenced, b21.counted),
        (Some(2), Some(3), Some(3))
    );
    assert!(!scored.ready);
    let finding: Vec<&Reason> = scored
        .evidence_findings
        .iter()
        .filter(|f| f.aspect == "B2.1")
        .collect();
    assert_eq!(finding.len(), 1, "one finding per aspect");
    assert_eq!(
        finding[0].message,
        "Staff (B2.1): 8 of 16 staff trained in the last two years (50%); level 2 needs 9 in 10 \
         staff trained in the last two years. The records support level 3, not the level 2 claimed."
    );
    let reasons: Vec<&Reason> = scored
        .reasons
        .iter()
        .filter(|r| r.aspect == "B2.1")
        .collect();
    assert_eq!(reasons.len(), 1);
    assert_eq!(reasons[0].kinds, [Shortfall::EvidenceDoesNotSupportLevel]);
    assert!(
        reasons[0]
            .message
            .starts_with("Staff (B2.1): 8 of 16 staff")
    );
    let plan = scored
        .actions
        .iter()
        .find(|p| p.aspect == "B2.1")
        .expect("planned");
    assert_eq!((plan.level, plan.next_level), (3, 2));
}

#[test]
fn the_group_can_record_why_the_records_differ() {
    let mut book = everything_at("Ann", 2);
    let at = row_of(&book, "B2.1");
    book.rows[at].records_differ =
        "Eight new staff joined in September and are booked for November.".into();
    let (scored, _) = score(&fw(), &settings(), &[book], &half_the_staff());
    let b21 = aspect(&scored, "B2.1");
    assert_eq!(
        (b21.agreed, b21.evidenced, b21.counted),
        (Some(2), Some(3), Some(2))
    );
    assert!(scored.ready, "{:?}", scored.reasons);
    let f = scored
        .evidence_findings
        .iter()
        .find(|f| f.aspect == "B2.1")
        .expect("still shown");
    assert!(
        f.message
            .contains("The group records why the records differ: Eight new staff"),
        "{}",
        f.message
    );
}

#[test]
fn reviewers_who_give_the_same_explanation_are_named_once_beside_it() {
    let same = "New staff are booked on the course next term and the register is being updated.";
    let other = "Two teachers joined in October; their training is booked for the spring term.";
    let books: Vec<Filled> = (1..=30)
        .map(|i| {
            let mut book = everything_at(&format!("Teacher {i:02}"), 2);
            let at = row_of(&book, "B2.1");
            // One reviewer words it with other spacing; one gives another reason.
            book.rows[at].records_differ = match i {
                7 => same.replace(' ', "  "),
                30 => other.to_string(),
                _ => same.to_string(),
            };
            book
        })
        .collect();
    let (scored, _) = score(&fw(), &settings(), &books, &half_the_staff());
    let b21 = aspect(&scored, "B2.1");
    assert_eq!(b21.explanations.len(), 2, "{:?}", b21.explanations);
    assert_eq!(b21.explanations[0].text, same);
    assert_eq!(b21.explanations[0].by.len(), 29);
    assert_eq!(b21.explanations[1].by, ["Teacher 30"]);
    let why = b21.records_differ.as_deref().expect("explained");
    assert_eq!(why.matches("New staff are booked").count(), 1, "{why}");
    assert!(why.contains(other));
    let f = scored
        .evidence_findings
        .iter()
        .find(|f| f.aspect == "B2.1")
        .expect("still shown");
    assert_eq!(f.message.matches("New staff are booked").count(), 1);
}

#[test]
fn an_explanation_too_short_to_say_anything_is_taken_as_blank() {
    let mut book = everything_at("Ann", 2);
    let at = row_of(&book, "B2.1");
    book.rows[at].records_differ = "-".into();
    let (scored, _) = score(&fw(), &settings(), &[book], &half_the_staff());
    let b21 = aspect(&scored, "B2.1");
    assert_eq!(
        (b21.counted, b21.records_differ.as_deref()),
        (Some(3), None)
    );
    assert_eq!(
        b21.thin_explanation,
        Some(ThinExplanation {
            words: 0,
            needed: 10
        })
    );
    assert!(!scored.ready);
    let f = scored
        .evidence_findings
        .iter()
        .find(|f| f.aspect == "B2.1")
        .expect("finding");
    assert!(
        f.kinds.contains(&Shortfall::ExplanationTooShort),
        "{:?}",
        f.kinds
    );
    assert_eq!(checks::explanation_words(40), 10);
    assert_eq!(checks::explanation_words(12), checks::MIN_EXPLANATION_WORDS);
    for filler in [
        "- - - - - - - - - - - -",
        "x x x x x x x x x x x x",
        "TBC TBC TBC TBC TBC TBC TBC TBC TBC TBC",
    ] {
        let mut book = everything_at("Ann", 2);
        book.rows[at].records_differ = filler.into();
        let (scored, _) = score(&fw(), &settings(), &[book], &half_the_staff());
        assert!(!scored.ready, "{filler}");
    }
}

#[test]
fn registers_listed_without_rows_hold_back_readiness_only_where_the_check_is_required() {
    let listed = Evidence {
        kinds: crate::evidence::Kind::TEMPLATES.to_vec(),
        ..Evidence::default()
    };
    let (scored, _) = score(&fw(), &settings(), &[everything_at("Ann", 2)], &listed);
    assert!(!scored.ready);
    let held: Vec<&str> = scored.reasons.iter().map(|r| r.aspect.as_str()).collect();
    // A hand-made record set with no sources reads as meetings and incident logs with
    // nothing in them, so A2.1 and D1.1 count none; every other register holds no rows.
    assert_eq!(
        held,
        ["A1.2", "A2.1", "B2.1", "B3.1", "D1.1"],
        "the aspects with required checks, and those counting no meetings or incidents"
    );
    let a12 = aspect(&scored, "A1.2");
    assert_eq!(
        (a12.agreed, a12.evidenced),
        (Some(2), Some(4)),
        "level 4 needs no records"
    );
    // The cyber security policy check (C1.3) is not required and its register is listed:
    // listed as evidence needed, not holding back.
    let c13 = aspect(&scored, "C1.3");
    assert_eq!(c13.counted, Some(2));
    let f = scored
        .evidence_findings
        .iter()
        .find(|f| f.aspect == "C1.3")
        .expect("listed");
    assert_eq!(f.kinds, [Shortfall::EvidenceNeeded]);
    assert!(
        f.message
            .contains("evidence needed: the policy registers imported hold no records"),
        "{}",
        f.message
    );
}

#[test]
fn a_register_kind_not_listed_at_all_holds_back_every_check_that_needs_it() {
    let (scored, _) = score(
        &fw(),
        &settings(),
        &[everything_at("Ann", 2)],
        &Evidence::default(),
    );
    assert!(!scored.ready);
    let a21 = aspect(&scored, "A2.1");
    assert!(a21.evidence_checks.iter().all(|c| c.required), "{a21:?}");
    let f = scored
        .reasons
        .iter()
        .find(|f| f.aspect == "A2.1")
        .expect("held back");
    assert!(
        f.message.contains(
            "review.toml lists no register of kind \"documents\"; add one as [[evidence]] with kind = \"documents\""
        ),
        "{}",
        f.message
    );
}

#[test]
fn the_evidenced_level_is_the_best_level_whose_checks_pass() {
    let result = |level: u8, status: CheckStatus, required: bool| CheckResult {
        metric: crate::framework::Metric::IncidentsCount,
        rule: String::new(),
        threshold: crate::framework::Threshold::AtLeast(1.0),
        supports_level: level,
        required,
        value: None,
        fact: None,
        needs: String::new(),
        status,
        detail: None,
        unreadable: false,
    };
    let r = [
        result(3, CheckStatus::Met, true),
        result(2, CheckStatus::NotMet, true),
        result(1, CheckStatus::NotMet, false),
    ];
    assert_eq!(checks::evidenced(Some(1), &r, false), Some(3));
    assert_eq!(checks::evidenced(Some(1), &r, true), Some(1));
    assert_eq!(checks::evidenced(None, &r, false), None);
    let r = [result(3, CheckStatus::NotMet, false)];
    assert_eq!(checks::evidenced(Some(2), &r, false), Some(4));
    let r = [result(5, CheckStatus::NotMet, false)];
    assert_eq!(checks::evidenced(Some(2), &r, false), Some(5));
    let r = [result(2, CheckStatus::EvidenceNeeded, false)];
    assert_eq!(checks::evidenced(Some(2), &r, false), Some(2));
    let r = [result(2, CheckStatus::EvidenceNeeded, true)];
    assert_eq!(
        checks::evidenced(Some(2), &r, true),
        Some(3),
        "no explanation replaces records"
    );
}

#[test]
fn claimed_levels_are_checked_against_the_records() {
    use crate::evidence::Kind as EvidenceKind;
    use crate::evidence::records::Training;
    let person = |name: &str, date: Option<(i32, u32, u32)>| Training {
        person: name.into(),
        key: name.to_lowercase(),
        role: "Teacher".into(),
        group: "staff".into(),
        course: String::new(),
        date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        next_due: None,
    };
    let evidence = Evidence {
        training: vec![
            person("A", Some((2026, 1, 10))),
            person("B", Some((2025, 6, 1))),
            person("C", None),
        ],
        kinds: vec![EvidenceKind::Training],
        ..Evidence::default()
    };
    let book = everything_at("Ann", 2);
    let (scored, _) = score(&fw(), &settings(), &[book], &evidence);
    let b21 = scored
        .aspects
        .iter()
        .find(|a| a.code == "B2.1")
        .expect("scored");
    let statuses: Vec<(u8, CheckStatus, Option<f64>)> = b21
        .evidence_checks
        .iter()
        .map(|c| (c.supports_level, c.status, c.value))
        .collect();
    // The value shown is rounded away from passing: 2 of 3 shows 0.66 against "at least".
    assert_eq!(
        statuses,
        [
            (3, CheckStatus::Met, Some(0.66)),
            (2, CheckStatus::NotMet, Some(0.66))
        ],
        "the level-1 check is not called for by a claim of 2"
    );
    let finding = scored
        .evidence_findings
        .iter()
        .find(|f| f.aspect == "B2.1")
        .expect("a finding");
    assert!(
        finding
            .message
            .contains("2 of 3 staff trained in the last two years (66%); level 2 needs 9 in 10"),
        "{}",
        finding.message
    );

    // Without meeting registers, the group's meeting checks are not evaluated, not failed.
    let a12 = scored
        .aspects
        .iter()
        .find(|a| a.code == "A1.2")
        .expect("scored");
    assert!(
        a12.evidence_checks
            .iter()
            .all(|c| c.status == CheckStatus::EvidenceNeeded)
    );
    assert_eq!(
        a12.evidence_checks[0].detail.as_deref(),
        Some(
            "no meeting registers were imported: review.toml lists no register of kind \"meetings\"; add one as [[evidence]] with kind = \"meetings\" and its path"
        )
    );
    let a12 = scored
        .evidence_findings
        .iter()
        .find(|f| f.aspect == "A1.2")
        .expect("evidence needed is listed");
    assert_eq!(a12.kinds, [Shortfall::EvidenceNeeded]);
}

#[test]
fn an_aspect_below_the_benchmark_says_what_its_records_show_in_the_same_reason() {
    let mut book = everything_at("Ann", 2);
    let at = row_of(&book, "B2.1");
    book.rows[at].levels = vec![("Ann".into(), 3)];
    let mut records = half_the_staff();
    for t in records.training.iter_mut().filter(|t| t.group == "staff") {
        if t.date.is_some() && t.person != "S0" {
            t.date = None;
        }
    }
    let (scored, _) = score(&fw(), &settings(), &[book], &records);
    let b21 = aspect(&scored, "B2.1");
    assert_eq!((b21.agreed, b21.evidenced), (Some(3), Some(4)));
    let reasons: Vec<&Reason> = scored
        .reasons
        .iter()
        .filter(|r| r.aspect == "B2.1")
        .collect();
    assert_eq!(reasons.len(), 1);
    assert_eq!(reasons[0].kinds, [Shortfall::BelowBenchmark]);
    assert_eq!(
        reasons[0].message,
        "Staff (B2.1): level 3 is below the benchmark of 2; 1 of 16 staff trained in the last two years (6%); \
         level 3 needs at least half the staff trained in the last two years. The records support level 4, not the level 3 claimed."
    );
}

/// Where the aspect `code` is in a workbook.
fn row_of(book: &crate::workbook::Filled, code: &str) -> usize {
    book.rows
        .iter()
        .position(|r| r.code == code)
        .expect("every aspect has a row")
}

#[test]
fn an_aspect_with_nothing_behind_its_level_is_unevidenced_and_holds_back_readiness() {
    let rows = fw()
        .aspects()
        .map(|(_, _, a)| row(&a.code, vec![("Ann", 2)], LONG, &[]))
        .collect();
    let meetings_only = Evidence {
        kinds: vec![crate::evidence::Kind::Meetings],
        ..Evidence::default()
    };
    let (scored, diags) = score(
        &fw(),
        &settings(),
        &[individual("Ann", rows)],
        &meetings_only,
    );
    let unevidenced: Vec<&str> = scored
        .aspects
        .iter()
        .filter(|a| a.unevidenced)
        .map(|a| a.code.as_str())
        .collect();
    // Meeting registers stand behind the aspects whose checks or kinds name meetings.
    assert!(!unevidenced.contains(&"A1.2") && !unevidenced.contains(&"D1.1"));
    assert!(unevidenced.contains(&"C2.3") && unevidenced.contains(&"A2.2"));
    let warned: Vec<&str> = diags
        .iter()
        .filter(|d| d.code == Code::AspectUnevidenced)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warned.len(), unevidenced.len());
    assert!(warned.iter().any(|m| {
        m.starts_with("Digital and Video Images (C2.3) is at level 2 with no evidence behind it")
    }));
    let reason = scored
        .reasons
        .iter()
        .find(|r| r.aspect == "C2.3")
        .expect("held back");
    assert!(reason.kinds.contains(&Shortfall::Unevidenced), "{reason:?}");
    // Evidence cited in the workbook stands behind the level too.
    let (scored, _) = score(
        &fw(),
        &settings(),
        &[everything_at("Ann", 2)],
        &meetings_only,
    );
    assert!(scored.aspects.iter().all(|a| !a.unevidenced));
}

#[test]
fn records_that_could_not_be_read_are_never_said_to_support_a_level() {
    let e = crate::evidence::import::Evidence {
        unreadable: vec![(
            "evidence/training.xlsx".into(),
            crate::evidence::Kind::Training,
            "no header row for training records was found".into(),
        )],
        kinds: vec![crate::evidence::Kind::Training],
        ..Default::default()
    };
    let (scored, _) = score(&fw(), &settings(), &[everything_at("Ann", 2)], &e);
    let b21 = aspect(&scored, "B2.1");
    assert!(b21.evidenced > b21.agreed, "{b21:?}");
    let finding = scored
        .evidence_findings
        .iter()
        .find(|f| f.aspect == "B2.1")
        .expect("a finding");
    assert!(
        finding
            .message
            .contains("could not be read, so they say nothing of the level 2 claimed; until they can be read, the evidence shows no more than level"),
        "{}",
        finding.message
    );
    assert!(
        !finding.message.contains("The records support"),
        "{}",
        finding.message
    );
}
