//! The figures of the registers beside the policy register: acceptable use agreements
//! signed this school year, filtering checks term by term, surveys by who was asked, and
//! parent engagement. Counts only: an agreements register may name pupils, and nothing here
//! holds a name.
//!
//! The school year starts on 1 September, so on 1 December 2026 "this school year" is from
//! 1 September 2026. A register kept as counts is read by its latest count for each part of
//! a group (each year group, say): a count from last year leaves that part's signatures at
//! none this year, with its size still known. Terms are the school's (the English school
//! year unless review.toml lists its own), and a term still running is not counted as
//! missed.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::compute::within;
use super::terms::Terms;
use crate::evidence::import::Evidence;
use crate::evidence::registers::part_key;
use crate::evidence::{Field, Kind};
use crate::text::plural;

/// The first day of the school year `as_of` falls in.
pub fn school_year_start(as_of: NaiveDate) -> NaiveDate {
    let year = if as_of.month() >= 9 {
        as_of.year()
    } else {
        as_of.year() - 1
    };
    NaiveDate::from_ymd_opt(year, 9, 1).expect("1 September is a real date")
}

/// One part of a group (a year group, say) and how many of it signed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementPart {
    /// The part as the register writes it.
    pub part: String,
    /// How many signed this school year.
    pub signed: usize,
    /// How many there are.
    pub of: usize,
}

/// Agreements signed this school year by one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementCoverage {
    /// The group.
    pub group: String,
    /// How many signed this school year.
    pub signed: usize,
    /// How many the group has.
    pub of: usize,
    /// `signed / of`, exact; JSON shows it rounded down to two decimals.
    #[serde(serialize_with = "crate::rounding::serialize_share")]
    pub share: f64,
    /// The school year's first day.
    pub since: NaiveDate,
    /// Each part of the group, in the order first seen.
    pub parts: Vec<AgreementPart>,
    /// Whether the registers record when people signed. A register that gives no dates
    /// (no column of them, and none in its Signed column) cannot show who signed this
    /// school year: `signed` is then 0 and every output says it is not known, as the
    /// checks on it are "evidence needed".
    pub dates_recorded: bool,
}

/// The agreements of `group` signed this school year; `None` when nobody is in it.
pub fn agreement_coverage(
    e: &Evidence,
    group: &str,
    as_of: NaiveDate,
) -> Option<AgreementCoverage> {
    let since = school_year_start(as_of);
    let this_year = |d: Option<NaiveDate>| d.is_some_and(|d| d >= since && d <= as_of);
    let mut parts: Vec<(String, String)> = Vec::new();
    let mut people: BTreeMap<String, BTreeMap<u64, bool>> = BTreeMap::new();
    // The latest count of each part on or before `as_of`; a count with no date (none given,
    // none that can be read, or the register has no dates), or dated after `as_of`, gives
    // the part's size with none signed, and only while no dated count does.
    let mut counts: BTreeMap<String, (Option<NaiveDate>, usize, usize)> = BTreeMap::new();
    for a in e.agreements.iter().filter(|a| a.group == group) {
        let key = part_key(&a.part);
        if !parts.iter().any(|(k, _)| *k == key) {
            parts.push((key.clone(), a.part.clone()));
        }
        match (a.person, a.date) {
            (Some(p), date) => {
                // A date beside a person shows a signature only on a row that says they
                // signed: a refusal or a withdrawal may be dated too.
                let signed = people.entry(key).or_default().entry(p).or_insert(false);
                *signed |= a.signed > 0 && this_year(date);
            }
            // A count with no date (a register with no dates at all, too) keeps its
            // group's size, with none shown signed this school year: the outputs say who
            // signed is not known, and the register is named once as giving no dates.
            (None, date) => {
                let signed = if this_year(date) { a.signed } else { 0 };
                let date = date.filter(|d| *d <= as_of);
                let latest = counts.entry(key).or_insert((date, signed, a.of));
                // Two counts of one day (in two registers) stand as the lower share.
                let lower = signed * latest.2 < latest.1 * a.of;
                if date > latest.0 || (date == latest.0 && lower) {
                    *latest = (date, signed, a.of);
                }
            }
        }
    }
    let parts: Vec<AgreementPart> = parts
        .into_iter()
        .filter_map(|(key, part)| {
            let persons = people.get(&key);
            let counted = counts.get(&key);
            let of = persons.map_or(0, BTreeMap::len) + counted.map_or(0, |c| c.2);
            let signed = persons.map_or(0, |p| p.values().filter(|s| **s).count())
                + counted.map_or(0, |c| c.1);
            (of > 0).then_some(AgreementPart { part, signed, of })
        })
        .collect();
    let of: usize = parts.iter().map(|p| p.of).sum();
    if of == 0 {
        return None;
    }
    let signed = parts.iter().map(|p| p.signed).sum();
    Some(AgreementCoverage {
        group: group.to_string(),
        signed,
        of,
        share: signed as f64 / of as f64,
        since,
        parts,
        dates_recorded: e.unrecorded(Field::AgreementDate).is_none(),
    })
}

