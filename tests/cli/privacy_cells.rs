//! A name typed where a date, a count or a mark belongs ("Reviewed by Jane Smith", "Ask
//! Mr Patel", "28 (Jane Smith away)") is never repeated back: the note or the skipped row
//! names the cell by its place, and quotes only a cell that holds nothing but what the
//! column is meant to hold ("31/02/2026", "about 30"). Every kind is tried, as text and as
//! `--json`, through the binary.

use crate::register_words::import_csv;

/// Words of the names typed into the logs below.
const NAMES: &[&str] = &["Jane", "Smith", "Patel", "Amir", "June Cole"];

/// Imports `csv` as `kind` and checks that no name is printed, as text, as a warning or in
/// `--json`; gives the text.
fn named_nowhere(kind: &str, csv: &str) -> String {
    let (doc, text, warnings) = import_csv(kind, csv);
    let json = doc.to_string();
    for name in NAMES {
        for (what, out) in [("text", &text), ("warnings", &warnings), ("json", &json)] {
            assert!(
                !out.contains(name),
                "{kind}: `{name}` in the {what}:\n{out}"
            );
        }
    }
    text
}

#[test]
fn a_policy_register_with_names_in_its_review_dates_repeats_none_of_them() {
    let text = named_nowhere(
        "documents",
        "Document,Owner,Last reviewed,Next review due\n\
         Online Safety Policy,DSL,Reviewed by Jane Smith,Ask Jane Smith\n\
         Acceptable Use Policy,Head,Summer 2026 (Jane Smith),Sep 2026 (overdue - Jane Smith)\n\
         Filtering and Monitoring Policy,Head,31/02/2026,Annually unless Jane Smith says\n\
         Behaviour Policy,Head,01/09/2026,June\n",
    );
    assert!(text.contains("the cell is not a date"), "{text}");
    assert!(
        text.contains("the cell is a term, taken as its first day, 01/04/2026"),
        "{text}"
    );
    assert!(
        text.contains("the cell says the review is overdue"),
        "{text}"
    );
    // A cell that reads as a date alone is still quoted, so the lead can find the slip.
    assert!(text.contains("`31/02/2026` is not a real date"), "{text}");
}

#[test]
fn training_meetings_incidents_and_filtering_with_names_in_their_dates_repeat_none() {
    for (kind, csv) in [
        (
            "training",
            "Name,Role,Course,Date completed\nAnn Lee,Teacher,Online safety,with Jane Smith\nBob Hart,TA,Online safety,31/02/2026\n",
        ),
        (
            "meetings",
            "Date,Meeting,Attendees,Items\nJane Smith to confirm,Online safety group,4,Filtering\n",
        ),
        (
            "incidents",
            "Date,Incident,Category,Action\nMr Patel's class,Shared image,Sexting,Yes\n",
        ),
        (
            "filtering",
            "Date checked,What was tested,Result\nAsk Amir,Adult content,Blocked\n",
        ),
        (
            "surveys",
            "Survey,Who was asked,Date,Responses\nPupil voice,Pupils,June Cole,30\n",
        ),
    ] {
        let text = named_nowhere(kind, csv);
        assert!(text.contains("the cell is not a date"), "{kind}: {text}");
    }
}

#[test]
fn counts_and_marks_with_names_beside_them_repeat_none() {
    let text = named_nowhere(
        "agreements",
        "Group,Person,Signed,Date\n\
         Staff,Ann Lee,Jane Smith,05/09/2026\n\
         Staff,Bob Hart,Y?  Jane,05/09/2026\n\
         Staff,Cat Doe,Y,Ask Mr Patel\n\
         Staff,Dan Fox,Y,05/09/2026\n",
    );
    assert!(
        text.contains("the cell is neither a count nor a yes/no mark"),
        "{text}"
    );
    assert!(
        text.contains("the cell is a mark with a question mark"),
        "{text}"
    );
    let text = named_nowhere(
        "surveys",
        "Survey,Who was asked,Date,Responses\nPupil voice,Pupils,01/10/2026,Mrs Patel's class\nParents,Parents,02/10/2026,about 40\n",
    );
    assert!(
        text.contains("the responses cell is not a whole number of people"),
        "{text}"
    );
    assert!(text.contains("`about 40` is approximate"), "{text}");
    let text = named_nowhere(
        "engagement",
        "Date,Type,What,Parents attended\n01/10/2026,Workshop,Gaming safety,Jane Smith and 12 others\n02/10/2026,Workshop,Online safety and apps,95% of Year 6 (Amir away)\n",
    );
    assert!(
        text.contains("the attendance cell is not a whole number of people"),
        "{text}"
    );
}

#[test]
fn a_group_the_register_cannot_place_is_named_by_its_rows_alone() {
    let text = named_nowhere(
        "agreements",
        "Group,Signed,Out of,Date counted\nOak (Jane Smith),20,22,10/09/2026\nYear 3,20,22,10/09/2026\nPatel group,3,4,10/09/2026\n",
    );
    assert!(!text.contains("Oak"), "{text}");
    let (_, _, warnings) = import_csv(
        "agreements",
        "Group,Signed,Out of,Date counted\nOak (Jane Smith),20,22,10/09/2026\nYear 3,20,22,10/09/2026\n",
    );
    assert!(
        warnings
            .contains("not counted as anyone: the group on row 2 (a group's name is not repeated"),
        "{warnings}"
    );
}
