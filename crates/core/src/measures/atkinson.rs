//! Atkinson index A(ε): the share of resources that could be removed while keeping the same
//! welfare if they were spread equally.
//!
//! # Formula
//!
//! ```text
//! A(ε) = 1 − ( Σ pᵢ (xᵢ/μ)^(1−ε) )^(1/(1−ε))       ε ≥ 0, ε ≠ 1
//! A(1) = 1 − exp( Σ pᵢ ln xᵢ ) / μ  = 1 − exp(−L)   L = mean log deviation (theil.rs)
//! ```
//!
//! pᵢ = wᵢ/W (pupil share), μ = weighted mean, ε = inequality aversion (0.5, 1, 2 customary;
//! ε = 0 gives 0). Range [0, 1); 0 = equal. Source: Atkinson (1970), *J. Econ. Theory* 2;
//! Cowell, *Measuring Inequality*; docs/domain.md §4.
//!
//! Numerics: for ε = 0.5, 1, 2 the index is rewritten in rᵢ = xᵢ/μ = 1 + dᵢ so that every
//! summed term is ≥ 0 (no cancellation when values are nearly equal), with δ = Σ pᵢdᵢ (≈ 0,
//! the rounding of μ) carried exactly:
//!
//! ```text
//! ε = 0.5:  Q = Σ pᵢ (√rᵢ − 1)²/2,  u = δ/2 − Q,    A = (2Q − u²) / (1 + δ)
//! ε = 1:    A = −expm1(−L)
//! ε = 2:    Z = Σ pᵢ dᵢ²/rᵢ,        K = Z(1 + δ) − δ², A = K / (1 + K)
//! ```
//!
//! Other ε use the definition directly.
//!
//! Edge cases: `None` when any x < 0, μ ≤ 0, ε < 0 or not finite, or when any x = 0 and
//! ε ≥ 1 (x^(1−ε) or ln x undefined; docs/domain.md §3.3 "n/a (zero values)"). Complexity O(n).

use super::math;
use super::theil::mld_of;
use super::view::{finite, View};
use super::Sample;

/// Atkinson index with inequality aversion ε.
///
/// ```
/// use junheng_core::measures::{atkinson, Sample};
/// // 1 and 4: μ = 2.5; ε = 2 uses the harmonic mean 1/((1 + 1/4)/2) = 1.6, so A = 1 − 1.6/2.5.
/// let s = Sample::unweighted(vec![1.0, 4.0]).unwrap();
/// assert!((atkinson(&s, 2.0).unwrap() - 0.36).abs() < 1e-15);
/// // ε = 1 uses the geometric mean 2: A = 1 − 2/2.5 = 0.2.
/// assert!((atkinson(&s, 1.0).unwrap() - 0.2).abs() < 1e-15);
/// // ε = 0.5: ((1 + 2)/2)² = 2.25, A = 1 − 2.25/2.5 = 0.1.
/// assert!((atkinson(&s, 0.5).unwrap() - 0.1).abs() < 1e-15);
/// ```
pub fn atkinson(sample: &Sample, epsilon: f64) -> Option<f64> {
    atkinson_of(&View::of(sample), epsilon)
}

pub(crate) fn atkinson_of(view: &View, epsilon: f64) -> Option<f64> {
    if !(epsilon.is_finite() && epsilon >= 0.0) || view.has_negative || view.mean <= 0.0 {
        return None;
    }
    if epsilon >= 1.0 && view.has_zero {
        return None;
    }
    if epsilon == 0.0 {
        return Some(0.0);
    }
    let sums = view.ratio_sums();
    let delta = sums.delta;
    let a = if epsilon == 0.5 {
        let q = sums.atkinson_half;
        let u = delta / 2.0 - q;
        (2.0 * q - u * u) / (1.0 + delta)
    } else if epsilon == 1.0 {
        -math::exp_m1(-mld_of(view)?)
    } else if epsilon == 2.0 {
        let z = sums.atkinson_two;
        let k = z * (1.0 + delta) - delta * delta;
        if k > 1.0 {
            1.0 - 1.0 / (1.0 + k)
        } else {
            k / (1.0 + k)
        }
    } else {
        let power = 1.0 - epsilon;
        let m = view.average_of_ratio(|r, _| math::pow(r, power));
        1.0 - math::pow(m, 1.0 / power) / (1.0 + delta)
    };
    finite(Some(a.clamp(0.0, 1.0)))
}
