//! Reading the aspect rows of a scoring workbook: levels, commentary, evidence, plans.

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, DataType, Range};
use chrono::NaiveDate;

use super::{Row, Table};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::framework::Framework;
use crate::spreadsheet;
use crate::workbook::citations;
use crate::workbook::layout::{self, ScoredBy};

pub(super) struct RowReader<'a> {
    pub(super) path: &'a Path,
    pub(super) range: &'a Range<Data>,
    pub(super) table: &'a Table,
    pub(super) scored_by: &'a ScoredBy,
    /// Cells holding a formula, whatever their saved value.
    pub(super) formulas: &'a BTreeSet<(u32, u32)>,
    /// The framework's level labels, which may follow the level's number.
    pub(super) labels: &'a [crate::framework::LevelText],
    pub(super) diags: &'a mut Diagnostics,
}

impl RowReader<'_> {
    pub(super) fn cell(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&Data::Empty)
    }

    fn text(&self, row: u32, name: &str) -> String {
        self.table
            .others
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, c)| spreadsheet::text(self.cell(row, c)))
            .unwrap_or_default()
    }

    pub(super) fn at(&self, row: u32, col: u32) -> Location {
        Location::cell(self.path, layout::SCORES_SHEET, row, col)
    }

    pub(super) fn rows(&mut self, fw: &Framework) -> Vec<Row> {
        let structural: BTreeSet<String> = fw
            .elements
            .iter()
            .flat_map(|e| {
                std::iter::once(e.code.to_ascii_uppercase())
                    .chain(e.strands.iter().map(|s| s.code.to_ascii_uppercase()))
            })
            .collect();
        let mut rows: Vec<Row> = Vec::new();
        let mut continuations: Vec<(u32, String)> = Vec::new();
        let end = self.range.end().map_or(0, |(r, _)| r);
        for r in self.table.header_row + 1..=end {
            let code = spreadsheet::text(self.cell(r, self.table.code));
            if code.is_empty() || structural.contains(&code.to_ascii_uppercase()) {
                continue;
            }
            let name = self
                .table
                .aspect
                .map(|c| spreadsheet::text(self.cell(r, c)))
                .unwrap_or_default();
            let continues = layout::continuation(&code, &name).map(str::to_string);
            let code = continues.clone().unwrap_or(code);
            let Some((_, _, aspect)) = fw.aspect(&code) else {
                self.diags.push(
                    Diagnostic::error(
                        Code::UnknownAspectCode,
                        self.at(r, self.table.code),
                        format!("`{code}` is not an aspect of `{}`", fw.id),
                    )
                    .with_help("keep the Code column as the workbook was made"),
                );
                continue;
            };
            if continues.is_some() {
                continuations.push((r, aspect.code.clone()));
                continue;
            }
            if let Some(first) = rows.iter().find(|row| row.code == aspect.code) {
                self.diags.push(Diagnostic::error(
                    Code::DuplicateAspectRow,
                    self.at(r, self.table.code),
                    format!(
                        "a second row for {}; the first is row {}",
                        aspect.code,
                        first.sheet_row + 1
                    ),
                ));
                continue;
            }
            let row = self.row(r, aspect.code.clone());
            rows.push(row);
        }
        self.join(&mut rows, &continuations);
        for (_, _, aspect) in fw.aspects() {
            if !rows.iter().any(|row| row.code == aspect.code) {
                self.diags.push(
                    Diagnostic::error(Code::MissingAspectRow, Location::file(self.path), format!("there is no row for {} {}", aspect.code, aspect.name))
                        .with_help("make a new workbook with `selfreview workbook` and copy the entries across"),
                );
            }
        }
        rows
    }

    pub(super) fn row(&mut self, r: u32, code: String) -> Row {
        let mut levels = Vec::new();
        match (self.scored_by, &self.table.members, self.table.level) {
            (ScoredBy::Individual { reviewer }, _, Some(c)) => {
                levels.extend(self.level(r, c).map(|l| (reviewer.clone(), l)));
            }
            (_, Some(members), _) => {
                for (c, name) in members {
                    levels.extend(self.level(r, *c).map(|l| (name.clone(), l)));
                }
            }
            _ => {}
        }
        let agreed = self.table.agreed.and_then(|c| self.agreed_level(r, c));
        let evidence_text = self.text(r, layout::EVIDENCE);
        let evidence = citations::split(&evidence_text, &|_| false);
        let evidence_cell = self
            .table
            .others
            .iter()
            .find(|(n, _)| *n == layout::EVIDENCE)
            .and_then(|&(_, c)| self.at(r, c).cell);
        let cells = self
            .table
            .others
            .iter()
            .filter_map(|&(n, c)| self.at(r, c).cell.map(|cell| (n, cell)))
            .collect();
        Row {
            code,
            cells,
            evidence_cell,
            sheet_row: r,
            levels,
            agreed,
            rationale: self.text(r, layout::RATIONALE),
            commentary: self.text(r, layout::COMMENTARY),
            agreed_commentary: self.agreed_commentary(r),
            records_differ: self.text(r, layout::RECORDS_DIFFER),
            evidence,
            evidence_text,
            actions: self.text(r, layout::ACTIONS),
            owner: self.text(r, layout::OWNER),
            target: self.target(r),
            target_text: self.text(r, layout::TARGET),
            change_flag: self.text(r, layout::CHANGE_FLAG),
        }
    }

    /// The agreed commentary, when the workbook has the column; a formula there whose
    /// result was never saved reads as empty, and is named as such rather than as blank.
    fn agreed_commentary(&mut self, r: u32) -> Option<String> {
        let &(_, c) = self
            .table
            .others
            .iter()
            .find(|(n, _)| *n == layout::AGREED_COMMENTARY)?;
        let text = self.text(r, layout::AGREED_COMMENTARY);
        if text.trim().is_empty() && self.formulas.contains(&(r, c)) {
            self.diags.push(
                Diagnostic::error(
                    Code::CommentaryFormulaWithoutValue,
                    self.at(r, c),
                    "the agreed commentary is a formula whose result was never saved, so it cannot be read; the aspect has no agreed commentary until it is".to_string(),
                )
                .with_help("open the workbook in Excel or LibreOffice and save it again so the result is kept, or type the commentary as text"),
            );
        }
        Some(text)
    }

    /// The group's agreed level: a level the group typed. A formula there (the median of the
    /// members' levels, say) works a level out rather than records one agreed, so it is not
    /// counted, and named at its cell; a formula whose result was never saved is named as
    /// [`Self::level`] names one.
    fn agreed_level(&mut self, r: u32, c: u32) -> Option<u8> {
        let level = self.level(r, c)?;
        if !self.formulas.contains(&(r, c)) {
            return Some(level);
        }
        self.diags.push(
            Diagnostic::error(
                Code::AgreedLevelFormula,
                self.at(r, c),
                "the agreed level is worked out by a formula, not typed as the level the group agreed, so it is not counted".to_string(),
            )
            .with_help("when the group has agreed, type the level it agreed as a number in place of the formula"),
        );
        None
    }

    /// A level from 1 to 5: a number, or text that gives one beyond doubt ([`level_text`]:
    /// "2", "Level 2", "L2", "Two", "2 - Established", "Established"), and nothing else: a
    /// cell that holds more than the level, a name, a note or another level's label, is not
    /// a level.
    fn level(&mut self, r: u32, c: u32) -> Option<u8> {
        let cell = self.cell(r, c).clone();
        let blank = match &cell {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        };
        if blank {
            if self.formulas.contains(&(r, c)) {
                self.diags.push(
                    Diagnostic::error(
                        Code::LevelFormulaWithoutValue,
                        self.at(r, c),
                        "the level is a formula whose result was never saved, so it cannot be read; it is not counted".to_string(),
                    )
                    .with_help("open the workbook in Excel or LibreOffice and save it again so the result is kept, or type the level as a number"),
                );
            }
            return None;
        }
        let value = match &cell {
            Data::Int(n) => Some(*n as f64),
            Data::Float(f) => Some(*f),
            Data::String(s) => level_text(s, self.labels).map(f64::from),
            _ => None,
        };
        match value {
            Some(v) if v.fract() == 0.0 && (1.0..=5.0).contains(&v) => Some(v as u8),
            _ => {
                self.diags.push(
                    Diagnostic::error(
                        Code::InvalidLevel,
                        self.at(r, c),
                        format!("`{}` is not a level", spreadsheet::text(&cell)),
                    )
                    .with_help("choose a level from 1 (aspirational) to 5 (nothing in place): the number alone, or the number and that level's own label"),
                );
                None
            }
        }
    }

    fn target(&mut self, r: u32) -> Option<NaiveDate> {
        let &(_, c) = self
            .table
            .others
            .iter()
            .find(|(n, _)| *n == layout::TARGET)?;
        let cell = self.cell(r, c).clone();
        let date = match &cell {
            Data::Empty => return None,
            Data::DateTime(_) | Data::DateTimeIso(_) => cell.as_date(),
            Data::String(s) if s.trim().is_empty() => return None,
            Data::String(s) => parse_day_first(s.trim()),
            _ => None,
        };
        if date.is_none() {
            self.diags.push(
                Diagnostic::warning(
                    Code::InvalidTargetDate,
                    self.at(r, c),
                    format!("`{}` is not a date", spreadsheet::text(&cell)),
                )
                .with_help("write target dates as dd/mm/yyyy"),
            );
        }
        date
    }
}

