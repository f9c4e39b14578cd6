//! Office documents as the zip files they are: opening one and reading its parts within a
//! budget of unpacked bytes.
//!
//! xlsx, ods, docx, odt and pptx files are zip files of parts. Both the look through a
//! spreadsheet before calamine reads it and the privacy guard's reading of every document the
//! pack would hold open them here, so that no part is read before its size is charged to a
//! [`Budget`]: a [`Part`] hands out its bytes only through [`Part::read_within`]. The charge
//! is the part's unpacked size as the zip file records it, and the zip reader fails a part
//! that unpacks to more than it recorded, so the charges bound what reading can produce
//! whatever a damaged or hostile file claims.

use std::borrow::Cow;
use std::io::{Read, Seek};

/// Unpacked bytes that reading may still produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    left: u64,
}

/// What was asked of a [`Budget`] is more than it has left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget;

impl Budget {
    /// A budget of `bytes` unpacked bytes.
    pub fn new(bytes: u64) -> Self {
        Budget { left: bytes }
    }

    /// Takes `bytes` from the budget, or refuses, leaving it as it was, when it has fewer left.
    pub fn spend(&mut self, bytes: u64) -> Result<(), OverBudget> {
        if bytes > self.left {
            return Err(OverBudget);
        }
        self.left -= bytes;
        Ok(())
    }

    /// The bytes left.
    pub fn left(&self) -> u64 {
        self.left
    }
}

/// Why a part of a package could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartError {
    /// There is no part of that name.
    Missing,
    /// The zip reader cannot unpack it: it is password protected, or packed in a way the
    /// reader does not know. The reader's words say which.
    Unsupported(&'static str),
    /// The zip file is damaged where the part should be.
    Damaged,
}

/// An office document or other zip file, opened for reading its parts.
pub struct Package<R> {
    archive: zip::ZipArchive<R>,
}

impl<R: Read + Seek> Package<R> {
    /// Opens the zip file `reader` holds; `None` when it is not one or is too damaged to open.
    pub fn open(reader: R) -> Option<Self> {
        let archive = zip::ZipArchive::new(reader).ok()?;
        Some(Package { archive })
    }

    /// How many parts (files and folders) it holds.
    pub fn len(&self) -> usize {
        self.archive.len()
    }

    /// Whether it holds no parts at all.
    pub fn is_empty(&self) -> bool {
        self.archive.is_empty()
    }

    /// The names of its parts, in order.
    pub fn names(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.archive.file_names().flatten()
    }

    /// Whether it is an office document (Office Open XML or OpenDocument) rather than a plain
    /// zip file: those say what they hold in a part of their own.
    pub fn is_office_document(&self) -> bool {
        self.names()
            .any(|n| n == "[Content_Types].xml" || n == "mimetype")
    }

    /// The zip file's own comment.
    pub fn comment(&self) -> &[u8] {
        self.archive.comment()
    }

    /// Part number `index`, counting from 0 in [`Self::names`]' order.
    pub fn part(&mut self, index: usize) -> Result<Part<'_, R>, PartError> {
        Ok(Part {
            file: self.archive.by_index(index).map_err(part_error)?,
        })
    }

    /// The part called `name`.
    pub fn part_named(&mut self, name: &str) -> Result<Part<'_, R>, PartError> {
        Ok(Part {
            file: self.archive.by_name(name).map_err(part_error)?,
        })
    }
}

fn part_error(e: zip::result::ZipError) -> PartError {
    match e {
        zip::result::ZipError::FileNotFound => PartError::Missing,
        zip::result::ZipError::UnsupportedArchive(why) => PartError::Unsupported(why),
        _ => PartError::Damaged,
    }
}

/// One part of a [`Package`], not yet read.
pub struct Part<'a, R: Read> {
    file: zip::read::ZipFile<'a, R>,
}

impl<'a, R: Read> Part<'a, R> {
    /// The part's name (its path inside the package).
    pub fn name(&self) -> Cow<'_, str> {
        self.file.name().unwrap_or_default()
    }

    /// The comment the zip file keeps for the part.
    pub fn comment(&self) -> &str {
        self.file.comment()
    }

    /// Whether the part is a folder.
    pub fn is_dir(&self) -> bool {
        self.file.is_dir()
    }

    /// Whether the part is password protected.
    pub fn encrypted(&self) -> bool {
        self.file.encrypted()
    }

    /// Charges the part's unpacked size to `budget`, then hands out its bytes, which end (with
    /// an error) where that size is passed.
    pub fn read_within(self, budget: &mut Budget) -> Result<zip::read::ZipFile<'a, R>, OverBudget> {
        budget.spend(self.file.size())?;
        Ok(self.file)
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use super::*;

    /// A zip file holding `parts` (name, contents), deflated.
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, contents) in parts {
            out.start_file(*name, options).expect("start a part");
            out.write_all(contents).expect("write a part");
        }
        out.finish().expect("finish").into_inner()
    }

    #[test]
    fn parts_are_read_within_the_budget_and_refused_past_it() {
        let bytes = zip_of(&[("a.xml", &[b'a'; 600]), ("b.xml", &[b'b'; 600])]);
        let mut package = Package::open(Cursor::new(bytes)).expect("a zip file");
        assert_eq!(package.len(), 2);
        assert!(!package.is_office_document());
        let mut budget = Budget::new(1000);
        let mut a = Vec::new();
        let part = package.part(0).expect("the first part");
        assert_eq!(part.name(), "a.xml");
        part.read_within(&mut budget)
            .expect("within the budget")
            .read_to_end(&mut a)
            .expect("unpacks");
        assert_eq!(a.len(), 600);
        assert_eq!(budget.left(), 400);
        let part = package.part_named("b.xml").expect("the second part");
        assert_eq!(part.read_within(&mut budget).err(), Some(OverBudget));
        assert_eq!(budget.left(), 400, "a refused charge takes nothing");
        assert_eq!(package.part_named("c.xml").err(), Some(PartError::Missing));
    }

    #[test]
    fn a_part_that_unpacks_to_more_than_it_records_stops_there() {
        let honest = zip_of(&[("a.xml", &[b'a'; 5000])]);
        // The part's recorded unpacked size, in the central directory, now says 100 bytes.
        let mut lying = honest.clone();
        let central = lying
            .windows(4)
            .rposition(|w| w == b"PK\x01\x02")
            .expect("a central directory entry");
        lying[central + 24..central + 28].copy_from_slice(&100u32.to_le_bytes());
        let mut package = Package::open(Cursor::new(lying)).expect("a zip file");
        let mut budget = Budget::new(1000);
        let mut read = Vec::new();
        let result = package
            .part(0)
            .expect("the part")
            .read_within(&mut budget)
            .expect("100 bytes are within the budget")
            .read_to_end(&mut read);
        assert!(result.is_err(), "read {} bytes", read.len());
        assert!(read.len() <= 100 + 8192, "read {} bytes", read.len());
        assert_eq!(budget.left(), 900);
    }

    #[test]
    fn office_documents_are_told_from_plain_zip_files() {
        let ods = zip_of(&[(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        )]);
        assert!(
            Package::open(Cursor::new(ods))
                .expect("zip")
                .is_office_document()
        );
        let xlsx = zip_of(&[("[Content_Types].xml", b"<Types/>")]);
        assert!(
            Package::open(Cursor::new(xlsx))
                .expect("zip")
                .is_office_document()
        );
        assert!(Package::open(Cursor::new(b"PK\x03\x04".to_vec())).is_none());
    }
}
