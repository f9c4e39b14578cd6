//! Validation of evidence checks against the metrics in [`crate::framework::Metric`].

use super::Validator;
use crate::diag::Code;
use crate::framework::raw::RawCheck;
use crate::framework::{Check, Metric, ParamKind, ParamValue, Params, Threshold, Topic, ValueKind};
use crate::tomldoc::TomlPath;

impl Validator<'_, '_> {
    pub(super) fn check(&mut self, raw: &RawCheck, path: &TomlPath) -> Option<Check> {
        let metric_name = self.text(&raw.metric, path, "metric");
        let supports_level = self.level_value(
            raw.supports_level,
            path,
            "supports-level",
            Code::CheckLevelOutOfRange,
        );
        let metric = if metric_name.is_empty() {
            None
        } else {
            let metric = Metric::from_name(&metric_name);
            if metric.is_none() {
                let at = self.map.value(&path.key("metric"));
                self.error(
                    Code::UnknownMetric,
                    at,
                    format!("no metric is called `{metric_name}`"),
                )
                .help = Some(format!("known metrics: {}", Metric::names().join(", ")));
            }
            metric
        };
        let threshold = self.threshold(raw, path, metric.map(Metric::value));
        let metric = metric?;
        let params = self.params(raw, path, metric);
        Some(Check {
            metric,
            params,
            threshold: threshold?,
            supports_level,
            required: raw.required.unwrap_or(false),
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
        kind: Option<ValueKind>,
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

    fn params(&mut self, raw: &RawCheck, path: &TomlPath, metric: Metric) -> Params {
        let given = raw.params.clone().unwrap_or_default();
        let params_path = path.key("params");
        let mut out = Params::default();
        for (name, value) in &given {
            let Some(spec) = metric.param(name) else {
                let at = self.map.key(&params_path.key(name));
                let takes: Vec<_> = metric.params().iter().map(|p| p.param.name()).collect();
                self.error(
                    Code::UnknownMetricParam,
                    at,
                    format!("metric `{metric}` takes no parameter `{name}`"),
                )
                .help = Some(format!("it takes: {}", takes.join(", ")));
                continue;
            };
            let kind = spec.param.kind();
            if let Some(v) = self.param_value(kind, value, &params_path.key(name)) {
                out.insert(spec.param, v);
            }
        }
        for spec in metric.params() {
            let name = spec.param.name();
            if out.contains(spec.param) || given.contains_key(name) {
                continue;
            }
            match spec.default {
                Some(d) => {
                    let v = match spec.param.kind() {
                        ParamKind::Months => ParamValue::Months(
                            d.parse()
                                .expect("month defaults in the metric list are whole numbers"),
                        ),
                        ParamKind::Text | ParamKind::Document => ParamValue::Text(d.to_string()),
                    };
                    out.insert(spec.param, v);
                }
                None => {
                    let at = self.map.value(path);
                    self.error(
                        Code::MissingMetricParam,
                        at,
                        format!("metric `{metric}` needs the parameter `{name}`"),
                    )
                    .help = Some(format!("add it to `params`: {}", spec.about));
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
            (ParamKind::Document, toml::Value::String(s))
                if Topic::from_name(s.trim()).is_some() =>
            {
                Some(ParamValue::Text(s.trim().to_string()))
            }
            (ParamKind::Months, toml::Value::Integer(n)) if (1..=120).contains(n) => {
                u32::try_from(*n).ok().map(ParamValue::Months)
            }
            _ => None,
        };
        if parsed.is_none() {
            let want = match kind {
                ParamKind::Text => "non-blank text".to_string(),
                ParamKind::Months => "a whole number of months from 1 to 120".to_string(),
                ParamKind::Document => format!("one of {}", Topic::names().join(", ")),
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
