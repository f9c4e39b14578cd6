//! Turning the raw mirror into a [`Framework`], collecting every problem on the way.
//!
//! Each rule reports with the path of the offending key, resolved to `file:line:col` by the
//! [`SourceMap`]; nothing stops at the first problem, so a school fixes its file in one pass.

mod aspect;
mod checks;

use std::collections::HashMap;

use super::raw::{RawElement, RawFramework, RawLevels, RawStrand};
use super::{Element, Framework, LevelText, Strand};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::tomldoc::{Seg, SourceMap, TomlPath};

/// Validates `raw`; the framework is returned only if nothing at error severity was found.
pub fn validate(raw: &RawFramework, map: &SourceMap<'_>) -> (Option<Framework>, Diagnostics) {
    let mut v = Validator {
        map,
        diags: Diagnostics::default(),
        codes: HashMap::new(),
        evidence_required: raw.evidence_required.unwrap_or(false),
    };
    let root = TomlPath::default();
    let id = v.text(&raw.id, &root, "id");
    if !id.is_empty() && !is_kebab(&id) {
        let at = map.value(&root.key("id"));
        v.error(
            Code::InvalidId,
            at,
            format!("framework id `{id}` is not kebab-case"),
        )
        .help = Some(
            "use lower-case letters, digits and single hyphens, e.g. `online-safety-21`".into(),
        );
    }
    let title = v.text(&raw.title, &root, "title");
    let version = v.text(&raw.version, &root, "version");
    let levels = v.levels(raw.levels.as_ref(), &root.key("levels"), "level label");
    let elements = v.list(
        &raw.elements,
        &root,
        "elements",
        Code::EmptyFramework,
        "the framework has no elements",
    );
    let elements: Vec<Element> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| v.element(e, &root.key("elements").index(i)))
        .collect();

    let framework = Framework {
        id,
        title,
        version,
        description: raw.description.as_deref().unwrap_or("").trim().to_string(),
        levels,
        evidence_required: raw.evidence_required.unwrap_or(false),
        elements,
    };
    let ok = !v.diags.has_errors();
    (ok.then_some(framework), v.diags)
}

struct Validator<'m, 'a> {
    map: &'m SourceMap<'a>,
    diags: Diagnostics,
    /// Every element, strand and aspect code seen so far, with where it was first defined.
    codes: HashMap<String, Location>,
    /// The framework's `evidence-required`, which an aspect's own key overrides.
    evidence_required: bool,
}

