//! Consolidation, readiness, agenda and plan on workbooks built in memory.

use std::path::PathBuf;

use proptest::prelude::*;

use super::*;
use crate::framework::load_embedded;
use crate::workbook::Row;

fn fw() -> Framework {
    load_embedded("online-safety-21")
        .expect("embedded")
        .framework
}

fn settings() -> Settings {
    Settings {
        school: "Hill Primary".into(),
        review_date: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid"),
        min_commentary_words: 40,
        terms: crate::metrics::terms::Terms::English,
    }
}

const LONG: &str = "The policy names every role and was explained to staff, governors and learners this \
    term; the online safety lead meets the safeguarding lead every half term and notes are kept, \
    and staff asked on a learning walk could describe their own part in keeping learners safe online.";

fn row(code: &str, levels: Vec<(&str, u8)>, commentary: &str, evidence: &[&str]) -> Row {
    Row {
        code: code.into(),
        sheet_row: 0,
        levels: levels
            .into_iter()
            .map(|(n, l)| (n.to_string(), l))
            .collect(),
        agreed: None,
        rationale: String::new(),
        commentary: commentary.into(),
        agreed_commentary: None,
        records_differ: String::new(),
        evidence: evidence.iter().map(|s| s.to_string()).collect(),
        evidence_cell: None,
        evidence_text: String::new(),
        actions: String::new(),
        owner: String::new(),
        target: None,
        target_text: String::new(),
        change_flag: String::new(),
        cells: Vec::new(),
    }
}

fn individual(name: &str, rows: Vec<Row>) -> Filled {
    Filled {
        path: PathBuf::from(format!(
            "scores/{}.xlsx",
            crate::workbook::layout::slug(name)
        )),
        kind: ScoredBy::Individual {
            reviewer: name.into(),
        },
        framework: "online-safety-21".into(),
        version: "1.0.0".into(),
        named_at: Vec::new(),
        rows,
    }
}

/// A reviewer scoring every aspect at `level` with full commentary and evidence.
fn everything_at(name: &str, level: u8) -> Filled {
    let rows = fw()
        .aspects()
        .map(|(_, _, a)| row(&a.code, vec![(name, level)], LONG, &["policy.pdf"]))
        .collect();
    individual(name, rows)
}

#[test]
fn three_reviewers_at_1_2_and_3_agree_on_2_and_need_to_talk() {
    let books = vec![
        individual("Ann", vec![row("A1.2", vec![("Ann", 1)], "", &[])]),
        individual("Bob", vec![row("A1.2", vec![("Bob", 2)], "", &[])]),
        individual("Cat", vec![row("A1.2", vec![("Cat", 3)], "", &[])]),
    ];
    let (scored, diags) = score(&fw(), &settings(), &books, &Evidence::default());
    // Nothing is cited and no records were imported: the level has nothing behind it.
    let codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::AspectUnevidenced]);
    let a = scored
        .aspects
        .iter()
        .find(|a| a.code == "A1.2")
        .expect("scored");
    assert!(a.unevidenced);
    assert_eq!(a.agreed, Some(2));
    assert_eq!(a.agreed_by, Some(AgreedBy::Median));
    assert_eq!(a.spread, Some(2));
    assert!(a.disagreement && a.needs_discussion);
    assert_eq!(scored.agenda[0].aspect, "A1.2");
    assert_eq!(scored.agenda[0].levels.len(), 3);
}

