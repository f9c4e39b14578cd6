//! Whether anything in an agreements register's row says the agreement does not stand:
//! refused, declined, not returned, withdrawn or void, with or without a date beside it.
//!
//! A date in the Signed column is a signature only when nothing else in the row says
//! otherwise: "Refused 03/09/2026", a Status of "Declined" beside a date, or "Withdrawn"
//! in a notes column all say the person has not signed. The words are read through
//! [`crate::evidence::status`], in the Status column (every word there), the Signed and
//! date cells, and every column the register's headings did not map (only the words of a
//! refusal or of an agreement no longer valid there, so a note such as "planned to chase"
//! is no refusal). The cells of the other columns are never quoted: they may name a child.

use crate::evidence::Field;
use crate::evidence::header::Header;
use crate::evidence::records::text;
use crate::evidence::status::{self, Read, Standing, spoken};
use crate::evidence::table::SheetRow;

/// What a standing says of an agreement.
fn says(standing: Standing) -> &'static str {
    match standing {
        Standing::Refused => "it was refused, declined or not returned",
        Standing::NotValid => "it was withdrawn or is void",
        Standing::NotYet => "it is still to come",
        Standing::DidNotHappen => "it was cancelled",
        Standing::Failed => "it was not passed",
        Standing::NotDone => "it was not signed or returned",
    }
}

/// The standings a cell other than the Status column is read for.
const IN_OTHER_CELLS: &[Standing] = &[Standing::Refused, Standing::NotValid];

/// The reason a row's agreement does not stand, with the column that says so, if any
/// cell of the row says so.
pub(super) fn refusal(row: &SheetRow, header: &Header) -> Option<(String, Option<u32>)> {
    let status = status::cell(row, header, Field::AgreementStatus, Standing::ALL);
    if let Some((Read::Not(standing, words), heading, col)) = &status {
        let reason = format!(
            "the {heading} column says \"{}\": {}",
            spoken(words),
            says(*standing)
        );
        return Some((reason, *col));
    }
    if status::sent_out(&text(row, header, Field::AgreementStatus)) {
        let reason = format!(
            "the {} column says it was sent out and is still awaited",
            status::heading(header, Field::AgreementStatus)
        );
        return Some((reason, header.col(Field::AgreementStatus)));
    }
    // Fail closed: a status that says nothing known to mean signed is not a signature.
    if let Some((Read::Unknown, heading, col)) = status {
        let reason = format!(
            "the {heading} column says nothing selfreview reads as signed (signed, returned, received, agreed, yes or a tick)"
        );
        return Some((reason, col));
    }
    for field in [Field::AgreementSigned, Field::AgreementDate] {
        if let Some(said) = status::other(row, header, field, IN_OTHER_CELLS) {
            let reason = format!("the {} column says {}", said.heading, says(said.standing));
            return Some((reason, said.col));
        }
    }
    header
        .columns
        .iter()
        .filter(|c| c.field.is_none())
        .find_map(|c| {
            let typed = row.get(c.index).text();
            let (standing, _) = status::standing(&typed, IN_OTHER_CELLS)?;
            let reason = format!("the {} column says {}", c.header, says(standing));
            Some((reason, Some(c.index)))
        })
}
