//! Unit tests of framework checking: the embedded framework and each validation rule.

use std::path::Path;

use super::*;
use crate::diag::{Code, Severity};

fn codes(text: &str) -> Vec<(Code, String)> {
    check(text, Path::new("f.toml"))
        .diagnostics
        .iter()
        .map(|d| (d.code, d.location.to_string()))
        .collect()
}

const MINIMAL: &str = r#"
id = "tiny"
title = "Tiny"
version = "1"
[levels]
5 = "a"
4 = "b"
3 = "c"
2 = "d"
1 = "e"
[[elements]]
code = "A"
name = "Element"
[[elements.strands]]
code = "A1"
name = "Strand"
[[elements.strands.aspects]]
code = "A1.1"
name = "Aspect"
descriptor = "About it."
benchmark = 2
evidence = ["minutes"]
evidence-kinds = ["meetings"]
[elements.strands.aspects.levels]
5 = "none"
4 = "some"
3 = "more"
2 = "most"
1 = "all"
[elements.strands.aspects.actions]
to-4 = ["x"]
to-3 = ["x"]
to-2 = ["x"]
to-1 = ["x"]
"#;

/// The shape both built-in frameworks share: four elements, nine strands (A1, A2, B1–B4,
/// C1, C2, D1), a benchmark of 2, five levels, four steps and suggested evidence everywhere.
fn assert_shape(id: &str, aspects: usize, with_checks: &[&str]) -> Framework {
    let loaded = load_embedded(id).expect("embedded");
    let fw = loaded.framework;
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(fw.elements.len(), 4);
    assert_eq!(
        fw.elements.iter().map(|e| e.strands.len()).sum::<usize>(),
        9
    );
    assert_eq!(fw.aspects().count(), aspects);
    for (_, _, a) in fw.aspects() {
        assert_eq!(a.benchmark, 2, "{}", a.code);
        assert_eq!(a.levels.len(), 5, "{}", a.code);
        assert_eq!(a.steps.len(), 4, "{}", a.code);
        assert!(!a.evidence.is_empty(), "{}", a.code);
    }
    for code in with_checks {
        let (_, _, a) = fw.aspect(code).expect("aspect exists");
        assert!(!a.checks.is_empty(), "{code} has evidence checks");
    }
    fw
}

#[test]
fn embedded_frameworks_have_their_aspects_with_benchmark_2() {
    assert_eq!(DEFAULT_ID, "online-safety-18");
    assert_eq!(EMBEDDED[0].id, DEFAULT_ID, "the default is listed first");
    let v2 = ["A1.2", "A2.1", "A2.3", "B2.1", "B3.1", "D1.1"];
    assert_shape("online-safety-21", 21, &v2);
    let england = [
        "A1.1", "A1.2", "A2.1", "A2.3", "B2.1", "B3.1", "C1.1", "C1.2", "D1.1",
    ];
    let fw = assert_shape(DEFAULT_ID, 18, &england);
    for gone in [
        "Professional Standards",
        "Contribution of Learners",
        "Agencies",
        "Social Media",
    ] {
        assert!(fw.aspects().all(|(_, _, a)| a.name != gone), "{gone}");
    }
    let (_, strand, cyber) = fw.aspect("C1.5").expect("Cyber Security");
    assert_eq!(
        (strand.name.as_str(), cyber.name.as_str()),
        ("Technical", "Cyber Security")
    );
}

