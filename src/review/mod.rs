//! A review folder: its `review.toml` and the standard places inside it.
//!
//! ```text
//! review.toml    school, framework, review date, reviewers, evidence sources, pack options
//! scores/        one scoring workbook per reviewer
//! evidence/      the school's spreadsheets and documents
//! out/           what the tool writes; never edited by hand
//! history/       dated snapshots of each scored review
//! frameworks/    the school's own framework files, if any
//! ```

mod init;
mod open;
pub mod outputs;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::error::{Error, Result};
use crate::evidence::Kind;
use crate::tomldoc::TomlPath;
pub use init::{InitOptions, init};
pub use open::{Opened, open};

/// The name of the settings file at the top of a review folder.
pub const REVIEW_FILE: &str = "review.toml";

/// Where the commentary-length check starts by default.
pub const DEFAULT_MIN_COMMENTARY_WORDS: u32 = 40;

/// The standard paths of a review folder.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The folder itself.
    pub root: PathBuf,
}

impl Paths {
    /// The paths of the review folder at `root`.
    pub fn new(root: &Path) -> Self {
        // Findings then say `review.toml:3:1`, not `./review.toml:3:1`.
        let root = if root == Path::new(".") {
            PathBuf::new()
        } else {
            root.to_path_buf()
        };
        Paths { root }
    }

    /// `review.toml`.
    pub fn review_file(&self) -> PathBuf {
        self.root.join(REVIEW_FILE)
    }

    /// `scores/`, the scoring workbooks.
    pub fn scores(&self) -> PathBuf {
        self.root.join("scores")
    }

    /// `evidence/`, the school's spreadsheets and documents.
    pub fn evidence(&self) -> PathBuf {
        self.root.join("evidence")
    }

    /// `out/`, everything the tool writes for people.
    pub fn out(&self) -> PathBuf {
        self.root.join("out")
    }

    /// `history/`, dated snapshots.
    pub fn history(&self) -> PathBuf {
        self.root.join("history")
    }
}

/// A validated `review.toml`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// The school's name.
    pub school: String,
    /// The framework id or file, as written.
    pub framework: String,
    /// The date evidence is measured back from; `None` means today.
    pub review_date: Option<NaiveDate>,
    /// The members of the online safety group scoring the review.
    pub reviewers: Vec<String>,
    /// Commentary shorter than this is flagged.
    pub min_commentary_words: u32,
    /// The evidence spreadsheets to import.
    pub evidence: Vec<Source>,
    /// Whether staff names may appear in the pack.
    pub staff_names_in_pack: bool,
    /// Files under `evidence/` that cannot be searched for names but that a person has
    /// checked by hand: `[pack] checked-by-hand`.
    pub checked_by_hand: Vec<PathBuf>,
    /// The school's own terms (name, first day) in date order; empty for the English
    /// school year's autumn, spring and summer.
    pub terms: Vec<(String, NaiveDate)>,
}

impl Review {
    /// How incident dates are put into terms.
    pub fn terms(&self) -> crate::metrics::terms::Terms {
        if self.terms.is_empty() {
            crate::metrics::terms::Terms::English
        } else {
            crate::metrics::terms::Terms::Own(self.terms.clone())
        }
    }
}

/// One evidence spreadsheet named in `review.toml`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// What it records.
    pub kind: Kind,
    /// The file, relative to the review folder.
    pub path: PathBuf,
    /// The sheet to read, if not the first with a recognisable header.
    pub sheet: Option<String>,
    /// The school's own headers mapped to field names.
    pub columns: BTreeMap<String, String>,
    /// The school's own incident categories mapped to the reported ones.
    pub categories: BTreeMap<String, String>,
    /// Training records: roles mapped to groups (`"Chair" = "governors"`).
    pub roles: BTreeMap<String, String>,
    /// Meeting registers: meeting names mapped to groups (`"FGB" = "governors"`).
    pub groups: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawReview {
    school: Option<String>,
    framework: Option<String>,
    review_date: Option<toml::Value>,
    terms: Option<Vec<RawTerm>>,
    reviewers: Option<Vec<String>>,
    min_commentary_words: Option<u32>,
    evidence: Option<Vec<RawSource>>,
    pack: Option<RawPack>,
}

#[derive(Debug, Default, Deserialize)]
struct RawSource {
    kind: Option<String>,
    path: Option<String>,
    sheet: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    categories: Option<BTreeMap<String, String>>,
    roles: Option<BTreeMap<String, String>>,
    groups: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Default, Deserialize)]
