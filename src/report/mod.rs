//! Reports for people: the full HTML report, the governors' report and the summary workbook.
//!
//! The HTML is rendered from templates embedded in the binary (`src/report/templates/`);
//! a school can put its own `report.html`, `governors.html` or `style.css` in the review's
//! `templates/` folder to replace ours. Undefined variables are errors and HTML is escaped,
//! so a typo in a template or a `<` in commentary cannot break the page. Everything shown is
//! a level, commentary, an evidence file name or a count. The evidence pack renders the same
//! reports with [`render_linked`]: cited evidence linked into the pack and reviewers shown
//! as [`Reviewers`] names them.

mod handover;
pub(crate) mod reached;
mod reviewers;
mod summary;
mod svg;
mod view;
mod written;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use minijinja::{Environment, UndefinedBehavior};

use crate::error::{Error, Result};
use crate::pipeline::Reviewed;
pub use reached::{
    agreed_in_full, commentary_by, commentary_heading, group_agreed, rationale_heading, reached,
    reached_in_full, records_support,
};
pub use reviewers::Reviewers;
pub use view::{Previous, View, not_scored};
pub use written::{OUTPUTS, withdraw, write};

/// The embedded templates: (name, text).
const TEMPLATES: [(&str, &str); 5] = [
    ("report.html", include_str!("templates/report.html")),
    ("governors.html", include_str!("templates/governors.html")),
    (
        "online-tool.html",
        include_str!("templates/online-tool.html"),
    ),
    ("visit.html", include_str!("templates/visit.html")),
    ("style.css", include_str!("templates/style.css")),
];

/// The scripts of the embedded templates, word for word: the only scripts an output's page
/// may run (the name guard refuses a page running any other, as a school's template might).
pub fn own_scripts() -> &'static [&'static str] {
    static SCRIPTS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        TEMPLATES
            .iter()
            .flat_map(|(_, text)| text.split("<script>").skip(1))
            .filter_map(|rest| rest.split_once("</script>"))
            .map(|(code, _)| code.trim())
            .collect()
    });
    &SCRIPTS
}

/// The outputs, rendered.
#[derive(Debug)]
pub struct Rendered {
    /// `report.html`.
    pub report: String,
    /// `governors.html`.
    pub governors: String,
    /// `online-tool.html`: the agreed levels and commentary to copy into the online tool.
    pub online_tool: String,
    /// `visit.html`: the assessment visit's agenda and the lead's desk check.
    pub visit: String,
    /// `summary.xlsx`.
    pub summary: Vec<u8>,
}

/// For each aspect, each cited evidence name → its path inside the evidence pack.
pub type Links = BTreeMap<String, BTreeMap<String, String>>;

/// Renders every report; `overrides` is a folder whose templates replace ours.
pub fn render(
    r: &Reviewed,
    previous: Option<&Previous>,
    overrides: Option<&Path>,
) -> Result<Rendered> {
    r.names_checked()?;
    render_with(r, previous, overrides, None, &Reviewers::as_named())
}

/// Renders every report with cited evidence linked to its place in `links` (the evidence
/// pack's folders) and reviewers shown as `reviewers` names them.
pub fn render_linked(
    r: &Reviewed,
    previous: Option<&Previous>,
    overrides: Option<&Path>,
    links: &Links,
    reviewers: &Reviewers,
) -> Result<Rendered> {
    render_with(r, previous, overrides, Some(links), reviewers)
}

fn render_with(
    r: &Reviewed,
    previous: Option<&Previous>,
    overrides: Option<&Path>,
    links: Option<&Links>,
    reviewers: &Reviewers,
) -> Result<Rendered> {
    let env = environment(overrides)?;
    let view = view::build(r, previous, links, reviewers);
    let ctx = minijinja::value::Value::from(minijinja::value::Serde(&view));
    let tool = minijinja::value::Value::from(minijinja::value::Serde(handover::online_tool(r)));
    let visit = minijinja::value::Value::from(minijinja::value::Serde(handover::visit::visit(r)));
    let render_with = |name: &str, ctx: &minijinja::value::Value| -> Result<String> {
        env.get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| {
                let origin = own(overrides, name).unwrap_or_else(|| ours(name));
                template_error(&origin, &e)
            })
    };
    let summary = summary::render(r, reviewers).map_err(|source| Error::Spreadsheet {
        path: PathBuf::from("out/summary.xlsx"),
        source,
    })?;
    let render = |name: &str| render_with(name, &ctx);
    Ok(Rendered {
        report: render("report.html")?,
        governors: render("governors.html")?,
        online_tool: render_with("online-tool.html", &tool)?,
        visit: render_with("visit.html", &visit)?,
        summary,
    })
}