#[test]
fn the_18_aspects_check_what_england_expects_today() {
    let fw = load_embedded(DEFAULT_ID).expect("embedded").framework;
    let check = |code: &str, metric: Metric, level: u8| -> Check {
        let (_, _, a) = fw.aspect(code).expect("aspect");
        a.checks
            .iter()
            .find(|c| c.metric == metric && c.supports_level == level)
            .cloned()
            .unwrap_or_else(|| panic!("{code} has no {metric} check for level {level}"))
    };
    let staff = check("B2.1", Metric::TrainingCoverage, 2);
    assert_eq!(
        staff.params.months(),
        Some(12),
        "updated at least every year"
    );
    assert_eq!(staff.threshold, Threshold::AtLeast(0.9));
    assert_eq!(
        check("B2.1", Metric::TrainingCoverage, 3).params.months(),
        Some(24)
    );
    let governors = check("B3.1", Metric::TrainingCoverage, 1);
    assert_eq!(
        governors.threshold,
        Threshold::AtLeast(1.0),
        "all governors"
    );
    for (code, topic) in [("C1.1", "filtering"), ("C1.2", "monitoring")] {
        let review = check(code, Metric::MeetingsWithItem, 2);
        assert_eq!(review.params.text(Param::Topic), Some(topic));
        assert_eq!(review.params.months(), Some(12));
    }
    let dsl = check("A1.1", Metric::TrainingRoleCoverage, 2);
    assert_eq!(dsl.params.months(), Some(24));
    assert!(
        dsl.params
            .text(Param::Role)
            .is_some_and(|r| r.contains("DSL"))
    );
}

#[test]
fn every_embedded_framework_is_valid_and_its_id_matches() {
    for e in EMBEDDED {
        let loaded = load_embedded(e.id).expect("loads");
        assert_eq!(loaded.framework.id, e.id);
    }
}

#[test]
fn minimal_framework_is_valid_and_fills_check_defaults() {
    let text = format!(
        "{MINIMAL}[[elements.strands.aspects.checks]]\nmetric = \"training.coverage\"\nparams = {{ group = \"staff\" }}\nat-least = 0.9\nsupports-level = 2\n"
    );
    let checked = check(&text, Path::new("f.toml"));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let fw = checked.framework.expect("valid");
    let (_, _, a) = fw.aspect("a1.1").expect("found ignoring case");
    assert_eq!(a.checks[0].metric, Metric::TrainingCoverage);
    assert_eq!(a.checks[0].params.months(), Some(24));
    assert_eq!(a.checks[0].params.text(Param::Group), Some("staff"));
    assert_eq!(
        a.checks[0].describe(),
        "a claimed level of 2 or better needs training.coverage (group=staff, months=24) ≥ 0.9"
    );
    assert!(
        !a.checks[0].required,
        "a check is not required unless it says so"
    );
    assert_eq!(a.step_from(5).map(|s| s.to), Some(4));
    assert_eq!(a.statement(2), Some("most"));
}

/// The 1-based line of the first line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .expect("the test text has the line")
        + 1
}

#[test]
fn three_problems_are_all_reported_with_places() {
    let aspect = &MINIMAL[MINIMAL
        .find("[[elements.strands.aspects]]")
        .expect("has an aspect")..];
    let text = format!("{MINIMAL}{aspect}").replacen(
        "benchmark = 2",
        "benchmark = 7\ncolour = \"red\"",
        1,
    );
    let found = codes(&text);
    let second_code = text
        .match_indices("code = \"A1.1\"")
        .nth(1)
        .expect("two aspects")
        .0;
    let dup_line = text[..second_code].lines().count() + 1;
    assert_eq!(
        found,
        vec![
            (
                Code::BenchmarkOutOfRange,
                format!("f.toml:{}:13", line_of(&text, "benchmark = 7"))
            ),
            (
                Code::UnknownKey,
                format!("f.toml:{}:1", line_of(&text, "colour"))
            ),
            (Code::DuplicateCode, format!("f.toml:{dup_line}:8")),
        ]
    );
}

#[test]
fn syntax_errors_are_located() {
    let found = codes("id = \"x\"\ntitle = \n");
    assert_eq!(found[0].0, Code::TomlSyntax);
    assert!(found[0].1.starts_with("f.toml:2:"), "{found:?}");
}

