//! Validating review.toml: every problem is collected with the place it is at, and what
//! can be read is still returned, so that one run says everything there is to fix.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::raw::{RawReview, RawSource};
use super::{DEFAULT_MIN_COMMENTARY_WORDS, Review};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::evidence::records::Mappings;
use crate::evidence::{ColumnMap, Kind, SourceSpec};
use crate::tomldoc::{SourceMap, TomlPath};

/// The keys review.toml knows in the table at `path`, for naming the one a mistyped key was
/// meant to be.
fn known_keys(path: &TomlPath) -> &'static [&'static str] {
    use crate::tomldoc::keys_of;
    match crate::tomldoc::table_keys(path).as_slice() {
        [] => keys_of::<RawReview>(),
        ["evidence"] => keys_of::<RawSource>(),
        ["terms"] => keys_of::<super::raw::RawTerm>(),
        ["pack"] => keys_of::<super::raw::RawPack>(),
        ["sign-off"] => keys_of::<super::handover::RawSignOff>(),
        ["mark"] => keys_of::<super::handover::RawMark>(),
        _ => &[],
    }
}

/// Checks the text of a `review.toml`; `file` is the name used in findings.
pub fn check(text: &str, file: &Path) -> (Option<Review>, Diagnostics) {
    let parsed = crate::tomldoc::parse_knowing::<RawReview>(
        text,
        file,
        "the notes in review.toml",
        &known_keys,
    );
    let mut diags = parsed.diagnostics;
    let Some(raw) = parsed.raw else {
        return (None, diags);
    };
    let map = &parsed.map;
    let school = required(raw.school.as_deref(), "school", map, &mut diags);
    let framework = required(raw.framework.as_deref(), "framework", map, &mut diags);
    let review_date = date_key(raw.review_date.as_ref(), "review-date", map, &mut diags);
    let framework_changed = date_key(
        raw.framework_changed.as_ref(),
        "framework-changed",
        map,
        &mut diags,
    );
    let terms = terms(&raw, map, &mut diags);
    let reviewers = reviewers(&raw, map, &mut diags);
    let evidence = sources(&raw, map, &mut diags);
    let review = Review {
        school,
        framework,
        review_date,
        framework_changed,
        reviewers,
        min_commentary_words: raw
            .min_commentary_words
            .unwrap_or(DEFAULT_MIN_COMMENTARY_WORDS),
        evidence,
        staff_names_in_pack: raw
            .pack
            .as_ref()
            .and_then(|p| p.staff_names)
            .unwrap_or(false),
        reviewer_commentary_in_pack: raw
            .pack
            .as_ref()
            .and_then(|p| p.reviewer_commentary)
            .unwrap_or(false),
        checked_by_hand: checked_by_hand(&raw),
        terms,
        sign_off: super::handover::sign_off(raw.sign_off.as_ref(), map, &mut diags),
        mark: super::handover::mark(raw.mark.as_ref(), map, &mut diags),
    };
    diags.sort();
    (Some(review), diags)
}

/// A text the file must give, trimmed; a finding when it is missing or blank.
fn required(
    value: Option<&str>,
    key: &str,
    map: &SourceMap<'_>,
    diags: &mut Diagnostics,
) -> String {
    let text = value.map(str::trim).unwrap_or("");
    if text.is_empty() {
        diags.push(
            Diagnostic::error(
                Code::MissingKey,
                map.value(&TomlPath::default().key(key)),
                format!("`{key}` is missing or blank"),
            )
            .with_help(format!("add `{key} = \"…\"` to review.toml")),
        );
    }
    text.to_string()
}

/// A top-level date, `key`, as TOML writes one; a finding when it is in another form.
fn date_key(
    value: Option<&toml::Value>,
    key: &str,
    map: &SourceMap<'_>,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    let v = value?;
    let date = toml_date(v);
    if date.is_none() {
        diags.push(
            Diagnostic::error(
                Code::InvalidDate,
                map.value(&TomlPath::default().key(key)),
                format!("{key} {v} is not a date in the form TOML reads"),
            )
            .with_help(date_help(v, key)),
        );
    }
    date
}

/// How to write a review date that was given in another form: the same day as
/// year-month-day when it can be read day first ("20/11/2025"), else an example.
pub(super) fn date_help(value: &toml::Value, key: &str) -> String {
    let day = value.as_str().and_then(crate::dates::guess_for_settings);
    match day {
        Some(d) => format!(
            "write it as year-month-day, without quotes: {key} = {}",
            d.format("%Y-%m-%d")
        ),
        None => format!("write it as year-month-day, without quotes, e.g. {key} = 2026-11-23"),
    }
}

/// `[pack] checked-by-hand`, as paths inside `evidence/` with forward slashes.
fn checked_by_hand(raw: &RawReview) -> Vec<PathBuf> {
    raw.pack
        .as_ref()
        .and_then(|p| p.checked_by_hand.clone())
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let p = p.trim().replace('\\', "/");
            PathBuf::from(p.strip_prefix("evidence/").unwrap_or(&p))
        })
        .collect()
}

/// A date written as a TOML date (`2026-09-03`) or as text in the same form.
pub(super) fn toml_date(v: &toml::Value) -> Option<NaiveDate> {
    match v {
        toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
            d.date.and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            })
        }
        toml::Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
        _ => None,
    }
}

