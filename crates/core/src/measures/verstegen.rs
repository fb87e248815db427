//! Verstegen index: how far the top half is above the median (McLoone's mirror).
//!
//! # Formula
//!
//! ```text
//! Verstegen = Σ_{i∈T} wᵢxᵢ / ( M · Σ_{i∈T} wᵢ )
//!           = 1 + Σ_{i∈T} wᵢ(xᵢ − M) / ( M · Σ_{i∈T} wᵢ )    (the form computed)
//! T = { i : xᵢ ≥ M }   MedianRule::AtOrBelow (default: "at or above", the issue spec)
//! T = { i : xᵢ > M }   MedianRule::Strict    (docs/domain.md §4 "above")
//! ```
//!
//! M is the pupil-weighted median. 1 = the top half is at the median; larger = a richer top.
//! No verified benchmark ("≤ 1.05" is unverified). Source: Verstegen (original not seen);
//! docs/domain.md §4. The §3.5 example gives 1.4975 (strict) and 1.3791 (at or above).
//!
//! Every term is ≥ 0 in the computed form, so the result is ≥ 1 by construction.
//!
//! Edge cases: `None` when M ≤ 0. With `Strict` and no value above M (M is the maximum,
//! e.g. all values equal), the top half sits at M and the index is **1**.
//! Complexity: O(n log n) (median), O(n) given M.

use super::halves::{half_index, MedianRule};
use super::percentile::median;
use super::Sample;

/// Verstegen index with the chosen treatment of values equal to the median.
///
/// ```
/// use junheng_core::measures::{verstegen, MedianRule, Sample};
/// // 1, 2, 3, 4 unweighted: median 2.
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(verstegen(&s, MedianRule::AtOrBelow), Some(1.5)); // (2+3+4)/3 / 2
/// assert_eq!(verstegen(&s, MedianRule::Strict), Some(1.75)); // (3+4)/2 / 2
/// ```
pub fn verstegen(sample: &Sample, rule: MedianRule) -> Option<f64> {
    let m = median(sample);
    verstegen_of(sample.values(), sample.weights(), m, rule)
}

pub(crate) fn verstegen_of(x: &[f64], w: &[f64], m: f64, rule: MedianRule) -> Option<f64> {
    half_index(x, w, m, |value| match rule {
        MedianRule::AtOrBelow => value >= m,
        MedianRule::Strict => value > m,
    })
}
