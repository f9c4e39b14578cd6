//! Turning a place in a framework's TOML tree into the line and column a person can find.
//!
//! Validation works on plain deserialised values and names the place of each problem by its
//! path in the document (`elements[0].strands[1].aspects[2].benchmark`). This module keeps the
//! spanned parse tree beside them and resolves such paths to `file:line:col`, so the raw
//! types stay simple serde mirrors and locating lives in one place.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::Location;

/// One step of a path into a TOML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A key of a table.
    Key(String),
    /// An item of an array (including an array of tables).
    Index(usize),
}

/// A path from the document root to a key or value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TomlPath(pub Vec<Seg>);

impl TomlPath {
    /// The path one key further down.
    pub fn key(&self, key: &str) -> TomlPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_string()));
        TomlPath(segs)
    }

    /// The path one array item further down.
    pub fn index(&self, index: usize) -> TomlPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        TomlPath(segs)
    }

    /// Converts the path serde_ignored reports for a key nobody asked for.
    pub fn from_ignored(path: &serde_ignored::Path<'_>) -> TomlPath {
        use serde_ignored::Path as P;
        match path {
            P::Root => TomlPath::default(),
            P::Seq { parent, index } => TomlPath::from_ignored(parent).index(*index),
            P::Map { parent, key } => TomlPath::from_ignored(parent).key(key),
            P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
                TomlPath::from_ignored(parent)
            }
        }
    }
}

impl std::fmt::Display for TomlPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The spanned tree of one TOML file and the means to locate paths in it.
pub struct SourceMap<'a> {
    file: PathBuf,
    text: &'a str,
    line_starts: Vec<usize>,
    tree: Option<Spanned<DeTable<'a>>>,
}

impl<'a> SourceMap<'a> {
    /// A map over `text` read from `file`; `tree` is `None` when the text did not parse.
    pub fn new(file: &Path, text: &'a str, tree: Option<Spanned<DeTable<'a>>>) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceMap {
            file: file.to_path_buf(),
            text,
            line_starts,
            tree,
        }
    }

    /// The file the text was read from.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The location of a byte offset.
    pub fn at_offset(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Location::at(&self.file, line.max(1), column)
    }

    /// The location of the value at `path`, or of the deepest part of it that exists.
    pub fn value(&self, path: &TomlPath) -> Location {
        let (_, value) = self.walk(path);
        self.at_offset(value.start)
    }

    /// The location of the key that ends `path` (where an unknown key was typed), or of the
    /// deepest part of the path that exists.
    pub fn key(&self, path: &TomlPath) -> Location {
        let (key, value) = self.walk(path);
        self.at_offset(key.unwrap_or(value).start)
    }

    fn walk(&self, path: &TomlPath) -> (Option<Range<usize>>, Range<usize>) {
        let Some(tree) = &self.tree else {
            return (None, 0..0);
        };
        let mut key_span = None;
        let mut span = tree.span();
        let mut table: Option<&DeTable<'a>> = Some(tree.get_ref());
        let mut array: Option<&[Spanned<DeValue<'a>>]> = None;
        for seg in &path.0 {
            let next = match (seg, table, array) {
                (Seg::Key(k), Some(t), _) => t
                    .iter()
                    .find(|(key, _)| key.get_ref().as_ref() == k.as_str())
                    .map(|(key, value)| (Some(key.span()), value)),
                (Seg::Index(i), _, Some(items)) => items.get(*i).map(|value| (None, value)),
                _ => None,
            };
            let Some((k, value)) = next else { break };
            key_span = k;
            span = value.span();
            table = value.get_ref().as_table();
            array = value.get_ref().as_array().map(|a| &a[..]);
        }
        (key_span, span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str) -> SourceMap<'_> {
        let tree = DeTable::parse(text).expect("test TOML parses");
        SourceMap::new(Path::new("f.toml"), text, Some(tree))
    }

    #[test]
    fn locates_values_keys_and_array_items() {
        let text = "id = \"x\"\n\n[[elements]]\ncode = \"A\"\n\n[[elements.strands]]\ncode = \"A1\"\nname = 7\n";
        let m = map(text);
        let p = TomlPath::default()
            .key("elements")
            .index(0)
            .key("strands")
            .index(0);
        assert_eq!(m.value(&p.key("name")).to_string(), "f.toml:8:8");
        assert_eq!(m.key(&p.key("name")).to_string(), "f.toml:8:1");
        assert_eq!(
            m.value(&TomlPath::default().key("id")).to_string(),
            "f.toml:1:6"
        );
        // A key that does not exist resolves to the table that should hold it.
        let missing = m.value(&p.key("aspects"));
        assert_eq!(missing.line, m.value(&p).line);
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let m = SourceMap::new(Path::new("f.toml"), "a = \"é\" x", None);
        assert_eq!(m.at_offset("a = \"é\" ".len()).column, Some(9));
    }
}
