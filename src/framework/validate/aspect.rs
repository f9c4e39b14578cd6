//! Validation of one aspect: its level statements, improvement actions and evidence.

use std::collections::BTreeMap;

use super::{Validator, dotted};
use crate::diag::Code;
use crate::framework::raw::RawAspect;
use crate::framework::{Aspect, LevelText, Step};
use crate::tomldoc::TomlPath;

impl Validator<'_, '_> {
    pub(super) fn aspect(&mut self, raw: &RawAspect, path: &TomlPath, strand: &str) -> Aspect {
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
    pub(super) fn level_value(
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
}
