//! Incidents kept as counts rather than rows.
//!
//! Every incident metric is a count over dates, categories and two flags, so an incident
//! log of a million rows is folded, as it is read, into one count per distinct (date,
//! categories, actioned, closed). Memory then grows with the days and categories a school
//! uses, not with the number of rows.

use rustc_hash::FxHashMap;

use chrono::{Datelike, NaiveDate};

use super::records::Incident;

/// What incidents are counted by: a date, a set of categories (by its number in
/// [`IncidentLog::sets`]) and the two flags.
type Key = (NaiveDate, u32, bool, bool);

/// The incidents of every source, as counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentLog {
    names: Vec<String>,
    ids: FxHashMap<String, u32>,
    /// Every distinct set of categories, as sorted category numbers, and each set's number:
    /// a log uses few sets, so a count's key is small and made without allocating.
    sets: Vec<Box<[u32]>>,
    set_ids: FxHashMap<Box<[u32]>, u32>,
    /// Looked up for every incident: hashed the fast way, as nothing in a key is chosen to
    /// collide.
    counts: FxHashMap<Key, u64>,
    total: u64,
    /// The categories of the incident being counted.
    scratch: Vec<u32>,
}

/// Some incidents that share a date, categories and flags.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally<'a> {
    /// When.
    pub date: NaiveDate,
    /// Their categories.
    pub categories: Vec<&'a str>,
    /// The action taken is recorded.
    pub actioned: bool,
    /// Recorded as closed.
    pub closed: bool,
    /// How many incidents.
    pub count: u64,
}

impl IncidentLog {
    /// Counts one incident.
    pub fn add(&mut self, incident: Incident) {
        let mut categories = std::mem::take(&mut self.scratch);
        categories.clear();
        for c in incident.categories {
            categories.push(match self.ids.get(&c) {
                Some(id) => *id,
                None => {
                    let id = u32::try_from(self.names.len())
                        .expect("fewer than four billion categories");
                    self.ids.insert(c.clone(), id);
                    self.names.push(c);
                    id
                }
            });
        }
        categories.sort_unstable();
        categories.dedup();
        let set = match self.set_ids.get(categories.as_slice()) {
            Some(set) => *set,
            None => {
                let set = u32::try_from(self.sets.len()).expect("fewer than four billion sets");
                self.sets.push(categories.as_slice().into());
                self.set_ids.insert(categories.as_slice().into(), set);
                set
            }
        };
        categories.clear();
        self.scratch = categories;
        let key = (incident.date, set, incident.actioned, incident.closed);
        *self.counts.entry(key).or_insert(0) += 1;
        self.total += 1;
    }

    /// Renames every category `rename` gives a new name for; returns how many it renamed.
    pub fn rename_categories(&mut self, mut rename: impl FnMut(&str) -> Option<String>) -> usize {
        let mut renamed = 0;
        for (id, name) in self.names.iter_mut().enumerate() {
            if let Some(new) = rename(name) {
                self.ids.remove(name.as_str());
                let id = u32::try_from(id).expect("fewer than four billion categories");
                self.ids.insert(new.clone(), id);
                *name = new;
                renamed += 1;
            }
        }
        renamed
    }

    /// How many incidents were counted.
    pub fn len(&self) -> u64 {
        self.total
    }

    /// Whether none were.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The counts, in date order, then by categories (by their numbers, in the order they
    /// were first met) and flags.
    pub fn iter(&self) -> impl Iterator<Item = Tally<'_>> {
        // Each set's place among the sets in order, so that a key sorts as one number.
        let mut order: Vec<u32> = (0..u32::try_from(self.sets.len()).unwrap_or(u32::MAX)).collect();
        order.sort_unstable_by(|a, b| self.sets[*a as usize].cmp(&self.sets[*b as usize]));
        let mut rank = vec![0u64; order.len()];
        for (place, set) in (0u64..).zip(&order) {
            rank[*set as usize] = place;
        }
        let mut keys: Vec<(u64, &Key, &u64)> = self
            .counts
            .iter()
            .map(|(k, count)| {
                // Every date of chrono's range is within 2^27 days of the common era.
                let day = u64::try_from(i64::from(k.0.num_days_from_ce()) + (1 << 27)).unwrap_or(0);
                let packed = (day << 34)
                    | (rank[k.1 as usize] << 2)
                    | (u64::from(k.2) << 1)
                    | u64::from(k.3);
                (packed, k, count)
            })
            .collect();
        keys.sort_unstable_by_key(|(packed, _, _)| *packed);
        keys.into_iter().map(|(_, k, count)| Tally {
            date: k.0,
            categories: self.sets[k.1 as usize]
                .iter()
                .map(|id| self.names[*id as usize].as_str())
                .collect(),
            actioned: k.2,
            closed: k.3,
            count: *count,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident(day: u32, categories: &[&str], actioned: bool) -> Incident {
        Incident {
            date: NaiveDate::from_ymd_opt(2026, 10, day).expect("valid"),
            categories: categories.iter().map(|c| c.to_string()).collect(),
            actioned,
            closed: false,
        }
    }

    #[test]
    fn counts_come_in_date_then_category_then_flag_order() {
        let mut log = IncidentLog::default();
        let far = |y: i32| Incident {
            date: NaiveDate::from_ymd_opt(y, 1, 1).expect("valid"),
            categories: vec!["Scam".into()],
            actioned: false,
            closed: false,
        };
        log.add(incident(3, &["Scam"], true));
        log.add(incident(3, &["Gaming", "Scam"], false));
        log.add(incident(3, &["Gaming"], false));
        log.add(incident(3, &["Gaming"], true));
        log.add(incident(2, &["Scam"], false));
        log.add(far(-200_000));
        log.add(far(200_000));
        let got: Vec<(NaiveDate, Vec<&str>, bool)> = log
            .iter()
            .map(|t| (t.date, t.categories, t.actioned))
            .collect();
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).expect("valid");
        let year = |y| NaiveDate::from_ymd_opt(y, 1, 1).expect("valid");
        // Categories sort by when they were first met: Scam (0) before Gaming (1).
        assert_eq!(
            got,
            [
                (year(-200_000), vec!["Scam"], false),
                (day(2), vec!["Scam"], false),
                (day(3), vec!["Scam"], true),
                (day(3), vec!["Scam", "Gaming"], false),
                (day(3), vec!["Gaming"], false),
                (day(3), vec!["Gaming"], true),
                (year(200_000), vec!["Scam"], false),
            ]
        );
    }

    #[test]
    fn identical_incidents_fold_into_one_count() {
        let mut log = IncidentLog::default();
        for _ in 0..1000 {
            log.add(incident(1, &["Gaming", "Cyberbullying"], true));
        }
        log.add(incident(1, &["Cyberbullying", "Gaming"], true));
        log.add(incident(2, &["Gaming"], false));
        assert_eq!(log.len(), 1002);
        let tallies: Vec<Tally<'_>> = log.iter().collect();
        assert_eq!(tallies.len(), 2);
        assert_eq!(tallies[0].count, 1001);
        assert_eq!(tallies[0].categories, ["Gaming", "Cyberbullying"]);
    }
}
