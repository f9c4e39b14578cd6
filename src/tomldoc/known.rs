//! The keys a TOML file's tables know, for saying which one a mistyped key was meant to be
//! (`role` for `roles`). The names are read from the serde mirror itself, so the list
//! cannot drift from what the file accepts.

use serde::de::{self, DeserializeOwned, Visitor};

use super::{Seg, TomlPath};

/// A deserializer that asks a type for the names of its fields and reads nothing.
struct Probe<'a>(&'a mut &'static [&'static str]);

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only the field names are asked for"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("only the field names are asked for"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

/// The keys of the table `T` mirrors, as the file spells them (`review-date`).
pub fn keys_of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut out: &'static [&'static str] = &[];
    // The probe always answers with an error: only the names it was shown are wanted.
    let _ = T::deserialize(Probe(&mut out));
    out
}

/// The keys of `path`'s tables, arrays' indices left out: `evidence[3]` is `["evidence"]`.
pub fn table_keys(path: &TomlPath) -> Vec<&str> {
    path.0
        .iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect()
}

/// The known key nearest to `typed`, if one is near enough to be the one meant: at most
/// two letters added, dropped or changed, and fewer than half of the word.
pub fn nearest<'k>(typed: &str, known: &[&'k str]) -> Option<&'k str> {
    let fold = |s: &str| s.to_lowercase().replace('_', "-");
    let typed = fold(typed);
    known
        .iter()
        .map(|k| (distance(&typed, &fold(k)), *k))
        .filter(|(d, _)| *d <= 2 && *d * 2 < typed.chars().count().max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Letters added, dropped or changed to turn `a` into `b` (Levenshtein's distance).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[serde(rename_all = "kebab-case")]
    #[allow(dead_code, reason = "read only for its field names")]
    struct Table {
        review_date: Option<String>,
        roles: Option<String>,
    }

    #[test]
    fn the_keys_are_read_from_the_mirror() {
        assert_eq!(keys_of::<Table>(), ["review-date", "roles"]);
    }

    #[test]
    fn a_near_miss_finds_the_key_meant_and_a_stranger_finds_none() {
        let known = ["roles", "groups", "columns", "review-date"];
        assert_eq!(nearest("role", &known), Some("roles"));
        assert_eq!(nearest("colums", &known), Some("columns"));
        assert_eq!(nearest("review_date", &known), Some("review-date"));
        assert_eq!(nearest("colour", &known), None);
        assert_eq!(nearest("x", &known), None);
    }
}
