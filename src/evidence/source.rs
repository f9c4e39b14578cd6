//! An evidence source as review.toml lists it: what it records, where it is, and the
//! school's own names for its headings, categories, roles and meetings.
//!
//! The review builds these from its `[[evidence]]` tables; the importer reads them. Keeping
//! the description here, below both, lets evidence be imported without knowing about
//! review.toml.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use super::records::Mappings;
use super::{Field, Kind};
use crate::text::normalise;

/// One evidence spreadsheet named in `review.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSpec {
    /// What it records.
    pub kind: Kind,
    /// The file, relative to the review folder.
    pub path: PathBuf,
    /// The sheet to read, if not the first with a recognisable header.
    pub sheet: Option<String>,
    /// The school's own headers mapped to fields.
    pub columns: ColumnMap,
    /// The school's own categories, roles and meeting names mapped to the tool's.
    pub maps: Mappings,
}

/// The school's own headings mapped to fields of one kind of record (`[evidence.columns]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    /// Headings, normalised, to fields; the first of several headings that read the same.
    fields: BTreeMap<String, Field>,
    /// The first heading mapped to a name that is no field of the kind.
    unknown: Option<UnknownField>,
}

/// A heading mapped to a name that is no field of the source's kind. The source cannot be
/// imported until the mapping is fixed; the rest of the review still can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// The heading as review.toml writes it.
    pub heading: String,
    /// The name it is mapped to.
    pub name: String,
    /// The kind of record of the source.
    pub kind: Kind,
}

impl fmt::Display for UnknownField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.kind.fields().map(Field::name).collect();
        write!(
            f,
            "column `{}` is mapped to `{}`, which is not a field of {} records (fields: {})",
            self.heading,
            self.name,
            self.kind.as_str(),
            names.join(", ")
        )
    }
}

impl ColumnMap {
    /// Reads the mappings of a source of `kind`, as review.toml gives them (heading →
    /// field name).
    pub fn parse(kind: Kind, written: &BTreeMap<String, String>) -> Self {
        let mut map = ColumnMap::default();
        for (heading, name) in written {
            match Field::parse(kind, name) {
                Some(field) => {
                    map.fields.entry(normalise(heading)).or_insert(field);
                }
                None if map.unknown.is_none() => {
                    map.unknown = Some(UnknownField {
                        heading: heading.clone(),
                        name: name.clone(),
                        kind,
                    });
                }
                None => {}
            }
        }
        map
    }

    /// The field the school maps `heading` to, if it maps it.
    pub fn get(&self, heading: &str) -> Option<Field> {
        self.fields.get(&normalise(heading)).copied()
    }

    /// The first heading mapped to a name that is no field of the kind, if there is one.
    pub fn unknown(&self) -> Option<&UnknownField> {
        self.unknown.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(h, f)| (h.to_string(), f.to_string()))
            .collect()
    }

    #[test]
    fn headings_map_to_fields_of_the_kind_whatever_their_case() {
        let map = ColumnMap::parse(
            Kind::Training,
            &written(&[("Job", "role"), ("When?", "date")]),
        );
        assert_eq!(map.get("job"), Some(Field::TrainingRole));
        assert_eq!(map.get("WHEN"), Some(Field::TrainingDate));
        assert_eq!(map.get("Course"), None);
        assert!(map.unknown().is_none());
    }

    #[test]
    fn a_name_that_is_no_field_of_the_kind_is_kept_to_refuse_the_source() {
        let map = ColumnMap::parse(
            Kind::Meetings,
            &written(&[("Who", "person"), ("Zed", "colour"), ("When", "date")]),
        );
        assert_eq!(map.get("when"), Some(Field::MeetingDate));
        assert_eq!(
            map.unknown().map(ToString::to_string).as_deref(),
            Some(
                "column `Who` is mapped to `person`, which is not a field of meetings records (fields: date, group, attendees, apologies, items, actions-agreed, actions-completed, status, notes)"
            )
        );
    }
}
