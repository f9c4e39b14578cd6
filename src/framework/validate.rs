//! Turning the raw mirror into a [`Framework`], collecting every problem on the way.
//!
//! Each rule reports with the path of the offending key, resolved to `file:line:col` by the
//! [`SourceMap`]; nothing stops at the first problem, so a school fixes its file in one pass.

use std::collections::{BTreeMap, HashMap};

use super::raw::{RawAspect, RawCheck, RawElement, RawFramework, RawLevels, RawStrand};
use super::{Aspect, Check, Element, Framework, LevelText, ParamValue, Step, Strand, Threshold};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::metrics::{self, ParamKind};
use crate::tomldoc::{Seg, SourceMap, TomlPath};

/// Validates `raw`; the framework is returned only if nothing at error severity was found.
pub fn validate(raw: &RawFramework, map: &SourceMap<'_>) -> (Option<Framework>, Diagnostics) {
    let mut v = Validator {
        map,
        diags: Diagnostics::default(),
        codes: HashMap::new(),
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

    fn aspect(&mut self, raw: &RawAspect, path: &TomlPath, strand: &str) -> Aspect {
        let code = self.code(&raw.code, path, "aspect");
        self.under(&code, strand, path, "aspect");
        let name = self.text(&raw.name, path, "name");
        let descriptor = self.text(&raw.descriptor, path, "descriptor");
        let benchmark =
            self.level_value(raw.benchmark, path, "benchmark", Code::BenchmarkOutOfRange);
        let levels = self.levels(raw.levels.as_ref(), &path.key("levels"), "level statement");
        self.distinct_statements(&levels, &path.key("levels"));
        let steps = self.steps(raw, path);
        let evidence = self.evidence(raw, path, &code);
        let checks = raw
            .checks
            .iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, c)| self.check(c, &path.key("checks").index(i)))
            .collect();
        Aspect {
            code,
            name,
            descriptor,
            benchmark,
            levels,
            steps,
            evidence,
            checks,
        }
    }

    /// A level number under `path.key`, which must be 1 to 5.
    fn level_value(
        &mut self,
        value: Option<i64>,
        path: &TomlPath,
        key: &str,
        out_of_range: Code,
    ) -> u8 {
        match value {
            None => {
                let at = self.map.value(path);
                self.error(
                    Code::MissingKey,
                    at,
                    format!("`{key}` is missing in `{path}`"),
                )
                .help = Some(format!(
                    "add `{key} = 2` (a level from 1, aspirational, to 5)"
                ));
                0
            }
            Some(n @ 1..=5) => n as u8,
            Some(n) => {
                let at = self.map.value(&path.key(key));
                self.error(out_of_range, at, format!("{key} {n} is not a level"))
                    .help = Some("levels run from 1 (aspirational) to 5 (nothing in place)".into());
                0
            }
        }
    }

    fn distinct_statements(&mut self, levels: &[LevelText], path: &TomlPath) {
        let mut seen: BTreeMap<String, u8> = BTreeMap::new();
        for l in levels {
            let norm = l
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if let Some(first) = seen.get(&norm) {
                let at = self.map.value(&path.key(&l.level.to_string()));
                self.error(
                    Code::DuplicateLevelStatement,
                    at,
                    format!(
                        "the statement for level {} repeats the one for level {first}",
                        l.level
                    ),
                )
                .help = Some("each level must describe visibly different practice".into());
            } else {
                seen.insert(norm, l.level);
            }
        }
    }

    fn steps(&mut self, raw: &RawAspect, path: &TomlPath) -> Vec<Step> {
        let actions_path = path.key("actions");
        let Some(actions) = &raw.actions else {
            let at = self.map.value(path);
            self.error(
                Code::MissingImprovementActions,
                at,
                format!("`{path}` has no improvement actions"),
            )
            .help = Some(format!(
                "add a `[{}]` table with to-4, to-3, to-2 and to-1 lists",
                dotted(&actions_path)
            ));
            return Vec::new();
        };
        let mut steps = Vec::new();
        for (key, to, list) in actions.steps() {
            let items: Vec<String> = list
                .iter()
                .flatten()
                .map(|s| s.trim().to_string())
                .collect();
            if items.is_empty() {
                let at = self.map.value(&actions_path.key(key));
                self.error(
                    Code::MissingImprovementActions,
                    at,
                    format!(
                        "no improvement actions for the step from level {} to {to}",
                        to + 1
                    ),
                )
                .help = Some(format!("add `{key} = [\"…\"]`"));
            } else if let Some(i) = items.iter().position(String::is_empty) {
                let at = self.map.value(&actions_path.key(key).index(i));
                self.error(
                    Code::EmptyText,
                    at,
                    format!("action {} of `{key}` is blank", i + 1),
                );
            }
            steps.push(Step {
                from: to + 1,
                to,
                actions: items,
            });
        }
        steps
    }

    fn evidence(&mut self, raw: &RawAspect, path: &TomlPath, code: &str) -> Vec<String> {
        let items: Vec<String> = raw
            .evidence
            .iter()
            .flatten()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if items.is_empty() {
            let at = self.map.value(&path.key("evidence"));
            self.warn(
                Code::NoSuggestedEvidence,
                at,
                format!("aspect `{code}` suggests no evidence"),
            )
            .help = Some("list the documents or records that usually show this aspect".into());
        }
        items
    }

    fn check(&mut self, raw: &RawCheck, path: &TomlPath) -> Option<Check> {
        let metric_name = self.text(&raw.metric, path, "metric");
        let supports_level = self.level_value(
            raw.supports_level,
            path,
            "supports-level",
            Code::CheckLevelOutOfRange,
        );
        let spec = if metric_name.is_empty() {
            None
        } else {
            let spec = metrics::find(&metric_name);
            if spec.is_none() {
                let at = self.map.value(&path.key("metric"));
                self.error(
                    Code::UnknownMetric,
                    at,
                    format!("no metric is called `{metric_name}`"),
                )
                .help = Some(format!("known metrics: {}", metrics::names().join(", ")));
            }
            spec
        };
        let threshold = self.threshold(raw, path, spec.map(|s| s.value));
        let spec = spec?;
        let params = self.params(raw, path, spec);
        Some(Check {
            metric: metric_name,
            params,
            threshold: threshold?,
            supports_level,
            note: raw
                .note
                .as_ref()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty()),
        })
    }

    fn threshold(
        &mut self,
        raw: &RawCheck,
        path: &TomlPath,
        kind: Option<metrics::ValueKind>,
    ) -> Option<Threshold> {
        let (key, threshold) = match (raw.at_least, raw.at_most) {
            (Some(v), None) => ("at-least", Threshold::AtLeast(v)),
            (None, Some(v)) => ("at-most", Threshold::AtMost(v)),
            (both, _) => {
                let at = self.map.value(path);
                let message = if both.is_some() {
                    "a check has both `at-least` and `at-most`"
                } else {
                    "a check has no threshold"
                };
                self.error(Code::CheckThreshold, at, message.to_string())
                    .help = Some("give exactly one of `at-least = …` or `at-most = …`".into());
                return None;
            }
        };
        let (Threshold::AtLeast(value) | Threshold::AtMost(value)) = threshold;
        if let Some(kind) = kind.filter(|k| !k.accepts(value)) {
            let at = self.map.value(&path.key(key));
            self.error(
                Code::ThresholdOutOfRange,
                at,
                format!(
                    "{key} {value} can never be met: the metric is {}",
                    kind.range_text()
                ),
            )
            .help = Some("write shares as fractions, e.g. 0.9 for 90%".into());
        }
        Some(threshold)
    }

    fn params(
        &mut self,
        raw: &RawCheck,
        path: &TomlPath,
        spec: &metrics::MetricSpec,
    ) -> BTreeMap<String, ParamValue> {
        let given = raw.params.clone().unwrap_or_default();
        let params_path = path.key("params");
        let mut out = BTreeMap::new();
        for (name, value) in &given {
            let Some(param) = spec.param(name) else {
                let at = self.map.key(&params_path.key(name));
                let takes: Vec<_> = spec.params.iter().map(|p| p.name).collect();
                self.error(
                    Code::UnknownMetricParam,
                    at,
                    format!("metric `{}` takes no parameter `{name}`", spec.name),
                )
                .help = Some(format!("it takes: {}", takes.join(", ")));
                continue;
            };
            if let Some(v) = self.param_value(param.kind, value, &params_path.key(name)) {
                out.insert(name.clone(), v);
            }
        }
        for param in spec.params {
            if out.contains_key(param.name) || given.contains_key(param.name) {
                continue;
            }
            match param.default {
                Some(d) => {
                    let v = match param.kind {
                        ParamKind::Months => ParamValue::Months(
                            d.parse()
                                .expect("catalogue month defaults are whole numbers"),
                        ),
                        ParamKind::Text => ParamValue::Text(d.to_string()),
                    };
                    out.insert(param.name.to_string(), v);
                }
                None => {
                    let at = self.map.value(path);
                    self.error(
                        Code::MissingMetricParam,
                        at,
                        format!(
                            "metric `{}` needs the parameter `{}`",
                            spec.name, param.name
                        ),
                    )
                    .help = Some(format!("add it to `params`: {}", param.about));
                }
            }
        }
        out
    }

    fn param_value(
        &mut self,
        kind: ParamKind,
        value: &toml::Value,
        path: &TomlPath,
    ) -> Option<ParamValue> {
        let parsed = match (kind, value) {
            (ParamKind::Text, toml::Value::String(s)) if !s.trim().is_empty() => {
                Some(ParamValue::Text(s.trim().to_string()))
            }
            (ParamKind::Months, toml::Value::Integer(n)) if (1..=120).contains(n) => {
                u32::try_from(*n).ok().map(ParamValue::Months)
            }
            _ => None,
        };
        if parsed.is_none() {
            let want = match kind {
                ParamKind::Text => "non-blank text",
                ParamKind::Months => "a whole number of months from 1 to 120",
            };
            let at = self.map.value(path);
            self.error(
                Code::InvalidMetricParam,
                at,
                format!("`{path}` is {value}, but must be {want}"),
            );
        }
        parsed
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

fn is_kebab(id: &str) -> bool {
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
