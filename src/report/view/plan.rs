//! How wide the action plan's Planned column prints: the group's plans can run to sixty
//! words an aspect beside a short next level, or be a few words beside a long one, so the
//! two columns of text share the width by how much each holds, within bounds that keep
//! either readable.

use super::PlanRow;

/// The share of the table's width, in percent, its two columns of text take between them
/// (the aspect's column takes the rest).
const TEXT_PERCENT: usize = 85;
/// The least and the most the Planned column takes, in percent of the table's width.
const LEAST: usize = 20;
const MOST: usize = 50;

/// The Planned column's width in percent of the action plan table's.
pub(super) fn planned_percent(rows: &[PlanRow]) -> usize {
    let chars = |t: &str| t.chars().count();
    let planned: usize = rows
        .iter()
        .map(|r| chars(&r.planned) + chars(&r.owner) + chars(&r.target))
        .sum();
    let next: usize = rows
        .iter()
        .map(|r| {
            chars(&r.next_statement)
                + r.improvement_actions
                    .iter()
                    .map(|a| chars(a))
                    .sum::<usize>()
        })
        .sum();
    if planned + next == 0 {
        return LEAST;
    }
    (TEXT_PERCENT * planned / (planned + next)).clamp(LEAST, MOST)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(next: &str, planned: &str) -> PlanRow {
        PlanRow {
            next_statement: next.to_string(),
            planned: planned.to_string(),
            ..PlanRow::default()
        }
    }

    #[test]
    fn the_columns_share_the_width_by_what_they_hold() {
        let long = "word ".repeat(60);
        let short = "A short next level.";
        // Long plans beside short next levels take the most the column may.
        assert_eq!(planned_percent(&[row(short, &long)]), MOST);
        // Even plans and next levels share it about equally.
        let even = planned_percent(&[row(&long, &long)]);
        assert!((40..=45).contains(&even), "{even}");
        // A few words of plan keep the column at its least.
        assert_eq!(planned_percent(&[row(&long, "Ask the DSL")]), LEAST);
        assert_eq!(planned_percent(&[]), LEAST);
    }
}
