//! What `selfreview demo` says: a numbered line per stage, then where to look.

use std::path::{Path, PathBuf};

use selfreview::demo::Step;
use selfreview::pack::PackOutcome;
use selfreview::workbook::WriteOutcome;

/// The numbered line for a stage done; `None` for a pack refused or one that failed its
/// check, which the findings say instead.
pub fn step(dir: &Path, step: &Step<'_>) -> Option<String> {
    let (n, text) = match step {
        Step::Samples(written) => (
            1,
            format!(
                "Wrote the sample review of Oakfield Primary School (a fictional school) to {}: {} files.",
                dir.display(),
                written.len()
            ),
        ),
        Step::Workbooks(made) => {
            let created: Vec<&str> = made
                .iter()
                .filter(|w| w.outcome == WriteOutcome::Created)
                .map(|w| w.reviewer.as_str())
                .collect();
            let kept = made
                .iter()
                .filter(|w| w.outcome == WriteOutcome::Kept)
                .count();
            let created = created.join(", ");
            let text = format!(
                "workbook: kept the {kept} filled-in workbooks; made a blank one for {created}."
            );
            (2, text)
        }
        Step::Import(sources) => (3, import(dir, sources)),
        Step::Score { reviewed, snapshot } => {
            let mut text = score(&reviewed.scored, snapshot);
            text.push_str(&super::documents::demo(reviewed));
            text.push_str(&handover(reviewed));
            (4, text)
        }
        Step::Report(reports) => (5, format!("report: wrote {}.", names(reports))),
        Step::Pack(PackOutcome::Written {
            path,
            files,
            fingerprint,
            warnings,
        }) => {
            let left_out = if warnings.is_empty() {
                ""
            } else {
                "; evidence that names people was left out, as the warnings say"
            };
            let short = selfreview::pack::Fingerprint::short(fingerprint);
            let text = format!(
                "pack: wrote {} ({files} files){left_out}; the fingerprint of its manifest, to send the assessor separately, is {short}.",
                path.display()
            );
            (6, text)
        }
        Step::Pack(PackOutcome::Refused(_)) => return None,
        Step::Verify(v) if !v.findings.is_empty() => return None,
        Step::Verify(v) => (
            7,
            format!(
                "verify: the pack is intact; all {} files match its manifest, and the manifest has the fingerprint the school sent.",
                v.intact
            ),
        ),
    };
    Some(format!("{n}. {text}"))
}

fn import(dir: &Path, sources: &[selfreview::evidence::import::SourceReport]) -> String {
    let used: usize = sources.iter().map(|s| s.rows_used).sum();
    let skipped: usize = sources.iter().map(|s| s.skipped.len()).sum();
    format!(
        "import: read {} evidence spreadsheets: {used} rows used, {skipped} skipped with a reason (see `selfreview -C {} import`).",
        sources.len(),
        dir.display()
    )
}

fn score(s: &selfreview::score::Scored, snapshot: &Path) -> String {
    let below = s
        .aspects
        .iter()
        .filter(|a| a.gap_to_benchmark.is_some_and(|g| g > 0))
        .count();
    format!(
        "score: {} of {} aspects complete, {below} below the benchmark, {} claimed levels the records do not support: {}. Snapshot in {}.",
        s.aspects.iter().filter(|a| a.complete).count(),
        s.aspects.len(),
        s.aspects.iter().filter(|a| a.evidenced > a.agreed).count(),
        if s.ready {
            "ready to apply for the Online Safety Mark"
        } else {
            "not yet ready to apply"
        },
        snapshot.display()
    )
}

/// The group's agreed commentary, the sign-off and the Mark's renewal, as the sample has them.
fn handover(r: &selfreview::pipeline::Reviewed) -> String {
    let agreed = r
        .scored
        .aspects
        .iter()
        .filter(|a| selfreview::report::agreed_in_full(a))
        .count();
    let mut text = format!(
        "\n   The group workbook (scores/group.xlsx) gives the agreed level and agreed commentary of {agreed} aspects: the pack carries those, not each reviewer's own remarks."
    );
    if let Some(s) = &r.review.sign_off
        && s.missing().is_empty()
    {
        text.push_str("\n   review.toml records the sign-off by the headteacher and the chair of governors ([sign-off]).");
    }
    if let Some(m) = &r.renewal {
        text.push_str(&format!(
            "\n   The Mark was awarded on {}; reassessment is due by {} ([mark] in review.toml).",
            selfreview::dates::uk(m.awarded),
            selfreview::dates::uk(m.due)
        ));
    }
    text
}

fn names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where to look once the demo is done.
pub fn closing(dir: &Path, report: &Path, pack: &Path) -> String {
    format!(
        "\nOpen {} in a web browser to read the review; out/online-tool.html lays out the agreed levels and commentary to copy into the online tool, and out/visit.html is the agenda for the assessment visit. The pack for the assessor is {}.\nTry `selfreview -C {} score` or look around the folder: it is laid out as your own review would be.\nThe sample school scored the 21 aspects of version 2; `selfreview -C {} migrate --to online-safety-18` carries it to England's current 18.",
        report.display(),
        pack.display(),
        dir.display(),
        dir.display()
    )
}
