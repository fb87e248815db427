//! Gini coefficient, pupil-weighted, in O(n log n).
//!
//! # Formula
//!
//! ```text
//! G = Σᵢ Σⱼ wᵢwⱼ |xᵢ − xⱼ| / (2 W² μ)                       (definition)
//!   = Σₖ (x₍ₖ₊₁₎ − x₍ₖ₎) · (Cₖ/W) · (Uₖ/W) / μ               (the form computed)
//! ```
//!
//! x₍₁₎ ≤ … ≤ x₍ₙ₎ sorted ascending, Cₖ = weight of the first k, Uₖ = W − Cₖ = weight of the
//! rest (summed from the top, not subtracted), μ = weighted mean, W = Σ w. Each gap between
//! neighbours is crossed by exactly the pairs with one member below and one above it, hence
//! the second line. Every term is ≥ 0: no cancellation, and exactly 0 for equal values.
//!
//! Population form: 0 = equal, at most 1 − wₘₐₓ/W (one school holds everything); unweighted,
//! that is (n − 1)/n. Same as R `ineq::Gini` (corr = FALSE). Source: Cowell, *Measuring
//! Inequality* (3rd ed., 2011); docs/domain.md §4. The n/(n − 1) small-sample factor is a separate
//! function ([`gini_small_sample`]), off by default (docs/domain.md §4 choice 6).
//!
//! Edge cases: `None` when any x < 0 or μ ≤ 0. Complexity O(n log n) (sort), O(n) sorted.

use super::sum::Sum;
use super::view::{finite, sorted};
use super::Sample;

/// Gini coefficient G (population form, weighted by the sample's weights).
///
/// ```
/// use junheng_core::measures::{gini, Sample};
/// // 1, 2, 3, 4: Σ_{i<j}|xᵢ − xⱼ| = 10, so G = 2·10 / (2·4²·2.5) = 0.25.
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(gini(&s), Some(0.25));
/// ```
pub fn gini(sample: &Sample) -> Option<f64> {
    let (x, w) = sorted(sample);
    gini_sorted(&x, &w)
}

/// Gini with the small-sample factor: G · n/(n − 1), n = number of rows.
///
/// Meant for unweighted samples (R `ineq::Gini(x, corr = TRUE)`): it makes the maximum 1.
/// Not a population measure: replicating every row changes it. `None` when n = 1 or when
/// [`gini`] is `None`.
///
/// ```
/// use junheng_core::measures::{gini_small_sample, Sample};
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert!((gini_small_sample(&s).unwrap() - 0.25 * 4.0 / 3.0).abs() < 1e-15);
/// ```
pub fn gini_small_sample(sample: &Sample) -> Option<f64> {
    let n = sample.len();
    if n < 2 {
        return None;
    }
    finite(gini(sample).map(|g| g * n as f64 / (n - 1) as f64))
}

/// G on values sorted ascending. O(n), one vector of n suffix weights.
pub(crate) fn gini_sorted(x: &[f64], w: &[f64]) -> Option<f64> {
    let n = x.len();
    if x[0] < 0.0 {
        return None;
    }
    // above[k] = Σ_{j>k} wⱼ, summed from the top so small remainders keep their digits.
    let mut above = vec![0.0; n];
    let mut running = Sum::default();
    for k in (0..n).rev() {
        above[k] = running.value();
        running.add(w[k]);
    }
    let weight_total = running.value();
    let (mut below, mut weighted_value, mut g) = (Sum::default(), Sum::default(), Sum::default());
    for k in 0..n {
        below.add(w[k]);
        weighted_value.add(w[k] / weight_total * x[k]);
        if k + 1 < n {
            let gap = x[k + 1] - x[k];
            if gap > 0.0 {
                g.add(gap * (below.value() / weight_total) * (above[k] / weight_total));
            }
        }
    }
    let mu = weighted_value.value();
    if mu <= 0.0 {
        return None;
    }
    finite(Some((g.value() / mu).clamp(0.0, 1.0)))
}
