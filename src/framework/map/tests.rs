//! The map format: the shipped map, and a problem of each kind located in the file.

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::diag::Code;

fn shipped(id: &str) -> Option<Framework> {
    crate::framework::load_embedded(id).map(|l| l.framework)
}

fn checked(text: &str) -> Checked {
    check(text, Path::new("map.toml"), &shipped)
}

#[test]
fn the_shipped_map_is_clean_and_carries_every_aspect() {
    let e = &EMBEDDED_MAPS[0];
    assert!(is_map(e.text));
    let c = check(e.text, Path::new(e.file_name), &shipped);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let map = c.map.expect("valid");
    assert_eq!(map.aspects.len(), 18);
    let carry = |code: &str| map.aspects.iter().find(|a| a.code == code).map(|a| a.carry);
    assert_eq!(carry("C1.5"), Some(Carry::New));
    assert_eq!(carry("A1.1"), Some(Carry::Merged));
    assert_eq!(carry("C2.2"), Some(Carry::Same));
    let levels: BTreeMap<String, u8> = [("C1.3", 2), ("C2.2", 4), ("C2.4", 2), ("C2.3", 3)]
        .into_iter()
        .map(|(c, l)| (c.to_string(), l))
        .collect();
    let carried = map.carry_levels(&levels);
    assert_eq!(carried.get("C1.5"), Some(&2));
    assert_eq!(carried.get("C2.3"), Some(&4), "the weaker of C2.4 and C2.2");
    assert_eq!(carried.get("C2.2"), Some(&3));
    assert_eq!(carried.get("A1.1"), None);
    let (comparable, left_out) = map.comparable_levels(&levels);
    assert_eq!(
        comparable.get("C2.2"),
        Some(&3),
        "carried as it is: comparable"
    );
    assert_eq!(
        comparable.get("C1.5"),
        None,
        "a new aspect's copied level is not"
    );
    assert_eq!(comparable.get("C2.3"), None, "nor a merged aspect's");
    assert!(left_out.contains(&"C1.5".to_string()) && left_out.contains(&"C2.3".to_string()));
    assert!(!left_out.contains(&"C2.2".to_string()));
    // B1.2 has no level: the merged B1.1 takes none, not B1.1's level alone.
    let one: BTreeMap<String, u8> = [("B1.1".to_string(), 2)].into_iter().collect();
    assert_eq!(map.carry_levels(&one).get("B1.1"), None);
}

#[test]
fn a_framework_file_is_not_a_map() {
    let fw = crate::framework::EMBEDDED[0].text;
    assert!(!is_map(fw));
    assert!(!is_map("map = "));
}

/// The shipped map with one change, and the single finding it makes.
fn one_finding(from: &str, to: &str) -> (Code, String) {
    let text = EMBEDDED_MAPS[0].text;
    assert!(text.contains(from), "{from}");
    let c = checked(&text.replacen(from, to, 1));
    assert_eq!(c.diagnostics.0.len(), 1, "{:?}", c.diagnostics);
    assert!(c.map.is_none());
    let d = c.diagnostics.iter().next().expect("one");
    (d.code, d.location.to_string())
}

#[test]
fn each_problem_is_located() {
    let line = |needle: &str| {
        let text = EMBEDDED_MAPS[0].text;
        let at = text.find(needle).expect("there");
        text[..at].lines().count() + 1
    };
    let (code, at) = one_finding("to = \"online-safety-18\"", "to = \"online-safety-99\"");
    assert_eq!(code, Code::MapUnknownFramework);
    assert_eq!(
        at,
        format!("map.toml:{}:6", line("to = \"online-safety-18\""))
    );
    let (code, _) = one_finding("from = [\"A2.3\"]", "from = [\"A2.9\", \"A2.3\"]");
    assert_eq!(code, Code::MapUnknownAspect);
    let (code, _) = one_finding("from = [\"C1.3\"]\nnew", "from = [\"C1.3\", \"C1.4\"]\nnew");
    assert_eq!(code, Code::MapSourceCount);
    let (code, _) = one_finding("from = [\"A1.2\"]", "from = [\"A1.1\"]");
    assert_eq!(code, Code::MapSourceNotCarried);
    let text = EMBEDDED_MAPS[0]
        .text
        .replacen("code = \"C1.2\"", "code = \"C1.1\"", 1);
    let codes: Vec<Code> = checked(&text).diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::MapTargetMissing, Code::MapTargetDuplicated]);
}
