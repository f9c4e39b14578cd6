//! Headings that name one field or another by what stands beside them: a policy's
//! "Review date" is its next review unless another column names that, and a filtering
//! log's "Status" is the check's result unless another column holds the result, when it
//! says whether the check was made.

use super::{Column, HOW, Strength};
use crate::evidence::Field;
use crate::text::normalise;

/// Headings that name a policy's last review in one register and its next in another:
/// taken as the next review unless another column names that.
const EITHER_REVIEW: &[&str] = &["review date", "date of review"];

/// Whether a heading can name a policy's last review or its next ("Review date").
pub fn either_review(heading: &str) -> bool {
    let h = normalise(heading);
    EITHER_REVIEW.iter().any(|e| h.ends_with(e))
}

/// A second column naming the next review when an earlier one took it with a heading that
/// can mean either review ("Review date" beside "Next review"): the earlier one is then the
/// last review, if no column names that.
pub(super) fn make_room(out: &mut [Column], wanted: Field) {
    if wanted != Field::DocumentNextDue
        || out
            .iter()
            .any(|c| c.field == Some(Field::DocumentLastReviewed))
    {
        return;
    }
    if let Some(c) = out
        .iter_mut()
        .find(|c| c.field == Some(wanted) && either_review(&c.header))
    {
        c.field = Some(Field::DocumentLastReviewed);
    }
}

/// The field a column headed `heading` takes when `wanted` (read from its heading, with
/// its strength) is already held by an earlier column of `out`, whose strengths are
/// `strengths`: of two columns naming a field, one headed in a way that names another
/// beside a rival ([`Field::beside_rival`]) takes that other field, the earlier one giving
/// the field up if it is that one. Two such columns ("Status" twice) are left as rivals,
/// and a heading the school mapped never gives way.
pub(super) fn give_way(
    out: &mut [Column],
    strengths: &[Strength],
    wanted: (Field, Strength),
    heading: &str,
) -> (Field, Strength) {
    let (field, strength) = wanted;
    let Some(at) = out.iter().position(|c| c.field == Some(field)) else {
        return wanted;
    };
    // "Status (Y/N)" gives way as "Status" does.
    let own = |s: Strength, h: &str| {
        let h = normalise(h);
        let h = HOW.iter().find_map(|how| h.strip_suffix(how)).unwrap_or(&h);
        (s != Strength::School)
            .then(|| field.beside_rival(h))
            .flatten()
    };
    match (own(strength, heading), own(strengths[at], &out[at].header)) {
        (Some(other), None) => (other, strength),
        (None, Some(other)) => {
            out[at].field = Some(other);
            wanted
        }
        _ => wanted,
    }
}
