//! Weighted percentiles, the pupil-weighted median, and the federal range ratio.
//!
//! # Formula
//!
//! ```text
//! x₍₁₎ ≤ … ≤ x₍ₙ₎ sorted ascending, w₍ᵢ₎ their weights, Cₖ = Σ_{i≤k} w₍ᵢ₎, W = Cₙ
//! P_q = x₍ₖ₎ for the smallest k with Cₖ ≥ q·W            (0 ≤ q ≤ 1, no interpolation)
//! median M = P_0.5
//! federal range ratio FRR = (P_0.95 − P_0.05) / P_0.05
//! ```
//!
//! "The first value whose cumulative pupil share reaches q" (docs/domain.md §3.5, §4 choice 3):
//! the pupil, not the school, is the unit, as in the US Impact Aid test (20 U.S.C. §7709(b),
//! 34 CFR 222 subpart K; *Zuni v. Department of Education*, 550 U.S. 81 (2007)), where the
//! benchmark is FRR ≤ 0.25. The FRR is (P95 − P5)/P5, not P95/P5 (docs/domain.md §4 choice 4).
//!
//! The comparison Cₖ ≥ q·W allows a relative slack of [`PERCENTILE_REL_TOL`] so that rounding
//! in Cₖ cannot move a percentile across a tie of cumulative shares: the median of four equal
//! weights is the 2nd value. Unweighted, the median of an even count is the lower middle value.
//!
//! Edge cases: n = 1 gives that value for every q; FRR is `None` when P5 ≤ 0.
//! Complexity: O(n log n) for the sort, O(n) given sorted data (`summarize` sorts once).

use super::prec::PERCENTILE_REL_TOL;
use super::sum::Sum;
use super::view::{finite, sorted};
use super::Sample;

/// Weighted percentile P_q: the smallest value whose cumulative weight reaches q·W.
///
/// `None` when q is outside [0, 1] or NaN. O(n log n).
///
/// ```
/// use junheng_core::measures::{percentile, Sample};
/// // Weights 1, 1, 2 on 10, 20, 30: cumulative 1, 2, 4 of W = 4.
/// let s = Sample::new(vec![30.0, 10.0, 20.0], vec![2.0, 1.0, 1.0]).unwrap();
/// assert_eq!(percentile(&s, 0.25), Some(10.0)); // 1 ≥ 1
/// assert_eq!(percentile(&s, 0.5), Some(20.0)); // 2 ≥ 2
/// assert_eq!(percentile(&s, 0.51), Some(30.0));
/// assert_eq!(percentile(&s, 1.5), None);
/// ```
pub fn percentile(sample: &Sample, q: f64) -> Option<f64> {
    if !(0.0..=1.0).contains(&q) {
        return None;
    }
    let (x, w) = sorted(sample);
    Some(percentile_sorted(&x, &w, q))
}

/// Pupil-weighted median M = P_0.5 (no interpolation). O(n log n).
///
/// ```
/// use junheng_core::measures::{median, Sample};
/// assert_eq!(median(&Sample::unweighted(vec![4.0, 1.0, 3.0, 2.0]).unwrap()), 2.0);
/// // One big school holds the median pupil.
/// assert_eq!(median(&Sample::new(vec![1.0, 2.0, 3.0], vec![1.0, 5.0, 1.0]).unwrap()), 2.0);
/// ```
pub fn median(sample: &Sample) -> f64 {
    let (x, w) = sorted(sample);
    percentile_sorted(&x, &w, 0.5)
}

/// Federal range ratio (P95 − P5) / P5, pupil-weighted; `None` when P5 ≤ 0. O(n log n).
///
/// ```
/// use junheng_core::measures::{federal_range_ratio, Sample};
/// // 20 equal schools 1..=20: P5 = 1 (cumulative 1/20), P95 = 19.
/// let s = Sample::unweighted((1..=20).map(f64::from).collect()).unwrap();
/// assert_eq!(federal_range_ratio(&s), Some(18.0));
/// ```
pub fn federal_range_ratio(sample: &Sample) -> Option<f64> {
    let (x, w) = sorted(sample);
    federal_range_ratio_of(
        percentile_sorted(&x, &w, 0.05),
        percentile_sorted(&x, &w, 0.95),
    )
}

/// P_q on values sorted ascending. O(n).
pub(crate) fn percentile_sorted(x: &[f64], w: &[f64], q: f64) -> f64 {
    let mut total = Sum::default();
    for weight in w {
        total.add(*weight);
    }
    percentile_sorted_of_total(x, w, total.value(), q)
}

/// [`percentile_sorted`] given W = Σ wᵢ summed in order with [`Sum`] (a `View`'s
/// `weight_total` is that sum), for a caller that takes several percentiles. O(n).
pub(crate) fn percentile_sorted_of_total(x: &[f64], w: &[f64], weight_total: f64, q: f64) -> f64 {
    let target = q * weight_total * (1.0 - PERCENTILE_REL_TOL);
    let mut cumulative = Sum::default();
    for (value, weight) in x.iter().zip(w) {
        cumulative.add(*weight);
        if cumulative.value() >= target {
            return *value;
        }
    }
    x[x.len() - 1]
}

pub(crate) fn federal_range_ratio_of(p05: f64, p95: f64) -> Option<f64> {
    if p05 <= 0.0 {
        return None;
    }
    finite(Some((p95 - p05) / p05))
}
