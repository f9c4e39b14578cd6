//! The checks on the policy register and the registers beside it, measured with the fact
//! behind each in words, on the same computations the reports show.

use chrono::NaiveDate;

use super::{Measured, Unmeasured, percent, plural};
use crate::dates::uk;
use crate::evidence::dating::window;
use crate::evidence::import::Evidence;
use crate::framework::Topic;
use crate::metrics::documents::{self, NotCurrent};
use crate::metrics::registers::{self, ANY};
use crate::metrics::terms::Terms;

fn count(n: usize, fact: String) -> Measured {
    Measured {
        value: n as f64,
        fact,
    }
}

/// `documents.reviewed`: documents on `topic` reviewed within the window.
pub(super) fn documents_reviewed(
    e: &Evidence,
    topic: Topic,
    months: u32,
    as_of: NaiveDate,
) -> Measured {
    let (within, latest, listed) = documents::reviewed(e, topic, months, as_of);
    let what = topic.words();
    let fact = match latest {
        _ if listed == 0 => skipped_on(e, topic)
            .unwrap_or_else(|| format!("the policy register lists nothing that is {what}")),
        None => match e.documents.iter().find_map(|d| {
            let last = d
                .cells
                .unread
                .iter()
                .find(|(c, _)| Some(c) != d.cells.next_due.as_ref());
            last.filter(|_| d.topics.contains(&topic)).map(|u| (d, u))
        }) {
            Some((d, (c, why))) => {
                let cell =
                    c.at.cell
                        .clone()
                        .unwrap_or_else(|| format!("column {}", c.letters));
                format!(
                    "the policy register gives no date of last review for {what} that can be read: “{}” has {why} (“{}”, {cell})",
                    d.name, c.heading
                )
            }
            None => format!("the policy register gives no date of last review for {what}"),
        },
        Some((d, on)) if within > 0 => {
            format!(
                "{what} (“{}”) was last reviewed on {}, within {}",
                d.name,
                uk(on),
                window(months)
            )
        }
        Some((d, on)) if documents::review_stands(on, months, as_of) => {
            let why = match documents::not_current(d, as_of) {
                Some(NotCurrent::NextBeforeLast(next)) => format!(
                    "the register dates its next review {}, before that last review, so one of the two dates is wrong and it is not taken as current",
                    uk(next)
                ),
                Some(NotCurrent::Overdue(due)) => {
                    format!("its next review was due on {}, so it is overdue", uk(due))
                }
                Some(NotCurrent::NextUnread) => {
                    "its next review cannot be read as a date, so when it falls due is not known and it is not taken as current".to_string()
                }
                None => "it is not taken as current".to_string(),
            };
            format!(
                "{what} (“{}”) was last reviewed on {}, within {}, but {why}",
                d.name,
                uk(on),
                window(months)
            )
        }
        Some((d, on)) => {
            format!(
                "{what} (“{}”) was last reviewed on {}, not within {}",
                d.name,
                uk(on),
                window(months)
            )
        }
    };
    count(within, fact)
}

/// The fact for a document on `topic` the policy register lists on a row that was skipped
/// (a draft, one not in force), saying why: "the policy register lists “Online Safety
/// Policy”, but its row was skipped: it is a draft …".
pub(super) fn skipped_on(e: &Evidence, topic: Topic) -> Option<String> {
    let s = e.skips.iter().find(|s| {
        s.kind == crate::evidence::Kind::Documents
            && s.subject
                .as_deref()
                .is_some_and(|n| Topic::of(n).contains(&topic))
    })?;
    Some(format!(
        "the policy register lists “{}” as {}, but its row was skipped: {}",
        s.subject.as_deref().unwrap_or_default(),
        topic.words(),
        s.reason()
    ))
}