/// The template engine with every template loaded: the school's own from `overrides`
/// where there is one, else ours.
fn environment(overrides: Option<&Path>) -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("css_string", css_string);
    env.add_filter("shorten", shorten);
    // `{{ n|counted("incident", "incidents") }}`: "1 incident", "2 incidents".
    env.add_filter("counted", |n: usize, one: &str, many: &str| {
        crate::text::plural(n, one, many)
    });
    for (name, text) in TEMPLATES {
        let (source, origin) = match own(overrides, name) {
            Some(path) => (crate::fsutil::read_text(&path)?, path),
            None => (text.to_string(), ours(name)),
        };
        env.add_template_owned(name, source)
            .map_err(|e| template_error(&origin, &e))?;
    }
    Ok(env)
}

/// `text` as a quoted CSS string, for the running head of a printed page. Quotes and
/// backslashes are escaped, and so is every character that could end the style element or
/// the line, so a school name can never break out of the stylesheet.
fn css_string(text: &str) -> minijinja::value::Value {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        if matches!(c, '"' | '\\' | '<' | '>' | '&' | '\'') || c.is_control() {
            quoted.push_str(&format!("\\{:x} ", u32::from(c)));
        } else {
            quoted.push(c);
        }
    }
    quoted.push('"');
    minijinja::value::Value::from_safe_string(quoted)
}

/// `text` in at most `most` characters: cut at a space where it runs on, and ended with
/// "…". A running head of a very long school name stays on one line, inside the margin.
fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_string();
    }
    let cut: String = text.chars().take(most.saturating_sub(1)).collect();
    let at_space = cut.trim_end().rfind(' ').filter(|i| *i > most / 2);
    format!(
        "{}…",
        at_space.map_or(cut.as_str(), |i| &cut[..i]).trim_end()
    )
}

/// The school's own template `name`, if its templates folder has one.
fn own(overrides: Option<&Path>, name: &str) -> Option<PathBuf> {
    overrides.map(|d| d.join(name)).filter(|p| p.is_file())
}

/// Our template `name`, named by its place in our source tree.
fn ours(name: &str) -> PathBuf {
    PathBuf::from(format!("src/report/templates/{name}"))
}

fn template_error(path: &Path, e: &minijinja::Error) -> Error {
    Error::Template {
        path: path.to_path_buf(),
        line: e.line(),
        message: e.to_string(),
    }
}