#[test]
fn ready_only_when_every_aspect_meets_its_benchmark_with_commentary() {
    let (scored, _) = score(
        &fw(),
        &settings(),
        &[everything_at("Ann", 2)],
        &good_records(),
    );
    assert!(scored.ready, "{:?}", scored.reasons);
    assert!(scored.milestones.started && scored.milestones.progress && scored.milestones.ready);
    assert_eq!(scored.milestones.elements_complete, 4);

    let mut book = everything_at("Ann", 2);
    book.rows[2].levels = vec![("Ann".into(), 3)];
    book.rows[5].commentary = String::new();
    book.rows[7].commentary = "Taught in computing.".into();
    let (scored, _) = score(&fw(), &settings(), &[book], &good_records());
    assert!(!scored.ready);
    let reasons: Vec<(&str, Shortfall)> = scored
        .reasons
        .iter()
        .flat_map(|r| r.kinds.iter().map(|k| (r.aspect.as_str(), *k)))
        .collect();
    assert_eq!(
        reasons,
        [
            ("A1.3", Shortfall::BelowBenchmark),
            ("A2.3", Shortfall::NoCommentary),
            ("B1.2", Shortfall::CommentaryTooShort)
        ]
    );
    assert!(
        scored.reasons[0]
            .message
            .contains("level 3 is below the benchmark of 2")
    );
    assert!(!scored.milestones.ready);

    let mut book = everything_at("Ann", 2);
    book.rows[7].commentary = "Computing.".into();
    let (scored, _) = score(&fw(), &settings(), &[book], &good_records());
    let short = &scored.reasons[0].message;
    assert!(short.contains("the commentary has 1 word;"), "{short}");
}

#[test]
fn an_empty_review_has_not_started_and_names_every_aspect() {
    let (scored, _) = score(&fw(), &settings(), &[], &Evidence::default());
    assert!(!scored.milestones.started);
    assert_eq!(
        scored
            .reasons
            .iter()
            .filter(|r| r.kinds.contains(&Shortfall::NotScored))
            .count(),
        21
    );
    assert!(scored.actions.is_empty());
}

#[test]
fn a_group_workbook_agreed_level_and_rationale_win() {
    let mut r = row(
        "B2.1",
        vec![("Ann", 1), ("Bob", 3)],
        LONG,
        &["training.xlsx"],
    );
    r.agreed = Some(3);
    r.rationale = "Two part-time staff missed the last session.".into();
    r.actions = "Run a catch-up session".into();
    r.owner = "OSL".into();
    let group = Filled {
        path: "scores/group.xlsx".into(),
        kind: ScoredBy::Group {
            members: vec!["Ann".into(), "Bob".into()],
        },
        framework: "online-safety-21".into(),
        version: "1.0.0".into(),
        named_at: Vec::new(),
        rows: vec![r],
    };
    let (scored, _) = score(&fw(), &settings(), &[group], &good_records());
    let a = scored
        .aspects
        .iter()
        .find(|a| a.code == "B2.1")
        .expect("scored");
    assert_eq!((a.agreed, a.agreed_by), (Some(3), Some(AgreedBy::Group)));
    assert_eq!(
        a.rationale.as_deref(),
        Some("Two part-time staff missed the last session.")
    );
    assert_eq!(a.commentary[0].reviewer, "Group");
    let plan = &scored.actions[0];
    assert_eq!(
        (plan.aspect.as_str(), plan.next_level, plan.below_benchmark),
        ("B2.1", 2, true)
    );
    assert_eq!(plan.planned.as_ref().map(|p| p.owner.as_str()), Some("OSL"));
    assert!(!plan.improvement_actions.is_empty());
}

#[test]
fn a_second_workbook_for_a_reviewer_is_left_out_with_a_finding() {
    let mut second = everything_at("Ann", 4);
    second.path = "scores/ann-copy.xlsx".into();
    let (scored, diags) = score(
        &fw(),
        &settings(),
        &[everything_at("Ann", 2), second],
        &Evidence::default(),
    );
    assert_eq!(
        diags.iter().next().map(|d| d.code),
        Some(Code::DuplicateReviewerWorkbook)
    );
    assert_eq!(scored.workbooks.len(), 1);
}

