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
//!
//! review.toml is read into a serde mirror ([`raw`]) and validated into a [`Review`]
//! ([`validate`]), every problem collected with its place in the file. Its evidence sources
//! become [`crate::evidence::SourceSpec`]s, which the importer reads without knowing about
//! review.toml.

pub mod handover;
mod init;
mod named;
mod open;
pub mod outputs;
mod paths;
mod raw;
mod validate;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diag::Diagnostics;
use crate::error::{Error, Result};
use crate::evidence::SourceSpec;
pub use init::{InitOptions, init};
pub use named::where_named;
pub use open::{Opened, open};
pub use paths::Paths;
pub use validate::check;

/// The name of the settings file at the top of a review folder.
pub const REVIEW_FILE: &str = "review.toml";

/// Where the commentary-length check starts by default.
pub const DEFAULT_MIN_COMMENTARY_WORDS: u32 = 40;

/// A validated `review.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The school's name.
    pub school: String,
    /// The framework id or file, as written.
    pub framework: String,
    /// The date evidence is measured back from; `None` means today.
    pub review_date: Option<NaiveDate>,
    /// When `migrate` last carried the review to another framework: `framework-changed`.
    /// A sign-off dated before it signed off the review on the old framework.
    pub framework_changed: Option<NaiveDate>,
    /// The members of the online safety group scoring the review.
    pub reviewers: Vec<String>,
    /// Commentary shorter than this is flagged.
    pub min_commentary_words: u32,
    /// The evidence spreadsheets to import.
    pub evidence: Vec<SourceSpec>,
    /// Whether staff names may appear in the pack.
    pub staff_names_in_pack: bool,
    /// Whether the pack carries each reviewer's own commentary beside the agreed
    /// commentary: `[pack] reviewer-commentary`.
    pub reviewer_commentary_in_pack: bool,
    /// Files under `evidence/` that cannot be searched for names but that a person has
    /// checked by hand: `[pack] checked-by-hand`.
    pub checked_by_hand: Vec<PathBuf>,
    /// The school's own terms (name, first day) in date order; empty for the English
    /// school year's autumn, spring and summer.
    pub terms: Vec<(String, NaiveDate)>,
    /// Who signed the review off: `[sign-off]`.
    pub sign_off: Option<handover::SignOff>,
    /// When the school was last awarded the Online Safety Mark: `[mark]`.
    pub mark: Option<handover::Mark>,
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
    use super::*;
    use crate::diag::Code;

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
    fn the_commented_registers_name_the_templates_init_writes() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
        let text = render_template("Hill", "online-safety-21", date);
        let mut uncommented = text.clone();
        for kind in crate::evidence::Kind::OPTIONAL {
            let lines = format!(
                "[[evidence]]\nkind = \"{}\"\npath = \"evidence/{}\"\n",
                kind.as_str(),
                kind.template_file()
            );
            let commented: String = lines.lines().map(|l| format!("# {l}\n")).collect();
            assert!(uncommented.contains(&commented), "{kind:?} is listed");
            uncommented = uncommented.replace(&commented, &lines);
        }
        let (review, diags) = check(&uncommented, Path::new("review.toml"));
        assert!(diags.is_empty(), "{diags:?}");
        let sources: Vec<(crate::evidence::Kind, String)> = review
            .expect("valid")
            .evidence
            .iter()
            .map(|s| (s.kind, s.path.display().to_string()))
            .collect();
        let templates: Vec<(crate::evidence::Kind, String)> = crate::evidence::Kind::TEMPLATES
            .iter()
            .map(|k| (*k, format!("evidence/{}", k.template_file())))
            .collect();
        assert_eq!(sources, templates);
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
