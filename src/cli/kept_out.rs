//! The last check on everything printed: the children's names of the review folder (read
//! by `pipeline::names_to_keep_out` before a command runs) are taken out of every line and
//! every JSON document, whatever message they came in. When a list of children could not
//! be read, the names it holds are not known, so nothing that could quote the school's
//! files is printed: each line is withheld and one notice says which list to mend (fail
//! closed).

use std::sync::OnceLock;

use selfreview::pipeline::KeptOut;
use selfreview::privacy::redact;

/// The children's names nothing printed may repeat (see `pipeline::names_to_keep_out`).
static KEPT_OUT: OnceLock<KeptOut> = OnceLock::new();

/// What a withheld line says in its place.
const WITHHELD: &str =
    "(withheld: a file that names children could not be read, so this could hold a child's name)";

/// Sets the names every line and JSON document printed is cleaned of; once, before a
/// command runs.
pub fn keep_out(kept: KeptOut) {
    let _ = KEPT_OUT.set(kept);
}

/// Whether lines are withheld, as a list of children could not be read.
pub fn withholding() -> bool {
    KEPT_OUT.get().is_some_and(|k| !k.unread.is_empty())
}

/// The one notice printed when lines are withheld: which lists could not be read, and why.
pub fn notice() -> Option<String> {
    let kept = KEPT_OUT.get().filter(|k| !k.unread.is_empty())?;
    let lists: Vec<String> = kept
        .unread
        .iter()
        .map(|u| format!("  {}", unquoted(&redacted(u))))
        .collect();
    Some(format!(
        "A file that names children (a pupil list, incident log or acceptable use agreements register) could not be read, so what this command would print is withheld: it could quote a child's name the tool cannot yet recognise. Mend the file named here (or its line in review.toml) and run the command again.\n{}",
        lists.join("\n")
    ))
}

/// `text` with whatever it quotes (between backticks or quotation marks) shown as "…": the
/// reason a list of children could not be read may quote a cell of that list, whose names
/// are not known.
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    let mut prev = ' ';
    for c in text.chars() {
        match closing {
            Some(end) if c == end => {
                out.push('…');
                out.push(c);
                closing = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                closing = match c {
                    '`' | '"' => Some(c),
                    '\'' if !prev.is_alphanumeric() => Some('\''),
                    '“' => Some('”'),
                    '‘' => Some('’'),
                    '«' => Some('»'),
                    _ => None,
                };
            }
        }
        prev = c;
    }
    if closing.is_some() {
        out.push('…');
    }
    out
}

/// `text` with every name read replaced by the placeholder.
fn redacted(text: &str) -> String {
    KEPT_OUT
        .get()
        .and_then(|kept| redact(&kept.names, text))
        .unwrap_or_else(|| text.to_string())
}

/// `text` with every kept-out name replaced by the placeholder, or withheld whole.
pub fn clean(text: &str) -> String {
    if withholding() {
        return WITHHELD.to_string();
    }
    redacted(text)
}

/// Every string of a JSON document (object keys too) cleaned of names; withheld, the
/// document becomes the notice alone.
pub fn clean_json(value: &mut serde_json::Value) {
    if withholding() {
        *value = serde_json::json!({ "withheld": notice() });
        return;
    }
    clean_strings(value);
}

fn clean_strings(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => *s = redacted(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean_strings),
        serde_json::Value::Object(map) => {
            let old = std::mem::take(map);
            for (k, mut v) in old {
                clean_strings(&mut v);
                map.insert(redacted(&k), v);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::unquoted;

    #[test]
    fn what_a_reason_quotes_is_not_shown() {
        assert_eq!(
            unquoted("row 2: the heading `Poppy Walsh` and \"Jo Lee\" and ‘Al’ o'clock 'Kit Ray'"),
            "row 2: the heading `…` and \"…\" and ‘…’ o'clock '…'"
        );
        assert_eq!(unquoted("cut off `Poppy"), "cut off `…");
        assert_eq!(unquoted("nothing quoted"), "nothing quoted");
    }
}