#[test]
fn the_plan_puts_aspects_furthest_below_benchmark_first() {
    let mut book = everything_at("Ann", 2);
    book.rows[20].levels = vec![("Ann".into(), 5)];
    book.rows[3].levels = vec![("Ann".into(), 3)];
    book.rows[0].levels = vec![("Ann".into(), 1)];
    let (scored, _) = score(&fw(), &settings(), &[book], &good_records());
    let order: Vec<&str> = scored
        .actions
        .iter()
        .map(|p| p.aspect.as_str())
        .take(3)
        .collect();
    assert_eq!(order, ["D1.1", "A2.1", "A1.2"]);
    assert!(
        scored.actions.iter().all(|p| p.aspect != "A1.1"),
        "level 1 needs no step"
    );
    let d11 = &scored.actions[0];
    assert_eq!(d11.next_level, 4);
    let framework = fw();
    let (_, _, aspect) = framework.aspect("D1.1").expect("aspect");
    assert_eq!(d11.next_statement, aspect.statement(4).expect("statement"));
}

proptest! {
    #[test]
    fn consolidation_does_not_depend_on_the_order_of_workbooks(
        levels in proptest::collection::vec(proptest::collection::vec(1u8..=5, 21), 1..6),
        seed in any::<u64>(),
    ) {
        let framework = fw();
        let books: Vec<Filled> = levels
            .iter()
            .enumerate()
            .map(|(i, ls)| {
                let name = format!("Reviewer {i}");
                let rows = framework
                    .aspects()
                    .zip(ls)
                    .map(|((_, _, a), &l)| row(&a.code, vec![(name.as_str(), l)], LONG, &[]))
                    .collect();
                individual(&name, rows)
            })
            .collect();
        let mut shuffled = books.clone();
        let n = shuffled.len();
        shuffled.rotate_left((seed as usize) % n);
        if seed % 2 == 0 {
            shuffled.reverse();
        }
        let (a, _) = score(&framework, &settings(), &books, &Evidence::default());
        let (b, _) = score(&framework, &settings(), &shuffled, &Evidence::default());
        prop_assert_eq!(a, b);
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid")
}

fn trained(name: &str, group: &str, date: Option<NaiveDate>) -> crate::evidence::records::Training {
    crate::evidence::records::Training {
        person: name.into(),
        key: name.to_lowercase(),
        role: "Teacher".into(),
        group: group.into(),
        course: String::new(),
        date,
        next_due: None,
    }
}

/// Staff and governors all trained this year, and the group meeting every half term.
fn good_records() -> Evidence {
    use crate::evidence::Kind as EvidenceKind;
    use crate::evidence::records::Meeting;
    let mut training = Vec::new();
    for i in 0..10 {
        training.push(trained(&format!("S{i}"), "staff", Some(day(2026, 9, 1))));
        training.push(trained(
            &format!("G{i}"),
            "governors",
            Some(day(2026, 9, 1)),
        ));
    }
    let meeting = |m, group: &str, items: &str| Meeting {
        date: day(2026, m, 10),
        group: group.into(),
        name: crate::text::group_name(group),
        attendees: 5,
        items: items.into(),
    };
    let mut meetings: Vec<Meeting> = (1..=11)
        .map(|m| meeting(m, "online-safety-group", "policy review"))
        .collect();
    meetings.extend([3, 6, 10].map(|m| meeting(m, "governors", "online safety report")));
    let mut incidents = crate::evidence::tally::IncidentLog::default();
    incidents.add(crate::evidence::records::Incident {
        date: day(2026, 10, 1),
        categories: vec!["cyberbullying".into()],
        actioned: true,
        closed: true,
    });
    Evidence {
        training,
        meetings,
        incidents,
        // Every register is listed; those other than these three hold no rows.
        kinds: EvidenceKind::TEMPLATES.to_vec(),
        ..Evidence::default()
    }
}

/// 8 of 16 staff trained in the last two years, and the rest of `good_records`.
fn half_the_staff() -> Evidence {
    let mut e = good_records();
    e.training.retain(|t| t.group != "staff");
    for i in 0..16 {
        let date = (i < 8).then(|| day(2026, 1, 10));
        e.training.push(trained(&format!("S{i}"), "staff", date));
    }
    e
}

fn aspect<'a>(scored: &'a Scored, code: &str) -> &'a AspectScore {
    scored
        .aspects
        .iter()
        .find(|a| a.code == code)
        .expect("scored")
}

mod agreed;
mod evidence;
