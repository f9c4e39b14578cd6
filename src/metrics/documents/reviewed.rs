//! The documents on a topic the checks lean on: reviewed within the window, current by
//! their own dates, and the latest review of their document.

use chrono::NaiveDate;

use super::{Latest, not_current, review_stands};
use crate::evidence::import::Evidence;
use crate::evidence::registers::Document;
use crate::framework::Topic;

/// Documents on `topic` last reviewed within `months` of `as_of` whose register does not
/// show them overdue ([`not_current`]): the document a check leans on must be current by
/// its own dates as well as by the framework's. Then the document to name: the latest so
/// counted, or else the latest reviewed of any on the topic; and how many are on it. A row
/// replaced by a later review of the same document ([`Latest`]) is not among them.
pub fn reviewed(
    e: &Evidence,
    topic: Topic,
    months: u32,
    as_of: NaiveDate,
) -> (usize, Option<(&Document, NaiveDate)>, usize) {
    // A row a later review of the same document replaced counts for nothing: only the
    // latest review stands, overdue or not.
    let replaced = Latest::of(e, as_of);
    let on_topic: Vec<&Document> = e
        .documents
        .iter()
        .filter(|d| d.topics.contains(&topic) && !replaced.replaces(d))
        .collect();
    let counts = |d: &Document| {
        d.last_reviewed
            .is_some_and(|r| review_stands(r, months, as_of))
            && not_current(d, as_of).is_none()
    };
    let within = on_topic.iter().filter(|d| counts(d)).count();
    let dated = || {
        on_topic
            .iter()
            .filter_map(|d| d.last_reviewed.filter(|r| *r <= as_of).map(|r| (*d, r)))
    };
    let latest = dated()
        .filter(|(d, _)| counts(d))
        .max_by_key(|(_, r)| *r)
        .or_else(|| dated().max_by_key(|(_, r)| *r));
    (within, latest, on_topic.len())
}
