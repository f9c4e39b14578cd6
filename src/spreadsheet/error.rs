//! Why a spreadsheet could not be opened or read.
//!
//! Each variant says one thing that went wrong, and its text is the sentence the user reads:
//! it continues the caller's "cannot import FILE: …" or "cannot read this workbook: …", so it
//! names neither the file nor the job, and says what to do about it.

use super::Format;
use super::limits::MEMORY_BUDGET;
use super::xml::{MAX_CONTENT, MAX_PIECE};

/// Why a spreadsheet could not be opened or read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// There is nothing at the path.
    #[error(
        "there is no such file; check its name and folder (paths in review.toml are relative to \
         the review folder)"
    )]
    NotFound,
    /// The path names a folder.
    #[error("it is a folder, not a file; name a file inside it")]
    Folder,
    /// The path names a pipe, socket or device, which reading would wait on for ever.
    #[error(
        "it is not a regular file (a named pipe, socket or device), so it is not read; name a \
         spreadsheet saved in the folder"
    )]
    NotAFile,
    /// The name does not end in a spreadsheet extension.
    #[error("it is not an xlsx, xlsm, xls or ods spreadsheet")]
    NotASpreadsheet,
    /// Text, probably CSV, saved under a spreadsheet's name.
    #[error("it is a text file (probably CSV) with a .{format} name; rename it to end in .csv")]
    TextFile {
        /// The format its name claims.
        format: Format,
    },
    /// A workbook of one format saved with another's ending.
    #[error(
        "this file is really an {really} workbook saved with the .{named} ending; rename it to \
         end in .{really}"
    )]
    Renamed {
        /// What its content is.
        really: Format,
        /// What its name says.
        named: Format,
    },
    /// A web page or XML file under a spreadsheet's name, as some systems export.
    #[error(
        "it is a web page or XML file with a .{format} name, not a workbook (some systems \
         export these as spreadsheets); open it in Excel or LibreOffice and save it as .xlsx"
    )]
    Markup {
        /// The format its name claims.
        format: Format,
    },
    /// A compound file under a newer name: password-protected, or an old .xls renamed.
    #[error(
        "it is password-protected, or an old-style .xls file saved with a newer name; remove \
         the password (or save it again as .xlsx) and try again"
    )]
    Protected,
    /// The file has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The reader could not open the file.
    #[error(
        "it could not be opened as a .{format} spreadsheet ({reason}); it may be damaged or \
         only partly copied: open it in Excel or LibreOffice and save it again"
    )]
    Damaged {
        /// The format its name claims.
        format: Format,
        /// What the reader said.
        reason: String,
    },
    /// The reader could not read a sheet.
    #[error(transparent)]
    Sheet(Box<dyn std::error::Error + Send + Sync>),
    /// The reader panicked on a damaged file.
    #[error(
        "it is damaged in a way the spreadsheet reader could not handle; open it in Excel or \
         LibreOffice and save it again"
    )]
    Panicked,
    /// Its sheets together would need more than [`MEMORY_BUDGET`].
    #[error(
        "reading it would take about {} of memory, more than the {} selfreview allows for an \
         .{format} file (its sheet `{sheet}` spans {} rows by {} columns); delete stray cells \
         far from the table, or save it as .xlsx or .csv, which are read row by row",
        human(*.bytes), human(MEMORY_BUDGET), thousands(*.rows), thousands(*.cols)
    )]
    OverBudget {
        /// The file's format.
        format: Format,
        /// What all its sheets would need.
        bytes: u64,
        /// The sheet that would need the most.
        sheet: String,
        /// That sheet's rows.
        rows: u64,
        /// That sheet's columns.
        cols: u64,
    },
    /// A file that is read whole is itself larger than [`MEMORY_BUDGET`].
    #[error(
        "it is {} in size, more than the {} selfreview reads from an .{format} file, which is \
         read whole; save it as .xlsx or .csv",
        human(*.size), human(MEMORY_BUDGET)
    )]
    FileOverBudget {
        /// The file's format.
        format: Format,
        /// Its size in bytes.
        size: u64,
    },
    /// An xlsx file's shared text would need more than [`MEMORY_BUDGET`].
    #[error(
        "the text stored in it would take about {} of memory to read, more than the {} \
         selfreview allows for an .{format} file; it is probably damaged: open it in Excel or \
         LibreOffice and save it again, or save it as .csv",
        human(*.bytes), human(MEMORY_BUDGET)
    )]
    TextOverBudget {
        /// The file's format.
        format: Format,
        /// What its shared text would need.
        bytes: u64,
    },
    /// A sheet's entries spread so far that the rectangle around them would need more than
    /// [`MEMORY_BUDGET`].
    #[error(
        "its sheet `{sheet}` has entries as far as row {} and column {}, so reading it would \
         take about {} of memory, more than the {} selfreview allows; delete the stray entries \
         far from the table and save it again",
        thousands(u64::from(*.last_row) + 1), crate::diag::column_letters(*.last_col),
        human(*.bytes), human(MEMORY_BUDGET)
    )]
    StrayEntries {
        /// The sheet.
        sheet: String,
        /// The furthest row with an entry, from 0.
        last_row: u32,
        /// The furthest column with an entry, from 0.
        last_col: u32,
        /// What the rectangle would need.
        bytes: u64,
    },
    /// Its inner structure loops, which would make the reader run or grow without end.
    #[error(
        "it is damaged (its inner structure runs round in a circle); open it in Excel or \
         LibreOffice and save it again"
    )]
    Loops,
    /// One tag, text or comment in it is longer than [`MAX_PIECE`].
    #[error(
        "one entry in it is longer than {} MB, more than selfreview reads from an .{format} \
         file; save it as .csv",
        MAX_PIECE >> 20
    )]
    PieceTooLong {
        /// The file's format.
        format: Format,
    },
    /// It unpacks to more than [`MAX_CONTENT`].
    #[error(
        "unpacked, it holds more than {} GB, more than selfreview reads from an .{format} file; \
         save it as .csv",
        MAX_CONTENT >> 30
    )]
    ContentTooLarge {
        /// The file's format.
        format: Format,
    },
    /// Its content stops part-way through a sheet, where the reader would wait for the
    /// sheet's end for ever.
    #[error(
        "it is damaged (its content stops part-way through the sheet `{sheet}`); open it in \
         Excel or LibreOffice and save it again"
    )]
    Unfinished {
        /// The sheet.
        sheet: String,
    },
}

