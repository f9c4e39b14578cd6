//! Turning the raw map into a [`Map`], collecting every problem with its place.
//!
//! Besides the shape of the file, a map is checked against the two frameworks it names:
//! every code it uses exists, every aspect of the framework mapped from lands somewhere its
//! commentary is kept, and every aspect of the framework mapped to is listed exactly once.

use std::collections::BTreeSet;

use super::raw::{RawEntry, RawMap};
use super::{Carry, Entry, Map};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::framework::Framework;
use crate::tomldoc::{SourceMap, TomlPath};

/// Validates `raw`; the map is returned only if nothing at error severity was found.
pub fn validate(
    raw: &RawMap,
    map: &SourceMap<'_>,
    framework: &dyn Fn(&str) -> Option<Framework>,
) -> (Option<Map>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let root = TomlPath::default();
    let (id, from, to) = header(raw, map, &mut diags);
    let load = |id: &str, key: &str, diags: &mut Diagnostics| {
        if id.is_empty() {
            return None;
        }
        let found = framework(id);
        if found.is_none() {
            diags.push(
                Diagnostic::error(
                    Code::MapUnknownFramework,
                    map.value(&root.key(key)),
                    format!("no framework `{id}` is built in or in this review's frameworks/"),
                )
                .with_help("`selfreview framework list` shows the frameworks known here"),
            );
        }
        found
    };
    let source = load(&from, "from", &mut diags);
    let target = load(&to, "to", &mut diags);
    let Some(raw_entries) = &raw.aspects else {
        diags.push(
            Diagnostic::error(
                Code::MissingKey,
                Location::file(map.file()),
                "the map has no `[[aspects]]` entries".to_string(),
            )
            .with_help("add an `[[aspects]]` entry for each aspect of the framework mapped to"),
        );
        return (None, diags);
    };
    let mut entries = Vec::new();
    for (i, e) in raw_entries.iter().enumerate() {
        let path = root.key("aspects").index(i);
        entries.extend(entry(
            e,
            &path,
            map,
            source.as_ref(),
            target.as_ref(),
            &mut diags,
        ));
    }
    if let (Some(source), Some(target)) = (&source, &target) {
        coverage(&entries, source, target, map, &mut diags);
    }
    if let Some(target) = &target {
        let order = |code: &str| target.aspects().position(|(_, _, a)| a.code == code);
        entries.sort_by_key(|(_, e)| order(&e.code));
    }
    let result = Map {
        id,
        title: raw.title.as_deref().unwrap_or("").trim().to_string(),
        description: raw.description.as_deref().unwrap_or("").trim().to_string(),
        from,
        to,
        aspects: entries.into_iter().map(|(_, e)| e).collect(),
        source: String::new(),
    };
    let ok = !diags.has_errors() && source.is_some() && target.is_some();
    (ok.then_some(result), diags)
}

/// The map's id and the frameworks it names, each reported when missing or blank.
fn header(raw: &RawMap, map: &SourceMap<'_>, diags: &mut Diagnostics) -> (String, String, String) {
    let root = TomlPath::default();
    let text = |value: &Option<String>, key: &str, diags: &mut Diagnostics| -> String {
        let at = map.value(&root.key(key));
        match value.as_deref().map(str::trim) {
            None => {
                diags.push(
                    Diagnostic::error(
                        Code::MissingKey,
                        at,
                        format!("`{key}` is missing in the file"),
                    )
                    .with_help(format!(
                        "add `{key} = \"…\"`; frameworks/README.md describes framework maps"
                    )),
                );
                String::new()
            }
            Some("") => {
                diags.push(
                    Diagnostic::error(Code::EmptyText, at, format!("`{key}` is blank"))
                        .with_help("write the value between the quotes"),
                );
                String::new()
            }
            Some(t) => t.to_string(),
        }
    };
    let id = text(&raw.map, "map", diags);
    if !id.is_empty() && !crate::framework::validate::is_kebab(&id) {
        diags.push(
            Diagnostic::error(
                Code::InvalidId,
                map.value(&root.key("map")),
                format!("map id `{id}` is not kebab-case"),
            )
            .with_help(
                "use lower-case letters, digits and single hyphens, e.g. `online-safety-21-to-18`",
            ),
        );
    }
    let from = text(&raw.from, "from", diags);
    let to = text(&raw.to, "to", diags);
    (id, from, to)
}

