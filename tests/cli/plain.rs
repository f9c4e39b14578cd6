//! What the HTML reports say to governors and the assessor is in plain words: no backticks,
//! key names or framework ids, and each evidence check's finding in its own column.

use std::path::{Path, PathBuf};

use crate::{fixtures, selfreview};

/// The demo review with training records that have a Group column of long group names and
/// no group called staff, imported, scored and reported.
pub fn demo_with_grouped_training(tmp: &Path) -> PathBuf {
    let run = |dir: &Path, args: &[&str]| {
        selfreview()
            .current_dir(dir)
            .env("SELFREVIEW_TODAY", "2026-12-01")
            .args(args)
            .assert()
            .success();
    };
    run(tmp, &["demo", "--quiet", "school"]);
    let dir = tmp.join("school");
    std::fs::copy(
        fixtures().join("evidence/training-groups-long.csv"),
        dir.join("evidence/training-groups-long.csv"),
    )
    .expect("copy");
    let toml = std::fs::read_to_string(dir.join("review.toml")).expect("toml");
    let toml = toml.replace(
        "evidence/staff-training.xlsx",
        "evidence/training-groups-long.csv",
    );
    std::fs::write(dir.join("review.toml"), toml).expect("write");
    for args in [["import", "-q"], ["score", "-q"], ["report", "-q"]] {
        run(&dir, &args);
    }
    dir
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join("out").join(name)).expect("written")
}

#[test]
fn no_backtick_key_or_framework_id_reaches_the_html_reports() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = demo_with_grouped_training(tmp.path());
    for name in [
        "report.html",
        "governors.html",
        "visit.html",
        "online-tool.html",
    ] {
        let html = read(&dir, name);
        assert!(!html.contains('`'), "{name} holds a backtick");
        assert!(
            !html.contains("online-safety-21"),
            "{name} names the framework by its id"
        );
    }
    let report = read(&dir, "report.html");
    assert!(
        report.contains("Nobody in the training records is in the staff group"),
        "the finding in words"
    );
    // The framework is named once, by its title and version, in the subtitle.
    assert_eq!(
        report
            .matches("Online safety self-review (21 aspects), version")
            .count(),
        1
    );
}

#[test]
fn a_check_the_records_cannot_answer_says_why_under_what_the_records_show() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = demo_with_grouped_training(tmp.path());
    let report = read(&dir, "report.html");
    let row = "<td class=\"text\">level 2 needs 9 in 10 staff trained in the last two years</td><td class=\"text\">Nobody in the training records is in the staff group</td><td>evidence needed; holds back readiness</td>";
    assert!(report.contains(row), "the finding is not under its column");
    assert!(
        !report.contains("<td class=\"text\"></td><td>evidence needed: nobody"),
        "a finding left under Result"
    );
}

