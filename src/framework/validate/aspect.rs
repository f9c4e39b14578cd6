//! Validation of one aspect: its level statements, improvement actions and evidence.

use std::collections::BTreeMap;

use super::{Validator, dotted};
use crate::diag::Code;
use crate::framework::raw::RawAspect;
use crate::framework::{Aspect, EVIDENCE_KINDS, LevelText, Step};
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
            .collect::<Vec<_>>();
        let evidence_kinds = self.evidence_kinds(raw, path);
        // Judged by what is written, so a check already found wrong is not reported twice.
        let has_checks = raw.checks.as_ref().is_some_and(|l| !l.is_empty());
        let has_kinds = raw.evidence_kinds.as_ref().is_some_and(|l| !l.is_empty());
        if !has_checks && !has_kinds {
            let at = self.map.value(path);
            self.warn(
                Code::AspectWithoutRecords,
                at,
                format!("aspect `{code}` has no check and names no evidence kinds, so nothing the school imports can stand behind it"),
            )
            .help = Some(format!(
                "add a check, or `evidence-kinds = [\"documents\"]` naming the records that support it ({})",
                EVIDENCE_KINDS.join(", ")
            ));
        }
        Aspect {
            code,
            name,
            descriptor,
            benchmark,
            levels,
            steps,
            evidence,
            evidence_kinds,
            evidence_required: raw.evidence_required.unwrap_or(self.evidence_required),
            checks,
        }
    }

    /// The aspect's `evidence-kinds`, each one the tool imports, without repeats.
    fn evidence_kinds(&mut self, raw: &RawAspect, path: &TomlPath) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, kind) in raw.evidence_kinds.iter().flatten().enumerate() {
            let kind = kind.trim();
            if !EVIDENCE_KINDS.contains(&kind) {
                let at = self.map.value(&path.key("evidence-kinds").index(i));
                self.error(
                    Code::UnknownEvidenceKind,
                    at,
                    format!("`{kind}` is not a kind of evidence the tool imports"),
                )
                .help = Some(format!("use one of {}", EVIDENCE_KINDS.join(", ")));
            } else if !out.iter().any(|k| k == kind) {
                out.push(kind.to_string());
            }
        }
        out
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
