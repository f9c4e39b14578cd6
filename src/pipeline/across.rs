//! A child's name split between two text cells of one aspect's row: "…to Zoë" in the
//! planned actions and "Brontë" as the owner. Neither cell names the child alone, but the
//! report and the history show them one after the other, so the pair is read as one text.

use crate::privacy::{Names, PLACEHOLDER, redact};

/// The pairs of `texts` (each a column and its text, in the order of the row) that name a
/// child only when read together, first column before second; each such pair is replaced:
/// the name cut out of the two read as one, the first keeping what is left, the second
/// the placeholder.
pub fn split_names(
    names: &Names,
    texts: &mut [(&'static str, &mut String)],
) -> Vec<(&'static str, &'static str)> {
    let mut found = Vec::new();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            let (first, rest) = texts.split_at_mut(j);
            let (a, b) = (&mut first[i], &mut rest[0]);
            if a.1.trim().is_empty() || b.1.trim().is_empty() {
                continue;
            }
            let joined = format!("{}\n{}", a.1, b.1);
            let Some(clean) = redact(names, &joined) else {
                continue;
            };
            match clean.split_once('\n') {
                Some((x, y)) if !y.contains('\n') => {
                    *a.1 = x.to_string();
                    *b.1 = y.to_string();
                }
                _ => {
                    *a.1 = clean;
                    *b.1 = PLACEHOLDER.to_string();
                }
            }
            found.push((a.0, b.0));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_split_between_two_cells_is_found_and_cut_out_of_both() {
        let mut names = Names::default();
        names.add_cell("Zoë Brontë");
        let (mut actions, mut owner, mut other) = (
            "Give the certificate to Zoë".to_string(),
            "Brontë".to_string(),
            "Talk to the class".to_string(),
        );
        let mut texts = [
            ("Planned actions", &mut actions),
            ("Owner", &mut owner),
            ("Rationale", &mut other),
        ];
        assert_eq!(
            split_names(&names, &mut texts),
            vec![("Planned actions", "Owner")]
        );
        assert!(
            !names.found_in(&format!("{actions} {owner}")),
            "{actions} {owner}"
        );
        assert!(actions.starts_with("Give the certificate to"), "{actions}");
        assert_eq!(other, "Talk to the class");
        let (mut a, mut b) = ("Zoë".to_string(), "Hall".to_string());
        assert!(split_names(&names, &mut [("A", &mut a), ("B", &mut b)]).is_empty());
    }
}
