//! Incidents kept as counts rather than rows.
//!
//! Every incident metric is a count over dates, categories and two flags, so an incident
//! log of a million rows is folded, as it is read, into one count per distinct (date,
//! categories, actioned, closed). Memory then grows with the days and categories a school
//! uses, not with the number of rows.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::records::Incident;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    date: NaiveDate,
    categories: Box<[u32]>,
    actioned: bool,
    closed: bool,
}

/// The incidents of every source, as counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentLog {
    names: Vec<String>,
    ids: HashMap<String, u32>,
    counts: BTreeMap<Key, u64>,
    total: u64,
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
        let mut categories: Vec<u32> = incident
            .categories
            .into_iter()
            .map(|c| match self.ids.get(&c) {
                Some(id) => *id,
                None => {
                    let id = u32::try_from(self.names.len())
                        .expect("fewer than four billion categories");
                    self.ids.insert(c.clone(), id);
                    self.names.push(c);
                    id
                }
            })
            .collect();
        categories.sort_unstable();
        categories.dedup();
        let key = Key {
            date: incident.date,
            categories: categories.into_boxed_slice(),
            actioned: incident.actioned,
            closed: incident.closed,
        };
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

    /// The counts, in date order.
    pub fn iter(&self) -> impl Iterator<Item = Tally<'_>> {
        self.counts.iter().map(|(k, count)| Tally {
            date: k.date,
            categories: k
                .categories
                .iter()
                .map(|id| self.names[*id as usize].as_str())
                .collect(),
            actioned: k.actioned,
            closed: k.closed,
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