struct RawTerm {
    name: Option<String>,
    starts: Option<toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct RawPack {
    staff_names: Option<bool>,
    checked_by_hand: Option<Vec<String>>,
}

/// Reads `review.toml` from the review folder at `root`.
pub fn load(root: &Path) -> Result<(Review, Diagnostics)> {
    let path = Paths::new(root).review_file();
    if !path.exists() {
        let dir = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        return Err(Error::NoReview { dir });
    }
    let text = crate::fsutil::read_text(&path)?;
    let (review, diagnostics) = check(&text, &path);
    match review {
        Some(review) if !diagnostics.has_errors() => Ok((review, diagnostics)),
        _ => Err(Error::Invalid { path, diagnostics }),
    }
}

/// How to write a review date that was given in another form: the same day as
/// year-month-day when it can be read day first ("20/11/2025"), else an example.
fn date_help(value: &toml::Value) -> String {
    let day = value.as_str().and_then(crate::dates::guess_for_settings);
    match day {
        Some(d) => format!(
            "write it as year-month-day, without quotes: review-date = {}",
            d.format("%Y-%m-%d")
        ),
        None => "write it as year-month-day, without quotes, e.g. review-date = 2026-11-23".into(),
    }
}

/// Checks the text of a `review.toml`; `file` is the name used in findings.
pub fn check(text: &str, file: &Path) -> (Option<Review>, Diagnostics) {
    let parsed = crate::tomldoc::parse::<RawReview>(text, file, "the notes in review.toml");
    let mut diags = parsed.diagnostics;
    let Some(raw) = parsed.raw else {
        return (None, diags);
    };
    let map = &parsed.map;
    let root = TomlPath::default();
    let required = |value: &Option<String>, key: &str, diags: &mut Diagnostics| {
        let text = value.as_deref().map(str::trim).unwrap_or("");
        if text.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::MissingKey,
                    map.value(&root.key(key)),
                    format!("`{key}` is missing or blank"),
                )
                .with_help(format!("add `{key} = \"…\"` to review.toml")),
            );
        }
        text.to_string()
    };
    let school = required(&raw.school, "school", &mut diags);
    let framework = required(&raw.framework, "framework", &mut diags);
    let review_date = raw.review_date.as_ref().and_then(|v| {
        let date = toml_date(v);
        if date.is_none() {
            diags.push(
                Diagnostic::error(
                    Code::InvalidDate,
                    map.value(&root.key("review-date")),
                    format!("review-date {v} is not a date in the form TOML reads"),
                )
                .with_help(date_help(v)),
            );
        }
        date
    });
    let terms = terms(&raw, map, &mut diags);
    let reviewers = reviewers(&raw, map, &mut diags);
    let evidence = sources(&raw, map, &mut diags);
    let review = Review {
        school,
        framework,
        review_date,
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
        checked_by_hand: raw
            .pack
            .as_ref()
            .and_then(|p| p.checked_by_hand.clone())
            .unwrap_or_default()
            .iter()
            .map(|p| {
                let p = p.trim().replace('\\', "/");
                PathBuf::from(p.strip_prefix("evidence/").unwrap_or(&p))
            })
            .collect(),
        terms,
    };
    diags.sort();
    (Some(review), diags)
}

/// A date written as a TOML date (`2026-09-03`) or as text in the same form.
fn toml_date(v: &toml::Value) -> Option<NaiveDate> {
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
    map: &crate::tomldoc::SourceMap<'_>,
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

fn reviewers(
    raw: &RawReview,
    map: &crate::tomldoc::SourceMap<'_>,
    diags: &mut Diagnostics,
) -> Vec<String> {
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

fn sources(
    raw: &RawReview,
    map: &crate::tomldoc::SourceMap<'_>,
    diags: &mut Diagnostics,
) -> Vec<Source> {
    let mut out = Vec::new();
    for (i, s) in raw.evidence.iter().flatten().enumerate() {
        let path = TomlPath::default().key("evidence").index(i);
        let kind = match s.kind.as_deref().map(str::parse::<Kind>) {
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
                        map.value(&path),
                        "an [[evidence]] table has no `kind`",
                    )
                    .with_help("add kind = \"training\", \"incidents\" or \"meetings\""),
                );
                None
            }
        };
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
            out.push(Source {
                kind,
                path: PathBuf::from(file),
                sheet: s.sheet.clone(),
                columns: s.columns.clone().unwrap_or_default(),
                categories: s.categories.clone().unwrap_or_default(),
                roles: s.roles.clone().unwrap_or_default(),
                groups: s.groups.clone().unwrap_or_default(),
            });
        }
    }
    out
}

/// The text of a new `review.toml`, every value properly quoted.
pub fn render_template(school: &str, framework: &str, review_date: NaiveDate) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    include_str!("template.toml")
        .replace("{school}", &quote(school))
        .replace("{framework}", &quote(framework))
        .replace("{review_date}", &review_date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_review_date_in_another_form_is_shown_year_month_day() {
        let help = super::date_help(&toml::Value::String("3.2.2026".into()));
        assert_eq!(
            help,
            "write it as year-month-day, without quotes: review-date = 2026-02-03"
        );
        let help = super::date_help(&toml::Value::String("soon".into()));
        assert!(help.ends_with("e.g. review-date = 2026-11-23"), "{help}");
    }

    use super::*;

    #[test]
    fn template_loads_back_with_the_three_sources() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
        let text = render_template("St Mary's \"Hill\" School", "online-safety-21", date);
        let (review, diags) = check(&text, Path::new("review.toml"));
        assert!(diags.is_empty(), "{diags:?}");
        let review = review.expect("valid");
        assert_eq!(review.school, "St Mary's \"Hill\" School");
        assert_eq!(review.review_date, Some(date));
        assert_eq!(review.evidence.len(), 3);
        assert_eq!(review.min_commentary_words, 40);
        assert!(!review.staff_names_in_pack);
    }

    #[test]
    fn problems_are_located() {
        let text = "school = \"\"\nframework = \"x\"\nreview-date = \"23/11/2026\"\nreviewers = [\"A\", \"a\"]\ncolour = 1\n[[evidence]]\nkind = \"pupil\"\npath = \"e.csv\"\n";
        let (_, diags) = check(text, Path::new("review.toml"));
        let found: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.location.to_string()))
            .collect();
        assert_eq!(
            found,
            vec![
                (Code::MissingKey, "review.toml:1:10".to_string()),
                (Code::InvalidDate, "review.toml:3:15".to_string()),
                (Code::DuplicateReviewer, "review.toml:4:19".to_string()),
                (Code::UnknownKey, "review.toml:5:1".to_string()),
                (Code::UnknownEvidenceKind, "review.toml:7:8".to_string()),
            ]
        );
    }
}