#[test]
fn a_check_can_be_required_and_the_flag_must_be_true_or_false() {
    let check_text = |required: &str| {
        format!(
            "{MINIMAL}[[elements.strands.aspects.checks]]\nmetric = \"training.coverage\"\nparams = {{ group = \"staff\" }}\nat-least = 0.9\nsupports-level = 2\nrequired = {required}\n"
        )
    };
    let fw = check(&check_text("true"), Path::new("f.toml"))
        .framework
        .expect("valid");
    let (_, _, a) = fw.aspect("A1.1").expect("found");
    assert!(a.checks[0].required);
    let text = check_text("\"yes\"");
    let line = line_of(&text, "required");
    assert_eq!(
        codes(&text),
        vec![(Code::WrongType, format!("f.toml:{line}:12"))]
    );
}

#[test]
fn wrong_type_is_located() {
    let text = MINIMAL.replace("benchmark = 2", "benchmark = \"two\"");
    let line = line_of(&text, "benchmark");
    assert_eq!(
        codes(&text),
        vec![(Code::WrongType, format!("f.toml:{line}:13"))]
    );
}

#[test]
fn missing_and_duplicate_statements_and_actions() {
    let text = MINIMAL
        .replace("3 = \"more\"\n", "")
        .replace("1 = \"all\"", "1 = \"Most \"")
        .replace("to-2 = [\"x\"]\n", "");
    let found: Vec<Code> = codes(&text).into_iter().map(|(c, _)| c).collect();
    assert_eq!(
        found,
        vec![
            Code::MissingLevel,
            Code::DuplicateLevelStatement,
            Code::MissingImprovementActions
        ]
    );
}

#[test]
fn codes_must_nest_and_groups_must_not_be_empty() {
    let text = MINIMAL.replace("code = \"A1.1\"", "code = \"B1.1\"");
    assert_eq!(codes(&text)[0].0, Code::CodeNotUnderParent);
    let empty = MINIMAL
        .split("[[elements.strands.aspects]]")
        .next()
        .expect("has a prefix")
        .to_string();
    assert_eq!(codes(&empty)[0].0, Code::EmptyStrand);
}

#[test]
fn checks_are_validated_against_the_metric_catalogue() {
    let check = |body: &str| {
        let text = format!("{MINIMAL}[[elements.strands.aspects.checks]]\n{body}\n");
        codes(&text).into_iter().map(|(c, _)| c).collect::<Vec<_>>()
    };
    assert_eq!(
        check("metric = \"training.nonsense\"\nat-least = 1\nsupports-level = 2"),
        vec![Code::UnknownMetric]
    );
    assert_eq!(
        check(
            "metric = \"training.coverage\"\nparams = { group = \"staff\", colour = 1 }\nat-least = 0.5\nsupports-level = 2"
        ),
        vec![Code::UnknownMetricParam]
    );
    assert_eq!(
        check("metric = \"training.coverage\"\nat-least = 0.5\nsupports-level = 2"),
        vec![Code::MissingMetricParam]
    );
    assert_eq!(
        check(
            "metric = \"training.coverage\"\nparams = { group = \"staff\", months = 0 }\nat-least = 0.5\nsupports-level = 2"
        ),
        vec![Code::InvalidMetricParam]
    );
    assert_eq!(
        check(
            "metric = \"training.coverage\"\nparams = { group = \"staff\" }\nat-least = 90\nsupports-level = 2"
        ),
        vec![Code::ThresholdOutOfRange]
    );
    assert_eq!(
        check("metric = \"incidents.count\"\nsupports-level = 2"),
        vec![Code::CheckThreshold]
    );
    assert_eq!(
        check("metric = \"incidents.count\"\nat-least = 1\nsupports-level = 6"),
        vec![Code::CheckLevelOutOfRange]
    );
}