impl Validator<'_, '_> {
    fn error(&mut self, code: Code, at: Location, message: String) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(code, at, message));
        self.diags.0.last_mut().expect("a finding was just pushed")
    }

    fn warn(&mut self, code: Code, at: Location, message: String) -> &mut Diagnostic {
        self.diags.push(Diagnostic::warning(code, at, message));
        self.diags.0.last_mut().expect("a finding was just pushed")
    }

    /// A required, non-blank text under `parent.key`.
    fn text(&mut self, value: &Option<String>, parent: &TomlPath, key: &str) -> String {
        match value {
            None => {
                let at = self.map.value(parent);
                let where_ = if parent.0.is_empty() {
                    "the file".to_string()
                } else {
                    format!("`{parent}`")
                };
                self.error(
                    Code::MissingKey,
                    at,
                    format!("`{key}` is missing in {where_}"),
                )
                .help = Some(format!("add `{key} = \"…\"`"));
                String::new()
            }
            Some(t) if t.trim().is_empty() => {
                let at = self.map.value(&parent.key(key));
                self.error(
                    Code::EmptyText,
                    at,
                    format!("`{}` is blank", parent.key(key)),
                )
                .help = Some("write the text, or remove the entry".into());
                String::new()
            }
            Some(t) => t.trim().to_string(),
        }
    }

    /// A list that must have at least one item.
    fn list<'r, T>(
        &mut self,
        value: &'r Option<Vec<T>>,
        parent: &TomlPath,
        key: &str,
        empty: Code,
        message: &str,
    ) -> &'r [T] {
        match value {
            Some(items) if !items.is_empty() => items,
            _ => {
                let at = self.map.value(&parent.key(key));
                self.error(empty, at, message.to_string()).help = Some(format!(
                    "add at least one `[[{}]]` table",
                    dotted(&parent.key(key))
                ));
                &[]
            }
        }
    }

    /// The five texts of a level scale or an aspect's statements.
    fn levels(&mut self, raw: Option<&RawLevels>, path: &TomlPath, what: &str) -> Vec<LevelText> {
        let Some(raw) = raw else {
            let at = self.map.value(path);
            self.error(
                Code::MissingLevel,
                at,
                format!("`{path}` is missing: every {what} from 5 to 1 is needed"),
            )
            .help = Some(format!(
                "add a `[{}]` table with keys 5, 4, 3, 2 and 1",
                dotted(path)
            ));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (level, text) in raw.by_level() {
            let key = level.to_string();
            match text {
                None => {
                    let at = self.map.value(path);
                    self.error(
                        Code::MissingLevel,
                        at,
                        format!("the {what} for level {level} is missing in `{path}`"),
                    )
                    .help = Some(format!("add `{level} = \"…\"`"));
                }
                Some(t) if t.trim().is_empty() => {
                    let at = self.map.value(&path.key(&key));
                    self.error(
                        Code::EmptyText,
                        at,
                        format!("the {what} for level {level} is blank"),
                    );
                }
                Some(t) => out.push(LevelText {
                    level,
                    text: t.trim().to_string(),
                }),
            }
        }
        out
    }

    /// Records a code, reporting a clash with an earlier one.
    fn code(&mut self, value: &Option<String>, parent: &TomlPath, kind: &str) -> String {
        let code = self.text(value, parent, "code");
        if code.is_empty() {
            return code;
        }
        let at = self.map.value(&parent.key("code"));
        if !is_code(&code) {
            self.error(
                Code::InvalidCode,
                at.clone(),
                format!(
                    "{kind} code `{code}` has characters other than letters, digits and single dots"
                ),
            )
            .help = Some("use codes like `A`, `A1` and `A1.2`".into());
        }
        let key = code.to_ascii_uppercase();
        if let Some(first) = self.codes.get(&key).cloned() {
            self.error(
                Code::DuplicateCode,
                at,
                format!(
                    "code `{code}` is already used at line {}",
                    first.line.unwrap_or(0)
                ),
            )
            .help = Some("give every element, strand and aspect its own code".into());
        } else {
            self.codes.insert(key, at);
        }
        code
    }

    fn under(&mut self, child: &str, parent: &str, path: &TomlPath, kind: &str) {
        // A malformed code has been reported already; saying it is misplaced too adds nothing.
        if child.is_empty() || parent.is_empty() || !is_code(child) || is_under(child, parent) {
            return;
        }
        let at = self.map.value(&path.key("code"));
        self.error(
            Code::CodeNotUnderParent,
            at,
            format!("{kind} code `{child}` does not begin with its parent's code `{parent}`"),
        )
        .help = Some(format!(
            "codes nest: `{parent}1` or `{parent}.1` under `{parent}`"
        ));
    }

    fn element(&mut self, raw: &RawElement, path: &TomlPath) -> Element {
        let code = self.code(&raw.code, path, "element");
        let name = self.text(&raw.name, path, "name");
        let strands = self.list(
            &raw.strands,
            path,
            "strands",
            Code::EmptyElement,
            &format!("element `{code}` has no strands"),
        );
        let strands = strands
            .iter()
            .enumerate()
            .map(|(i, s)| self.strand(s, &path.key("strands").index(i), &code))
            .collect();
        Element {
            code,
            name,
            strands,
        }
    }

    fn strand(&mut self, raw: &RawStrand, path: &TomlPath, element: &str) -> Strand {
        let code = self.code(&raw.code, path, "strand");
        self.under(&code, element, path, "strand");
        let name = self.text(&raw.name, path, "name");
        let aspects = self.list(
            &raw.aspects,
            path,
            "aspects",
            Code::EmptyStrand,
            &format!("strand `{code}` has no aspects"),
        );
        let aspects = aspects
            .iter()
            .enumerate()
            .map(|(i, a)| self.aspect(a, &path.key("aspects").index(i), &code))
            .collect();
        Strand {
            code,
            name,
            aspects,
        }
    }
}

/// `a.b[0].c` as a TOML table header `a.b.c`.
fn dotted(path: &TomlPath) -> String {
    path.0
        .iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect::<Vec<_>>()
        .join(".")
}

pub(super) fn is_kebab(id: &str) -> bool {
    !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_code(code: &str) -> bool {
    !code.starts_with('.')
        && !code.ends_with('.')
        && !code.contains("..")
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
}

/// Whether `child` nests under `parent`: it begins with the parent's code and goes on with a
/// dot, or with a digit after a parent ending in a letter (`A` → `A1` → `A1.2`). `A11.1`
/// is not under `A1`, because after a digit only a dot may follow.
fn is_under(child: &str, parent: &str) -> bool {
    let (c, p) = (child.to_ascii_uppercase(), parent.to_ascii_uppercase());
    let Some(rest) = c.strip_prefix(&p) else {
        return false;
    };
    let parent_ends_in_letter = p.chars().last().is_some_and(|ch| ch.is_ascii_alphabetic());
    match rest.chars().next() {
        Some('.') => rest.len() > 1,
        Some(ch) if ch.is_ascii_digit() => parent_ends_in_letter,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_of_codes() {
        assert!(is_under("A1", "A"));
        assert!(is_under("A1.2", "A1"));
        assert!(is_under("a1.2", "A1"));
        assert!(!is_under("A11.1", "A1"));
        assert!(!is_under("B1", "A"));
        assert!(!is_under("A1", "A1"));
        assert!(!is_under("A1.", "A1"));
    }

    #[test]
    fn ids_and_codes() {
        assert!(is_kebab("online-safety-21"));
        assert!(!is_kebab("Online_Safety"));
        assert!(!is_kebab("a--b"));
        assert!(is_code("A1.2"));
        assert!(!is_code("A 1"));
        assert!(!is_code("A1..2"));
    }
}
