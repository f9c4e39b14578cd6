//! What review.toml records for the hand-over to the assessor: who signed the review off
//! (`[sign-off]`) and when the school was last awarded the Online Safety Mark (`[mark]`).
//!
//! Both are optional. A sign-off may be filled in as it is gathered, so a blank or missing
//! name is not an error here: `pack` warns until it is complete. A date that is not a date,
//! or an assessment kind the Mark does not have, is an error with its line and column.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::tomldoc::{SourceMap, TomlPath};

/// The `[sign-off]` table as written.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct RawSignOff {
    // Read as any value and checked here, key by key, so that every key of the wrong type
    // is named at once rather than the first one only.
    pub(super) headteacher: Option<toml::Value>,
    pub(super) chair_of_governors: Option<toml::Value>,
    pub(super) lead: Option<toml::Value>,
    pub(super) date: Option<toml::Value>,
}

/// The `[mark]` table as written.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct RawMark {
    pub(super) awarded: Option<toml::Value>,
    pub(super) last_assessment: Option<String>,
}

/// Who signed the review off, and when: shown in the pack's index.html and recorded in its
/// manifest. Blank names are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct SignOff {
    /// The headteacher.
    pub headteacher: Option<String>,
    /// The chair of governors.
    pub chair_of_governors: Option<String>,
    /// The online safety lead, if the school records them too.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lead: Option<String>,
    /// The day it was signed off.
    pub date: Option<NaiveDate>,
    /// Where each key was written in review.toml (`headteacher`, `chair-of-governors`,
    /// `lead`, `date`), for a finding about it; not part of the manifest.
    #[serde(skip)]
    pub places: Vec<(&'static str, crate::diag::Location)>,
}

impl SignOff {
    /// Where `key` was written in review.toml, if it was.
    pub fn place(&self, key: &str) -> Option<&crate::diag::Location> {
        self.places.iter().find(|(k, _)| *k == key).map(|(_, l)| l)
    }

    /// Each name given, with its key and where it was written.
    pub fn names_mut(
        &mut self,
    ) -> Vec<(&'static str, Option<&crate::diag::Location>, &mut String)> {
        let places = &self.places;
        let place = |key: &str| places.iter().find(|(k, _)| *k == key).map(|(_, l)| l);
        let mut out = Vec::new();
        for (key, name) in [
            ("headteacher", &mut self.headteacher),
            ("chair-of-governors", &mut self.chair_of_governors),
            ("lead", &mut self.lead),
        ] {
            if let Some(name) = name.as_mut() {
                out.push((key, place(key), name));
            }
        }
        out
    }
}

impl SignOff {
    /// What the sign-off still lacks, in words (empty when complete).
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.headteacher.is_none() {
            out.push("the headteacher");
        }
        if self.chair_of_governors.is_none() {
            out.push("the chair of governors");
        }
        if self.date.is_none() {
            out.push("the date");
        }
        out
    }
}

/// How the school's last assessment for the Mark was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Assessment {
    /// An assessor's visit (in person or online): how the Mark is first awarded.
    Visit,
    /// A desk assessment of the review and evidence, allowed once between full visits.
    Desk,
}

/// When the school was last awarded (or renewed) the Online Safety Mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// The award date.
    pub awarded: NaiveDate,
    /// How that award was assessed.
    pub last_assessment: Assessment,
}

