//! `report`'s pages for the hand-over: `online-tool.html` (every aspect in the framework's
//! order with its agreed level and commentary, a copy button per field that works from a
//! file with no network, printable on A4) and `visit.html` (the visit's agenda and the
//! lead's desk check), both written through the same check for children's names.

use crate::handover::{AGREED, run, with_group};

fn page(dir: &std::path::Path, name: &str) -> String {
    std::fs::read_to_string(dir.join("out").join(name)).expect(name)
}

#[test]
fn the_online_tool_page_lays_out_every_aspect_to_copy_field_by_field() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    run(tmp.path(), &["report"]).success();
    let html = page(tmp.path(), "online-tool.html");
    // Every aspect, in the framework's order.
    let codes = crate::groups::CODES;
    let mut at = 0;
    for code in codes {
        let found = html[at..]
            .find(&format!("id=\"aspect-{code}\""))
            .unwrap_or_else(|| panic!("{code} missing or out of order"));
        at += found;
        for field in ["name", "level", "commentary"] {
            assert!(
                html.contains(&format!("data-copy=\"{field}-{code}\"")),
                "no copy button for {field} of {code}"
            );
        }
    }
    let escaped = AGREED.replace('\'', "&#x27;").replace('/', "&#x2f;");
    assert!(
        html.contains(&format!(
            "<span class=\"value\" id=\"commentary-A1.1\">{escaped}</span>"
        )),
        "the agreed commentary is the field's text"
    );
    assert!(html.contains("<span class=\"value\" id=\"level-A1.1\">2</span>"));
    assert!(
        html.contains("No agreed commentary yet."),
        "A1.2 has only notes"
    );
    // Copying works offline: inline script, the clipboard API where allowed, and a hidden
    // text box for a page opened from a file; nothing is loaded from elsewhere.
    for needed in [
        "navigator.clipboard",
        "isSecureContext",
        "execCommand(\"copy\")",
        "@page { size: A4",
    ] {
        assert!(html.contains(needed), "{needed}");
    }
    for outside in ["src=", "http://", "https://", "<link"] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(
        !html.contains("missed two meetings"),
        "only the agreed commentary"
    );
}

#[test]
fn the_visit_page_has_the_agenda_and_the_desk_check() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    with_group(tmp.path());
    run(tmp.path(), &["report"]).success();
    let html = page(tmp.path(), "visit.html");
    for heading in [
        "1. Aspects at or below the benchmark",
        "2. Where the group disagreed",
        "3. Claims the records do not support",
        "4. Whom the assessor will meet",
        "5. Documents to have ready",
        "6. Desk check for the online safety lead",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
    // A1.1 is agreed at the benchmark, A1.2 one below.
    assert!(html.contains("<td class=\"text\">A1.1 Online Safety Responsibilities</td><td class=\"num\">2</td><td class=\"num\">2</td><td>at the benchmark</td>"));
    assert!(html.contains("A1.2 Online Safety Group</td><td class=\"num\">3</td><td class=\"num\">2</td><td class=\"below\">1 below the benchmark</td>"));
    let below = html
        .find("<td class=\"text\">A1.2 Online Safety Group</td>")
        .expect("A1.2");
    let at = html
        .find("<td class=\"text\">A1.1 Online Safety Responsibilities</td>")
        .expect("A1.1");
    assert!(below < at, "the aspects below the benchmark come first");
    // The DSL said 2 and the OSL 3 for A1.1 in their own workbooks.
    assert!(
        html.contains("A1.1 Online Safety Responsibilities: DSL 2, OSL 3 (spread 1)"),
        "disagreement"
    );
    assert!(
        html.contains("The governor for online safety</td><td class=\"text\">B3.1 Governors"),
        "whom to meet"
    );
    assert!(
        html.contains("<td class=\"text\">policy.pdf</td><td>A1.1</td>"),
        "the cited document"
    );
    assert!(
        html.contains("Aspects that cite no document"),
        "suggested evidence"
    );
    assert!(
        html.contains("class=\"not-done\">Every aspect has a commentary agreed by the group"),
        "desk check"
    );
    assert!(html.contains("class=\"done\">The children&#x27;s names to keep out are known"));
    assert!(html.contains("@page { size: A4"));
}