#[test]
fn evidence_kinds_are_checked_and_an_aspect_with_nothing_behind_it_warns() {
    let text = MINIMAL.replace(
        "evidence-kinds = [\"meetings\"]",
        "evidence-kinds = [\"meetings\", \"policies\", \"meetings\"]",
    );
    let found = codes(&text);
    assert_eq!(
        found,
        vec![(
            Code::UnknownEvidenceKind,
            format!("f.toml:{}:31", line_of(&text, "evidence-kinds"))
        )]
    );
    let checked = check(&text.replace(", \"policies\"", ""), Path::new("f.toml"));
    let fw = checked.framework.expect("valid");
    let (_, _, a) = fw.aspect("A1.1").expect("the aspect");
    assert_eq!(a.evidence_kinds, vec!["meetings"]);
    assert!(!a.evidence_required && !fw.evidence_required);
    let bare = MINIMAL.replace("evidence-kinds = [\"meetings\"]\n", "");
    let checked = check(&bare, Path::new("f.toml"));
    let warned: Vec<Code> = checked.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(warned, vec![Code::AspectWithoutRecords]);
    assert!(checked.framework.is_some(), "only a warning");
}

#[test]
fn evidence_required_is_set_for_the_framework_and_overridden_by_an_aspect() {
    let text = MINIMAL.replace(
        "version = \"1\"",
        "version = \"1\"\nevidence-required = true",
    );
    let fw = check(&text, Path::new("f.toml")).framework.expect("valid");
    assert!(fw.evidence_required && fw.aspects().all(|(_, _, a)| a.evidence_required));
    let text = text.replace("benchmark = 2", "benchmark = 2\nevidence-required = false");
    let fw = check(&text, Path::new("f.toml")).framework.expect("valid");
    assert!(fw.aspects().all(|(_, _, a)| !a.evidence_required));
    // Every shipped framework has something behind every aspect, and needs it.
    for shipped in EMBEDDED {
        let embedded = load_embedded(shipped.id).expect("embedded").framework;
        assert!(embedded.evidence_required, "{}", shipped.id);
        for (_, _, a) in embedded.aspects() {
            let backed = !a.checks.is_empty() || !a.evidence_kinds.is_empty();
            assert!(backed, "{} {}", shipped.id, a.code);
        }
    }
}

#[test]
fn a_framework_without_suggested_evidence_only_warns() {
    let checked = check(
        &MINIMAL.replace("evidence = [\"minutes\"]\n", ""),
        Path::new("f.toml"),
    );
    assert_eq!(checked.diagnostics.count(Severity::Warning), 1);
    assert!(checked.framework.is_some());
}

#[test]
fn resolve_reports_unknown_ids_with_the_known_ones() {
    let dir = tempfile::tempdir().expect("temporary folder");
    match resolve("nope", dir.path()) {
        Err(Error::UnknownFramework { known, .. }) => {
            assert!(known.contains(&DEFAULT_ID.to_string()))
        }
        other => panic!("expected an unknown framework, got {other:?}"),
    }
    assert!(resolve(DEFAULT_ID, dir.path()).is_ok());
}

#[test]
fn a_framework_is_titled_by_its_id_from_the_binary_or_the_review_folder() {
    let dir = tempfile::tempdir().expect("temporary folder");
    assert_eq!(
        title_of("online-safety-21", dir.path()).as_deref(),
        Some("Online safety self-review (21 aspects)")
    );
    assert_eq!(title_of("online-safety-99", dir.path()), None);
    // The school's own, in its review's frameworks/ folder, by the id inside it.
    let own = EMBEDDED[1]
        .text
        .replacen("id = \"online-safety-21\"", "id = \"hill-own-1\"", 1)
        .replacen(
            "title = \"Online safety self-review (21 aspects)\"",
            "title = \"Hill's own review\"",
            1,
        );
    assert!(own.contains("hill-own-1") && own.contains("Hill's own review"));
    std::fs::create_dir(dir.path().join("frameworks")).expect("folder");
    std::fs::write(dir.path().join("frameworks/own.toml"), own).expect("write");
    assert_eq!(
        title_of("hill-own-1", dir.path()).as_deref(),
        Some("Hill's own review")
    );
    // An id is never read as a path.
    assert_eq!(title_of("frameworks/own.toml", dir.path()), None);
}
