//! Spreadsheet formulas judged by what they would show, not by the result saved with them.
//!
//! A formula's saved result may be stale or forged (a "0", or nothing, beside
//! `="Gra"&"ce Adeyemi"`), and a spreadsheet program shows what the formula gives when it
//! opens the file. So every formula of a workbook in the pack (xlsx, xls and ods alike,
//! through calamine, which gives each sheet's formulas with their cells) is judged on its
//! own: one made only of quoted text, `&`, `CONCAT`/`CONCATENATE` and `CHAR`/`UNICHAR` of a
//! number is worked out and the text it gives is searched; one that could build text any
//! other way (a text function, `&` or `CONCAT` over other cells, a lookup, a reference to
//! another file) cannot be searched, and the workbook is refused, naming the sheet and the
//! cell. Sums, counts, dates and a plain reference to one cell (whose own text is searched
//! where it stands) give no new text and pass.

use std::path::Path;

use super::Verdict;
use super::script::formula_builds_text;
use crate::privacy::names::Names;
use crate::spreadsheet;

/// Judges every formula of the workbook at `path`; `None` when its name is not a
/// workbook's, or it has no formula to refuse.
///
/// Fails closed: a file named as a workbook that the spreadsheet reader cannot open, or a
/// sheet whose formulas it cannot list, is refused as unsearchable, since a program that
/// does open it may show text built by formulas no one has judged.
pub(super) fn judge(names: &Names, path: &Path) -> Option<Verdict> {
    spreadsheet::Format::of(path)?;
    let mut book = match spreadsheet::open(path) {
        Ok(book) => book,
        Err(e) => return Some(unjudged(&format!("the workbook could not be opened ({e})"))),
    };
    for sheet in spreadsheet::sheet_names(&book) {
        let formulas = match spreadsheet::formulas(&mut book, &sheet) {
            Ok(formulas) => formulas,
            Err(e) => {
                let sheet = crate::privacy::redact(names, &sheet).unwrap_or(sheet);
                return Some(unjudged(&format!(
                    "the formulas of sheet `{sheet}` could not be read ({e})"
                )));
            }
        };
        for (row, col, formula) in formulas {
            if let Some(shown) = worked_out(&formula) {
                if names.found_in(&shown) {
                    return Some(Verdict::Name);
                }
                continue;
            }
            if builds_text(&formula) {
                let sheet = crate::privacy::redact(names, &sheet).unwrap_or(sheet);
                return Some(Verdict::Unreadable(format!(
                    "on sheet `{sheet}`, cell {}, a formula builds text (with `&`, `CONCAT`, `CHAR`, a text function, a lookup or another file), and what it shows when the workbook opens cannot be searched, whatever result was saved with it; replace the formula by its value (copy the cells, paste values only) and try again",
                    cell_name(row, col)
                )));
            }
        }
    }
    None
}

/// The verdict on a workbook whose formulas could not all be judged.
fn unjudged(why: &str) -> Verdict {
    Verdict::Unreadable(format!(
        "{why}, so what its formulas show when it opens cannot be searched; save it again from a spreadsheet program, or paste its values only into a new workbook, and try again"
    ))
}

/// Whether a formula could build text that is not written in it as one piece.
pub(super) fn builds_text(formula: &str) -> bool {
    let outside: String = formula.split('"').step_by(2).collect();
    let upper = outside.to_ascii_uppercase();
    formula_builds_text(formula)
        || outside.contains('&')
        || upper.contains("CONCATENATE(")
        || upper.contains("FILE:")
        || outside
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b'[' && w[1].is_ascii_digit())
}

/// The text a formula of quoted text, `&`, `CONCAT`, `CONCATENATE`, `CHAR` and `UNICHAR`
/// of numbers gives; `None` for any other formula.
pub(super) fn worked_out(formula: &str) -> Option<String> {
    let f = formula.trim();
    let f = f.strip_prefix("of:").unwrap_or(f);
    let f = f.strip_prefix('=').unwrap_or(f);
    let mut out = String::new();
    let mut rest = f;
    let mut any_text = false;
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            let (text, after) = quoted(&rest[1..])?;
            out.push_str(&text);
            rest = after;
            any_text = true;
            continue;
        }
        if matches!(c, '&' | ',' | ';' | '(' | ')' | ' ') {
            rest = &rest[1..];
            continue;
        }
        let upper = rest.get(..12).unwrap_or(rest).to_ascii_uppercase();
        if let Some(word) = ["CONCATENATE(", "CONCAT("]
            .into_iter()
            .find(|w| upper.starts_with(w))
        {
            rest = &rest[word.len() - 1..];
            continue;
        }
        let word = ["UNICHAR(", "CHAR("]
            .into_iter()
            .find(|w| upper.starts_with(w))?;
        let digits: String = rest[word.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let after = &rest[word.len() + digits.len()..];
        if !after.starts_with(')') {
            return None;
        }
        out.push(char::from_u32(digits.parse().ok()?)?);
        rest = &after[1..];
        any_text = true;
    }
    any_text.then_some(out)
}

/// A quoted string after its opening quote (`""` is a quote): its text and what follows.
fn quoted(text: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '"' {
            if chars.peek().is_some_and(|&(_, n)| n == '"') {
                chars.next();
                out.push('"');
                continue;
            }
            return Some((out, &text[at + 1..]));
        }
        out.push(c);
    }
    None
}

/// A cell's name in A1 style: column letters, then the row counted from 1.
fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_of_quoted_text_are_worked_out_and_others_that_build_text_are_told() {
        assert_eq!(
            worked_out(r#"="Gra"&"ce "&CHAR(65)&"deyemi""#).as_deref(),
            Some("Grace Adeyemi")
        );
        assert_eq!(
            worked_out(r#"of:=CONCATENATE("Gr";"ace")"#).as_deref(),
            Some("Grace")
        );
        assert_eq!(worked_out("SUM(A1:A3)"), None);
        assert_eq!(worked_out("A1&B1"), None);
        for f in [
            "A1&B1",
            "of:=[.A1]&[.B1]",
            "TEXTJOIN(\" \",TRUE,A1:B1)",
            "CHAR(A1)",
        ] {
            assert!(builds_text(f), "{f}");
        }
        for f in [
            "SUM(A1:A3)",
            "A1",
            "COUNTIF(B:B,\"Yes\")",
            "of:=SUM([.A1:.A3])",
        ] {
            assert!(!builds_text(f), "{f}");
        }
        assert_eq!(cell_name(2, 1), "B3");
    }

    #[test]
    fn a_workbook_the_reader_cannot_open_is_refused_and_real_ones_of_every_format_are_judged() {
        let names = Names::default();
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fake = dir.path().join("log.xlsx");
        std::fs::write(&fake, "Date,Result\n01/10/2026,Blocked\n").expect("written");
        assert!(
            matches!(judge(&names, &fake), Some(Verdict::Unreadable(w)) if w.contains("could not be opened"))
        );
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence");
        for file in [
            "filtering-checks.xls",
            "policy-register.ods",
            "filtering-checks.xlsx",
        ] {
            assert_eq!(judge(&names, &fixtures.join(file)), None, "{file}");
        }
        assert_eq!(cell_name(0, 27), "AB1");
    }
}