/// The level a text cell gives, read only where the number or the level's name leaves no
/// doubt: its number (a digit, or written as a word, "Two"), perhaps after "Level", "Lvl"
/// or "L" ("Level 1", "L2"), alone or followed by the framework's label for that level
/// after a dash, colon, full stop or space or in brackets ("2 - Established",
/// "2 (Established)"); or that label alone ("Established"). A number with another level's
/// label ("2 - Developing"), or with anything else after it (a name, a note), is no level.
/// Hand-written, as the forms are a closed list no parsing crate knows.
fn level_text(text: &str, labels: &[crate::framework::LevelText]) -> Option<u8> {
    let text = text.trim();
    let label_of = |level: u8| {
        labels
            .iter()
            .find(|l| l.level == level)
            .map(|l| l.text.trim())
            .filter(|l| !l.is_empty())
    };
    // A label alone, when it is one level's and no other's.
    let named: Vec<u8> = labels
        .iter()
        .filter(|l| !l.text.trim().is_empty() && l.text.trim().eq_ignore_ascii_case(text))
        .map(|l| l.level)
        .collect();
    if let [level] = named.as_slice() {
        return Some(*level);
    }
    let (level, rest) = leading_level(text)?;
    let rest = rest.trim();
    let rest = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or_else(|| {
            rest.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ':' | '.')
            })
        })
        .trim();
    let fits = rest.is_empty() || label_of(level).is_some_and(|l| rest.eq_ignore_ascii_case(l));
    fits.then_some(level)
}

