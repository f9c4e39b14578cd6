//! Bringing the group's levels for one aspect together into one agreed level.
//!
//! The group's own agreed level wins where a group workbook records one. Otherwise the
//! agreed level is the median of the reviewers' levels; with an even number of reviewers
//! whose middle two levels differ, it is the weaker of the two (the higher number), so the
//! tool never credits the school with more than half the group saw.

/// The median of `levels`, taking the weaker (higher-numbered) middle level on a tie.
/// `None` when there are no levels.
pub fn median_toward_weaker(levels: &[u8]) -> Option<u8> {
    if levels.is_empty() {
        return None;
    }
    let mut sorted = levels.to_vec();
    sorted.sort_unstable();
    Some(sorted[sorted.len() / 2])
}

/// How far apart the reviewers are: the highest level minus the lowest.
pub fn spread(levels: &[u8]) -> Option<u8> {
    let max = levels.iter().max()?;
    let min = levels.iter().min()?;
    Some(max - min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_rounds_toward_the_weaker_level() {
        assert_eq!(median_toward_weaker(&[1, 2, 3]), Some(2));
        assert_eq!(median_toward_weaker(&[3, 1, 2]), Some(2));
        assert_eq!(median_toward_weaker(&[1, 2]), Some(2));
        assert_eq!(median_toward_weaker(&[2, 3, 2, 3]), Some(3));
        assert_eq!(median_toward_weaker(&[4]), Some(4));
        assert_eq!(median_toward_weaker(&[]), None);
        assert_eq!(spread(&[1, 2, 3]), Some(2));
        assert_eq!(spread(&[2, 2]), Some(0));
    }
}