/// `bytes` in the largest unit that keeps a whole number in front, counted in 1024s as
/// Windows and macOS show file sizes.
fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let shown = if unit == 0 || value >= 10.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}").trim_end_matches(".0").to_string()
    };
    format!("{shown} {}", UNITS[unit])
}

/// `n` with commas between thousands, as a spreadsheet shows row numbers.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human(512), "512 bytes");
        assert_eq!(human(1536), "1.5 KB");
        assert_eq!(human(20 << 20), "20 MB");
        assert_eq!(human(1 << 30), "1 GB");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(65_536), "65,536");
        assert_eq!(thousands(1_048_576), "1,048,576");
    }

    #[test]
    fn sentences_are_the_ones_users_have_always_read() {
        let cases = [
            (
                Error::TextFile {
                    format: Format::Xlsx,
                },
                "it is a text file (probably CSV) with a .xlsx name; rename it to end in .csv",
            ),
            (
                Error::Renamed {
                    really: Format::Xlsx,
                    named: Format::Ods,
                },
                "this file is really an xlsx workbook saved with the .ods ending; rename it to \
                 end in .xlsx",
            ),
            (
                Error::PieceTooLong {
                    format: Format::Ods,
                },
                "one entry in it is longer than 16 MB, more than selfreview reads from an .ods \
                 file; save it as .csv",
            ),
            (
                Error::ContentTooLarge {
                    format: Format::Xlsm,
                },
                "unpacked, it holds more than 2 GB, more than selfreview reads from an .xlsm \
                 file; save it as .csv",
            ),
            (
                Error::Unfinished {
                    sheet: "Log".into(),
                },
                "it is damaged (its content stops part-way through the sheet `Log`); open it in \
                 Excel or LibreOffice and save it again",
            ),
            (
                Error::Damaged {
                    format: Format::Xls,
                    reason: "bad".into(),
                },
                "it could not be opened as a .xls spreadsheet (bad); it may be damaged or only \
                 partly copied: open it in Excel or LibreOffice and save it again",
            ),
        ];
        for (error, sentence) in cases {
            assert_eq!(error.to_string(), sentence);
        }
    }
}