/// The sign-off, from `[sign-off]`.
pub(super) fn sign_off(
    raw: Option<&RawSignOff>,
    map: &SourceMap<'_>,
    diags: &mut Diagnostics,
) -> Option<SignOff> {
    let raw = raw?;
    let table = TomlPath::default().key("sign-off");
    let mut text = |v: &Option<toml::Value>, key: &str| match v {
        None => None,
        Some(toml::Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(other) => {
            diags.push(
                Diagnostic::error(
                    Code::WrongType,
                    map.value(&table.key(key)),
                    format!("[sign-off] {key} is {other}, not a name in quotes"),
                )
                .with_help(format!("write the name in quotes: {key} = \"Mrs A. Hart\"")),
            );
            None
        }
    };
    let headteacher = text(&raw.headteacher, "headteacher");
    let chair_of_governors = text(&raw.chair_of_governors, "chair-of-governors");
    let lead = text(&raw.lead, "lead");
    let places = ["headteacher", "chair-of-governors", "lead", "date"]
        .into_iter()
        .map(|key| (key, map.value(&table.key(key))))
        .collect();
    let at = table.key("date");
    let date = raw.date.as_ref().and_then(|v| {
        let d = super::validate::toml_date(v);
        if d.is_none() {
            diags.push(not_a_date(map, &at, v, "date"));
        }
        d
    });
    Some(SignOff {
        headteacher,
        chair_of_governors,
        lead,
        date,
        places,
    })
}

/// The Mark's award, from `[mark]`.
pub(super) fn mark(
    raw: Option<&RawMark>,
    map: &SourceMap<'_>,
    diags: &mut Diagnostics,
) -> Option<Mark> {
    let raw = raw?;
    let table = TomlPath::default().key("mark");
    let last_assessment = match raw.last_assessment.as_deref().map(str::trim) {
        None | Some("visit") => Some(Assessment::Visit),
        Some("desk") => Some(Assessment::Desk),
        Some(other) => {
            diags.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    map.value(&table.key("last-assessment")),
                    format!("last-assessment `{other}` is not a kind of assessment for the Mark"),
                )
                .with_help("write last-assessment = \"visit\" (a full visit, in person or online) or \"desk\" (a desk assessment)"),
            );
            None
        }
    };
    let awarded = match &raw.awarded {
        None => {
            diags.push(
                Diagnostic::error(
                    Code::MissingKey,
                    map.value(&table),
                    "[mark] has no `awarded` date",
                )
                .with_help("add awarded = 2024-03-15, the date on the award letter"),
            );
            None
        }
        Some(v) => {
            let d = super::validate::toml_date(v);
            if d.is_none() {
                diags.push(not_a_date(map, &table.key("awarded"), v, "awarded"));
            }
            d
        }
    };
    Some(Mark {
        awarded: awarded?,
        last_assessment: last_assessment?,
    })
}

fn not_a_date(map: &SourceMap<'_>, at: &TomlPath, v: &toml::Value, key: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InvalidDate,
        map.value(at),
        format!("{key} {v} is not a date in the form TOML reads"),
    )
    .with_help(super::validate::date_help(v, key))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::diag::Code;

    fn check(tables: &str) -> (Option<crate::review::Review>, Vec<(Code, String, String)>) {
        let text = format!("school = \"S\"\nframework = \"f\"\n{tables}");
        let (review, diags) = crate::review::check(&text, Path::new("review.toml"));
        let found = diags
            .iter()
            .map(|d| {
                (
                    d.code,
                    d.location.to_string(),
                    d.help.clone().unwrap_or_default(),
                )
            })
            .collect();
        (review, found)
    }

    #[test]
    fn a_sign_off_is_read_with_blanks_as_missing() {
        let (review, found) =
            check("[sign-off]\nheadteacher = \" Mrs J. Hall \"\nchair-of-governors = \"  \"\n");
        assert!(found.is_empty(), "{found:?}");
        let s = review.and_then(|r| r.sign_off).expect("sign-off");
        assert_eq!(s.headteacher.as_deref(), Some("Mrs J. Hall"));
        assert_eq!(s.missing(), ["the chair of governors", "the date"]);
    }

    #[test]
    fn every_key_of_the_wrong_type_is_named_at_once() {
        let (review, found) = check(
            "[sign-off]\nheadteacher = 3\nchair-of-governors = \"Mr O. Price\"\nlead = true\ndate = \"soon\"\n",
        );
        let codes: Vec<(Code, &str)> = found.iter().map(|f| (f.0, f.1.as_str())).collect();
        assert_eq!(
            codes,
            [
                (Code::WrongType, "review.toml:4:15"),
                (Code::WrongType, "review.toml:6:8"),
                (Code::InvalidDate, "review.toml:7:8"),
            ]
        );
        assert!(review.is_some());
    }

    #[test]
    fn dates_in_another_form_are_shown_year_month_day() {
        let (review, found) = check("[mark]\nawarded = \"15/03/2024\"\n[sign-off]\ndate = 3\n");
        assert_eq!(found[0].0, Code::InvalidDate);
        assert_eq!(found[0].1, "review.toml:4:11");
        assert!(found[0].2.ends_with("awarded = 2024-03-15"), "{found:?}");
        assert_eq!(found[1].1, "review.toml:6:8");
        assert!(review.expect("read").mark.is_none());
    }
}
