//! Rounding for output, in one place, so every report, snapshot and JSON document shows the
//! same figures. It sits at the bottom of the library because metrics and scoring both round.
//!
//! Checks compare exact values worked out from the counts; rounding is for display only, and
//! it goes in the direction that can never contradict a check's status: a share is shown as a
//! whole percent rounded down (179 of 199 is 89.95%, shown as 89%, never 90%), and a check's
//! value is rounded down against an "at least" threshold and up against an "at most" one.

/// Absorbs binary floating-point noise (0.29 × 100 is 28.999…) before rounding down or up.
const NOISE: f64 = 1e-9;

/// Rounds to two decimal places, the precision every output shows, half away from zero.
/// For figures no threshold judges (an average of levels); shares use [`down2`] or [`up2`].
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Rounds down to two decimal places: 0.8995 → 0.89.
pub fn down2(value: f64) -> f64 {
    (value * 100.0 + NOISE).floor() / 100.0
}

/// Rounds up to two decimal places: 0.1005 → 0.11.
pub fn up2(value: f64) -> f64 {
    (value * 100.0 - NOISE).ceil() / 100.0
}

/// A share as a whole percent, rounded down so it never reads as more than it is:
/// 0.8995 → "89%", 0.745 → "74%", 1.0 → "100%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0 + NOISE).floor())
}

/// The share `part` of `whole` as a whole percent rounded down; "0%" when `whole` is zero.
pub fn percent_of(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0%".to_string();
    }
    // Integer arithmetic: exact for any count.
    format!("{}%", part.saturating_mul(100) / whole)
}

/// Serialises a share rounded down to two decimals, as every JSON document shows shares.
pub fn serialize_share<S: serde::Serializer>(share: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(down2(*share))
}

/// Serialises an optional share rounded down to two decimals.
pub fn serialize_optional_share<S: serde::Serializer>(
    share: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match share {
        Some(v) => s.serialize_some(&down2(*v)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::{down2, percent, percent_of, round2, up2};

    #[test]
    fn two_places_half_away_from_zero() {
        assert_eq!(round2(0.125), 0.13);
        assert_eq!(round2(2.0 / 3.0), 0.67);
        assert_eq!(round2(-1.005), -1.0);
        assert_eq!(round2(1.0), 1.0);
    }

    #[test]
    fn shares_are_shown_rounded_down_so_they_never_overstate() {
        assert_eq!(percent(179.0 / 199.0), "89%");
        assert_eq!(percent(149.0 / 200.0), "74%");
        assert_eq!(percent(0.29), "29%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent_of(179, 199), "89%");
        assert_eq!(percent_of(3, 0), "0%");
        assert_eq!(down2(179.0 / 199.0), 0.89);
        assert_eq!(down2(0.9), 0.9);
        assert_eq!(up2(0.1005), 0.11);
        assert_eq!(up2(0.1), 0.1);
    }

    proptest::proptest! {
        /// For any counts and any threshold in whole percents, the figure shown agrees with
        /// the exact comparison a check makes: never "met" beside a figure below the
        /// threshold, never "not met" beside one that reaches it.
        #[test]
        fn the_figure_shown_never_contradicts_the_status(
            whole in 1usize..5000,
            part_seed in 0usize..5000,
            hundredths in 0u32..=100,
        ) {
            let part = part_seed % (whole + 1);
            let exact = part as f64 / whole as f64;
            let t = f64::from(hundredths) / 100.0;
            let shown: f64 = percent(exact).trim_end_matches('%').parse().expect("a number");
            proptest::prop_assert_eq!(percent(exact), percent_of(part, whole));
            proptest::prop_assert_eq!(exact >= t, shown >= f64::from(hundredths));
            proptest::prop_assert_eq!(exact >= t, down2(exact) >= t);
            proptest::prop_assert_eq!(exact <= t, up2(exact) <= t);
        }
    }
}