/// The text a reader sees in an HTML page: scripts, styles and tags taken out (an SVG's
/// labels kept), entities read.
fn visible(html: &str) -> String {
    let mut text = html.to_string();
    for (open, close) in [
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<title", "</title>"),
    ] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let mut read = String::new();
    let mut rest = out.as_str();
    while let Some(at) = rest.find('&') {
        read.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.find(';').filter(|&e| e < 10);
        let entity = end.map(|e| &tail[1..e]);
        let c = match entity {
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some(e) if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            Some(e) if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (c, end) {
            (Some(c), Some(e)) => {
                read.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                read.push('&');
                rest = &tail[1..];
            }
        }
    }
    read.push_str(rest);
    read
}

/// Hyphenated English words of three or more parts ("out-of-date"): joined by a short word.
fn english_compound(token: &str) -> bool {
    token
        .split('-')
        .any(|p| ["to", "of", "in", "and", "by", "on", "the"].contains(&p))
}

/// The words of `text` a reader should never meet: a settings file's section or key
/// (`[sign-off]`, `review-date`), a finding's code (`sign-off-missing`), an id with a number
/// (`online-safety-21`), a kebab-case id of three or more parts (`dsl-osl-catch-up`), a
/// snake_case name, or a backtick. The sign-off is a word as well as a key, so it is
/// only a key in its brackets. A file's name (`curriculum-map.csv`) is what the school
/// called it and may be shown.
fn codes_shown(text: &str, keys: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    if text.contains('`') {
        found.push("a backtick".to_string());
    }
    let codes: Vec<&str> = selfreview::diag::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    for raw in text.split(|c: char| c.is_whitespace() || ",;:()\"“”'‘’!?".contains(c)) {
        let token = raw.trim_end_matches('.');
        if token.is_empty() {
            continue;
        }
        let is_file = token.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
        let bare = token.trim_matches(|c: char| c == '[' || c == ']');
        let kebab = bare.contains('-')
            && bare.starts_with(|c: char| c.is_ascii_lowercase())
            && bare.split('-').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        let parts = bare.split('-').count();
        let bad = (token.starts_with('[') && token.ends_with(']') && kebab)
            || (!is_file
                && bare.contains('_')
                && bare.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            || (!is_file && kebab && codes.contains(&bare))
            || (!is_file && kebab && bare != "sign-off" && keys.iter().any(|k| k == bare))
            || (!is_file
                && kebab
                && bare
                    .split('-')
                    .any(|p| p.chars().all(|c| c.is_ascii_digit())))
            || (!is_file && kebab && parts >= 3 && !english_compound(bare));
        if bad {
            found.push(token.to_string());
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The kebab-case keys and sections a review's settings file may hold, from the notes
/// `init` writes into it (every key is described there, most commented out).
fn settings_keys(review_toml: &str) -> Vec<String> {
    review_toml
        .lines()
        .filter_map(|line| {
            let line = line.trim_start_matches(['#', ' ']);
            let key = line
                .strip_prefix('[')
                .map(|l| {
                    l.trim_start_matches('[')
                        .split(']')
                        .next()
                        .unwrap_or_default()
                })
                .unwrap_or_else(|| line.split([' ', '=']).next().unwrap_or_default());
            (key.contains('-') && key.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                .then(|| key.to_string())
        })
        .collect()
}

/// Every text a workbook holds, read back with calamine.
fn workbook_text(path: &Path) -> String {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).expect("calamine opens it");
    let mut text = String::new();
    for name in wb.sheet_names() {
        if let Ok(range) = wb.worksheet_range(&name) {
            for cell in range.used_cells() {
                text.push_str(&cell.2.to_string());
                text.push('\n');
            }
        }
    }
    text
}

/// Asserts that no page of `dir`'s out/ shows a reader a key, code or id.
fn assert_plain(dir: &Path, keys: &[String]) {
    for name in [
        "report.html",
        "governors.html",
        "visit.html",
        "online-tool.html",
    ] {
        let shown = codes_shown(&visible(&read(dir, name)), keys);
        assert!(shown.is_empty(), "{} {name} shows {shown:?}", dir.display());
    }
    let shown = codes_shown(&workbook_text(&dir.join("out/summary.xlsx")), keys);
    assert!(
        shown.is_empty(),
        "{} summary.xlsx shows {shown:?}",
        dir.display()
    );
}

#[test]
fn the_scan_finds_keys_codes_and_ids_and_passes_words_and_file_names() {
    let keys = vec!["review-date".to_string(), "sign-off".to_string()];
    let html = "<p>Record it (review.toml, [sign-off]) by <b>review-date</b>; see \
                `selfreview score`, sign-off-missing, online-safety-21, dsl-osl-catch-up \
                and framework_title.</p><style>.a-b-c{}</style>";
    assert_eq!(
        codes_shown(&visible(html), &keys),
        [
            "[sign-off]",
            "a backtick",
            "dsl-osl-catch-up",
            "framework_title",
            "online-safety-21",
            "review-date",
            "sign-off-missing",
        ]
    );
    let words = "<p>An out-of-date, up-to-date self-review; the sign-off is due. Cited: \
                 curriculum-map.csv, evidence&#x2f;acceptable-use-ks2.txt, minutes-2026.pdf.</p>";
    assert_eq!(codes_shown(&visible(words), &keys), Vec::<String>::new());
}

#[test]
fn no_settings_key_code_or_id_reaches_a_page_or_the_summary() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let run = |dir: &Path, args: &[&str]| {
        selfreview()
            .current_dir(dir)
            .env("SELFREVIEW_TODAY", "2026-12-01")
            .args(args)
            .assert()
            .success();
    };
    // The keys any review's settings may hold, from the notes init writes.
    run(
        tmp.path(),
        &[
            "init",
            "blank",
            "--school",
            "Hill Primary School",
            "--framework",
            "online-safety-21",
        ],
    );
    let keys = settings_keys(
        &std::fs::read_to_string(tmp.path().join("blank/review.toml")).expect("toml"),
    );
    assert!(
        keys.iter().any(|k| k == "sign-off") && keys.iter().any(|k| k == "review-date"),
        "{keys:?}"
    );
    // The demo as it is, and carried to the 18 aspects (aspects flagged, a sign-off given
    // before the change).
    run(tmp.path(), &["demo", "--quiet", "school"]);
    assert_plain(&tmp.path().join("school"), &keys);
    run(tmp.path(), &["demo", "--quiet", "carried"]);
    let carried = tmp.path().join("carried");
    run(&carried, &["migrate", "--to", "online-safety-18"]);
    run(&carried, &["score", "-q"]);
    run(&carried, &["report", "-q"]);
    assert_plain(&carried, &keys);
    // A new review part scored by two of three reviewers who disagree, with no records and
    // no sign-off: every "not yet" the pages can say.
    let part = tmp.path().join("blank");
    let text = "The online safety lead and the DSL meet each half term and report to governors.";
    crate::filled_workbook(
        &part.join("scores/dsl.xlsx"),
        "DSL",
        &[("A1.1", 2, text, ""), ("A1.2", 3, "", "")],
    );
    crate::filled_workbook(
        &part.join("scores/osl.xlsx"),
        "OSL",
        &[("A1.1", 4, text, "policy.pdf")],
    );
    let toml = std::fs::read_to_string(part.join("review.toml")).expect("toml");
    let toml = toml.replacen(
        "reviewers = [",
        "reviewers = [\"DSL\", \"OSL\", \"Head\", ",
        1,
    );
    std::fs::write(part.join("review.toml"), toml).expect("write");
    run(&part, &["score", "-q"]);
    run(&part, &["report", "-q"]);
    let report = read(&part, "report.html");
    assert!(
        report.contains("The sign-off has not been filled in"),
        "the sign-off in words"
    );
    assert_plain(&part, &keys);
}