fn terms(
    raw: &RawReview,
    map: &SourceMap<'_>,
    diags: &mut Diagnostics,
) -> Vec<(String, NaiveDate)> {
    let mut out = Vec::new();
    for (i, t) in raw.terms.iter().flatten().enumerate() {
        let path = TomlPath::default().key("terms").index(i);
        let name = t.name.as_deref().map(str::trim).unwrap_or("");
        let starts = t.starts.as_ref().and_then(toml_date);
        if name.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::MissingKey,
                    map.value(&path),
                    "a [[terms]] table has no `name`",
                )
                .with_help("add name = \"Autumn 2026\""),
            );
        }
        if starts.is_none() {
            diags.push(
                Diagnostic::error(
                    Code::InvalidDate,
                    map.value(&path.key("starts")),
                    "a [[terms]] table needs `starts`, the term's first day",
                )
                .with_help("add starts = 2026-09-03"),
            );
        }
        if let (false, Some(d)) = (name.is_empty(), starts) {
            out.push((name.to_string(), d));
        }
    }
    out.sort_by_key(|(_, d)| *d);
    out
}

fn reviewers(raw: &RawReview, map: &SourceMap<'_>, diags: &mut Diagnostics) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, name) in raw.reviewers.iter().flatten().enumerate() {
        let name = name.trim();
        let at = map.value(&TomlPath::default().key("reviewers").index(i));
        if name.is_empty() {
            diags.push(Diagnostic::error(
                Code::EmptyText,
                at,
                "a reviewer's name is blank",
            ));
        } else if out.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateReviewer,
                    at,
                    format!("reviewer `{name}` is listed twice"),
                )
                .with_help("each reviewer gets one workbook; list each name once"),
            );
        } else {
            out.push(name.to_string());
        }
    }
    out
}

fn sources(raw: &RawReview, map: &SourceMap<'_>, diags: &mut Diagnostics) -> Vec<SourceSpec> {
    let mut out = Vec::new();
    for (i, s) in raw.evidence.iter().flatten().enumerate() {
        let path = TomlPath::default().key("evidence").index(i);
        let kind = source_kind(s, &path, map, diags);
        let file = s.path.as_deref().map(str::trim).unwrap_or("");
        if file.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::MissingKey,
                    map.value(&path),
                    "an [[evidence]] table has no `path`",
                )
                .with_help("add path = \"evidence/<file name>\""),
            );
        }
        if let (Some(kind), false) = (kind, file.is_empty()) {
            out.push(SourceSpec {
                kind,
                path: PathBuf::from(file),
                sheet: s.sheet.clone(),
                columns: ColumnMap::parse(kind, &s.columns.clone().unwrap_or_default()),
                maps: Mappings {
                    categories: s.categories.clone().unwrap_or_default(),
                    roles: s.roles.clone().unwrap_or_default(),
                    groups: s.groups.clone().unwrap_or_default(),
                },
            });
        }
    }
    out
}

/// The kind of an `[[evidence]]` table at `path`; a finding when it is missing or unknown.
fn source_kind(
    s: &RawSource,
    path: &TomlPath,
    map: &SourceMap<'_>,
    diags: &mut Diagnostics,
) -> Option<Kind> {
    match s.kind.as_deref().map(str::parse::<Kind>) {
        Some(Ok(kind)) => Some(kind),
        Some(Err(message)) => {
            diags.push(Diagnostic::error(
                Code::UnknownEvidenceKind,
                map.value(&path.key("kind")),
                message,
            ));
            None
        }
        None => {
            diags.push(
                Diagnostic::error(
                    Code::MissingKey,
                    map.value(path),
                    "an [[evidence]] table has no `kind`",
                )
                .with_help("add kind = \"training\", \"incidents\", \"meetings\", \"documents\", \"agreements\", \"filtering\", \"surveys\", \"engagement\" or \"pupils\""),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_date_in_another_form_is_shown_year_month_day() {
        let help = date_help(&toml::Value::String("3.2.2026".into()), "review-date");
        assert_eq!(
            help,
            "write it as year-month-day, without quotes: review-date = 2026-02-03"
        );
        let help = date_help(&toml::Value::String("soon".into()), "review-date");
        assert!(help.ends_with("e.g. review-date = 2026-11-23"), "{help}");
    }

    #[test]
    fn evidence_sources_carry_their_column_mappings_as_fields() {
        let text = "school = \"S\"\nframework = \"f\"\n[[evidence]]\nkind = \"training\"\npath = \"t.csv\"\ncategories = { \"Online\" = \"Cyberbullying\" }\n[evidence.columns]\n\"When?\" = \"date\"\n\"Who\" = \"attendees\"\n";
        let (review, diags) = check(text, Path::new("review.toml"));
        assert!(diags.is_empty(), "{diags:?}");
        let source = &review.expect("read").evidence[0];
        assert_eq!(
            source.columns.get("when"),
            Some(crate::evidence::Field::TrainingDate)
        );
        assert_eq!(
            source.columns.unknown().map(|u| u.name.as_str()),
            Some("attendees"),
            "a mapping to no field of the kind is kept for the import to refuse"
        );
        assert_eq!(source.maps.categories.len(), 1);
    }
}
