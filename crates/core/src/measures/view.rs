//! Internal: what nearly every measure needs (W, μ, min, max, sign flags), computed once.

use std::cell::OnceCell;

use super::sum::{sum, Sum};
use super::terms::{half_term, theil_and_mld_terms, two_term};
use super::Sample;

/// Values and weights with their total weight, weighted mean and extremes.
///
/// The slices may be in any order; `summarize` passes them sorted so that its results do not
/// depend on row order at all.
pub(crate) struct View<'a> {
    pub x: &'a [f64],
    pub w: &'a [f64],
    /// W = Σ wᵢ.
    pub weight_total: f64,
    /// μ = Σ wᵢxᵢ / W, computed as c + Σ wᵢ(xᵢ − c) / W with c = min for values ≥ 0 (max for
    /// values ≤ 0, 0 for mixed signs): for non-negative data every term is ≥ 0, so the
    /// compensated sum has no cancellation, and equal values give μ = x exactly.
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    pub has_negative: bool,
    pub has_zero: bool,
    /// The sums of [`RatioSums`], computed on first use.
    ratio_sums: OnceCell<RatioSums>,
}

/// The weighted averages Σ pᵢ·f(rᵢ, dᵢ) (see [`View::average_of_ratio`]) that Theil T, the
/// MLD, Atkinson (ε = ½, 1, 2) and Hoover are written in, accumulated in one pass.
///
/// Each measure used to make its own passes (δ alone five times per summary, the MLD twice):
/// one pass computes rᵢ, dᵢ and pᵢ once per value and one logarithm for both h and g. Each
/// average is still its own compensated sum of the same terms in the same order, so every
/// value is the same, bit for bit, as summed alone. A single measure pays for the others:
/// O(n) either way.
pub(crate) struct RatioSums {
    /// δ = Σ pᵢdᵢ, the rounding of μ (≈ 0).
    pub delta: f64,
    /// Σ pᵢ h(dᵢ), Theil T's terms (theil.rs).
    pub theil: f64,
    /// Σ pᵢ g(dᵢ), the MLD's terms (theil.rs); infinite when some x = 0.
    pub mld: f64,
    /// Σ pᵢ (√rᵢ − 1)²/2, Atkinson ε = ½ (atkinson.rs).
    pub atkinson_half: f64,
    /// Σ pᵢ dᵢ²/rᵢ, Atkinson ε = 2 (atkinson.rs); infinite when some x = 0.
    pub atkinson_two: f64,
    /// Σ pᵢ |dᵢ|, twice Hoover's index (hoover.rs).
    pub abs_deviation: f64,
}

impl<'a> View<'a> {
    /// O(n). `x` and `w` are non-empty and of equal length (a [`Sample`]'s invariants).
    pub fn new(x: &'a [f64], w: &'a [f64]) -> View<'a> {
        // min, max, W and the zero test in one pass (the same folds as four separate ones).
        let (mut min, mut max, mut has_zero) = (f64::INFINITY, f64::NEG_INFINITY, false);
        let mut weights = Sum::default();
        for (&x, &w) in x.iter().zip(w) {
            min = min.min(x);
            max = max.max(x);
            has_zero |= x == 0.0;
            weights.add(w);
        }
        let weight_total = weights.value();
        // The shift: the value nearest 0 when all have one sign, else 0 (a huge negative shift
        // would swamp small values in x − shift).
        let shift = if min >= 0.0 {
            min
        } else if max <= 0.0 {
            max
        } else {
            0.0
        };
        let shifted = sum(x.iter().zip(w).map(|(x, w)| w * (x - shift)));
        let mean = (shift + shifted / weight_total).clamp(min, max);
        View {
            x,
            w,
            weight_total,
            mean,
            min,
            max,
            has_negative: min < 0.0,
            has_zero,
            ratio_sums: OnceCell::new(),
        }
    }

    pub fn of(sample: &'a Sample) -> View<'a> {
        View::new(sample.values(), sample.weights())
    }

    pub fn len(&self) -> usize {
        self.x.len()
    }

    /// Σ pᵢ·f(rᵢ, dᵢ) with pᵢ = wᵢ/W, rᵢ = xᵢ/μ and dᵢ = (xᵢ − μ)/μ = rᵢ − 1, compensated.
    /// Needs μ > 0.
    ///
    /// The entropy measures are written in these: each term can be arranged to be ≥ 0, so that
    /// sums do not cancel for nearly equal data. Both are passed because each is accurate where
    /// the other is not: d near 0 (r ≈ 1 has lost d's digits), r near 0 (d ≈ −1 has lost r's).
    pub fn average_of_ratio(&self, f: impl Fn(f64, f64) -> f64) -> f64 {
        let mut s = Sum::default();
        for (x, w) in self.x.iter().zip(self.w) {
            let r = x / self.mean;
            let d = (x - self.mean) / self.mean;
            s.add(w / self.weight_total * f(r, d));
        }
        s.value()
    }

    /// The [`RatioSums`], computed on the first call (one pass, O(n)) and kept. Needs μ > 0.
    pub fn ratio_sums(&self) -> &RatioSums {
        self.ratio_sums.get_or_init(|| {
            let mut sums = [Sum::default(); 6];
            for (x, w) in self.x.iter().zip(self.w) {
                // The same r, d and pᵢ as average_of_ratio.
                let r = x / self.mean;
                let d = (x - self.mean) / self.mean;
                let p = w / self.weight_total;
                let (h, g) = theil_and_mld_terms(r, d);
                for (sum, term) in
                    sums.iter_mut()
                        .zip([d, h, g, half_term(r, d), two_term(r, d), d.abs()])
                {
                    sum.add(p * term);
                }
            }
            let [delta, theil, mld, atkinson_half, atkinson_two, abs_deviation] =
                sums.map(|s| s.value());
            RatioSums {
                delta,
                theil,
                mld,
                atkinson_half,
                atkinson_two,
                abs_deviation,
            }
        })
    }
}

/// The sample's (value, weight) pairs sorted ascending by value, ties by weight: a total order,
/// so any permutation of the rows gives the same arrays, bit for bit. O(n log n).
pub(crate) fn sorted(sample: &Sample) -> (Vec<f64>, Vec<f64>) {
    let mut pairs: Vec<(f64, f64)> = sample
        .values()
        .iter()
        .copied()
        .zip(sample.weights().iter().copied())
        .collect();
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    pairs.into_iter().unzip()
}

/// Keeps a result only when it is a finite number, so no NaN or infinity reaches a page.
pub(crate) fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}
