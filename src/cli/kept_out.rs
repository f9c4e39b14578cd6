//! The last check on everything printed: the children's names of the review folder (read
//! by `pipeline::names_to_keep_out` before a command runs) are taken out of every line and
//! every JSON document, whatever message they came in.

use std::sync::OnceLock;

use selfreview::privacy::{Names, redact};

/// The children's names nothing printed may repeat (see `pipeline::names_to_keep_out`).
static KEPT_OUT: OnceLock<Names> = OnceLock::new();

/// Sets the names every line and JSON document printed is cleaned of; once, before a
/// command runs.
pub fn keep_out(names: Names) {
    let _ = KEPT_OUT.set(names);
}

/// `text` with every kept-out name replaced by the placeholder.
pub fn clean(text: &str) -> String {
    KEPT_OUT
        .get()
        .and_then(|names| redact(names, text))
        .unwrap_or_else(|| text.to_string())
}

/// Every string of a JSON document (object keys too) cleaned of names.
pub fn clean_json(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => *s = clean(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean_json),
        serde_json::Value::Object(map) => {
            let old = std::mem::take(map);
            for (k, mut v) in old {
                clean_json(&mut v);
                map.insert(clean(&k), v);
            }
        }
        _ => {}
    }
}