/// `agreements.signed-share`: the share of `group` who signed this school year.
pub(super) fn signed_share(
    e: &Evidence,
    group: &str,
    as_of: NaiveDate,
) -> Result<Measured, Unmeasured> {
    if let Some(why) = e.unusable_agreements(group) {
        return Err(Unmeasured::AllSkipped {
            what: format!(
                "the acceptable use agreement records for {}",
                super::group_words(group)
            ),
            why,
        });
    }
    let c = registers::agreement_coverage(e, group, as_of).ok_or_else(|| {
        // The group's rows were there and all skipped: nothing valid, so not met.
        match e.all_skipped(crate::evidence::Kind::Agreements, Some(group)) {
            Some(why) => Unmeasured::AllSkipped {
                what: format!(
                    "the acceptable use agreement records for {}",
                    super::group_words(group)
                ),
                why,
            },
            None => Unmeasured::NobodySigned {
                group: group.to_string(),
            },
        }
    })?;
    Ok(Measured {
        value: c.share,
        fact: format!(
            "{} of {} {} signed an acceptable use agreement since {} ({})",
            c.signed,
            c.of,
            super::group_words(group),
            uk(c.since),
            percent(c.signed, c.of)
        ),
    })
}

/// `filtering.checks`: checks within the window.
pub(super) fn filtering_checks(
    e: &Evidence,
    months: u32,
    as_of: NaiveDate,
    terms: &Terms,
) -> Measured {
    let s = registers::filtering(e, months, as_of, terms).expect("a filtering log was imported");
    let mut failed = if s.failed == 0 {
        String::new()
    } else {
        format!(", {} of them finding something that got through", s.failed)
    };
    if s.unclear > 0 {
        failed.push_str(&format!(
            ", {} with a result that does not say whether the filter held",
            s.unclear
        ));
    }
    count(
        s.checks,
        format!(
            "{} recorded in {}{failed}",
            plural(s.checks, "filtering check", "filtering checks"),
            window(months)
        ),
    )
}

/// `filtering.terms-unchecked`: finished terms in the window whose latest check did not
/// pass. A term counts as checked only when its latest check found the filter holding (a
/// failure put right by a passing re-check in the same term counts, a pass followed by a
/// failure does not); such a term is not checked, and is named as such.
pub(super) fn terms_unchecked(
    e: &Evidence,
    months: u32,
    as_of: NaiveDate,
    terms: &Terms,
) -> Measured {
    let s = registers::filtering(e, months, as_of, terms).expect("a filtering log was imported");
    let n = s.unchecked.len() + s.none_passed.len();
    let finished = format!(
        "{} finished in {}",
        plural(s.terms.len(), "term", "terms"),
        window(months)
    );
    if n == 0 {
        return count(
            0,
            format!("the latest filtering check passed in each of the {finished}"),
        );
    }
    let mut why = Vec::new();
    if !s.unchecked.is_empty() {
        why.push(format!(
            "no check was recorded in {}",
            crate::metrics::terms::list_in_words(&s.unchecked, ", ")
        ));
    }
    if !s.none_passed.is_empty() {
        why.push(format!(
            "in {} the latest check found something getting through or did not say whether the filter held",
            crate::metrics::terms::list_in_words(&s.none_passed, " and ")
        ));
    }
    count(
        n,
        format!(
            "the latest filtering check did not pass in {n} of the {finished}: {}",
            why.join("; ")
        ),
    )
}

/// `surveys.count`: surveys of `group` within the window.
pub(super) fn surveys(e: &Evidence, group: &str, months: u32, as_of: NaiveDate) -> Measured {
    let s = registers::surveys(e, group, months, as_of);
    let of = if group == ANY {
        String::new()
    } else {
        format!(" of {}", group.replace('-', " "))
    };
    let responses = if s.count > 0 && s.responses != Some(0) {
        format!(", with {}", s.responses_in_words())
    } else {
        String::new()
    };
    count(
        s.count,
        format!(
            "{}{of} in {}{responses}",
            plural(s.count, "survey", "surveys"),
            window(months)
        ),
    )
}

/// `engagement.sessions` and `engagement.communications`.
pub(super) fn engagement(e: &Evidence, sessions: bool, months: u32, as_of: NaiveDate) -> Measured {
    let s = registers::engagement(e, months, as_of);
    if sessions {
        let attended = match s.attendance_in_words() {
            words if words.is_empty() => String::new(),
            words => format!(", {words}"),
        };
        count(
            s.sessions,
            format!(
                "{} for parents and carers in {}{attended}",
                plural(s.sessions, "session", "sessions"),
                window(months)
            ),
        )
    } else {
        count(
            s.communications,
            format!(
                "{} to parents and carers in {}",
                plural(s.communications, "communication", "communications"),
                window(months)
            ),
        )
    }
}
