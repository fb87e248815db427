//! Which schools drive the CV: each school's share of the county variance, and the CV
//! without each school (docs/domain.md §3.2, §6 item 5).
//!
//! # Formula
//!
//! ```text
//! shareᵢ  = (wᵢ/W)(xᵢ − μ)² / S²              S² = Σ (wⱼ/W)(xⱼ − μ)²;  Σ shareᵢ = 1
//! CV₍₋ᵢ₎  = S₍₋ᵢ₎ / μ₍₋ᵢ₎                      the weighted CV of all schools but i
//! ```
//!
//! shareᵢ is the official worked example's 差异情况 term divided by S²: the schools with the
//! largest shares "drag the CV up". Source: 教督〔2012〕3号 annex as reproduced in local
//! guidance (docs/domain.md §3.2, §3.5: shares 0.000, 0.080, 0.481, 0.423, 0.016).
//!
//! CV₍₋ᵢ₎ for every i in O(n) total: weighted (W, μ, S²) summaries of every prefix and suffix,
//! built with West's (1979) weighted update and joined with the pooled-variance rule of Chan,
//! Golub & LeVeque (1979):
//!
//! ```text
//! S² = (W_a/W) S_a² + (W_b/W) S_b² + (W_a/W)(W_b/W)(μ_a − μ_b)²
//! ```
//!
//! Every term is ≥ 0, unlike "subtract school i from the running sums", which cancels
//! catastrophically when school i holds most of the variance.
//!
//! Edge cases: shares are `None` when S = 0 (all values equal: nothing to share); CV₍₋ᵢ₎ is
//! `None` when school i is the only one, or the remaining mean is ≤ 0.

use super::dispersion::std_dev_of;
use super::sum::Sum;
use super::view::{finite, View};
use super::Sample;

/// Each school's share of the weighted variance, aligned with the sample's rows; sums to 1.
///
/// `None` when all values are equal (S = 0). Complexity O(n).
///
/// ```
/// use junheng_core::measures::{variance_shares, Sample};
/// // 1, 2, 3, 4: squared deviations 2.25, 0.25, 0.25, 2.25 of total 5.
/// let s = Sample::unweighted(vec![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(variance_shares(&s), Some(vec![0.45, 0.05, 0.05, 0.45]));
/// ```
pub fn variance_shares(sample: &Sample) -> Option<Vec<f64>> {
    let view = View::of(sample);
    if std_dev_of(&view) == 0.0 {
        return None;
    }
    let terms: Vec<f64> = view
        .x
        .iter()
        .zip(view.w)
        .map(|(x, w)| w / view.weight_total * (x - view.mean) * (x - view.mean))
        .collect();
    let mut total = Sum::default();
    for term in &terms {
        total.add(*term);
    }
    let total = total.value();
    Some(terms.iter().map(|t| t / total).collect())
}

/// The weighted CV with each school left out in turn, aligned with the sample's rows.
///
/// Complexity O(n) time and memory.
///
/// ```
/// use junheng_core::measures::{cv_without_each, Sample};
/// // Without the 9, the rest are equal: CV 0.
/// let s = Sample::unweighted(vec![1.0, 1.0, 9.0]).unwrap();
/// let loo = cv_without_each(&s);
/// assert_eq!(loo[2], Some(0.0));
/// assert_eq!(loo[0], Some(0.8)); // 1 and 9: S = 4, μ = 5
/// ```
pub fn cv_without_each(sample: &Sample) -> Vec<Option<f64>> {
    let (x, w) = (sample.values(), sample.weights());
    let n = x.len();
    let mut prefixes = Vec::with_capacity(n);
    let mut running = Moments::default();
    for i in 0..n {
        prefixes.push(running);
        running.add(x[i], w[i]);
    }
    let mut result = vec![None; n];
    let mut suffix = Moments::default();
    for i in (0..n).rev() {
        let rest = prefixes[i].merge(&suffix);
        if rest.weight > 0.0 && rest.mean > 0.0 {
            result[i] = finite(Some(rest.variance.max(0.0).sqrt() / rest.mean));
        }
        suffix.add(x[i], w[i]);
    }
    result
}

/// Weight, mean and population variance of a set of rows.
#[derive(Clone, Copy, Debug, Default)]
struct Moments {
    weight: f64,
    mean: f64,
    variance: f64,
}

impl Moments {
    /// West (1979): adds one row. Written with weight fractions so nothing overflows.
    fn add(&mut self, x: f64, w: f64) {
        let weight = self.weight + w;
        let (old, new) = (self.weight / weight, w / weight);
        let delta = x - self.mean;
        let mean = if self.weight == 0.0 {
            x
        } else {
            self.mean + delta * new
        };
        self.variance = old * self.variance + new * delta * (x - mean);
        self.mean = mean;
        self.weight = weight;
    }

    /// Chan, Golub & LeVeque (1979): the moments of two disjoint sets pooled.
    fn merge(&self, other: &Moments) -> Moments {
        if self.weight == 0.0 {
            return *other;
        }
        if other.weight == 0.0 {
            return *self;
        }
        let weight = self.weight + other.weight;
        let (a, b) = (self.weight / weight, other.weight / weight);
        let delta = other.mean - self.mean;
        Moments {
            weight,
            mean: self.mean + delta * b,
            variance: a * self.variance + b * other.variance + a * b * delta * delta,
        }
    }
}