/// Filtering checks over a window, and the terms with none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilteringSummary {
    /// The window in months.
    pub months: u32,
    /// Checks within the window.
    pub checks: usize,
    /// Of them, checks whose result records something getting through.
    pub failed: usize,
    /// Of them, checks whose result cannot be read as a pass or a failure (or is blank):
    /// made, but not counted as passed.
    pub unclear: usize,
    /// The latest check on or before the as-of date.
    pub last: Option<NaiveDate>,
    /// The terms finished within the window, in order.
    pub terms: Vec<String>,
    /// Of them, the terms with no check.
    pub unchecked: Vec<String>,
    /// Each finished term with its checks and their results, in order.
    pub by_term: Vec<TermChecks>,
    /// Of the finished terms, those with checks whose latest did not pass: checked, but the
    /// last check of the term found something getting through or does not say whether the
    /// filter held, so a pass earlier in the term does not stand.
    pub none_passed: Vec<String>,
}

/// The filtering checks of one finished term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermChecks {
    /// The term.
    pub term: String,
    /// Checks made in it.
    pub checks: usize,
    /// Of them, checks the filter held.
    pub passed: usize,
    /// Of them, checks finding something that got through.
    pub failed: usize,
    /// Of them, checks whose result does not say whether the filter held.
    pub unclear: usize,
    /// Whether the term's latest check passed (of two on its last day, both must): a term
    /// passes only then.
    pub latest_passed: bool,
}

impl TermChecks {
    /// The term's checks in a word or two, as every output gives them: "no check",
    /// "passed", "some failed" (the latest passed, an earlier one did not), "failed" (the
    /// latest did not pass and at least one found something getting through) or "unclear"
    /// (the latest did not pass and none failed).
    pub fn outcome(&self) -> &'static str {
        match (self.checks, self.passed, self.failed) {
            (0, _, _) => "no check",
            (n, p, _) if p == n => "passed",
            _ if self.latest_passed => "some failed",
            (_, _, f) if f > 0 => "failed",
            _ => "unclear",
        }
    }
}

impl FilteringSummary {
    /// The finished terms in words, as every output gives them: which had no check, and
    /// which had checks of which none passed ("every finished term had a check, but in
    /// 2025-26 spring the latest check did not pass, so that term does not count as
    /// checked"). A term counts as checked only when its latest check passed.
    pub fn terms_words(&self) -> String {
        let mut out = match (self.unchecked.is_empty(), self.none_passed.is_empty()) {
            (true, true) => "every finished term had a check that passed".to_string(),
            (true, false) => "every finished term had a check".to_string(),
            (false, _) => format!(
                "no check was recorded in {}",
                super::terms::list_in_words(&self.unchecked, ", ")
            ),
        };
        if !self.none_passed.is_empty() {
            out.push_str(&format!(
                ", but in {} the latest check did not pass, so {} not count as checked",
                super::terms::list_in_words(&self.none_passed, " and "),
                if self.none_passed.len() == 1 {
                    "that term does"
                } else {
                    "those terms do"
                }
            ));
        }
        out
    }
}

