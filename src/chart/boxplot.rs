//! Box-plot statistics, pupil-weighted, with the engine's percentile rule.
//!
//! # Method
//!
//! ```text
//! Q1 = P_0.25, median M = P_0.5, Q3 = P_0.75        (junheng_core::measures::percentile)
//! P_q = the smallest value whose cumulative weight reaches q·W  (no interpolation)
//! fences   = Q1 − 1.5·(Q3 − Q1),  Q3 + 1.5·(Q3 − Q1)            (Tukey)
//! whiskers = the lowest and highest values inside the fences
//! outliers = the values outside the fences
//! mean     = Σ w·x / Σ w
//! ```
//!
//! **Weighted** by default: the box holds the middle half of the *pupils*, not of the schools,
//! and its median is the number the page reports as the median. Pass weights of 1 for the
//! unweighted box (the middle half of the schools); with an even count the median is then the
//! lower middle value, as in the engine, not the average of the two middle values.

use junheng_core::measures::{mean, percentile, Sample};

/// The five numbers of a box plot, the mean, and the outliers.
#[derive(Clone, Debug, PartialEq)]
pub struct BoxStats {
    /// Lower whisker end: the lowest value at or above the lower fence.
    pub whisker_low: f64,
    /// First quartile P_0.25.
    pub q1: f64,
    /// Median P_0.5.
    pub median: f64,
    /// Third quartile P_0.75.
    pub q3: f64,
    /// Upper whisker end: the highest value at or below the upper fence.
    pub whisker_high: f64,
    /// Weighted mean.
    pub mean: f64,
    /// Indices (into the input) of the values outside the fences, in input order.
    pub outliers: Vec<usize>,
    /// Number of values.
    pub n: usize,
}

/// Box-plot statistics of `values` weighted by `weights` (see the module doc).
///
/// `None` when the values and weights do not form a valid `Sample` (empty, lengths differ,
/// a value not finite, a weight not positive).
///
/// ```
/// use junheng_app::chart::boxplot::box_stats;
/// let s = box_stats(&[1.0, 2.0, 3.0, 4.0, 5.0], &[1.0; 5]).unwrap();
/// assert_eq!((s.q1, s.median, s.q3), (2.0, 3.0, 4.0));
/// ```
pub fn box_stats(values: &[f64], weights: &[f64]) -> Option<BoxStats> {
    let sample = Sample::new(values.to_vec(), weights.to_vec()).ok()?;
    let q1 = percentile(&sample, 0.25)?;
    let median = percentile(&sample, 0.5)?;
    let q3 = percentile(&sample, 0.75)?;
    let spread = 1.5 * (q3 - q1);
    let (fence_low, fence_high) = (q1 - spread, q3 + spread);
    let inside = |x: f64| fence_low <= x && x <= fence_high;
    let whisker_low = values
        .iter()
        .copied()
        .filter(|x| inside(*x))
        .fold(q1, f64::min);
    let whisker_high = values
        .iter()
        .copied()
        .filter(|x| inside(*x))
        .fold(q3, f64::max);
    let outliers = (0..values.len()).filter(|i| !inside(values[*i])).collect();
    Some(BoxStats {
        whisker_low,
        q1,
        median,
        q3,
        whisker_high,
        mean: mean(&sample),
        outliers,
        n: values.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (values, weights) → (whisker_low, q1, median, q3, whisker_high, outliers)
    fn check(values: &[f64], weights: &[f64], expected: (f64, f64, f64, f64, f64, &[usize])) {
        let s = box_stats(values, weights).unwrap();
        let got = (
            s.whisker_low,
            s.q1,
            s.median,
            s.q3,
            s.whisker_high,
            s.outliers.as_slice(),
        );
        assert_eq!(got, expected, "{values:?} {weights:?}");
    }

    #[test]
    fn hand_examples() {
        // Unweighted 1..=8: cumulative 1/8 … 8/8; Q1 = 2nd, M = 4th (lower middle), Q3 = 6th.
        let one_to_eight: Vec<f64> = (1..=8).map(f64::from).collect();
        check(&one_to_eight, &[1.0; 8], (1.0, 2.0, 4.0, 6.0, 8.0, &[]));
        // An outlier: 1, 2, 3, 4, 100. Q1 = 2, Q3 = 4, fences −1 and 7.
        check(
            &[1.0, 2.0, 3.0, 4.0, 100.0],
            &[1.0; 5],
            (1.0, 2.0, 3.0, 4.0, 4.0, &[4]),
        );
        // Weighted: one big school at 10 holds 90 of 100 pupils, so it is every quartile; the
        // small schools at 1 and 50 are outside the zero-width fences.
        check(
            &[1.0, 10.0, 50.0],
            &[5.0, 90.0, 5.0],
            (10.0, 10.0, 10.0, 10.0, 10.0, &[0, 2]),
        );
        // One school.
        check(&[7.0], &[3.0], (7.0, 7.0, 7.0, 7.0, 7.0, &[]));
    }

    #[test]
    fn mean_is_weighted() {
        let s = box_stats(&[1.0, 2.0], &[10.0, 30.0]).unwrap();
        assert!((s.mean - 1.75).abs() < 1e-15);
        assert_eq!(s.n, 2);
        assert!(box_stats(&[], &[]).is_none());
        assert!(box_stats(&[1.0], &[0.0]).is_none());
    }
}
