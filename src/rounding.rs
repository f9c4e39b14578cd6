//! Rounding for output, in one place, so every report, snapshot and JSON document shows the
//! same figures. It sits at the bottom of the library because metrics and scoring both round.

/// Rounds to two decimal places, the precision every output shows.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::round2;

    #[test]
    fn two_places_half_away_from_zero() {
        assert_eq!(round2(0.125), 0.13);
        assert_eq!(round2(2.0 / 3.0), 0.67);
        assert_eq!(round2(-1.005), -1.0);
        assert_eq!(round2(1.0), 1.0);
    }
}