/// One `[[aspects]]` entry with the path it was read from; codes checked against the
/// frameworks that could be found.
fn entry(
    e: &RawEntry,
    path: &TomlPath,
    map: &SourceMap<'_>,
    source: Option<&Framework>,
    target: Option<&Framework>,
    diags: &mut Diagnostics,
) -> Option<(TomlPath, Entry)> {
    let Some(code) = e.code.as_deref().map(str::trim) else {
        diags.push(
            Diagnostic::error(
                Code::MissingKey,
                map.value(path),
                "`code` is missing in this `[[aspects]]` entry".to_string(),
            )
            .with_help(
                "give the code of the aspect in the framework mapped to, e.g. `code = \"A1.1\"`",
            ),
        );
        return None;
    };
    if let Some(fw) = target
        && fw.aspect(code).is_none()
    {
        diags.push(unknown_aspect(map.value(&path.key("code")), code, fw));
    }
    let from: Vec<String> = e
        .from
        .iter()
        .flatten()
        .map(|c| c.trim().to_string())
        .collect();
    if let Some(fw) = source {
        for (i, c) in from.iter().enumerate() {
            if fw.aspect(c).is_none() {
                diags.push(unknown_aspect(map.value(&path.key("from").index(i)), c, fw));
            }
        }
    }
    let new = e.new.unwrap_or(false);
    let at = map.value(&path.key("from"));
    if from.is_empty() {
        diags.push(
            Diagnostic::error(Code::MapSourceCount, at, format!("`{code}` has no aspect to come from"))
                .with_help("list the aspects it comes from, e.g. `from = [\"A1.1\"]`; a new aspect names the one whose level it starts from"),
        );
    } else if new && from.len() > 1 {
        diags.push(
            Diagnostic::error(Code::MapSourceCount, at, format!("`{code}` is new but names {} aspects to start from", from.len()))
                .with_help("a new aspect starts from the level of one aspect: keep one, or drop `new = true` to merge them"),
        );
    }
    let carry = match (new, from.len()) {
        (true, _) => Carry::New,
        (false, n) if n > 1 => Carry::Merged,
        (false, _) => Carry::Same,
    };
    let entry = Entry {
        code: code.to_string(),
        from,
        carry,
        note: e.note.as_deref().unwrap_or("").trim().to_string(),
    };
    Some((path.clone(), entry))
}

fn unknown_aspect(at: Location, code: &str, fw: &Framework) -> Diagnostic {
    Diagnostic::error(
        Code::MapUnknownAspect,
        at,
        format!("`{}` has no aspect `{code}`", fw.id),
    )
    .with_help(format!(
        "`selfreview framework show {}` lists its aspects",
        fw.id
    ))
}

/// Every target aspect listed once, and every source aspect carried somewhere.
fn coverage(
    entries: &[(TomlPath, Entry)],
    source: &Framework,
    target: &Framework,
    map: &SourceMap<'_>,
    diags: &mut Diagnostics,
) {
    let mut seen = BTreeSet::new();
    for (path, e) in entries {
        let Some((_, _, a)) = target.aspect(&e.code) else {
            continue;
        };
        if !seen.insert(a.code.clone()) {
            diags.push(
                Diagnostic::error(
                    Code::MapTargetDuplicated,
                    map.value(&path.key("code")),
                    format!("`{}` is listed twice", a.code),
                )
                .with_help(
                    "keep one entry for the aspect and put all its sources in its `from` list",
                ),
            );
        }
    }
    let end = map.value(&TomlPath::default().key("to"));
    for (_, _, a) in target.aspects() {
        if !seen.contains(&a.code) {
            diags.push(
                Diagnostic::error(
                    Code::MapTargetMissing,
                    end.clone(),
                    format!("`{}` {} of `{}` has no entry", a.code, a.name, target.id),
                )
                .with_help(
                    "add an `[[aspects]]` entry saying where its level and commentary come from",
                ),
            );
        }
    }
    let carried: BTreeSet<String> = entries
        .iter()
        .filter(|(_, e)| e.carry != Carry::New)
        .flat_map(|(_, e)| e.from.iter())
        .filter_map(|c| source.aspect(c).map(|(_, _, a)| a.code.clone()))
        .collect();
    let from_at = map.value(&TomlPath::default().key("from"));
    for (_, _, a) in source.aspects() {
        if !carried.contains(&a.code) {
            diags.push(
                Diagnostic::error(
                    Code::MapSourceNotCarried,
                    from_at.clone(),
                    format!(
                        "`{}` {} of `{}` lands nowhere, so its commentary would be lost",
                        a.code, a.name, source.id
                    ),
                )
                .with_help("add it to the `from` list of the aspect its content moved to"),
            );
        }
    }
}
