//! Tests of [`super`]: which words of a policy register say a document is in force.

use super::*;

#[test]
fn statuses_that_say_the_document_is_not_current_and_approved() {
    for typed in [
        "For consultation",
        "Out for consultation",
        "Out of date",
        "(working copy)",
        "Under review",
        "Awaiting approval",
        "Not yet approved",
        "Pending",
        "FGB (pending)",
        "Approved, awaiting sign-off",
        "Draft v3",
        "Superseded",
        "Replaced",
        "TBC",
        "Lapsed",
    ] {
        assert!(status_says(typed).is_some(), "{typed}");
    }
}

#[test]
fn statuses_that_say_it_is_in_force() {
    for typed in [
        "Approved (draft archived)",
        "Approved - previous version removed",
        "Ratified; old draft deleted",
        "Approved (new draft due in spring)",
        "Current - next version being written",
        "Approved",
        "Current",
        "Live",
        "FGB",
        "Full governing body",
        "Headteacher",
        "",
    ] {
        assert_eq!(status_says(typed), None, "{typed}");
    }
}

#[test]
fn an_archived_draft_with_nothing_saying_approved_is_not_in_force() {
    assert!(status_says("Draft archived").is_some());
    assert!(status_says("New draft due in spring").is_some());
}

#[test]
fn a_note_settles_a_row_only_when_it_speaks_of_that_row() {
    assert!(note_says("Superseded by the 2026 policy").is_some());
    assert!(note_says("Replaced by Online Safety Policy").is_some());
    assert_eq!(note_says("Replaces the 2023 policy"), None);
    assert_eq!(note_says("New draft due in spring"), None);
    assert_eq!(note_says("Shared with staff at INSET"), None);
}

#[test]
fn a_status_not_understood_as_in_force_is_not_taken_as_approval() {
    for typed in ["N/A", "See folder", "-", "Governors", "No"] {
        assert!(status_cell_says(typed).is_some(), "{typed}");
    }
    assert_eq!(status_cell_says("N/A"), Some(Says::NotUnderstood));
    for typed in [
        "Approved",
        "Ratified by FGB",
        "Live",
        "Current",
        "Completed",
        "Reviewed",
        "In force",
        "Yes",
        "",
    ] {
        assert_eq!(status_cell_says(typed), None, "{typed}");
    }
}

#[test]
fn a_note_saying_the_document_is_still_a_draft_takes_it_out_of_force() {
    for typed in [
        "Still in draft - awaiting FGB",
        "Awaiting FGB approval",
        "Currently with governors for approval",
        "Not yet ratified",
        "Rejected by governors in March",
    ] {
        assert!(note_says(typed).is_some(), "{typed}");
    }
    for typed in [
        "Pending review in spring 2027",
        "New draft due in spring",
        "Approved at FGB 12/03/2026",
        "Reviewed, no changes",
    ] {
        assert_eq!(note_says(typed), None, "{typed}");
    }
}

#[test]
fn a_status_still_to_come_is_not_in_force() {
    for typed in [
        "To be reviewed",
        "To be signed",
        "To be adopted",
        "Due to be reviewed",
        "Yet to be signed off",
        "Still to be approved",
    ] {
        assert!(
            matches!(status_cell_says(typed), Some(Says::NotInForce(_))),
            "{typed}"
        );
    }
}

#[test]
fn a_note_speaks_of_this_document_only_in_its_own_clauses() {
    for other in [
        "Previous version archived",
        "Old version withdrawn",
        "Earlier draft superseded",
        "Shared with staff; previous version archived",
    ] {
        assert_eq!(note_says(other), None, "{other}");
    }
    for this in [
        "Archived",
        "This policy has been superseded",
        "Withdrawn - replaced by the Online Safety Policy",
        "Reviewed in May; now obsolete",
    ] {
        assert!(note_says(this).is_some(), "{this}");
    }
}

#[test]
fn a_status_saying_the_document_was_updated_is_in_force_and_one_still_to_update_is_not() {
    for typed in ["Updated", "Updated and approved", "Reviewed and updated"] {
        assert_eq!(status_cell_says(typed), None, "{typed}");
    }
    for typed in ["To be updated", "Still to be updated", "Not yet updated"] {
        assert!(status_cell_says(typed).is_some(), "{typed}");
    }
}
