//! Filtering results worded in the negative, and a Status column beside a Result column,
//! through the binary, from csv, xlsx, xls and ods logs alike.

use serde_json::Value;

use crate::register_words::{import_csv, import_file};
use crate::{fixtures, says};

/// The log's rows: a date, what was tested, the result and the check status.
const ROWS: &[[&str; 4]] = &[
    ["03/12/2025", "Adult content", "None accessible", "Done"],
    ["04/12/2025", "Gambling", "No sites accessible", "Done"],
    ["05/12/2025", "Self-harm", "0 got through", "Complete"],
    ["06/12/2025", "Extremism", "Zero sites got through", "Done"],
    ["07/12/2025", "Proxies", "No fails", "Done"],
    ["08/12/2025", "VPN", "Not a fail", "Done"],
    ["09/12/2025", "Games", "No failures", "Done"],
    ["10/12/2025", "Adult content", "0 failures", "Done"],
    ["11/12/2025", "Gambling", "None loaded", "Done"],
    ["12/12/2025", "Self-harm", "Nothing accessible", "Done"],
    ["13/12/2025", "Extremism", "No content reached", "Done"],
    ["14/12/2025", "Proxies", "0 sites accessible", "Done"],
    ["15/12/2025", "VPN", "No breaches", "Done"],
    ["15/01/2026", "Adult content", "No - accessible", "Done"],
    ["16/01/2026", "Gambling", "Not blocked", "Done"],
    ["17/01/2026", "Self-harm", "None blocked", "Done"],
    ["18/01/2026", "Extremism", "0 blocked", "Done"],
    ["19/01/2026", "Proxies", "0/10 blocked", "Done"],
    ["20/01/2026", "VPN", "No block", "Done"],
    ["21/01/2026", "Games", "Nothing blocked", "Done"],
    ["22/01/2026", "Adult content", "not all blocked", "Done"],
    ["23/01/2026", "Gambling", "Not passed", "Done"],
    ["24/01/2026", "Self-harm", "Did not pass", "Done"],
    ["25/01/2026", "Extremism", "No pass", "Done"],
    // The check status decides these whatever the result says.
    ["10/02/2026", "Proxies", "Blocked", "Cancelled"],
    [
        "11/02/2026",
        "VPN",
        "None accessible",
        "Failed - fix pending",
    ],
    // A bare no under Result says neither.
    ["12/02/2026", "Games", "No", "Done"],
    // A count of none reaching the screen.
    ["13/02/2026", "Proxies", "0 of 10 sites accessible", "Done"],
];

const HEADINGS: [&str; 5] = ["Date", "What was tested", "Result", "Status", "Checked by"];

/// The filtering figures: checks, failed, unclear.
fn figures(doc: &Value) -> (u64, u64, u64) {
    let f = &doc["metrics"]["filtering"];
    let n = |k: &str| f[k].as_u64().unwrap_or(u64::MAX);
    (n("checks"), n("failed"), n("unclear"))
}

/// Checks the figures and messages, with `at` naming a cell as the file's kind does
/// ("row 26, column D" in a csv, "Checks!D26" in a workbook).
fn check(doc: &Value, text: &str, at: fn(&str, u32) -> String) {
    // 28 rows, one cancelled: 14 passes, 11 failed results and one failed status, one
    // bare no.
    assert_eq!(figures(doc), (27, 12, 1), "{text}");
    says(
        text,
        &[
            "columns: Date → date, What was tested → tested, Result → result, Status → status, Checked by → by",
        ],
    );
    says(
        text,
        &[
            &format!("skipped {}: Status says \"cancelled\"", at("D", 26)),
            &format!(
                "note {}: Result does not say whether the filter blocked the content",
                at("C", 28)
            ),
        ],
    );
    assert!(!text.contains("ambiguous"), "{text}");
}

#[test]
fn negative_results_and_a_status_beside_the_result_read_the_same_from_csv_and_xlsx() {
    let mut csv = HEADINGS.join(",") + "\n";
    for r in ROWS {
        csv.push_str(&format!("{},{},{},{},IT\n", r[0], r[1], r[2], r[3]));
    }
    let (doc, text, _) = import_csv("filtering", &csv);
    check(&doc, &text, |c, r| format!("row {r}, column {c}"));

    let tmp = tempfile::tempdir().expect("temporary folder");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet().set_name("Checks").expect("name");
    for (c, h) in HEADINGS.iter().enumerate() {
        sheet.write(0, c as u16, *h).expect("write");
    }
    for (i, r) in ROWS.iter().enumerate() {
        let at = i as u32 + 1;
        for (c, v) in r.iter().chain(&["IT"]).enumerate() {
            sheet.write(at, c as u16, *v).expect("write");
        }
    }
    wb.save(tmp.path().join("log.xlsx")).expect("save");
    let (doc, text, _) = import_file("filtering", tmp.path(), "log.xlsx");
    check(&doc, &text, |c, r| format!("Checks!{c}{r}"));
}