/// The level a text starts with and what follows it: a number in digits or in words, after
/// "Level", "Lvl" or "L" if written.
fn leading_level(text: &str) -> Option<(u8, &str)> {
    const WORDS: [(&str, u8); 5] = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
    ];
    let lower = text.to_ascii_lowercase();
    let skip = ["level", "lvl", "l"]
        .iter()
        .find(|p| {
            lower.starts_with(*p)
                && lower[p.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || c.is_whitespace() || c == ':')
        })
        .map_or(0, |p| p.len());
    let after =
        text[skip..].trim_start_matches(|c: char| c.is_whitespace() || (skip > 0 && c == ':'));
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        return Some((after[..digits].parse().ok()?, &after[digits..]));
    }
    let word = after
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    let (_, level) = WORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word))?;
    Some((*level, &after[word.len()..]))
}

/// `dd/mm/yyyy`, `d.m.yyyy`, `dd-mm-yyyy` or ISO `yyyy-mm-dd`; never month first.
fn parse_day_first(text: &str) -> Option<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let year: i32 = match y.len() {
        4 => y.parse().ok()?,
        2 => 2000 + y.parse::<i32>().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_first_dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_day_first("03/02/2027"), d(2027, 2, 3));
        assert_eq!(parse_day_first("3.2.27"), d(2027, 2, 3));
        assert_eq!(parse_day_first("2027-02-03"), d(2027, 2, 3));
        assert_eq!(parse_day_first("31/02/2027"), None);
        assert_eq!(parse_day_first("1/2/025"), None);
        assert_eq!(parse_day_first("soon"), None);
    }
}

#[cfg(test)]
mod level_tests {
    use super::level_text;
    use crate::framework::LevelText;

    #[test]
    fn a_level_is_its_number_or_its_number_and_its_own_label_and_nothing_more() {
        let labels = [
            LevelText {
                level: 2,
                text: "Established".to_string(),
            },
            LevelText {
                level: 3,
                text: "Developing".to_string(),
            },
        ];
        for ok in [
            "2",
            " 2 ",
            "2 - Established",
            "2: established",
            "2 Established",
            "Level 2",
            "level 2 - Established",
            "L2",
            "Lvl 2",
            "2 (Established)",
            "Two",
            "two - established",
            "Established",
        ] {
            assert_eq!(level_text(ok, &labels), Some(2), "{ok}");
        }
        for not in [
            "2 (Alfie Brooks)",
            "2 Caleb Fisher",
            "2 - Developing",
            "2.5",
            "2 Established and more",
            "Alfie",
            "",
            "3 - Established",
            "2 (Developing)",
            "Two (Developing)",
            "Leo 2",
            "Level",
            "L 2 Alfie",
            "Twofold",
            "Level 2.5",
        ] {
            assert_eq!(level_text(not, &labels), None, "{not}");
        }
        assert_eq!(
            level_text("3", &labels),
            Some(3),
            "the range is checked by the caller"
        );
    }
}
