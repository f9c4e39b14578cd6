//! Incidents kept as counts rather than rows.
//!
//! Every incident metric is a count over dates, categories and two flags, so an incident
//! log of a million rows is folded, as it is read, into one count per distinct (date,
//! categories, actioned, closed). Memory then grows with the days and categories a school
//! uses, not with the number of rows.

use rustc_hash::FxHashMap;

use chrono::NaiveDate;

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
        let mut keys: Vec<(&Key, &u64)> = self.counts.iter().collect();
        keys.sort_unstable_by(|(a, _), (b, _)| {
            (a.0, &self.sets[a.1 as usize], a.2, a.3).cmp(&(
                b.0,
                &self.sets[b.1 as usize],
                b.2,
                b.3,
            ))
        });
        keys.into_iter().map(|(k, count)| Tally {
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