/// The filtering checks over `months`; `None` when no log was imported, or none imported
/// holds a check.
pub fn filtering(
    e: &Evidence,
    months: u32,
    as_of: NaiveDate,
    terms: &Terms,
) -> Option<FilteringSummary> {
    if !e.holds_records(Kind::Filtering) {
        return None;
    }
    let inside: Vec<_> = e
        .filtering
        .iter()
        .filter(|c| within(c.date, as_of, months))
        .collect();
    let mut by_term: Vec<TermChecks> = terms
        .finished(as_of, months)
        .into_iter()
        .map(|term| TermChecks {
            term,
            checks: 0,
            passed: 0,
            failed: 0,
            unclear: 0,
            latest_passed: false,
        })
        .collect();
    // Each term's latest day with a check, by the term's place in `by_term`.
    let mut latest: Vec<Option<NaiveDate>> = vec![None; by_term.len()];
    for c in e.filtering.iter().filter(|c| c.date <= as_of) {
        let Some(term) = terms.of(c.date) else {
            continue;
        };
        if let Some(i) = by_term.iter().position(|t| t.term == term) {
            let t = &mut by_term[i];
            let passed = !c.failed && !c.unclear;
            t.checks += 1;
            t.failed += usize::from(c.failed);
            t.unclear += usize::from(c.unclear && !c.failed);
            t.passed += usize::from(passed);
            // A later check decides the term; of two on one day, a pass needs both.
            match latest[i] {
                Some(d) if d > c.date => {}
                Some(d) if d == c.date => t.latest_passed &= passed,
                _ => {
                    latest[i] = Some(c.date);
                    t.latest_passed = passed;
                }
            }
        }
    }
    Some(FilteringSummary {
        months,
        checks: inside.len(),
        failed: inside.iter().filter(|c| c.failed).count(),
        unclear: inside.iter().filter(|c| c.unclear).count(),
        last: e
            .filtering
            .iter()
            .map(|c| c.date)
            .filter(|d| *d <= as_of)
            .max(),
        unchecked: by_term
            .iter()
            .filter(|t| t.checks == 0)
            .map(|t| t.term.clone())
            .collect(),
        none_passed: by_term
            .iter()
            .filter(|t| t.checks > 0 && !t.latest_passed)
            .map(|t| t.term.clone())
            .collect(),
        terms: by_term.iter().map(|t| t.term.clone()).collect(),
        by_term,
    })
}

/// Parent engagement over a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngagementSummary {
    /// The window in months.
    pub months: u32,
    /// Sessions held that parents attended: a session recorded as attended by nobody is
    /// not one (it is in `unattended`); one whose attendance is not recorded is.
    pub sessions: usize,
    /// Sessions recorded as attended by nobody.
    pub unattended: usize,
    /// Sessions whose attendance is not recorded, left out of `attendance`.
    pub attendance_not_known: usize,
    /// Parents and carers attending them, where recorded.
    pub attendance: usize,
    /// Communications sent.
    pub communications: usize,
    /// The latest session or communication on or before the as-of date.
    pub last: Option<NaiveDate>,
}

