//! Mean, standard deviation and coefficient of variation (差异系数), weighted and unweighted.
//!
//! # Formula
//!
//! ```text
//! μ  = Σ wᵢxᵢ / W                      W = Σ wᵢ
//! S  = sqrt( Σ wᵢ(xᵢ − μ)² / W )        population form, divisor W
//! CV = S / μ
//! ```
//!
//! xᵢ is school i's value (resource per pupil), wᵢ its weight (pupils, or 1 for an unweighted
//! sample). With pupil weights, μ is total resource over total pupils and CV is the national
//! 差异系数 (教督〔2012〕3号 annex; docs/domain.md §3.2).
//!
//! Numerics: μ is min + Σ wᵢ(xᵢ − min)/W for x ≥ 0, with compensated sums (no cancellation,
//! exact for equal values); S uses two passes with the correction term of Chan, Golub & LeVeque
//! (S² = Σ pᵢdᵢ² − (Σ pᵢdᵢ)², pᵢ = wᵢ/W, dᵢ = xᵢ − μ), which removes the first-order error
//! of μ. All O(n).

use super::sum::Sum;
use super::view::{finite, View};
use super::Sample;

/// Weighted mean μ = Σ wᵢxᵢ / Σ wᵢ.
///
/// With pupil weights and xᵢ = Rᵢ/Pᵢ this is total resource over total pupils, the county mean
/// of the national formula (docs/domain.md §3.2). Complexity O(n).
///
/// ```
/// use junheng_core::measures::{mean, Sample};
/// // Books per pupil of two schools: 279/45 and 137/37; total 416 books over 82 pupils.
/// let s = Sample::new(vec![279.0 / 45.0, 137.0 / 37.0], vec![45.0, 37.0]).unwrap();
/// assert!((mean(&s) - 416.0 / 82.0).abs() < 1e-14);
/// ```
pub fn mean(sample: &Sample) -> f64 {
    View::of(sample).mean
}

/// Population standard deviation S = sqrt(Σ wᵢ(xᵢ − μ)² / Σ wᵢ), two passes.
///
/// The population form (divisor W, not W − 1) is the one of the national 差异系数 formula
/// (教督〔2012〕3号 annex; docs/domain.md §3.2). n = 1 gives 0. Complexity O(n).
///
/// ```
/// use junheng_core::measures::{std_dev, Sample};
/// // 1, 2, 3, 4: μ = 2.5, deviations² 2.25, 0.25, 0.25, 2.25, mean 1.25.
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert!((std_dev(&s) - 1.25f64.sqrt()).abs() < 1e-15);
/// ```
pub fn std_dev(sample: &Sample) -> f64 {
    std_dev_of(&View::of(sample))
}

/// Coefficient of variation CV = S / μ, the national 差异系数 when weighted by pupils.
///
/// `None` when μ ≤ 0 (undefined). Source: 教督〔2012〕3号 annex, docs/domain.md §3.2; the official
/// worked example (books per pupil, 5 schools) gives 0.5153. n = 1 gives Some(0): arithmetically
/// right, meaningless as a dispersion (`Summary` adds `Note::SingleValue`). Complexity O(n).
///
/// ```
/// use junheng_core::measures::{cv, Sample};
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert!((cv(&s).unwrap() - 1.0 / 5f64.sqrt()).abs() < 1e-15); // sqrt(1.25)/2.5
/// ```
pub fn cv(sample: &Sample) -> Option<f64> {
    cv_of(&View::of(sample))
}

/// Research variant, **unweighted sample** standard deviation: weights ignored, divisor n − 1.
///
/// ```text
/// x̄ = Σ xᵢ / n,   s = sqrt( Σ (xᵢ − x̄)² / (n − 1) )
/// ```
///
/// Not the national formula (which weights by pupils and divides by N); offered for theses
/// that report the textbook sample SD (docs/domain.md §3.2, "unweighted variant"). `None` when
/// n = 1. Complexity O(n).
///
/// ```
/// use junheng_core::measures::{std_dev_unweighted_sample, Sample};
/// // 1, 2, 3, 4: Σ(x − 2.5)² = 5, so s = sqrt(5/3). Weights are ignored.
/// let s = Sample::new(vec![1.0, 2.0, 3.0, 4.0], vec![9.0, 1.0, 1.0, 1.0]).unwrap();
/// assert!((std_dev_unweighted_sample(&s).unwrap() - (5.0f64 / 3.0).sqrt()).abs() < 1e-15);
/// ```
pub fn std_dev_unweighted_sample(sample: &Sample) -> Option<f64> {
    let n = sample.len();
    if n < 2 {
        return None;
    }
    let ones = vec![1.0; n];
    let population = std_dev_of(&View::new(sample.values(), &ones));
    finite(Some(population * (n as f64 / (n - 1) as f64).sqrt()))
}

/// Research variant, **unweighted sample** CV = s / x̄ with s from
/// [`std_dev_unweighted_sample`] (divisor n − 1) and x̄ the plain mean.
///
/// `None` when n = 1 or x̄ ≤ 0. The docs/domain.md §3.5 example gives 0.5465 (population: 0.4888).
///
/// ```
/// use junheng_core::measures::{cv_unweighted_sample, Sample};
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert!((cv_unweighted_sample(&s).unwrap() - (5.0f64 / 3.0).sqrt() / 2.5).abs() < 1e-15);
/// ```
pub fn cv_unweighted_sample(sample: &Sample) -> Option<f64> {
    let ones = vec![1.0; sample.len()];
    let plain_mean = View::new(sample.values(), &ones).mean;
    if plain_mean <= 0.0 {
        return None;
    }
    finite(std_dev_unweighted_sample(sample).map(|s| s / plain_mean))
}

pub(crate) fn std_dev_of(view: &View) -> f64 {
    if view.min == view.max {
        return 0.0;
    }
    let (mut squares, mut linear) = (Sum::default(), Sum::default());
    for (x, w) in view.x.iter().zip(view.w) {
        let p = w / view.weight_total;
        let d = x - view.mean;
        squares.add(p * d * d);
        linear.add(p * d);
    }
    let variance = squares.value() - linear.value() * linear.value();
    variance.max(0.0).sqrt()
}

pub(crate) fn cv_of(view: &View) -> Option<f64> {
    cv_from_std(view, std_dev_of(view))
}

/// [`cv_of`] given σ = [`std_dev_of`]`(view)`, for a caller that has σ already: one pass
/// fewer.
pub(crate) fn cv_from_std(view: &View, std: f64) -> Option<f64> {
    if view.mean <= 0.0 {
        return None;
    }
    finite(Some(std / view.mean))
}