/// The latest snapshot in `history` dated before `before`, if any. Snapshots are the JSON
/// `score` saves as `YYYY-MM-DD.json` (or `YYYY-MM-DD.<framework>.json`, kept when the first
/// score after a migration on the same date replaced it). One of the review's own date, on
/// any framework, is this review before or after a change and never the previous review;
/// a file that does not read as one is passed over. A
/// snapshot scored against another framework than `framework` (the review's, found from
/// `review_dir`) is carried through the framework map between them, as `migrate` carries
/// the workbooks; without a map its levels cannot be compared, and the previous review is
/// returned named (its date and its framework in words) with no levels.
pub fn previous_snapshot(
    history: &Path,
    before: NaiveDate,
    framework: &str,
    review_dir: &Path,
) -> Option<Previous> {
    let mut dated: Vec<(NaiveDate, PathBuf)> = std::fs::read_dir(history)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let (date, _kept) = crate::pipeline::snapshot_date(&p)?;
            (date < before).then_some((date, p))
        })
        .collect();
    dated.sort();
    // The latest that reads as a snapshot; one that does not is passed over (and warned of
    // by `pipeline::snapshots::unreadable`), never taken as there being no earlier review.
    let (date, doc) = dated.into_iter().rev().find_map(|(date, path)| {
        crate::pipeline::snapshots::read(&path)
            .ok()
            .map(|doc| (date, doc))
    })?;
    let aspects = doc["aspects"].as_array()?;
    let levels_of = |key: &str| -> BTreeMap<String, u8> {
        aspects
            .iter()
            .filter_map(|a| {
                // A snapshot made before levels were checked against the records has only
                // the claim.
                let level = a.get(key).or_else(|| a.get("agreed"))?.as_u64()?;
                Some((a["code"].as_str()?.to_string(), u8::try_from(level).ok()?))
            })
            .collect()
    };
    let (mut levels, mut counted) = (levels_of("agreed"), levels_of("counted"));
    let (mut mapped, mut uncomparable) = (None, None);
    let mut not_comparable = Vec::new();
    // A snapshot made before snapshots named their framework is taken to be the review's.
    if let Some(scored_with) = doc["framework"].as_str()
        && scored_with != framework
    {
        match crate::framework::map::find(scored_with, framework, review_dir) {
            Ok(Some(map)) => {
                // Only aspects carried as they are compare like with like.
                (levels, _) = map.comparable_levels(&levels);
                (counted, not_comparable) = map.comparable_levels(&counted);
                mapped = Some((scored_with.to_string(), map.named()));
            }
            // No map, or none that can be used: the review is named, its levels are not.
            _ => {
                let title = crate::framework::title_of(scored_with, review_dir);
                uncomparable = Some(view::in_words(title.as_deref()));
                levels.clear();
                counted.clear();
            }
        }
    }
    Some(Previous {
        date,
        levels,
        counted,
        mapped,
        uncomparable,
        not_comparable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_shortened_at_a_space() {
        assert_eq!(shorten("Hill Primary School", 60), "Hill Primary School");
        let long = "St Mary's and All Angels Academy Trust of the Very Long Name Primary School";
        let short = shorten(long, 60);
        assert_eq!(
            short,
            "St Mary's and All Angels Academy Trust of the Very Long…"
        );
        assert!(short.chars().count() <= 60);
        let unbroken = "x".repeat(100);
        assert_eq!(shorten(&unbroken, 10), format!("{}…", "x".repeat(9)));
        assert_eq!(shorten("🏫📚✨ مدرسة النور", 4), "🏫📚✨…");
    }

    fn snapshot(dir: &Path, date: &str, framework: Option<&str>, levels: &[(&str, u8)]) {
        let aspects: Vec<serde_json::Value> = levels
            .iter()
            .map(|(code, l)| serde_json::json!({ "code": code, "agreed": l, "counted": l }))
            .collect();
        let mut doc = serde_json::json!({ "aspects": aspects });
        if let Some(f) = framework {
            doc["framework"] = serde_json::json!(f);
        }
        std::fs::write(dir.join(format!("{date}.json")), doc.to_string()).expect("written");
    }

    #[test]
    fn an_earlier_snapshot_on_another_framework_is_mapped_or_left_out() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
        let levels = [("A1.1", 2), ("A1.3", 3), ("C1.3", 2)];
        snapshot(dir.path(), "2025-11-01", Some("online-safety-21"), &levels);
        let p = previous_snapshot(dir.path(), day, "online-safety-18", dir.path()).expect("mapped");
        // Only aspects carried as they are compare like with like: A1.1 merged A1.1 and
        // A1.3, and C1.5 Cyber Security is new, its level copied from Technical Security.
        assert_eq!(p.levels.get("C1.3"), Some(&2), "carried as it is");
        assert_eq!(p.levels.get("A1.1"), None, "merged: not compared");
        assert_eq!(p.levels.get("C1.5"), None, "new: not compared");
        assert!(p.not_comparable.contains(&"A1.1".to_string()));
        assert!(p.not_comparable.contains(&"C1.5".to_string()));
        assert_eq!(p.levels.get("A1.3"), None);
        let same =
            previous_snapshot(dir.path(), day, "online-safety-21", dir.path()).expect("same");
        assert_eq!(same.levels.get("A1.3"), Some(&3));
        // No map leads from 18 back to 21: the review is named, by its framework's title,
        // and has no levels to compare.
        snapshot(dir.path(), "2025-12-01", Some("online-safety-18"), &levels);
        let unmapped =
            previous_snapshot(dir.path(), day, "online-safety-21", dir.path()).expect("named");
        assert_eq!(
            unmapped.uncomparable.as_deref(),
            Some("Online safety self-review (18 aspects, England)")
        );
        assert!(unmapped.levels.is_empty() && unmapped.counted.is_empty());
        // A framework nobody holds is described, never named by its id.
        snapshot(dir.path(), "2025-12-02", Some("online-safety-99"), &levels);
        let unknown =
            previous_snapshot(dir.path(), day, "online-safety-21", dir.path()).expect("named");
        let words = unknown.uncomparable.expect("uncomparable");
        assert!(!words.contains("online-safety-99"), "{words}");
        // A snapshot from before snapshots named their framework is the review's own.
        snapshot(dir.path(), "2026-01-01", None, &levels);
        let old = previous_snapshot(dir.path(), day, "online-safety-18", dir.path()).expect("own");
        assert_eq!(old.levels.get("A1.3"), Some(&3));
    }
}