#[test]
fn a_status_with_no_result_beside_it_is_read_as_the_result() {
    let (doc, text, _) = import_csv(
        "filtering",
        "Date,What was tested,Status\n\
         03/12/2025,Adult content,Blocked\n\
         15/01/2026,Gambling,Not blocked\n\
         10/02/2026,Self-harm,Cancelled\n\
         20/04/2026,Extremism,Done\n\
         21/05/2026,Proxies,None accessible\n",
    );
    assert_eq!(figures(&doc), (4, 1, 1), "{text}");
    says(
        &text,
        &[
            "Status → result",
            "skipped row 4, column C: Status says \"cancelled\": the check was not made",
            "note row 5, column C: Status does not say whether the filter blocked the content",
        ],
    );
}

#[test]
fn two_columns_either_of_which_may_be_the_result_are_still_refused() {
    for csv in [
        "Date,What was tested,Status,Status\n03/12/2025,Adult content,Blocked,Done\n",
        "Date,What was tested,Result,Outcome,Status\n03/12/2025,Adult content,Blocked,Blocked,Done\n",
    ] {
        let tmp = tempfile::tempdir().expect("temporary folder");
        std::fs::write(tmp.path().join("log.csv"), csv).expect("write the log");
        let out = crate::selfreview()
            .current_dir(tmp.path())
            .args(["import", "--as-of", "2026-11-01", "--kind", "filtering"])
            .arg("log.csv")
            .assert()
            .failure()
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        says(&stderr, &["log.csv", "is ambiguous"]);
    }
}

#[test]
fn a_log_with_a_status_beside_its_result_reads_alike_in_every_format() {
    for file in [
        "filtering-status.csv",
        "filtering-status.xlsx",
        "filtering-status.xls",
        "filtering-status.ods",
    ] {
        let (doc, text, _) = import_file("filtering", &fixtures().join("evidence"), file);
        // Four that deny anything got through, three that deny a block or say a site
        // loaded, and one cancelled.
        assert_eq!(figures(&doc), (7, 3, 0), "{file}: {text}");
        says(
            &text,
            &[
                "Result → result, Status → status",
                "header on row 2",
                "Status says \"cancelled\"",
            ],
        );
    }
}

#[test]
fn a_sign_or_a_question_in_any_script_is_no_pass_and_a_failing_status_fails() {
    let (doc, text, _) = import_csv(
        "filtering",
        "Date checked,What was tested,Result,Status,Checked by\n\
         01/12/2025,Adult sites,Blocked ❓,Done,IT\n\
         02/12/2025,Adult sites,Blocked 👎,Done,IT\n\
         03/12/2025,Adult sites,Blocked ⚠️,Done,IT\n\
         04/12/2025,Adult sites,Blocked ？,Done,IT\n\
         05/12/2025,Adult sites,Blocked ×,Done,IT\n\
         06/12/2025,Adult sites,Blocked,Failing,IT\n\
         07/12/2025,Adult sites,Blocked,Unsuccessful,IT\n\
         08/12/2025,Adult sites,Blocked,Fix pending,IT\n\
         09/12/2025,Adult sites,Blocked,✗,IT\n\
         10/12/2025,Adult sites,Blocked,🔴,IT\n\
         11/12/2025,Adult sites,Blocked ✓,Done,IT\n",
    );
    // Four unclear results and one doubted by its status; five failures; one pass.
    assert_eq!(figures(&doc), (11, 5, 5), "{text}");
    says(
        &text,
        &[
            "Status holds a question or a sign that is not read, so the check is not counted as a pass",
        ],
    );
    let (doc, text, _) = import_csv(
        "filtering",
        "Date checked,What was tested,Site loaded?\n01/12/2025,Adult sites,Yes\n02/12/2025,Gambling,No\n",
    );
    assert!(text.contains("Site loaded? → result"), "{text}");
    assert_eq!(figures(&doc), (2, 1, 0), "{text}");
}