impl EngagementSummary {
    /// The sessions' attendance in words, every output's the same: "attended by 40
    /// parents and carers", "attended by at least 40 parents and carers (2 sessions'
    /// attendance not known)", "attendance not known"; then the sessions attended by
    /// nobody, which are not counted. Empty with no session at all.
    pub fn attendance_in_words(&self) -> String {
        let people = plural(self.attendance, "parent or carer", "parents and carers");
        let mut out = match (self.sessions, self.attendance_not_known) {
            (0, _) => String::new(),
            (s, n) if n == s => "attendance not known".to_string(),
            (_, 0) => format!("attended by {people}"),
            (_, n) => format!(
                "attended by at least {people} ({} not known)",
                plural(n, "session's attendance", "sessions' attendance")
            ),
        };
        if self.unattended > 0 {
            let nobody = plural(self.unattended, "session", "sessions");
            let sep = if out.is_empty() { "" } else { "; " };
            out.push_str(&format!("{sep}{nobody} attended by nobody not counted"));
        }
        out
    }
}

/// Parent engagement over `months`.
pub fn engagement(e: &Evidence, months: u32, as_of: NaiveDate) -> EngagementSummary {
    let inside: Vec<_> = e
        .engagement
        .iter()
        .filter(|g| within(g.date, as_of, months))
        .collect();
    EngagementSummary {
        months,
        sessions: inside
            .iter()
            .filter(|g| g.session && g.attendance != Some(0))
            .count(),
        unattended: inside
            .iter()
            .filter(|g| g.session && g.attendance == Some(0))
            .count(),
        attendance_not_known: inside
            .iter()
            .filter(|g| g.session && g.attendance.is_none())
            .count(),
        attendance: inside
            .iter()
            .filter(|g| g.session)
            .filter_map(|g| g.attendance)
            .sum(),
        communications: inside.iter().filter(|g| !g.session).count(),
        last: e
            .engagement
            .iter()
            .map(|g| g.date)
            .filter(|d| *d <= as_of)
            .max(),
    }
}

/// Every register's figures over their default windows, for the import report and the
/// reports: `None` for a kind with no source.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Registers {
    /// The policy register, judged.
    pub documents: Option<super::documents::DocumentSummary>,
    /// Agreements signed this school year, by group.
    pub agreements: Option<Vec<AgreementCoverage>>,
    /// Filtering checks over 12 months.
    pub filtering: Option<FilteringSummary>,
    /// Surveys over 12 months, by who was asked.
    pub surveys: Option<Vec<SurveySummary>>,
    /// Parent engagement over 12 months.
    pub engagement: Option<EngagementSummary>,
}

/// The window of the filtering, survey and engagement figures, in months.
pub const REGISTER_MONTHS: u32 = 12;

/// Every register's figures as of `as_of`.
pub fn registers(
    e: &Evidence,
    as_of: NaiveDate,
    terms: &Terms,
    review_months: &super::documents::ReviewMonths,
) -> Registers {
    // A kind whose files hold no records has no figures: the outputs say "no records yet".
    let has = |k: Kind| e.holds_records(k);
    let groups = |names: Vec<&String>| {
        let set: BTreeSet<&String> = names.into_iter().collect();
        set.into_iter().cloned().collect::<Vec<String>>()
    };
    Registers {
        documents: super::documents::summary(e, review_months, as_of),
        agreements: has(Kind::Agreements).then(|| {
            groups(e.agreements.iter().map(|a| &a.group).collect())
                .iter()
                .filter_map(|g| agreement_coverage(e, g, as_of))
                .collect()
        }),
        filtering: filtering(e, REGISTER_MONTHS, as_of, terms),
        surveys: has(Kind::Surveys).then(|| {
            let unknown = e.surveys.iter().any(|s| s.groups.is_empty());
            let mut asked = groups(e.surveys.iter().flat_map(|s| &s.groups).collect());
            asked.extend(unknown.then(|| NOT_KNOWN.to_string()));
            asked
                .iter()
                .map(|g| surveys(e, g, REGISTER_MONTHS, as_of))
                .collect()
        }),
        engagement: has(Kind::Engagement).then(|| engagement(e, REGISTER_MONTHS, as_of)),
    }
}

mod surveys;

pub use surveys::{ANY, NOT_KNOWN, SurveySummary, surveys};

#[cfg(test)]
mod tests;
